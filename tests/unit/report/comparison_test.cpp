#include "cadreplan/report/comparison.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

using boost::gregorian::date;
using cadreplan::model::Cadre;
using cadreplan::model::CadreId;
using cadreplan::model::GeneralEducation;
using cadreplan::model::PoliticalTheory;
using cadreplan::model::Position;
using cadreplan::model::ProfessionalLevel;
using cadreplan::model::Roster;
using cadreplan::model::RosterTables;
using cadreplan::model::Unit;
using cadreplan::model::UnitId;
using cadreplan::model::UnitKind;
using cadreplan::report::compare;
using cadreplan::report::Comparison;
using cadreplan::report::compute_statistics;
using cadreplan::report::difference;
using cadreplan::report::Statistics;
using cadreplan::report::Tally;

Unit commune(const std::string& id, bool large_minority) {
  Unit unit;
  unit.id = UnitId(id);
  unit.name = "Xã " + id;
  unit.kind = UnitKind::commune;
  unit.large_minority = large_minority;
  return unit;
}

Cadre secretary(const std::string& id, const std::string& unit_id, std::optional<date> since,
                std::optional<ProfessionalLevel> level) {
  Cadre cadre;
  cadre.id = CadreId(id);
  cadre.full_name = "Cadre " + id;
  cadre.birth_date = date(1968, 3, 8);
  cadre.unit_id = UnitId(unit_id);
  cadre.positions = {{Position::secretary, since}};
  cadre.professional.level = level;
  return cadre;
}

TEST(Tally, DifferenceIsSignedPerCodeAndForUnknown) {
  Tally<GeneralEducation> now;
  now.add(GeneralEducation::upper_secondary, 107);
  now.add(GeneralEducation::lower_secondary, 2);
  Tally<GeneralEducation> then;
  then.add(GeneralEducation::upper_secondary, 98);
  then.add(GeneralEducation::lower_secondary, 9);
  then.add(std::nullopt, 3);

  const auto change = difference(now, then);
  EXPECT_EQ(change.count(GeneralEducation::upper_secondary), 9);
  EXPECT_EQ(change.count(GeneralEducation::lower_secondary), -7);
  EXPECT_EQ(change.count(GeneralEducation::primary), 0);
  EXPECT_EQ(change.unknown(), -3);
}

TEST(Comparison, ChangeIsCurrentMinusBaselineForEveryKey) {
  // One roster read at two dates: S2 took office and S1 was replaced by S3 in between.
  RosterTables tables;
  tables.units = {commune("X1", true), commune("X2", false), commune("X3", true)};
  Cadre s1 = secretary("S1", "X1", date(2005, 1, 1), ProfessionalLevel::intermediate);
  Cadre s2 = secretary("S2", "X2", date(2012, 3, 1), ProfessionalLevel::university);
  s2.positions.push_back({Position::chairman, date(2012, 3, 1)});
  Cadre s3 = secretary("S3", "X3", std::nullopt, std::nullopt);
  s3.political_theory = PoliticalTheory::bachelor;
  tables.cadres = {s1, s2, s3};
  const Roster roster = Roster::build(tables);

  const Statistics baseline = compute_statistics(roster, {date(2010, 12, 31)});
  const Statistics current = compute_statistics(roster, {date(2013, 12, 31)});
  const Comparison comparison = compare(current, baseline);

  EXPECT_EQ(comparison.current, current);
  EXPECT_EQ(comparison.baseline, baseline);
  EXPECT_EQ(comparison.change.cadres, 1);
  EXPECT_EQ(comparison.change.units_total, 0);
  EXPECT_EQ(comparison.change.units_large_minority, 0);
  EXPECT_EQ(comparison.change.concurrent.count(Position::chairman), 1);
  EXPECT_EQ(comparison.change.professional_level.count(ProfessionalLevel::university), 1);
  EXPECT_EQ(comparison.change.professional_level.count(ProfessionalLevel::intermediate), 0);
  EXPECT_EQ(comparison.change.professional_level.unknown(), 0);
  EXPECT_EQ(comparison.change.political_theory.count(PoliticalTheory::advanced), 0);
  EXPECT_EQ(comparison.change.political_theory.unknown(), 1);
}

TEST(Comparison, ChangeCanBeNegativeAcrossTwoRosters) {
  RosterTables before;
  before.units = {commune("X1", true), commune("X2", true)};
  before.cadres = {secretary("A", "X1", std::nullopt, ProfessionalLevel::college),
                   secretary("B", "X2", std::nullopt, ProfessionalLevel::college)};
  RosterTables after;
  after.units = {commune("X1", false)};
  after.cadres = {secretary("A", "X1", std::nullopt, ProfessionalLevel::university)};

  const date day(2013, 12, 31);
  const Comparison comparison = compare(compute_statistics(Roster::build(after), {day}),
                                        compute_statistics(Roster::build(before), {day}));
  EXPECT_EQ(comparison.change.cadres, -1);
  EXPECT_EQ(comparison.change.units_total, -1);
  EXPECT_EQ(comparison.change.units_large_minority, -2);
  EXPECT_EQ(comparison.change.professional_level.count(ProfessionalLevel::college), -2);
  EXPECT_EQ(comparison.change.professional_level.count(ProfessionalLevel::university), 1);
}

TEST(Comparison, OfEqualStatisticsIsAllZero) {
  RosterTables tables;
  tables.units = {commune("X1", true)};
  tables.cadres = {secretary("A", "X1", std::nullopt, ProfessionalLevel::college)};
  const Statistics statistics = compute_statistics(Roster::build(tables), {date(2013, 12, 31)});
  const Comparison comparison = compare(statistics, statistics);
  EXPECT_EQ(comparison.change, cadreplan::report::StatisticsChange{});
}

}  // namespace
