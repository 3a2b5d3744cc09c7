/// \file archive.hpp
/// \brief Roster archives (`.cpa` binary, `.cpx` XML, `.cpt` text): an envelope checked
///   before Boost.Serialization sees a byte, and saves that never lose the old file.
/// \ingroup io
///
/// An archive keeps a whole roster and the name of its training profile in one file, for
/// years and between offices. The payload is a Boost.Serialization archive of the model
/// (see serialization.hpp); in front of it stands an **envelope**, a fixed header that
/// says what the file is and lets every damaged or foreign file be refused with a clear
/// message before Boost, whose loaders are not hardened against hostile input, is
/// involved.
///
/// **The envelope, format versions 1 and 2** (48 bytes, integers little-endian; the two
/// versions differ in the payload only):
/// | offset | bytes | field |
/// |---:|---:|---|
/// | 0  | 8  | magic `89 43 50 41 0D 0A 1A 0A` (`\x89CPA\r\n\x1A\n`) |
/// | 8  | 2  | format version (ArchiveEnvelope::format_version; 2 written, 1 and 2 read) |
/// | 10 | 2  | envelope size in bytes (48 in versions 1 and 2; the payload starts here) |
/// | 12 | 1  | payload encoding (ArchiveFormat: 1 binary, 2 XML, 3 text) |
/// | 13 | 1  | payload kind (ArchivePayloadKind: 1 roster) |
/// | 14 | 2  | flags, reserved, 0 |
/// | 16 | 16 | the writer's cadreplan::version(), ASCII, NUL-padded |
/// | 32 | 8  | payload size in bytes |
/// | 40 | 4  | CRC-32 of the payload (zlib's and Boost.CRC's `crc_32_type`) |
/// | 44 | 4  | CRC-32 of the envelope's bytes before it (offsets 0 to 43) |
///
/// The magic follows PNG's: a transfer that converts line ends or strips the eighth bit
/// damages it visibly, and the loader says so. The CRC-32 is the common one (reflected
/// polynomial `0xEDB88320`, initial and final value `0xFFFFFFFF`), computed eight bytes
/// at a time since version 2's writer; the values are the same as version 1's.
///
/// Later format versions keep the magic, the format version at offset 8, the envelope
/// size at offset 10, the writer's version at offset 16, and the envelope's own CRC-32 in
/// its last four bytes; so an older CadrePlan can check a newer envelope and say which
/// version it needs instead of calling the file corrupt.
///
/// **The payload** is a Boost.Serialization archive whose one object, `cadreplan`, is an
/// ArchiveContents (class version 0): `profile_name`, then `roster`. Binary payloads hold
/// native integers, so they move only between machines of the same kind (Boost checks the
/// sizes and byte order and refuses the others); XML and text payloads are portable.
/// Archives written with a newer Boost.Serialization than the reader's are refused by
/// Boost (its library version is in the payload's own header).
/// - **Format version 1**: the roster (model::Roster class version 0) is its five tables
///   record by record, each member through Boost: ids and texts as strings, dates as
///   ISO strings, references as the referenced id.
/// - **Format version 2**: the roster (model::Roster class version 1) is its tables in
///   **columns** (serialization.hpp has the layout): per table a record count, then each
///   member as one array of fixed-width integers (one block of bytes in a binary
///   archive, `item` elements in XML and text), dates as day numbers, codes as bytes,
///   references as row numbers, repeated texts (course, provider, result, ethnicity,
///   field of study, province, minority) as a dictionary of distinct texts and a row
///   index per record; ids and names stay one string per record. A binary payload of a
///   national roster is about a quarter the size of version 1's and loads 6 to 13 times
///   faster (docs/performance.md). XML and text payloads use the same layout.
///
/// **Compatibility.** The format version changes whenever a change to the payload (a class
/// version bumped in serialization.hpp, a member added to ArchiveContents) or to the
/// envelope means that an older CadrePlan can no longer read what this one writes; every
/// older format version stays readable (version 1 archives load as before, and
/// `cadreplan convert` rewrites them as version 2). CadrePlan 0.1.0 reads version 1 only,
/// and refuses a version 2 archive saying a newer CadrePlan is needed.
/// `tests/data/archives/` keeps one archive per format version ever released, and a test
/// loads each.
///
/// **Untrusted files.** Every check of the envelope (magic, CRCs, sizes against the file
/// and against ArchiveLimits) happens before anything is allocated or parsed, and Boost's
/// binary and text loaders are given strings no longer than the bytes that remain. A CRC
/// protects against damage, not against forgery: a file crafted with valid checksums
/// still meets only Boost's parsers (fuzzed, see `tests/fuzz/`) and the model's own
/// validation, and is refused with a ParseError, but archives from untrusted sources
/// should be converted in a process that may fail.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cadreplan/io/diagnostic.hpp"
#include "cadreplan/io/roster_csv.hpp"
#include "cadreplan/model/roster.hpp"

