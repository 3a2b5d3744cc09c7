// Writing large JSON documents a member at a time, in the layout nlohmann::json's dump(2)
// gives the whole document (a private header of the writers). A national report or plan
// has hundreds of thousands of array elements: building the whole document first cost
// dozens of heap blocks an element and gigabytes, for text written once.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

namespace cadreplan::io::detail {

/// \p text as a JSON string, escaped as nlohmann::json's dump() escapes it (and, like it,
/// refusing invalid UTF-8).
inline std::string json_string(std::string_view text) { return nlohmann::json(text).dump(); }

/// \p text, a value dumped with an indent of 2, indented \p levels deeper: where dump()
/// would have put it nested. A JSON text has no raw line break inside its strings, so
/// every line break starts a line of its structure.
inline std::string nested(std::string_view text, std::size_t levels) {
  const std::string indent(2 * levels, ' ');
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (std::size_t line_end = text.find('\n'); line_end != std::string_view::npos; line_end = text.find('\n')) {
    out.append(text.substr(0, line_end + 1)).append(indent);
    text.remove_prefix(line_end + 1);
  }
  out.append(text);
  return out;
}

/// The top-level object of a document, written member by member as dump(2) writes it:
/// `{`, then each `"key": value` on its own line two spaces in, then `}` and a line break.
class TopLevelObject {
 public:
  explicit TopLevelObject(std::ostream& out) : out_(out) { out_ << '{'; }
  TopLevelObject(const TopLevelObject&) = delete;
  TopLevelObject& operator=(const TopLevelObject&) = delete;

  /// A member whose value is already JSON text at the top level's indentation.
  void member_text(std::string_view key, const std::string& value) {
    start(key);
    out_ << value;
  }
  /// A member whose value is \p value.
  template <class Json>
  void member(std::string_view key, const Json& value) {
    member_text(key, nested(value.dump(2), 1));
  }
  /// An array member of \p count objects, each written by \p write(i, out) through an
  /// ArrayElementObject: the large arrays, with no json value built per element.
  template <class Write>
  void object_array_member(std::string_view key, std::size_t count, Write&& write) {
    start(key);
    if (count == 0) {
      out_ << "[]";
      return;
    }
    out_ << "[\n";
    for (std::size_t i = 0; i < count; ++i) {
      if (i > 0) out_ << ",\n";
      write(i, out_);
    }
    out_ << "\n  ]";
  }
  /// Closes the object.
  void finish() { out_ << (first_ ? "}\n" : "\n}\n"); }

 private:
  void start(std::string_view key) {
    out_ << (first_ ? "\n  " : ",\n  ") << json_string(key) << ": ";
    first_ = false;
  }

  std::ostream& out_;
  bool first_ = true;
};

/// One object element of a top-level array member, written member by member as dump(2)
/// nests it. Keys are written as they are: they must be plain ASCII names (the writers'
/// own literals), not data.
class ArrayElementObject {
 public:
  explicit ArrayElementObject(std::ostream& out) : out_(out) { out_ << "    {"; }
  ArrayElementObject(const ArrayElementObject&) = delete;
  ArrayElementObject& operator=(const ArrayElementObject&) = delete;
  ~ArrayElementObject() { out_ << (first_ ? "}" : "\n    }"); }

  /// A member whose value is already JSON text (a number, `null`, an escaped string).
  ArrayElementObject& raw(std::string_view key, std::string_view json) {
    out_ << (first_ ? "\n      \"" : ",\n      \"") << key << "\": " << json;
    first_ = false;
    return *this;
  }
  /// A string member.
  ArrayElementObject& text(std::string_view key, std::string_view value) { return raw(key, json_string(value)); }
  /// A string member, or null when \p value is empty.
  ArrayElementObject& text_or_null(std::string_view key, std::string_view value) {
    return value.empty() ? raw(key, "null") : text(key, value);
  }
  /// An integer member.
  template <class Integer>
  ArrayElementObject& number(std::string_view key, Integer value) { return raw(key, std::to_string(value)); }
  /// An array of strings.
  template <class Texts>
  ArrayElementObject& texts(std::string_view key, const Texts& values) {
    if (values.empty()) return raw(key, "[]");
    std::string array = "[";
    for (const auto& value : values) {
      array.append(array.size() == 1 ? "\n        " : ",\n        ").append(json_string(value));
    }
    return raw(key, array.append("\n      ]"));
  }

 private:
  std::ostream& out_;
  bool first_ = true;
};

}  // namespace cadreplan::io::detail
