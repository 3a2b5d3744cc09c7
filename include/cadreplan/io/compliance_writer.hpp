/// \file compliance_writer.hpp
/// \brief Writing a compliance report as JSON (FORMATS.md), CSV or text for people.
/// \ingroup io
#pragma once

#include <ostream>

#include "cadreplan/model/code.hpp"
#include "cadreplan/model/roster.hpp"
#include "cadreplan/policy/evaluator.hpp"

namespace cadreplan::io {

/// Writes \p report as FORMATS.md's `check --format json` object: `as_of`, `profile`,
/// `profile_sha256`, `summary` and `findings` (messages and fixes in \p language).
/// Compatible extensions: `summary.by_point`, and per finding `year`, `actual`, `required`.
/// The findings are written one by one as they are read (a national report has hundreds
/// of thousands), in the layout of nlohmann::json's `dump(2)`: keys sorted, two-space
/// indents. \throws nlohmann::json::type_error on text that is not valid UTF-8, with the
/// output written so far left in \p out.
void write_compliance_json(std::ostream& out, const policy::ComplianceReport& report,
                           model::Language language = model::Language::english);

/// Writes one finding a row: `cadre_id,unit_id,rule,point,severity,year,actual,required,message,fix`.
void write_compliance_csv(std::ostream& out, const policy::ComplianceReport& report,
                          model::Language language = model::Language::english);

/// Writes the report for a provincial officer: the summary, the counts per policy
/// point, then the findings grouped by unit (named from \p roster), each with its fix.
void write_compliance_text(std::ostream& out, const policy::ComplianceReport& report,
                           const model::Roster& roster,
                           model::Language language = model::Language::english);

}  // namespace cadreplan::io
