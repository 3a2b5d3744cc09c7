#include "cadreplan/io/cell_parsers.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <string>

#include "cadreplan/model/cadre.hpp"
#include "cadreplan/model/qualification.hpp"
#include "cadreplan/model/training.hpp"
#include "cadreplan/model/unit.hpp"

namespace cadreplan::io {
namespace {

using boost::gregorian::date;
using model::Position;
using model::PositionHolding;

// The message of the CellError \p parse throws.
template <class Parse>
std::string error_of(Parse&& parse) {
  try {
    parse();
  } catch (const CellError& error) {
    return error.what();
  }
  ADD_FAILURE() << "no CellError was thrown";
  return {};
}

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

TEST(ParseDate, ReadsIsoAndDayFirstForms) {
  EXPECT_EQ(parse_date("2013-12-31"), date(2013, 12, 31));
  EXPECT_EQ(parse_date("31/12/2013"), date(2013, 12, 31));
  EXPECT_EQ(parse_date("5/3/1970"), date(1970, 3, 5));  // day first, one digit allowed
  EXPECT_EQ(parse_date("  05/03/1970 "), date(1970, 3, 5));
}

TEST(ParseDate, AcceptsFebruary29OnlyInLeapYears) {
  EXPECT_EQ(parse_date("2012-02-29"), date(2012, 2, 29));
  EXPECT_EQ(parse_date("29/02/2000"), date(2000, 2, 29));  // divisible by 400
  const std::string common = error_of([] { (void)parse_date("2013-02-29"); });
  EXPECT_TRUE(contains(common, "'2013-02-29'")) << common;
  EXPECT_TRUE(contains(common, "February 2013 has 28 days")) << common;
  EXPECT_TRUE(contains(error_of([] { (void)parse_date("29/02/1900"); }), "has 28 days"));
}

TEST(ParseDate, RejectsImpossibleDays) {
  EXPECT_TRUE(contains(error_of([] { (void)parse_date("2013-02-30"); }), "impossible date"));
  EXPECT_TRUE(contains(error_of([] { (void)parse_date("31/04/2013"); }), "April 2013 has 30"));
  EXPECT_TRUE(contains(error_of([] { (void)parse_date("2013-13-01"); }), "no month 13"));
  EXPECT_TRUE(contains(error_of([] { (void)parse_date("2013-00-10"); }), "no month 0"));
  EXPECT_TRUE(contains(error_of([] { (void)parse_date("00/01/2013"); }), "impossible"));
  EXPECT_TRUE(contains(error_of([] { (void)parse_date("0999-01-01"); }), "year"));
}

TEST(ParseDate, RejectsOtherForms) {
  for (const char* text : {"2013/02/01", "20130201", "1-2-2013", "2013-2-1", "01/02/13",
                           "01/02/2013/4", "x", "", "2013-02-01T00:00", "１/２/２０１３"}) {
    EXPECT_TRUE(contains(error_of([&] { (void)parse_date(text); }), "expected YYYY-MM-DD")) << text;
  }
}

TEST(FormatDate, WritesIsoAndNothingForSpecialValues) {
  EXPECT_EQ(format_date(date(2010, 7, 1)), "2010-07-01");
  EXPECT_EQ(format_date(date(boost::gregorian::not_a_date_time)), "");
}

TEST(ParseMoney, ReadsPlainAndGroupedAmounts) {
  EXPECT_EQ(parse_money("1500000"), 1'500'000);
  EXPECT_EQ(parse_money("1.500.000"), 1'500'000);
  EXPECT_EQ(parse_money("1,500,000"), 1'500'000);
  EXPECT_EQ(parse_money(" 15.000 "), 15'000);
  EXPECT_EQ(parse_money("0"), 0);
  EXPECT_EQ(parse_money("999"), 999);
  EXPECT_EQ(parse_money("9.223.372.036.854.775.807"), std::numeric_limits<model::Dong>::max());
}

TEST(ParseMoney, RejectsFractionsBadGroupingAndMixedSeparators) {
  for (const char* text : {"1.5", "1,50", "1.50.000", "1500.000.000,00", "1.500,000", ".500",
                           "1.500.", "1 500 000", "12a", "", "+5", "1..000"}) {
    EXPECT_TRUE(contains(error_of([&] { (void)parse_money(text); }), "invalid amount")) << text;
  }
}

TEST(ParseMoney, ReadsPlainDigitsUpToAndPastEighteenTheSame) {
  // Up to 18 digits take a path without overflow checks; 19 take the checked one.
  EXPECT_EQ(parse_money("999999999999999999"), 999'999'999'999'999'999);
  EXPECT_EQ(parse_money("000000000000000012"), 12);
  EXPECT_EQ(parse_money("9223372036854775807"), std::numeric_limits<model::Dong>::max());
  EXPECT_EQ(parse_money("0000000000000000000012"), 12);
  // A bad byte anywhere, even after 17 good digits, is still refused with its message.
  EXPECT_TRUE(contains(error_of([] { (void)parse_money("12345678901234567x"); }),
                       "invalid amount '12345678901234567x'"));
  EXPECT_TRUE(contains(error_of([] { (void)parse_money("1/2"); }), "invalid amount '1/2'"));
  EXPECT_TRUE(contains(error_of([] { (void)parse_money("-5"); }), "negative amount '-5'"));
}

TEST(ParseMoney, RejectsNegativeAndTooLargeAmounts) {
  EXPECT_TRUE(contains(error_of([] { (void)parse_money("-1.000"); }), "negative amount '-1.000'"));
  EXPECT_TRUE(contains(error_of([] { (void)parse_money("9223372036854775808"); }), "too large"));
  EXPECT_TRUE(
      contains(error_of([] { (void)parse_money("99.999.999.999.999.999.999"); }), "too large"));
}

TEST(ParseBool, AcceptsEverySpellingInAnyCase) {
  for (const char* yes :
       {"true", "TRUE", "yes", "Yes", "có", "Có", "CÓ", "co", "co\xCC\x81", "1"}) {
    EXPECT_TRUE(parse_bool(yes)) << yes;
  }
  for (const char* no : {"false", "False", "no", "NO", "không", "Không", "KHÔNG", "khong", "0"}) {
    EXPECT_FALSE(parse_bool(no)) << no;
  }
  EXPECT_TRUE(contains(error_of([] { (void)parse_bool("maybe"); }), "'maybe'"));
  EXPECT_TRUE(contains(error_of([] { (void)parse_bool("2"); }), "yes/no"));
}

TEST(ParseYearAndTerm, ReadValidValuesAndRejectTheRest) {
  EXPECT_EQ(parse_year("2013"), 2013);
  EXPECT_TRUE(contains(error_of([] { (void)parse_year("13"); }), "invalid year '13'"));
  EXPECT_TRUE(contains(error_of([] { (void)parse_year("2013.5"); }), "invalid year"));
  EXPECT_EQ(parse_term("2010-2015"), model::Term::from_years(2010, 2015));
  EXPECT_EQ(parse_term("2015 \xE2\x80\x93 2020"), model::Term::from_years(2015, 2020));
  EXPECT_TRUE(
      contains(error_of([] { (void)parse_term("2015-2010"); }), "invalid term '2015-2010'"));
  EXPECT_TRUE(contains(error_of([] { (void)parse_term("2015"); }), "expected YYYY-YYYY"));
}

TEST(ParseCodeCell, AcceptsCodesLabelsAndNotations) {
  using model::GeneralEducation;
  EXPECT_EQ(parse_code_cell<GeneralEducation>("12/12"), GeneralEducation::upper_secondary);
  EXPECT_EQ(parse_code_cell<GeneralEducation>(" THCS "), GeneralEducation::lower_secondary);
  EXPECT_EQ(parse_code_cell<model::PoliticalTheory>("Cao cấp và tương đương"),
            model::PoliticalTheory::advanced);
  EXPECT_EQ(parse_code_cell<model::UnitKind>("thị trấn"), model::UnitKind::township);
  EXPECT_EQ(parse_code_cell<model::Funding>("tự bỏ kinh phí"), model::Funding::self);
}

TEST(ParseCodeCell, NamesTheValueAndEveryCodeWhenUnknown) {
  EXPECT_EQ(error_of([] { (void)parse_code_cell<model::GeneralEducation>("xyz"); }),
            "unknown general_education 'xyz' (expected one of: primary, lower_secondary, "
            "upper_secondary, or their Vietnamese labels)");
  const std::string funding =
      error_of([] { (void)parse_code_cell<model::Funding>("bank", "professional_funding"); });
  EXPECT_EQ(funding.substr(0, 35), "unknown professional_funding 'bank'");
  EXPECT_TRUE(contains(funding, "state, self, other"));
}

TEST(ParsePositions, ReadsASeparatedListGivingEachTheSharedDate) {
  const auto since = date(2010, 7, 1);
  const auto held = parse_positions("bí thư; Chủ tịch UBND;", since);
  const std::vector<PositionHolding> expected{{Position::secretary, since},
                                              {Position::chairman, since}};
  EXPECT_EQ(held, expected);
  EXPECT_EQ(parse_positions("secretary", std::nullopt),
            (std::vector<PositionHolding>{{Position::secretary, std::nullopt}}));
}

TEST(ParsePositions, LetsAnItemCarryItsOwnDate) {
  const auto held =
      parse_positions("council_chair;deputy_secretary @ 01/03/2012", date(2011, 1, 15));
  ASSERT_EQ(held.size(), 2u);
  EXPECT_EQ(held[0].since, date(2011, 1, 15));
  EXPECT_EQ(held[1].position, Position::deputy_secretary);
  EXPECT_EQ(held[1].since, date(2012, 3, 1));
}

TEST(ParsePositions, ReadsNoneAsNoPosition) {
  EXPECT_TRUE(parse_positions("none", std::nullopt).empty());
  EXPECT_TRUE(parse_positions("Không", date(2010, 1, 1)).empty());
}

TEST(ParsePositions, RejectsUnknownRepeatedAndMissingPositions) {
  EXPECT_TRUE(contains(error_of([] { (void)parse_positions("secretary;bogus", std::nullopt); }),
                       "unknown position 'bogus'"));
  EXPECT_TRUE(contains(error_of([] { (void)parse_positions("bí thư;SECRETARY", std::nullopt); }),
                       "'secretary' is listed twice"));
  EXPECT_TRUE(
      contains(error_of([] { (void)parse_positions(" ; ;", std::nullopt); }), "no position"));
  EXPECT_TRUE(
      contains(error_of([] { (void)parse_positions("secretary@2013-02-30", std::nullopt); }),
               "impossible date"));
}

TEST(FormatPositions, WritesWhatParsePositionsReadsBack) {
  const auto since = date(2010, 7, 1);
  const std::vector<std::vector<PositionHolding>> cases{
      {},
      {{Position::secretary, std::nullopt}},
      {{Position::secretary, since}, {Position::chairman, since}},
      {{Position::council_chair, since}, {Position::vice_chairman, date(2012, 3, 1)}},
      {{Position::other, std::nullopt}, {Position::deputy_secretary, since}},
  };
  for (const auto& holdings : cases) {
    const PositionCells cells = format_positions(holdings);
    const auto shared = cells.position_since.empty()
                            ? std::nullopt
                            : std::optional(parse_date(cells.position_since));
    EXPECT_EQ(parse_positions(cells.positions, shared), holdings) << cells.positions;
  }
  EXPECT_EQ(format_positions(cases[2]), (PositionCells{"secretary;chairman", "2010-07-01"}));
  EXPECT_EQ(format_positions(cases[3]).positions,
            "council_chair@2010-07-01;vice_chairman@2012-03-01");
}

}  // namespace
}  // namespace cadreplan::io
