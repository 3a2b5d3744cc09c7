/// \file unit.hpp
/// \brief Administrative units: communes, wards, townships and the levels above them.
/// \ingroup model
#pragma once

#include <optional>
#include <string>

#include "cadreplan/model/code.hpp"
#include "cadreplan/model/id.hpp"

namespace cadreplan::model {

/// The kind of an administrative unit.
enum class UnitKind {
  commune,       ///< xã
  ward,          ///< phường
  township,      ///< thị trấn
  special_zone,  ///< đặc khu (since 2025; counts as commune level)
  other,         ///< any other unit: province, district, agency
};

/// The geographic area class of a unit, which some standards depend on.
enum class Area {
  plains,         ///< đồng bằng
  urban,          ///< đô thị
  mountainous,    ///< miền núi
  disadvantaged,  ///< đặc biệt khó khăn
};

/// True for the commune-level kinds: commune, ward, township and special zone.
[[nodiscard]] constexpr bool is_commune_level(UnitKind kind) noexcept {
  return kind == UnitKind::commune || kind == UnitKind::ward || kind == UnitKind::township ||
         kind == UnitKind::special_zone;
}

/// An administrative unit and its grassroots Party organisation.
struct Unit {
  UnitId id;                           ///< Unique id.
  std::string name;                    ///< Name, e.g. "Xã Đại Tâm".
  UnitKind kind = UnitKind::other;     ///< Kind of unit.
  UnitId parent_id;                    ///< The unit above (empty: none).
  std::string province;                ///< Province name (empty: unknown).
  std::optional<bool> large_minority;  ///< Large ethnic-minority population (unknown if empty).
  std::string minority;                ///< The minority, e.g. "Khmer" (empty: none or unknown).
  std::optional<Area> area;            ///< Area class (unknown if empty).

  /// Units compare member by member.
  friend bool operator==(const Unit&, const Unit&) = default;
};

}  // namespace cadreplan::model
