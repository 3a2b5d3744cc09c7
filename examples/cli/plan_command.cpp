// The `cadreplan plan` subcommand: options in, library calls, plan out.
#include "plan_command.hpp"

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string_view>

#include "cadreplan/io/catalogue_csv.hpp"
#include "cadreplan/io/cell_parsers.hpp"
#include "cadreplan/io/plan_writer.hpp"
#include "cadreplan/io/profile_toml.hpp"
#include "cadreplan/planning/planner.hpp"
#include "cadreplan/planning/projection.hpp"
#include "cadreplan/planning/readiness.hpp"
#include "cadreplan/policy/rule_registry.hpp"
#include "command_line.hpp"

namespace cadreplan::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* plan_footer = R"(
Plans the term's training for every sitting secretary of a commune-level unit and every
candidate in the successor pools for the term or the next: a Party-building refresher in
every year of the term, then the cheapest courses that bring each of them up to the
position's standard by the term's end, secretaries first and the largest gap first, never
over a year's budget or a course's seats. What cannot be planned is listed with its
reason (budget, capacity, no_course, time) and the money or seats that would fix it; the
compliance the plan would bring is projected to the term's end.

The budget of each year is the sum of the commune-level units' allocations in
budgets.csv, unless --budget gives one amount for every year.

Examples, from the source folder, on the bundled Sóc Trăng roster:
  cadreplan plan examples/data/soc-trang-2013 --term 2015-2020 \
      --catalog examples/data/soc-trang-courses.csv --budget 2.761.500.000
  cadreplan plan examples/data/soc-trang-2013 --term 2015-2020 \
      --catalog examples/data/soc-trang-courses.csv --budget 2761500000 --format json)";

// Built by appending: GCC 12's -Wrestrict misfires on `"'" + std::string(text) + "'"` at -O2.
std::string in_quotes(std::string_view text) {
  std::string quoted;
  quoted.reserve(text.size() + 2);
  quoted += '\'';
  quoted += text;
  quoted += '\'';
  return quoted;
}

// A progress bar on a terminal's standard error, drawn only once a run has taken a
// second (a quick plan should print nothing but the plan) and erased when done.
class ProgressBar {
 public:
  explicit ProgressBar(std::ostream& err)
      : err_(err),
        enabled_(&err == &std::cerr && ::isatty(STDERR_FILENO) == 1),
        started_(Clock::now()) {}
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;
  ~ProgressBar() { finish(); }

  void update(std::string_view stage, std::size_t done, std::size_t total) {
    if (!enabled_) return;
    const auto now = Clock::now();
    if (now - started_ < std::chrono::seconds(1)) return;
    if (drawn_ && now - last_drawn_ < std::chrono::milliseconds(100) && done != total) return;
    last_drawn_ = now;
    drawn_ = true;
    constexpr std::size_t width = 30;
    const std::size_t filled = total == 0 ? width : std::min(width, width * done / total);
    const std::size_t percent = total == 0 ? 100 : std::min<std::size_t>(100, 100 * done / total);
    std::string label(stage);
    label.resize(12, ' ');
    err_ << "\rcadreplan: " << label << " [" << std::string(filled, '#')
         << std::string(width - filled, '.') << "] " << percent << " %   " << std::flush;
  }

  void finish() {
    if (!drawn_) return;
    err_ << '\r' << std::string(72, ' ') << '\r' << std::flush;
    drawn_ = false;
  }

 private:
  using Clock = std::chrono::steady_clock;
  std::ostream& err_;
  bool enabled_;
  bool drawn_ = false;
  Clock::time_point started_;
  Clock::time_point last_drawn_;
};

model::Term term_option(const std::string& text) {
  try {
    return io::parse_term(text);
  } catch (const io::CellError& error) {
    throw UsageError(std::string("--term: ") + error.what());
  }
}

std::optional<model::Dong> budget_option(const std::string& text) {
  if (text.empty()) return std::nullopt;
  try {
    return io::parse_money(text);
  } catch (const io::CellError& error) {
    throw UsageError(std::string("--budget: ") + error.what());
  }
}

// A regular file, or not: a name the system refuses (too long, say) is not one either,
// rather than a filesystem_error.
bool is_file(const fs::path& path) {
  std::error_code ignored;
  return fs::is_regular_file(path, ignored);
}

fs::path catalogue_path(const PlanOptions& options) {
  if (!options.catalog.empty()) {
    if (!is_file(options.catalog)) {
      throw UsageError("catalogue " + in_quotes(options.catalog) +
                       " does not exist (expected a courses.csv file)");
    }
    return options.catalog;
  }
  const fs::path in_roster = fs::path(options.roster) / "courses.csv";
  if (!is_file(in_roster)) {
    throw UsageError("no training catalogue: " + in_quotes(in_roster.string()) +
                     " does not exist; give one with --catalog FILE (e.g. "
                     "examples/data/soc-trang-courses.csv)");
  }
  return in_roster;
}

