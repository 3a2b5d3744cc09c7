#include "cadreplan/policy/evaluator.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include "cadreplan/policy/evaluation_context.hpp"
#include "policy/rules/rule_support.hpp"

namespace cadreplan::policy {
namespace {

/// Stamps each finding with its rule's id, point and profile severity, and keeps it
/// only if the options' filters let it through.
class CollectingSink final : public FindingSink {
 public:
  CollectingSink(const EvaluationOptions& options, std::vector<Finding>& findings)
      : options_(options), findings_(findings) {}

  void use(const Rule& rule, Severity severity) {
    rule_ = &rule;
    severity_ = severity;
  }

  void report(Finding finding) override {
    finding.rule_id = rule_->info().id;
    finding.point = rule_->info().point;
    finding.severity = severity_;
    if (!options_.only_units.empty() && !options_.only_units.contains(finding.unit_id.str())) {
      return;
    }
    findings_.push_back(std::move(finding));
  }

 private:
  const EvaluationOptions& options_;
  std::vector<Finding>& findings_;
  const Rule* rule_ = nullptr;
  Severity severity_ = Severity::error;
};

bool selected(const Rule& rule, const Profile& profile, const EvaluationOptions& options) {
  const auto& info = rule.info();
  if (!profile.settings_of(info.id).enabled) return false;
  if (!options.only_rules.empty() && !options.only_rules.contains(info.id)) return false;
  if (!options.only_points.empty() && !options.only_points.contains(info.point)) return false;
  return true;
}

void run_rule(const Rule& rule, const EvaluationContext& context, CollectingSink& sink) {
  const auto& roster = context.roster();
  for (const auto& cadre : roster.cadres()) rule.evaluate_cadre(cadre, context, sink);
  for (const auto& unit : roster.units()) rule.evaluate_unit(unit, context, sink);
  rule.evaluate_roster(context, sink);
}

void sort_findings(std::vector<Finding>& findings) {
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.unit_id, a.cadre_id, a.point, a.rule_id, a.year) <
           std::tie(b.unit_id, b.cadre_id, b.point, b.rule_id, b.year);
  });
}

void summarise(const EvaluationContext& context, const EvaluationOptions& options,
               ComplianceReport& report) {
  std::set<std::string> failing;
  for (const auto& finding : report.findings) {
    report.totals.add(finding.severity);
    report.by_point[finding.point].add(finding.severity);
    report.by_rule[finding.rule_id].add(finding.severity);
    if (!finding.unit_id.empty()) report.by_unit[finding.unit_id.str()].add(finding.severity);
    if (finding.severity == Severity::error && !finding.cadre_id.empty()) {
      failing.insert(finding.cadre_id.str());
    }
  }
  for (const auto& cadre : context.roster().cadres()) {
    // With only_units, the findings of other units' cadres were dropped: counting those
    // cadres would report them as compliant whatever their findings.
    if (!options.only_units.empty() && !options.only_units.contains(cadre.unit_id.str())) continue;
    if (!rules::is_standardised_subject(context, cadre)) continue;
    ++report.cadres;
    if (!failing.contains(cadre.id.str())) ++report.compliant;
  }
}

}  // namespace

void SeverityCounts::add(Severity severity) noexcept {
  switch (severity) {
    case Severity::error:
      ++error;
      break;
    case Severity::warning:
      ++warning;
      break;
    case Severity::info:
      ++info;
      break;
  }
}

ComplianceReport evaluate(const model::Roster& roster, const Profile& profile,
                          const RuleRegistry& registry, const EvaluationOptions& options) {
  const EvaluationContext context(roster, profile, options.as_of);
  ComplianceReport report;
  report.as_of = options.as_of;
  report.profile_name = profile.name;
  report.profile_sha256 = profile.sha256;
  CollectingSink sink(options, report.findings);
  for (const auto& rule : registry.rules()) {
    if (!selected(*rule, profile, options)) continue;
    sink.use(*rule, profile.settings_of(rule->info().id).severity.value_or(rule->info().default_severity));
    run_rule(*rule, context, sink);
  }
  sort_findings(report.findings);
  summarise(context, options, report);
  return report;
}

}  // namespace cadreplan::policy
