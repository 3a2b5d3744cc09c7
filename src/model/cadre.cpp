#include "cadreplan/model/cadre.hpp"

#include <algorithm>

namespace cadreplan::model {

int age_on(boost::gregorian::date birth, boost::gregorian::date day) {
  // Each date split once: year(), month() and day() each split the day number again.
  const auto born = birth.year_month_day();
  const auto on = day.year_month_day();
  int years = on.year - born.year;
  // Compare (month, day) pairs rather than building the birthday in `day`'s year,
  // which does not exist for 29 February in common years.
  const int birth_key = born.month * 100 + born.day;
  const int day_key = on.month * 100 + on.day;
  if (day_key < birth_key) --years;
  return std::max(years, 0);
}

std::size_t Cadre::positions_held(boost::gregorian::date day) const noexcept {
  return static_cast<std::size_t>(
      std::count_if(positions.begin(), positions.end(),
                     [&](const PositionHolding& holding) { return holding.held_on(day); }));
}

}  // namespace cadreplan::model
