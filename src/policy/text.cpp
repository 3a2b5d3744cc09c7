#include "cadreplan/policy/text.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <string>

namespace cadreplan::policy {
namespace {

// The total size of \p parts, as a text's size.
std::uint32_t total_size(std::initializer_list<std::string_view> parts) {
  std::size_t size = 0;
  for (const auto part : parts) size += part.size();
  if (size > std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error("a text of " + std::to_string(size) + " bytes: at most 4 GiB - 1 in each language");
  }
  return static_cast<std::uint32_t>(size);
}

}  // namespace

Text::Text(std::initializer_list<std::string_view> english_parts,
           std::initializer_list<std::string_view> vietnamese_parts)
    : english_size_(total_size(english_parts)), vietnamese_size_(total_size(vietnamese_parts)) {
  // Sized once and filled part by part: appending checked the capacity of every part of
  // every finding's message.
  block_ = std::make_unique_for_overwrite<char[]>(std::size_t{english_size_} + vietnamese_size_);
  char* out = block_.get();
  english_ = out;
  for (const auto part : english_parts) out = std::copy(part.begin(), part.end(), out);
  vietnamese_ = out;
  for (const auto part : vietnamese_parts) out = std::copy(part.begin(), part.end(), out);
}

Text::Text(const Text& other)
    : english_(other.english_),
      vietnamese_(other.vietnamese_),
      english_size_(other.english_size_),
      vietnamese_size_(other.vietnamese_size_) {
  // Literals are shared (never freed); owned words are copied into a block of their own.
  if (other.block_) *this = Text({other.english()}, {other.vietnamese()});
}

}  // namespace cadreplan::policy
