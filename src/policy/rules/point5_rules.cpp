// Point 5 of the policy: a sufficient training budget for commune secretaries,
// spent on training.
#include "policy/rules/builtin_rules.hpp"
#include "policy/rules/rule_support.hpp"

namespace cadreplan::policy::rules {
namespace {

/// Budget lines of a commune-level unit from the current term's first year up to
/// the as-of year (`completed_years_only` stops before an unfinished year).
template <class Visit>
void for_each_budget_line(const model::Unit& unit, const EvaluationContext& context,
                          bool completed_years_only, Visit visit) {
  if (!model::is_commune_level(unit.kind)) return;
  const auto as_of = context.as_of();
  const bool year_complete = as_of.month() == 12 && as_of.day() == 31;
  const int last_year = static_cast<int>(as_of.year()) - (completed_years_only && !year_complete ? 1 : 0);
  const auto index = static_cast<std::size_t>(context.roster().index_of(unit));
  for (std::uint32_t line_index : context.roster().budgets_of_unit(index)) {
    const auto& line = context.roster().budgets()[line_index];
    if (line.year < context.current_term().start().year() || line.year > last_year) continue;
    visit(line);
  }
}

class BudgetFloorRule final : public DocumentedRule {
 public:
  BudgetFloorRule() : DocumentedRule(make_info()) {}

  void evaluate_unit(const model::Unit& unit, const EvaluationContext& context,
                     FindingSink& sink) const override {
    const auto floor = context.integer(*this, "floor_per_secretary");
    // A unit with a vacant post still has a secretary position to fund.
    const auto secretaries = static_cast<long long>(std::max<std::size_t>(1, context.secretaries_in(unit)));
    for_each_budget_line(unit, context, false, [&](const model::BudgetLine& line) {
      const long long per_secretary = line.allocated / secretaries;
      if (per_secretary >= floor) return;
      const Described where = describe(unit);
      const std::string year = std::to_string(line.year);
      const std::string each = money(per_secretary);
      const std::string least = money(floor);
      const std::string total = money(floor * secretaries);
      Finding finding = unit_finding(
          context, unit,
          {{where, ": training budget ", year, " is ", each, " per secretary, below the floor of ", least,
            " (policy point 5)."},
           {where, ": kinh phí đào tạo năm ", year, " là ", each, " cho mỗi bí thư, thấp hơn mức tối thiểu ",
            least, " (giải pháp 5)."}},
          {{"Allocate at least ", total, " for secretaries' training in ", year, "."},
           {"Bố trí ít nhất ", total, " cho đào tạo bí thư năm ", year, "."}},
          std::to_string(per_secretary), std::to_string(floor));
      finding.year = line.year;
      sink.report(std::move(finding));
    });
  }

 private:
  static RuleInfo make_info() {
    RuleInfo info;
    info.id = "point5.budget_floor";
    info.point = 5;
    info.default_severity = Severity::warning;
    info.scope = RuleScope::unit;
    info.title = {"Training budget per secretary below the floor",
                  "Kinh phí đào tạo bình quân mỗi bí thư dưới mức tối thiểu"};
    info.description = {
        "Fails for each budget line of a commune-level unit, from the current term's first year "
        "to the as-of year, whose allocation divided by the unit's secretaries on the as-of date "
        "(at least one: a vacant post still needs training money) is below floor_per_secretary.",
        "Vi phạm với mỗi năm ngân sách trong nhiệm kỳ mà kinh phí bình quân mỗi bí thư thấp hơn "
        "mức tối thiểu."};
    info.source = "Policy point 5: a sufficient budget, even in a poor province";
    info.parameters.push_back({"floor_per_secretary", ParameterType::integer,
                               std::int64_t{10'000'000}, 0.0, 1e12,
                               {"Least yearly training money per secretary, in đồng.",
                                "Kinh phí tối thiểu mỗi năm cho mỗi bí thư (đồng)."}});
    return info;
  }
};

class BudgetDivertedRule final : public DocumentedRule {
 public:
  BudgetDivertedRule() : DocumentedRule(make_info()) {}

  void evaluate_unit(const model::Unit& unit, const EvaluationContext& context,
                     FindingSink& sink) const override {
    const double share = context.number(*this, "min_share");
    for_each_budget_line(unit, context, true, [&](const model::BudgetLine& line) {
      if (!line.spent_on_training || line.allocated <= 0) return;
      const double spent_share = static_cast<double>(*line.spent_on_training) /
                                 static_cast<double>(line.allocated);
      if (spent_share >= share) return;
      // One decimal, truncated: 79.96 % must never print as the 80 % it fails against.
      const auto percent = [](double value) {
        const auto tenths = static_cast<long long>(value * 1000.0 + 1e-9);  // 0.7 is 0.6999...
        return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " %";
      };
      const Described where = describe(unit);
      const std::string year = std::to_string(line.year);
      const std::string spent = money(*line.spent_on_training);
      const std::string allocated = money(line.allocated);
      const std::string spent_percent = percent(spent_share);
      const std::string required_percent = percent(share);
      Finding finding = unit_finding(
          context, unit,
          {{where, ": spent ", spent, " of ", allocated, " on training in ", year, " (", spent_percent,
            "), less than the required ", required_percent, "."},
           {where, ": năm ", year, " chỉ chi ", spent, " trên ", allocated, " cho đào tạo (", spent_percent,
            "), dưới mức ", required_percent, "."}},
          {"Spend the training budget on training; audit what it was used for.",
           "Sử dụng kinh phí đào tạo đúng mục đích; kiểm tra việc chi sai mục đích."},
          spent_percent, required_percent);
      finding.year = line.year;
      sink.report(std::move(finding));
    });
  }

 private:
  static RuleInfo make_info() {
    RuleInfo info;
    info.id = "point5.budget_diverted";
    info.point = 5;
    info.default_severity = Severity::error;
    info.scope = RuleScope::unit;
    info.title = {"Training budget spent on other things",
                  "Kinh phí đào tạo chi không đúng mục đích"};
    info.description = {
        "Fails for each completed budget year of the current term (years before the as-of "
        "year, or the as-of year itself when the date is 31 December) in which a commune-level "
        "unit spent less than min_share of its training allocation on training. Unknown "
        "spending is not judged.",
        "Vi phạm với mỗi năm ngân sách đã kết thúc mà đơn vị chi cho đào tạo ít hơn tỷ lệ tối "
        "thiểu của kinh phí được giao."};
    info.source = "Policy point 5: spend the training budget on training";
    info.parameters.push_back({"min_share", ParameterType::number, 0.8, 0.0, 1.0,
                               {"Least share of the allocation to be spent on training.",
                                "Tỷ lệ tối thiểu kinh phí được chi cho đào tạo."}});
    return info;
  }
};

}  // namespace

std::unique_ptr<Rule> make_budget_floor_rule() { return std::make_unique<BudgetFloorRule>(); }
std::unique_ptr<Rule> make_budget_diverted_rule() { return std::make_unique<BudgetDivertedRule>(); }

}  // namespace cadreplan::policy::rules
