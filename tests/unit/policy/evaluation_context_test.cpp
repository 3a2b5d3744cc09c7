#include "cadreplan/policy/evaluation_context.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "roster_builder.hpp"

namespace cadreplan::policy {
namespace {

using boost::gregorian::date;
using testing::RosterBuilder;

model::Roster small_roster() {
  RosterBuilder builder;
  builder.unit("U1");
  builder.unit("D1", model::UnitKind::other);
  builder.secretary("C1", "U1", date(1970, 1, 1), std::nullopt);
  builder.secretary("C2", "U1", date(1970, 1, 1), date(2016, 3, 1));
  builder.secretary("C3", "D1", date(1970, 1, 1), std::nullopt);
  builder.training("C2", model::TrainingKind::skills, date(2016, 1, 1), date(2016, 1, 2));
  builder.training("C1", model::TrainingKind::other, date(2016, 2, 1), date(2016, 2, 2));
  builder.training("C2", model::TrainingKind::party_building, date(2016, 3, 1), date(2016, 3, 2));
  return builder.build();
}

TEST(EvaluationContext, KnowsTheCurrentAndNextTerm) {
  const auto roster = small_roster();
  const EvaluationContext context(roster, testing::default_profile(), date(2015, 7, 1));
  EXPECT_EQ(context.as_of(), date(2015, 7, 1));
  EXPECT_EQ(context.current_term(), model::Term::from_years(2015, 2020));
  EXPECT_EQ(context.next_term(), model::Term::from_years(2020, 2025));
  Profile shifted = testing::blank_profile();
  shifted.terms = TermCalendar{2011, 4};
  const EvaluationContext other(roster, shifted, date(2015, 7, 1));
  EXPECT_EQ(other.current_term(), model::Term::from_years(2015, 2019));
  EXPECT_EQ(other.next_term(), model::Term::from_years(2019, 2023));
}

TEST(EvaluationContext, AnswersRosterQuestionsOnTheAsOfDate) {
  const auto roster = small_roster();
  const EvaluationContext before(roster, testing::default_profile(), date(2016, 2, 29));
  const EvaluationContext after(roster, testing::default_profile(), date(2016, 3, 1));
  const auto& c1 = roster.cadres()[0];
  const auto& c2 = roster.cadres()[1];
  const auto& c3 = roster.cadres()[2];
  EXPECT_EQ(before.unit_of(c3).id.str(), "D1");
  EXPECT_TRUE(before.works_at_commune_level(c1));
  EXPECT_FALSE(before.works_at_commune_level(c3));  // a district
  model::Cadre moved = c1;  // a copy, found by id: the roster's unit decides, not the copy's
  moved.unit_id = model::UnitId("D1");
  EXPECT_TRUE(before.works_at_commune_level(moved));
  EXPECT_TRUE(before.holds_in_commune(c1, model::Position::secretary));
  EXPECT_FALSE(before.holds_in_commune(c2, model::Position::secretary));
  EXPECT_TRUE(after.holds_in_commune(c2, model::Position::secretary));
  EXPECT_FALSE(after.holds_in_commune(c3, model::Position::secretary));  // a district
  EXPECT_FALSE(after.holds_in_commune(c1, model::Position::chairman));
  EXPECT_EQ(before.secretaries_in(roster.units()[0]), 1u);
  EXPECT_EQ(after.secretaries_in(roster.units()[0]), 2u);
  const auto records = after.trainings_of(c2);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0]->kind, model::TrainingKind::skills);
  EXPECT_EQ(records[1]->kind, model::TrainingKind::party_building);
}

TEST(EvaluationContext, ReadsParametersFromTheProfileElseTheRulesDefault) {
  const auto roster = small_roster();
  const auto& pool_rule = *testing::registry().find("point2.successor_pool");
  const auto& share_rule = *testing::registry().find("point5.budget_diverted");
  Profile profile = testing::blank_profile();
  const EvaluationContext defaults(roster, profile, date(2016, 1, 1));
  EXPECT_EQ(defaults.integer(pool_rule, "max_candidates"), 3);
  EXPECT_EQ(defaults.strings(pool_rule, "positions"), std::vector<std::string>{"secretary"});
  EXPECT_DOUBLE_EQ(defaults.number(share_rule, "min_share"), 0.8);
  profile.rules["point2.successor_pool"].parameters["max_candidates"] = std::int64_t{5};
  profile.rules["point5.budget_diverted"].parameters["min_share"] = std::int64_t{1};
  const EvaluationContext set(roster, profile, date(2016, 1, 1));
  EXPECT_EQ(set.integer(pool_rule, "max_candidates"), 5);
  EXPECT_DOUBLE_EQ(set.number(share_rule, "min_share"), 1.0);  // an integer widens
}

