/// \file text.hpp
/// \brief A text for people in both languages the library speaks.
/// \ingroup policy
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>

#include "cadreplan/model/code.hpp"

namespace cadreplan::policy {

/// A string literal, checked at compile time: what a Text can hold without a copy.
///
/// Its constructor is `consteval`, so only a constant expression, in practice a string
/// literal, converts to it; a literal lives as long as the program, so a text made of
/// two of them needs no heap block, whoever keeps it and for however long.
class Literal {
 public:
  /// \p text, a string literal.
  consteval Literal(const char* text) noexcept  // NOLINT(google-explicit-constructor): a literal
      : text_(text), size_(std::char_traits<char>::length(text)) {}
  /// The literal's text.
  [[nodiscard]] constexpr std::string_view view() const noexcept { return {text_, size_}; }

 private:
  const char* text_;
  std::size_t size_;
};

/// A text for people, in English and Vietnamese.
///
/// A national `check` makes hundreds of thousands of findings, each with a message and a
/// fix in both languages. A text therefore costs at most one heap block: two literals
/// (most fixes, titles and descriptions) are kept as they are, with no copy; any other
/// pair of strings is copied into one block holding both. Copies of a text are
/// independent values.
class Text {
 public:
  /// Empty in both languages.
  Text() noexcept = default;
  /// Two literals, kept without a copy.
  Text(Literal english, Literal vietnamese) noexcept
      : english_(english.view().data()),
        vietnamese_(vietnamese.view().data()),
        english_size_(english.view().size()),
        vietnamese_size_(vietnamese.view().size()) {}
  /// Copies of \p english and \p vietnamese, in one heap block. Any pair of strings but
  /// two literals (which take the constructor above).
  template <class English, class Vietnamese>
    requires(std::is_convertible_v<const English&, std::string_view> &&
             std::is_convertible_v<const Vietnamese&, std::string_view> &&
             !(std::is_array_v<English> && std::is_array_v<Vietnamese>))
  Text(const English& english, const Vietnamese& vietnamese)
      : Text({std::string_view(english)}, {std::string_view(vietnamese)}) {}
  /// The concatenation of \p english_parts and of \p vietnamese_parts, in one heap block:
  /// a message is built once, in place, rather than from two temporary strings.
  Text(std::initializer_list<std::string_view> english_parts,
       std::initializer_list<std::string_view> vietnamese_parts);

  /// The English text.
  [[nodiscard]] std::string_view english() const noexcept {
    return {owned() ? owned_.data() : english_, english_size_};
  }
  /// The Vietnamese text.
  [[nodiscard]] std::string_view vietnamese() const noexcept {
    return {owned() ? owned_.data() + english_size_ : vietnamese_, vietnamese_size_};
  }
  /// The text in \p language.
  [[nodiscard]] std::string_view in(model::Language language) const noexcept {
    return language == model::Language::vietnamese ? vietnamese() : english();
  }
  /// Texts are equal when they read the same in both languages, however they are held.
  friend bool operator==(const Text& a, const Text& b) noexcept {
    return a.english() == b.english() && a.vietnamese() == b.vietnamese();
  }

 private:
  [[nodiscard]] bool owned() const noexcept { return english_ == nullptr; }

  std::string owned_;                // English then Vietnamese, when not literals
  const char* english_ = "";         // the English literal; null when owned
  const char* vietnamese_ = "";      // the Vietnamese literal
  std::size_t english_size_ = 0;
  std::size_t vietnamese_size_ = 0;
};

}  // namespace cadreplan::policy
