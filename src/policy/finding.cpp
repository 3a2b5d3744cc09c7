#include "cadreplan/policy/finding.hpp"

#include "cadreplan/text/fold.hpp"

namespace cadreplan::policy {

std::string_view to_code(Severity severity) noexcept {
  switch (severity) {
    case Severity::info:
      return "info";
    case Severity::warning:
      return "warning";
    case Severity::error:
      return "error";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view text) {
  if (!text::is_valid_utf8(text)) return std::nullopt;
  const std::string folded = text::fold(text);
  if (folded == "info" || folded == "thong tin") return Severity::info;
  if (folded == "warning" || folded == "canh bao") return Severity::warning;
  if (folded == "error" || folded == "loi") return Severity::error;
  return std::nullopt;
}

}  // namespace cadreplan::policy
