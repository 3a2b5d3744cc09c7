// Loading and saving a roster as a folder of CSV files (FORMATS.md).
//
// The loader checks ids and references itself, row by row, rather than leaving it to
// model::Roster::build: only here are the file, line and column known, and a person
// fixing a spreadsheet needs them. Each file's columns are resolved once, so a row
// costs a few index lookups and the cell parsers.
#include "cadreplan/io/roster_csv.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include "cadreplan/io/cell_parsers.hpp"
#include "cadreplan/text/fold.hpp"
#include "model/roster_assembly.hpp"

namespace cadreplan::io {
namespace {

namespace fs = std::filesystem;

// ---------------------------------------------------------------------------------
// The columns of each file, in FORMATS.md order (the order save writes them in).

struct ColumnSpec {
  std::string_view name;
  bool required = false;
};

namespace units_csv {
constexpr std::string_view file = "units.csv";
enum Column : std::size_t { id, name, kind, parent_id, province, large_minority, minority, area };
constexpr std::array<ColumnSpec, 8> columns{{{"id", true},
                                             {"name", true},
                                             {"kind", true},
                                             {"parent_id", false},
                                             {"province", false},
                                             {"large_minority", false},
                                             {"minority", false},
                                             {"area", false}}};
}  // namespace units_csv

namespace cadres_csv {
constexpr std::string_view file = "cadres.csv";
enum Column : std::size_t {
  id,
  full_name,
  birth_date,
  unit_id,
  positions,
  gender,
  ethnicity,
  party_joined,
  general_education,
  professional_level,
  professional_field,
  professional_mode,
  professional_funding,
  professional_planned,
  political_theory,
  state_management,
  position_since,
};
constexpr std::array<ColumnSpec, 17> columns{{{"id", true},
                                              {"full_name", true},
                                              {"birth_date", true},
                                              {"unit_id", true},
                                              {"positions", true},
                                              {"gender", false},
                                              {"ethnicity", false},
                                              {"party_joined", false},
                                              {"general_education", false},
                                              {"professional_level", false},
                                              {"professional_field", false},
                                              {"professional_mode", false},
                                              {"professional_funding", false},
                                              {"professional_planned", false},
                                              {"political_theory", false},
                                              {"state_management", false},
                                              {"position_since", false}}};
}  // namespace cadres_csv

namespace trainings_csv {
constexpr std::string_view file = "trainings.csv";
enum Column : std::size_t {
  cadre_id,
  course,
  kind,
  start_date,
  end_date,
  provider,
  status,
  result,
  funding,
  planned,
  cost,
};
constexpr std::array<ColumnSpec, 11> columns{{{"cadre_id", true},
                                              {"course", true},
                                              {"kind", true},
                                              {"start_date", true},
                                              {"end_date", true},
                                              {"provider", false},
                                              {"status", false},
                                              {"result", false},
                                              {"funding", false},
                                              {"planned", false},
                                              {"cost", false}}};
}  // namespace trainings_csv

namespace pools_csv {
constexpr std::string_view file = "pools.csv";
enum Column : std::size_t { unit_id, position, cadre_id, term, added_on };
constexpr std::array<ColumnSpec, 5> columns{{{"unit_id", true},
                                             {"position", true},
                                             {"cadre_id", true},
                                             {"term", true},
                                             {"added_on", false}}};
}  // namespace pools_csv

namespace budgets_csv {
constexpr std::string_view file = "budgets.csv";
enum Column : std::size_t { unit_id, year, allocated, spent_on_training };
constexpr std::array<ColumnSpec, 4> columns{
    {{"unit_id", true}, {"year", true}, {"allocated", true}, {"spent_on_training", false}}};
}  // namespace budgets_csv

// ---------------------------------------------------------------------------------
// Helpers shared by the tables.

std::string in_quotes(std::string_view text) { return "'" + std::string(text) + "'"; }

// True when \p text (valid UTF-8) is certainly NFC already, so utf8proc can be skipped:
// it holds only code points below U+0300 (no character there changes under NFC, and
// the combining marks start at U+0300) and Latin Extended Additional (U+1E00-U+1EFF,
// the precomposed Vietnamese letters). Typed Vietnamese text passes; NFD text, with
// its combining marks, does not.
bool is_plainly_composed(std::string_view text) noexcept {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  for (std::size_t i = 0; i < size;) {
    const unsigned char lead = bytes[i];
    if (lead < 0x80) {
      ++i;
    } else if (lead >= 0xC2 && lead <= 0xCB) {  // U+0080-U+02FF
      i += 2;
    } else if (lead == 0xE1 && i + 1 < size && bytes[i + 1] >= 0xB8 && bytes[i + 1] <= 0xBB) {
      i += 3;  // U+1E00-U+1EFF
    } else {
      return false;
    }
  }
  return true;
}

// Names and free text are stored composed (NFC), so NFD input compares equal to NFC.
std::string normalized(std::string_view text) {
  return is_plainly_composed(text) ? std::string(text) : text::to_nfc(text);
}

// The same, interned: the pool is searched with the cell itself, no string is built.
model::InternedString normalized_interned(std::string_view text) {
  return is_plainly_composed(text) ? model::InternedString(text) : model::InternedString(text::to_nfc(text));
}

// The cells of a roster's vocabulary columns (courses, providers, results, ...) as the
// loader has interned them, keyed by the cell's bytes as written. Millions of cells name a
// few hundred words: a cell seen before costs a probe of this table instead of a normal
// form check and a search of the process-wide pool, which takes a lock and hashes the
// whole text. Open addressing, the keys packed into one string.
class VocabularyMemo {
 public:
  model::InternedString intern(std::string_view cell) {
    if (cell.empty()) return {};
    if ((words_ + 1) * 2 > slots_.size()) grow();
    const Sample sample = sample_of(cell);
    const std::uint64_t hash = hash_of(sample, cell.size());
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = static_cast<std::size_t>(hash) & mask;; i = (i + 1) & mask) {
      Slot& slot = slots_[i];
      if (slot.size == 0) {  // a new cell (empty cells never get here)
        slot = Slot{hash, sample, keys_.size(), cell.size(), normalized_interned(cell)};
        keys_.append(cell);
        ++words_;
        return slot.word;
      }
      if (slot.size == cell.size() && slot.sample == sample &&
          (cell.size() <= kSampledBytes || key_of(slot) == cell)) {
        return slot.word;
      }
    }
  }

