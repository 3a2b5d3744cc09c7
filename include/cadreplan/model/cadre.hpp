/// \file cadre.hpp
/// \brief A cadre: identity, positions held and qualifications.
/// \ingroup model
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cadreplan/model/code.hpp"
#include "cadreplan/model/id.hpp"
#include "cadreplan/model/interned_string.hpp"
#include "cadreplan/model/position.hpp"
#include "cadreplan/model/qualification.hpp"

namespace cadreplan::model {

/// Gender, as recorded (retirement age and composition targets depend on it).
enum class Gender : std::uint8_t {
  male,    ///< nam
  female,  ///< nữ
};

/// Whole years completed between \p birth and \p day (0 before the first birthday).
/// Someone born on 29 February turns a year older on 1 March in common years.
[[nodiscard]] int age_on(boost::gregorian::date birth, boost::gregorian::date day);

/// A cadre (cán bộ): an official holding elected or appointed positions.
struct Cadre {
  CadreId id;                                      ///< Unique id.
  std::string full_name;                           ///< Full name, NFC.
  boost::gregorian::date birth_date;               ///< Date of birth.
  UnitId unit_id;                                  ///< The unit the cadre works in.
  std::vector<PositionHolding> positions;          ///< Positions held, concurrent ones too.
  std::optional<Gender> gender;                    ///< Gender (unknown if empty).
  InternedString ethnicity;                        ///< Ethnicity, e.g. "Kinh", "Khmer".
  std::optional<boost::gregorian::date> party_joined;  ///< Party joining date.
  std::optional<GeneralEducation> general_education;   ///< General education.
  ProfessionalQualification professional;              ///< Professional qualification.
  std::optional<PoliticalTheory> political_theory;     ///< Political theory level.
  std::optional<StateManagement> state_management;     ///< State management level.

  /// Age in whole years on \p day.
  [[nodiscard]] int age(boost::gregorian::date day) const { return age_on(birth_date, day); }
  /// True when the cadre holds \p position on \p day. (Inline: rules ask it of every
  /// cadre, and most cadres hold one position or none.)
  [[nodiscard]] bool holds(Position position, boost::gregorian::date day) const noexcept {
    for (const PositionHolding& holding : positions) {
      if (holding.position == position && holding.held_on(day)) return true;
    }
    return false;
  }
  /// The number of positions held on \p day.
  [[nodiscard]] std::size_t positions_held(boost::gregorian::date day) const noexcept;

  /// Cadres compare member by member.
  friend bool operator==(const Cadre&, const Cadre&) = default;
};

}  // namespace cadreplan::model
