#include "cadreplan/policy/evaluator.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include "cadreplan/policy/evaluation_context.hpp"
#include "roster_builder.hpp"

namespace cadreplan::policy {
namespace {

using boost::gregorian::date;
using testing::RosterBuilder;

const date kAsOf(2013, 12, 31);
const std::set<std::string> kTwoRules{"standard.political_theory", "point4.field_mismatch"};

// C1 (U1) fails political theory (error); C2 (U2) studied accounting (warning);
// C3 is a chairman (no standard); C4 is a secretary of a district (not commune level).
model::Roster mixed_roster() {
  RosterBuilder builder;
  builder.unit("U1");
  builder.unit("U2", model::UnitKind::ward);
  builder.unit("D1", model::UnitKind::other);
  builder.secretary("C1", "U1", date(1970, 1, 1), date(2010, 7, 1)).political_theory =
      model::PoliticalTheory::elementary;
  builder.secretary("C2", "U2", date(1972, 1, 1), date(2010, 7, 1)).professional.field = "Kế toán";
  builder.cadre("C3", "U1", date(1975, 1, 1), {{model::Position::chairman, date(2010, 7, 1)}})
      .political_theory = model::PoliticalTheory::none;
  builder.secretary("C4", "D1", date(1960, 1, 1), date(2010, 7, 1)).political_theory =
      model::PoliticalTheory::none;
  return builder.build();
}

TEST(Evaluate, ReportsFindingsAndSummaries) {
  const auto report = testing::check(mixed_roster(), kAsOf, kTwoRules);
  EXPECT_EQ(report.as_of, kAsOf);
  EXPECT_EQ(report.profile_name, "vn-commune-secretary");
  EXPECT_EQ(report.profile_sha256, testing::default_profile().sha256);
  ASSERT_EQ(report.findings.size(), 2u);
  testing::expect_cadre_finding(report.findings[0], "standard.political_theory", "C1", "U1");
  EXPECT_EQ(report.findings[0].point, 0);
  EXPECT_EQ(report.findings[0].severity, Severity::error);
  testing::expect_cadre_finding(report.findings[1], "point4.field_mismatch", "C2", "U2");
  EXPECT_EQ(report.findings[1].point, 4);
  EXPECT_EQ(report.findings[1].severity, Severity::warning);

  EXPECT_EQ(report.cadres, 2u);     // C1 and C2; not the chairman, not the district secretary
  EXPECT_EQ(report.compliant, 1u);  // a warning does not make C2 non-compliant
  EXPECT_EQ(report.totals, (SeverityCounts{1, 1, 0}));
  EXPECT_EQ(report.by_point.at(0), (SeverityCounts{1, 0, 0}));
  EXPECT_EQ(report.by_point.at(4), (SeverityCounts{0, 1, 0}));
  EXPECT_EQ(report.by_unit.at("U1"), (SeverityCounts{1, 0, 0}));
  EXPECT_EQ(report.by_unit.at("U2"), (SeverityCounts{0, 1, 0}));
  EXPECT_FALSE(report.by_unit.contains("D1"));
  EXPECT_EQ(report.by_rule.at("point4.field_mismatch"), (SeverityCounts{0, 1, 0}));
}

TEST(Evaluate, OnlyRulesKeepsTheNamedRules) {
  const auto report = testing::check(mixed_roster(), kAsOf, {"point4.field_mismatch"});
  ASSERT_EQ(report.findings.size(), 1u);
  EXPECT_EQ(report.findings[0].rule_id, "point4.field_mismatch");
  EXPECT_EQ(report.compliant, 2u);
}

TEST(Evaluate, OnlyPointsKeepsThePolicyPoints) {
  EvaluationOptions options;
  options.as_of = kAsOf;
  options.only_rules = kTwoRules;
  options.only_points = {0};
  const auto report = evaluate(mixed_roster(), testing::default_profile(), testing::registry(), options);
  ASSERT_EQ(report.findings.size(), 1u);
  EXPECT_EQ(report.findings[0].rule_id, "standard.political_theory");
  options.only_points = {4};
  const auto point4 = evaluate(mixed_roster(), testing::default_profile(), testing::registry(), options);
  ASSERT_EQ(point4.findings.size(), 1u);
  EXPECT_EQ(point4.findings[0].point, 4);
  EXPECT_EQ(point4.compliant, 2u);
}

TEST(Evaluate, OnlyUnitsKeepsTheirFindingsAndCadres) {
  EvaluationOptions options;
  options.as_of = kAsOf;
  options.only_rules = kTwoRules;
  options.only_units = {"U1"};
  const auto report = evaluate(mixed_roster(), testing::default_profile(), testing::registry(), options);
  ASSERT_EQ(report.findings.size(), 1u);
  EXPECT_EQ(report.findings[0].unit_id.str(), "U1");
  EXPECT_FALSE(report.by_unit.contains("U2"));
  // The summary is about the selected units too: C2 (U2) is neither counted nor compliant.
  EXPECT_EQ(report.cadres, 1u);
  EXPECT_EQ(report.compliant, 0u);
  options.only_units = {"U2"};
  const auto u2 = evaluate(mixed_roster(), testing::default_profile(), testing::registry(), options);
  EXPECT_EQ(u2.cadres, 1u);
  EXPECT_EQ(u2.compliant, 1u);
}

TEST(Evaluate, ADisabledRuleIsSkipped) {
  Profile profile = testing::default_profile();
  profile.rules["standard.political_theory"].enabled = false;
  const auto report = testing::check(mixed_roster(), kAsOf, kTwoRules, profile);
  ASSERT_EQ(report.findings.size(), 1u);
  EXPECT_EQ(report.findings[0].rule_id, "point4.field_mismatch");
  EXPECT_EQ(report.compliant, 2u);
  EXPECT_FALSE(report.by_rule.contains("standard.political_theory"));
}

TEST(Evaluate, TheProfilesSeverityOverridesTheRulesDefault) {
  Profile profile = testing::default_profile();
  profile.rules["point4.field_mismatch"].severity = Severity::error;
  profile.rules["standard.political_theory"].severity = Severity::info;
  const auto report = testing::check(mixed_roster(), kAsOf, kTwoRules, profile);
  ASSERT_EQ(report.findings.size(), 2u);
  EXPECT_EQ(report.findings[0].severity, Severity::info);
  EXPECT_EQ(report.findings[1].severity, Severity::error);
  EXPECT_EQ(report.totals, (SeverityCounts{1, 0, 1}));
  EXPECT_EQ(report.compliant, 1u);  // now C1 passes and C2 fails
}

// Several findings per unit and cadre, over several points and years.
model::RosterTables busy_tables() {
  RosterBuilder builder;
  builder.unit("U1");
  builder.unit("U2");
  builder.secretary("C1", "U1", date(1970, 1, 1), date(2010, 7, 1)).political_theory =
      model::PoliticalTheory::elementary;
  builder.secretary("C2", "U1", date(1971, 1, 1), std::nullopt).professional.field = "Kế toán";
  builder.secretary("C3", "U2", date(1972, 1, 1), date(2011, 3, 1)).general_education =
      model::GeneralEducation::lower_secondary;
  builder.training("C1", model::TrainingKind::party_building, date(2012, 3, 1), date(2012, 3, 5));
  builder.training("C3", model::TrainingKind::other, date(2012, 4, 1), date(2012, 4, 5)).provider =
      "Công ty ABC";
  builder.budget("U2", 2011, 5'000'000, 1'000'000);
  builder.budget("U2", 2012, 5'000'000, 5'000'000);
  return builder.tables;
}

TEST(Evaluate, OrdersFindingsByUnitCadrePointRuleAndYear) {
  const auto report = testing::check(model::Roster::build(busy_tables()), kAsOf);
  ASSERT_GT(report.findings.size(), 8u);
  const auto key = [](const Finding& finding) {
    return std::tie(finding.unit_id, finding.cadre_id, finding.point, finding.rule_id, finding.year);
  };
  EXPECT_TRUE(std::is_sorted(report.findings.begin(), report.findings.end(),
                             [&](const Finding& a, const Finding& b) { return key(a) < key(b); }));
  // Unit findings (no cadre) come first within their unit.
  const auto first_u2 = std::find_if(report.findings.begin(), report.findings.end(),
                                     [](const Finding& f) { return f.unit_id.str() == "U2"; });
  ASSERT_NE(first_u2, report.findings.end());
  EXPECT_TRUE(first_u2->cadre_id.empty());
}

TEST(Evaluate, IsAPureFunctionOfItsInputsWhateverTheTableOrder) {
  auto tables = busy_tables();
  const auto first = testing::check(model::Roster::build(tables), kAsOf);
  const auto again = testing::check(model::Roster::build(tables), kAsOf);
  EXPECT_EQ(first.findings, again.findings);
  std::reverse(tables.units.begin(), tables.units.end());
  std::reverse(tables.cadres.begin(), tables.cadres.end());
  std::reverse(tables.trainings.begin(), tables.trainings.end());
  std::reverse(tables.budgets.begin(), tables.budgets.end());
  const auto reversed = testing::check(model::Roster::build(tables), kAsOf);
  EXPECT_EQ(first.findings, reversed.findings);
  EXPECT_EQ(first.totals, reversed.totals);
  EXPECT_EQ(first.compliant, reversed.compliant);
}

TEST(Evaluate, AGapInTheStandardsIsAnErrorNotAPass) {
  const Profile profile = testing::profile_with_a_gap_in_2011();
  const auto roster = testing::one_secretary_since_2010();
  EXPECT_THROW((void)testing::check(roster, date(2011, 6, 1), {}, profile), std::invalid_argument);
  EXPECT_NO_THROW((void)testing::check(roster, date(2010, 12, 31), {}, profile));
  EXPECT_NO_THROW((void)testing::check(roster, date(2012, 1, 1), {}, profile));
  // The default profile has no standard before 2004.
  RosterBuilder always;
  always.unit("U1");
  always.secretary("C1", "U1", date(1960, 1, 1), std::nullopt);
  EXPECT_THROW((void)testing::check(always.build(), date(2003, 6, 1), {"standard.general_education"}),
               std::invalid_argument);
}

TEST(Evaluate, AGapDoesNotMatterWhenNoOneNeedsTheStandard) {
  Profile profile = testing::blank_profile();
  profile.standards = {testing::secretary_standard(date(2004, 1, 1), date(2010, 12, 31)),
                       testing::secretary_standard(date(2012, 1, 1), std::nullopt)};
  RosterBuilder builder;
  builder.unit("U1");
  builder.cadre("C1", "U1", date(1970, 1, 1), {{model::Position::chairman, date(2010, 7, 1)}});
  const auto report = testing::check(builder.build(), date(2011, 6, 1), {}, profile);
  EXPECT_EQ(report.cadres, 0u);
}

// A rule of the application's own, to see what the evaluator stamps and how it calls rules.
class CountingRule final : public Rule {
 public:
  CountingRule() {
    info_.id = "test.counting";
    info_.point = 2;
    info_.default_severity = Severity::warning;
    info_.scope = RuleScope::unit;
  }
  [[nodiscard]] const RuleInfo& info() const noexcept override { return info_; }
  void evaluate_unit(const model::Unit& unit, const EvaluationContext& context,
                     FindingSink& sink) const override {
    Finding finding;
    finding.rule_id = "forged";  // the evaluator stamps the real id, point and severity
    finding.point = 9;
    finding.severity = Severity::info;
    finding.unit_id = unit.id;
    finding.actual = std::to_string(context.secretaries_in(unit));
    sink.report(std::move(finding));
  }

