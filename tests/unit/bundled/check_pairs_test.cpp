// Pins `cadreplan check` on the bundled 2013 roster against the findings the data
// generator planted on purpose (examples/data/generate_soc_trang.py --check writes
// them from its own bookkeeping, not by running this library): an independent oracle.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <tuple>

#include "cadreplan/io/csv_table.hpp"
#include "cadreplan/io/profile_toml.hpp"
#include "cadreplan/io/roster_csv.hpp"
#include "cadreplan/policy/evaluator.hpp"

namespace {

using Triple = std::tuple<std::string, std::string, std::string>;  // rule, cadre, unit

std::set<Triple> expected_triples() {
  const auto table = cadreplan::io::read_csv_table(CADREPLAN_TEST_DATA_DIR
                                                   "/expected/soc-trang-2013-check-pairs.csv");
  const auto rule = table.find_column("rule").value();
  const auto cadre = table.find_column("cadre_id").value();
  const auto unit = table.find_column("unit_id").value();
  std::set<Triple> triples;
  for (const auto& row : table.rows) triples.emplace(row.cells[rule], row.cells[cadre], row.cells[unit]);
  return triples;
}

TEST(BundledCheck, FindsExactlyWhatTheGeneratorPlanted) {
  const auto roster =
      cadreplan::io::load_roster_csv(CADREPLAN_SOURCE_DIR "/examples/data/soc-trang-2013").roster;
  const auto registry = cadreplan::policy::RuleRegistry::with_builtin_rules();
  const auto profile = cadreplan::io::default_profile(registry);
  cadreplan::policy::EvaluationOptions options;
  options.as_of = boost::gregorian::date(2013, 12, 31);
  const auto report = cadreplan::policy::evaluate(roster, profile, registry, options);

  std::set<Triple> found;
  for (const auto& finding : report.findings) {
    found.emplace(finding.rule_id, finding.cadre_id.str(), finding.unit_id.str());
  }
  const auto expected = expected_triples();
  ASSERT_GT(expected.size(), 50u);
  for (const auto& triple : expected) {
    EXPECT_TRUE(found.contains(triple)) << "missing " << std::get<0>(triple) << " "
                                        << std::get<1>(triple) << " " << std::get<2>(triple);
  }
  for (const auto& triple : found) {
    EXPECT_TRUE(expected.contains(triple)) << "unexpected " << std::get<0>(triple) << " "
                                           << std::get<1>(triple) << " " << std::get<2>(triple);
  }
  EXPECT_EQ(report.cadres, 109u);
  EXPECT_GT(report.totals.error, 0u);  // the seed's problems are errors: check exits 1
}

}  // namespace
