#include "cadreplan/model/code.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "cadreplan/model/cadre.hpp"
#include "cadreplan/model/position.hpp"
#include "cadreplan/model/qualification.hpp"
#include "cadreplan/model/training.hpp"
#include "cadreplan/model/unit.hpp"

namespace cadreplan::model {
namespace {

template <class E>
void expect_codes_round_trip() {
  std::set<std::string> codes;
  std::size_t position = 0;
  for (E value : all_codes<E>()) {
    // The spelling tables must list the values in enum order (to_code indexes them).
    EXPECT_EQ(static_cast<std::size_t>(value), position++);
    const std::string code(to_code(value));
    EXPECT_TRUE(codes.insert(code).second) << "duplicate code " << code;
    EXPECT_EQ(parse_code<E>(code), value) << code;
    EXPECT_EQ(parse_code<E>(to_label(value, Language::vietnamese)), value) << code;
    EXPECT_EQ(parse_code<E>(to_label(value, Language::english)), value) << code;
  }
  EXPECT_FALSE(parse_code<E>("no such code").has_value());
  EXPECT_FALSE(parse_code<E>("").has_value());
}

TEST(Codes, EveryEnumRoundTripsThroughItsSpellings) {
  expect_codes_round_trip<UnitKind>();
  expect_codes_round_trip<Area>();
  expect_codes_round_trip<Position>();
  expect_codes_round_trip<GeneralEducation>();
  expect_codes_round_trip<ProfessionalLevel>();
  expect_codes_round_trip<PoliticalTheory>();
  expect_codes_round_trip<StateManagement>();
  expect_codes_round_trip<StudyMode>();
  expect_codes_round_trip<Funding>();
  expect_codes_round_trip<Gender>();
  expect_codes_round_trip<TrainingKind>();
  expect_codes_round_trip<TrainingStatus>();
}

TEST(Codes, GeneralEducationNotations) {
  EXPECT_EQ(parse_code<GeneralEducation>("12/12"), GeneralEducation::upper_secondary);
  EXPECT_EQ(parse_code<GeneralEducation>("10/10"), GeneralEducation::upper_secondary);
  EXPECT_EQ(parse_code<GeneralEducation>("9/12"), GeneralEducation::lower_secondary);
  EXPECT_EQ(parse_code<GeneralEducation>("7/10"), GeneralEducation::lower_secondary);
  EXPECT_EQ(parse_code<GeneralEducation>("THPT"), GeneralEducation::upper_secondary);
  EXPECT_EQ(parse_code<GeneralEducation>("thcs"), GeneralEducation::lower_secondary);
  EXPECT_EQ(parse_code<GeneralEducation>("Trung học cơ sở"), GeneralEducation::lower_secondary);
  EXPECT_EQ(parse_code<GeneralEducation>("trung hoc pho thong"),
            GeneralEducation::upper_secondary);
  EXPECT_EQ(parse_code<GeneralEducation>("Tiểu học"), GeneralEducation::primary);
}

TEST(Codes, VietnameseLabelsWithAndWithoutDiacriticsInAnyCase) {
  EXPECT_EQ(parse_code<ProfessionalLevel>("Đại học"), ProfessionalLevel::university);
  EXPECT_EQ(parse_code<ProfessionalLevel>("DAI HOC"), ProfessionalLevel::university);
  EXPECT_EQ(parse_code<ProfessionalLevel>("kỹ sư"), ProfessionalLevel::university);
  EXPECT_EQ(parse_code<ProfessionalLevel>("Cao đẳng"), ProfessionalLevel::college);
  EXPECT_EQ(parse_code<ProfessionalLevel>("trung cap"), ProfessionalLevel::intermediate);
  EXPECT_EQ(parse_code<PoliticalTheory>("Cao cấp và tương đương"), PoliticalTheory::advanced);
  EXPECT_EQ(parse_code<PoliticalTheory>("cử nhân chính trị"), PoliticalTheory::bachelor);
  EXPECT_EQ(parse_code<StateManagement>("Chuyên viên chính"),
            StateManagement::principal_officer);
  EXPECT_EQ(parse_code<StateManagement>("chuyen vien"), StateManagement::officer);
  EXPECT_EQ(parse_code<UnitKind>("Thị trấn"), UnitKind::township);
  EXPECT_EQ(parse_code<UnitKind>("PHƯỜNG"), UnitKind::ward);
  EXPECT_EQ(parse_code<UnitKind>("dac khu"), UnitKind::special_zone);
  EXPECT_EQ(parse_code<Position>("Bí thư"), Position::secretary);
  EXPECT_EQ(parse_code<Position>("phó bí thư"), Position::deputy_secretary);
  EXPECT_EQ(parse_code<Position>("Chủ tịch UBND"), Position::chairman);
  EXPECT_EQ(parse_code<Position>("chủ tịch HĐND"), Position::council_chair);
  EXPECT_EQ(parse_code<StudyMode>("tại chức"), StudyMode::in_service);
  EXPECT_EQ(parse_code<StudyMode>("Liên thông"), StudyMode::bridging);
  EXPECT_EQ(parse_code<Funding>("tự bỏ kinh phí"), Funding::self);
  EXPECT_EQ(parse_code<Area>("Miền núi"), Area::mountainous);
  EXPECT_EQ(parse_code<TrainingKind>("kỹ năng"), TrainingKind::skills);
  EXPECT_EQ(parse_code<Gender>("Nữ"), Gender::female);
}

TEST(Codes, NfdInputMatches) {
  // "Đại học" with every mark decomposed (NFD), as some spreadsheets on macOS write it.
  const std::string nfd = "\xC4\x90" "a\xCC\xA3i ho\xCC\xA3" "c";
  EXPECT_EQ(parse_code<ProfessionalLevel>(nfd), ProfessionalLevel::university);
}

TEST(Codes, InvalidUtf8IsUnknownNotACrash) {
  EXPECT_FALSE(parse_code<ProfessionalLevel>("\xFF\xFE").has_value());
}

TEST(Codes, SimilarLabelsStayDistinct) {
  // "chủ tịch HĐND" must not be read as the People's Committee chairman.
  EXPECT_NE(parse_code<Position>("chủ tịch HĐND"), Position::chairman);
  EXPECT_NE(parse_code<StateManagement>("chuyên viên cao cấp"), StateManagement::officer);
  EXPECT_EQ(parse_code<StateManagement>("chuyên viên cao cấp"), StateManagement::senior_officer);
}

TEST(Codes, LevelsAreTotallyOrdered) {
  EXPECT_LT(GeneralEducation::lower_secondary, GeneralEducation::upper_secondary);
  EXPECT_LT(ProfessionalLevel::college, ProfessionalLevel::university);
  EXPECT_LT(StateManagement::officer, StateManagement::principal_officer);
  EXPECT_TRUE(meets(PoliticalTheory::bachelor, PoliticalTheory::advanced));
  EXPECT_TRUE(meets(PoliticalTheory::advanced, PoliticalTheory::bachelor));
  EXPECT_FALSE(meets(PoliticalTheory::intermediate, PoliticalTheory::advanced));
  EXPECT_TRUE(meets(PoliticalTheory::intermediate, PoliticalTheory::intermediate));
}

TEST(Codes, CommuneLevelKinds) {
  EXPECT_TRUE(is_commune_level(UnitKind::commune));
  EXPECT_TRUE(is_commune_level(UnitKind::ward));
  EXPECT_TRUE(is_commune_level(UnitKind::township));
  EXPECT_TRUE(is_commune_level(UnitKind::special_zone));
  EXPECT_FALSE(is_commune_level(UnitKind::other));
}

TEST(Codes, LabelsPrintInBothLanguages) {
  EXPECT_EQ(to_label(GeneralEducation::upper_secondary, Language::english), "upper secondary");
  EXPECT_EQ(to_label(GeneralEducation::upper_secondary, Language::vietnamese),
            "trung học phổ thông");
  EXPECT_EQ(to_code(PoliticalTheory::bachelor), "bachelor");
}

}  // namespace
}  // namespace cadreplan::model
