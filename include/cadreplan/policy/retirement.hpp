/// \file retirement.hpp
/// \brief The statutory retirement age as a function of birth date and gender.
/// \ingroup policy
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <optional>

#include "cadreplan/model/cadre.hpp"

namespace cadreplan::policy {

/// One gender's retirement-age schedule: `base_months` for those reaching it in
/// `base_year`, rising `step_months` each later year up to `final_months`
/// (Labour Code 2019, Decree 135/2020/NĐ-CP).
struct RetirementStep {
  int base_year = 2021;     ///< Year the schedule starts.
  int base_months = 723;    ///< Retirement age in months in base_year (60 y 3 m).
  int step_months = 3;      ///< Added per year after base_year.
  int final_months = 744;   ///< The age the schedule stops at (62 y).

  /// Schedules compare member by member.
  friend bool operator==(const RetirementStep&, const RetirementStep&) = default;
};

/// Retirement ages for men and women. Someone of unknown gender is given the
/// earlier (women's) date, which keeps age checks on the safe side.
struct RetirementSchedule {
  RetirementStep men;  ///< Men: 60 y 3 m in 2021, +3 months a year, 62 y from 2028.
  RetirementStep women{2021, 664, 4, 720};  ///< Women: 55 y 4 m in 2021, +4 months a year, 60 y from 2035.

  /// The day a person born on \p birth reaches retirement age: the first year whose
  /// scheduled age is reached that year decides.
  [[nodiscard]] boost::gregorian::date retirement_date(
      boost::gregorian::date birth, std::optional<model::Gender> gender) const;

  /// Schedules compare member by member.
  friend bool operator==(const RetirementSchedule&, const RetirementSchedule&) = default;
};

}  // namespace cadreplan::policy
