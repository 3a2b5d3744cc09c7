// Faulting in a table's reserved rows at once (a private header, src/detail/populate.hpp):
// the loaders call it on every large table, so it must map the reserved pages and leave
// the rows, and the memory around them, as they were. Linux only; where the kernel cannot
// populate (before 5.14) the mapping test is skipped and the rows test still runs.
#include "detail/populate.hpp"

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <numeric>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>

#include "page_residency.hpp"
#endif

namespace cadreplan::detail {
namespace {

// Larger than any threshold below which malloc (or a sanitizer's allocator) would reuse
// memory already written: a block this size is freshly mapped, its pages not yet present.
constexpr std::size_t kRows = (std::size_t{64} << 20) / sizeof(std::uint64_t);

TEST(PopulateCapacity, KeepsTheRowsAndTheirOrder) {
  std::vector<std::uint64_t> rows(1000);
  std::iota(rows.begin(), rows.end(), 1);
  rows.reserve(kRows);
  populate_capacity(rows);
  ASSERT_EQ(rows.size(), 1000U);
  for (std::size_t i = 0; i < rows.size(); ++i) ASSERT_EQ(rows[i], i + 1) << "row " << i;
  // The rest of the capacity is used as usual: grown into in place, zeroed, written.
  const std::uint64_t* block = rows.data();
  rows.resize(kRows);
  EXPECT_EQ(rows.data(), block);
  EXPECT_EQ(rows[999], 1000U);
  EXPECT_EQ(rows[1000], 0U);
  rows.back() = 7;
  EXPECT_EQ(rows[kRows - 1], 7U);
}

TEST(PopulateCapacity, DoesNothingWithoutRoomToFill) {
  std::vector<std::uint64_t> empty;
  populate_capacity(empty);  // no block at all
  EXPECT_TRUE(empty.empty());
  std::vector<char> small{'a', 'b'};
  small.reserve(100);  // less than a page: no whole page to map
  populate_capacity(small);
  EXPECT_EQ(small, (std::vector<char>{'a', 'b'}));
  std::vector<int> full(10, 3);
  full.shrink_to_fit();
  populate_capacity(full);
  EXPECT_EQ(full, std::vector<int>(10, 3));
}

#if defined(__linux__) && defined(MADV_POPULATE_WRITE)

// The number of pages of [begin, end) (page-aligned) present in memory.
std::size_t present_pages(std::uintptr_t begin, std::uintptr_t end) {
  return test_support::present_pages(reinterpret_cast<const void*>(begin), end - begin);
}

TEST(PopulateCapacity, MapsTheWholePagesOfTheReservedRows) {
  if (!test_support::kernel_populates(MADV_POPULATE_WRITE)) GTEST_SKIP() << "this kernel cannot populate on request";
  std::vector<std::uint64_t> rows;
  rows.reserve(kRows);
  rows.push_back(42);
  const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
  const auto first = reinterpret_cast<std::uintptr_t>(rows.data() + rows.size());
  const auto last = reinterpret_cast<std::uintptr_t>(rows.data() + rows.capacity());
  const std::uintptr_t begin = (first + page - 1) & ~(page - 1);
  const std::uintptr_t end = last & ~(page - 1);
  const std::size_t pages = (end - begin) / page;
  // A fresh block is mapped page by page as it is written: most of it is not yet there.
  ASSERT_LT(present_pages(begin, end), pages / 2);
  populate_capacity(rows);
  EXPECT_EQ(present_pages(begin, end), pages);
  EXPECT_EQ(rows.front(), 42U);
}

#endif

}  // namespace
}  // namespace cadreplan::detail
