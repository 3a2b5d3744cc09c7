#include "cadreplan/report/statistics.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace {

using boost::gregorian::date;
using cadreplan::model::Cadre;
using cadreplan::model::GeneralEducation;
using cadreplan::model::PoliticalTheory;
using cadreplan::model::Position;
using cadreplan::model::PositionHolding;
using cadreplan::model::ProfessionalLevel;
using cadreplan::model::Roster;
using cadreplan::model::RosterTables;
using cadreplan::model::StateManagement;
using cadreplan::model::Unit;
using cadreplan::model::UnitId;
using cadreplan::model::UnitKind;
using cadreplan::report::compute_statistics;
using cadreplan::report::Statistics;
using cadreplan::report::StatisticsQuery;

const date as_of(2013, 12, 31);

Unit make_unit(const std::string& id, UnitKind kind, std::optional<bool> large_minority = {}) {
  Unit unit;
  unit.id = UnitId(id);
  unit.name = "Unit " + id;
  unit.kind = kind;
  unit.large_minority = large_minority;
  return unit;
}

Cadre make_cadre(const std::string& id, const std::string& unit_id,
                 std::vector<PositionHolding> positions) {
  Cadre cadre;
  cadre.id = cadreplan::model::CadreId(id);
  cadre.full_name = "Cadre " + id;
  cadre.birth_date = date(1965, 5, 1);
  cadre.unit_id = UnitId(unit_id);
  cadre.positions = std::move(positions);
  return cadre;
}

PositionHolding held(Position position, std::optional<date> since = {}) {
  return {position, since};
}

Statistics secretaries(const Roster& roster, bool all_units = false) {
  return compute_statistics(roster, StatisticsQuery{as_of, Position::secretary, all_units});
}

TEST(Statistics, CountsOnlyCommuneLevelUnitsUnlessAllUnits) {
  RosterTables tables;
  tables.units = {make_unit("X1", UnitKind::commune, true), make_unit("P1", UnitKind::ward, false),
                  make_unit("T1", UnitKind::township), make_unit("D1", UnitKind::other, true)};
  tables.cadres = {make_cadre("C1", "X1", {held(Position::secretary)}),
                   make_cadre("C2", "P1", {held(Position::secretary)}),
                   make_cadre("C3", "T1", {held(Position::secretary)}),
                   make_cadre("C4", "D1", {held(Position::secretary)})};
  const Roster roster = Roster::build(tables);

  const Statistics commune_level = secretaries(roster);
  EXPECT_EQ(commune_level.cadres, 3u);
  EXPECT_EQ(commune_level.units.total, 3u);
  EXPECT_EQ(commune_level.units.large_minority, 1u) << "false and unknown do not count";

  const Statistics everywhere = secretaries(roster, true);
  EXPECT_EQ(everywhere.cadres, 4u);
  EXPECT_EQ(everywhere.units.total, 4u);
  EXPECT_EQ(everywhere.units.large_minority, 2u);
  EXPECT_TRUE(everywhere.query.all_units);
}

TEST(Statistics, SpecialZoneCountsAsCommuneLevel) {
  RosterTables tables;
  tables.units = {make_unit("Z1", UnitKind::special_zone, true)};
  tables.cadres = {make_cadre("C1", "Z1", {held(Position::secretary)})};
  const Statistics statistics = secretaries(Roster::build(tables));
  EXPECT_EQ(statistics.cadres, 1u);
  EXPECT_EQ(statistics.units.total, 1u);
  EXPECT_EQ(statistics.units.large_minority, 1u);
}

TEST(Statistics, UnitsWithoutSecretaryStillCountAsUnits) {
  RosterTables tables;
  tables.units = {make_unit("X1", UnitKind::commune, true), make_unit("X2", UnitKind::commune)};
  tables.cadres = {make_cadre("C1", "X1", {held(Position::chairman)})};
  const Statistics statistics = secretaries(Roster::build(tables));
  EXPECT_EQ(statistics.cadres, 0u);
  EXPECT_EQ(statistics.units.total, 2u);
  EXPECT_EQ(statistics.units.large_minority, 1u);
}

