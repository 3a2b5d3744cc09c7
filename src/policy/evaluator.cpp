#include "cadreplan/policy/evaluator.hpp"

#include <algorithm>
#include <cstdint>
#include <exception>
#include <span>
#include <vector>

#include "cadreplan/policy/evaluation_context.hpp"
#include "detail/shares.hpp"
#include "policy/report_order.hpp"
#include "policy/rules/rule_support.hpp"

namespace cadreplan::policy {
namespace {

/// Findings in emission order, in blocks that never move once filled. A vector that grew
/// by doubling moved every finding again at each step and faulted in twice the memory it
/// kept; each block here is one run of in_report_order().
using FindingBlocks = std::vector<std::vector<Finding>>;

/// Appends \p finding to the last block of \p blocks, starting a block twice the size of
/// the last (from 64 to 4096 findings) when it is full.
void append(FindingBlocks& blocks, Finding&& finding) {
  if (blocks.empty() || blocks.back().size() == blocks.back().capacity()) {
    constexpr std::size_t first_block = 64;
    constexpr std::size_t largest_block = 4096;
    const std::size_t size = blocks.empty() ? first_block : std::min(2 * blocks.back().capacity(), largest_block);
    blocks.emplace_back().reserve(size);
  }
  blocks.back().push_back(std::move(finding));
}

/// The number of findings in \p blocks.
std::size_t count_of(const FindingBlocks& blocks) {
  std::size_t count = 0;
  for (const auto& block : blocks) count += block.size();
  return count;
}

/// A selected rule with the severity the profile gives it, and what the sink stamps on
/// its findings, read once (not through a virtual call for every cadre).
struct ActiveRule {
  const Rule* rule;
  Severity severity;
  int point;
  model::InternedString id;  // the rule's id, interned once for all its findings
  RuleScope scope;           // which of its members the evaluator calls
  bool standardised_holders_only;
};

/// Which cadres a finding of severity error names, noted as the findings are kept. The
/// summary counts the cadres that fail; looking each one up by id afterwards was a hash
/// probe that missed the cache, for tens of thousands of cadres in a national check.
struct Failures {
  /// By cadre index: 1 when a kept error finding names the cadre (one byte each, so that
  /// threads can write neighbouring cadres).
  std::vector<std::uint8_t> by_cadre;
  /// By task: 1 when a kept error finding names a cadre other than the one being judged
  /// (a unit or roster rule's, or a rule's about someone else), left to be looked up.
  std::vector<std::uint8_t> unresolved;
};

/// The cadre the per-cadre pass is judging (none in the unit and roster pass).
struct Judged {
  const model::CadreId* id = nullptr;
  std::size_t index = 0;
};

/// Stamps each finding with its rule's id, point and profile severity, keeps it only if
/// the options' filters let it through, and notes who fails.
class CollectingSink final : public FindingSink {
 public:
  CollectingSink(const EvaluationOptions& options, const ActiveRule& rule, FindingBlocks& findings,
                 const Judged& judged, Failures& failures, std::size_t task)
      : options_(options), findings_(&findings), judged_(&judged), failures_(&failures), task_(task),
        rule_id_(rule.id), point_(rule.point), severity_(rule.severity) {}

  void report(Finding finding) override {
    finding.rule_id = rule_id_;
    finding.point = point_;
    finding.severity = severity_;
    if (!options_.only_units.empty() && !options_.only_units.contains(finding.unit_id.str())) {
      return;
    }
    if (severity_ == Severity::error && !finding.cadre_id.empty()) note_failure(finding.cadre_id);
    append(*findings_, std::move(finding));
  }

 private:
  void note_failure(const model::CadreId& cadre) {
    if (judged_->id != nullptr && *judged_->id == cadre) {
      failures_->by_cadre[judged_->index] = 1;
    } else {
      failures_->unresolved[task_] = 1;
    }
  }

