/// \file serialization.hpp
/// \brief Non-intrusive, versioned Boost.Serialization of every model type.
/// \ingroup io
///
/// Include this header to save or load any model type, a whole model::Roster included,
/// through any Boost archive (text, XML, binary):
/// \code
/// boost::archive::xml_oarchive archive(stream);
/// archive << boost::serialization::make_nvp("roster", roster);
/// \endcode
/// The model headers stay free of Boost.Serialization: everything lives here.
///
/// **The archive format.** Every model class is versioned with `BOOST_CLASS_VERSION`
/// (model::Roster at version 1, the others at 0); a change of a class's members must bump
/// its version and keep loading the older ones. Every member is wrapped in `make_nvp`, so
/// XML archives work.
/// - Enumerated codes are stored as their integer value, so **the order of every code
///   enum is part of the archive format: values may only be appended, never reordered or
///   removed**. Loading checks each integer against the enum's codes.
/// - Booleans (and the presence flag of a `std::optional`) are stored as 0 or 1 and checked.
/// - `std::optional<T>` is a presence flag (`has_value`) followed, when set, by the value.
/// - Interned strings (model::InternedString) are stored as the std::string they hold.
/// - Dates are Boost.Date_Time's ISO strings (`greg_serialize.hpp`); a stored date is
///   never `not-a-date-time` (an unknown date is an empty optional, never a special value).
/// - A model::Term is its congress day and next congress day.
/// - A vector is its element count followed by the elements.
/// - A model::Roster is its tables; loading rebuilds and re-validates it. Class version 0
///   (archive format version 1) stores the RosterTables record by record as above, and
///   loads through model::Roster::build(); class version 1 (format version 2) stores them
///   in columns, below, and loads through detail::RosterColumnsReader, which checks the
///   same rules but takes the references as the rows they are stored as. Both load.
///
/// **The columnar roster** (model::Roster class version 1). Five elements, `units`,
/// `cadres`, `trainings`, `pools`, `budgets` (detail::UnitColumns and the others, written
/// bare: no class header of their own). Each starts with its record `count` (uint64),
/// followed by its columns, each `count` values long, in the order of the members of the
/// detail structs. A column of integers is written with `make_array`: in a binary archive
/// one block of native integers (memcpy both ways), in XML and text one `item` per value.
/// - Codes: uint8, the enum's integer; 255 for an empty optional.
/// - Flags (`std::optional<bool>`): uint8 0 or 1, 255 for unknown.
/// - Dates: uint32 days since 1400-01-01 (Boost.Date_Time's first day; its last,
///   9999-12-31, is 3 141 084); 0xFFFFFFFF for an empty optional, never for a required date.
/// - Amounts (`std::optional<Dong>`): a flag column (`has_cost`, `has_spent`: 0 or 1) and
///   an int64 column, 0 where the amount is unknown.
/// - References (a cadre's unit, a training's cadre, a pool entry's unit and cadre, a
///   budget line's unit, a unit's parent): uint32 row numbers in the referenced table,
///   0xFFFFFFFF for a unit without a parent; loading checks each is in range.
/// - Ids and names: one string per record (`item` elements of their column).
/// - Repeated texts (province, minority, ethnicity, field of study, course, provider,
///   result): a dictionary, its `size` (uint64), its `words` (each distinct text once, in
///   order of first use), then `rows`, one uint32 word index per record.
/// - Positions held: the cadres' `position_count` column (uint32), then a
///   `cadres.positions` table of their own (a count, which must equal the sum, then the
///   `position` and `since` columns), in cadre order.
/// - A term: `congress_day` and `next_congress_day` columns, rebuilt through
///   model::Term::from_congresses().
///
/// Loading checks every count before allocating (the archive's own `check_column` member,
/// if any: the loaders of archive.cpp bound it by ArchiveLimits::max_records and by the
/// bytes that remain; others by default_max_column_values), and every value after
/// reading: a malformed one throws ArchiveContentError naming the column and the row,
/// e.g. `archive field 'trainings.kind[123]': 9 is not a kind code (valid: 0 to 5)`.
///
/// **Untrusted input.** Archives are not portable across Boost versions (binary archives
/// not across platforms either), and Boost's own loaders can allocate whatever a corrupted
/// string length asks for. The checks here stop a malformed value from ever entering the
/// model, but archives from untrusted sources must still be validated (checksummed) before
/// they are handed to Boost. In particular, Boost 1.74's `xml_iarchive` reads the closing
/// `</boost_serialization>` tag in its destructor and calls `std::terminate` when that tag
/// is cut off (boostorg/serialization issues 99 and 220): check that an XML archive ends
/// with the tag before opening it.
#pragma once

// greg_serialize.hpp uses split_free without including it.
#include <boost/serialization/split_free.hpp>

#include <boost/archive/archive_exception.hpp>
#include <boost/date_time/gregorian/greg_serialize.hpp>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <boost/lexical_cast/bad_lexical_cast.hpp>
#include <boost/serialization/level.hpp>
#include <boost/serialization/array_wrapper.hpp>
#include <boost/serialization/nvp.hpp>
#include <boost/serialization/string.hpp>
#include <boost/serialization/tracking.hpp>
#include <boost/serialization/version.hpp>

#include <algorithm>
#include <concepts>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "cadreplan/model/budget.hpp"
#include "cadreplan/model/cadre.hpp"
#include "cadreplan/model/code.hpp"
#include "cadreplan/model/id.hpp"
#include "cadreplan/model/interned_string.hpp"
#include "cadreplan/model/position.hpp"
#include "cadreplan/model/qualification.hpp"
#include "cadreplan/model/roster.hpp"
#include "cadreplan/model/successor_pool.hpp"
#include "cadreplan/model/term.hpp"
#include "cadreplan/model/training.hpp"
#include "cadreplan/model/unit.hpp"

