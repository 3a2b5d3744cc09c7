// CSV reading on top of libcsv (RFC 4180 tokenising in strict mode). libcsv is a push
// parser that knows nothing of lines, so the reader feeds it one physical line at a time:
// that is how a row that starts inside a multi-line quoted cell, and every row after it,
// gets its true line number. A line that is a whole row without quotes is split
// directly (split_plain_line), which is most lines of a machine-written roster. Rows are collected
// into one reused byte buffer and handed out as string views, so reading a row allocates nothing
// once the buffers are warm.
#include "cadreplan/io/csv_table.hpp"

#include <csv.h>

#include <algorithm>
#include <cstring>
#include <exception>
#include <fstream>
#include <utility>

namespace cadreplan::io {
namespace {

// libcsv grows its cell buffer by this much at a time; a larger block than its default
// (128) means fewer reallocations on long cells.
constexpr std::size_t kParserBlockBytes = 4096;
// Long lines are fed in pieces so an over-long cell is caught before it is all buffered.
constexpr std::size_t kFeedChunkBytes = 64 * 1024;

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

Diagnostic error_at(const std::string& file, std::size_t line, std::string column,
                    std::string message) {
  return Diagnostic{file, line, std::move(column), DiagnosticSeverity::error, std::move(message)};
}

bool is_blank_byte(char c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool is_blank(std::string_view text) noexcept {
  return std::all_of(text.begin(), text.end(), is_blank_byte);
}

std::string_view trim_blanks(std::string_view text) noexcept {
  while (!text.empty() && is_blank_byte(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_blank_byte(text.back())) text.remove_suffix(1);
  return text;
}

std::string fold_column_name(std::string_view name) {
  std::string folded(trim_blanks(name));
  for (char& c : folded) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return folded;
}

bool in_range(unsigned char c, unsigned char low, unsigned char high) noexcept {
  return c >= low && c <= high;
}

// The length of the well-formed UTF-8 sequence at s[0..n), or 0 when it is malformed
// (overlong forms, surrogates and code points above U+10FFFF are malformed).
std::size_t utf8_sequence_length(const unsigned char* s, std::size_t n) noexcept {
  const unsigned char lead = s[0];
  std::size_t length = 0;
  unsigned char second_low = 0x80;
  unsigned char second_high = 0xBF;
  if (in_range(lead, 0xC2, 0xDF)) {
    length = 2;
  } else if (in_range(lead, 0xE0, 0xEF)) {
    length = 3;
    if (lead == 0xE0) second_low = 0xA0;
    if (lead == 0xED) second_high = 0x9F;
  } else if (in_range(lead, 0xF0, 0xF4)) {
    length = 4;
    if (lead == 0xF0) second_low = 0x90;
    if (lead == 0xF4) second_high = 0x8F;
  } else {
    return 0;
  }
  if (n < length || !in_range(s[1], second_low, second_high)) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if (!in_range(s[i], 0x80, 0xBF)) return 0;
  }
  return length;
}

// The offset of the first byte that is not well-formed UTF-8, or npos. ASCII, the
// common case, is skipped eight bytes at a time.
std::size_t first_invalid_utf8(std::string_view text) noexcept {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      std::uint64_t word = 0;
      std::memcpy(&word, s + i, sizeof word);
      if ((word & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    const std::size_t length = utf8_sequence_length(s + i, n - i);
    if (length == 0) return i;
    i += length;
  }
  return std::string_view::npos;
}

std::string hex_byte(unsigned char byte) {
  constexpr std::string_view digits = "0123456789ABCDEF";
  return std::string("0x") + digits[byte >> 4] + digits[byte & 0xF];
}

// The bytes a reader reads: a file's contents or a caller's string, held as one block.
struct Text {
  std::unique_ptr<char[]> file_bytes;  // not zero-filled before reading: it is overwritten
  std::size_t file_size = 0;
  std::string string;

  // Taken after the last move: a short string's bytes move with the string object.
  [[nodiscard]] std::string_view view() const noexcept {
    return file_bytes ? std::string_view(file_bytes.get(), file_size) : std::string_view(string);
  }
};

Text read_whole_file(const std::filesystem::path& path, const std::string& display_name,
                     const CsvLimits& limits) {
  std::error_code error;
  const auto size = std::filesystem::file_size(path, error);
  if (error) {
    throw ParseError(error_at(display_name, 0, {}, "cannot read the file: " + error.message()));
  }
  if (size > limits.max_file_bytes) {
    throw ParseError(error_at(display_name, 0, {},
                              "the file has " + std::to_string(size) +
                                  " bytes, more than the limit of " +
                                  std::to_string(limits.max_file_bytes)));
  }
  Text text;
  const auto length = static_cast<std::size_t>(size);
  text.file_bytes = std::make_unique_for_overwrite<char[]>(length);
  std::ifstream in(path, std::ios::binary);
  if (!in.read(text.file_bytes.get(), static_cast<std::streamsize>(length))) {
    throw ParseError(error_at(display_name, 0, {}, "cannot read the file"));
  }
  text.file_size = length;
  return text;
}

}  // namespace

// The parser, the file's text and the rows read but not yet handed out.
struct CsvReader::State {
  struct Cell {
    std::size_t offset = 0;  // into `bytes`
    std::size_t size = 0;
  };
  struct FinishedRow {
    std::size_t line = 0;
    std::size_t first_cell = 0;  // into `cells`
    std::size_t end_cell = 0;
    std::optional<Diagnostic> error;  // a row error, reported when the row is handed out
  };

  std::string file;
  CsvLimits limits;
  Text input;
  std::string_view content;  // input.view()
  std::size_t position = 0;  // the next byte of `content` to feed
  std::size_t line = 0;      // the physical line being fed
  csv_parser parser{};
  bool input_done = false;  // every byte fed and the parser finalised
  bool failed = false;      // a file error was thrown; nothing more can be read

  std::vector<std::string> header;
  std::vector<std::string> folded_header;
  std::size_t header_line = 0;
  bool header_seen = false;

  std::string bytes;        // the cells' bytes, row after row
  std::vector<Cell> cells;  // the cells of the finished rows, then of the open row
  std::vector<FinishedRow> finished;
  std::size_t next_finished = 0;

  // The row being parsed.
  bool row_open = false;
  std::size_t row_line = 0;
  std::size_t cell_line = 0;  // the line the current cell starts on
  std::size_t row_first_cell = 0;
  std::optional<Diagnostic> row_error;

  // Errors met inside libcsv's callbacks, which must not throw through C code.
  std::optional<Diagnostic> file_error;
  std::exception_ptr callback_exception;

  State(std::string file_name, const CsvLimits& reader_limits, Text text)
      : file(std::move(file_name)),
        limits(reader_limits),
        input(std::move(text)),
        content(input.view()) {
    if (content.size() > limits.max_file_bytes) {
      throw ParseError(error_at(file, 0, {},
                                "the text has " + std::to_string(content.size()) +
                                    " bytes, more than the limit of " +
                                    std::to_string(limits.max_file_bytes)));
    }
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) throw std::bad_alloc();
    csv_set_blk_size(&parser, block_bytes());
    if (content.starts_with(kByteOrderMark)) position = kByteOrderMark.size();
  }
  State(const State&) = delete;
  State& operator=(const State&) = delete;
  ~State() { csv_free(&parser); }

  // A block no larger than the cell limit, so an open cell is caught near the limit.
  std::size_t block_bytes() const noexcept {
    return std::min(kParserBlockBytes, limits.max_cell_bytes + 1);
  }

  std::size_t open_cell_index() const noexcept { return cells.size() - row_first_cell; }

  std::string column_name(std::size_t index) const {
    if (!header_seen) return {};  // the header row itself: its columns have no names yet
    if (index < header.size() && !header[index].empty()) return header[index];
    return "column " + std::to_string(index + 1);
  }

  [[noreturn]] void fail(Diagnostic diagnostic) {
    failed = true;
    throw ParseError(std::move(diagnostic));
  }

  static void on_cell(void* data, std::size_t size, void* self) noexcept {
    auto& state = *static_cast<State*>(self);
    try {
      state.add_cell(static_cast<const char*>(data), size);
    } catch (...) {
      state.callback_exception = std::current_exception();
    }
  }

  static void on_row_end(int /*terminator*/, void* self) noexcept {
    auto& state = *static_cast<State*>(self);
    try {
      state.end_row();
    } catch (...) {
      state.callback_exception = std::current_exception();
    }
  }

  void add_cell(const char* data, std::size_t size) {
    if (file_error || callback_exception) return;
    if (!row_open) open_row();  // a row after a bare CR on the same line
    const std::size_t index = open_cell_index();
    if (index >= limits.max_columns) {
      file_error =
          error_at(file, row_line, {},
                   "more than " + std::to_string(limits.max_columns) + " cells in one row");
      return;
    }
    if (size > limits.max_cell_bytes) {
      file_error = cell_too_long(index);
      return;
    }
    const std::string_view text(size == 0 ? "" : data, size);
    check_utf8(text, index);
    cells.push_back(Cell{bytes.size(), size});
    bytes.append(text);
    cell_line = line;
  }

  void check_utf8(std::string_view text, std::size_t index) {
    const std::size_t bad = first_invalid_utf8(text);
    if (bad == std::string_view::npos) return;
    const auto breaks =
        std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(bad), '\n');
    std::string where =
        header_seen ? std::string() : " of header cell " + std::to_string(index + 1);
    auto diagnostic =
        error_at(file, cell_line + static_cast<std::size_t>(breaks), column_name(index),
                 "invalid UTF-8: byte " + hex_byte(static_cast<unsigned char>(text[bad])) +
                     " at byte " + std::to_string(bad + 1) + where + " (save the file as UTF-8)");
    if (!header_seen) {
      file_error = std::move(diagnostic);  // without a header nothing can be read
    } else if (!row_error) {
      row_error = std::move(diagnostic);
    }
  }

