// Point 4: point4.field_mismatch, point4.field_unknown and point4.unplanned_study.
#include <gtest/gtest.h>

#include "roster_builder.hpp"

namespace cadreplan::policy {
namespace {

using boost::gregorian::date;
using model::Funding;
using model::TrainingKind;
using testing::RosterBuilder;

const std::string kMismatch = "point4.field_mismatch";
const std::string kUnknown = "point4.field_unknown";
const std::string kUnplanned = "point4.unplanned_study";
const date kAsOf(2013, 12, 31);

model::Roster fields_roster() {
  RosterBuilder builder;
  builder.unit("U1");
  builder.secretary("C1", "U1", date(1970, 1, 1), date(2010, 7, 1));  // Luật: fits
  auto& land = builder.secretary("C2", "U1", date(1970, 1, 1), date(2010, 7, 1));
  land.professional.field = "Quản lý đất đai";
  land.professional.mode = model::StudyMode::bridging;
  builder.secretary("C3", "U1", date(1970, 1, 1), date(2010, 7, 1)).professional.field = "Sư phạm Toán";
  builder.secretary("C4", "U1", date(1970, 1, 1), date(2010, 7, 1)).professional.field = "";
  builder.cadre("C5", "U1", date(1970, 1, 1), {{model::Position::chairman, std::nullopt}})
      .professional.field = "Kế toán";
  return builder.build();
}

TEST(FieldMismatchRule, FlagsAFieldListedAsNotFitting) {
  const auto findings = testing::run_rule(fields_roster(), kAsOf, kMismatch);
  ASSERT_EQ(findings.size(), 1u);
  testing::expect_cadre_finding(findings[0], kMismatch, "C2", "U1");
  EXPECT_EQ(findings[0].actual, "Quản lý đất đai");
  EXPECT_EQ(findings[0].required, "fitting field");
  EXPECT_EQ(findings[0].severity, Severity::warning);
  EXPECT_NE(findings[0].message.english().find("studied bridging"), std::string::npos);
  EXPECT_NE(findings[0].message.vietnamese().find("liên thông"), std::string::npos);
}

TEST(FieldMismatchRule, FollowsTheProfilesTaxonomy) {
  Profile profile = testing::default_profile();
  profile.fields = FieldTaxonomy{};
  profile.fields.add_unfitting(model::Position::secretary, {"luật"});
  const auto findings = testing::run_rule(fields_roster(), kAsOf, kMismatch, profile);
  ASSERT_EQ(findings.size(), 1u);
  testing::expect_cadre_finding(findings[0], kMismatch, "C1", "U1");
}

TEST(FieldUnknownRule, ReportsAFieldListedNeitherWay) {
  const auto findings = testing::run_rule(fields_roster(), kAsOf, kUnknown);
  ASSERT_EQ(findings.size(), 1u);
  testing::expect_cadre_finding(findings[0], kUnknown, "C3", "U1");
  EXPECT_EQ(findings[0].actual, "Sư phạm Toán");
  EXPECT_EQ(findings[0].required, "classified field");
  EXPECT_EQ(findings[0].severity, Severity::info);
}

RosterBuilder one_secretary() {
  RosterBuilder builder;
  builder.unit("U1");
  builder.secretary("C1", "U1", date(1970, 1, 1), date(2010, 7, 1));
  return builder;
}

TEST(UnplannedStudyRule, PassesPlannedStateFundedStudy) {
  auto builder = one_secretary();
  builder.training("C1", TrainingKind::professional, date(2012, 9, 1), date(2013, 6, 30));
  EXPECT_TRUE(testing::run_rule(builder.build(), kAsOf, kUnplanned).empty());
}

TEST(UnplannedStudyRule, FlagsASelfFundedQualification) {
  auto builder = one_secretary();
  builder.tables.cadres[0].professional.funding = Funding::self;
  const auto findings = testing::run_rule(builder.build(), kAsOf, kUnplanned);
  ASSERT_EQ(findings.size(), 1u);
  testing::expect_cadre_finding(findings[0], kUnplanned, "C1", "U1");
  EXPECT_EQ(findings[0].actual, "self");
  EXPECT_EQ(findings[0].required, "planned, state-funded");
  EXPECT_FALSE(findings[0].year.has_value());
  EXPECT_NE(findings[0].message.english().find("self-funded"), std::string::npos);
  EXPECT_NE(findings[0].message.vietnamese().find("tự túc"), std::string::npos);
}

TEST(UnplannedStudyRule, FlagsAQualificationOutsideThePlanAndSaysBoth) {
  auto builder = one_secretary();
  builder.tables.cadres[0].professional.planned = false;
  auto findings = testing::run_rule(builder.build(), kAsOf, kUnplanned);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].actual, "unplanned");
  builder.tables.cadres[0].professional.funding = Funding::self;
  findings = testing::run_rule(builder.build(), kAsOf, kUnplanned);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].actual, "self");
  EXPECT_NE(findings[0].message.english().find("self-funded and outside the training plan"),
            std::string::npos);
}

TEST(UnplannedStudyRule, UnknownFundingAndPlanningAreNotJudged) {
  auto builder = one_secretary();
  builder.tables.cadres[0].professional.funding.reset();
  builder.tables.cadres[0].professional.planned.reset();
  auto& record = builder.training("C1", TrainingKind::professional, date(2012, 9, 1), date(2013, 6, 30));
  record.funding.reset();
  record.planned.reset();
  EXPECT_TRUE(testing::run_rule(builder.build(), kAsOf, kUnplanned).empty());
}

TEST(UnplannedStudyRule, FlagsEachStartedTrainingSelfFundedOrUnplanned) {
  auto builder = one_secretary();
  builder.training("C1", TrainingKind::professional, date(2011, 9, 1), date(2013, 6, 30)).funding =
      Funding::self;
  builder.training("C1", TrainingKind::other, date(2013, 12, 31), date(2014, 1, 5)).planned = false;
  builder.training("C1", TrainingKind::other, date(2014, 1, 1), date(2014, 1, 5)).planned = false;
  const auto findings = testing::run_rule(builder.build(), kAsOf, kUnplanned);
  ASSERT_EQ(findings.size(), 2u);
  testing::expect_cadre_finding(findings[0], kUnplanned, "C1", "U1");
  EXPECT_EQ(findings[0].year, 2011);
  EXPECT_EQ(findings[0].actual, "self");
  testing::expect_cadre_finding(findings[1], kUnplanned, "C1", "U1");
  EXPECT_EQ(findings[1].year, 2013);
  EXPECT_EQ(findings[1].actual, "unplanned");
  EXPECT_NE(findings[1].message.english().find("outside the training plan"), std::string::npos);
}

TEST(UnplannedStudyRule, OnlyHoldersOfStandardisedPositions) {
  RosterBuilder builder;
  builder.unit("U1");
  builder.cadre("C1", "U1", date(1970, 1, 1), {{model::Position::chairman, std::nullopt}})
      .professional.funding = Funding::self;
  builder.training("C1", TrainingKind::other, date(2013, 3, 1), date(2013, 3, 5)).funding = Funding::self;
  EXPECT_TRUE(testing::run_rule(builder.build(), kAsOf, kUnplanned).empty());
}

}  // namespace
}  // namespace cadreplan::policy