namespace cadreplan::io {

/// An archive whose content no CadrePlan could have written, or a model value that could
/// not be loaded back if it were written: an enum code out of range, a flag other than 0
/// or 1, a required date that is not a date, a term that ends before it starts, a roster
/// that breaks an integrity rule. The message names the archive field and the value.
///
/// A stream that ends early or is not an archive at all throws
/// `boost::archive::archive_exception` instead, as Boost does.
class ArchiveContentError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Helpers of the serializers; not part of the API.
namespace detail {

/// Fails a save or load of the field \p name with \p problem.
[[noreturn]] inline void fail_field(const char* name, const std::string& problem) {
  throw ArchiveContentError("archive field '" + std::string(name) + "': " + problem);
}

/// Refuses to load \p T from an archive written with a newer version of its layout.
/// Boost 1.74 compiles its own check of this out, and would read the wrong members.
/// \throws boost::archive::archive_exception (`unsupported_class_version`).
template <class T>
void check_version(unsigned int version, const char* class_name) {
  if (version > static_cast<unsigned int>(boost::serialization::version<T>::value)) {
    throw boost::archive::archive_exception(
        boost::archive::archive_exception::unsupported_class_version, class_name);
  }
}

/// The code enum value whose integer is \p code.
/// \throws ArchiveContentError when \p code is none of the enum's codes.
template <class E>
[[nodiscard]] E checked_code(const char* name, long long code) {
  const auto codes = model::all_codes<E>();
  const auto found = std::find_if(codes.begin(), codes.end(), [code](E value) {
    return static_cast<long long>(value) == code;
  });
  if (found == codes.end()) {
    fail_field(name, std::to_string(code) + " is not a " + std::string(model::code_kind_name<E>()) +
                         " code (valid: 0 to " + std::to_string(codes.size() - 1) + ")");
  }
  return *found;
}

/// Saves or loads a code enum as its integer value, checked both ways: an enum variable
/// holding no code would write an archive that cannot be read back.
template <class Archive, class E>
void code_field(Archive& archive, const char* name, E& value) {
  if constexpr (Archive::is_saving::value) {
    int code = static_cast<int>(checked_code<E>(name, static_cast<long long>(value)));
    archive << boost::serialization::make_nvp(name, code);
  } else {
    int code = 0;
    archive >> boost::serialization::make_nvp(name, code);
    value = checked_code<E>(name, code);
  }
}

/// Saves or loads a boolean as the byte 0 or 1: Boost's binary archives copy a `bool`'s
/// byte verbatim, and any other byte would be an invalid `bool`.
template <class Archive>
void flag_field(Archive& archive, const char* name, bool& value) {
  if constexpr (Archive::is_saving::value) {
    std::uint8_t byte = value ? 1 : 0;
    archive << boost::serialization::make_nvp(name, byte);
  } else {
    std::uint8_t byte = 0;
    archive >> boost::serialization::make_nvp(name, byte);
    if (byte > 1) fail_field(name, std::to_string(byte) + " is not a flag (0 or 1)");
    value = byte == 1;
  }
}

/// Saves or loads a date that must be a real day (not `not-a-date-time`, not infinity).
template <class Archive>
void date_field(Archive& archive, const char* name, boost::gregorian::date& value) {
  if constexpr (Archive::is_saving::value) {
    if (value.is_special()) {
      fail_field(name, "cannot save the special date " + to_simple_string(value));
    }
    archive << boost::serialization::make_nvp(name, value);
  } else {
    try {
      archive >> boost::serialization::make_nvp(name, value);
    } catch (const boost::bad_lexical_cast&) {
      fail_field(name, "not a date");
    } catch (const std::out_of_range& error) {  // bad_year, bad_month, bad_day_of_month
      fail_field(name, std::string("not a date: ") + error.what());
    }
    if (value.is_special()) fail_field(name, "a required date is " + to_simple_string(value));
  }
}

/// A vector as Boost sees it: its count, then each element as `item`, inside one element
/// of its own. Stands in for `boost/serialization/vector.hpp`, whose loader reserves
/// whatever count a corrupted archive claims.
template <class T>
class Sequence {
 public:
  /// Serializes \p values.
  explicit Sequence(std::vector<T>& values) noexcept : values_(&values) {}

  /// Saves or loads the count and the elements. Loading grows the vector one element at a
  /// time after a bounded reservation, so a corrupted count fails at the end of the stream
  /// instead of allocating what it claims.
  template <class Archive>
  void serialize(Archive& archive, const unsigned int /*version*/);