  Diagnostic cell_too_long(std::size_t index) const {
    return error_at(file, cell_line, column_name(index),
                    "a cell longer than " + std::to_string(limits.max_cell_bytes) +
                        " bytes (is a quote left open?)");
  }

  void open_row() {
    row_open = true;
    row_line = line;
    cell_line = line;
  }

  void end_row() {
    if (file_error) return;
    if (!row_open) open_row();
    FinishedRow row{row_line, row_first_cell, cells.size(), std::move(row_error)};
    row_error.reset();
    row_open = false;
    const bool all_empty =
        std::all_of(cells.begin() + static_cast<std::ptrdiff_t>(row.first_cell), cells.end(),
                    [](const Cell& cell) { return cell.size == 0; });
    if (all_empty && !row.error) {
      cells.resize(row.first_cell);  // a blank row, e.g. `,,,` below a spreadsheet table
      return;
    }
    const std::size_t count = row.end_cell - row.first_cell;
    if (!header_seen) {
      header_seen = true;
      header_line = row.line;
      header.resize(count);  // filled in by take_header()
    } else if (count != header.size() && !row.error) {
      row.error = error_at(
          file, row.line, {},
          "expected " + std::to_string(header.size()) + " cells, found " + std::to_string(count));
    }
    row_first_cell = cells.size();
    finished.push_back(std::move(row));
  }

