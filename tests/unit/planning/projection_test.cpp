#include "cadreplan/planning/projection.hpp"

#include <gtest/gtest.h>

#include "plan_fixture.hpp"

namespace cadreplan::planning {
namespace {

using boost::gregorian::date;
using model::PoliticalTheory;
using model::TrainingKind;

const model::Term kTerm = model::Term::from_years(2015, 2020);

struct Scenario {
  model::Roster roster;
  Catalogue catalogue;
  Plan plan;
};

// A secretary below the 2004 standard in political theory, and the catalogue to fix it.
Scenario scenario() {
  testing::RosterBuilder builder;
  builder.unit("U1").secretary("S1", "U1", PoliticalTheory::elementary);
  Scenario s{builder.build(),
             Catalogue::build({testing::refresher("BD", 1, {3, 9}),
                               testing::course("TC", TrainingKind::political_theory, 8, 180, {3, 9},
                                               QualificationLevel(PoliticalTheory::intermediate)),
                               testing::course("KN", TrainingKind::skills, 3, 10, {4, 10})}),
             {}};
  PlanRequest request(s.roster, testing::default_profile(), testing::registry(), s.catalogue, kTerm,
                      uniform_budgets(kTerm, 100));
  s.plan = make_plan(request);
  return s;
}

TEST(ApplyPlan, CompletesEveryEnrolmentAndConfersItsLevel) {
  const Scenario s = scenario();
  const model::Roster trained = apply_plan(s.roster, s.plan, s.catalogue);
  EXPECT_EQ(trained.cadres()[0].political_theory, PoliticalTheory::intermediate);
  ASSERT_EQ(trained.trainings().size(), s.plan.enrolments.size());
  const auto& record = trained.trainings()[0];
  EXPECT_EQ(record.status, model::TrainingStatus::completed);
  EXPECT_EQ(record.planned, true);
  EXPECT_EQ(record.funding, model::Funding::state);
  EXPECT_EQ(record.course, s.plan.enrolments[0].course.str());
  EXPECT_EQ(record.start_date, s.plan.enrolments[0].start_date);
  EXPECT_EQ(record.cost, s.plan.enrolments[0].cost);
  // The roster itself is untouched.
  EXPECT_EQ(s.roster.cadres()[0].political_theory, PoliticalTheory::elementary);
}

TEST(ApplyPlan, RefusesAPlanForAnotherCatalogueOrRoster) {
  const Scenario s = scenario();
  Plan wrong = s.plan;
  wrong.enrolments.front().course = model::CourseId("NOPE");
  EXPECT_THROW((void)apply_plan(s.roster, wrong, s.catalogue), std::invalid_argument);
  wrong = s.plan;
  wrong.enrolments.front().cadre_id = model::CadreId("NOBODY");
  EXPECT_THROW((void)apply_plan(s.roster, wrong, s.catalogue), std::invalid_argument);
}

TEST(Project, ComparesNowTheTermsEndWithoutThePlanAndWithIt) {
  const Scenario s = scenario();
  const Projection projection = project(s.roster, testing::default_profile(), testing::registry(),
                                        s.catalogue, s.plan, kTerm.start());
  EXPECT_EQ(projection.now.as_of, kTerm.start());
  EXPECT_EQ(projection.unplanned.as_of, kTerm.last_day());
  EXPECT_EQ(projection.projected.as_of, kTerm.last_day());
  EXPECT_EQ(projection.now.cadres, 1u);
  EXPECT_EQ(projection.now.compliant, 0u);        // political theory
  EXPECT_EQ(projection.unplanned.compliant, 0u);  // and no refreshers, no plan
  EXPECT_EQ(projection.projected.compliant, 1u);
  const auto points = projection.by_point();
  ASSERT_TRUE(points.contains(0));
  EXPECT_EQ(points.at(0).now.error, 1u);
  EXPECT_EQ(points.at(0).projected.error, 0u);
  ASSERT_TRUE(points.contains(3));
  EXPECT_EQ(points.at(3).unplanned.error, 4u);  // 2016 to 2019
  EXPECT_EQ(points.at(3).projected.error, 0u);
  const auto units = projection.by_unit();
  ASSERT_TRUE(units.contains("U1"));
  // Theory, four refreshers, no plan from the term's start, the empty pool.
  EXPECT_EQ(units.at("U1").unplanned.error, 7u);
  EXPECT_EQ(units.at("U1").projected.error, 1u);  // training does not fill a successor pool
}

}  // namespace
}  // namespace cadreplan::planning
