/// \file catalogue_csv.hpp
/// \brief Loading the training catalogue from `courses.csv` (see FORMATS.md).
/// \ingroup io
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "cadreplan/io/csv_table.hpp"
#include "cadreplan/io/diagnostic.hpp"
#include "cadreplan/planning/catalogue.hpp"

namespace cadreplan::io {

/// How to load a catalogue.
struct CatalogueLoadOptions {
  /// Report every error in the file instead of stopping at the first.
  bool keep_going = false;
  /// Limits on the file (size, cell length, columns).
  CsvLimits limits;
};

/// A loaded catalogue and the warnings met on the way (unknown columns).
struct CatalogueLoadResult {
  planning::Catalogue catalogue;     ///< The validated catalogue.
  std::vector<Diagnostic> warnings;  ///< Accepted oddities, in file order.
};

/// Loads the catalogue in \p file, a `courses.csv` as FORMATS.md describes it.
///
/// Required columns: `id`, `name`, `kind`, `provider`, `cost`, `days`; optional: `confers`,
/// `requires` (levels of the dimension the course's kind trains: political theory,
/// professional level or state management, in any spelling model::parse_code accepts),
/// `accredited` (a yes/no cell), `capacity` (seats per calendar year; empty: unlimited),
/// `months` (`;`-separated months 1-12 in which a session starts; empty: every month) and
/// `part_time` (a yes/no cell, empty: no; see planning::Course::part_time).
/// Columns come in any order and match case-insensitively; an unknown column is a warning.
/// Every error names `FILE:LINE:COLUMN` (the column by its header name): an empty required
/// cell, an unknown code, a duplicate id, a level set on a course whose kind confers none, a
/// required level above the conferred one, days below 1, a bad month.
/// \throws ParseError with every diagnostic (`keep_going`) or the first; nothing half-loaded.
[[nodiscard]] CatalogueLoadResult load_catalogue_csv(const std::filesystem::path& file,
                                                     const CatalogueLoadOptions& options = {});

/// Reads a catalogue from CSV text held in memory, named \p display_name in diagnostics.
/// \throws ParseError as load_catalogue_csv() does.
[[nodiscard]] CatalogueLoadResult parse_catalogue_csv(std::string content, std::string display_name,
                                                      const CatalogueLoadOptions& options = {});

}  // namespace cadreplan::io
