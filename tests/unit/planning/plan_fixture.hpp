// Shared by the planning tests: small rosters and catalogues built in code, the default
// profile, and an independent checker of every hard constraint of a plan.
//
// The checker re-derives everything from the inputs and the Plan value, written from the
// contract (FORMATS.md, planner.hpp) and not from the planner's code: it shares no helper
// with src/planning/planner.cpp beyond the model's value types.
#pragma once

#include <gtest/gtest.h>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "cadreplan/io/profile_toml.hpp"
#include "cadreplan/model/roster.hpp"
#include "cadreplan/planning/catalogue.hpp"
#include "cadreplan/planning/plan.hpp"
#include "cadreplan/planning/planner.hpp"
#include "cadreplan/policy/profile.hpp"
#include "cadreplan/policy/rule_registry.hpp"
#include "cadreplan/text/fold.hpp"

namespace cadreplan::planning::testing {

using boost::gregorian::date;

/// The built-in rules.
inline const policy::RuleRegistry& registry() {
  static const policy::RuleRegistry rules = policy::RuleRegistry::with_builtin_rules();
  return rules;
}

/// The default profile, loaded once.
inline const policy::Profile& default_profile() {
  static const policy::Profile profile = io::default_profile(registry());
  return profile;
}

/// The default profile with one secretary standard in force from 2000 on, with the given
/// minima (empty: none), no age limit and no exemptions.
inline policy::Profile profile_with(
    std::optional<model::PoliticalTheory> political_theory,
    std::optional<model::ProfessionalLevel> professional_level,
    std::optional<model::GeneralEducation> general_education = std::nullopt) {
  policy::Profile profile = default_profile();
  policy::PositionStandard standard;
  standard.position = model::Position::secretary;
  standard.from = date(2000, 1, 1);
  standard.political_theory = political_theory;
  standard.professional_level = professional_level;
  standard.general_education = general_education;
  standard.source = "test standard";
  profile.standards = {standard};
  return profile;
}

/// Builds roster tables record by record.
class RosterBuilder {
 public:
  /// A commune in the plains.
  RosterBuilder& unit(const std::string& id) {
    model::Unit unit;
    unit.id = model::UnitId(id);
    unit.name = "Xã " + id;
    unit.kind = model::UnitKind::commune;
    unit.area = model::Area::plains;
    unit.large_minority = false;
    tables.units.push_back(std::move(unit));
    return *this;
  }

  /// A cadre holding \p positions since 2010-07-01, born on \p birth, with the given
  /// political theory and professional level (university in law, upper secondary otherwise).
  model::Cadre& cadre(
      const std::string& id, const std::string& unit_id, date birth,
      std::vector<model::Position> positions,
      model::PoliticalTheory political_theory = model::PoliticalTheory::intermediate,
      model::ProfessionalLevel professional = model::ProfessionalLevel::university) {
    model::Cadre cadre;
    cadre.id = model::CadreId(id);
    cadre.full_name = "Nguyễn Văn " + id;
    cadre.birth_date = birth;
    cadre.unit_id = model::UnitId(unit_id);
    for (auto position : positions) cadre.positions.push_back({position, date(2010, 7, 1)});
    cadre.gender = model::Gender::male;
    cadre.general_education = model::GeneralEducation::upper_secondary;
    cadre.professional.level = professional;
    cadre.professional.field = "Luật";
    cadre.professional.funding = model::Funding::state;
    cadre.professional.planned = true;
    cadre.political_theory = political_theory;
    cadre.state_management = model::StateManagement::officer;
    tables.cadres.push_back(std::move(cadre));
    return tables.cadres.back();
  }

  /// A secretary of \p unit_id.
  model::Cadre& secretary(
      const std::string& id, const std::string& unit_id,
      model::PoliticalTheory political_theory = model::PoliticalTheory::intermediate,
      model::ProfessionalLevel professional = model::ProfessionalLevel::university,
      date birth = date(1975, 1, 1)) {
    return cadre(id, unit_id, birth, {model::Position::secretary}, political_theory, professional);
  }

