#include "cadreplan/policy/parameter.hpp"

namespace cadreplan::policy {

std::string_view to_code(ParameterType type) noexcept {
  switch (type) {
    case ParameterType::boolean:
      return "boolean";
    case ParameterType::integer:
      return "integer";
    case ParameterType::number:
      return "number";
    case ParameterType::string:
      return "string";
    case ParameterType::date:
      return "date";
    case ParameterType::string_list:
      return "array of strings";
  }
  return "unknown";
}

}  // namespace cadreplan::policy
