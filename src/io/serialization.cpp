// The columnar layout of a roster (model::Roster class version 1): tables to columns for
// saving, and columns back to tables for loading with every value checked. Not templates
// of the archive: Boost's archives only move the columns (serialization.hpp), so this code
// exists once. Loading is templated on the columns only: vectors from any Boost archive,
// or views into a binary payload (io/column_views.hpp).
#include "cadreplan/io/serialization.hpp"

#include <array>
#include <limits>
#include <memory>
#include <string_view>
#include <unordered_map>

#include "detail/populate.hpp"
#include "io/column_views.hpp"
#include "model/roster_assembly.hpp"

namespace cadreplan::io::detail {
namespace {

using boost::gregorian::date;

// The field name of row \p row of \p table.\p column, for messages (built on failure only).
std::string where(std::string_view table, std::string_view column, std::size_t row) {
  return std::string(table) + "." + std::string(column) + "[" + std::to_string(row) + "]";
}

// Which bytes are codes of E: a table, so checking five million codes costs a load each.
template <class E>
class CodeSet {
 public:
  CodeSet() {
    for (E value : model::all_codes<E>()) {
      const auto code = static_cast<std::size_t>(value);
      if (code < valid_.size()) valid_[code] = true;
    }
  }
  [[nodiscard]] bool contains(std::uint8_t code) const noexcept { return valid_[code]; }

  // The enum value of \p code, which must be one of E's codes.
  [[nodiscard]] E required(std::uint8_t code, std::string_view table, std::string_view column,
                           std::size_t row) const {
    if (!valid_[code]) refuse(code, table, column, row, false);
    return static_cast<E>(code);
  }
  // The enum value of \p code, or nothing for absent_code.
  [[nodiscard]] std::optional<E> optional(std::uint8_t code, std::string_view table,
                                          std::string_view column, std::size_t row) const {
    if (code == absent_code) return std::nullopt;
    if (!valid_[code]) refuse(code, table, column, row, true);
    return static_cast<E>(code);
  }

  // The code of \p value for saving: an enum variable holding no code would write an
  // archive that cannot be read back.
  [[nodiscard]] std::uint8_t save(E value, std::string_view table, std::string_view column,
                                  std::size_t row) const {
    const auto code = static_cast<long long>(static_cast<std::underlying_type_t<E>>(value));
    if (code < 0 || code >= absent_code || !valid_[static_cast<std::size_t>(code)]) {
      fail_field(where(table, column, row), std::to_string(code) +
                                                " is not a " +
                                                std::string(model::code_kind_name<E>()) + " code");
    }
    return static_cast<std::uint8_t>(code);
  }
  [[nodiscard]] std::uint8_t save(const std::optional<E>& value, std::string_view table,
                                  std::string_view column, std::size_t row) const {
    return value ? save(*value, table, column, row) : absent_code;
  }

 private:
  [[noreturn]] static void refuse(std::uint8_t code, std::string_view table,
                                  std::string_view column, std::size_t row, bool optional) {
    fail_field(where(table, column, row),
               std::to_string(code) + " is not a " + std::string(model::code_kind_name<E>()) +
                   " code (valid: 0 to " + std::to_string(model::all_codes<E>().size() - 1) +
                   (optional ? ", or " + std::to_string(absent_code) + " for unknown)" : ")"));
  }

