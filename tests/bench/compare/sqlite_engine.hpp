// The roster in an in-memory SQLite database, one table per CSV file of FORMATS.md, and the
// subset's rules and `stats` as SQL queries.
#pragma once

#include <cstddef>

#include "cadreplan/model/roster.hpp"
#include "outcome.hpp"

struct sqlite3;

namespace cadreplan::bench::compare {

/// An in-memory SQLite database holding one roster and the profile's tables.
class SqliteRoster {
 public:
  SqliteRoster();
  ~SqliteRoster();
  SqliteRoster(const SqliteRoster&) = delete;
  SqliteRoster& operator=(const SqliteRoster&) = delete;

  /// Creates the tables, inserts \p roster and \p parameters' profile tables in one
  /// transaction, then builds the indexes and runs ANALYZE for the query planner.
  void load(const model::Roster& roster, const SubsetParameters& parameters);
  /// Runs the rules' and `stats`' queries, stepping through every finding row.
  [[nodiscard]] Outcome evaluate(const SubsetParameters& parameters) const;
  /// Bytes SQLite holds (every database of the process).
  [[nodiscard]] static std::size_t memory_used();

 private:
  sqlite3* db_ = nullptr;
};

}  // namespace cadreplan::bench::compare
