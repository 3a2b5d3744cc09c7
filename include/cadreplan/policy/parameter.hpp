/// \file parameter.hpp
/// \brief Rule parameters: typed values from the profile, and the specs rules declare.
/// \ingroup policy
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "cadreplan/policy/finding.hpp"

namespace cadreplan::policy {

/// A parameter's value as a profile gives it.
using ParameterValue = std::variant<bool, std::int64_t, double, std::string,
                                    boost::gregorian::date, std::vector<std::string>>;

/// The type a parameter must have (index order of ParameterValue).
enum class ParameterType {
  boolean,      ///< `true` / `false`
  integer,      ///< a whole number
  number,       ///< a real number (an integer is accepted)
  string,       ///< a string (often a code)
  date,         ///< a TOML local date
  string_list,  ///< an array of strings
};

/// The name of a parameter type as a profile author reads it (`"integer"`).
[[nodiscard]] std::string_view to_code(ParameterType type) noexcept;

/// What a rule accepts for one parameter: the profile loader checks values against it,
/// and the rules reference is generated from it.
struct ParameterSpec {
  std::string name;                   ///< Key under `[rules."ID"]`.
  ParameterType type = ParameterType::integer;  ///< Required type.
  ParameterValue default_value;       ///< Used when the profile does not set it.
  std::optional<double> minimum;      ///< Smallest allowed value (numbers).
  std::optional<double> maximum;      ///< Largest allowed value (numbers).
  Text description;                   ///< What it means.
};

}  // namespace cadreplan::policy
