#include "cadreplan/io/statistics_writer.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

namespace {

using boost::gregorian::date;
using cadreplan::model::Cadre;
using cadreplan::model::GeneralEducation;
using cadreplan::model::Language;
using cadreplan::model::PoliticalTheory;
using cadreplan::model::Position;
using cadreplan::model::ProfessionalLevel;
using cadreplan::model::Roster;
using cadreplan::model::RosterTables;
using cadreplan::model::Unit;
using cadreplan::model::UnitKind;
using cadreplan::report::compare;
using cadreplan::report::Comparison;
using cadreplan::report::compute_statistics;
using cadreplan::report::Statistics;
using nlohmann::json;

const date end_of_2013(2013, 12, 31);
const date end_of_2010(2010, 12, 31);

// How many of the cadres get each level, highest first: {count, level}.
template <class E>
using Distribution = std::vector<std::pair<std::size_t, std::optional<E>>>;

template <class E>
std::optional<E> level_of(const Distribution<E>& distribution, std::size_t index) {
  for (const auto& [count, level] : distribution) {
    if (index < count) return level;
    index -= count;
  }
  return std::nullopt;
}

struct Shape {
  std::size_t secretaries = 0;
  std::size_t large_minority = 0;
  std::size_t chairmen = 0;
  Distribution<GeneralEducation> education;
  Distribution<ProfessionalLevel> professional;
  Distribution<PoliticalTheory> political;
};

// A province of `secretaries` communes with one secretary each, shaped by `shape`.
Roster province(const Shape& shape) {
  RosterTables tables;
  Unit district;
  district.id = cadreplan::model::UnitId("D");
  district.name = "Huyện";
  tables.units.push_back(district);
  for (std::size_t i = 0; i < shape.secretaries; ++i) {
    Unit unit;
    unit.id = cadreplan::model::UnitId("X" + std::to_string(i));
    unit.name = "Xã " + std::to_string(i);
    unit.kind = UnitKind::commune;
    unit.parent_id = district.id;
    unit.large_minority = i < shape.large_minority;
    tables.units.push_back(unit);

    Cadre cadre;
    cadre.id = cadreplan::model::CadreId("C" + std::to_string(i));
    cadre.full_name = "Cadre " + std::to_string(i);
    cadre.birth_date = date(1966, 1, 1);
    cadre.unit_id = unit.id;
    cadre.positions = {{Position::secretary, std::nullopt}};
    if (i < shape.chairmen) cadre.positions.push_back({Position::chairman, std::nullopt});
    cadre.general_education = level_of(shape.education, i);
    cadre.professional.level = level_of(shape.professional, i);
    cadre.political_theory = level_of(shape.political, i);
    tables.cadres.push_back(cadre);
  }
  return Roster::build(tables);
}

// Sóc Trăng at the end of 2013, as the seed reports it; bachelors stand in for some of
// the "advanced or equivalent".
Shape soc_trang_2013() {
  return {109,
          47,
          4,
          {{107, GeneralEducation::upper_secondary}, {2, GeneralEducation::lower_secondary}},
          {{78, ProfessionalLevel::university},
           {17, ProfessionalLevel::college},
           {14, ProfessionalLevel::intermediate}},
          {{80, PoliticalTheory::advanced},
           {2, PoliticalTheory::bachelor},
           {27, PoliticalTheory::intermediate}}};
}

// An earlier, less qualified force, with some cells unknown.
Shape soc_trang_2010() {
  return {105,
          47,
          6,
          {{98, GeneralEducation::upper_secondary}, {7, GeneralEducation::lower_secondary}},
          {{50, ProfessionalLevel::university},
           {20, ProfessionalLevel::college},
           {30, ProfessionalLevel::intermediate},
           {5, std::nullopt}},
          {{60, PoliticalTheory::advanced}, {45, PoliticalTheory::intermediate}}};
}

Statistics statistics_of(const Shape& shape, date as_of) {
  return compute_statistics(province(shape), {as_of, Position::secretary, false});
}

std::string to_json(const Statistics& statistics) {
  std::ostringstream out;
  cadreplan::io::write_statistics_json(out, statistics);
  return out.str();
}

std::string to_text(const Statistics& statistics, Language language) {
  std::ostringstream out;
  cadreplan::io::write_statistics_text(out, statistics, language);
  return out.str();
}

std::string to_text(const Comparison& comparison, Language language) {
  std::ostringstream out;
  cadreplan::io::write_statistics_text(out, comparison, language);
  return out.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(StatisticsJson, HasTheShapeOfFormatsMd) {
  const Statistics statistics = statistics_of(soc_trang_2013(), end_of_2013);
  const json parsed = json::parse(to_json(statistics));

  EXPECT_EQ(parsed.at("as_of"), "2013-12-31");
  EXPECT_EQ(parsed.at("position"), "secretary");
  EXPECT_EQ(parsed.at("cadres"), 109);
  EXPECT_EQ(parsed.at("units"), json({{"total", 109}, {"large_minority", 47}}));
  EXPECT_EQ(parsed.at("concurrent"), json({{"chairman", 4}}));
  EXPECT_EQ(parsed.at("general_education"),
            json({{"upper_secondary", 107}, {"lower_secondary", 2}}));
  EXPECT_EQ(parsed.at("professional_level"),
            json({{"university", 78}, {"college", 17}, {"intermediate", 14}}));
  EXPECT_EQ(parsed.at("political_theory"), json({{"advanced", 82}, {"intermediate", 27}}))
      << "bachelors are counted as advanced, zeros and an empty unknown are left out";
  EXPECT_EQ(parsed.at("state_management"), json({{"unknown", 109}}));
  EXPECT_FALSE(parsed.contains("all_units"));
  EXPECT_FALSE(parsed.contains("baseline"));
}

TEST(StatisticsJson, KeepsFormatsMdKeyOrder) {
  const std::string text = to_json(statistics_of(soc_trang_2013(), end_of_2013));
  std::vector<std::size_t> positions;
  // The top-level keys, then the levels of general education highest first.
  for (const char* key :
       {"\"as_of\"", "\"position\"", "\"cadres\"", "\"units\"", "\"concurrent\"",
        "\"general_education\"", "\"upper_secondary\"", "\"lower_secondary\"",
        "\"professional_level\"", "\"political_theory\"", "\"state_management\""}) {
    positions.push_back(text.find(key));
    ASSERT_NE(positions.back(), std::string::npos) << key;
  }
  EXPECT_TRUE(std::is_sorted(positions.begin(), positions.end())) << text;
}

TEST(StatisticsJson, WithBaselineHasBaselineAndChange) {
  const Comparison comparison = compare(statistics_of(soc_trang_2013(), end_of_2013),
                                        statistics_of(soc_trang_2010(), end_of_2010));
  std::ostringstream out;
  cadreplan::io::write_statistics_json(out, comparison);
  const json parsed = json::parse(out.str());

  EXPECT_EQ(parsed.at("cadres"), 109);
  const json& baseline = parsed.at("baseline");
  EXPECT_EQ(baseline.at("as_of"), "2010-12-31");
  EXPECT_EQ(baseline.at("cadres"), 105);
  EXPECT_EQ(baseline.at("professional_level").at("unknown"), 5);
  EXPECT_EQ(baseline.at("concurrent").at("chairman"), 6);

  const json& change = parsed.at("change");
  EXPECT_EQ(change.at("cadres"), 4);
  EXPECT_EQ(change.at("units"), json({{"total", 4}, {"large_minority", 0}}));
  EXPECT_EQ(change.at("concurrent"), json({{"chairman", -2}}));
  EXPECT_EQ(change.at("general_education"),
            json({{"upper_secondary", 9}, {"lower_secondary", -5}}));
  EXPECT_EQ(change.at("professional_level"),
            json({{"university", 28}, {"college", -3}, {"intermediate", -16}, {"unknown", -5}}));
  EXPECT_EQ(change.at("political_theory"), json({{"advanced", 22}, {"intermediate", -18}}));
  EXPECT_FALSE(change.contains("as_of"));
}

TEST(StatisticsJson, MarksAllUnits) {
  const Roster roster = province(soc_trang_2013());
  const Statistics statistics =
      compute_statistics(roster, {end_of_2013, Position::secretary, true});
  const json parsed = json::parse(to_json(statistics));
  EXPECT_EQ(parsed.at("all_units"), true);
  EXPECT_EQ(parsed.at("units").at("total"), 110) << "the district counts too";
}

TEST(StatisticsText, ReadsLikeTheSeed) {
  const std::string text = to_text(statistics_of(soc_trang_2013(), end_of_2013), Language::english);
  const auto lines = lines_of(text);
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines.front(), "Secretary statistics as of 2013-12-31 (commune-level units)");
  EXPECT_NE(
      text.find("Units: 109, of which 47/109 with a large ethnic minority population (43.1 %)"),
      std::string::npos)
      << text;
  EXPECT_NE(text.find("Also holding: 4/109 chairman of the People's Committee (3.7 %)\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("General education: 107/109 upper secondary (98.2 %), "
                      "2/109 lower secondary (1.8 %)\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("Professional level: 78/109 university (71.6 %), 17/109 college (15.6 %), "
                      "14/109 intermediate (12.8 %)\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("Political theory: 82/109 advanced or equivalent (75.2 %), "
                      "27/109 intermediate (24.8 %)\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("State management: 109/109 unknown (100.0 %)\n"), std::string::npos) << text;
}

TEST(StatisticsText, SpeaksVietnamese) {
  const std::string text =
      to_text(statistics_of(soc_trang_2013(), end_of_2013), Language::vietnamese);
  EXPECT_EQ(lines_of(text).front(), "Thống kê bí thư đến ngày 2013-12-31 (đơn vị cấp xã)");
  EXPECT_NE(text.find("Trình độ học vấn: 107/109 trung học phổ thông (98,2 %), "
                      "2/109 trung học cơ sở (1,8 %)\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("82/109 cao cấp và tương đương (75,2 %)"), std::string::npos) << text;
  EXPECT_NE(text.find("Kiêm nhiệm: 4/109 chủ tịch UBND (3,7 %)"), std::string::npos) << text;
}

TEST(StatisticsText, ShowsTheChangeSinceTheBaseline) {
  const Comparison comparison = compare(statistics_of(soc_trang_2013(), end_of_2013),
                                        statistics_of(soc_trang_2010(), end_of_2010));
  const std::string text = to_text(comparison, Language::english);
  EXPECT_NE(text.find("Baseline: as of 2010-12-31\n"), std::string::npos) << text;
  EXPECT_NE(text.find("Holders of the position: 109 (+4 since 2010-12-31)\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("107/109 upper secondary (98.2 %, +9 since 2010-12-31)"), std::string::npos)
      << text;
  EXPECT_NE(text.find("2/109 lower secondary (1.8 %, -5 since 2010-12-31)"), std::string::npos)
      << text;
  // Nobody's level is unknown any more: the vanished row still shows where it went.
  EXPECT_NE(text.find("0/109 unknown (0.0 %, -5 since 2010-12-31)"), std::string::npos) << text;
  EXPECT_NE(text.find("47/109 with a large ethnic minority population (43.1 %, unchanged since "
                      "2010-12-31)"),
            std::string::npos)
      << text;

  const std::string vietnamese = to_text(comparison, Language::vietnamese);
  EXPECT_NE(vietnamese.find("107/109 trung học phổ thông (98,2 %, +9 so với 2010-12-31)"),
            std::string::npos)
      << vietnamese;
}

TEST(StatisticsText, SameDateBaselineIsCalledTheBaseline) {
  const Comparison comparison = compare(statistics_of(soc_trang_2013(), end_of_2013),
                                        statistics_of(soc_trang_2010(), end_of_2013));
  const std::string text = to_text(comparison, Language::english);
  EXPECT_NE(text.find("(98.2 %, +9 vs the baseline)"), std::string::npos) << text;
}

TEST(StatisticsText, SaysNoneForAnEmptyDimension) {
  const std::string text = to_text(statistics_of(Shape{}, end_of_2013), Language::english);
  EXPECT_NE(text.find("Holders of the position: 0\n"), std::string::npos) << text;
  EXPECT_NE(text.find("General education: none\n"), std::string::npos) << text;
}

TEST(StatisticsCsv, HasOneRowPerDimensionAndCode) {
  std::ostringstream out;
  cadreplan::io::write_statistics_csv(out, statistics_of(soc_trang_2013(), end_of_2013));
  const auto rows = lines_of(out.str());
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows.front(), "dimension,code,count,share");
  const auto has = [&](const std::string& row) {
    return std::find(rows.begin(), rows.end(), row) != rows.end();
  };
  EXPECT_TRUE(has("cadres,secretary,109,"));
  EXPECT_TRUE(has("units,total,109,"));
  EXPECT_TRUE(has("units,large_minority,47,43.1"));
  EXPECT_TRUE(has("concurrent,chairman,4,3.7"));
  EXPECT_TRUE(has("concurrent,vice_chairman,0,0.0")) << "zeros stay, so tables line up";
  EXPECT_FALSE(has("concurrent,secretary,0,0.0"));
  EXPECT_TRUE(has("general_education,upper_secondary,107,98.2"));
  EXPECT_TRUE(has("political_theory,advanced,82,75.2"));
  EXPECT_FALSE(has("political_theory,bachelor,0,0.0")) << "bachelors are counted as advanced";
  EXPECT_FALSE(has("general_education,unknown,0,0.0"));
  EXPECT_TRUE(has("state_management,unknown,109,100.0"));
  for (const auto& row : rows) EXPECT_EQ(std::count(row.begin(), row.end(), ','), 3) << row;
}

TEST(StatisticsCsv, WithBaselineAddsBaselineCountAndChange) {
  const Comparison comparison = compare(statistics_of(soc_trang_2013(), end_of_2013),
                                        statistics_of(soc_trang_2010(), end_of_2010));
  std::ostringstream out;
  cadreplan::io::write_statistics_csv(out, comparison);
  const auto rows = lines_of(out.str());
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows.front(), "dimension,code,count,share,baseline_count,change");
  const auto has = [&](const std::string& row) {
    return std::find(rows.begin(), rows.end(), row) != rows.end();
  };
  EXPECT_TRUE(has("cadres,secretary,109,,105,4"));
  EXPECT_TRUE(has("general_education,upper_secondary,107,98.2,98,9"));
  EXPECT_TRUE(has("professional_level,unknown,0,0.0,5,-5"));
}

}  // namespace
