/// \file roster.hpp
/// \brief The roster: every unit, cadre, training, pool entry and budget line, indexed.
/// \ingroup model
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstdint>
#include <functional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "cadreplan/model/budget.hpp"
#include "cadreplan/model/cadre.hpp"
#include "cadreplan/model/id_index.hpp"
#include "cadreplan/model/successor_pool.hpp"
#include "cadreplan/model/training.hpp"
#include "cadreplan/model/unit.hpp"

namespace cadreplan::model {

namespace detail {
struct RosterAssembly;
}  // namespace detail

/// A roster that breaks an integrity rule: a duplicate id, a reference that does not
/// resolve, an impossible span. The message names the table, the record and the value.
class RosterError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// The tables a roster is made of, as plain vectors (what loaders fill in).
struct RosterTables {
  std::vector<Unit> units;                ///< units.csv
  std::vector<Cadre> cadres;              ///< cadres.csv
  std::vector<TrainingRecord> trainings;  ///< trainings.csv
  std::vector<PoolEntry> pools;           ///< pools.csv
  std::vector<BudgetLine> budgets;        ///< budgets.csv

  /// Tables compare member by member, in order.
  friend bool operator==(const RosterTables&, const RosterTables&) = default;
};

/// Groups of record indices (compressed rows): the members of group `g` are
/// `members[offsets[g] .. offsets[g+1])`. One allocation for all groups, so a
/// million cadres cost two integer arrays, not a million vectors.
class IndexGroups {
 public:
  /// Builds the groups from each record's group number (`group_of[i] < group_count`).
  IndexGroups(std::span<const std::uint32_t> group_of, std::size_t group_count);
  IndexGroups() = default;
  /// The indices in group \p group, in increasing order.
  [[nodiscard]] std::span<const std::uint32_t> operator[](std::size_t group) const noexcept {
    if (group + 1 >= offsets_.size()) return {};
    return std::span<const std::uint32_t>(members_).subspan(offsets_[group],
                                                            offsets_[group + 1] - offsets_[group]);
  }
  /// The number of groups.
  [[nodiscard]] std::size_t size() const noexcept {
    return offsets_.empty() ? 0 : offsets_.size() - 1;
  }

 private:
  std::vector<std::uint32_t> offsets_;
  std::vector<std::uint32_t> members_;
};

/// An immutable, validated roster with indices by id, by unit and by position.
///
/// Build one with Roster::build(); it checks that ids are unique and that every
/// reference resolves, so code that reads a roster never meets a dangling id.
/// To change a roster, take its tables(), edit them and build again.
class Roster {
 public:
  /// An empty roster.
  Roster() = default;

  /// Validates \p tables and indexes them (tables with much spare capacity are trimmed).
  /// \throws RosterError naming the first integrity violation found.
  static Roster build(RosterTables tables);

  /// All tables, in the order they were given.
  [[nodiscard]] const RosterTables& tables() const noexcept { return tables_; }
  /// The units.
  [[nodiscard]] std::span<const Unit> units() const noexcept { return tables_.units; }
  /// The cadres.
  [[nodiscard]] std::span<const Cadre> cadres() const noexcept { return tables_.cadres; }
  /// The training records.
  [[nodiscard]] std::span<const TrainingRecord> trainings() const noexcept {
    return tables_.trainings;
  }
  /// The successor pool entries.
  [[nodiscard]] std::span<const PoolEntry> pools() const noexcept { return tables_.pools; }
  /// The budget lines.
  [[nodiscard]] std::span<const BudgetLine> budgets() const noexcept { return tables_.budgets; }

  /// The unit with id \p id, or null.
  [[nodiscard]] const Unit* find_unit(const UnitId& id) const noexcept;
  /// The cadre with id \p id, or null.
  [[nodiscard]] const Cadre* find_cadre(const CadreId& id) const noexcept;
  /// Index of unit \p id in units(), or -1.
  [[nodiscard]] std::ptrdiff_t unit_index(const UnitId& id) const noexcept;
  /// Index of cadre \p id in cadres(), or -1.
  [[nodiscard]] std::ptrdiff_t cadre_index(const CadreId& id) const noexcept;

