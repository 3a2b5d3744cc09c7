/// \file id_index.hpp
/// \brief Finding a row of a table by its id: a flat hash index of row numbers.
/// \ingroup model
#pragma once

#include <algorithm>
#include <array>
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
/// It stores no ids, only 32-bit row numbers, each beside 32 bits of its id's hash, and
/// compares against the table's own rows: 16 bytes per row where a
/// `std::unordered_map<Id, std::uint32_t>` took about 72 (a heap node holding a copy of
/// the id). The hash bits spare reading the row (a cache miss per probe in a national
/// table) for every slot whose id cannot match. The table must not change between
/// build() and find().
///
/// \tparam Row a row type with a member `id` whose `str()` is its text.
template <class Row>
class IdIndex {
 public:
  /// Indexes \p rows. Returns the number of the first row whose id repeats an earlier
  /// row's, or `rows.size()` when every id is unique (the index then holds them all).
  std::size_t build(std::span<const Row> rows) {
    slots_.assign(std::bit_ceil(std::max<std::size_t>(rows.size() * 2, 8)), kEmpty);
    // The slots of the next rows are fetched while this row's is probed: a national
    // table's slots do not fit in the cache, and waiting for each in turn was most of
    // the time.
    constexpr std::size_t kAhead = 8;
    std::array<std::size_t, kAhead> hashes{};
    const auto hash_ahead = [&](std::size_t row) {
      if (row >= rows.size()) return;
      const std::size_t hash = hash_of(rows[row].id.str());
      hashes[row % kAhead] = hash;
      __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]);
    };
    for (std::size_t i = 0; i < kAhead; ++i) hash_ahead(i);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const std::size_t hash = hashes[i % kAhead];
      hash_ahead(i + kAhead);
      const std::uint64_t tag = tag_of(hash);
      std::size_t slot = hash & (slots_.size() - 1);
      for (; slots_[slot] != kEmpty; slot = next(slot)) {
        if ((slots_[slot] & kTagMask) == tag && rows[row_of(slots_[slot])].id == rows[i].id) {
          return i;
        }
      }
      slots_[slot] = tag | i;
    }
    return rows.size();
  }

  /// The number of the row of \p rows (the table given to build()) with id \p id, or -1.
  template <class Id>
  [[nodiscard]] std::ptrdiff_t find(std::span<const Row> rows, const Id& id) const noexcept {
    if (slots_.empty()) return -1;
    const std::size_t hash = hash_of(id.str());
    const std::uint64_t tag = tag_of(hash);
    for (std::size_t slot = hash & (slots_.size() - 1);; slot = next(slot)) {
      const std::uint64_t entry = slots_[slot];
      if (entry == kEmpty) return -1;
      if ((entry & kTagMask) == tag && rows[row_of(entry)].id == id) {
        return static_cast<std::ptrdiff_t>(row_of(entry));
      }
    }
  }

 private:
  // A slot: the high 32 bits of its id's hash, then its row number; kEmpty when free.
  // Row numbers stay below 0xFFFFFFFF (a roster refuses larger tables), so no used slot
  // is kEmpty.
  static constexpr std::uint64_t kEmpty = 0xFFFF'FFFF'FFFF'FFFFU;
  static constexpr std::uint64_t kTagMask = 0xFFFF'FFFF'0000'0000U;

  [[nodiscard]] static std::size_t hash_of(std::string_view text) noexcept {
    return std::hash<std::string_view>{}(text);
  }
  // The hash's high bits: the slot is chosen by its low bits, so these still tell ids
  // of the same neighbourhood apart.
  [[nodiscard]] static std::uint64_t tag_of(std::size_t hash) noexcept {
    return (static_cast<std::uint64_t>(hash) >> 32 << 32) & kTagMask;
  }
  [[nodiscard]] static std::size_t row_of(std::uint64_t entry) noexcept {
    return static_cast<std::size_t>(entry & 0xFFFF'FFFFU);
  }
  [[nodiscard]] std::size_t next(std::size_t slot) const noexcept { return (slot + 1) & (slots_.size() - 1); }

  std::vector<std::uint64_t> slots_;
};

}  // namespace cadreplan::model
