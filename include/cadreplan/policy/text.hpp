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
#include <utility>

#include "cadreplan/model/code.hpp"

namespace cadreplan::policy {

namespace detail {
// Storage shared by the owned texts made one after another on a thread (text.cpp).
struct TextChunk;
// Drops one of \p chunk's references, freeing it with the last.
void release_text_chunk(TextChunk* chunk) noexcept;
}  // namespace detail

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
/// fix in both languages. A text therefore costs no heap block of its own: two literals
/// (most fixes, titles and descriptions) are kept as they are, with no copy; any other
/// pair of strings is copied, both languages together, into a shared, reference-counted
/// chunk of storage that the texts made on the same thread fill one after another (a
/// chunk is 32 KiB; a text of more than 8 KiB gets a chunk of its own). A chunk is freed
/// with the last text in it. Copies of a text are independent values (a copy's words go
/// into the copying thread's chunk), so copying the findings one keeps out of a large
/// report lets the rest of the report's chunks go; moving them keeps their chunks. A text
/// is 32 bytes (each language at most 4 GiB - 1 bytes). Texts may be made, copied and
/// destroyed on any threads, also by thread-local objects as their thread ends.
class Text {
 public:
  /// Empty in both languages.
  Text() noexcept = default;
  /// Two literals, kept without a copy.
  Text(Literal english, Literal vietnamese) noexcept
      : english_(english.view().data()),
        vietnamese_(vietnamese.view().data()),
        english_size_(static_cast<std::uint32_t>(english.view().size())),
        vietnamese_size_(static_cast<std::uint32_t>(vietnamese.view().size())) {}
  /// Copies of \p english and \p vietnamese, in the thread's chunk. Any pair of strings but
  /// two literals (which take the constructor above).
  /// \throws std::length_error when either is 4 GiB or longer.
  template <class English, class Vietnamese>
    requires(std::is_convertible_v<const English&, std::string_view> &&
             std::is_convertible_v<const Vietnamese&, std::string_view> &&
             !(std::is_array_v<English> && std::is_array_v<Vietnamese>))
  Text(const English& english, const Vietnamese& vietnamese)
      : Text({std::string_view(english)}, {std::string_view(vietnamese)}) {}
  /// The concatenation of \p english_parts and of \p vietnamese_parts, copied once into
  /// the thread's chunk: a message is built in place, rather than from two temporary strings.
  /// \throws std::length_error when either language's text is 4 GiB or longer.
  Text(std::initializer_list<std::string_view> english_parts,
       std::initializer_list<std::string_view> vietnamese_parts);

  /// A copy: literals shared, owned words copied into the copying thread's chunk.
  Text(const Text& other);
  /// Takes \p other's words; \p other is left empty.
  Text(Text&& other) noexcept
      : chunk_(std::exchange(other.chunk_, nullptr)),
        english_(std::exchange(other.english_, "")),
        vietnamese_(std::exchange(other.vietnamese_, "")),
        english_size_(std::exchange(other.english_size_, 0)),
        vietnamese_size_(std::exchange(other.vietnamese_size_, 0)) {}
  /// Copies \p other's words.
  Text& operator=(const Text& other) {
    if (this != &other) *this = Text(other);
    return *this;
  }
  /// Takes \p other's words; \p other is left empty.
  Text& operator=(Text&& other) noexcept {
    if (this == &other) return *this;
    if (chunk_ != nullptr) detail::release_text_chunk(chunk_);
    chunk_ = std::exchange(other.chunk_, nullptr);
    english_ = std::exchange(other.english_, "");
    vietnamese_ = std::exchange(other.vietnamese_, "");
    english_size_ = std::exchange(other.english_size_, 0);
    vietnamese_size_ = std::exchange(other.vietnamese_size_, 0);
    return *this;
  }
  /// Lets go of the text's chunk, freed with the last text in it.
  ~Text() {
    if (chunk_ != nullptr) detail::release_text_chunk(chunk_);
  }

  /// The English text.
  [[nodiscard]] std::string_view english() const noexcept { return {english_, english_size_}; }
  /// The Vietnamese text.
  [[nodiscard]] std::string_view vietnamese() const noexcept {
    return {vietnamese_, vietnamese_size_};
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
  /// Room for \p size bytes of words, in the thread's chunk; sets chunk_ to it.
  char* allocate(std::size_t size);

  // The words are read through the two pointers, whether they point at literals or into
  // a chunk: a finding's texts are read far more often than made, and a std::string
  // member (and a branch on every read) made each text 64 bytes rather than 32. Owned
  // words share chunks rather than taking a heap block each: a national report's
  // findings made (and freed) a few hundred thousand blocks.
  detail::TextChunk* chunk_ = nullptr;  // the words' chunk (null: literals)
  const char* english_ = "";            // the English words
  const char* vietnamese_ = "";         // the Vietnamese words
  std::uint32_t english_size_ = 0;
  std::uint32_t vietnamese_size_ = 0;
};

}  // namespace cadreplan::policy
