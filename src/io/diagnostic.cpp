#include "cadreplan/io/diagnostic.hpp"

namespace cadreplan::io {
namespace {

std::string join_lines(const std::vector<Diagnostic>& diagnostics) {
  std::string text;
  for (const auto& diagnostic : diagnostics) {
    if (!text.empty()) text += '\n';
    text += diagnostic.to_string();
  }
  return text;
}

}  // namespace

std::string Diagnostic::to_string() const {
  std::string text = file;
  // Appended piecewise: GCC 12 at -O3 warns falsely (-Wrestrict) on ":" + std::string.
  if (line > 0) {
    text += ':';
    text += std::to_string(line);
  }
  if (!column.empty()) {
    text += ':';
    text += column;
  }
  if (!text.empty()) text += ": ";
  text += severity == DiagnosticSeverity::error ? "error: " : "warning: ";
  text += message;
  return text;
}

ParseError::ParseError(Diagnostic diagnostic)
    : ParseError(std::vector<Diagnostic>{std::move(diagnostic)}) {}

ParseError::ParseError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(join_lines(diagnostics)), diagnostics_(std::move(diagnostics)) {}

}  // namespace cadreplan::io