  /// Index in cadres() of \p cadre: found by its address when it is one of cadres()
  /// (no hashing), by its id otherwise; -1 when the roster has no such cadre.
  /// (Inline: rules ask it of every cadre several times.)
  [[nodiscard]] std::ptrdiff_t index_of(const Cadre& cadre) const noexcept {
    return index_in(tables_.cadres, cadre, [this](const Cadre& other) { return cadre_index(other.id); });
  }
  /// Index in units() of \p unit, the same way; -1 when the roster has no such unit.
  [[nodiscard]] std::ptrdiff_t index_of(const Unit& unit) const noexcept {
    return index_in(tables_.units, unit, [this](const Unit& other) { return unit_index(other.id); });
  }
  /// Index in units() of cadre number \p cadre_index's unit.
  [[nodiscard]] std::uint32_t unit_index_of_cadre(std::size_t cadre_index) const noexcept {
    return unit_of_cadre_[cadre_index];
  }
  /// Index in cadres() of the cadre of training record number \p training_index.
  [[nodiscard]] std::uint32_t cadre_index_of_training(std::size_t training_index) const noexcept {
    return cadre_of_training_[training_index];
  }
  /// Index in cadres() of the cadre of pool entry number \p pool_index.
  [[nodiscard]] std::uint32_t cadre_index_of_pool(std::size_t pool_index) const noexcept {
    return cadre_of_pool_[pool_index];
  }

  /// Indices (into cadres()) of the cadres working in unit number \p unit_index.
  [[nodiscard]] std::span<const std::uint32_t> cadres_of_unit(std::size_t unit_index) const noexcept {
    return cadres_by_unit_[unit_index];
  }
  /// Indices of the cadres with any holding of \p position, whatever its date.
  [[nodiscard]] std::span<const std::uint32_t> cadres_with_position(Position position) const noexcept {
    const auto index = static_cast<std::size_t>(position);
    if (index >= cadres_by_position_.size()) return {};  // a default-constructed roster
    return cadres_by_position_[index];
  }
  /// Indices (into trainings()) of cadre number \p cadre_index's training records.
  [[nodiscard]] std::span<const std::uint32_t> trainings_of_cadre(std::size_t cadre_index) const noexcept {
    return trainings_by_cadre_[cadre_index];
  }
  /// Indices (into pools()) of the pool entries of unit number \p unit_index.
  [[nodiscard]] std::span<const std::uint32_t> pools_of_unit(std::size_t unit_index) const noexcept {
    return pools_by_unit_[unit_index];
  }
  /// Indices (into budgets()) of the budget lines of unit number \p unit_index.
  [[nodiscard]] std::span<const std::uint32_t> budgets_of_unit(std::size_t unit_index) const noexcept {
    return budgets_by_unit_[unit_index];
  }

  /// The cadres holding \p position on \p day, in roster order.
  [[nodiscard]] std::vector<const Cadre*> holders(Position position,
                                                  boost::gregorian::date day) const;

  /// Rosters compare by their tables.
  friend bool operator==(const Roster& a, const Roster& b) { return a.tables_ == b.tables_; }

 private:
  // Validates and indexes tables (src/model/roster_assembly.hpp): Roster::build() after
  // resolving ids, and loaders whose references are already row numbers (an archive's).
  friend struct detail::RosterAssembly;

  // The index of \p record in \p table by its address, else \p by_id's answer. Compared
  // with std::less: a record from elsewhere is not in the table's array.
  template <class Record, class ById>
  static std::ptrdiff_t index_in(const std::vector<Record>& table, const Record& record, ById by_id) noexcept {
    const Record* first = table.data();
    if (std::less<>{}(&record, first) || !std::less<>{}(&record, first + table.size())) return by_id(record);
    return &record - first;
  }

  RosterTables tables_;
  IdIndex<Unit> unit_by_id_;
  IdIndex<Cadre> cadre_by_id_;
  std::vector<std::uint32_t> unit_of_cadre_;      // cadre index -> unit index
  std::vector<std::uint32_t> cadre_of_training_;  // training index -> cadre index
  std::vector<std::uint32_t> cadre_of_pool_;      // pool entry index -> cadre index
  IndexGroups cadres_by_unit_;
  std::vector<std::vector<std::uint32_t>> cadres_by_position_;
  IndexGroups trainings_by_cadre_;
  IndexGroups pools_by_unit_;
  IndexGroups budgets_by_unit_;
};

}  // namespace cadreplan::model