TEST(EvaluationContext, PreparedRulesReadTheSameParametersAsUnpreparedOnes) {
  const auto roster = small_roster();
  const auto& pool_rule = *testing::registry().find("point2.successor_pool");
  const auto& share_rule = *testing::registry().find("point5.budget_diverted");
  Profile profile = testing::blank_profile();
  profile.rules["point2.successor_pool"].parameters["max_candidates"] = std::int64_t{5};
  EvaluationContext context(roster, profile, date(2016, 1, 1));
  const std::vector<const Rule*> prepared{&pool_rule};
  context.prepare(prepared);
  EXPECT_EQ(context.integer(pool_rule, "max_candidates"), 5);    // the profile's setting
  EXPECT_EQ(context.integer(pool_rule, "min_candidates"), 1);    // the rule's default
  EXPECT_EQ(context.strings(pool_rule, "positions"), std::vector<std::string>{"secretary"});
  EXPECT_DOUBLE_EQ(context.number(share_rule, "min_share"), 0.8);  // not prepared: looked up
  // A prepared rule still refuses a parameter it does not declare, or the wrong type.
  EXPECT_THROW((void)context.integer(pool_rule, "no_such_parameter"), std::logic_error);
  EXPECT_THROW((void)context.integer(pool_rule, "positions"), std::logic_error);
}

TEST(EvaluationContext, AWrongTypeOrUndeclaredParameterIsAProgrammingError) {
  const auto roster = small_roster();
  const auto& pool_rule = *testing::registry().find("point2.successor_pool");
  const Profile profile = testing::blank_profile();  // the context keeps a pointer to it
  const EvaluationContext context(roster, profile, date(2016, 1, 1));
  EXPECT_THROW((void)context.string(pool_rule, "max_candidates"), std::logic_error);
  EXPECT_THROW((void)context.boolean(pool_rule, "max_candidates"), std::logic_error);
  EXPECT_THROW((void)context.integer(pool_rule, "positions"), std::logic_error);
  EXPECT_THROW((void)context.integer(pool_rule, "no_such_parameter"), std::logic_error);
}

}  // namespace
}  // namespace cadreplan::policy

