#include "cadreplan/text/fold.hpp"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>
#include <stdexcept>

namespace cadreplan::text {
namespace {

struct FreeDeleter {
  void operator()(utf8proc_uint8_t* pointer) const noexcept { std::free(pointer); }
};

std::string map_with(std::string_view text, int options) {
  utf8proc_uint8_t* output = nullptr;
  const auto length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                   static_cast<utf8proc_ssize_t>(text.size()), &output,
                                   static_cast<utf8proc_option_t>(options));
  std::unique_ptr<utf8proc_uint8_t, FreeDeleter> owned(output);
  if (length < 0) {
    throw std::invalid_argument(std::string("invalid UTF-8: ") + utf8proc_errmsg(length));
  }
  return std::string(reinterpret_cast<const char*>(owned.get()), static_cast<std::size_t>(length));
}

bool is_ascii_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// After folding, collapse separators so "upper_secondary" matches "upper secondary".
std::string collapse_separators(std::string_view folded) {
  std::string out;
  out.reserve(folded.size());
  bool pending_space = false;
  for (char c : folded) {
    if (c == '_' || c == '-' || is_ascii_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

// "đ" (U+0111) and "Đ" (U+0110) have no canonical decomposition; after case
// folding only the lower-case form (bytes C4 91) remains.
std::string replace_d_stroke(std::string folded) {
  std::string out;
  out.reserve(folded.size());
  for (std::size_t i = 0; i < folded.size(); ++i) {
    if (folded[i] == '\xC4' && i + 1 < folded.size() && folded[i + 1] == '\x91') {
      out.push_back('d');
      ++i;
    } else {
      out.push_back(folded[i]);
    }
  }
  return out;
}

bool is_plain_ascii(std::string_view text) noexcept {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) noexcept {
  auto* position = reinterpret_cast<const utf8proc_uint8_t*>(bytes.data());
  auto remaining = static_cast<utf8proc_ssize_t>(bytes.size());
  while (remaining > 0) {
    utf8proc_int32_t code_point = 0;
    const auto used = utf8proc_iterate(position, remaining, &code_point);
    if (used < 0) return false;
    position += used;
    remaining -= used;
  }
  return true;
}

std::string fold(std::string_view text) {
  if (is_plain_ascii(text)) {
    // Fast path: most codes are ASCII; no Unicode tables needed.
    std::string lowered(text);
    for (char& c : lowered) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return collapse_separators(lowered);
  }
  const int options = UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |
                      UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK;
  return collapse_separators(replace_d_stroke(map_with(text, options)));
}

std::string to_nfc(std::string_view text) {
  return map_with(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

}  // namespace cadreplan::text
