// Building a roster whose references a loader has already resolved (a private header).
//
// Roster::build() takes tables of ids: it hashes every unit and cadre id into its indices
// and looks up every reference, then checks the pool and budget keys in sets of strings.
// The CSV loader does all of that already, row by row, because only it can name the line
// of a bad row: doing it twice was a fifth of loading a national roster. A loader that has
// found the rows hands its indices and rows over here, and the roster keeps them.
#pragma once

#include <cstdint>
#include <vector>

#include "cadreplan/model/id_index.hpp"
#include "cadreplan/model/roster.hpp"

namespace cadreplan::model::detail {

/// What a loader found while checking a roster's tables: the id indices and, for each
/// referring record, the row number of the record its id names.
struct RosterLinks {
  IdIndex<Unit> unit_by_id;                      ///< Every unit's id, each once.
  IdIndex<Cadre> cadre_by_id;                    ///< Every cadre's id, each once.
  std::vector<std::uint32_t> unit_of_cadre;      ///< Per cadre: Cadre::unit_id's row.
  std::vector<std::uint32_t> cadre_of_training;  ///< Per training: its cadre's row.
  std::vector<std::uint32_t> unit_of_pool;       ///< Per pool entry: PoolEntry::unit_id's row.
  std::vector<std::uint32_t> cadre_of_pool;      ///< Per pool entry: PoolEntry::cadre_id's row.
  std::vector<std::uint32_t> unit_of_budget;     ///< Per budget line: BudgetLine::unit_id's row.
};

/// Roster::build() for a loader that has checked the tables itself (Roster's friend).
struct LinkedRosterBuilder {
  /// A roster of \p tables indexed by \p links. The caller has checked everything
  /// Roster::build() checks: ids not empty and unique (and \p links' indices hold them
  /// all), each link the row of the id it stands for, no parent unknown or in a cycle,
  /// no training ending before it starts, no pool entry or budget line twice. Those
  /// promises are asserted in debug builds; release builds check only that every link
  /// is a row of its table, so a broken promise cannot read out of bounds.
  /// \throws RosterError for a table too large or a link out of range (a loader's bug).
  static Roster build(RosterTables tables, RosterLinks links);
};

}  // namespace cadreplan::model::detail
