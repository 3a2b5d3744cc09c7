// The term planner: a greedy pass in priority order over a ledger of money per year and
// seats per course and year (docs/planning.md explains the algorithm and what it
// guarantees). The work is linear in the roster: every subject is visited a fixed number
// of times, and each visit looks only at the subject's own trainings and the catalogue.
#include "cadreplan/planning/planner.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>

#include <algorithm>
#include <array>
#include <cassert>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "cadreplan/model/unit.hpp"
#include "cadreplan/planning/qualification_gap.hpp"
#include "cadreplan/text/fold.hpp"

namespace cadreplan::planning {
namespace {

using boost::gregorian::date;
using boost::gregorian::date_duration;

constexpr std::string_view kRefresherRule = "point3.annual_refresher";
constexpr std::string_view kSkillsRule = "point1.skills_pairing";
constexpr std::string_view kPlanRule = "point2.plan_at_term_start";

/// The interned id of \p rule. A national plan names a rule in each of about a million
/// items and enrolments; interning is a lookup in a locked pool, so the handful of rules
/// the planner resolves are interned once, and an item copies a pointer.
model::InternedString interned_rule(std::string_view rule) {
  static const std::vector<model::InternedString> known = [] {
    std::vector<model::InternedString> ids{kRefresherRule, kSkillsRule, kPlanRule};
    for (const Dimension dimension : {Dimension::general_education, Dimension::professional_level,
                                      Dimension::political_theory, Dimension::state_management}) {
      ids.emplace_back(standard_rule_id(dimension));
    }
    return ids;
  }();
  for (const auto& id : known) {
    if (id.view() == rule) return id;
  }
  return model::InternedString(rule);
}

// Chains of courses longer than this are not considered (the longest real chain, none ->
// elementary -> intermediate -> advanced political theory, has three steps).
constexpr std::size_t kMaxChainLength = 4;
// The cheapest chains tried per shortfall, in order of cost.
constexpr std::size_t kMaxChains = 8;
// Session choices tried per chain before giving up (the search is exhaustive below this;
// a bound keeps a pathological catalogue from stalling a national plan).
constexpr std::size_t kMaxSearchNodes = 4096;

// Days a person is taken by one course: a full-time one, or a part-time one (studied
// while working, see Course::part_time).
struct Interval {
  date first;
  date last;
  bool part_time = false;
};

// Whether \p a and \p b share a day, whatever their kind.
bool share_a_day(const Interval& a, const Interval& b) noexcept {
  return a.first <= b.last && b.first <= a.last;
}

// Whether two courses of one person clash: a full-time course fits inside a part-time
// one (a refresher week during an in-service degree); two of the same kind never share a
// day.
bool overlaps(const Interval& a, const Interval& b) noexcept {
  return a.part_time == b.part_time && share_a_day(a, b);
}

bool overlaps_any(const Interval& interval, std::span<const Interval> others) noexcept {
  return std::any_of(others.begin(), others.end(),
                     [&](const Interval& other) { return overlaps(interval, other); });
}

// How each training in the roster is attended, judged by its course as written: part-time
// when that text, case and diacritics folded, is the id or the name of a part-time course
// of the catalogue and of no full-time one; full-time otherwise, since a record does not
// say how it is attended. A roster names a few courses many times: each distinct text is
// folded and judged once.
class RosterAttendance {
 public:
  explicit RosterAttendance(const Catalogue& catalogue) {
    for (const Course& course : catalogue.courses()) {
      for (const std::string_view text : {std::string_view(course.id.str()), std::string_view(course.name)}) {
        auto& [part, full] = kinds_[text::fold(text)];
        (course.part_time ? part : full) = true;
      }
      any_part_time_ = any_part_time_ || course.part_time;
    }
  }

  bool part_time(model::InternedString course) {
    if (!any_part_time_) return false;
    const std::uint32_t ordinal = course.ordinal();
    if (ordinal >= verdicts_.size()) verdicts_.resize(model::InternedString::ordinal_bound(), kUnjudged);
    if (verdicts_[ordinal] == kUnjudged) verdicts_[ordinal] = judge(course.view());
    return verdicts_[ordinal] == kPartTime;
  }

 private:
  static constexpr std::uint8_t kUnjudged = 0;
  static constexpr std::uint8_t kFullTime = 1;
  static constexpr std::uint8_t kPartTime = 2;

  std::uint8_t judge(std::string_view course) const {
    std::string folded;
    try {
      folded = text::fold(course);
    } catch (const std::invalid_argument&) {
      return kFullTime;  // not text a catalogue could hold
    }
    const auto found = kinds_.find(folded);
    return found != kinds_.end() && found->second.first && !found->second.second ? kPartTime : kFullTime;
  }

  std::unordered_map<std::string, std::pair<bool, bool>> kinds_;  // folded id or name: (part, full)
  std::vector<std::uint8_t> verdicts_;  // by the course text's ordinal
  bool any_part_time_ = false;
};

struct Session {
  date start;
  date end;
  std::size_t year;   // index into the plan's years (of the start date)
  bool ends_in_year;  // ends in the year it starts (a refresher counts in its end's year)
};

// A course as the planner uses it: its sessions inside the term and its seats taken.
struct Slot {
  const Course* course = nullptr;
  std::vector<Session> sessions;  // by start date
  std::vector<int> seats_taken;   // per year index
};

// Money per year and seats per course and year: the plan's only shared resources.
class Ledger {
 public:
  Ledger(std::vector<model::Dong> allocated, std::vector<Slot>& slots)
      : allocated_(std::move(allocated)), used_(allocated_.size(), 0), slots_(&slots) {}

