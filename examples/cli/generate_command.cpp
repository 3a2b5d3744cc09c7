// The `cadreplan generate` subcommand: options in, a synthetic roster out.
#include "generate_command.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>

#include <charconv>
#include <filesystem>
#include <optional>

#include "cadreplan/io/cell_parsers.hpp"
#include "cadreplan/synth/generator.hpp"
#include "command_line.hpp"
#include "roster_output.hpp"

namespace cadreplan::cli {
namespace {

constexpr const char* generate_footer = R"(
Generates a synthetic roster: provinces of districts of communes, wards, townships and
special zones, about 25 cadres per unit (a fifth in the leading posts, with successor
pools for the next term), about five training records per cadre and a training budget per
unit and year; the secretaries' qualifications follow the Sóc Trăng figures. Everything is
invented. The same options give the same files, byte for byte, on every machine.
The output's kind follows its name as for 'convert' (.cpa binary archive, .cpx XML
archive, anything else a folder of CSV files), or --format.

Examples:
  cadreplan generate national --cadres 1000000
  cadreplan generate national.cpa --cadres 1000000 --seed 7
  cadreplan stats national --as-of 2024-12-31)";

std::size_t cadres_option(const std::string& text) {
  std::size_t value = 0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || error != std::errc() || stop != end || value == 0 ||
      value > synth::max_generated_cadres) {
    throw UsageError("--cadres: '" + text + "' is not a whole number from 1 to " +
                     std::to_string(synth::max_generated_cadres));
  }
  return value;
}

synth::GeneratorOptions generator_options(const GenerateOptions& options) {
  synth::GeneratorOptions generator;
  generator.cadres = cadres_option(options.cadres);
  generator.seed = options.seed;
  if (!options.term.empty()) {
    try {
      generator.term = io::parse_term(options.term);
    } catch (const io::CellError& error) {
      throw UsageError(std::string("--term: ") + error.what());
    }
    generator.as_of = synth::default_as_of(generator.term);
  }
  if (!options.as_of.empty()) generator.as_of = date_or_today(options.as_of, "--as-of");
  try {
    synth::validate(generator);
  } catch (const std::invalid_argument& error) {
    throw UsageError(error.what());
  }
  return generator;
}

}  // namespace

CLI::App* add_generate_command(CLI::App& app, GenerateOptions& options) {
  CLI::App* generate = app.add_subcommand(
      "generate", "Generate a synthetic roster of any size (for benchmarks and demonstrations)");
  generate->add_option("OUTPUT", options.output, "Where to write it: a folder, NAME.cpa or NAME.cpx")
      ->required();
  generate->add_option("--cadres", options.cadres, "How many cadres, e.g. 1000000")->required();
  generate->add_option("--seed", options.seed, "The random seed (default: 20131231)");
  generate->add_option("--term", options.term, "The current term, YYYY-YYYY (default: 2020-2025)");
  generate->add_option("--as-of", options.as_of,
                       "The day the roster describes (default: 31 December of the term's "
                       "next-to-last year)");
  generate
      ->add_option("--format", options.format,
                   "Write this format whatever OUTPUT's name: csv, binary, xml or text")
      ->check(CLI::IsMember({"csv", "binary", "xml", "text"}));
  generate->add_flag("--overwrite", options.overwrite, "Replace OUTPUT if it exists");
  generate->footer(generate_footer);
  return generate;
}

int run_generate(const GenerateOptions& options, std::ostream& out, std::ostream&) {
  const synth::GeneratorOptions generator = generator_options(options);
  const std::filesystem::path output(options.output);
  const std::optional<io::ArchiveFormat> format = output_archive_format(options.format, output);
  check_output(output, format.has_value(), options.overwrite);

  io::ArchiveContents contents;
  contents.roster = synth::generate_roster(generator);
  const std::string written = write_roster(contents, output, format);
  out << "Wrote " << output.string() << " (" << written << "): " << describe_roster(contents.roster)
      << "; seed " << generator.seed << ", term " << generator.term.name() << ", as of "
      << boost::gregorian::to_iso_extended_string(generator.as_of) << ".\n";
  return exit_success;
}

}  // namespace cadreplan::cli
