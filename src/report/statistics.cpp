#include "cadreplan/report/statistics.hpp"

#include <bitset>

#include "cadreplan/model/unit.hpp"

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

}  // namespace

Statistics compute_statistics(const model::Roster& roster, const StatisticsQuery& query) {
  Statistics statistics;
  statistics.query = query;
  const std::vector<bool> in_scope_cadre = cadres_in_scope(roster, query, statistics.units);
  // A default-constructed roster has no position index; it has no cadres either.
  if (roster.cadres().empty()) return statistics;

  const auto position_bit = static_cast<std::size_t>(query.position);
  for (std::uint32_t index : roster.cadres_with_position(query.position)) {
    if (!in_scope_cadre[index]) continue;
    const model::Cadre& cadre = roster.cadres()[index];
    const PositionSet held = positions_held(cadre, query.as_of);
    if (held.test(position_bit)) count_cadre(cadre, held, statistics);
  }
  return statistics;
}

}  // namespace cadreplan::report
