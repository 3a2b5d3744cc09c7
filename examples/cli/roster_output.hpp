/// \file roster_output.hpp
/// \brief Where a command writes a roster (`convert`, `generate`): a folder of CSV files or
///   an archive, chosen by `--format` or by the output's name, never over an existing
///   roster unless told to.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "cadreplan/io/archive.hpp"
#include "cadreplan/model/roster.hpp"

namespace cadreplan::cli {

/// The archive format an OUTPUT asks for, or nothing for a folder of CSV files: the one
/// \p format_name names (`binary`, `xml`, `text`, or `csv` for a folder), else the one
/// \p output's extension names (`.cpa`, `.cpx`, `.cpt`); a name without an extension, or
/// an existing folder, is a CSV folder.
/// \throws UsageError for an unknown \p format_name or another extension.
[[nodiscard]] std::optional<io::ArchiveFormat> output_archive_format(
    const std::string& format_name, const std::filesystem::path& output);

/// Refuses to write where it should not: an archive over a folder, a CSV folder over a
/// file, and, unless \p overwrite, over an existing archive or a folder that already holds
/// a roster file.
/// \throws UsageError naming \p output and what is in the way.
void check_output(const std::filesystem::path& output, bool archive, bool overwrite);

/// `N units, N cadres, N training records, N pool entries, N budget lines`.
[[nodiscard]] std::string describe_roster(const model::Roster& roster);

/// Writes \p contents to \p output: an archive in \p format (atomically), or, without a
/// format, a folder of CSV files (the profile name is then not written).
/// \returns what was written, e.g. `binary archive` or `CSV folder`.
std::string write_roster(const io::ArchiveContents& contents, const std::filesystem::path& output,
                         std::optional<io::ArchiveFormat> format);

}  // namespace cadreplan::cli
