#include "cadreplan/model/interned_string.hpp"

#include <limits>
#include <mutex>
#include <stdexcept>
#include <unordered_set>

namespace cadreplan::model {
namespace {

using Entry = InternedString::Entry;

/// Hashes entries by their text, and texts alike, so lookups need no std::string.
struct EntryHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept {
    return std::hash<std::string_view>{}(text);
  }
  std::size_t operator()(const Entry& entry) const noexcept { return (*this)(entry.text); }
};

/// Compares entries by their text, and with texts.
struct EntryEqual {
  using is_transparent = void;
  bool operator()(const Entry& a, const Entry& b) const noexcept { return a.text == b.text; }
  bool operator()(const Entry& a, std::string_view b) const noexcept { return a.text == b; }
  bool operator()(std::string_view a, const Entry& b) const noexcept { return a == b.text; }
};

/// The process's texts. Nodes of an unordered_set never move, so the pointers handed out
/// stay valid through rehashing; nothing is ever erased, so ordinals stay dense.
class Pool {
 public:
  const Entry* intern(std::string_view text) {
    const std::lock_guard lock(mutex_);
    const auto found = entries_.find(text);
    if (found != entries_.end()) return &*found;
    // Ordinal 0 is the empty string's, which is kept outside the pool.
    if (entries_.size() >= std::numeric_limits<std::uint32_t>::max() - 1) {
      throw std::length_error("too many distinct interned strings");
    }
    const auto ordinal = static_cast<std::uint32_t>(entries_.size() + 1);
    return &*entries_.insert(Entry{std::string(text), ordinal}).first;
  }
  std::size_t size() {
    const std::lock_guard lock(mutex_);
    return entries_.size();
  }

 private:
  std::mutex mutex_;
  std::unordered_set<Entry, EntryHash, EntryEqual> entries_;
};

// Constructed on first use and never destroyed: interned strings held by static objects
// may be read during static destruction, after a function-local static pool would be gone.
Pool& pool() {
  static auto* instance = new Pool;
  return *instance;
}

// Kept out of the pool so the default constructor cannot throw; never destroyed either.
const Entry* empty_text() noexcept {
  static const auto* entry = new const Entry;
  return entry;
}

}  // namespace

InternedString::InternedString() noexcept : text_(empty_text()) {}

InternedString::InternedString(std::string_view text)
    : text_(text.empty() ? empty_text() : pool().intern(text)) {}

std::size_t InternedString::pool_size() { return pool().size(); }

std::uint32_t InternedString::ordinal_bound() { return static_cast<std::uint32_t>(pool().size() + 1); }

}  // namespace cadreplan::model
