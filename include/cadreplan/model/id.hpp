/// \file id.hpp
/// \brief Strong identifier types, so a unit id can never be passed where a cadre id is due.
/// \ingroup model
#pragma once

#include <compare>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>

/// \defgroup model Domain model
/// \brief Plain value types for units, cadres, qualifications, trainings, terms and rosters.

/// The domain model: plain values, no I/O.
namespace cadreplan::model {

/// An identifier from a roster file, tagged with what it identifies.
/// \tparam Tag an empty type naming the identified entity.
template <class Tag>
class Id {
 public:
  /// An empty id (meaning "none").
  Id() = default;
  /// Wraps \p value verbatim.
  explicit Id(std::string value) : value_(std::move(value)) {}
  /// The identifier as written in the roster.
  [[nodiscard]] const std::string& str() const noexcept { return value_; }
  /// True for the empty id.
  [[nodiscard]] bool empty() const noexcept { return value_.empty(); }
  /// Ids order and compare as their text.
  friend auto operator<=>(const Id&, const Id&) = default;

 private:
  std::string value_;
};

/// Tag of UnitId.
struct UnitTag {};
/// Tag of CadreId.
struct CadreTag {};
/// Tag of CourseId.
struct CourseTag {};

/// Identifies a unit (a commune, ward, township, district, ...).
using UnitId = Id<UnitTag>;
/// Identifies a cadre.
using CadreId = Id<CadreTag>;
/// Identifies a course of the training catalogue.
using CourseId = Id<CourseTag>;

/// An amount of money in Vietnamese đồng (integer; đồng have no subunit in use).
using Dong = long long;

}  // namespace cadreplan::model

/// Hashing of strong ids, for the roster's indices.
template <class Tag>
struct std::hash<cadreplan::model::Id<Tag>> {
  /// Hashes the id's text.
  std::size_t operator()(const cadreplan::model::Id<Tag>& id) const noexcept {
    return std::hash<std::string>{}(id.str());
  }
};
