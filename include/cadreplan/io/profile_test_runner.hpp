/// \file profile_test_runner.hpp
/// \brief Running a profile's own test cases, as `opa test` runs a policy's tests.
/// \ingroup io
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "cadreplan/policy/profile.hpp"
#include "cadreplan/policy/rule_registry.hpp"

namespace cadreplan::io {

/// The outcome of one profile test case.
struct ProfileTestResult {
  std::string name;                     ///< The case's name.
  std::size_t line = 0;                 ///< Its line in the profile file.
  bool passed = false;                  ///< True when the findings matched.
  std::vector<std::string> missing;     ///< Expected `rule cadre unit` not found.
  std::vector<std::string> unexpected;  ///< Found `rule cadre unit` not expected (exact cases).
  std::string error;                    ///< Why the case could not run (bad inline roster).
};

/// Runs every test case of \p profile: loads its inline CSV tables as a roster,
/// evaluates the case's rules (or all) as of its date, and compares the set of
/// (rule, cadre, unit) findings with the expected ones. A case whose tables do not load
/// fails with the loader's diagnostics in `error`.
[[nodiscard]] std::vector<ProfileTestResult> run_profile_tests(const policy::Profile& profile,
                                                               const policy::RuleRegistry& registry);

}  // namespace cadreplan::io
