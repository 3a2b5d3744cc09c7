#include "cadreplan/planning/readiness.hpp"

#include <gtest/gtest.h>

#include "plan_fixture.hpp"

namespace cadreplan::planning {
namespace {

using boost::gregorian::date;
using model::PoliticalTheory;
using model::ProfessionalLevel;
using model::TrainingKind;

const model::Term kTerm = model::Term::from_years(2015, 2020);

const CandidateReadiness& of(const PoolReadiness& readiness, const std::string& cadre) {
  for (const auto& candidate : readiness.candidates) {
    if (candidate.cadre_id.str() == cadre) return candidate;
  }
  throw std::out_of_range(cadre);
}

std::vector<std::string> codes(const std::vector<ReadinessReason>& reasons) {
  std::vector<std::string> found;
  for (const auto& reason : reasons) found.push_back(reason.code);
  return found;
}

TEST(Readiness, IsDerivedFromStandardsPlanAgeAndTimeInPost) {
  testing::RosterBuilder builder;
  builder.unit("U1").unit("U2");
  builder.secretary("S1", "U1");
  builder.candidate("K1", "U1", kTerm);                               // meets everything
  builder.candidate("K2", "U1", kTerm, PoliticalTheory::elementary);  // the plan fixes it
  builder.candidate("K3", "U1", kTerm, PoliticalTheory::intermediate, ProfessionalLevel::university,
                    date(1968, 1, 1));  // 47 in 2015: above the 2004 standard's 45
  auto& recent = builder.candidate("K4", "U2", model::Term::from_years(2020, 2025));
  recent.positions.front().since = date(2015, 1, 1);  // six months in post in mid-2015
  builder.candidate("K5", "U2", kTerm, PoliticalTheory::elementary).political_theory.reset();
  const auto roster = builder.build();
  const auto catalogue = Catalogue::build(
      {testing::refresher(), testing::course("TC", TrainingKind::political_theory, 8, 180, {3, 9},
                                             QualificationLevel(PoliticalTheory::intermediate))});
  PlanRequest request(roster, testing::default_profile(), testing::registry(), catalogue, kTerm,
                      uniform_budgets(kTerm, 1000));
  const Plan plan = make_plan(request);
  const PoolReadiness readiness = assess_readiness(
      roster, testing::default_profile(), testing::registry(), catalogue, plan, kTerm.start());
  EXPECT_EQ(readiness.as_of, kTerm.start());
  EXPECT_EQ(readiness.term_end, kTerm.last_day());
  ASSERT_EQ(readiness.candidates.size(), 5u);

  EXPECT_EQ(of(readiness, "K1").readiness, Readiness::ready_now);
  EXPECT_TRUE(of(readiness, "K1").now.empty());

  const auto& k2 = of(readiness, "K2");
  EXPECT_EQ(k2.readiness, Readiness::ready_by_term_end);
  EXPECT_EQ(codes(k2.now), std::vector<std::string>{"standard.political_theory"});
  EXPECT_NE(k2.now[0].text.english().find("elementary"), std::string::npos);
  EXPECT_FALSE(k2.now[0].text.vietnamese().empty());
  EXPECT_TRUE(k2.at_term_end.empty());

  const auto& k3 = of(readiness, "K3");
  EXPECT_EQ(k3.readiness, Readiness::not_ready);
  EXPECT_EQ(codes(k3.at_term_end), std::vector<std::string>{"age.appointment"});

  const auto& k4 = of(readiness, "K4");
  EXPECT_EQ(k4.readiness, Readiness::ready_by_term_end);
  EXPECT_EQ(codes(k4.now), std::vector<std::string>{"post.months"});

  const auto& k5 = of(readiness, "K5");
  EXPECT_EQ(k5.readiness, Readiness::not_ready);  // unknown is not ready
  EXPECT_EQ(codes(k5.at_term_end), std::vector<std::string>{"qualification.unknown"});

  ASSERT_EQ(readiness.benches.size(), 2u);
  const BenchStrength& u1 = readiness.benches[0];
  EXPECT_EQ(u1.unit_id.str(), "U1");
  EXPECT_EQ(u1.candidates, 3u);
  EXPECT_EQ(u1.ready_now, 1u);
  EXPECT_EQ(u1.ready_by_term_end, 1u);
  EXPECT_EQ(u1.not_ready, 1u);
  EXPECT_FALSE(u1.too_small);
  EXPECT_FALSE(u1.too_large);
  const BenchStrength totals = readiness.totals();
  EXPECT_EQ(totals.candidates, 5u);
  EXPECT_EQ(totals.ready_now + totals.ready_by_term_end + totals.not_ready, 5u);
  EXPECT_EQ(to_code(Readiness::ready_by_term_end), "ready_by_term_end");
}

TEST(Readiness, ReportsEmptyAndOversizedPools) {
  testing::RosterBuilder builder;
  builder.unit("U1").unit("U2");
  for (int k = 0; k < 4; ++k) builder.candidate("K" + std::to_string(k), "U1", kTerm);
  const auto roster = builder.build();
  const Catalogue catalogue;
  PlanRequest request(roster, testing::default_profile(), testing::registry(), catalogue, kTerm,
                      {});
  const Plan plan = make_plan(request);
  const auto readiness = assess_readiness(roster, testing::default_profile(), testing::registry(),
                                          catalogue, plan, kTerm.start());
  ASSERT_EQ(readiness.benches.size(), 2u);
  EXPECT_TRUE(readiness.benches[0].too_large);  // 4 > 3
  EXPECT_TRUE(readiness.benches[1].too_small);  // 0 < 1
  EXPECT_EQ(readiness.benches[1].candidates, 0u);
}

}  // namespace
}  // namespace cadreplan::planning