  [[nodiscard]] model::Dong remaining(std::size_t year) const noexcept {
    return allocated_[year] - used_[year];
  }
  [[nodiscard]] model::Dong allocated(std::size_t year) const noexcept { return allocated_[year]; }
  [[nodiscard]] model::Dong used(std::size_t year) const noexcept { return used_[year]; }
  [[nodiscard]] bool seat_free(std::size_t slot, std::size_t year, int extra) const noexcept {
    const Slot& s = (*slots_)[slot];
    return !s.course->capacity || s.seats_taken[year] + extra < *s.course->capacity;
  }
  void charge(std::size_t slot, std::size_t year) noexcept {
    Slot& s = (*slots_)[slot];
    used_[year] += s.course->cost;
    ++s.seats_taken[year];
  }

 private:
  std::vector<model::Dong> allocated_;
  std::vector<model::Dong> used_;
  std::vector<Slot>* slots_;
};

// A refresher promised to a subject for a year: the seat and the money are taken at once,
// the day is fixed only at the end, so that longer courses planned later can be fitted
// around it (a 240-day course cannot start in March if the March refresher is fixed).
struct Reservation {
  std::size_t year;
  std::size_t slot;
};

struct Subject {
  std::uint32_t cadre = 0;
  std::uint32_t unit = 0;
  SubjectRole role = SubjectRole::secretary;
  model::Position position = model::Position::secretary;
  date until;  // last day available for training
  QualificationGap gap;
  int gap_steps = 0;
  bool reachable = true;
  std::vector<Interval> busy;  // trainings in the roster and enrolments planned
  std::vector<Reservation> reservations;
  std::vector<Interval> theory;  // political theory enrolments planned (for skills pairing)
  std::vector<std::uint8_t> refreshers_done;  // per year index, from the roster (empty: none)
};

// One enrolment decided, before it becomes a model value.
struct Placement {
  std::size_t subject;
  std::size_t slot;
  Session session;
  std::string_view rule;
};

// The first eight bytes of \p id as a big-endian number (shorter ids padded with zero
// bytes): when two differ, they order as the ids do.
std::uint64_t id_prefix(std::string_view id) noexcept {
  std::uint64_t key = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    key = (key << 8U) | (i < id.size() ? static_cast<unsigned char>(id[i]) : 0U);
  }
  return key;
}

struct Pending {
  std::size_t subject;
  Unresolved item;
};

// A way to close one shortfall: courses taken in order.
struct Chain {
  std::vector<std::size_t> slots;
  model::Dong cost = 0;
};

// Which limits a search honours; relaxing them tells why a strict search failed.
struct Limits {
  bool budget = true;
  bool seats = true;
};

struct Choice {
  std::size_t slot;
  const Session* session;
};

class Planner {
 public:
  explicit Planner(const PlanRequest& request)
      : request_(request),
        roster_(request.roster),
        parameters_(request.parameters),
        term_(request.term),
        years_(plan_years(request.term)),
        ledger_(allocations(), slots_) {}

  Plan run() {
    build_slots();
    collect_subjects();
    order_subjects();
    reserve_refreshers();
    close_shortfalls();
    if (parameters_.pair_skills) pair_skills();
    fix_refreshers();
    return finish();
  }

 private:
  // ---- setup -------------------------------------------------------------------------

  std::vector<model::Dong> allocations() const {
    std::vector<model::Dong> money;
    for (int year : years_) {
      const auto found = request_.budgets.find(year);
      money.push_back(found == request_.budgets.end() ? 0 : found->second);
    }
    return money;
  }

  std::size_t year_index(int year) const noexcept {
    return static_cast<std::size_t>(year - years_.front());
  }

  bool usable(const Course& course) const {
    if (!parameters_.accredited_only) return true;
    if (course.accredited == false) return false;
    const auto& profile = request_.profile;
    return profile.accredited_providers.empty() || profile.is_accredited(course.provider);
  }

  void build_slots() {
    slots_.reserve(request_.catalogue.size());
    for (const Course& course : request_.catalogue.courses()) {
      Slot slot;
      slot.course = &course;
      slot.seats_taken.assign(years_.size(), 0);
      if (usable(course)) {
        for (int year : years_) {
          for (int month = 1; month <= 12; ++month) {
            if (!course.starts_in(month)) continue;
            const date start(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
                             1);
            const date end = course.end_for(start);
            if (start < term_.start() || term_.last_day() < end) continue;
            slot.sessions.push_back(
                Session{start, end, year_index(year), end.year() == start.year()});
          }
        }
      }
      slots_.push_back(std::move(slot));
    }
    // Cheapest first, then by id: the order "cheapest sufficient course" is tried in.
    std::vector<std::size_t> order(slots_.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return std::tie(slots_[a].course->cost, slots_[a].course->id) <
             std::tie(slots_[b].course->cost, slots_[b].course->id);
    });
    for (std::size_t i : order) {
      if (slots_[i].sessions.empty()) continue;
      const Course& course = *slots_[i].course;
      if (course.kind == parameters_.refresher_kind) refresher_slots_.push_back(i);
      if (course.kind == model::TrainingKind::skills) skills_slots_.push_back(i);
      if (const auto dimension = dimension_of(course.kind); dimension && course.confers) {
        dimension_slots_[static_cast<std::size_t>(*dimension)].push_back(i);
      }
    }
  }

