#include "cadreplan/policy/eligibility.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "roster_builder.hpp"

namespace cadreplan::policy::testing {
namespace {

bool has_reason(const EligibilityDecision& decision, const std::string& code, bool favourable) {
  return std::any_of(decision.reasons.begin(), decision.reasons.end(), [&](const auto& reason) {
    return reason.code == code && reason.favourable == favourable;
  });
}

// A deputy secretary since 2012, 40 on the appointment day, fully qualified.
RosterBuilder deputy() {
  RosterBuilder builder;
  builder.unit("U1");
  builder.cadre("D1", "U1", date(1975, 7, 1), {{model::Position::deputy_secretary, date(2012, 1, 1)}});
  return builder;
}

EligibilityDecision decide(const RosterBuilder& builder, date day = date(2015, 7, 1)) {
  const auto roster = builder.build();
  return is_eligible(roster, default_profile(), *roster.find_cadre(model::CadreId("D1")),
                     model::Position::secretary, day);
}

TEST(Eligibility, QualifiedDeputyIsEligible) {
  const auto decision = decide(deputy());
  EXPECT_TRUE(decision.eligible);
  EXPECT_TRUE(has_reason(decision, "standard.political_theory", true));
  EXPECT_FALSE(decision.reasons.empty());
}

TEST(Eligibility, StandardBelowMinimumBlocks) {
  auto builder = deputy();
  builder.tables.cadres[0].political_theory = model::PoliticalTheory::elementary;
  const auto decision = decide(builder);
  EXPECT_FALSE(decision.eligible);
  EXPECT_TRUE(has_reason(decision, "standard.political_theory", false));
  EXPECT_TRUE(decision.reasons.front().blocking);  // blocking reasons come first
}

TEST(Eligibility, FailedCourseCountsAgainstAndCompletedCountsFor) {
  auto builder = deputy();
  builder.training("D1", model::TrainingKind::political_theory, date(2013, 3, 1), date(2013, 9, 1),
                   model::TrainingStatus::failed);
  builder.training("D1", model::TrainingKind::party_building, date(2014, 3, 1), date(2014, 3, 5));
  const auto decision = decide(builder);
  EXPECT_FALSE(decision.eligible);
  EXPECT_TRUE(has_reason(decision, "study.failed", false));
  EXPECT_TRUE(has_reason(decision, "study.completed", true));
}

TEST(Eligibility, OldFailuresOutsideTheStudyRecordWindowDoNotCount) {
  auto builder = deputy();
  builder.training("D1", model::TrainingKind::political_theory, date(2005, 3, 1), date(2005, 9, 1),
                   model::TrainingStatus::failed);
  EXPECT_TRUE(decide(builder).eligible);  // default study_record_years = 5
}

TEST(Eligibility, FieldMismatchBlocksAndSelfFundingOnlyWarns) {
  auto builder = deputy();
  builder.tables.cadres[0].professional.funding = model::Funding::self;
  auto decision = decide(builder);
  EXPECT_TRUE(decision.eligible);
  EXPECT_TRUE(has_reason(decision, "point4.unplanned_study", false));
  builder.tables.cadres[0].professional.field = "Kế toán";
  decision = decide(builder);
  EXPECT_FALSE(decision.eligible);
  EXPECT_TRUE(has_reason(decision, "point4.field_mismatch", false));
}

TEST(Eligibility, TooLittleTimeInPostBlocks) {
  auto builder = deputy();
  builder.tables.cadres[0].positions[0].since = date(2015, 1, 2);  // under 12 months on 2015-07-01
  const auto decision = decide(builder);
  EXPECT_FALSE(decision.eligible);
  EXPECT_TRUE(has_reason(decision, "career.time_in_post", false));
}

TEST(Eligibility, CloseToRetirementOrTooOldBlocks) {
  auto builder = deputy();
  builder.tables.cadres[0].birth_date = date(1958, 1, 1);  // 57 in 2015, retires in 2018
  const auto decision = decide(builder);
  EXPECT_FALSE(decision.eligible);
  EXPECT_TRUE(has_reason(decision, "career.retirement", false));
  // Before Decree 33 the 2004 standard's maximum of 45 at appointment applies too.
  EXPECT_TRUE(has_reason(decision, "standard.age", false));
}

TEST(Eligibility, CadreOutsideTheRosterIsAnError) {
  const auto roster = deputy().build();
  model::Cadre stranger = roster.cadres()[0];
  stranger.id = model::CadreId("nobody");
  EXPECT_THROW((void)is_eligible(roster, default_profile(), stranger, model::Position::secretary,
                                 date(2015, 7, 1)),
               std::invalid_argument);
}

}  // namespace
}  // namespace cadreplan::policy::testing
