#include "cadreplan/model/interned_string.hpp"

#include <mutex>
#include <unordered_set>

namespace cadreplan::model {
namespace {

/// Hashes std::string and std::string_view alike, so lookups need no std::string.
struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept {
    return std::hash<std::string_view>{}(text);
  }
};

/// The process's texts. Nodes of an unordered_set never move, so the pointers handed out
/// stay valid through rehashing; nothing is ever erased.
class Pool {
 public:
  const std::string* intern(std::string_view text) {
    const std::lock_guard lock(mutex_);
    const auto found = texts_.find(text);
    if (found != texts_.end()) return &*found;
    return &*texts_.emplace(text).first;
  }
  std::size_t size() {
    const std::lock_guard lock(mutex_);
    return texts_.size();
  }

 private:
  std::mutex mutex_;
  std::unordered_set<std::string, TextHash, std::equal_to<>> texts_;
};

// Constructed on first use and never destroyed: interned strings held by static objects
// may be read during static destruction, after a function-local static pool would be gone.
Pool& pool() {
  static auto* instance = new Pool;
  return *instance;
}

// Kept out of the pool so the default constructor cannot throw; never destroyed either.
const std::string* empty_text() noexcept {
  static const auto* text = new const std::string;
  return text;
}

}  // namespace

InternedString::InternedString() noexcept : text_(empty_text()) {}

InternedString::InternedString(std::string_view text)
    : text_(text.empty() ? empty_text() : pool().intern(text)) {}

std::size_t InternedString::pool_size() { return pool().size(); }

}  // namespace cadreplan::model
