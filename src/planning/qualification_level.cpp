#include "cadreplan/planning/qualification_level.hpp"

#include <algorithm>

namespace cadreplan::planning {
namespace {

template <class E>
int plain_rank(E level) noexcept {
  return static_cast<int>(level);
}

int level_rank(model::PoliticalTheory level) noexcept {
  return model::political_theory_rank(level);
}
int level_rank(model::GeneralEducation level) noexcept { return plain_rank(level); }
int level_rank(model::ProfessionalLevel level) noexcept { return plain_rank(level); }
int level_rank(model::StateManagement level) noexcept { return plain_rank(level); }

// Keeps the higher of the held level and the conferred one; unknown becomes the conferred.
template <class E>
void raise(std::optional<E>& held, E conferred) noexcept {
  if (!held || level_rank(*held) < level_rank(conferred)) held = conferred;
}

}  // namespace

std::string_view to_code(Dimension dimension) noexcept {
  switch (dimension) {
    case Dimension::general_education:
      return "general_education";
    case Dimension::professional_level:
      return "professional_level";
    case Dimension::political_theory:
      return "political_theory";
    case Dimension::state_management:
      return "state_management";
  }
  return "";
}

std::string_view standard_rule_id(Dimension dimension) noexcept {
  switch (dimension) {
    case Dimension::general_education:
      return "standard.general_education";
    case Dimension::professional_level:
      return "standard.professional_level";
    case Dimension::political_theory:
      return "standard.political_theory";
    case Dimension::state_management:
      return "standard.state_management";
  }
  return "";
}

std::optional<Dimension> dimension_of(model::TrainingKind kind) noexcept {
  switch (kind) {
    case model::TrainingKind::political_theory:
      return Dimension::political_theory;
    case model::TrainingKind::professional:
      return Dimension::professional_level;
    case model::TrainingKind::state_management:
      return Dimension::state_management;
    default:
      return std::nullopt;
  }
}

std::optional<QualificationLevel> QualificationLevel::parse(Dimension dimension,
                                                            std::string_view text) {
  auto wrap = [](auto level) -> std::optional<QualificationLevel> {
    if (!level) return std::nullopt;
    return QualificationLevel(*level);
  };
  switch (dimension) {
    case Dimension::general_education:
      return wrap(model::parse_code<model::GeneralEducation>(text));
    case Dimension::professional_level:
      return wrap(model::parse_code<model::ProfessionalLevel>(text));
    case Dimension::political_theory:
      return wrap(model::parse_code<model::PoliticalTheory>(text));
    case Dimension::state_management:
      return wrap(model::parse_code<model::StateManagement>(text));
  }
  return std::nullopt;
}

Dimension QualificationLevel::dimension() const noexcept {
  // The variant's alternatives are in Dimension order.
  return static_cast<Dimension>(level_.index());
}

int QualificationLevel::rank() const noexcept {
  return std::visit([](auto level) { return level_rank(level); }, level_);
}

std::string_view QualificationLevel::code() const noexcept {
  return std::visit([](auto level) { return model::to_code(level); }, level_);
}

std::string_view QualificationLevel::label(model::Language language) const noexcept {
  return std::visit([language](auto level) { return model::to_label(level, language); }, level_);
}

std::optional<QualificationLevel> held_level(const model::Cadre& cadre,
                                             Dimension dimension) noexcept {
  auto wrap = [](const auto& level) -> std::optional<QualificationLevel> {
    if (!level) return std::nullopt;
    return QualificationLevel(*level);
  };
  switch (dimension) {
    case Dimension::general_education:
      return wrap(cadre.general_education);
    case Dimension::professional_level:
      return wrap(cadre.professional.level);
    case Dimension::political_theory:
      return wrap(cadre.political_theory);
    case Dimension::state_management:
      return wrap(cadre.state_management);
  }
  return std::nullopt;
}

void confer(model::Cadre& cadre, const QualificationLevel& level) noexcept {
  if (auto value = level.as<model::GeneralEducation>()) raise(cadre.general_education, *value);
  if (auto value = level.as<model::ProfessionalLevel>()) raise(cadre.professional.level, *value);
  if (auto value = level.as<model::PoliticalTheory>()) raise(cadre.political_theory, *value);
  if (auto value = level.as<model::StateManagement>()) raise(cadre.state_management, *value);
}

}  // namespace cadreplan::planning
