#include "cadreplan/policy/rule_registry.hpp"

#include <stdexcept>

#include "policy/rules/builtin_rules.hpp"

namespace cadreplan::policy {

RuleRegistry RuleRegistry::with_builtin_rules() {
  RuleRegistry registry;
  for (auto& rule : rules::make_builtin_rules()) registry.add(std::move(rule));
  return registry;
}

void RuleRegistry::add(std::unique_ptr<Rule> rule) {
  if (!rule) throw std::invalid_argument("cannot register a null rule");
  const std::string& id = rule->info().id;
  if (id.empty()) throw std::invalid_argument("cannot register a rule with an empty id");
  if (find(id) != nullptr) throw std::invalid_argument("rule '" + id + "' is already registered");
  rules_.push_back(std::move(rule));
}

const Rule* RuleRegistry::find(std::string_view id) const noexcept {
  for (const auto& rule : rules_) {
    if (rule->info().id == id) return rule.get();
  }
  return nullptr;
}

}  // namespace cadreplan::policy
