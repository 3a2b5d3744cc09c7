/// \file id_index.hpp
/// \brief Finding a row of a table by its id: a flat hash index of row numbers.
/// \ingroup model
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string_view>
#include <vector>

namespace cadreplan::model {

/// Finds the row of a table whose `id` member equals a given id: an open-addressing hash
/// table of row numbers (linear probing, at most half full).
///
/// It stores no ids, only 32-bit row numbers, and compares against the table's own rows:
/// 8 bytes per row where a `std::unordered_map<Id, std::uint32_t>` took about 72 (a heap
/// node holding a copy of the id). The table must not change between build() and find().
///
/// \tparam Row a row type with a member `id` whose `str()` is its text.
template <class Row>
class IdIndex {
 public:
  /// Indexes \p rows. Returns the number of the first row whose id repeats an earlier
  /// row's, or `rows.size()` when every id is unique (the index then holds them all).
  std::size_t build(std::span<const Row> rows) {
    slots_.assign(std::bit_ceil(std::max<std::size_t>(rows.size() * 2, 8)), kEmpty);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      std::size_t slot = home(rows[i].id.str());
      for (; slots_[slot] != kEmpty; slot = next(slot)) {
        if (rows[slots_[slot]].id == rows[i].id) return i;
      }
      slots_[slot] = static_cast<std::uint32_t>(i);
    }
    return rows.size();
  }

  /// The number of the row of \p rows (the table given to build()) with id \p id, or -1.
  template <class Id>
  [[nodiscard]] std::ptrdiff_t find(std::span<const Row> rows, const Id& id) const noexcept {
    if (slots_.empty()) return -1;
    for (std::size_t slot = home(id.str());; slot = next(slot)) {
      const std::uint32_t row = slots_[slot];
      if (row == kEmpty) return -1;
      if (rows[row].id == id) return static_cast<std::ptrdiff_t>(row);
    }
  }

 private:
  static constexpr std::uint32_t kEmpty = 0xFFFFFFFFU;

  [[nodiscard]] std::size_t home(std::string_view text) const noexcept {
    return std::hash<std::string_view>{}(text) & (slots_.size() - 1);
  }
  [[nodiscard]] std::size_t next(std::size_t slot) const noexcept { return (slot + 1) & (slots_.size() - 1); }

  std::vector<std::uint32_t> slots_;
};

}  // namespace cadreplan::model
