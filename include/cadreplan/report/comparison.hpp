/// \file comparison.hpp
/// \brief Statistics now against a baseline (the start of the term), key by key.
/// \ingroup report
#pragma once

#include <cstddef>

#include "cadreplan/report/statistics.hpp"

namespace cadreplan::report {

/// A signed per-code difference of two tallies.
/// \ingroup report
template <class E>
using TallyChange = Tally<E, std::ptrdiff_t>;

/// Every figure of Statistics as current minus baseline (negative when it fell).
/// \ingroup report
struct StatisticsChange {
  std::ptrdiff_t cadres = 0;                ///< Change in Statistics::cadres.
  std::ptrdiff_t units_total = 0;           ///< Change in UnitCounts::total.
  std::ptrdiff_t units_large_minority = 0;  ///< Change in UnitCounts::large_minority.
  TallyChange<model::Position> concurrent;  ///< Change in Statistics::concurrent.
  TallyChange<model::GeneralEducation> general_education;    ///< Change per level.
  TallyChange<model::ProfessionalLevel> professional_level;  ///< Change per level.
  TallyChange<model::PoliticalTheory> political_theory;      ///< Change per level.
  TallyChange<model::StateManagement> state_management;      ///< Change per level.

  /// Changes compare member by member.
  friend bool operator==(const StatisticsChange&, const StatisticsChange&) = default;
};

/// Two Statistics side by side and their difference: "how far have qualifications risen
/// since the start of the term", the question the seed answers in words.
///
/// The two sides may come from two rosters (two snapshots) or from one roster read at two
/// dates; they are usually, but need not be, about the same position.
/// \ingroup report
struct Comparison {
  Statistics current;       ///< The figures now.
  Statistics baseline;      ///< The figures to compare against.
  StatisticsChange change;  ///< current minus baseline, per key.

  /// Comparisons compare member by member.
  friend bool operator==(const Comparison&, const Comparison&) = default;
};

/// The difference of two tallies, code by code and for unknown.
template <class E>
[[nodiscard]] TallyChange<E> difference(const Tally<E>& current, const Tally<E>& baseline) {
  TallyChange<E> change;
  for (E value : model::all_codes<E>()) {
    change.add(value, static_cast<std::ptrdiff_t>(current.count(value)) -
                          static_cast<std::ptrdiff_t>(baseline.count(value)));
  }
  change.add(std::nullopt, static_cast<std::ptrdiff_t>(current.unknown()) -
                               static_cast<std::ptrdiff_t>(baseline.unknown()));
  return change;
}

/// Puts \p current and \p baseline side by side and computes their change.
[[nodiscard]] Comparison compare(Statistics current, Statistics baseline);

}  // namespace cadreplan::report