  const EvaluationOptions& options_;
  FindingBlocks* findings_;
  const Judged* judged_;
  Failures* failures_;
  std::size_t task_;
  model::InternedString rule_id_;
  int point_;
  Severity severity_;
};

bool selected(const Rule& rule, const Profile& profile, const EvaluationOptions& options) {
  const auto& info = rule.info();
  if (!profile.settings_of(info.id).enabled) return false;
  if (!options.only_rules.empty() && !options.only_rules.contains(info.id)) return false;
  if (!options.only_points.empty() && !options.only_points.contains(info.point)) return false;
  return true;
}

std::vector<ActiveRule> active_rules(const Profile& profile, const RuleRegistry& registry,
                                     const EvaluationOptions& options) {
  std::vector<ActiveRule> active;
  for (const auto& rule : registry.rules()) {
    if (!selected(*rule, profile, options)) continue;
    const auto& info = rule->info();
    active.push_back({rule.get(), profile.settings_of(info.id).severity.value_or(info.default_severity),
                      info.point, info.id, info.scope, info.standardised_holders_only});
  }
  return active;
}

/// What the per-cadre pass yields.
struct CadrePass {
  /// Findings: [rule][chunk], each chunk a contiguous run of cadres.
  std::vector<std::vector<FindingBlocks>> findings;
  /// By cadre index: 1 when the cadre is a subject of the position standards (one byte
  /// each, not vector<bool>, so threads can write neighbouring cadres).
  std::vector<std::uint8_t> subject;
  /// Who fails, for the summary.
  Failures failures;
};

void evaluate_chunk(std::size_t begin, std::size_t end, std::size_t chunk,
                    const std::vector<ActiveRule>& rules, const EvaluationContext& context,
                    const EvaluationOptions& options, CadrePass& pass) {
  // A sink per rule, stamped once: stamping one sink for every rule and cadre was a tenth
  // of `check`. Only the rules that judge cadres are called for each cadre (a unit or
  // roster rule's evaluate_cadre does nothing: three empty calls per cadre in the default
  // profile), from plain arrays the loop need not reload after every call: one for the
  // subjects of the standards, one (without the rules that judge only those) for anyone
  // else, both in the registry's order.
  struct CadreCall {
    const Rule* rule;
    CollectingSink* sink;
  };
  Judged judged;
  std::vector<CollectingSink> sinks;
  sinks.reserve(rules.size());
  std::vector<CadreCall> subject_calls;
  std::vector<CadreCall> other_calls;
  for (std::size_t r = 0; r < rules.size(); ++r) {
    sinks.emplace_back(options, rules[r], pass.findings[r][chunk], judged, pass.failures, chunk);
    if (rules[r].scope != RuleScope::cadre) continue;
    subject_calls.push_back({rules[r].rule, &sinks.back()});
    if (!rules[r].standardised_holders_only) other_calls.push_back({rules[r].rule, &sinks.back()});
  }
  const std::span<const CadreCall> for_subjects(subject_calls);
  const std::span<const CadreCall> for_others(other_calls);
  const auto cadres = context.roster().cadres();
  // Cadre by cadre, every rule in turn: the cadre's records stay in the cache for all the
  // rules (rule by rule, each rule's pass missed the cache on every cadre again). Each
  // rule's findings still come in roster order, so the report is the same. Whether the
  // cadre is a subject of the standards is known first (it decides which rules are
  // called) and noted for the summary.
  for (std::size_t c = begin; c < end; ++c) {
    const auto& cadre = cadres[c];
    judged = {&cadre.id, c};
    const rules::HoldingsMemoScope holdings_memo(context, cadre);  // asked by several rules
    const bool subject = rules::is_standardised_subject(context, cadre);
    for (const CadreCall& call : subject ? for_subjects : for_others) {
      call.rule->evaluate_cadre(cadre, context, *call.sink);
    }
    pass.subject[c] = subject ? 1 : 0;
  }
}

/// Findings of the unit and roster pass: [rule].
using WideFindings = std::vector<FindingBlocks>;

WideFindings evaluate_units_and_roster(const std::vector<ActiveRule>& rules, const EvaluationContext& context,
                                       const EvaluationOptions& options, Failures& failures, std::size_t task) {
  WideFindings findings(rules.size());
  const Judged none;
  for (std::size_t r = 0; r < rules.size(); ++r) {
    CollectingSink sink(options, rules[r], findings[r], none, failures, task);
    if (rules[r].scope == RuleScope::unit) {
      for (const auto& unit : context.roster().units()) rules[r].rule->evaluate_unit(unit, context, sink);
    } else if (rules[r].scope == RuleScope::roster) {
      rules[r].rule->evaluate_roster(context, sink);
    }
  }
  return findings;
}

// Counts a rule's findings by severity, point and rule at once: the sink stamps every
// finding of a rule with the rule's point and severity.
void tally(const ActiveRule& rule, std::size_t count, ComplianceReport& report) {
  if (count == 0) return;  // the maps list only what was found
  report.totals.add(rule.severity, count);
  report.by_point[rule.rule->info().point].add(rule.severity, count);
  report.by_rule[rule.rule->info().id].add(rule.severity, count);
}

// The findings in report order; ties in the order one thread would emit them: rule by
// rule, its cadres (chunk by chunk, which keeps the roster's order), then its units, then
// the roster. Returns which cadres are subjects of the standards and who fails.
//
// With threads to spare, the work is cut into tasks the threads take in turn: the unit
// and roster pass, then chunks of cadres, several per thread so that neither pass leaves
// a thread idle. A failure is rethrown as one thread would meet it: the per-cadre pass's
// first (in roster order), then the unit and roster pass's.
CadrePass run_rules(const std::vector<ActiveRule>& rules, const EvaluationContext& context,
                    const EvaluationOptions& options, ComplianceReport& report) {
  // Below a few thousand cadres a thread costs more than it saves.
  constexpr std::size_t min_cadres_per_chunk = 4096;
  constexpr std::size_t chunks_per_thread = 8;
  const std::size_t cadre_count = context.roster().cadres().size();
  const std::size_t threads = cadreplan::detail::share_count(options.jobs, cadre_count, min_cadres_per_chunk);
  const std::size_t chunks =
      threads == 1 ? 1 : std::clamp(cadre_count / min_cadres_per_chunk, threads, threads * chunks_per_thread);
  CadrePass by_cadre{{rules.size(), std::vector<FindingBlocks>(chunks)},
                     std::vector<std::uint8_t>(cadre_count, 0),
                     {std::vector<std::uint8_t>(cadre_count, 0), std::vector<std::uint8_t>(chunks + 1, 0)}};
  WideFindings wide;
  std::vector<std::exception_ptr> failures(chunks + 1);  // the chunks', then the wide pass's
  // Task 0 is the unit and roster pass, the longest single task, so it starts first.
  cadreplan::detail::run_tasks(chunks + 1, threads, [&](std::size_t task) {
    try {
      if (task == 0) {
        wide = evaluate_units_and_roster(rules, context, options, by_cadre.failures, chunks);
      } else {
        const std::size_t chunk = task - 1;
        evaluate_chunk(cadre_count * chunk / chunks, cadre_count * (chunk + 1) / chunks, chunk, rules,
                       context, options, by_cadre);
      }
    } catch (...) {
      failures[task == 0 ? chunks : task - 1] = std::current_exception();
    }
  });
  for (const auto& failure : failures) {
    if (failure) std::rethrow_exception(failure);
  }
  // Each finding is moved once, straight into its place in the report.
  std::vector<std::vector<Finding>*> runs;
  for (std::size_t r = 0; r < rules.size(); ++r) {
    std::size_t count = count_of(wide[r]);
    for (auto& chunk : by_cadre.findings[r]) {
      for (auto& block : chunk) runs.push_back(&block);
      count += count_of(chunk);
    }
    for (auto& block : wide[r]) runs.push_back(&block);
    tally(rules[r], count, report);
  }
  report.findings = detail::in_report_order(std::move(runs));
  by_cadre.findings.clear();  // emptied above; their blocks are freed now, not with the pass
  return by_cadre;
}

// By unit and the compliant cadres (totals by severity, point and rule are counted per
// rule in run_rules). The findings are sorted by unit, then cadre: each unit's and each
// cadre's findings are one run, so a unit is entered in by_unit once and a failing cadre
// the rules' pass could not place is looked up once.
void summarise(const EvaluationContext& context, const EvaluationOptions& options, CadrePass& pass,
               ComplianceReport& report) {
  const auto& roster = context.roster();
  std::vector<std::uint8_t>& failing = pass.failures.by_cadre;
  const bool look_up = std::any_of(pass.failures.unresolved.begin(), pass.failures.unresolved.end(),
                                   [](std::uint8_t flag) { return flag != 0; });
  SeverityCounts* unit_counts = nullptr;
  const model::UnitId* unit = nullptr;
  const model::CadreId* failing_cadre = nullptr;
  for (const auto& finding : report.findings) {
    if (!finding.unit_id.empty()) {
      if (unit == nullptr || *unit != finding.unit_id) {
        unit = &finding.unit_id;
        unit_counts = &report.by_unit.try_emplace(report.by_unit.end(), finding.unit_id.str())->second;
      }
      unit_counts->add(finding.severity);
    }
    if (!look_up || finding.severity != Severity::error || finding.cadre_id.empty()) continue;
    if (failing_cadre != nullptr && *failing_cadre == finding.cadre_id) continue;
    failing_cadre = &finding.cadre_id;
    if (const auto* cadre = roster.find_cadre(finding.cadre_id)) {
      failing[static_cast<std::size_t>(roster.index_of(*cadre))] = 1;
    }
  }
  for (std::size_t i = 0; i < roster.cadres().size(); ++i) {
    const auto& cadre = roster.cadres()[i];
    // With only_units, the findings of other units' cadres were dropped: counting those
    // cadres would report them as compliant whatever their findings.
    if (!options.only_units.empty() && !options.only_units.contains(cadre.unit_id.str())) continue;
    if (pass.subject[i] == 0) continue;
    ++report.cadres;
    if (failing[i] == 0) ++report.compliant;
  }
}

}  // namespace

void SeverityCounts::add(Severity severity, std::size_t count) noexcept {
  switch (severity) {
    case Severity::error:
      error += count;
      break;
    case Severity::warning:
      warning += count;
      break;
    case Severity::info:
      info += count;
      break;
  }
}

ComplianceReport evaluate(const model::Roster& roster, const Profile& profile,
                          const RuleRegistry& registry, const EvaluationOptions& options) {
  const auto rules = active_rules(profile, registry, options);
  EvaluationContext context(roster, profile, options.as_of);
  context.word_in(options.language);
  std::vector<const Rule*> prepared;
  for (const auto& rule : rules) prepared.push_back(rule.rule);
  context.prepare(prepared);
  ComplianceReport report;
  report.as_of = options.as_of;
  report.profile_name = profile.name;
  report.profile_sha256 = profile.sha256;
  auto pass = run_rules(rules, context, options, report);
  summarise(context, options, pass, report);
  return report;
}

}  // namespace cadreplan::policy
