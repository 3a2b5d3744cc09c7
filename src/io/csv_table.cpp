// CSV reading on top of libcsv (RFC 4180 tokenising in strict mode). libcsv is a push
// parser that knows nothing of lines, so the reader feeds it one physical line at a time:
// that is how a row that starts inside a multi-line quoted cell, and every row after it,
// gets its true line number. A line that is a whole row without quotes is found and split
// directly (take_plain_line), which is most lines of a machine-written roster, in one pass
// over its bytes; its UTF-8 is checked with its block's (check_block_utf8).
//
// A file is read a block at a time into one reused buffer (CsvLimits::read_block_bytes),
// never whole: a national roster's 750 MB file would otherwise cost 750 MB of fresh pages,
// whose faults were 40 % of the load's time. The buffer holds whole lines: a line that
// outgrows it is carried to its front and the buffer grows until the line fits, so every
// line is parsed exactly as if the file were in memory. Cells of plain lines are views into
// the buffer; cells that libcsv unquotes are copied into one reused byte buffer. Either way
// they stay valid until the next call to next(), which is the only time the buffer is
// refilled. Reading a row allocates nothing once the buffers are warm.
#include "cadreplan/io/csv_table.hpp"

#include <csv.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <exception>
#include <fstream>
#include <utility>

#include "io/utf8_check.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace cadreplan::io {
namespace {

using detail::first_invalid_utf8;
using detail::is_valid_utf8;

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

constexpr std::uint64_t kEveryByte = 0x0101010101010101ULL;
constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
constexpr std::uint64_t kLowBits = 0x7F7F7F7F7F7F7F7FULL;

// The high bit of each byte of \p word that equals \p byte, exactly (no carry crosses
// from one byte into the next).
constexpr std::uint64_t bytes_equal(std::uint64_t word, char byte) noexcept {
  const std::uint64_t differences = word ^ (kEveryByte * static_cast<unsigned char>(byte));
  return ~(((differences & kLowBits) + kLowBits) | differences | kLowBits);
}

std::string hex_byte(unsigned char byte) {
  constexpr std::string_view digits = "0123456789ABCDEF";
  return std::string("0x") + digits[byte >> 4] + digits[byte & 0xF];
}

// Where a reader's bytes come from: a file, read a block at a time, or a caller's string,
// copied into the same buffer a block at a time so both take one code path.
class ByteSource {
 public:
  ByteSource(std::ifstream file, std::uintmax_t size) : file_(std::move(file)), remaining_(size) {}
  explicit ByteSource(std::string text) : text_(std::move(text)), remaining_(text_.size()) {}

  [[nodiscard]] std::uintmax_t remaining() const noexcept { return remaining_; }

  // Copies up to \p size bytes to \p out; false when the file ends before its size said.
  bool read(char* out, std::size_t size, std::size_t& got) {
    got = static_cast<std::size_t>(std::min<std::uintmax_t>(size, remaining_));
    if (file_.is_open()) {
      if (!file_.read(out, static_cast<std::streamsize>(got))) return false;
    } else {
      std::memcpy(out, text_.data() + (text_.size() - remaining_), got);
    }
    remaining_ -= got;
    return true;
  }

 private:
  std::ifstream file_;
  std::string text_;
  std::uintmax_t remaining_;
};

ByteSource open_file(const std::filesystem::path& path, const std::string& display_name,
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
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ParseError(error_at(display_name, 0, {}, "cannot read the file"));
  return ByteSource(std::move(in), size);
}

}  // namespace

// The parser, the buffered bytes and the rows read but not yet handed out.
struct CsvReader::State {
  struct Cell {
    std::size_t offset = 0;  // into `buffer` for a plain row, else into `bytes`
    std::size_t size = 0;
  };
  struct FinishedRow {
    std::size_t line = 0;
    std::size_t first_cell = 0;  // into `cells`
    std::size_t end_cell = 0;
    bool in_buffer = false;           // the cells are views into `buffer` (a plain line)
    std::optional<Diagnostic> error;  // a row error, reported when the row is handed out
  };