 private:
  std::vector<T>* values_;
};

/// Saves or loads one member: codes, flags and dates checked, vectors as a Sequence,
/// anything else as Boost does.
template <class Archive, class T>
void field(Archive& archive, const char* name, T& value) {
  if constexpr (std::is_enum_v<T>) {
    code_field(archive, name, value);
  } else if constexpr (std::is_same_v<T, bool>) {
    flag_field(archive, name, value);
  } else if constexpr (std::is_same_v<T, boost::gregorian::date>) {
    date_field(archive, name, value);
  } else if constexpr (std::is_same_v<T, model::InternedString>) {
    // Stored as the std::string it was before interning: the format does not change.
    std::string text = value.str();
    archive& boost::serialization::make_nvp(name, text);
    if constexpr (Archive::is_loading::value) value = model::InternedString(text);
  } else {
    archive& boost::serialization::make_nvp(name, value);
  }
}

/// Saves or loads a vector member as a Sequence.
template <class Archive, class T>
void field(Archive& archive, const char* name, std::vector<T>& values) {
  Sequence<T> sequence(values);
  archive& boost::serialization::make_nvp(name, sequence);
}

template <class T>
template <class Archive>
void Sequence<T>::serialize(Archive& archive, const unsigned int /*version*/) {
  // Enough for a national roster's tables to load without regrowing much.
  constexpr std::uint64_t kMaxReservation = std::uint64_t{1} << 16;
  std::uint64_t count = values_->size();
  archive& boost::serialization::make_nvp("count", count);
  if constexpr (Archive::is_saving::value) {
    for (auto& value : *values_) field(archive, "item", value);
  } else {
    values_->clear();
    values_->reserve(static_cast<std::size_t>(std::min(count, kMaxReservation)));
    for (std::uint64_t i = 0; i < count; ++i) {
      T value{};
      field(archive, "item", value);
      values_->push_back(std::move(value));
    }
  }
}


// ---------------------------------------------------------------------------------------
// The columnar layout of model::Roster, class version 1 (archive format version 2).

/// The most values a column of a columnar roster may announce when the archive sets no
/// bound of its own (ArchiveLimits::max_records' default).
inline constexpr std::uint64_t default_max_column_values = std::uint64_t{1} << 24;

/// The day number of a date in a column: days since 1400-01-01, Boost.Date_Time's first
/// day, so every date Boost can hold fits.
inline constexpr std::uint32_t first_column_day = 2232400;  // 1400-01-01's day_number()
/// The largest day number in a column: 9999-12-31, Boost.Date_Time's last day.
inline constexpr std::uint32_t last_column_day = 5373484 - first_column_day;
/// A date column's value for an absent optional date.
inline constexpr std::uint32_t absent_day = 0xFFFF'FFFF;
/// A code column's value for an absent optional code or flag.
inline constexpr std::uint8_t absent_code = 0xFF;
/// A row column's value for "no row" (a unit without a parent).
inline constexpr std::uint32_t no_row = 0xFFFF'FFFF;

/// Fails a save or load of the field \p name (built by the caller, with the row) with
/// \p problem.
[[noreturn]] inline void fail_field(const std::string& name, const std::string& problem) {
  fail_field(name.c_str(), problem);
}

/// Checks that \p count values, each at least \p value_bytes long in a binary archive, may
/// be announced for the column \p table.\p column (\p column null: the table's record
/// count), before anything is allocated for them. An archive bounds this itself with a
/// member `check_column(table, column, count, value_bytes)` (the loaders of archive.cpp
/// check ArchiveLimits::max_records and the bytes that remain); any other archive gets
/// default_max_column_values.
/// \throws ArchiveContentError naming the column.
template <class Archive>
void check_column_count(Archive& archive, const char* table, const char* column,
                        std::uint64_t count, std::size_t value_bytes) {
  if constexpr (requires { archive.check_column(table, column, count, value_bytes); }) {
    archive.check_column(table, column, count, value_bytes);
  } else if (count > default_max_column_values) {
    fail_field(std::string(table) + (column != nullptr ? "." + std::string(column) : ""),
               std::to_string(count) + " values, more than " +
                   std::to_string(default_max_column_values));
  }
}

/// A column of strings held once each (course, provider, province, ...): the distinct
/// texts (`words`, in order of first use), then one index into them per row (`rows`).
struct DictionaryColumn {
  std::vector<std::string> words;    ///< The distinct texts.
  std::vector<std::uint32_t> rows;   ///< Per row, the index of its text in words.
};

/// Which table a set of columns holds: the columns' structs (and the binary reader's views
/// of them) name it, so that one layout function serves each table.
enum class ColumnTable { units, cadres, trainings, pools, budgets };

/// The units table as columns.
struct UnitColumns {
  static constexpr ColumnTable table = ColumnTable::units;  ///< The table.
  std::uint64_t count = 0;                   ///< Records.
  std::vector<std::string> id;               ///< Unit::id.
  std::vector<std::string> name;             ///< Unit::name.
  std::vector<std::uint8_t> kind;            ///< Unit::kind, a code.
  std::vector<std::uint32_t> parent;         ///< Row of Unit::parent_id, or no_row.
  DictionaryColumn province;                 ///< Unit::province.
  std::vector<std::uint8_t> large_minority;  ///< Unit::large_minority: 0, 1 or absent_code.
  DictionaryColumn minority;                 ///< Unit::minority.
  std::vector<std::uint8_t> area;            ///< Unit::area, a code or absent_code.
};

/// The cadres table as columns; positions held are a table of their own, in cadre order.
struct CadreColumns {
  static constexpr ColumnTable table = ColumnTable::cadres;  ///< The table.
  std::uint64_t count = 0;                       ///< Records.
  std::vector<std::string> id;                   ///< Cadre::id.
  std::vector<std::string> full_name;            ///< Cadre::full_name.
  std::vector<std::uint32_t> birth_date;         ///< Cadre::birth_date, a day number.
  std::vector<std::uint32_t> unit;               ///< Row of Cadre::unit_id.
  std::vector<std::uint32_t> position_count;     ///< Cadre::positions.size().
  std::uint64_t position_total = 0;              ///< All cadres' positions.
  std::vector<std::uint8_t> position;            ///< PositionHolding::position, a code.
  std::vector<std::uint32_t> position_since;     ///< PositionHolding::since, or absent_day.
  std::vector<std::uint8_t> gender;              ///< Cadre::gender.
  DictionaryColumn ethnicity;                    ///< Cadre::ethnicity.
  std::vector<std::uint32_t> party_joined;       ///< Cadre::party_joined.
  std::vector<std::uint8_t> general_education;   ///< Cadre::general_education.
  std::vector<std::uint8_t> professional_level;  ///< ProfessionalQualification::level.
  DictionaryColumn professional_field;           ///< ProfessionalQualification::field.
  std::vector<std::uint8_t> professional_mode;   ///< ProfessionalQualification::mode.
  std::vector<std::uint8_t> professional_funding;  ///< ProfessionalQualification::funding.
  std::vector<std::uint8_t> professional_planned;  ///< ProfessionalQualification::planned.
  std::vector<std::uint8_t> political_theory;      ///< Cadre::political_theory.
  std::vector<std::uint8_t> state_management;      ///< Cadre::state_management.
};

/// The training records as columns.
struct TrainingColumns {
  static constexpr ColumnTable table = ColumnTable::trainings;  ///< The table.
  std::uint64_t count = 0;                ///< Records.
  std::vector<std::uint32_t> cadre;       ///< Row of TrainingRecord::cadre_id.
  DictionaryColumn course;                ///< TrainingRecord::course.
  std::vector<std::uint8_t> kind;         ///< TrainingRecord::kind.
  std::vector<std::uint32_t> start_date;  ///< TrainingRecord::start_date.
  std::vector<std::uint32_t> end_date;    ///< TrainingRecord::end_date.
  DictionaryColumn provider;              ///< TrainingRecord::provider.
  std::vector<std::uint8_t> status;       ///< TrainingRecord::status.
  DictionaryColumn result;                ///< TrainingRecord::result.
  std::vector<std::uint8_t> funding;      ///< TrainingRecord::funding.
  std::vector<std::uint8_t> planned;      ///< TrainingRecord::planned.
  std::vector<std::uint8_t> has_cost;     ///< Whether TrainingRecord::cost is known: 0 or 1.
  std::vector<std::int64_t> cost;         ///< TrainingRecord::cost (0 when unknown).
};

/// The successor pool entries as columns.
struct PoolColumns {
  static constexpr ColumnTable table = ColumnTable::pools;  ///< The table.
  std::uint64_t count = 0;                       ///< Records.
  std::vector<std::uint32_t> unit;               ///< Row of PoolEntry::unit_id.
  std::vector<std::uint8_t> position;            ///< PoolEntry::position.
  std::vector<std::uint32_t> cadre;              ///< Row of PoolEntry::cadre_id.
  std::vector<std::uint32_t> congress_day;       ///< PoolEntry::term's first day.
  std::vector<std::uint32_t> next_congress_day;  ///< The day after PoolEntry::term's last.
  std::vector<std::uint32_t> added_on;           ///< PoolEntry::added_on.
};

/// The budget lines as columns.
struct BudgetColumns {
  static constexpr ColumnTable table = ColumnTable::budgets;  ///< The table.
  std::uint64_t count = 0;                  ///< Records.
  std::vector<std::uint32_t> unit;          ///< Row of BudgetLine::unit_id.
  std::vector<std::int32_t> year;           ///< BudgetLine::year.
  std::vector<std::int64_t> allocated;      ///< BudgetLine::allocated.
  std::vector<std::uint8_t> has_spent;      ///< Whether spent_on_training is known: 0 or 1.
  std::vector<std::int64_t> spent;          ///< BudgetLine::spent_on_training (0 when unknown).
};

/// The columns of \p roster's units (every reference as a row; interned and repeated
/// strings as dictionaries).
/// \throws ArchiveContentError for a value no archive can keep (a code out of range, a
///   special date), naming the column and the row.
[[nodiscard]] UnitColumns unit_columns(const model::Roster& roster);
/// The columns of \p roster's cadres (see unit_columns()).
[[nodiscard]] CadreColumns cadre_columns(const model::Roster& roster);
/// The columns of \p roster's training records (see unit_columns()).
[[nodiscard]] TrainingColumns training_columns(const model::Roster& roster);
/// The columns of \p roster's pool entries (see unit_columns()).
[[nodiscard]] PoolColumns pool_columns(const model::Roster& roster);
/// The columns of \p roster's budget lines (see unit_columns()).
[[nodiscard]] BudgetColumns budget_columns(const model::Roster& roster);

/// Rebuilds a roster from its tables' columns, given one table at a time in archive
/// order (units, cadres, trainings, pools, budgets), so only one table's columns exist at
/// a time. Every value is checked; the references, stored as rows, are checked to be in
/// range and become the roster's indices as they are, instead of being looked up again
/// by id as model::Roster::build() would (5.5 million lookups at national scale).
class RosterColumnsReader {
 public:
  /// A reader with no table yet.
  RosterColumnsReader();
  /// Frees the tables not taken by finish().
  ~RosterColumnsReader();
  RosterColumnsReader(const RosterColumnsReader&) = delete;             ///< Not copied.
  RosterColumnsReader& operator=(const RosterColumnsReader&) = delete;  ///< Not copied.

