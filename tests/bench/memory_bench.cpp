// Memory per cadre of a roster loaded from its CSV folder, with its training history,
// pools and budgets.
//
// Method: each measurement runs in a child process (fork) so that nothing the benchmark
// program holds counts. The child resets its peak resident set (writing 5 to
// /proc/self/clear_refs resets VmHWM, Linux 4.0+), notes VmRSS and the heap in use
// (glibc mallinfo2), loads the roster with io::load_roster_csv, and reports:
//   heap_per_cadre      heap bytes the loaded roster keeps (mallinfo2 uordblks + hblkhd);
//   resident_per_cadre  resident bytes it keeps (VmRSS delta);
//   peak_per_cadre      the peak resident bytes while loading (VmHWM - VmRSS before),
// each divided by the number of cadres. The resident figures undercount when the child
// reuses heap pages the parent had freed (small sizes); heap_per_cadre is the figure to read.
#include <benchmark/benchmark.h>

#include <malloc.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <fstream>
#include <string>

#include "bench_rosters.hpp"
#include "cadreplan/io/roster_csv.hpp"

namespace cadreplan::bench {
namespace {

// A field of /proc/self/status in bytes (the file gives kB), or 0 when absent.
double status_bytes(const std::string& field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(field + ":", 0) == 0) return std::stod(line.substr(field.size() + 1)) * 1024.0;
  }
  return 0.0;
}

// Heap in use: small chunks (uordblks) and the large blocks malloc maps on its own
// (hblkhd; a roster's big vectors are those).
double heap_in_use() {
  const struct mallinfo2 info = mallinfo2();
  return static_cast<double>(info.uordblks + info.hblkhd);
}

// In the child: load and measure; {heap kept, resident kept, peak while loading}.
std::array<double, 3> measure_load(const std::filesystem::path& folder) {
  // The child inherits the parent's heap: after other benchmarks in the same run, its
  // free pages are resident, the load reuses them, and the resident figures came out near
  // zero. Returned to the system first, they count again.
  ::malloc_trim(0);
  std::ofstream("/proc/self/clear_refs") << "5";
  const double heap_before = heap_in_use();
  const double resident_before = status_bytes("VmRSS");
  const auto loaded = io::load_roster_csv(folder);
  benchmark::DoNotOptimize(loaded.roster.cadres().data());
  return {heap_in_use() - heap_before, status_bytes("VmRSS") - resident_before,
          status_bytes("VmHWM") - resident_before};
}

std::array<double, 3> measure_in_child(const std::filesystem::path& folder) {
  std::array<int, 2> channel{};
  if (::pipe(channel.data()) != 0) throw std::runtime_error("pipe failed");
  const pid_t child = ::fork();
  if (child < 0) throw std::runtime_error("fork failed");
  std::array<double, 3> figures{};
  if (child == 0) {
    figures = measure_load(folder);
    const bool written = ::write(channel[1], figures.data(), sizeof figures) ==
                         static_cast<ssize_t>(sizeof figures);
    ::_exit(written ? 0 : 1);
  }
  ::close(channel[1]);
  const bool read = ::read(channel[0], figures.data(), sizeof figures) ==
                    static_cast<ssize_t>(sizeof figures);
  ::close(channel[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  if (!read || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw std::runtime_error("the measuring process failed");
  }
  return figures;
}

void memory_per_cadre(benchmark::State& state) {
  const auto cadres = static_cast<std::size_t>(state.range(0));
  const auto folder = csv_folder(cadres);
  std::array<double, 3> figures{};
  for (auto _ : state) figures = measure_in_child(folder);
  const auto per_cadre = [&](double bytes) { return bytes / static_cast<double>(cadres); };
  state.counters["heap_per_cadre"] = per_cadre(figures[0]);
  state.counters["resident_per_cadre"] = per_cadre(figures[1]);
  state.counters["peak_per_cadre"] = per_cadre(figures[2]);
  count_cadres(state, cadres);
}
BENCHMARK(memory_per_cadre)->Apply(national_sizes)->Iterations(1);

}  // namespace
}  // namespace cadreplan::bench
