/// \file convert_command.hpp
/// \brief `cadreplan convert`: a roster from a CSV folder to an archive, or back.
#pragma once

#include <CLI/CLI.hpp>

#include <ostream>
#include <string>

namespace cadreplan::cli {

/// The options of `cadreplan convert`, as typed (checked by run_convert()).
struct ConvertOptions {
  std::string input;         ///< The roster: a CSV folder or an archive.
  std::string output;        ///< An archive (`.cpa`, `.cpx`, `.cpt`) or a folder.
  std::string format;        ///< `--format` binary, xml, text or csv (empty: by OUTPUT).
  std::string profile_name;  ///< `--profile-name` recorded in the archive (empty: keep).
  bool overwrite = false;    ///< `--overwrite`: replace an existing OUTPUT.
  bool keep_going = false;   ///< `--keep-going`: report every error of a CSV roster.
};

/// Adds the `convert` subcommand to \p app, storing what it parses in \p options.
CLI::App* add_convert_command(CLI::App& app, ConvertOptions& options);

/// Runs `cadreplan convert`: loads the input roster, writes it as OUTPUT, and says what
/// was written on \p out; warnings go to \p err.
/// \returns the exit status. \throws UsageError, io::ParseError for bad usage or input.
int run_convert(const ConvertOptions& options, std::ostream& out, std::ostream& err);

}  // namespace cadreplan::cli
