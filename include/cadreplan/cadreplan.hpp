/// \file cadreplan.hpp
/// \brief The umbrella header: includes every public header of CadrePlan.
#pragma once

#include <string_view>

#include "cadreplan/io/archive.hpp"
#include "cadreplan/io/catalogue_csv.hpp"
#include "cadreplan/io/cell_parsers.hpp"
#include "cadreplan/io/compliance_writer.hpp"
#include "cadreplan/io/csv_table.hpp"
#include "cadreplan/io/diagnostic.hpp"
#include "cadreplan/io/plan_writer.hpp"
#include "cadreplan/io/profile_toml.hpp"
#include "cadreplan/io/roster_csv.hpp"
#include "cadreplan/io/serialization.hpp"
#include "cadreplan/io/statistics_writer.hpp"
#include "cadreplan/model/budget.hpp"
#include "cadreplan/model/cadre.hpp"
#include "cadreplan/model/code.hpp"
#include "cadreplan/model/id.hpp"
#include "cadreplan/model/id_index.hpp"
#include "cadreplan/model/indexed_view.hpp"
#include "cadreplan/model/interned_string.hpp"
#include "cadreplan/model/position.hpp"
#include "cadreplan/model/qualification.hpp"
#include "cadreplan/model/roster.hpp"
#include "cadreplan/model/successor_pool.hpp"
#include "cadreplan/model/term.hpp"
#include "cadreplan/model/training.hpp"
#include "cadreplan/model/unit.hpp"
#include "cadreplan/planning/catalogue.hpp"
#include "cadreplan/planning/course.hpp"
#include "cadreplan/planning/plan.hpp"
#include "cadreplan/planning/planner.hpp"
#include "cadreplan/planning/projection.hpp"
#include "cadreplan/planning/qualification_gap.hpp"
#include "cadreplan/planning/qualification_level.hpp"
#include "cadreplan/planning/readiness.hpp"
#include "cadreplan/policy/eligibility.hpp"
#include "cadreplan/policy/evaluation_context.hpp"
#include "cadreplan/policy/evaluator.hpp"
#include "cadreplan/policy/field_taxonomy.hpp"
#include "cadreplan/policy/finding.hpp"
#include "cadreplan/policy/parameter.hpp"
#include "cadreplan/policy/position_standard.hpp"
#include "cadreplan/policy/profile.hpp"
#include "cadreplan/policy/refresher_history.hpp"
#include "cadreplan/policy/retirement.hpp"
#include "cadreplan/policy/rule.hpp"
#include "cadreplan/policy/rule_registry.hpp"
#include "cadreplan/report/comparison.hpp"
#include "cadreplan/report/statistics.hpp"
#include "cadreplan/text/fold.hpp"
#include "cadreplan/version.hpp"

/// CadrePlan: cadre qualification compliance, training planning and reporting.
namespace cadreplan {

/// The library's version, e.g. "0.1.0" (the one it was built as, not the header's).
[[nodiscard]] std::string_view version() noexcept;

}  // namespace cadreplan
