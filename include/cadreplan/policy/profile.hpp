/// \file profile.hpp
/// \brief A training profile: position standards, rule settings and parameters,
/// the field taxonomy, accredited providers and the retirement schedule.
/// \ingroup policy
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cadreplan/model/term.hpp"
#include "cadreplan/policy/field_taxonomy.hpp"
#include "cadreplan/policy/finding.hpp"
#include "cadreplan/policy/parameter.hpp"
#include "cadreplan/policy/position_standard.hpp"
#include "cadreplan/policy/retirement.hpp"

namespace cadreplan::policy {

/// A profile's settings for one rule: on or off, severity, parameters.
struct RuleSettings {
  bool enabled = true;                                ///< False disables the rule.
  std::optional<Severity> severity;                   ///< Overrides the default severity.
  std::map<std::string, ParameterValue> parameters;   ///< Parameters set by the profile.

  /// Settings compare member by member.
  friend bool operator==(const RuleSettings&, const RuleSettings&) = default;
};

/// A finding a profile test expects (`rule` with the cadre and/or unit it is about).
struct ExpectedFinding {
  std::string rule_id;     ///< The rule.
  std::string cadre_id;    ///< The cadre (empty: none or any).
  std::string unit_id;     ///< The unit (empty: none or any).

  /// Expectations compare member by member.
  friend bool operator==(const ExpectedFinding&, const ExpectedFinding&) = default;
};

/// A test case carried by a profile (as `opa test` runs a policy's own tests):
/// a tiny inline roster, a date, and the findings it must produce.
struct ProfileTestCase {
  std::string name;                          ///< What the case shows.
  boost::gregorian::date as_of;              ///< The evaluation date.
  std::map<std::string, std::string> tables; ///< CSV text per file name (`cadres.csv`, ...).
  std::vector<std::string> rules;            ///< Evaluate only these rules (empty: all).
  std::vector<ExpectedFinding> expected;     ///< Findings that must appear.
  /// When true, no other (rule, cadre, unit) may appear among the evaluated rules
  /// (or, with `rules` empty, among the rules named in `expected`).
  bool exact = true;
  std::size_t line = 0;                      ///< Line of the case in the profile file.

  /// Test cases compare member by member.
  friend bool operator==(const ProfileTestCase&, const ProfileTestCase&) = default;
};

/// The calendar of congress terms: every `length_years` from `anchor_year`
/// (2010-2015, 2015-2020, ... by default).
struct TermCalendar {
  int anchor_year = 2010;  ///< The opening year of any one term.
  int length_years = 5;    ///< Years per term.

  /// The term containing \p day.
  [[nodiscard]] model::Term term_containing(boost::gregorian::date day) const;
  /// Calendars compare member by member.
  friend bool operator==(const TermCalendar&, const TermCalendar&) = default;
};

/// Parameters of appointment eligibility (policy::is_eligible).
struct EligibilityParameters {
  int min_months_in_post = 12;        ///< Months in the current post before promotion.
  int min_months_to_retirement = 60;  ///< A full term before retirement for a first appointment.
  int study_record_years = 5;         ///< How far back failed or abandoned courses count.

  /// Parameters compare member by member.
  friend bool operator==(const EligibilityParameters&, const EligibilityParameters&) = default;
};

/// The training planner's priorities (the profile's `[planning]` table): which of two
/// people, or two courses, get the budget and the seats first. The planner's hard
/// constraints are not here: they are not a matter of policy choice.
struct PlanningPriorities {
  bool secretaries_first = true;  ///< Sitting secretaries before pool candidates.
  bool largest_gap_first = true;  ///< The largest gap first (`gap_order = "largest_first"`).
  bool reachable_first = true;    ///< First those whose every gap has a course.
  bool accredited_only = true;    ///< Only accredited courses and providers (point 1).
  bool pair_skills = true;        ///< A skills module next to each political theory course.

  /// Priorities compare member by member.
  friend bool operator==(const PlanningPriorities&, const PlanningPriorities&) = default;
};

/// The profile all evaluation is parameterised by. Plain data: load one from TOML with
/// io::load_profile(), or start from io::default_profile().
struct Profile {
  std::string name;         ///< Profile name, recorded in every report.
  std::string description;  ///< What it is for.
  std::vector<PositionStandard> standards;      ///< Effective-dated, per position.
  FieldTaxonomy fields;                         ///< Fields that fit each position.
  std::vector<std::string> accredited_providers;///< Providers accredited for training.
  RetirementSchedule retirement;                ///< Statutory retirement ages.
  TermCalendar terms;                           ///< Congress terms.
  EligibilityParameters eligibility;            ///< Appointment eligibility.
  PlanningPriorities planning;                  ///< The training planner's priorities.
  std::map<std::string, RuleSettings> rules;    ///< Per rule id.
  std::vector<ProfileTestCase> tests;           ///< The profile's own test cases.
  std::string canonical_text;  ///< The profile as canonical TOML (after `extends`).
  std::string sha256;          ///< SHA-256 of canonical_text, in hex.

  /// The standard of \p position in force on \p day, or null when none is.
  [[nodiscard]] const PositionStandard* standard_for(model::Position position,
                                                     boost::gregorian::date day) const noexcept;
  /// The settings of rule \p rule_id (defaults when the profile says nothing).
  [[nodiscard]] const RuleSettings& settings_of(const std::string& rule_id) const noexcept;
  /// True when \p provider is accredited: equal to a listed name with case and diacritics
  /// folded, or starting with a listed name that ends in `*`.
  [[nodiscard]] bool is_accredited(std::string_view provider) const;
};

}  // namespace cadreplan::policy