  /// Takes the units.
  /// \throws ArchiveContentError naming the column, the row and the value.
  void read(UnitColumns&& columns);
  /// Takes the cadres (after the units: their rows refer to them).
  /// \throws ArchiveContentError as read(UnitColumns&&).
  void read(CadreColumns&& columns);
  /// Takes the training records (after the cadres).
  /// \throws ArchiveContentError as read(UnitColumns&&).
  void read(TrainingColumns&& columns);
  /// Takes the pool entries (after the units and the cadres).
  /// \throws ArchiveContentError as read(UnitColumns&&).
  void read(PoolColumns&& columns);
  /// Takes the budget lines (after the units).
  /// \throws ArchiveContentError as read(UnitColumns&&).
  void read(BudgetColumns&& columns);
  /// The roster of the tables read, validated as model::Roster::build() validates.
  /// \throws model::RosterError naming the first integrity violation found.
  [[nodiscard]] model::Roster finish();

 private:
  struct State;  // the tables and their references' rows
  std::unique_ptr<State> state_;
};

/// Saves or loads a table's record count (\p count), checked on load.
template <class Archive>
void table_count(Archive& archive, const char* table, std::uint64_t& count) {
  archive& boost::serialization::make_nvp("count", count);
  if constexpr (Archive::is_loading::value) {
    check_column_count(archive, table, nullptr, count, 1);
  }
}

/// Saves or loads a column of \p count fixed-width integers as one array (one block of
/// bytes in a binary archive; `item` elements in XML).
template <class Archive, class T>
void value_column(Archive& archive, const char* table, const char* column,
                  std::vector<T>& values, std::uint64_t count) {
  static_assert(std::is_integral_v<T>);
  if constexpr (Archive::is_loading::value) {
    check_column_count(archive, table, column, count, sizeof(T));
    values.assign(static_cast<std::size_t>(count), T{});
  }
  if (count == 0) return;
  archive& boost::serialization::make_nvp(
      column, boost::serialization::make_array(values.data(), static_cast<std::size_t>(count)));
}

/// A column of strings, each as Boost writes a std::string (`item` elements in XML); a
/// view for Boost, like Sequence.
class StringColumn {
 public:
  /// Serializes the first \p count of \p values.
  StringColumn(std::vector<std::string>& values, std::uint64_t count) noexcept
      : values_(&values), count_(count) {}
  /// Saves or loads the strings (the loader's own string checks apply to each).
  template <class Archive>
  void serialize(Archive& archive, const unsigned int /*version*/) {
    for (std::uint64_t i = 0; i < count_; ++i) {
      archive& boost::serialization::make_nvp("item", (*values_)[static_cast<std::size_t>(i)]);
    }
  }