TEST(Statistics, PositionTakenAfterTheDateIsExcluded) {
  RosterTables tables;
  tables.units = {make_unit("X1", UnitKind::commune), make_unit("X2", UnitKind::commune),
                  make_unit("X3", UnitKind::commune)};
  tables.cadres = {
      make_cadre("C1", "X1", {held(Position::secretary, as_of)}),  // from that very day
      make_cadre("C2", "X2", {held(Position::secretary, as_of + boost::gregorian::days(1))}),
      make_cadre("C3", "X3", {held(Position::secretary, date(2005, 7, 1))})};
  const Roster roster = Roster::build(tables);
  EXPECT_EQ(secretaries(roster).cadres, 2u);
  EXPECT_EQ(compute_statistics(roster, {date(2014, 1, 1), Position::secretary}).cadres, 3u);
  EXPECT_EQ(compute_statistics(roster, {date(2005, 6, 30), Position::secretary}).cadres, 0u);
}

TEST(Statistics, CountsConcurrentPositionsHeldOnTheDate) {
  RosterTables tables;
  tables.units = {make_unit("X1", UnitKind::commune), make_unit("X2", UnitKind::commune),
                  make_unit("X3", UnitKind::commune), make_unit("X4", UnitKind::commune)};
  tables.cadres = {
      make_cadre("C1", "X1", {held(Position::secretary), held(Position::chairman)}),
      make_cadre("C2", "X2",
                 {held(Position::secretary), held(Position::chairman, date(2014, 6, 1))}),
      // Listed twice: still one chairman.
      make_cadre("C3", "X3",
                 {held(Position::chairman), held(Position::secretary), held(Position::chairman),
                  held(Position::council_chair)}),
      // A chairman who is not secretary is not a concurrent holder.
      make_cadre("C4", "X4", {held(Position::chairman)})};
  const Statistics statistics = secretaries(Roster::build(tables));
  EXPECT_EQ(statistics.cadres, 3u);
  EXPECT_EQ(statistics.concurrent.count(Position::chairman), 2u);
  EXPECT_EQ(statistics.concurrent.count(Position::council_chair), 1u);
  EXPECT_EQ(statistics.concurrent.count(Position::secretary), 0u);
  EXPECT_EQ(statistics.concurrent.count(Position::vice_chairman), 0u);
  EXPECT_EQ(statistics.concurrent.unknown(), 0u);
}

TEST(Statistics, QueriesAnyPosition) {
  RosterTables tables;
  tables.units = {make_unit("X1", UnitKind::commune), make_unit("X2", UnitKind::commune)};
  tables.cadres = {make_cadre("C1", "X1", {held(Position::secretary), held(Position::chairman)}),
                   make_cadre("C2", "X2", {held(Position::chairman)})};
  const Statistics chairmen =
      compute_statistics(Roster::build(tables), {as_of, Position::chairman, false});
  EXPECT_EQ(chairmen.cadres, 2u);
  EXPECT_EQ(chairmen.concurrent.count(Position::secretary), 1u);
  EXPECT_EQ(chairmen.concurrent.count(Position::chairman), 0u);
}

TEST(Statistics, BachelorOfPoliticsCountsAsAdvanced) {
  RosterTables tables;
  tables.units = {make_unit("X1", UnitKind::commune)};
  const std::vector<std::optional<PoliticalTheory>> levels = {
      PoliticalTheory::bachelor, PoliticalTheory::advanced, PoliticalTheory::intermediate,
      PoliticalTheory::bachelor, std::nullopt};
  for (std::size_t i = 0; i < levels.size(); ++i) {
    Cadre cadre = make_cadre("C" + std::to_string(i), "X1", {held(Position::secretary)});
    cadre.political_theory = levels[i];
    tables.cadres.push_back(cadre);
  }
  const Statistics statistics = secretaries(Roster::build(tables));
  EXPECT_EQ(statistics.political_theory.count(PoliticalTheory::advanced), 3u);
  EXPECT_EQ(statistics.political_theory.count(PoliticalTheory::bachelor), 0u);
  EXPECT_EQ(statistics.political_theory.count(PoliticalTheory::intermediate), 1u);
  EXPECT_EQ(statistics.political_theory.unknown(), 1u);
  EXPECT_EQ(statistics.political_theory.total(), statistics.cadres);
}

