#include "cadreplan/policy/retirement.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "roster_builder.hpp"

namespace cadreplan::policy {
namespace {

using boost::gregorian::date;
using model::Gender;

TEST(RetirementSchedule, MenBeforeTheReformRetireAtSixty) {
  const RetirementSchedule schedule;
  // Reaches 60 in 2020, the year before the schedule starts.
  EXPECT_EQ(schedule.retirement_date(date(1960, 5, 15), Gender::male), date(2020, 5, 15));
}

TEST(RetirementSchedule, MenRiseThreeMonthsAYearToSixtyTwo) {
  const RetirementSchedule schedule;
  EXPECT_EQ(schedule.retirement_date(date(1961, 1, 15), Gender::male), date(2021, 4, 15));  // 60 y 3 m
  EXPECT_EQ(schedule.retirement_date(date(1962, 3, 10), Gender::male), date(2022, 9, 10));  // 60 y 6 m
  EXPECT_EQ(schedule.retirement_date(date(1966, 1, 1), Gender::male), date(2027, 10, 1));   // 61 y 9 m
  EXPECT_EQ(schedule.retirement_date(date(1970, 6, 20), Gender::male), date(2032, 6, 20));  // 62, final
}

TEST(RetirementSchedule, WomenRiseFourMonthsAYearToSixty) {
  const RetirementSchedule schedule;
  EXPECT_EQ(schedule.retirement_date(date(1964, 3, 1), Gender::female), date(2019, 3, 1));   // 55, pre-reform
  EXPECT_EQ(schedule.retirement_date(date(1966, 1, 10), Gender::female), date(2021, 5, 10)); // 55 y 4 m
  EXPECT_EQ(schedule.retirement_date(date(1970, 1, 1), Gender::female), date(2027, 5, 1));   // 57 y 4 m
  EXPECT_EQ(schedule.retirement_date(date(1980, 1, 1), Gender::female), date(2040, 1, 1));   // 60, final
}

TEST(RetirementSchedule, UnknownGenderUsesTheEarlierWomensDate) {
  const RetirementSchedule schedule;
  const date birth(1970, 1, 1);
  EXPECT_EQ(schedule.retirement_date(birth, std::nullopt), date(2027, 5, 1));
  EXPECT_LT(schedule.retirement_date(birth, std::nullopt),
            schedule.retirement_date(birth, Gender::male));
}

TEST(RetirementSchedule, LeapDayBirthsKeepTheirDayInLongerMonths) {
  const RetirementSchedule schedule;
  // Born 29 February 1964: 61 y 3 m in 2025 is 29 May, not the end of May.
  EXPECT_EQ(schedule.retirement_date(date(1964, 2, 29), Gender::male), date(2025, 5, 29));
  // Born 29 February 1980 (a woman): 60 years exactly, reached in a leap year.
  EXPECT_EQ(schedule.retirement_date(date(1980, 2, 29), Gender::female), date(2040, 2, 29));
}

TEST(RetirementSchedule, LeapDayBirthsReachAWholeYearAgeOnFirstMarchInCommonYears) {
  // The same convention as model::age_on: a year older on 1 March in common years.
  RetirementSchedule schedule;
  schedule.men = RetirementStep{2021, 720, 0, 720};  // a flat 60 years
  EXPECT_EQ(schedule.retirement_date(date(1964, 2, 29), Gender::male), date(2024, 2, 29));
  schedule.men = RetirementStep{2021, 721, 0, 721};  // 60 years 1 month from 28 February: 28 March
  EXPECT_EQ(schedule.retirement_date(date(1965, 2, 28), Gender::male), date(2025, 3, 28));
  schedule.men = RetirementStep{2021, 732, 0, 732};  // 61 years from a leap day: 1 March
  EXPECT_EQ(schedule.retirement_date(date(1964, 2, 29), Gender::male), date(2025, 3, 1));
}

TEST(RetirementSchedule, MonthEndBirthsAreNotPushedToTheMonthEnd) {
  const RetirementSchedule schedule;
  // 30 April 1961 + 60 y 3 m = 30 July 2021 (July has 31 days: no snapping to the 31st).
  EXPECT_EQ(schedule.retirement_date(date(1961, 4, 30), Gender::male), date(2021, 7, 30));
  // 28 February 1961 + 60 y 3 m = 28 May 2021.
  EXPECT_EQ(schedule.retirement_date(date(1961, 2, 28), Gender::male), date(2021, 5, 28));
  // 31 May 1966 (a woman) + 55 y 4 m (2021) = 31 September, which does not exist: 1 October.
  EXPECT_EQ(schedule.retirement_date(date(1966, 5, 31), Gender::female), date(2021, 10, 1));
}

TEST(RetirementSchedule, TheDefaultProfileCarriesTheStatutorySchedule) {
  const auto& retirement = testing::default_profile().retirement;
  EXPECT_EQ(retirement.men, (RetirementStep{2021, 723, 3, 744}));
  EXPECT_EQ(retirement.women, (RetirementStep{2021, 664, 4, 720}));
}

TEST(RetirementSchedule, ACustomScheduleIsFollowed) {
  RetirementSchedule schedule;
  schedule.women = RetirementStep{2030, 600, 12, 660};  // 50 in 2030, +1 year a year, to 55
  // Before the schedule starts, one step below the base (49 years) applies.
  EXPECT_EQ(schedule.retirement_date(date(1975, 3, 3), Gender::female), date(2024, 3, 3));
  // Born 1981: each year's age is reached only the next year, until the final 55.
  EXPECT_EQ(schedule.retirement_date(date(1981, 6, 1), Gender::female), date(2036, 6, 1));
  EXPECT_EQ(schedule.retirement_date(date(1985, 3, 3), Gender::female), date(2040, 3, 3));
}

}  // namespace
}  // namespace cadreplan::policy

