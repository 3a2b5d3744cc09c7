// Splitting work over threads in contiguous shares (a private header). Shared by
// policy::evaluate and report::compute_statistics, whose output must not depend on the
// number of threads: each share is a contiguous run, so results concatenate in order.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace cadreplan::detail {

/// How many shares \p items make for \p jobs threads (0: one per hardware thread), never
/// fewer than \p min_per_share items a share: below that a thread costs more than it saves.
[[nodiscard]] inline std::size_t share_count(unsigned jobs, std::size_t items,
                                             std::size_t min_per_share) {
  if (jobs == 0) jobs = std::max(1U, std::thread::hardware_concurrency());
  return std::clamp<std::size_t>(items / min_per_share, 1, jobs);
}

/// Calls `work(share, begin, end)` for each of \p shares contiguous runs of \p items, each
/// on a thread of its own (the first on this one), and returns once all are done. \p work
/// must not throw (capture exceptions per share to rethrow them in order).
template <class Work>
void run_shares(std::size_t items, std::size_t shares, const Work& work) {
  const auto run = [&](std::size_t share) {
    work(share, items * share / shares, items * (share + 1) / shares);
  };
  std::vector<std::jthread> threads;
  for (std::size_t share = 1; share < shares; ++share) threads.emplace_back(run, share);
  run(0);
}  // the jthreads join here

/// Calls `work(task)` once for each task number below \p tasks, on \p threads threads
/// (this one among them), each thread taking the next task not yet taken, so uneven tasks
/// still keep every thread busy; returns once all are done. \p work must not throw.
template <class Work>
void run_tasks(std::size_t tasks, std::size_t threads, const Work& work) {
  std::atomic<std::size_t> next{0};
  const auto take_tasks = [&] {
    for (std::size_t task = next++; task < tasks; task = next++) work(task);
  };
  std::vector<std::jthread> helpers;
  for (std::size_t t = 1; t < std::min(threads, tasks); ++t) helpers.emplace_back(take_tasks);
  take_tasks();
}  // the jthreads join here

}  // namespace cadreplan::detail
