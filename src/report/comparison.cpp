#include "cadreplan/report/comparison.hpp"

#include <utility>

namespace cadreplan::report {
namespace {

std::ptrdiff_t minus(std::size_t current, std::size_t baseline) noexcept {
  return static_cast<std::ptrdiff_t>(current) - static_cast<std::ptrdiff_t>(baseline);
}

}  // namespace

Comparison compare(Statistics current, Statistics baseline) {
  StatisticsChange change;
  change.cadres = minus(current.cadres, baseline.cadres);
  change.units_total = minus(current.units.total, baseline.units.total);
  change.units_large_minority = minus(current.units.large_minority, baseline.units.large_minority);
  change.concurrent = difference(current.concurrent, baseline.concurrent);
  change.general_education = difference(current.general_education, baseline.general_education);
  change.professional_level = difference(current.professional_level, baseline.professional_level);
  change.political_theory = difference(current.political_theory, baseline.political_theory);
  change.state_management = difference(current.state_management, baseline.state_management);
  return {std::move(current), std::move(baseline), std::move(change)};
}

}  // namespace cadreplan::report