 private:
  RuleInfo info_;
};

TEST(Evaluate, StampsIdPointAndSeverityOnFindingsOfAnyRule) {
  RuleRegistry registry;
  registry.add(std::make_unique<CountingRule>());
  EvaluationOptions options;
  options.as_of = kAsOf;
  const auto report = evaluate(mixed_roster(), testing::blank_profile(), registry, options);
  ASSERT_EQ(report.findings.size(), 3u);  // one per unit: D1, U1, U2 in id order
  EXPECT_EQ(report.findings[0].unit_id.str(), "D1");
  EXPECT_EQ(report.findings[0].actual, "1");
  EXPECT_EQ(report.findings[1].unit_id.str(), "U1");
  for (const auto& finding : report.findings) {
    EXPECT_EQ(finding.rule_id, "test.counting");
    EXPECT_EQ(finding.point, 2);
    EXPECT_EQ(finding.severity, Severity::warning);
  }
  EXPECT_EQ(report.cadres, 0u);  // the blank profile has no standards
}

// Reports every cadre, unit and the roster through whichever member is called, tagged
// with the member's name, so a test sees which members the evaluator calls.
class EveryMemberRule final : public Rule {
 public:
  EveryMemberRule(std::string id, RuleScope scope, bool holders_only) {
    info_.id = std::move(id);
    info_.point = 1;
    info_.scope = scope;
    info_.standardised_holders_only = holders_only;
  }
  [[nodiscard]] const RuleInfo& info() const noexcept override { return info_; }
  void evaluate_cadre(const model::Cadre& cadre, const EvaluationContext& context,
                      FindingSink& sink) const override {
    report(sink, context.unit_of(cadre).id, cadre.id, "cadre");
  }
  void evaluate_unit(const model::Unit& unit, const EvaluationContext&, FindingSink& sink) const override {
    report(sink, unit.id, {}, "unit");
  }
  void evaluate_roster(const EvaluationContext&, FindingSink& sink) const override {
    report(sink, {}, {}, "roster");
  }

