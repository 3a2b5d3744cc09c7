/// \file budget.hpp
/// \brief A unit's training budget for one year.
/// \ingroup model
#pragma once

#include <optional>

#include "cadreplan/model/id.hpp"

namespace cadreplan::model {

/// The training budget a unit was allocated for a year, and what it spent on training.
struct BudgetLine {
  UnitId unit_id;                         ///< The unit.
  int year = 0;                           ///< Calendar year.
  Dong allocated = 0;                     ///< Allocated for training, in đồng.
  std::optional<Dong> spent_on_training;  ///< Actually spent on training (unknown if empty).

  /// Budget lines compare member by member.
  friend bool operator==(const BudgetLine&, const BudgetLine&) = default;
};

}  // namespace cadreplan::model
