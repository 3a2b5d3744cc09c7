// Synthetic cadres. The secretaries' qualifications follow the seed's figures for Sóc
// Trăng (DOMAIN.md: 107/109 upper secondary; 78 university, 17 college, 14 intermediate;
// 82 advanced political theory, 27 intermediate); other cadres are less qualified.
#include "synth/people.hpp"

#include <algorithm>
#include <array>
#include <optional>

namespace cadreplan::synth {
namespace {

namespace gregorian = boost::gregorian;

// Weights per role, in the order of Role, aligned with the enum's values.
constexpr std::array<std::array<std::uint32_t, 3>, 4> general_education_weights{{
    {0, 18, 982}, {0, 30, 970}, {0, 10, 990}, {5, 60, 935}}};
constexpr std::array<std::array<std::uint32_t, 7>, 4> professional_level_weights{{
    {0, 0, 128, 156, 716, 0, 0},
    {0, 10, 150, 150, 680, 10, 0},
    {0, 0, 80, 120, 770, 30, 0},
    {40, 50, 250, 150, 500, 10, 0}}};
constexpr std::array<std::array<std::uint32_t, 5>, 4> political_theory_weights{{
    {0, 0, 248, 706, 46}, {0, 20, 480, 480, 20}, {50, 150, 650, 140, 10},
    {150, 350, 450, 45, 5}}};
constexpr std::array<std::array<std::uint32_t, 4>, 4> state_management_weights{{
    {205, 734, 61, 0}, {250, 680, 70, 0}, {300, 680, 20, 0}, {500, 480, 20, 0}}};
// Female share per role, in thousandths.
constexpr std::array<std::uint32_t, 4> female_per_mille{100, 200, 350, 400};

constexpr std::array<std::uint32_t, 4> mode_weights{45, 40, 10, 5};  // StudyMode order
constexpr std::array<std::uint32_t, 3> funding_weights{85, 12, 3};   // Funding order

std::size_t role_index(Role role) { return static_cast<std::size_t>(role); }

// A code drawn by \p weights, or unknown for one cell in a hundred.
template <class E, std::size_t N>
std::optional<E> draw_code(Random& random, const std::array<std::uint32_t, N>& weights,
                           std::uint32_t unknown_per_mille = 10) {
  if (random.chance(unknown_per_mille, 1000)) return std::nullopt;
  return static_cast<E>(random.weighted(weights));
}

template <std::size_t N>
std::string_view pick(Random& random, const std::array<std::string_view, N>& words) {
  return random.pick(std::span<const std::string_view>(words));
}

template <std::size_t N>
std::string_view pick_weighted(Random& random,
                               const std::array<vocabulary::Weighted, N>& words) {
  std::array<std::uint32_t, N> weights{};
  for (std::size_t i = 0; i < N; ++i) weights[i] = words[i].weight;
  return words[random.weighted(weights)].text;
}

std::string join_name(std::string_view surname, std::string_view middle, std::string_view given) {
  std::string name;
  name.reserve(surname.size() + middle.size() + given.size() + 2);
  name += surname;
  if (!middle.empty()) (name += ' ') += middle;
  (name += ' ') += given;
  return name;
}

std::string person_name(Random& random, std::string_view ethnicity, model::Gender gender) {
  const bool female = gender == model::Gender::female;
  const std::string_view middle = female ? pick(random, vocabulary::middle_female)
                                         : pick(random, vocabulary::middle_male);
  const std::string_view given = ethnicity == "Khmer"
                                     ? pick(random, vocabulary::khmer_given)
                                     : (female ? pick(random, vocabulary::given_female)
                                               : pick(random, vocabulary::given_male));
  for (const auto& minority : vocabulary::minorities) {
    if (minority.name == ethnicity) return join_name(pick(random, minority.surnames), middle, given);
  }
  return join_name(pick_weighted(random, vocabulary::kinh_surnames), middle, given);
}

std::string ethnicity_of(Random& random, const UnitContext& context) {
  if (context.minority == nullptr) return "Kinh";
  const bool large = context.unit.large_minority.value_or(false);
  const bool minority = random.chance(large ? 55 : 5, 100);
  return std::string(minority ? context.minority->name : "Kinh");
}

// The day a leading post was taken: mostly at the congress, else later in the term.
gregorian::date leading_post_since(Random& random, const GeneratorOptions& options) {
  const gregorian::date start = options.term.start();
  if (random.chance(85, 100)) return start;
  return day_between(random, start, options.as_of);
}

// A birth date giving exactly \p age completed years on \p day.
gregorian::date born_aged(Random& random, int age, gregorian::date day) {
  const gregorian::date anniversary(static_cast<unsigned short>(day.year() - age), day.month(),
                                    std::min<unsigned short>(day.day(), 28));
  return anniversary - gregorian::days(static_cast<long>(random.below(365)));
}

// Age in completed years on the day the post was taken (leaders) or on the as-of day.
int draw_age(Random& random, Role role, model::Gender gender) {
  const bool female = gender == model::Gender::female;
  switch (role) {
    case Role::secretary:  // the standard: at most 45 at the first appointment
      return static_cast<int>(random.chance(92, 100) ? random.between(33, 45)
                                                     : random.between(46, female ? 48 : 50));
    case Role::leader:
      return static_cast<int>(random.between(30, female ? 46 : 50));
    case Role::candidate:
      return static_cast<int>(random.between(28, 40));
    case Role::staff:
      break;
  }
  return static_cast<int>(random.between(23, female ? 53 : 57));
}

std::optional<gregorian::date> party_joined(Random& random, Role role, gregorian::date birth,
                                            gregorian::date as_of) {
  if (role == Role::staff && random.chance(5, 100)) return std::nullopt;
  const gregorian::date adult = birth + gregorian::days(18 * 365 + 4);  // the 18th birthday
  const gregorian::date joined =
      day_between(random, adult + gregorian::days(3 * 365), adult + gregorian::days(12 * 365));
  const gregorian::date latest = as_of - gregorian::days(365);
  if (joined <= latest) return joined;
  return adult <= latest ? day_between(random, adult, latest) : adult;
}

std::string field_of_study(Random& random, const model::Unit& unit) {
  if (random.chance(11, 100)) return std::string(pick(random, vocabulary::unfitting_fields));
  if (unit.kind != model::UnitKind::ward && random.chance(2, 10)) {
    return std::string(pick(random, vocabulary::rural_fields));
  }
  return std::string(pick_weighted(random, vocabulary::fitting_fields));
}

// Where and how the degree was studied. A field that does not fit usually went with a
// self-funded bridging or distance programme outside the plan (the seed's complaint).
void study_terms(Random& random, model::ProfessionalQualification& professional, bool fits) {
  using model::StudyMode;
  if (!fits && random.chance(7, 10)) {
    professional.mode = random.chance(1, 2) ? StudyMode::bridging : StudyMode::distance;
    professional.funding = model::Funding::self;
    professional.planned = false;
    return;
  }
  professional.mode = static_cast<StudyMode>(random.weighted(mode_weights));
  professional.funding = static_cast<model::Funding>(random.weighted(funding_weights));
  if (!random.chance(3, 100)) professional.planned = random.chance(94, 100);
}

bool fits(std::string_view field) {
  return std::find(vocabulary::unfitting_fields.begin(), vocabulary::unfitting_fields.end(),
                   field) == vocabulary::unfitting_fields.end();
}

model::ProfessionalQualification professional(Random& random, Role role, const model::Unit& unit) {
  model::ProfessionalQualification result;
  result.level = draw_code<model::ProfessionalLevel>(
      random, professional_level_weights[role_index(role)]);
  if (!result.level || *result.level == model::ProfessionalLevel::none) return result;
  if (*result.level == model::ProfessionalLevel::elementary) {
    result.field = "Quản lý nhà nước";
  } else {
    result.field = field_of_study(random, unit);
  }
  study_terms(random, result, fits(result.field));
  return result;
}

void qualify(Random& random, model::Cadre& cadre, Role role, const model::Unit& unit) {
  const std::size_t r = role_index(role);
  cadre.general_education = draw_code<model::GeneralEducation>(random, general_education_weights[r]);
  cadre.professional = professional(random, role, unit);
  cadre.political_theory = draw_code<model::PoliticalTheory>(random, political_theory_weights[r]);
  cadre.state_management = draw_code<model::StateManagement>(random, state_management_weights[r], 70);
}

// Birth date and the holdings' start. Leaders' ages count at the day they took the post.
void place_in_time(Random& random, model::Cadre& cadre, Role role,
                   std::span<const model::Position> positions, const GeneratorOptions& options) {
  const int age = draw_age(random, role, cadre.gender.value_or(model::Gender::male));
  gregorian::date since;
  if (role == Role::secretary || role == Role::leader) {
    since = leading_post_since(random, options);
    cadre.birth_date = born_aged(random, age, since);
  } else {
    cadre.birth_date = born_aged(random, age, options.as_of);
    const int years_in_post = static_cast<int>(random.between(1, std::clamp(age - 22, 1, 15)));
    since = born_aged(random, years_in_post, options.as_of);
  }
  for (model::Position position : positions) cadre.positions.push_back({position, since});
}

}  // namespace

gregorian::date day_between(Random& random, gregorian::date first, gregorian::date last) {
  const auto span = static_cast<std::uint64_t>((last - first).days()) + 1;
  return first + gregorian::days(static_cast<long>(random.below(span)));
}

model::Cadre make_cadre(Random& random, const UnitContext& context, Role role,
                        std::span<const model::Position> positions, model::CadreId id) {
  model::Cadre cadre;
  cadre.id = std::move(id);
  cadre.unit_id = context.unit.id;
  cadre.gender = random.chance(female_per_mille[role_index(role)], 1000) ? model::Gender::female
                                                                         : model::Gender::male;
  cadre.ethnicity = ethnicity_of(random, context);
  cadre.full_name = person_name(random, cadre.ethnicity, *cadre.gender);
  place_in_time(random, cadre, role, positions, context.options);
  cadre.party_joined = party_joined(random, role, cadre.birth_date, context.options.as_of);
  qualify(random, cadre, role, context.unit);
  return cadre;
}

}  // namespace cadreplan::synth