  std::array<bool, 256> valid_{};
};

// The codes of a cadre's columns, for saving and loading alike.
struct CadreCodes {
  CodeSet<model::Position> positions;
  CodeSet<model::Gender> genders;
  CodeSet<model::GeneralEducation> educations;
  CodeSet<model::ProfessionalLevel> levels;
  CodeSet<model::StudyMode> modes;
  CodeSet<model::Funding> fundings;
  CodeSet<model::PoliticalTheory> theories;
  CodeSet<model::StateManagement> managements;
};

// --- Dates -----------------------------------------------------------------------------

std::uint32_t save_day(const date& day, std::string_view table, std::string_view column,
                       std::size_t row) {
  if (day.is_special()) {
    fail_field(where(table, column, row), "cannot save the special date " + to_simple_string(day));
  }
  return static_cast<std::uint32_t>(day.day_number()) - first_column_day;
}

std::uint32_t save_day(const std::optional<date>& day, std::string_view table,
                       std::string_view column, std::size_t row) {
  return day ? save_day(*day, table, column, row) : absent_day;
}

[[noreturn, gnu::cold]] void refuse_day(std::uint32_t value, std::string_view table, std::string_view column,
                             std::size_t row) {
  fail_field(where(table, column, row),
             std::to_string(value) + " is not a day number (0 for 1400-01-01 to " +
                 std::to_string(last_column_day) + " for 9999-12-31" +
                 (value == absent_day ? "; this date is required" : "") + ")");
}

inline date load_day(std::uint32_t value, std::string_view table, std::string_view column,
                     std::size_t row) {
  if (value > last_column_day) refuse_day(value, table, column, row);
  return date(static_cast<date::date_int_type>(value + first_column_day));
}

std::optional<date> load_optional_day(std::uint32_t value, std::string_view table,
                                      std::string_view column, std::size_t row) {
  if (value == absent_day) return std::nullopt;
  return load_day(value, table, column, row);
}

// --- Flags and presence ------------------------------------------------------------------

std::uint8_t save_flag(const std::optional<bool>& value) {
  return value ? static_cast<std::uint8_t>(*value ? 1 : 0) : absent_code;
}

// The loaders below are called for every field of every record: each keeps its refusal
// in a cold function of its own, so that what is left is small enough to inline (called,
// the checks of a flag, an amount and a row were an eighth of loading an archive).

[[noreturn, gnu::cold]] void refuse_flag(std::uint8_t value, std::string_view table,
                                         std::string_view column, std::size_t row) {
  fail_field(where(table, column, row), std::to_string(value) + " is not a flag (0, 1, or 255 for unknown)");
}

inline std::optional<bool> load_flag(std::uint8_t value, std::string_view table, std::string_view column,
                                     std::size_t row) {
  if (value == absent_code) return std::nullopt;
  if (value > 1) refuse_flag(value, table, column, row);
  return value == 1;
}

[[noreturn, gnu::cold]] void refuse_amount(std::uint8_t present, std::int64_t value, std::string_view table,
                                           std::string_view presence, std::string_view column,
                                           std::size_t row) {
  if (present > 1) {
    fail_field(where(table, presence, row), std::to_string(present) + " is not a flag (0 or 1)");
  }
  fail_field(where(table, column, row), std::to_string(value) + " is stored for an unknown amount (must be 0)");
}

// An optional amount: its presence (0 or 1) and its value, 0 when absent.
inline std::optional<model::Dong> load_amount(std::uint8_t present, std::int64_t value,
                                              std::string_view table, std::string_view presence,
                                              std::string_view column, std::size_t row) {
  if (present > 1 || (present == 0 && value != 0)) refuse_amount(present, value, table, presence, column, row);
  if (present == 0) return std::nullopt;
  return static_cast<model::Dong>(value);
}

// --- Rows ----------------------------------------------------------------------------------

[[noreturn, gnu::cold]] void refuse_row(std::uint32_t value, std::size_t rows, std::string_view table,
                                        std::string_view column, std::string_view target, std::size_t row) {
  fail_field(where(table, column, row), "row " + std::to_string(value) + " is not in " + std::string(target) +
                                            " (" + std::to_string(rows) + (rows == 1 ? " record)" : " records)"));
}

inline std::uint32_t load_row(std::uint32_t value, std::size_t rows, std::string_view table,
                              std::string_view column, std::string_view target, std::size_t row) {
  if (value >= rows) refuse_row(value, rows, table, column, target, row);
  return value;
}

std::uint32_t save_row(std::ptrdiff_t index) {
  // The roster is validated: every reference resolves.
  return static_cast<std::uint32_t>(index);
}

// --- Dictionaries ----------------------------------------------------------------------------

// Builds a dictionary column, words in order of first use.
class DictionaryWriter {
 public:
  explicit DictionaryWriter(std::size_t rows) { column_.rows.reserve(rows); }
  void add(std::string_view text) {
    const auto [found, added] =
        index_.try_emplace(text, static_cast<std::uint32_t>(column_.words.size()));
    if (added) column_.words.emplace_back(text);
    column_.rows.push_back(found->second);
  }
  DictionaryColumn take() { return std::move(column_); }