 private:
  static void report(FindingSink& sink, model::UnitId unit, model::CadreId cadre, std::string member) {
    Finding finding;
    finding.unit_id = unit;
    finding.cadre_id = cadre;
    finding.actual = std::move(member);
    sink.report(std::move(finding));
  }
  RuleInfo info_;
};

// "member:subject" for each finding, in report order.
std::vector<std::string> calls_of(const ComplianceReport& report) {
  std::vector<std::string> calls;
  for (const auto& finding : report.findings) {
    calls.push_back(finding.actual + ":" + (finding.cadre_id.empty() ? finding.unit_id.str() : finding.cadre_id.str()));
  }
  return calls;
}

ComplianceReport run_one(std::unique_ptr<Rule> rule) {
  RuleRegistry registry;
  registry.add(std::move(rule));
  EvaluationOptions options;
  options.as_of = kAsOf;
  return evaluate(mixed_roster(), testing::default_profile(), registry, options);
}

TEST(Evaluate, CallsOnlyTheMemberARulesScopeNames) {
  using Calls = std::vector<std::string>;
  EXPECT_EQ(calls_of(run_one(std::make_unique<EveryMemberRule>("test.cadres", RuleScope::cadre, false))),
            (Calls{"cadre:C4", "cadre:C1", "cadre:C3", "cadre:C2"}));
  EXPECT_EQ(calls_of(run_one(std::make_unique<EveryMemberRule>("test.units", RuleScope::unit, false))),
            (Calls{"unit:D1", "unit:U1", "unit:U2"}));
  EXPECT_EQ(calls_of(run_one(std::make_unique<EveryMemberRule>("test.roster", RuleScope::roster, false))),
            (Calls{"roster:"}));
}

// C1 and C2 are commune-level secretaries, subjects of the standards; C3 (chairman, no
// standard in the profile for 2013) and C4 (a district's secretary) are not.
TEST(Evaluate, AStandardisedHoldersOnlyRuleIsCalledForTheSubjectsOfTheStandardsOnly) {
  using Calls = std::vector<std::string>;
  const auto report =
      run_one(std::make_unique<EveryMemberRule>("test.holders", RuleScope::cadre, true));
  EXPECT_EQ(calls_of(report), (Calls{"cadre:C1", "cadre:C2"}));
  EXPECT_EQ(report.cadres, 2u);
  // The flag is about cadres: a unit rule carrying it still sees every unit.
  EXPECT_EQ(calls_of(run_one(std::make_unique<EveryMemberRule>("test.units", RuleScope::unit, true))).size(), 3u);
}

// Blames one cadre: the cadre being judged (no name given), or the named one, once, from
// the roster pass or while judging C1.
class BlameRule final : public Rule {
 public:
  BlameRule(RuleScope scope, std::string blamed, Severity severity) : blamed_(std::move(blamed)) {
    info_.id = "test.blame";
    info_.scope = scope;
    info_.default_severity = severity;
  }
  [[nodiscard]] const RuleInfo& info() const noexcept override { return info_; }
  void evaluate_cadre(const model::Cadre& cadre, const EvaluationContext& context,
                      FindingSink& sink) const override {
    if (blamed_.empty()) {
      blame(sink, context.unit_of(cadre).id, cadre.id);
    } else if (cadre.id.str() == "C1") {
      blame(sink, context.unit_of(cadre).id, model::CadreId(blamed_));
    }
  }
  void evaluate_roster(const EvaluationContext&, FindingSink& sink) const override {
    blame(sink, model::UnitId("U2"), model::CadreId(blamed_));
  }

