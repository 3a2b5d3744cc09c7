#include "cadreplan/model/term.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace cadreplan::model {
namespace {

using boost::gregorian::date;

TEST(Term, FromYearsRunsCongressToCongress) {
  const Term term = Term::from_years(2010, 2015);
  EXPECT_EQ(term.first_year(), 2010);
  EXPECT_EQ(term.last_year(), 2015);
  EXPECT_EQ(term.start(), date(2010, 7, 1));
  EXPECT_EQ(term.last_day(), date(2015, 6, 30));
  EXPECT_TRUE(term.contains(date(2013, 12, 31)));
  EXPECT_FALSE(term.contains(date(2015, 7, 1)));
  EXPECT_EQ(term.name(), "2010-2015");
}

TEST(Term, ParsesItsName) {
  EXPECT_EQ(Term::parse("2015-2020"), Term::from_years(2015, 2020));
  EXPECT_EQ(Term::parse(" 2015 - 2020 "), Term::from_years(2015, 2020));
  EXPECT_EQ(Term::parse("2015\xE2\x80\x93" "2020"), Term::from_years(2015, 2020));  // en dash
}

TEST(Term, RejectsMalformedNames) {
  EXPECT_FALSE(Term::parse("2015").has_value());
  EXPECT_FALSE(Term::parse("2020-2015").has_value());
  EXPECT_FALSE(Term::parse("2015-2015").has_value());
  EXPECT_FALSE(Term::parse("15-20").has_value());
  EXPECT_FALSE(Term::parse("abcd-efgh").has_value());
  EXPECT_FALSE(Term::parse("2015-20201").has_value());
  EXPECT_THROW((void)Term::from_years(2020, 2015), std::invalid_argument);
}

TEST(Term, FromCongressDays) {
  const Term term = Term::from_congresses(date(2020, 8, 20), date(2025, 8, 15));
  EXPECT_EQ(term.first_year(), 2020);
  EXPECT_EQ(term.last_day(), date(2025, 8, 14));
  EXPECT_THROW((void)Term::from_congresses(date(2025, 1, 1), date(2020, 1, 1)),
               std::invalid_argument);
}

TEST(Term, OrdersByStart) {
  EXPECT_LT(Term::from_years(2010, 2015), Term::from_years(2015, 2020));
  EXPECT_GT(Term::from_years(2020, 2025), Term::from_years(2015, 2020));
}

}  // namespace
}  // namespace cadreplan::model
