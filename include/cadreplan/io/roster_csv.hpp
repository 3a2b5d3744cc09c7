/// \file roster_csv.hpp
/// \brief Loading and saving a roster as a folder of CSV files (see FORMATS.md).
/// \ingroup io
#pragma once

#include <filesystem>
#include <vector>

#include "cadreplan/io/diagnostic.hpp"
#include "cadreplan/model/roster.hpp"

namespace cadreplan::io {

/// How to load a CSV roster.
struct CsvLoadOptions {
  /// Report every error in every file instead of stopping at the first.
  bool keep_going = false;
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
/// money with `.` or `,` thousands separators. Empty cells mean "unknown".
/// \throws ParseError with `FILE:LINE:COLUMN` diagnostics; nothing is half-loaded.
[[nodiscard]] CsvLoadResult load_roster_csv(const std::filesystem::path& folder,
                                            const CsvLoadOptions& options = {});

/// Writes \p roster to \p folder (created if missing) as the five CSV files, with
/// English codes, `YYYY-MM-DD` dates and LF line ends; loading it back gives an equal
/// roster. Each file is written to a temporary name and renamed into place.
/// \throws std::filesystem::filesystem_error (or std::runtime_error) when writing fails.
void save_roster_csv(const model::Roster& roster, const std::filesystem::path& folder);

}  // namespace cadreplan::io
