/// \file readiness.hpp
/// \brief Whether each successor candidate is ready for the post now, ready by the term's
///   end if the plan runs, or not ready, and why; and each pool's bench strength.
/// \ingroup planning
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "cadreplan/model/id.hpp"
#include "cadreplan/model/position.hpp"
#include "cadreplan/model/roster.hpp"
#include "cadreplan/model/term.hpp"
#include "cadreplan/planning/catalogue.hpp"
#include "cadreplan/planning/plan.hpp"
#include "cadreplan/policy/finding.hpp"
#include "cadreplan/policy/profile.hpp"
#include "cadreplan/policy/rule_registry.hpp"

namespace cadreplan::planning {

/// A candidate's readiness, derived (never typed in).
/// \ingroup planning
enum class Readiness {
  ready_now,          ///< Could take the post today.
  ready_by_term_end,  ///< Could take it on the term's last day if the plan runs.
  not_ready,          ///< Neither.
};

/// The English code (`"ready_now"`, `"ready_by_term_end"`, `"not_ready"`).
[[nodiscard]] std::string_view to_code(Readiness readiness) noexcept;

/// One thing that stands in a candidate's way on a day.
/// \ingroup planning
struct ReadinessReason {
  /// Stable code: a standard rule id (`standard.political_theory`), `qualification.unknown`,
  /// `age.retirement`, `age.appointment` or `post.months`.
  std::string code;
  policy::Text text;  ///< What is missing, with the actual and required values.

  /// Reasons compare member by member.
  friend bool operator==(const ReadinessReason&, const ReadinessReason&) = default;
};

/// The readiness of one pool entry.
/// \ingroup planning
struct CandidateReadiness {
  model::CadreId cadre_id;  ///< The candidate.
  model::UnitId unit_id;    ///< The unit whose post they are planned for.
  model::Position position = model::Position::secretary;  ///< The post.
  Readiness readiness = Readiness::not_ready;             ///< The verdict.
  /// Why not ready today (empty when ready now).
  std::vector<ReadinessReason> now;
  /// Why not ready on the term's last day with the plan (empty when ready then).
  std::vector<ReadinessReason> at_term_end;

  /// Readiness compares member by member.
  friend bool operator==(const CandidateReadiness&, const CandidateReadiness&) = default;
};

/// How many candidates of a unit's pool for a post are ready.
/// \ingroup planning
struct BenchStrength {
  model::UnitId unit_id;                                  ///< The unit.
  model::Position position = model::Position::secretary;  ///< The post.
  std::size_t candidates = 0;                             ///< Pool entries.
  std::size_t ready_now = 0;                              ///< Of those, ready now.
  std::size_t ready_by_term_end = 0;  ///< Not ready now, ready by the term's end.
  std::size_t not_ready = 0;          ///< Neither.
  bool too_small = false;  ///< Fewer candidates than rule `point2.successor_pool` allows.
  bool too_large = false;  ///< More candidates than it allows.

  /// Benches compare member by member.
  friend bool operator==(const BenchStrength&, const BenchStrength&) = default;
};

/// The readiness of every candidate of the pools a plan covers, and the benches.
/// \ingroup planning
struct PoolReadiness {
  boost::gregorian::date as_of;     ///< "Now".
  boost::gregorian::date term_end;  ///< The day "by the term's end" is judged on.
  /// Per pool entry, ordered by unit id, position, then cadre id.
  std::vector<CandidateReadiness> candidates;
  /// Per commune-level unit and pooled post (rule `point2.successor_pool`'s `positions`),
  /// empty pools included, ordered by unit id then position.
  std::vector<BenchStrength> benches;

  /// Totals over the benches (unit_id empty).
  [[nodiscard]] BenchStrength totals() const noexcept;
};

/// Judges the candidates of the pools for \p term or the next one in commune-level units.
///
/// A candidate is ready on a day when, for the standard of the post in force that day (as
/// a first appointment, after the unit's exemptions), every recorded level reaches the
/// minimum and none is unknown; their age is within the standard's maximum age at
/// appointment; the months from that day to retirement are at least rule `standard.age`'s
/// `pool_min_months_to_retirement`; and they have held their current post for at least the
/// profile's `[eligibility] min_months_in_post` months (not judged when the date is unknown).
/// "Now" is \p as_of with the roster as it is; "by the term's end" is the term's last day
/// with the levels the courses of \p plan (looked up in \p catalogue) confer.
[[nodiscard]] PoolReadiness assess_readiness(const model::Roster& roster,
                                             const policy::Profile& profile,
                                             const policy::RuleRegistry& registry,
                                             const Catalogue& catalogue, const Plan& plan,
                                             boost::gregorian::date as_of);

}  // namespace cadreplan::planning
