#include "policy/report_order.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <cstdint>
#include <cstring>
#include <limits>
#include <map>
#include <string>
#include <string_view>

#include "detail/populate.hpp"

namespace cadreplan::policy::detail {
namespace {

constexpr std::size_t prefix_bytes = 16;

/// How many findings ahead their memory is fetched (see prefetch()).
constexpr std::size_t kAhead = 8;

/// Asks the processor to fetch the \p bytes at \p address into the cache, without waiting.
void prefetch(const void* address, std::size_t bytes = 1) noexcept {
#if defined(__GNUC__) || defined(__clang__)
  const auto* first = static_cast<const char*>(address);
  for (std::size_t offset = 0; offset < bytes; offset += 64) __builtin_prefetch(first + offset);
#else
  (void)address;
  (void)bytes;
#endif
}

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

  /// Negative, zero or positive as the ids compare; \p a_text and \p b_text (returning
  /// the ids' texts) are called only when the heads cannot tell: reading a finding is a
  /// cache miss, and the heads decide nearly every comparison.
  template <class AText, class BText>
  static int compare(const IdHead& a, const IdHead& b, const AText& a_text, const BText& b_text) {
    // Word by word: comparing the arrays called memcmp, a sixth of the sort.
    if (a.words[0] != b.words[0]) return a.words[0] < b.words[0] ? -1 : 1;
    if (a.words[1] != b.words[1]) return a.words[1] < b.words[1] ? -1 : 1;
    if (a.size > prefix_bytes && b.size > prefix_bytes) return a_text().compare(b_text());
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

/// The rank of each run's rule id among the runs' rule ids in text order. Every finding
/// of a run has the run's rule, so only each run's first finding is read: comparing each
/// finding's rule id (a heap block of its own) was a cache miss per finding.
std::vector<std::uint32_t> rule_rank_per_run(const std::vector<std::vector<Finding>*>& runs) {
  std::map<model::InternedString, std::uint32_t> ranks;  // ordered as the texts are
  for (const auto* run : runs) {
    if (!run->empty()) ranks.try_emplace(run->front().rule_id, 0);
  }
  std::uint32_t next = 0;
  for (auto& [id, rank] : ranks) rank = next++;
  std::vector<std::uint32_t> per_run(runs.size(), 0);
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const auto& run = *runs[r];
    if (run.empty()) continue;
    per_run[r] = ranks.find(run.front().rule_id)->second;
    assert(std::all_of(run.begin(), run.end(), [&](const Finding& finding) {
      return finding.rule_id == run.front().rule_id;
    }));
  }
  return per_run;
}

std::vector<Key> keys_of(const std::vector<std::vector<Finding>*>& runs) {
  std::size_t total = 0;
  for (const auto* run : runs) total += run->size();
  std::vector<Key> keys;
  keys.reserve(total);
  cadreplan::detail::populate_capacity(keys);  // 10 MB for a national check, mapped in one call
  const std::vector<std::uint32_t> rule_rank = rule_rank_per_run(runs);
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const auto& run = *runs[r];
    for (std::size_t i = 0; i < run.size(); ++i) {
      const Finding& finding = run[i];
      Key key;
      key.unit = IdHead(finding.unit_id.str());
      key.cadre = IdHead(finding.cadre_id.str());
      key.rule = rule_rank[r];
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
    if (const int order = subject_order(a, b); order != 0) return order < 0;
    if (a.point != b.point) return a.point < b.point;
    if (a.rule != b.rule) return a.rule < b.rule;
    if (a.year != b.year) return a.year < b.year;
    if (a.run != b.run) return a.run < b.run;
    return a.index < b.index;
  }

  /// Negative, zero or positive as (unit id, cadre id) of \p a and \p b compare: who the
  /// findings are about, the first two fields of the order.
  int subject_order(const Key& a, const Key& b) const {
    const auto unit_a = [&] { return std::string_view(finding(a).unit_id.str()); };
    const auto unit_b = [&] { return std::string_view(finding(b).unit_id.str()); };
    if (const int order = IdHead::compare(a.unit, b.unit, unit_a, unit_b); order != 0) return order;
    const auto cadre_a = [&] { return std::string_view(finding(a).cadre_id.str()); };
    const auto cadre_b = [&] { return std::string_view(finding(b).cadre_id.str()); };
    return IdHead::compare(a.cadre, b.cadre, cadre_a, cadre_b);
  }

 private:
  const Finding& finding(const Key& key) const { return (*runs_[key.run])[key.index]; }
  const std::vector<std::vector<Finding>*>& runs_;
};

/// Puts \p keys into runs that each ascend in report order, and returns where they start,
/// then keys.size(). A roster listed unit by unit, as exports are, gives each rule's
/// findings in order of unit and cadre already; only a cadre's own few findings (one per
/// training record, or per year) may come in another order, and those are sorted in place.
/// A national report is then a few dozen runs.
std::vector<std::size_t> ascending_segments(std::vector<Key>& keys, const Before& before) {
  std::vector<std::size_t> starts{0};
  std::size_t subject_start = 0;  // the first key about the current unit and cadre
  const auto sort_subject = [&](std::size_t end) {
    if (end - subject_start > 1) std::sort(keys.begin() + subject_start, keys.begin() + end, before);
  };
  for (std::size_t k = 1; k < keys.size(); ++k) {
    const int order = before.subject_order(keys[k - 1], keys[k]);
    if (order == 0) continue;
    sort_subject(k);
    subject_start = k;
    if (order > 0) starts.push_back(k);
  }
  sort_subject(keys.size());
  starts.push_back(keys.size());
  return starts;
}

/// Up to this many ascending runs are merged (a heap of that many costs a few comparisons
/// a key); more, and the keys are sorted instead.
constexpr std::size_t kMostSegmentsMerged = 512;

/// Calls \p take with each key of the ascending runs \p segments (see ascending_segments())
/// in the order \p before gives, merging them through a heap of their fronts: about
/// log2(runs) comparisons a key where a sort takes log2(keys), and each run is read in
/// turn, not all over memory.
template <class Take>
void merge_segments(const std::vector<Key>& keys, const std::vector<std::size_t>& segments, const Before& before,
                    Take take) {
  struct Front {
    std::size_t next;
    std::size_t end;
  };
  std::vector<Front> heap;
  for (std::size_t s = 0; s + 1 < segments.size(); ++s) {
    if (segments[s] < segments[s + 1]) heap.push_back({segments[s], segments[s + 1]});
  }
  // A max-heap under "goes after": its top is the front that goes first.
  const auto after = [&](const Front& a, const Front& b) { return before(keys[b.next], keys[a.next]); };
  std::make_heap(heap.begin(), heap.end(), after);
  while (!heap.empty()) {
    std::pop_heap(heap.begin(), heap.end(), after);
    Front& first = heap.back();
    take(keys[first.next]);
    if (++first.next == first.end) {
      heap.pop_back();
    } else {
      std::push_heap(heap.begin(), heap.end(), after);
    }
  }
}

}  // namespace

std::vector<Finding> in_report_order(std::vector<std::vector<Finding>*> runs) {
  std::vector<Key> keys = keys_of(runs);
  const Before before(runs);
  const std::vector<std::size_t> segments = ascending_segments(keys, before);
  std::vector<Finding> ordered;
  ordered.reserve(keys.size());
  cadreplan::detail::populate_capacity(ordered);  // 33 MB for a national check, mapped in one call
  const auto finding = [&runs](const Key& key) -> Finding& { return (*runs[key.run])[key.index]; };
  if (segments.size() - 1 <= kMostSegmentsMerged) {
    merge_segments(keys, segments, before, [&](const Key& key) { ordered.push_back(std::move(finding(key))); });
  } else {
    // Every key is distinct (emission order breaks ties), so an unstable sort is stable here.
    std::sort(keys.begin(), keys.end(), before);
    for (std::size_t k = 0; k < keys.size(); ++k) {
      // Sorted, the findings are read all over their blocks: each is fetched a few ahead.
      if (k + kAhead < keys.size()) prefetch(&finding(keys[k + kAhead]), sizeof(Finding));
      ordered.push_back(std::move(finding(keys[k])));
    }
  }
  for (auto* run : runs) run->clear();
  return ordered;
}

}  // namespace cadreplan::policy::detail
