// Calendar-month arithmetic for the policy rules (a private header).
//
// Boost's `date + months(n)` snaps a month's last day to the last day of the target
// month (30 April + 3 months = 31 July; 28 February 1961 + 723 months = 31 May 2021),
// which moves statutory dates and deadlines by up to three days. These helpers keep the
// day of the month instead.
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>

namespace cadreplan::policy::detail {

/// \p day moved by \p months calendar months (negative: back), keeping its day of the
/// month. A day the target month lacks (31 September, 29 February in a common year)
/// rolls over to the first of the next month, as model::age_on() has someone born on
/// 29 February turn a year older on 1 March in common years.
[[nodiscard]] inline boost::gregorian::date add_months(boost::gregorian::date day, int months) {
  using boost::gregorian::date;
  const auto ymd = day.year_month_day();  // split once: year(), month(), day() each split it
  const int index = static_cast<int>(ymd.year) * 12 + static_cast<int>(ymd.month) - 1 + months;
  const auto year = static_cast<unsigned short>(index / 12);
  const auto month = static_cast<unsigned short>(index % 12 + 1);
  const unsigned short last = boost::gregorian::gregorian_calendar::end_of_month_day(year, month);
  if (ymd.day <= last) return date(year, month, ymd.day);
  return date(year, month, last) + boost::gregorian::days(1);
}

/// Whole calendar months from \p from to \p to (negative when \p to is earlier): a
/// month counts once its day of the month is reached, as in "12 months in post".
[[nodiscard]] inline int months_between(boost::gregorian::date from, boost::gregorian::date to) {
  const auto start = from.year_month_day();
  const auto end = to.year_month_day();
  int months = (end.year - start.year) * 12 + (end.month - start.month);
  if (end.day < start.day) --months;
  return months;
}

}  // namespace cadreplan::policy::detail
