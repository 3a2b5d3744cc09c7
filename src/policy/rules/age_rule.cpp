// standard.age: age bounds for holding a position, for taking it, and for being
// planned for it (a candidate must be able to serve before retirement).
#include <algorithm>
#include <cstdint>

#include "detail/cold.hpp"
#include "policy/rules/builtin_rules.hpp"
#include "policy/month_arithmetic.hpp"
#include "policy/rules/rule_support.hpp"

namespace cadreplan::policy::rules {
namespace {

using boost::gregorian::date;

using detail::months_between;

class AgeRule final : public DocumentedRule {
 public:
  AgeRule() : DocumentedRule(make_info()) {}

  void evaluate_cadre(const model::Cadre& cadre, const EvaluationContext& context,
                      FindingSink& sink) const override {
    for (const auto& holding : standardised_holdings(context, cadre)) {
      check_retirement(cadre, holding, context, sink);
      check_minimum_age(cadre, holding, context, sink);
      check_age_at_appointment(cadre, holding, context, sink);
    }
    // The cadre's pool entries, in table order, while the cadre is in the cache (a pass
    // over the pools reached each candidate's record cold).
    for (const std::uint32_t pool : context.pools_of(cadre)) {
      const auto& entry = context.roster().pools()[pool];
      if (entry.term.last_day() < context.as_of()) continue;  // past pools are history
      if (cadre.holds(entry.position, context.as_of())) continue;
      const date start = std::max(entry.term.start(), context.as_of());
      const auto* standard = standard_on(context.profile(), entry.position, start);
      if (standard == nullptr) continue;
      const int minimum_months = static_cast<int>(context.integer(*this, "pool_min_months_to_retirement"));
      check_pool_candidate(cadre, entry, *standard, start, minimum_months, context, sink);
    }
  }

 private:
  void check_retirement(const model::Cadre& cadre, const StandardisedHolding& holding,
                        const EvaluationContext& context, FindingSink& sink) const {
    const date retirement = context.profile().retirement.retirement_date(cadre.birth_date, cadre.gender);
    if (context.as_of() < retirement) return;
    report_retired(cadre, holding, retirement, context, sink);
  }

  CADREPLAN_COLD static void report_retired(const model::Cadre& cadre, const StandardisedHolding& holding,
                                            date retirement, const EvaluationContext& context, FindingSink& sink) {
    const Labels position = labels(holding.position);
    const Described who = describe(cadre);
    const std::string retired = iso(retirement);
    sink.report(cadre_finding(
        context, cadre,
        {{who, ", ", position.english, ", reached the statutory retirement age on ", retired,
          " (Labour Code 2019, Decree 135/2020/NĐ-CP)."},
         {"Đồng chí ", who, ", ", position.vietnamese, ", đã đến tuổi nghỉ hưu từ ", retired,
          " (Bộ luật Lao động 2019, Nghị định 135/2020/NĐ-CP)."}},
        {"Arrange the succession from the successor pool.",
         "Bố trí người kế nhiệm từ nguồn quy hoạch."},
        "age " + std::to_string(cadre.age(context.as_of())), "before " + retired));
  }

  void check_minimum_age(const model::Cadre& cadre, const StandardisedHolding& holding,
                         const EvaluationContext& context, FindingSink& sink) const {
    const auto& minimum = holding.standard->min_age;
    if (!minimum) return;
    const int age = cadre.age(context.as_of());
    if (age >= *minimum) return;
    report_too_young(cadre, holding, age, context, sink);
  }

  CADREPLAN_COLD static void report_too_young(const model::Cadre& cadre, const StandardisedHolding& holding,
                                              int age, const EvaluationContext& context, FindingSink& sink) {
    const auto& minimum = holding.standard->min_age;
    const Described who = describe(cadre);
    const std::string years = std::to_string(age);
    const std::string least = std::to_string(*minimum);
    const std::string cited = cite(holding.standard->source);
    sink.report(cadre_finding(
        context, cadre,
        {{who, " is ", years, ", younger than the minimum age ", least, cited, "."},
         {"Đồng chí ", who, " ", years, " tuổi, dưới độ tuổi tối thiểu ", least, cited, "."}},
        {"Review the appointment.", "Xem xét lại việc bố trí."}, "age " + years, "at least " + least));
  }

  void check_age_at_appointment(const model::Cadre& cadre, const StandardisedHolding& holding,
                                const EvaluationContext& context, FindingSink& sink) const {
    if (!holding.since) return;  // unknown appointment date: nothing to judge
    const auto* standard = context.profile().standard_for(holding.position, *holding.since);
    if (standard == nullptr || !standard->max_age_at_appointment) return;
    const int age = cadre.age(*holding.since);
    if (age <= *standard->max_age_at_appointment) return;
    report_too_old(cadre, holding, *standard, age, context, sink);
  }

  CADREPLAN_COLD static void report_too_old(const model::Cadre& cadre, const StandardisedHolding& holding,
                                            const PositionStandard& standard, int age,
                                            const EvaluationContext& context, FindingSink& sink) {
    const Labels position = labels(holding.position);
    const std::string limit = std::to_string(*standard.max_age_at_appointment);
    const Described who = describe(cadre);
    const std::string since = iso(*holding.since);
    const std::string years = std::to_string(age);
    const std::string cited = cite(standard.source);
    sink.report(cadre_finding(
        context, cadre,
        {{who, " took the post of ", position.english, " on ", since, " at ", years,
          ", older than the maximum ", limit, cited, "."},
         {"Đồng chí ", who, " nhận chức ", position.vietnamese, " ngày ", since, " khi ", years,
          " tuổi, quá tuổi tối đa ", limit, cited, "."}},
        {"Review the appointment against the standard.", "Rà soát lại việc bổ nhiệm theo tiêu chuẩn."},
        "age " + years + " at appointment", "at most " + limit));
  }