  // Drops the rows already handed out, keeping the cells of a row still open.
  void compact() {
    const std::size_t keep_from_byte =
        row_first_cell < cells.size() ? cells[row_first_cell].offset : bytes.size();
    bytes.erase(0, keep_from_byte);
    cells.erase(cells.begin(), cells.begin() + static_cast<std::ptrdiff_t>(row_first_cell));
    for (Cell& cell : cells) cell.offset -= keep_from_byte;
    row_first_cell = 0;
    finished.clear();
    next_finished = 0;
  }

  // Feeds the next physical line to the parser.
  void feed_line() {
    const std::size_t newline = content.find('\n', position);
    const std::size_t line_end = newline == std::string_view::npos ? content.size() : newline + 1;
    const std::string_view text(content.data() + position, line_end - position);
    position = line_end;
    ++line;
    if (!row_open) {
      if (is_blank(text)) return;  // libcsv would skip it too
      open_row();
      if (split_plain_line(text)) return;
    }
    for (std::size_t offset = 0; offset < text.size(); offset += kFeedChunkBytes) {
      feed(text.substr(offset, kFeedChunkBytes));
    }
  }

  // Most lines hold a whole row without a quote: such a line is split here, as libcsv
  // would split it (cells between commas, spaces and tabs around them removed), at a
  // fraction of the cost of its byte-at-a-time state machine. False for any other line.
  bool split_plain_line(std::string_view text) {
    if (text.ends_with('\n')) text.remove_suffix(1);
    if (text.ends_with('\r')) text.remove_suffix(1);
    // Two memchr scans; find_first_of would scan its set once per byte.
    if (text.find('"') != std::string_view::npos || text.find('\r') != std::string_view::npos) {
      return false;
    }
    for (std::size_t start = 0;;) {
      const std::size_t comma = std::min(text.find(',', start), text.size());
      std::string_view cell = text.substr(start, comma - start);
      while (!cell.empty() && (cell.front() == ' ' || cell.front() == '\t')) cell.remove_prefix(1);
      while (!cell.empty() && (cell.back() == ' ' || cell.back() == '\t')) cell.remove_suffix(1);
      add_cell(cell.data(), cell.size());
      if (comma == text.size()) break;
      start = comma + 1;
    }
    end_row();
    if (file_error) fail(std::move(*file_error));
    return true;
  }