  std::string file;
  CsvLimits limits;
  ByteSource source;
  std::unique_ptr<char[]> buffer;  // not zero-filled: only bytes read are used
  std::size_t capacity = 0;
  std::size_t filled = 0;    // buffer[0..filled) holds bytes read
  std::size_t position = 0;  // the next byte of the buffer to feed
  std::size_t searched = 0;  // buffer[position..searched) holds no line break
  std::size_t utf8_valid_end = 0;  // buffer[0..utf8_valid_end) is well-formed UTF-8
  std::size_t line = 0;      // the physical line being fed
  csv_parser parser{};
  bool input_done = false;  // every byte fed and the parser finalised
  bool failed = false;      // a file error was thrown; nothing more can be read

  std::vector<std::string> header;
  std::vector<std::string> folded_header;
  std::size_t header_line = 0;
  bool header_seen = false;

  std::string bytes;        // the cells libcsv handed over, row after row
  std::vector<Cell> cells;  // the cells of the finished rows, then of the open row
  std::vector<FinishedRow> finished;
  std::size_t next_finished = 0;
  std::vector<std::size_t> plain_commas;  // of the plain line being split

  // The row being parsed.
  bool row_open = false;
  std::size_t row_line = 0;
  std::size_t cell_line = 0;  // the line the current cell starts on
  std::size_t row_first_cell = 0;
  std::optional<Diagnostic> row_error;

  // Errors met inside libcsv's callbacks, which must not throw through C code.
  std::optional<Diagnostic> file_error;
  std::exception_ptr callback_exception;