  // The schedule walks the years from the birth year; many cadres share a birthday.
  date retirement_date(const model::Cadre& cadre) {
    const std::uint64_t key = static_cast<std::uint64_t>(cadre.birth_date.day_number()) * 4 +
                              (cadre.gender ? static_cast<std::uint64_t>(*cadre.gender) + 1 : 0);
    if (const auto found = retirement_cache_.find(key); found != retirement_cache_.end()) {
      return found->second;
    }
    const date retirement =
        request_.profile.retirement.retirement_date(cadre.birth_date, cadre.gender);
    retirement_cache_.emplace(key, retirement);
    return retirement;
  }

  bool rule_enabled(std::string_view rule) const {
    return request_.profile.settings_of(std::string(rule)).enabled;
  }

  void collect_subjects() {
    for (Dimension dimension : {Dimension::general_education, Dimension::professional_level,
                                Dimension::political_theory, Dimension::state_management}) {
      dimension_enabled_[static_cast<std::size_t>(dimension)] =
          rule_enabled(standard_rule_id(dimension));
    }
    const auto cadres = roster_.cadres();
    std::vector<bool> taken(cadres.size(), false);
    const date last_day = term_.last_day();
    // Each cadre's unit number, from the roster's index (no string hashing per cadre).
    std::vector<std::uint32_t> unit_of(cadres.size(), 0);
    for (std::size_t unit = 0; unit < roster_.units().size(); ++unit) {
      for (std::uint32_t cadre : roster_.cadres_of_unit(unit))
        unit_of[cadre] = static_cast<std::uint32_t>(unit);
    }

    for (std::uint32_t index : roster_.cadres_with_position(model::Position::secretary)) {
      const model::Cadre& cadre = cadres[index];
      std::optional<date> since;
      bool serves = false;
      for (const auto& holding : cadre.positions) {
        if (holding.position != model::Position::secretary) continue;
        if (!holding.since || *holding.since <= last_day) {
          serves = true;
          since = holding.since;
        }
      }
      const std::uint32_t unit = unit_of[index];
      if (!serves || !model::is_commune_level(roster_.units()[unit].kind)) continue;
      taken[index] = true;
      add_subject(index, unit, SubjectRole::secretary, model::Position::secretary, since);
    }

    // Pools for this term and for the next one: the next term's pool is built in this
    // term's second year, and its candidates are the ones this term must train.
    const date next_start = last_day + date_duration(1);
    const auto pools = roster_.pools();
    for (std::size_t pool = 0; pool < pools.size(); ++pool) {
      const model::PoolEntry& entry = pools[pool];
      if (entry.term.start() < term_.start() || next_start < entry.term.start()) continue;
      // The roster resolved the candidate when it was built: no id to hash again.
      const std::size_t cadre_index = roster_.cadre_index_of_pool(pool);
      const auto unit = roster_.unit_index(entry.unit_id);
      if (unit < 0) continue;
      if (taken[cadre_index]) continue;
      if (!model::is_commune_level(roster_.units()[static_cast<std::size_t>(unit)].kind)) continue;
      taken[cadre_index] = true;
      // A candidate would take the post for the first time, after the term.
      add_subject(static_cast<std::uint32_t>(cadre_index), static_cast<std::uint32_t>(unit),
                  SubjectRole::candidate, entry.position, last_day);
    }
  }

  void add_subject(std::uint32_t cadre_index, std::uint32_t unit_index, SubjectRole role,
                   model::Position position, std::optional<date> appointed) {
    const model::Cadre& cadre = roster_.cadres()[cadre_index];
    const date retirement = retirement_date(cadre);
    Subject subject;
    subject.cadre = cadre_index;
    subject.unit = unit_index;
    subject.role = role;
    subject.position = position;
    subject.until = std::min(term_.last_day(), retirement - date_duration(1));
    if (subject.until < term_.start()) return;  // retired before the term: nothing to plan

    if (const auto* standard = standard_in_force(request_.profile, position, term_.last_day())) {
      const auto minima =
          policy::effective_minima(*standard, roster_.units()[unit_index], appointed);
      subject.gap = qualification_gap(cadre, minima);
      std::erase_if(subject.gap.shortfalls, [&](const DimensionGap& shortfall) {
        return !dimension_enabled_[static_cast<std::size_t>(shortfall.dimension())];
      });
    }
    subject.gap_steps = subject.gap.steps();
    for (const auto& shortfall : subject.gap.shortfalls) {
      if (chains(shortfall).empty()) subject.reachable = false;
    }

    const Interval window{term_.start(), subject.until};
    for (std::uint32_t record_index : roster_.trainings_of_cadre(cadre_index)) {
      const auto& record = roster_.trainings()[record_index];
      if (record.status == model::TrainingStatus::cancelled ||
          record.status == model::TrainingStatus::failed) {
        continue;
      }
      const Interval interval{record.start_date, record.end_date, attendance_.part_time(record.course)};
      if (share_a_day(interval, window)) subject.busy.push_back(interval);
      // Completed, under way or planned refreshers count in the year they end in.
      if (record.kind == parameters_.refresher_kind && record.status &&
          (*record.status == model::TrainingStatus::completed ||
           *record.status == model::TrainingStatus::in_progress ||
           *record.status == model::TrainingStatus::planned) &&
          term_.start() <= record.end_date && record.end_date <= term_.last_day()) {
        if (subject.refreshers_done.empty()) subject.refreshers_done.assign(years_.size(), 0);
        auto& done = subject.refreshers_done[year_index(record.end_date.year())];
        if (done < 255) ++done;
      }
    }
    subjects_.push_back(std::move(subject));
  }

