/// \file interned_string.hpp
/// \brief An immutable string stored once per process: the vocabulary of a roster.
/// \ingroup model
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace cadreplan::model {

/// An immutable string whose text is stored once for the whole process, however many
/// records hold it: a handle of one pointer.
///
/// Rosters repeat a small vocabulary millions of times: at national scale five million
/// training records name a few hundred courses and providers and a handful of results.
/// Held as `std::string`, each copy cost 32 bytes plus a heap block for the long
/// Vietnamese names, and comparing or hashing one read that block. An interned string
/// costs 8 bytes, copies for free, and two of them are equal exactly when their pointers
/// are, so rules can compare and hash them without reading the text.
///
/// The texts live until the process ends: intern only bounded vocabularies (codes,
/// course, provider and school names, results, ethnicities, fields of study), never
/// unbounded values such as full names or free notes. Interning is thread-safe; reading
/// an interned string needs no lock.
///
/// Each text also has an ordinal(): a small dense number, so a per-evaluation answer about
/// a vocabulary word (is this provider accredited?) can live in a flat table indexed by it
/// instead of a hash map behind a lock.
class InternedString {
 public:
  /// The empty string.
  InternedString() noexcept;
  /// Interns \p text (a copy is stored the first time a text is seen).
  InternedString(std::string_view text);  // NOLINT(google-explicit-constructor): a string value
  /// Interns \p text.
  InternedString(const std::string& text) : InternedString(std::string_view(text)) {}  // NOLINT
  /// Interns \p text.
  InternedString(const char* text) : InternedString(std::string_view(text)) {}  // NOLINT

  /// The text.
  [[nodiscard]] const std::string& str() const noexcept { return text_->text; }
  /// The text, as a view (valid for the life of the process).
  [[nodiscard]] std::string_view view() const noexcept { return text_->text; }
  /// The text, as a view.
  operator std::string_view() const noexcept { return text_->text; }  // NOLINT: reads as a string
  /// True for the empty string.
  [[nodiscard]] bool empty() const noexcept { return text_->text.empty(); }
  /// The length in bytes.
  [[nodiscard]] std::size_t size() const noexcept { return text_->text.size(); }
  /// A dense number for the text: 0 for the empty string, and 1, 2, 3... for the others
  /// in the order this process first interned them; always below ordinal_bound(). Equal
  /// strings, and only they, share an ordinal.
  [[nodiscard]] std::uint32_t ordinal() const noexcept { return text_->ordinal; }

  /// The same text: one pointer comparison.
  friend bool operator==(InternedString a, InternedString b) noexcept { return a.text_ == b.text_; }
  /// Compares with any text.
  friend bool operator==(InternedString a, std::string_view b) noexcept { return a.view() == b; }
  /// Compares with a C string (without this, `s == "x"` would be ambiguous).
  friend bool operator==(InternedString a, const char* b) noexcept { return a.view() == b; }
  /// Compares with a std::string.
  friend bool operator==(InternedString a, const std::string& b) noexcept { return a.view() == b; }
  /// Orders as the texts do (byte by byte), like std::string.
  friend std::strong_ordering operator<=>(InternedString a, InternedString b) noexcept {
    if (a.text_ == b.text_) return std::strong_ordering::equal;
    return a.view() <=> b.view();
  }
  /// Writes the text.
  friend std::ostream& operator<<(std::ostream& out, InternedString text) { return out << text.view(); }

  /// An identity for hashing: equal strings, and only they, share it.
  [[nodiscard]] const void* identity() const noexcept { return text_; }

  /// The number of distinct texts interned so far in this process.
  [[nodiscard]] static std::size_t pool_size();
  /// One more than the largest ordinal() handed out so far: a table of this size,
  /// indexed by ordinal, covers every string interned until now (strings interned later
  /// have larger ordinals).
  [[nodiscard]] static std::uint32_t ordinal_bound();

  /// What a handle points to: the text and its ordinal (public only so the pool, in the
  /// library's source, can build it).
  struct Entry {
    std::string text;            ///< The text.
    std::uint32_t ordinal = 0;   ///< Its dense number.
  };

 private:
  const Entry* text_;
};

/// Concatenates like std::string does.
[[nodiscard]] inline std::string operator+(const std::string& a, InternedString b) { return a + b.str(); }
/// Concatenates like std::string does.
[[nodiscard]] inline std::string operator+(InternedString a, const std::string& b) { return a.str() + b; }
/// Concatenates like std::string does.
[[nodiscard]] inline std::string operator+(const char* a, InternedString b) { return a + b.str(); }
/// Concatenates like std::string does.
[[nodiscard]] inline std::string operator+(InternedString a, const char* b) { return a.str() + b; }

}  // namespace cadreplan::model

/// Hashing of interned strings by identity (no text is read).
template <>
struct std::hash<cadreplan::model::InternedString> {
  /// Hashes the string's identity.
  std::size_t operator()(cadreplan::model::InternedString text) const noexcept {
    return std::hash<const void*>{}(text.identity());
  }
};
