// The `cadreplan` program: one function per subcommand, each parsing its options into a
// plain struct and calling the library. Nothing here decides what the library could.
#include <CLI/CLI.hpp>

#include <iostream>
#include <string>

#include "cadreplan/cadreplan.hpp"
#include "command_line.hpp"
#include "check_command.hpp"
#include "convert_command.hpp"
#include "generate_command.hpp"
#include "plan_command.hpp"
#include "stats_command.hpp"

namespace {

constexpr const char* description =
    "cadreplan - qualification statistics, compliance checks and training plans for the "
    "secretaries and other cadres of commune-level Party committees, read from a roster (a "
    "folder of CSV files: units.csv, cadres.csv, trainings.csv, pools.csv, budgets.csv).";

constexpr const char* footer = R"(
Start here, from the source folder, with the bundled roster of Sóc Trăng province:
  cadreplan stats examples/data/soc-trang-2013 --as-of 2013-12-31
  cadreplan check examples/data/soc-trang-2013 --as-of 2013-12-31
  cadreplan plan examples/data/soc-trang-2013 --term 2015-2020 --catalog examples/data/soc-trang-courses.csv
  cadreplan convert examples/data/soc-trang-2013 soc-trang-2013.cpa
  cadreplan generate national --cadres 1000000
  cadreplan profile --default > my-profile.toml
Run 'cadreplan COMMAND --help' for a command's options.

Exit status: 0 success, 1 'check' found errors (or a profile test failed), 2 bad usage or
bad input (messages on stderr as FILE:LINE:COLUMN: error: MESSAGE).)";

// CLI11 reports its own usage errors with exit codes of its own; FORMATS.md promises 2.
int usage_failure(const CLI::App& app, const CLI::ParseError& error) {
  if (error.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) {
    return app.exit(error);  // --help, --version
  }
  std::cerr << "cadreplan: error: " << error.what() << '\n'
            << "Run 'cadreplan --help' for more information.\n";
  return cadreplan::cli::exit_bad_input;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{description, "cadreplan"};
  app.set_version_flag("--version", std::string(cadreplan::version()));
  app.require_subcommand(1);
  app.footer(footer);

  cadreplan::cli::StatsOptions stats_options;
  const CLI::App* stats = cadreplan::cli::add_stats_command(app, stats_options);
  cadreplan::cli::CheckOptions check_options;
  const CLI::App* check = cadreplan::cli::add_check_command(app, check_options);
  cadreplan::cli::ProfileOptions profile_options;
  const CLI::App* profile = cadreplan::cli::add_profile_command(app, profile_options);
  cadreplan::cli::RulesOptions rules_options;
  const CLI::App* rules = cadreplan::cli::add_rules_command(app, rules_options);
  cadreplan::cli::PlanOptions plan_options;
  const CLI::App* plan = cadreplan::cli::add_plan_command(app, plan_options);
  cadreplan::cli::ConvertOptions convert_options;
  const CLI::App* convert = cadreplan::cli::add_convert_command(app, convert_options);
  cadreplan::cli::GenerateOptions generate_options;
  const CLI::App* generate = cadreplan::cli::add_generate_command(app, generate_options);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return usage_failure(app, error);
  }
  return cadreplan::cli::run_reporting_errors(
      [&] {
        if (stats->parsed()) return cadreplan::cli::run_stats(stats_options, std::cout, std::cerr);
        if (check->parsed()) return cadreplan::cli::run_check(check_options, std::cout, std::cerr);
        if (profile->parsed()) return cadreplan::cli::run_profile(profile_options, std::cout, std::cerr);
        if (rules->parsed()) return cadreplan::cli::run_rules(rules_options, std::cout, std::cerr);
        if (plan->parsed()) return cadreplan::cli::run_plan(plan_options, std::cout, std::cerr);
        if (convert->parsed()) return cadreplan::cli::run_convert(convert_options, std::cout, std::cerr);
        if (generate->parsed()) return cadreplan::cli::run_generate(generate_options, std::cout, std::cerr);
        return static_cast<int>(cadreplan::cli::exit_bad_input);  // require_subcommand(1)
      },
      std::cerr);
}
