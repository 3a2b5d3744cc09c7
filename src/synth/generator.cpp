// Synthetic rosters: provinces of districts of commune-level units, each unit generated
// from its own random stream (so the roster depends on the options alone, and a unit's
// content does not depend on how its neighbours were drawn).
#include "cadreplan/synth/generator.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>

#include <array>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

#include "synth/people.hpp"
#include "synth/training_history.hpp"

namespace cadreplan::synth {
namespace {

namespace gregorian = boost::gregorian;
using model::Position;

// Stream numbers: unit sizes, then one stream per province, district and unit.
constexpr std::uint64_t sizes_stream = 0;
constexpr std::uint64_t province_streams = 1ULL << 40;
constexpr std::uint64_t district_streams = 2ULL << 40;
constexpr std::uint64_t unit_streams = 3ULL << 40;

// The leading posts of a unit, each with a successor pool.
constexpr std::array<Position, 5> leading_posts{Position::secretary, Position::deputy_secretary,
                                                Position::chairman, Position::vice_chairman,
                                                Position::council_chair};
constexpr std::size_t candidates_per_unit = 4;

std::string numbered(const char* prefix, std::size_t number, int width) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%s%0*zu", prefix, width, number);
  return buffer;
}

std::string place_name(Random& random) {
  const auto syllables = std::span<const std::string_view>(vocabulary::place_syllables);
  std::string name(random.pick(syllables));
  (name += ' ') += random.pick(syllables);
  return name;
}

// How many cadres each commune-level unit has: 60 % to 140 % of the average, the last
// unit taking what remains.
std::vector<std::size_t> unit_sizes(const GeneratorOptions& options) {
  Random random = Random::stream(options.seed, sizes_stream);
  const auto average = static_cast<std::int64_t>(options.cadres_per_unit);
  std::vector<std::size_t> sizes;
  sizes.reserve(options.cadres / options.cadres_per_unit + 1);
  std::size_t left = options.cadres;
  while (left > 0) {
    const auto size = static_cast<std::size_t>(random.between(average * 3 / 5, average * 7 / 5));
    sizes.push_back(std::min(size, left));
    left -= sizes.back();
  }
  return sizes;
}

// A province or district: its unit (kind other) and what its communes inherit.
struct Region {
  model::Unit unit;
  std::string place;                              // the name without "Tỉnh " / "Huyện "
  std::string school;                             // the Political School (provinces)
  const vocabulary::Minority* minority = nullptr;  // the main minority (provinces)
};

Region make_province(const GeneratorOptions& options, std::size_t number) {
  Random random = Random::stream(options.seed, province_streams + number);
  Region province;
  province.place = place_name(random);
  province.unit.id = model::UnitId(numbered("P", number + 1, 3));
  province.unit.name = "Tỉnh " + province.place;
  province.unit.province = province.place;
  province.school = std::string(vocabulary::school_prefix) + province.place;
  if (random.chance(7, 10)) {
    province.minority = &random.pick(std::span<const vocabulary::Minority>(vocabulary::minorities));
  }
  return province;
}

Region make_district(const GeneratorOptions& options, const Region& province, std::size_t number,
                     std::size_t in_province) {
  Random random = Random::stream(options.seed, district_streams + number);
  Region district;
  district.place = place_name(random);
  district.unit.id = model::UnitId(province.unit.id.str() + numbered("-D", in_province + 1, 2));
  district.unit.name = "Huyện " + district.place;
  district.unit.parent_id = province.unit.id;
  district.unit.province = province.place;
  district.school = std::string(vocabulary::centre_prefix) + district.place;
  return district;
}

void set_kind_and_area(Random& random, model::Unit& unit) {
  using model::Area;
  using model::UnitKind;
  const std::uint32_t kinds[] = {78, 15, 6, 1};  // commune, ward, township, special zone
  unit.kind = static_cast<UnitKind>(random.weighted(kinds));
  if (random.chance(3, 100)) return;  // area unknown
  if (unit.kind == UnitKind::ward) {
    unit.area = Area::urban;
  } else {
    const std::uint32_t areas[] = {55, 0, 30, 15};  // plains, urban, mountainous, disadvantaged
    unit.area = static_cast<Area>(random.weighted(areas));
  }
}

model::Unit make_unit(Random& random, const Region& province, const Region& district,
                      std::size_t in_district) {
  model::Unit unit;
  unit.id = model::UnitId(district.unit.id.str() + numbered("-U", in_district + 1, 2));
  unit.parent_id = district.unit.id;
  unit.province = province.place;
  set_kind_and_area(random, unit);
  static constexpr std::array<const char*, 4> prefixes{"Xã ", "Phường ", "Thị trấn ", "Đặc khu "};
  unit.name = prefixes[static_cast<std::size_t>(unit.kind)] + place_name(random);
  if (!random.chance(2, 100)) {
    unit.large_minority = province.minority != nullptr && random.chance(35, 100);
  }
  if (unit.large_minority.value_or(false)) unit.minority = province.minority->name;
  return unit;
}

class RosterGenerator {
 public:
  explicit RosterGenerator(const GeneratorOptions& options) : options_(options) {}

