// Unknown is not none (FORMATS.md): a missing qualification cannot be judged
// against a standard, so it gets its own finding instead of a guessed pass or fail.
#include "detail/cold.hpp"
#include "policy/rules/builtin_rules.hpp"
#include "policy/rules/rule_support.hpp"

namespace cadreplan::policy::rules {
namespace {

class MissingQualificationRule final : public DocumentedRule {
 public:
  MissingQualificationRule() : DocumentedRule(make_info()) {}

  void evaluate_cadre(const model::Cadre& cadre, const EvaluationContext& context,
                      FindingSink& sink) const override {
    if (standardised_holdings(context, cadre).empty()) return;
    if (cadre.general_education && cadre.professional.level && cadre.political_theory) return;
    report_missing(cadre, context, sink);
  }

 private:
  CADREPLAN_COLD static void report_missing(const model::Cadre& cadre, const EvaluationContext& context,
                                            FindingSink& sink) {
    std::string missing_codes;
    std::string missing_english;
    std::string missing_vietnamese;
    auto note = [&](bool known, std::string_view code, const char* english, const char* vietnamese) {
      if (known) return;
      const char* separator = missing_codes.empty() ? "" : ", ";
      // Appended piece by piece: GCC 12's -Wrestrict misfires on `std::string + ...` at -O3.
      if (!missing_codes.empty()) missing_codes += ';';
      missing_codes += code;
      (missing_english += separator) += english;
      (missing_vietnamese += separator) += vietnamese;
    };
    note(cadre.general_education.has_value(), "general_education", "general education",
         "trình độ học vấn");
    note(cadre.professional.level.has_value(), "professional_level", "professional level",
         "trình độ chuyên môn");
    note(cadre.political_theory.has_value(), "political_theory", "political theory",
         "lý luận chính trị");
    const Described who = describe(cadre);
    sink.report(cadre_finding(
        context, cadre,
        {{who, ": not recorded: ", missing_english, "; the position standards cannot be checked."},
         {"Đồng chí ", who, ": chưa có dữ liệu về ", missing_vietnamese,
          "; không thể kiểm tra tiêu chuẩn chức danh."}},
        {"Complete the cadre's record from the personnel file.",
         "Bổ sung hồ sơ cán bộ từ lý lịch."},
        "unknown:" + missing_codes, "recorded"));
  }

  static RuleInfo make_info() {
    RuleInfo info;
    info.id = "data.missing_qualification";
    info.point = 0;
    info.default_severity = Severity::warning;
    info.scope = RuleScope::cadre;
    info.standardised_holders_only = true;
    info.title = {"Qualification not recorded", "Thiếu dữ liệu trình độ"};
    info.description = {
        "Fails when a cadre holding a standardised position has no recorded general "
        "education, professional level or political theory: an empty cell means unknown, "
        "which the standard rules neither pass nor fail.",
        "Vi phạm khi cán bộ giữ chức danh có tiêu chuẩn chưa có dữ liệu trình độ học vấn, "
        "chuyên môn hoặc lý luận chính trị: ô trống là chưa biết, không phải là không có."};
    info.source = "FORMATS.md: empty cells mean unknown";
    return info;
  }
};

}  // namespace

std::unique_ptr<Rule> make_missing_qualification_rule() {
  return std::make_unique<MissingQualificationRule>();
}

}  // namespace cadreplan::policy::rules
