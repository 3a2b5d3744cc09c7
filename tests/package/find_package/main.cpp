// A program that uses CadrePlan from outside its source tree, as a consumer would: it
// builds a one-unit, one-cadre roster, finds the secretary in it, and prints the
// library's version, which must be the version its headers were generated with.
#include <cadreplan/cadreplan.hpp>

#include <iostream>
#include <string_view>
#include <utility>

int main() {
  namespace model = cadreplan::model;
  using boost::gregorian::date;

  model::Unit unit;
  unit.id = model::UnitId("U01");
  unit.name = "Xã Đại Tâm";
  unit.kind = model::UnitKind::commune;

  model::Cadre cadre;
  cadre.id = model::CadreId("C001");
  cadre.full_name = "Thạch Sô Phal";
  cadre.birth_date = date(1972, 2, 29);
  cadre.unit_id = unit.id;
  cadre.positions = {{model::Position::secretary, date(2010, 7, 1)}};

  model::RosterTables tables;
  tables.units.push_back(unit);
  tables.cadres.push_back(cadre);
  const model::Roster roster = model::Roster::build(std::move(tables));

  const auto secretaries = roster.holders(model::Position::secretary, date(2013, 12, 31));
  if (secretaries.size() != 1 || secretaries.front()->id != cadre.id) {
    std::cerr << "expected the roster's one cadre to be its secretary\n";
    return 1;
  }

  std::cout << "CadrePlan " << cadreplan::version() << '\n';
  // The compiled library and the installed headers must come from the same build.
  if (cadreplan::version() != std::string_view(CADREPLAN_VERSION_STRING)) {
    std::cerr << "the library is " << cadreplan::version() << " but its headers say "
              << CADREPLAN_VERSION_STRING << '\n';
    return 1;
  }
  return 0;
}
