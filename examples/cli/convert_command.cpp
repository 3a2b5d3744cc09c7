// The `cadreplan convert` subcommand: a roster in, the same roster out in another form.
#include "convert_command.hpp"

#include <filesystem>
#include <optional>

#include "cadreplan/io/archive.hpp"
#include "cadreplan/io/roster_csv.hpp"
#include "command_line.hpp"
#include "roster_output.hpp"

namespace cadreplan::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* convert_footer = R"(
Converts a roster between a folder of CSV files and an archive, both ways, losslessly.
The output's kind follows its name: .cpa is a binary archive (compact, same kind of
machine), .cpx an XML archive (portable), .cpt a text archive (for debugging); anything
else is a folder of CSV files. An archive is saved atomically: a crash leaves the old
file or the new one, never half of one. An existing OUTPUT is replaced only with
--overwrite.

Examples, from the source folder:
  cadreplan convert examples/data/soc-trang-2013 soc-trang-2013.cpa
  cadreplan convert soc-trang-2013.cpa soc-trang-2013-csv
  cadreplan convert soc-trang-2013.cpa soc-trang-2013.cpx --profile-name default)";

std::string quoted(const fs::path& path) { return "'" + path.string() + "'"; }

}  // namespace

CLI::App* add_convert_command(CLI::App& app, ConvertOptions& options) {
  CLI::App* convert = app.add_subcommand(
      "convert", "Convert a roster between a CSV folder and an archive (.cpa, .cpx, .cpt)");
  convert->add_option("ROSTER", options.input, "The roster: a folder of CSV files or an archive")
      ->required();
  convert
      ->add_option("OUTPUT", options.output,
                   "Where to write it: NAME.cpa, NAME.cpx, NAME.cpt or a folder")
      ->required();
  convert
      ->add_option("--format", options.format,
                   "Write this format whatever OUTPUT's name: binary, xml, text or csv")
      ->check(CLI::IsMember({"binary", "xml", "text", "csv"}));
  convert->add_option("--profile-name", options.profile_name,
                      "The training profile's name to record in the archive (default: the "
                      "input archive's, or none)");
  convert->add_flag("--overwrite", options.overwrite, "Replace OUTPUT if it exists");
  convert->add_flag("--keep-going", options.keep_going,
                    "Report every error in a CSV roster instead of stopping at the first");
  convert->footer(convert_footer);
  return convert;
}

int run_convert(const ConvertOptions& options, std::ostream& out, std::ostream& err) {
  const fs::path input(options.input);
  const fs::path output(options.output);
  std::error_code ignored;
  if (!fs::exists(input, ignored)) {
    throw UsageError("roster " + quoted(input) +
                     " does not exist (expected a folder of CSV files or an archive)");
  }
  const std::optional<io::ArchiveFormat> format = output_archive_format(options.format, output);
  if (fs::exists(output, ignored) && fs::equivalent(input, output, ignored)) {
    throw UsageError("output " + quoted(output) + " is the input roster");
  }
  check_output(output, format.has_value(), options.overwrite);

  io::CsvLoadOptions csv_options;
  csv_options.keep_going = options.keep_going;
  io::LoadedRoster loaded = io::load_roster_any(input, csv_options);
  for (const io::Diagnostic& warning : loaded.warnings) {
    err << "cadreplan: " << warning.to_string() << '\n';
  }

  io::ArchiveContents contents;
  contents.profile_name = options.profile_name.empty() ? loaded.profile_name : options.profile_name;
  contents.roster = std::move(loaded.roster);
  if (!format && !loaded.profile_name.empty()) {
    err << "cadreplan: warning: the archive's profile name '" << loaded.profile_name
        << "' has no place in a CSV folder and is not written\n";
  }
  const std::string written = write_roster(contents, output, format);
  out << "Wrote " << output.string() << " (" << written << "): " << describe_roster(contents.roster);
  if (format && !contents.profile_name.empty()) out << "; profile " << contents.profile_name;
  out << ".\n";
  return exit_success;
}

}  // namespace cadreplan::cli
