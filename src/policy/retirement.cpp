#include "cadreplan/policy/retirement.hpp"

#include <algorithm>
#include <stdexcept>

#include "policy/month_arithmetic.hpp"

namespace cadreplan::policy {
namespace {

// The scheduled age (months) for those reaching retirement in `year`. Before the
// schedule starts the pre-reform age applies (one step below the base).
int scheduled_months(const RetirementStep& step, int year) noexcept {
  if (year < step.base_year) return step.base_months - step.step_months;
  const long months = step.base_months + static_cast<long>(step.step_months) * (year - step.base_year);
  return static_cast<int>(std::min<long>(months, step.final_months));
}

}  // namespace

boost::gregorian::date RetirementSchedule::retirement_date(
    boost::gregorian::date birth, std::optional<model::Gender> gender) const {
  const RetirementStep& step = gender == model::Gender::male ? men : women;
  // No scheduled age is below the youngest one, so no year before the one it is reached
  // in can decide: start there instead of at birth (every cadre is checked, often twice).
  // (A schedule that lowers the age each year has no youngest age: start at birth.)
  const int youngest = step.step_months < 0 ? 0
                       : std::min({step.base_months - step.step_months, step.base_months, step.final_months});
  const auto born = birth.year_month_day();
  const int birth_year = born.year;
  const int birth_month_index = birth_year * 12 + born.month - 1;
  const int first_year = birth_year + std::max(youngest, 0) / 12;
  // The first year whose scheduled age is reached within that year decides. The year the
  // age is reached in is the year of the month it is reached in (a day the month lacks
  // rolls over to the next month's first, never past December, which has 31 days), so
  // months are counted here and a date is made once, for the answer.
  for (int year = first_year; year <= birth_year + 120; ++year) {
    const int months = scheduled_months(step, year);
    if ((birth_month_index + months) / 12 > year) continue;
    // Not `birth + months(...)`: Boost snaps month ends (28 February 1961 + 60 y 3 m would
    // give 31 May 2021 instead of 28 May), so a retirement date moved by up to three days.
    return detail::add_months(birth, months);
  }
  throw std::logic_error("retirement schedule never reached");
}

}  // namespace cadreplan::policy
