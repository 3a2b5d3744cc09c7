// `cadreplan check`, `profile` and `rules`: options in, library calls, reports out.
#include "check_command.hpp"

#include "cadreplan/io/compliance_writer.hpp"
#include "cadreplan/io/profile_test_runner.hpp"
#include "cadreplan/io/profile_toml.hpp"
#include "cadreplan/io/rules_reference_writer.hpp"
#include "cadreplan/policy/evaluator.hpp"
#include "command_line.hpp"

namespace cadreplan::cli {
namespace {

constexpr const char* check_footer = R"(
Runs every rule of the profile (position standards and the five points of the policy)
over the roster as of the date. Each finding names the cadre or unit, the actual and the
required value, the regulation, and a fix. Exit status 1 when a finding of severity
error remains, 0 otherwise, 2 for bad usage or input.

Examples, from the source folder:
  cadreplan check examples/data/soc-trang-2013 --as-of 2013-12-31
  cadreplan check examples/data/soc-trang-2013 --as-of 2013-12-31 --point 3 --format csv
  cadreplan check examples/data/soc-trang-2013 --as-of 2013-12-31 --lang vi --unit ST-KS-01)";

policy::Profile profile_option(const std::string& path, const policy::RuleRegistry& registry) {
  if (path.empty()) return io::default_profile(registry);
  std::error_code ignored;  // a name the system refuses is not a file either
  if (!std::filesystem::is_regular_file(path, ignored)) {
    throw UsageError("--profile: '" + path + "' is not a file");
  }
  return io::load_profile(path, registry);
}

void check_rule_names(const std::vector<std::string>& rules, const policy::RuleRegistry& registry) {
  for (const auto& id : rules) {
    if (registry.find(id) == nullptr) {
      throw UsageError("--rule: unknown rule '" + id + "' (run 'cadreplan rules' for the list)");
    }
  }
}

}  // namespace

CLI::App* add_check_command(CLI::App& app, CheckOptions& options) {
  CLI::App* check = app.add_subcommand("check", "Compliance with the position standards and the five-point policy");
  check->add_option("ROSTER", options.roster, "The roster: a folder of CSV files")->required();
  check->add_option("--as-of", options.as_of, "The day to check on, YYYY-MM-DD or DD/MM/YYYY (default: today)");
  check->add_option("--profile", options.profile, "A TOML profile (default: the built-in profile)");
  check->add_option("--format", options.format, "Output format: text, json or csv (default: text)")
      ->check(CLI::IsMember(output_format_names()));
  check->add_option("--lang", options.language, "Language of messages: en or vi (default: en)")
      ->check(CLI::IsMember(language_names()));
  check->add_option("--rule", options.rules, "Keep only this rule's findings (repeatable)");
  check->add_option("--point", options.points, "Keep only this policy point, 0-5 (repeatable)")
      ->check(CLI::Range(0, 5));
  check->add_option("--unit", options.units, "Keep only findings about this unit id (repeatable)");
  check->add_flag("--keep-going", options.keep_going, "Report every error in the roster instead of the first");
  add_jobs_option(*check, options.jobs);
  check->footer(check_footer);
  return check;
}

CLI::App* add_profile_command(CLI::App& app, ProfileOptions& options) {
  CLI::App* profile = app.add_subcommand("profile", "Print, verify or test a training profile");
  auto* print_default = profile->add_flag("--default", options.print_default, "Print the default profile (TOML)");
  auto* test = profile->add_option("--test", options.test, "Run the test cases of a profile file");
  auto* show = profile->add_option("--show", options.show, "Verify a profile file and print it as canonical TOML with its SHA-256");
  print_default->excludes(test)->excludes(show);
  test->excludes(show);
  profile->require_option(1);
  return profile;
}

CLI::App* add_rules_command(CLI::App& app, RulesOptions& options) {
  CLI::App* rules = app.add_subcommand("rules", "The rules reference (Markdown), from the rules' own documentation");
  rules->add_option("--profile", options.profile, "Show this profile's settings (default: the built-in profile)");
  rules->add_option("--lang", options.language, "Language: en or vi (default: en)")
      ->check(CLI::IsMember(language_names()));
  return rules;
}

int run_check(const CheckOptions& options, std::ostream& out, std::ostream& err) {
  const auto registry = policy::RuleRegistry::with_builtin_rules();
  policy::EvaluationOptions evaluation;
  evaluation.jobs = options.jobs;
  evaluation.as_of = date_or_today(options.as_of, "--as-of");
  check_rule_names(options.rules, registry);
  evaluation.only_rules.insert(options.rules.begin(), options.rules.end());
  evaluation.only_points.insert(options.points.begin(), options.points.end());
  evaluation.only_units.insert(options.units.begin(), options.units.end());
  const OutputFormat format = parse_output_format(options.format);
  const model::Language language = parse_language(options.language);
  evaluation.language = language;  // every format writes the findings in this one language
  const policy::Profile profile = profile_option(options.profile, registry);

  const model::Roster& roster = load_roster(options.roster, options.keep_going, err);
  policy::ComplianceReport report;
  try {
    report = policy::evaluate(roster, profile, registry, evaluation);
  } catch (const std::invalid_argument& error) {
    throw UsageError(error.what());  // e.g. no standard in force on the date
  }
  switch (format) {
    case OutputFormat::json:
      io::write_compliance_json(out, report, language);
      break;
    case OutputFormat::csv:
      io::write_compliance_csv(out, report, language);
      break;
    case OutputFormat::text:
      io::write_compliance_text(out, report, roster, language);
      break;
  }
  return report.totals.error > 0 ? exit_check_failed : exit_success;
}

int run_profile(const ProfileOptions& options, std::ostream& out, std::ostream& err) {
  const auto registry = policy::RuleRegistry::with_builtin_rules();
  if (options.print_default) {
    out << io::default_profile_text();
    return exit_success;
  }
  if (!options.show.empty()) {
    const auto profile = profile_option(options.show, registry);
    out << "# " << profile.name << " sha256 " << profile.sha256 << "\n" << profile.canonical_text << "\n";
    return exit_success;
  }
  const auto profile = profile_option(options.test, registry);
  const auto results = io::run_profile_tests(profile, registry);
  std::size_t failed = 0;
  for (const auto& result : results) {
    out << (result.passed ? "PASS" : "FAIL") << "  " << options.test << ":" << result.line << "  " << result.name << "\n";
    if (!result.error.empty()) out << "      cannot run: " << result.error << "\n";
    for (const auto& missing : result.missing) out << "      missing:    " << missing << "\n";
    for (const auto& unexpected : result.unexpected) out << "      unexpected: " << unexpected << "\n";
    if (!result.passed) ++failed;
  }
  out << (results.size() - failed) << " passed, " << failed << " failed\n";
  if (results.empty()) err << "cadreplan: warning: " << options.test << " has no [[tests]]\n";
  return failed > 0 ? exit_check_failed : exit_success;
}

int run_rules(const RulesOptions& options, std::ostream& out, std::ostream&) {
  const auto registry = policy::RuleRegistry::with_builtin_rules();
  io::write_rules_markdown(out, registry, profile_option(options.profile, registry),
                           parse_language(options.language));
  return exit_success;
}

}  // namespace cadreplan::cli
