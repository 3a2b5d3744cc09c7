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
/// It stores no ids, only 32-bit row numbers, and compares against the table's own rows:
/// 16 to 32 bytes per row where a `std::unordered_map<Id, std::uint32_t>` took about 72 (a
/// heap node holding a copy of the id). Each slot also keeps 32 bits of its id's hash, so a
/// probe reads another row (a cache miss in a large table) only when those bits match. The
/// rows indexed must keep their ids and numbers while the index is used; rows may be
/// appended (and indexed with insert()).
///
/// \tparam Row a row type with a member `id` whose `str()` is its text.
template <class Row>
class IdIndex {
 public:
  /// Indexes \p rows. Returns the number of the first row whose id repeats an earlier
  /// row's, or `rows.size()` when every id is unique (the index then holds them all).
  std::size_t build(std::span<const Row> rows) {
    slots_.assign(slot_count_for(rows.size()), Slot{});
    count_ = 0;
    // The slots of the next rows are fetched while this row's is probed: a national
    // table's slots do not fit in the cache, and waiting for each in turn was most of
    // the time.
    constexpr std::size_t kAhead = 8;
    std::array<std::uint64_t, kAhead> hashes{};
    const auto hash_ahead = [&](std::size_t row) {
      if (row >= rows.size()) return;
      const std::uint64_t hash = hash_of(rows[row].id.str());
      hashes[row % kAhead] = hash;
      __builtin_prefetch(&slots_[home(hash)]);
    };
    for (std::size_t i = 0; i < kAhead; ++i) hash_ahead(i);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const std::uint64_t hash = hashes[i % kAhead];
      hash_ahead(i + kAhead);
      if (place(rows, i, hash) >= 0) return i;
    }
    return rows.size();
  }

  /// Makes room for \p count rows in all, so that inserting them does not grow the table.
  /// \p rows holds the rows indexed so far, at the numbers they were inserted with.
  void reserve(std::span<const Row> rows, std::size_t count) {
    if (slot_count_for(count) > slots_.size()) rehash(rows, slot_count_for(count));
  }

  /// Indexes row \p row of \p rows, unless a row with the same id is indexed already:
  /// returns that row's number, or -1 once \p row is indexed. Built this way a row at a
  /// time, the index serves a loader that checks each id as it appends the row to its
  /// table (the table may reallocate: only row numbers are kept). \p rows must hold
  /// every row indexed so far at the number it was inserted with.
  std::ptrdiff_t insert(std::span<const Row> rows, std::size_t row) {
    if (slot_count_for(count_ + 1) > slots_.size()) rehash(rows, slot_count_for(count_ + 1));
    return place(rows, row, hash_of(rows[row].id.str()));
  }

  /// The number of rows indexed.
  [[nodiscard]] std::size_t size() const noexcept { return count_; }

  /// The number of the row of \p rows (the table given to build()) with id \p id, or -1.
  template <class Id>
  [[nodiscard]] std::ptrdiff_t find(std::span<const Row> rows, const Id& id) const noexcept {
    if (slots_.empty()) return -1;
    const std::uint64_t hash = hash_of(id.str());
    for (std::size_t slot = home(hash);; slot = next(slot)) {
      const Slot& probe = slots_[slot];
      if (probe.row == kEmpty) return -1;
      if (probe.tag == tag_of(hash) && rows[probe.row].id == id) {
        return static_cast<std::ptrdiff_t>(probe.row);
      }
    }
  }

 private:
  static constexpr std::uint32_t kEmpty = 0xFFFFFFFFU;

  struct Slot {
    std::uint32_t row = kEmpty;  // kEmpty: a free slot
    std::uint32_t tag = 0;       // the high half of the row's id's hash
  };

  // At most half full: linear probing stays short.
  static std::size_t slot_count_for(std::size_t rows) noexcept {
    return std::bit_ceil(std::max<std::size_t>(rows * 2, 8));
  }

  // Puts row \p row (its id's hash \p hash) in its slot; the row already there with the
  // same id, or -1.
  std::ptrdiff_t place(std::span<const Row> rows, std::size_t row, std::uint64_t hash) {
    std::size_t slot = home(hash);
    for (; slots_[slot].row != kEmpty; slot = next(slot)) {
      const Slot& probe = slots_[slot];
      if (probe.tag == tag_of(hash) && rows[probe.row].id == rows[row].id) {
        return static_cast<std::ptrdiff_t>(probe.row);
      }
    }
    slots_[slot] = Slot{static_cast<std::uint32_t>(row), tag_of(hash)};
    ++count_;
    return -1;
  }

  // Moves the indexed rows to a table of \p slot_count slots.
  void rehash(std::span<const Row> rows, std::size_t slot_count) {
    std::vector<Slot> old(slot_count);
    old.swap(slots_);
    for (const Slot& moved : old) {
      if (moved.row == kEmpty) continue;
      std::size_t slot = home(hash_of(rows[moved.row].id.str()));
      while (slots_[slot].row != kEmpty) slot = next(slot);
      slots_[slot] = moved;
    }
  }

  static std::uint64_t hash_of(std::string_view text) noexcept {
    return std::hash<std::string_view>{}(text);
  }
  static std::uint32_t tag_of(std::uint64_t hash) noexcept {
    return static_cast<std::uint32_t>(hash >> 32);
  }
  [[nodiscard]] std::size_t home(std::uint64_t hash) const noexcept {
    return static_cast<std::size_t>(hash) & (slots_.size() - 1);
  }
  [[nodiscard]] std::size_t next(std::size_t slot) const noexcept { return (slot + 1) & (slots_.size() - 1); }

  std::vector<Slot> slots_;
  std::size_t count_ = 0;
};

}  // namespace cadreplan::model
