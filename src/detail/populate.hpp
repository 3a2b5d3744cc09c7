// Faulting in a table's reserved memory in one system call (a private header). Shared by
// the loaders, which reserve a table's rows and then fill every one of them.
#pragma once

#include <cstdint>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace cadreplan::detail {

/// Asks the kernel to map the unused capacity of \p rows now, writable, in one call, where
/// the system can (Linux 5.14 and later); elsewhere, or if the kernel declines, nothing
/// happens and the pages are mapped one by one as they are first written, as before.
///
/// Why: a national roster's tables are some 800 MB of fresh memory, and on a virtual
/// machine each page's first-write fault costs a few microseconds: faulting 200 thousand
/// pages one at a time was half the time of loading an archive. Mapping them in one call
/// does the same work without a trap per page. Call it only on a capacity that will be
/// filled: the pages are committed whether or not they are written.
template <class T>
void populate_capacity(std::vector<T>& rows) noexcept {
#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
  constexpr std::uintptr_t page = 4096;  // the smallest page; a larger one is a multiple
  const auto first = reinterpret_cast<std::uintptr_t>(rows.data() + rows.size());
  const auto last = reinterpret_cast<std::uintptr_t>(rows.data() + rows.capacity());
  // Only whole pages inside the block: the pages at its ends may be shared with the
  // allocator's other blocks, and are faulted in the usual way.
  const std::uintptr_t begin = (first + page - 1) & ~(page - 1);
  const std::uintptr_t end = last & ~(page - 1);
  if (end <= begin) return;
  // A hint: on failure (an older kernel says EINVAL) the first writes fault as usual.
  (void)::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_POPULATE_WRITE);
#else
  (void)rows;
#endif
}

}  // namespace cadreplan::detail