namespace cadreplan::io {

/// How the payload of an archive is encoded; the value is the envelope's byte.
enum class ArchiveFormat : std::uint8_t {
  binary = 1,  ///< Boost binary archive, `.cpa`: compact and fast, same kind of machine only.
  xml = 2,     ///< Boost XML archive, `.cpx`: portable and readable, about five times larger.
  text = 3,    ///< Boost text archive, `.cpt`: portable; for debugging.
};

/// What an archive holds; the value is the envelope's byte.
enum class ArchivePayloadKind : std::uint8_t {
  roster = 1,  ///< An ArchiveContents: a roster and its profile name.
};

/// The archive format version this CadrePlan writes, and the newest it reads.
inline constexpr std::uint16_t archive_format_version = 2;

/// The size of the envelope of format versions 1 and 2, in bytes.
inline constexpr std::size_t archive_envelope_bytes = 48;

/// The extension of archives in \p format, with its dot: `.cpa`, `.cpx` or `.cpt`.
[[nodiscard]] std::string_view archive_extension(ArchiveFormat format) noexcept;

/// The format's name in messages: `binary`, `XML` or `text`.
[[nodiscard]] std::string_view archive_format_name(ArchiveFormat format) noexcept;

/// The archive format named by \p path's extension (`.cpa`, `.cpx`, `.cpt`, in any letter
/// case), or nothing for another extension.
[[nodiscard]] std::optional<ArchiveFormat> archive_format_for(const std::filesystem::path& path);

/// Bounds that keep a damaged or hostile archive from exhausting memory; an archive that
/// breaks one is refused with a ParseError naming the bound. A version 2 archive's record
/// counts are checked against max_records, and against the bytes that remain, before
/// anything is allocated for them. The same bounds apply when
/// saving, so that no archive is written that could not be read back.
struct ArchiveLimits {
  /// Largest payload, in bytes (4 GiB, as for one CSV file); the largest archive file is
  /// this plus the envelope. Checked against the envelope before anything is read.
  std::uint64_t max_payload_bytes = std::uint64_t{4} << 30;
  /// Longest string (a name, an id, a note), in bytes (1 MiB, as for one CSV cell).
  std::size_t max_string_bytes = std::size_t{1} << 20;
  /// Most records in one table (units, cadres, trainings, pool entries or budget lines),
  /// most positions of one cadre and of all cadres together, and most distinct texts in
  /// one dictionary column (16 777 216: far above a national roster).
  std::uint64_t max_records = std::uint64_t{1} << 24;
};

/// What an archive of kind ArchivePayloadKind::roster holds.
///
/// **Extension point.** When the training catalogue (`planning::Catalogue`) is to travel
/// with the roster, it becomes a member here (`std::optional<planning::Catalogue>
/// catalogue;`, empty for archives that have none), serialized after `roster` when the
/// class version is 1 or more; ArchiveContents' class version (in archive.cpp) goes to 1
/// and archive_format_version to 3, and loading keeps accepting class version 0 (no
/// catalogue). The catalogue's own `serialize` belongs in serialization.hpp.
struct ArchiveContents {
  model::Roster roster;      ///< The roster.
  std::string profile_name;  ///< The name of the training profile it goes with (empty: none).

  /// Contents compare member by member.
  friend bool operator==(const ArchiveContents&, const ArchiveContents&) = default;
};

/// A checked envelope: what an archive says about itself.
struct ArchiveEnvelope {
  std::uint16_t format_version = archive_format_version;  ///< Format version of the file.
  ArchiveFormat format = ArchiveFormat::binary;           ///< Encoding of the payload.
  ArchivePayloadKind kind = ArchivePayloadKind::roster;   ///< What the payload holds.
  std::string library_version;      ///< The CadrePlan that wrote the file, e.g. `0.1.0`.
  std::uint64_t payload_bytes = 0;  ///< Size of the payload.
  std::uint32_t payload_crc32 = 0;  ///< CRC-32 of the payload.

