// Point 2 of the policy: plan training for the secretary position and its
// successor pool from the start of the term.
#include <algorithm>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "cadreplan/model/code.hpp"
#include "detail/cold.hpp"
#include "policy/month_arithmetic.hpp"
#include "policy/rules/builtin_rules.hpp"
#include "policy/rules/rule_support.hpp"

namespace cadreplan::policy::rules {
namespace {

using boost::gregorian::date;

class SuccessorPoolRule final : public DocumentedRule {
 public:
  SuccessorPoolRule() : DocumentedRule(make_info()) {}

  void evaluate_unit(const model::Unit& unit, const EvaluationContext& context,
                     FindingSink& sink) const override {
    if (!model::is_commune_level(unit.kind)) return;
    const int plan_by = static_cast<int>(context.integer(*this, "plan_by_months"));
    // The pool for the next term is due from the second year of the current one;
    // before that, the pool in force is the one planned for the current term.
    const model::Term target = context.as_of() < detail::add_months(context.current_term().start(), plan_by)
                                   ? context.current_term()
                                   : context.next_term();
    const auto minimum = context.integer(*this, "min_candidates");
    const auto maximum = context.integer(*this, "max_candidates");
    const auto unit_index = static_cast<std::size_t>(context.roster().index_of(unit));
    for (const auto& code : context.strings(*this, "positions")) {
      const auto position = model::parse_code<model::Position>(code);
      if (!position) continue;  // rejected when the profile was loaded
      std::int64_t count = 0;
      for (std::uint32_t index : context.roster().pools_of_unit(unit_index)) {
        const auto& entry = context.roster().pools()[index];
        if (entry.position == *position && entry.term == target) ++count;
      }
      if (count >= minimum && count <= maximum) continue;
      report(context, unit, *position, target, count, minimum, maximum, sink);
    }
  }

 private:
  static void report(const EvaluationContext& context, const model::Unit& unit, model::Position position,
                     const model::Term& term, std::int64_t count, std::int64_t minimum, std::int64_t maximum,
                     FindingSink& sink) {
    const Labels label = labels(position);
    const bool too_few = count < minimum;
    const std::string bounds = std::to_string(minimum) + "-" + std::to_string(maximum);
    const Described where = describe(unit);
    const std::string term_name = term.name();
    const std::string counted = std::to_string(count);
    Finding finding = unit_finding(
        context, unit,
        {{where, ": the successor pool for ", label.english, " ", term_name, " has ", counted,
          " candidate(s); the profile allows ", bounds, " (Regulation 50-QĐ/TW, 377-QĐ/TW)."},
         {where, ": quy hoạch ", label.vietnamese, " nhiệm kỳ ", term_name, " có ", counted,
          " người; quy định từ ", std::to_string(minimum), " đến ", std::to_string(maximum),
          " người (Quy định 50-QĐ/TW, 377-QĐ/TW)."}},
        too_few ? Text{"Add candidates to the pool at the next first-quarter review.",
                       "Bổ sung nhân sự vào quy hoạch trong đợt rà soát quý I."}
                : Text{"Narrow the pool to the strongest candidates.",
                       "Rà soát, đưa bớt nhân sự ra khỏi quy hoạch."},
        counted, bounds);
    finding.year = term.first_year();
    sink.report(std::move(finding));
  }

  static RuleInfo make_info() {
    RuleInfo info;
    info.id = "point2.successor_pool";
    info.point = 2;
    info.default_severity = Severity::error;
    info.scope = RuleScope::unit;
    info.title = {"Successor pool of the wrong size", "Quy hoạch không đúng số lượng"};
    info.description = {
        "Fails for a commune-level unit whose successor pool for each listed position has fewer "
        "than min_candidates or more than max_candidates entries. The pool judged is the one for "
        "the next term once plan_by_months of the current term have passed (pools are built in "
        "the term's second year), and the current term's pool before that.",
        "Vi phạm khi quy hoạch chức danh của đơn vị cấp xã có số người ngoài khoảng quy định. "
        "Sau plan_by_months tháng của nhiệm kỳ, xét quy hoạch nhiệm kỳ sau; trước đó xét quy "
        "hoạch nhiệm kỳ hiện tại."};
    info.source = "Regulation 50-QĐ/TW (2021), 377-QĐ/TW (2025); policy point 2";
    info.parameters = {
        {"positions", ParameterType::string_list, std::vector<std::string>{"secretary"}, {}, {},
         {"Positions whose pools are checked.", "Các chức danh cần quy hoạch."}},
        {"min_candidates", ParameterType::integer, std::int64_t{1}, 0.0, 100.0,
         {"Fewest candidates per position.", "Số người tối thiểu cho mỗi chức danh."}},
        {"max_candidates", ParameterType::integer, std::int64_t{3}, 0.0, 100.0,
         {"Most candidates per position.", "Số người tối đa cho mỗi chức danh."}},
        {"plan_by_months", ParameterType::integer, std::int64_t{24}, 0.0, 60.0,
         {"Months into the term after which the next term's pool must exist.",
          "Số tháng từ đầu nhiệm kỳ phải có quy hoạch nhiệm kỳ sau."}},
    };
    return info;
  }
};

class PlanAtTermStartRule final : public DocumentedRule {
 public:
  PlanAtTermStartRule() : DocumentedRule(make_info()) {}

