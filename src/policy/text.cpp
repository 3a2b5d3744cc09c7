#include "cadreplan/policy/text.hpp"

#include <algorithm>

namespace cadreplan::policy {
namespace {

std::size_t total_size(std::initializer_list<std::string_view> parts) noexcept {
  std::size_t size = 0;
  for (const auto part : parts) size += part.size();
  return size;
}

}  // namespace

Text::Text(std::initializer_list<std::string_view> english_parts,
           std::initializer_list<std::string_view> vietnamese_parts)
    : english_(nullptr),
      vietnamese_(nullptr),
      english_size_(total_size(english_parts)),
      vietnamese_size_(total_size(vietnamese_parts)) {
  // Sized once and filled part by part: append() checked the capacity of every part of
  // every finding's message.
  owned_.resize(english_size_ + vietnamese_size_);
  char* out = owned_.data();
  for (const auto part : english_parts) out = std::copy(part.begin(), part.end(), out);
  for (const auto part : vietnamese_parts) out = std::copy(part.begin(), part.end(), out);
}

}  // namespace cadreplan::policy
