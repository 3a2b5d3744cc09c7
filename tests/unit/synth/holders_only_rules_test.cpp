// The built-in rules flagged RuleInfo::standardised_holders_only find nothing in any other
// cadre: the evaluator skips every other cadre for them, so a flagged rule that did find
// something there would lose findings. Each flagged rule is run as it is and through a
// wrapper without the flag (called for every cadre); the reports must be the same.
#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <sstream>
#include <string>

#include "cadreplan/io/compliance_writer.hpp"
#include "cadreplan/io/profile_toml.hpp"
#include "cadreplan/policy/evaluator.hpp"
#include "cadreplan/policy/rule_registry.hpp"
#include "cadreplan/synth/generator.hpp"
#include "demanding_profile.hpp"

namespace {

namespace policy = cadreplan::policy;
namespace io = cadreplan::io;
using boost::gregorian::date;

// \p inner under the same id and parameters, called for every cadre.
class EveryCadre final : public policy::Rule {
 public:
  explicit EveryCadre(const policy::Rule& inner) : inner_(inner), info_(inner.info()) {
    info_.standardised_holders_only = false;
  }
  [[nodiscard]] const policy::RuleInfo& info() const noexcept override { return info_; }
  void evaluate_cadre(const cadreplan::model::Cadre& cadre, const policy::EvaluationContext& context,
                      policy::FindingSink& sink) const override {
    inner_.evaluate_cadre(cadre, context, sink);
  }

 private:
  const policy::Rule& inner_;
  policy::RuleInfo info_;
};

const cadreplan::model::Roster& generated_roster() {
  static const cadreplan::model::Roster roster = [] {
    cadreplan::synth::GeneratorOptions options;
    options.cadres = 10'000;
    options.seed = 11;
    return cadreplan::synth::generate_roster(options);
  }();
  return roster;
}

std::string report_json(const policy::Rule& rule, const policy::Profile& profile, date as_of) {
  policy::RuleRegistry registry;
  registry.add(std::make_unique<EveryCadre>(rule));
  policy::EvaluationOptions options;
  options.as_of = as_of;
  std::ostringstream out;
  io::write_compliance_json(out, policy::evaluate(generated_roster(), profile, registry, options));
  return out.str();
}

std::string flagged_report_json(const policy::RuleRegistry& registry, const std::string& id,
                                const policy::Profile& profile, date as_of) {
  policy::EvaluationOptions options;
  options.as_of = as_of;
  options.only_rules = {id};
  std::ostringstream out;
  io::write_compliance_json(out, policy::evaluate(generated_roster(), profile, registry, options));
  return out.str();
}

TEST(StandardisedHoldersOnly, TheFlaggedBuiltInRulesFindNothingInAnyOtherCadre) {
  const auto registry = policy::RuleRegistry::with_builtin_rules();
  const auto lenient = io::default_profile(registry);
  const auto demanding = cadreplan::test_support::demanding_profile(registry);
  std::set<std::string> flagged;
  for (const auto& rule : registry.rules()) {
    if (!rule->info().standardised_holders_only) continue;
    const std::string& id = rule->info().id;
    flagged.insert(id);
    bool found = false;  // the comparison saw findings of the rule, not empty reports only
    // Under the 2004 standards and the 2020 ones, as the default profile has them and strict.
    for (const auto* profile : {&lenient, &demanding}) {
      for (const date as_of : {date(2013, 12, 31), date(2024, 12, 31)}) {
        const std::string expected = report_json(*rule, *profile, as_of);
        EXPECT_EQ(flagged_report_json(registry, id, *profile, as_of), expected)
            << id << " as of " << as_of.year() << (profile == &demanding ? ", strict" : "");
        found = found || expected.find("\"rule\": \"" + id + "\"") != std::string::npos;
      }
    }
    EXPECT_TRUE(found) << id;
  }
  // The flag is a promise each rule makes: a new one is added here deliberately.
  EXPECT_EQ(flagged, (std::set<std::string>{"data.missing_qualification", "point4.field_mismatch",
                                            "point4.field_unknown", "point4.unplanned_study",
                                            "standard.general_education", "standard.political_theory",
                                            "standard.professional_level", "standard.state_management"}));
}

}  // namespace
