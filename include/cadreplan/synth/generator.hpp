/// \file generator.hpp
/// \brief Synthetic rosters of any size with the shape of a real cadre force, for
///   benchmarks and demonstrations (`cadreplan generate`).
/// \ingroup synth
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstddef>
#include <cstdint>

#include "cadreplan/model/roster.hpp"
#include "cadreplan/model/term.hpp"

namespace cadreplan::synth {

/// The most cadres generate_roster() makes (far above a national roster; it keeps every
/// index of the roster within 32 bits).
inline constexpr std::size_t max_generated_cadres = 50'000'000;

/// What to generate. The same options give the same roster, byte for byte, on every
/// platform.
/// \ingroup synth
struct GeneratorOptions {
  /// How many cadres (1 to max_generated_cadres).
  std::size_t cadres = 10'000;
  /// The seed: another seed gives another roster of the same shape.
  std::uint64_t seed = 20131231;
  /// The current term: sitting secretaries took office at its congress, and the
  /// successor pools are planned for the term after it.
  model::Term term = model::Term::from_years(2020, 2025);
  /// The day the roster describes: training before it is done, after it planned. Must
  /// fall within the term.
  boost::gregorian::date as_of{2024, 12, 31};
  /// Average cadres per commune-level unit (at least 5: the unit's five leading posts).
  std::size_t cadres_per_unit = 25;
  /// Commune-level units per district.
  std::size_t units_per_district = 12;
  /// Districts per province.
  std::size_t districts_per_province = 10;

  /// Options compare member by member.
  friend bool operator==(const GeneratorOptions&, const GeneratorOptions&) = default;
};

/// The as-of day the generator assumes for \p term: 31 December of the year before the
/// term's last year (2024-12-31 for 2020-2025), the last year-end before the next congress.
[[nodiscard]] boost::gregorian::date default_as_of(const model::Term& term);

/// Checks \p options.
/// \throws std::invalid_argument naming the first option out of range.
void validate(const GeneratorOptions& options);

/// The tables of a synthetic roster (see generate_roster()), not yet indexed.
/// \throws std::invalid_argument when validate() refuses \p options.
[[nodiscard]] model::RosterTables generate_tables(const GeneratorOptions& options);

/// A synthetic roster of \p options.cadres cadres.
///
/// **Shape.** Provinces of districts of commune-level units (about 78 % communes, 15 %
/// wards, 6 % townships, 1 % special zones; plains, urban, mountainous and disadvantaged
/// areas; ethnic-minority units in the provinces that have a minority), each unit with
/// about \p options.cadres_per_unit cadres. In every unit five cadres hold the leading
/// posts, which have successor pools (secretary, about 4 % of them also chairman; deputy
/// secretary; chairman; vice chairman; council chair), so about a fifth of the cadres;
/// a few younger cadres are the pools' candidates (usually one to three per post, for the
/// next term); the others hold `other` posts. Qualifications follow the seed's figures for
/// secretaries (about 98 % upper secondary; 72 % university, 16 % college, 13 %
/// intermediate; 75 % advanced political theory), lower for other cadres, with about 1 %
/// of cells unknown and about one professional field in nine that does not fit. Each
/// cadre has about five training records (yearly Party-building refreshers, political
/// theory, state management, skills, degree programmes; a few unaccredited or
/// self-funded), each commune-level unit a training budget line for every year of the
/// term up to \p options.as_of (a few below the floor or diverted).
///
/// **Determinism.** Numbers come from synth::Random only (never a standard
/// distribution), and each unit from its own stream of the seed, so the roster depends on
/// the options alone.
/// \throws std::invalid_argument when validate() refuses \p options.
[[nodiscard]] model::Roster generate_roster(const GeneratorOptions& options);

}  // namespace cadreplan::synth
