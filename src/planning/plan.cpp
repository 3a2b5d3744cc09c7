#include "cadreplan/planning/plan.hpp"

namespace cadreplan::planning {

std::string_view to_code(SubjectRole role) noexcept {
  switch (role) {
    case SubjectRole::secretary:
      return "secretary";
    case SubjectRole::candidate:
      return "candidate";
  }
  return "";
}

std::string_view to_code(UnresolvedReason reason) noexcept {
  switch (reason) {
    case UnresolvedReason::budget:
      return "budget";
    case UnresolvedReason::capacity:
      return "capacity";
    case UnresolvedReason::no_course:
      return "no_course";
    case UnresolvedReason::time:
      return "time";
  }
  return "";
}

model::Dong Plan::total_cost() const noexcept {
  model::Dong total = 0;
  for (const auto& enrolment : enrolments) total += enrolment.cost;
  return total;
}

const YearBudget* Plan::budget_of(int year) const noexcept {
  for (const auto& line : budgets) {
    if (line.year == year) return &line;
  }
  return nullptr;
}

}  // namespace cadreplan::planning