 private:
  static void blame(FindingSink& sink, model::UnitId unit, model::CadreId cadre) {
    Finding finding;
    finding.unit_id = std::move(unit);
    finding.cadre_id = std::move(cadre);
    sink.report(std::move(finding));
  }
  std::string blamed_;
  RuleInfo info_;
};

// C1 and C2 are the subjects of the standards; only a finding of severity error about a
// cadre makes it fail, whichever rule reports it and about whom.
TEST(Evaluate, CountsTheCadresAnErrorFindingNamesWhicheverRuleReportsIt) {
  const auto compliant = [](RuleScope scope, const std::string& blamed, Severity severity) {
    const auto report = run_one(std::make_unique<BlameRule>(scope, blamed, severity));
    EXPECT_EQ(report.cadres, 2u);
    return report.compliant;
  };
  EXPECT_EQ(compliant(RuleScope::cadre, "", Severity::error), 0u);      // each cadre, judging it
  EXPECT_EQ(compliant(RuleScope::cadre, "", Severity::warning), 2u);    // not an error
  EXPECT_EQ(compliant(RuleScope::cadre, "C2", Severity::error), 1u);    // C2, while judging C1
  EXPECT_EQ(compliant(RuleScope::cadre, "C1", Severity::error), 1u);    // C1, judging C1
  EXPECT_EQ(compliant(RuleScope::roster, "C2", Severity::error), 1u);   // C2, from the roster pass
  EXPECT_EQ(compliant(RuleScope::roster, "C9", Severity::error), 2u);   // no such cadre
  EXPECT_EQ(compliant(RuleScope::roster, "C3", Severity::error), 2u);   // not a subject
}

// Emits findings about the given (unit id, cadre id, year), tagged in `actual`, in the
// order given: any ids, also ones the roster does not have.
class ScatterRule final : public Rule {
 public:
  struct About {
    std::string unit;
    std::string cadre;
    std::optional<int> year;
    std::string tag;
  };
  ScatterRule(std::string id, std::vector<About> findings) : findings_(std::move(findings)) {
    info_.id = std::move(id);
    info_.point = 1;
    info_.scope = RuleScope::roster;
  }
  [[nodiscard]] const RuleInfo& info() const noexcept override { return info_; }
  void evaluate_roster(const EvaluationContext&, FindingSink& sink) const override {
    for (const auto& about : findings_) {
      Finding finding;
      finding.unit_id = model::UnitId(about.unit);
      finding.cadre_id = model::CadreId(about.cadre);
      finding.year = about.year;
      finding.actual = about.tag;
      sink.report(std::move(finding));
    }
  }

