/// \example eligibility.cpp
/// May this deputy secretary be appointed secretary? Point 4 of the policy asks that
/// study results count in promotion and appointment: the decision lists every reason
/// for and against, and which ones block.
///
/// Usage: eligibility [ROSTER] [CADRE_ID] [DATE]
#include <cadreplan/cadreplan.hpp>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <iostream>

int main(int argc, char** argv) try {
  namespace policy = cadreplan::policy;
  const std::string roster_path = argc > 1 ? argv[1] : CADREPLAN_EXAMPLE_DATA "/soc-trang-2013";
  const auto roster = cadreplan::io::load_roster_csv(roster_path).roster;
  const auto registry = policy::RuleRegistry::with_builtin_rules();
  const auto profile = cadreplan::io::default_profile(registry);
  const auto day = boost::gregorian::from_string(argc > 3 ? argv[3] : "2015-07-01");

  // Without a cadre id, take the first candidate of the first successor pool.
  const cadreplan::model::CadreId id(argc > 2 ? argv[2] : roster.pools().front().cadre_id.str());
  const auto* cadre = roster.find_cadre(id);
  if (cadre == nullptr) {
    std::cerr << "eligibility: no cadre '" << id.str() << "' in " << roster_path << '\n';
    return 2;
  }
  const auto decision =
      policy::is_eligible(roster, profile, *cadre, cadreplan::model::Position::secretary, day);
  std::cout << cadre->full_name << " (" << cadre->id.str() << ") as secretary on "
            << boost::gregorian::to_iso_extended_string(day) << ": "
            << (decision.eligible ? "ELIGIBLE" : "NOT ELIGIBLE") << '\n';
  for (const auto& reason : decision.reasons) {
    std::cout << (reason.favourable ? "  + " : reason.blocking ? "  x " : "  - ") << reason.text.english()
              << "  [" << reason.code << "]\n";
  }
  return 0;
} catch (const std::exception& error) {
  std::cerr << "eligibility: " << error.what() << '\n';
  return 2;
}