 private:
  std::vector<std::string>* values_;
  std::uint64_t count_;
};

/// Saves or loads a column of \p count strings.
template <class Archive>
void string_column(Archive& archive, const char* table, const char* column,
                   std::vector<std::string>& values, std::uint64_t count) {
  if constexpr (Archive::is_loading::value) {
    // A binary archive writes a string's length in 8 bytes.
    check_column_count(archive, table, column, count, sizeof(std::uint64_t));
    values.assign(static_cast<std::size_t>(count), std::string());
  }
  if (count == 0) return;
  StringColumn view(values, count);
  archive& boost::serialization::make_nvp(column, view);
}

/// A dictionary column for Boost: its word count (`size`), its words, its row indices.
class DictionaryView {
 public:
  /// Serializes \p column of \p count rows of \p table.
  DictionaryView(DictionaryColumn& column, const char* table, const char* name,
                 std::uint64_t count)
      : column_(&column), field_(std::string(table) + "." + name), count_(count) {}
  /// Saves or loads the words, then the rows.
  template <class Archive>
  void serialize(Archive& archive, const unsigned int /*version*/) {
    std::uint64_t size = column_->words.size();
    archive& boost::serialization::make_nvp("size", size);
    string_column(archive, field_.c_str(), "words", column_->words, size);
    value_column(archive, field_.c_str(), "rows", column_->rows, count_);
  }

 private:
  DictionaryColumn* column_;
  std::string field_;
  std::uint64_t count_;
};

/// Saves or loads a dictionary column of \p count rows.
template <class Archive>
void dictionary_column(Archive& archive, const char* table, const char* column,
                       DictionaryColumn& values, std::uint64_t count) {
  DictionaryView view(values, table, column, count);
  archive& boost::serialization::make_nvp(column, view);
}

}  // namespace detail
}  // namespace cadreplan::io

