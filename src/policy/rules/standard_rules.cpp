// Position standards (point 0): each qualification dimension is one rule, so a
// province can disable or re-grade one dimension without touching the others.
#include <optional>

#include "detail/cold.hpp"
#include "policy/rules/builtin_rules.hpp"
#include "policy/rules/rule_support.hpp"

namespace cadreplan::policy::rules {
namespace {

using model::Language;

/// How one qualification dimension is read and compared (plain functions, not
/// std::function: each is called for every subject of the standards).
template <class Level>
struct Dimension {
  Text name;  // "political theory" / "lý luận chính trị"
  std::optional<Level> (*held)(const model::Cadre&);
  std::optional<Level> (*required)(const EffectiveMinima&);
  bool (*meets)(Level, Level);
  Text how_to_fix;  // "a political theory course" / "lớp lý luận chính trị"
};

template <class Level>
class LevelStandardRule final : public DocumentedRule {
 public:
  LevelStandardRule(RuleInfo info, Dimension<Level> dimension)
      : DocumentedRule(std::move(info)), dimension_(std::move(dimension)) {}

  void evaluate_cadre(const model::Cadre& cadre, const EvaluationContext& context,
                      FindingSink& sink) const override {
    // Most cadres hold no standardised position: that answer is in the memo, so it is
    // asked first.
    const auto holdings = standardised_holdings(context, cadre);
    if (holdings.empty()) return;
    const auto held = dimension_.held(cadre);
    if (!held) return;  // unknown is reported by data.missing_qualification, not guessed here
    for (const auto& holding : holdings) {
      const auto minima = effective_minima(*holding.standard, context.unit_of(cadre), holding.since);
      const auto required = dimension_.required(minima);
      if (!required || dimension_.meets(*held, *required)) continue;
      sink.report(make_finding(context, cadre, holding, *held, *required, minima));
    }
  }

 private:
  CADREPLAN_COLD Finding make_finding(const EvaluationContext& context, const model::Cadre& cadre,
                       const StandardisedHolding& holding, Level held, Level required,
                       const EffectiveMinima& minima) const {
    const auto& unit = context.unit_of(cadre);
    const Labels position = labels(holding.position);
    const Labels held_label = labels(held);
    const Labels required_label = labels(required);
    const std::string source =
        minima.exemption != nullptr && !minima.exemption->source.empty()
            ? holding.standard->source + "; " + minima.exemption->source
            : holding.standard->source;
    const Described who = describe(cadre);
    const Described where = describe(unit);
    const std::string cited = cite(source);
    Text fix = worded(context, {{"Plan ", dimension_.how_to_fix.english(), " conferring ", required_label.english,
                                 " or higher, state-funded and in the position's field."},
                                {"Đưa vào kế hoạch ", dimension_.how_to_fix.vietnamese(), " đạt trình độ ",
                                 required_label.vietnamese, " trở lên, bằng ngân sách, đúng chuyên ngành."}});
    return cadre_finding(
        context, cadre,
        {{who, ", ", position.english, " of ", where, ": ", dimension_.name.english(), " is ", held_label.english,
          ", below the required ", required_label.english, cited, "."},
         {"Đồng chí ", who, ", ", position.vietnamese, " ", where, ": ", dimension_.name.vietnamese(), " ",
          held_label.vietnamese, ", thấp hơn mức tối thiểu ", required_label.vietnamese, cited, "."}},
        std::move(fix), std::string(model::to_code(held)), std::string(model::to_code(required)));
  }

