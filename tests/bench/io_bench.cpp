// Reading and writing rosters: CSV load (bytes per second) and archive save and load in
// binary and XML, each at 10 000, 100 000 and 1 000 000 cadres; and the CSV reader alone.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>
#include <vector>

#include "bench_rosters.hpp"
#include "cadreplan/io/archive.hpp"
#include "cadreplan/io/csv_table.hpp"
#include "cadreplan/io/roster_csv.hpp"

namespace cadreplan::bench {
namespace {

void csv_load(benchmark::State& state) {
  const auto cadres = static_cast<std::size_t>(state.range(0));
  const auto folder = csv_folder(cadres);
  for (auto _ : state) {
    auto loaded = io::load_roster_csv(folder);
    benchmark::DoNotOptimize(loaded.roster.cadres().data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(folder_bytes(folder)));
  count_cadres(state, cadres);
}
BENCHMARK(csv_load)->Apply(national_sizes);

// The CSV reader alone: every row of every file of the roster read and dropped, so the
// reader's share of csv_load shows apart from building the roster.
void csv_read(benchmark::State& state) {
  const auto cadres = static_cast<std::size_t>(state.range(0));
  const auto folder = csv_folder(cadres);
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() == ".csv") files.push_back(entry.path());
  }
  for (auto _ : state) {
    std::size_t cells = 0;
    for (const auto& file : files) {
      io::CsvReader reader = io::CsvReader::open(file, file.string());
      io::CsvRow row;
      while (reader.next(row)) cells += row.cells.size();
    }
    benchmark::DoNotOptimize(cells);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(folder_bytes(folder)));
  count_cadres(state, cadres);
}
BENCHMARK(csv_read)->Apply(national_sizes);

// Serialising into memory: the archive's bytes without the disk's fsync.
void archive_save(benchmark::State& state, io::ArchiveFormat format) {
  const auto cadres = static_cast<std::size_t>(state.range(0));
  io::ArchiveContents contents;
  contents.roster = roster(cadres);
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::string archive = io::write_archive(contents, format);
    bytes = archive.size();
    benchmark::DoNotOptimize(archive.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(bytes));
  count_cadres(state, cadres);
}
BENCHMARK_CAPTURE(archive_save, binary, io::ArchiveFormat::binary)->Apply(national_sizes);
BENCHMARK_CAPTURE(archive_save, xml, io::ArchiveFormat::xml)->Apply(national_sizes);

// Loading from the file, as `cadreplan` does: map, check the envelope, decode, validate.
// The time is load_archive()'s alone: freeing the roster afterwards (a sixth of the
// time again at 1 M cadres) is not part of loading it, and is left out of the clock.
void archive_load(benchmark::State& state, io::ArchiveFormat format) {
  const auto cadres = static_cast<std::size_t>(state.range(0));
  const auto file = archive_file(cadres, format);
  for (auto _ : state) {
    auto contents = io::load_archive(file);
    benchmark::DoNotOptimize(contents.roster.cadres().data());
    state.PauseTiming();
    contents = {};
    state.ResumeTiming();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(std::filesystem::file_size(file)));
  count_cadres(state, cadres);
}
BENCHMARK_CAPTURE(archive_load, binary, io::ArchiveFormat::binary)->Apply(national_sizes);
BENCHMARK_CAPTURE(archive_load, xml, io::ArchiveFormat::xml)->Apply(national_sizes);

}  // namespace
}  // namespace cadreplan::bench
