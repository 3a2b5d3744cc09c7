#include "policy/report_order.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <limits>
#include <map>
#include <numeric>
#include <string>
#include <string_view>

namespace cadreplan::policy::detail {
namespace {

/// Where a finding goes, in integers. Comparing two keys compares the findings' texts
/// only when the integers cannot tell (an id longer than 16 bytes, a unit not in the roster).
struct Key {
  static constexpr std::uint32_t no_unit = 0;  // an empty unit id sorts first
  static constexpr std::uint32_t unranked = std::numeric_limits<std::uint32_t>::max();
  std::uint32_t unit = no_unit;            // 1 + rank of the unit id among the roster's
  std::array<std::uint64_t, 2> cadre{};    // the cadre id's first 16 bytes, big-endian
  std::uint32_t cadre_size = 0;            // the cadre id's length
  std::uint32_t rule = 0;                  // rank of the rule id among the findings'
  int point = 0;
  std::int64_t year = std::numeric_limits<std::int64_t>::min();  // none sorts first
  std::uint32_t run = 0;                   // emission order: run, then place in it
  std::uint32_t index = 0;
};

constexpr std::size_t prefix_bytes = 16;

/// The first 16 bytes of \p text as two big-endian words (missing bytes are zero), so
/// comparing words compares bytes as std::string does (unsigned).
std::array<std::uint64_t, 2> prefix_of(std::string_view text) noexcept {
  std::array<unsigned char, prefix_bytes> bytes{};
  std::memcpy(bytes.data(), text.data(), std::min(text.size(), prefix_bytes));
  std::array<std::uint64_t, 2> words{};
  for (std::size_t i = 0; i < prefix_bytes; ++i) words[i / 8] = (words[i / 8] << 8U) | bytes[i];
  return words;
}

/// Units by their id's rank: 1 + position in id order.
std::vector<std::uint32_t> unit_ranks(const model::Roster& roster) {
  const auto units = roster.units();
  std::vector<std::uint32_t> order(units.size());
  std::iota(order.begin(), order.end(), std::uint32_t{0});
  std::sort(order.begin(), order.end(),
            [&](std::uint32_t a, std::uint32_t b) { return units[a].id < units[b].id; });
  std::vector<std::uint32_t> rank(units.size());
  for (std::size_t r = 0; r < order.size(); ++r) rank[order[r]] = static_cast<std::uint32_t>(r + 1);
  return rank;
}

/// Rule ids by rank in text order. Findings come in runs of one rule, so each run costs
/// one map lookup, not one per finding.
class RuleRanks {
 public:
  explicit RuleRanks(const std::vector<std::vector<Finding>*>& runs) {
    for (const auto* run : runs) {
      for (const auto& finding : *run) ranks_.try_emplace(finding.rule_id, 0);
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

class UnitRanks {
 public:
  explicit UnitRanks(const model::Roster& roster) : roster_(roster), ranks_(unit_ranks(roster)) {}
  std::uint32_t rank_of(const model::UnitId& id) {
    if (id.empty()) return Key::no_unit;
    if (last_ == nullptr || *last_ != id) {
      last_ = &id;
      const auto index = roster_.unit_index(id);
      last_rank_ = index < 0 ? Key::unranked : ranks_[static_cast<std::size_t>(index)];
    }
    return last_rank_;
  }

 private:
  const model::Roster& roster_;
  std::vector<std::uint32_t> ranks_;
  const model::UnitId* last_ = nullptr;
  std::uint32_t last_rank_ = Key::no_unit;
};

std::vector<Key> keys_of(const std::vector<std::vector<Finding>*>& runs, const model::Roster& roster) {
  std::size_t total = 0;
  for (const auto* run : runs) total += run->size();
  std::vector<Key> keys;
  keys.reserve(total);
  RuleRanks rules(runs);
  UnitRanks units(roster);
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const auto& run = *runs[r];
    for (std::size_t i = 0; i < run.size(); ++i) {
      const Finding& finding = run[i];
      Key key;
      key.unit = units.rank_of(finding.unit_id);
      key.cadre = prefix_of(finding.cadre_id.str());
      key.cadre_size = static_cast<std::uint32_t>(finding.cadre_id.str().size());
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
    if (a.unit == Key::unranked || b.unit == Key::unranked) {
      const int order = finding(a).unit_id.str().compare(finding(b).unit_id.str());
      if (order != 0) return order < 0;
    } else if (a.unit != b.unit) {
      return a.unit < b.unit;
    }
    if (a.cadre != b.cadre) return a.cadre < b.cadre;
    if (a.cadre_size > prefix_bytes && b.cadre_size > prefix_bytes) {
      const int order = finding(a).cadre_id.str().compare(finding(b).cadre_id.str());
      if (order != 0) return order < 0;
    } else if (a.cadre_size != b.cadre_size) {
      return a.cadre_size < b.cadre_size;  // equal first bytes: the shorter id is a prefix
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

std::vector<Finding> in_report_order(std::vector<std::vector<Finding>*> runs, const model::Roster& roster) {
  std::vector<Key> keys = keys_of(runs, roster);
  // Every key is distinct (emission order breaks ties), so an unstable sort is stable here.
  std::sort(keys.begin(), keys.end(), Before(runs));
  std::vector<Finding> ordered;
  ordered.reserve(keys.size());
  for (const Key& key : keys) ordered.push_back(std::move((*runs[key.run])[key.index]));
  for (auto* run : runs) run->clear();
  return ordered;
}

}  // namespace cadreplan::policy::detail
