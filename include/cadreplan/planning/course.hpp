/// \file course.hpp
/// \brief A course of the training catalogue: what it trains, the level it confers and
///   requires, who gives it, what it costs, how long it lasts, when it starts and how many
///   seats it has a year.
/// \ingroup planning
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <optional>
#include <string>
#include <vector>

#include "cadreplan/model/id.hpp"
#include "cadreplan/model/training.hpp"
#include "cadreplan/planning/qualification_level.hpp"

namespace cadreplan::planning {

/// One course a training provider offers (one row of `courses.csv`).
///
/// A course starts on the first day of each month listed in start_months and lasts `days`
/// calendar days, the first day included: a 5-day refresher starting on 1 March ends on
/// 5 March. Its seats are counted per calendar year of the start date.
///
/// A course is full-time unless marked part_time. A person attends one full-time course
/// and one part-time course at a time: a 5-day refresher fits inside a three-year
/// in-service degree (vừa làm vừa học), two full-time courses never share a day, and nor
/// do two part-time ones.
/// \ingroup planning
struct Course {
  model::CourseId id;                                     ///< Unique id, e.g. `LLCT-CC`.
  std::string name;                                       ///< Name for people.
  model::TrainingKind kind = model::TrainingKind::other;  ///< What it trains.
  std::string provider;                                   ///< Who gives it.
  model::Dong cost = 0;                                   ///< Cost per trainee, in đồng.
  int days = 1;  ///< Duration in calendar days (at least 1).
  /// The level it confers, in the dimension of its kind (empty: none, e.g. a refresher).
  std::optional<QualificationLevel> confers;
  /// The level a trainee must hold by the start date (`requires`; empty: none).
  std::optional<QualificationLevel> prerequisite;
  std::optional<bool> accredited;  ///< Whether the catalogue marks it accredited (empty: unknown).
  std::optional<int> capacity;     ///< Seats per calendar year (empty: unlimited).
  std::vector<int> start_months;   ///< Months (1-12, increasing) it starts in (empty: every month).
  /// Attended while working (in-service or distance study, `part_time` in `courses.csv`):
  /// it does not take the days a full-time course needs (see above). False: full-time.
  bool part_time = false;

  /// True when a session may start in \p month (1-12).
  [[nodiscard]] bool starts_in(int month) const noexcept;
  /// The last day of a session starting on \p start.
  [[nodiscard]] boost::gregorian::date end_for(boost::gregorian::date start) const {
    return start + boost::gregorian::date_duration(days - 1);
  }
  /// Courses compare member by member.
  friend bool operator==(const Course&, const Course&) = default;
};

}  // namespace cadreplan::planning
