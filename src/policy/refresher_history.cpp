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

  const auto records = context.trainings_of(cadre);
  std::optional<int> last_done;
  for (const auto* record : records) {  // completions before the first year served count too
    if (record->kind == kind && record->completed() && record->end_date.year() < served_from.year() &&
        record->end_date <= context.as_of()) {
      last_done = std::max<int>(last_done.value_or(record->end_date.year()), record->end_date.year());
    }
  }
  for (int year = served_from.year(); year <= context.as_of().year(); ++year) {
    RefresherYear entry;
    entry.year = year;
    entry.full_year = served_from <= date(static_cast<unsigned short>(year), 1, 1) &&
                      date(static_cast<unsigned short>(year), 12, 31) <= context.as_of();
    for (const auto* record : records) {
      if (record->kind == kind && record->completed() && record->end_date.year() == year &&
          record->end_date <= context.as_of()) {
        ++entry.completed;
      }
    }
    if (entry.completed > 0) last_done = year;
    entry.last_done_year = last_done;
    entry.status = entry.completed > 0 ? RefresherStatus::done
                   : last_done        ? RefresherStatus::lapsed
                                      : RefresherStatus::never_done;
    years.push_back(entry);
  }
  return years;
}

}  // namespace cadreplan::policy
