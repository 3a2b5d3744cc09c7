#include "cadreplan/planning/catalogue.hpp"

#include <gtest/gtest.h>

#include "cadreplan/planning/qualification_gap.hpp"
#include "plan_fixture.hpp"

namespace cadreplan::planning {
namespace {

using boost::gregorian::date;
using model::PoliticalTheory;
using model::ProfessionalLevel;
using model::TrainingKind;

Course theory_course(const std::string& id) {
  return testing::course(id, TrainingKind::political_theory, 8, 180, {3, 9},
                         QualificationLevel(PoliticalTheory::intermediate),
                         QualificationLevel(PoliticalTheory::none), 120);
}

TEST(QualificationLevel, RanksWithinItsDimension) {
  const QualificationLevel advanced(PoliticalTheory::advanced);
  const QualificationLevel bachelor(PoliticalTheory::bachelor);
  EXPECT_EQ(advanced.dimension(), Dimension::political_theory);
  EXPECT_EQ(advanced.rank(), bachelor.rank());  // a bachelor of politics ranks as advanced
  EXPECT_NE(advanced, bachelor);
  EXPECT_LT(QualificationLevel(ProfessionalLevel::college).rank(),
            QualificationLevel(ProfessionalLevel::university).rank());
  EXPECT_EQ(advanced.code(), "advanced");
  EXPECT_EQ(QualificationLevel(ProfessionalLevel::university).label(model::Language::vietnamese),
            "đại học");
  EXPECT_EQ(advanced.as<PoliticalTheory>(), PoliticalTheory::advanced);
  EXPECT_FALSE(advanced.as<ProfessionalLevel>());
}

TEST(QualificationLevel, ParsesEverySpellingOfItsDimension) {
  EXPECT_EQ(QualificationLevel::parse(Dimension::political_theory, "Cao cấp"),
            QualificationLevel(PoliticalTheory::advanced));
  EXPECT_EQ(QualificationLevel::parse(Dimension::professional_level, "dai hoc"),
            QualificationLevel(ProfessionalLevel::university));
  EXPECT_EQ(QualificationLevel::parse(Dimension::state_management, "chuyên viên chính"),
            QualificationLevel(model::StateManagement::principal_officer));
  EXPECT_FALSE(QualificationLevel::parse(Dimension::political_theory, "university"));
}

TEST(QualificationLevel, NamesDimensionsAndTheirRules) {
  EXPECT_EQ(to_code(Dimension::professional_level), "professional_level");
  EXPECT_EQ(standard_rule_id(Dimension::general_education), "standard.general_education");
  EXPECT_EQ(dimension_of(TrainingKind::professional), Dimension::professional_level);
  EXPECT_EQ(dimension_of(TrainingKind::state_management), Dimension::state_management);
  EXPECT_FALSE(dimension_of(TrainingKind::party_building));
  EXPECT_FALSE(dimension_of(TrainingKind::skills));
}

TEST(QualificationLevel, ConferringKeepsAHigherLevel) {
  model::Cadre cadre;
  confer(cadre, PoliticalTheory::intermediate);  // unknown becomes the conferred level
  EXPECT_EQ(cadre.political_theory, PoliticalTheory::intermediate);
  cadre.political_theory = PoliticalTheory::bachelor;
  confer(cadre, PoliticalTheory::advanced);  // bachelor already ranks as advanced
  EXPECT_EQ(cadre.political_theory, PoliticalTheory::bachelor);
  cadre.professional.level = ProfessionalLevel::college;
  confer(cadre, ProfessionalLevel::university);
  EXPECT_EQ(cadre.professional.level, ProfessionalLevel::university);
  EXPECT_EQ(held_level(cadre, Dimension::professional_level),
            QualificationLevel(ProfessionalLevel::university));
  EXPECT_FALSE(held_level(cadre, Dimension::general_education));
}

TEST(QualificationGap, ListsShortfallsAndUnknownsInDimensionOrder) {
  model::Cadre cadre;
  cadre.political_theory = PoliticalTheory::elementary;
  cadre.professional.level = ProfessionalLevel::university;
  policy::EffectiveMinima minima;
  minima.general_education = model::GeneralEducation::upper_secondary;  // unknown
  minima.professional_level = ProfessionalLevel::intermediate;          // met
  minima.political_theory = PoliticalTheory::advanced;                  // two short
  const auto gap = qualification_gap(cadre, minima);
  ASSERT_EQ(gap.shortfalls.size(), 1u);
  EXPECT_EQ(gap.shortfalls[0].dimension(), Dimension::political_theory);
  EXPECT_EQ(gap.shortfalls[0].steps(), 2);
  EXPECT_EQ(gap.steps(), 2);
  EXPECT_FALSE(gap.met());
  EXPECT_NE(gap.in(Dimension::political_theory), nullptr);
  EXPECT_EQ(gap.in(Dimension::professional_level), nullptr);
  EXPECT_EQ(gap.unknown, std::vector<Dimension>{Dimension::general_education});
}

TEST(QualificationGap, FindsTheStandardInForceOrRefusesAGap) {
  const auto& profile = testing::default_profile();
  const auto* standard = standard_in_force(profile, model::Position::secretary, date(2024, 1, 1));
  ASSERT_NE(standard, nullptr);
  EXPECT_EQ(standard->professional_level, ProfessionalLevel::university);
  EXPECT_EQ(standard_in_force(profile, model::Position::chairman, date(2024, 1, 1)), nullptr);
  EXPECT_THROW((void)standard_in_force(profile, model::Position::secretary, date(2003, 1, 1)),
               std::invalid_argument);
}

TEST(Catalogue, IndexesCoursesById) {
  const auto catalogue = Catalogue::build({theory_course("TC"), testing::refresher("BD")});
  EXPECT_EQ(catalogue.size(), 2u);
  EXPECT_FALSE(catalogue.empty());
  ASSERT_NE(catalogue.find(model::CourseId("BD")), nullptr);
  EXPECT_EQ(catalogue.find(model::CourseId("BD"))->kind, TrainingKind::party_building);
  EXPECT_EQ(catalogue.find(model::CourseId("XX")), nullptr);
  EXPECT_EQ(catalogue.courses()[0].id.str(), "TC");
}

TEST(Catalogue, RejectsImpossibleCourses) {
  auto expect_rejected = [](Course course, const std::string& words) {
    try {
      (void)Catalogue::build({std::move(course)});
      ADD_FAILURE() << "accepted: " << words;
    } catch (const CatalogueError& error) {
      EXPECT_NE(std::string(error.what()).find(words), std::string::npos) << error.what();
    }
  };
  auto course = theory_course("TC");
  course.days = 0;
  expect_rejected(course, "days must be at least 1");
  course = theory_course("TC");
  course.start_months = {9, 3};
  expect_rejected(course, "increasing");
  course.start_months = {13};
  expect_rejected(course, "no month 13");
  course = theory_course("TC");
  course.confers = QualificationLevel(ProfessionalLevel::university);
  expect_rejected(course, "not a political_theory one");
  course = testing::refresher("BD");
  course.confers = QualificationLevel(PoliticalTheory::intermediate);
  expect_rejected(course, "confers no level");
  course = theory_course("TC");
  course.prerequisite = QualificationLevel(PoliticalTheory::advanced);
  expect_rejected(course, "above the level it confers");
  course = theory_course("TC");
  course.cost = -1;
  expect_rejected(course, "cost");
  EXPECT_THROW((void)Catalogue::build({theory_course("TC"), theory_course("TC")}), CatalogueError);
  EXPECT_THROW((void)Catalogue::build({theory_course("")}), CatalogueError);
}

TEST(Course, StartsInItsMonthsAndLastsItsDays) {
  auto course = theory_course("TC");
  EXPECT_TRUE(course.starts_in(3));
  EXPECT_FALSE(course.starts_in(4));
  EXPECT_EQ(course.end_for(date(2016, 3, 1)), date(2016, 8, 27));  // 180 days, first included
  course.start_months.clear();
  EXPECT_TRUE(course.starts_in(4));  // no months: every month
}

}  // namespace
}  // namespace cadreplan::planning
