// Synthetic cadres: who they are, what posts they hold and what they studied.
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <span>
#include <string>

#include "cadreplan/model/cadre.hpp"
#include "cadreplan/model/unit.hpp"
#include "cadreplan/synth/generator.hpp"
#include "cadreplan/synth/random.hpp"
#include "synth/vocabulary.hpp"

namespace cadreplan::synth {

/// What a cadre is in the unit; it decides their age, qualifications and training.
enum class Role {
  secretary,  ///< the unit's Party secretary
  leader,     ///< another leading post: deputy secretary, chairman, vice chairman, council chair
  candidate,  ///< a younger cadre planned for a leading post (successor pool)
  staff,      ///< every other cadre
};

/// The unit a cadre is generated for, with what its province and district give it.
struct UnitContext {
  const GeneratorOptions& options;
  const model::Unit& unit;
  std::string_view district_name;          // e.g. "Tân Phú", for district centres
  const std::string& school;               // the province's Political School
  const std::string& centre;               // the district's political training centre
  const vocabulary::Minority* minority;    // the province's minority, or null
  std::size_t region = 0;                  // which regional academy serves the province
};

/// A day in `[first, last]`, each equally likely. Requires `first <= last`.
[[nodiscard]] boost::gregorian::date day_between(Random& random, boost::gregorian::date first,
                                                 boost::gregorian::date last);

/// A cadre of \p role in \p context's unit holding \p positions, with id \p id.
[[nodiscard]] model::Cadre make_cadre(Random& random, const UnitContext& context, Role role,
                                      std::span<const model::Position> positions,
                                      model::CadreId id);

}  // namespace cadreplan::synth
