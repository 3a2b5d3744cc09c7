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
#include "csv_transcript.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  // The first byte picks the limits and the small block; the rest is the file.
  const std::uint8_t setup = data[0];
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  cadreplan::io::CsvLimits limits;
  if ((setup & 1U) != 0) {  // small limits, so that the limit checks themselves are reached
    limits.max_cell_bytes = 16;
    limits.max_columns = 6;
  }
  const auto check_shape = [](const cadreplan::io::CsvReader& reader, const cadreplan::io::CsvRow& row) {
    if (row.cells.size() != reader.header().size()) __builtin_trap();  // the documented shape
  };
  using cadreplan::test_support::read_everything;
  const std::string whole = read_everything(text, limits, check_shape);
  limits.read_block_bytes = 1 + (setup >> 1U) % 19;
  if (read_everything(text, limits, check_shape) != whole) __builtin_trap();
  return 0;
}
