// EvaluationOptions::language: findings worded in one language carry exactly the words a
// report in both languages has in that language, and nothing in the other; everything
// else about them is the same.
#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <string>

#include "cadreplan/io/profile_toml.hpp"
#include "cadreplan/policy/evaluator.hpp"
#include "cadreplan/policy/rule_registry.hpp"
#include "cadreplan/synth/generator.hpp"
#include "demanding_profile.hpp"

namespace {

namespace policy = cadreplan::policy;
namespace model = cadreplan::model;
using boost::gregorian::date;

const model::Roster& generated_roster() {
  static const model::Roster roster = [] {
    cadreplan::synth::GeneratorOptions options;
    options.cadres = 10'000;
    options.seed = 5;
    return cadreplan::synth::generate_roster(options);
  }();
  return roster;
}

policy::ComplianceReport check(const policy::Profile& profile, const policy::RuleRegistry& registry,
                               std::optional<model::Language> language) {
  policy::EvaluationOptions options;
  options.as_of = date(2024, 12, 31);
  options.language = language;
  return policy::evaluate(generated_roster(), profile, registry, options);
}

TEST(Wording, FindingsInOneLanguageHaveThatLanguagesWordsAndNoOther) {
  const auto registry = policy::RuleRegistry::with_builtin_rules();
  for (const auto& profile :
       {cadreplan::io::default_profile(registry), cadreplan::test_support::demanding_profile(registry)}) {
    const auto both = check(profile, registry, std::nullopt);
    const auto english = check(profile, registry, model::Language::english);
    const auto vietnamese = check(profile, registry, model::Language::vietnamese);
    ASSERT_EQ(english.findings.size(), both.findings.size());
    ASSERT_EQ(vietnamese.findings.size(), both.findings.size());
    std::set<std::string> rules;
    for (std::size_t i = 0; i < both.findings.size(); ++i) {
      const auto& full = both.findings[i];
      const auto& in_english = english.findings[i];
      const auto& in_vietnamese = vietnamese.findings[i];
      rules.insert(std::string(full.rule_id.view()));
      ASSERT_FALSE(full.message.english().empty());
      ASSERT_FALSE(full.message.vietnamese().empty());
      EXPECT_EQ(in_english.message.english(), full.message.english()) << i;
      EXPECT_EQ(in_english.fix.english(), full.fix.english()) << i;
      EXPECT_EQ(in_vietnamese.message.vietnamese(), full.message.vietnamese()) << i;
      EXPECT_EQ(in_vietnamese.fix.vietnamese(), full.fix.vietnamese()) << i;
      EXPECT_TRUE(in_english.message.vietnamese().empty()) << i;
      EXPECT_TRUE(in_vietnamese.message.english().empty()) << i;
      // Everything but the words is the same.
      for (const auto* one : {&in_english, &in_vietnamese}) {
        EXPECT_EQ(one->rule_id, full.rule_id);
        EXPECT_EQ(one->cadre_id, full.cadre_id);
        EXPECT_EQ(one->unit_id, full.unit_id);
        EXPECT_EQ(one->actual, full.actual);
        EXPECT_EQ(one->required, full.required);
        EXPECT_EQ(one->year, full.year);
        EXPECT_EQ(one->severity, full.severity);
      }
    }
    EXPECT_EQ(english.totals, both.totals);
    EXPECT_EQ(english.by_unit, both.by_unit);
    EXPECT_EQ(english.compliant, both.compliant);
    EXPECT_GE(rules.size(), 10u);  // most rules' words were compared, not a few
  }
}

}  // namespace
