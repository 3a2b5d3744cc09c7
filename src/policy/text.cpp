#include "cadreplan/policy/text.hpp"

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
  owned_.reserve(english_size_ + vietnamese_size_);
  for (const auto part : english_parts) owned_.append(part);
  for (const auto part : vietnamese_parts) owned_.append(part);
}

}  // namespace cadreplan::policy
