// Where `convert` and `generate` write a roster, and the checks before they do.
#include "roster_output.hpp"

#include "cadreplan/io/roster_csv.hpp"
#include "command_line.hpp"

namespace cadreplan::cli {
namespace {

namespace fs = std::filesystem;

const char* const roster_files[] = {"units.csv", "cadres.csv", "trainings.csv", "pools.csv",
                                    "budgets.csv"};

std::string quoted(const fs::path& path) { return "'" + path.string() + "'"; }

}  // namespace

std::optional<io::ArchiveFormat> output_archive_format(const std::string& format_name,
                                                       const fs::path& output) {
  if (format_name == "binary") return io::ArchiveFormat::binary;
  if (format_name == "xml") return io::ArchiveFormat::xml;
  if (format_name == "text") return io::ArchiveFormat::text;
  if (format_name == "csv") return std::nullopt;
  if (!format_name.empty()) {
    throw UsageError("unknown format '" + format_name + "' (expected binary, xml, text or csv)");
  }
  if (auto format = io::archive_format_for(output)) return format;
  std::error_code ignored;
  if (fs::is_directory(output, ignored) || !output.has_extension()) return std::nullopt;
  throw UsageError("output " + quoted(output) +
                   ": expected a folder (for CSV files) or a name ending in .cpa (binary "
                   "archive), .cpx (XML) or .cpt (text); or give --format");
}

void check_output(const fs::path& output, bool archive, bool overwrite) {
  std::error_code ignored;
  const fs::file_status status = fs::status(output, ignored);
  if (archive) {
    if (fs::is_directory(status)) {
      throw UsageError("output " + quoted(output) + " is a folder, not an archive");
    }
    if (fs::exists(status) && !overwrite) {
      throw UsageError("output " + quoted(output) + " exists; give --overwrite to replace it");
    }
    return;
  }
  if (fs::exists(status) && !fs::is_directory(status)) {
    throw UsageError("output " + quoted(output) + " is a file, not a folder for CSV files");
  }
  for (const char* name : roster_files) {
    if (fs::exists(output / name, ignored) && !overwrite) {
      throw UsageError("output folder " + quoted(output) + " already holds a roster (" + name +
                       "); give --overwrite to replace it");
    }
  }
}

std::string describe_roster(const model::Roster& roster) {
  return std::to_string(roster.units().size()) + " units, " +
         std::to_string(roster.cadres().size()) + " cadres, " +
         std::to_string(roster.trainings().size()) + " training records, " +
         std::to_string(roster.pools().size()) + " pool entries, " +
         std::to_string(roster.budgets().size()) + " budget lines";
}

std::string write_roster(const io::ArchiveContents& contents, const fs::path& output,
                         std::optional<io::ArchiveFormat> format) {
  if (!format) {
    io::save_roster_csv(contents.roster, output);
    return "CSV folder";
  }
  io::save_archive(contents, output, *format);
  return std::string(io::archive_format_name(*format)) + " archive";
}

}  // namespace cadreplan::cli
