// The report a provincial Organization Committee (Ban Tổ chức Tỉnh ủy) writes at the end
// of 2013: the qualifications of the secretaries of its commune-level Party committees,
// and how far they rose since the start of the 2010-2015 term (point 2 of Sóc Trăng's
// policy: "compile the qualification statistics of all secretaries").
//
//     province_report                       # the bundled Sóc Trăng rosters, 2013 vs 2010
//     province_report ROSTER                # your roster as of 2013-12-31
//     province_report ROSTER BASELINE       # ... compared with BASELINE as of 2010-12-31
//
// A roster is a folder of CSV files (units.csv, cadres.csv, ...; see FORMATS.md).

#include <cadreplan/io/roster_csv.hpp>
#include <cadreplan/io/statistics_writer.hpp>
#include <cadreplan/report/comparison.hpp>
#include <cadreplan/report/statistics.hpp>

#include <filesystem>
#include <iostream>
#include <optional>

namespace cp = cadreplan;
using boost::gregorian::date;

int main(int argc, char** argv) {
  const std::filesystem::path data = CADREPLAN_EXAMPLE_DATA;
  const std::filesystem::path roster_folder = argc > 1 ? argv[1] : data / "soc-trang-2013";
  std::optional<std::filesystem::path> baseline_folder;
  if (argc > 2) baseline_folder = argv[2];
  if (argc == 1) baseline_folder = data / "soc-trang-2010";

  try {
    // The secretaries of the commune-level Party committees at the end of 2013 ...
    const cp::model::Roster now = cp::io::load_roster_csv(roster_folder).roster;
    cp::report::StatisticsQuery query{date(2013, 12, 31), cp::model::Position::secretary};
    const cp::report::Statistics current = cp::report::compute_statistics(now, query);

    if (!baseline_folder) {
      cp::io::write_statistics_text(std::cout, current, cp::model::Language::english);
      return 0;
    }

    // ... and at the end of the first year of the term, from the roster kept then.
    const cp::model::Roster then = cp::io::load_roster_csv(*baseline_folder).roster;
    query.as_of = date(2010, 12, 31);
    const cp::report::Comparison progress =
        cp::report::compare(current, cp::report::compute_statistics(then, query));

    // The same table for the Standing Committee, in Vietnamese.
    cp::io::write_statistics_text(std::cout, progress, cp::model::Language::english);
    std::cout << '\n';
    cp::io::write_statistics_text(std::cout, progress, cp::model::Language::vietnamese);
    return 0;
  } catch (const cp::io::ParseError& error) {
    // One `FILE:LINE:COLUMN: error: MESSAGE` per line: fix the roster and run again.
    std::cerr << error.what() << '\n';
    return 2;
  }
}
