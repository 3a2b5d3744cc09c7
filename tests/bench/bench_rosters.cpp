#include "bench_rosters.hpp"

#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>

#include "cadreplan/io/roster_csv.hpp"

namespace cadreplan::bench {
namespace {

namespace fs = std::filesystem;

fs::path cache_folder() {
  const char* configured = std::getenv("CADREPLAN_BENCH_CACHE");
  const fs::path folder = configured != nullptr && *configured != '\0'
                              ? fs::path(configured)
                              : fs::temp_directory_path() / "cadreplan-bench";
  fs::create_directories(folder);
  return folder;
}

// Files are named by size only: remove the cache folder after changing the generator.
fs::path cached(std::size_t cadres, const std::string& suffix) {
  return cache_folder() / ("roster-" + std::to_string(cadres) + suffix);
}

}  // namespace

synth::GeneratorOptions roster_options(std::size_t cadres) {
  synth::GeneratorOptions options;
  options.cadres = cadres;
  options.seed = 1;
  return options;
}

const model::Roster& roster(std::size_t cadres) {
  static std::size_t loaded_size = 0;
  static std::unique_ptr<model::Roster> loaded;
  if (loaded_size != cadres) {
    loaded.reset();  // free the previous roster before building the next
    loaded = std::make_unique<model::Roster>(synth::generate_roster(roster_options(cadres)));
    loaded_size = cadres;
  }
  return *loaded;
}

fs::path csv_folder(std::size_t cadres) {
  const fs::path folder = cached(cadres, "-csv");
  const fs::path complete = folder / ".complete";
  if (!fs::exists(complete)) {
    io::save_roster_csv(roster(cadres), folder);
    std::ofstream(complete) << "written by cadreplan_bench\n";
  }
  return folder;
}

fs::path archive_file(std::size_t cadres, io::ArchiveFormat format) {
  const fs::path file = cached(cadres, std::string(io::archive_extension(format)));
  if (!fs::exists(file)) {
    io::ArchiveContents contents;
    contents.roster = roster(cadres);
    io::save_archive(contents, file, format);
  }
  return file;
}

std::size_t folder_bytes(const fs::path& folder) {
  std::size_t total = 0;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.is_regular_file()) total += static_cast<std::size_t>(entry.file_size());
  }
  return total;
}

void national_sizes(benchmark::internal::Benchmark* benchmark) {
  benchmark->Arg(10'000)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);
}

void count_cadres(benchmark::State& state, std::size_t cadres) {
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(cadres));
  state.counters["cadres"] = static_cast<double>(cadres);
}

}  // namespace cadreplan::bench