  Dimension<Level> dimension_;
};

RuleInfo standard_info(std::string id, Text title, Text description) {
  RuleInfo info;
  info.id = std::move(id);
  info.point = 0;
  info.default_severity = Severity::error;
  info.scope = RuleScope::cadre;
  info.standardised_holders_only = true;
  info.title = std::move(title);
  info.description = std::move(description);
  info.source = "the profile's position standards ([[standards]])";
  return info;
}

template <class Level>
bool at_least(Level held, Level required) {
  return held >= required;
}

}  // namespace

std::unique_ptr<Rule> make_general_education_rule() {
  return std::make_unique<LevelStandardRule<model::GeneralEducation>>(
      standard_info("standard.general_education",
                    {"General education below the position's minimum",
                     "Trình độ học vấn thấp hơn tiêu chuẩn chức danh"},
                    {"Fails when a cadre holding a standardised position at commune level on the "
                     "as-of date has a recorded general education below the minimum of the "
                     "standard in force that day (after the unit's exemptions). An unknown value "
                     "is not judged here (see data.missing_qualification).",
                     "Vi phạm khi cán bộ giữ chức danh có tiêu chuẩn ở cấp xã vào ngày đánh giá "
                     "có trình độ học vấn thấp hơn mức tối thiểu của tiêu chuẩn đang có hiệu lực "
                     "(sau khi áp dụng ngoại lệ của đơn vị)."}),
      Dimension<model::GeneralEducation>{
          {"general education", "trình độ học vấn"},
          [](const model::Cadre& cadre) { return cadre.general_education; },
          [](const EffectiveMinima& minima) { return minima.general_education; },
          at_least<model::GeneralEducation>,
          {"complementary upper-secondary education", "bổ túc văn hóa"}});
}

std::unique_ptr<Rule> make_professional_level_rule() {
  return std::make_unique<LevelStandardRule<model::ProfessionalLevel>>(
      standard_info("standard.professional_level",
                    {"Professional qualification below the position's minimum",
                     "Trình độ chuyên môn thấp hơn tiêu chuẩn chức danh"},
                    {"Fails when a cadre holding a standardised position has a recorded "
                     "professional level below the minimum in force on the as-of date (after "
                     "exemptions, e.g. for incumbents of mountainous units under the 2004 "
                     "standard).",
                     "Vi phạm khi trình độ chuyên môn của cán bộ thấp hơn mức tối thiểu của tiêu "
                     "chuẩn đang có hiệu lực (sau khi áp dụng ngoại lệ)."}),
      Dimension<model::ProfessionalLevel>{
          {"professional qualification", "trình độ chuyên môn"},
          [](const model::Cadre& cadre) { return cadre.professional.level; },
          [](const EffectiveMinima& minima) { return minima.professional_level; },
          at_least<model::ProfessionalLevel>,
          {"a degree programme", "khóa đào tạo chuyên môn"}});
}

std::unique_ptr<Rule> make_political_theory_rule() {
  return std::make_unique<LevelStandardRule<model::PoliticalTheory>>(
      standard_info("standard.political_theory",
                    {"Political theory below the position's minimum",
                     "Trình độ lý luận chính trị thấp hơn tiêu chuẩn chức danh"},
                    {"Fails when a cadre holding a standardised position has a recorded political "
                     "theory level below the minimum in force on the as-of date; a bachelor of "
                     "politics ranks as advanced.",
                     "Vi phạm khi trình độ lý luận chính trị thấp hơn mức tối thiểu; cử nhân chính "
                     "trị được tính như cao cấp."}),
      Dimension<model::PoliticalTheory>{
          {"political theory", "lý luận chính trị"},
          [](const model::Cadre& cadre) { return cadre.political_theory; },
          [](const EffectiveMinima& minima) { return minima.political_theory; },
          [](model::PoliticalTheory held, model::PoliticalTheory required) {
            return model::meets(held, required);
          },
          {"a political theory course", "lớp lý luận chính trị"}});
}

std::unique_ptr<Rule> make_state_management_rule() {
  auto info = standard_info(
      "standard.state_management",
      {"State management training below the position's minimum",
       "Trình độ quản lý nhà nước thấp hơn tiêu chuẩn chức danh"},
      {"Fails when a cadre holding a standardised position has a recorded state management "
       "level below the minimum in force; the default profile sets no minimum, so the rule is "
       "silent until a province sets one.",
       "Vi phạm khi trình độ quản lý nhà nước thấp hơn mức tối thiểu; hồ sơ mặc định không đặt "
       "mức tối thiểu."});
  info.default_severity = Severity::warning;
  return std::make_unique<LevelStandardRule<model::StateManagement>>(
      std::move(info),
      Dimension<model::StateManagement>{
          {"state management training", "trình độ quản lý nhà nước"},
          [](const model::Cadre& cadre) { return cadre.state_management; },
          [](const EffectiveMinima& minima) { return minima.state_management; },
          at_least<model::StateManagement>,
          {"a state management programme", "lớp bồi dưỡng quản lý nhà nước"}});
}

}  // namespace cadreplan::policy::rules