  /// Envelopes compare member by member.
  friend bool operator==(const ArchiveEnvelope&, const ArchiveEnvelope&) = default;
};

/// The bytes of an archive of \p contents in \p format: envelope, then payload.
/// \throws ArchiveContentError (serialization.hpp) when the roster holds a value no
///   archive can keep (a special date); std::length_error when the archive would break
///   \p limits.
[[nodiscard]] std::string write_archive(const ArchiveContents& contents, ArchiveFormat format,
                                        const ArchiveLimits& limits = {});

/// Checks the envelope of the archive \p bytes, named \p display_name in messages, and the
/// payload's size and CRC-32 (everything but the payload's content).
/// \throws ParseError naming \p display_name and what is wrong: not an archive, truncated,
///   corrupted (a CRC that does not match), too new (naming the CadrePlan version needed),
///   trailing bytes, or a bound of \p limits exceeded.
[[nodiscard]] ArchiveEnvelope read_archive_envelope(std::string_view bytes,
                                                    const std::string& display_name,
                                                    const ArchiveLimits& limits = {});

/// Reads the archive \p bytes, named \p display_name in messages: checks the envelope
/// (read_archive_envelope()), then decodes the payload and rebuilds the roster, validated
/// as model::Roster::build() validates.
/// \throws ParseError naming \p display_name and what is wrong; never a crash, and never
///   an allocation beyond a small multiple of \p bytes.
[[nodiscard]] ArchiveContents read_archive(std::string_view bytes, const std::string& display_name,
                                           const ArchiveLimits& limits = {});

/// Saves \p contents to \p path in the format its extension names (archive_format_for()).
/// See the other overload for how.
/// \throws std::invalid_argument when the extension names no archive format.
void save_archive(const ArchiveContents& contents, const std::filesystem::path& path,
                  const ArchiveLimits& limits = {});

/// Saves \p contents to \p path in \p format, atomically: the archive is written whole to
/// a temporary file beside \p path (`.NAME.XXXXXXXX.tmp`, so on the same file system),
/// flushed and fsync'ed, given the old file's permissions, renamed over \p path, and the
/// folder is fsync'ed. A process killed at any moment leaves either the old file or the
/// new one, whole, under \p path (a killed process may leave its temporary file behind;
/// it is never mistaken for an archive). On any failure before the rename the old file is
/// untouched and the temporary file removed. A symbolic link at \p path is followed: the
/// file it points to is replaced. POSIX only.
/// \throws std::filesystem::filesystem_error when writing fails (naming the path and the
///   system's reason); ArchiveContentError or std::length_error as write_archive().
void save_archive(const ArchiveContents& contents, const std::filesystem::path& path,
                  ArchiveFormat format, const ArchiveLimits& limits = {});

/// Loads the archive file \p path (any of the three formats: the envelope says which).
/// The file's size is checked against \p limits before it is read, and only regular files
/// are read (a FIFO or a device would hang or never end). The file is mapped into memory
/// while it loads, not copied (where the system cannot map it, it is read): the contents
/// returned do not refer to it. A file truncated in place by another program during the
/// load may stop the process (SIGBUS on POSIX); save_archive() never does that, since it
/// replaces a file by renaming a new one over it.
/// \throws ParseError naming \p path and what is wrong (see read_archive()); also when the
///   file does not exist or cannot be read.
[[nodiscard]] ArchiveContents load_archive(const std::filesystem::path& path,
                                           const ArchiveLimits& limits = {});

/// A roster loaded by load_roster_any(), with what came with it.
struct LoadedRoster {
  model::Roster roster;              ///< The validated roster.
  std::vector<Diagnostic> warnings;  ///< CSV load warnings (none for an archive).
  std::string profile_name;          ///< The archive's profile name (empty for a CSV folder).
  std::optional<ArchiveFormat> archive_format;  ///< The archive's format; empty for a folder.
};

/// Loads the roster at \p path, whatever it is: a folder is a CSV roster
/// (load_roster_csv() with \p csv_options), a file an archive (load_archive() with
/// \p limits, whatever its extension). So every command can take a ROSTER of either kind.
/// \throws ParseError for bad input, or when \p path does not exist.
[[nodiscard]] LoadedRoster load_roster_any(const std::filesystem::path& path,
                                           const CsvLoadOptions& csv_options = {},
                                           const ArchiveLimits& limits = {});

}  // namespace cadreplan::io
