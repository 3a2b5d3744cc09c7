/// \file position.hpp
/// \brief Positions a cadre holds, and since when.
/// \ingroup model
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <optional>

#include "cadreplan/model/code.hpp"

namespace cadreplan::model {

/// An elected or appointed position at commune level.
enum class Position {
  secretary,         ///< bí thư đảng ủy
  deputy_secretary,  ///< phó bí thư
  chairman,          ///< chủ tịch UBND
  vice_chairman,     ///< phó chủ tịch UBND
  council_chair,     ///< chủ tịch HĐND
  other,             ///< any other position
};

/// One position held by a cadre. A cadre may hold several at once (kiêm nhiệm).
struct PositionHolding {
  Position position = Position::other;            ///< The position.
  std::optional<boost::gregorian::date> since;    ///< Held from this day on (unknown: always).

  /// True when the position is held on \p day.
  [[nodiscard]] bool held_on(boost::gregorian::date day) const noexcept {
    return !since || *since <= day;
  }
  /// Holdings compare member by member.
  friend bool operator==(const PositionHolding&, const PositionHolding&) = default;
};

}  // namespace cadreplan::model