  /// A deputy secretary of \p unit_id in the unit's secretary pool for \p term.
  model::Cadre& candidate(
      const std::string& id, const std::string& unit_id, model::Term term,
      model::PoliticalTheory political_theory = model::PoliticalTheory::intermediate,
      model::ProfessionalLevel professional = model::ProfessionalLevel::university,
      date birth = date(1980, 1, 1)) {
    tables.pools.push_back(model::PoolEntry{model::UnitId(unit_id), model::Position::secretary,
                                            model::CadreId(id), term, std::nullopt});
    return cadre(id, unit_id, birth, {model::Position::deputy_secretary}, political_theory,
                 professional);
  }

  /// A training record.
  model::TrainingRecord& training(const std::string& cadre_id, model::TrainingKind kind, date start,
                                  date end,
                                  model::TrainingStatus status = model::TrainingStatus::completed) {
    model::TrainingRecord record;
    record.cadre_id = model::CadreId(cadre_id);
    record.course = "EXISTING";
    record.kind = kind;
    record.start_date = start;
    record.end_date = end;
    record.provider = "Trường Chính trị tỉnh Sóc Trăng";
    record.status = status;
    tables.trainings.push_back(std::move(record));
    return tables.trainings.back();
  }

  /// The validated roster.
  [[nodiscard]] model::Roster build() const { return model::Roster::build(tables); }