  State(std::string file_name, const CsvLimits& reader_limits, ByteSource bytes_source)
      : file(std::move(file_name)), limits(reader_limits), source(std::move(bytes_source)) {
    if (source.remaining() > limits.max_file_bytes) {
      throw ParseError(error_at(file, 0, {},
                                "the text has " + std::to_string(source.remaining()) +
                                    " bytes, more than the limit of " +
                                    std::to_string(limits.max_file_bytes)));
    }
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) throw std::bad_alloc();
    csv_set_blk_size(&parser, block_bytes());
    while (filled < kByteOrderMark.size() && source.remaining() > 0) refill();
    if (std::string_view(buffer.get(), filled).starts_with(kByteOrderMark)) {
      position = kByteOrderMark.size();
      searched = position;
    }
  }
  State(const State&) = delete;
  State& operator=(const State&) = delete;
  ~State() { csv_free(&parser); }

  // A block no larger than the cell limit, so an open cell is caught near the limit.
  std::size_t block_bytes() const noexcept {
    return std::min(kParserBlockBytes, limits.max_cell_bytes + 1);
  }

  // Moves the unfed bytes to the front of the buffer and reads up to a block after them.
  // The buffer doubles when those bytes fill more than half of it (a line longer than
  // half a block), so a long line costs few copies. Invalidates the views into the
  // buffer: called only when every row handed out is done with.
  void refill() {
    const std::size_t read_block = std::max<std::size_t>(limits.read_block_bytes, 1);
    const std::size_t kept = filled - position;
    if (capacity == 0) {
      capacity =
          static_cast<std::size_t>(std::clamp<std::uintmax_t>(source.remaining(), 1, read_block));
      buffer = std::make_unique_for_overwrite<char[]>(capacity);
    } else if (kept > capacity / 2) {
      auto larger = std::make_unique_for_overwrite<char[]>(2 * capacity);
      std::memcpy(larger.get(), buffer.get() + position, kept);
      buffer = std::move(larger);
      capacity *= 2;
    } else if (kept > 0 && position > 0) {
      std::memmove(buffer.get(), buffer.get() + position, kept);
    }
    searched -= position;
    position = 0;
    filled = kept;
    std::size_t got = 0;
    if (!source.read(buffer.get() + filled, std::min(read_block, capacity - filled), got)) {
      fail(error_at(file, 0, {}, "cannot read the file"));
    }
    filled += got;
    check_block_utf8();
  }

  // Checks the UTF-8 of the buffer's whole lines at once, vectorised where the processor
  // allows, so that a line in a valid block needs no check of its own. Lines end at an
  // ASCII byte, so each line of a valid block is valid. A block with a bad byte is not
  // used: its lines are checked one at a time, and the bad cell's check names the byte.
  void check_block_utf8() {
    const std::string_view block(buffer.get(), filled);
    const std::size_t last_break = block.rfind('\n');
    std::size_t end = last_break == std::string_view::npos ? 0 : last_break + 1;
    if (source.remaining() == 0) end = filled;  // the last line needs no line break
    utf8_valid_end = is_valid_utf8(block.substr(0, end)) ? end : 0;
  }

  // The next physical line, its line break included, read in if needed; empty at the end.
  std::string_view take_line() {
    for (;;) {
      const void* newline = searched < filled
                                ? std::memchr(buffer.get() + searched, '\n', filled - searched)
                                : nullptr;
      if (newline != nullptr) {
        const auto end =
            static_cast<std::size_t>(static_cast<const char*>(newline) - buffer.get()) + 1;
        return take_bytes(end);
      }
      searched = filled;
      if (source.remaining() == 0) return take_bytes(filled);  // the last line, unended
      refill();
    }
  }

  std::string_view take_bytes(std::size_t end) noexcept {
    const std::string_view text(buffer.get() + position, end - position);
    position = end;
    searched = end;
    return text;
  }

  bool at_end_of_input() const noexcept { return position == filled && source.remaining() == 0; }

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

  // A cell from libcsv: checked, then copied, as libcsv reuses its own buffer.
  void add_cell(const char* data, std::size_t size) {
    if (file_error || callback_exception) return;
    if (!row_open) open_row();  // a row after a bare CR on the same line
    const std::string_view text(size == 0 ? "" : data, size);
    if (!check_cell(text, true)) return;
    cells.push_back(Cell{bytes.size(), size});
    bytes.append(text);
    cell_line = line;
  }

  // The checks every cell passes, in this order: the column limit and the cell limit
  // (file errors), then UTF-8 unless the caller knows it is valid (a row error).
  bool check_cell(std::string_view text, bool check_encoding) {
    const std::size_t index = open_cell_index();
    if (index >= limits.max_columns) {
      file_error =
          error_at(file, row_line, {},
                   "more than " + std::to_string(limits.max_columns) + " cells in one row");
      return false;
    }
    if (text.size() > limits.max_cell_bytes) {
      file_error = cell_too_long(index);
      return false;
    }
    if (check_encoding) check_utf8(text, index);
    return true;
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

  void end_row(bool in_buffer = false) {
    if (file_error) return;
    if (!row_open) open_row();
    FinishedRow row{row_line, row_first_cell, cells.size(), in_buffer, std::move(row_error)};
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

  // Feeds the next physical line to the parser, unless it is plain and split here.
  void feed_line() {
    if (!row_open && take_plain_line()) return;
    const std::string_view text = take_line();
    ++line;
    if (!row_open) {
      if (is_blank(text)) return;  // libcsv would skip it too
      open_row();
    }
    for (std::size_t offset = 0; offset < text.size(); offset += kFeedChunkBytes) {
      feed(text.substr(offset, kFeedChunkBytes));
    }
  }

  // What scan_plain_line() found at `position`.
  enum class LineScan {
    plain,      // a line without a quote or a bare carriage return
    not_plain,  // a line with one: libcsv's
    unended,    // no line break before the end of the buffer
  };
  struct PlainLine {
    std::size_t size = 0;  // its bytes before the line break (and a carriage return)
    std::size_t next = 0;  // its bytes with them
    bool high = false;     // a byte above 0x7F is among the first `size`
  };

  // Most lines hold a whole row without a quote: such a line is found and split here, as
  // libcsv would split it (cells between commas, spaces and tabs around them removed), at
  // a fraction of the cost of its byte-at-a-time state machine, in one pass that finds its
  // end and its commas together. The cells stay in the buffer. False, and nothing taken,
  // for any other line.
  bool take_plain_line() {
    PlainLine found;
    LineScan scan = scan_plain_line(found);
    while (scan == LineScan::unended && source.remaining() > 0) {
      refill();  // a line across the end of a block: scanned again from its start
      scan = scan_plain_line(found);
    }
    if (scan == LineScan::not_plain) return false;
    const std::string_view text(buffer.get() + position, found.size);
    take_bytes(position + found.next);
    ++line;
    if (is_blank(text)) return true;  // libcsv would skip it too
    open_row();
    keep_plain_cells(text, found.high);
    return true;
  }

  // Finds the end of the line at `position` and its commas (into plain_commas, as offsets
  // from its start). A line break is `\n` or `\r\n`, or the end of the input; a quote or
  // any other carriage return makes the line libcsv's.
  LineScan scan_plain_line(PlainLine& found) {
    const auto* s = reinterpret_cast<const unsigned char*>(buffer.get() + position);
    const std::size_t available = filled - position;
    const std::size_t stop = find_line_stop(s, available, found.high);
    found.size = stop;
    found.next = available;
    if (stop == available) return LineScan::unended;
    if (s[stop] == '"') return LineScan::not_plain;
    if (s[stop] == '\n') {
      found.next = stop + 1;
      return LineScan::plain;
    }
    if (stop + 1 == available) return LineScan::unended;  // '\r', and '\n' may follow
    if (s[stop + 1] != '\n') return LineScan::not_plain;
    found.next = stop + 2;
    return LineScan::plain;
  }

  // The offset of the first quote, carriage return or line break of s[0..n), or n. The
  // commas before it go to plain_commas, and \p high says whether a byte before it is
  // above 0x7F. Sixteen bytes at a time where SSE2 is there (every x86-64), then eight.
  std::size_t find_line_stop(const unsigned char* s, std::size_t n, bool& high) {
    plain_commas.clear();
    std::uint64_t high_bits = 0;
    std::size_t i = 0;
#if defined(__SSE2__)
    const __m128i quote_bytes = _mm_set1_epi8('"');
    const __m128i return_bytes = _mm_set1_epi8('\r');
    const __m128i newline_bytes = _mm_set1_epi8('\n');
    const __m128i comma_bytes = _mm_set1_epi8(',');
    unsigned high_mask = 0;
    for (; i + 16 <= n; i += 16) {
      const __m128i bytes16 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
      const __m128i stop_bytes =
          _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes16, quote_bytes),
                                    _mm_cmpeq_epi8(bytes16, return_bytes)),
                       _mm_cmpeq_epi8(bytes16, newline_bytes));
      const auto stops = static_cast<unsigned>(_mm_movemask_epi8(stop_bytes));
      // Only the bytes before the first stop belong to the line's cells.
      const unsigned before = stops == 0 ? 0xFFFFU : (stops & (0U - stops)) - 1;
      high_mask |= static_cast<unsigned>(_mm_movemask_epi8(bytes16)) & before;
      auto commas =
          static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes16, comma_bytes))) & before;
      for (; commas != 0; commas &= commas - 1) {
        plain_commas.push_back(i + static_cast<std::size_t>(std::countr_zero(commas)));
      }
      if (stops != 0) {
        high = high_mask != 0;
        return i + static_cast<std::size_t>(std::countr_zero(stops));
      }
    }
    if (high_mask != 0) high_bits |= kHighBits;
