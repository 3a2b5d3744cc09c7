// Point 3: refresher_history() and point3.annual_refresher.
#include "cadreplan/policy/refresher_history.hpp"

#include <gtest/gtest.h>

#include "roster_builder.hpp"

namespace cadreplan::policy {
namespace {

using boost::gregorian::date;
using model::TrainingKind;
using model::TrainingStatus;
using testing::RosterBuilder;

const std::string kRule = "point3.annual_refresher";

RosterBuilder secretary_since(std::optional<date> since) {
  RosterBuilder builder;
  builder.unit("U1");
  builder.secretary("C1", "U1", date(1970, 1, 1), since);
  return builder;
}

std::vector<RefresherYear> history(const model::Roster& roster, date as_of,
                                   TrainingKind kind = TrainingKind::party_building) {
  const EvaluationContext context(roster, testing::default_profile(), as_of);
  return refresher_history(roster.cadres()[0], context, kind);
}

TEST(RefresherHistory, CoversEachYearOfTheTermServedWithItsStatus) {
  auto builder = secretary_since(std::nullopt);
  builder.training("C1", TrainingKind::party_building, date(2012, 3, 1), date(2012, 3, 5));
  builder.training("C1", TrainingKind::party_building, date(2016, 5, 2), date(2016, 5, 6));
  builder.training("C1", TrainingKind::party_building, date(2016, 10, 3), date(2016, 10, 7));
  const auto years = history(builder.build(), date(2018, 6, 30));
  ASSERT_EQ(years.size(), 4u);  // 2015 (from 1 July) to 2018
  EXPECT_EQ(years[0], (RefresherYear{2015, RefresherStatus::lapsed, 2012, false, 0}));
  EXPECT_EQ(years[1], (RefresherYear{2016, RefresherStatus::done, 2016, true, 2}));
  EXPECT_EQ(years[2], (RefresherYear{2017, RefresherStatus::lapsed, 2016, true, 0}));
  EXPECT_EQ(years[3], (RefresherYear{2018, RefresherStatus::lapsed, 2016, false, 0}));
}

TEST(RefresherHistory, NeverDoneUntilTheFirstCompletion) {
  auto builder = secretary_since(std::nullopt);
  builder.training("C1", TrainingKind::party_building, date(2017, 5, 2), date(2017, 5, 6));
  const auto years = history(builder.build(), date(2017, 12, 31));
  ASSERT_EQ(years.size(), 3u);
  EXPECT_EQ(years[0].status, RefresherStatus::never_done);
  EXPECT_FALSE(years[0].last_done_year.has_value());
  EXPECT_EQ(years[1].status, RefresherStatus::never_done);
  EXPECT_TRUE(years[1].full_year);
  EXPECT_EQ(years[2].status, RefresherStatus::done);
  EXPECT_TRUE(years[2].full_year);  // 31 December: the as-of year is complete
}

TEST(RefresherHistory, TheAsOfYearIsFullOnlyOnThirtyFirstDecember) {
  const auto roster = secretary_since(std::nullopt).build();
  EXPECT_TRUE(history(roster, date(2016, 12, 31)).back().full_year);
  EXPECT_FALSE(history(roster, date(2016, 12, 30)).back().full_year);
}

TEST(RefresherHistory, TheCongressYearIsNeverFull) {
  const auto years = history(secretary_since(std::nullopt).build(), date(2017, 1, 1));
  ASSERT_EQ(years.size(), 3u);
  EXPECT_EQ(years[0].year, 2015);
  EXPECT_FALSE(years[0].full_year);  // served from 1 July only
  EXPECT_TRUE(years[1].full_year);
}

TEST(RefresherHistory, AMidYearAppointmentStartsAtTheAppointment) {
  const auto years = history(secretary_since(date(2016, 3, 15)).build(), date(2017, 12, 31));
  ASSERT_EQ(years.size(), 2u);
  EXPECT_EQ(years[0].year, 2016);
  EXPECT_FALSE(years[0].full_year);
  EXPECT_EQ(years[1].year, 2017);
  EXPECT_TRUE(years[1].full_year);
}

TEST(RefresherHistory, IsEmptyBeforeServiceStarts) {
  EXPECT_TRUE(history(secretary_since(date(2019, 1, 1)).build(), date(2018, 6, 30)).empty());
}

TEST(RefresherHistory, CountsOnlyCompletedTrainingsOfTheKindEndedByTheAsOfDate) {
  auto builder = secretary_since(std::nullopt);
  builder.training("C1", TrainingKind::party_building, date(2016, 3, 1), date(2016, 3, 5),
                   TrainingStatus::failed);
  builder.training("C1", TrainingKind::party_building, date(2016, 4, 1), date(2016, 4, 5),
                   TrainingStatus::planned);
  builder.training("C1", TrainingKind::party_building, date(2016, 5, 1), date(2016, 5, 5), std::nullopt);
  builder.training("C1", TrainingKind::state_management, date(2016, 6, 1), date(2016, 6, 5));
  builder.training("C1", TrainingKind::party_building, date(2016, 12, 28), date(2017, 1, 3));
  builder.training("C1", TrainingKind::skills, date(2016, 8, 1), date(2016, 8, 5));
  const auto roster = builder.build();
  auto years = history(roster, date(2016, 12, 31));
  EXPECT_EQ(years.back().year, 2016);
  EXPECT_EQ(years.back().completed, 0);  // the course ending in 2017 counts in 2017
  years = history(roster, date(2017, 1, 2));
  EXPECT_EQ(years.back().completed, 0);  // not over yet
  years = history(roster, date(2017, 1, 3));
  EXPECT_EQ(years.back().completed, 1);
  EXPECT_EQ(history(roster, date(2016, 12, 31), TrainingKind::skills).back().completed, 1);
}

TEST(AnnualRefresherRule, FailsEachFullYearWithoutARefresher) {
  const auto findings =
      testing::run_rule(secretary_since(std::nullopt).build(), date(2017, 12, 31), kRule);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(testing::years_of(findings), (std::vector<int>{2016, 2017}));
  for (const auto& finding : findings) {
    testing::expect_cadre_finding(finding, kRule, "C1", "U1");
    EXPECT_EQ(finding.actual, "never");
    EXPECT_EQ(finding.required, "at least 1");
    EXPECT_NE(finding.message.english().find("never"), std::string::npos);
    EXPECT_NE(finding.message.vietnamese().find("chưa từng"), std::string::npos);
  }
}

TEST(AnnualRefresherRule, ThePartialAsOfYearNeverFails) {
  EXPECT_EQ(testing::years_of(testing::run_rule(secretary_since(std::nullopt).build(),
                                                date(2017, 12, 30), kRule)),
            std::vector<int>{2016});
}

TEST(AnnualRefresherRule, ALapseNamesTheLastYearDone) {
  auto builder = secretary_since(std::nullopt);
  builder.training("C1", TrainingKind::party_building, date(2016, 5, 2), date(2016, 5, 6));
  const auto findings = testing::run_rule(builder.build(), date(2017, 12, 31), kRule);
  ASSERT_EQ(findings.size(), 1u);
  testing::expect_cadre_finding(findings[0], kRule, "C1", "U1");
  EXPECT_EQ(findings[0].year, 2017);
  EXPECT_EQ(findings[0].actual, "lapsed since 2016");
  EXPECT_NE(findings[0].message.english().find("lapsed since 2016"), std::string::npos);
  EXPECT_NE(findings[0].message.vietnamese().find("2016"), std::string::npos);
}

TEST(AnnualRefresherRule, PassesWhenEveryFullYearHasOne) {
  auto builder = secretary_since(std::nullopt);
  builder.training("C1", TrainingKind::party_building, date(2016, 5, 2), date(2016, 5, 6));
  builder.training("C1", TrainingKind::party_building, date(2017, 11, 27), date(2017, 12, 31));
  EXPECT_TRUE(testing::run_rule(builder.build(), date(2017, 12, 31), kRule).empty());
}

TEST(AnnualRefresherRule, AMidYearAppointmentIsJudgedFromTheFirstFullYear) {
  const auto findings =
      testing::run_rule(secretary_since(date(2016, 3, 15)).build(), date(2017, 12, 31), kRule);
  EXPECT_EQ(testing::years_of(findings), std::vector<int>{2017});
  // Appointed on 1 January: that year is full.
  EXPECT_EQ(testing::years_of(testing::run_rule(secretary_since(date(2016, 1, 1)).build(),
                                                date(2017, 12, 31), kRule)),
            (std::vector<int>{2016, 2017}));
}

TEST(AnnualRefresherRule, MinimumAndKindAreParameters) {
  auto builder = secretary_since(std::nullopt);
  builder.training("C1", TrainingKind::party_building, date(2016, 5, 2), date(2016, 5, 6));
  builder.training("C1", TrainingKind::skills, date(2016, 6, 2), date(2016, 6, 6));
  const auto roster = builder.build();
  Profile profile = testing::default_profile();
  profile.rules[kRule].parameters["min_per_year"] = std::int64_t{2};
  auto findings = testing::run_rule(roster, date(2016, 12, 31), kRule, profile);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].actual, "1");
  EXPECT_EQ(findings[0].required, "at least 2");
  profile.rules[kRule].parameters["min_per_year"] = std::int64_t{1};
  profile.rules[kRule].parameters["kind"] = std::string("skills");
  EXPECT_TRUE(testing::run_rule(roster, date(2016, 12, 31), kRule, profile).empty());
}

TEST(AnnualRefresherRule, OnlySittingSecretariesOfCommuneLevelUnits) {
  RosterBuilder builder;
  builder.unit("U1");
  builder.unit("D1", model::UnitKind::other);
  builder.cadre("C1", "U1", date(1970, 1, 1), {{model::Position::chairman, std::nullopt}});
  builder.secretary("C2", "D1", date(1970, 1, 1), std::nullopt);
  builder.secretary("C3", "U1", date(1970, 1, 1), date(2018, 1, 1));
  EXPECT_TRUE(testing::run_rule(builder.build(), date(2017, 12, 31), kRule).empty());
}

}  // namespace
}  // namespace cadreplan::policy
