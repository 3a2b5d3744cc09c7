// Point 2: point2.successor_pool and point2.plan_at_term_start.
#include <gtest/gtest.h>

#include "roster_builder.hpp"

namespace cadreplan::policy {
namespace {

using boost::gregorian::date;
using model::Term;
using model::TrainingKind;
using model::TrainingStatus;
using testing::RosterBuilder;

const std::string kPool = "point2.successor_pool";
const std::string kPlan = "point2.plan_at_term_start";

// U1 with its secretary and `candidates` pool entries for `term`.
RosterBuilder pool_of(int candidates, Term term) {
  RosterBuilder builder;
  builder.unit("U1");
  builder.secretary("S1", "U1", date(1970, 1, 1), std::nullopt);
  for (int i = 1; i <= candidates; ++i) {
    const std::string id = "P" + std::to_string(i);
    builder.cadre(id, "U1", date(1980, 1, 1), {{model::Position::deputy_secretary, std::nullopt}});
    builder.pool("U1", id, term);
  }
  return builder;
}

const Term kTerm2015 = Term::from_years(2015, 2020);
const Term kTerm2020 = Term::from_years(2020, 2025);

TEST(SuccessorPoolRule, OneToThreeCandidatesPass) {
  for (int candidates = 1; candidates <= 3; ++candidates) {
    EXPECT_TRUE(testing::run_rule(pool_of(candidates, kTerm2015).build(), date(2016, 6, 30), kPool).empty())
        << candidates;
  }
}

TEST(SuccessorPoolRule, AnEmptyPoolFails) {
  const auto findings = testing::run_rule(pool_of(0, kTerm2015).build(), date(2016, 6, 30), kPool);
  ASSERT_EQ(findings.size(), 1u);
  testing::expect_unit_finding(findings[0], kPool, "U1");
  EXPECT_EQ(findings[0].actual, "0");
  EXPECT_EQ(findings[0].required, "1-3");
  EXPECT_EQ(findings[0].year, 2015);
  EXPECT_NE(findings[0].message.english().find("2015-2020"), std::string::npos);
  EXPECT_NE(findings[0].fix.english().find("Add candidates"), std::string::npos);
}

TEST(SuccessorPoolRule, MoreThanThreeFails) {
  const auto findings = testing::run_rule(pool_of(4, kTerm2015).build(), date(2016, 6, 30), kPool);
  ASSERT_EQ(findings.size(), 1u);
  testing::expect_unit_finding(findings[0], kPool, "U1");
  EXPECT_EQ(findings[0].actual, "4");
  EXPECT_NE(findings[0].fix.english().find("Narrow"), std::string::npos);
}

TEST(SuccessorPoolRule, AfterTwoYearsOfTheTermTheNextTermsPoolIsJudged) {
  const auto roster = pool_of(2, kTerm2015).build();
  EXPECT_TRUE(testing::run_rule(roster, date(2017, 6, 30), kPool).empty());
  const auto findings = testing::run_rule(roster, date(2017, 7, 1), kPool);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].year, 2020);
  EXPECT_EQ(findings[0].actual, "0");
  EXPECT_NE(findings[0].message.vietnamese().find("2020-2025"), std::string::npos);
  EXPECT_TRUE(testing::run_rule(pool_of(2, kTerm2020).build(), date(2017, 7, 1), kPool).empty());
}

TEST(SuccessorPoolRule, OnlyCommuneLevelUnitsAndTheListedPositions) {
  auto builder = pool_of(1, kTerm2015);
  builder.unit("D1", model::UnitKind::other);
  builder.unit("T1", model::UnitKind::township);
  const auto roster = builder.build();
  const auto findings = testing::run_rule(roster, date(2016, 6, 30), kPool);
  ASSERT_EQ(findings.size(), 1u);
  testing::expect_unit_finding(findings[0], kPool, "T1");

  Profile profile = testing::default_profile();
  profile.rules[kPool].parameters["positions"] = std::vector<std::string>{"secretary", "chủ tịch UBND"};
  profile.rules[kPool].parameters["min_candidates"] = std::int64_t{2};
  const auto stricter = testing::run_rule(roster, date(2016, 6, 30), kPool, profile);
  ASSERT_EQ(stricter.size(), 4u);  // U1 and T1, secretary and chairman each
  EXPECT_EQ(stricter[0].unit_id.str(), "T1");
  EXPECT_EQ(stricter[2].unit_id.str(), "U1");
  EXPECT_EQ(stricter[2].required, "2-3");
}

