#include "policy/report_order.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <limits>
#include <map>
#include <string>
#include <string_view>

namespace cadreplan::policy::detail {
namespace {

constexpr std::size_t prefix_bytes = 16;

/// An id as its first 16 bytes, two big-endian words (missing bytes zero), and its length:
/// comparing these compares the ids as std::string does (bytes unsigned), except between
/// two ids longer than 16 bytes that share those bytes, where only the texts can tell.
struct IdHead {
  std::array<std::uint64_t, 2> words{};
  std::uint32_t size = 0;

  explicit IdHead(std::string_view id) noexcept : size(static_cast<std::uint32_t>(id.size())) {
    std::array<unsigned char, prefix_bytes> bytes{};
    std::memcpy(bytes.data(), id.data(), std::min(id.size(), prefix_bytes));
    for (std::size_t i = 0; i < prefix_bytes; ++i) words[i / 8] = (words[i / 8] << 8U) | bytes[i];
  }
  IdHead() = default;

  /// Negative, zero or positive as the ids compare; \p a_text and \p b_text are read
  /// only when the heads cannot tell.
  static int compare(const IdHead& a, const IdHead& b, std::string_view a_text, std::string_view b_text) {
    if (a.words != b.words) return a.words < b.words ? -1 : 1;
    if (a.size > prefix_bytes && b.size > prefix_bytes) return a_text.compare(b_text);
    // Same first bytes and one id within them: that one is a prefix of the other.
    if (a.size != b.size) return a.size < b.size ? -1 : 1;
    return 0;
  }
};

/// Where a finding goes, in integers: the report's order without reading the finding.
struct Key {
  IdHead unit;
  IdHead cadre;
  std::uint32_t rule = 0;  // rank of the rule id among the findings'
  int point = 0;
  std::int64_t year = std::numeric_limits<std::int64_t>::min();  // none sorts first
  std::uint32_t run = 0;   // emission order: run, then place in it
  std::uint32_t index = 0;
};

/// Rule ids by rank in text order. Findings come in runs of one rule, so each run costs
/// one map lookup, not one per finding.
class RuleRanks {
 public:
  explicit RuleRanks(const std::vector<std::vector<Finding>*>& runs) {
    for (const auto* run : runs) {
      const std::string* previous = nullptr;
      for (const auto& finding : *run) {
        if (previous != nullptr && *previous == finding.rule_id) continue;
        ranks_.try_emplace(finding.rule_id, 0);
        previous = &finding.rule_id;
      }
    }
    std::uint32_t next = 0;
    for (auto& [id, rank] : ranks_) rank = next++;
  }
  std::uint32_t rank_of(const std::string& id) {
    if (last_ == nullptr || last_->first != id) last_ = &*ranks_.find(id);
    return last_->second;
  }

 private:
  std::map<std::string, std::uint32_t> ranks_;
  const std::pair<const std::string, std::uint32_t>* last_ = nullptr;
};

std::vector<Key> keys_of(const std::vector<std::vector<Finding>*>& runs) {
  std::size_t total = 0;
  for (const auto* run : runs) total += run->size();
  std::vector<Key> keys;
  keys.reserve(total);
  RuleRanks rules(runs);
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const auto& run = *runs[r];
    for (std::size_t i = 0; i < run.size(); ++i) {
      const Finding& finding = run[i];
      Key key;
      key.unit = IdHead(finding.unit_id.str());
      key.cadre = IdHead(finding.cadre_id.str());
      key.rule = rules.rank_of(finding.rule_id);
      key.point = finding.point;
      if (finding.year) key.year = *finding.year;
      key.run = static_cast<std::uint32_t>(r);
      key.index = static_cast<std::uint32_t>(i);
      keys.push_back(key);
    }
  }
  return keys;
}

/// Strict "a goes before b", as comparing (unit id, cadre id, point, rule id, year) as
/// texts and numbers would say, ties broken by emission order.
class Before {
 public:
  explicit Before(const std::vector<std::vector<Finding>*>& runs) : runs_(runs) {}

  bool operator()(const Key& a, const Key& b) const {
    if (const int order = IdHead::compare(a.unit, b.unit, finding(a).unit_id.str(), finding(b).unit_id.str());
        order != 0) {
      return order < 0;
    }
    if (const int order = IdHead::compare(a.cadre, b.cadre, finding(a).cadre_id.str(), finding(b).cadre_id.str());
        order != 0) {
      return order < 0;
    }
    if (a.point != b.point) return a.point < b.point;
    if (a.rule != b.rule) return a.rule < b.rule;
    if (a.year != b.year) return a.year < b.year;
    if (a.run != b.run) return a.run < b.run;
    return a.index < b.index;
  }

 private:
  const Finding& finding(const Key& key) const { return (*runs_[key.run])[key.index]; }
  const std::vector<std::vector<Finding>*>& runs_;
};

}  // namespace

std::vector<Finding> in_report_order(std::vector<std::vector<Finding>*> runs) {
  std::vector<Key> keys = keys_of(runs);
  // Every key is distinct (emission order breaks ties), so an unstable sort is stable here.
  std::sort(keys.begin(), keys.end(), Before(runs));
  std::vector<Finding> ordered;
  ordered.reserve(keys.size());
  for (const Key& key : keys) ordered.push_back(std::move((*runs[key.run])[key.index]));
  for (auto* run : runs) run->clear();
  return ordered;
}

}  // namespace cadreplan::policy::detail