  void feed(std::string_view chunk) {
    const std::size_t used =
        csv_parse(&parser, chunk.data(), chunk.size(), on_cell, on_row_end, this);
    rethrow_callback_errors();
    if (used < chunk.size()) {
      if (csv_error(&parser) != CSV_EPARSE) throw std::bad_alloc();
      fail(error_at(file, line, column_name(open_cell_index()),
                    "misplaced quote: a quote may only open a cell, and a quoted cell must "
                    "end with a quote before ',' or the line end (write \"\" for a quote "
                    "inside a quoted cell)"));
    }
    // libcsv grows its buffer a block at a time as a cell grows: a buffer this big means
    // the open cell is over the limit, even though it has not ended yet.
    if (csv_get_buffer_size(&parser) > limits.max_cell_bytes + block_bytes()) {
      fail(cell_too_long(open_cell_index()));
    }
  }

  void finish_input() {
    input_done = true;
    const int status = csv_fini(&parser, on_cell, on_row_end, this);
    rethrow_callback_errors();
    if (status != 0) {
      fail(error_at(file, cell_line, column_name(open_cell_index()),
                    "unterminated quoted cell: the quote opened here is never closed"));
    }
  }

  void rethrow_callback_errors() {
    if (callback_exception) {
      failed = true;
      std::rethrow_exception(callback_exception);
    }
    if (file_error) fail(std::move(*file_error));
  }

  // The next finished row (the header included), or null at the end of the input.
  const FinishedRow* next_row() {
    if (failed) return nullptr;
    if (next_finished == finished.size()) {
      compact();
      while (finished.empty() && !input_done) {
        if (position < content.size()) {
          feed_line();
        } else {
          finish_input();
        }
      }
      if (finished.empty()) return nullptr;
    }
    return &finished[next_finished++];
  }

  std::string_view cell_text(std::size_t index) const noexcept {
    return std::string_view(bytes).substr(cells[index].offset, cells[index].size);
  }

  void take_header() {
    const FinishedRow* row = next_row();
    if (row == nullptr) fail(error_at(file, 1, {}, "no header row (the file is empty)"));
    if (row->error) fail(*row->error);
    for (std::size_t i = row->first_cell; i < row->end_cell; ++i) {
      header[i - row->first_cell] = std::string(trim_blanks(cell_text(i)));
      folded_header.push_back(fold_column_name(cell_text(i)));
    }
    check_duplicate_columns();
  }

