#include "cadreplan/policy/profile.hpp"

#include <gtest/gtest.h>

#include "roster_builder.hpp"

namespace cadreplan::policy {
namespace {

using boost::gregorian::date;
using model::Position;

TEST(Profile, StandardForPicksThePeriodInForce) {
  const auto& profile = testing::default_profile();
  const auto* old_standard = profile.standard_for(Position::secretary, date(2023, 7, 31));
  ASSERT_NE(old_standard, nullptr);
  EXPECT_EQ(old_standard->from, date(2004, 1, 1));
  EXPECT_EQ(old_standard->professional_level, model::ProfessionalLevel::intermediate);
  const auto* decree_33 = profile.standard_for(Position::secretary, date(2023, 8, 1));
  ASSERT_NE(decree_33, nullptr);
  EXPECT_EQ(decree_33->from, date(2023, 8, 1));
  EXPECT_EQ(decree_33->professional_level, model::ProfessionalLevel::university);
  const auto* open = profile.standard_for(Position::secretary, date(2030, 1, 1));
  ASSERT_NE(open, nullptr);
  EXPECT_EQ(open->from, date(2025, 7, 1));
  EXPECT_FALSE(open->until.has_value());
}

TEST(Profile, StandardForIsNullOutsideEveryPeriodAndForOtherPositions) {
  const auto& profile = testing::default_profile();
  EXPECT_EQ(profile.standard_for(Position::secretary, date(2003, 12, 31)), nullptr);
  EXPECT_EQ(profile.standard_for(Position::chairman, date(2013, 12, 31)), nullptr);
}

TEST(Profile, SettingsOfAnUnmentionedRuleAreTheDefaults) {
  Profile profile = testing::blank_profile();
  const auto& defaults = profile.settings_of("point3.annual_refresher");
  EXPECT_TRUE(defaults.enabled);
  EXPECT_FALSE(defaults.severity.has_value());
  EXPECT_TRUE(defaults.parameters.empty());
  profile.rules["point3.annual_refresher"].enabled = false;
  EXPECT_FALSE(profile.settings_of("point3.annual_refresher").enabled);
  EXPECT_TRUE(profile.settings_of("point5.budget_floor").enabled);
}

TEST(Profile, SettingsOfTheDefaultProfileCarryItsParameters) {
  const auto& settings = testing::default_profile().settings_of("point2.successor_pool");
  ASSERT_TRUE(settings.parameters.contains("max_candidates"));
  EXPECT_EQ(std::get<std::int64_t>(settings.parameters.at("max_candidates")), 3);
  EXPECT_EQ(std::get<double>(testing::default_profile()
                                 .settings_of("point5.budget_diverted")
                                 .parameters.at("min_share")),
            0.8);
}

TEST(Profile, AccreditedProvidersMatchWithCaseAndDiacriticsFolded) {
  Profile profile = testing::blank_profile();
  profile.accredited_providers = {"Học viện Hành chính quốc gia", "Trường Chính trị tỉnh*"};
  EXPECT_TRUE(profile.is_accredited("Học viện Hành chính quốc gia"));
  EXPECT_TRUE(profile.is_accredited("HOC VIEN HANH CHINH QUOC GIA"));
  EXPECT_TRUE(profile.is_accredited("  học viện hành chính  quốc gia "));
  // Without a trailing *, a longer name is another provider.
  EXPECT_FALSE(profile.is_accredited("Học viện Hành chính quốc gia phân viện miền Nam"));
  EXPECT_FALSE(profile.is_accredited("Học viện Hành chính"));
}

TEST(Profile, AStarredNameAccreditsEveryNameStartingWithIt) {
  Profile profile = testing::blank_profile();
  profile.accredited_providers = {"Trường Chính trị tỉnh*"};
  EXPECT_TRUE(profile.is_accredited("Trường Chính trị tỉnh Sóc Trăng"));
  EXPECT_TRUE(profile.is_accredited("TRUONG CHINH TRI TINH BAC LIEU"));
  EXPECT_TRUE(profile.is_accredited("Trường Chính trị tỉnh"));
  EXPECT_FALSE(profile.is_accredited("Trường Chính trị"));
  EXPECT_FALSE(profile.is_accredited("Trung tâm Trường Chính trị tỉnh"));
  EXPECT_FALSE(profile.is_accredited("Trung tâm Giáo dục thường xuyên"));
}

TEST(Profile, EmptyOrInvalidProviderNamesAreNotAccredited) {
  const auto& profile = testing::default_profile();
  EXPECT_FALSE(profile.is_accredited(""));
  EXPECT_FALSE(profile.is_accredited("Tr\xFF"));
  EXPECT_TRUE(profile.is_accredited("Học viện Chính trị khu vực IV"));
  EXPECT_TRUE(profile.is_accredited("Học viện Chính trị quốc gia Hồ Chí Minh"));
  EXPECT_FALSE(profile.is_accredited("Công ty Tư vấn Giáo dục ABC"));
}

TEST(TermCalendar, TermsChangeOnFirstJulyOfTheCongressYear) {
  const TermCalendar calendar;
  EXPECT_EQ(calendar.term_containing(date(2015, 6, 30)), model::Term::from_years(2010, 2015));
  EXPECT_EQ(calendar.term_containing(date(2015, 7, 1)), model::Term::from_years(2015, 2020));
  EXPECT_EQ(calendar.term_containing(date(2016, 1, 1)), model::Term::from_years(2015, 2020));
  EXPECT_EQ(calendar.term_containing(date(2019, 12, 31)), model::Term::from_years(2015, 2020));
  EXPECT_EQ(calendar.term_containing(date(2020, 6, 30)), model::Term::from_years(2015, 2020));
  EXPECT_EQ(calendar.term_containing(date(2020, 7, 1)), model::Term::from_years(2020, 2025));
  EXPECT_EQ(calendar.term_containing(date(2013, 12, 31)), model::Term::from_years(2010, 2015));
}

TEST(TermCalendar, DaysBeforeTheAnchorFindEarlierTerms) {
  const TermCalendar calendar;
  EXPECT_EQ(calendar.term_containing(date(2010, 6, 30)), model::Term::from_years(2005, 2010));
  EXPECT_EQ(calendar.term_containing(date(2010, 1, 1)), model::Term::from_years(2005, 2010));
  EXPECT_EQ(calendar.term_containing(date(2009, 12, 31)), model::Term::from_years(2005, 2010));
  EXPECT_EQ(calendar.term_containing(date(2005, 7, 1)), model::Term::from_years(2005, 2010));
  EXPECT_EQ(calendar.term_containing(date(2005, 6, 30)), model::Term::from_years(2000, 2005));
  EXPECT_EQ(calendar.term_containing(date(1998, 3, 1)), model::Term::from_years(1995, 2000));
}

TEST(TermCalendar, FollowsItsAnchorAndLength) {
  const TermCalendar shifted{2011, 5};
  EXPECT_EQ(shifted.term_containing(date(2011, 7, 1)), model::Term::from_years(2011, 2016));
  EXPECT_EQ(shifted.term_containing(date(2011, 6, 30)), model::Term::from_years(2006, 2011));
  const TermCalendar short_terms{2010, 2};
  EXPECT_EQ(short_terms.term_containing(date(2013, 5, 1)), model::Term::from_years(2012, 2014));
  EXPECT_EQ(short_terms.term_containing(date(2014, 7, 1)), model::Term::from_years(2014, 2016));
  EXPECT_EQ(short_terms.term_containing(date(2008, 7, 1)), model::Term::from_years(2008, 2010));
}

}  // namespace
}  // namespace cadreplan::policy