// One secretary of U1 since `since`, with the given trainings.
RosterBuilder secretary_since(std::optional<date> since) {
  RosterBuilder builder;
  builder.unit("U1");
  builder.secretary("C1", "U1", date(1970, 1, 1), since);
  return builder;
}

TEST(PlanAtTermStartRule, ASecretaryNeedsAPlanTwelveMonthsIntoTheTerm) {
  const auto roster = secretary_since(std::nullopt).build();
  EXPECT_TRUE(testing::run_rule(roster, date(2016, 6, 30), kPlan).empty());
  const auto findings = testing::run_rule(roster, date(2016, 7, 1), kPlan);
  ASSERT_EQ(findings.size(), 1u);
  testing::expect_cadre_finding(findings[0], kPlan, "C1", "U1");
  EXPECT_EQ(findings[0].actual, "no planned training");
  EXPECT_EQ(findings[0].required, "planned training by 2016-07-01");
  EXPECT_NE(findings[0].message.english().find("2015-2020"), std::string::npos);
  EXPECT_NE(findings[0].message.vietnamese().find("(bí thư)"), std::string::npos);
}

TEST(PlanAtTermStartRule, APlannedRecordEndingInTheTermPasses) {
  auto flagged = secretary_since(std::nullopt);
  flagged.training("C1", TrainingKind::party_building, date(2016, 9, 1), date(2016, 9, 30));
  EXPECT_TRUE(testing::run_rule(flagged.build(), date(2016, 7, 1), kPlan).empty());

  auto by_status = secretary_since(std::nullopt);
  by_status.training("C1", TrainingKind::political_theory, date(2017, 3, 1), date(2017, 9, 30),
                     TrainingStatus::planned)
      .planned.reset();
  EXPECT_TRUE(testing::run_rule(by_status.build(), date(2016, 7, 1), kPlan).empty());
}

TEST(PlanAtTermStartRule, UnplannedOrOutOfTermRecordsDoNotCount) {
  auto unplanned = secretary_since(std::nullopt);
  unplanned.training("C1", TrainingKind::party_building, date(2016, 3, 1), date(2016, 3, 5))
      .planned = false;
  EXPECT_EQ(testing::run_rule(unplanned.build(), date(2016, 7, 1), kPlan).size(), 1u);

  auto last_term = secretary_since(std::nullopt);
  last_term.training("C1", TrainingKind::party_building, date(2015, 6, 1), date(2015, 6, 30));
  EXPECT_EQ(testing::run_rule(last_term.build(), date(2016, 7, 1), kPlan).size(), 1u);

  // A plan that ends after the term is not a plan of this term.
  auto next_term = secretary_since(std::nullopt);
  next_term.training("C1", TrainingKind::professional, date(2019, 9, 1), date(2020, 9, 30),
                     TrainingStatus::planned);
  EXPECT_EQ(testing::run_rule(next_term.build(), date(2016, 7, 1), kPlan).size(), 1u);
}

TEST(PlanAtTermStartRule, AMidYearAppointmentStartsTheClockAtTheAppointment) {
  const auto roster = secretary_since(date(2016, 3, 15)).build();
  EXPECT_TRUE(testing::run_rule(roster, date(2017, 3, 14), kPlan).empty());
  const auto findings = testing::run_rule(roster, date(2017, 3, 15), kPlan);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].required, "planned training by 2017-03-15");
}

