// Point 5: point5.budget_floor and point5.budget_diverted.
#include <gtest/gtest.h>

#include "roster_builder.hpp"

namespace cadreplan::policy {
namespace {

using boost::gregorian::date;
using testing::RosterBuilder;

const std::string kFloor = "point5.budget_floor";
const std::string kDiverted = "point5.budget_diverted";

RosterBuilder unit_with_secretaries(int secretaries) {
  RosterBuilder builder;
  builder.unit("U1");
  for (int i = 1; i <= secretaries; ++i) {
    builder.secretary("C" + std::to_string(i), "U1", date(1970, 1, 1), std::nullopt);
  }
  return builder;
}

TEST(BudgetFloorRule, TenMillionPerSecretaryPassesOneDongLessFails) {
  auto builder = unit_with_secretaries(1);
  builder.budget("U1", 2012, 10'000'000, std::nullopt);
  builder.budget("U1", 2013, 9'999'999, std::nullopt);
  const auto findings = testing::run_rule(builder.build(), date(2013, 6, 30), kFloor);
  ASSERT_EQ(findings.size(), 1u);
  testing::expect_unit_finding(findings[0], kFloor, "U1");
  EXPECT_EQ(findings[0].year, 2013);  // the as-of year counts before it ends
  EXPECT_EQ(findings[0].actual, "9999999");
  EXPECT_EQ(findings[0].required, "10000000");
  EXPECT_EQ(findings[0].severity, Severity::warning);
  EXPECT_NE(findings[0].message.english().find("9.999.999 đ"), std::string::npos);
}

TEST(BudgetFloorRule, TheAllocationIsSharedBySittingSecretaries) {
  auto builder = unit_with_secretaries(2);
  builder.budget("U1", 2013, 15'000'000, std::nullopt);
  const auto findings = testing::run_rule(builder.build(), date(2013, 6, 30), kFloor);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].actual, "7500000");
  EXPECT_NE(findings[0].fix.english().find("20.000.000 đ"), std::string::npos);
}

TEST(BudgetFloorRule, AVacantPostStillNeedsTheFloor) {
  auto vacant = unit_with_secretaries(0);
  vacant.budget("U1", 2013, 10'000'000, std::nullopt);
  vacant.budget("U1", 2012, 5'000'000, std::nullopt);
  const auto findings = testing::run_rule(vacant.build(), date(2013, 6, 30), kFloor);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].year, 2012);
  EXPECT_EQ(findings[0].actual, "5000000");
}

TEST(BudgetFloorRule, OnlyYearsOfTheCurrentTermUpToTheAsOfYear) {
  auto builder = unit_with_secretaries(1);
  builder.budget("U1", 2009, 1'000, std::nullopt);  // previous term
  builder.budget("U1", 2010, 1'000, std::nullopt);  // the term's first year
  builder.budget("U1", 2014, 1'000, std::nullopt);  // not yet
  const auto findings = testing::run_rule(builder.build(), date(2013, 6, 30), kFloor);
  EXPECT_EQ(testing::years_of(findings), std::vector<int>{2010});
}

TEST(BudgetFloorRule, TheFloorIsAParameterAndOnlyCommuneLevelUnitsCount) {
  auto builder = unit_with_secretaries(1);
  builder.unit("D1", model::UnitKind::other);
  builder.budget("U1", 2013, 10'000'000, std::nullopt);
  builder.budget("D1", 2013, 1, std::nullopt);
  const auto roster = builder.build();
  EXPECT_TRUE(testing::run_rule(roster, date(2013, 6, 30), kFloor).empty());
  Profile profile = testing::default_profile();
  profile.rules[kFloor].parameters["floor_per_secretary"] = std::int64_t{12'000'000};
  const auto findings = testing::run_rule(roster, date(2013, 6, 30), kFloor, profile);
  ASSERT_EQ(findings.size(), 1u);
  testing::expect_unit_finding(findings[0], kFloor, "U1");
  EXPECT_EQ(findings[0].required, "12000000");
}

RosterBuilder budgets() {
  auto builder = unit_with_secretaries(1);
  builder.budget("U1", 2011, 20'000'000, 16'000'000);  // exactly 80 %
  builder.budget("U1", 2012, 20'000'000, 15'000'000);  // 75 %
  builder.budget("U1", 2013, 20'000'000, 2'000'000);   // 10 % so far
  return builder;
}

TEST(BudgetDivertedRule, FailsACompletedYearBelowTheShare) {
  const auto findings = testing::run_rule(budgets().build(), date(2013, 6, 30), kDiverted);
  ASSERT_EQ(findings.size(), 1u);
  testing::expect_unit_finding(findings[0], kDiverted, "U1");
  EXPECT_EQ(findings[0].year, 2012);
  EXPECT_EQ(findings[0].actual, "75.0 %");
  EXPECT_EQ(findings[0].required, "80.0 %");
  EXPECT_EQ(findings[0].severity, Severity::error);
  EXPECT_NE(findings[0].message.english().find("15.000.000 đ"), std::string::npos);
  // Both shares are in both languages' messages, not only in actual and required.
  EXPECT_NE(findings[0].message.english().find("(75.0 %), less than the required 80.0 %"), std::string::npos)
      << findings[0].message.english();
  EXPECT_NE(findings[0].message.vietnamese().find("(75.0 %), dưới mức 80.0 %"), std::string::npos)
      << findings[0].message.vietnamese();
}

TEST(BudgetDivertedRule, TheAsOfYearIsJudgedOnlyOnThirtyFirstDecember) {
  const auto roster = budgets().build();
  EXPECT_EQ(testing::years_of(testing::run_rule(roster, date(2013, 12, 30), kDiverted)),
            std::vector<int>{2012});
  EXPECT_EQ(testing::years_of(testing::run_rule(roster, date(2013, 12, 31), kDiverted)),
            (std::vector<int>{2012, 2013}));
}

TEST(BudgetDivertedRule, UnknownSpendingOrNoAllocationIsNotJudged) {
  auto builder = unit_with_secretaries(1);
  builder.budget("U1", 2011, 20'000'000, std::nullopt);
  builder.budget("U1", 2012, 0, 0);
  EXPECT_TRUE(testing::run_rule(builder.build(), date(2013, 12, 31), kDiverted).empty());
}

TEST(BudgetDivertedRule, TheShareIsAParameter) {
  Profile profile = testing::default_profile();
  profile.rules[kDiverted].parameters["min_share"] = 0.7;
  const auto findings = testing::run_rule(budgets().build(), date(2013, 12, 31), kDiverted, profile);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].year, 2013);
  EXPECT_EQ(findings[0].required, "70.0 %");
}

}  // namespace
}  // namespace cadreplan::policy
