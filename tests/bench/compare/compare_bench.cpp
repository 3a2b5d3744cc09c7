// Issue 6's check: the same generated national roster through cadreplan, through SQL
// (SQLite, in memory) and through a rules engine (CLIPS), in one run, as a ratio.
//
// For each size, in this order: cadreplan with only the compared rules (and `stats`), the
// full default profile for reference, SQLite's load and queries, CLIPS's load and run.
// Every engine's answer is checked against cadreplan's (findings per rule, who and which
// year, and every `stats` count); a disagreement fails the benchmark and the program.
// Counters: `cpu_ms` is the CPU time of one evaluation on this thread, `x_cadreplan` that
// time over cadreplan's for the same subset and size.
//
// Before the sizes, two small CSV rosters check agreement on cases the generator seldom
// makes (edge/ and the bundled Sóc Trăng roster).
//
// Sizes: CADREPLAN_COMPARE_SIZES (default 10000,100000,1000000); CLIPS only up to
// CADREPLAN_COMPARE_CLIPS_MAX cadres (default 100000: a million cadres are some eight
// million facts).
#include <benchmark/benchmark.h>
#include <time.h>

#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "bench_rosters.hpp"
#include "cadreplan/io/profile_toml.hpp"
#include "cadreplan/io/roster_csv.hpp"
#include "clips_engine.hpp"
#include "outcome.hpp"
#include "sqlite_engine.hpp"

