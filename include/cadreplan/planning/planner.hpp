/// \file planner.hpp
/// \brief The term planner: which course each sitting secretary and pool candidate takes in
///   which year, within the yearly budgets and the catalogue's seats (docs/planning.md).
/// \ingroup planning
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string_view>
#include <vector>

#include "cadreplan/model/roster.hpp"
#include "cadreplan/model/term.hpp"
#include "cadreplan/model/training.hpp"
#include "cadreplan/planning/catalogue.hpp"
#include "cadreplan/planning/plan.hpp"
#include "cadreplan/policy/profile.hpp"
#include "cadreplan/policy/rule_registry.hpp"

namespace cadreplan::planning {

/// Money available per calendar year, in đồng (a year not listed has none).
using YearlyBudgets = std::map<int, model::Dong>;

/// The calendar years \p term touches, in order (2015-2020: 2015 to 2020).
[[nodiscard]] std::vector<int> plan_years(const model::Term& term);

/// The yearly budgets of `budgets.csv`: for each year \p term touches, the allocations of
/// the commune-level units summed (the training money of the province's communes). Years
/// without any line are left out, so they have no money.
[[nodiscard]] YearlyBudgets budgets_from_roster(const model::Roster& roster,
                                                const model::Term& term);

/// \p amount for every year \p term touches (`cadreplan plan --budget`).
[[nodiscard]] YearlyBudgets uniform_budgets(const model::Term& term, model::Dong amount);

/// In which order subjects of the same role are served.
/// \ingroup planning
enum class GapOrder {
  largest_first,   ///< The largest gap first: those farthest from the standard need it most.
  smallest_first,  ///< The smallest first: the most cadres brought to standard per đồng.
};

/// The planner's priorities and the requirements it plans for. Every field is profile
/// data: planning_parameters() reads them, with these defaults.
/// \ingroup planning
struct PlanningParameters {
  /// Serve sitting secretaries before pool candidates (`[planning] secretaries_first`).
  bool secretaries_first = true;
  /// Within a role, the gap order (`[planning] gap_order`, `"largest_first"`).
  GapOrder gap_order = GapOrder::largest_first;
  /// Within a role, serve first those whose every shortfall has a course in the catalogue,
  /// since only they can reach the standard (`[planning] reachable_first`).
  bool reachable_first = true;
  /// Enrol only in courses that are accredited: not marked `accredited = false` in the
  /// catalogue, and given by a provider the profile accredits when it lists any
  /// (`[planning] accredited_only`; point 1).
  bool accredited_only = true;
  /// Pair each political theory course planned for a sitting secretary with a skills
  /// module within skills_window_months (`[planning] pair_skills`; point 1).
  bool pair_skills = true;
  /// Months around a political theory course in which its skills module must start
  /// (rule `point1.skills_pairing`, parameter `window_months`).
  int skills_window_months = 12;
  /// The kind of the yearly refresher (rule `point3.annual_refresher`, parameter `kind`).
  model::TrainingKind refresher_kind = model::TrainingKind::party_building;
  /// Refreshers per calendar year for every subject (rule `point3.annual_refresher`,
  /// parameter `min_per_year`; 0 plans none).
  int refreshers_per_year = 1;

  /// Parameters compare member by member.
  friend bool operator==(const PlanningParameters&, const PlanningParameters&) = default;
};

/// The planning parameters of \p profile: the rule parameters named above (the profile's
/// values, else the defaults \p registry's rules declare), and the profile's `[planning]`
/// priorities (policy::PlanningPriorities).
[[nodiscard]] PlanningParameters planning_parameters(const policy::Profile& profile,
                                                     const policy::RuleRegistry& registry);

/// Reports progress: the stage's name, the work done and the work in the stage.
using PlanProgress =
    std::function<void(std::string_view stage, std::size_t done, std::size_t total)>;

/// Everything a plan depends on. The roster, profile, registry and catalogue must outlive
/// the request.
/// \ingroup planning
class PlanRequest {
 public:
  /// A request to plan \p term for \p roster under \p profile with \p catalogue's courses
  /// and \p budgets, with the parameters planning_parameters() reads from \p profile.
  PlanRequest(const model::Roster& roster, const policy::Profile& profile,
              const policy::RuleRegistry& registry, const Catalogue& catalogue, model::Term term,
              YearlyBudgets budgets);

  const model::Roster& roster;           ///< Who: secretaries and pool candidates.
  const policy::Profile& profile;        ///< Standards, retirement ages, accredited providers.
  const policy::RuleRegistry& registry;  ///< The rules whose parameters the plan honours.
  const Catalogue& catalogue;            ///< The courses.
  model::Term term;                      ///< The term to plan.
  YearlyBudgets budgets;                 ///< Money per calendar year.
  PlanningParameters parameters;         ///< Priorities and requirements.
  PlanProgress progress;                 ///< Called as the work advances (may be empty).
};

/// Plans \p request's term (docs/planning.md has the algorithm and its guarantees).
///
/// The subjects are the cadres holding the secretary post in a commune-level unit during
/// the term and the candidates in the successor pools of commune-level units for the term
/// or the next one. Each gets, in every calendar year of the term in which they can still
/// train, the yearly refreshers; then, in priority order (PlanningParameters), the cheapest
/// courses or chains of courses that bring each dimension up to the standard in force at the
/// term's end. The plan never spends more than a year's budget, never fills a course beyond
/// its seats for the year, never enrols anyone in a course whose `requires` they will not
/// hold by its start (counting earlier enrolments of the plan), never gives one person two
/// courses on the same day (existing trainings in the roster included), starts courses only
/// in their months, and plans nothing outside the term or from the retirement date on. What
/// cannot be planned is listed with its reason and the money or seats that would fix it.
/// A pure function: the same request gives the same plan.
/// \throws std::invalid_argument when the profile has no standard in force at the term's
///   end for a position it has standards for.
[[nodiscard]] Plan make_plan(const PlanRequest& request);

}  // namespace cadreplan::planning
