#include "cadreplan/policy/position_standard.hpp"

#include <gtest/gtest.h>

#include "roster_builder.hpp"

namespace cadreplan::policy {
namespace {

using boost::gregorian::date;
using model::Area;
using model::GeneralEducation;
using model::PoliticalTheory;
using model::ProfessionalLevel;

model::Unit unit_in(std::optional<Area> area, std::optional<bool> large_minority = false) {
  model::Unit unit;
  unit.id = model::UnitId("U1");
  unit.kind = model::UnitKind::commune;
  unit.area = area;
  unit.large_minority = large_minority;
  return unit;
}

// The 2004 standard of the default profile (mountainous and disadvantaged exemptions).
const PositionStandard& standard_2004() {
  const auto* standard =
      testing::default_profile().standard_for(model::Position::secretary, date(2013, 12, 31));
  EXPECT_NE(standard, nullptr);
  return *standard;
}

TEST(PositionStandard, InForceFromFirstToLastDayInclusive) {
  const auto standard = testing::secretary_standard(date(2004, 1, 1), date(2023, 7, 31));
  EXPECT_FALSE(standard.in_force_on(date(2003, 12, 31)));
  EXPECT_TRUE(standard.in_force_on(date(2004, 1, 1)));
  EXPECT_TRUE(standard.in_force_on(date(2023, 7, 31)));
  EXPECT_FALSE(standard.in_force_on(date(2023, 8, 1)));
  const auto open = testing::secretary_standard(date(2025, 7, 1), std::nullopt);
  EXPECT_TRUE(open.in_force_on(date(9999, 12, 31)));
  EXPECT_FALSE(open.in_force_on(date(2025, 6, 30)));
}

TEST(EffectiveMinima, WithoutExemptionsAreTheStandardsMinima) {
  auto standard = testing::secretary_standard(date(2004, 1, 1), std::nullopt);
  standard.state_management = model::StateManagement::officer;
  const auto minima = effective_minima(standard, unit_in(Area::plains), date(2010, 7, 1));
  EXPECT_EQ(minima.general_education, GeneralEducation::upper_secondary);
  EXPECT_EQ(minima.professional_level, ProfessionalLevel::intermediate);
  EXPECT_EQ(minima.political_theory, PoliticalTheory::intermediate);
  EXPECT_EQ(minima.state_management, model::StateManagement::officer);
  EXPECT_EQ(minima.exemption, nullptr);
}

TEST(EffectiveMinima, MountainousIncumbentsAppointedBefore2004NeedOnlyElementary) {
  const auto& standard = standard_2004();
  const auto minima = effective_minima(standard, unit_in(Area::mountainous), date(2003, 5, 1));
  EXPECT_EQ(minima.professional_level, ProfessionalLevel::elementary);
  EXPECT_EQ(minima.general_education, GeneralEducation::upper_secondary);  // not exempted
  ASSERT_NE(minima.exemption, nullptr);
  EXPECT_EQ(minima.exemption->areas, std::vector<Area>{Area::mountainous});
}

TEST(EffectiveMinima, AppointedOnOrAfterTheCutOffMeetsTheFullStandard) {
  const auto& standard = standard_2004();
  // appointed_before is exclusive: taking the post on 1 January 2004 is a first-time holder.
  EXPECT_EQ(effective_minima(standard, unit_in(Area::mountainous), date(2004, 1, 1)).professional_level,
            ProfessionalLevel::intermediate);
  EXPECT_EQ(effective_minima(standard, unit_in(Area::mountainous), date(2003, 12, 31)).professional_level,
            ProfessionalLevel::elementary);
  EXPECT_EQ(effective_minima(standard, unit_in(Area::mountainous), date(2012, 3, 1)).exemption, nullptr);
}

TEST(EffectiveMinima, UnknownAppointmentDateCountsAsAnIncumbent) {
  const auto minima = effective_minima(standard_2004(), unit_in(Area::mountainous), std::nullopt);
  EXPECT_EQ(minima.professional_level, ProfessionalLevel::elementary);
}

TEST(EffectiveMinima, AreaExemptionsNeedAKnownMatchingArea) {
  const auto& standard = standard_2004();
  EXPECT_EQ(effective_minima(standard, unit_in(Area::plains), date(2003, 1, 1)).professional_level,
            ProfessionalLevel::intermediate);
  EXPECT_EQ(effective_minima(standard, unit_in(std::nullopt), date(2003, 1, 1)).professional_level,
            ProfessionalLevel::intermediate);
  const auto disadvantaged = effective_minima(standard, unit_in(Area::disadvantaged), date(2012, 1, 1));
  EXPECT_EQ(disadvantaged.general_education, GeneralEducation::lower_secondary);
  EXPECT_EQ(disadvantaged.professional_level, ProfessionalLevel::intermediate);
  ASSERT_NE(disadvantaged.exemption, nullptr);
  EXPECT_EQ(disadvantaged.exemption->areas, std::vector<Area>{Area::disadvantaged});
}

TEST(EffectiveMinima, LargeMinorityExemptionsNeedAKnownMatchingFlag) {
  auto standard = testing::secretary_standard(date(2004, 1, 1), std::nullopt);
  StandardExemption khmer;
  khmer.large_minority = true;
  khmer.political_theory = PoliticalTheory::elementary;
  khmer.source = "test";
  standard.exemptions = {khmer};
  EXPECT_EQ(effective_minima(standard, unit_in(Area::plains, true), std::nullopt).political_theory,
            PoliticalTheory::elementary);
  EXPECT_EQ(effective_minima(standard, unit_in(Area::plains, false), std::nullopt).political_theory,
            PoliticalTheory::intermediate);
  EXPECT_EQ(effective_minima(standard, unit_in(Area::plains, std::nullopt), std::nullopt).political_theory,
            PoliticalTheory::intermediate);
}

TEST(EffectiveMinima, MatchingExemptionsApplyInOrderEachReplacingOnlyWhatItSets) {
  auto standard = testing::secretary_standard(date(2004, 1, 1), std::nullopt);
  StandardExemption first;
  first.areas = {Area::mountainous, Area::disadvantaged};
  first.professional_level = ProfessionalLevel::elementary;
  first.general_education = GeneralEducation::lower_secondary;
  StandardExemption second;
  second.areas = {Area::mountainous};
  second.appointed_before = date(2004, 1, 1);
  second.professional_level = ProfessionalLevel::none;
  StandardExemption third;
  third.areas = {Area::urban};
  third.political_theory = PoliticalTheory::none;
  standard.exemptions = {first, second, third};

  const auto incumbent = effective_minima(standard, unit_in(Area::mountainous), date(2000, 1, 1));
  EXPECT_EQ(incumbent.professional_level, ProfessionalLevel::none);          // second wins
  EXPECT_EQ(incumbent.general_education, GeneralEducation::lower_secondary); // first kept
  EXPECT_EQ(incumbent.political_theory, PoliticalTheory::intermediate);     // third does not match
  EXPECT_EQ(incumbent.exemption, &standard.exemptions[1]);

  const auto newcomer = effective_minima(standard, unit_in(Area::mountainous), date(2010, 1, 1));
  EXPECT_EQ(newcomer.professional_level, ProfessionalLevel::elementary);
  EXPECT_EQ(newcomer.exemption, &standard.exemptions[0]);
}

}  // namespace
}  // namespace cadreplan::policy