 private:
  RuleInfo info_;
  std::vector<About> findings_;
};

// The report's order is that of the texts (bytes compared unsigned), however long the ids
// and whether or not the roster has the unit; equal keys keep the order of emission.
TEST(Evaluate, OrdersLongSharedPrefixIdsAndUnknownUnitsAsTexts) {
  const std::string unit = "U-long-prefix-000000001";
  const std::vector<ScatterRule::About> second_rule{
      {unit, "CADRE-LONG-PREFIX-0002", 2012, "a"},
      {unit, "CADRE-LONG-PREFIX-0001", std::nullopt, "b"},
      {unit, "CADRE-LONG-PREFIX-000", 2011, "c"},
      {unit, "CADRE-LONG-PREFIX-0001", 2011, "d"},
      {unit, "CADRE-LONG-PREFIX-0001", 2011, "e"},
      {"NOT-IN-THE-ROSTER", "C1", std::nullopt, "f"},
      {"", "", std::nullopt, "g"},
      {"U2", "\xC4\x90-cadre", std::nullopt, "h"},
      {"U2", "Z-cadre", std::nullopt, "i"},
      {"U10", "C1", std::nullopt, "j"},
      {"U2", "CADRE-16-BYTES-X", std::nullopt, "k"},
      {"U2", "CADRE-16-BYTES-X-and-more", std::nullopt, "l"},
      {"U2", "CADRE-16-BYTES", std::nullopt, "m"},
      {unit, "", std::nullopt, "n"},
      {"NOT-IN-THE-ROSTER-EITHER", "", std::nullopt, "o"},
  };
  const std::vector<ScatterRule::About> first_rule{
      {unit, "CADRE-LONG-PREFIX-0001", 2011, "p"},  // same key as d and e, another rule id
      {"U2", "Z-cadre", std::nullopt, "q"},
  };
  RuleRegistry registry;
  registry.add(std::make_unique<ScatterRule>("test.second", second_rule));
  registry.add(std::make_unique<ScatterRule>("test.first", first_rule));
  RosterBuilder builder;
  builder.unit(unit);
  builder.unit("U2");
  builder.unit("U10");
  EvaluationOptions options;
  options.as_of = kAsOf;
  const auto report = evaluate(builder.build(), testing::blank_profile(), registry, options);

  // What comparing the texts says, ties in emission order (rule by rule, as registered).
  std::vector<Finding> expected;
  for (const auto* list : {&second_rule, &first_rule}) {
    for (const auto& about : *list) {
      Finding finding;
      finding.unit_id = model::UnitId(about.unit);
      finding.cadre_id = model::CadreId(about.cadre);
      finding.point = 1;
      finding.rule_id = list == &second_rule ? "test.second" : "test.first";
      finding.year = about.year;
      finding.actual = about.tag;
      expected.push_back(finding);
    }
  }
  std::stable_sort(expected.begin(), expected.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.unit_id, a.cadre_id, a.point, a.rule_id, a.year) <
           std::tie(b.unit_id, b.cadre_id, b.point, b.rule_id, b.year);
  });
  std::string expected_tags;
  for (const auto& finding : expected) expected_tags += finding.actual;
  std::string tags;
  for (const auto& finding : report.findings) tags += finding.actual;
  EXPECT_EQ(tags, expected_tags);
  // Spelled out, so the test does not only agree with itself.
  EXPECT_EQ(tags, "gfoncpbdeajmklqih");
}

