// Putting a report's findings in order (a private header of policy::evaluate).
#pragma once

#include <vector>

#include "cadreplan/policy/finding.hpp"

namespace cadreplan::policy::detail {

/// Moves the findings of \p runs, taken in the order given (the order the rules emitted
/// them), into one vector ordered as ComplianceReport::findings documents: by unit id,
/// cadre id, policy point, rule id and year, ties in emission order. The findings of one
/// run all have the same rule id (asserted in debug builds). The runs are left empty.
///
/// The order is that of the texts, but the sort reads no text in the common case: it sorts
/// small keys holding the first 16 bytes of the unit and cadre ids and the rule id's rank,
/// and reads the findings only to tell apart longer ids that share those bytes. A national
/// report has a few hundred thousand findings of a few hundred bytes each, and comparing
/// their strings in place missed the cache at every step.
[[nodiscard]] std::vector<Finding> in_report_order(std::vector<std::vector<Finding>*> runs);

}  // namespace cadreplan::policy::detail
