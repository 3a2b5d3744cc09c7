/// \file projection.hpp
/// \brief What a plan would change: `check` re-run at the term's end on the roster as if
///   every enrolment had been completed, against `check` now, per policy point and per unit.
/// \ingroup planning
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <map>
#include <string>

#include "cadreplan/model/roster.hpp"
#include "cadreplan/planning/catalogue.hpp"
#include "cadreplan/planning/plan.hpp"
#include "cadreplan/policy/evaluator.hpp"
#include "cadreplan/policy/profile.hpp"
#include "cadreplan/policy/rule_registry.hpp"

namespace cadreplan::planning {

/// \p roster as if every enrolment of \p plan had been completed: each becomes a training
/// record (status `completed`, state-funded, in the plan, with its provider and cost), and
/// each level a course of \p catalogue confers is given to the cadre unless they hold a
/// higher one. Nothing else changes: nobody is appointed, moved or retired.
/// \throws std::invalid_argument when an enrolment names a cadre or course that is not there.
[[nodiscard]] model::Roster apply_plan(const model::Roster& roster, const Plan& plan,
                                       const Catalogue& catalogue);

/// Finding counts before and after.
/// \ingroup planning
struct ComplianceChange {
  policy::SeverityCounts now;        ///< In the report of today.
  policy::SeverityCounts unplanned;  ///< At the term's end without the plan.
  policy::SeverityCounts projected;  ///< At the term's end with the plan.
  /// Changes compare member by member.
  friend bool operator==(const ComplianceChange&, const ComplianceChange&) = default;
};

/// Compliance now and at the term's end if the plan runs.
///
/// Time alone changes compliance (cadres age and retire, standards change on their dates),
/// so the report at the term's end without the plan is kept too: the plan's own effect is
/// the difference between `unplanned` and `projected`.
/// \ingroup planning
struct Projection {
  policy::ComplianceReport now;        ///< `check` of the roster as it is, on the chosen day.
  policy::ComplianceReport unplanned;  ///< `check` at the term's last day of the roster as it is.
  policy::ComplianceReport projected;  ///< `check` at the term's last day of apply_plan().

  /// Findings per policy point (0 for the position standards) in the three reports; a point
  /// with no finding in any of them is left out.
  [[nodiscard]] std::map<int, ComplianceChange> by_point() const;
  /// Findings per unit id in the three reports; a unit with no finding in any is left out.
  [[nodiscard]] std::map<std::string, ComplianceChange> by_unit() const;
};

/// Evaluates \p roster as of \p now and as of the plan's term's last day, and apply_plan()
/// as of that last day, with every rule \p profile enables.
/// \throws std::invalid_argument as policy::evaluate() and apply_plan() do.
[[nodiscard]] Projection project(const model::Roster& roster, const policy::Profile& profile,
                                 const policy::RuleRegistry& registry, const Catalogue& catalogue,
                                 const Plan& plan, boost::gregorian::date now);

}  // namespace cadreplan::planning