  void check_duplicate_columns() {
    for (std::size_t i = 0; i < folded_header.size(); ++i) {
      if (folded_header[i].empty()) continue;
      for (std::size_t j = 0; j < i; ++j) {
        if (folded_header[j] == folded_header[i]) {
          fail(error_at(
              file, header_line, header[i],
              "duplicate column '" + header[i] + "' (also column " + std::to_string(j + 1) + ")"));
        }
      }
    }
  }
};

CsvReader::CsvReader(std::unique_ptr<State> state) : state_(std::move(state)) {
  state_->take_header();
}

CsvReader::CsvReader(CsvReader&&) noexcept = default;
CsvReader& CsvReader::operator=(CsvReader&&) noexcept = default;
CsvReader::~CsvReader() = default;

CsvReader CsvReader::open(const std::filesystem::path& path, std::string display_name,
                          const CsvLimits& limits) {
  Text text = read_whole_file(path, display_name, limits);
  return CsvReader(std::make_unique<State>(std::move(display_name), limits, std::move(text)));
}

CsvReader CsvReader::from_string(std::string content, std::string display_name,
                                 const CsvLimits& limits) {
  Text text;
  text.string = std::move(content);
  return CsvReader(std::make_unique<State>(std::move(display_name), limits, std::move(text)));
}

const std::string& CsvReader::file() const noexcept { return state_->file; }

std::span<const std::string> CsvReader::header() const noexcept { return state_->header; }

std::size_t CsvReader::header_line() const noexcept { return state_->header_line; }

std::optional<std::size_t> CsvReader::find_column(std::string_view name) const {
  const std::string folded = fold_column_name(name);
  const auto& names = state_->folded_header;
  const auto found = std::find(names.begin(), names.end(), folded);
  if (found == names.end()) return std::nullopt;
  return static_cast<std::size_t>(found - names.begin());
}

bool CsvReader::next(CsvRow& row) {
  const State::FinishedRow* finished = state_->next_row();
  if (finished == nullptr) return false;
  row.line = finished->line;
  row.cells.clear();
  for (std::size_t i = finished->first_cell; i < finished->end_cell; ++i) {
    row.cells.push_back(state_->cell_text(i));
  }
  if (finished->error) throw ParseError(*finished->error);
  return true;
}

bool CsvReader::failed() const noexcept { return state_->failed; }

std::optional<std::size_t> CsvTable::find_column(std::string_view name) const {
  const std::string folded = fold_column_name(name);
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (fold_column_name(header[i]) == folded) return i;
  }
  return std::nullopt;
}

namespace {

CsvTable read_all(CsvReader reader) {
  CsvTable table;
  table.file = reader.file();
  table.header_line = reader.header_line();
  table.header.assign(reader.header().begin(), reader.header().end());
  CsvRow row;
  while (reader.next(row)) {
    table.rows.push_back(CsvTableRow{row.line, {row.cells.begin(), row.cells.end()}});
  }
  return table;
}

}  // namespace

CsvTable read_csv_table(const std::filesystem::path& path, const CsvLimits& limits) {
  return read_all(CsvReader::open(path, path.string(), limits));
}

CsvTable parse_csv_table(std::string content, std::string display_name, const CsvLimits& limits) {
  return read_all(CsvReader::from_string(std::move(content), std::move(display_name), limits));
}

void append_csv_cell(std::string& out, std::string_view cell) {
  const bool special = std::any_of(cell.begin(), cell.end(), [](char c) {
    return c == ',' || c == '"' || c == '\r' || c == '\n';
  });
  const bool padded = !cell.empty() && (cell.front() == ' ' || cell.front() == '\t' ||
                                        cell.back() == ' ' || cell.back() == '\t');
  const bool needs_quotes = special || padded;
  if (!needs_quotes) {
    out.append(cell);
    return;
  }
  out.push_back('"');
  for (char c : cell) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

void CsvWriter::write_row(std::span<const std::string_view> cells) {
  line_.clear();
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) line_.push_back(',');
    append_csv_cell(line_, cells[i]);
  }
  finish_row();
}

void CsvWriter::write_row(std::span<const std::string> cells) {
  line_.clear();
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) line_.push_back(',');
    append_csv_cell(line_, cells[i]);
  }
  finish_row();
}

void CsvWriter::finish_row() {
  // A row of one empty cell would be a blank line, which readers skip.
  if (line_.empty()) line_ = "\"\"";
  line_.push_back('\n');
  out_->write(line_.data(), static_cast<std::streamsize>(line_.size()));
}

}  // namespace cadreplan::io