#endif
    if constexpr (std::endian::native == std::endian::little) {
      for (; i + 8 <= n; i += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, s + i, sizeof word);
        const std::uint64_t stops =
            bytes_equal(word, '"') | bytes_equal(word, '\r') | bytes_equal(word, '\n');
        const std::uint64_t before = stops == 0 ? ~std::uint64_t{0} : (stops & (0U - stops)) - 1;
        high_bits |= word & before;
        for (std::uint64_t commas = bytes_equal(word, ',') & before; commas != 0;
             commas &= commas - 1) {
          plain_commas.push_back(i + static_cast<std::size_t>(std::countr_zero(commas)) / 8);
        }
        if (stops != 0) {
          high = (high_bits & kHighBits) != 0;
          return i + static_cast<std::size_t>(std::countr_zero(stops)) / 8;
        }
      }
    }
    for (; i < n && s[i] != '"' && s[i] != '\r' && s[i] != '\n'; ++i) {
      if (s[i] == ',') plain_commas.push_back(i);
      high_bits |= s[i];
    }
    high = (high_bits & kHighBits) != 0;
    return i;
  }

  // Keeps the cells of the plain line \p text (in the buffer) between the commas found.
  // A line of valid UTF-8 has cells of valid UTF-8 (a sequence cannot hold a comma or a
  // space), so UTF-8 is checked by block (see check_block_utf8) or line, and cell by cell
  // only in a bad line, to name the first bad byte.
  void keep_plain_cells(std::string_view text, bool high) {
    const auto base = static_cast<std::size_t>(text.data() - buffer.get());
    const std::size_t n = text.size();
    const bool valid_utf8 = !high || base + n <= utf8_valid_end || is_valid_utf8(text);
    plain_commas.push_back(n);
    std::size_t begin = 0;
    if (valid_utf8 && plain_commas.size() <= limits.max_columns && n <= limits.max_cell_bytes) {
      // No cell of this line can break a limit or the encoding: each is kept unchecked.
      for (const std::size_t end : plain_commas) {
        cells.push_back(plain_cell(base + begin, base + end));
        begin = end + 1;
      }
      cell_line = line;
    } else {
      for (const std::size_t end : plain_commas) {
        // After a file error (a limit, or bad UTF-8 in the header) the first one stands.
        if (!keep_plain_cell(base + begin, base + end, valid_utf8) || file_error) break;
        begin = end + 1;
      }
    }
    end_row(true);
    if (file_error) fail(std::move(*file_error));
  }

  // The cell between buffer[begin] and buffer[end], spaces and tabs around it removed.
  Cell plain_cell(std::size_t begin, std::size_t end) const noexcept {
    const char* data = buffer.get();
    while (begin < end && (data[begin] == ' ' || data[begin] == '\t')) ++begin;
    while (begin < end && (data[end - 1] == ' ' || data[end - 1] == '\t')) --end;
    return Cell{begin, end - begin};
  }

  bool keep_plain_cell(std::size_t begin, std::size_t end, bool valid_utf8) {
    const Cell cell = plain_cell(begin, end);
    if (!check_cell(std::string_view(buffer.get() + cell.offset, cell.size), !valid_utf8)) {
      return false;
    }
    cells.push_back(cell);
    cell_line = line;
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
        if (!at_end_of_input()) {
          feed_line();
        } else {
          finish_input();
        }
      }
      if (finished.empty()) return nullptr;
    }
    return &finished[next_finished++];
  }

  std::string_view cell_text(const FinishedRow& row, std::size_t index) const noexcept {
    const char* base = row.in_buffer ? buffer.get() : bytes.data();
    return std::string_view(base + cells[index].offset, cells[index].size);
  }

  void take_header() {
    const FinishedRow* row = next_row();
    if (row == nullptr) fail(error_at(file, 1, {}, "no header row (the file is empty)"));
    if (row->error) fail(*row->error);
    for (std::size_t i = row->first_cell; i < row->end_cell; ++i) {
      header[i - row->first_cell] = std::string(trim_blanks(cell_text(*row, i)));
      folded_header.push_back(fold_column_name(cell_text(*row, i)));
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
  ByteSource source = open_file(path, display_name, limits);
  return CsvReader(std::make_unique<State>(std::move(display_name), limits, std::move(source)));
}

CsvReader CsvReader::from_string(std::string content, std::string display_name,
                                 const CsvLimits& limits) {
  return CsvReader(
      std::make_unique<State>(std::move(display_name), limits, ByteSource(std::move(content))));
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
  row.cells.resize(finished->end_cell - finished->first_cell);
  for (std::size_t i = finished->first_cell; i < finished->end_cell; ++i) {
    row.cells[i - finished->first_cell] = state_->cell_text(*finished, i);
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
  // Written for whole reports (a national `check --format csv` writes 166 k messages):
  // each special byte is looked for with memchr (find), many bytes at a time, and the
  // cell is copied in runs between its quotes. Byte by byte, testing each byte against
  // the four and appending it alone, this was 4,600 instructions a row.
  const auto has = [cell](char c) { return cell.find(c) != std::string_view::npos; };
  const bool special = has(',') || has('"') || has('\r') || has('\n');
  const bool padded = !cell.empty() && (cell.front() == ' ' || cell.front() == '\t' ||
                                        cell.back() == ' ' || cell.back() == '\t');
  if (!special && !padded) {
    out.append(cell);
    return;
  }
  out.push_back('"');
  std::size_t from = 0;
  for (std::size_t quote = cell.find('"'); quote != std::string_view::npos; quote = cell.find('"', from)) {
    out.append(cell.substr(from, quote + 1 - from));  // up to the quote, and the quote
    out.push_back('"');                                // doubled
    from = quote + 1;
  }
  out.append(cell.substr(from));
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
