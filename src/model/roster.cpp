#include "cadreplan/model/roster.hpp"

#include <algorithm>
#include <cassert>
#include <functional>
#include <limits>
#include <optional>
#include <string_view>
#include <tuple>
#include <utility>

#include "model/roster_assembly.hpp"

namespace cadreplan::model {
namespace {

std::string quoted(const std::string& text) { return "'" + text + "'"; }

[[noreturn]] void fail(const std::string& message) { throw RosterError(message); }

// Ids are dense 32-bit indices; a roster bigger than that is refused outright.
void check_size(std::size_t count, const char* table) {
  if (count >= std::numeric_limits<std::uint32_t>::max()) {
    fail(std::string(table) + ": too many records (" + std::to_string(count) + ")");
  }
}

// Indexes the ids of \p rows, refusing the first empty or repeated one (in record order).
template <class Row>
void index_ids(IdIndex<Row>& index, std::span<const Row> rows, const char* table, const char* noun) {
  const std::size_t repeated = index.build(rows);
  for (std::size_t i = 0; i <= repeated && i < rows.size(); ++i) {
    if (rows[i].id.empty()) fail(std::string(table) + ": record " + std::to_string(i + 1) + " has an empty id");
  }
  if (repeated < rows.size()) {
    fail(std::string(table) + ": duplicate " + noun + " id " + quoted(rows[repeated].id.str()));
  }
}

// Keeps a loader's index of the ids of \p rows (\p given) in \p index, or builds it. A
// loader's index holds every row, each id checked not empty and not repeated: a release
// build checks the count, which keeps a lookup within the table; a debug build (and so
// the fuzzers) checks each row.
template <class Row>
void take_or_index_ids(IdIndex<Row>& index, std::optional<IdIndex<Row>> given,
                       std::span<const Row> rows, const char* table, const char* noun) {
  if (!given) {
    index_ids(index, rows, table, noun);
    return;
  }
  if (given->size() != rows.size()) {
    fail(std::string(table) + ": the loader's index holds " + std::to_string(given->size()) +
         " ids for " + std::to_string(rows.size()) + " records");
  }
  index = std::move(*given);
#ifndef NDEBUG
  for (std::size_t i = 0; i < rows.size(); ++i) {
    assert(!rows[i].id.empty() && index.find(rows, rows[i].id) == static_cast<std::ptrdiff_t>(i));
  }
#endif
}

// A loader that grew a table row by row leaves up to half of it unused, for good: at
// national scale that was a third of the roster's memory. Moving the rows costs less.
template <class Row>
void trim(std::vector<Row>& rows) {
  if (rows.capacity() - rows.size() > rows.size() / 16) rows.shrink_to_fit();
}

// Per position code, the cadres holding it at any date, in cadre order.
std::vector<std::vector<std::uint32_t>> cadres_by_position(const std::vector<Cadre>& cadres) {
  std::vector<std::vector<std::uint32_t>> holders_of(all_codes<Position>().size());
  for (std::size_t i = 0; i < cadres.size(); ++i) {
    for (const PositionHolding& holding : cadres[i].positions) {
      auto& holders = holders_of[static_cast<std::size_t>(holding.position)];
      if (holders.empty() || holders.back() != i) holders.push_back(static_cast<std::uint32_t>(i));
    }
  }
  return holders_of;
}

}  // namespace

IndexGroups::IndexGroups(std::span<const std::uint32_t> group_of, std::size_t group_count)
    : offsets_(group_count + 1, 0), members_(group_of.size()) {
  // Counting sort: stable, linear, and the members of each group stay in record order.
  for (std::uint32_t group : group_of) ++offsets_[group + 1];
  for (std::size_t g = 0; g < group_count; ++g) offsets_[g + 1] += offsets_[g];
  std::vector<std::uint32_t> next(offsets_.begin(), offsets_.end() - 1);
  for (std::size_t i = 0; i < group_of.size(); ++i) {
    members_[next[group_of[i]]++] = static_cast<std::uint32_t>(i);
  }
}

Roster Roster::build(RosterTables tables) {
  Roster roster = detail::RosterAssembly::place(std::move(tables));
  detail::RosterRows rows = detail::RosterAssembly::resolve(roster);
  detail::RosterAssembly::check_records(roster);
  detail::RosterAssembly::finish(roster, std::move(rows));
  return roster;
}

namespace detail {

Roster RosterAssembly::build(RosterTables tables, RosterRows rows) {
  Roster roster =
      place(std::move(tables), std::move(rows.unit_by_id), std::move(rows.cadre_by_id));
  check_rows(roster, rows);
  finish(roster, std::move(rows));
  return roster;
}

Roster RosterAssembly::place(RosterTables tables, std::optional<IdIndex<Unit>> unit_by_id,
                             std::optional<IdIndex<Cadre>> cadre_by_id) {
  trim(tables.units);
  trim(tables.cadres);
  trim(tables.trainings);
  trim(tables.pools);
  trim(tables.budgets);
  Roster roster;
  roster.tables_ = std::move(tables);
  const RosterTables& t = roster.tables_;
  check_size(t.units.size(), "units");
  check_size(t.cadres.size(), "cadres");
  check_size(t.trainings.size(), "trainings");
  check_size(t.pools.size(), "pools");
  check_size(t.budgets.size(), "budgets");
  take_or_index_ids(roster.unit_by_id_, std::move(unit_by_id), std::span<const Unit>(t.units),
                    "units", "unit");
  take_or_index_ids(roster.cadre_by_id_, std::move(cadre_by_id),
                    std::span<const Cadre>(t.cadres), "cadres", "cadre");
  return roster;
}

RosterRows RosterAssembly::resolve(const Roster& roster) {
  const RosterTables& t = roster.tables_;
  // `where` is called only on failure: building its text for every record would cost a
  // heap allocation per training record of a national roster.
  auto unit_of = [&](const UnitId& id, const auto& where) {
    const auto found = roster.unit_index(id);
    if (found < 0) fail(where() + " refers to unknown unit " + quoted(id.str()));
    return static_cast<std::uint32_t>(found);
  };
  auto cadre_of = [&](const CadreId& id, const auto& where) {
    const auto found = roster.cadre_index(id);
    if (found < 0) fail(where() + " refers to unknown cadre " + quoted(id.str()));
    return static_cast<std::uint32_t>(found);
  };
  const auto record = [](std::string_view table, std::size_t i) {
    return std::string(table) + ": record " + std::to_string(i + 1);
  };

  RosterRows rows;
  rows.unit_of_cadre.resize(t.cadres.size());
  for (std::size_t i = 0; i < t.cadres.size(); ++i) {
    const auto& cadre = t.cadres[i];
    // Cadres of a unit are usually listed together, like a cadre's training records below.
    if (i > 0 && t.units[rows.unit_of_cadre[i - 1]].id == cadre.unit_id) {
      rows.unit_of_cadre[i] = rows.unit_of_cadre[i - 1];
    } else {
      rows.unit_of_cadre[i] =
          unit_of(cadre.unit_id, [&] { return "cadres: cadre " + quoted(cadre.id.str()); });
    }
  }
  rows.cadre_of_training.resize(t.trainings.size());
  for (std::size_t i = 0; i < t.trainings.size(); ++i) {
    const auto& training = t.trainings[i];
    // Tables list a cadre's records together: the previous record's cadre is compared
    // first, which spares most hash lookups of a national roster.
    if (i > 0 && t.cadres[rows.cadre_of_training[i - 1]].id == training.cadre_id) {
      rows.cadre_of_training[i] = rows.cadre_of_training[i - 1];
      continue;
    }
    rows.cadre_of_training[i] = cadre_of(training.cadre_id, [&] {
      return record("trainings", i) + " (" + training.course + ")";
    });
  }
  rows.unit_of_pool.resize(t.pools.size());
  rows.cadre_of_pool.resize(t.pools.size());
  for (std::size_t i = 0; i < t.pools.size(); ++i) {
    const auto& entry = t.pools[i];
    rows.unit_of_pool[i] = unit_of(entry.unit_id, [&] { return record("pools", i); });
    rows.cadre_of_pool[i] = cadre_of(entry.cadre_id, [&] { return record("pools", i); });
  }
  rows.unit_of_budget.resize(t.budgets.size());
  for (std::size_t i = 0; i < t.budgets.size(); ++i) {
    rows.unit_of_budget[i] = unit_of(t.budgets[i].unit_id, [&] { return record("budgets", i); });
  }
  rows.parent_of_unit.resize(t.units.size());
  for (std::size_t i = 0; i < t.units.size(); ++i) {
    const Unit& unit = t.units[i];
    if (unit.parent_id.empty()) {
      rows.parent_of_unit[i] = no_parent_row;
      continue;
    }
    const auto parent = roster.unit_index(unit.parent_id);
    if (parent < 0) {
      fail("units: unit " + quoted(unit.id.str()) + " refers to unknown parent unit " +
           quoted(unit.parent_id.str()));
    }
    rows.parent_of_unit[i] = static_cast<std::uint32_t>(parent);
  }
  return rows;
}

namespace {

// Checks that \p rows holds one row per record of \p table, each below \p count (the
// records of \p target), or no_parent_row where \p absent_allowed.
void check_row_column(const std::vector<std::uint32_t>& rows, std::size_t records,
                      const char* table, const char* column, std::size_t count,
                      const char* target, bool absent_allowed = false) {
  if (rows.size() != records) {
    fail(std::string(table) + ": " + std::to_string(rows.size()) + " " + column + " rows for " +
         std::to_string(records) + " records");
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i] < count || (absent_allowed && rows[i] == no_parent_row)) continue;
    fail(std::string(table) + ": record " + std::to_string(i + 1) + " refers to " + column +
         " row " + std::to_string(rows[i]) + ", not in " + target + " (" + std::to_string(count) +
         (count == 1 ? " record)" : " records)"));
  }
}

}  // namespace

