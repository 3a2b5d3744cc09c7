/// \file qualification.hpp
/// \brief Qualification levels (ordered) and the professional qualification of a cadre.
/// \ingroup model
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "cadreplan/model/code.hpp"
#include "cadreplan/model/interned_string.hpp"

namespace cadreplan::model {

/// General education (trình độ học vấn), in increasing order.
enum class GeneralEducation : std::uint8_t {
  primary,          ///< tiểu học
  lower_secondary,  ///< trung học cơ sở, 9/12
  upper_secondary,  ///< trung học phổ thông, 12/12 (10/10 in the old northern system)
};

/// Professional qualification level (trình độ chuyên môn), in increasing order.
enum class ProfessionalLevel : std::uint8_t {
  none,          ///< no professional qualification
  elementary,    ///< sơ cấp
  intermediate,  ///< trung cấp
  college,       ///< cao đẳng
  university,    ///< đại học
  master,        ///< thạc sĩ
  doctor,        ///< tiến sĩ
};

/// Political theory level (lý luận chính trị). `bachelor` ranks as `advanced`:
/// compare with political_theory_rank(), not with the enum's order.
enum class PoliticalTheory : std::uint8_t {
  none,          ///< none
  elementary,    ///< sơ cấp
  intermediate,  ///< trung cấp
  advanced,      ///< cao cấp (and equivalent)
  bachelor,      ///< cử nhân chính trị, ranks as advanced
};

/// The rank of a political theory level: bachelor and advanced share the top rank.
[[nodiscard]] constexpr int political_theory_rank(PoliticalTheory level) noexcept {
  return level == PoliticalTheory::bachelor ? static_cast<int>(PoliticalTheory::advanced)
                                            : static_cast<int>(level);
}

/// True when \p held reaches \p required (bachelor counts as advanced).
[[nodiscard]] constexpr bool meets(PoliticalTheory held, PoliticalTheory required) noexcept {
  return political_theory_rank(held) >= political_theory_rank(required);
}

/// State management training level (quản lý nhà nước), in increasing order.
enum class StateManagement : std::uint8_t {
  none,               ///< none
  officer,            ///< chuyên viên
  principal_officer,  ///< chuyên viên chính
  senior_officer,     ///< chuyên viên cao cấp
};

/// Mode of study (hệ đào tạo).
enum class StudyMode : std::uint8_t {
  full_time,   ///< chính quy
  in_service,  ///< vừa làm vừa học, tại chức
  bridging,    ///< liên thông
  distance,    ///< từ xa
};

/// Who paid for a qualification or training.
enum class Funding : std::uint8_t {
  state,  ///< ngân sách (the state budget)
  self,   ///< tự túc, tự bỏ kinh phí (the cadre)
  other,  ///< another source (agency, sponsor)
};

/// A cadre's professional qualification. Empty optionals mean "unknown", not "none".
struct ProfessionalQualification {
  std::optional<ProfessionalLevel> level;  ///< Level reached.
  InternedString field;                    ///< Field of study as written (free text).
  std::optional<StudyMode> mode;           ///< How it was studied.
  std::optional<Funding> funding;          ///< Who paid.
  std::optional<bool> planned;             ///< Whether the study was in the training plan.

  /// Qualifications compare member by member.
  friend bool operator==(const ProfessionalQualification&,
                         const ProfessionalQualification&) = default;
};

}  // namespace cadreplan::model
