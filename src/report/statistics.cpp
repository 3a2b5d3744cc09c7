#include "cadreplan/report/statistics.hpp"

#include <bitset>
#include <span>

#include "cadreplan/model/unit.hpp"
#include "detail/shares.hpp"

namespace cadreplan::report {
namespace {

bool in_scope(const model::Unit& unit, const StatisticsQuery& query) noexcept {
  return query.all_units || model::is_commune_level(unit.kind);
}

// Marks the cadres working in a unit in scope. Walking units and their cadre groups
// avoids looking each cadre's unit up by its id (a string hash) in the counting loop.
std::vector<bool> cadres_in_scope(const model::Roster& roster, const StatisticsQuery& query,
                                  UnitCounts& units) {
  std::vector<bool> marked(roster.cadres().size(), false);
  const auto all_units = roster.units();
  for (std::size_t u = 0; u < all_units.size(); ++u) {
    if (!in_scope(all_units[u], query)) continue;
    ++units.total;
    if (all_units[u].large_minority.value_or(false)) ++units.large_minority;
    for (std::uint32_t c : roster.cadres_of_unit(u)) marked[c] = true;
  }
  return marked;
}

// The positions a cadre holds on the day, each once even if listed twice.
using PositionSet = std::bitset<8>;
static_assert(static_cast<std::size_t>(model::Position::other) < PositionSet().size());

PositionSet positions_held(const model::Cadre& cadre, boost::gregorian::date day) noexcept {
  PositionSet held;
  for (const auto& holding : cadre.positions) {
    if (holding.held_on(day)) held.set(static_cast<std::size_t>(holding.position));
  }
  return held;
}

std::optional<model::PoliticalTheory> rank_bachelor_as_advanced(
    std::optional<model::PoliticalTheory> level) noexcept {
  if (level == model::PoliticalTheory::bachelor) return model::PoliticalTheory::advanced;
  return level;
}

void count_cadre(const model::Cadre& cadre, PositionSet held, Statistics& statistics) {
  ++statistics.cadres;
  for (model::Position other : model::all_codes<model::Position>()) {
    const auto bit = static_cast<std::size_t>(other);
    if (other != statistics.query.position && held.test(bit)) statistics.concurrent.add(other);
  }
  statistics.general_education.add(cadre.general_education);
  statistics.professional_level.add(cadre.professional.level);
  statistics.political_theory.add(rank_bachelor_as_advanced(cadre.political_theory));
  statistics.state_management.add(cadre.state_management);
}

// Counts the holders among \p candidates (indices of the position's index) into \p into.
void count_holders(const model::Roster& roster, std::span<const std::uint32_t> candidates,
                   const std::vector<bool>& in_scope_cadre, Statistics& into) {
  const auto position_bit = static_cast<std::size_t>(into.query.position);
  for (std::uint32_t index : candidates) {
    if (!in_scope_cadre[index]) continue;
    const model::Cadre& cadre = roster.cadres()[index];
    const PositionSet held = positions_held(cadre, into.query.as_of);
    if (held.test(position_bit)) count_cadre(cadre, held, into);
  }
}

void add_counts(Statistics& total, const Statistics& part) {
  total.cadres += part.cadres;
  total.concurrent += part.concurrent;
  total.general_education += part.general_education;
  total.professional_level += part.professional_level;
  total.political_theory += part.political_theory;
  total.state_management += part.state_management;
}

}  // namespace

Statistics compute_statistics(const model::Roster& roster, const StatisticsQuery& query,
                              unsigned jobs) {
  Statistics statistics;
  statistics.query = query;
  const std::vector<bool> in_scope_cadre = cadres_in_scope(roster, query, statistics.units);
  // A default-constructed roster has no position index; it has no cadres either.
  if (roster.cadres().empty()) return statistics;

  const auto holders = roster.cadres_with_position(query.position);
  // Counting is a few nanoseconds a cadre: a thread pays only for tens of thousands.
  constexpr std::size_t min_holders_per_share = 16384;
  const std::size_t shares = cadreplan::detail::share_count(jobs, holders.size(), min_holders_per_share);
  std::vector<Statistics> parts(shares);
  for (Statistics& part : parts) part.query = query;
  cadreplan::detail::run_shares(holders.size(), shares, [&](std::size_t share, std::size_t begin, std::size_t end) {
    count_holders(roster, holders.subspan(begin, end - begin), in_scope_cadre, parts[share]);
  });
  for (const Statistics& part : parts) add_counts(statistics, part);
  return statistics;
}

}  // namespace cadreplan::report
