/// \file check_command.hpp
/// \brief `cadreplan check`, `cadreplan profile` and `cadreplan rules`: compliance with
///   a training profile, the profile itself, and the rules reference.
#pragma once

#include <CLI/CLI.hpp>

#include <ostream>
#include <string>
#include <vector>

namespace cadreplan::cli {

/// The options of `cadreplan check`, as typed.
struct CheckOptions {
  std::string roster;                ///< The roster folder.
  std::string as_of;                 ///< `--as-of` (empty: today).
  std::string profile;               ///< `--profile` (empty: the default profile).
  std::string format = "text";       ///< `--format`.
  std::string language = "en";       ///< `--lang`.
  std::vector<std::string> rules;    ///< `--rule` filters.
  std::vector<int> points;           ///< `--point` filters.
  std::vector<std::string> units;    ///< `--unit` filters.
  bool keep_going = false;           ///< `--keep-going`.
  unsigned jobs = 1;                 ///< `--jobs`: threads (0: one per core).
};

/// The options of `cadreplan profile`.
struct ProfileOptions {
  bool print_default = false;  ///< `--default`: print the default profile.
  std::string test;            ///< `--test FILE`: run the profile's own tests.
  std::string show;            ///< `--show FILE`: load, verify and print the canonical profile.
};

/// The options of `cadreplan rules`.
struct RulesOptions {
  std::string profile;          ///< `--profile` (empty: the default profile).
  std::string language = "en";  ///< `--lang`.
};

/// Adds the `check` subcommand.
CLI::App* add_check_command(CLI::App& app, CheckOptions& options);
/// Adds the `profile` subcommand.
CLI::App* add_profile_command(CLI::App& app, ProfileOptions& options);
/// Adds the `rules` subcommand.
CLI::App* add_rules_command(CLI::App& app, RulesOptions& options);

/// Runs `cadreplan check`. \returns 0, or 1 when a finding of severity error remains.
int run_check(const CheckOptions& options, std::ostream& out, std::ostream& err);
/// Runs `cadreplan profile`. \returns 0, or 1 when a profile test fails.
int run_profile(const ProfileOptions& options, std::ostream& out, std::ostream& err);
/// Runs `cadreplan rules`: the Markdown rules reference.
int run_rules(const RulesOptions& options, std::ostream& out, std::ostream& err);

}  // namespace cadreplan::cli
