// Shared by the policy tests: builds small rosters in code, loads the default profile
// once, runs the evaluator on chosen rules and checks what every finding must carry.
#pragma once

#include <gtest/gtest.h>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cadreplan/io/profile_toml.hpp"
#include "cadreplan/model/roster.hpp"
#include "cadreplan/policy/evaluator.hpp"
#include "cadreplan/policy/profile.hpp"
#include "cadreplan/policy/rule_registry.hpp"

namespace cadreplan::policy::testing {

using boost::gregorian::date;

/// Builds roster tables record by record. Each adder returns the record it added, to
/// tweak at once (the reference is invalidated by the next adder of the same table).
class RosterBuilder {
 public:
  /// A unit; commune in the plains by default.
  model::Unit& unit(std::string id, model::UnitKind kind = model::UnitKind::commune,
                    std::optional<model::Area> area = model::Area::plains) {
    model::Unit unit;
    unit.id = model::UnitId(std::move(id));
    unit.name = "Xã Đại Tâm";  // names never contain ids, so messages must cite the id
    unit.kind = kind;
    unit.area = area;
    unit.large_minority = false;
    tables.units.push_back(std::move(unit));
    return tables.units.back();
  }

  /// A cadre holding \p positions, fully qualified for every default standard
  /// (upper secondary, university in law, intermediate political theory, state-funded, planned).
  model::Cadre& cadre(std::string id, std::string unit_id, date birth,
                      std::vector<model::PositionHolding> positions) {
    model::Cadre cadre;
    cadre.id = model::CadreId(std::move(id));
    cadre.full_name = "Nguyễn Văn An";
    cadre.birth_date = birth;
    cadre.unit_id = model::UnitId(std::move(unit_id));
    cadre.positions = std::move(positions);
    cadre.gender = model::Gender::male;
    cadre.ethnicity = "Kinh";
    cadre.general_education = model::GeneralEducation::upper_secondary;
    cadre.professional.level = model::ProfessionalLevel::university;
    cadre.professional.field = "Luật";
    cadre.professional.mode = model::StudyMode::full_time;
    cadre.professional.funding = model::Funding::state;
    cadre.professional.planned = true;
    cadre.political_theory = model::PoliticalTheory::intermediate;
    cadre.state_management = model::StateManagement::officer;
    tables.cadres.push_back(std::move(cadre));
    return tables.cadres.back();
  }

  /// A fully qualified secretary of \p unit_id since \p since (unknown: always).
  model::Cadre& secretary(std::string id, std::string unit_id, date birth,
                          std::optional<date> since) {
    return cadre(std::move(id), std::move(unit_id), birth, {{model::Position::secretary, since}});
  }

  /// A training record, completed at the provincial Political School by default.
  model::TrainingRecord& training(std::string cadre_id, model::TrainingKind kind, date start,
                                  date end,
                                  std::optional<model::TrainingStatus> status =
                                      model::TrainingStatus::completed) {
    model::TrainingRecord record;
    record.cadre_id = model::CadreId(std::move(cadre_id));
    record.course = std::string(kind == model::TrainingKind::party_building ? "BD-XDD" : "COURSE") +
                    "-" + std::to_string(tables.trainings.size() + 1);
    record.kind = kind;
    record.start_date = start;
    record.end_date = end;
    record.provider = "Trường Chính trị tỉnh Sóc Trăng";
    record.status = status;
    record.funding = model::Funding::state;
    record.planned = true;
    tables.trainings.push_back(std::move(record));
    return tables.trainings.back();
  }

  /// A pool entry of \p unit_id's secretary position for \p term.
  model::PoolEntry& pool(std::string unit_id, std::string cadre_id, model::Term term,
                         model::Position position = model::Position::secretary) {
    tables.pools.push_back(model::PoolEntry{model::UnitId(std::move(unit_id)), position,
                                            model::CadreId(std::move(cadre_id)), term,
                                            std::nullopt});
    return tables.pools.back();
  }

  /// A budget line.
  model::BudgetLine& budget(std::string unit_id, int year, model::Dong allocated,
                            std::optional<model::Dong> spent) {
    tables.budgets.push_back(
        model::BudgetLine{model::UnitId(std::move(unit_id)), year, allocated, spent});
    return tables.budgets.back();
  }

  /// The validated roster.
  [[nodiscard]] model::Roster build() const { return model::Roster::build(tables); }

