// The columns of a roster (archive format version 2) as views into a binary payload (a
// private header).
//
// detail::UnitColumns and the others hold their columns in vectors: Boost's loaders fill
// them, which at national scale means about 300 MB of fresh memory zeroed, faulted in and
// copied into, only to be read once into the records. A binary payload already holds each
// integer column as one block of native integers and each string as its bytes, so the
// binary loader of archive.cpp reads the same layout (serialization.hpp) as views into the
// payload instead, and RosterColumnViewsReader builds the records from them with the same
// code and the same checks as detail::RosterColumnsReader.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <type_traits>
#include <vector>

#include "detail/populate.hpp"

#include "cadreplan/io/serialization.hpp"
#include "cadreplan/model/roster.hpp"

namespace cadreplan::io::detail {

/// \p count native integers of type T at \p bytes, which need not be aligned (a column
/// starts wherever the one before it ended). The bytes must outlive the view.
template <class T>
class ColumnView {
  static_assert(std::is_integral_v<T>);

 public:
  ColumnView() = default;
  /// The values in \p bytes, whose size is a multiple of sizeof(T).
  explicit ColumnView(std::string_view bytes) noexcept
      : data_(bytes.data()), size_(bytes.size() / sizeof(T)) {}
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] T operator[](std::size_t i) const noexcept {
    T value;
    std::memcpy(&value, data_ + i * sizeof(T), sizeof(T));
    return value;
  }
  /// The values, copied into a vector (one pass, no zero-filling first).
  [[nodiscard]] std::vector<T> to_vector() const {
    std::vector<T> values;
    values.reserve(size_);
    cadreplan::detail::populate_capacity(values);
    for (std::size_t i = 0; i < size_; ++i) values.push_back((*this)[i]);
    return values;
  }

 private:
  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

/// A dictionary column's words and row indices, as views (see DictionaryColumn).
struct DictionaryViews {
  std::vector<std::string_view> words;  ///< The distinct texts.
  ColumnView<std::uint32_t> rows;       ///< Per row, the index of its text in words.
};

/// UnitColumns as views.
struct UnitColumnViews {
  static constexpr ColumnTable table = ColumnTable::units;
  std::uint64_t count = 0;
  std::vector<std::string_view> id;
  std::vector<std::string_view> name;
  ColumnView<std::uint8_t> kind;
  ColumnView<std::uint32_t> parent;
  DictionaryViews province;
  ColumnView<std::uint8_t> large_minority;
  DictionaryViews minority;
  ColumnView<std::uint8_t> area;
};

/// CadreColumns as views.
struct CadreColumnViews {
  static constexpr ColumnTable table = ColumnTable::cadres;
  std::uint64_t count = 0;
  std::vector<std::string_view> id;
  std::vector<std::string_view> full_name;
  ColumnView<std::uint32_t> birth_date;
  ColumnView<std::uint32_t> unit;
  ColumnView<std::uint32_t> position_count;
  std::uint64_t position_total = 0;
  ColumnView<std::uint8_t> position;
  ColumnView<std::uint32_t> position_since;
  ColumnView<std::uint8_t> gender;
  DictionaryViews ethnicity;
  ColumnView<std::uint32_t> party_joined;
  ColumnView<std::uint8_t> general_education;
  ColumnView<std::uint8_t> professional_level;
  DictionaryViews professional_field;
  ColumnView<std::uint8_t> professional_mode;
  ColumnView<std::uint8_t> professional_funding;
  ColumnView<std::uint8_t> professional_planned;
  ColumnView<std::uint8_t> political_theory;
  ColumnView<std::uint8_t> state_management;
};

/// TrainingColumns as views.
struct TrainingColumnViews {
  static constexpr ColumnTable table = ColumnTable::trainings;
  std::uint64_t count = 0;
  ColumnView<std::uint32_t> cadre;
  DictionaryViews course;
  ColumnView<std::uint8_t> kind;
  ColumnView<std::uint32_t> start_date;
  ColumnView<std::uint32_t> end_date;
  DictionaryViews provider;
  ColumnView<std::uint8_t> status;
  DictionaryViews result;
  ColumnView<std::uint8_t> funding;
  ColumnView<std::uint8_t> planned;
  ColumnView<std::uint8_t> has_cost;
  ColumnView<std::int64_t> cost;
};

/// PoolColumns as views.
struct PoolColumnViews {
  static constexpr ColumnTable table = ColumnTable::pools;
  std::uint64_t count = 0;
  ColumnView<std::uint32_t> unit;
  ColumnView<std::uint8_t> position;
  ColumnView<std::uint32_t> cadre;
  ColumnView<std::uint32_t> congress_day;
  ColumnView<std::uint32_t> next_congress_day;
  ColumnView<std::uint32_t> added_on;
};

/// BudgetColumns as views.
struct BudgetColumnViews {
  static constexpr ColumnTable table = ColumnTable::budgets;
  std::uint64_t count = 0;
  ColumnView<std::uint32_t> unit;
  ColumnView<std::int32_t> year;
  ColumnView<std::int64_t> allocated;
  ColumnView<std::uint8_t> has_spent;
  ColumnView<std::int64_t> spent;
};

/// RosterColumnsReader for views: the same records, checks and messages. The payload the
/// views point into must outlive each read() call (the records copy what they keep).
class RosterColumnViewsReader {
 public:
  RosterColumnViewsReader();
  ~RosterColumnViewsReader();
  RosterColumnViewsReader(const RosterColumnViewsReader&) = delete;
  RosterColumnViewsReader& operator=(const RosterColumnViewsReader&) = delete;

  /// As RosterColumnsReader::read(UnitColumns&&), and so on for each table.
  void read(const UnitColumnViews& columns);
  void read(const CadreColumnViews& columns);
  void read(const TrainingColumnViews& columns);
  void read(const PoolColumnViews& columns);
  void read(const BudgetColumnViews& columns);
  /// As RosterColumnsReader::finish().
  [[nodiscard]] model::Roster finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace cadreplan::io::detail