TEST(Statistics, EmptyCellsAreCountedAsUnknownNotAsNone) {
  RosterTables tables;
  tables.units = {make_unit("X1", UnitKind::commune)};
  Cadre known = make_cadre("C1", "X1", {held(Position::secretary)});
  known.general_education = GeneralEducation::upper_secondary;
  known.professional.level = ProfessionalLevel::none;
  known.state_management = StateManagement::officer;
  const Cadre unknown = make_cadre("C2", "X1", {held(Position::secretary)});
  tables.cadres = {known, unknown};
  const Statistics statistics = secretaries(Roster::build(tables));

  EXPECT_EQ(statistics.general_education.count(GeneralEducation::upper_secondary), 1u);
  EXPECT_EQ(statistics.general_education.unknown(), 1u);
  EXPECT_EQ(statistics.professional_level.count(ProfessionalLevel::none), 1u);
  EXPECT_EQ(statistics.professional_level.unknown(), 1u);
  EXPECT_EQ(statistics.state_management.count(StateManagement::officer), 1u);
  EXPECT_EQ(statistics.state_management.count(StateManagement::none), 0u);
  EXPECT_EQ(statistics.state_management.unknown(), 1u);
}

TEST(Statistics, EmptyRostersGiveZeros) {
  const Statistics from_default = secretaries(Roster{});
  EXPECT_EQ(from_default.cadres, 0u);
  EXPECT_EQ(from_default.units.total, 0u);
  const Statistics from_built = secretaries(Roster::build({}));
  EXPECT_EQ(from_built, from_default);
}

// The indexed computation agrees with a naive scan of every cadre on random rosters.
TEST(Statistics, AgreesWithANaiveScanOnRandomRosters) {
  std::mt19937 random(20131231);
  const auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(random); };
  for (int round = 0; round < 20; ++round) {
    RosterTables tables;
    const int unit_count = 1 + pick(30);
    for (int u = 0; u < unit_count; ++u) {
      std::optional<bool> large_minority;
      if (pick(3) > 0) large_minority = pick(2) == 0;
      tables.units.push_back(
          make_unit("U" + std::to_string(u), static_cast<UnitKind>(pick(5)), large_minority));
    }
    for (int c = 0; c < 200; ++c) {
      std::vector<PositionHolding> positions;
      for (int p = pick(4); p > 0; --p) {
        std::optional<date> since;
        if (pick(2) == 0) since = date(2008, 1, 1) + boost::gregorian::days(pick(3000));
        positions.push_back(held(static_cast<Position>(pick(6)), since));
      }
      Cadre cadre =
          make_cadre("C" + std::to_string(c), "U" + std::to_string(pick(unit_count)), positions);
      if (pick(5) > 0) cadre.general_education = static_cast<GeneralEducation>(pick(3));
      if (pick(5) > 0) cadre.professional.level = static_cast<ProfessionalLevel>(pick(7));
      if (pick(5) > 0) cadre.political_theory = static_cast<PoliticalTheory>(pick(5));
      tables.cadres.push_back(cadre);
    }
    const Roster roster = Roster::build(tables);
    const auto position = static_cast<Position>(pick(6));
    const bool all_units = pick(2) == 0;

    std::size_t cadres = 0, units = 0, large_minority = 0, advanced = 0, unknown_education = 0;
    std::size_t concurrent_chairman = 0;
    for (const Unit& unit : roster.units()) {
      if (!all_units && !cadreplan::model::is_commune_level(unit.kind)) continue;
      ++units;
      if (unit.large_minority == true) ++large_minority;
    }
    for (const Cadre& cadre : roster.cadres()) {
      const Unit* unit = roster.find_unit(cadre.unit_id);
      if (!all_units && !cadreplan::model::is_commune_level(unit->kind)) continue;
      if (!cadre.holds(position, as_of)) continue;
      ++cadres;
      if (cadre.political_theory &&
          cadreplan::model::meets(*cadre.political_theory, PoliticalTheory::advanced)) {
        ++advanced;
      }
      if (!cadre.general_education) ++unknown_education;
      if (position != Position::chairman && cadre.holds(Position::chairman, as_of)) {
        ++concurrent_chairman;
      }
    }

    const Statistics statistics = compute_statistics(roster, {as_of, position, all_units});
    SCOPED_TRACE("round " + std::to_string(round));
    EXPECT_EQ(statistics.cadres, cadres);
    EXPECT_EQ(statistics.units.total, units);
    EXPECT_EQ(statistics.units.large_minority, large_minority);
    EXPECT_EQ(statistics.political_theory.count(PoliticalTheory::advanced), advanced);
    EXPECT_EQ(statistics.general_education.unknown(), unknown_education);
    EXPECT_EQ(statistics.concurrent.count(Position::chairman), concurrent_chairman);
    EXPECT_EQ(statistics.general_education.total(), cadres);
    EXPECT_EQ(statistics.professional_level.total(), cadres);
  }
}

}  // namespace
