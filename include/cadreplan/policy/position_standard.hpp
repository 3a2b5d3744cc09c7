/// \file position_standard.hpp
/// \brief The effective-dated minimum qualifications and age bounds of a position.
/// \ingroup policy
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <optional>
#include <string>
#include <vector>

#include "cadreplan/model/position.hpp"
#include "cadreplan/model/qualification.hpp"
#include "cadreplan/model/unit.hpp"

namespace cadreplan::policy {

/// Looser minima for some units or cadres (e.g. mountainous communes), as profile data.
struct StandardExemption {
  std::vector<model::Area> areas;  ///< Applies to units in these areas (empty: any area).
  std::optional<bool> large_minority;  ///< Applies only to units with (or without) a large minority.
  /// Applies only to cadres who took the post before this day (incumbents);
  /// first-time holders after it must meet the full standard.
  std::optional<boost::gregorian::date> appointed_before;
  std::optional<model::GeneralEducation> general_education;    ///< Replacement minimum.
  std::optional<model::ProfessionalLevel> professional_level;  ///< Replacement minimum.
  std::optional<model::PoliticalTheory> political_theory;      ///< Replacement minimum.
  std::string source;  ///< The regulation that grants it.

  /// Exemptions compare member by member.
  friend bool operator==(const StandardExemption&, const StandardExemption&) = default;
};

/// The standard of one position for one period of validity.
struct PositionStandard {
  model::Position position = model::Position::secretary;  ///< The position.
  boost::gregorian::date from;                 ///< First day in force.
  std::optional<boost::gregorian::date> until; ///< Last day in force (empty: still in force).
  std::optional<model::GeneralEducation> general_education;    ///< Minimum (empty: none).
  std::optional<model::ProfessionalLevel> professional_level;  ///< Minimum (empty: none).
  std::optional<model::PoliticalTheory> political_theory;      ///< Minimum (empty: none).
  std::optional<model::StateManagement> state_management;      ///< Minimum (empty: none).
  std::optional<int> max_age_at_appointment;  ///< Oldest age at which one may take the post.
  std::optional<int> min_age;                 ///< Youngest age to hold the post.
  std::vector<StandardExemption> exemptions;  ///< Looser minima for some units or cadres.
  std::string source;                         ///< The regulation, e.g. "Decree 33/2023/NĐ-CP, art. 8".

  /// True when the standard is in force on \p day.
  [[nodiscard]] bool in_force_on(boost::gregorian::date day) const noexcept {
    return from <= day && (!until || day <= *until);
  }
  /// Standards compare member by member.
  friend bool operator==(const PositionStandard&, const PositionStandard&) = default;
};

/// The minima that apply to one cadre in one unit, after exemptions.
struct EffectiveMinima {
  std::optional<model::GeneralEducation> general_education;    ///< Minimum general education.
  std::optional<model::ProfessionalLevel> professional_level;  ///< Minimum professional level.
  std::optional<model::PoliticalTheory> political_theory;      ///< Minimum political theory.
  std::optional<model::StateManagement> state_management;      ///< Minimum state management.
  const StandardExemption* exemption = nullptr;  ///< The last exemption applied, if any.
};

/// Applies \p standard's exemptions for a cadre appointed on \p appointed (unknown: treated
/// as an incumbent) in \p unit: every matching exemption, in order, replaces the minima it sets.
[[nodiscard]] EffectiveMinima effective_minima(
    const PositionStandard& standard, const model::Unit& unit,
    std::optional<boost::gregorian::date> appointed) noexcept;

}  // namespace cadreplan::policy