  void order_subjects() {
    // Ids are compared once, here; every later order breaks ties by this rank, so the
    // plan does not depend on the order of the roster's rows.
    const auto cadres = roster_.cadres();
    // Each id's first eight bytes, big-endian, decide most comparisons without reading
    // the cadre (a cache miss each, n log n of them for a national roster's subjects).
    std::vector<std::pair<std::uint64_t, std::size_t>> keyed(subjects_.size());
    for (std::size_t i = 0; i < keyed.size(); ++i) keyed[i] = {id_prefix(cadres[subjects_[i].cadre].id.str()), i};
    std::sort(keyed.begin(), keyed.end(), [&](const auto& a, const auto& b) {
      if (a.first != b.first) return a.first < b.first;
      return cadres[subjects_[a.second].cadre].id < cadres[subjects_[b.second].cadre].id;
    });
    std::vector<std::size_t> by_id(keyed.size());
    for (std::size_t i = 0; i < keyed.size(); ++i) by_id[i] = keyed[i].second;
    id_rank_.assign(subjects_.size(), 0);
    for (std::size_t rank = 0; rank < by_id.size(); ++rank) id_rank_[by_id[rank]] = rank;

    // Then by role, reachability and gap, ties kept in id order: each subject's key is
    // packed in one integer beside its id rank, so the sort reads no subject (a stable
    // sort reading them was a twentieth of the plan).
    std::vector<std::pair<std::uint64_t, std::size_t>> ranked(by_id.size());
    for (std::size_t rank = 0; rank < by_id.size(); ++rank) {
      ranked[rank] = {order_key(subjects_[by_id[rank]]), rank};
    }
    std::sort(ranked.begin(), ranked.end());
    order_.resize(ranked.size());
    for (std::size_t i = 0; i < ranked.size(); ++i) order_[i] = by_id[ranked[i].second];
  }