// A rule's findings are collected in blocks (64 findings, doubling up to 4096): ten
// thousand of them span blocks of every size, the largest repeated, and must come out
// ordered by their keys, ties in emission order, all of them counted.
TEST(Evaluate, ManyFindingsOfOneRuleKeepEmissionOrderAcrossBlocks) {
  constexpr int count = 10000;
  std::vector<ScatterRule::About> findings;
  for (int i = 0; i < count; ++i) {
    const std::optional<int> year = i % 7 == 0 ? std::optional<int>(2011) : std::nullopt;
    findings.push_back({"U2", i % 3 == 0 ? "C-b" : "C-a", year, std::to_string(i)});
  }
  RuleRegistry registry;
  registry.add(std::make_unique<ScatterRule>("test.many", findings));
  RosterBuilder builder;
  builder.unit("U2");
  EvaluationOptions options;
  options.as_of = kAsOf;
  const auto report = evaluate(builder.build(), testing::blank_profile(), registry, options);

  std::vector<const ScatterRule::About*> expected;
  for (const auto& about : findings) expected.push_back(&about);
  std::stable_sort(expected.begin(), expected.end(), [](const auto* a, const auto* b) {
    return std::tie(a->cadre, a->year) < std::tie(b->cadre, b->year);
  });
  ASSERT_EQ(report.findings.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    ASSERT_EQ(report.findings[i].actual, expected[i]->tag) << "at " << i;
  }
  EXPECT_EQ(report.by_rule.at("test.many").error, static_cast<std::size_t>(count));  // default severity
  // Spelled out: C-a without a year first, in emission order.
  EXPECT_EQ(report.findings[0].actual, "1");
  EXPECT_EQ(report.findings[1].actual, "2");
  EXPECT_EQ(report.findings[2].actual, "4");
}

