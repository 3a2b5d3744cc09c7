// `jobs`: check and stats give the same report, byte for byte, on one thread or several.
// The rosters are generated, large enough that the work really is split into shares.
#include <gtest/gtest.h>

#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>

#include "cadreplan/io/compliance_writer.hpp"
#include "cadreplan/io/profile_toml.hpp"
#include "cadreplan/io/statistics_writer.hpp"
#include "cadreplan/policy/evaluation_context.hpp"
#include "cadreplan/policy/evaluator.hpp"
#include "cadreplan/policy/rule_registry.hpp"
#include "cadreplan/report/statistics.hpp"
#include "cadreplan/synth/generator.hpp"

namespace {

using cadreplan::model::Position;
using cadreplan::model::Roster;
namespace policy = cadreplan::policy;
namespace report = cadreplan::report;
namespace io = cadreplan::io;

const Roster& generated_roster() {
  static const Roster roster = [] {
    cadreplan::synth::GeneratorOptions options;
    options.cadres = 20'000;  // five shares of the check's 4,096 cadres
    options.seed = 7;
    return cadreplan::synth::generate_roster(options);
  }();
  return roster;
}

std::string check_json(const Roster& roster, unsigned jobs) {
  const auto registry = policy::RuleRegistry::with_builtin_rules();
  const auto profile = io::default_profile(registry);
  policy::EvaluationOptions options;
  options.as_of = boost::gregorian::date(2024, 12, 31);
  options.jobs = jobs;
  std::ostringstream out;
  io::write_compliance_json(out, policy::evaluate(roster, profile, registry, options));
  return out.str();
}

TEST(ParallelCheck, GivesTheSameReportWhateverTheNumberOfJobs) {
  const std::string one = check_json(generated_roster(), 1);
  EXPECT_NE(one.find("\"rule\": \"point3.annual_refresher\""), std::string::npos);
  for (unsigned jobs : {2U, 3U, 0U}) {
    EXPECT_EQ(check_json(generated_roster(), jobs), one) << jobs << " jobs";
  }
}

TEST(ParallelCheck, AFailureIsReportedWhateverTheNumberOfJobs) {
  // A profile whose secretary standards stop before the as-of date has a gap: every
  // standard rule must refuse it, also while the unit and roster pass runs beside the
  // per-cadre shares on another thread.
  const auto registry = policy::RuleRegistry::with_builtin_rules();
  auto profile = io::default_profile(registry);
  for (auto& standard : profile.standards) {
    if (standard.position == Position::secretary) standard.until = boost::gregorian::date(2019, 12, 31);
  }
  for (unsigned jobs : {1U, 2U, 3U}) {
    policy::EvaluationOptions options;
    options.as_of = boost::gregorian::date(2024, 12, 31);
    options.jobs = jobs;
    try {
      (void)policy::evaluate(generated_roster(), profile, registry, options);
      ADD_FAILURE() << "a gap in the standards passed with " << jobs << " jobs";
    } catch (const std::invalid_argument& error) {
      EXPECT_NE(std::string(error.what()).find("no standard for secretary in force on 2024-12-31"),
                std::string::npos)
          << error.what();
    }
  }
}

// Throws about one cadre (the last of the roster: in the last chunk, taken last) or about
// every unit.
class ThrowingRule final : public policy::Rule {
 public:
  explicit ThrowingRule(policy::RuleScope scope) {
    info_.id = scope == policy::RuleScope::unit ? "test.throws_on_units" : "test.throws_on_a_cadre";
    info_.scope = scope;
  }
  [[nodiscard]] const policy::RuleInfo& info() const noexcept override { return info_; }
  void evaluate_cadre(const cadreplan::model::Cadre& cadre, const policy::EvaluationContext& context,
                      policy::FindingSink&) const override {
    if (info_.scope != policy::RuleScope::cadre) return;
    if (&cadre == &context.roster().cadres().back()) throw std::runtime_error("cadre " + cadre.id.str());
  }
  void evaluate_unit(const cadreplan::model::Unit& unit, const policy::EvaluationContext&,
                     policy::FindingSink&) const override {
    if (info_.scope != policy::RuleScope::unit) return;
    throw std::runtime_error("unit " + unit.id.str());
  }

