#include "cadreplan/model/roster.hpp"

#include <algorithm>
#include <cassert>
#include <functional>
#include <limits>
#include <set>
#include <string_view>
#include <tuple>

#include "model/roster_links.hpp"

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

// A loader that grew a table row by row leaves up to half of it unused, for good: at
// national scale that was a third of the roster's memory. Moving the rows costs less.
template <class Row>
void trim(std::vector<Row>& rows) {
  if (rows.capacity() - rows.size() > rows.size() / 16) rows.shrink_to_fit();
}

void trim_tables(RosterTables& tables) {
  trim(tables.units);
  trim(tables.cadres);
  trim(tables.trainings);
  trim(tables.pools);
  trim(tables.budgets);
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

std::span<const std::uint32_t> IndexGroups::operator[](std::size_t group) const noexcept {
  if (group + 1 >= offsets_.size()) return {};
  return std::span<const std::uint32_t>(members_).subspan(offsets_[group],
                                                          offsets_[group + 1] - offsets_[group]);
}

Roster Roster::build(RosterTables tables) {
  trim_tables(tables);
  Roster roster;
  roster.tables_ = std::move(tables);
  roster.index();
  roster.validate();
  return roster;
}

void Roster::index() {
  check_size(tables_.units.size(), "units");
  check_size(tables_.cadres.size(), "cadres");
  check_size(tables_.trainings.size(), "trainings");
  index_ids(unit_by_id_, std::span<const Unit>(tables_.units), "units", "unit");
  index_ids(cadre_by_id_, std::span<const Cadre>(tables_.cadres), "cadres", "cadre");

  // `where` is called only on failure: building its text for every record would cost a
  // heap allocation per training record of a national roster.
  auto unit_of = [&](const UnitId& id, const auto& where) {
    const auto found = unit_by_id_.find(std::span<const Unit>(tables_.units), id);
    if (found < 0) fail(where() + " refers to unknown unit " + quoted(id.str()));
    return static_cast<std::uint32_t>(found);
  };
  auto cadre_of = [&](const CadreId& id, const auto& where) {
    const auto found = cadre_by_id_.find(std::span<const Cadre>(tables_.cadres), id);
    if (found < 0) fail(where() + " refers to unknown cadre " + quoted(id.str()));
    return static_cast<std::uint32_t>(found);
  };
  const auto record = [](std::string_view table, std::size_t i) {
    return std::string(table) + ": record " + std::to_string(i + 1);
  };

  unit_of_cadre_.resize(tables_.cadres.size());
  cadres_by_position_.assign(all_codes<Position>().size(), {});
  for (std::size_t i = 0; i < tables_.cadres.size(); ++i) {
    const auto& cadre = tables_.cadres[i];
    // Cadres of a unit are usually listed together, like a cadre's training records below.
    if (i > 0 && tables_.units[unit_of_cadre_[i - 1]].id == cadre.unit_id) {
      unit_of_cadre_[i] = unit_of_cadre_[i - 1];
    } else {
      unit_of_cadre_[i] = unit_of(cadre.unit_id, [&] { return "cadres: cadre " + quoted(cadre.id.str()); });
    }
    for (std::size_t p = 0; p < cadre.positions.size(); ++p) {
      auto& holders = cadres_by_position_[static_cast<std::size_t>(cadre.positions[p].position)];
      if (holders.empty() || holders.back() != i) holders.push_back(static_cast<std::uint32_t>(i));
    }
  }
  cadres_by_unit_ = IndexGroups(unit_of_cadre_, tables_.units.size());

  cadre_of_training_.resize(tables_.trainings.size());
  for (std::size_t i = 0; i < tables_.trainings.size(); ++i) {
    const auto& training = tables_.trainings[i];
    // Tables list a cadre's records together: the previous record's cadre is compared
    // first, which spares most hash lookups of a national roster.
    if (i > 0 && tables_.cadres[cadre_of_training_[i - 1]].id == training.cadre_id) {
      cadre_of_training_[i] = cadre_of_training_[i - 1];
      continue;
    }
    cadre_of_training_[i] = cadre_of(training.cadre_id, [&] {
      return record("trainings", i) + " (" + training.course + ")";
    });
  }
  trainings_by_cadre_ = IndexGroups(cadre_of_training_, tables_.cadres.size());

  std::vector<std::uint32_t> group_of(tables_.pools.size());
  cadre_of_pool_.resize(tables_.pools.size());
  for (std::size_t i = 0; i < tables_.pools.size(); ++i) {
    const auto& entry = tables_.pools[i];
    group_of[i] = unit_of(entry.unit_id, [&] { return record("pools", i); });
    cadre_of_pool_[i] = cadre_of(entry.cadre_id, [&] { return record("pools", i); });
  }
  pools_by_unit_ = IndexGroups(group_of, tables_.units.size());

  group_of.resize(tables_.budgets.size());
  for (std::size_t i = 0; i < tables_.budgets.size(); ++i) {
    group_of[i] = unit_of(tables_.budgets[i].unit_id, [&] { return record("budgets", i); });
  }
  budgets_by_unit_ = IndexGroups(group_of, tables_.units.size());
}

void Roster::validate() const {
  for (const auto& unit : tables_.units) {
    if (unit.parent_id.empty()) continue;
    if (unit_index(unit.parent_id) < 0) {
      fail("units: unit " + quoted(unit.id.str()) + " refers to unknown parent unit " +
           quoted(unit.parent_id.str()));
    }
    // Walk up at most units().size() steps: a longer walk means a cycle.
    const Unit* current = &unit;
    for (std::size_t steps = 0; !current->parent_id.empty(); ++steps) {
      if (steps > tables_.units.size()) {
        fail("units: unit " + quoted(unit.id.str()) + " is its own ancestor (parent cycle)");
      }
      current = &tables_.units[static_cast<std::size_t>(unit_index(current->parent_id))];
    }
  }
  for (std::size_t i = 0; i < tables_.trainings.size(); ++i) {
    const auto& training = tables_.trainings[i];
    if (training.end_date < training.start_date) {
      fail("trainings: record " + std::to_string(i + 1) + " of cadre " +
           quoted(training.cadre_id.str()) + " ends before it starts");
    }
  }
  std::set<std::tuple<std::string, int, std::string, int>> pool_keys;
  for (const auto& entry : tables_.pools) {
    if (!pool_keys
             .emplace(entry.unit_id.str(), static_cast<int>(entry.position), entry.cadre_id.str(),
                      entry.term.first_year())
             .second) {
      fail("pools: cadre " + quoted(entry.cadre_id.str()) + " is listed twice in the pool of " +
           quoted(entry.unit_id.str()) + " for " + std::string(to_code(entry.position)) + " " +
           entry.term.name());
    }
  }
  std::set<std::pair<std::string, int>> budget_keys;
  for (const auto& line : tables_.budgets) {
    if (!budget_keys.emplace(line.unit_id.str(), line.year).second) {
      fail("budgets: unit " + quoted(line.unit_id.str()) + " has two budget lines for " +
           std::to_string(line.year));
    }
  }
}

std::ptrdiff_t Roster::index_of(const Cadre& cadre) const noexcept {
  const Cadre* first = tables_.cadres.data();
  // Compared as addresses: a cadre from elsewhere is not in this roster's array.
  if (std::less<>{}(&cadre, first) || !std::less<>{}(&cadre, first + tables_.cadres.size())) {
    return cadre_index(cadre.id);
  }
  return &cadre - first;
}

std::ptrdiff_t Roster::index_of(const Unit& unit) const noexcept {
  const Unit* first = tables_.units.data();
  if (std::less<>{}(&unit, first) || !std::less<>{}(&unit, first + tables_.units.size())) {
    return unit_index(unit.id);
  }
  return &unit - first;
}

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

namespace detail {
namespace {

// Refuses links that are not one row of \p target (\p count records) per record of
// \p table (\p records records): what keeps a loader's bug from reading out of bounds.
void check_links(const std::vector<std::uint32_t>& links, std::size_t records, std::size_t count,
                 const char* table, const char* target) {
  const bool in_range =
      std::all_of(links.begin(), links.end(), [count](std::uint32_t row) { return row < count; });
  if (links.size() != records || !in_range) {
    fail(std::string(table) + ": the loader's links to " + target + " do not match the tables");
  }
}

#ifndef NDEBUG
// LinkedRosterBuilder::build's promises about links and indices, checked one by one.
bool keeps_promises(const Roster& roster) {
  const RosterTables& t = roster.tables();
  for (std::size_t i = 0; i < t.units.size(); ++i) {
    if (t.units[i].id.empty() || roster.unit_index(t.units[i].id) != static_cast<std::ptrdiff_t>(i))
      return false;
  }
  for (std::size_t i = 0; i < t.cadres.size(); ++i) {
    if (t.cadres[i].id.empty() ||
        roster.cadre_index(t.cadres[i].id) != static_cast<std::ptrdiff_t>(i))
      return false;
    if (t.units[roster.unit_index_of_cadre(i)].id != t.cadres[i].unit_id) return false;
  }
  for (std::size_t i = 0; i < t.trainings.size(); ++i) {
    if (t.cadres[roster.cadre_index_of_training(i)].id != t.trainings[i].cadre_id) return false;
  }
  for (std::size_t i = 0; i < t.pools.size(); ++i) {
    if (t.cadres[roster.cadre_index_of_pool(i)].id != t.pools[i].cadre_id) return false;
  }
  for (std::size_t u = 0; u < t.units.size(); ++u) {
    for (std::uint32_t i : roster.pools_of_unit(u)) {
      if (t.pools[i].unit_id != t.units[u].id) return false;
    }
    for (std::uint32_t i : roster.budgets_of_unit(u)) {
      if (t.budgets[i].unit_id != t.units[u].id) return false;
    }
  }
  return true;
}
#endif

}  // namespace

Roster LinkedRosterBuilder::build(RosterTables tables, RosterLinks links) {
  trim_tables(tables);
  Roster roster;
  roster.tables_ = std::move(tables);
  const RosterTables& t = roster.tables_;
  check_size(t.units.size(), "units");
  check_size(t.cadres.size(), "cadres");
  check_size(t.trainings.size(), "trainings");
  const std::size_t units = t.units.size();
  const std::size_t cadres = t.cadres.size();
  check_links(links.unit_of_cadre, cadres, units, "cadres", "units");
  check_links(links.cadre_of_training, t.trainings.size(), cadres, "trainings", "cadres");
  check_links(links.unit_of_pool, t.pools.size(), units, "pools", "units");
  check_links(links.cadre_of_pool, t.pools.size(), cadres, "pools", "cadres");
  check_links(links.unit_of_budget, t.budgets.size(), units, "budgets", "units");
  if (links.unit_by_id.size() != units || links.cadre_by_id.size() != cadres) {
    fail("units and cadres: the loader's id indices do not hold every id");
  }

  roster.unit_by_id_ = std::move(links.unit_by_id);
  roster.cadre_by_id_ = std::move(links.cadre_by_id);
  roster.cadres_by_position_.assign(all_codes<Position>().size(), {});
  for (std::size_t i = 0; i < cadres; ++i) {
    for (const PositionHolding& holding : t.cadres[i].positions) {
      auto& holders = roster.cadres_by_position_[static_cast<std::size_t>(holding.position)];
      if (holders.empty() || holders.back() != i) holders.push_back(static_cast<std::uint32_t>(i));
    }
  }
  roster.unit_of_cadre_ = std::move(links.unit_of_cadre);
  roster.cadres_by_unit_ = IndexGroups(roster.unit_of_cadre_, units);
  roster.cadre_of_training_ = std::move(links.cadre_of_training);
  roster.trainings_by_cadre_ = IndexGroups(roster.cadre_of_training_, cadres);
  roster.cadre_of_pool_ = std::move(links.cadre_of_pool);
  roster.pools_by_unit_ = IndexGroups(links.unit_of_pool, units);
  roster.budgets_by_unit_ = IndexGroups(links.unit_of_budget, units);
#ifndef NDEBUG
  const bool valid = [&] {
    try {
      roster.validate();
      return true;
    } catch (const RosterError&) {
      return false;
    }
  }();
  assert(valid && keeps_promises(roster));
#endif
  return roster;
}

}  // namespace detail

}  // namespace cadreplan::model
