/// \file generate_command.hpp
/// \brief `cadreplan generate`: a synthetic roster of any size, as a CSV folder or an
///   archive.
#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>
#include <ostream>
#include <string>

namespace cadreplan::cli {

/// The options of `cadreplan generate`, as typed (checked by run_generate()).
struct GenerateOptions {
  std::string output;          ///< A folder (CSV files) or an archive (`.cpa`, `.cpx`, `.cpt`).
  std::string cadres;          ///< `--cadres N`, as typed.
  std::uint64_t seed = 20131231;  ///< `--seed S`.
  std::string term;            ///< `--term YYYY-YYYY` (empty: the generator's default).
  std::string as_of;           ///< `--as-of DATE` (empty: the end of the term's next-to-last year).
  std::string format;          ///< `--format` csv, binary, xml or text (empty: by OUTPUT).
  bool overwrite = false;      ///< `--overwrite`: replace an existing OUTPUT.
};

/// Adds the `generate` subcommand to \p app, storing what it parses in \p options.
CLI::App* add_generate_command(CLI::App& app, GenerateOptions& options);

/// Runs `cadreplan generate`: generates the roster, writes it as OUTPUT and says what was
/// written on \p out.
/// \returns the exit status. \throws UsageError for bad usage.
int run_generate(const GenerateOptions& options, std::ostream& out, std::ostream& err);

}  // namespace cadreplan::cli
