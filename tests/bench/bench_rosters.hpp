// The synthetic rosters the benchmarks run on: generated once per size, written once as a
// CSV folder and as archives in a cache folder, and kept in memory one size at a time.
#pragma once

#include <benchmark/benchmark.h>

#include <cstddef>
#include <filesystem>

#include "cadreplan/io/archive.hpp"
#include "cadreplan/model/roster.hpp"
#include "cadreplan/synth/generator.hpp"

namespace cadreplan::bench {

/// The options every benchmark roster of \p cadres cadres is generated with (seed 1,
/// the generator's default term 2020-2025 and as-of day 2024-12-31).
[[nodiscard]] synth::GeneratorOptions roster_options(std::size_t cadres);

/// The roster of \p cadres cadres, generated on first use; the previous size is dropped
/// so that at most one large roster is in memory.
[[nodiscard]] const model::Roster& roster(std::size_t cadres);

/// The CSV folder of the roster of \p cadres cadres, written on first use.
[[nodiscard]] std::filesystem::path csv_folder(std::size_t cadres);

/// The archive of the roster of \p cadres cadres in \p format, written on first use.
[[nodiscard]] std::filesystem::path archive_file(std::size_t cadres, io::ArchiveFormat format);

/// The total size of the regular files in \p folder, in bytes.
[[nodiscard]] std::size_t folder_bytes(const std::filesystem::path& folder);

/// Registers the sizes every benchmark runs at: 10 000, 100 000 and 1 000 000 cadres.
void national_sizes(benchmark::internal::Benchmark* benchmark);

/// Reports \p cadres items per iteration, so each benchmark shows cadres per second.
void count_cadres(benchmark::State& state, std::size_t cadres);

}  // namespace cadreplan::bench