/// Boost.Serialization's customisation points for the model types (found by Boost
/// through its `version_type` argument).
namespace boost::serialization {

/// Saves a `std::optional` as its presence flag, then its value when present.
///
/// Boost 1.74 serializes `boost::optional` only. Codes, flags and dates inside are checked
/// like any other member. If a later Boost brings its own `std::optional` support, this
/// overload must go, and the format must be re-checked.
template <class Archive, class T>
void save(Archive& archive, const std::optional<T>& value, const unsigned int /*version*/) {
  bool has_value = value.has_value();
  cadreplan::io::detail::flag_field(archive, "has_value", has_value);
  if (has_value) {
    T copy = *value;
    cadreplan::io::detail::field(archive, "value", copy);
  }
}

/// Loads a `std::optional` saved by save(): the flag, then the value when set.
template <class Archive, class T>
void load(Archive& archive, std::optional<T>& value, const unsigned int version) {
  cadreplan::io::detail::check_version<std::optional<T>>(version, "std::optional");
  bool has_value = false;
  cadreplan::io::detail::flag_field(archive, "has_value", has_value);
  if (!has_value) {
    value.reset();
    return;
  }
  T loaded{};
  cadreplan::io::detail::field(archive, "value", loaded);
  value = std::move(loaded);
}

/// Splits a `std::optional`'s serialization into save() and load().
template <class Archive, class T>
void serialize(Archive& archive, std::optional<T>& value, const unsigned int version) {
  split_free(archive, value, version);
}

/// `std::optional` is versioned like the model classes (version 0).
template <class T>
struct version<std::optional<T>> {
  using type = mpl::int_<0>;        ///< The version as an MPL integral.
  using tag = mpl::integral_c_tag;  ///< MPL's tag for integral constants.
  static constexpr int value = 0;   ///< The version.
};

/// `std::optional` values are never tracked: they are members, never pointed to.
template <class T>
struct tracking_level<std::optional<T>> {
  using type = mpl::int_<track_never>;       ///< The tracking level as an MPL integral.
  using tag = mpl::integral_c_tag;           ///< MPL's tag for integral constants.
  static constexpr int value = track_never;  ///< The tracking level.
};

/// A Sequence is written bare (no class header): its layout is fixed, count then items.
template <class T>
struct implementation_level<cadreplan::io::detail::Sequence<T>> {
  using type = mpl::int_<object_serializable>;       ///< The level as an MPL integral.
  using tag = mpl::integral_c_tag;                   ///< MPL's tag for integral constants.
  static constexpr int value = object_serializable;  ///< The level.
};

/// A Sequence is a temporary view, never tracked.
template <class T>
struct tracking_level<cadreplan::io::detail::Sequence<T>> {
  using type = mpl::int_<track_never>;       ///< The tracking level as an MPL integral.
  using tag = mpl::integral_c_tag;           ///< MPL's tag for integral constants.
  static constexpr int value = track_never;  ///< The tracking level.
};

/// Saves or loads an id as its text (`value`).
template <class Archive, class Tag>
void serialize(Archive& archive, cadreplan::model::Id<Tag>& id, const unsigned int version) {
  cadreplan::io::detail::check_version<cadreplan::model::Id<Tag>>(version, "cadreplan::model::Id");
  std::string text = id.str();
  archive& make_nvp("value", text);
  if constexpr (Archive::is_loading::value) id = cadreplan::model::Id<Tag>(std::move(text));
}

/// Ids are versioned like the model classes (version 0).
template <class Tag>
struct version<cadreplan::model::Id<Tag>> {
  using type = mpl::int_<0>;        ///< The version as an MPL integral.
  using tag = mpl::integral_c_tag;  ///< MPL's tag for integral constants.
  static constexpr int value = 0;   ///< The version.
};

/// Ids are values, never tracked.
template <class Tag>
struct tracking_level<cadreplan::model::Id<Tag>> {
  using type = mpl::int_<track_never>;       ///< The tracking level as an MPL integral.
  using tag = mpl::integral_c_tag;           ///< MPL's tag for integral constants.
  static constexpr int value = track_never;  ///< The tracking level.
};

/// Saves or loads a unit.
template <class Archive>
void serialize(Archive& archive, cadreplan::model::Unit& unit, const unsigned int version) {
  cadreplan::io::detail::check_version<cadreplan::model::Unit>(version, "cadreplan::model::Unit");
  using cadreplan::io::detail::field;
  field(archive, "id", unit.id);
  field(archive, "name", unit.name);
  field(archive, "kind", unit.kind);
  field(archive, "parent_id", unit.parent_id);
  field(archive, "province", unit.province);
  field(archive, "large_minority", unit.large_minority);
  field(archive, "minority", unit.minority);
  field(archive, "area", unit.area);
}

/// Saves or loads a position holding.
template <class Archive>
void serialize(Archive& archive, cadreplan::model::PositionHolding& holding,
               const unsigned int version) {
  cadreplan::io::detail::check_version<cadreplan::model::PositionHolding>(
      version, "cadreplan::model::PositionHolding");
  using cadreplan::io::detail::field;
  field(archive, "position", holding.position);
  field(archive, "since", holding.since);
}

/// Saves or loads a professional qualification.
template <class Archive>
void serialize(Archive& archive, cadreplan::model::ProfessionalQualification& qualification,
               const unsigned int version) {
  cadreplan::io::detail::check_version<cadreplan::model::ProfessionalQualification>(
      version, "cadreplan::model::ProfessionalQualification");
  using cadreplan::io::detail::field;
  field(archive, "level", qualification.level);
  field(archive, "field", qualification.field);
  field(archive, "mode", qualification.mode);
  field(archive, "funding", qualification.funding);
  field(archive, "planned", qualification.planned);
}

/// Saves or loads a cadre.
template <class Archive>
void serialize(Archive& archive, cadreplan::model::Cadre& cadre, const unsigned int version) {
  cadreplan::io::detail::check_version<cadreplan::model::Cadre>(version, "cadreplan::model::Cadre");
  using cadreplan::io::detail::field;
  field(archive, "id", cadre.id);
  field(archive, "full_name", cadre.full_name);
  field(archive, "birth_date", cadre.birth_date);
  field(archive, "unit_id", cadre.unit_id);
  field(archive, "positions", cadre.positions);
  field(archive, "gender", cadre.gender);
  field(archive, "ethnicity", cadre.ethnicity);
  field(archive, "party_joined", cadre.party_joined);
  field(archive, "general_education", cadre.general_education);
  field(archive, "professional", cadre.professional);
  field(archive, "political_theory", cadre.political_theory);
  field(archive, "state_management", cadre.state_management);
}

/// Saves or loads a training record.
template <class Archive>
void serialize(Archive& archive, cadreplan::model::TrainingRecord& record,
               const unsigned int version) {
  cadreplan::io::detail::check_version<cadreplan::model::TrainingRecord>(
      version, "cadreplan::model::TrainingRecord");
  using cadreplan::io::detail::field;
  field(archive, "cadre_id", record.cadre_id);
  field(archive, "course", record.course);
  field(archive, "kind", record.kind);
  field(archive, "start_date", record.start_date);
  field(archive, "end_date", record.end_date);
  field(archive, "provider", record.provider);
  field(archive, "status", record.status);
  field(archive, "result", record.result);
  field(archive, "funding", record.funding);
  field(archive, "planned", record.planned);
  field(archive, "cost", record.cost);
}

/// Saves a term as its congress day and next congress day (the ends of its period).
template <class Archive>
void save(Archive& archive, const cadreplan::model::Term& term, const unsigned int /*version*/) {
  auto congress_day = term.period().begin();
  auto next_congress_day = term.period().end();
  cadreplan::io::detail::field(archive, "congress_day", congress_day);
  cadreplan::io::detail::field(archive, "next_congress_day", next_congress_day);
}

/// Loads a term through model::Term::from_congresses(), which validates it.
template <class Archive>
void load(Archive& archive, cadreplan::model::Term& term, const unsigned int version) {
  cadreplan::io::detail::check_version<cadreplan::model::Term>(version, "cadreplan::model::Term");
  boost::gregorian::date congress_day;
  boost::gregorian::date next_congress_day;
  cadreplan::io::detail::field(archive, "congress_day", congress_day);
  cadreplan::io::detail::field(archive, "next_congress_day", next_congress_day);
  try {
    term = cadreplan::model::Term::from_congresses(congress_day, next_congress_day);
  } catch (const std::invalid_argument& error) {
    cadreplan::io::detail::fail_field("next_congress_day", error.what());
  }
}

/// Splits a term's serialization into save() and load().
template <class Archive>
void serialize(Archive& archive, cadreplan::model::Term& term, const unsigned int version) {
  split_free(archive, term, version);
}

/// Saves or loads a successor pool entry.
template <class Archive>
void serialize(Archive& archive, cadreplan::model::PoolEntry& entry, const unsigned int version) {
  cadreplan::io::detail::check_version<cadreplan::model::PoolEntry>(version,
                                                                    "cadreplan::model::PoolEntry");
  using cadreplan::io::detail::field;
  field(archive, "unit_id", entry.unit_id);
  field(archive, "position", entry.position);
  field(archive, "cadre_id", entry.cadre_id);
  field(archive, "term", entry.term);
  field(archive, "added_on", entry.added_on);
}

/// Saves or loads a budget line.
template <class Archive>
void serialize(Archive& archive, cadreplan::model::BudgetLine& line, const unsigned int version) {
  cadreplan::io::detail::check_version<cadreplan::model::BudgetLine>(
      version, "cadreplan::model::BudgetLine");
  using cadreplan::io::detail::field;
  field(archive, "unit_id", line.unit_id);
  field(archive, "year", line.year);
  field(archive, "allocated", line.allocated);
  field(archive, "spent_on_training", line.spent_on_training);
}

/// Saves or loads the tables of a roster, in file order.
template <class Archive>
void serialize(Archive& archive, cadreplan::model::RosterTables& tables,
               const unsigned int version) {
  cadreplan::io::detail::check_version<cadreplan::model::RosterTables>(
      version, "cadreplan::model::RosterTables");
  using cadreplan::io::detail::field;
  field(archive, "units", tables.units);
  field(archive, "cadres", tables.cadres);
  field(archive, "trainings", tables.trainings);
  field(archive, "pools", tables.pools);
  field(archive, "budgets", tables.budgets);
}

}  // namespace boost::serialization

