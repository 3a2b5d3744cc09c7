// Building a roster whose references are already row numbers (a private header).
//
// Roster::build() takes tables of ids: it hashes every unit and cadre id into its indices
// and looks every reference up again, 5.5 million lookups at national scale. Loaders know
// the rows already: an archive (format version 2) stores every reference as the row of
// the record it names, and the CSV loader finds each row while checking the reference,
// where only it can name the line of a bad one. Either hands the rows over here, and the
// roster keeps them as its indices. The CSV loader also hands over its id indices, so that
// no id is hashed twice; an archive's ids are indexed here, once per unit and cadre.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "cadreplan/model/id_index.hpp"
#include "cadreplan/model/roster.hpp"

namespace cadreplan::model::detail {

/// The row of a unit without a parent in RosterRows::parent_of_unit.
inline constexpr std::uint32_t no_parent_row = 0xFFFF'FFFFU;

/// Every reference of a RosterTables as the row number of the record it names, one entry
/// per record of the referring table.
struct RosterRows {
  std::vector<std::uint32_t> parent_of_unit;     ///< Unit::parent_id, or no_parent_row.
  std::vector<std::uint32_t> unit_of_cadre;      ///< Cadre::unit_id.
  std::vector<std::uint32_t> cadre_of_training;  ///< TrainingRecord::cadre_id.
  std::vector<std::uint32_t> unit_of_pool;       ///< PoolEntry::unit_id.
  std::vector<std::uint32_t> cadre_of_pool;      ///< PoolEntry::cadre_id.
  std::vector<std::uint32_t> unit_of_budget;     ///< BudgetLine::unit_id.
  /// Per position code, the cadres holding it at any date, in cadre order (what
  /// Roster::cadres_with_position() returns), when the loader built it while reading the
  /// positions; nothing to have finish() build it from the cadres' records.
  std::optional<std::vector<std::vector<std::uint32_t>>> cadres_by_position;
  /// The index of the units' ids, when the loader built it while checking that each id is
  /// neither empty nor repeated; nothing to have place() build it. It must hold every row.
  std::optional<IdIndex<Unit>> unit_by_id;
  /// The index of the cadres' ids, as unit_by_id.
  std::optional<IdIndex<Cadre>> cadre_by_id;
};

/// Validates and indexes a roster's tables (Roster's friend). Roster::build() is place(),
/// resolve(), check_records(), finish(); build() here is place(), check_rows(), finish().
struct RosterAssembly {
  /// Roster::build() for tables whose references are also given as \p rows. Checks what
  /// spans records as Roster::build() does, except that a reference is a row checked to
  /// be in range instead of an id looked up: ids unique and not empty, rows in range, no
  /// parent cycle, no pool entry or budget line twice.
  ///
  /// The loader checks each record on its own as it reads it, where its columns are in
  /// the cache and its messages can name the archive's field: here the records must
  /// already be valid (no training ends before it starts), and each id copy in \p tables
  /// (Cadre::unit_id, ...) must be the id of the row \p rows gives for it; both are
  /// asserted, a failure being the loader's bug, not bad input.
  /// \throws RosterError naming the table, the record and the value.
  static Roster build(RosterTables tables, RosterRows rows);

  /// A roster holding \p tables (trimmed), their sizes checked and their ids indexed:
  /// by \p unit_by_id and \p cadre_by_id when given (a loader's, checked to hold as many
  /// rows as their tables), else here.
  /// \throws RosterError for a table too large, an empty or a repeated id, or an index
  /// given that does not hold every row of its table (a loader's bug).
  static Roster place(RosterTables tables, std::optional<IdIndex<Unit>> unit_by_id = {},
                      std::optional<IdIndex<Cadre>> cadre_by_id = {});
  /// The rows of the references of \p roster (placed), found through their ids.
  /// \throws RosterError for an id that names no record.
  static RosterRows resolve(const Roster& roster);
  /// Checks that \p rows has one row per referring record, each in range.
  /// \throws RosterError naming the table, the record and the row.
  static void check_rows(const Roster& roster, const RosterRows& rows);
  /// Checks each record of \p roster (placed) on its own.
  /// \throws RosterError for a training that ends before it starts.
  static void check_records(const Roster& roster);
  /// Indexes \p roster (placed) by \p rows (checked) and validates what spans records.
  /// \throws RosterError for a parent cycle, a pool entry or a budget line given twice.
  static void finish(Roster& roster, RosterRows rows);
};

}  // namespace cadreplan::model::detail
