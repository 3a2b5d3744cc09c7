#include "cadreplan/model/id_index.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cadreplan/model/id.hpp"

namespace cadreplan::model {
namespace {

struct Row {
  CadreId id;
};

std::vector<Row> rows_named(int count) {
  std::vector<Row> rows;
  for (int i = 0; i < count; ++i) rows.push_back({CadreId("C" + std::to_string(i))});
  return rows;
}

TEST(IdIndex, FindsEveryRowByItsId) {
  const auto rows = rows_named(5000);  // far past the first table size: it must grow
  IdIndex<Row> index;
  ASSERT_EQ(index.build(rows), rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    ASSERT_EQ(index.find(std::span<const Row>(rows), CadreId("C" + std::to_string(i))),
              static_cast<std::ptrdiff_t>(i));
  }
}

TEST(IdIndex, AnUnknownIdIsMinusOne) {
  const auto rows = rows_named(100);
  IdIndex<Row> index;
  index.build(rows);
  EXPECT_EQ(index.find(std::span<const Row>(rows), CadreId("C100")), -1);
  EXPECT_EQ(index.find(std::span<const Row>(rows), CadreId("")), -1);
  EXPECT_EQ(index.find(std::span<const Row>(rows), CadreId("c1")), -1) << "ids are case-sensitive";
}

TEST(IdIndex, AnEmptyIndexFindsNothing) {
  const std::vector<Row> none;
  IdIndex<Row> index;
  EXPECT_EQ(index.find(std::span<const Row>(none), CadreId("C1")), -1);
  EXPECT_EQ(index.build(none), 0U);
  EXPECT_EQ(index.find(std::span<const Row>(none), CadreId("C1")), -1);
}

TEST(IdIndex, BuildNamesTheFirstRepeatedRow) {
  auto rows = rows_named(10);
  rows.push_back({CadreId("C3")});  // row 10 repeats row 3
  rows.push_back({CadreId("C4")});  // row 11 repeats row 4, found later
  IdIndex<Row> index;
  EXPECT_EQ(index.build(rows), 10U);
}

TEST(IdIndex, InsertGrowsRowByRowWhileTheTableIsAppendedTo) {
  // A loader appends a row, then indexes it: the vector reallocates under the index,
  // which keeps row numbers only, and the index rehashes past its first sizes.
  std::vector<Row> rows;
  IdIndex<Row> index;
  for (int i = 0; i < 5000; ++i) {
    rows.push_back({CadreId("C" + std::to_string(i))});
    ASSERT_EQ(index.insert(rows, rows.size() - 1), -1) << i;
  }
  EXPECT_EQ(index.size(), rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    ASSERT_EQ(index.find(std::span<const Row>(rows), CadreId("C" + std::to_string(i))),
              static_cast<std::ptrdiff_t>(i));
  }
  EXPECT_EQ(index.find(std::span<const Row>(rows), CadreId("C5000")), -1);
}

TEST(IdIndex, InsertNamesTheIndexedRowAndKeepsItNotTheRepeat) {
  std::vector<Row> rows = rows_named(3);
  IdIndex<Row> index;
  for (std::size_t i = 0; i < rows.size(); ++i) ASSERT_EQ(index.insert(rows, i), -1);
  rows.push_back({CadreId("C1")});  // row 3 repeats row 1
  EXPECT_EQ(index.insert(rows, 3), 1);
  EXPECT_EQ(index.size(), 3U) << "a repeated id is not indexed";
  EXPECT_EQ(index.find(std::span<const Row>(rows), CadreId("C1")), 1) << "the first row stays";
  // Repeats are not indexed, so growing past them rehashes only the indexed rows.
  for (int i = 3; i < 100; ++i) {
    rows.push_back({CadreId("D" + std::to_string(i))});
    ASSERT_EQ(index.insert(rows, rows.size() - 1), -1);
  }
  EXPECT_EQ(index.find(std::span<const Row>(rows), CadreId("C1")), 1);
  EXPECT_EQ(index.find(std::span<const Row>(rows), CadreId("D3")), 4) << "after the repeat";
  EXPECT_EQ(index.find(std::span<const Row>(rows), CadreId("D99")), 100);
  EXPECT_EQ(index.size(), 100U);
}

TEST(IdIndex, ReserveKeepsWhatIsIndexed) {
  std::vector<Row> rows = rows_named(10);
  IdIndex<Row> index;
  for (std::size_t i = 0; i < rows.size(); ++i) ASSERT_EQ(index.insert(rows, i), -1);
  index.reserve(rows, 10000);
  index.reserve(rows, 5);  // never shrinks
  EXPECT_EQ(index.size(), 10U);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(index.find(std::span<const Row>(rows), rows[i].id), static_cast<std::ptrdiff_t>(i));
  }
}

TEST(IdIndex, BuildAfterInsertStartsAfresh) {
  const auto rows = rows_named(4);
  IdIndex<Row> index;
  ASSERT_EQ(index.insert(rows, 0), -1);
  ASSERT_EQ(index.build(rows), rows.size());
  EXPECT_EQ(index.size(), rows.size());
  EXPECT_EQ(index.find(std::span<const Row>(rows), CadreId("C3")), 3);
}

TEST(IdIndex, FindsRepeatsAndRowsAroundItsLookahead) {
  // build() hashes a few rows ahead of the one it inserts: tables shorter than, as long
  // as and just longer than that window, with the repeat at either end, must all index.
  for (int count = 1; count <= 40; ++count) {
    auto rows = rows_named(count);
    IdIndex<Row> index;
    ASSERT_EQ(index.build(rows), rows.size()) << count;
    for (int i = 0; i < count; ++i) {
      ASSERT_EQ(index.find(std::span<const Row>(rows), CadreId("C" + std::to_string(i))), i)
          << count;
    }
    rows.push_back(rows.front());
    EXPECT_EQ(index.build(rows), static_cast<std::size_t>(count)) << count;
    rows.back() = rows[static_cast<std::size_t>(count) - 1];
    EXPECT_EQ(index.build(rows), static_cast<std::size_t>(count)) << count;
  }
}

}  // namespace
}  // namespace cadreplan::model