  model::RosterTables tables;  ///< What has been added so far.
};

/// The built-in rules.
inline const RuleRegistry& registry() {
  static const RuleRegistry rules = RuleRegistry::with_builtin_rules();
  return rules;
}

/// The default profile, loaded once.
inline const Profile& default_profile() {
  static const Profile profile = io::default_profile(registry());
  return profile;
}

/// Evaluates \p roster as of \p as_of keeping only \p rules (empty: all).
inline ComplianceReport check(const model::Roster& roster, date as_of,
                              std::set<std::string> rules = {},
                              const Profile& profile = default_profile()) {
  EvaluationOptions options;
  options.as_of = as_of;
  options.only_rules = std::move(rules);
  return evaluate(roster, profile, registry(), options);
}

/// The findings of rule \p rule_id, in report order.
inline std::vector<Finding> findings_of(const ComplianceReport& report, std::string_view rule_id) {
  std::vector<Finding> found;
  std::copy_if(report.findings.begin(), report.findings.end(), std::back_inserter(found),
               [&](const Finding& finding) { return finding.rule_id == rule_id; });
  return found;
}

/// Evaluates only \p rule_id and returns its findings.
inline std::vector<Finding> run_rule(const model::Roster& roster, date as_of,
                                     const std::string& rule_id,
                                     const Profile& profile = default_profile()) {
  return findings_of(check(roster, as_of, {rule_id}, profile), rule_id);
}

/// The years of \p findings, in order (findings without a year are left out).
inline std::vector<int> years_of(const std::vector<Finding>& findings) {
  std::vector<int> years;
  for (const auto& finding : findings) {
    if (finding.year) years.push_back(*finding.year);
  }
  return years;
}

/// Both languages of \p finding's message (and its fix) name \p subject_id.
inline void expect_names(const Finding& finding, const std::string& subject_id) {
  EXPECT_NE(finding.message.english().find(subject_id), std::string::npos)
      << finding.message.english();
  EXPECT_NE(finding.message.vietnamese().find(subject_id), std::string::npos)
      << finding.message.vietnamese();
  EXPECT_FALSE(finding.fix.english().empty());
  EXPECT_FALSE(finding.fix.vietnamese().empty());
}

/// A cadre finding: rule, cadre, the cadre's unit, and the cadre named in both languages.
inline void expect_cadre_finding(const Finding& finding, std::string_view rule_id,
                                 const std::string& cadre_id, const std::string& unit_id) {
  EXPECT_EQ(finding.rule_id, rule_id);
  EXPECT_EQ(finding.cadre_id.str(), cadre_id);
  EXPECT_EQ(finding.unit_id.str(), unit_id);
  expect_names(finding, cadre_id);
}

/// A unit finding: rule, no cadre, the unit named in both languages.
inline void expect_unit_finding(const Finding& finding, std::string_view rule_id,
                                const std::string& unit_id) {
  EXPECT_EQ(finding.rule_id, rule_id);
  EXPECT_TRUE(finding.cadre_id.empty());
  EXPECT_EQ(finding.unit_id.str(), unit_id);
  expect_names(finding, unit_id);
}

/// A profile with no standards, rules or lists: a blank slate for hand-built cases.
inline Profile blank_profile() {
  Profile profile;
  profile.name = "hand-built";
  return profile;
}

/// A secretary standard in force from \p from (until \p until).
inline PositionStandard secretary_standard(date from, std::optional<date> until) {
  PositionStandard standard;
  standard.position = model::Position::secretary;
  standard.from = from;
  standard.until = until;
  standard.general_education = model::GeneralEducation::upper_secondary;
  standard.professional_level = model::ProfessionalLevel::intermediate;
  standard.political_theory = model::PoliticalTheory::intermediate;
  standard.source = "Test standard";
  return standard;
}

/// A blank profile whose secretary standard is in force 2004–2010 and from 2012: 2011 is a
/// gap, which must be an error, never a pass.
inline Profile profile_with_a_gap_in_2011() {
  Profile profile = blank_profile();
  profile.standards = {secretary_standard(date(2004, 1, 1), date(2010, 12, 31)),
                       secretary_standard(date(2012, 1, 1), std::nullopt)};
  return profile;
}

/// Unit U1 and its secretary C1, born 1970, in post since 1 July 2010.
inline model::Roster one_secretary_since_2010() {
  RosterBuilder builder;
  builder.unit("U1");
  builder.secretary("C1", "U1", date(1970, 1, 1), date(2010, 7, 1));
  return builder.build();
}

}  // namespace cadreplan::policy::testing
