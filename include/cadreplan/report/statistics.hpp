/// \file statistics.hpp
/// \brief The qualification structure of the cadres holding a position on a date.
/// \ingroup report
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstddef>
#include <optional>
#include <vector>

#include "cadreplan/model/code.hpp"
#include "cadreplan/model/position.hpp"
#include "cadreplan/model/qualification.hpp"
#include "cadreplan/model/roster.hpp"

/// \defgroup report Reports
/// \brief Statistics of the cadre force and how they changed since a baseline.

/// Reports computed from a roster: statistics and comparisons.
namespace cadreplan::report {

/// How many cadres have each value of the code enum \p E, and how many have it unknown.
///
/// A tally is indexed by the enum itself, so counting is an array increment and never a
/// string compare. \p Count is `std::size_t` for counts and a signed type for differences
/// (see Comparison).
/// \ingroup report
template <class E, class Count = std::size_t>
class Tally {
 public:
  /// A tally with every count at zero.
  Tally() : counts_(model::all_codes<E>().size(), Count{}) {}

  /// The count of \p value.
  [[nodiscard]] Count count(E value) const noexcept { return counts_[index(value)]; }
  /// The count of cadres whose value is unknown (an empty cell in the roster).
  [[nodiscard]] Count unknown() const noexcept { return unknown_; }
  /// The sum of every count, unknown included.
  [[nodiscard]] Count total() const noexcept {
    Count sum = unknown_;
    for (Count count : counts_) sum += count;
    return sum;
  }

  /// Adds \p amount to the count of \p value (to unknown() when \p value is empty).
  void add(std::optional<E> value, Count amount = Count{1}) noexcept {
    if (value) {
      counts_[index(*value)] += amount;
    } else {
      unknown_ += amount;
    }
  }

  /// Adds every count of \p other to this tally's (to combine partial counts).
  Tally& operator+=(const Tally& other) noexcept {
    for (std::size_t i = 0; i < counts_.size(); ++i) counts_[i] += other.counts_[i];
    unknown_ += other.unknown_;
    return *this;
  }
  /// Tallies compare count by count.
  friend bool operator==(const Tally&, const Tally&) = default;

 private:
  static std::size_t index(E value) noexcept { return static_cast<std::size_t>(value); }

  std::vector<Count> counts_;
  Count unknown_{};
};

/// What to count: the holders of which position, on which day, in which units.
/// \ingroup report
struct StatisticsQuery {
  boost::gregorian::date as_of;                           ///< The day the roster is read as of.
  model::Position position = model::Position::secretary;  ///< The position whose holders count.
  bool all_units = false;  ///< Count every unit, not only the commune-level ones.

  /// Queries compare member by member.
  friend bool operator==(const StatisticsQuery&, const StatisticsQuery&) = default;
};

/// The units a Statistics covers.
/// \ingroup report
struct UnitCounts {
  std::size_t total = 0;           ///< Units in scope (commune level, or all with all_units).
  std::size_t large_minority = 0;  ///< Of those, the units with a large minority population.

  /// Unit counts compare member by member.
  friend bool operator==(const UnitCounts&, const UnitCounts&) = default;
};

/// The figures of FORMATS.md's `cadreplan stats`: how many cadres hold the position as of
/// the date in the units in scope, and how their qualifications are distributed.
///
/// These are the figures the seed quotes ("107/109 upper secondary") and point 2 of the
/// policy asks the Organization Committee to produce at any date.
/// \ingroup report
struct Statistics {
  StatisticsQuery query;   ///< What was counted.
  std::size_t cadres = 0;  ///< Cadres holding query.position on query.as_of in scope.
  UnitCounts units;        ///< The units in scope.
  /// For every other position, how many of these cadres also hold it on the day
  /// (kiêm nhiệm). The count of query.position itself is always 0; unknown() is unused.
  Tally<model::Position> concurrent;
  Tally<model::GeneralEducation> general_education;    ///< General education.
  Tally<model::ProfessionalLevel> professional_level;  ///< Professional qualification level.
  /// Political theory. A bachelor of politics ranks as advanced, so it is counted under
  /// `advanced` (the seed's "cao cấp và tương đương"); count(bachelor) is always 0.
  Tally<model::PoliticalTheory> political_theory;
  Tally<model::StateManagement> state_management;  ///< State management level.

  /// Statistics compare member by member.
  friend bool operator==(const Statistics&, const Statistics&) = default;
};

/// Counts the cadres of \p roster holding \p query.position on \p query.as_of in the
/// commune-level units (every unit with \p query.all_units).
///
/// A holding whose `since` is after the date does not count. Runs in time linear in the
/// number of units and cadres (it walks the roster's position index, not every cadre).
/// With \p jobs above 1 (0: one per hardware thread) the holders are counted by that many
/// threads, each over a share of them; the result is the same whatever the number.
[[nodiscard]] Statistics compute_statistics(const model::Roster& roster,
                                            const StatisticsQuery& query, unsigned jobs = 1);

}  // namespace cadreplan::report
