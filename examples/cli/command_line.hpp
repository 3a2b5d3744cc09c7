/// \file command_line.hpp
/// \brief What every subcommand of the `cadreplan` program shares: exit codes, usage
///   errors, option values (dates, formats, languages) and loading a roster.
#pragma once

#include <CLI/CLI.hpp>
#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <filesystem>
#include <functional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "cadreplan/model/code.hpp"
#include "cadreplan/model/roster.hpp"

/// The `cadreplan` program: argument parsing and printing around the library.
namespace cadreplan::cli {

/// The exit status of FORMATS.md's command-line contract.
enum ExitStatus : int {
  exit_success = 0,       ///< Done (for `check`: no finding of severity error).
  exit_check_failed = 1,  ///< `check` found errors.
  exit_bad_input = 2,     ///< Bad usage or bad input.
};

/// A command line that parses but asks for something impossible (a bad date, an
/// unknown position, a roster that is not there). Reported as `cadreplan: error: ...`.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The output formats every report command offers.
enum class OutputFormat {
  text,  ///< A table for people.
  json,  ///< FORMATS.md's JSON.
  csv,   ///< One row per figure, for spreadsheets.
};

/// The names accepted by `--format`, for the option's check and help.
[[nodiscard]] const std::vector<std::string>& output_format_names();
/// The format named \p name (one of output_format_names()).
/// \throws UsageError for another name.
[[nodiscard]] OutputFormat parse_output_format(std::string_view name);

/// The names accepted by `--lang`: `en`, `vi`.
[[nodiscard]] const std::vector<std::string>& language_names();
/// The language named \p name (one of language_names()).
/// \throws UsageError for another name.
[[nodiscard]] model::Language parse_language(std::string_view name);

/// The date given to \p option (`YYYY-MM-DD` or `DD/MM/YYYY`), or today when \p text is
/// empty (the option was not given).
/// \throws UsageError naming the option and the value when it is not a date.
[[nodiscard]] boost::gregorian::date date_or_today(const std::string& text,
                                                   std::string_view option);

/// Adds `--jobs N` to \p command, stored in \p jobs: threads for the work that can be
/// shared (0: one per core). The output is the same, byte for byte, whatever N is.
void add_jobs_option(CLI::App& command, unsigned& jobs);

/// Loads the roster at \p path (a folder of CSV files or an archive, see
/// io::load_roster_any()), printing load warnings on \p err as
/// `cadreplan: FILE:LINE:COLUMN: warning: MESSAGE`. The roster is kept until the program
/// exits and never freed: freeing a national roster (a million names, five million
/// records) took 0.15 to 0.2 s after the work was done, where the system reclaims the
/// memory at once. It stays reachable, so leak checkers do not report it.
/// \throws UsageError when \p path does not exist; io::ParseError for bad input.
[[nodiscard]] const model::Roster& load_roster(const std::filesystem::path& path, bool keep_going,
                                               std::ostream& err);

/// Runs \p command and turns every exception into a message on \p err and an exit
/// status: diagnostics one per line as `cadreplan: FILE:LINE:COLUMN: error: MESSAGE`,
/// usage errors as `cadreplan: error: MESSAGE`, both with exit_bad_input.
[[nodiscard]] int run_reporting_errors(const std::function<int()>& command, std::ostream& err);

}  // namespace cadreplan::cli
