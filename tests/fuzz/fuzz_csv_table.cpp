// libFuzzer target: io::parse_csv_table on arbitrary bytes. Every input must parse or be
// refused with a ParseError; anything else (a crash, another exception, a sanitizer
// report, a hang) is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "cadreplan/io/csv_table.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string content(reinterpret_cast<const char*>(data), size);
  // Small limits so that the limit checks themselves are reached.
  cadreplan::io::CsvLimits limits;
  limits.max_cell_bytes = 256;
  limits.max_columns = 32;
  try {
    const cadreplan::io::CsvTable table = cadreplan::io::parse_csv_table(
        content, "fuzz.csv", size % 2 == 0 ? cadreplan::io::CsvLimits{} : limits);
    for (const auto& row : table.rows) {
      if (row.cells.size() != table.header.size()) __builtin_trap();  // the documented shape
    }
  } catch (const cadreplan::io::ParseError&) {
  }
  return 0;
}