 private:
  // The first and last eight bytes of a cell (fewer of a shorter one): all of its bytes
  // when it has at most kSampledBytes, so that the common short words ("Đạt", "Giỏi",
  // "Kinh") compare equal without a call to memcmp.
  struct Sample {
    std::uint64_t head = 0;
    std::uint64_t tail = 0;
    bool operator==(const Sample&) const = default;
  };
  static constexpr std::size_t kSampledBytes = 16;

  struct Slot {
    std::uint64_t hash = 0;
    Sample sample;
    std::size_t offset = 0;  // into keys_
    std::size_t size = 0;    // 0: empty
    model::InternedString word;
  };

  // Loads of a fixed size only: a copy of a variable size is a call, and reading its
  // bytes back stalls (short results such as "Đạt" are common).
  static Sample sample_of(std::string_view cell) noexcept {
    const char* bytes = cell.data();
    const std::size_t size = cell.size();  // not 0
    Sample sample;
    if (size >= 8) {
      std::memcpy(&sample.head, bytes, 8);
      std::memcpy(&sample.tail, bytes + size - 8, 8);
    } else if (size >= 4) {
      std::uint32_t low = 0;
      std::uint32_t high = 0;
      std::memcpy(&low, bytes, 4);
      std::memcpy(&high, bytes + size - 4, 4);
      sample.head = low | (std::uint64_t{high} << 32);
    } else {
      const auto byte = [&](std::size_t i) {
        return std::uint64_t{static_cast<unsigned char>(bytes[i])};
      };
      sample.head = byte(0) | (byte(size / 2) << 8) | (byte(size - 1) << 16);
    }
    return sample;
  }

  // Cheap and good enough for a few hundred words: the length and the sample (names of
  // one kind often share a prefix, e.g. "Trường Chính trị tỉnh").
  static std::uint64_t hash_of(const Sample& sample, std::size_t size) noexcept {
    std::uint64_t hash =
        (sample.head ^ (sample.tail * 0x9E3779B97F4A7C15ULL) ^ size) * 0xBF58476D1CE4E5B9ULL;
    return hash ^ (hash >> 31);
  }
  [[nodiscard]] std::string_view key_of(const Slot& slot) const noexcept {
    return std::string_view(keys_).substr(slot.offset, slot.size);
  }

  void grow() {
    std::vector<Slot> old(std::max<std::size_t>(64, slots_.size() * 2));
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (Slot& slot : old) {
      if (slot.size == 0) continue;
      std::size_t i = static_cast<std::size_t>(slot.hash) & mask;
      while (slots_[i].size != 0) i = (i + 1) & mask;
      slots_[i] = slot;
    }
  }

  std::vector<Slot> slots_;
  std::size_t words_ = 0;
  std::string keys_;
};

// Dates as the loader has parsed them, keyed by the cell's ten bytes (YYYY-MM-DD). A
// national roster has some fourteen million date cells naming a few thousand days, and
// parsing and checking each with Boost was 5 % of loading it. Direct-mapped: a cell whose
// slot holds another date is parsed and takes the slot. Only dates parsed without an error
// are kept, so a bad cell is reported by parse_date() as before.
class DateMemo {
 public:
  DateMemo() : slots_(std::size_t{1} << kSlotBits) {}

  boost::gregorian::date operator()(std::string_view cell) {
    if (cell.size() != kKeyBytes) return parse_date(cell);
    std::uint64_t head = 0;
    std::uint16_t tail = 0;
    std::memcpy(&head, cell.data(), sizeof head);
    std::memcpy(&tail, cell.data() + sizeof head, sizeof tail);
    Slot& slot = slots_[slot_of(head, tail)];
    if (slot.filled && slot.head == head && slot.tail == tail) return slot.day;
    const boost::gregorian::date day = parse_date(cell);  // throws CellError for a bad cell
    slot = Slot{head, tail, true, day};
    return day;
  }

 private:
  static constexpr std::size_t kKeyBytes = 10;
  static constexpr unsigned kSlotBits = 12;  // 4096 slots of 16 bytes: in the L2 cache

  struct Slot {
    std::uint64_t head = 0;
    std::uint16_t tail = 0;
    bool filled = false;
    boost::gregorian::date day;
  };

  static std::size_t slot_of(std::uint64_t head, std::uint16_t tail) noexcept {
    const std::uint64_t hash = (head ^ (tail * 0x9E3779B97F4A7C15ULL)) * 0xBF58476D1CE4E5B9ULL;
    return static_cast<std::size_t>(hash >> (64 - kSlotBits));
  }

  std::vector<Slot> slots_;
};

// The line each pool entry or budget line was first seen on, by its key, to report a
// repeat. A key is made of the rows its ids resolve to (a unit's, a cadre's) and its other
// fields as integers: ids equal as text resolve to the same row, so the rows tell repeats
// apart as well as the ids, and cost no string per row (a string key per row was 4 % of
// loading a national roster). Ids resolve unless units.csv or cadres.csv was not read
// completely, and then the load fails anyway: such keys are kept as text.
class FirstLines {
 public:
  /// A key of two integers.
  struct Key {
    std::uint64_t high = 0;
    std::uint64_t low = 0;
    bool operator==(const Key&) const = default;
  };

  // Makes room for \p keys keys, so that the table is allocated once.
  void reserve(std::size_t keys) {
    if (keys * 4 > slots_.size() * 3) rehash(std::bit_ceil(keys * 4 / 3 + 1));
  }

  /// A key of two integers, or one kept as text.
  using AnyKey = std::variant<Key, std::string>;