 private:
  DictionaryColumn column_;
  // Views into the texts: interned texts live for the process, the others in the roster,
  // which outlives the writer.
  std::unordered_map<std::string_view, std::uint32_t> index_;
};

// Interned strings are found by identity, without hashing their text.
class InternedDictionaryWriter {
 public:
  explicit InternedDictionaryWriter(std::size_t rows) { column_.rows.reserve(rows); }
  void add(model::InternedString text) {
    const auto [found, added] =
        index_.try_emplace(text.identity(), static_cast<std::uint32_t>(column_.words.size()));
    if (added) column_.words.push_back(text.str());
    column_.rows.push_back(found->second);
  }
  DictionaryColumn take() { return std::move(column_); }

 private:
  DictionaryColumn column_;
  std::unordered_map<const void*, std::uint32_t> index_;
};

}  // namespace

// --- Saving ------------------------------------------------------------------------------

UnitColumns unit_columns(const model::Roster& roster) {
  const auto units = roster.units();
  const CodeSet<model::UnitKind> kinds;
  const CodeSet<model::Area> areas;
  UnitColumns c;
  c.count = units.size();
  DictionaryWriter province(units.size());
  DictionaryWriter minority(units.size());
  c.id.reserve(units.size());
  c.name.reserve(units.size());
  for (std::size_t i = 0; i < units.size(); ++i) {
    const model::Unit& unit = units[i];
    c.id.push_back(unit.id.str());
    c.name.push_back(unit.name);
    c.kind.push_back(kinds.save(unit.kind, "units", "kind", i));
    c.parent.push_back(unit.parent_id.empty() ? no_row : save_row(roster.unit_index(unit.parent_id)));
    province.add(unit.province);
    c.large_minority.push_back(save_flag(unit.large_minority));
    minority.add(unit.minority);
    c.area.push_back(areas.save(unit.area, "units", "area", i));
  }
  c.province = province.take();
  c.minority = minority.take();
  return c;
}

CadreColumns cadre_columns(const model::Roster& roster) {
  const auto cadres = roster.cadres();
  const CadreCodes codes;
  const auto& [positions, genders, educations, levels, modes, fundings, theories, managements] =
      codes;
  CadreColumns c;
  c.count = cadres.size();
  const std::size_t n = cadres.size();
  c.id.reserve(n);
  c.full_name.reserve(n);
  for (auto* column : {&c.birth_date, &c.unit, &c.position_count, &c.party_joined}) {
    column->reserve(n);
  }
  for (auto* column : {&c.gender, &c.general_education, &c.professional_level,
                       &c.professional_mode, &c.professional_funding, &c.professional_planned,
                       &c.political_theory, &c.state_management}) {
    column->reserve(n);
  }
  InternedDictionaryWriter ethnicity(n);
  InternedDictionaryWriter field(n);
  for (std::size_t i = 0; i < n; ++i) {
    const model::Cadre& cadre = cadres[i];
    c.id.push_back(cadre.id.str());
    c.full_name.push_back(cadre.full_name);
    c.birth_date.push_back(save_day(cadre.birth_date, "cadres", "birth_date", i));
    c.unit.push_back(roster.unit_index_of_cadre(i));
    c.position_count.push_back(static_cast<std::uint32_t>(cadre.positions.size()));
    for (const model::PositionHolding& holding : cadre.positions) {
      const std::size_t p = c.position.size();
      c.position.push_back(positions.save(holding.position, "cadres.positions", "position", p));
      c.position_since.push_back(save_day(holding.since, "cadres.positions", "since", p));
    }
    c.gender.push_back(genders.save(cadre.gender, "cadres", "gender", i));
    ethnicity.add(cadre.ethnicity);
    c.party_joined.push_back(save_day(cadre.party_joined, "cadres", "party_joined", i));
    c.general_education.push_back(
        educations.save(cadre.general_education, "cadres", "general_education", i));
    const model::ProfessionalQualification& professional = cadre.professional;
    c.professional_level.push_back(levels.save(professional.level, "cadres", "professional_level", i));
    field.add(professional.field);
    c.professional_mode.push_back(modes.save(professional.mode, "cadres", "professional_mode", i));
    c.professional_funding.push_back(
        fundings.save(professional.funding, "cadres", "professional_funding", i));
    c.professional_planned.push_back(save_flag(professional.planned));
    c.political_theory.push_back(theories.save(cadre.political_theory, "cadres", "political_theory", i));
    c.state_management.push_back(
        managements.save(cadre.state_management, "cadres", "state_management", i));
  }
  c.position_total = c.position.size();
  c.ethnicity = ethnicity.take();
  c.professional_field = field.take();
  return c;
}

TrainingColumns training_columns(const model::Roster& roster) {
  const auto trainings = roster.trainings();
  const CodeSet<model::TrainingKind> kinds;
  const CodeSet<model::TrainingStatus> statuses;
  const CodeSet<model::Funding> fundings;
  const std::size_t n = trainings.size();
  TrainingColumns c;
  c.count = n;
  for (auto* column : {&c.cadre, &c.start_date, &c.end_date}) column->reserve(n);
  for (auto* column : {&c.kind, &c.status, &c.funding, &c.planned, &c.has_cost}) column->reserve(n);
  c.cost.reserve(n);
  InternedDictionaryWriter course(n);
  InternedDictionaryWriter provider(n);
  InternedDictionaryWriter result(n);
  for (std::size_t i = 0; i < n; ++i) {
    const model::TrainingRecord& record = trainings[i];
    c.cadre.push_back(roster.cadre_index_of_training(i));
    course.add(record.course);
    c.kind.push_back(kinds.save(record.kind, "trainings", "kind", i));
    c.start_date.push_back(save_day(record.start_date, "trainings", "start_date", i));
    c.end_date.push_back(save_day(record.end_date, "trainings", "end_date", i));
    provider.add(record.provider);
    c.status.push_back(statuses.save(record.status, "trainings", "status", i));
    result.add(record.result);
    c.funding.push_back(fundings.save(record.funding, "trainings", "funding", i));
    c.planned.push_back(save_flag(record.planned));
    c.has_cost.push_back(record.cost ? 1 : 0);
    c.cost.push_back(record.cost.value_or(0));
  }
  c.course = course.take();
  c.provider = provider.take();
  c.result = result.take();
  return c;
}

PoolColumns pool_columns(const model::Roster& roster) {
  const auto pools = roster.pools();
  const CodeSet<model::Position> positions;
  PoolColumns c;
  c.count = pools.size();
  for (std::size_t i = 0; i < pools.size(); ++i) {
    const model::PoolEntry& entry = pools[i];
    c.unit.push_back(save_row(roster.unit_index(entry.unit_id)));
    c.position.push_back(positions.save(entry.position, "pools", "position", i));
    c.cadre.push_back(roster.cadre_index_of_pool(i));
    c.congress_day.push_back(save_day(entry.term.period().begin(), "pools", "congress_day", i));
    c.next_congress_day.push_back(
        save_day(entry.term.period().end(), "pools", "next_congress_day", i));
    c.added_on.push_back(save_day(entry.added_on, "pools", "added_on", i));
  }
  return c;
}

BudgetColumns budget_columns(const model::Roster& roster) {
  const auto budgets = roster.budgets();
  BudgetColumns c;
  c.count = budgets.size();
  for (std::size_t i = 0; i < budgets.size(); ++i) {
    const model::BudgetLine& line = budgets[i];
    c.unit.push_back(save_row(roster.unit_index(line.unit_id)));
    c.year.push_back(static_cast<std::int32_t>(line.year));
    c.allocated.push_back(static_cast<std::int64_t>(line.allocated));
    c.has_spent.push_back(line.spent_on_training ? 1 : 0);
    c.spent.push_back(static_cast<std::int64_t>(line.spent_on_training.value_or(0)));
  }
  return c;
}

// --- Loading -----------------------------------------------------------------------------
// The archive's loader gave every column exactly `count` values (serialization.hpp), so
// only the values need checking here. Records are built in place, one pass over their
// memory, and the reference columns become the roster's indices as they are. The columns
// come as vectors (UnitColumns and the others, from any Boost archive) or as views into a
// binary payload (io/column_views.hpp): the same templates read both.

static_assert(no_row == model::detail::no_parent_row, "a unit without a parent is the same row");

namespace {

// A text of a column, for a record: moved out of a vector's string, copied from a view.
std::string take_text(std::string& text) { return std::move(text); }
std::string take_text(std::string_view text) { return std::string(text); }

// A column of rows, for the roster's indices.
std::vector<std::uint32_t> take_rows(std::vector<std::uint32_t>& rows) { return std::move(rows); }
std::vector<std::uint32_t> take_rows(const ColumnView<std::uint32_t>& rows) {
  return rows.to_vector();
}

// A dictionary column read back: its words checked against the rows, interned once each.
template <class Text, class Column>
class DictionaryReader {
 public:
  DictionaryReader(Column& column, std::uint64_t rows, std::string_view table,
                   std::string_view name)
      : rows_(column.rows), table_(table), name_(name) {
    if (rows_.size() != rows) {  // the loader reads exactly `rows` indices
      fail_field(std::string(table) + "." + std::string(name),
                 "has " + std::to_string(rows_.size()) + " rows, not " + std::to_string(rows));
    }
    texts_.reserve(column.words.size());
    for (auto& word : column.words) {
      if constexpr (std::is_same_v<Text, std::string>) {
        texts_.push_back(take_text(word));
      } else {
        texts_.emplace_back(std::string_view(word));
      }
    }
  }
  [[nodiscard]] const Text& at(std::size_t row) const {
    const std::uint32_t index = rows_[row];
    if (index >= texts_.size()) refuse(index, row);  // out of line: at() is read for every field
    return texts_[index];
  }

