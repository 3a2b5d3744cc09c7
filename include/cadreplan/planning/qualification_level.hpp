/// \file qualification_level.hpp
/// \brief A qualification level in one of the dimensions a position standard sets a minimum
///   for, so a course can say what it confers and requires whatever its kind.
/// \ingroup planning
#pragma once

#include <optional>
#include <string_view>
#include <variant>

#include "cadreplan/model/cadre.hpp"
#include "cadreplan/model/code.hpp"
#include "cadreplan/model/qualification.hpp"
#include "cadreplan/model/training.hpp"

/// \defgroup planning Planning
/// \brief The training catalogue, successor pools and the term's training plan within budget.

/// Term planning: the training catalogue, readiness of successor pools, the planner, the
/// plan it produces and the projection of that plan onto the roster.
namespace cadreplan::planning {

/// A qualification dimension that a position standard sets a minimum for.
/// \ingroup planning
enum class Dimension {
  general_education,   ///< trình độ học vấn (no course confers it)
  professional_level,  ///< trình độ chuyên môn (`professional` courses)
  political_theory,    ///< lý luận chính trị (`political_theory` courses)
  state_management,    ///< quản lý nhà nước (`state_management` courses)
};

/// The dimension's name as written in files and messages (`"political_theory"`).
[[nodiscard]] std::string_view to_code(Dimension dimension) noexcept;

/// The id of the position-standard rule that judges \p dimension
/// (`"standard.political_theory"`).
[[nodiscard]] std::string_view standard_rule_id(Dimension dimension) noexcept;

/// The dimension a course of \p kind confers levels in: `political_theory`,
/// `professional` and `state_management` courses do; other kinds confer nothing.
[[nodiscard]] std::optional<Dimension> dimension_of(model::TrainingKind kind) noexcept;

/// A level in one dimension, e.g. political theory `intermediate`. Levels of one dimension
/// are ordered by rank(); a bachelor of politics ranks as advanced (model::meets()).
/// \ingroup planning
class QualificationLevel {
 public:
  // Implicit on purpose: each enum value is a qualification level, and `course.confers =
  // model::PoliticalTheory::advanced` should read as written.

  /// A general education level.
  QualificationLevel(model::GeneralEducation level) noexcept : level_(level) {}  // NOLINT
  /// A professional level.
  QualificationLevel(model::ProfessionalLevel level) noexcept : level_(level) {}  // NOLINT
  /// A political theory level.
  QualificationLevel(model::PoliticalTheory level) noexcept : level_(level) {}  // NOLINT
  /// A state management level.
  QualificationLevel(model::StateManagement level) noexcept : level_(level) {}  // NOLINT

  /// Parses any accepted spelling (model::parse_code) of a level of \p dimension;
  /// nothing for an unknown spelling.
  [[nodiscard]] static std::optional<QualificationLevel> parse(Dimension dimension,
                                                               std::string_view text);

  /// The dimension the level belongs to.
  [[nodiscard]] Dimension dimension() const noexcept;
  /// The level's rank within its dimension: higher is more; bachelor and advanced political
  /// theory share a rank.
  [[nodiscard]] int rank() const noexcept;
  /// The English code (`"intermediate"`).
  [[nodiscard]] std::string_view code() const noexcept;
  /// The label for people in \p language.
  [[nodiscard]] std::string_view label(model::Language language) const noexcept;
  /// The level as enum \p E, or nothing when it belongs to another dimension.
  template <class E>
  [[nodiscard]] std::optional<E> as() const noexcept {
    if (const E* value = std::get_if<E>(&level_)) return *value;
    return std::nullopt;
  }

  /// Levels compare by dimension and value (not rank: bachelor differs from advanced).
  friend bool operator==(const QualificationLevel&, const QualificationLevel&) = default;

 private:
  std::variant<model::GeneralEducation, model::ProfessionalLevel, model::PoliticalTheory,
               model::StateManagement>
      level_;
};

/// The level \p cadre holds in \p dimension, or nothing when the roster does not say.
[[nodiscard]] std::optional<QualificationLevel> held_level(const model::Cadre& cadre,
                                                           Dimension dimension) noexcept;

/// Raises \p cadre's level in the level's dimension to \p level, as completing a course
/// conferring it would: a higher level already held is kept; an unknown one is replaced.
void confer(model::Cadre& cadre, const QualificationLevel& level) noexcept;

}  // namespace cadreplan::planning
