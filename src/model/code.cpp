// Spelling tables of every code enum. One table per enum: the English code, the
// Vietnamese label and the customary alternative notations; parse_code() folds
// all of them (case, diacritics, Unicode form) into one lookup map built once.
#include "cadreplan/model/code.hpp"

#include <array>
#include <string>
#include <unordered_map>

#include "cadreplan/model/cadre.hpp"
#include "cadreplan/model/position.hpp"
#include "cadreplan/model/qualification.hpp"
#include "cadreplan/model/training.hpp"
#include "cadreplan/model/unit.hpp"
#include "cadreplan/text/fold.hpp"

namespace cadreplan::model {
namespace {

template <class E>
struct Spelling {
  E value;
  std::string_view code;
  std::string_view english_label;
  std::string_view vietnamese_label;
  std::array<std::string_view, 6> aliases{};
};

template <class E>
struct Table;

template <>
struct Table<UnitKind> {
  static constexpr std::string_view kind = "kind";
  static constexpr std::array<Spelling<UnitKind>, 5> rows{{
      {UnitKind::commune, "commune", "commune", "xã", {}},
      {UnitKind::ward, "ward", "ward", "phường", {}},
      {UnitKind::township, "township", "township", "thị trấn", {"town"}},
      {UnitKind::special_zone, "special_zone", "special zone", "đặc khu", {}},
      {UnitKind::other, "other", "other", "khác", {}},
  }};
};

template <>
struct Table<Area> {
  static constexpr std::string_view kind = "area";
  static constexpr std::array<Spelling<Area>, 4> rows{{
      {Area::plains, "plains", "plains", "đồng bằng", {"lowland"}},
      {Area::urban, "urban", "urban", "đô thị", {}},
      {Area::mountainous, "mountainous", "mountainous", "miền núi", {}},
      {Area::disadvantaged, "disadvantaged", "disadvantaged", "đặc biệt khó khăn",
       {"vùng đặc biệt khó khăn"}},
  }};
};

template <>
struct Table<Position> {
  static constexpr std::string_view kind = "position";
  static constexpr std::array<Spelling<Position>, 6> rows{{
      {Position::secretary, "secretary", "secretary", "bí thư",
       {"bí thư đảng ủy", "bí thư đảng uỷ"}},
      {Position::deputy_secretary, "deputy_secretary", "deputy secretary", "phó bí thư",
       {"phó bí thư đảng ủy", "phó bí thư đảng uỷ"}},
      {Position::chairman, "chairman", "chairman of the People's Committee", "chủ tịch UBND",
       {"chủ tịch", "chủ tịch ủy ban nhân dân", "chủ tịch uỷ ban nhân dân", "chairman ubnd"}},
      {Position::vice_chairman, "vice_chairman", "vice chairman of the People's Committee",
       "phó chủ tịch UBND",
       {"phó chủ tịch", "phó chủ tịch ủy ban nhân dân", "phó chủ tịch uỷ ban nhân dân"}},
      {Position::council_chair, "council_chair", "chair of the People's Council",
       "chủ tịch HĐND",
       {"chủ tịch hội đồng nhân dân"}},
      {Position::other, "other", "other", "khác", {}},
  }};
};

template <>
struct Table<GeneralEducation> {
  static constexpr std::string_view kind = "general_education";
  static constexpr std::array<Spelling<GeneralEducation>, 3> rows{{
      {GeneralEducation::primary, "primary", "primary", "tiểu học", {"5/12", "4/10"}},
      {GeneralEducation::lower_secondary, "lower_secondary", "lower secondary",
       "trung học cơ sở", {"THCS", "9/12", "7/10", "cấp 2"}},
      {GeneralEducation::upper_secondary, "upper_secondary", "upper secondary",
       "trung học phổ thông", {"THPT", "12/12", "10/10", "cấp 3", "bổ túc THPT"}},
  }};
};

template <>
struct Table<ProfessionalLevel> {
  static constexpr std::string_view kind = "professional_level";
  static constexpr std::array<Spelling<ProfessionalLevel>, 7> rows{{
      {ProfessionalLevel::none, "none", "none", "không", {"chưa qua đào tạo", "chưa có"}},
      {ProfessionalLevel::elementary, "elementary", "elementary", "sơ cấp", {}},
      {ProfessionalLevel::intermediate, "intermediate", "intermediate", "trung cấp", {}},
      {ProfessionalLevel::college, "college", "college", "cao đẳng", {}},
      {ProfessionalLevel::university, "university", "university", "đại học",
       {"cử nhân", "kỹ sư", "kĩ sư", "bachelor"}},
      {ProfessionalLevel::master, "master", "master", "thạc sĩ", {"thạc sỹ"}},
      {ProfessionalLevel::doctor, "doctor", "doctor", "tiến sĩ", {"tiến sỹ", "phd"}},
  }};
};

template <>
struct Table<PoliticalTheory> {
  static constexpr std::string_view kind = "political_theory";
  static constexpr std::array<Spelling<PoliticalTheory>, 5> rows{{
      {PoliticalTheory::none, "none", "none", "không", {"chưa có"}},
      {PoliticalTheory::elementary, "elementary", "elementary", "sơ cấp", {}},
      {PoliticalTheory::intermediate, "intermediate", "intermediate", "trung cấp",
       {"trung cấp và tương đương"}},
      {PoliticalTheory::advanced, "advanced", "advanced", "cao cấp",
       {"cao cấp và tương đương"}},
      {PoliticalTheory::bachelor, "bachelor", "bachelor of politics", "cử nhân chính trị",
       {"cử nhân"}},
  }};
};

template <>
struct Table<StateManagement> {
  static constexpr std::string_view kind = "state_management";
  static constexpr std::array<Spelling<StateManagement>, 4> rows{{
      {StateManagement::none, "none", "none", "không", {"chưa có"}},
      {StateManagement::officer, "officer", "officer", "chuyên viên", {}},
      {StateManagement::principal_officer, "principal_officer", "principal officer",
       "chuyên viên chính", {}},
      {StateManagement::senior_officer, "senior_officer", "senior officer",
       "chuyên viên cao cấp", {}},
  }};
};

template <>
struct Table<StudyMode> {
  static constexpr std::string_view kind = "professional_mode";
  static constexpr std::array<Spelling<StudyMode>, 4> rows{{
      {StudyMode::full_time, "full_time", "full-time", "chính quy", {}},
      {StudyMode::in_service, "in_service", "in-service", "vừa làm vừa học", {"tại chức"}},
      {StudyMode::bridging, "bridging", "bridging", "liên thông", {}},
      {StudyMode::distance, "distance", "distance", "từ xa", {"đào tạo từ xa"}},
  }};
};

template <>
struct Table<Funding> {
  static constexpr std::string_view kind = "funding";
  static constexpr std::array<Spelling<Funding>, 3> rows{{
      {Funding::state, "state", "state budget", "ngân sách", {"ngân sách nhà nước"}},
      {Funding::self, "self", "self-funded", "tự túc", {"tự bỏ kinh phí", "tự túc kinh phí"}},
      {Funding::other, "other", "other", "khác", {}},
  }};
};

template <>
struct Table<Gender> {
  static constexpr std::string_view kind = "gender";
  static constexpr std::array<Spelling<Gender>, 2> rows{{
      {Gender::male, "male", "male", "nam", {"m"}},
      {Gender::female, "female", "female", "nữ", {"f"}},
  }};
};

template <>
struct Table<TrainingKind> {
  static constexpr std::string_view kind = "kind";
  static constexpr std::array<Spelling<TrainingKind>, 6> rows{{
      {TrainingKind::political_theory, "political_theory", "political theory",
       "lý luận chính trị", {"LLCT"}},
      {TrainingKind::party_building, "party_building", "Party-building refresher",
       "bồi dưỡng nghiệp vụ công tác đảng",
       {"nghiệp vụ công tác đảng", "công tác đảng", "xây dựng đảng"}},
      {TrainingKind::state_management, "state_management", "state management",
       "quản lý nhà nước", {"QLNN"}},
      {TrainingKind::professional, "professional", "professional", "chuyên môn", {}},
      {TrainingKind::skills, "skills", "skills", "kỹ năng", {"kĩ năng"}},
      {TrainingKind::other, "other", "other", "khác", {}},
  }};
};

template <>
struct Table<TrainingStatus> {
  static constexpr std::string_view kind = "status";
  static constexpr std::array<Spelling<TrainingStatus>, 5> rows{{
      {TrainingStatus::planned, "planned", "planned", "kế hoạch", {"dự kiến"}},
      {TrainingStatus::in_progress, "in_progress", "in progress", "đang học", {}},
      {TrainingStatus::completed, "completed", "completed", "hoàn thành", {"đã hoàn thành"}},
      {TrainingStatus::failed, "failed", "failed", "không đạt", {}},
      {TrainingStatus::cancelled, "cancelled", "cancelled", "hủy", {"huỷ", "bỏ học"}},
  }};
};

template <class E>
const Spelling<E>& row_of(E value) noexcept {
  // Tables list the values in enum order; this is checked by the unit tests.
  return Table<E>::rows[static_cast<std::size_t>(value)];
}

template <class E>
std::unordered_map<std::string, E> build_lookup() {
  std::unordered_map<std::string, E> lookup;
  for (const auto& row : Table<E>::rows) {
    lookup.emplace(text::fold(row.code), row.value);
    lookup.emplace(text::fold(row.english_label), row.value);
    lookup.emplace(text::fold(row.vietnamese_label), row.value);
    for (std::string_view alias : row.aliases) {
      if (!alias.empty()) lookup.emplace(text::fold(alias), row.value);
    }
  }
  return lookup;
}

template <class E>
std::array<E, std::tuple_size_v<decltype(Table<E>::rows)>> values_of() noexcept {
  std::array<E, std::tuple_size_v<decltype(Table<E>::rows)>> values{};
  for (std::size_t i = 0; i < values.size(); ++i) values[i] = Table<E>::rows[i].value;
  return values;
}

}  // namespace

template <class E>
std::string_view to_code(E value) noexcept {
  return row_of(value).code;
}

template <class E>
std::string_view to_label(E value, Language language) noexcept {
  return language == Language::vietnamese ? row_of(value).vietnamese_label
                                          : row_of(value).english_label;
}

template <class E>
std::optional<E> parse_code(std::string_view text) {
  // Fast path for the English code, the common case in machine-written files.
  for (const auto& row : Table<E>::rows) {
    if (row.code == text) return row.value;
  }
  if (!text::is_valid_utf8(text)) return std::nullopt;
  static const auto lookup = build_lookup<E>();
  const auto found = lookup.find(text::fold(text));
  if (found == lookup.end()) return std::nullopt;
  return found->second;
}

template <class E>
std::span<const E> all_codes() noexcept {
  static const auto values = values_of<E>();
  return values;
}

template <class E>
std::string_view code_kind_name() noexcept {
  return Table<E>::kind;
}

#define CADREPLAN_INSTANTIATE_CODE(E)                                  \
  template std::string_view to_code<E>(E) noexcept;                    \
  template std::string_view to_label<E>(E, Language) noexcept;         \
  template std::optional<E> parse_code<E>(std::string_view);           \
  template std::span<const E> all_codes<E>() noexcept;                 \
  template std::string_view code_kind_name<E>() noexcept;

CADREPLAN_INSTANTIATE_CODE(UnitKind)
CADREPLAN_INSTANTIATE_CODE(Area)
CADREPLAN_INSTANTIATE_CODE(Position)
CADREPLAN_INSTANTIATE_CODE(GeneralEducation)
CADREPLAN_INSTANTIATE_CODE(ProfessionalLevel)
CADREPLAN_INSTANTIATE_CODE(PoliticalTheory)
CADREPLAN_INSTANTIATE_CODE(StateManagement)
CADREPLAN_INSTANTIATE_CODE(StudyMode)
CADREPLAN_INSTANTIATE_CODE(Funding)
CADREPLAN_INSTANTIATE_CODE(Gender)
CADREPLAN_INSTANTIATE_CODE(TrainingKind)
CADREPLAN_INSTANTIATE_CODE(TrainingStatus)

#undef CADREPLAN_INSTANTIATE_CODE

}  // namespace cadreplan::model