  // The line \p key was first seen on; 0 (no line) after recording it on \p line.
  std::size_t insert(AnyKey key, std::size_t line) {
    if (auto* text = std::get_if<std::string>(&key)) {
      const auto [found, added] = text_lines_.try_emplace(std::move(*text), line);
      return added ? 0 : found->second;
    }
    return insert_integers(std::get<Key>(key), line);
  }

 private:
  std::size_t insert_integers(const Key& key, std::size_t line) {
    if ((size_ + 1) * 4 > slots_.size() * 3) rehash(std::max<std::size_t>(64, slots_.size() * 2));
    Slot& slot = slots_[slot_of(key)];
    if (slot.line != 0) return slot.line;
    slot = Slot{key, line};
    ++size_;
    return 0;
  }

  struct Slot {
    Key key;
    std::size_t line = 0;  // 0: empty (lines are counted from 1)
  };

  static std::size_t hash_of(const Key& key) noexcept {
    std::uint64_t hash = (key.high ^ (key.low * 0x9E3779B97F4A7C15ULL)) * 0xBF58476D1CE4E5B9ULL;
    return static_cast<std::size_t>(hash ^ (hash >> 31));
  }

  // The slot holding \p key, or the empty slot where it belongs (linear probing).
  [[nodiscard]] std::size_t slot_of(const Key& key) const noexcept {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash_of(key) & mask;; i = (i + 1) & mask) {
      if (slots_[i].line == 0 || slots_[i].key == key) return i;
    }
  }

  void rehash(std::size_t slots) {
    std::vector<Slot> old(slots);
    old.swap(slots_);
    for (const Slot& slot : old) {
      if (slot.line != 0) slots_[slot_of(slot.key)] = slot;
    }
  }

  std::vector<Slot> slots_;
  std::size_t size_ = 0;
  std::unordered_map<std::string, std::size_t> text_lines_;
};

// A reference that was not resolved: its file was not read completely, or the id is empty
// or unknown. Each is an error reported elsewhere, so the load fails.
constexpr std::uint32_t kNoRow = 0xFFFFFFFFU;

// The first rows of a file, to estimate how many it has from its size, so that its tables
// are allocated once: a table grown by doubling was copied a dozen times onto fresh pages
// (the kernel zeroing them was a tenth of loading a national roster), and up to half of
// it was left spare for Roster::build to trim with one more copy.
class RowSample {
 public:
  // Adds a row; true once, when enough rows are seen to estimate.
  bool add(const CsvRow& row) noexcept {
    if (rows_ == kRows) return false;
    ++rows_;
    bytes_ += row.cells.size();  // the commas and the line end
    for (const std::string_view cell : row.cells) bytes_ += cell.size();
    return rows_ == kRows;
  }

  // The rows of the file at \p path if its rows are like the sample's (a little more,
  // as quotes, carriage returns and spaces around cells are not counted: Roster::build
  // trims a table only when more than a sixteenth of it is spare), but no more than
  // \p record_bytes each can hold in four times the file's size, so that a file whose
  // first rows are unlike the rest cannot make the loader reserve more than that.
  [[nodiscard]] std::size_t estimate_rows(const fs::path& path, std::size_t record_bytes) const {
    std::error_code error;
    const std::uintmax_t size = fs::file_size(path, error);
    if (error || bytes_ == 0) return 0;
    const double estimate =
        static_cast<double>(size) / static_cast<double>(bytes_) * static_cast<double>(rows_) * 1.02;
    const double most = 4.0 * static_cast<double>(size) / static_cast<double>(record_bytes);
    return static_cast<std::size_t>(std::min(estimate, most));
  }

 private:
  static constexpr std::size_t kRows = 256;
  std::size_t rows_ = 0;
  std::size_t bytes_ = 0;
};

template <class E>
auto code_parser(std::string_view what) {
  return [what](std::string_view text) { return parse_code_cell<E>(text, what); };
}

// Collects errors; without keep_going the first one is thrown at once, except while
// deferring (a file whose last checks run after its rows), when the earliest is thrown
// at the end of the file.
class ErrorLog {
 public:
  explicit ErrorLog(bool keep_going) : keep_going_(keep_going) {}

  void add(Diagnostic diagnostic) {
    if (!keep_going_ && !deferring_) throw ParseError(std::move(diagnostic));
    errors_.push_back(std::move(diagnostic));
  }
  void add_all(const ParseError& error) {
    for (const auto& diagnostic : error.diagnostics()) add(diagnostic);
  }
  void defer() { deferring_ = true; }
  void end_deferral() {
    deferring_ = false;
    if (!keep_going_ && !errors_.empty()) throw ParseError(sorted().front());
  }
  [[nodiscard]] std::size_t count() const noexcept { return errors_.size(); }
  [[nodiscard]] std::vector<Diagnostic> sorted() {
    std::stable_sort(errors_.begin(), errors_.end(), [](const Diagnostic& a, const Diagnostic& b) {
      return std::tie(a.file, a.line) < std::tie(b.file, b.line);
    });
    return errors_;
  }

 private:
  bool keep_going_;
  bool deferring_ = false;
  std::vector<Diagnostic> errors_;
};

// One file's header resolved against its columns.
struct TableFile {
  std::string file;
  std::size_t header_line = 0;
  std::vector<std::optional<std::size_t>> index_of;  // per ColumnSpec: the file's column
  std::vector<std::string> column_names;             // per ColumnSpec: as written, for messages
};

// The cells of one row, read through the file's column map. Every error is logged with
// the row's line and the column's name, and the reading goes on so that one pass finds
// every bad cell of the row.
class RowReader {
 public:
  // The most columns of any file (cadres.csv).
  static constexpr std::size_t kMaxColumns = cadres_csv::columns.size();

  RowReader(const TableFile& table, const CsvRow& row, ErrorLog& log, VocabularyMemo& vocabulary)
      : table_(table), row_(row), log_(log), vocabulary_(vocabulary) {
    // Every cell is looked up and trimmed here, in one loop whose steps do not wait on
    // each other, rather than one call per cell: a tenth of the loader's time otherwise.
    for (std::size_t column = 0; column < table.index_of.size(); ++column) {
      const auto& index = table.index_of[column];
      if (index) cells_[column] = text::trim(row.cells[*index]);
    }
  }

