/// \file statistics_writer.hpp
/// \brief Writing statistics (and a comparison with a baseline) as JSON, CSV or text.
/// \ingroup io
#pragma once

#include <ostream>

#include "cadreplan/model/code.hpp"
#include "cadreplan/report/comparison.hpp"
#include "cadreplan/report/statistics.hpp"

namespace cadreplan::io {

/// Writes \p statistics as the JSON object of FORMATS.md's `stats --format json`:
/// `as_of`, `position`, `cadres`, `units` {`total`, `large_minority`}, `concurrent`,
/// `general_education`, `professional_level`, `political_theory` and, as a compatible
/// extension, `state_management` (and `all_units: true` when the query widened the scope).
///
/// Codes with a count of 0 are left out, `unknown` too; the levels come highest first.
/// `political_theory.advanced` includes bachelors (see report::Statistics).
/// Pretty-printed with two-space indentation and a final newline.
void write_statistics_json(std::ostream& out, const report::Statistics& statistics);

/// Writes the current statistics of \p comparison as above, plus `"baseline"` (the same
/// object for the baseline) and `"change"` (current minus baseline for `cadres`, `units`
/// and every code counted on either side).
void write_statistics_json(std::ostream& out, const report::Comparison& comparison);

/// Writes \p statistics as CSV with the header `dimension,code,count,share`, one row per
/// (dimension, code): `cadres` (code: the position), `units` (`total`, `large_minority`),
/// then every code of `concurrent`, `general_education`, `professional_level`,
/// `political_theory` and `state_management`, zeros included so that tables of two dates
/// line up; `unknown` rows only when not 0. `share` is a percentage of the cadres with
/// one decimal (of the units for `large_minority`; empty for `cadres` and `units,total`).
/// LF line ends; no cell needs quoting.
void write_statistics_csv(std::ostream& out, const report::Statistics& statistics);

/// Writes \p comparison as above with two more columns, `baseline_count` and `change`.
void write_statistics_csv(std::ostream& out, const report::Comparison& comparison);

/// Writes \p statistics as a table for people in \p language, one line per dimension in
/// the style of the seed: `General education: 107/109 upper secondary (98.2 %), ...`.
void write_statistics_text(std::ostream& out, const report::Statistics& statistics,
                           model::Language language);

/// Writes \p comparison as above, each figure followed by its change since the baseline,
/// e.g. `107/109 upper secondary (98.2 %, +9 since 2010-12-31)`.
void write_statistics_text(std::ostream& out, const report::Comparison& comparison,
                           model::Language language);

}  // namespace cadreplan::io