void RosterAssembly::check_rows(const Roster& roster, const RosterRows& rows) {
  const RosterTables& t = roster.tables_;
  const std::size_t units = t.units.size();
  const std::size_t cadres = t.cadres.size();
  check_row_column(rows.unit_of_cadre, cadres, "cadres", "unit", units, "units");
  check_row_column(rows.cadre_of_training, t.trainings.size(), "trainings", "cadre", cadres,
                   "cadres");
  check_row_column(rows.unit_of_pool, t.pools.size(), "pools", "unit", units, "units");
  check_row_column(rows.cadre_of_pool, t.pools.size(), "pools", "cadre", cadres, "cadres");
  check_row_column(rows.unit_of_budget, t.budgets.size(), "budgets", "unit", units, "units");
  check_row_column(rows.parent_of_unit, units, "units", "parent", units, "units", true);
#ifndef NDEBUG
  // The loader derived the ids from these rows; a mismatch is its bug, not bad input.
  for (std::size_t i = 0; i < cadres; ++i) {
    assert(t.cadres[i].unit_id == t.units[rows.unit_of_cadre[i]].id);
  }
  for (std::size_t i = 0; i < t.trainings.size(); ++i) {
    assert(t.trainings[i].cadre_id == t.cadres[rows.cadre_of_training[i]].id);
  }
  for (std::size_t i = 0; i < t.pools.size(); ++i) {
    assert(t.pools[i].unit_id == t.units[rows.unit_of_pool[i]].id);
    assert(t.pools[i].cadre_id == t.cadres[rows.cadre_of_pool[i]].id);
  }
  for (std::size_t i = 0; i < t.budgets.size(); ++i) {
    assert(t.budgets[i].unit_id == t.units[rows.unit_of_budget[i]].id);
  }
  for (std::size_t i = 0; i < units; ++i) {
    assert(rows.parent_of_unit[i] == no_parent_row
               ? t.units[i].parent_id.empty()
               : t.units[i].parent_id == t.units[rows.parent_of_unit[i]].id);
  }
  assert(!rows.cadres_by_position || *rows.cadres_by_position == cadres_by_position(t.cadres));
  // The loader checked each record; check_records() must find nothing.
  check_records(roster);
#endif
}