  [[nodiscard]] std::size_t line() const noexcept { return row_.line; }
  [[nodiscard]] const std::string& column_name(std::size_t column) const {
    return table_.column_names[column];
  }

  // The trimmed cell, empty when the column is absent.
  [[nodiscard]] std::string_view cell(std::size_t column) const { return cells_[column]; }

  // True once any cell of the row was bad.
  [[nodiscard]] bool has_errors() const noexcept { return has_errors_; }

  void error(std::size_t column, std::string message) {
    has_errors_ = true;
    log_.add(Diagnostic{table_.file, row_.line, column_name(column), DiagnosticSeverity::error,
                        std::move(message)});
  }

  std::string_view required_cell(std::size_t column) {
    const std::string_view text = cell(column);
    if (text.empty()) {
      error(column, "empty cell in required column " + in_quotes(column_name(column)));
    }
    return text;
  }

  [[nodiscard]] std::string text_of(std::size_t column) const { return normalized(cell(column)); }
  // A text of the roster's vocabulary (a course, provider, result, field), interned.
  [[nodiscard]] model::InternedString word_of(std::size_t column) const {
    return vocabulary_.intern(cell(column));
  }
  std::string required_text_of(std::size_t column) { return normalized(required_cell(column)); }
  model::InternedString required_word_of(std::size_t column) {
    return vocabulary_.intern(required_cell(column));
  }

  // Parses a required cell into target, which keeps its value on error.
  template <class T, class Parse>
  void required(std::size_t column, T& target, Parse&& parse) {
    const std::string_view text = required_cell(column);
    if (!text.empty()) assign(column, text, target, parse);
  }

  // Parses an optional cell: empty means unknown (nothing).
  template <class T, class Parse>
  void optional(std::size_t column, std::optional<T>& target, Parse&& parse) {
    const std::string_view text = cell(column);
    if (!text.empty()) assign(column, text, target, parse);
  }

 private:
  template <class T, class Parse>
  void assign(std::size_t column, std::string_view text, T& target, Parse& parse) {
    try {
      target = parse(text);
    } catch (const CellError& bad) {
      error(column, bad.what());
    }
  }

  const TableFile& table_;
  const CsvRow& row_;
  ErrorLog& log_;
  VocabularyMemo& vocabulary_;
  std::array<std::string_view, kMaxColumns> cells_{};
  bool has_errors_ = false;
};

// ---------------------------------------------------------------------------------
// The loader: one pass over each file, in dependency order.

class Loader {
 public:
  Loader(fs::path folder, const CsvLoadOptions& options)
      : folder_(std::move(folder)), options_(options), log_(options.keep_going) {}

  CsvLoadResult run() {
    load_units();
    load_cadres();
    load_trainings();
    load_pools();
    load_budgets();
    if (log_.count() > 0) throw ParseError(log_.sorted());
    CsvLoadResult result;
    result.roster = build_roster();
    result.warnings = std::move(warnings_);
    return result;
  }

 private:
  // Reads one file row by row. Returns true when every row was read (a missing optional
  // file is an empty table, read completely); references into a table that was not read
  // completely are not checked, so one broken file does not drown the others in errors.
  // Once the first rows are read, \p reserve is called with an estimate of the file's
  // rows, so that the tables can be allocated once (see estimate_rows).
  template <class Record, std::size_t N, class OnRow, class Reserve>
  bool read_table(std::string_view name, bool required, const std::array<ColumnSpec, N>& columns,
                  OnRow&& on_row, Reserve&& reserve) {
    static_assert(N <= RowReader::kMaxColumns);
    const fs::path path = folder_ / name;
    const std::string display = path.string();
    std::error_code status;  // reported, not thrown: a name the system refuses is a diagnostic
    if (!fs::exists(path, status)) {
      if (status) {
        log_.add(Diagnostic{display, 0, {}, DiagnosticSeverity::error, "cannot read the file: " + status.message()});
        return false;
      }
      if (!required) return true;
      log_.add(Diagnostic{display, 0, {}, DiagnosticSeverity::error, "required file is missing"});
      return false;
    }
    std::optional<CsvReader> reader;
    try {
      reader.emplace(CsvReader::open(path, display, options_.limits));
    } catch (const ParseError& error) {
      log_.add_all(error);
      return false;
    }
    const std::optional<TableFile> table = resolve_columns(*reader, columns);
    if (!table) return false;
    RowSample sample;
    CsvRow row;
    for (;;) {
      try {
        if (!reader->next(row)) break;
      } catch (const ParseError& error) {
        log_.add_all(error);
        continue;  // a row error; after a file error next() returns false
      }
      if (sample.add(row)) reserve(sample.estimate_rows(path, sizeof(Record)));
      RowReader cells(*table, row, log_, vocabulary_);
      on_row(cells);
    }
    return !reader->failed();
  }

  template <std::size_t N>
  std::optional<TableFile> resolve_columns(const CsvReader& reader,
                                           const std::array<ColumnSpec, N>& columns) {
    TableFile table{reader.file(), reader.header_line(), {}, {}};
    bool complete = true;
    for (const ColumnSpec& spec : columns) {
      const auto index = reader.find_column(spec.name);
      table.index_of.push_back(index);
      table.column_names.push_back(index ? reader.header()[*index] : std::string(spec.name));
      if (!index && spec.required) {
        complete = false;
        log_.add(Diagnostic{table.file, table.header_line, std::string(spec.name),
                            DiagnosticSeverity::error,
                            "missing required column " + in_quotes(spec.name)});
      }
    }
    warn_unknown_columns(reader, table);
    if (!complete) return std::nullopt;
    return table;
  }

