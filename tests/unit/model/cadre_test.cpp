#include "cadreplan/model/cadre.hpp"

#include <gtest/gtest.h>

namespace cadreplan::model {
namespace {

using boost::gregorian::date;

TEST(Age, CountsWholeYears) {
  EXPECT_EQ(age_on(date(1970, 5, 10), date(2013, 5, 9)), 42);
  EXPECT_EQ(age_on(date(1970, 5, 10), date(2013, 5, 10)), 43);  // birthday on the day
  EXPECT_EQ(age_on(date(1970, 5, 10), date(2013, 12, 31)), 43);
  EXPECT_EQ(age_on(date(2013, 5, 10), date(2013, 1, 1)), 0);    // not yet born: clamp
}

TEST(Age, LeapDayBirthdays) {
  const date leapling(1968, 2, 29);
  EXPECT_EQ(age_on(leapling, date(2013, 2, 28)), 44);
  EXPECT_EQ(age_on(leapling, date(2013, 3, 1)), 45);   // common year: a year older on 1 March
  EXPECT_EQ(age_on(leapling, date(2012, 2, 28)), 43);
  EXPECT_EQ(age_on(leapling, date(2012, 2, 29)), 44);  // leap year: on the day itself
}

Cadre make_cadre() {
  Cadre cadre;
  cadre.id = CadreId("C1");
  cadre.birth_date = date(1970, 1, 1);
  cadre.positions = {{Position::secretary, date(2010, 7, 15)}, {Position::chairman, std::nullopt}};
  return cadre;
}

TEST(Cadre, HoldsPositionFromItsSinceDate) {
  const Cadre cadre = make_cadre();
  EXPECT_FALSE(cadre.holds(Position::secretary, date(2010, 7, 14)));
  EXPECT_TRUE(cadre.holds(Position::secretary, date(2010, 7, 15)));
  EXPECT_TRUE(cadre.holds(Position::chairman, date(1990, 1, 1)));  // unknown since: always
  EXPECT_FALSE(cadre.holds(Position::deputy_secretary, date(2013, 1, 1)));
}

TEST(Cadre, CountsConcurrentPositions) {
  const Cadre cadre = make_cadre();
  EXPECT_EQ(cadre.positions_held(date(2010, 1, 1)), 1u);
  EXPECT_EQ(cadre.positions_held(date(2011, 1, 1)), 2u);
}

}  // namespace
}  // namespace cadreplan::model
