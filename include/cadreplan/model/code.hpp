/// \file code.hpp
/// \brief Enumerated codes: every spelling a roster may use, and how they print.
/// \ingroup model
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace cadreplan::model {

/// The language of text meant for people.
enum class Language {
  english,     ///< English.
  vietnamese,  ///< Vietnamese (tiếng Việt).
};

/// The English code of \p value (`"upper_secondary"`), the spelling written to files.
/// Defined for every code enum of the model (UnitKind, Area, Position, GeneralEducation,
/// ProfessionalLevel, PoliticalTheory, StateManagement, StudyMode, Funding, Gender,
/// TrainingKind, TrainingStatus).
template <class E>
[[nodiscard]] std::string_view to_code(E value) noexcept;

/// The label of \p value for people: the English code with spaces, or the Vietnamese label.
template <class E>
[[nodiscard]] std::string_view to_label(E value, Language language) noexcept;

/// Parses any accepted spelling of a code: the English code, the Vietnamese label with
/// or without diacritics, in any letter case and Unicode normal form, and the customary
/// notations (`12/12`, `THPT`, ...). Returns nothing for an unknown spelling.
template <class E>
[[nodiscard]] std::optional<E> parse_code(std::string_view text);

/// Every value of the enum, in its natural order.
template <class E>
[[nodiscard]] std::span<const E> all_codes() noexcept;

/// The code's kind as named in messages (`"general_education"`).
template <class E>
[[nodiscard]] std::string_view code_kind_name() noexcept;

}  // namespace cadreplan::model
