// The training plan a provincial Organization Committee (Ban Tổ chức Tỉnh ủy) drafts at the
// start of the 2015-2020 term for the Standing Committee (point 2 of Sóc Trăng's policy):
// for every commune-level secretary and every successor candidate, which course in which
// year at which school at what cost, within the training budget; what cannot be done and
// what it would take; and what the cadre force would look like at the term's end.
//
//     plan_term                        # the bundled Sóc Trăng roster and catalogue
//     plan_term ROSTER CATALOGUE       # your roster folder and courses.csv
//     plan_term ROSTER CATALOGUE DONG  # ... with DONG a year for training
//
// Without a budget, the latest year of budgets.csv is carried forward to every year.

#include <cadreplan/io/catalogue_csv.hpp>
#include <cadreplan/io/cell_parsers.hpp>
#include <cadreplan/io/plan_writer.hpp>
#include <cadreplan/io/profile_toml.hpp>
#include <cadreplan/io/roster_csv.hpp>
#include <cadreplan/io/statistics_writer.hpp>
#include <cadreplan/planning/planner.hpp>
#include <cadreplan/planning/projection.hpp>
#include <cadreplan/planning/readiness.hpp>
#include <cadreplan/report/comparison.hpp>
#include <cadreplan/report/statistics.hpp>

#include <filesystem>
#include <iostream>
#include <string>

namespace cp = cadreplan;

// 2761500000 -> "2.761.500.000 đ" (Vietnamese thousands separators).
std::string money(cp::model::Dong dong) {
  const std::string digits = std::to_string(dong);
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped.push_back('.');
    grouped.push_back(digits[i]);
  }
  return grouped + " đ";
}

// The province's training money of the latest year budgets.csv covers (commune-level
// units), or nothing when the roster has no budget lines.
std::pair<int, cp::model::Dong> latest_budget(const cp::model::Roster& roster) {
  int latest = 0;
  for (const auto& line : roster.budgets()) latest = std::max(latest, line.year);
  cp::model::Dong total = 0;
  for (const auto& line : roster.budgets()) {
    const auto* unit = roster.find_unit(line.unit_id);
    if (line.year == latest && cp::model::is_commune_level(unit->kind)) total += line.allocated;
  }
  return {latest, total};
}

int main(int argc, char** argv) {
  const std::filesystem::path data = CADREPLAN_EXAMPLE_DATA;
  const std::filesystem::path roster_folder = argc > 1 ? argv[1] : data / "soc-trang-2013";
  const std::filesystem::path catalogue_file = argc > 2 ? argv[2] : data / "soc-trang-courses.csv";
  const auto term = cp::model::Term::from_years(2015, 2020);

  try {
    const auto registry = cp::policy::RuleRegistry::with_builtin_rules();
    const auto profile = cp::io::default_profile(registry);
    const cp::model::Roster roster = cp::io::load_roster_csv(roster_folder).roster;
    const cp::planning::Catalogue catalogue = cp::io::load_catalogue_csv(catalogue_file).catalogue;

    // The money: given, or the latest year's allocation carried forward.
    cp::model::Dong yearly = 0;
    if (argc > 3) {
      yearly = cp::io::parse_money(argv[3]);
      std::cout << "Budget: " << money(yearly) << " a year (given).\n\n";
    } else {
      const auto [year, total] = latest_budget(roster);
      yearly = total;
      std::cout << "Budget: " << money(total) << " a year, the " << year
                << " allocation of budgets.csv carried forward.\n\n";
    }

    // Plan: a refresher every year for everyone, then the cheapest courses to the standard,
    // secretaries first and the largest gap first.
    const cp::planning::PlanRequest request(roster, profile, registry, catalogue, term,
                                            cp::planning::uniform_budgets(term, yearly));
    const cp::planning::Plan plan = cp::planning::make_plan(request);

    // What it would change: check at the term's end as if every course were completed.
    const auto projection =
        cp::planning::project(roster, profile, registry, catalogue, plan, term.start());
    const auto readiness =
        cp::planning::assess_readiness(roster, profile, registry, catalogue, plan, term.start());
    cp::io::write_plan_text(std::cout, plan, projection, roster, catalogue, &readiness);

    // The secretaries' qualifications at the term's end with the plan, against its start.
    const cp::model::Roster trained = cp::planning::apply_plan(roster, plan, catalogue);
    const auto at_end =
        cp::report::compute_statistics(trained, {term.last_day(), cp::model::Position::secretary});
    const auto at_start =
        cp::report::compute_statistics(roster, {term.start(), cp::model::Position::secretary});
    std::cout << "\nProjected statistics of the secretaries:\n";
    cp::io::write_statistics_text(std::cout, cp::report::compare(at_end, at_start),
                                  cp::model::Language::english);
    return 0;
  } catch (const cp::io::ParseError& error) {
    // One `FILE:LINE:COLUMN: error: MESSAGE` per line: fix the input and run again.
    std::cerr << error.what() << '\n';
    return 2;
  } catch (const std::exception& error) {
    std::cerr << "plan_term: " << error.what() << '\n';
    return 2;
  }
}
