/// \file refresher_history.hpp
/// \brief The yearly history of a recurring requirement (point 3's Party-building refresher).
/// \ingroup policy
#pragma once

#include <optional>
#include <vector>

#include "cadreplan/model/cadre.hpp"
#include "cadreplan/model/training.hpp"
#include "cadreplan/policy/evaluation_context.hpp"

namespace cadreplan::policy {

/// Where a recurring requirement stands in one calendar year.
enum class RefresherStatus {
  done,        ///< Completed in that year.
  lapsed,      ///< Not completed that year, but in an earlier one.
  never_done,  ///< Never completed up to that year.
};

/// One calendar year served in the current term.
struct RefresherYear {
  int year = 0;                        ///< Calendar year.
  RefresherStatus status = RefresherStatus::never_done;  ///< Done, lapsed or never.
  std::optional<int> last_done_year;   ///< The latest year, up to this one, it was done.
  bool full_year = false;              ///< True when the whole year was served by the as-of date.
  int completed = 0;                   ///< Trainings of the kind completed in the year.

  /// Years compare member by member.
  friend bool operator==(const RefresherYear&, const RefresherYear&) = default;
};

/// The history of \p kind trainings for \p cadre as a secretary, per calendar year of the
/// current term from the year they began serving in it to the as-of date's year (the last
/// one usually partial). A training counts in the year of its end date, if completed by then.
[[nodiscard]] std::vector<RefresherYear> refresher_history(
    const model::Cadre& cadre, const EvaluationContext& context,
    model::TrainingKind kind = model::TrainingKind::party_building);

}  // namespace cadreplan::policy