TEST(PlanAtTermStartRule, AMonthEndAppointmentKeepsItsDayOfTheMonth) {
  // 28 February 2019 + 12 months is 28 February 2020, not the leap day.
  const auto roster = secretary_since(date(2019, 2, 28)).build();
  EXPECT_TRUE(testing::run_rule(roster, date(2020, 2, 27), kPlan).empty());
  const auto findings = testing::run_rule(roster, date(2020, 2, 28), kPlan);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].required, "planned training by 2020-02-28");
}

TEST(PlanAtTermStartRule, TheMonthsAreAParameter) {
  Profile profile = testing::default_profile();
  profile.rules[kPlan].parameters["months"] = std::int64_t{6};
  const auto findings =
      testing::run_rule(secretary_since(std::nullopt).build(), date(2016, 1, 1), kPlan, profile);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].required, "planned training by 2016-01-01");
  // 30 September 2016 + 6 months is 30 March 2017, not the month's end.
  const auto appointed = secretary_since(date(2016, 9, 30)).build();
  EXPECT_TRUE(testing::run_rule(appointed, date(2017, 3, 29), kPlan, profile).empty());
  const auto due = testing::run_rule(appointed, date(2017, 3, 30), kPlan, profile);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].required, "planned training by 2017-03-30");
}

TEST(PlanAtTermStartRule, PoolCandidatesNeedAPlanFromTheirAddition) {
  RosterBuilder builder;
  builder.unit("U1");
  builder.unit("U2");
  builder.secretary("S1", "U1", date(1970, 1, 1), std::nullopt);
  builder.training("S1", TrainingKind::party_building, date(2016, 3, 1), date(2016, 3, 5));
  builder.cadre("P1", "U2", date(1985, 1, 1), {{model::Position::deputy_secretary, std::nullopt}});
  builder.pool("U1", "P1", kTerm2020).added_on = date(2016, 10, 1);
  builder.pool("U2", "P1", kTerm2020).added_on = date(2016, 10, 1);  // two pools, one finding
  const auto roster = builder.build();
  EXPECT_TRUE(testing::run_rule(roster, date(2017, 9, 30), kPlan).empty());
  const auto findings = testing::run_rule(roster, date(2017, 10, 1), kPlan);
  ASSERT_EQ(findings.size(), 1u);
  testing::expect_cadre_finding(findings[0], kPlan, "P1", "U2");
  EXPECT_NE(findings[0].message.english().find("pool candidate"), std::string::npos);
  EXPECT_NE(findings[0].message.vietnamese().find("nguồn quy hoạch"), std::string::npos);
  EXPECT_EQ(findings[0].required, "planned training by 2017-10-01");
}

TEST(PlanAtTermStartRule, ACandidateInSeveralPoolsIsJudgedFromTheEarliestAddition) {
  for (const bool earliest_first : {true, false}) {
    RosterBuilder builder;
    builder.unit("U1");
    builder.unit("U2");
    builder.cadre("P1", "U2", date(1985, 1, 1), {{model::Position::deputy_secretary, std::nullopt}});
    builder.pool("U1", "P1", kTerm2020).added_on = earliest_first ? date(2016, 10, 1) : date(2017, 5, 1);
    builder.pool("U2", "P1", kTerm2020).added_on = earliest_first ? date(2017, 5, 1) : date(2016, 10, 1);
    const auto findings = testing::run_rule(builder.build(), date(2017, 10, 15), kPlan);
    ASSERT_EQ(findings.size(), 1u) << earliest_first;
    EXPECT_EQ(findings[0].required, "planned training by 2017-10-01");
  }
}

TEST(PlanAtTermStartRule, CandidatesOfPastPoolsAreNotJudged) {
  RosterBuilder builder;
  builder.unit("U1");
  builder.cadre("P1", "U1", date(1985, 1, 1), {{model::Position::deputy_secretary, std::nullopt}});
  builder.pool("U1", "P1", Term::from_years(2010, 2015));
  EXPECT_TRUE(testing::run_rule(builder.build(), date(2016, 7, 1), kPlan).empty());
}

}  // namespace
}  // namespace cadreplan::policy
