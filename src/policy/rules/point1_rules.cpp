// Point 1 of the policy: training concentrated in accredited providers, and
// political theory paired with the practical skills of a secretary.
#include <string_view>

#include "policy/month_arithmetic.hpp"
#include "detail/cold.hpp"
#include "policy/rules/builtin_rules.hpp"
#include "policy/rules/rule_support.hpp"

namespace cadreplan::policy::rules {
namespace {

using boost::gregorian::date;

class AccreditedProviderRule final : public DocumentedRule {
 public:
  AccreditedProviderRule() : DocumentedRule(make_info()) {}

  void evaluate_cadre(const model::Cadre& cadre, const EvaluationContext& context,
                      FindingSink& sink) const override {
    if (context.profile().accredited_providers.empty()) return;  // no list: nothing to judge
    // Judged cadre by cadre, while the cadre's records are in the cache for the other
    // rules (a pass of its own over five million records was a third of `check`). A
    // roster names few providers many times: the context matches each name once.
    for (const auto* record : context.trainings_of(cadre)) {
      if (context.as_of() < record->start_date || record->status == model::TrainingStatus::cancelled) continue;
      if (record->provider.empty() || context.is_accredited(record->provider)) continue;
      report_unaccredited(cadre, *record, context, sink);
    }
  }

 private:
  CADREPLAN_COLD static void report_unaccredited(const model::Cadre& cadre, const model::TrainingRecord& record,
                                  const EvaluationContext& context, FindingSink& sink) {
    const Described who = describe(cadre);
    const std::string started = iso(record.start_date);
    Finding finding = cadre_finding(
        context, cadre,
        {{who, ": course ", record.course, " (", started, ") was given by ", record.provider,
                ", which is not an accredited provider."},
         {"Đồng chí ", who, ": lớp ", record.course, " (", started, ") do ", record.provider,
                " tổ chức, không thuộc danh sách cơ sở đào tạo được công nhận."}},
        {"Train through the provincial Political School or another accredited provider; "
         "add the provider to the profile's list if it has been accredited.",
         "Đào tạo tại Trường Chính trị tỉnh hoặc cơ sở được công nhận; bổ sung vào danh sách "
         "nếu cơ sở đã được công nhận."},
        record.provider.str(), "accredited provider");
    finding.year = record.start_date.year();
    sink.report(std::move(finding));
  }

  static RuleInfo make_info() {
    RuleInfo info;
    info.id = "point1.accredited_provider";
    info.point = 1;
    info.default_severity = Severity::warning;
    info.scope = RuleScope::cadre;
    info.title = {"Training from a provider that is not accredited",
                  "Đào tạo tại cơ sở chưa được công nhận"};
    info.description = {
        "Fails for each training record that started on or before the as-of date, is not "
        "cancelled, and names a provider that is not in the profile's accredited list "
        "(compared with case and diacritics folded). Records with no provider are unknown and "
        "not judged; a profile with an empty list disables the rule.",
        "Vi phạm với mỗi khóa học đã bắt đầu, không bị hủy, do cơ sở ngoài danh sách được công "
        "nhận tổ chức."};
    info.source = "Policy point 1: concentrate training in one unified system";
    return info;
  }
};

class SkillsPairingRule final : public DocumentedRule {
 public:
  SkillsPairingRule() : DocumentedRule(make_info()) {}

  void evaluate_cadre(const model::Cadre& cadre, const EvaluationContext& context,
                      FindingSink& sink) const override {
    if (!context.holds_in_commune(cadre, model::Position::secretary)) return;
    const int window = static_cast<int>(context.integer(*this, "window_months"));
    const auto records = context.trainings_of(cadre);
    for (const auto* theory : records) {
      if (theory->kind != model::TrainingKind::political_theory || !theory->completed()) continue;
      if (context.as_of() < theory->end_date || theory->end_date < context.current_term().start()) continue;
      // Not `± months(...)`: Boost snaps month ends (30 April + 1 month = 31 May).
      const date from = detail::add_months(theory->start_date, -window);
      const date to = detail::add_months(theory->end_date, window);
      const bool paired = std::any_of(records.begin(), records.end(), [&](const auto* skills) {
        return skills->kind == model::TrainingKind::skills &&
               skills->status != model::TrainingStatus::cancelled &&
               skills->status != model::TrainingStatus::failed && from <= skills->start_date &&
               skills->start_date <= to;
      });
      if (!paired) report_unpaired(cadre, *theory, window, context, sink);
    }
  }

 private:
  CADREPLAN_COLD static void report_unpaired(const model::Cadre& cadre, const model::TrainingRecord& theory,
                                             int window, const EvaluationContext& context, FindingSink& sink) {
    const Described who = describe(cadre);
    const std::string ended = iso(theory.end_date);
    Finding finding = cadre_finding(
        context, cadre,
        {{who, " completed political theory course ", theory.course, " on ", ended,
          " with no secretary-skills module within ", std::to_string(window), " months."},
         {"Đồng chí ", who, " hoàn thành lớp ", theory.course, " ngày ", ended,
          " nhưng không học kèm kỹ năng nghiệp vụ bí thư."}},
        {"Enrol the secretary in the secretary-skills module.", "Cử đi học lớp kỹ năng nghiệp vụ bí thư."},
        "no skills module", "skills module");
    finding.year = theory.end_date.year();
    sink.report(std::move(finding));
  }

  static RuleInfo make_info() {
    RuleInfo info;
    info.id = "point1.skills_pairing";
    info.point = 1;
    info.default_severity = Severity::info;
    info.scope = RuleScope::cadre;
    info.title = {"Political theory not paired with secretary skills",
                  "Lý luận chính trị chưa gắn với kỹ năng nghiệp vụ"};
    info.description = {
        "Fails for a sitting secretary who completed a political theory course during the "
        "current term (on or before the as-of date) and has no skills training (not failed or "
        "cancelled) starting within window_months before the course's start or after its end.",
        "Vi phạm khi bí thư hoàn thành lớp lý luận chính trị trong nhiệm kỳ mà không có lớp kỹ "
        "năng trong khoảng thời gian quy định."};
    info.source = "Policy point 1: pair political theory with the practical skills of a secretary";
    info.parameters.push_back({"window_months", ParameterType::integer, std::int64_t{12}, 0.0,
                               120.0,
                               {"Months around the political theory course in which a skills "
                                "module counts as paired.",
                                "Số tháng trước/sau lớp lý luận chính trị để tính là học kèm."}});
    return info;
  }
};

}  // namespace

std::unique_ptr<Rule> make_accredited_provider_rule() {
  return std::make_unique<AccreditedProviderRule>();
}
std::unique_ptr<Rule> make_skills_pairing_rule() { return std::make_unique<SkillsPairingRule>(); }

}  // namespace cadreplan::policy::rules