// Findings that come in a few runs ascending by unit and cadre (as a roster listed unit by
// unit gives them), a cadre's own findings in any order, are merged rather than sorted:
// the order must be the same, ties and all.
TEST(Evaluate, FindingsInAFewAscendingRunsAreMergedInReportOrder) {
  const auto cadre = [](int i) {
    std::string id = std::to_string(i);
    return "C" + std::string(5 - id.size(), '0') + id;
  };
  struct Emitted {
    std::string rule;
    ScatterRule::About about;
  };
  std::vector<Emitted> emitted;
  std::vector<ScatterRule::About> evens, odds, thirds, years;
  for (int i = 0; i < 6000; i += 2) {
    evens.push_back({"U1", cadre(i), std::nullopt, "even " + std::to_string(i)});
    if (i % 10 == 0) evens.push_back({"U1", cadre(i), std::nullopt, "even again " + std::to_string(i)});
  }
  for (int i = 1; i < 6000; i += 2) odds.push_back({"U1", cadre(i), 2011, "odd " + std::to_string(i)});
  for (int part = 0; part < 3; ++part) {  // three ascending runs, each starting over
    for (int i = part; i < 6000; i += 7) thirds.push_back({"U1", cadre(i), 2010 + part, "third " + std::to_string(i)});
  }
  for (int i = 0; i < 6000; i += 3) {  // a cadre's years out of order, one of them twice
    int emitted_before = 0;
    for (const int year : {2014, 2012, 2013, 2012}) {
      years.push_back({"U1", cadre(i), year,
                       "year " + std::to_string(year) + " #" + std::to_string(emitted_before++) + " of " + std::to_string(i)});
    }
  }
  RuleRegistry registry;
  registry.add(std::make_unique<ScatterRule>("test.years", years));
  registry.add(std::make_unique<ScatterRule>("test.evens", evens));
  registry.add(std::make_unique<ScatterRule>("test.odds", odds));
  registry.add(std::make_unique<ScatterRule>("test.thirds", thirds));
  for (const auto& about : years) emitted.push_back({"test.years", about});
  for (const auto& about : evens) emitted.push_back({"test.evens", about});
  for (const auto& about : odds) emitted.push_back({"test.odds", about});
  for (const auto& about : thirds) emitted.push_back({"test.thirds", about});
  RosterBuilder builder;
  builder.unit("U1");
  EvaluationOptions options;
  options.as_of = kAsOf;
  const auto report = evaluate(builder.build(), testing::blank_profile(), registry, options);

  // Unit, cadre, point (all 1), rule id, year; ties in emission order (stable).
  std::stable_sort(emitted.begin(), emitted.end(), [](const Emitted& a, const Emitted& b) {
    return std::tie(a.about.cadre, a.rule, a.about.year) < std::tie(b.about.cadre, b.rule, b.about.year);
  });
  ASSERT_EQ(report.findings.size(), emitted.size());
  for (std::size_t i = 0; i < emitted.size(); ++i) {
    ASSERT_EQ(report.findings[i].actual, emitted[i].about.tag) << "at " << i;
  }
  // Spelled out: C00000's two findings of test.evens in emission order, then test.thirds,
  // then test.years by year, the two of 2012 in emission order.
  EXPECT_EQ(report.findings[0].actual, "even 0");
  EXPECT_EQ(report.findings[1].actual, "even again 0");
  EXPECT_EQ(report.findings[2].actual, "third 0");
  EXPECT_EQ(report.findings[3].actual, "year 2012 #1 of 0");
  EXPECT_EQ(report.findings[4].actual, "year 2012 #3 of 0");
  EXPECT_EQ(report.findings[5].actual, "year 2013 #2 of 0");
  EXPECT_EQ(report.findings[6].actual, "year 2014 #0 of 0");
}