namespace {

// Refuses a unit that is its own ancestor. Each unit is visited once (a walk stops at a
// unit already cleared), so a long chain of parents costs linear time, not quadratic.
void check_parent_cycles(const std::vector<Unit>& units, const std::vector<std::uint32_t>& parent) {
  constexpr std::uint32_t kCleared = 0xFFFF'FFFFU;
  // Per unit: kCleared, or the number (plus one) of the walk that reached it, 0 for none.
  std::vector<std::uint32_t> walk_of(units.size(), 0);
  for (std::size_t start = 0; start < units.size(); ++start) {
    const auto walk = static_cast<std::uint32_t>(start + 1);
    std::uint32_t current = static_cast<std::uint32_t>(start);
    while (current != no_parent_row && walk_of[current] != kCleared) {
      if (walk_of[current] == walk) {
        fail("units: unit " + quoted(units[start].id.str()) + " is its own ancestor (parent cycle)");
      }
      walk_of[current] = walk;
      current = parent[current];
    }
    for (current = static_cast<std::uint32_t>(start);
         current != no_parent_row && walk_of[current] == walk; current = parent[current]) {
      walk_of[current] = kCleared;
    }
  }
}

// The first record (in record order) whose key an earlier record has, or nothing. Sorts
// \p keyed, keys with their record numbers (stable): each run of equal keys starts with
// its earliest record and its second is a repeat.
template <class Key>
std::optional<std::size_t> first_repeat(std::vector<std::pair<Key, std::uint32_t>>& keyed) {
  std::sort(keyed.begin(), keyed.end());
  std::optional<std::size_t> first;
  for (std::size_t i = 1; i < keyed.size(); ++i) {
    if (keyed[i].first == keyed[i - 1].first && (!first || keyed[i].second < *first)) {
      first = keyed[i].second;
    }
  }
  return first;
}

// The first record (in record order) that repeats the key, key_of(record), of an earlier
// record of its group, or nothing. \p groups lists each group's records in record order.
template <class KeyOf>
std::optional<std::size_t> first_repeat_in_groups(const IndexGroups& groups, KeyOf key_of) {
  std::optional<std::size_t> first;
  std::vector<std::pair<decltype(key_of(std::uint32_t{})), std::uint32_t>> keyed;
  for (std::size_t group = 0; group < groups.size(); ++group) {
    keyed.clear();
    for (const std::uint32_t i : groups[group]) keyed.push_back({key_of(i), i});
    if (const auto repeat = first_repeat(keyed); repeat && (!first || *repeat < *first)) first = repeat;
  }
  return first;
}

}  // namespace

