#include "cadreplan/planning/course.hpp"

#include <algorithm>

namespace cadreplan::planning {

bool Course::starts_in(int month) const noexcept {
  return start_months.empty() ||
         std::find(start_months.begin(), start_months.end(), month) != start_months.end();
}

}  // namespace cadreplan::planning