  // A subject's place in the order of order_subjects(): the role (secretaries first when
  // asked), unreachable subjects last (when asked), then the gap (largest or smallest
  // first), packed so that integer order is that order.
  [[nodiscard]] std::uint64_t order_key(const Subject& subject) const {
    const int sign = parameters_.gap_order == GapOrder::largest_first ? -1 : 1;
    const auto role = static_cast<std::uint64_t>(
        parameters_.secretaries_first ? static_cast<unsigned>(subject.role) : 0U);
    const std::uint64_t unreachable = parameters_.reachable_first && !subject.reachable ? 1 : 0;
    // The gap biased to be non-negative: gaps are a few steps, far inside 32 bits.
    const auto gap = static_cast<std::uint64_t>(static_cast<std::int64_t>(sign) * subject.gap_steps +
                                                (std::int64_t{1} << 31));
    return role << 40 | unreachable << 39 | (gap & 0xFFFF'FFFFU);
  }

  // ---- chains of courses ---------------------------------------------------------------

  // The cheapest chains (at most kMaxChains) raising the shortfall's dimension from the
  // held level to the required one, each course's `requires` met by the one before.
  const std::vector<Chain>& chains(const DimensionGap& shortfall) {
    const auto key = std::make_tuple(static_cast<int>(shortfall.dimension()), shortfall.held.rank(),
                                     shortfall.required.rank());
    if (const auto found = chain_cache_.find(key); found != chain_cache_.end())
      return found->second;
    std::vector<Chain> found;
    if (shortfall.dimension() != Dimension::general_education) {
      Chain current;
      extend_chain(dimension_slots_[static_cast<std::size_t>(shortfall.dimension())],
                   shortfall.held.rank(), shortfall.required.rank(), current, found);
    }
    std::sort(found.begin(), found.end(), [&](const Chain& a, const Chain& b) {
      if (a.cost != b.cost) return a.cost < b.cost;
      if (a.slots.size() != b.slots.size()) return a.slots.size() < b.slots.size();
      return std::lexicographical_compare(a.slots.begin(), a.slots.end(), b.slots.begin(),
                                          b.slots.end(), [&](std::size_t x, std::size_t y) {
                                            return slots_[x].course->id < slots_[y].course->id;
                                          });
    });
    if (found.size() > kMaxChains) found.resize(kMaxChains);
    return chain_cache_.emplace(key, std::move(found)).first->second;
  }

  void extend_chain(const std::vector<std::size_t>& candidates, int level, int required,
                    Chain& current, std::vector<Chain>& found) const {
    if (level >= required) {
      found.push_back(current);
      return;
    }
    if (current.slots.size() == kMaxChainLength) return;
    for (std::size_t slot : candidates) {
      const Course& course = *slots_[slot].course;
      if (course.confers->rank() <= level) continue;
      if (course.prerequisite && course.prerequisite->rank() > level) continue;
      current.slots.push_back(slot);
      current.cost += course.cost;
      extend_chain(candidates, course.confers->rank(), required, current, found);
      current.cost -= course.cost;
      current.slots.pop_back();
    }
  }

  // ---- refreshers ------------------------------------------------------------------------

  // Fixes a day for every reservation of \p subject, in year order, each on the
  // earliest-ending session of its course in its year that avoids the subject's other
  // courses, \p extra and the refreshers fixed before it. False when one cannot be fixed.
  bool fix_days(const Subject& subject, std::span<const Interval> extra,
                std::vector<const Session*>* days) const {
    std::array<Interval, 16> fixed_storage{};
    std::vector<Interval> fixed_overflow;
    std::size_t fixed_count = 0;
    auto fixed = [&]() -> std::span<const Interval> {
      if (!fixed_overflow.empty()) return fixed_overflow;
      return std::span<const Interval>(fixed_storage.data(), fixed_count);
    };
    for (const Reservation& reservation : subject.reservations) {
      const Session* chosen = nullptr;
      for (const Session& session : slots_[reservation.slot].sessions) {
        if (session.year != reservation.year) continue;
        if (!session.ends_in_year) continue;
        if (subject.until < session.end) break;
        const Interval interval{session.start, session.end, slots_[reservation.slot].course->part_time};
        if (overlaps_any(interval, subject.busy) || overlaps_any(interval, extra) ||
            overlaps_any(interval, fixed())) {
          continue;
        }
        chosen = &session;
        break;
      }
      if (chosen == nullptr) return false;
      const Interval interval{chosen->start, chosen->end, slots_[reservation.slot].course->part_time};
      if (fixed_count < fixed_storage.size() && fixed_overflow.empty()) {
        fixed_storage[fixed_count++] = interval;
      } else {
        if (fixed_overflow.empty())
          fixed_overflow.assign(fixed_storage.begin(), fixed_storage.end());
        fixed_overflow.push_back(interval);
      }
      if (days != nullptr) days->push_back(chosen);
    }
    return true;
  }

  // Refreshers of the roster ending in year index \p year inside the term.
  static int existing_refreshers(const Subject& subject, std::size_t year) noexcept {
    return subject.refreshers_done.empty() ? 0 : subject.refreshers_done[year];
  }

  bool in_service(const Subject& subject, std::size_t year) const {
    const date first_of_year(static_cast<unsigned short>(years_[year]), 1, 1);
    return first_of_year <= subject.until || years_[year] == term_.start().year();
  }

  void reserve_refreshers() {
    if (parameters_.refreshers_per_year <= 0) return;
    const std::size_t total = years_.size() * order_.size();
    std::size_t done = 0;
    for (std::size_t year = 0; year < years_.size(); ++year) {
      for (std::size_t subject_index : order_) {
        report_progress("refreshers", ++done, total);
        Subject& subject = subjects_[subject_index];
        if (!in_service(subject, year)) continue;
        const int needed = parameters_.refreshers_per_year - existing_refreshers(subject, year);
        for (int k = 0; k < needed; ++k) reserve_refresher(subject_index, year);
      }
    }
  }

  void reserve_refresher(std::size_t subject_index, std::size_t year) {
    Subject& subject = subjects_[subject_index];
    std::optional<std::size_t> fits_in_time;    // cheapest course with a day free
    std::optional<std::size_t> fits_with_seat;  // cheapest with a day and a seat
    for (std::size_t slot : refresher_slots_) {
      subject.reservations.push_back(Reservation{year, slot});
      const bool fits = fix_days(subject, {}, nullptr);
      if (fits) {
        if (!fits_in_time) fits_in_time = slot;
        const bool seat = ledger_.seat_free(slot, year, 0);
        if (seat && !fits_with_seat) fits_with_seat = slot;
        if (seat && ledger_.remaining(year) >= slots_[slot].course->cost) {
          ledger_.charge(slot, year);
          return;  // reserved
        }
      }
      subject.reservations.pop_back();
    }
    Unresolved item;
    item.rule = interned_rule(kRefresherRule);
    item.year = years_[year];
    if (refresher_slots_.empty()) {
      item.reason = UnresolvedReason::no_course;
    } else if (!fits_in_time) {
      item.reason = UnresolvedReason::time;
      item.course = slots_[refresher_slots_.front()].course->id;
    } else if (fits_with_seat) {
      item.reason = UnresolvedReason::budget;
      item.course = slots_[*fits_with_seat].course->id;
      item.money = slots_[*fits_with_seat].course->cost - ledger_.remaining(year);
    } else {
      item.reason = UnresolvedReason::capacity;
      item.course = slots_[*fits_in_time].course->id;
      item.seats = 1;
      item.money =
          std::max<model::Dong>(0, slots_[*fits_in_time].course->cost - ledger_.remaining(year));
    }
    pending_.push_back(Pending{subject_index, std::move(item)});
  }

  void fix_refreshers() {
    std::size_t done = 0;
    for (std::size_t subject_index : order_) {
      report_progress("scheduling", ++done, order_.size());
      const Subject& subject = subjects_[subject_index];
      if (subject.reservations.empty()) continue;
      std::vector<const Session*> days;
      const bool fixed = fix_days(subject, {}, &days);
      // Every reservation was checked against every course planned after it.
      assert(fixed && days.size() == subject.reservations.size());
      if (!fixed) throw std::logic_error("planner: a reserved refresher lost its day");
      for (std::size_t i = 0; i < days.size(); ++i) {
        placements_.push_back(
            Placement{subject_index, subject.reservations[i].slot, *days[i], kRefresherRule});
      }
    }
  }

  // ---- searching for sessions --------------------------------------------------------------

  struct Search {
    const Subject* subject;
    const Chain* chain;
    Limits limits;
    date latest_first_start;  // the first course must start by this day
    std::vector<Choice> chosen;
    std::vector<Interval> intervals;  // of chosen
    std::size_t nodes = 0;
  };

  model::Dong chosen_cost_in(const Search& search, std::size_t year) const {
    model::Dong cost = 0;
    for (const Choice& choice : search.chosen) {
      if (choice.session->year == year) cost += slots_[choice.slot].course->cost;
    }
    return cost;
  }

  int chosen_seats_in(const Search& search, std::size_t slot, std::size_t year) const {
    int seats = 0;
    for (const Choice& choice : search.chosen) {
      if (choice.slot == slot && choice.session->year == year) ++seats;
    }
    return seats;
  }

  // Depth-first over the sessions of the chain's courses, earliest first: the first
  // schedule found is the earliest one in lexicographic order of start dates.
  bool search_from(Search& search, std::size_t step, date earliest) const {
    if (step == search.chain->slots.size()) return true;
    const std::size_t slot = search.chain->slots[step];
    const Course& course = *slots_[slot].course;
    const auto& sessions = slots_[slot].sessions;
    auto it = std::lower_bound(sessions.begin(), sessions.end(), earliest,
                               [](const Session& s, date day) { return s.start < day; });
    for (; it != sessions.end(); ++it) {
      const Session& session = *it;
      if (search.subject->until < session.end) break;  // later sessions end later still
      if (step == 0 && search.latest_first_start < session.start) break;
      if (++search.nodes > kMaxSearchNodes) return false;
      if (search.limits.seats &&
          !ledger_.seat_free(slot, session.year, chosen_seats_in(search, slot, session.year))) {
        continue;
      }
      if (search.limits.budget &&
          ledger_.remaining(session.year) - chosen_cost_in(search, session.year) < course.cost) {
        continue;
      }
      const Interval interval{session.start, session.end, course.part_time};
      if (overlaps_any(interval, search.subject->busy) ||
          overlaps_any(interval, search.intervals)) {
        continue;
      }
      search.chosen.push_back(Choice{slot, &session});
      search.intervals.push_back(interval);
      if (fix_days(*search.subject, search.intervals, nullptr) &&
          search_from(search, step + 1, session.end + date_duration(1))) {
        return true;
      }
      search.chosen.pop_back();
      search.intervals.pop_back();
    }
    return false;
  }

  std::optional<std::vector<Choice>> find_schedule(const Subject& subject, const Chain& chain,
                                                   Limits limits, date earliest,
                                                   date latest_first_start) const {
    Search search{&subject, &chain, limits, latest_first_start, {}, {}, 0};
    if (!search_from(search, 0, earliest)) return std::nullopt;
    return std::move(search.chosen);
  }

  // Tries the chains cheapest first; on success commits the schedule and returns true;
  // otherwise records why, with what would fix it.
  bool plan_item(std::size_t subject_index, const std::vector<Chain>& options,
                 std::string_view rule, date earliest, date latest_first_start) {
    Subject& subject = subjects_[subject_index];
    for (const Chain& chain : options) {
      if (auto schedule = find_schedule(subject, chain, Limits{}, earliest, latest_first_start)) {
        commit(subject_index, *schedule, rule);
        return true;
      }
    }
    pending_.push_back(
        Pending{subject_index, explain(subject, options, rule, earliest, latest_first_start)});
    return false;
  }

  Unresolved explain(const Subject& subject, const std::vector<Chain>& options,
                     std::string_view rule, date earliest, date latest_first_start) const {
    Unresolved item;
    item.rule = interned_rule(rule);
    if (options.empty()) {
      item.reason = UnresolvedReason::no_course;
      return item;
    }
    item.course = slots_[options.front().slots.front()].course->id;
    // Budget alone in the way?
    for (const Chain& chain : options) {
      if (auto schedule =
              find_schedule(subject, chain, Limits{false, true}, earliest, latest_first_start)) {
        item.reason = UnresolvedReason::budget;
        item.course = slots_[chain.slots.front()].course->id;
        item.money = money_short(*schedule);
        return item;
      }
    }
    // Seats (and perhaps money too)?
    for (const Chain& chain : options) {
      if (auto schedule =
              find_schedule(subject, chain, Limits{false, false}, earliest, latest_first_start)) {
        item.reason = UnresolvedReason::capacity;
        item.course = slots_[chain.slots.front()].course->id;
        item.money = money_short(*schedule);
        std::vector<std::pair<std::size_t, std::size_t>> counted;
        for (const Choice& choice : *schedule) {
          const auto key = std::make_pair(choice.slot, choice.session->year);
          const int extra = static_cast<int>(std::count(counted.begin(), counted.end(), key));
          if (!ledger_.seat_free(choice.slot, choice.session->year, extra)) ++item.seats;
          counted.push_back(key);
        }
        return item;
      }
    }
    item.reason = UnresolvedReason::time;
    return item;
  }

  model::Dong money_short(const std::vector<Choice>& schedule) const {
    std::map<std::size_t, model::Dong> needed;
    for (const Choice& choice : schedule)
      needed[choice.session->year] += slots_[choice.slot].course->cost;
    model::Dong shortfall = 0;
    for (const auto& [year, cost] : needed) {
      shortfall +=
          std::max<model::Dong>(0, cost - std::max<model::Dong>(0, ledger_.remaining(year)));
    }
    return shortfall;
  }

  void commit(std::size_t subject_index, const std::vector<Choice>& schedule,
              std::string_view rule) {
    Subject& subject = subjects_[subject_index];
    for (const Choice& choice : schedule) {
      ledger_.charge(choice.slot, choice.session->year);
      const Interval interval{choice.session->start, choice.session->end,
                              slots_[choice.slot].course->part_time};
      subject.busy.push_back(interval);
      if (slots_[choice.slot].course->kind == model::TrainingKind::political_theory) {
        subject.theory.push_back(interval);
      }
      placements_.push_back(Placement{subject_index, choice.slot, *choice.session, rule});
    }
  }

  // ---- shortfalls and skills ------------------------------------------------------------

  void close_shortfalls() {
    std::size_t done = 0;
    for (std::size_t subject_index : order_) {
      report_progress("courses", ++done, order_.size());
      // Largest shortfall first within the subject too; Dimension order breaks ties.
      std::vector<DimensionGap> shortfalls = subjects_[subject_index].gap.shortfalls;
      std::stable_sort(
          shortfalls.begin(), shortfalls.end(),
          [](const DimensionGap& a, const DimensionGap& b) { return a.steps() > b.steps(); });
      for (const DimensionGap& shortfall : shortfalls) {
        const auto& options = chains(shortfall);
        plan_item(subject_index, options, standard_rule_id(shortfall.dimension()), term_.start(),
                  term_.last_day());
      }
    }
  }

  bool paired_in_roster(const Subject& subject, date from, date to) const {
    for (std::uint32_t record_index : roster_.trainings_of_cadre(subject.cadre)) {
      const auto& record = roster_.trainings()[record_index];
      if (record.kind != model::TrainingKind::skills) continue;
      if (record.status == model::TrainingStatus::cancelled ||
          record.status == model::TrainingStatus::failed) {
        continue;
      }
      if (from <= record.start_date && record.start_date <= to) return true;
    }
    return false;
  }

  void pair_skills() {
    if (!rule_enabled(kSkillsRule)) return;
    std::vector<Chain> options;
    for (std::size_t slot : skills_slots_)
      options.push_back(Chain{{slot}, slots_[slot].course->cost});
    const auto window = boost::gregorian::months(parameters_.skills_window_months);
    std::size_t done = 0;
    for (std::size_t subject_index : order_) {
      report_progress("skills", ++done, order_.size());
      if (subjects_[subject_index].role != SubjectRole::secretary) continue;
      const std::vector<Interval> theory = subjects_[subject_index].theory;
      std::vector<date> skills_planned;
      for (const Interval& course : theory) {
        const date from = course.first - window;
        const date to = course.last + window;
        if (paired_in_roster(subjects_[subject_index], from, to)) continue;
        if (std::any_of(skills_planned.begin(), skills_planned.end(),
                        [&](date start) { return from <= start && start <= to; })) {
          continue;
        }
        const std::size_t before = placements_.size();
        if (plan_item(subject_index, options, kSkillsRule, std::max(from, term_.start()), to)) {
          skills_planned.push_back(placements_[before].session.start);
        }
      }
    }
  }

  // ---- the result --------------------------------------------------------------------------

  void report_progress(std::string_view stage, std::size_t done, std::size_t total) const {
    if (!request_.progress) return;
    if (done % 4096 == 0 || done == total) request_.progress(stage, done, total);
  }

  Plan finish() {
    Plan plan;
    plan.term = term_;
    const auto cadres = roster_.cadres();
    const auto units = roster_.units();
    for (std::size_t year = 0; year < years_.size(); ++year) {
      plan.budgets.push_back(YearBudget{years_[year], ledger_.allocated(year), ledger_.used(year)});
    }
    for (std::size_t subject_index : order_) {
      const Subject& subject = subjects_[subject_index];
      plan.subjects.push_back(PlanSubject{cadres[subject.cadre].id, units[subject.unit].id,
                                          subject.role, subject.position, subject.gap_steps,
                                          subject.until});
    }

    std::vector<std::size_t> course_rank(slots_.size());
    {
      std::vector<std::size_t> by_id(slots_.size());
      for (std::size_t i = 0; i < by_id.size(); ++i) by_id[i] = i;
      std::sort(by_id.begin(), by_id.end(), [&](std::size_t a, std::size_t b) {
        return slots_[a].course->id < slots_[b].course->id;
      });
      for (std::size_t rank = 0; rank < by_id.size(); ++rank) course_rank[by_id[rank]] = rank;
    }
    std::sort(placements_.begin(), placements_.end(), [&](const Placement& a, const Placement& b) {
      return std::make_tuple(a.session.start, id_rank_[a.subject], course_rank[a.slot]) <
             std::make_tuple(b.session.start, id_rank_[b.subject], course_rank[b.slot]);
    });
    std::vector<bool> has_plan(subjects_.size(), false);
    plan.enrolments.reserve(placements_.size());
    for (const Placement& placement : placements_) {
      const Subject& subject = subjects_[placement.subject];
      const Course& course = *slots_[placement.slot].course;
      Enrolment enrolment;
      enrolment.cadre_id = cadres[subject.cadre].id;
      enrolment.unit_id = units[subject.unit].id;
      enrolment.course = course.id;
      enrolment.kind = course.kind;
      enrolment.year = years_[placement.session.year];
      enrolment.start_date = placement.session.start;
      enrolment.end_date = placement.session.end;
      enrolment.provider = course.provider;
      enrolment.cost = course.cost;
      enrolment.part_time = course.part_time;
      enrolment.resolves.push_back(interned_rule(placement.rule));
      // The subject's first enrolment is the plan point 2 asks for from the term's start.
      if (!has_plan[placement.subject]) {
        has_plan[placement.subject] = true;
        if (placement.rule != kPlanRule) enrolment.resolves.push_back(interned_rule(kPlanRule));
      }
      plan.enrolments.push_back(std::move(enrolment));
    }

    // Sorted by number, then each item moved once: an unresolved item holds several
    // strings, and sorting the items themselves moved each of them log n times.
    // The subject's rank is copied next to each number, so that most comparisons read
    // nothing else; the number itself breaks the last ties, as a stable sort would.
    // The rule's rank and the year are copied too: the items of one subject tie on the
    // rank, and comparing their rule texts read each item again.
    struct Keyed {
      std::size_t rank;
      std::size_t rule;
      std::int64_t year;  // no year sorts first, as an empty std::optional does
      std::size_t index;
      bool operator<(const Keyed& other) const {
        return std::tie(rank, rule, year, index) < std::tie(other.rank, other.rule, other.year, other.index);
      }
    };
    std::map<model::InternedString, std::size_t> rule_rank;  // a handful of rules, in text order
    for (const Pending& pending : pending_) rule_rank.try_emplace(pending.item.rule, 0);
    std::size_t next_rule = 0;
    for (auto& [rule, rank] : rule_rank) rank = next_rule++;
    std::vector<Keyed> order(pending_.size());
    const std::pair<const model::InternedString, std::size_t>* last_rule = nullptr;
    for (std::size_t i = 0; i < order.size(); ++i) {
      const Unresolved& item = pending_[i].item;
      if (last_rule == nullptr || last_rule->first != item.rule) last_rule = &*rule_rank.find(item.rule);
      order[i] = {id_rank_[pending_[i].subject], last_rule->second,
                  item.year ? *item.year : std::numeric_limits<std::int64_t>::min(), i};
    }
    std::sort(order.begin(), order.end());
    plan.unresolved.reserve(pending_.size());
    for (const Keyed& keyed : order) {
      Pending& pending = pending_[keyed.index];
      const Subject& subject = subjects_[pending.subject];
      pending.item.cadre_id = cadres[subject.cadre].id;
      pending.item.unit_id = units[subject.unit].id;
      plan.unresolved.push_back(std::move(pending.item));
    }
    return plan;
  }

  const PlanRequest& request_;
  const model::Roster& roster_;
  const PlanningParameters& parameters_;
  model::Term term_;
  std::vector<int> years_;
  std::vector<Slot> slots_;
  RosterAttendance attendance_{request_.catalogue};
  Ledger ledger_;
  std::vector<std::size_t> refresher_slots_;
  std::vector<std::size_t> skills_slots_;
  std::array<std::vector<std::size_t>, 4> dimension_slots_;
  std::array<bool, 4> dimension_enabled_{};
  std::map<std::tuple<int, int, int>, std::vector<Chain>> chain_cache_;
  std::unordered_map<std::uint64_t, date> retirement_cache_;
  std::vector<Subject> subjects_;
  std::vector<std::size_t> order_;
  std::vector<std::size_t> id_rank_;  // per subject: rank of the cadre id
  std::vector<Placement> placements_;
  std::vector<Pending> pending_;
};

// The parameter \p name of rule \p rule_id: the profile's value, else the rule's default.
template <class T>
std::optional<T> rule_parameter(const policy::Profile& profile,
                                const policy::RuleRegistry& registry, const std::string& rule_id,
                                const std::string& name) {
  const auto& settings = profile.settings_of(rule_id);
  if (const auto found = settings.parameters.find(name); found != settings.parameters.end()) {
    if (const T* value = std::get_if<T>(&found->second)) return *value;
  }
  if (const policy::Rule* rule = registry.find(rule_id)) {
    for (const auto& spec : rule->info().parameters) {
      if (spec.name != name) continue;
      if (const T* value = std::get_if<T>(&spec.default_value)) return *value;
    }
  }
  return std::nullopt;
}

}  // namespace

