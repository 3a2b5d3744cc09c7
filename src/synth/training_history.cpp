// Synthetic training histories. Leaders and candidates get a Party-building refresher in
// most years of the term (point 3), marked as planned (point 2); the rest of a history is
// drawn from the courses that gave the cadre their levels, plus skills and other courses.
#include "synth/training_history.hpp"

#include <algorithm>
#include <string_view>

namespace cadreplan::synth {
namespace {

namespace gregorian = boost::gregorian;
using model::TrainingKind;

// A course before it becomes a record: what, when, where, for how much.
struct CourseDraft {
  std::string_view course;
  TrainingKind kind = TrainingKind::other;
  gregorian::date start;
  int days = 1;
  std::string_view provider;
  model::Dong cost = 0;
};

constexpr std::string_view refresher_code = "BD-XDD";

model::Dong thousands(Random& random, std::int64_t low, std::int64_t high) {
  return random.between(low, high) * 1000;
}

void set_outcome(Random& random, model::TrainingRecord& record, gregorian::date as_of) {
  using model::TrainingStatus;
  if (as_of < record.start_date) {
    record.status = TrainingStatus::planned;
  } else if (as_of < record.end_date) {
    record.status = TrainingStatus::in_progress;
  } else {
    const std::uint32_t weights[] = {0, 0, 96, 2, 2};  // TrainingStatus order
    record.status = static_cast<TrainingStatus>(random.weighted(weights));
  }
  if (record.status == TrainingStatus::completed) {
    record.result = random.pick(std::span<const std::string_view>(vocabulary::passing_results));
  } else if (record.status == TrainingStatus::failed) {
    record.result = vocabulary::failing_result;
  }
}

void add_record(Random& random, const CourseDraft& draft, const model::Cadre& cadre,
                const GeneratorOptions& options, std::vector<model::TrainingRecord>& out) {
  model::TrainingRecord& record = out.emplace_back();
  record.cadre_id = cadre.id;
  record.course = draft.course;
  record.kind = draft.kind;
  record.start_date = draft.start;
  record.end_date = draft.start + gregorian::days(draft.days - 1);
  record.provider = draft.provider;
  set_outcome(random, record, options.as_of);
  const std::uint32_t funding[] = {92, 6, 2};  // Funding order
  record.funding = static_cast<model::Funding>(random.weighted(funding));
  if (!random.chance(3, 100)) record.planned = random.chance(93, 100);
  if (!random.chance(2, 100)) record.cost = draft.cost;
}

std::string_view refresher_provider(Random& random, const UnitContext& context) {
  const std::uint32_t weights[] = {70, 28, 2};
  switch (random.weighted(weights)) {
    case 0:
      return context.school;
    case 1:
      return context.centre;
    default:
      return random.pick(std::span<const std::string_view>(vocabulary::unaccredited_providers));
  }
}

// How likely a cadre attended the yearly refresher: secretaries almost always (the seed
// counts 14 of 109 who missed one in 2013), other leaders and candidates mostly.
std::uint64_t refresher_per_cent(Role role) {
  switch (role) {
    case Role::secretary:
      return 98;
    case Role::leader:
    case Role::candidate:
      return 94;
    case Role::staff:
      break;
  }
  return 40;
}

// A refresher in each year served of the term (each held with a probability), and for
// leaders often one planned for next year.
std::size_t add_refreshers(Random& random, const UnitContext& context, const model::Cadre& cadre,
                           Role role, std::vector<model::TrainingRecord>& out) {
  const GeneratorOptions& options = context.options;
  const bool leading = role != Role::staff;
  const gregorian::date since = cadre.positions.front().since.value_or(options.term.start());
  const int first_year = std::max<int>(options.term.first_year(), since.year());
  const int last_year = options.as_of.year() + (leading && random.chance(1, 2) ? 1 : 0);
  std::size_t added = 0;
  for (int year = first_year; year <= last_year; ++year) {
    if (!random.chance(refresher_per_cent(role), 100)) continue;
    const auto first_month = year == options.term.first_year() ? 8 : 3;
    CourseDraft draft{refresher_code, TrainingKind::party_building,
                      gregorian::date(static_cast<unsigned short>(year),
                                      static_cast<unsigned short>(random.between(first_month, 11)),
                                      static_cast<unsigned short>(random.between(1, 28))),
                      5, refresher_provider(random, context), thousands(random, 1500, 3000)};
    add_record(random, draft, cadre, options, out);
    ++added;
  }
  return added;
}

// The course that gave the cadre their political theory level (none: a first course).
CourseDraft political_theory_course(Random& random, const UnitContext& context,
                                    const model::Cadre& cadre) {
  using model::PoliticalTheory;
  switch (cadre.political_theory.value_or(PoliticalTheory::none)) {
    case PoliticalTheory::advanced:
      return {"LLCT-CC", TrainingKind::political_theory, {}, 240,
              vocabulary::regional_academies[context.region], thousands(random, 20000, 30000)};
    case PoliticalTheory::bachelor:
      return {"LLCT-CN", TrainingKind::political_theory, {}, 540,
              vocabulary::regional_academies[context.region], thousands(random, 30000, 45000)};
    case PoliticalTheory::intermediate:
      return {"LLCT-TC", TrainingKind::political_theory, {}, 180, context.school,
              thousands(random, 6000, 10000)};
    default:
      return {"LLCT-SC", TrainingKind::political_theory, {}, 45, context.centre,
              thousands(random, 1000, 2000)};
  }
}

CourseDraft state_management_course(Random& random, const UnitContext& context,
                                    const model::Cadre& cadre) {
  const bool principal = cadre.state_management >= model::StateManagement::principal_officer;
  return {principal ? "QLNN-CVC" : "QLNN-CV", TrainingKind::state_management, {},
          principal ? 60 : 40,
          random.chance(1, 2) ? vocabulary::administration_academy
                              : std::string_view(context.school),
          thousands(random, 4000, 9000)};
}

CourseDraft professional_course(Random& random, const model::Cadre& cadre) {
  const bool degree = cadre.professional.level >= model::ProfessionalLevel::university;
  const bool unaccredited = cadre.professional.funding == model::Funding::self &&
                            random.chance(1, 3);
  return {degree ? "CM-DH" : "CM-CD", TrainingKind::professional, {}, degree ? 1100 : 700,
          unaccredited
              ? random.pick(std::span<const std::string_view>(vocabulary::unaccredited_providers))
              : random.pick(std::span<const std::string_view>(vocabulary::universities)),
          thousands(random, 20000, 60000)};
}

CourseDraft minor_course(Random& random, const UnitContext& context, std::size_t turn) {
  if (turn % 2 == 0) {
    return {"KN-LDQL", TrainingKind::skills, {}, 10, context.school, thousands(random, 2000, 4000)};
  }
  return {random.chance(1, 2) ? "TH-UD" : "NN-TA", TrainingKind::other, {}, 30, context.centre,
          thousands(random, 1000, 3000)};
}

// The next course of a history: first those that gave the levels, then minor ones.
CourseDraft career_course(Random& random, const UnitContext& context, const model::Cadre& cadre,
                          std::size_t turn) {
  if (turn == 0) return political_theory_course(random, context, cadre);
  if (turn == 1 && cadre.state_management > model::StateManagement::none) {
    return state_management_course(random, context, cadre);
  }
  if (turn == 2 && cadre.professional.level >= model::ProfessionalLevel::college) {
    return professional_course(random, cadre);
  }
  return minor_course(random, context, turn);
}

// Career courses start in the fifteen years before the as-of day (and as an adult), a
// few in the year after it.
gregorian::date career_start(Random& random, const model::Cadre& cadre, const GeneratorOptions& options,
                             int days) {
  const gregorian::date adult = cadre.birth_date + gregorian::days(20 * 365);
  const gregorian::date earliest = std::max(adult, options.as_of - gregorian::days(15 * 365));
  const gregorian::date latest =
      random.chance(1, 20) ? options.as_of + gregorian::days(365) : options.as_of - gregorian::days(days);
  return day_between(random, std::min(earliest, latest), latest);
}

}  // namespace

void add_training_history(Random& random, const UnitContext& context, const model::Cadre& cadre,
                          Role role, std::vector<model::TrainingRecord>& out) {
  const auto target = static_cast<std::size_t>(random.between(3, 7));
  const std::size_t refreshers = add_refreshers(random, context, cadre, role, out);
  for (std::size_t turn = 0; refreshers + turn < std::max(target, refreshers + 1); ++turn) {
    CourseDraft draft = career_course(random, context, cadre, turn);
    draft.start = career_start(random, cadre, context.options, draft.days);
    add_record(random, draft, cadre, context.options, out);
  }
}

}  // namespace cadreplan::synth
