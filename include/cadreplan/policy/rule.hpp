/// \file rule.hpp
/// \brief The rule interface: a small named object with an id, a policy point,
/// a severity, bilingual documentation and a pure evaluation.
/// \ingroup policy
#pragma once

#include <string>
#include <vector>

#include "cadreplan/model/cadre.hpp"
#include "cadreplan/model/unit.hpp"
#include "cadreplan/policy/finding.hpp"
#include "cadreplan/policy/parameter.hpp"

namespace cadreplan::policy {

class EvaluationContext;

/// What a rule is about, which tells the evaluator how to call it.
enum class RuleScope {
  cadre,   ///< Evaluated once per cadre (evaluate_cadre).
  unit,    ///< Evaluated once per unit (evaluate_unit).
  roster,  ///< Evaluated once for the whole roster (evaluate_roster).
};

/// The documentation of a rule: everything the rules reference and `--help` print.
struct RuleInfo {
  std::string id;                        ///< Stable id, e.g. `standard.political_theory`.
  int point = 0;                         ///< Policy point 1–5, 0 for position standards.
  Severity default_severity = Severity::error;  ///< Severity unless the profile overrides it.
  RuleScope scope = RuleScope::cadre;    ///< What it evaluates.
  Text title;                            ///< One line.
  Text description;                      ///< Semantics: what passes, what fails, edge cases.
  std::string source;                    ///< The regulation or policy point it enforces.
  std::vector<ParameterSpec> parameters; ///< Parameters it reads from the profile.
  /// For a RuleScope::cadre rule that judges only the subjects of the position standards
  /// (cadres holding, on the as-of date, a commune-level position with a standard in
  /// force) and finds nothing in anyone else: the evaluator then calls it for those
  /// cadres only. Most cadres hold no such position, and each skipped call was a cost
  /// per cadre. False (every cadre) unless a rule says so.
  bool standardised_holders_only = false;
};

/// Collects the findings of one evaluation. Rules report through it so the
/// evaluator can stamp the profile's severity and filter without the rule knowing.
class FindingSink {
 public:
  virtual ~FindingSink() = default;
  /// Records \p finding (its severity and point are set by the sink from the rule).
  virtual void report(Finding finding) = 0;
};

/// A rule. Implementations are stateless apart from their info; parameters come from
/// the EvaluationContext's profile, never from literals, so evaluation is a pure
/// function of (roster, profile, date). evaluate_cadre() may be called from several
/// threads at once (EvaluationOptions::jobs), each with a sink of its own: it must not
/// modify shared state.
class Rule {
 public:
  virtual ~Rule() = default;
  /// The rule's documentation and id.
  [[nodiscard]] virtual const RuleInfo& info() const noexcept = 0;
  /// Evaluates one cadre. The evaluator calls it, for every cadre, only when the rule's
  /// scope is RuleScope::cadre.
  virtual void evaluate_cadre(const model::Cadre& cadre, const EvaluationContext& context,
                              FindingSink& sink) const;
  /// Evaluates one unit. The evaluator calls it, for every unit, only when the rule's
  /// scope is RuleScope::unit.
  virtual void evaluate_unit(const model::Unit& unit, const EvaluationContext& context,
                             FindingSink& sink) const;
  /// Evaluates the whole roster. The evaluator calls it, once, only when the rule's scope
  /// is RuleScope::roster.
  virtual void evaluate_roster(const EvaluationContext& context, FindingSink& sink) const;
};

}  // namespace cadreplan::policy
