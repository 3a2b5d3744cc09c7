/// \file catalogue.hpp
/// \brief The training catalogue: every course the planner may enrol cadres in, validated
///   and indexed by id.
/// \ingroup planning
#pragma once

#include <cstddef>
#include <span>
#include <stdexcept>
#include <unordered_map>
#include <vector>

#include "cadreplan/model/id.hpp"
#include "cadreplan/planning/course.hpp"

namespace cadreplan::planning {

/// A catalogue that breaks an integrity rule (a duplicate id, a level in the wrong
/// dimension, an impossible duration). The message names the course and the value.
/// \ingroup planning
class CatalogueError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// An immutable, validated list of courses (io::load_catalogue_csv() reads one from
/// `courses.csv`).
/// \ingroup planning
class Catalogue {
 public:
  /// An empty catalogue.
  Catalogue() = default;

  /// Validates \p courses and indexes them by id. A valid course has a non-empty unique id,
  /// `days >= 1`, a cost and a capacity that are not negative, start months in 1-12 listed
  /// once each, and levels (conferred and required) only when its kind trains a dimension,
  /// in that dimension, the required one not above the conferred one.
  /// \throws CatalogueError naming the first course that breaks a rule.
  static Catalogue build(std::vector<Course> courses);

  /// The courses, in the order given.
  [[nodiscard]] std::span<const Course> courses() const noexcept { return courses_; }
  /// The course with id \p id, or null.
  [[nodiscard]] const Course* find(const model::CourseId& id) const noexcept;
  /// The number of courses.
  [[nodiscard]] std::size_t size() const noexcept { return courses_.size(); }
  /// True when there is no course.
  [[nodiscard]] bool empty() const noexcept { return courses_.empty(); }

  /// Catalogues compare by their courses.
  friend bool operator==(const Catalogue& a, const Catalogue& b) {
    return a.courses_ == b.courses_;
  }

 private:
  std::vector<Course> courses_;
  std::unordered_map<model::CourseId, std::size_t> index_;
};

}  // namespace cadreplan::planning