 private:
  [[noreturn, gnu::cold, gnu::noinline]] void refuse(std::uint32_t index, std::size_t row) const {
    fail_field(where(table_, std::string(name_) + ".rows", row),
               "word " + std::to_string(index) + " is not in the dictionary (" + std::to_string(texts_.size()) +
                   (texts_.size() == 1 ? " word)" : " words)"));
  }

  const decltype(Column::rows)& rows_;  // the column outlives its reader
  std::vector<Text> texts_;
  std::string_view table_;
  std::string_view name_;
};

template <class Text, class Column>
DictionaryReader<Text, Column> dictionary(Column& column, std::uint64_t rows,
                                          std::string_view table, std::string_view name) {
  return {column, rows, table, name};
}

}  // namespace

// The tables read so far and their references' rows.
struct ColumnsState {
  model::RosterTables tables;
  model::detail::RosterRows rows;
};

namespace {

template <class Columns>
void read_units(ColumnsState& state, Columns& c) {
  const auto n = static_cast<std::size_t>(c.count);
  const CodeSet<model::UnitKind> kinds;
  const CodeSet<model::Area> areas;
  const auto province = dictionary<std::string>(c.province, c.count, "units", "province");
  const auto minority = dictionary<std::string>(c.minority, c.count, "units", "minority");
  std::vector<model::Unit>& units = state.tables.units;
  units.assign(n, model::Unit{});
  for (std::size_t i = 0; i < n; ++i) {
    model::Unit& unit = units[i];
    unit.id = model::UnitId(take_text(c.id[i]));
    unit.name = take_text(c.name[i]);
    unit.kind = kinds.required(c.kind[i], "units", "kind", i);
    unit.province = province.at(i);
    unit.large_minority = load_flag(c.large_minority[i], "units", "large_minority", i);
    unit.minority = minority.at(i);
    unit.area = areas.optional(c.area[i], "units", "area", i);
  }
  // Parents once every id is in place.
  for (std::size_t i = 0; i < n; ++i) {
    if (c.parent[i] == no_row) continue;
    units[i].parent_id = units[load_row(c.parent[i], n, "units", "parent", "units", i)].id;
  }
  state.rows.parent_of_unit = take_rows(c.parent);
}

template <class Columns>
void read_cadres(ColumnsState& state, Columns& c) {
  const auto n = static_cast<std::size_t>(c.count);
  const std::vector<model::Unit>& units = state.tables.units;
  const CadreCodes codes;
  const auto& [positions, genders, educations, levels, modes, fundings, theories, managements] =
      codes;
  const auto ethnicity =
      dictionary<model::InternedString>(c.ethnicity, c.count, "cadres", "ethnicity");
  const auto field = dictionary<model::InternedString>(c.professional_field, c.count, "cadres",
                                                       "professional_field");
  // The positions must add up to their table: checked before any is read.
  std::uint64_t total = 0;
  for (std::size_t i = 0; i < c.position_count.size(); ++i) total += c.position_count[i];
  if (total != c.position_total) {
    fail_field("cadres.position_count", "the cadres hold " + std::to_string(total) +
                                            " positions, the positions table has " +
                                            std::to_string(c.position_total));
  }
  std::vector<model::Cadre>& cadres = state.tables.cadres;
  cadres.clear();
  cadres.reserve(n);
  cadreplan::detail::populate_capacity(cadres);
  // The roster's index of cadres by position, built here where the positions are read.
  std::vector<std::vector<std::uint32_t>> holders_of(model::all_codes<model::Position>().size());
  std::size_t next_position = 0;
  for (std::size_t i = 0; i < n; ++i) {
    model::Cadre& cadre = cadres.emplace_back();
    cadre.id = model::CadreId(take_text(c.id[i]));
    cadre.full_name = take_text(c.full_name[i]);
    cadre.birth_date = load_day(c.birth_date[i], "cadres", "birth_date", i);
    cadre.unit_id = units[load_row(c.unit[i], units.size(), "cadres", "unit", "units", i)].id;
    cadre.positions.resize(c.position_count[i]);
    for (model::PositionHolding& holding : cadre.positions) {
      const std::size_t p = next_position++;
      holding.position = positions.required(c.position[p], "cadres.positions", "position", p);
      holding.since = load_optional_day(c.position_since[p], "cadres.positions", "since", p);
      auto& holders = holders_of[static_cast<std::size_t>(holding.position)];
      if (holders.empty() || holders.back() != i) holders.push_back(static_cast<std::uint32_t>(i));
    }
    cadre.gender = genders.optional(c.gender[i], "cadres", "gender", i);
    cadre.ethnicity = ethnicity.at(i);
    cadre.party_joined = load_optional_day(c.party_joined[i], "cadres", "party_joined", i);
    cadre.general_education =
        educations.optional(c.general_education[i], "cadres", "general_education", i);
    model::ProfessionalQualification& professional = cadre.professional;
    professional.level = levels.optional(c.professional_level[i], "cadres", "professional_level", i);
    professional.field = field.at(i);
    professional.mode = modes.optional(c.professional_mode[i], "cadres", "professional_mode", i);
    professional.funding =
        fundings.optional(c.professional_funding[i], "cadres", "professional_funding", i);
    professional.planned = load_flag(c.professional_planned[i], "cadres", "professional_planned", i);
    cadre.political_theory =
        theories.optional(c.political_theory[i], "cadres", "political_theory", i);
    cadre.state_management =
        managements.optional(c.state_management[i], "cadres", "state_management", i);
  }
  state.rows.unit_of_cadre = take_rows(c.unit);
  state.rows.cadres_by_position = std::move(holders_of);
}

template <class Columns>
void read_trainings(ColumnsState& state, Columns& c) {
  const auto n = static_cast<std::size_t>(c.count);
  const std::vector<model::Cadre>& cadres = state.tables.cadres;
  const CodeSet<model::TrainingKind> kinds;
  const CodeSet<model::TrainingStatus> statuses;
  const CodeSet<model::Funding> fundings;
  const auto course = dictionary<model::InternedString>(c.course, c.count, "trainings", "course");
  const auto provider =
      dictionary<model::InternedString>(c.provider, c.count, "trainings", "provider");
  const auto result = dictionary<model::InternedString>(c.result, c.count, "trainings", "result");
  std::vector<model::TrainingRecord>& trainings = state.tables.trainings;
  trainings.clear();
  trainings.reserve(n);
  cadreplan::detail::populate_capacity(trainings);
  for (std::size_t i = 0; i < n; ++i) {
    // Read field by field in the file's order, so that the first bad field is the one
    // reported, then built whole (aggregate initialisation: Clang before 16 has no
    // parenthesised form for emplace_back). A default record with its members assigned
    // one by one copied the cadre's id through assign(): a twentieth of the load.
    const auto& cadre = cadres[load_row(c.cadre[i], cadres.size(), "trainings", "cadre", "cadres", i)];
    const auto kind = kinds.required(c.kind[i], "trainings", "kind", i);
    const auto start_date = load_day(c.start_date[i], "trainings", "start_date", i);
    const auto end_date = load_day(c.end_date[i], "trainings", "end_date", i);
    // Checked here, on the record just read, rather than in another pass over the 570 MB
    // of a national roster's records (model::Roster::build()'s check).
    if (end_date < start_date) {
      fail_field(where("trainings", "end_date", i),
                 to_iso_extended_string(end_date) + " is before the start date " +
                     to_iso_extended_string(start_date) + ": the training ends before it starts");
    }
    const auto status = statuses.optional(c.status[i], "trainings", "status", i);
    const auto funding = fundings.optional(c.funding[i], "trainings", "funding", i);
    const auto planned = load_flag(c.planned[i], "trainings", "planned", i);
    const auto cost = load_amount(c.has_cost[i], c.cost[i], "trainings", "has_cost", "cost", i);
    trainings.push_back(model::TrainingRecord{cadre.id, course.at(i), provider.at(i), result.at(i), start_date,
                                              end_date, cost, kind, status, funding, planned});
  }
  state.rows.cadre_of_training = take_rows(c.cadre);
}

template <class Columns>
void read_pools(ColumnsState& state, Columns& c) {
  const auto n = static_cast<std::size_t>(c.count);
  const std::vector<model::Unit>& units = state.tables.units;
  const std::vector<model::Cadre>& cadres = state.tables.cadres;
  const CodeSet<model::Position> positions;
  std::vector<model::PoolEntry>& pools = state.tables.pools;
  pools.clear();
  pools.reserve(n);
  cadreplan::detail::populate_capacity(pools);
  for (std::size_t i = 0; i < n; ++i) {
    model::PoolEntry& entry = pools.emplace_back();
    entry.unit_id = units[load_row(c.unit[i], units.size(), "pools", "unit", "units", i)].id;
    entry.position = positions.required(c.position[i], "pools", "position", i);
    entry.cadre_id = cadres[load_row(c.cadre[i], cadres.size(), "pools", "cadre", "cadres", i)].id;
    const date congress_day = load_day(c.congress_day[i], "pools", "congress_day", i);
    const date next_congress_day = load_day(c.next_congress_day[i], "pools", "next_congress_day", i);
    try {
      entry.term = model::Term::from_congresses(congress_day, next_congress_day);
    } catch (const std::invalid_argument& error) {
      fail_field(where("pools", "next_congress_day", i), error.what());
    }
    entry.added_on = load_optional_day(c.added_on[i], "pools", "added_on", i);
  }
  state.rows.unit_of_pool = take_rows(c.unit);
  state.rows.cadre_of_pool = take_rows(c.cadre);
}

template <class Columns>
void read_budgets(ColumnsState& state, Columns& c) {
  const auto n = static_cast<std::size_t>(c.count);
  const std::vector<model::Unit>& units = state.tables.units;
  std::vector<model::BudgetLine>& budgets = state.tables.budgets;
  budgets.clear();
  budgets.reserve(n);
  cadreplan::detail::populate_capacity(budgets);
  for (std::size_t i = 0; i < n; ++i) {
    model::BudgetLine& line = budgets.emplace_back();
    line.unit_id = units[load_row(c.unit[i], units.size(), "budgets", "unit", "units", i)].id;
    line.year = c.year[i];
    line.allocated = c.allocated[i];
    line.spent_on_training =
        load_amount(c.has_spent[i], c.spent[i], "budgets", "has_spent", "spent", i);
  }
  state.rows.unit_of_budget = take_rows(c.unit);
}

model::Roster finish_columns(ColumnsState& state) {
  return model::detail::RosterAssembly::build(std::move(state.tables), std::move(state.rows));
}

}  // namespace

struct RosterColumnsReader::State : ColumnsState {};

RosterColumnsReader::RosterColumnsReader() : state_(std::make_unique<State>()) {}
RosterColumnsReader::~RosterColumnsReader() = default;
void RosterColumnsReader::read(UnitColumns&& c) { read_units(*state_, c); }
void RosterColumnsReader::read(CadreColumns&& c) { read_cadres(*state_, c); }
void RosterColumnsReader::read(TrainingColumns&& c) { read_trainings(*state_, c); }
void RosterColumnsReader::read(PoolColumns&& c) { read_pools(*state_, c); }
void RosterColumnsReader::read(BudgetColumns&& c) { read_budgets(*state_, c); }
model::Roster RosterColumnsReader::finish() { return finish_columns(*state_); }

struct RosterColumnViewsReader::State : ColumnsState {};

RosterColumnViewsReader::RosterColumnViewsReader() : state_(std::make_unique<State>()) {}
RosterColumnViewsReader::~RosterColumnViewsReader() = default;
void RosterColumnViewsReader::read(const UnitColumnViews& c) { read_units(*state_, c); }
void RosterColumnViewsReader::read(const CadreColumnViews& c) { read_cadres(*state_, c); }
void RosterColumnViewsReader::read(const TrainingColumnViews& c) { read_trainings(*state_, c); }
void RosterColumnViewsReader::read(const PoolColumnViews& c) { read_pools(*state_, c); }
void RosterColumnViewsReader::read(const BudgetColumnViews& c) { read_budgets(*state_, c); }
model::Roster RosterColumnViewsReader::finish() { return finish_columns(*state_); }

}  // namespace cadreplan::io::detail
