#include "cadreplan/planning/qualification_gap.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>

#include <stdexcept>
#include <string>

namespace cadreplan::planning {

int QualificationGap::steps() const noexcept {
  int total = 0;
  for (const auto& shortfall : shortfalls) total += shortfall.steps();
  return total;
}

const DimensionGap* QualificationGap::in(Dimension dimension) const noexcept {
  for (const auto& shortfall : shortfalls) {
    if (shortfall.dimension() == dimension) return &shortfall;
  }
  return nullptr;
}

QualificationGap qualification_gap(const model::Cadre& cadre,
                                   const policy::EffectiveMinima& minima) {
  QualificationGap gap;
  auto judge = [&](Dimension dimension, const auto& minimum) {
    if (!minimum) return;
    const QualificationLevel required(*minimum);
    const auto held = held_level(cadre, dimension);
    if (!held) {
      gap.unknown.push_back(dimension);
    } else if (held->rank() < required.rank()) {
      gap.shortfalls.push_back(DimensionGap{*held, required});
    }
  };
  judge(Dimension::general_education, minima.general_education);
  judge(Dimension::professional_level, minima.professional_level);
  judge(Dimension::political_theory, minima.political_theory);
  judge(Dimension::state_management, minima.state_management);
  return gap;
}

const policy::PositionStandard* standard_in_force(const policy::Profile& profile,
                                                  model::Position position,
                                                  boost::gregorian::date day) {
  bool has_standards = false;
  for (const auto& standard : profile.standards) {
    if (standard.position != position) continue;
    has_standards = true;
    if (standard.in_force_on(day)) return &standard;
  }
  if (has_standards) {
    throw std::invalid_argument("profile '" + profile.name + "' has no standard for " +
                                std::string(model::to_code(position)) + " in force on " +
                                boost::gregorian::to_iso_extended_string(day));
  }
  return nullptr;
}

}  // namespace cadreplan::planning
