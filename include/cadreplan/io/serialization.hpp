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
/// (all at version 0 today); a change of a class's members must bump its version and keep
/// loading the older ones. Every member is wrapped in `make_nvp`, so XML archives work.
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
/// - A model::Roster is its tables; loading rebuilds and re-validates it with
///   model::Roster::build().
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
#include <boost/serialization/nvp.hpp>
#include <boost/serialization/string.hpp>
#include <boost/serialization/tracking.hpp>
#include <boost/serialization/version.hpp>

#include <algorithm>
#include <cstdint>
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

/// Saves a roster as its tables (the indices are rebuilt on load).
template <class Archive>
void save(Archive& archive, const cadreplan::model::Roster& roster,
          const unsigned int /*version*/) {
  archive << make_nvp("tables", roster.tables());
}

/// Loads a roster's tables and rebuilds it with model::Roster::build().
/// \throws cadreplan::io::ArchiveContentError when the tables break an integrity rule.
template <class Archive>
void load(Archive& archive, cadreplan::model::Roster& roster, const unsigned int version) {
  cadreplan::io::detail::check_version<cadreplan::model::Roster>(version,
                                                                 "cadreplan::model::Roster");
  cadreplan::model::RosterTables tables;
  archive >> make_nvp("tables", tables);
  try {
    roster = cadreplan::model::Roster::build(std::move(tables));
  } catch (const cadreplan::model::RosterError& error) {
    cadreplan::io::detail::fail_field("tables", error.what());
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
CADREPLAN_SERIALIZATION_CLASS(cadreplan::model::Roster, 0)
