#include "cadreplan/policy/eligibility.hpp"

#include <algorithm>
#include <stdexcept>

#include "policy/month_arithmetic.hpp"
#include "policy/rules/rule_support.hpp"

namespace cadreplan::policy {
namespace {

using boost::gregorian::date;

using detail::months_between;

class Reasons {
 public:
  void against(std::string code, Text text, bool blocking = true) {
    reasons_.push_back({false, blocking, std::move(code), std::move(text)});
  }
  void in_favour(std::string code, Text text) {
    reasons_.push_back({true, false, std::move(code), std::move(text)});
  }
  EligibilityDecision decide() && {
    std::stable_sort(reasons_.begin(), reasons_.end(), [](const auto& a, const auto& b) {
      return a.blocking > b.blocking;
    });
    const bool eligible = std::none_of(reasons_.begin(), reasons_.end(),
                                       [](const auto& reason) { return reason.blocking; });
    return {eligible, std::move(reasons_)};
  }

 private:
  std::vector<EligibilityReason> reasons_;
};

template <class Level, class Meets>
void check_level(Reasons& reasons, const std::string& code, const Text& name,
                 std::optional<Level> held, std::optional<Level> required, Meets meets) {
  if (!required) return;
  const rules::Labels required_label = rules::labels(*required);
  if (!held) {
    reasons.against(code, {{name.english(), " is not recorded; ", required_label.english, " is required"},
                           {name.vietnamese(), " chưa có dữ liệu; yêu cầu ", required_label.vietnamese}});
    return;
  }
  const rules::Labels held_label = rules::labels(*held);
  if (meets(*held, *required)) {
    reasons.in_favour(code, {{name.english(), " ", held_label.english, " meets the minimum ",
                              required_label.english},
                             {name.vietnamese(), " ", held_label.vietnamese, " đạt mức tối thiểu ",
                              required_label.vietnamese}});
  } else {
    reasons.against(code, {{name.english(), " ", held_label.english, " is below the minimum ",
                            required_label.english},
                           {name.vietnamese(), " ", held_label.vietnamese, " thấp hơn mức tối thiểu ",
                            required_label.vietnamese}});
  }
}

void check_standard(Reasons& reasons, const model::Cadre& cadre, const model::Unit& unit,
                    const PositionStandard& standard, date day) {
  const auto minima = effective_minima(standard, unit, day);  // a first-time appointment on `day`
  const auto at_least = [](auto held, auto required) { return held >= required; };
  check_level(reasons, "standard.general_education", {"General education", "Trình độ học vấn"},
              cadre.general_education, minima.general_education, at_least);
  check_level(reasons, "standard.professional_level", {"Professional level", "Trình độ chuyên môn"},
              cadre.professional.level, minima.professional_level, at_least);
  check_level(reasons, "standard.political_theory", {"Political theory", "Lý luận chính trị"},
              cadre.political_theory, minima.political_theory,
              [](model::PoliticalTheory held, model::PoliticalTheory required) { return model::meets(held, required); });
  check_level(reasons, "standard.state_management", {"State management", "Quản lý nhà nước"},
              cadre.state_management, minima.state_management, at_least);
  if (standard.max_age_at_appointment && cadre.age(day) > *standard.max_age_at_appointment) {
    const std::string age = std::to_string(cadre.age(day));
    const std::string limit = std::to_string(*standard.max_age_at_appointment);
    reasons.against("standard.age", {"Age " + age + " exceeds the maximum " + limit + " for taking the post",
                                     "Tuổi " + age + " vượt quá tuổi tối đa " + limit + " khi nhận chức"});
  }
}

void check_career(Reasons& reasons, const Profile& profile, const model::Cadre& cadre,
                  model::Position position, date day) {
  const date retirement = profile.retirement.retirement_date(cadre.birth_date, cadre.gender);
  const int months_left = months_between(day, retirement);
  const int needed = profile.eligibility.min_months_to_retirement;
  if (months_left < needed) {
    reasons.against("career.retirement", {std::to_string(std::max(months_left, 0)) + " months to retirement (" +
                                              rules::iso(retirement) + "), fewer than the " +
                                              std::to_string(needed) + " a first appointment needs",
                                          "Còn " + std::to_string(std::max(months_left, 0)) +
                                              " tháng đến tuổi nghỉ hưu, ít hơn " + std::to_string(needed) +
                                              " tháng yêu cầu"});
  }
  // Months in the current post: the latest other position held on the day.
  std::optional<date> current_since;
  for (const auto& holding : cadre.positions) {
    if (holding.position == position || !holding.held_on(day) || !holding.since) continue;
    if (!current_since || *current_since < *holding.since) current_since = holding.since;
  }
  if (current_since && months_between(*current_since, day) < profile.eligibility.min_months_in_post) {
    const std::string months = std::to_string(months_between(*current_since, day));
    reasons.against("career.time_in_post",
                    {months + " months in the current post, fewer than the " +
                         std::to_string(profile.eligibility.min_months_in_post) + " required",
                     months + " tháng ở vị trí hiện tại, chưa đủ " +
                         std::to_string(profile.eligibility.min_months_in_post) + " tháng"});
  }
}

void check_study_record(Reasons& reasons, const model::Roster& roster, const Profile& profile,
                        const model::Cadre& cadre, model::Position position, date day) {
  const date since = day - boost::gregorian::years(profile.eligibility.study_record_years);
  const auto index = static_cast<std::size_t>(roster.cadre_index(cadre.id));
  for (std::uint32_t training_index : roster.trainings_of_cadre(index)) {
    const auto& record = roster.trainings()[training_index];
    if (record.end_date < since || day < record.start_date) continue;
    if (record.status == model::TrainingStatus::failed || record.status == model::TrainingStatus::cancelled) {
      const bool failed = record.status == model::TrainingStatus::failed;
      reasons.against(failed ? "study.failed" : "study.abandoned",
                      {"Course " + record.course + " (" + rules::iso(record.start_date) + ") was " +
                           (failed ? "failed" : "abandoned"),
                       "Khóa " + record.course + " (" + rules::iso(record.start_date) + ") " +
                           (failed ? "không đạt" : "bỏ dở")});
    } else if (record.completed() && record.end_date <= day) {
      reasons.in_favour("study.completed", {"Completed " + record.course + " on " + rules::iso(record.end_date),
                                            "Hoàn thành khóa " + record.course + " ngày " + rules::iso(record.end_date)});
    }
  }
  if (!cadre.professional.field.empty() &&
      profile.fields.classify(position, cadre.professional.field) == FieldFit::does_not_fit) {
    reasons.against("point4.field_mismatch",
                    {"Professional field '" + cadre.professional.field + "' does not fit the position",
                     "Chuyên ngành '" + cadre.professional.field + "' không phù hợp với chức danh"});
  }
  if (cadre.professional.funding == model::Funding::self || cadre.professional.planned == false) {
    reasons.against("point4.unplanned_study",
                    {"The professional qualification was obtained outside the training plan",
                     "Bằng chuyên môn có được ngoài kế hoạch đào tạo"},
                    /*blocking=*/false);
  }
}

}  // namespace

EligibilityDecision is_eligible(const model::Roster& roster, const Profile& profile,
                                const model::Cadre& cadre, model::Position position, date day) {
  const auto* unit = roster.find_unit(cadre.unit_id);
  if (roster.find_cadre(cadre.id) == nullptr || unit == nullptr) {
    throw std::invalid_argument("cadre '" + cadre.id.str() + "' is not in the roster");
  }
  Reasons reasons;
  if (const auto* standard = rules::standard_on(profile, position, day)) {
    check_standard(reasons, cadre, *unit, *standard, day);
  }
  check_career(reasons, profile, cadre, position, day);
  check_study_record(reasons, roster, profile, cadre, position, day);
  return std::move(reasons).decide();
}

}  // namespace cadreplan::policy
