#include "policy/rules/builtin_rules.hpp"

namespace cadreplan::policy::rules {

std::vector<std::unique_ptr<Rule>> make_builtin_rules() {
  std::vector<std::unique_ptr<Rule>> all;
  all.push_back(make_general_education_rule());
  all.push_back(make_professional_level_rule());
  all.push_back(make_political_theory_rule());
  all.push_back(make_state_management_rule());
  all.push_back(make_age_rule());
  all.push_back(make_missing_qualification_rule());
  all.push_back(make_accredited_provider_rule());
  all.push_back(make_skills_pairing_rule());
  all.push_back(make_successor_pool_rule());
  all.push_back(make_plan_at_term_start_rule());
  all.push_back(make_annual_refresher_rule());
  all.push_back(make_field_mismatch_rule());
  all.push_back(make_field_unknown_rule());
  all.push_back(make_unplanned_study_rule());
  all.push_back(make_budget_floor_rule());
  all.push_back(make_budget_diverted_rule());
  return all;
}

}  // namespace cadreplan::policy::rules
