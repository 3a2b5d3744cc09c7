// Point 3 of the policy: refresh Party-building knowledge and Party-work skills at
// least once a year for every secretary.
#include "cadreplan/policy/refresher_history.hpp"
#include "detail/cold.hpp"
#include "policy/rules/builtin_rules.hpp"
#include "policy/rules/rule_support.hpp"

namespace cadreplan::policy::rules {
namespace {

class AnnualRefresherRule final : public DocumentedRule {
 public:
  AnnualRefresherRule() : DocumentedRule(make_info()) {}

  void evaluate_cadre(const model::Cadre& cadre, const EvaluationContext& context,
                      FindingSink& sink) const override {
    if (!context.holds_in_commune(cadre, model::Position::secretary)) return;
    const auto kind = model::parse_code<model::TrainingKind>(context.string(*this, "kind"))
                          .value_or(model::TrainingKind::party_building);
    const auto minimum = context.integer(*this, "min_per_year");
    for (const auto& year : refresher_history(cadre, context, kind)) {
      if (!year.full_year || year.completed >= minimum) continue;
      sink.report(make_finding(cadre, context, year, minimum));
    }
  }

 private:
  CADREPLAN_COLD static Finding make_finding(const model::Cadre& cadre, const EvaluationContext& context,
                              const RefresherYear& year, std::int64_t minimum) {
    const std::string when = std::to_string(year.year);
    Text history;
    std::string actual;
    if (year.status == RefresherStatus::never_done) {
      history = {"has never completed a Party-building refresher",
                 "chưa từng hoàn thành lớp bồi dưỡng nghiệp vụ công tác đảng"};
      actual = "never";
    } else {
      const std::string last = std::to_string(*year.last_done_year);
      const std::string completed = std::to_string(year.completed);
      history = {{"completed ", completed, " Party-building refresher(s) in ", when, "; lapsed since ", last},
                 {"hoàn thành ", completed, " lớp bồi dưỡng nghiệp vụ công tác đảng năm ", when,
                  "; lần gần nhất năm ", last}};
      actual = year.status == RefresherStatus::lapsed ? "lapsed since " + last
                                                      : std::to_string(year.completed);
    }
    const Described who = describe(cadre);
    const std::string least = std::to_string(minimum);
    Finding finding = cadre_finding(
        context, cadre,
        {{who, ", secretary, ", history.english(), ": at least ", least, " required in ", when,
          " (policy point 3)."},
         {"Đồng chí ", who, ", bí thư, ", history.vietnamese(), ": năm ", when, " phải có ít nhất ", least,
          " lớp (giải pháp 3)."}},
        {"Enrol the secretary in this year's Party-building refresher at the provincial "
         "Political School.",
         "Cử bí thư tham gia lớp bồi dưỡng nghiệp vụ công tác đảng năm nay tại Trường Chính trị "
         "tỉnh."},
        actual, "at least " + least);
    finding.year = year.year;
    return finding;
  }

  static RuleInfo make_info() {
    RuleInfo info;
    info.id = "point3.annual_refresher";
    info.point = 3;
    info.default_severity = Severity::error;
    info.scope = RuleScope::cadre;
    info.title = {"No Party-building refresher in a year served",
                  "Không bồi dưỡng nghiệp vụ công tác đảng trong năm"};
    info.description = {
        "Fails once per calendar year for a sitting secretary who served that whole year within "
        "the current term (from 1 January, after both the term's start and the appointment, to "
        "31 December, on or before the as-of date) and completed fewer than min_per_year "
        "trainings of `kind` ending in that year. The message says whether the secretary never "
        "had one or has lapsed since a given year. The current, partial year is reported by "
        "refresher_history() but never fails.",
        "Vi phạm mỗi năm dương lịch bí thư giữ chức trọn năm trong nhiệm kỳ mà không hoàn thành "
        "đủ số lớp bồi dưỡng nghiệp vụ công tác đảng; thông báo phân biệt chưa từng học và đã "
        "gián đoạn từ năm nào."};
    info.source = "Policy point 3; Decree 101/2017/NĐ-CP, 171/2025/NĐ-CP art. 16.3";
    info.parameters = {
        {"kind", ParameterType::string, std::string("party_building"), {}, {},
         {"Training kind that counts.", "Loại hình bồi dưỡng được tính."}},
        {"min_per_year", ParameterType::integer, std::int64_t{1}, 1.0, 12.0,
         {"Completed trainings required per full calendar year.",
          "Số lớp phải hoàn thành mỗi năm."}},
    };
    return info;
  }
};

}  // namespace

std::unique_ptr<Rule> make_annual_refresher_rule() {
  return std::make_unique<AnnualRefresherRule>();
}

}  // namespace cadreplan::policy::rules
