/// \file roster_csv.hpp
/// \brief Loading and saving a roster as a folder of CSV files (see FORMATS.md).
/// \ingroup io
#pragma once

#include <filesystem>
#include <vector>

#include "cadreplan/io/csv_table.hpp"
#include "cadreplan/io/diagnostic.hpp"
#include "cadreplan/model/roster.hpp"

namespace cadreplan::io {

/// How to load a CSV roster.
struct CsvLoadOptions {
  /// Report every error in every file instead of stopping at the first.
  bool keep_going = false;
  /// Limits on each file (size, cell length, columns).
  CsvLimits limits;
};

/// A loaded roster and the warnings met on the way (unknown columns, ...).
struct CsvLoadResult {
  model::Roster roster;              ///< The validated roster.
  std::vector<Diagnostic> warnings;  ///< Accepted oddities, in file order.
};

/// Loads the roster in \p folder: `units.csv` and `cadres.csv` (required) and
/// `trainings.csv`, `pools.csv`, `budgets.csv` (optional; missing means empty).
///
/// Files are UTF-8 with an optional byte-order mark, RFC 4180 quoting, CRLF or LF
/// line ends, one header row; columns in any order, matched case-insensitively.
/// Codes accept every spelling of FORMATS.md; dates `YYYY-MM-DD` or `DD/MM/YYYY`;
/// money with `.` or `,` thousands separators. Empty cells mean "unknown". Cells are
/// trimmed of surrounding spaces; names and other text are stored in Unicode NFC. Blank
/// lines and rows whose cells are all empty are skipped. A `positions` cell lists
/// `;`-separated codes held since `position_since`; `none` (or `không`) means no
/// position, and an item may carry its own date as `code@YYYY-MM-DD`.
///
/// Every reference (`parent_id`, `unit_id`, `cadre_id`) must resolve and ids must be
/// unique, checked here so that each error names its row. Diagnostics name each file as
/// `folder / "cadres.csv"`; with `keep_going` they are sorted by file, then line.
/// \throws ParseError with `FILE:LINE:COLUMN` diagnostics; nothing is half-loaded.
[[nodiscard]] CsvLoadResult load_roster_csv(const std::filesystem::path& folder,
                                            const CsvLoadOptions& options = {});

/// Writes \p roster to \p folder (created if missing) as the five CSV files, with
/// English codes, `YYYY-MM-DD` dates, `true`/`false`, empty cells for unknown values,
/// every column of FORMATS.md in its order, and LF line ends (holdings with differing
/// dates are written `code@YYYY-MM-DD`, no holding as `none`); loading it back gives an
/// equal roster (a term is written by its years, so a term built from exact congress
/// days comes back with the default days). Each file is written to `NAME.tmp` in
/// \p folder, flushed, and renamed over `NAME`, so a reader never sees half a file.
/// \throws std::filesystem::filesystem_error (or std::runtime_error) when writing fails.
void save_roster_csv(const model::Roster& roster, const std::filesystem::path& folder);

}  // namespace cadreplan::io
