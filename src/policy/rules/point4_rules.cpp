// Point 4 of the policy: detect study outside the plan or outside the field the
// position needs, and counter degree-chasing.
#include "detail/cold.hpp"
#include "policy/rules/builtin_rules.hpp"
#include "policy/rules/rule_support.hpp"

namespace cadreplan::policy::rules {
namespace {

std::string mode_note(const model::ProfessionalQualification& qualification, model::Language language) {
  if (!qualification.mode) return "";
  return std::string(language == model::Language::english ? ", studied " : ", hệ ") +
         std::string(model::to_label(*qualification.mode, language));
}

class FieldRule final : public DocumentedRule {
 public:
  FieldRule(RuleInfo info, FieldFit fails_on) : DocumentedRule(std::move(info)), fails_on_(fails_on) {}

  void evaluate_cadre(const model::Cadre& cadre, const EvaluationContext& context,
                      FindingSink& sink) const override {
    const auto& field = cadre.professional.field;
    if (field.empty()) return;
    for (const auto& holding : standardised_holdings(context, cadre)) {
      if (context.field_fit(holding.position, field) == fails_on_) report(cadre, holding.position, context, sink);
    }
  }

 private:
  CADREPLAN_COLD void report(const model::Cadre& cadre, model::Position held, const EvaluationContext& context,
                             FindingSink& sink) const {
    const auto& field = cadre.professional.field;
    const Labels position = labels(held);
    const bool mismatch = fails_on_ == FieldFit::does_not_fit;
    const Described who = describe(cadre);
    Text fix = mismatch
                   ? Text{"Plan study in a fitting field (e.g. Party building and state "
                          "government, public administration, law, economics).",
                          "Bố trí học đúng chuyên ngành (xây dựng Đảng và chính quyền nhà nước, "
                          "hành chính, luật, kinh tế)."}
                   : Text{"Classify the field in the profile's [fields] section.",
                          "Bổ sung ngành vào danh mục ngành của hồ sơ tiêu chuẩn."};
    sink.report(cadre_finding(
        context, cadre,
        {{who, ", ", position.english, ": professional field '", field, "'",
          mode_note(cadre.professional, model::Language::english),
          mismatch ? " does not fit the position." : " is not in the profile's field list."},
         {"Đồng chí ", who, ", ", position.vietnamese, ": chuyên ngành '", field, "'",
          mode_note(cadre.professional, model::Language::vietnamese),
          mismatch ? " không phù hợp với chức danh." : " chưa có trong danh mục ngành."}},
        std::move(fix), field.str(), mismatch ? "fitting field" : "classified field"));
  }

  FieldFit fails_on_;
};

RuleInfo field_info(std::string id, Severity severity, Text title, Text description) {
  RuleInfo info;
  info.id = std::move(id);
  info.point = 4;
  info.default_severity = severity;
  info.scope = RuleScope::cadre;
  info.standardised_holders_only = true;
  info.title = std::move(title);
  info.description = std::move(description);
  info.source = "Policy point 4; STANDARDS.md field taxonomy ([fields] in the profile)";
  return info;
}

class UnplannedStudyRule final : public DocumentedRule {
 public:
  UnplannedStudyRule() : DocumentedRule(make_info()) {}

  void evaluate_cadre(const model::Cadre& cadre, const EvaluationContext& context,
                      FindingSink& sink) const override {
    if (standardised_holdings(context, cadre).empty()) return;
    const auto& qualification = cadre.professional;
    if (qualification.funding == model::Funding::self || qualification.planned == false) {
      report_qualification(cadre, context, sink);
    }
    for (const auto* record : context.trainings_of(cadre)) {
      if (context.as_of() < record->start_date) continue;
      if (record->funding == model::Funding::self || record->planned == false) {
        report_record(cadre, *record, context, sink);
      }
    }
  }

 private:
  CADREPLAN_COLD static void report_record(const model::Cadre& cadre, const model::TrainingRecord& record,
                                           const EvaluationContext& context, FindingSink& sink) {
    const bool self_funded = record.funding == model::Funding::self;
    const bool unplanned = record.planned == false;
    const Described who = describe(cadre);
    const std::string started = iso(record.start_date);
    Finding finding = cadre_finding(
        context, cadre,
        {{who, ": course ", record.course, " (", started, ") was ",
          reason(self_funded, unplanned, model::Language::english), "."},
         {"Đồng chí ", who, ": khóa ", record.course, " (", started, ") ",
          reason(self_funded, unplanned, model::Language::vietnamese), "."}},
        {"Bring further study into the approved plan, state-funded.",
         "Việc học tiếp theo phải theo kế hoạch được duyệt, bằng ngân sách."},
        self_funded ? "self" : "unplanned", "planned, state-funded");
    finding.year = record.start_date.year();
    sink.report(std::move(finding));
  }

