/// \file fold.hpp
/// \brief Unicode folding for matching codes and fields of study as people type them.
/// \ingroup text
#pragma once

#include <string>
#include <string_view>

/// \defgroup text Text
/// \brief UTF-8 validation and folding (diacritics, case, NFC/NFD) used by the parsers.

/// Text utilities shared by the parsers and the profile matchers.
namespace cadreplan::text {

/// True when \p bytes is well-formed UTF-8 (no overlongs, no surrogates).
[[nodiscard]] bool is_valid_utf8(std::string_view bytes) noexcept;

/// Folds \p text for matching: Unicode case folding, decomposition, removal of
/// combining marks (so NFC and NFD spellings agree and diacritics do not matter),
/// `đ`/`Đ` to `d` (a separate letter, not a d with a mark, so Unicode keeps it),
/// `_` and `-` to a space, runs of white space to one space, trimmed.
///
/// `"Trung học phổ thông"`, `"TRUNG HOC PHO THONG"` and `"trung_hoc  pho-thong"`
/// all fold to `"trung hoc pho thong"`.
/// \throws std::invalid_argument when \p text is not valid UTF-8.
[[nodiscard]] std::string fold(std::string_view text);

/// Composes \p text to Unicode NFC (the form written to files).
/// \throws std::invalid_argument when \p text is not valid UTF-8.
[[nodiscard]] std::string to_nfc(std::string_view text);

/// \p text without leading and trailing ASCII white space (space, tab, line feed, carriage
/// return, form feed, vertical tab). Inline: loaders call it for every cell, and most
/// cells have nothing to trim.
[[nodiscard]] constexpr std::string_view trim(std::string_view text) noexcept {
  constexpr auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace cadreplan::text
