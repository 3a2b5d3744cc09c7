// A profile under which every rule of the default profile finds something in a generated
// roster: the default one with every standard's minima at their highest, no exemptions,
// and no field of study classified. Shared by the synth tests that compare reports rule by
// rule, which would compare empty reports for the rules the default profile seldom trips.
#pragma once

#include "cadreplan/io/profile_toml.hpp"
#include "cadreplan/model/code.hpp"
#include "cadreplan/policy/field_taxonomy.hpp"
#include "cadreplan/policy/profile.hpp"
#include "cadreplan/policy/rule_registry.hpp"

namespace cadreplan::test_support {

/// The default profile of \p registry made as demanding as it can be (see above).
inline policy::Profile demanding_profile(const policy::RuleRegistry& registry) {
  policy::Profile profile = io::default_profile(registry);
  for (auto& standard : profile.standards) {
    standard.general_education = model::all_codes<model::GeneralEducation>().back();
    standard.professional_level = model::all_codes<model::ProfessionalLevel>().back();
    standard.political_theory = model::all_codes<model::PoliticalTheory>().back();
    standard.state_management = model::all_codes<model::StateManagement>().back();
    standard.exemptions.clear();
  }
  profile.fields = policy::FieldTaxonomy{};
  return profile;
}

}  // namespace cadreplan::test_support