  void warn_unknown_columns(const CsvReader& reader, const TableFile& table) {
    const auto header = reader.header();
    for (std::size_t i = 0; i < header.size(); ++i) {
      const bool known = std::find(table.index_of.begin(), table.index_of.end(),
                                   std::optional<std::size_t>(i)) != table.index_of.end();
      if (known) continue;
      const std::string column = header[i].empty() ? "column " + std::to_string(i + 1) : header[i];
      const std::string message = header[i].empty()
                                      ? "a column without a name is ignored"
                                      : "unknown column " + in_quotes(header[i]) + " is ignored";
      warnings_.push_back(
          Diagnostic{table.file, table.header_line, column, DiagnosticSeverity::warning, message});
    }
  }

  // Indexes the id of the last row of \p rows (just appended; its line is the last of
  // \p lines), or reports it as a repeat naming the first occurrence's line.
  template <class Row>
  static void register_id(model::IdIndex<Row>& index, const std::vector<Row>& rows,
                          const std::vector<std::size_t>& lines, RowReader& row, std::size_t column,
                          std::string_view what) {
    const Row& added = rows.back();
    if (added.id.empty()) return;
    const std::ptrdiff_t first = index.insert(rows, rows.size() - 1);
    if (first >= 0) {
      row.error(column, "duplicate " + std::string(what) + " id " + in_quotes(added.id.str()) +
                            " (first on line " +
                            std::to_string(lines[static_cast<std::size_t>(first)]) + ")");
    }
  }

  // The table references of one kind resolve into: units.csv's or cadres.csv's rows.
  template <class Row>
  struct Referenced {
    const std::vector<Row>& rows;
    const model::IdIndex<Row>& index;
    bool checkable;  // the file was read completely
    std::string_view what;
    std::string_view file;
  };
  [[nodiscard]] Referenced<model::Unit> units() const {
    return {tables_.units, unit_by_id_, units_complete_, "unit", units_csv::file};
  }
  [[nodiscard]] Referenced<model::Cadre> cadres() const {
    return {tables_.cadres, cadre_by_id_, cadres_complete_, "cadre", cadres_csv::file};
  }

  // The row of \p target with id \p id, or kNoRow after reporting a reference to an id
  // that no row of the referenced file has. Nothing is checked (kNoRow) when that file
  // was not read completely or the id is empty: the load fails for another reason.
  // Tables list the records of one unit or cadre together, mostly in the order of the
  // referenced file: an id equal to that of \p previous (the previous record's row) or of
  // the row after it is not looked up (an unknown one is, so that every row naming it is
  // reported). Reading those rows is a cache miss less than a hash table's slot and row;
  // the row after may repeat an earlier id, but then the load fails for that.
  template <class Row, class Id>
  static std::uint32_t check_reference(const Referenced<Row>& target, RowReader& row,
                                       std::size_t column, const Id& id,
                                       std::uint32_t previous = kNoRow) {
    if (!target.checkable || id.empty()) return kNoRow;
    if (previous != kNoRow) {
      if (target.rows[previous].id == id) return previous;
      if (previous + 1 < target.rows.size() && target.rows[previous + 1].id == id) {
        return previous + 1;
      }
    }
    const std::ptrdiff_t found = target.index.find(std::span<const Row>(target.rows), id);
    if (found >= 0) return static_cast<std::uint32_t>(found);
    row.error(column, "unknown " + std::string(target.what) + " " + in_quotes(id.str()) +
                          " (no such id in " + std::string(target.file) + ")");
    return kNoRow;
  }

  // The last element of \p links, or kNoRow when there is none.
  static std::uint32_t last_of(const std::vector<std::uint32_t>& links) noexcept {
    return links.empty() ? kNoRow : links.back();
  }

  // --- units.csv -------------------------------------------------------------------

  void load_units() {
    using namespace units_csv;
    // A parent may be listed after its child, so parents are checked after the last row;
    // deferring keeps "stop at the first error" true to line order.
    log_.defer();
    auto& lines = unit_lines_;
    std::string parent_column(columns[parent_id].name);
    const auto reserve = [&](std::size_t rows) {
      tables_.units.reserve(rows);
      lines.reserve(rows);
      unit_by_id_.reserve(tables_.units, rows);
    };
    const auto on_row = [&](RowReader& row) {
      model::Unit unit;
      unit.id = model::UnitId(row.required_text_of(id));
      unit.name = row.required_text_of(name);
      row.required(kind, unit.kind, code_parser<model::UnitKind>(columns[kind].name));
      unit.parent_id = model::UnitId(row.text_of(parent_id));
      unit.province = row.text_of(province);
      row.optional(large_minority, unit.large_minority, parse_bool);
      unit.minority = row.text_of(minority);
      row.optional(area, unit.area, code_parser<model::Area>(columns[area].name));
      if (lines.empty()) parent_column = row.column_name(parent_id);
      lines.push_back(row.line());
      tables_.units.push_back(std::move(unit));
      register_id(unit_by_id_, tables_.units, lines, row, id, "unit");
    };
    units_complete_ = read_table<model::Unit>(file, true, columns, on_row, reserve);
    if (units_complete_) check_parents(lines, parent_column);
    log_.end_deferral();
  }

  void unit_error(std::size_t line, const std::string& column, std::string message) {
    log_.add(Diagnostic{(folder_ / units_csv::file).string(), line, column,
                        DiagnosticSeverity::error, std::move(message)});
  }

  // Resolves each unit's parent into links_.parent_of_unit (the rows the roster keeps),
  // reporting unknown parents and cycles.
  void check_parents(const std::vector<std::size_t>& lines, const std::string& column) {
    const auto& units = tables_.units;
    // parent[i]: the row of unit i's parent, or no_parent (none, or unknown and reported).
    auto& parent = links_.parent_of_unit;
    parent.assign(units.size(), no_parent);
    for (std::size_t i = 0; i < units.size(); ++i) {
      const auto& id = units[i].parent_id;
      if (id.empty()) continue;
      const std::ptrdiff_t found = unit_by_id_.find(std::span<const model::Unit>(units), id);
      if (found < 0) {
        unit_error(lines[i], column,
                   "unknown parent unit " + in_quotes(id.str()) + " (no such id in units.csv)");
        continue;
      }
      parent[i] = static_cast<std::uint32_t>(found);
    }
    check_parent_cycles(parent, lines, column);
  }

