// standard.age: retirement, minimum age, age at appointment and pool candidates' age.
#include <gtest/gtest.h>

#include "roster_builder.hpp"

namespace cadreplan::policy {
namespace {

using boost::gregorian::date;
using testing::RosterBuilder;

const std::string kRule = "standard.age";

TEST(AgeRule, FailsFromTheDayTheStatutoryRetirementAgeIsReached) {
  RosterBuilder builder;
  builder.unit("U1");
  builder.secretary("C1", "U1", date(1961, 1, 15), std::nullopt);  // a man: 60 y 3 m on 2021-04-15
  const auto roster = builder.build();
  EXPECT_TRUE(testing::run_rule(roster, date(2021, 4, 14), kRule).empty());
  const auto findings = testing::run_rule(roster, date(2021, 4, 15), kRule);
  ASSERT_EQ(findings.size(), 1u);
  testing::expect_cadre_finding(findings[0], kRule, "C1", "U1");
  EXPECT_EQ(findings[0].actual, "age 60");
  EXPECT_EQ(findings[0].required, "before 2021-04-15");
  EXPECT_NE(findings[0].message.english().find("2021-04-15"), std::string::npos);
  EXPECT_NE(findings[0].message.vietnamese().find("nghỉ hưu"), std::string::npos);
}

TEST(AgeRule, LeapDayBirthsRetireOnTheirOwnDay) {
  RosterBuilder builder;
  builder.unit("U1");
  builder.secretary("C1", "U1", date(1964, 2, 29), std::nullopt);  // 61 y 3 m in 2025: 29 May
  const auto roster = builder.build();
  EXPECT_TRUE(testing::run_rule(roster, date(2025, 5, 28), kRule).empty());
  const auto findings = testing::run_rule(roster, date(2025, 5, 29), kRule);
  ASSERT_EQ(findings.size(), 1u);
  testing::expect_cadre_finding(findings[0], kRule, "C1", "U1");
  EXPECT_EQ(findings[0].actual, "age 61");
  EXPECT_EQ(findings[0].required, "before 2025-05-29");
}

TEST(AgeRule, UnknownGenderRetiresOnTheWomensSchedule) {
  RosterBuilder builder;
  builder.unit("U1");
  builder.secretary("C1", "U1", date(1966, 1, 10), std::nullopt).gender.reset();  // 2021-05-10
  builder.secretary("C2", "U1", date(1966, 1, 10), std::nullopt);                 // a man: 2027
  const auto findings = testing::run_rule(builder.build(), date(2021, 5, 10), kRule);
  ASSERT_EQ(findings.size(), 1u);
  testing::expect_cadre_finding(findings[0], kRule, "C1", "U1");
  EXPECT_EQ(findings[0].required, "before 2021-05-10");
}

Profile with_min_age(int minimum) {
  Profile profile = testing::default_profile();
  for (auto& standard : profile.standards) standard.min_age = minimum;
  return profile;
}

TEST(AgeRule, ABirthdayOnTheAsOfDateCountsForTheMinimumAge) {
  const Profile profile = with_min_age(21);
  RosterBuilder builder;
  builder.unit("U1");
  builder.secretary("C1", "U1", date(1992, 12, 31), std::nullopt);
  const auto roster = builder.build();
  EXPECT_TRUE(testing::run_rule(roster, date(2013, 12, 31), kRule, profile).empty());
  const auto findings = testing::run_rule(roster, date(2013, 12, 30), kRule, profile);
  ASSERT_EQ(findings.size(), 1u);
  testing::expect_cadre_finding(findings[0], kRule, "C1", "U1");
  EXPECT_EQ(findings[0].actual, "age 20");
  EXPECT_EQ(findings[0].required, "at least 21");
}

TEST(AgeRule, ALeapDayBirthTurnsOlderOnFirstMarchInCommonYears) {
  const Profile profile = with_min_age(21);
  RosterBuilder builder;
  builder.unit("U1");
  builder.secretary("C1", "U1", date(1992, 2, 29), std::nullopt);
  const auto roster = builder.build();
  const auto findings = testing::run_rule(roster, date(2013, 2, 28), kRule, profile);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].actual, "age 20");
  EXPECT_TRUE(testing::run_rule(roster, date(2013, 3, 1), kRule, profile).empty());
}

TEST(AgeRule, AppointmentAtTheMaximumAgeIsAllowedOneDayLaterIsNot) {
  RosterBuilder builder;
  builder.unit("U1");
  builder.secretary("C1", "U1", date(1965, 8, 1), date(2010, 8, 1));  // 45 on the day
  builder.secretary("C2", "U1", date(1964, 8, 1), date(2010, 8, 1));  // 46 on the day
  builder.secretary("C3", "U1", date(1964, 8, 2), date(2010, 8, 1));  // 46 the next day
  const auto findings = testing::run_rule(builder.build(), date(2013, 12, 31), kRule);
  ASSERT_EQ(findings.size(), 1u);
  testing::expect_cadre_finding(findings[0], kRule, "C2", "U1");
  EXPECT_EQ(findings[0].actual, "age 46 at appointment");
  EXPECT_EQ(findings[0].required, "at most 45");
  EXPECT_NE(findings[0].message.english().find("2010-08-01"), std::string::npos);
}

TEST(AgeRule, AppointmentAgeOfALeapDayBirth) {
  RosterBuilder builder;
  builder.unit("U1");
  builder.secretary("C1", "U1", date(1964, 2, 29), date(2010, 2, 28));  // still 45
  builder.secretary("C2", "U1", date(1964, 2, 29), date(2010, 3, 1));   // 46 from 1 March
  const auto findings = testing::run_rule(builder.build(), date(2013, 12, 31), kRule);
  ASSERT_EQ(findings.size(), 1u);
  testing::expect_cadre_finding(findings[0], kRule, "C2", "U1");
  EXPECT_EQ(findings[0].actual, "age 46 at appointment");
}

