// standard.general_education, standard.professional_level, standard.political_theory,
// standard.state_management and data.missing_qualification.
#include <gtest/gtest.h>

#include "roster_builder.hpp"

namespace cadreplan::policy {
namespace {

using boost::gregorian::date;
using model::GeneralEducation;
using model::PoliticalTheory;
using model::ProfessionalLevel;
using testing::RosterBuilder;

const date kAsOf(2013, 12, 31);  // the seed's date, under Decision 04/2004

TEST(GeneralEducationRule, PassesUpperSecondaryAndFailsLowerSecondary) {
  RosterBuilder builder;
  builder.unit("U1");
  builder.secretary("C1", "U1", date(1970, 1, 1), date(2010, 7, 1));
  builder.secretary("C2", "U1", date(1970, 1, 1), date(2010, 7, 1)).general_education =
      GeneralEducation::lower_secondary;
  const auto findings = testing::run_rule(builder.build(), kAsOf, "standard.general_education");
  ASSERT_EQ(findings.size(), 1u);
  testing::expect_cadre_finding(findings[0], "standard.general_education", "C2", "U1");
  EXPECT_EQ(findings[0].actual, "lower_secondary");
  EXPECT_EQ(findings[0].required, "upper_secondary");
  EXPECT_FALSE(findings[0].year.has_value());
  EXPECT_EQ(findings[0].severity, Severity::error);
  EXPECT_NE(findings[0].message.english().find("Decision 04/2004"), std::string::npos);
}

TEST(GeneralEducationRule, DisadvantagedUnitsAcceptLowerSecondary) {
  RosterBuilder builder;
  builder.unit("U1", model::UnitKind::commune, model::Area::disadvantaged);
  builder.secretary("C1", "U1", date(1970, 1, 1), date(2010, 7, 1)).general_education =
      GeneralEducation::lower_secondary;
  builder.secretary("C2", "U1", date(1970, 1, 1), date(2010, 7, 1)).general_education =
      GeneralEducation::primary;
  const auto findings = testing::run_rule(builder.build(), kAsOf, "standard.general_education");
  ASSERT_EQ(findings.size(), 1u);
  testing::expect_cadre_finding(findings[0], "standard.general_education", "C2", "U1");
  EXPECT_EQ(findings[0].actual, "primary");
  EXPECT_EQ(findings[0].required, "lower_secondary");
  // The exemption's source is cited next to the standard's.
  EXPECT_NE(findings[0].message.english().find("disadvantaged units"), std::string::npos);
}

TEST(ProfessionalLevelRule, Decree33RaisesTheMinimumToUniversityOnFirstAugust2023) {
  RosterBuilder builder;
  builder.unit("U1");
  builder.secretary("C1", "U1", date(1975, 1, 1), date(2020, 7, 1)).professional.level =
      ProfessionalLevel::intermediate;
  builder.secretary("C2", "U1", date(1975, 1, 1), date(2020, 7, 1)).professional.level =
      ProfessionalLevel::master;
  const auto roster = builder.build();
  EXPECT_TRUE(testing::run_rule(roster, date(2023, 7, 31), "standard.professional_level").empty());
  const auto findings = testing::run_rule(roster, date(2023, 8, 1), "standard.professional_level");
  ASSERT_EQ(findings.size(), 1u);
  testing::expect_cadre_finding(findings[0], "standard.professional_level", "C1", "U1");
  EXPECT_EQ(findings[0].actual, "intermediate");
  EXPECT_EQ(findings[0].required, "university");
  EXPECT_NE(findings[0].message.english().find("Decree 33/2023"), std::string::npos);
  EXPECT_NE(findings[0].message.vietnamese().find("đại học"), std::string::npos);
}

TEST(ProfessionalLevelRule, MountainousIncumbentsFromBefore2004NeedOnlyElementary) {
  RosterBuilder builder;
  builder.unit("U1", model::UnitKind::commune, model::Area::mountainous);
  builder.secretary("C1", "U1", date(1960, 1, 1), date(2003, 5, 1)).professional.level =
      ProfessionalLevel::elementary;
  builder.secretary("C2", "U1", date(1970, 1, 1), date(2004, 1, 1)).professional.level =
      ProfessionalLevel::elementary;
  builder.secretary("C3", "U1", date(1970, 1, 1), date(2003, 5, 1)).professional.level =
      ProfessionalLevel::none;
  const auto findings = testing::run_rule(builder.build(), kAsOf, "standard.professional_level");
  ASSERT_EQ(findings.size(), 2u);
  testing::expect_cadre_finding(findings[0], "standard.professional_level", "C2", "U1");
  EXPECT_EQ(findings[0].required, "intermediate");  // a first-time holder from 2004 on
  testing::expect_cadre_finding(findings[1], "standard.professional_level", "C3", "U1");
  EXPECT_EQ(findings[1].actual, "none");
  EXPECT_EQ(findings[1].required, "elementary");
}

TEST(PoliticalTheoryRule, BachelorRanksAsAdvanced) {
  Profile profile = testing::blank_profile();
  auto standard = testing::secretary_standard(date(2004, 1, 1), std::nullopt);
  standard.political_theory = PoliticalTheory::advanced;
  profile.standards = {standard};
  RosterBuilder builder;
  builder.unit("U1");
  builder.secretary("C1", "U1", date(1970, 1, 1), date(2010, 7, 1)).political_theory =
      PoliticalTheory::bachelor;
  builder.secretary("C2", "U1", date(1970, 1, 1), date(2010, 7, 1)).political_theory =
      PoliticalTheory::intermediate;
  const auto findings =
      testing::run_rule(builder.build(), kAsOf, "standard.political_theory", profile);
  ASSERT_EQ(findings.size(), 1u);
  testing::expect_cadre_finding(findings[0], "standard.political_theory", "C2", "U1");
  EXPECT_EQ(findings[0].actual, "intermediate");
  EXPECT_EQ(findings[0].required, "advanced");
}

TEST(PoliticalTheoryRule, JudgesOnlyPositionsHeldOnTheDateInCommuneLevelUnits) {
  RosterBuilder builder;
  builder.unit("U1");
  builder.unit("D1", model::UnitKind::other);
  builder.secretary("C1", "U1", date(1970, 1, 1), date(2014, 1, 1)).political_theory =
      PoliticalTheory::elementary;
  builder.secretary("C2", "D1", date(1970, 1, 1), date(2010, 7, 1)).political_theory =
      PoliticalTheory::none;
  builder.cadre("C3", "U1", date(1970, 1, 1), {{model::Position::chairman, std::nullopt}})
      .political_theory = PoliticalTheory::none;
  const auto roster = builder.build();
  EXPECT_TRUE(testing::run_rule(roster, kAsOf, "standard.political_theory").empty());
  // From the day C1 takes the post, C1 is judged.
  const auto findings = testing::run_rule(roster, date(2014, 1, 1), "standard.political_theory");
  ASSERT_EQ(findings.size(), 1u);
  testing::expect_cadre_finding(findings[0], "standard.political_theory", "C1", "U1");
  EXPECT_EQ(findings[0].actual, "elementary");
  EXPECT_EQ(findings[0].required, "intermediate");
}

TEST(PoliticalTheoryRule, EachStandardisedPositionHeldIsJudged) {
  Profile profile = testing::default_profile();
  auto chairman = testing::secretary_standard(date(2004, 1, 1), std::nullopt);
  chairman.position = model::Position::chairman;
  chairman.political_theory = PoliticalTheory::advanced;
  profile.standards.push_back(chairman);
  RosterBuilder builder;
  builder.unit("U1");
  builder.cadre("C1", "U1", date(1970, 1, 1),
                {{model::Position::secretary, date(2010, 7, 1)},
                 {model::Position::chairman, date(2011, 1, 1)}});
  const auto findings =
      testing::run_rule(builder.build(), kAsOf, "standard.political_theory", profile);
  ASSERT_EQ(findings.size(), 1u);  // intermediate meets the secretary's minimum only
  testing::expect_cadre_finding(findings[0], "standard.political_theory", "C1", "U1");
  EXPECT_EQ(findings[0].required, "advanced");
  EXPECT_NE(findings[0].message.english().find("chairman"), std::string::npos);
}

TEST(StateManagementRule, SilentUnderTheDefaultProfile) {
  RosterBuilder builder;
  builder.unit("U1");
  builder.secretary("C1", "U1", date(1970, 1, 1), date(2010, 7, 1)).state_management =
      model::StateManagement::none;
  EXPECT_TRUE(testing::run_rule(builder.build(), kAsOf, "standard.state_management").empty());
}

TEST(StateManagementRule, FailsBelowAMinimumAProvinceSets) {
  Profile profile = testing::default_profile();
  for (auto& standard : profile.standards) standard.state_management = model::StateManagement::officer;
  RosterBuilder builder;
  builder.unit("U1");
  builder.secretary("C1", "U1", date(1970, 1, 1), date(2010, 7, 1));  // officer
  builder.secretary("C2", "U1", date(1970, 1, 1), date(2010, 7, 1)).state_management =
      model::StateManagement::none;
  const auto findings =
      testing::run_rule(builder.build(), kAsOf, "standard.state_management", profile);
  ASSERT_EQ(findings.size(), 1u);
  testing::expect_cadre_finding(findings[0], "standard.state_management", "C2", "U1");
  EXPECT_EQ(findings[0].actual, "none");
  EXPECT_EQ(findings[0].required, "officer");
  EXPECT_EQ(findings[0].severity, Severity::warning);
}

TEST(MissingQualificationRule, UnknownIsReportedNotJudged) {
  RosterBuilder builder;
  builder.unit("U1");
  builder.secretary("C1", "U1", date(1970, 1, 1), date(2010, 7, 1));
  auto& unknown = builder.secretary("C2", "U1", date(1970, 1, 1), date(2010, 7, 1));
  unknown.professional.level.reset();
  unknown.political_theory.reset();
  builder.cadre("C3", "U1", date(1970, 1, 1), {{model::Position::chairman, std::nullopt}})
      .general_education.reset();
  const auto roster = builder.build();
  const auto report = testing::check(roster, kAsOf,
                                     {"data.missing_qualification", "standard.professional_level",
                                      "standard.political_theory"});
  ASSERT_EQ(report.findings.size(), 1u);
  const auto& finding = report.findings[0];
  testing::expect_cadre_finding(finding, "data.missing_qualification", "C2", "U1");
  EXPECT_EQ(finding.actual, "unknown:professional_level;political_theory");
  EXPECT_EQ(finding.required, "recorded");
  EXPECT_EQ(finding.severity, Severity::warning);
  EXPECT_NE(finding.message.english().find("professional level, political theory"), std::string::npos);
  EXPECT_EQ(report.compliant, 2u);  // unknown is not a failure
}

}  // namespace
}  // namespace cadreplan::policy