  // Follows parent links from each unit once (linear overall): a walk that meets a unit
  // of its own walk has found a cycle, reported once at the cycle's first line.
  void check_parent_cycles(const std::vector<std::uint32_t>& parent,
                           const std::vector<std::size_t>& lines, const std::string& column) {
    std::vector<std::size_t> walk_of(parent.size(), npos);
    for (std::size_t start = 0; start < parent.size(); ++start) {
      std::size_t current = start;
      while (current != no_parent && walk_of[current] == npos) {
        walk_of[current] = start;
        current = parent[current];
      }
      if (current == no_parent || walk_of[current] != start) continue;
      std::vector<std::size_t> cycle{current};
      for (std::size_t next = parent[current]; next != current; next = parent[next]) {
        cycle.push_back(next);
      }
      report_cycle(cycle, lines, column);
    }
  }

  void report_cycle(std::vector<std::size_t> cycle, const std::vector<std::size_t>& lines,
                    const std::string& column) {
    std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()), cycle.end());
    std::string path;
    for (std::size_t unit : cycle) path += tables_.units[unit].id.str() + " -> ";
    path += tables_.units[cycle.front()].id.str();
    unit_error(lines[cycle.front()], column,
               "unit " + in_quotes(tables_.units[cycle.front()].id.str()) +
                   " is its own ancestor (parent cycle " + path + ")");
  }

  // --- cadres.csv ------------------------------------------------------------------

  void load_cadres() {
    using namespace cadres_csv;
    const auto reserve = [&](std::size_t rows) {
      tables_.cadres.reserve(rows);
      cadre_lines_.reserve(rows);
      cadre_by_id_.reserve(tables_.cadres, rows);
      links_.unit_of_cadre.reserve(rows);
    };
    const auto on_row = [&](RowReader& row) {
      model::Cadre cadre;
      cadre.id = model::CadreId(row.required_text_of(id));
      cadre.full_name = row.required_text_of(full_name);
      row.required(birth_date, cadre.birth_date, dates_);
      cadre.unit_id = model::UnitId(row.required_text_of(unit_id));
      std::optional<boost::gregorian::date> since;
      row.optional(position_since, since, dates_);
      row.required(positions, cadre.positions,
                   [&](std::string_view text) { return parse_positions(text, since); });
      row.optional(gender, cadre.gender, code_parser<model::Gender>(columns[gender].name));
      cadre.ethnicity = row.word_of(ethnicity);
      row.optional(party_joined, cadre.party_joined, dates_);
      read_qualifications(row, cadre);
      cadre_lines_.push_back(row.line());
      tables_.cadres.push_back(std::move(cadre));
      register_id(cadre_by_id_, tables_.cadres, cadre_lines_, row, id, "cadre");
      links_.unit_of_cadre.push_back(check_reference(
          units(), row, unit_id, tables_.cadres.back().unit_id, last_of(links_.unit_of_cadre)));
    };
    cadres_complete_ = read_table<model::Cadre>(file, true, columns, on_row, reserve);
  }

  static void read_qualifications(RowReader& row, model::Cadre& cadre) {
    using namespace cadres_csv;
    row.optional(general_education, cadre.general_education,
                 code_parser<model::GeneralEducation>(columns[general_education].name));
    auto& professional = cadre.professional;
    row.optional(professional_level, professional.level,
                 code_parser<model::ProfessionalLevel>(columns[professional_level].name));
    professional.field = row.word_of(professional_field);
    row.optional(professional_mode, professional.mode,
                 code_parser<model::StudyMode>(columns[professional_mode].name));
    row.optional(professional_funding, professional.funding,
                 code_parser<model::Funding>(columns[professional_funding].name));
    row.optional(professional_planned, professional.planned, parse_bool);
    row.optional(political_theory, cadre.political_theory,
                 code_parser<model::PoliticalTheory>(columns[political_theory].name));
    row.optional(state_management, cadre.state_management,
                 code_parser<model::StateManagement>(columns[state_management].name));
  }

  // --- trainings.csv, pools.csv, budgets.csv ---------------------------------------

  void load_trainings() {
    using namespace trainings_csv;
    const auto reserve = [&](std::size_t rows) {
      tables_.trainings.reserve(rows);
      links_.cadre_of_training.reserve(rows);
    };
    const auto on_row = [&](RowReader& row) {
      model::TrainingRecord training;
      // A cadre's records come together: a cell that is the previous record's id as stored
      // (composed, so this one is composed too) is that id, copied without a check.
      const model::CadreId* previous =
          tables_.trainings.empty() ? nullptr : &tables_.trainings.back().cadre_id;
      const bool same_cadre =
          previous != nullptr && !previous->empty() && row.cell(cadre_id) == previous->str();
      if (same_cadre) {
        training.cadre_id = *previous;
      } else {
        training.cadre_id = model::CadreId(row.required_text_of(cadre_id));
      }
      training.course = row.required_word_of(course);
      row.required(kind, training.kind, code_parser<model::TrainingKind>(columns[kind].name));
      row.required(start_date, training.start_date, dates_);
      row.required(end_date, training.end_date, dates_);
      training.provider = row.word_of(provider);
      row.optional(status, training.status,
                   code_parser<model::TrainingStatus>(columns[status].name));
      training.result = row.word_of(result);
      row.optional(funding, training.funding, code_parser<model::Funding>(columns[funding].name));
      row.optional(planned, training.planned, parse_bool);
      row.optional(cost, training.cost, parse_money);
      // The previous record's id resolved to a row: the same id names the same row.
      const std::uint32_t previous_row = last_of(links_.cadre_of_training);
      links_.cadre_of_training.push_back(
          same_cadre && previous_row != kNoRow
              ? previous_row
              : check_reference(cadres(), row, cadre_id, training.cadre_id, previous_row));
      const bool dated = !training.start_date.is_special() && !training.end_date.is_special();
      if (dated && training.end_date < training.start_date) {
        row.error(end_date, "the training ends (" + format_date(training.end_date) +
                                ") before it starts (" + format_date(training.start_date) + ")");
      }
      tables_.trainings.push_back(std::move(training));
    };
    read_table<model::TrainingRecord>(file, false, columns, on_row, reserve);
  }

  // A pool entry's key: its unit's and cadre's rows, its position and its term's years
  // (a term is named by them), or its text when a row is unknown.
  static FirstLines::AnyKey pool_key(const model::PoolEntry& entry,
                                                             std::uint32_t unit_row,
                                                             std::uint32_t cadre_row) {
    if (unit_row == kNoRow || cadre_row == kNoRow) {
      return entry.unit_id.str() + '\n' + std::string(model::to_code(entry.position)) + '\n' +
             entry.cadre_id.str() + '\n' + entry.term.name();
    }
    const auto year = [](int value) { return static_cast<std::uint64_t>(value) & 0xFFFFU; };
    return FirstLines::Key{
        (std::uint64_t{unit_row} << 32) | cadre_row,
        (static_cast<std::uint64_t>(entry.position) << 32) | (year(entry.term.first_year()) << 16) |
            year(entry.term.last_year())};
  }

  // A budget line's key: its unit's row and its year, or its text when the row is unknown.
  static FirstLines::AnyKey budget_key(const model::BudgetLine& budget, std::uint32_t unit_row) {
    if (unit_row == kNoRow) return budget.unit_id.str() + '\n' + std::to_string(budget.year);
    return FirstLines::Key{unit_row, static_cast<std::uint32_t>(budget.year)};
  }

  void load_pools() {
    using namespace pools_csv;
    FirstLines entry_lines;
    const auto reserve = [&](std::size_t rows) {
      entry_lines.reserve(rows);
      tables_.pools.reserve(rows);
      links_.unit_of_pool.reserve(rows);
      links_.cadre_of_pool.reserve(rows);
    };
    const auto on_row = [&](RowReader& row) {
      model::PoolEntry entry;
      entry.unit_id = model::UnitId(row.required_text_of(unit_id));
      row.required(position, entry.position, code_parser<model::Position>(columns[position].name));
      entry.cadre_id = model::CadreId(row.required_text_of(cadre_id));
      row.required(term, entry.term, parse_term);
      row.optional(added_on, entry.added_on, dates_);
      const std::uint32_t unit_row =
          check_reference(units(), row, unit_id, entry.unit_id, last_of(links_.unit_of_pool));
      const std::uint32_t cadre_row = check_reference(cadres(), row, cadre_id, entry.cadre_id);
      if (row.has_errors()) return;  // a half-read entry must not count as a duplicate
      const std::size_t first = entry_lines.insert(pool_key(entry, unit_row, cadre_row), row.line());
      if (first != 0) {
        row.error(cadre_id, "cadre " + in_quotes(entry.cadre_id.str()) + " is already in the " +
                                std::string(model::to_code(entry.position)) + " pool of unit " +
                                in_quotes(entry.unit_id.str()) + " for " + entry.term.name() +
                                " (first on line " + std::to_string(first) + ")");
      }
      tables_.pools.push_back(std::move(entry));
      links_.unit_of_pool.push_back(unit_row);
      links_.cadre_of_pool.push_back(cadre_row);
    };
    read_table<model::PoolEntry>(file, false, columns, on_row, reserve);
  }

  void load_budgets() {
    using namespace budgets_csv;
    FirstLines line_lines;
    const auto reserve = [&](std::size_t rows) {
      line_lines.reserve(rows);
      tables_.budgets.reserve(rows);
      links_.unit_of_budget.reserve(rows);
    };
    const auto on_row = [&](RowReader& row) {
      model::BudgetLine budget;
      budget.unit_id = model::UnitId(row.required_text_of(unit_id));
      row.required(year, budget.year, parse_year);
      row.required(allocated, budget.allocated, parse_money);
      row.optional(spent_on_training, budget.spent_on_training, parse_money);
      const std::uint32_t unit_row =
          check_reference(units(), row, unit_id, budget.unit_id, last_of(links_.unit_of_budget));
      if (row.has_errors()) return;  // a half-read line must not count as a duplicate
      const std::size_t first = line_lines.insert(budget_key(budget, unit_row), row.line());
      if (first != 0) {
        row.error(year, "unit " + in_quotes(budget.unit_id.str()) +
                            " already has a budget line for " + std::to_string(budget.year) +
                            " (first on line " + std::to_string(first) + ")");
      }
      tables_.budgets.push_back(std::move(budget));
      links_.unit_of_budget.push_back(unit_row);
    };
    read_table<model::BudgetLine>(file, false, columns, on_row, reserve);
  }

  // The checks above are Roster::build's, and found every row a reference names: the
  // roster takes those rows and the id indices instead of hashing every id again. Should
  // the build still fail, the error names the file its message is about.
  model::Roster build_roster() {
    try {
      links_.unit_by_id = std::move(unit_by_id_);
      links_.cadre_by_id = std::move(cadre_by_id_);
      return model::detail::RosterAssembly::build(std::move(tables_), std::move(links_));
    } catch (const model::RosterError& error) {
      const std::string_view message = error.what();
      const std::string table(message.substr(0, message.find(':')));
      const bool known = table == "units" || table == "cadres" || table == "trainings" ||
                         table == "pools" || table == "budgets";
      const fs::path file = known ? folder_ / (table + ".csv") : folder_;
      throw ParseError(
          Diagnostic{file.string(), 0, {}, DiagnosticSeverity::error, std::string(message)});
    }
  }

  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  static constexpr std::uint32_t no_parent = model::detail::no_parent_row;

  fs::path folder_;
  const CsvLoadOptions& options_;
  ErrorLog log_;
  std::vector<Diagnostic> warnings_;
  VocabularyMemo vocabulary_;
  DateMemo dates_;
  model::RosterTables tables_;
  model::IdIndex<model::Unit> unit_by_id_;    // every unit's id, each once
  model::IdIndex<model::Cadre> cadre_by_id_;  // every cadre's id, each once
  model::detail::RosterRows links_;           // the rows references name
  std::vector<std::size_t> unit_lines_;   // per unit: its line in units.csv
  std::vector<std::size_t> cadre_lines_;  // per cadre: its line in cadres.csv
  bool units_complete_ = false;
  bool cadres_complete_ = false;
};