// A plan is for a congress term (point 2: from the term's start); 2015-2019 is none.
void require_congress_term(const model::Term& term, const policy::Profile& profile) {
  const model::Term congress = profile.terms.term_containing(term.start());
  if (congress.first_year() != term.first_year() || congress.last_year() != term.last_year()) {
    throw UsageError("--term: " + term.name() + " is not a congress term of profile " +
                     in_quotes(profile.name) + " (its terms run " +
                     std::to_string(profile.terms.length_years) + " years, e.g. " +
                     congress.name() + ")");
  }
}

// Years of the term with no budget line would silently have no money: say so.
void warn_unbudgeted(const planning::YearlyBudgets& budgets, const model::Term& term,
                     std::ostream& err) {
  std::string missing;
  for (int year : planning::plan_years(term)) {
    if (budgets.contains(year)) continue;
    missing += (missing.empty() ? "" : ", ") + std::to_string(year);
  }
  if (missing.empty()) return;
  err << "cadreplan: warning: budgets.csv has no line for " << missing
      << " (commune-level units): those years have no money; give --budget DONG to set every "
         "year's budget\n";
}

void print_warnings(const std::vector<io::Diagnostic>& warnings, std::ostream& err) {
  for (const auto& warning : warnings) err << "cadreplan: " << warning.to_string() << '\n';
}

}  // namespace

CLI::App* add_plan_command(CLI::App& app, PlanOptions& options) {
  CLI::App* plan = app.add_subcommand(
      "plan", "The term's training plan for the secretaries and the successor pools");
  plan->add_option("ROSTER", options.roster, "The roster: a folder of CSV files")->required();
  plan->add_option("--term", options.term, "The term to plan, YYYY-YYYY (e.g. 2015-2020)")
      ->required();
  plan->add_option("--profile", options.profile,
                   "A training profile (TOML; default: the built-in profile)");
  plan->add_option("--catalog", options.catalog,
                   "The training catalogue, a courses.csv file (default: ROSTER/courses.csv)");
  plan->add_option("--budget", options.budget,
                   "The budget of every year of the term in đồng, e.g. 2.761.500.000 "
                   "(default: the commune-level allocations of budgets.csv)");
  plan->add_option("--format", options.format, "Output format: text, json or csv (default: text)")
      ->check(CLI::IsMember(output_format_names()));
  plan->add_option("--lang", options.language, "Language of the text: en or vi (default: en)")
      ->check(CLI::IsMember(language_names()));
  plan->add_flag("--keep-going", options.keep_going,
                 "Report every error in the input instead of stopping at the first");
  plan->footer(plan_footer);
  return plan;
}

int run_plan(const PlanOptions& options, std::ostream& out, std::ostream& err) {
  // Check every option before the (possibly long) loads, so a typo fails at once.
  const model::Term term = term_option(options.term);
  const std::optional<model::Dong> budget = budget_option(options.budget);
  const OutputFormat format = parse_output_format(options.format);
  const model::Language language = parse_language(options.language);
  if (!options.profile.empty() && !is_file(options.profile)) {
    throw UsageError("profile " + in_quotes(options.profile) + " does not exist");
  }

  const policy::RuleRegistry registry = policy::RuleRegistry::with_builtin_rules();
  const policy::Profile profile = options.profile.empty()
                                      ? io::default_profile(registry)
                                      : io::load_profile(options.profile, registry);
  require_congress_term(term, profile);
  const model::Roster& roster = load_roster(options.roster, options.keep_going, err);
  io::CatalogueLoadOptions catalogue_options;
  catalogue_options.keep_going = options.keep_going;
  io::CatalogueLoadResult loaded =
      io::load_catalogue_csv(catalogue_path(options), catalogue_options);
  print_warnings(loaded.warnings, err);
  const planning::Catalogue& catalogue = loaded.catalogue;

  planning::YearlyBudgets budgets;
  if (budget) {
    budgets = planning::uniform_budgets(term, *budget);
  } else {
    budgets = planning::budgets_from_roster(roster, term);
    warn_unbudgeted(budgets, term, err);
  }

  ProgressBar progress(err);
  planning::PlanRequest request(roster, profile, registry, catalogue, term, std::move(budgets));
  request.progress = [&](std::string_view stage, std::size_t done, std::size_t total) {
    progress.update(stage, done, total);
  };
  const planning::Plan plan = planning::make_plan(request);
  progress.update("projecting", 0, 1);
  // "Now" is the term's start: the plan is drawn up then (point 2 of the policy).
  const planning::Projection projection =
      planning::project(roster, profile, registry, catalogue, plan, term.start());
  const planning::PoolReadiness readiness =
      planning::assess_readiness(roster, profile, registry, catalogue, plan, term.start());
  progress.finish();

  switch (format) {
    case OutputFormat::json:
      io::write_plan_json(out, plan, projection, &readiness);
      break;
    case OutputFormat::csv:
      io::write_plan_csv(out, plan);
      break;
    case OutputFormat::text:
      io::write_plan_text(out, plan, projection, roster, catalogue, &readiness, language);
      break;
  }
  return exit_success;
}

}  // namespace cadreplan::cli