  void check_pool_candidate(const model::Cadre& cadre, const model::PoolEntry& entry,
                            const PositionStandard& standard, date start, int minimum_months,
                            const EvaluationContext& context, FindingSink& sink) const {
    const date retirement = context.profile().retirement.retirement_date(cadre.birth_date, cadre.gender);
    const int months_left = months_between(start, retirement);
    const bool too_old = standard.max_age_at_appointment && cadre.age(start) > *standard.max_age_at_appointment;
    // Most candidates pass: the words of a finding are made only for one that fails.
    if (months_left >= minimum_months && !too_old) return;
    report_candidate(cadre, entry, standard, start, minimum_months, months_left, too_old, context, sink);
  }

  CADREPLAN_COLD static void report_candidate(const model::Cadre& cadre, const model::PoolEntry& entry,
                                              const PositionStandard& standard, date start, int minimum_months,
                                              int months_left, bool too_old, const EvaluationContext& context,
                                              FindingSink& sink) {
    const Labels position = labels(entry.position);
    const Described who = describe(cadre);
    const std::string term = entry.term.name();
    const std::string from = iso(start);
    if (months_left < minimum_months) {
      const std::string left = std::to_string(std::max(months_left, 0));
      const std::string least = std::to_string(minimum_months);
      sink.report(cadre_finding(
          context, cadre,
          {{who, ", planned for ", position.english, " ", term, ", has ", left, " months to retirement on ",
            from, ", fewer than the ", least, " required (Regulation 50-QĐ/TW, 377-QĐ/TW)."},
           {"Đồng chí ", who, ", quy hoạch ", position.vietnamese, " nhiệm kỳ ", term, ", còn ", left,
            " tháng công tác tính đến ", from, ", ít hơn ", least, " tháng (Quy định 50-QĐ/TW, 377-QĐ/TW)."}},
          {"Take the candidate out of the pool and plan a younger one.",
           "Đưa ra khỏi quy hoạch và bổ sung nhân sự trẻ hơn."},
          std::to_string(months_left) + " months", "at least " + least));
    }
    if (too_old) {
      const std::string limit = std::to_string(*standard.max_age_at_appointment);
      const std::string years = std::to_string(cadre.age(start));
      const std::string cited = cite(standard.source);
      sink.report(cadre_finding(
          context, cadre,
          {{who, ", planned for ", position.english, " ", term, ", will be ", years, " on ", from,
            ", older than the maximum age ", limit, " for taking the post", cited, "."},
           {"Đồng chí ", who, ", quy hoạch ", position.vietnamese, " nhiệm kỳ ", term, ", sẽ ", years,
            " tuổi vào ", from, ", quá tuổi tối đa ", limit, " khi nhận chức", cited, "."}},
          {"Take the candidate out of the pool and plan a younger one.",
           "Đưa ra khỏi quy hoạch và bổ sung nhân sự trẻ hơn."},
          "age " + years, "at most " + limit));
    }
  }

  static RuleInfo make_info() {
    RuleInfo info;
    info.id = "standard.age";
    info.point = 0;
    info.default_severity = Severity::error;
    info.scope = RuleScope::cadre;
    info.title = {"Outside the age bounds of the position", "Không đáp ứng điều kiện về tuổi"};
    info.description = {
        "Fails when, on the as-of date, a holder of a standardised position has reached the "
        "statutory retirement age (by birth date and gender; unknown gender uses the earlier "
        "women's schedule), is younger than the standard's min_age, or took the post (position "
        "since-date) older than the max_age_at_appointment of the standard in force that day. "
        "For successor pools of the current or a later term it fails when a candidate will have "
        "fewer than pool_min_months_to_retirement months to retirement at the term's start (or "
        "today, if later), or will be older than the maximum age for taking the post. A birthday "
        "on the as-of date counts: the person is a year older that day; someone born on 29 "
        "February ages on 1 March in common years.",
        "Vi phạm khi người giữ chức danh đã đến tuổi nghỉ hưu, chưa đủ tuổi tối thiểu, hoặc nhận "
        "chức khi quá tuổi tối đa; hoặc khi người trong quy hoạch không còn đủ số tháng công tác "
        "tối thiểu hay quá tuổi tối đa tính đến đầu nhiệm kỳ."};
    info.source = "Decision 04/2004/QĐ-BNV art. 5; Regulation 50-QĐ/TW; Decree 135/2020/NĐ-CP";
    info.parameters.push_back(
        {"pool_min_months_to_retirement", ParameterType::integer, std::int64_t{60}, 0.0, 600.0,
         {"Months a pool candidate must have left before retirement at the term's start (60 for "
          "'đối tượng 1', 120 for 'đối tượng 2').",
          "Số tháng công tác tối thiểu còn lại của người trong quy hoạch tính đến đầu nhiệm kỳ."}});
    return info;
  }
};

}  // namespace

std::unique_ptr<Rule> make_age_rule() { return std::make_unique<AgeRule>(); }

}  // namespace cadreplan::policy::rules