// ---------------------------------------------------------------------------------
// Saving.

std::string_view bool_cell(std::optional<bool> value) {
  if (!value) return {};
  return *value ? "true" : "false";
}

template <class E>
std::string_view code_cell(std::optional<E> value) {
  return value ? model::to_code(*value) : std::string_view{};
}

std::string date_cell(std::optional<boost::gregorian::date> day) {
  return day ? format_date(*day) : std::string{};
}

std::string money_cell(std::optional<model::Dong> amount) {
  return amount ? std::to_string(*amount) : std::string{};
}

template <std::size_t N>
std::array<std::string_view, N> header_of(const std::array<ColumnSpec, N>& columns) {
  std::array<std::string_view, N> names{};
  for (std::size_t i = 0; i < N; ++i) names[i] = columns[i].name;
  return names;
}

// Writes \p name through a temporary file renamed into place, so that a crash or a
// full disk never leaves a truncated roster file under the real name.
template <std::size_t N, class Rows, class FillRow>
void write_table(const fs::path& folder, std::string_view name,
                 const std::array<ColumnSpec, N>& columns, const Rows& rows, FillRow&& fill_row) {
  const fs::path final_path = folder / name;
  const fs::path temporary = folder / (std::string(name) + ".tmp");
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error("cannot create " + temporary.string());
    CsvWriter writer(out);
    const auto header = header_of(columns);
    writer.write_row(std::span<const std::string_view>(header));
    std::array<std::string, N> cells;
    for (const auto& record : rows) {
      for (auto& cell : cells) cell.clear();
      fill_row(record, cells);
      writer.write_row(std::span<const std::string>(cells));
    }
    out.flush();
    if (!out) {
      out.close();
      std::error_code ignored;
      fs::remove(temporary, ignored);
      throw std::runtime_error("cannot write " + temporary.string());
    }
  }
  fs::rename(temporary, final_path);
}

