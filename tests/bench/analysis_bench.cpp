// What a user runs on a loaded roster: `stats`, `check` with the full default profile and
// `plan` for the next term, each at 10 000, 100 000 and 1 000 000 cadres.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <optional>
#include <vector>

#include "bench_rosters.hpp"
#include "cadreplan/io/catalogue_csv.hpp"
#include "cadreplan/io/profile_toml.hpp"
#include "cadreplan/planning/planner.hpp"
#include "cadreplan/policy/evaluator.hpp"
#include "cadreplan/report/statistics.hpp"

namespace cadreplan::bench {
namespace {

void stats(benchmark::State& state) {
  const auto cadres = static_cast<std::size_t>(state.range(0));
  const model::Roster& subject = roster(cadres);
  const report::StatisticsQuery query{roster_options(cadres).as_of, model::Position::secretary,
                                      false};
  for (auto _ : state) {
    auto statistics = report::compute_statistics(subject, query);
    benchmark::DoNotOptimize(statistics.cadres);
  }
  count_cadres(state, cadres);
}
BENCHMARK(stats)->Apply(national_sizes);

// As `cadreplan check ROSTER --as-of 2024-12-31 --jobs N`: every rule of the default profile.
void run_check(benchmark::State& state, unsigned jobs, std::optional<model::Language> language = std::nullopt) {
  const auto cadres = static_cast<std::size_t>(state.range(0));
  const model::Roster& subject = roster(cadres);
  const auto registry = policy::RuleRegistry::with_builtin_rules();
  const auto profile = io::default_profile(registry);
  policy::EvaluationOptions options;
  options.as_of = roster_options(cadres).as_of;
  options.jobs = jobs;
  options.language = language;
  std::size_t findings = 0;
  for (auto _ : state) {
    const auto report = policy::evaluate(subject, profile, registry, options);
    findings = report.findings.size();
    benchmark::DoNotOptimize(findings);
  }
  state.counters["findings"] = static_cast<double>(findings);
  count_cadres(state, cadres);
}

void check(benchmark::State& state) { run_check(state, 1); }
// Two threads (`--jobs 2`): measured in wall time, since the CPU time of the benchmark's
// thread leaves out the second one.
void check_two_jobs(benchmark::State& state) { run_check(state, 2); }
BENCHMARK(check_two_jobs)->Apply(national_sizes)->UseRealTime();
BENCHMARK(check)->Apply(national_sizes);
// Findings worded in English only (EvaluationOptions::language), as `cadreplan check`
// words them for the one language it writes.
void check_english(benchmark::State& state) { run_check(state, 1, model::Language::english); }
BENCHMARK(check_english)->Apply(national_sizes);

// `check` with one rule of the default profile at a time, to see which rules the whole
// profile's time goes to: `check_rule/R/N` runs the registry's rule number R (its id is
// the benchmark's label). One thread, as `check`.
void check_rule(benchmark::State& state) {
  const auto cadres = static_cast<std::size_t>(state.range(1));
  const model::Roster& subject = roster(cadres);
  const auto registry = policy::RuleRegistry::with_builtin_rules();
  const auto profile = io::default_profile(registry);
  const auto rule = static_cast<std::size_t>(state.range(0));
  if (rule >= registry.rules().size()) {
    state.SkipWithError("no such rule");
    return;
  }
  policy::EvaluationOptions options;
  options.as_of = roster_options(cadres).as_of;
  options.only_rules = {registry.rules()[rule]->info().id};
  std::size_t findings = 0;
  for (auto _ : state) {
    const auto report = policy::evaluate(subject, profile, registry, options);
    findings = report.findings.size();
    benchmark::DoNotOptimize(findings);
  }
  state.SetLabel(registry.rules()[rule]->info().id);
  state.counters["findings"] = static_cast<double>(findings);
  count_cadres(state, cadres);
}
BENCHMARK(check_rule)
    ->ArgsProduct({benchmark::CreateDenseRange(0, 15, 1), {10'000, 100'000, 1'000'000}})
    ->Unit(benchmark::kMillisecond);

std::size_t commune_level_units(const model::Roster& subject) {
  std::size_t count = 0;
  for (const auto& unit : subject.units()) count += model::is_commune_level(unit.kind);
  return count;
}

// The bundled Sóc Trăng catalogue (109 units) offered in proportion: every course's seats
// multiplied by the roster's commune-level units over 109.
planning::Catalogue national_catalogue(std::size_t units) {
  const auto loaded =
      io::load_catalogue_csv(CADREPLAN_SOURCE_DIR "/examples/data/soc-trang-courses.csv");
  const auto courses = loaded.catalogue.courses();
  std::vector<planning::Course> scaled(courses.begin(), courses.end());
  const std::size_t factor = std::max<std::size_t>(1, (units + 108) / 109);
  for (auto& course : scaled) {
    if (course.capacity) course.capacity = *course.capacity * static_cast<int>(factor);
  }
  return planning::Catalogue::build(std::move(scaled));
}

// As `cadreplan plan ROSTER --term 2025-2030 --budget B` (the term after the generated
// one) with the national catalogue above and, every year, 25 million đồng per
// commune-level unit (the bundled province's 2.76 billion for 109 units).
void plan(benchmark::State& state) {
  const auto cadres = static_cast<std::size_t>(state.range(0));
  const model::Roster& subject = roster(cadres);
  const auto registry = policy::RuleRegistry::with_builtin_rules();
  const auto profile = io::default_profile(registry);
  const std::size_t units = commune_level_units(subject);
  const planning::Catalogue catalogue = national_catalogue(units);
  const auto term = model::Term::from_years(2025, 2030);
  const auto budget = static_cast<model::Dong>(units) * 25'000'000;
  std::size_t enrolments = 0;
  std::size_t unresolved = 0;
  for (auto _ : state) {
    const planning::PlanRequest request(subject, profile, registry, catalogue, term,
                                        planning::uniform_budgets(term, budget));
    const auto result = planning::make_plan(request);
    enrolments = result.enrolments.size();
    unresolved = result.unresolved.size();
    benchmark::DoNotOptimize(enrolments);
  }
  state.counters["enrolments"] = static_cast<double>(enrolments);
  state.counters["unresolved"] = static_cast<double>(unresolved);
  count_cadres(state, cadres);
}
BENCHMARK(plan)->Apply(national_sizes);

}  // namespace
}  // namespace cadreplan::bench
