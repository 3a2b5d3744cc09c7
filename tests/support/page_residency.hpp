// Which pages of a mapping are in memory, and whether the kernel maps pages on request:
// for the tests of faulting tables in at once (populate_test) and of reading an archive
// in at once (archive_test). Linux only.
#pragma once

#if defined(__linux__)

#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace cadreplan::test_support {

/// The number of pages of [\p address, \p address + \p bytes) present in memory
/// (mincore()); \p address is page-aligned. 0 when the system cannot tell.
inline std::size_t present_pages(const void* address, std::size_t bytes) {
  const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  std::vector<unsigned char> present((bytes + page - 1) / page);
  if (::mincore(const_cast<void*>(address), bytes, present.data()) != 0) return 0;
  std::size_t count = 0;
  for (const unsigned char flags : present) count += flags & 1U;
  return count;
}

/// Whether this kernel maps pages on request with \p advice (MADV_POPULATE_READ or
/// MADV_POPULATE_WRITE: Linux 5.14 and later), tried on a page of its own.
inline bool kernel_populates(int advice) {
  const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  void* probe = ::mmap(nullptr, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (probe == MAP_FAILED) return false;
  const bool populates = ::madvise(probe, page, advice) == 0;
  ::munmap(probe, page);
  return populates;
}

}  // namespace cadreplan::test_support

#endif
