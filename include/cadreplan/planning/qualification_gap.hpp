/// \file qualification_gap.hpp
/// \brief How far a cadre's qualifications fall short of a position's standard, dimension
///   by dimension: what the planner closes and readiness is judged on.
/// \ingroup planning
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <optional>
#include <vector>

#include "cadreplan/model/cadre.hpp"
#include "cadreplan/model/position.hpp"
#include "cadreplan/planning/qualification_level.hpp"
#include "cadreplan/policy/position_standard.hpp"
#include "cadreplan/policy/profile.hpp"

namespace cadreplan::planning {

/// One dimension in which a cadre is below the minimum.
/// \ingroup planning
struct DimensionGap {
  QualificationLevel held;      ///< The level held (a recorded one: unknown is not a gap).
  QualificationLevel required;  ///< The minimum.

  /// The dimension.
  [[nodiscard]] Dimension dimension() const noexcept { return required.dimension(); }
  /// How many ranks are missing (at least 1).
  [[nodiscard]] int steps() const noexcept { return required.rank() - held.rank(); }
  /// Gaps compare member by member.
  friend bool operator==(const DimensionGap&, const DimensionGap&) = default;
};

/// A cadre's qualifications against a set of minima.
/// \ingroup planning
struct QualificationGap {
  /// The dimensions with a minimum that the cadre's recorded level does not reach, in
  /// Dimension order.
  std::vector<DimensionGap> shortfalls;
  /// The dimensions with a minimum but no recorded level: unknown, so neither met nor
  /// missed (as the standard rules treat them).
  std::vector<Dimension> unknown;

  /// True when no recorded level is below its minimum.
  [[nodiscard]] bool met() const noexcept { return shortfalls.empty(); }
  /// The ranks missing over every dimension: the size of the gap the planner orders by.
  [[nodiscard]] int steps() const noexcept;
  /// The shortfall in \p dimension, or null.
  [[nodiscard]] const DimensionGap* in(Dimension dimension) const noexcept;
  /// Gaps compare member by member.
  friend bool operator==(const QualificationGap&, const QualificationGap&) = default;
};

/// The gap between \p cadre's recorded levels and \p minima.
[[nodiscard]] QualificationGap qualification_gap(const model::Cadre& cadre,
                                                 const policy::EffectiveMinima& minima);

/// The standard of \p position in force on \p day under \p profile; null when the profile
/// has no standard for the position at all.
/// \throws std::invalid_argument when the profile has standards for \p position but none in
///   force on \p day (a gap in the profile is an error, never a silent pass).
[[nodiscard]] const policy::PositionStandard* standard_in_force(const policy::Profile& profile,
                                                                model::Position position,
                                                                boost::gregorian::date day);

}  // namespace cadreplan::planning