  model::RosterTables run() {
    const std::vector<std::size_t> sizes = unit_sizes(options_);
    reserve(sizes.size());
    for (std::size_t u = 0; u < sizes.size(); ++u) {
      const std::size_t district_number = u / options_.units_per_district;
      if (u % options_.units_per_district == 0) enter_district(district_number);
      add_unit(u, u % options_.units_per_district, sizes[u]);
    }
    return std::move(tables_);
  }

 private:
  void reserve(std::size_t units) {
    tables_.units.reserve(units + units / options_.units_per_district + 2);
    tables_.cadres.reserve(options_.cadres);
    tables_.trainings.reserve(options_.cadres * 11 / 2);
    tables_.pools.reserve(units * leading_posts.size() * 2);
  }

  void enter_district(std::size_t district_number) {
    const std::size_t province_number = district_number / options_.districts_per_province;
    if (district_number % options_.districts_per_province == 0) {
      province_ = make_province(options_, province_number);
      tables_.units.push_back(province_.unit);
    }
    district_ = make_district(options_, province_, district_number,
                              district_number % options_.districts_per_province);
    tables_.units.push_back(district_.unit);
  }

  void add_unit(std::size_t number, std::size_t in_district, std::size_t size) {
    Random random = Random::stream(options_.seed, unit_streams + number);
    const model::Unit& unit = tables_.units.emplace_back(make_unit(random, province_, district_, in_district));
    const UnitContext context{options_, unit, district_.place, province_.school, district_.school,
                              province_.minority, number / options_.units_per_district /
                                                      options_.districts_per_province % 4};
    const std::size_t first_cadre = tables_.cadres.size();
    for (std::size_t slot = 0; slot < size; ++slot) add_cadre(random, context, slot);
    add_pools(random, unit, first_cadre, size);
    if (model::is_commune_level(unit.kind)) add_budgets(random, unit);
  }

  // Slot 0 is the secretary (sometimes also chairman), slots 1 to 4 the other leading
  // posts, the next few the pools' candidates, the rest other staff.
  void add_cadre(Random& random, const UnitContext& context, std::size_t slot) {
    std::array<Position, 2> held{Position::other, Position::other};
    std::size_t count = 1;
    Role role = Role::staff;
    if (slot < leading_posts.size()) {
      role = slot == 0 ? Role::secretary : Role::leader;
      held[0] = leading_posts[slot];
      if (slot == 0 && random.chance(4, 100)) held[count++] = Position::chairman;
      if (slot == 2 && secretary_is_chairman_) held[0] = Position::vice_chairman;
      if (slot == 0) secretary_is_chairman_ = count == 2;
    } else if (slot < leading_posts.size() + candidates_per_unit) {
      role = Role::candidate;
    }
    const model::Cadre& cadre = tables_.cadres.emplace_back(
        make_cadre(random, context, role, std::span<const Position>(held.data(), count),
                   model::CadreId(numbered("C", tables_.cadres.size() + 1, 7))));
    add_training_history(random, context, cadre, role, tables_.trainings);
  }

