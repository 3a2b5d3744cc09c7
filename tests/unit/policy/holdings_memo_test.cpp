// rules::HoldingsMemoScope (a private header of the built-in rules): inside a scope the
// holdings of one cadre are computed once, the answers are those computed without a memo,
// a gap in the standards throws at every call, and scopes nest.
#include "policy/rules/rule_support.hpp"

#include <gtest/gtest.h>

#include "roster_builder.hpp"

namespace cadreplan::policy::rules {
namespace {

using boost::gregorian::date;
using testing::RosterBuilder;

// The positions and standards of \p holdings, comparable with ==.
std::vector<std::pair<model::Position, const PositionStandard*>> summary_of(const HoldingsAnswer& holdings) {
  std::vector<std::pair<model::Position, const PositionStandard*>> summary;
  for (const auto& holding : holdings) summary.emplace_back(holding.position, holding.standard);
  return summary;
}

model::Roster two_secretaries_and_a_clerk() {
  RosterBuilder builder;
  builder.unit("U1");
  builder.unit("U2");
  builder.secretary("C1", "U1", date(1970, 1, 1), date(2010, 7, 1));
  builder.secretary("C2", "U2", date(1975, 1, 1), date(2011, 1, 1));
  builder.cadre("C3", "U1", date(1980, 1, 1), {});
  return builder.build();
}

TEST(HoldingsMemoScope, AnswersAsWithoutAMemoForTheCadreItHoldsAndForOthers) {
  const auto roster = two_secretaries_and_a_clerk();
  const EvaluationContext context(roster, testing::default_profile(), date(2013, 12, 31));
  const auto& cadres = roster.cadres();
  std::vector<std::vector<std::pair<model::Position, const PositionStandard*>>> plain;
  for (const auto& cadre : cadres) plain.push_back(summary_of(standardised_holdings(context, cadre)));
  ASSERT_EQ(plain[0].size(), 1u);  // the secretaries hold a standardised position
  EXPECT_TRUE(plain[2].empty());   // the clerk holds none

  const HoldingsMemoScope scope(context, cadres[0]);
  for (int asked = 0; asked < 3; ++asked) {  // computed once, then read: the same answer
    EXPECT_EQ(summary_of(standardised_holdings(context, cadres[0])), plain[0]);
    EXPECT_TRUE(is_standardised_subject(context, cadres[0]));
  }
  // Another cadre asked inside the scope is computed, not given the memo's answer.
  EXPECT_EQ(summary_of(standardised_holdings(context, cadres[1])), plain[1]);
  EXPECT_EQ(summary_of(standardised_holdings(context, cadres[2])), plain[2]);
  EXPECT_FALSE(is_standardised_subject(context, cadres[2]));
}

TEST(HoldingsMemoScope, AnswersInsideTheScopeViewTheMemoInsteadOfCopyingIt) {
  const auto roster = two_secretaries_and_a_clerk();
  const EvaluationContext context(roster, testing::default_profile(), date(2013, 12, 31));
  const auto& secretary = roster.cadres()[0];
  const HoldingsMemoScope scope(context, secretary);
  const auto first = standardised_holdings(context, secretary);
  const auto second = standardised_holdings(context, secretary);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(&first.holdings(), &second.holdings());  // one answer, seen twice
  // About another cadre, each answer is its own.
  const auto other = standardised_holdings(context, roster.cadres()[1]);
  const auto again = standardised_holdings(context, roster.cadres()[1]);
  EXPECT_NE(&other.holdings(), &again.holdings());
  EXPECT_EQ(summary_of(other), summary_of(again));
}

TEST(HoldingsMemoScope, IsKeptPerContext) {
  const auto roster = two_secretaries_and_a_clerk();
  const EvaluationContext in_2013(roster, testing::default_profile(), date(2013, 12, 31));
  const EvaluationContext in_2009(roster, testing::default_profile(), date(2009, 12, 31));
  const auto& secretary = roster.cadres()[0];
  const HoldingsMemoScope scope(in_2013, secretary);
  EXPECT_EQ(standardised_holdings(in_2013, secretary).size(), 1u);
  // Not yet secretary in 2009: the memo of the other context must not answer.
  EXPECT_TRUE(standardised_holdings(in_2009, secretary).empty());
  EXPECT_FALSE(is_standardised_subject(in_2009, secretary));
}

TEST(HoldingsMemoScope, ScopesNestAndTheOuterOneAnswersAgainAfterTheInnerEnds) {
  const auto roster = two_secretaries_and_a_clerk();
  const EvaluationContext context(roster, testing::default_profile(), date(2013, 12, 31));
  const auto& cadres = roster.cadres();
  const HoldingsMemoScope outer(context, cadres[0]);
  EXPECT_EQ(standardised_holdings(context, cadres[0]).size(), 1u);
  {
    const HoldingsMemoScope inner(context, cadres[2]);
    EXPECT_TRUE(standardised_holdings(context, cadres[2]).empty());
    EXPECT_EQ(standardised_holdings(context, cadres[0]).size(), 1u);
  }
  EXPECT_EQ(standardised_holdings(context, cadres[0]).size(), 1u);
  EXPECT_TRUE(is_standardised_subject(context, cadres[0]));
}

TEST(HoldingsMemoScope, AGapThrowsAtEveryCallNotOnlyTheFirst) {
  const Profile profile = testing::profile_with_a_gap_in_2011();
  const auto roster = testing::one_secretary_since_2010();
  const EvaluationContext in_the_gap(roster, profile, date(2011, 6, 1));
  const HoldingsMemoScope scope(in_the_gap, roster.cadres()[0]);
  for (int asked = 0; asked < 3; ++asked) {
    EXPECT_THROW((void)standardised_holdings(in_the_gap, roster.cadres()[0]), std::invalid_argument);
  }
}

}  // namespace
}  // namespace cadreplan::policy::rules
