/// \file stats_command.hpp
/// \brief `cadreplan stats`: the qualification statistics of a position's holders.
#pragma once

#include <CLI/CLI.hpp>

#include <ostream>
#include <string>

namespace cadreplan::cli {

/// The options of `cadreplan stats`, as typed (checked and converted by run_stats()).
struct StatsOptions {
  std::string roster;                  ///< The roster folder.
  std::string as_of;                   ///< `--as-of` (empty: today).
  std::string position = "secretary";  ///< `--position`, any spelling.
  bool all_units = false;              ///< `--all-units`.
  std::string baseline;                ///< `--baseline` roster (empty: none, or the same roster).
  std::string baseline_as_of;          ///< `--baseline-as-of` (empty: the `--as-of` date).
  std::string format = "text";         ///< `--format`.
  std::string language = "en";         ///< `--lang`.
  bool keep_going = false;             ///< `--keep-going`.
  unsigned jobs = 1;                 ///< `--jobs`: threads (0: one per core).
};

/// Adds the `stats` subcommand to \p app, storing what it parses in \p options.
CLI::App* add_stats_command(CLI::App& app, StatsOptions& options);

/// Runs `cadreplan stats`: loads the roster (and the baseline), computes the statistics
/// and writes them to \p out; warnings go to \p err.
/// \returns the exit status. \throws UsageError, io::ParseError for bad usage or input.
int run_stats(const StatsOptions& options, std::ostream& out, std::ostream& err);

}  // namespace cadreplan::cli
