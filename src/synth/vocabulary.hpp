// The words synthetic rosters are made of: name parts, place syllables, minorities,
// fields of study, providers and courses. All invented combinations of common parts;
// every string is UTF-8 in NFC, as the CSV loader would store it.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace cadreplan::synth::vocabulary {

/// A word and how often it is drawn.
struct Weighted {
  std::string_view text;
  std::uint32_t weight;
};

inline constexpr std::array<Weighted, 16> kinh_surnames{{
    {"Nguyễn", 38}, {"Trần", 11}, {"Lê", 9}, {"Phạm", 7}, {"Hoàng", 5}, {"Huỳnh", 4},
    {"Phan", 4}, {"Vũ", 4}, {"Võ", 4}, {"Đặng", 2}, {"Bùi", 2}, {"Đỗ", 2}, {"Hồ", 2},
    {"Ngô", 2}, {"Dương", 2}, {"Lý", 1}}};
inline constexpr std::array<std::string_view, 8> middle_male{
    "Văn", "Văn", "Văn", "Minh", "Thanh", "Hữu", "Quốc", "Công"};
inline constexpr std::array<std::string_view, 6> middle_female{
    "Thị", "Thị", "Thị", "Ngọc", "Thanh", "Kim"};
inline constexpr std::array<std::string_view, 24> given_male{
    "Hùng", "Dũng", "Tuấn", "Phong", "Hải", "Bình", "Thắng", "Tâm", "Nghĩa", "Phúc",
    "Trung", "Khánh", "Lợi", "Toàn", "Hiếu", "Hòa", "Cường", "Đức", "Long", "Quang",
    "Sơn", "Nam", "Tín", "Lộc"};
inline constexpr std::array<std::string_view, 16> given_female{
    "Lan", "Hoa", "Hương", "Thảo", "Nga", "Hạnh", "Trang", "Mai", "Thúy", "Phượng",
    "Ngân", "Huyền", "Liên", "Loan", "Xuân", "Tuyết"};
inline constexpr std::array<std::string_view, 12> khmer_given{
    "Sô Phal", "Sóc Khine", "Sà Rương", "Sa Mết", "Chăn Thy", "Sa Rinh", "Sa Rây",
    "Chanh Đa", "Sa Ni", "Sà Quênh", "Sóc Phia", "Thà Ri"};

/// An ethnic minority and its common surnames.
struct Minority {
  std::string_view name;
  std::array<std::string_view, 4> surnames;
};

inline constexpr std::array<Minority, 9> minorities{{
    {"Khmer", {"Thạch", "Sơn", "Danh", "Kim"}},
    {"Tày", {"Hoàng", "Nông", "Lương", "Ma"}},
    {"Thái", {"Lò", "Cầm", "Lường", "Quàng"}},
    {"Mường", {"Bùi", "Đinh", "Quách", "Hà"}},
    {"H'Mông", {"Giàng", "Vàng", "Sùng", "Thào"}},
    {"Nùng", {"Nông", "Hoàng", "Lương", "Vi"}},
    {"Dao", {"Triệu", "Bàn", "Đặng", "Lý"}},
    {"Gia Rai", {"Ksor", "Rơ Mah", "Siu", "Rơ Châm"}},
    {"Chăm", {"Đàng", "Thành", "Thiên", "Lưu"}},
}};

inline constexpr std::array<std::string_view, 24> place_syllables{
    "Tân", "Phú", "An", "Bình", "Hòa", "Long", "Mỹ", "Thạnh", "Vĩnh", "Đông", "Tây", "Hưng",
    "Lợi", "Thuận", "Phước", "Xuân", "Trung", "Hiệp", "Quang", "Thành", "Sơn", "Lạc",
    "Khánh", "Định"};

/// Fields of study that fit a secretary (the default profile's taxonomy), with weights;
/// the rural ones only outside wards.
inline constexpr std::array<Weighted, 5> fitting_fields{{
    {"Xây dựng Đảng và chính quyền nhà nước", 3}, {"Luật", 3}, {"Kinh tế", 2},
    {"Quản lý nhà nước", 3}, {"Hành chính học", 2}}};
inline constexpr std::array<std::string_view, 2> rural_fields{"Nông nghiệp",
                                                               "Phát triển nông thôn"};
/// Fields the seed names as not fitting the position.
inline constexpr std::array<std::string_view, 3> unfitting_fields{"Môi trường", "Địa chính",
                                                                   "Kế toán"};

inline constexpr std::string_view school_prefix = "Trường Chính trị tỉnh ";
inline constexpr std::string_view centre_prefix = "Trung tâm Bồi dưỡng chính trị huyện ";
inline constexpr std::array<std::string_view, 4> regional_academies{
    "Học viện Chính trị khu vực I", "Học viện Chính trị khu vực II",
    "Học viện Chính trị khu vực III", "Học viện Chính trị khu vực IV"};
inline constexpr std::string_view administration_academy = "Học viện Hành chính quốc gia";
inline constexpr std::array<std::string_view, 3> universities{
    "Trường Đại học Luật Hà Nội", "Trường Đại học Kinh tế Quốc dân",
    "Trường Đại học Cần Thơ"};
/// Providers outside the profile's accredited list (point 1 findings).
inline constexpr std::array<std::string_view, 2> unaccredited_providers{
    "Trung tâm Tư vấn Giáo dục ABC", "Công ty Đào tạo Kỹ năng Việt"};

inline constexpr std::array<std::string_view, 4> passing_results{"Giỏi", "Khá",
                                                                  "Trung bình khá", "Đạt"};
inline constexpr std::string_view failing_result = "Không đạt";

}  // namespace cadreplan::synth::vocabulary
