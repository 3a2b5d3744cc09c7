/// \file field_taxonomy.hpp
/// \brief Which fields of study fit which position.
/// \ingroup policy
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "cadreplan/model/position.hpp"

namespace cadreplan::policy {

/// How a field of study relates to a position.
enum class FieldFit {
  fits,          ///< Listed as fitting the position.
  does_not_fit,  ///< Listed as not fitting (the seed: environment, land administration, accounting).
  unknown,       ///< Not listed either way (or no field recorded).
};

/// The fields that fit and do not fit each position. Matching folds case and
/// diacritics and accepts a listed field appearing anywhere in the recorded one
/// ("Cử nhân Luật kinh tế" fits because "luật" is listed).
class FieldTaxonomy {
 public:
  /// Lists \p fields as fitting \p position (each folded once here).
  void add_fitting(model::Position position, const std::vector<std::string>& fields);
  /// Lists \p fields as not fitting \p position.
  void add_unfitting(model::Position position, const std::vector<std::string>& fields);
  /// Classifies \p field for \p position; an unfitting match wins over a fitting one.
  [[nodiscard]] FieldFit classify(model::Position position, std::string_view field) const;
  /// The fitting fields of \p position, as given.
  [[nodiscard]] std::vector<std::string> fitting(model::Position position) const;

  /// Taxonomies compare by their lists.
  friend bool operator==(const FieldTaxonomy&, const FieldTaxonomy&) = default;

 private:
  struct Lists {
    std::vector<std::string> fit_given, fit_folded, unfit_given, unfit_folded;
    friend bool operator==(const Lists&, const Lists&) = default;
  };
  std::map<model::Position, Lists> lists_;
};

}  // namespace cadreplan::policy
