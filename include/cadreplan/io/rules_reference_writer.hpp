/// \file rules_reference_writer.hpp
/// \brief The rules reference, generated from the rules' own documentation.
/// \ingroup io
#pragma once

#include <ostream>

#include "cadreplan/model/code.hpp"
#include "cadreplan/policy/profile.hpp"
#include "cadreplan/policy/rule_registry.hpp"

namespace cadreplan::io {

/// Writes a Markdown page documenting every rule of \p registry: id, policy point,
/// default severity and the severity \p profile gives it, whether the profile enables
/// it, its description, source, and each parameter with its type, bounds, default and
/// the profile's value. The text is the rules' own RuleInfo, the same the program
/// prints, so the reference cannot drift from the code.
void write_rules_markdown(std::ostream& out, const policy::RuleRegistry& registry,
                          const policy::Profile& profile,
                          model::Language language = model::Language::english);

}  // namespace cadreplan::io
