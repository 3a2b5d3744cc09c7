#include "outcome.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "cadreplan/model/code.hpp"
#include "cadreplan/policy/evaluation_context.hpp"
#include "cadreplan/policy/evaluator.hpp"
#include "cadreplan/report/statistics.hpp"
#include "cadreplan/text/fold.hpp"

namespace cadreplan::bench::compare {
namespace {

// FNV-1a: the same finding hashes alike in every engine, whatever order it comes in.
std::uint64_t hash_finding(std::string_view cadre_id, int year) {
  std::uint64_t hash = 14695981039346656037ULL;
  const auto mix = [&hash](unsigned char byte) {
    hash ^= byte;
    hash *= 1099511628211ULL;
  };
  for (const char c : cadre_id) mix(static_cast<unsigned char>(c));
  mix('|');
  for (const char c : std::to_string(year)) mix(static_cast<unsigned char>(c));
  return hash;
}

template <class E>
std::optional<std::string> code_of(const std::optional<E>& value) {
  if (!value) return std::nullopt;
  return std::string(model::to_code(*value));
}

template <class E>
void add_tally(Outcome& outcome, const std::string& name, const report::Tally<E>& tally) {
  for (const E value : model::all_codes<E>()) {
    outcome.add_stat(name + "." + std::string(model::to_code(value)), tally.count(value));
  }
  outcome.add_stat(name + ".unknown", tally.unknown());
}

}  // namespace

Outcome::Outcome() {
  for (const auto rule : subset_rules) rules[std::string(rule)] = {};
}

void Outcome::add_finding(std::string_view rule, std::string_view cadre_id, int year) {
  auto& count = rules[std::string(rule)];
  ++count.findings;
  count.checksum += hash_finding(cadre_id, year);
}

void Outcome::add_stat(const std::string& key, std::size_t count) {
  if (count != 0) stats[key] += count;
}

std::size_t Outcome::findings() const {
  std::size_t total = 0;
  for (const auto& [rule, count] : rules) total += count.findings;
  return total;
}

namespace {

// A key missing from one side counts as zero there.
template <class Map>
typename Map::mapped_type value_or_zero(const Map& map, const std::string& key) {
  const auto found = map.find(key);
  return found == map.end() ? typename Map::mapped_type{} : found->second;
}

template <class Map>
std::set<std::string> keys_of(const Map& a, const Map& b) {
  std::set<std::string> keys;
  for (const auto& entry : a) keys.insert(entry.first);
  for (const auto& entry : b) keys.insert(entry.first);
  return keys;
}

}  // namespace

std::string differences(const Outcome& expected, const Outcome& actual) {
  std::string report;
  for (const auto& rule : keys_of(expected.rules, actual.rules)) {
    const RuleCount a = value_or_zero(expected.rules, rule);
    const RuleCount b = value_or_zero(actual.rules, rule);
    if (a == b) continue;
    report += rule + ": " + std::to_string(a.findings) + " findings expected, " +
              std::to_string(b.findings) + " found" +
              (a.findings == b.findings ? " (same count, different cadres or years)" : "") + "; ";
  }
  for (const auto& key : keys_of(expected.stats, actual.stats)) {
    const std::size_t a = value_or_zero(expected.stats, key);
    const std::size_t b = value_or_zero(actual.stats, key);
    if (a != b) report += "stats " + key + ": " + std::to_string(a) + " expected, " + std::to_string(b) + " found; ";
  }
  return report;
}

int day_number(boost::gregorian::date day) {
  return static_cast<int>(day.year()) * 10000 + static_cast<int>(day.month()) * 100 +
         static_cast<int>(day.day());
}

std::optional<int> day_number(const std::optional<boost::gregorian::date>& day) {
  if (!day) return std::nullopt;
  return day_number(*day);
}

SubsetParameters subset_parameters(const model::Roster& roster, const policy::Profile& profile,
                                   const policy::RuleRegistry& registry,
                                   boost::gregorian::date as_of) {
  SubsetParameters parameters;
  parameters.as_of = day_number(as_of);
  parameters.stats_position = std::string(model::to_code(model::Position::secretary));
  for (const auto& standard : profile.standards) {
    if (standard.in_force_on(as_of) && !standard.exemptions.empty()) {
      throw std::invalid_argument(
          "the standard in force on the as-of day has exemptions, which the SQL and CLIPS "
          "versions of the rules do not model");
    }
    parameters.standards.push_back({std::string(model::to_code(standard.position)),
                                    day_number(standard.from), day_number(standard.until),
                                    code_of(standard.general_education),
                                    code_of(standard.professional_level),
                                    code_of(standard.political_theory), standard.min_age,
                                    standard.max_age_at_appointment});
  }
  for (const auto& provider : profile.accredited_providers) {
    const bool prefix = !provider.empty() && provider.back() == '*';
    parameters.accredited.emplace_back(
        text::fold(prefix ? provider.substr(0, provider.size() - 1) : provider), prefix);
  }
  parameters.retirement = profile.retirement;
  const policy::EvaluationContext context(roster, profile, as_of);
  parameters.pool_min_months_to_retirement =
      context.integer(*registry.find("standard.age"), "pool_min_months_to_retirement");
  return parameters;
}

Outcome run_cadreplan(const model::Roster& roster, const policy::Profile& profile,
                      const policy::RuleRegistry& registry, boost::gregorian::date as_of,
                      bool subset_only) {
  policy::EvaluationOptions options;
  options.as_of = as_of;
  if (subset_only) options.only_rules = {subset_rules.begin(), subset_rules.end()};
  const auto report = policy::evaluate(roster, profile, registry, options);
  Outcome outcome;
  for (const auto& finding : report.findings) {
    const auto kept = outcome.rules.find(finding.rule_id.str());
    if (kept == outcome.rules.end()) continue;  // the full profile's other rules
    outcome.add_finding(finding.rule_id.str(), finding.cadre_id.str(), finding.year.value_or(0));
  }
  const report::StatisticsQuery query{as_of, model::Position::secretary, false};
  const auto statistics = report::compute_statistics(roster, query);
  outcome.add_stat("cadres", statistics.cadres);
  outcome.add_stat("units.total", statistics.units.total);
  outcome.add_stat("units.large_minority", statistics.units.large_minority);
  for (const auto position : model::all_codes<model::Position>()) {
    if (position == query.position) continue;
    outcome.add_stat("concurrent." + std::string(model::to_code(position)),
                     statistics.concurrent.count(position));
  }
  add_tally(outcome, "general_education", statistics.general_education);
  add_tally(outcome, "professional_level", statistics.professional_level);
  add_tally(outcome, "political_theory", statistics.political_theory);
  add_tally(outcome, "state_management", statistics.state_management);
  return outcome;
}

}  // namespace cadreplan::bench::compare