std::vector<int> plan_years(const model::Term& term) {
  std::vector<int> years;
  for (int year = term.start().year(); year <= term.last_day().year(); ++year)
    years.push_back(year);
  return years;
}

YearlyBudgets budgets_from_roster(const model::Roster& roster, const model::Term& term) {
  YearlyBudgets budgets;
  const int first = term.start().year();
  const int last = term.last_day().year();
  for (const model::BudgetLine& line : roster.budgets()) {
    if (line.year < first || line.year > last) continue;
    const model::Unit* unit = roster.find_unit(line.unit_id);
    if (unit == nullptr || !model::is_commune_level(unit->kind)) continue;
    budgets[line.year] += line.allocated;
  }
  return budgets;
}

YearlyBudgets uniform_budgets(const model::Term& term, model::Dong amount) {
  YearlyBudgets budgets;
  for (int year : plan_years(term)) budgets[year] = amount;
  return budgets;
}

PlanningParameters planning_parameters(const policy::Profile& profile,
                                       const policy::RuleRegistry& registry) {
  PlanningParameters parameters;
  const policy::PlanningPriorities& priorities = profile.planning;
  parameters.secretaries_first = priorities.secretaries_first;
  parameters.gap_order =
      priorities.largest_gap_first ? GapOrder::largest_first : GapOrder::smallest_first;
  parameters.reachable_first = priorities.reachable_first;
  parameters.accredited_only = priorities.accredited_only;
  parameters.pair_skills = priorities.pair_skills;
  const std::string refresher_rule(kRefresherRule);
  if (const auto kind = rule_parameter<std::string>(profile, registry, refresher_rule, "kind")) {
    if (const auto parsed = model::parse_code<model::TrainingKind>(*kind))
      parameters.refresher_kind = *parsed;
  }
  if (const auto minimum =
          rule_parameter<std::int64_t>(profile, registry, refresher_rule, "min_per_year")) {
    parameters.refreshers_per_year = static_cast<int>(*minimum);
  }
  if (!profile.settings_of(refresher_rule).enabled) parameters.refreshers_per_year = 0;
  if (const auto window = rule_parameter<std::int64_t>(profile, registry, std::string(kSkillsRule),
                                                       "window_months")) {
    parameters.skills_window_months = static_cast<int>(*window);
  }
  return parameters;
}

PlanRequest::PlanRequest(const model::Roster& roster_, const policy::Profile& profile_,
                         const policy::RuleRegistry& registry_, const Catalogue& catalogue_,
                         model::Term term_, YearlyBudgets budgets_)
    : roster(roster_),
      profile(profile_),
      registry(registry_),
      catalogue(catalogue_),
      term(std::move(term_)),
      budgets(std::move(budgets_)),
      parameters(planning_parameters(profile_, registry_)) {}

Plan make_plan(const PlanRequest& request) { return Planner(request).run(); }

}  // namespace cadreplan::planning
