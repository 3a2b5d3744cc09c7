#include "cadreplan/policy/position_standard.hpp"

#include <algorithm>

namespace cadreplan::policy {
namespace {

bool applies(const StandardExemption& exemption, const model::Unit& unit,
             std::optional<boost::gregorian::date> appointed) noexcept {
  if (!exemption.areas.empty()) {
    if (!unit.area) return false;
    if (std::find(exemption.areas.begin(), exemption.areas.end(), *unit.area) ==
        exemption.areas.end()) {
      return false;
    }
  }
  if (exemption.large_minority && unit.large_minority != exemption.large_minority) return false;
  // An unknown appointment date counts as an incumbent's: the exemption is kept.
  if (exemption.appointed_before && appointed && !(*appointed < *exemption.appointed_before)) {
    return false;
  }
  return true;
}

}  // namespace

EffectiveMinima effective_minima(const PositionStandard& standard, const model::Unit& unit,
                                 std::optional<boost::gregorian::date> appointed) noexcept {
  EffectiveMinima minima{standard.general_education, standard.professional_level,
                         standard.political_theory, standard.state_management, nullptr};
  for (const auto& exemption : standard.exemptions) {
    if (!applies(exemption, unit, appointed)) continue;
    if (exemption.general_education) minima.general_education = exemption.general_education;
    if (exemption.professional_level) minima.professional_level = exemption.professional_level;
    if (exemption.political_theory) minima.political_theory = exemption.political_theory;
    minima.exemption = &exemption;  // later exemptions refine earlier ones
  }
  return minima;
}

}  // namespace cadreplan::policy
