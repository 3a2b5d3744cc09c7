// Synthetic training histories: refreshers, political theory, state management, skills
// and degree programmes, done before the as-of day and planned after it.
#pragma once

#include <vector>

#include "cadreplan/model/training.hpp"
#include "synth/people.hpp"

namespace cadreplan::synth {

/// Appends the training records of \p cadre, of \p role in \p context's unit, to \p out:
/// three to seven records, more for leaders with a refresher in each year of the term.
void add_training_history(Random& random, const UnitContext& context, const model::Cadre& cadre,
                          Role role, std::vector<model::TrainingRecord>& out);

}  // namespace cadreplan::synth
