#include "cadreplan/policy/profile.hpp"

#include <algorithm>

#include "policy/accredited_list.hpp"

namespace cadreplan::policy {

model::Term TermCalendar::term_containing(boost::gregorian::date day) const {
  // Floor division, so days before the anchor find earlier terms too.
  const int offset = day.year() - anchor_year;
  int first = anchor_year + (offset >= 0 ? offset / length_years
                                         : -((-offset + length_years - 1) / length_years)) *
                                length_years;
  model::Term term = model::Term::from_years(first, first + length_years);
  if (day < term.start()) term = model::Term::from_years(first - length_years, first);
  return term;
}

const PositionStandard* Profile::standard_for(model::Position position,
                                              boost::gregorian::date day) const noexcept {
  for (const auto& standard : standards) {
    if (standard.position == position && standard.in_force_on(day)) return &standard;
  }
  return nullptr;
}

const RuleSettings& Profile::settings_of(const std::string& rule_id) const noexcept {
  static const RuleSettings defaults{};
  const auto found = rules.find(rule_id);
  return found == rules.end() ? defaults : found->second;
}

bool Profile::is_accredited(std::string_view provider) const {
  return detail::AccreditedList(accredited_providers).contains(provider);
}

}  // namespace cadreplan::policy
