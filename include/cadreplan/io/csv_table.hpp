/// \file csv_table.hpp
/// \brief Reading and writing RFC 4180 CSV files, each row tagged with its physical line.
/// \ingroup io
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <memory>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cadreplan/io/diagnostic.hpp"

namespace cadreplan::io {

/// Limits that keep a corrupt or hostile file from exhausting memory. A file that
/// breaks one is rejected with a ParseError naming the limit.
struct CsvLimits {
  /// Largest accepted file, in bytes (4 GiB: a national roster is a few hundred MB).
  std::uintmax_t max_file_bytes = std::uintmax_t{4} << 30;
  /// Longest accepted cell, in bytes (1 MiB: no real name or note comes close).
  std::size_t max_cell_bytes = std::size_t{1} << 20;
  /// Most cells accepted in one row (the header included).
  std::size_t max_columns = 1024;
  /// Bytes read from the file at a time (1 MiB; 0 counts as 1). The reader's buffer holds
  /// one block, or more while one line is longer than half a block; the file is never
  /// held whole. Text given as a string is copied in the same blocks.
  std::size_t read_block_bytes = std::size_t{1} << 20;
};

/// One data row of a CSV file. The cells are views into the reader's buffer and stay
/// valid until the next call to CsvReader::next().
struct CsvRow {
  /// The 1-based physical line the row starts on (a quoted line break inside a cell
  /// makes the row span several lines; the next row's line counts them).
  std::size_t line = 0;
  /// The cells, unquoted (`""` read as `"`), spaces around unquoted cells removed.
  std::vector<std::string_view> cells;
};

/// A pull reader of one CSV file: UTF-8 (a leading byte-order mark is skipped), RFC 4180
/// quoting, CRLF or LF line ends, a header row first.
///
/// Blank lines, and rows whose cells are all empty (what spreadsheets leave below a
/// table), are skipped. Every cell must be well-formed UTF-8.
///
/// Errors are ParseError with one Diagnostic naming the file, the physical line and,
/// for data rows, the column by its header name. Two kinds exist:
/// - row errors (a row with the wrong number of cells, a cell that is not UTF-8): the
///   reader stays positioned after the bad row, so a caller collecting every error may
///   catch the exception and call next() again;
/// - file errors (unbalanced quotes, a limit exceeded): the rest of the file cannot be
///   read; next() returns false from then on.
class CsvReader {
 public:
  /// Reads \p path and its header row; \p display_name is the file name used in
  /// diagnostics (usually the path as the user gave it).
  /// \throws ParseError when the file cannot be read, breaks a limit, has no header row,
  ///   or its header is malformed or names a column twice (case-insensitively).
  static CsvReader open(const std::filesystem::path& path, std::string display_name,
                        const CsvLimits& limits = {});
  /// Reads CSV text held in memory, as open() does for a file.
  static CsvReader from_string(std::string content, std::string display_name,
                               const CsvLimits& limits = {});

  /// Readers own a parser and the file's text; they move but do not copy.
  CsvReader(CsvReader&&) noexcept;
  /// Moves a reader.
  CsvReader& operator=(CsvReader&&) noexcept;
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;
  /// Releases the parser.
  ~CsvReader();

  /// The file name used in diagnostics.
  [[nodiscard]] const std::string& file() const noexcept;
  /// The column names as written (surrounding spaces removed).
  [[nodiscard]] std::span<const std::string> header() const noexcept;
  /// The physical line of the header row (1 unless blank lines precede it).
  [[nodiscard]] std::size_t header_line() const noexcept;
  /// The index of the column named \p name (ASCII case-insensitive, spaces around
  /// ignored), or nothing.
  [[nodiscard]] std::optional<std::size_t> find_column(std::string_view name) const;

  /// Reads the next data row into \p row (its storage is reused); false at the end.
  /// \throws ParseError for a malformed row or file (see the class comment).
  bool next(CsvRow& row);
  /// True after a file error: the rest of the file could not be read.
  [[nodiscard]] bool failed() const noexcept;

 private:
  struct State;
  explicit CsvReader(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

/// One data row of a CsvTable, owning its cells.
struct CsvTableRow {
  std::size_t line = 0;            ///< The 1-based physical line the row starts on.
  std::vector<std::string> cells;  ///< The cells, one per header column.

  /// Rows compare member by member.
  friend bool operator==(const CsvTableRow&, const CsvTableRow&) = default;
};

/// A whole CSV file in memory: convenient for small files (catalogues, fixtures);
/// large rosters are read row by row with CsvReader instead.
struct CsvTable {
  std::string file;                 ///< The file name used in diagnostics.
  std::size_t header_line = 0;      ///< The physical line of the header row.
  std::vector<std::string> header;  ///< The column names as written.
  std::vector<CsvTableRow> rows;    ///< The data rows, in file order.

  /// The index of the column named \p name (ASCII case-insensitive), or nothing.
  [[nodiscard]] std::optional<std::size_t> find_column(std::string_view name) const;
};

/// Reads the file at \p path into a table; diagnostics name it as \p path.string().
/// \throws ParseError at the first malformed row or when the file breaks a limit.
[[nodiscard]] CsvTable read_csv_table(const std::filesystem::path& path,
                                      const CsvLimits& limits = {});

/// Reads CSV text held in memory into a table; diagnostics name it \p display_name.
/// \throws ParseError at the first malformed row or when the text breaks a limit.
[[nodiscard]] CsvTable parse_csv_table(std::string content, std::string display_name,
                                       const CsvLimits& limits = {});

/// Appends \p cell to \p out as one CSV field, quoted when RFC 4180 needs it (a comma,
/// quote or line break inside) or when the reader would otherwise trim it (spaces or
/// tabs around it); inner quotes are doubled.
void append_csv_cell(std::string& out, std::string_view cell);

/// Writes CSV rows to a stream: commas between cells, LF after each row, RFC 4180
/// quoting where needed. The stream's state is the caller's to check.
class CsvWriter {
 public:
  /// Writes to \p out, which must outlive the writer.
  explicit CsvWriter(std::ostream& out) : out_(&out) {}

  /// Writes one row.
  void write_row(std::span<const std::string_view> cells);
  /// Writes one row given in place: `writer.write_row({"id", "name"})`.
  void write_row(std::initializer_list<std::string_view> cells) {
    write_row(std::span<const std::string_view>(cells.begin(), cells.size()));
  }
  /// Writes one row of owned strings.
  void write_row(std::span<const std::string> cells);

 private:
  void finish_row();

  std::ostream* out_;
  std::string line_;  // one row at a time, so the stream sees one write per row
};

}  // namespace cadreplan::io
