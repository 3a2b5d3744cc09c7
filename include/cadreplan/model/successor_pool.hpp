/// \file successor_pool.hpp
/// \brief Successor pool entries (quy hoạch): who is planned for which position.
/// \ingroup model
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <optional>

#include "cadreplan/model/id.hpp"
#include "cadreplan/model/position.hpp"
#include "cadreplan/model/term.hpp"

namespace cadreplan::model {

/// One candidate in the successor pool of a unit's position for a term.
struct PoolEntry {
  UnitId unit_id;                                  ///< The unit whose position is planned.
  Position position = Position::secretary;         ///< The position planned for.
  CadreId cadre_id;                                ///< The candidate.
  Term term = Term::from_years(2020, 2025);        ///< The term the pool is for.
  std::optional<boost::gregorian::date> added_on;  ///< When the candidate was added.

  /// Entries compare member by member.
  friend bool operator==(const PoolEntry&, const PoolEntry&) = default;
};

}  // namespace cadreplan::model
