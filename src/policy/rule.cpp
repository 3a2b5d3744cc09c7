#include "cadreplan/policy/rule.hpp"

namespace cadreplan::policy {

// A rule overrides only the evaluation its scope calls; the others do nothing.
void Rule::evaluate_cadre(const model::Cadre&, const EvaluationContext&, FindingSink&) const {}
void Rule::evaluate_unit(const model::Unit&, const EvaluationContext&, FindingSink&) const {}
void Rule::evaluate_roster(const EvaluationContext&, FindingSink&) const {}

}  // namespace cadreplan::policy
