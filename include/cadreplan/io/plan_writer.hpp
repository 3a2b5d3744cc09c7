/// \file plan_writer.hpp
/// \brief Writing a term plan as JSON (FORMATS.md `plan --format json`), CSV (one
///   enrolment a row) or text for people (by year, with the budget used and the projection).
/// \ingroup io
#pragma once

#include <cstddef>
#include <ostream>

#include "cadreplan/model/code.hpp"
#include "cadreplan/model/roster.hpp"
#include "cadreplan/planning/catalogue.hpp"
#include "cadreplan/planning/plan.hpp"
#include "cadreplan/planning/projection.hpp"
#include "cadreplan/planning/readiness.hpp"

namespace cadreplan::io {

/// Writes \p plan as FORMATS.md's `plan --format json` object: `term`, `budget` (`total`
/// and `by_year`: the money the plan uses), `enrolments`, `unresolved` and `projection`
/// (`as_of`, `cadres`, `compliant` at the term's end). Compatible extensions: `budget.
/// allocated` (`total`, `by_year`); per unresolved item `unit_id`, `year`, `money`, `seats`
/// and `course` (null when not applicable); per enrolment `part_time` (`true`, present
/// only for a part-time course); `projection.now` and `projection.unplanned`
/// (the same three keys for today, and for the term's end without the plan),
/// `projection.by_point` and `projection.by_unit` (finding counts `now`, `unplanned` and
/// `projected`); and `readiness` (the pools' totals) when \p readiness is given.
void write_plan_json(std::ostream& out, const planning::Plan& plan,
                     const planning::Projection& projection,
                     const planning::PoolReadiness* readiness = nullptr);

/// Writes one enrolment a row:
/// `cadre_id,unit_id,course,kind,year,start_date,end_date,provider,cost,resolves,part_time`,
/// the rules in `resolves` joined by `;`, `part_time` `true` for a course attended while
/// working (planning::Enrolment::part_time) and `false` otherwise.
void write_plan_csv(std::ostream& out, const planning::Plan& plan);

/// How many items the text plan names one by one under "Not planned" (all are counted).
inline constexpr std::size_t max_unresolved_lines = 40;

/// Writes the plan for a provincial officer, in \p language: per year the budget and the
/// money used, the enrolments per course, and each course that is not a yearly refresher
/// with the cadre (named from \p roster) and the course (named from \p catalogue), marked
/// part-time when it is (a refresher may then fall within its days); then what
/// could not be planned and why (counted by rule and reason, the first
/// max_unresolved_lines named); then compliance now and projected, per policy point and
/// per unit; then the pools' bench strength when \p readiness is given.
void write_plan_text(std::ostream& out, const planning::Plan& plan,
                     const planning::Projection& projection, const model::Roster& roster,
                     const planning::Catalogue& catalogue,
                     const planning::PoolReadiness* readiness = nullptr,
                     model::Language language = model::Language::english);

}  // namespace cadreplan::io