TEST(AgeRule, TheAppointmentIsJudgedByTheStandardInForceThatDay) {
  RosterBuilder builder;
  builder.unit("U1");
  builder.secretary("C1", "U1", date(1974, 1, 1), date(2024, 1, 1));  // 50; Decree 33 sets no maximum
  builder.secretary("C2", "U1", date(1972, 1, 1), date(2023, 7, 31));  // 51 under Decision 04/2004
  const auto findings = testing::run_rule(builder.build(), date(2024, 6, 30), kRule);
  ASSERT_EQ(findings.size(), 1u);
  testing::expect_cadre_finding(findings[0], kRule, "C2", "U1");
  EXPECT_EQ(findings[0].actual, "age 51 at appointment");
}

// Pool candidates: the C-ids hold no position; U1's secretary is S1.
RosterBuilder pool_roster() {
  RosterBuilder builder;
  builder.unit("U1");
  builder.unit("U2");
  builder.secretary("S1", "U1", date(1975, 1, 1), std::nullopt);
  return builder;
}

TEST(AgeRule, PoolCandidatesNeedSixtyMonthsLeftAtTheTermsStart) {
  auto builder = pool_roster();
  const auto term = model::Term::from_years(2025, 2030);
  builder.cadre("C1", "U2", date(1968, 7, 1), {});   // a man: 62 on 2030-07-01, 60 months
  builder.cadre("C2", "U2", date(1968, 6, 30), {});  // 62 on 2030-06-30, 59 months
  builder.pool("U1", "C1", term);
  builder.pool("U1", "C2", term);
  const auto findings = testing::run_rule(builder.build(), date(2024, 12, 31), kRule);
  ASSERT_EQ(findings.size(), 1u);
  // The candidate's own unit carries the finding.
  testing::expect_cadre_finding(findings[0], kRule, "C2", "U2");
  EXPECT_EQ(findings[0].actual, "59 months");
  EXPECT_EQ(findings[0].required, "at least 60");
  EXPECT_NE(findings[0].message.english().find("2025-2030"), std::string::npos);
}

TEST(AgeRule, OnceTheTermHasStartedMonthsAreCountedFromTheAsOfDate) {
  auto builder = pool_roster();
  builder.cadre("C1", "U2", date(1968, 7, 1), {});
  builder.pool("U1", "C1", model::Term::from_years(2025, 2030));
  const auto findings = testing::run_rule(builder.build(), date(2026, 1, 1), kRule);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].actual, "54 months");
}

TEST(AgeRule, TheMonthsParameterAndGenderDecide) {
  Profile profile = testing::default_profile();
  profile.rules["standard.age"].parameters["pool_min_months_to_retirement"] = std::int64_t{120};
  auto builder = pool_roster();
  const auto term = model::Term::from_years(2025, 2030);
  builder.cadre("C1", "U2", date(1975, 1, 1), {}).gender = model::Gender::female;  // 2034-09-01
  builder.cadre("C2", "U2", date(1975, 1, 1), {});                                 // a man: 2037-01-01
  builder.pool("U1", "C1", term);
  builder.pool("U1", "C2", term);
  const auto roster = builder.build();
  EXPECT_TRUE(testing::run_rule(roster, date(2024, 12, 31), kRule).empty());  // 110 >= 60
  const auto findings = testing::run_rule(roster, date(2024, 12, 31), kRule, profile);
  ASSERT_EQ(findings.size(), 1u);
  testing::expect_cadre_finding(findings[0], kRule, "C1", "U2");
  EXPECT_EQ(findings[0].actual, "110 months");
  EXPECT_EQ(findings[0].required, "at least 120");
}

TEST(AgeRule, PoolCandidatesMustNotBeOlderThanTheMaximumAtTheTermsStart) {
  auto builder = pool_roster();
  const auto term = model::Term::from_years(2015, 2020);  // under Decision 04/2004: at most 45
  builder.cadre("C1", "U2", date(1970, 7, 1), {});  // 45 on 2015-07-01
  builder.cadre("C2", "U2", date(1969, 7, 2), {});  // still 45 on 2015-07-01
  builder.cadre("C3", "U2", date(1969, 7, 1), {});  // 46 on 2015-07-01
  builder.pool("U1", "C1", term);
  builder.pool("U1", "C2", term);
  builder.pool("U1", "C3", term);
  const auto findings = testing::run_rule(builder.build(), date(2014, 12, 31), kRule);
  ASSERT_EQ(findings.size(), 1u);
  testing::expect_cadre_finding(findings[0], kRule, "C3", "U2");
  EXPECT_EQ(findings[0].actual, "age 46");
  EXPECT_EQ(findings[0].required, "at most 45");
}

TEST(AgeRule, PastPoolsAndSittingHoldersAreNotJudgedAsCandidates) {
  auto builder = pool_roster();
  builder.cadre("C1", "U2", date(1955, 1, 1), {});
  builder.pool("U1", "C1", model::Term::from_years(2010, 2015));  // over by 2016
  builder.pool("U1", "S1", model::Term::from_years(2015, 2020));  // already the secretary
  builder.tables.cadres[0].birth_date = date(1969, 1, 1);          // S1 would be 46 at the start
  EXPECT_TRUE(testing::run_rule(builder.build(), date(2016, 1, 1), kRule).empty());
}

}  // namespace
}  // namespace cadreplan::policy
