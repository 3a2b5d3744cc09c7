#include "cadreplan/io/profile_test_runner.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <tuple>

#include "cadreplan/io/roster_csv.hpp"
#include "cadreplan/policy/evaluator.hpp"

namespace cadreplan::io {
namespace {

namespace fs = std::filesystem;

using Key = std::tuple<std::string, std::string, std::string>;  // rule, cadre, unit

std::string key_text(const Key& key) {
  const auto& [rule, cadre, unit] = key;
  return rule + (cadre.empty() ? "" : " cadre=" + cadre) + (unit.empty() ? "" : " unit=" + unit);
}

/// A folder that removes itself: the inline tables are written there and loaded with
/// the very loader rosters use, so a profile test exercises the real parsing.
class ScratchFolder {
 public:
  ScratchFolder() {
    std::random_device device;
    path_ = fs::temp_directory_path() / ("cadreplan-profile-test-" + std::to_string(device()));
    fs::create_directories(path_);
  }
  ~ScratchFolder() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;
  [[nodiscard]] const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

model::Roster load_inline_roster(const policy::ProfileTestCase& test, const fs::path& folder) {
  for (const auto& [name, text] : test.tables) {
    std::ofstream(folder / name, std::ios::binary) << text;
  }
  return load_roster_csv(folder).roster;
}

// A finding matches an expectation that leaves the cadre or unit empty whatever they are.
bool matches(const Key& expected, const Key& found) {
  return std::get<0>(expected) == std::get<0>(found) &&
         (std::get<1>(expected).empty() || std::get<1>(expected) == std::get<1>(found)) &&
         (std::get<2>(expected).empty() || std::get<2>(expected) == std::get<2>(found));
}

void compare(const policy::ProfileTestCase& test, const std::vector<policy::Finding>& findings,
             ProfileTestResult& result) {
  std::set<Key> found;
  for (const auto& finding : findings) {
    found.emplace(finding.rule_id, finding.cadre_id.str(), finding.unit_id.str());
  }
  std::set<std::string> judged_rules(test.rules.begin(), test.rules.end());
  if (judged_rules.empty()) {
    for (const auto& expected : test.expected) judged_rules.insert(expected.rule_id);
  }
  std::vector<Key> expected;
  for (const auto& item : test.expected) expected.emplace_back(item.rule_id, item.cadre_id, item.unit_id);
  for (const auto& key : expected) {
    if (std::none_of(found.begin(), found.end(), [&](const Key& f) { return matches(key, f); })) {
      result.missing.push_back(key_text(key));
    }
  }
  if (test.exact) {
    for (const auto& key : found) {
      if (!judged_rules.contains(std::get<0>(key))) continue;
      if (std::none_of(expected.begin(), expected.end(), [&](const Key& e) { return matches(e, key); })) {
        result.unexpected.push_back(key_text(key));
      }
    }
  }
  result.passed = result.missing.empty() && result.unexpected.empty();
}

}  // namespace

std::vector<ProfileTestResult> run_profile_tests(const policy::Profile& profile,
                                                 const policy::RuleRegistry& registry) {
  std::vector<ProfileTestResult> results;
  for (const auto& test : profile.tests) {
    ProfileTestResult result;
    result.name = test.name;
    result.line = test.line;
    ScratchFolder folder;
    try {
      const model::Roster roster = load_inline_roster(test, folder.path());
      policy::EvaluationOptions options;
      options.as_of = test.as_of;
      options.only_rules.insert(test.rules.begin(), test.rules.end());
      compare(test, policy::evaluate(roster, profile, registry, options).findings, result);
    } catch (const std::exception& error) {
      // Name the inline tables as the profile author knows them, not the scratch path.
      result.error = error.what();
      const std::string scratch = folder.path().string() + "/";
      for (auto at = result.error.find(scratch); at != std::string::npos; at = result.error.find(scratch)) {
        result.error.replace(at, scratch.size(), "[tests.tables] ");
      }
    }
    results.push_back(std::move(result));
  }
  return results;
}

}  // namespace cadreplan::io
