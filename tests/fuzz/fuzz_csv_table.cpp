// libFuzzer target: the CSV reader on arbitrary bytes. Every input must parse or be
// refused with a ParseError; anything else (a crash, another exception, a sanitizer
// report, a hang) is a bug. The reader reads in blocks, so the same bytes are also read
// with a block of 1 to 19 bytes, and must give the same rows and the same diagnostics
// as with the default block: a row, a quoted line break or a UTF-8 character cut by a
// block boundary is where a block reader goes wrong.
#include <cstddef>
#include <cstdint>
#include <string>

#include "cadreplan/io/csv_table.hpp"

namespace {

using cadreplan::io::CsvLimits;
using cadreplan::io::CsvReader;
using cadreplan::io::CsvRow;
using cadreplan::io::ParseError;

// Everything the reader says about \p text, in one string: header, rows with their line
// numbers, each diagnostic, and whether it stopped on a file error.
std::string transcript(const std::string& text, const CsvLimits& limits) {
  std::string seen;
  try {
    CsvReader reader = CsvReader::from_string(text, "fuzz.csv", limits);
    for (const auto& name : reader.header()) seen += "[" + name + "]";
    CsvRow row;
    for (;;) {
      try {
        if (!reader.next(row)) break;
      } catch (const ParseError& error) {
        seen += "\nerror " + error.diagnostics().front().to_string();
        continue;  // row errors leave the reader after the row; file errors end it
      }
      if (row.cells.size() != reader.header().size()) __builtin_trap();  // the documented shape
      seen += "\n" + std::to_string(row.line);
      for (const auto cell : row.cells) seen += "[" + std::string(cell) + "]";
    }
  } catch (const ParseError& error) {
    seen = "open " + error.diagnostics().front().to_string();
  }
  return seen;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  // The first byte picks the limits and the small block; the rest is the file.
  const std::uint8_t setup = data[0];
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  CsvLimits limits;
  if ((setup & 1U) != 0) {  // small limits, so that the limit checks themselves are reached
    limits.max_cell_bytes = 16;
    limits.max_columns = 6;
  }
  const std::string whole = transcript(text, limits);
  limits.read_block_bytes = 1 + (setup >> 1U) % 19;
  if (transcript(text, limits) != whole) __builtin_trap();
  return 0;
}
