/// \file cadreplan.hpp
/// \brief The umbrella header: includes every public header of CadrePlan.
#pragma once

#include <string_view>

#include "cadreplan/model/budget.hpp"
#include "cadreplan/model/cadre.hpp"
#include "cadreplan/model/code.hpp"
#include "cadreplan/model/id.hpp"
#include "cadreplan/model/position.hpp"
#include "cadreplan/model/qualification.hpp"
#include "cadreplan/model/roster.hpp"
#include "cadreplan/model/successor_pool.hpp"
#include "cadreplan/model/term.hpp"
#include "cadreplan/model/training.hpp"
#include "cadreplan/model/unit.hpp"
#include "cadreplan/text/fold.hpp"
#include "cadreplan/version.hpp"

/// CadrePlan: cadre qualification compliance, training planning and reporting.
namespace cadreplan {

/// The library's version, e.g. "0.1.0" (the one it was built as, not the header's).
[[nodiscard]] std::string_view version() noexcept;

}  // namespace cadreplan
