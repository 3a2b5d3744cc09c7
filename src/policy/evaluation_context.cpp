#include "cadreplan/policy/evaluation_context.hpp"

#include <stdexcept>

namespace cadreplan::policy {
namespace {

const ParameterSpec* find_spec(const Rule& rule, const std::string& name) noexcept {
  for (const auto& spec : rule.info().parameters) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

[[noreturn]] void wrong_type(const Rule& rule, const std::string& name, std::string_view wanted) {
  throw std::logic_error("rule " + rule.info().id + ": parameter '" + name + "' is not " +
                         std::string(wanted));
}

}  // namespace

EvaluationContext::EvaluationContext(const model::Roster& roster, const Profile& profile,
                                     boost::gregorian::date as_of)
    : roster_(&roster),
      profile_(&profile),
      as_of_(as_of),
      current_term_(profile.terms.term_containing(as_of)) {}

model::Term EvaluationContext::next_term() const {
  return model::Term::from_years(current_term_.last_year(),
                                 current_term_.last_year() + profile_->terms.length_years);
}

const model::Unit& EvaluationContext::unit_of(const model::Cadre& cadre) const noexcept {
  const auto index = roster_->index_of(cadre);
  if (index < 0) return *roster_->find_unit(cadre.unit_id);  // a cadre from elsewhere
  return roster_->units()[roster_->unit_index_of_cadre(static_cast<std::size_t>(index))];
}

bool EvaluationContext::holds_in_commune(const model::Cadre& cadre,
                                         model::Position position) const noexcept {
  return cadre.holds(position, as_of_) && model::is_commune_level(unit_of(cadre).kind);
}

std::vector<const model::TrainingRecord*> EvaluationContext::trainings_of(
    const model::Cadre& cadre) const {
  std::vector<const model::TrainingRecord*> records;
  const auto index = roster_->index_of(cadre);
  if (index < 0) return records;
  for (std::uint32_t training : roster_->trainings_of_cadre(static_cast<std::size_t>(index))) {
    records.push_back(&roster_->trainings()[training]);
  }
  return records;
}

std::size_t EvaluationContext::secretaries_in(const model::Unit& unit) const noexcept {
  const auto index = roster_->index_of(unit);
  if (index < 0) return 0;
  std::size_t count = 0;
  for (std::uint32_t cadre : roster_->cadres_of_unit(static_cast<std::size_t>(index))) {
    if (roster_->cadres()[cadre].holds(model::Position::secretary, as_of_)) ++count;
  }
  return count;
}

const ParameterValue& EvaluationContext::parameter(const Rule& rule,
                                                   const std::string& name) const {
  const auto& settings = profile_->settings_of(rule.info().id);
  const auto found = settings.parameters.find(name);
  if (found != settings.parameters.end()) return found->second;
  const ParameterSpec* spec = find_spec(rule, name);
  if (spec == nullptr) {
    throw std::logic_error("rule " + rule.info().id + " reads undeclared parameter '" + name + "'");
  }
  return spec->default_value;
}

std::int64_t EvaluationContext::integer(const Rule& rule, const std::string& name) const {
  const auto& value = parameter(rule, name);
  if (const auto* integer_value = std::get_if<std::int64_t>(&value)) return *integer_value;
  wrong_type(rule, name, "an integer");
}

double EvaluationContext::number(const Rule& rule, const std::string& name) const {
  const auto& value = parameter(rule, name);
  if (const auto* number_value = std::get_if<double>(&value)) return *number_value;
  if (const auto* integer_value = std::get_if<std::int64_t>(&value)) {
    return static_cast<double>(*integer_value);
  }
  wrong_type(rule, name, "a number");
}

const std::string& EvaluationContext::string(const Rule& rule, const std::string& name) const {
  const auto& value = parameter(rule, name);
  if (const auto* string_value = std::get_if<std::string>(&value)) return *string_value;
  wrong_type(rule, name, "a string");
}

const std::vector<std::string>& EvaluationContext::strings(const Rule& rule,
                                                           const std::string& name) const {
  const auto& value = parameter(rule, name);
  if (const auto* list = std::get_if<std::vector<std::string>>(&value)) return *list;
  wrong_type(rule, name, "an array of strings");
}

bool EvaluationContext::boolean(const Rule& rule, const std::string& name) const {
  const auto& value = parameter(rule, name);
  if (const auto* flag = std::get_if<bool>(&value)) return *flag;
  wrong_type(rule, name, "a boolean");
}

}  // namespace cadreplan::policy
