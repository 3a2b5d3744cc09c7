/// \file evaluator.hpp
/// \brief Evaluating a roster against a profile into a compliance report.
/// \ingroup policy
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cadreplan/model/code.hpp"
#include "cadreplan/model/roster.hpp"
#include "cadreplan/policy/finding.hpp"
#include "cadreplan/policy/profile.hpp"
#include "cadreplan/policy/rule_registry.hpp"

namespace cadreplan::policy {

/// What to evaluate and what to keep.
struct EvaluationOptions {
  boost::gregorian::date as_of;        ///< The evaluation date.
  std::set<std::string> only_rules;    ///< Keep only these rule ids (empty: all).
  std::set<int> only_points;           ///< Keep only these policy points (empty: all).
  std::set<std::string> only_units;    ///< Keep only findings about these units (empty: all).
  /// Threads that evaluate the per-cadre rules, each over a contiguous share of the
  /// cadres (0: one per hardware thread). The report is the same, finding for finding
  /// and in the same order, whatever the number.
  unsigned jobs = 1;
  /// The one language to word findings in, for a report written in that language only, as
  /// the `cadreplan` program's are: Finding::message and Finding::fix are then complete in
  /// that language, and in the other may be empty. Unset, the default: both. Wording each
  /// finding in one language instead of two takes about a sixteenth off a national check.
  std::optional<model::Language> language;
};

/// Finding counts by severity.
struct SeverityCounts {
  std::size_t error = 0;    ///< Error findings.
  std::size_t warning = 0;  ///< Warning findings.
  std::size_t info = 0;     ///< Info findings.
  /// Adds \p count findings of \p severity.
  void add(Severity severity, std::size_t count = 1) noexcept;
  /// Counts compare member by member.
  friend bool operator==(const SeverityCounts&, const SeverityCounts&) = default;
};

/// The result of evaluating a roster: every finding plus summaries.
struct ComplianceReport {
  boost::gregorian::date as_of;   ///< The evaluation date.
  std::string profile_name;       ///< The profile's name.
  std::string profile_sha256;     ///< SHA-256 of the profile's canonical text.
  /// The cadres subject to position standards: those holding, on the as-of date,
  /// a position for which the profile has a standard in force.
  std::size_t cadres = 0;
  std::size_t compliant = 0;      ///< Of those, how many have no `error` finding.
  SeverityCounts totals;          ///< Findings by severity.
  std::map<int, SeverityCounts> by_point;          ///< Findings per policy point.
  std::map<std::string, SeverityCounts> by_unit;   ///< Findings per unit id (cadre's unit).
  std::map<std::string, SeverityCounts> by_rule;   ///< Findings per rule id.
  /// Findings ordered by unit id, cadre id, policy point, rule id, year.
  std::vector<Finding> findings;
};

/// Evaluates \p roster under \p profile with the rules of \p registry: rules the profile
/// disables are skipped, severities are the profile's, and findings are filtered as
/// \p options asks. A pure function of its arguments.
/// \throws std::invalid_argument when a standard is needed on a date none is in force
/// (a gap in the profile is an error, never a silent pass).
[[nodiscard]] ComplianceReport evaluate(const model::Roster& roster, const Profile& profile,
                                        const RuleRegistry& registry,
                                        const EvaluationOptions& options);

}  // namespace cadreplan::policy
