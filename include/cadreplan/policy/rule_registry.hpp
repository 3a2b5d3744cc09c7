/// \file rule_registry.hpp
/// \brief The registry of rules by id: the built-in ones and an application's own.
/// \ingroup policy
#pragma once

#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "cadreplan/policy/rule.hpp"

namespace cadreplan::policy {

/// Rules by their stable id, in registration order (which is report order).
class RuleRegistry {
 public:
  /// An empty registry.
  RuleRegistry() = default;
  /// A registry holding every built-in rule (position standards and the five points).
  [[nodiscard]] static RuleRegistry with_builtin_rules();

  /// Adds \p rule. \throws std::invalid_argument if its id is empty or already registered.
  void add(std::unique_ptr<Rule> rule);
  /// The rule with id \p id, or null.
  [[nodiscard]] const Rule* find(std::string_view id) const noexcept;
  /// All rules, in registration order.
  [[nodiscard]] std::span<const std::unique_ptr<Rule>> rules() const noexcept { return rules_; }

 private:
  std::vector<std::unique_ptr<Rule>> rules_;
};

}  // namespace cadreplan::policy