void RosterAssembly::check_records(const Roster& roster) {
  const RosterTables& t = roster.tables_;
  for (std::size_t i = 0; i < t.trainings.size(); ++i) {
    const auto& training = t.trainings[i];
    if (training.end_date < training.start_date) {
      fail("trainings: record " + std::to_string(i + 1) + " of cadre " +
           quoted(training.cadre_id.str()) + " ends before it starts");
    }
  }
}

void RosterAssembly::finish(Roster& roster, RosterRows rows) {
  const RosterTables& t = roster.tables_;
  check_parent_cycles(t.units, rows.parent_of_unit);
  // Pool entries and budget lines are unique by their rows (ids are unique), compared
  // as integers (a set of id strings cost a tenth of loading a national roster), unit by
  // unit, with the roster's indices by unit built here (one sort of all a national
  // roster's pool entries was a twelfth of loading its archive; a unit has a few dozen).
  roster.pools_by_unit_ = IndexGroups(rows.unit_of_pool, t.units.size());
  const auto repeated_entry = first_repeat_in_groups(roster.pools_by_unit_, [&](std::uint32_t i) {
    return std::tuple{t.pools[i].position, t.pools[i].term.first_year(), rows.cadre_of_pool[i]};
  });
  if (repeated_entry) {
    const PoolEntry& entry = t.pools[*repeated_entry];
    fail("pools: cadre " + quoted(entry.cadre_id.str()) + " is listed twice in the pool of " +
         quoted(entry.unit_id.str()) + " for " + std::string(to_code(entry.position)) + " " +
         entry.term.name());
  }
  roster.budgets_by_unit_ = IndexGroups(rows.unit_of_budget, t.units.size());
  const auto repeated_line =
      first_repeat_in_groups(roster.budgets_by_unit_, [&](std::uint32_t i) { return t.budgets[i].year; });
  if (repeated_line) {
    const BudgetLine& line = t.budgets[*repeated_line];
    fail("budgets: unit " + quoted(line.unit_id.str()) + " has two budget lines for " +
         std::to_string(line.year));
  }

  if (rows.cadres_by_position) {
    roster.cadres_by_position_ = std::move(*rows.cadres_by_position);
  } else {
    roster.cadres_by_position_ = cadres_by_position(t.cadres);
  }
  roster.unit_of_cadre_ = std::move(rows.unit_of_cadre);
  roster.cadres_by_unit_ = IndexGroups(roster.unit_of_cadre_, t.units.size());
  roster.cadre_of_training_ = std::move(rows.cadre_of_training);
  roster.trainings_by_cadre_ = IndexGroups(roster.cadre_of_training_, t.cadres.size());
  roster.cadre_of_pool_ = std::move(rows.cadre_of_pool);
}

}  // namespace detail


const Unit* Roster::find_unit(const UnitId& id) const noexcept {
  const auto index = unit_index(id);
  return index < 0 ? nullptr : &tables_.units[static_cast<std::size_t>(index)];
}

const Cadre* Roster::find_cadre(const CadreId& id) const noexcept {
  const auto index = cadre_index(id);
  return index < 0 ? nullptr : &tables_.cadres[static_cast<std::size_t>(index)];
}

std::ptrdiff_t Roster::unit_index(const UnitId& id) const noexcept {
  return unit_by_id_.find(std::span<const Unit>(tables_.units), id);
}

std::ptrdiff_t Roster::cadre_index(const CadreId& id) const noexcept {
  return cadre_by_id_.find(std::span<const Cadre>(tables_.cadres), id);
}

std::vector<const Cadre*> Roster::holders(Position position, boost::gregorian::date day) const {
  std::vector<const Cadre*> result;
  for (std::uint32_t index : cadres_with_position(position)) {
    const auto& cadre = tables_.cadres[index];
    if (cadre.holds(position, day)) result.push_back(&cadre);
  }
  return result;
}

}  // namespace cadreplan::model
