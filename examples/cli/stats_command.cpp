// The `cadreplan stats` subcommand: options in, library call, report out.
#include "stats_command.hpp"

#include "cadreplan/io/cell_parsers.hpp"
#include "cadreplan/io/statistics_writer.hpp"
#include "cadreplan/report/comparison.hpp"
#include "cadreplan/report/statistics.hpp"
#include "command_line.hpp"

namespace cadreplan::cli {
namespace {

constexpr const char* stats_footer = R"(
Counts the cadres holding the position on the date in the commune-level units (communes,
wards, townships) and how their general education, professional level, political theory
and state management are distributed: the figures of point 2 of the policy.

Examples, from the source folder, on the bundled Sóc Trăng rosters:
  cadreplan stats examples/data/soc-trang-2013 --as-of 2013-12-31
  cadreplan stats examples/data/soc-trang-2013 --as-of 31/12/2013 --lang vi
  cadreplan stats examples/data/soc-trang-2013 --as-of 2013-12-31 \
      --baseline examples/data/soc-trang-2010 --baseline-as-of 2010-12-31 --format json)";

model::Position position_option(const std::string& text) {
  try {
    return io::parse_code_cell<model::Position>(text, "--position");
  } catch (const io::CellError& error) {
    throw UsageError(error.what());
  }
}

void write(std::ostream& out, const report::Statistics& statistics, OutputFormat format,
           model::Language language) {
  switch (format) {
    case OutputFormat::json:
      io::write_statistics_json(out, statistics);
      break;
    case OutputFormat::csv:
      io::write_statistics_csv(out, statistics);
      break;
    case OutputFormat::text:
      io::write_statistics_text(out, statistics, language);
      break;
  }
}

void write(std::ostream& out, const report::Comparison& comparison, OutputFormat format,
           model::Language language) {
  switch (format) {
    case OutputFormat::json:
      io::write_statistics_json(out, comparison);
      break;
    case OutputFormat::csv:
      io::write_statistics_csv(out, comparison);
      break;
    case OutputFormat::text:
      io::write_statistics_text(out, comparison, language);
      break;
  }
}

}  // namespace

CLI::App* add_stats_command(CLI::App& app, StatsOptions& options) {
  CLI::App* stats = app.add_subcommand(
      "stats", "Qualification statistics of the holders of a position (default: secretary)");
  stats->add_option("ROSTER", options.roster, "The roster: a folder of CSV files")->required();
  stats->add_option("--as-of", options.as_of,
                    "The day to count on, YYYY-MM-DD or DD/MM/YYYY (default: today)");
  stats->add_option("--position", options.position,
                    "The position whose holders are counted: secretary, deputy_secretary, "
                    "chairman, vice_chairman, council_chair or a Vietnamese label "
                    "(default: secretary)");
  stats->add_flag("--all-units", options.all_units,
                  "Count every unit, not only the commune-level ones");
  stats->add_option("--baseline", options.baseline,
                    "A roster to compare with, e.g. the start of the term (default: ROSTER "
                    "itself when --baseline-as-of is given)");
  stats->add_option("--baseline-as-of", options.baseline_as_of,
                    "The day to count the baseline on (default: the --as-of day)");
  stats->add_option("--format", options.format, "Output format: text, json or csv (default: text)")
      ->check(CLI::IsMember(output_format_names()));
  stats->add_option("--lang", options.language, "Language of the text: en or vi (default: en)")
      ->check(CLI::IsMember(language_names()));
  add_jobs_option(*stats, options.jobs);
  stats->add_flag("--keep-going", options.keep_going,
                  "Report every error in the roster instead of stopping at the first");
  stats->footer(stats_footer);
  return stats;
}

int run_stats(const StatsOptions& options, std::ostream& out, std::ostream& err) {
  // Check every option before the (possibly long) load, so a typo fails at once.
  report::StatisticsQuery query;
  query.as_of = date_or_today(options.as_of, "--as-of");
  query.position = position_option(options.position);
  query.all_units = options.all_units;
  const OutputFormat format = parse_output_format(options.format);
  const model::Language language = parse_language(options.language);
  const bool compared = !options.baseline.empty() || !options.baseline_as_of.empty();
  report::StatisticsQuery baseline_query = query;
  if (!options.baseline_as_of.empty()) {
    baseline_query.as_of = date_or_today(options.baseline_as_of, "--baseline-as-of");
  }

  const model::Roster& roster = load_roster(options.roster, options.keep_going, err);
  report::Statistics statistics = report::compute_statistics(roster, query, options.jobs);
  if (!compared) {
    write(out, statistics, format, language);
    return exit_success;
  }
  const model::Roster& other = options.baseline.empty() ? roster : load_roster(options.baseline, options.keep_going, err);
  report::Statistics baseline = report::compute_statistics(other, baseline_query, options.jobs);
  write(out, report::compare(std::move(statistics), std::move(baseline)), format, language);
  return exit_success;
}

}  // namespace cadreplan::cli