void fill_unit(const model::Unit& unit, std::array<std::string, 8>& cells) {
  using namespace units_csv;
  cells[id] = unit.id.str();
  cells[name] = unit.name;
  cells[kind] = model::to_code(unit.kind);
  cells[parent_id] = unit.parent_id.str();
  cells[province] = unit.province;
  cells[large_minority] = bool_cell(unit.large_minority);
  cells[minority] = unit.minority;
  cells[area] = code_cell(unit.area);
}

void fill_cadre(const model::Cadre& cadre, std::array<std::string, 17>& cells) {
  using namespace cadres_csv;
  PositionCells held = format_positions(cadre.positions);
  cells[id] = cadre.id.str();
  cells[full_name] = cadre.full_name;
  cells[birth_date] = format_date(cadre.birth_date);
  cells[unit_id] = cadre.unit_id.str();
  cells[positions] = std::move(held.positions);
  cells[gender] = code_cell(cadre.gender);
  cells[ethnicity] = cadre.ethnicity;
  cells[party_joined] = date_cell(cadre.party_joined);
  cells[general_education] = code_cell(cadre.general_education);
  cells[professional_level] = code_cell(cadre.professional.level);
  cells[professional_field] = cadre.professional.field;
  cells[professional_mode] = code_cell(cadre.professional.mode);
  cells[professional_funding] = code_cell(cadre.professional.funding);
  cells[professional_planned] = bool_cell(cadre.professional.planned);
  cells[political_theory] = code_cell(cadre.political_theory);
  cells[state_management] = code_cell(cadre.state_management);
  cells[position_since] = std::move(held.position_since);
}

void fill_training(const model::TrainingRecord& training, std::array<std::string, 11>& cells) {
  using namespace trainings_csv;
  cells[cadre_id] = training.cadre_id.str();
  cells[course] = training.course;
  cells[kind] = model::to_code(training.kind);
  cells[start_date] = format_date(training.start_date);
  cells[end_date] = format_date(training.end_date);
  cells[provider] = training.provider;
  cells[status] = code_cell(training.status);
  cells[result] = training.result;
  cells[funding] = code_cell(training.funding);
  cells[planned] = bool_cell(training.planned);
  cells[cost] = money_cell(training.cost);
}

void fill_pool_entry(const model::PoolEntry& entry, std::array<std::string, 5>& cells) {
  using namespace pools_csv;
  cells[unit_id] = entry.unit_id.str();
  cells[position] = model::to_code(entry.position);
  cells[cadre_id] = entry.cadre_id.str();
  cells[term] = entry.term.name();
  cells[added_on] = date_cell(entry.added_on);
}

void fill_budget(const model::BudgetLine& budget, std::array<std::string, 4>& cells) {
  using namespace budgets_csv;
  cells[unit_id] = budget.unit_id.str();
  cells[year] = std::to_string(budget.year);
  cells[allocated] = std::to_string(budget.allocated);
  cells[spent_on_training] = money_cell(budget.spent_on_training);
}

}  // namespace

CsvLoadResult load_roster_csv(const std::filesystem::path& folder, const CsvLoadOptions& options) {
  return Loader(folder, options).run();
}

void save_roster_csv(const model::Roster& roster, const std::filesystem::path& folder) {
  fs::create_directories(folder);
  write_table(folder, units_csv::file, units_csv::columns, roster.units(), fill_unit);
  write_table(folder, cadres_csv::file, cadres_csv::columns, roster.cadres(), fill_cadre);
  write_table(folder, trainings_csv::file, trainings_csv::columns, roster.trainings(),
              fill_training);
  write_table(folder, pools_csv::file, pools_csv::columns, roster.pools(), fill_pool_entry);
  write_table(folder, budgets_csv::file, budgets_csv::columns, roster.budgets(), fill_budget);
}

}  // namespace cadreplan::io
