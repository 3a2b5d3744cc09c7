// Point 1: point1.accredited_provider and point1.skills_pairing.
#include <gtest/gtest.h>

#include "roster_builder.hpp"

namespace cadreplan::policy {
namespace {

using boost::gregorian::date;
using model::TrainingKind;
using model::TrainingStatus;
using testing::RosterBuilder;

const std::string kProvider = "point1.accredited_provider";
const std::string kPairing = "point1.skills_pairing";

RosterBuilder one_secretary() {
  RosterBuilder builder;
  builder.unit("U1");
  builder.secretary("C1", "U1", date(1970, 1, 1), date(2010, 7, 1));
  return builder;
}

TEST(AccreditedProviderRule, FlagsTrainingFromAProviderNotListed) {
  auto builder = one_secretary();
  builder.training("C1", TrainingKind::party_building, date(2012, 3, 1), date(2012, 3, 5));
  builder.training("C1", TrainingKind::professional, date(2013, 3, 1), date(2013, 9, 5)).provider =
      "Công ty Tư vấn Giáo dục ABC";
  builder.training("C1", TrainingKind::skills, date(2013, 4, 1), date(2013, 4, 5)).provider =
      "TRUONG CHINH TRI TINH BAC LIEU";  // folded, and matched by the starred prefix
  const auto findings = testing::run_rule(builder.build(), date(2013, 12, 31), kProvider);
  ASSERT_EQ(findings.size(), 1u);
  testing::expect_cadre_finding(findings[0], kProvider, "C1", "U1");
  EXPECT_EQ(findings[0].actual, "Công ty Tư vấn Giáo dục ABC");
  EXPECT_EQ(findings[0].required, "accredited provider");
  EXPECT_EQ(findings[0].year, 2013);
  EXPECT_EQ(findings[0].severity, Severity::warning);
}

TEST(AccreditedProviderRule, NamesACadreWhoseNameIsLongerThanTheInlineSpace) {
  // Messages name their subject from a buffer on the stack; a longer name goes to the heap
  // and must still be whole, in both languages.
  auto builder = one_secretary();
  std::string long_name;
  for (int i = 0; i < 12; ++i) long_name += "Nguyễn Thị Ngọc ";  // about 250 bytes
  long_name += "Ánh";
  builder.tables.cadres.back().full_name = long_name;
  builder.training("C1", TrainingKind::professional, date(2013, 3, 1), date(2013, 9, 5)).provider =
      "Công ty Tư vấn Giáo dục ABC";
  const auto findings = testing::run_rule(builder.build(), date(2013, 12, 31), kProvider);
  ASSERT_EQ(findings.size(), 1u);
  const std::string named = long_name + " (C1)";
  EXPECT_EQ(findings[0].message.english().substr(0, named.size()), named);
  const std::string addressed = "Đồng chí " + named;
  EXPECT_EQ(findings[0].message.vietnamese().substr(0, addressed.size()), addressed);
}

TEST(AccreditedProviderRule, JudgesRecordsThatHaveStartedAndAreNotCancelled) {
  auto builder = one_secretary();
  builder.training("C1", TrainingKind::other, date(2013, 12, 31), date(2014, 1, 10)).provider = "ABC";
  builder.training("C1", TrainingKind::other, date(2014, 1, 1), date(2014, 1, 10)).provider = "ABC";
  builder.training("C1", TrainingKind::other, date(2013, 2, 1), date(2013, 2, 10), TrainingStatus::cancelled)
      .provider = "ABC";
  builder.training("C1", TrainingKind::other, date(2013, 5, 1), date(2013, 5, 10)).provider = "";
  const auto roster = builder.build();
  const auto findings = testing::run_rule(roster, date(2013, 12, 31), kProvider);
  ASSERT_EQ(findings.size(), 1u);  // the course starting on the as-of date; not the later one
  EXPECT_NE(findings[0].message.english().find("2013-12-31"), std::string::npos);
  EXPECT_EQ(testing::run_rule(roster, date(2014, 1, 1), kProvider).size(), 2u);
}

TEST(AccreditedProviderRule, AProfileWithoutAListJudgesNothing) {
  auto builder = one_secretary();
  builder.training("C1", TrainingKind::other, date(2013, 3, 1), date(2013, 3, 10)).provider = "ABC";
  Profile profile = testing::default_profile();
  profile.accredited_providers.clear();
  EXPECT_TRUE(testing::run_rule(builder.build(), date(2013, 12, 31), kProvider, profile).empty());
}

TEST(AccreditedProviderRule, CoversEveryCadresTraining) {
  RosterBuilder builder;
  builder.unit("U1");
  builder.cadre("C7", "U1", date(1980, 1, 1), {{model::Position::vice_chairman, std::nullopt}});
  builder.training("C7", TrainingKind::state_management, date(2013, 3, 1), date(2013, 3, 10)).provider =
      "Trung tâm Tin học XYZ";
  const auto findings = testing::run_rule(builder.build(), date(2013, 12, 31), kProvider);
  ASSERT_EQ(findings.size(), 1u);
  testing::expect_cadre_finding(findings[0], kProvider, "C7", "U1");
}

// A political theory course completed within the 2015-2020 term, evaluated in mid-2017.
RosterBuilder theory_course() {
  auto builder = one_secretary();
  builder.training("C1", TrainingKind::political_theory, date(2016, 3, 1), date(2016, 9, 30));
  return builder;
}

const date kMid2017(2017, 6, 30);

TEST(SkillsPairingRule, FailsWithoutASkillsModuleNearTheTheoryCourse) {
  const auto findings = testing::run_rule(theory_course().build(), kMid2017, kPairing);
  ASSERT_EQ(findings.size(), 1u);
  testing::expect_cadre_finding(findings[0], kPairing, "C1", "U1");
  EXPECT_EQ(findings[0].year, 2016);
  EXPECT_EQ(findings[0].actual, "no skills module");
  EXPECT_EQ(findings[0].required, "skills module");
  EXPECT_EQ(findings[0].severity, Severity::info);
  EXPECT_NE(findings[0].message.english().find("12 months"), std::string::npos);
}

TEST(SkillsPairingRule, ASkillsModuleWithinTheWindowPairs) {
  for (const date start : {date(2015, 3, 1), date(2016, 5, 1), date(2017, 9, 30)}) {
    auto builder = theory_course();
    builder.training("C1", TrainingKind::skills, start, start, TrainingStatus::planned);
    EXPECT_TRUE(testing::run_rule(builder.build(), kMid2017, kPairing).empty()) << start;
  }
}

TEST(SkillsPairingRule, ASkillsModuleOutsideTheWindowOrFailedDoesNotPair) {
  for (const date start : {date(2015, 2, 28), date(2017, 10, 1)}) {
    auto builder = theory_course();
    builder.training("C1", TrainingKind::skills, start, start);
    EXPECT_EQ(testing::run_rule(builder.build(), kMid2017, kPairing).size(), 1u) << start;
  }
  for (const auto status : {TrainingStatus::failed, TrainingStatus::cancelled}) {
    auto builder = theory_course();
    builder.training("C1", TrainingKind::skills, date(2016, 10, 1), date(2016, 10, 5), status);
    EXPECT_EQ(testing::run_rule(builder.build(), kMid2017, kPairing).size(), 1u);
  }
}

TEST(SkillsPairingRule, TheWindowIsAParameter) {
  auto builder = theory_course();
  builder.training("C1", TrainingKind::skills, date(2016, 11, 1), date(2016, 11, 5));
  const auto roster = builder.build();
  EXPECT_TRUE(testing::run_rule(roster, kMid2017, kPairing).empty());
  Profile profile = testing::default_profile();
  profile.rules[kPairing].parameters["window_months"] = std::int64_t{1};
  const auto findings = testing::run_rule(roster, kMid2017, kPairing, profile);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_NE(findings[0].message.english().find("within 1 months"), std::string::npos);
}

TEST(SkillsPairingRule, AMonthEndKeepsItsDayOfTheMonth) {
  Profile profile = testing::default_profile();
  profile.rules[kPairing].parameters["window_months"] = std::int64_t{1};
  // Course ends 30 April: one month later is 30 May, not 31 May.
  for (const auto& [start, paired] : {std::pair{date(2016, 5, 30), true}, std::pair{date(2016, 5, 31), false}}) {
    auto builder = one_secretary();
    builder.training("C1", TrainingKind::political_theory, date(2016, 3, 1), date(2016, 4, 30));
    builder.training("C1", TrainingKind::skills, start, start);
    EXPECT_EQ(testing::run_rule(builder.build(), kMid2017, kPairing, profile).empty(), paired) << start;
  }
}

TEST(SkillsPairingRule, JudgesOnlyTheoryCompletedInTheCurrentTermBySittingSecretaries) {
  auto builder = one_secretary();
  builder.training("C1", TrainingKind::political_theory, date(2015, 1, 5), date(2015, 6, 30));   // last term
  builder.training("C1", TrainingKind::political_theory, date(2017, 3, 1), date(2017, 7, 1));   // not over
  builder.training("C1", TrainingKind::political_theory, date(2016, 3, 1), date(2016, 9, 30),
                   TrainingStatus::failed);
  builder.cadre("C2", "U1", date(1980, 1, 1), {{model::Position::chairman, std::nullopt}});
  builder.training("C2", TrainingKind::political_theory, date(2016, 3, 1), date(2016, 9, 30));
  EXPECT_TRUE(testing::run_rule(builder.build(), kMid2017, kPairing).empty());
}

}  // namespace
}  // namespace cadreplan::policy
