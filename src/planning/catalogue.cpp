#include "cadreplan/planning/catalogue.hpp"

#include <string>

namespace cadreplan::planning {
namespace {

[[noreturn]] void reject(const Course& course, const std::string& what) {
  throw CatalogueError("course '" + course.id.str() + "': " + what);
}

void check_level(const Course& course, const std::optional<QualificationLevel>& level,
                 const char* column) {
  if (!level) return;
  const auto dimension = dimension_of(course.kind);
  if (!dimension) {
    reject(course, std::string(column) + " '" + std::string(level->code()) + "' is set, but a " +
                       std::string(model::to_code(course.kind)) +
                       " course confers no level (only political_theory, professional and "
                       "state_management courses do)");
  }
  if (level->dimension() != *dimension) {
    reject(course, std::string(column) + " '" + std::string(level->code()) + "' is a " +
                       std::string(to_code(level->dimension())) + " level, not a " +
                       std::string(to_code(*dimension)) + " one");
  }
}

void validate(const Course& course) {
  if (course.id.empty()) throw CatalogueError("a course has an empty id");
  if (course.days < 1)
    reject(course, "days must be at least 1, not " + std::to_string(course.days));
  if (course.cost < 0) reject(course, "cost must not be negative");
  if (course.capacity && *course.capacity < 0) reject(course, "capacity must not be negative");
  int previous = 0;
  for (int month : course.start_months) {
    if (month < 1 || month > 12) reject(course, "no month " + std::to_string(month));
    if (month <= previous) reject(course, "start months must be increasing and listed once");
    previous = month;
  }
  check_level(course, course.confers, "confers");
  check_level(course, course.prerequisite, "requires");
  if (course.confers && course.prerequisite &&
      course.prerequisite->rank() > course.confers->rank()) {
    reject(course, "requires '" + std::string(course.prerequisite->code()) +
                       "', above the level it confers ('" + std::string(course.confers->code()) +
                       "')");
  }
}

}  // namespace

Catalogue Catalogue::build(std::vector<Course> courses) {
  Catalogue catalogue;
  catalogue.index_.reserve(courses.size());
  for (std::size_t i = 0; i < courses.size(); ++i) {
    validate(courses[i]);
    if (!catalogue.index_.emplace(courses[i].id, i).second) {
      throw CatalogueError("duplicate course id '" + courses[i].id.str() + "'");
    }
  }
  catalogue.courses_ = std::move(courses);
  return catalogue;
}

const Course* Catalogue::find(const model::CourseId& id) const noexcept {
  const auto found = index_.find(id);
  return found == index_.end() ? nullptr : &courses_[found->second];
}

}  // namespace cadreplan::planning