 private:
  policy::RuleInfo info_;
};

std::string failure_of(const policy::RuleRegistry& registry, unsigned jobs) {
  policy::EvaluationOptions options;
  options.as_of = boost::gregorian::date(2024, 12, 31);
  options.jobs = jobs;
  try {
    (void)policy::evaluate(generated_roster(), policy::Profile{}, registry, options);
  } catch (const std::runtime_error& error) {
    return error.what();
  }
  return "no failure";
}

TEST(ParallelCheck, ThePerCadreFailureComesFirstWhateverTheNumberOfJobs) {
  // The unit pass fails at once, the cadre pass at its very end: one thread meets the
  // cadre's failure first, and so must every number of threads.
  policy::RuleRegistry both;
  both.add(std::make_unique<ThrowingRule>(policy::RuleScope::unit));
  both.add(std::make_unique<ThrowingRule>(policy::RuleScope::cadre));
  const std::string last_cadre = "cadre " + generated_roster().cadres().back().id.str();
  policy::RuleRegistry units_only;
  units_only.add(std::make_unique<ThrowingRule>(policy::RuleScope::unit));
  const std::string first_unit = "unit " + generated_roster().units().front().id.str();
  for (unsigned jobs : {1U, 2U, 3U}) {
    EXPECT_EQ(failure_of(both, jobs), last_cadre) << jobs << " jobs";
    EXPECT_EQ(failure_of(units_only, jobs), first_unit) << jobs << " jobs";
  }
}

TEST(ParallelCheck, ASmallRosterIsEvaluatedTheSame) {
  cadreplan::synth::GeneratorOptions options;
  options.cadres = 300;
  const Roster small = cadreplan::synth::generate_roster(options);
  EXPECT_EQ(check_json(small, 8), check_json(small, 1));
}

// Every cadre made a secretary, so the holders (40,000) span more than one share.
Roster all_secretaries() {
  cadreplan::synth::GeneratorOptions options;
  options.cadres = 40'000;
  options.seed = 11;
  cadreplan::model::RosterTables tables = cadreplan::synth::generate_roster(options).tables();
  for (auto& cadre : tables.cadres) cadre.positions = {{Position::secretary, std::nullopt}};
  tables.pools.clear();  // a sitting secretary may not be their own successor
  return Roster::build(std::move(tables));
}

TEST(ParallelStats, GivesTheSameFiguresWhateverTheNumberOfJobs) {
  const Roster roster = all_secretaries();
  report::StatisticsQuery query;
  query.as_of = boost::gregorian::date(2024, 12, 31);
  const report::Statistics one = report::compute_statistics(roster, query, 1);
  EXPECT_GT(one.cadres, 30'000u);
  std::ostringstream one_json;
  io::write_statistics_json(one_json, one);
  for (unsigned jobs : {2U, 4U, 0U}) {
    const report::Statistics many = report::compute_statistics(roster, query, jobs);
    EXPECT_EQ(many, one) << jobs << " jobs";
    std::ostringstream many_json;
    io::write_statistics_json(many_json, many);
    EXPECT_EQ(many_json.str(), one_json.str());
  }
}

TEST(Tally, AddsAnotherTallyCountByCount) {
  report::Tally<Position> a;
  report::Tally<Position> b;
  a.add(Position::secretary);
  a.add(std::nullopt);
  b.add(Position::secretary, 2);
  b.add(Position::chairman);
  a += b;
  EXPECT_EQ(a.count(Position::secretary), 3u);
  EXPECT_EQ(a.count(Position::chairman), 1u);
  EXPECT_EQ(a.unknown(), 1u);
  EXPECT_EQ(a.total(), 5u);
}

}  // namespace