TEST(RuleRegistry, HoldsEveryBuiltInRuleOfTheCheckContract) {
  const auto& registry = testing::registry();
  const std::vector<std::pair<std::string, int>> contract{
      {"standard.general_education", 0}, {"standard.professional_level", 0},
      {"standard.political_theory", 0},  {"standard.age", 0},
      {"point1.accredited_provider", 1}, {"point2.successor_pool", 2},
      {"point2.plan_at_term_start", 2},  {"point3.annual_refresher", 3},
      {"point4.field_mismatch", 4},      {"point4.unplanned_study", 4},
      {"point5.budget_floor", 5},        {"point5.budget_diverted", 5}};
  for (const auto& [id, point] : contract) {
    const auto* rule = registry.find(id);
    ASSERT_NE(rule, nullptr) << id;
    EXPECT_EQ(rule->info().point, point) << id;
    EXPECT_FALSE(rule->info().description.english().empty()) << id;
    EXPECT_FALSE(rule->info().description.vietnamese().empty()) << id;
  }
  EXPECT_EQ(registry.find("point9.nothing"), nullptr);
}

TEST(RuleRegistry, RefusesNullEmptyAndDuplicateRules) {
  RuleRegistry registry;
  registry.add(std::make_unique<CountingRule>());
  EXPECT_THROW(registry.add(std::make_unique<CountingRule>()), std::invalid_argument);
  EXPECT_THROW(registry.add(nullptr), std::invalid_argument);
  EXPECT_EQ(registry.rules().size(), 1u);
}

TEST(Severity, ParsesEnglishAndVietnameseCodes) {
  EXPECT_EQ(parse_severity("error"), Severity::error);
  EXPECT_EQ(parse_severity("Cảnh báo"), Severity::warning);
  EXPECT_EQ(parse_severity("THONG TIN"), Severity::info);
  EXPECT_EQ(parse_severity("lỗi"), Severity::error);
  EXPECT_FALSE(parse_severity("fatal").has_value());
  EXPECT_FALSE(parse_severity("\xFF").has_value());
  EXPECT_EQ(to_code(Severity::warning), "warning");
}

}  // namespace
}  // namespace cadreplan::policy