namespace cadreplan::bench::compare {
namespace {

double thread_cpu_ms() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

/// Everything one size needs, kept between its benchmarks and dropped before the next size
/// (a million cadres in three engines would not fit next to the next roster).
struct SizeState {
  std::size_t cadres = 0;
  policy::RuleRegistry registry = policy::RuleRegistry::with_builtin_rules();
  policy::Profile profile = io::default_profile(registry);
  boost::gregorian::date as_of;
  std::optional<SubsetParameters> parameters;
  std::optional<Outcome> reference;  // cadreplan's answer, computed once untimed
  std::map<std::string, double> cpu_ms;  // per engine, one evaluation
  std::unique_ptr<SqliteRoster> sqlite;
  std::unique_ptr<ClipsRoster> clips;
  /// True once the rules have run in `clips` (they must be removed before they run again).
  bool clips_evaluated = false;
};

bool disagreement = false;

SizeState& size_state(std::size_t cadres) {
  static std::unique_ptr<SizeState> current;
  if (!current || current->cadres != cadres) {
    current.reset();
    current = std::make_unique<SizeState>();
    current->cadres = cadres;
    current->as_of = roster_options(cadres).as_of;
  }
  return *current;
}

const model::Roster& subject(SizeState& size) { return roster(size.cadres); }

const SubsetParameters& parameters(SizeState& size) {
  if (!size.parameters) size.parameters = subset_parameters(subject(size), size.profile, size.registry, size.as_of);
  return *size.parameters;
}

const Outcome& reference(SizeState& size) {
  if (!size.reference) {
    size.reference = run_cadreplan(subject(size), size.profile, size.registry, size.as_of, true);
    // What is compared, once per size, for the record next to the timings.
    std::cerr << "cadreplan/" << size.cadres << ":";
    for (const auto& [rule, count] : size.reference->rules) std::cerr << " " << rule << "=" << count.findings;
    std::cerr << ", stats cadres=" << size.reference->stats["cadres"] << " (" << size.reference->stats.size()
              << " counts)\n";
  }
  return *size.reference;
}

// Fails the benchmark (and the program) when \p outcome is not cadreplan's answer.
void verify(benchmark::State& state, SizeState& size, const std::string& engine,
            const Outcome& outcome) {
  const std::string differ = differences(reference(size), outcome);
  state.counters["findings"] = static_cast<double>(outcome.findings());
  if (differ.empty()) return;
  disagreement = true;
  std::cerr << engine << "/" << size.cadres << ": disagrees with cadreplan: " << differ << "\n";
  state.SkipWithError(("disagrees with cadreplan: " + differ).c_str());
}

/// time_evaluation()'s default: nothing to do between evaluations.
struct NothingToPrepare {
  void operator()() const noexcept {}
};

// Times one evaluation per iteration on this thread's CPU clock, and reports it with
// its ratio to cadreplan's. \p prepare runs before each evaluation, on neither clock.
template <class Evaluate, class Prepare = NothingToPrepare>
void time_evaluation(benchmark::State& state, SizeState& size, const std::string& engine,
                     Evaluate evaluate, Prepare prepare = {}) {
  double total_ms = 0;
  std::optional<Outcome> outcome;
  for (auto _ : state) {
    if constexpr (!std::is_same_v<Prepare, NothingToPrepare>) {
      state.PauseTiming();
      prepare();
      state.ResumeTiming();
    }
    const double start = thread_cpu_ms();
    outcome = evaluate();
    total_ms += thread_cpu_ms() - start;
    benchmark::DoNotOptimize(outcome->rules);
  }
  const double cpu_ms = total_ms / static_cast<double>(state.iterations());
  size.cpu_ms[engine] = cpu_ms;
  state.counters["cpu_ms"] = cpu_ms;
  const auto baseline = size.cpu_ms.find("cadreplan_subset");
  if (baseline != size.cpu_ms.end() && engine != "cadreplan_subset") {
    state.counters["x_cadreplan"] = cpu_ms / baseline->second;
  }
  count_cadres(state, size.cadres);
  verify(state, size, engine, *outcome);
}

void cadreplan_subset(benchmark::State& state, std::size_t cadres) {
  auto& size = size_state(cadres);
  static_cast<void>(reference(size));  // generate the roster outside the timing
  time_evaluation(state, size, "cadreplan_subset", [&] {
    return run_cadreplan(subject(size), size.profile, size.registry, size.as_of, true);
  });
}

// The full default profile: every rule runs, the subset's findings are compared.
void cadreplan_full(benchmark::State& state, std::size_t cadres) {
  auto& size = size_state(cadres);
  static_cast<void>(reference(size));
  time_evaluation(state, size, "cadreplan_full", [&] {
    return run_cadreplan(subject(size), size.profile, size.registry, size.as_of, false);
  });
}

template <class Engine, class Load>
void time_load(benchmark::State& state, SizeState& size, std::unique_ptr<Engine>& engine, Load load) {
  static_cast<void>(parameters(size));
  static_cast<void>(reference(size));
  double total_ms = 0;
  for (auto _ : state) {
    engine.reset();  // each iteration loads a fresh copy; the last one is kept for the queries
    const double start = thread_cpu_ms();
    engine = std::make_unique<Engine>();
    load(*engine);
    total_ms += thread_cpu_ms() - start;
  }
  state.counters["cpu_ms"] = total_ms / static_cast<double>(state.iterations());
  count_cadres(state, size.cadres);
}

void sqlite_load(benchmark::State& state, std::size_t cadres) {
  auto& size = size_state(cadres);
  time_load(state, size, size.sqlite, [&](SqliteRoster& db) { db.load(subject(size), parameters(size)); });
  state.counters["MiB"] = static_cast<double>(SqliteRoster::memory_used()) / (1024.0 * 1024.0);
}

void sqlite_query(benchmark::State& state, std::size_t cadres) {
  auto& size = size_state(cadres);
  if (!size.sqlite) {
    size.sqlite = std::make_unique<SqliteRoster>();
    size.sqlite->load(subject(size), parameters(size));
  }
  time_evaluation(state, size, "sqlite", [&] { return size.sqlite->evaluate(parameters(size)); });
}

void clips_load(benchmark::State& state, std::size_t cadres) {
  auto& size = size_state(cadres);
  size.sqlite.reset();  // its memory is not needed any more
  time_load(state, size, size.clips, [&](ClipsRoster& env) { env.load(subject(size)); });
  size.clips_evaluated = false;
  state.counters["MiB"] = static_cast<double>(size.clips->memory_used()) / (1024.0 * 1024.0);
  state.counters["facts"] = static_cast<double>(size.clips->facts());
}

// Each iteration adds the rules to the loaded facts and runs them; removing the rules and
// what they asserted, for the next iteration, is not timed.
void clips_run(benchmark::State& state, std::size_t cadres) {
  auto& size = size_state(cadres);
  size.sqlite.reset();
  if (!size.clips) {
    size.clips = std::make_unique<ClipsRoster>();
    size.clips->load(subject(size));
    size.clips_evaluated = false;
  }
  // Google Benchmark may call this function more than once (a first short run to choose
  // the number of iterations): the state says whether the rules ran already, not a local.
  time_evaluation(
      state, size, "clips",
      [&] {
        size.clips_evaluated = true;
        return size.clips->evaluate(parameters(size));
      },
      [&] {
        if (size.clips_evaluated) size.clips->forget_evaluation();
      });
}

// The three engines on a small roster loaded from CSV, as of the benchmarks' day: no
// timing worth reading, only whether they agree where the generated rosters have few
// cases (the hand-made edge cases, the bundled province with its own spellings).
void agreement(benchmark::State& state, const std::string& folder) {
  const model::Roster loaded = io::load_roster_csv(folder).roster;
  const auto registry = policy::RuleRegistry::with_builtin_rules();
  const auto profile = io::default_profile(registry);
  const auto as_of = roster_options(10'000).as_of;
  const auto subset = subset_parameters(loaded, profile, registry, as_of);
  Outcome expected;
  std::vector<std::pair<std::string, Outcome>> answers;
  for (auto _ : state) {
    expected = run_cadreplan(loaded, profile, registry, as_of, true);
    answers.clear();
    answers.emplace_back("cadreplan_full", run_cadreplan(loaded, profile, registry, as_of, false));
    SqliteRoster db;
    db.load(loaded, subset);
    answers.emplace_back("sqlite", db.evaluate(subset));
    ClipsRoster env;
    env.load(loaded);
    answers.emplace_back("clips", env.evaluate(subset));
  }
  state.counters["findings"] = static_cast<double>(expected.findings());
  state.counters["stats_cadres"] = static_cast<double>(expected.stats["cadres"]);
  std::string failures;
  for (const auto& [engine, outcome] : answers) {
    const std::string differ = differences(expected, outcome);
    if (!differ.empty()) failures += engine + ": " + differ;
  }
  if (failures.empty()) return;
  disagreement = true;
  std::cerr << "agreement " << folder << ": " << failures << "\n";
  state.SkipWithError(("disagrees with cadreplan: " + failures).c_str());
}

std::vector<std::size_t> sizes_from(const char* variable, std::vector<std::size_t> fallback) {
  const char* text = std::getenv(variable);
  if (text == nullptr || *text == '\0') return fallback;
  std::vector<std::size_t> sizes;
  std::stringstream list(text);
  for (std::string item; std::getline(list, item, ',');) sizes.push_back(std::stoul(item));
  return sizes;
}

void register_benchmarks() {
  const auto sizes = sizes_from("CADREPLAN_COMPARE_SIZES", {10'000, 100'000, 1'000'000});
  const auto clips_max = sizes_from("CADREPLAN_COMPARE_CLIPS_MAX", {100'000}).front();
  for (const auto& [name, folder] :
       {std::pair{"agreement/edge-cases", std::string(CADREPLAN_COMPARE_DIR) + "/edge"},
        std::pair{"agreement/soc-trang-2013", std::string(CADREPLAN_SOURCE_DIR) + "/examples/data/soc-trang-2013"}}) {
    benchmark::RegisterBenchmark(name, agreement, folder)->Iterations(1)->Unit(benchmark::kMillisecond);
  }
  using Benchmark = void (*)(benchmark::State&, std::size_t);
  for (const std::size_t cadres : sizes) {
    std::vector<std::pair<const char*, Benchmark>> order{{"cadreplan_subset", cadreplan_subset},
                                                         {"cadreplan_full", cadreplan_full},
                                                         {"sqlite_load", sqlite_load},
                                                         {"sqlite_query", sqlite_query}};
    if (cadres <= clips_max) {
      order.emplace_back("clips_load", clips_load);
      order.emplace_back("clips_run", clips_run);
    }
    for (const auto& [name, function] : order) {
      benchmark::RegisterBenchmark((std::string(name) + "/" + std::to_string(cadres)).c_str(),
                                   function, cadres)
          ->Unit(benchmark::kMillisecond);
    }
  }
}

}  // namespace
}  // namespace cadreplan::bench::compare

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
  cadreplan::bench::compare::register_benchmarks();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return cadreplan::bench::compare::disagreement ? 1 : 0;
}