  void evaluate_cadre(const model::Cadre& cadre, const EvaluationContext& context,
                      FindingSink& sink) const override {
    if (context.holds_in_commune(cadre, model::Position::secretary)) {
      date from = context.current_term().start();
      for (const auto& holding : cadre.positions) {
        if (holding.position == model::Position::secretary && holding.since && from < *holding.since) {
          from = *holding.since;  // appointed mid-term: the clock starts at the appointment
        }
      }
      check(cadre, from, "secretary", context, sink);
      return;
    }
    // A candidate in several pools is judged once, from the earliest addition: taking the
    // first entry in table order made the result depend on the order of pools.csv.
    std::optional<date> earliest;
    for (const std::uint32_t pool : context.pools_of(cadre)) {
      const auto& entry = context.roster().pools()[pool];
      if (entry.term.last_day() < context.as_of()) continue;
      date from = context.current_term().start();
      if (entry.added_on && from < *entry.added_on) from = *entry.added_on;
      if (!earliest || from < *earliest) earliest = from;
    }
    if (earliest) check(cadre, *earliest, "pool candidate", context, sink);
  }

 private:
  void check(const model::Cadre& cadre, date from, std::string_view role,
             const EvaluationContext& context, FindingSink& sink) const {
    const auto months = context.integer(*this, "months");
    // Not `from + months(...)`: Boost snaps month ends (appointed 28 February 2019, due
    // 29 February 2020), which moved the deadline.
    const date deadline = detail::add_months(from, static_cast<int>(months));
    if (context.as_of() < deadline) return;  // not due yet
    const date term_start = context.current_term().start();
    const date term_end = context.current_term().last_day();
    for (const auto* record : context.trainings_of(cadre)) {
      const bool in_plan = record->planned.value_or(false) ||
                           record->status == model::TrainingStatus::planned;
      // The rule's description asks for a planned record "ending in the current term":
      // a plan ending after the term's last day is not this term's plan.
      if (in_plan && term_start <= record->end_date && record->end_date <= term_end) return;
    }
    report(cadre, role, deadline, context, sink);
  }

  CADREPLAN_COLD static void report(const model::Cadre& cadre, std::string_view role, date deadline,
                                    const EvaluationContext& context, FindingSink& sink) {
    const bool candidate = role != "secretary";
    const Described who = describe(cadre);
    const std::string term = context.current_term().name();
    const std::string due = iso(deadline);
    sink.report(cadre_finding(
        context, cadre,
        {{who, " (", role, ") has no planned training in term ", term, "; a plan was due by ", due, "."},
         {"Đồng chí ", who, candidate ? " (nguồn quy hoạch)" : " (bí thư)",
          " chưa có kế hoạch đào tạo, bồi dưỡng trong nhiệm kỳ ", term, "; hạn lập kế hoạch là ", due,
          "."}},
        {"Include the cadre in the term's approved training plan (cadreplan plan).",
         "Đưa cán bộ vào đề án đào tạo, bồi dưỡng của nhiệm kỳ đã được phê duyệt."},
        "no planned training", "planned training by " + due));
  }

  static RuleInfo make_info() {
    RuleInfo info;
    info.id = "point2.plan_at_term_start";
    info.point = 2;
    info.default_severity = Severity::error;
    info.scope = RuleScope::cadre;
    info.title = {"No training plan from the start of the term",
                  "Chưa có kế hoạch đào tạo từ đầu nhiệm kỳ"};
    info.description = {
        "Fails for a sitting secretary, or a candidate in a pool of the current or a later term, "
        "who has no training record marked planned (planned = true or status planned) ending in "
        "the current term, once `months` months have passed since the term's start — or since "
        "the secretary's appointment or the candidate's addition to the pool, when later.",
        "Vi phạm khi bí thư hoặc người trong quy hoạch không có khóa học nào trong kế hoạch của "
        "nhiệm kỳ sau `months` tháng kể từ đầu nhiệm kỳ (hoặc từ khi được bổ nhiệm, đưa vào quy "
        "hoạch nếu muộn hơn)."};
    info.source = "Policy point 2: plan training for the secretary and the pool from the term's start";
    info.parameters.push_back({"months", ParameterType::integer, std::int64_t{12}, 0.0, 60.0,
                               {"Months after the term's start by which a plan must exist.",
                                "Số tháng từ đầu nhiệm kỳ phải có kế hoạch."}});
    return info;
  }
};

}  // namespace

std::unique_ptr<Rule> make_successor_pool_rule() { return std::make_unique<SuccessorPoolRule>(); }
std::unique_ptr<Rule> make_plan_at_term_start_rule() {
  return std::make_unique<PlanAtTermStartRule>();
}

}  // namespace cadreplan::policy::rules
