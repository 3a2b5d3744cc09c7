/// \file plan_command.hpp
/// \brief `cadreplan plan`: the term's training plan for the secretaries and the successor
///   pools, within the budget, with the compliance it would bring.
#pragma once

#include <CLI/CLI.hpp>

#include <ostream>
#include <string>

namespace cadreplan::cli {

/// The options of `cadreplan plan`, as typed (checked and converted by run_plan()).
struct PlanOptions {
  std::string roster;           ///< The roster folder.
  std::string term;             ///< `--term YYYY-YYYY` (required).
  std::string profile;          ///< `--profile FILE` (empty: the default profile).
  std::string catalog;          ///< `--catalog FILE` (empty: ROSTER/courses.csv).
  std::string budget;           ///< `--budget DONG` for every year (empty: budgets.csv).
  std::string format = "text";  ///< `--format`.
  std::string language = "en";  ///< `--lang`.
  bool keep_going = false;      ///< `--keep-going`.
};

/// Adds the `plan` subcommand to \p app, storing what it parses in \p options.
CLI::App* add_plan_command(CLI::App& app, PlanOptions& options);

/// Runs `cadreplan plan`: loads the roster, profile and catalogue, plans the term, projects
/// compliance at its end and writes the plan to \p out; warnings and, when \p err is the
/// standard error stream of a terminal and the run takes over a second, a progress bar go
/// to \p err.
/// \returns the exit status. \throws UsageError, io::ParseError for bad usage or input.
int run_plan(const PlanOptions& options, std::ostream& out, std::ostream& err);

}  // namespace cadreplan::cli
