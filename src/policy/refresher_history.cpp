#include "cadreplan/policy/refresher_history.hpp"

#include <algorithm>

namespace cadreplan::policy {

std::vector<RefresherYear> refresher_history(const model::Cadre& cadre,
                                             const EvaluationContext& context,
                                             model::TrainingKind kind) {
  using boost::gregorian::date;
  date served_from = context.current_term().start();
  for (const auto& holding : cadre.positions) {
    if (holding.position == model::Position::secretary && holding.since &&
        served_from < *holding.since) {
      served_from = *holding.since;
    }
  }
  std::vector<RefresherYear> years;
  if (context.as_of() < served_from) return years;

  const int first_year = served_from.year();
  const int last_year = context.as_of().year();
  years.resize(static_cast<std::size_t>(last_year - first_year + 1));
  // One pass over the records, each completion counted in its year (a pass per year read
  // every record of every secretary five times); completions before the first year served
  // count only as the last time it was done.
  std::optional<int> last_done;
  for (const auto* record : context.trainings_of(cadre)) {
    if (record->kind != kind || !record->completed() || context.as_of() < record->end_date) continue;
    const int year = record->end_date.year();
    if (year < first_year) {
      last_done = std::max(last_done.value_or(year), year);
    } else {
      ++years[static_cast<std::size_t>(year - first_year)].completed;
    }
  }
  for (int year = first_year; year <= last_year; ++year) {
    RefresherYear& entry = years[static_cast<std::size_t>(year - first_year)];
    entry.year = year;
    entry.full_year = served_from <= date(static_cast<unsigned short>(year), 1, 1) &&
                      date(static_cast<unsigned short>(year), 12, 31) <= context.as_of();
    if (entry.completed > 0) last_done = year;
    entry.last_done_year = last_done;
    entry.status = entry.completed > 0 ? RefresherStatus::done
                   : last_done        ? RefresherStatus::lapsed
                                      : RefresherStatus::never_done;
  }
  return years;
}

}  // namespace cadreplan::policy
