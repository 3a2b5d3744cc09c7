// Pins the bundled Sóc Trăng rosters to the figures the seed reports for the end of 2013,
// so a change to the data, the loader or the statistics that moves a figure fails here.
#include <gtest/gtest.h>

#include <filesystem>

#include "cadreplan/io/roster_csv.hpp"
#include "cadreplan/report/comparison.hpp"
#include "cadreplan/report/statistics.hpp"

namespace {

using boost::gregorian::date;
using cadreplan::model::GeneralEducation;
using cadreplan::model::PoliticalTheory;
using cadreplan::model::Position;
using cadreplan::model::ProfessionalLevel;
using cadreplan::report::compute_statistics;
using cadreplan::report::Statistics;

const std::filesystem::path data = std::filesystem::path(CADREPLAN_SOURCE_DIR) / "examples/data";

cadreplan::model::Roster load(const char* name) {
  return cadreplan::io::load_roster_csv(data / name).roster;
}

TEST(BundledData, SocTrang2013HasTheSeedsFigures) {
  const Statistics statistics =
      compute_statistics(load("soc-trang-2013"), {date(2013, 12, 31), Position::secretary, false});

  EXPECT_EQ(statistics.cadres, 109u);
  EXPECT_EQ(statistics.units.total, 109u);
  EXPECT_EQ(statistics.units.large_minority, 47u);
  EXPECT_EQ(statistics.concurrent.count(Position::chairman), 4u);

  EXPECT_EQ(statistics.general_education.count(GeneralEducation::upper_secondary), 107u);
  EXPECT_EQ(statistics.general_education.count(GeneralEducation::lower_secondary), 2u);
  EXPECT_EQ(statistics.general_education.total(), 109u) << "nothing else, nothing unknown";

  EXPECT_EQ(statistics.professional_level.count(ProfessionalLevel::university), 78u);
  EXPECT_EQ(statistics.professional_level.count(ProfessionalLevel::college), 17u);
  EXPECT_EQ(statistics.professional_level.count(ProfessionalLevel::intermediate), 14u);
  EXPECT_EQ(statistics.professional_level.total(), 109u);

  EXPECT_EQ(statistics.political_theory.count(PoliticalTheory::advanced), 82u);
  EXPECT_EQ(statistics.political_theory.count(PoliticalTheory::intermediate), 27u);
  EXPECT_EQ(statistics.political_theory.total(), 109u);
}

TEST(BundledData, QualificationsRoseSinceTheStartOfTheTerm) {
  const Statistics now =
      compute_statistics(load("soc-trang-2013"), {date(2013, 12, 31), Position::secretary, false});
  const Statistics then =
      compute_statistics(load("soc-trang-2010"), {date(2010, 12, 31), Position::secretary, false});
  const auto progress = cadreplan::report::compare(now, then);

  // "Qualifications rose strongly since the start of the term": more university degrees
  // and more advanced political theory than at the start, the same communes.
  EXPECT_GT(then.cadres, 0u);
  EXPECT_EQ(progress.change.units_total, 0);
  EXPECT_GT(progress.change.professional_level.count(ProfessionalLevel::university), 0);
  EXPECT_GT(progress.change.political_theory.count(PoliticalTheory::advanced), 0);
  EXPECT_GE(progress.change.general_education.count(GeneralEducation::upper_secondary), 0);
}

}  // namespace