namespace cadreplan::policy {
namespace {

TEST(EvaluationContext, RemembersFieldFitsPerPositionAsTheTaxonomyGivesThem) {
  const auto roster = small_roster();
  Profile profile = testing::blank_profile();
  profile.fields.add_fitting(model::Position::secretary, {"Xây dựng Đảng"});
  profile.fields.add_unfitting(model::Position::secretary, {"Kế toán"});
  profile.fields.add_fitting(model::Position::chairman, {"Kế toán"});
  const EvaluationContext context(roster, profile, date(2016, 1, 1));
  // Twice each: the second answer comes from the memo and must not differ, and the memo
  // must keep positions apart (the same field fits one and not the other).
  for (int pass = 0; pass < 2; ++pass) {
    EXPECT_EQ(context.field_fit(model::Position::secretary, "xay dung dang"), FieldFit::fits);
    EXPECT_EQ(context.field_fit(model::Position::secretary, "Kế toán"), FieldFit::does_not_fit);
    EXPECT_EQ(context.field_fit(model::Position::chairman, "Kế toán"), FieldFit::fits);
    EXPECT_EQ(context.field_fit(model::Position::secretary, "Địa chất"), FieldFit::unknown);
  }
}

TEST(EvaluationContext, FieldFitsOfFieldsInternedBeforeAndAfterTheContextAgree) {
  // Fields interned before the context have a slot in its table per position; fields
  // interned later are classified each time. Both must answer as the taxonomy does.
  const model::InternedString before_fits("Quản lý nhà nước 5c1e");
  const model::InternedString before_unfit("Kế toán 5c1e");
  const auto roster = small_roster();
  Profile profile = testing::blank_profile();
  profile.fields.add_fitting(model::Position::secretary, {"Quản lý nhà nước 5c1e"});
  profile.fields.add_unfitting(model::Position::secretary, {"Kế toán 5c1e", "Địa chính 5c1e"});
  profile.fields.add_fitting(model::Position::chairman, {"Kế toán 5c1e"});
  const EvaluationContext context(roster, profile, date(2016, 1, 1));
  const model::InternedString after_unfit("Địa chính 5c1e");
  for (int pass = 0; pass < 2; ++pass) {
    EXPECT_EQ(context.field_fit(model::Position::secretary, before_fits), FieldFit::fits);
    EXPECT_EQ(context.field_fit(model::Position::secretary, before_unfit), FieldFit::does_not_fit);
    EXPECT_EQ(context.field_fit(model::Position::chairman, before_unfit), FieldFit::fits);
    EXPECT_EQ(context.field_fit(model::Position::chairman, before_fits), FieldFit::unknown);
    EXPECT_EQ(context.field_fit(model::Position::secretary, after_unfit), FieldFit::does_not_fit);
  }
}

TEST(EvaluationContext, FieldFitsAgreeAcrossThreads) {
  const auto roster = small_roster();
  Profile profile = testing::blank_profile();
  profile.fields.add_fitting(model::Position::secretary, {"Luật"});
  const EvaluationContext context(roster, profile, date(2016, 1, 1));
  std::vector<int> fits(2, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 500; ++i) {
        const bool even = i % 2 == 0;
        if (context.field_fit(model::Position::secretary, even ? "LUẬT" : "Field " + std::to_string(i)) ==
            FieldFit::fits) {
          ++fits[static_cast<std::size_t>(t)];
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(fits, (std::vector<int>{250, 250}));
}

}  // namespace
}  // namespace cadreplan::policy

namespace cadreplan::policy {
namespace {

TEST(EvaluationContext, ListsACadresPoolEntriesInTableOrder) {
  RosterBuilder builder;
  builder.unit("U1");
  builder.unit("U2");
  builder.secretary("C1", "U1", date(1970, 1, 1), std::nullopt);
  builder.cadre("C2", "U1", date(1980, 1, 1), {});
  builder.cadre("C3", "U2", date(1981, 1, 1), {});
  builder.pool("U2", "C2", model::Term::from_years(2015, 2020));
  builder.pool("U1", "C3", model::Term::from_years(2015, 2020));
  builder.pool("U1", "C2", model::Term::from_years(2020, 2025));
  const auto roster = builder.build();
  const EvaluationContext context(roster, testing::default_profile(), date(2016, 1, 1));
  // Asked from two threads at once first: the index is built once, for both.
  std::vector<std::vector<std::uint32_t>> seen(2);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < 2; ++t) {
    threads.emplace_back([&, t] {
      const auto pools = context.pools_of(roster.cadres()[1]);
      seen[t].assign(pools.begin(), pools.end());
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(seen[0], (std::vector<std::uint32_t>{0, 2}));
  EXPECT_EQ(seen[1], seen[0]);
  EXPECT_TRUE(context.pools_of(roster.cadres()[0]).empty());
  const auto c3 = context.pools_of(roster.cadres()[2]);
  EXPECT_EQ(std::vector<std::uint32_t>(c3.begin(), c3.end()), std::vector<std::uint32_t>{1});
  const model::Cadre stranger = roster.cadres()[1];  // a copy: not one of the roster's
  EXPECT_EQ(context.pools_of(stranger).size(), 2u) << "found by id";
}

TEST(EvaluationContext, JudgesProvidersAsTheProfileDoesAcrossThreads) {
  const auto roster = small_roster();
  Profile profile = testing::blank_profile();
  profile.accredited_providers = {"Trường Chính trị tỉnh*", "Học viện Chính trị quốc gia Hồ Chí Minh"};
  const EvaluationContext context(roster, profile, date(2016, 1, 1));
  const std::vector<model::InternedString> providers{
      "Trường Chính trị tỉnh Sóc Trăng", "TRUONG CHINH TRI TINH BAC LIEU", "Công ty ABC",
      "Học viện Chính trị quốc gia Hồ Chí Minh", "Học viện Chính trị khu vực IV"};
  std::vector<std::vector<bool>> verdicts(2);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < 2; ++t) {
    threads.emplace_back([&, t] {
      for (int pass = 0; pass < 3; ++pass) {  // later passes read the table
        for (const auto& provider : providers) verdicts[t].push_back(context.is_accredited(provider));
      }
    });
  }
  for (auto& thread : threads) thread.join();
  std::vector<bool> expected;
  for (int pass = 0; pass < 3; ++pass) {
    for (const auto& provider : providers) expected.push_back(profile.is_accredited(provider));
  }
  EXPECT_EQ(expected, (std::vector<bool>{true, true, false, true, false, true, true, false, true,
                                         false, true, true, false, true, false}));
  EXPECT_EQ(verdicts[0], expected);
  EXPECT_EQ(verdicts[1], expected);
  // A provider interned after the context was made has no slot: judged all the same.
  EXPECT_FALSE(context.is_accredited(model::InternedString("Công ty interned later 91b2")));
  EXPECT_TRUE(context.is_accredited(model::InternedString("Trường Chính trị tỉnh interned later 91b2")));
}

TEST(EvaluationContext, CountsEachUnitsSecretariesOnTheAsOfDate) {
  RosterBuilder builder;
  builder.unit("U1");
  builder.unit("U2");
  builder.unit("U3");
  builder.secretary("C1", "U1", date(1970, 1, 1), std::nullopt);
  builder.secretary("C2", "U1", date(1970, 1, 1), date(2016, 3, 1));
  builder.cadre("C3", "U2", date(1970, 1, 1), {{model::Position::chairman, std::nullopt}});
  builder.cadre("C4", "U3", date(1970, 1, 1),
                {{model::Position::chairman, std::nullopt}, {model::Position::secretary, date(2010, 1, 1)}});
  const auto roster = builder.build();
  const EvaluationContext context(roster, testing::default_profile(), date(2016, 1, 1));
  EXPECT_EQ(context.secretaries_in(roster.units()[0]), 1u);  // C2 only from March
  EXPECT_EQ(context.secretaries_in(roster.units()[1]), 0u);
  EXPECT_EQ(context.secretaries_in(roster.units()[2]), 1u);  // a second, concurrent post
  model::Unit stranger;
  stranger.id = model::UnitId("NOT-IN-ROSTER");
  EXPECT_EQ(context.secretaries_in(stranger), 0u);
}

}  // namespace
}  // namespace cadreplan::policy
