/// \file indexed_view.hpp
/// \brief A view of the rows of a table picked by a list of row numbers.
/// \ingroup model
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <span>

namespace cadreplan::model {

/// The rows of \p table picked by \p rows (e.g. one cadre's training records), in the
/// order of \p rows; iterating yields `const T*`. Nothing is copied or allocated: the view
/// is two spans into the roster, valid as long as the roster is.
///
/// \tparam T the row type.
template <class T>
class IndexedView {
 public:
  /// Iterates the picked rows, yielding a pointer to each.
  class iterator {
   public:
    using iterator_category = std::random_access_iterator_tag;  ///< Random access.
    using value_type = const T*;                                ///< A pointer to a row.
    using difference_type = std::ptrdiff_t;                     ///< Distance between rows.
    using pointer = void;                                       ///< Not an lvalue.
    using reference = const T*;                                 ///< Yields by value.

    /// A singular iterator.
    iterator() = default;
    /// The row numbered *\p row of \p table.
    iterator(const T* table, const std::uint32_t* row) noexcept : table_(table), row_(row) {}

    /// The row.
    reference operator*() const noexcept { return table_ + *row_; }
    /// The row \p n places on.
    reference operator[](difference_type n) const noexcept { return table_ + row_[n]; }
    /// Next row.
    iterator& operator++() noexcept {
      ++row_;
      return *this;
    }
    /// Next row (postfix).
    iterator operator++(int) noexcept {
      iterator before = *this;
      ++row_;
      return before;
    }
    /// Previous row.
    iterator& operator--() noexcept {
      --row_;
      return *this;
    }
    /// Previous row (postfix).
    iterator operator--(int) noexcept {
      iterator before = *this;
      --row_;
      return before;
    }
    /// Moves \p n rows on.
    iterator& operator+=(difference_type n) noexcept {
      row_ += n;
      return *this;
    }
    /// Moves \p n rows back.
    iterator& operator-=(difference_type n) noexcept {
      row_ -= n;
      return *this;
    }
    /// \p n rows on.
    friend iterator operator+(iterator it, difference_type n) noexcept { return it += n; }
    /// \p n rows on.
    friend iterator operator+(difference_type n, iterator it) noexcept { return it += n; }
    /// \p n rows back.
    friend iterator operator-(iterator it, difference_type n) noexcept { return it -= n; }
    /// The distance between two iterators of one view.
    friend difference_type operator-(iterator a, iterator b) noexcept { return a.row_ - b.row_; }
    /// Iterators of one view compare by position.
    friend bool operator==(iterator a, iterator b) noexcept { return a.row_ == b.row_; }
    /// Iterators of one view order by position.
    friend auto operator<=>(iterator a, iterator b) noexcept { return a.row_ <=> b.row_; }

   private:
    const T* table_ = nullptr;
    const std::uint32_t* row_ = nullptr;
  };

  /// An empty view.
  IndexedView() = default;
  /// The rows of \p table numbered in \p rows; every number must be below table.size().
  IndexedView(std::span<const T> table, std::span<const std::uint32_t> rows) noexcept
      : table_(table.data()), rows_(rows) {}

  /// The first picked row.
  [[nodiscard]] iterator begin() const noexcept { return {table_, rows_.data()}; }
  /// Past the last picked row.
  [[nodiscard]] iterator end() const noexcept { return {table_, rows_.data() + rows_.size()}; }
  /// The number of picked rows.
  [[nodiscard]] std::size_t size() const noexcept { return rows_.size(); }
  /// True when no row is picked.
  [[nodiscard]] bool empty() const noexcept { return rows_.empty(); }
  /// Picked row number \p i (0-based within the view).
  [[nodiscard]] const T* operator[](std::size_t i) const noexcept { return table_ + rows_[i]; }

 private:
  const T* table_ = nullptr;
  std::span<const std::uint32_t> rows_;
};

}  // namespace cadreplan::model
