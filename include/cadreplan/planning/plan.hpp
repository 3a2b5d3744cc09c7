/// \file plan.hpp
/// \brief A term's training plan: who takes which course when, at what cost and to resolve
///   what; what could not be planned and what would fix it; the money used per year.
/// \ingroup planning
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cadreplan/model/id.hpp"
#include "cadreplan/model/interned_string.hpp"
#include "cadreplan/model/position.hpp"
#include "cadreplan/model/term.hpp"
#include "cadreplan/model/training.hpp"

namespace cadreplan::planning {

/// Why a cadre is in the plan.
/// \ingroup planning
enum class SubjectRole {
  secretary,  ///< Holds the secretary post in a commune-level unit during the term.
  candidate,  ///< Is in a successor pool of a commune-level unit for the term or the next.
};

/// The English code of a role (`"secretary"`, `"candidate"`).
[[nodiscard]] std::string_view to_code(SubjectRole role) noexcept;

/// A cadre the plan covers, in the order the planner served them.
/// \ingroup planning
struct PlanSubject {
  model::CadreId cadre_id;                    ///< The cadre.
  model::UnitId unit_id;                      ///< The unit whose post they hold or are planned for.
  SubjectRole role = SubjectRole::secretary;  ///< Sitting secretary or pool candidate.
  model::Position position = model::Position::secretary;  ///< The post whose standard applies.
  int gap_steps = 0;  ///< Ranks missing against that standard at the term's end, before the plan.
  /// The last day the cadre may train in the term: the term's last day, or the day before
  /// their retirement (policy::RetirementSchedule) if earlier.
  boost::gregorian::date available_until;

  /// Subjects compare member by member.
  friend bool operator==(const PlanSubject&, const PlanSubject&) = default;
};

/// One enrolment: a cadre in one session of one course.
/// \ingroup planning
struct Enrolment {
  model::CadreId cadre_id;  ///< Who.
  model::UnitId unit_id;    ///< The subject's unit (PlanSubject::unit_id).
  model::CourseId course;   ///< Which course.
  model::TrainingKind kind = model::TrainingKind::other;  ///< What the course trains.
  int year = 0;                       ///< The budget year: the start date's year.
  boost::gregorian::date start_date;  ///< First day.
  boost::gregorian::date end_date;    ///< Last day.
  std::string provider;               ///< Who gives it.
  model::Dong cost = 0;               ///< Charged in full to `year`.
  /// The course is part-time (Course::part_time): another of the person's enrolments, a
  /// full-time one, may fall within its days.
  bool part_time = false;
  /// The rules whose findings it resolves or helps resolve (every step of a chain of
  /// courses, e.g. intermediate then advanced political theory, lists the standard).
  /// Interned: a national plan repeats a handful of rule ids over some 350 thousand
  /// enrolments.
  std::vector<model::InternedString> resolves;

  /// Enrolments compare member by member.
  friend bool operator==(const Enrolment&, const Enrolment&) = default;
};

/// Why something could not be planned.
/// \ingroup planning
enum class UnresolvedReason {
  budget,     ///< A session fits, but the year's budget does not cover it.
  capacity,   ///< A session fits, but its seats for the year are taken.
  no_course,  ///< The catalogue has no (accredited) course or chain of courses for it.
  time,       ///< No session fits before the term's end or retirement, around the cadre's
              ///< other courses and yearly refreshers.
};

/// The English code of a reason (`"budget"`, `"capacity"`, `"no_course"`, `"time"`).
[[nodiscard]] std::string_view to_code(UnresolvedReason reason) noexcept;

/// A requirement the plan could not meet, with the reason and what would fix it.
/// \ingroup planning
struct Unresolved {
  model::CadreId cadre_id;  ///< Who.
  model::UnitId unit_id;    ///< The subject's unit.
  /// The rule left failing, e.g. `standard.political_theory` (interned: a national plan
  /// has close to a million items and a handful of rules).
  model::InternedString rule;
  UnresolvedReason reason = UnresolvedReason::no_course;  ///< Why.
  std::optional<int> year;  ///< The year, for yearly requirements (the refresher).
  /// Extra money that would let it be planned as the plan stands: over the years a
  /// schedule ignoring the budget would use, what each year lacks (0 unless `budget`, or
  /// `capacity` with money short as well).
  model::Dong money = 0;
  /// Extra seats that would let it be planned (0 unless `capacity`).
  int seats = 0;
  /// The first course of the cheapest way to meet it (empty with `no_course`).
  model::CourseId course;

  /// Items compare member by member.
  friend bool operator==(const Unresolved&, const Unresolved&) = default;
};

/// The money of one budget year.
/// \ingroup planning
struct YearBudget {
  int year = 0;               ///< Calendar year.
  model::Dong allocated = 0;  ///< Available for the plan.
  model::Dong used = 0;       ///< Spent by the plan's enrolments starting that year.

  /// Years compare member by member.
  friend bool operator==(const YearBudget&, const YearBudget&) = default;
};

/// A term's training plan (planning::make_plan()).
/// \ingroup planning
struct Plan {
  model::Term term = model::Term::from_years(2020, 2025);  ///< The term planned.
  std::vector<YearBudget> budgets;    ///< Every calendar year the term touches, in order.
  std::vector<PlanSubject> subjects;  ///< Who the plan covers, in priority order.
  /// The enrolments, ordered by start date, cadre id and course id.
  std::vector<Enrolment> enrolments;
  /// What could not be planned, ordered by cadre id, rule and year.
  std::vector<Unresolved> unresolved;

  /// The total cost of the enrolments.
  [[nodiscard]] model::Dong total_cost() const noexcept;
  /// The budget line of \p year, or null when the term does not touch it.
  [[nodiscard]] const YearBudget* budget_of(int year) const noexcept;

  /// Plans compare member by member.
  friend bool operator==(const Plan&, const Plan&) = default;
};

}  // namespace cadreplan::planning
