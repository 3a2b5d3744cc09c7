/// \file diagnostic.hpp
/// \brief Input diagnostics (`FILE:LINE:COLUMN: error: MESSAGE`) and the ParseError exception.
/// \ingroup io
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

/// \defgroup io Input and output
/// \brief CSV rosters, archives, profiles and report writers.

/// Reading and writing rosters, archives and reports.
namespace cadreplan::io {

/// How bad a diagnostic is.
enum class DiagnosticSeverity {
  warning,  ///< The input was accepted (e.g. an unknown column is ignored).
  error,    ///< The input was rejected.
};

/// One problem found in an input file, located as precisely as the format allows.
struct Diagnostic {
  std::string file;          ///< Path of the file as given (or a table name).
  std::size_t line = 0;      ///< 1-based physical line; 0 when not about a line.
  std::string column;        ///< Column by its header name (CSV) or key (TOML); may be empty.
  DiagnosticSeverity severity = DiagnosticSeverity::error;  ///< Error or warning.
  std::string message;       ///< What is wrong, naming the offending value.

  /// `FILE:LINE:COLUMN: error: MESSAGE` (parts that are unknown are left out).
  [[nodiscard]] std::string to_string() const;
  /// Diagnostics compare member by member.
  friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

/// Bad input: thrown by every loader, carrying one diagnostic (stop at the first error)
/// or all of them (`keep_going`). Nothing half-loaded is ever returned alongside it.
class ParseError : public std::runtime_error {
 public:
  /// One error.
  explicit ParseError(Diagnostic diagnostic);
  /// Several errors (at least one), reported in order.
  explicit ParseError(std::vector<Diagnostic> diagnostics);
  /// Every error found, in file order.
  [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const noexcept {
    return diagnostics_;
  }

 private:
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace cadreplan::io