  model::RosterTables tables;  ///< What has been added so far.
};

/// A course at the provincial Political School (accredited by the default profile).
inline Course course(const std::string& id, model::TrainingKind kind, model::Dong cost, int days,
                     std::vector<int> months,
                     std::optional<QualificationLevel> confers = std::nullopt,
                     std::optional<QualificationLevel> prerequisite = std::nullopt,
                     std::optional<int> capacity = std::nullopt) {
  Course course;
  course.id = model::CourseId(id);
  course.name = "Course " + id;
  course.kind = kind;
  course.provider = "Trường Chính trị tỉnh Sóc Trăng";
  course.cost = cost;
  course.days = days;
  course.confers = confers;
  course.prerequisite = prerequisite;
  course.accredited = true;
  course.capacity = capacity;
  course.start_months = std::move(months);
  return course;
}

/// A 5-day Party-building refresher starting in \p months.
inline Course refresher(const std::string& id = "BD", model::Dong cost = 1,
                        std::vector<int> months = {3, 9},
                        std::optional<int> capacity = std::nullopt) {
  return course(id, model::TrainingKind::party_building, cost, 5, std::move(months), std::nullopt,
                std::nullopt, capacity);
}

// ---------------------------------------------------------------------------------------
// The independent checker.

/// Everything a plan was made from.
struct PlanInputs {
  const model::Roster& roster;
  const policy::Profile& profile;
  const Catalogue& catalogue;
  model::Term term;
  YearlyBudgets budgets;
  model::TrainingKind refresher_kind = model::TrainingKind::party_building;
  int refreshers_per_year = 1;
};

namespace detail {

template <class E>
int checker_rank(E level) {
  return static_cast<int>(level);
}
inline int checker_rank(model::PoliticalTheory level) {
  return level == model::PoliticalTheory::bachelor
             ? static_cast<int>(model::PoliticalTheory::advanced)
             : static_cast<int>(level);
}

// Rank of \p level and the cadre's level in the same dimension (-1: unknown).
inline std::pair<int, int> ranks(const QualificationLevel& level, const model::Cadre& cadre) {
  if (auto value = level.as<model::PoliticalTheory>()) {
    return {checker_rank(*value),
            cadre.political_theory ? checker_rank(*cadre.political_theory) : -1};
  }
  if (auto value = level.as<model::ProfessionalLevel>()) {
    return {checker_rank(*value),
            cadre.professional.level ? checker_rank(*cadre.professional.level) : -1};
  }
  if (auto value = level.as<model::StateManagement>()) {
    return {checker_rank(*value),
            cadre.state_management ? checker_rank(*cadre.state_management) : -1};
  }
  auto value = level.as<model::GeneralEducation>();
  return {checker_rank(*value),
          cadre.general_education ? checker_rank(*cadre.general_education) : -1};
}

}  // namespace detail

/// The cadres the plan must cover, as the contract defines them: secretaries of
/// commune-level units during the term, then candidates of the pools for the term or the
/// next one; each with the last day before retirement. Retired before the term: left out.
inline std::map<std::string, date> expected_subjects(const PlanInputs& inputs) {
  std::map<std::string, date> subjects;
  std::set<std::string> seen;
  const auto& term = inputs.term;
  auto add = [&](const model::Cadre& cadre) {
    if (!seen.insert(cadre.id.str()).second) return;
    const date retirement =
        inputs.profile.retirement.retirement_date(cadre.birth_date, cadre.gender);
    if (retirement <= term.start()) return;
    subjects[cadre.id.str()] = std::min(term.last_day(), retirement - boost::gregorian::days(1));
  };
  for (const auto& cadre : inputs.roster.cadres()) {
    const auto* unit = inputs.roster.find_unit(cadre.unit_id);
    if (!model::is_commune_level(unit->kind)) continue;
    for (const auto& holding : cadre.positions) {
      if (holding.position == model::Position::secretary &&
          (!holding.since || *holding.since <= term.last_day())) {
        add(cadre);
      }
    }
  }
  for (const auto& entry : inputs.roster.pools()) {
    const auto* unit = inputs.roster.find_unit(entry.unit_id);
    if (!model::is_commune_level(unit->kind)) continue;
    if (entry.term.start() < term.start() ||
        entry.term.start() > term.last_day() + boost::gregorian::days(1)) {
      continue;
    }
    add(*inputs.roster.find_cadre(entry.cadre_id));
  }
  return subjects;
}

/// Checks every hard constraint of \p plan against \p inputs, with gtest expectations.
inline void check_plan(const Plan& plan, const PlanInputs& inputs) {
  using boost::gregorian::days;
  const auto& term = inputs.term;
  const auto subjects = expected_subjects(inputs);
  std::map<int, model::Dong> spent;
  std::map<std::pair<std::string, int>, int> seats;
  std::map<std::string, std::vector<const Enrolment*>> by_cadre;
  for (const Enrolment& enrolment : plan.enrolments) {
    const Course* course = inputs.catalogue.find(enrolment.course);
    ASSERT_NE(course, nullptr) << enrolment.course.str();
    const model::Cadre* cadre = inputs.roster.find_cadre(enrolment.cadre_id);
    ASSERT_NE(cadre, nullptr) << enrolment.cadre_id.str();
    const std::string who = enrolment.cadre_id.str() + " " + enrolment.course.str() + " " +
                            boost::gregorian::to_iso_extended_string(enrolment.start_date);
    // The course as the catalogue has it, on a day it starts.
    EXPECT_EQ(enrolment.cost, course->cost) << who;
    EXPECT_EQ(enrolment.provider, course->provider) << who;
    EXPECT_EQ(enrolment.kind, course->kind) << who;
    EXPECT_EQ(enrolment.year, static_cast<int>(enrolment.start_date.year())) << who;
    EXPECT_EQ(enrolment.end_date, enrolment.start_date + days(course->days - 1)) << who;
    EXPECT_EQ(enrolment.start_date.day(), 1) << who;
    if (!course->start_months.empty()) {
      EXPECT_NE(std::find(course->start_months.begin(), course->start_months.end(),
                          static_cast<int>(enrolment.start_date.month())),
                course->start_months.end())
          << who << ": starts in a month the course does not start in";
    }
    EXPECT_NE(course->accredited, std::optional<bool>(false)) << who;
    // Inside the term, before retirement, and for someone the plan covers.
    EXPECT_LE(term.start(), enrolment.start_date) << who;
    EXPECT_LE(enrolment.end_date, term.last_day()) << who;
    const auto subject = subjects.find(enrolment.cadre_id.str());
    ASSERT_NE(subject, subjects.end()) << who << ": not a secretary or pool candidate";
    EXPECT_LE(enrolment.end_date, subject->second) << who << ": after retirement";
    EXPECT_FALSE(enrolment.resolves.empty()) << who;
    spent[enrolment.year] += enrolment.cost;
    ++seats[{enrolment.course.str(), enrolment.year}];
    by_cadre[enrolment.cadre_id.str()].push_back(&enrolment);
  }
  // Never over a year's budget; the plan's budget lines agree.
  for (const auto& [year, money] : spent) {
    const auto found = inputs.budgets.find(year);
    const model::Dong allocated = found == inputs.budgets.end() ? 0 : found->second;
    EXPECT_LE(money, allocated) << "over budget in " << year;
    const auto* line = plan.budget_of(year);
    ASSERT_NE(line, nullptr) << year;
    EXPECT_EQ(line->used, money) << year;
    EXPECT_EQ(line->allocated, allocated) << year;
  }
  // Never over a course's seats in a year.
  for (const auto& [key, taken] : seats) {
    const Course* course = inputs.catalogue.find(model::CourseId(key.first));
    if (course->capacity) {
      EXPECT_LE(taken, *course->capacity) << key.first << " over capacity in " << key.second;
    }
  }
  for (const auto& [cadre_id, enrolments] : by_cadre) {
    const model::Cadre& cadre = *inputs.roster.find_cadre(model::CadreId(cadre_id));
    // No two full-time courses on one day (the roster's trainings included, full-time
    // unless their course is a part-time course of the catalogue), and no two part-time
    // ones: a full-time course may fall inside a part-time one.
    const auto part_time = [&](const Enrolment& enrolment) {
      return inputs.catalogue.find(enrolment.course)->part_time;
    };
    const auto index = static_cast<std::size_t>(inputs.roster.cadre_index(cadre.id));
    for (std::uint32_t record : inputs.roster.trainings_of_cadre(index)) {
      const auto& training = inputs.roster.trainings()[record];
      if (training.status == model::TrainingStatus::cancelled ||
          training.status == model::TrainingStatus::failed) {
        continue;
      }
      // Part-time when the course as written, folded, names (by id or name) part-time
      // courses of the catalogue only.
      bool named_part = false;
      bool named_full = false;
      for (const Course& course : inputs.catalogue.courses()) {
        const std::string written = text::fold(training.course.str());
        if (written != text::fold(course.id.str()) && written != text::fold(course.name)) continue;
        (course.part_time ? named_part : named_full) = true;
      }
      const bool training_part_time = named_part && !named_full;
      for (const auto* enrolment : enrolments) {
        if (part_time(*enrolment) != training_part_time) continue;
        EXPECT_TRUE(training.end_date < enrolment->start_date ||
                    enrolment->end_date < training.start_date)
            << cadre_id << ": " << enrolment->course.str() << " overlaps a training in the roster";
      }
    }
    for (const bool kind : {false, true}) {
      std::vector<std::pair<date, date>> spans;
      for (const auto* enrolment : enrolments) {
        if (part_time(*enrolment) == kind) spans.emplace_back(enrolment->start_date, enrolment->end_date);
      }
      std::sort(spans.begin(), spans.end());
      for (std::size_t i = 1; i < spans.size(); ++i) {
        EXPECT_LT(spans[i - 1].second, spans[i].first)
            << cadre_id << ": two " << (kind ? "part-time" : "full-time") << " courses overlap";
      }
    }
    // Prerequisites held by each start date, counting earlier enrolments of the plan.
    for (const auto* enrolment : enrolments) {
      const Course& course = *inputs.catalogue.find(enrolment->course);
      if (!course.prerequisite) continue;
      auto [required, held] = detail::ranks(*course.prerequisite, cadre);
      for (const auto* earlier : enrolments) {
        const Course& before = *inputs.catalogue.find(earlier->course);
        if (!before.confers || !(earlier->end_date < enrolment->start_date)) continue;
        if (before.confers->dimension() != course.prerequisite->dimension()) continue;
        held = std::max(held, detail::ranks(*before.confers, cadre).first);
      }
      EXPECT_GE(held, required) << cadre_id << ": " << course.id.str()
                                << " without its prerequisite on "
                                << boost::gregorian::to_iso_extended_string(enrolment->start_date);
    }
  }
  // A refresher every year of the term for every subject, or the reason why not.
  std::set<std::tuple<std::string, std::string, int>> excused;
  for (const Unresolved& item : plan.unresolved) {
    excused.emplace(item.cadre_id.str(), item.rule, item.year.value_or(0));
    switch (item.reason) {
      case UnresolvedReason::budget:
        EXPECT_GT(item.money, 0) << item.cadre_id.str() << " " << item.rule;
        break;
      case UnresolvedReason::capacity:
        EXPECT_GT(item.seats, 0) << item.cadre_id.str() << " " << item.rule;
        break;
      case UnresolvedReason::no_course:
      case UnresolvedReason::time:
        break;
    }
  }
  if (inputs.refreshers_per_year > 0) {
    for (const auto& [cadre_id, until] : subjects) {
      for (int year = term.start().year(); year <= static_cast<int>(term.last_day().year());
           ++year) {
        if (date(static_cast<unsigned short>(year), 1, 1) > until) continue;
        int done = 0;
        for (const auto* enrolment : by_cadre[cadre_id]) {
          if (enrolment->kind == inputs.refresher_kind && enrolment->end_date.year() == year)
            ++done;
        }
        const auto index =
            static_cast<std::size_t>(inputs.roster.cadre_index(model::CadreId(cadre_id)));
        for (std::uint32_t record : inputs.roster.trainings_of_cadre(index)) {
          const auto& training = inputs.roster.trainings()[record];
          if (training.kind == inputs.refresher_kind && training.end_date.year() == year &&
              term.start() <= training.end_date && training.end_date <= term.last_day() &&
              (training.status == model::TrainingStatus::completed ||
               training.status == model::TrainingStatus::in_progress ||
               training.status == model::TrainingStatus::planned)) {
            ++done;
          }
        }
        if (done >= inputs.refreshers_per_year) continue;
        EXPECT_TRUE(excused.contains({cadre_id, "point3.annual_refresher", year}))
            << cadre_id << " has no refresher in " << year << " and no reason given";
      }
    }
  }
}

/// The request for \p inputs, with the given parameters.
inline PlanRequest request_for(const PlanInputs& inputs,
                               const policy::RuleRegistry& rules = registry()) {
  PlanRequest request(inputs.roster, inputs.profile, rules, inputs.catalogue, inputs.term,
                      inputs.budgets);
  request.parameters.refresher_kind = inputs.refresher_kind;
  request.parameters.refreshers_per_year = inputs.refreshers_per_year;
  return request;
}

/// The unresolved items of \p plan about \p cadre_id and \p rule.
inline std::vector<Unresolved> unresolved_of(const Plan& plan, const std::string& cadre_id,
                                             const std::string& rule) {
  std::vector<Unresolved> found;
  for (const auto& item : plan.unresolved) {
    if (item.cadre_id.str() == cadre_id && item.rule == rule) found.push_back(item);
  }
  return found;
}

/// The enrolments of \p plan for \p cadre_id (of \p course when given).
inline std::vector<Enrolment> enrolments_of(const Plan& plan, const std::string& cadre_id,
                                            const std::string& course = {}) {
  std::vector<Enrolment> found;
  for (const auto& enrolment : plan.enrolments) {
    if (enrolment.cadre_id.str() == cadre_id &&
        (course.empty() || enrolment.course.str() == course)) {
      found.push_back(enrolment);
    }
  }
  return found;
}

}  // namespace cadreplan::planning::testing
