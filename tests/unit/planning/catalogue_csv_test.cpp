#include "cadreplan/io/catalogue_csv.hpp"

#include <gtest/gtest.h>

#include <string>

namespace cadreplan::io {
namespace {

using model::PoliticalTheory;

// The first diagnostic of loading \p text (with keep_going, all of them joined by '\n').
std::string error_of(const std::string& text, bool keep_going = false) {
  try {
    CatalogueLoadOptions options;
    options.keep_going = keep_going;
    (void)parse_catalogue_csv(text, "courses.csv", options);
  } catch (const ParseError& error) {
    std::string all;
    for (const auto& diagnostic : error.diagnostics()) all += diagnostic.to_string() + "\n";
    return all;
  }
  return "accepted";
}

const std::string kHeader =
    "id,name,kind,provider,cost,days,confers,requires,accredited,capacity,months\n";

TEST(CatalogueCsv, LoadsTheBundledCatalogue) {
  const auto loaded =
      load_catalogue_csv(CADREPLAN_SOURCE_DIR "/examples/data/soc-trang-courses.csv");
  EXPECT_TRUE(loaded.warnings.empty());
  const auto& catalogue = loaded.catalogue;
  ASSERT_EQ(catalogue.size(), 8u);
  const auto* advanced = catalogue.find(model::CourseId("LLCT-CC"));
  ASSERT_NE(advanced, nullptr);
  EXPECT_EQ(advanced->kind, model::TrainingKind::political_theory);
  EXPECT_EQ(advanced->provider, "Học viện Chính trị khu vực IV");
  EXPECT_EQ(advanced->cost, 25'000'000);
  EXPECT_EQ(advanced->days, 240);
  EXPECT_EQ(advanced->confers, planning::QualificationLevel(PoliticalTheory::advanced));
  EXPECT_EQ(advanced->prerequisite, planning::QualificationLevel(PoliticalTheory::intermediate));
  EXPECT_EQ(advanced->accredited, true);
  EXPECT_EQ(advanced->capacity, 40);
  EXPECT_EQ(advanced->start_months, (std::vector<int>{3, 9}));
  const auto* refresher = catalogue.find(model::CourseId("BD-XDD"));
  ASSERT_NE(refresher, nullptr);
  EXPECT_FALSE(refresher->confers);
  EXPECT_FALSE(refresher->prerequisite);
  const auto* law = catalogue.find(model::CourseId("DH-LUAT-LT"));
  ASSERT_NE(law, nullptr);
  EXPECT_EQ(law->prerequisite, planning::QualificationLevel(model::ProfessionalLevel::college));
  // The two degree programmes are studied while working; the political courses are not.
  EXPECT_TRUE(law->part_time);
  EXPECT_TRUE(catalogue.find(model::CourseId("DH-XDD"))->part_time);
  EXPECT_FALSE(advanced->part_time);
  EXPECT_FALSE(refresher->part_time);
}

TEST(CatalogueCsv, ReadsPartTimeAsAYesNoCellThatDefaultsToFullTime) {
  const auto loaded = parse_catalogue_csv(
      "id,name,kind,provider,cost,days,Part_Time\n"
      "DH,Đại học,professional,P,1,1080,có\n"
      "TC,Trung cấp,political_theory,P,1,180,false\n"
      "BD,Bồi dưỡng,party_building,P,1,5,\n",
      "courses.csv");
  EXPECT_TRUE(loaded.warnings.empty());  // a known column, in any letter case
  EXPECT_TRUE(loaded.catalogue.find(model::CourseId("DH"))->part_time);
  EXPECT_FALSE(loaded.catalogue.find(model::CourseId("TC"))->part_time);
  EXPECT_FALSE(loaded.catalogue.find(model::CourseId("BD"))->part_time);  // empty: full-time
  // Without the column every course is full-time, as before the column existed.
  const auto older = parse_catalogue_csv(kHeader + "DH,x,professional,P,1,1080,,,,,\n", "courses.csv");
  EXPECT_FALSE(older.catalogue.find(model::CourseId("DH"))->part_time);
}

TEST(CatalogueCsv, AcceptsColumnsInAnyOrderAndEveryCodeSpelling) {
  const auto loaded = parse_catalogue_csv(
      "\xEF\xBB\xBF"
      "Months,KIND,id,name,provider,cost,days,confers,Requires,note\r\n"
      "9;3,Lý luận chính trị,TC,Trung cấp,Trường Chính trị tỉnh,8.000.000,180,Trung cấp,sơ "
      "cấp,x\r\n"
      ",party_building,BD,Bồi dưỡng,Trường Chính trị tỉnh,\"1,500,000\",5,,,\r\n",
      "courses.csv");
  ASSERT_EQ(loaded.catalogue.size(), 2u);
  const auto* course = loaded.catalogue.find(model::CourseId("TC"));
  EXPECT_EQ(course->cost, 8'000'000);
  EXPECT_EQ(course->start_months, (std::vector<int>{3, 9}));
  EXPECT_EQ(course->confers, planning::QualificationLevel(PoliticalTheory::intermediate));
  EXPECT_EQ(course->prerequisite, planning::QualificationLevel(PoliticalTheory::elementary));
  EXPECT_FALSE(course->capacity);    // unlimited
  EXPECT_FALSE(course->accredited);  // unknown
  EXPECT_TRUE(loaded.catalogue.find(model::CourseId("BD"))->start_months.empty());
  ASSERT_EQ(loaded.warnings.size(), 1u);
  EXPECT_EQ(loaded.warnings[0].to_string(),
            "courses.csv:1:note: warning: unknown column 'note' is ignored");
}

TEST(CatalogueCsv, NamesFileLineAndColumnOfEveryError) {
  EXPECT_EQ(error_of("id,name,kind,provider,cost\nTC,x,skills,P,1\n"),
            "courses.csv:1:days: error: missing required column 'days'\n");
  EXPECT_EQ(error_of(kHeader +
                     "TC,Trung cấp,political_theory,P,8000000,180,advanced,intermediate,true,,3\n"
                     "TC,Again,skills,P,1,1,,,,,\n"),
            "courses.csv:3:id: error: duplicate course id 'TC' (first on line 2)\n");
  EXPECT_NE(
      error_of(kHeader + "TC,x,sport,P,1,1,,,,,\n").find("courses.csv:2:kind: error: unknown"),
      std::string::npos);
  EXPECT_NE(error_of(kHeader + "TC,x,skills,P,1.5,1,,,,,\n")
                .find("courses.csv:2:cost: error: invalid amount '1.5'"),
            std::string::npos);
  EXPECT_EQ(error_of(kHeader + "TC,x,skills,P,1,0,,,,,\n"),
            "courses.csv:2:days: error: invalid duration '0' (expected a whole number of days, at "
            "least 1)\n");
  EXPECT_EQ(
      error_of(kHeader + "BD,x,party_building,P,1,5,intermediate,,,,\n"),
      "courses.csv:2:confers: error: 'confers' is 'intermediate', but a party_building course "
      "confers no level (only political_theory, professional and state_management courses do)\n");
  EXPECT_EQ(error_of(kHeader + "TC,x,political_theory,P,1,5,university,,,,\n"),
            "courses.csv:2:confers: error: unknown political_theory level 'university' for a "
            "political_theory course\n");
  EXPECT_EQ(error_of(kHeader + "TC,x,political_theory,P,1,5,intermediate,advanced,,,\n"),
            "courses.csv:2:requires: error: requires 'advanced', above the level it confers "
            "('intermediate')\n");
  EXPECT_NE(
      error_of(kHeader + "TC,x,skills,P,1,5,,,maybe,,\n").find("courses.csv:2:accredited: error:"),
      std::string::npos);
  EXPECT_EQ(error_of(kHeader + "TC,x,skills,P,1,5,,,,-3,\n"),
            "courses.csv:2:capacity: error: invalid capacity '-3' (expected a whole number of "
            "seats a year)\n");
  EXPECT_EQ(error_of(kHeader + "TC,x,skills,P,1,5,,,,,3;13\n"),
            "courses.csv:2:months: error: invalid month '13' in '3;13' (expected months 1-12 "
            "separated by ';', e.g. 3;9)\n");
  EXPECT_EQ(error_of(kHeader + "TC,x,skills,P,1,5,,,,,3;3\n"),
            "courses.csv:2:months: error: month 3 is listed twice in '3;3'\n");
  EXPECT_EQ(error_of(kHeader + "TC,,skills,P,1,5,,,,,\n"),
            "courses.csv:2:name: error: empty cell in required column 'name'\n");
  EXPECT_NE(error_of("id,name,kind,provider,cost,days,part_time\nDH,x,professional,P,1,9,often\n")
                .find("courses.csv:2:part_time: error:"),
            std::string::npos);
  EXPECT_NE(error_of("id,name,kind,provider,cost,days,part_time\nDH,x,professional,P,1,9,often\n")
                .find("'often'"),
            std::string::npos);
}

TEST(CatalogueCsv, ReportsEveryErrorWithKeepGoing) {
  const std::string all =
      error_of(kHeader + "TC,x,skills,P,x,0,,,,,\nCC,y,skills,P,1,1,,,,,13\n", true);
  EXPECT_EQ(
      all,
      "courses.csv:2:cost: error: invalid amount 'x' (expected whole đồng, e.g. 1500000, "
      "1.500.000 or 1,500,000)\n"
      "courses.csv:2:days: error: invalid duration '0' (expected a whole number of days, at least "
      "1)\n"
      "courses.csv:3:months: error: invalid month '13' in '13' (expected months 1-12 separated by "
      "';', e.g. 3;9)\n");
}

TEST(CatalogueCsv, ReportsAMissingFile) {
  try {
    (void)load_catalogue_csv("no/such/courses.csv");
    FAIL() << "a missing file was accepted";
  } catch (const ParseError& error) {
    EXPECT_EQ(error.diagnostics().front().to_string(),
              "no/such/courses.csv: error: the catalogue file does not exist");
  }
}

TEST(CatalogueCsv, ReportsANameTheSystemRefusesAsADiagnostic) {
  const std::string too_long(5000, 'c');
  try {
    (void)load_catalogue_csv(too_long + ".csv");
    FAIL() << "a name longer than the system allows was accepted";
  } catch (const ParseError& error) {
    EXPECT_NE(error.diagnostics().front().message.find("cannot read the catalogue file: "), std::string::npos)
        << error.diagnostics().front().message;
  }
}

}  // namespace
}  // namespace cadreplan::io
