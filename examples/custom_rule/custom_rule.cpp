/// \example custom_rule.cpp
/// An application registers its own rule next to the built-in ones.
///
/// The province wants every secretary to have joined the Party at least ten years
/// before the as-of date. The rule is a small named object: an id, a policy point, a
/// severity, bilingual documentation, a declared parameter the profile may set under
/// `[rules."province.party_seniority"]`, and a pure evaluation that reports findings.
///
/// Usage: custom_rule [ROSTER] [AS_OF]
#include <cadreplan/cadreplan.hpp>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <iostream>
#include <memory>

namespace policy = cadreplan::policy;
namespace model = cadreplan::model;

class PartySeniorityRule final : public policy::Rule {
 public:
  PartySeniorityRule() {
    info_.id = "province.party_seniority";
    info_.point = 4;
    info_.default_severity = policy::Severity::warning;
    info_.scope = policy::RuleScope::cadre;
    // Not info_.standardised_holders_only: that would skip every cadre without a position
    // whose standard is in force, and this rule judges secretaries whether or not the
    // profile has a standard for them.
    info_.title = {"Party seniority below the provincial minimum", "Tuổi Đảng dưới mức của tỉnh"};
    info_.description = {"Fails for a sitting secretary who joined the Party fewer than "
                         "min_years years before the as-of date.",
                         "Vi phạm khi bí thư có tuổi Đảng dưới min_years năm."};
    info_.source = "Provincial guidance (example)";
    info_.parameters.push_back({"min_years", policy::ParameterType::integer, std::int64_t{10}, 0.0,
                                60.0, {"Years of Party membership required.", "Số năm tuổi Đảng."}});
  }

  const policy::RuleInfo& info() const noexcept override { return info_; }

  void evaluate_cadre(const model::Cadre& cadre, const policy::EvaluationContext& context,
                      policy::FindingSink& sink) const override {
    if (!context.holds_in_commune(cadre, model::Position::secretary) || !cadre.party_joined) return;
    const auto required = context.integer(*this, "min_years");
    const int years = model::age_on(*cadre.party_joined, context.as_of());
    if (years >= required) return;
    policy::Finding finding;
    finding.cadre_id = cadre.id;
    finding.unit_id = cadre.unit_id;
    finding.actual = std::to_string(years) + " years";
    finding.required = std::to_string(required) + " years";
    finding.message = {cadre.full_name + " (" + cadre.id.str() + ") has " + finding.actual +
                           " of Party membership; the province requires " + finding.required + ".",
                       "Đồng chí " + cadre.full_name + " có " + std::to_string(years) +
                           " năm tuổi Đảng; tỉnh yêu cầu " + std::to_string(required) + " năm."};
    finding.fix = {"Consider a more senior candidate from the pool.",
                   "Xem xét nhân sự có tuổi Đảng cao hơn trong quy hoạch."};
    sink.report(std::move(finding));
  }

 private:
  policy::RuleInfo info_;
};

int main(int argc, char** argv) try {
  const std::string roster_path = argc > 1 ? argv[1] : CADREPLAN_EXAMPLE_DATA "/soc-trang-2013";
  const auto as_of = boost::gregorian::from_string(argc > 2 ? argv[2] : "2013-12-31");

  auto registry = policy::RuleRegistry::with_builtin_rules();
  registry.add(std::make_unique<PartySeniorityRule>());

  // A profile that extends the default and tightens the new rule's parameter.
  const auto profile = cadreplan::io::parse_profile(
      "[profile]\nextends = \"default\"\nname = \"province-with-seniority\"\n"
      "[rules.\"province.party_seniority\"]\nmin_years = 15\n",
      "inline.toml", registry);

  const auto roster = cadreplan::io::load_roster_csv(roster_path).roster;
  policy::EvaluationOptions options;
  options.as_of = as_of;
  options.only_rules = {"province.party_seniority"};
  const auto report = policy::evaluate(roster, profile, registry, options);
  for (const auto& finding : report.findings) std::cout << finding.message.english() << '\n';
  std::cout << report.findings.size() << " secretaries below " << 15 << " years of Party membership\n";
  return 0;
} catch (const std::exception& error) {
  std::cerr << "custom_rule: " << error.what() << '\n';
  return 2;
}
