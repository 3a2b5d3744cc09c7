// Readiness is derived from the same standards the rules apply, so that "ready" means
// "check would find nothing wrong with this person in the post on that day".
#include "cadreplan/planning/readiness.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "cadreplan/model/unit.hpp"
#include "cadreplan/planning/qualification_gap.hpp"
#include "policy/month_arithmetic.hpp"

namespace cadreplan::planning {
namespace {

using boost::gregorian::date;

using policy::detail::months_between;

policy::Text dimension_name(Dimension dimension) {
  switch (dimension) {
    case Dimension::general_education:
      return {"general education", "trình độ học vấn"};
    case Dimension::professional_level:
      return {"professional level", "trình độ chuyên môn"};
    case Dimension::political_theory:
      return {"political theory", "lý luận chính trị"};
    case Dimension::state_management:
      return {"state management", "quản lý nhà nước"};
  }
  return {};
}

template <class T>
T rule_parameter(const policy::Profile& profile, const policy::RuleRegistry& registry,
                 const std::string& rule_id, const std::string& name, T fallback) {
  const auto& settings = profile.settings_of(rule_id);
  if (const auto found = settings.parameters.find(name); found != settings.parameters.end()) {
    if (const T* value = std::get_if<T>(&found->second)) return *value;
  }
  if (const policy::Rule* rule = registry.find(rule_id)) {
    for (const auto& spec : rule->info().parameters) {
      if (spec.name != name) continue;
      if (const T* value = std::get_if<T>(&spec.default_value)) return *value;
    }
  }
  return fallback;
}

struct Thresholds {
  int min_months_to_retirement = 60;
  int min_months_in_post = 12;
};

std::vector<ReadinessReason> judge(const model::Cadre& cadre, const model::Unit& unit,
                                   model::Position position, date day,
                                   const policy::Profile& profile, const Thresholds& thresholds) {
  std::vector<ReadinessReason> reasons;
  const policy::PositionStandard* standard = standard_in_force(profile, position, day);
  if (standard != nullptr) {
    const auto gap = qualification_gap(cadre, policy::effective_minima(*standard, unit, day));
    for (const auto& shortfall : gap.shortfalls) {
      const auto name = dimension_name(shortfall.dimension());
      reasons.push_back(ReadinessReason{
          std::string(standard_rule_id(shortfall.dimension())),
          {{name.english(), " ", shortfall.held.label(model::Language::english), ", below the required ",
            shortfall.required.label(model::Language::english)},
           {name.vietnamese(), " ", shortfall.held.label(model::Language::vietnamese), ", thấp hơn mức ",
            shortfall.required.label(model::Language::vietnamese)}}});
    }
    for (Dimension dimension : gap.unknown) {
      const auto name = dimension_name(dimension);
      reasons.push_back(ReadinessReason{
          "qualification.unknown", {{name.english(), " not recorded"}, {"chưa có dữ liệu ", name.vietnamese()}}});
    }
    if (standard->max_age_at_appointment && cadre.age(day) > *standard->max_age_at_appointment) {
      const std::string age = std::to_string(cadre.age(day));
      const std::string limit = std::to_string(*standard->max_age_at_appointment);
      reasons.push_back(
          ReadinessReason{"age.appointment",
                          {"aged " + age + ", above the maximum age at appointment " + limit,
                           age + " tuổi, quá tuổi bổ nhiệm tối đa " + limit}});
    }
  }
  const date retirement = profile.retirement.retirement_date(cadre.birth_date, cadre.gender);
  const int left = std::max(0, months_between(day, retirement));
  if (left < thresholds.min_months_to_retirement) {
    const std::string months = std::to_string(left);
    const std::string minimum = std::to_string(thresholds.min_months_to_retirement);
    reasons.push_back(ReadinessReason{
        "age.retirement",
        {months + " months to retirement, fewer than " + minimum,
         "còn " + months + " tháng đến tuổi nghỉ hưu, ít hơn " + minimum + " tháng"}});
  }
  std::optional<date> in_post_since;
  bool holds_any = false;
  for (const auto& holding : cadre.positions) {
    if (!holding.held_on(day)) continue;
    holds_any = true;
    if (holding.since && (!in_post_since || *in_post_since < *holding.since))
      in_post_since = holding.since;
  }
  if (holds_any && in_post_since) {
    const int months = months_between(*in_post_since, day);
    if (months < thresholds.min_months_in_post) {
      const std::string held = std::to_string(std::max(0, months));
      const std::string minimum = std::to_string(thresholds.min_months_in_post);
      reasons.push_back(ReadinessReason{
          "post.months",
          {held + " months in the current post, fewer than " + minimum,
           "mới giữ chức vụ hiện tại " + held + " tháng, chưa đủ " + minimum + " tháng"}});
    }
  }
  return reasons;
}

}  // namespace

std::string_view to_code(Readiness readiness) noexcept {
  switch (readiness) {
    case Readiness::ready_now:
      return "ready_now";
    case Readiness::ready_by_term_end:
      return "ready_by_term_end";
    case Readiness::not_ready:
      return "not_ready";
  }
  return "";
}

BenchStrength PoolReadiness::totals() const noexcept {
  BenchStrength total;
  for (const auto& bench : benches) {
    total.candidates += bench.candidates;
    total.ready_now += bench.ready_now;
    total.ready_by_term_end += bench.ready_by_term_end;
    total.not_ready += bench.not_ready;
    total.too_small = total.too_small || bench.too_small;
    total.too_large = total.too_large || bench.too_large;
  }
  return total;
}

PoolReadiness assess_readiness(const model::Roster& roster, const policy::Profile& profile,
                               const policy::RuleRegistry& registry, const Catalogue& catalogue,
                               const Plan& plan, date as_of) {
  const model::Term& term = plan.term;
  PoolReadiness result;
  result.as_of = as_of;
  result.term_end = term.last_day();

  Thresholds thresholds;
  thresholds.min_months_to_retirement = static_cast<int>(rule_parameter<std::int64_t>(
      profile, registry, "standard.age", "pool_min_months_to_retirement", 60));
  thresholds.min_months_in_post = profile.eligibility.min_months_in_post;
  const auto pooled = rule_parameter<std::vector<std::string>>(
      profile, registry, "point2.successor_pool", "positions", {"secretary"});
  const auto min_candidates =
      rule_parameter<std::int64_t>(profile, registry, "point2.successor_pool", "min_candidates", 1);
  const auto max_candidates =
      rule_parameter<std::int64_t>(profile, registry, "point2.successor_pool", "max_candidates", 3);

  // The levels the plan confers, per cadre.
  std::unordered_map<model::CadreId, std::vector<QualificationLevel>> conferred;
  for (const Enrolment& enrolment : plan.enrolments) {
    const Course* course = catalogue.find(enrolment.course);
    if (course == nullptr || !course->confers || term.last_day() < enrolment.end_date) continue;
    conferred[enrolment.cadre_id].push_back(*course->confers);
  }

  std::set<std::tuple<model::UnitId, model::Position, model::CadreId>> seen;
  const date next_start = term.last_day() + boost::gregorian::date_duration(1);
  for (const model::PoolEntry& entry : roster.pools()) {
    if (entry.term.start() < term.start() || next_start < entry.term.start()) continue;
    const model::Unit* unit = roster.find_unit(entry.unit_id);
    const model::Cadre* cadre = roster.find_cadre(entry.cadre_id);
    if (unit == nullptr || cadre == nullptr || !model::is_commune_level(unit->kind)) continue;
    if (!seen.emplace(entry.unit_id, entry.position, entry.cadre_id).second) continue;
    CandidateReadiness candidate;
    candidate.cadre_id = entry.cadre_id;
    candidate.unit_id = entry.unit_id;
    candidate.position = entry.position;
    candidate.now = judge(*cadre, *unit, entry.position, as_of, profile, thresholds);
    model::Cadre trained = *cadre;
    if (const auto found = conferred.find(cadre->id); found != conferred.end()) {
      for (const auto& level : found->second) confer(trained, level);
    }
    candidate.at_term_end =
        judge(trained, *unit, entry.position, term.last_day(), profile, thresholds);
    candidate.readiness = candidate.now.empty()           ? Readiness::ready_now
                          : candidate.at_term_end.empty() ? Readiness::ready_by_term_end
                                                          : Readiness::not_ready;
    result.candidates.push_back(std::move(candidate));
  }
  std::sort(result.candidates.begin(), result.candidates.end(),
            [](const CandidateReadiness& a, const CandidateReadiness& b) {
              return std::tie(a.unit_id, a.position, a.cadre_id) <
                     std::tie(b.unit_id, b.position, b.cadre_id);
            });

  std::map<std::pair<model::UnitId, model::Position>, BenchStrength> benches;
  for (const model::Unit& unit : roster.units()) {
    if (!model::is_commune_level(unit.kind)) continue;
    for (const auto& code : pooled) {
      const auto position = model::parse_code<model::Position>(code);
      if (!position) continue;
      auto& bench = benches[{unit.id, *position}];
      bench.unit_id = unit.id;
      bench.position = *position;
    }
  }
  for (const auto& candidate : result.candidates) {
    auto& bench = benches[{candidate.unit_id, candidate.position}];
    bench.unit_id = candidate.unit_id;
    bench.position = candidate.position;
    ++bench.candidates;
    switch (candidate.readiness) {
      case Readiness::ready_now:
        ++bench.ready_now;
        break;
      case Readiness::ready_by_term_end:
        ++bench.ready_by_term_end;
        break;
      case Readiness::not_ready:
        ++bench.not_ready;
        break;
    }
  }
  for (auto& [key, bench] : benches) {
    const auto count = static_cast<std::int64_t>(bench.candidates);
    bench.too_small = count < min_candidates;
    bench.too_large = count > max_candidates;
    result.benches.push_back(bench);
  }
  return result;
}

}  // namespace cadreplan::planning
