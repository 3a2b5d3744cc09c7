/// \file finding.hpp
/// \brief A finding: one rule that one cadre or unit fails, with why and what fixes it.
/// \ingroup policy
#pragma once

#include <optional>
#include <string>

#include "cadreplan/model/code.hpp"
#include "cadreplan/model/id.hpp"
#include "cadreplan/model/interned_string.hpp"
#include "cadreplan/policy/text.hpp"

/// \defgroup policy Policy
/// \brief Position standards and the five-point policy as named, documented rules.

/// The policy as rules: profiles, rules, findings and their evaluation.
namespace cadreplan::policy {

/// How serious a finding is. `error` findings make `cadreplan check` exit 1.
enum class Severity {
  info,     ///< Worth knowing; no action required.
  warning,  ///< Should be looked at.
  error,    ///< Breaks a standard or the policy.
};

/// The English code of a severity (`"error"`).
[[nodiscard]] std::string_view to_code(Severity severity) noexcept;
/// Parses `info`, `warning` or `error` (also `thông tin`, `cảnh báo`, `lỗi`).
[[nodiscard]] std::optional<Severity> parse_severity(std::string_view text);

/// One rule failed by one subject. A finding states the actual and the required
/// value and suggests a fix, so a provincial officer can act on it without the rule's code.
struct Finding {
  /// The rule, e.g. `standard.political_theory`: interned, since a report repeats a few
  /// dozen rule ids hundreds of thousands of times.
  model::InternedString rule_id;
  int point = 0;                       ///< Policy point 1–5, or 0 for a position standard.
  Severity severity = Severity::error; ///< Severity after the profile's overrides.
  model::CadreId cadre_id;             ///< The cadre concerned (empty: about a unit only).
  model::UnitId unit_id;               ///< The unit concerned (empty: about a cadre only).
  std::string actual;                  ///< The actual value, as a code (`intermediate`).
  std::string required;                ///< The required value, as a code (`advanced`).
  std::optional<int> year;             ///< The calendar year, for yearly requirements.
  Text message;                        ///< What is wrong, naming actual and required values.
  Text fix;                            ///< What would fix it.

  /// Findings compare member by member.
  friend bool operator==(const Finding&, const Finding&) = default;
};

}  // namespace cadreplan::policy