namespace cadreplan::policy {
namespace {

// The rule as the decree states it, year by year from birth: the first year whose
// scheduled age is reached within that year decides. The library starts its search
// later; it must land on the same day.
boost::gregorian::date reference_retirement(const RetirementStep& step, boost::gregorian::date birth) {
  for (int year = birth.year();; ++year) {
    int months = year < step.base_year ? step.base_months - step.step_months
                                       : step.base_months + step.step_months * (year - step.base_year);
    months = std::min(months, step.final_months);
    const int total = birth.month() - 1 + months;
    const auto reached_year = static_cast<unsigned short>(birth.year() + total / 12);
    const auto month = static_cast<unsigned short>(total % 12 + 1);
    const auto last = boost::gregorian::gregorian_calendar::end_of_month_day(reached_year, month);
    // A day the month lacks (29 February in a common year) rolls to the next month's first.
    const boost::gregorian::date reached =
        birth.day() <= last ? boost::gregorian::date(reached_year, month, birth.day())
                            : boost::gregorian::date(reached_year, month, last) + boost::gregorian::days(1);
    if (reached.year() <= year) return reached;
  }
}

TEST(RetirementSchedule, AgreesWithTheYearByYearRuleForEveryBirthMonth) {
  const std::vector<RetirementStep> steps = {
      RetirementStep{},                    // men: 60 y 3 m from 2021, +3 m a year, to 62
      RetirementStep{2021, 664, 4, 720},   // women: 55 y 4 m, +4 m a year, to 60
      RetirementStep{2030, 600, 0, 600},   // flat 50: no reform at all
      RetirementStep{1990, 700, 12, 800},  // a year a year: the schedule outruns birthdays
  };
  for (const auto& step : steps) {
    RetirementSchedule schedule;
    schedule.men = step;
    for (int year = 1930; year <= 2000; ++year) {
      for (int month = 1; month <= 12; ++month) {
        for (int day : {1, 15, 28, 29, 31}) {
          if (day > boost::gregorian::gregorian_calendar::end_of_month_day(
                        static_cast<unsigned short>(year), static_cast<unsigned short>(month))) {
            continue;
          }
          const boost::gregorian::date birth(static_cast<unsigned short>(year),
                                             static_cast<unsigned short>(month),
                                             static_cast<unsigned short>(day));
          ASSERT_EQ(schedule.retirement_date(birth, model::Gender::male), reference_retirement(step, birth))
              << "born " << birth << ", base " << step.base_months << " months";
        }
      }
    }
  }
}

}  // namespace
}  // namespace cadreplan::policy
