// Everything a CsvReader tells a caller that collects every error, as one string, so two
// readings of the same bytes (a whole buffer and tiny blocks, a file and a string) can be
// compared. Shared by the unit tests of tests/unit/io and the fuzz target fuzz_csv_table.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "cadreplan/io/csv_table.hpp"

namespace cadreplan::test_support {

/// The header line and names, then each row (its line and cells) or the diagnostic it
/// threw, until the end or a file error, and how the reading ended. \p on_row, when set,
/// sees every row read (the fuzz target checks each row's shape there).
inline std::string read_everything(io::CsvReader reader,
                                   const std::function<void(const io::CsvReader&, const io::CsvRow&)>& on_row = {}) {
  std::string seen = std::to_string(reader.header_line()) + ":";
  for (const std::string& name : reader.header()) seen += "[" + name + "]";
  io::CsvRow row;
  for (;;) {
    try {
      if (!reader.next(row)) break;
    } catch (const io::ParseError& error) {
      seen += "\n" + error.diagnostics().front().to_string();
      continue;  // row errors leave the reader after the row; file errors end it
    }
    if (on_row) on_row(reader, row);
    seen += "\n" + std::to_string(row.line) + ":";
    for (const std::string_view cell : row.cells) seen += "[" + std::string(cell) + "]";
  }
  return seen + (reader.failed() ? "\nfailed" : "\nend");
}

/// The same for \p text read with \p limits; a file error at opening is the whole story.
inline std::string read_everything(const std::string& text, const io::CsvLimits& limits,
                                   const std::function<void(const io::CsvReader&, const io::CsvRow&)>& on_row = {}) {
  try {
    return read_everything(io::CsvReader::from_string(text, "t.csv", limits), on_row);
  } catch (const io::ParseError& error) {
    return "at open: " + error.diagnostics().front().to_string();
  }
}

}  // namespace cadreplan::test_support
