// The `cadreplan` program: what every subcommand shares (exit codes, option values,
// loading a roster, reporting errors as FILE:LINE:COLUMN: error: MESSAGE).
#include "command_line.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>

#include <memory>
#include <vector>

#include "cadreplan/io/archive.hpp"
#include "cadreplan/io/cell_parsers.hpp"
#include "cadreplan/io/diagnostic.hpp"
#include "cadreplan/io/roster_csv.hpp"

namespace cadreplan::cli {
namespace {

constexpr std::string_view program = "cadreplan: ";

std::string in_quotes(std::string_view text) { return "'" + std::string(text) + "'"; }

}  // namespace

const std::vector<std::string>& output_format_names() {
  static const std::vector<std::string> names{"text", "json", "csv"};
  return names;
}

OutputFormat parse_output_format(std::string_view name) {
  if (name == "text") return OutputFormat::text;
  if (name == "json") return OutputFormat::json;
  if (name == "csv") return OutputFormat::csv;
  throw UsageError("unknown format " + in_quotes(name) + " (expected text, json or csv)");
}

const std::vector<std::string>& language_names() {
  static const std::vector<std::string> names{"en", "vi"};
  return names;
}

model::Language parse_language(std::string_view name) {
  if (name == "en") return model::Language::english;
  if (name == "vi") return model::Language::vietnamese;
  throw UsageError("unknown language " + in_quotes(name) + " (expected en or vi)");
}

boost::gregorian::date date_or_today(const std::string& text, std::string_view option) {
  // Today in the local time zone: a provincial officer asks "as of today" in Vietnam.
  if (text.empty()) return boost::gregorian::day_clock::local_day();
  try {
    return io::parse_date(text);
  } catch (const io::CellError& error) {
    throw UsageError(std::string(option) + ": " + error.what());
  }
}

void add_jobs_option(CLI::App& command, unsigned& jobs) {
  command
      .add_option("--jobs,-j", jobs,
                  "Threads to use, e.g. 2 on a two-core machine; 0: one per core (default: 1). "
                  "The output is the same whatever the number")
      ->check(CLI::Range(0U, 256U));
}

const model::Roster& load_roster(const std::filesystem::path& path, bool keep_going, std::ostream& err) {
  std::error_code ignored;
  if (!std::filesystem::exists(std::filesystem::status(path, ignored))) {
    throw UsageError("roster " + in_quotes(path.string()) +
                     " does not exist (expected a folder of CSV files or an archive)");
  }
  io::CsvLoadOptions options;
  options.keep_going = keep_going;
  io::LoadedRoster loaded = io::load_roster_any(path, options);
  for (const io::Diagnostic& warning : loaded.warnings) {
    err << program << warning.to_string() << '\n';
  }
  // Never destroyed (see the declaration); a program loads one or two rosters.
  static auto* const kept = new std::vector<std::unique_ptr<model::Roster>>();
  kept->push_back(std::make_unique<model::Roster>(std::move(loaded.roster)));
  return *kept->back();
}

int run_reporting_errors(const std::function<int()>& command, std::ostream& err) {
  try {
    return command();
  } catch (const io::ParseError& error) {
    for (const io::Diagnostic& diagnostic : error.diagnostics()) {
      err << program << diagnostic.to_string() << '\n';
    }
  } catch (const UsageError& error) {
    err << program << "error: " << error.what() << '\n';
  } catch (const model::RosterError& error) {
    err << program << "error: " << error.what() << '\n';
  } catch (const std::exception& error) {
    // A file that cannot be read, text that is not UTF-8 deep in a library call: still
    // the input's fault as far as the user can tell, so report it and stop cleanly.
    err << program << "error: " << error.what() << '\n';
  }
  return exit_bad_input;
}

}  // namespace cadreplan::cli