  // One to three candidates for most leading posts (a few pools empty or too large),
  // drawn from the deputy secretary and the candidates, for the next term.
  void add_pools(Random& random, const model::Unit& unit, std::size_t first_cadre, std::size_t size) {
    if (size <= leading_posts.size()) return;
    const model::Term next = model::Term::from_years(
        options_.term.last_year(), 2 * options_.term.last_year() - options_.term.first_year());
    const std::size_t pool_end = std::min(size, leading_posts.size() + candidates_per_unit);
    std::vector<std::size_t> eligible;
    for (std::size_t post = 0; post < leading_posts.size(); ++post) {
      eligible.clear();
      if (post == 0) eligible.push_back(1);  // the deputy secretary succeeds the secretary
      for (std::size_t slot = leading_posts.size(); slot < pool_end; ++slot) eligible.push_back(slot);
      const std::uint32_t sizes[] = {2, 25, 45, 27, 1};
      const std::size_t count = std::min(random.weighted(sizes), eligible.size());
      for (std::size_t k = 0; k < count; ++k) {
        std::swap(eligible[k], eligible[k + random.below(eligible.size() - k)]);
        add_pool_entry(random, unit, leading_posts[post], first_cadre + eligible[k], next);
      }
    }
  }

  void add_pool_entry(Random& random, const model::Unit& unit, Position post, std::size_t cadre,
                      const model::Term& term) {
    model::PoolEntry& entry = tables_.pools.emplace_back();
    entry.unit_id = unit.id;
    entry.position = post;
    entry.cadre_id = tables_.cadres[cadre].id;
    entry.term = term;
    const gregorian::date from = options_.term.start() + gregorian::days(365);
    const gregorian::date until = std::min(options_.as_of, from + gregorian::days(365));
    if (from <= until) entry.added_on = day_between(random, from, until);
  }

  // A line for each year of the term up to the as-of day: mostly above the default
  // profile's floor (10 million đồng per secretary), mostly spent on training.
  void add_budgets(Random& random, const model::Unit& unit) {
    for (int year = options_.term.first_year(); year <= options_.as_of.year(); ++year) {
      model::BudgetLine& line = tables_.budgets.emplace_back();
      line.unit_id = unit.id;
      line.year = year;
      line.allocated = random.chance(5, 100) ? random.between(40, 99) * 100'000
                                             : random.between(100, 400) * 100'000;
      if (random.chance(3, 100)) continue;  // spending unknown
      const std::int64_t percent = random.chance(2, 100) ? random.between(30, 79)
                                                         : random.between(80, 100);
      line.spent_on_training = line.allocated / 1000 * percent * 10;
    }
  }

  const GeneratorOptions& options_;
  model::RosterTables tables_;
  Region province_;
  Region district_;
  bool secretary_is_chairman_ = false;
};

}  // namespace

gregorian::date default_as_of(const model::Term& term) {
  const gregorian::date year_end(static_cast<unsigned short>(term.last_year() - 1), 12, 31);
  return term.contains(year_end) ? year_end : term.last_day();
}

void validate(const GeneratorOptions& options) {
  if (options.cadres == 0 || options.cadres > max_generated_cadres) {
    throw std::invalid_argument("cadres: " + std::to_string(options.cadres) + " is not between 1 and " +
                                std::to_string(max_generated_cadres));
  }
  if (options.cadres_per_unit < leading_posts.size() || options.cadres_per_unit > 10'000) {
    throw std::invalid_argument("cadres_per_unit: " + std::to_string(options.cadres_per_unit) +
                                " is not between 5 and 10000");
  }
  if (options.units_per_district == 0 || options.districts_per_province == 0) {
    throw std::invalid_argument("units_per_district and districts_per_province must be positive");
  }
  if (options.as_of.is_special() || !options.term.contains(options.as_of)) {
    throw std::invalid_argument("as_of: " + gregorian::to_iso_extended_string(options.as_of) +
                                " is not within the term " + options.term.name());
  }
}

model::RosterTables generate_tables(const GeneratorOptions& options) {
  validate(options);
  return RosterGenerator(options).run();
}

model::Roster generate_roster(const GeneratorOptions& options) {
  return model::Roster::build(generate_tables(options));
}

}  // namespace cadreplan::synth