namespace cadreplan::io::detail {

// --- The column layout: one definition for every reader and writer -----------------------
//
// Each table's columns, in the format's order, walked by a Layout: the Boost archives'
// (ArchiveLayout, below: serialize() of each table) and the binary reader's, which reads
// the same columns as views into the file (src/io/archive.cpp). A Layout has count(table,
// n), strings(table, column, out, n), values(table, column, out, n) and dictionary(table,
// column, out, n); `out` is a vector or a view.

/// The units' columns (see the format notes above).
template <class Layout, class Columns>
void unit_layout(Layout& layout, Columns& c) {
  const char* t = "units";
  layout.count(t, c.count);
  layout.strings(t, "id", c.id, c.count);
  layout.strings(t, "name", c.name, c.count);
  layout.values(t, "kind", c.kind, c.count);
  layout.values(t, "parent", c.parent, c.count);
  layout.dictionary(t, "province", c.province, c.count);
  layout.values(t, "large_minority", c.large_minority, c.count);
  layout.dictionary(t, "minority", c.minority, c.count);
  layout.values(t, "area", c.area, c.count);
}

/// The cadres' columns, their positions as a table of their own.
template <class Layout, class Columns>
void cadre_layout(Layout& layout, Columns& c) {
  const char* t = "cadres";
  const char* p = "cadres.positions";
  layout.count(t, c.count);
  layout.strings(t, "id", c.id, c.count);
  layout.strings(t, "full_name", c.full_name, c.count);
  layout.values(t, "birth_date", c.birth_date, c.count);
  layout.values(t, "unit", c.unit, c.count);
  layout.values(t, "position_count", c.position_count, c.count);
  layout.count(p, c.position_total);
  layout.values(p, "position", c.position, c.position_total);
  layout.values(p, "since", c.position_since, c.position_total);
  layout.values(t, "gender", c.gender, c.count);
  layout.dictionary(t, "ethnicity", c.ethnicity, c.count);
  layout.values(t, "party_joined", c.party_joined, c.count);
  layout.values(t, "general_education", c.general_education, c.count);
  layout.values(t, "professional_level", c.professional_level, c.count);
  layout.dictionary(t, "professional_field", c.professional_field, c.count);
  layout.values(t, "professional_mode", c.professional_mode, c.count);
  layout.values(t, "professional_funding", c.professional_funding, c.count);
  layout.values(t, "professional_planned", c.professional_planned, c.count);
  layout.values(t, "political_theory", c.political_theory, c.count);
  layout.values(t, "state_management", c.state_management, c.count);
}

/// The training records' columns.
template <class Layout, class Columns>
void training_layout(Layout& layout, Columns& c) {
  const char* t = "trainings";
  layout.count(t, c.count);
  layout.values(t, "cadre", c.cadre, c.count);
  layout.dictionary(t, "course", c.course, c.count);
  layout.values(t, "kind", c.kind, c.count);
  layout.values(t, "start_date", c.start_date, c.count);
  layout.values(t, "end_date", c.end_date, c.count);
  layout.dictionary(t, "provider", c.provider, c.count);
  layout.values(t, "status", c.status, c.count);
  layout.dictionary(t, "result", c.result, c.count);
  layout.values(t, "funding", c.funding, c.count);
  layout.values(t, "planned", c.planned, c.count);
  layout.values(t, "has_cost", c.has_cost, c.count);
  layout.values(t, "cost", c.cost, c.count);
}

/// The pool entries' columns.
template <class Layout, class Columns>
void pool_layout(Layout& layout, Columns& c) {
  const char* t = "pools";
  layout.count(t, c.count);
  layout.values(t, "unit", c.unit, c.count);
  layout.values(t, "position", c.position, c.count);
  layout.values(t, "cadre", c.cadre, c.count);
  layout.values(t, "congress_day", c.congress_day, c.count);
  layout.values(t, "next_congress_day", c.next_congress_day, c.count);
  layout.values(t, "added_on", c.added_on, c.count);
}

/// The budget lines' columns.
template <class Layout, class Columns>
void budget_layout(Layout& layout, Columns& c) {
  const char* t = "budgets";
  layout.count(t, c.count);
  layout.values(t, "unit", c.unit, c.count);
  layout.values(t, "year", c.year, c.count);
  layout.values(t, "allocated", c.allocated, c.count);
  layout.values(t, "has_spent", c.has_spent, c.count);
  layout.values(t, "spent", c.spent, c.count);
}

/// The layout of the table \p c holds (Columns::table).
template <class Layout, class Columns>
void table_layout(Layout& layout, Columns& c) {
  if constexpr (Columns::table == ColumnTable::units) {
    unit_layout(layout, c);
  } else if constexpr (Columns::table == ColumnTable::cadres) {
    cadre_layout(layout, c);
  } else if constexpr (Columns::table == ColumnTable::trainings) {
    training_layout(layout, c);
  } else if constexpr (Columns::table == ColumnTable::pools) {
    pool_layout(layout, c);
  } else {
    budget_layout(layout, c);
  }
}

/// The Layout of a Boost archive: each column saved or loaded whole.
template <class Archive>
class ArchiveLayout {
 public:
  /// Walks \p archive.
  explicit ArchiveLayout(Archive& archive) noexcept : archive_(&archive) {}
  /// A table's record count.
  void count(const char* table, std::uint64_t& count) { table_count(*archive_, table, count); }
  /// A column of strings.
  void strings(const char* table, const char* column, std::vector<std::string>& values, std::uint64_t count) {
    string_column(*archive_, table, column, values, count);
  }
  /// A column of integers.
  template <class T>
  void values(const char* table, const char* column, std::vector<T>& values, std::uint64_t count) {
    value_column(*archive_, table, column, values, count);
  }
  /// A dictionary column.
  void dictionary(const char* table, const char* column, DictionaryColumn& values, std::uint64_t count) {
    dictionary_column(*archive_, table, column, values, count);
  }