  // Why a course or degree is judged: fixed texts, so handed out without building them.
  static std::string_view reason(bool self_funded, bool unplanned, model::Language language) {
    const bool english = language == model::Language::english;
    if (self_funded && unplanned) {
      return english ? "self-funded and outside the training plan"
                     : "tự túc kinh phí và ngoài kế hoạch đào tạo";
    }
    if (self_funded) return english ? "self-funded" : "tự túc kinh phí";
    if (unplanned) return english ? "outside the training plan" : "ngoài kế hoạch đào tạo";
    return {};
  }

  CADREPLAN_COLD static void report_qualification(const model::Cadre& cadre, const EvaluationContext& context,
                                                  FindingSink& sink) {
    const auto& qualification = cadre.professional;
    const bool self_funded = qualification.funding == model::Funding::self;
    const bool unplanned = qualification.planned == false;
    const std::string level = qualification.level ? std::string(model::to_code(*qualification.level)) : "unknown";
    const Described who = describe(cadre);
    const std::string_view field_separator = qualification.field.empty() ? "" : ", ";
    sink.report(cadre_finding(
        context, cadre,
        {{who, ": professional qualification (", level, field_separator, qualification.field,
                mode_note(qualification, model::Language::english), ") was ",
                reason(self_funded, unplanned, model::Language::english), "."},
         {"Đồng chí ", who, ": bằng chuyên môn (", level, field_separator, qualification.field,
                mode_note(qualification, model::Language::vietnamese), ") ",
                reason(self_funded, unplanned, model::Language::vietnamese), "."}},
        {"Review whether the qualification fits the position; weigh study results, not "
         "degrees, in appointments.",
         "Rà soát sự phù hợp của bằng cấp với chức danh; đánh giá theo kết quả học tập, không chạy "
         "theo bằng cấp."},
        self_funded ? "self" : "unplanned", "planned, state-funded"));
  }

  static RuleInfo make_info() {
    RuleInfo info;
    info.id = "point4.unplanned_study";
    info.point = 4;
    info.default_severity = Severity::warning;
    info.scope = RuleScope::cadre;
    info.standardised_holders_only = true;
    info.title = {"Study self-funded or outside the plan", "Học tự túc hoặc ngoài kế hoạch"};
    info.description = {
        "Fails for a holder of a standardised position whose professional qualification was "
        "self-funded or recorded as outside the plan, and once for each training record started "
        "on or before the as-of date that was self-funded or recorded as unplanned. Unknown "
        "funding or planning is not judged.",
        "Vi phạm khi bằng chuyên môn hoặc khóa học của cán bộ là tự túc kinh phí hoặc ngoài kế "
        "hoạch; thông tin chưa biết không bị xét."};
    info.source = "Policy point 4: detect study outside the plan, counter degree-chasing";
    return info;
  }
};

}  // namespace

std::unique_ptr<Rule> make_field_mismatch_rule() {
  return std::make_unique<FieldRule>(
      field_info("point4.field_mismatch", Severity::warning,
                 {"Professional field does not fit the position",
                  "Chuyên ngành không phù hợp với chức danh"},
                 {"Fails when a holder of a standardised position has a recorded professional "
                  "field that the profile lists as not fitting the position (matched with case "
                  "and diacritics folded, as whole words anywhere in the field). The message notes "
                  "bridging or distance study.",
                  "Vi phạm khi chuyên ngành đào tạo thuộc danh mục không phù hợp với chức danh."}),
      FieldFit::does_not_fit);
}

std::unique_ptr<Rule> make_field_unknown_rule() {
  return std::make_unique<FieldRule>(
      field_info("point4.field_unknown", Severity::info,
                 {"Professional field not classified", "Chuyên ngành chưa được phân loại"},
                 {"Reports a holder of a standardised position whose recorded field the profile "
                  "lists neither as fitting nor as not fitting, so it cannot be judged.",
                  "Báo cáo chuyên ngành chưa có trong danh mục phù hợp hoặc không phù hợp."}),
      FieldFit::unknown);
}

std::unique_ptr<Rule> make_unplanned_study_rule() { return std::make_unique<UnplannedStudyRule>(); }

}  // namespace cadreplan::policy::rules
