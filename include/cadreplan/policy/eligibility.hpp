/// \file eligibility.hpp
/// \brief Eligibility for promotion or appointment, with the reasons for and against.
/// \ingroup policy
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <vector>

#include "cadreplan/model/cadre.hpp"
#include "cadreplan/model/position.hpp"
#include "cadreplan/model/roster.hpp"
#include "cadreplan/policy/finding.hpp"
#include "cadreplan/policy/profile.hpp"

namespace cadreplan::policy {

/// One consideration in an eligibility decision.
struct EligibilityReason {
  bool favourable = false;  ///< True when it counts for the cadre.
  bool blocking = false;    ///< True when it alone makes the cadre ineligible.
  std::string code;         ///< Stable code, e.g. `standard.political_theory`, `study.failed`.
  Text text;                ///< The reason, naming actual and required values.

  /// Reasons compare member by member.
  friend bool operator==(const EligibilityReason&, const EligibilityReason&) = default;
};

/// The answer to "may this cadre be appointed to this position on this date?".
struct EligibilityDecision {
  bool eligible = false;                  ///< True when no reason blocks.
  std::vector<EligibilityReason> reasons; ///< Every consideration, blocking ones first.
};

/// Decides whether \p cadre may be appointed to \p position on \p day under \p profile,
/// as point 4 asks: the position's standard in force that day (minima after the unit's
/// exemptions, as a first-time appointment), the age at appointment, the months left to
/// retirement (profile `[eligibility] min_months_to_retirement`), the months in the
/// current post (`min_months_in_post`), and the study record in \p roster: a failed or
/// abandoned course within `study_record_years` years, or a qualification in a field that
/// does not fit, counts against; a completed course that meets a minimum counts for.
/// \throws std::invalid_argument when the cadre is not in \p roster, or the profile has
/// standards for \p position but none in force on \p day.
[[nodiscard]] EligibilityDecision is_eligible(const model::Roster& roster, const Profile& profile,
                                              const model::Cadre& cadre, model::Position position,
                                              boost::gregorian::date day);

}  // namespace cadreplan::policy
