// Factories of the built-in rules. The rule classes are private: applications
// reach them through RuleRegistry::with_builtin_rules() and their ids.
#pragma once

#include <memory>
#include <vector>

#include "cadreplan/policy/rule.hpp"

namespace cadreplan::policy::rules {

std::unique_ptr<Rule> make_general_education_rule();
std::unique_ptr<Rule> make_professional_level_rule();
std::unique_ptr<Rule> make_political_theory_rule();
std::unique_ptr<Rule> make_state_management_rule();
std::unique_ptr<Rule> make_missing_qualification_rule();
std::unique_ptr<Rule> make_age_rule();
std::unique_ptr<Rule> make_accredited_provider_rule();
std::unique_ptr<Rule> make_skills_pairing_rule();
std::unique_ptr<Rule> make_successor_pool_rule();
std::unique_ptr<Rule> make_plan_at_term_start_rule();
std::unique_ptr<Rule> make_annual_refresher_rule();
std::unique_ptr<Rule> make_field_mismatch_rule();
std::unique_ptr<Rule> make_field_unknown_rule();
std::unique_ptr<Rule> make_unplanned_study_rule();
std::unique_ptr<Rule> make_budget_floor_rule();
std::unique_ptr<Rule> make_budget_diverted_rule();

/// Every built-in rule, standards first, then points 1 to 5.
std::vector<std::unique_ptr<Rule>> make_builtin_rules();

}  // namespace cadreplan::policy::rules
