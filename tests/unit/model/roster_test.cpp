#include "cadreplan/model/roster.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cadreplan::model {
namespace {

using boost::gregorian::date;

Unit make_unit(std::string id, UnitKind kind, std::string parent = {}) {
  Unit unit;
  unit.id = UnitId(std::move(id));
  unit.name = "Unit " + unit.id.str();
  unit.kind = kind;
  unit.parent_id = UnitId(std::move(parent));
  return unit;
}

Cadre make_cadre(std::string id, std::string unit, Position position) {
  Cadre cadre;
  cadre.id = CadreId(std::move(id));
  cadre.full_name = "Cadre " + cadre.id.str();
  cadre.birth_date = date(1970, 3, 4);
  cadre.unit_id = UnitId(std::move(unit));
  cadre.positions = {{position, date(2010, 7, 1)}};
  return cadre;
}

RosterTables small_tables() {
  RosterTables tables;
  tables.units = {make_unit("P", UnitKind::other), make_unit("A", UnitKind::commune, "P"),
                  make_unit("B", UnitKind::ward, "P")};
  tables.cadres = {make_cadre("c1", "A", Position::secretary),
                   make_cadre("c2", "B", Position::secretary),
                   make_cadre("c3", "A", Position::chairman)};
  TrainingRecord training;
  training.cadre_id = CadreId("c2");
  training.course = "BD-XDD";
  training.kind = TrainingKind::party_building;
  training.start_date = date(2012, 3, 1);
  training.end_date = date(2012, 3, 5);
  tables.trainings = {training};
  tables.pools = {PoolEntry{UnitId("A"), Position::secretary, CadreId("c3"),
                            Term::from_years(2015, 2020), std::nullopt}};
  tables.budgets = {BudgetLine{UnitId("A"), 2013, 20'000'000, 18'000'000}};
  return tables;
}

TEST(Roster, IndexesByIdUnitPositionAndCadre) {
  const Roster roster = Roster::build(small_tables());
  ASSERT_NE(roster.find_cadre(CadreId("c3")), nullptr);
  EXPECT_EQ(roster.find_cadre(CadreId("c3"))->full_name, "Cadre c3");
  EXPECT_EQ(roster.find_unit(UnitId("nope")), nullptr);
  EXPECT_EQ(roster.unit_index(UnitId("B")), 2);

  const auto in_a = roster.cadres_of_unit(static_cast<std::size_t>(roster.unit_index(UnitId("A"))));
  ASSERT_EQ(in_a.size(), 2u);
  EXPECT_EQ(roster.cadres()[in_a[0]].id.str(), "c1");
  EXPECT_EQ(roster.cadres()[in_a[1]].id.str(), "c3");
  EXPECT_TRUE(roster.cadres_of_unit(0).empty());

  EXPECT_EQ(roster.cadres_with_position(Position::secretary).size(), 2u);
  EXPECT_EQ(roster.holders(Position::secretary, date(2013, 1, 1)).size(), 2u);
  EXPECT_TRUE(roster.holders(Position::secretary, date(2009, 1, 1)).empty());

  const auto c2 = static_cast<std::size_t>(roster.cadre_index(CadreId("c2")));
  ASSERT_EQ(roster.trainings_of_cadre(c2).size(), 1u);
  EXPECT_TRUE(roster.trainings_of_cadre(0).empty());
  EXPECT_EQ(roster.pools_of_unit(1).size(), 1u);
  EXPECT_EQ(roster.budgets_of_unit(1).size(), 1u);
  EXPECT_TRUE(roster.budgets_of_unit(2).empty());
}

TEST(Roster, RejectsDuplicateIds) {
  auto tables = small_tables();
  tables.cadres.push_back(make_cadre("c1", "B", Position::other));
  EXPECT_THROW((void)Roster::build(tables), RosterError);
  tables = small_tables();
  tables.units.push_back(make_unit("A", UnitKind::commune));
  EXPECT_THROW((void)Roster::build(tables), RosterError);
}

TEST(Roster, RejectsUnresolvedReferences) {
  auto tables = small_tables();
  tables.cadres[0].unit_id = UnitId("Z");
  try {
    (void)Roster::build(tables);
    FAIL() << "expected RosterError";
  } catch (const RosterError& error) {
    EXPECT_NE(std::string(error.what()).find("'Z'"), std::string::npos) << error.what();
  }
  tables = small_tables();
  tables.trainings[0].cadre_id = CadreId("ghost");
  EXPECT_THROW((void)Roster::build(tables), RosterError);
  tables = small_tables();
  tables.units[1].parent_id = UnitId("missing");
  EXPECT_THROW((void)Roster::build(tables), RosterError);
  tables = small_tables();
  tables.pools[0].cadre_id = CadreId("ghost");
  EXPECT_THROW((void)Roster::build(tables), RosterError);
  tables = small_tables();
  tables.budgets[0].unit_id = UnitId("ghost");
  EXPECT_THROW((void)Roster::build(tables), RosterError);
}

TEST(Roster, RejectsParentCycles) {
  auto tables = small_tables();
  tables.units[0].parent_id = UnitId("A");  // P -> A -> P
  EXPECT_THROW((void)Roster::build(tables), RosterError);
}

TEST(Roster, RejectsImpossibleRecords) {
  auto tables = small_tables();
  tables.trainings[0].end_date = date(2012, 2, 1);
  EXPECT_THROW((void)Roster::build(tables), RosterError);
  tables = small_tables();
  tables.budgets.push_back(tables.budgets[0]);
  EXPECT_THROW((void)Roster::build(tables), RosterError);
  tables = small_tables();
  tables.pools.push_back(tables.pools[0]);
  EXPECT_THROW((void)Roster::build(tables), RosterError);
}

TEST(Roster, WalksALongChainOfParentsOnce) {
  // Each unit's ancestry was walked from the unit up: a chain of n units cost n * n / 2
  // steps, so an archive of a few hundred thousand chained units hung the load. Each
  // unit is now visited once; at the chain's end a cycle is still found.
  RosterTables tables;
  constexpr int kUnits = 200'000;
  for (int i = 0; i < kUnits; ++i) {
    tables.units.push_back(make_unit("U" + std::to_string(i), UnitKind::other,
                                     i == 0 ? std::string() : "U" + std::to_string(i - 1)));
  }
  EXPECT_EQ(Roster::build(tables).units().size(), static_cast<std::size_t>(kUnits));
  tables.units[0].parent_id = UnitId("U" + std::to_string(kUnits - 1));
  try {
    (void)Roster::build(std::move(tables));
    FAIL() << "a cycle through 200 000 units was accepted";
  } catch (const RosterError& error) {
    EXPECT_NE(std::string(error.what()).find("unit 'U0' is its own ancestor"), std::string::npos)
        << error.what();
  }
}

TEST(Roster, NamesTheFirstRepeatedPoolEntryAndBudgetLine) {
  // Repeats are found among sorted keys, unit by unit; the message still names the first
  // record that repeats an earlier one, in record order.
  const auto expect_refused = [](const RosterTables& tables, const std::string& message) {
    try {
      (void)Roster::build(tables);
      ADD_FAILURE() << "accepted; expected: " << message;
    } catch (const RosterError& error) {
      EXPECT_NE(std::string(error.what()).find(message), std::string::npos) << error.what();
    }
  };
  RosterTables tables = small_tables();
  const Term term = Term::from_years(2015, 2020);
  tables.pools = {PoolEntry{UnitId("A"), Position::secretary, CadreId("c3"), term, std::nullopt},
                  PoolEntry{UnitId("A"), Position::secretary, CadreId("c1"), term, std::nullopt},
                  // Differs from the first in its position, its term or its unit only:
                  PoolEntry{UnitId("A"), Position::chairman, CadreId("c3"), term, std::nullopt},
                  PoolEntry{UnitId("A"), Position::secretary, CadreId("c3"),
                            Term::from_years(2020, 2025), std::nullopt},
                  PoolEntry{UnitId("B"), Position::secretary, CadreId("c3"), term, std::nullopt}};
  EXPECT_EQ(Roster::build(tables).pools().size(), 5U);
  tables.pools.push_back(tables.pools[0]);  // record 6 repeats record 1 (cadre c3)
  tables.pools.push_back(tables.pools[1]);  // record 7 repeats record 2 (cadre c1)
  expect_refused(tables, "pools: cadre 'c3' is listed twice in the pool of 'A' for secretary 2015-2020");
  // Whichever unit's pool the first repeat is in (unit A is checked before unit B).
  tables.pools.resize(5);
  tables.pools.push_back(tables.pools[4]);  // record 6 repeats record 5 (unit B, cadre c3)
  tables.pools.push_back(tables.pools[1]);  // record 7 repeats record 2 (unit A, cadre c1)
  expect_refused(tables, "pools: cadre 'c3' is listed twice in the pool of 'B' for secretary 2015-2020");
  tables = small_tables();
  tables.budgets = {BudgetLine{UnitId("B"), 2013, 1, std::nullopt},
                    BudgetLine{UnitId("A"), 2013, 2, std::nullopt},
                    BudgetLine{UnitId("A"), 2014, 3, std::nullopt}};
  EXPECT_EQ(Roster::build(tables).budgets().size(), 3U);
  tables.budgets.push_back(BudgetLine{UnitId("B"), 2013, 4, std::nullopt});
  tables.budgets.push_back(BudgetLine{UnitId("A"), 2013, 5, std::nullopt});
  expect_refused(tables, "budgets: unit 'B' has two budget lines for 2013");
}

TEST(Roster, ResolvesRunsOfRecordsAndAnUnknownIdAfterARun) {
  // Roster::build compares each record's id with the previous record's before hashing:
  // runs, interleaving and an unknown id right after a run must all resolve correctly.
  RosterTables tables = small_tables();
  tables.trainings.clear();
  for (const char* id : {"c1", "c1", "c3", "c1", "c3", "c3"}) {
    TrainingRecord training;
    training.cadre_id = CadreId(id);
    training.course = "BD";
    training.start_date = training.end_date = date(2012, 1, 1);
    tables.trainings.push_back(training);
  }
  const Roster roster = Roster::build(tables);
  const auto of = [&](std::size_t cadre) {
    const auto span = roster.trainings_of_cadre(cadre);
    return std::vector<std::uint32_t>(span.begin(), span.end());
  };
  EXPECT_EQ(of(0), (std::vector<std::uint32_t>{0, 1, 3}));
  EXPECT_TRUE(of(1).empty());
  EXPECT_EQ(of(2), (std::vector<std::uint32_t>{2, 4, 5}));

  tables.trainings[4].cadre_id = CadreId("c9");
  try {
    (void)Roster::build(tables);
    FAIL() << "an unknown cadre after a run was accepted";
  } catch (const RosterError& error) {
    EXPECT_NE(std::string(error.what()).find("record 5"), std::string::npos) << error.what();
    EXPECT_NE(std::string(error.what()).find("'c9'"), std::string::npos) << error.what();
  }
}

TEST(Roster, ComparesByContent) {
  EXPECT_EQ(Roster::build(small_tables()), Roster::build(small_tables()));
  auto tables = small_tables();
  tables.cadres[1].ethnicity = "Khmer";
  EXPECT_NE(Roster::build(small_tables()), Roster::build(tables));
}

TEST(IndexGroups, GroupsKeepRecordOrder) {
  const std::vector<std::uint32_t> group_of{2, 0, 2, 1, 0};
  const IndexGroups groups(group_of, 4);
  ASSERT_EQ(groups.size(), 4u);
  EXPECT_EQ(std::vector<std::uint32_t>(groups[0].begin(), groups[0].end()),
            (std::vector<std::uint32_t>{1, 4}));
  EXPECT_EQ(std::vector<std::uint32_t>(groups[2].begin(), groups[2].end()),
            (std::vector<std::uint32_t>{0, 2}));
  EXPECT_TRUE(groups[3].empty());
  EXPECT_TRUE(groups[99].empty());
}

}  // namespace
}  // namespace cadreplan::model
