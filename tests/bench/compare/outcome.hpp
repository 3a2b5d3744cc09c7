// What the three engines must agree on: findings per rule of the compared subset (with a
// checksum of who and which year, so equal counts of different findings do not pass) and
// the `stats` counts; the profile values the SQL and CLIPS versions of the rules read.
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cadreplan/model/roster.hpp"
#include "cadreplan/policy/profile.hpp"
#include "cadreplan/policy/rule_registry.hpp"

namespace cadreplan::bench::compare {

/// The rules implemented in SQL and in CLIPS, with the library's ids.
inline constexpr std::array<std::string_view, 5> subset_rules{
    "standard.general_education", "standard.professional_level", "standard.political_theory",
    "standard.age", "point1.accredited_provider"};

/// Findings of one rule: how many, and an order-independent checksum of (cadre, year).
struct RuleCount {
  std::size_t findings = 0;
  std::uint64_t checksum = 0;
  friend bool operator==(const RuleCount&, const RuleCount&) = default;
};

/// One engine's answer.
struct Outcome {
  Outcome();  // every subset rule present with no findings, so "none" compares equal
  std::map<std::string, RuleCount> rules;
  /// `stats` counts by key (`general_education.upper_secondary`, `units.total`, ...);
  /// a count of zero is left out, as the JSON output of `stats` may.
  std::map<std::string, std::size_t> stats;

  /// Adds a finding of \p rule about \p cadre_id; \p year is 0 for a finding with none.
  void add_finding(std::string_view rule, std::string_view cadre_id, int year);
  /// Adds \p count to the count of \p key (nothing for zero).
  void add_stat(const std::string& key, std::size_t count);
  /// Findings over all the subset's rules.
  [[nodiscard]] std::size_t findings() const;
};

/// What differs between \p expected and \p actual, one line per key; empty when they agree.
[[nodiscard]] std::string differences(const Outcome& expected, const Outcome& actual);

/// A day as the integer YYYYMMDD: both SQL and CLIPS compare and subtract it as a number
/// (ages are whole ten-thousands of the difference), the engines' cheapest date.
[[nodiscard]] int day_number(boost::gregorian::date day);
[[nodiscard]] std::optional<int> day_number(const std::optional<boost::gregorian::date>& day);

/// One position standard of the profile, as the SQL and CLIPS rules read it (codes).
struct StandardRow {
  std::string position;
  int valid_from = 0;
  std::optional<int> valid_until;
  std::optional<std::string> general_education;
  std::optional<std::string> professional_level;
  std::optional<std::string> political_theory;
  std::optional<int> min_age;
  std::optional<int> max_age_at_appointment;
};

/// The profile as the other engines need it, taken from the same policy::Profile the
/// library evaluates, so a change of profile changes all three alike.
struct SubsetParameters {
  int as_of = 0;
  std::string stats_position;  ///< `secretary`.
  std::vector<StandardRow> standards;
  /// Accredited providers folded (text::fold); `prefix` for a trailing `*`.
  std::vector<std::pair<std::string, bool>> accredited;
  policy::RetirementSchedule retirement;
  std::int64_t pool_min_months_to_retirement = 0;
};

/// Reads the parameters of the subset from \p profile. \throws std::invalid_argument when
/// the profile uses what the SQL and CLIPS versions do not model (an exemption in a
/// standard in force on \p as_of), so a comparison never silently differs in semantics.
[[nodiscard]] SubsetParameters subset_parameters(const model::Roster& roster,
                                                 const policy::Profile& profile,
                                                 const policy::RuleRegistry& registry,
                                                 boost::gregorian::date as_of);

/// cadreplan's own answer: policy::evaluate with \p only_rules (empty: every rule of the
/// profile, of which the subset's are kept) and report::compute_statistics.
[[nodiscard]] Outcome run_cadreplan(const model::Roster& roster, const policy::Profile& profile,
                                    const policy::RuleRegistry& registry,
                                    boost::gregorian::date as_of, bool subset_only);

}  // namespace cadreplan::bench::compare