 private:
  Archive* archive_;
};

}  // namespace cadreplan::io::detail

namespace boost::serialization {

/// Saves or loads a table's columns (UnitColumns, CadreColumns, TrainingColumns,
/// PoolColumns, BudgetColumns) in their layout (io::detail::table_layout()).
template <class Archive, class Columns>
  requires requires { { Columns::table } -> std::convertible_to<cadreplan::io::detail::ColumnTable>; }
void serialize(Archive& archive, Columns& c, const unsigned int /*version*/) {
  cadreplan::io::detail::ArchiveLayout layout(archive);
  cadreplan::io::detail::table_layout(layout, c);
}

/// Saves a roster (class version 1) as its tables in columns, table by table, so only one
/// table's columns exist at a time; the indices are rebuilt on load.
template <class Archive>
void save(Archive& archive, const cadreplan::model::Roster& roster,
          const unsigned int /*version*/) {
  using namespace cadreplan::io::detail;
  {
    UnitColumns units = unit_columns(roster);
    archive << make_nvp("units", units);
  }
  {
    CadreColumns cadres = cadre_columns(roster);
    archive << make_nvp("cadres", cadres);
  }
  {
    TrainingColumns trainings = training_columns(roster);
    archive << make_nvp("trainings", trainings);
  }
  {
    PoolColumns pools = pool_columns(roster);
    archive << make_nvp("pools", pools);
  }
  BudgetColumns budgets = budget_columns(roster);
  archive << make_nvp("budgets", budgets);
}

/// Loads a roster's tables, as columns (class version 1) or records (class version 0,
/// archive format version 1), and rebuilds it: columns through detail::RosterColumnsReader
/// (their references are rows already), records with model::Roster::build().
/// \throws cadreplan::io::ArchiveContentError when a value is malformed or the tables
///   break an integrity rule.
template <class Archive>
void load(Archive& archive, cadreplan::model::Roster& roster, const unsigned int version) {
  using namespace cadreplan::io::detail;
  check_version<cadreplan::model::Roster>(version, "cadreplan::model::Roster");
  const auto load_tables = [&]() -> cadreplan::model::Roster {
    if (version == 0) {
      cadreplan::model::RosterTables tables;
      archive >> make_nvp("tables", tables);
      return cadreplan::model::Roster::build(std::move(tables));
    }
    RosterColumnsReader reader;
    // One table's columns at a time: each is freed once its records are built.
    const auto table = [&](const char* name, auto columns) {
      archive >> make_nvp(name, columns);
      reader.read(std::move(columns));
    };
    table("units", UnitColumns{});
    table("cadres", CadreColumns{});
    table("trainings", TrainingColumns{});
    table("pools", PoolColumns{});
    table("budgets", BudgetColumns{});
    return reader.finish();
  };
  try {
    roster = load_tables();
  } catch (const cadreplan::model::RosterError& error) {
    fail_field("tables", error.what());
  }
}

/// Splits a roster's serialization into save() and load().
template <class Archive>
void serialize(Archive& archive, cadreplan::model::Roster& roster, const unsigned int version) {
  split_free(archive, roster, version);
}

}  // namespace boost::serialization

/// Declares the archive version of a model class and makes it untracked (model values
/// are members and vector elements, never shared through pointers).
#define CADREPLAN_SERIALIZATION_CLASS(T, VERSION) \
  BOOST_CLASS_VERSION(T, VERSION)                 \
  BOOST_CLASS_TRACKING(T, boost::serialization::track_never)

CADREPLAN_SERIALIZATION_CLASS(cadreplan::model::Unit, 0)
CADREPLAN_SERIALIZATION_CLASS(cadreplan::model::PositionHolding, 0)
CADREPLAN_SERIALIZATION_CLASS(cadreplan::model::ProfessionalQualification, 0)
CADREPLAN_SERIALIZATION_CLASS(cadreplan::model::Cadre, 0)
CADREPLAN_SERIALIZATION_CLASS(cadreplan::model::TrainingRecord, 0)
CADREPLAN_SERIALIZATION_CLASS(cadreplan::model::Term, 0)
CADREPLAN_SERIALIZATION_CLASS(cadreplan::model::PoolEntry, 0)
CADREPLAN_SERIALIZATION_CLASS(cadreplan::model::BudgetLine, 0)
CADREPLAN_SERIALIZATION_CLASS(cadreplan::model::RosterTables, 0)
CADREPLAN_SERIALIZATION_CLASS(cadreplan::model::Roster, 1)

/// Declares a helper of the columnar layout as written bare (no class header, no version:
/// the roster's class version says which layout it is) and untracked.
#define CADREPLAN_SERIALIZATION_COLUMNS(T)                               \
  BOOST_CLASS_IMPLEMENTATION(T, boost::serialization::object_serializable) \
  BOOST_CLASS_TRACKING(T, boost::serialization::track_never)

CADREPLAN_SERIALIZATION_COLUMNS(cadreplan::io::detail::UnitColumns)
CADREPLAN_SERIALIZATION_COLUMNS(cadreplan::io::detail::CadreColumns)
CADREPLAN_SERIALIZATION_COLUMNS(cadreplan::io::detail::TrainingColumns)
CADREPLAN_SERIALIZATION_COLUMNS(cadreplan::io::detail::PoolColumns)
CADREPLAN_SERIALIZATION_COLUMNS(cadreplan::io::detail::BudgetColumns)
CADREPLAN_SERIALIZATION_COLUMNS(cadreplan::io::detail::StringColumn)
CADREPLAN_SERIALIZATION_COLUMNS(cadreplan::io::detail::DictionaryView)
