// Roster archives: the envelope, the payload through Boost.Serialization with loaders that
// never believe a length they cannot back with bytes, and atomic saves.
#include "cadreplan/io/archive.hpp"

#include <boost/archive/archive_exception.hpp>
#include <boost/archive/binary_iarchive_impl.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <boost/archive/xml_oarchive.hpp>
#include <boost/serialization/array_optimization.hpp>
#include <boost/serialization/nvp.hpp>

// The definitions behind Boost's archive templates, instantiated below for the bounded
// loaders (Boost's own library holds them only for its own archive classes).
#include <boost/archive/impl/archive_serializer_map.ipp>
#include <boost/archive/impl/basic_binary_iarchive.ipp>
#include <boost/archive/impl/basic_binary_iprimitive.ipp>
#include <boost/archive/impl/basic_text_iarchive.ipp>
#include <boost/archive/impl/basic_xml_iarchive.ipp>
#include <boost/archive/impl/text_iarchive_impl.ipp>
#include <boost/archive/impl/xml_iarchive_impl.ipp>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <istream>
#include <limits>
#include <locale>
#include <memory>
#include <new>
#include <optional>
#include <random>
#include <sstream>
#include <stdexcept>
#include <streambuf>
#include <system_error>
#include <utility>

#include "cadreplan/cadreplan.hpp"
#include "cadreplan/io/serialization.hpp"
#include "io/column_views.hpp"
#include "io/crc32.hpp"

// ---------------------------------------------------------------------------------------
// The top-level object of a payload. Non-intrusive and versioned like the model classes;
// it lives here, not in serialization.hpp, because only archives have one.

namespace boost::serialization {

/// Saves or loads what an archive holds: the profile name, then the roster.
/// Class version 1 (see ArchiveContents' extension point) will add the catalogue.
template <class Archive>
void serialize(Archive& archive, cadreplan::io::ArchiveContents& contents,
               const unsigned int version) {
  cadreplan::io::detail::check_version<cadreplan::io::ArchiveContents>(
      version, "cadreplan::io::ArchiveContents");
  archive& make_nvp("profile_name", contents.profile_name);
  archive& make_nvp("roster", contents.roster);
}

}  // namespace boost::serialization

CADREPLAN_SERIALIZATION_CLASS(cadreplan::io::ArchiveContents, 0)

namespace cadreplan::io {
namespace {

namespace fs = std::filesystem;

// ---------------------------------------------------------------------------------------
// Envelope layout (see archive.hpp).

constexpr std::array<unsigned char, 8> kMagic{0x89, 'C', 'P', 'A', 0x0D, 0x0A, 0x1A, 0x0A};
constexpr std::size_t kFormatVersionOffset = 8;
constexpr std::size_t kEnvelopeSizeOffset = 10;
constexpr std::size_t kEncodingOffset = 12;
constexpr std::size_t kKindOffset = 13;
constexpr std::size_t kFlagsOffset = 14;
constexpr std::size_t kLibraryVersionOffset = 16;
constexpr std::size_t kLibraryVersionBytes = 16;
constexpr std::size_t kPayloadBytesOffset = 32;
constexpr std::size_t kPayloadCrcOffset = 40;
constexpr std::size_t kEnvelopeCrcOffset = 44;
// Later format versions may grow the envelope; none may make it larger than this, so a
// reader needs at most this many bytes to check any envelope's CRC and version.
constexpr std::size_t kMaxEnvelopeBytes = 4096;
static_assert(kEnvelopeCrcOffset + 4 == archive_envelope_bytes);

using detail::crc32_of;

template <class Unsigned>
void put_le(std::string& out, std::size_t offset, Unsigned value) {
  for (std::size_t i = 0; i < sizeof(Unsigned); ++i) {
    out[offset + i] = static_cast<char>(static_cast<unsigned char>(value >> (8 * i)));
  }
}

template <class Unsigned>
Unsigned get_le(std::string_view bytes, std::size_t offset) {
  Unsigned value = 0;
  for (std::size_t i = 0; i < sizeof(Unsigned); ++i) {
    value = static_cast<Unsigned>(
        value |
        static_cast<Unsigned>(static_cast<Unsigned>(static_cast<unsigned char>(bytes[offset + i]))
                              << (8 * i)));
  }
  return value;
}

std::string_view magic_view() {
  return {reinterpret_cast<const char*>(kMagic.data()), kMagic.size()};
}

[[noreturn]] void fail(const std::string& file, std::string message) {
  throw ParseError(Diagnostic{file, 0, {}, DiagnosticSeverity::error, std::move(message)});
}

std::string bytes_text(std::uint64_t count) {
  return std::to_string(count) + (count == 1 ? " byte" : " bytes");
}

std::string hex32(std::uint32_t value) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string text = "0x00000000";
  for (std::size_t i = 0; i < 8; ++i) text[9 - i] = digits[(value >> (4 * i)) & 0xF];
  return text;
}

// The writer's version, shown in messages only if it is plain printable ASCII (the rest
// of the field NUL): a crafted envelope must not put control characters on a terminal.
std::optional<std::string> library_version_field(std::string_view envelope) {
  const std::string_view field = envelope.substr(kLibraryVersionOffset, kLibraryVersionBytes);
  const std::size_t end = std::min(field.find('\0'), field.size());
  const std::string_view text = field.substr(0, end);
  const bool printable =
      std::all_of(text.begin(), text.end(), [](char c) { return c > ' ' && c < 0x7F; });
  const bool padded = std::all_of(field.begin() + static_cast<std::ptrdiff_t>(end), field.end(),
                                  [](char c) { return c == '\0'; });
  if (text.empty() || !printable || !padded) return std::nullopt;
  return std::string(text);
}

bool known_format(std::uint8_t byte) { return byte >= 1 && byte <= 3; }

// Checks everything the envelope says, given its first bytes (\p head: the whole file, or
// at least min(file size, kMaxEnvelopeBytes) bytes) and the file's size; everything but
// the payload's CRC, which needs the payload.
ArchiveEnvelope parse_envelope(std::string_view head, std::uint64_t file_bytes,
                               const std::string& file, const ArchiveLimits& limits) {
  const std::string_view magic = magic_view();
  if (file_bytes == 0) fail(file, "empty file: not a CadrePlan archive");
  if (head.size() < magic.size() || head.substr(0, magic.size()) != magic) {
    if (head.size() < magic.size() && magic.substr(0, head.size()) == head) {
      fail(file, "truncated archive: " + bytes_text(file_bytes) + ", less than the " +
                     bytes_text(archive_envelope_bytes) + " of its envelope");
    }
    if (head.substr(0, 4) == magic.substr(0, 4)) {
      fail(file,
           "damaged archive: its signature was altered, as by a transfer that converts line "
           "ends (copy archives as binary files)");
    }
    if (head.size() >= 4 && static_cast<unsigned char>(head[0]) == 0x09 &&
        head.substr(1, 3) == "CPA") {
      fail(file, "damaged archive: the eighth bit of its bytes was stripped in transfer");
    }
    fail(file,
         "not a CadrePlan archive (it does not start with the archive signature); a roster "
         "is a folder of CSV files or a .cpa, .cpx or .cpt archive");
  }
  if (head.size() < kEnvelopeSizeOffset + 2) {
    fail(file, "truncated archive: " + bytes_text(file_bytes) + ", less than the " +
                   bytes_text(archive_envelope_bytes) + " of its envelope");
  }
  const auto format_version = get_le<std::uint16_t>(head, kFormatVersionOffset);
  const auto envelope_bytes = get_le<std::uint16_t>(head, kEnvelopeSizeOffset);
  if (envelope_bytes < archive_envelope_bytes || envelope_bytes > kMaxEnvelopeBytes) {
    fail(file, "corrupted archive: the envelope's size field says " + bytes_text(envelope_bytes));
  }
  if (file_bytes < envelope_bytes || head.size() < envelope_bytes) {
    fail(file, "truncated archive: " + bytes_text(file_bytes) + ", less than the " +
                   bytes_text(envelope_bytes) + " of its envelope");
  }
  const std::size_t crc_offset = envelope_bytes - std::size_t{4};
  const auto stored_envelope_crc = get_le<std::uint32_t>(head, crc_offset);
  const auto envelope_crc = crc32_of(head.substr(0, crc_offset));
  if (stored_envelope_crc != envelope_crc) {
    fail(file, "corrupted archive: the envelope's CRC-32 is " + hex32(envelope_crc) +
                   ", it records " + hex32(stored_envelope_crc));
  }
  const std::optional<std::string> writer = library_version_field(head);
  if (format_version > archive_format_version) {
    const std::string needed = writer ? "CadrePlan " + *writer + " or later" : "a newer CadrePlan";
    fail(file, "needs " + needed + ": archive format version " + std::to_string(format_version) +
                   " is newer than this CadrePlan (" + std::string(cadreplan::version()) +
                   ") reads (format version " + std::to_string(archive_format_version) +
                   " at most)");
  }
  if (format_version == 0) fail(file, "corrupted archive: format version 0 does not exist");
  // Format versions 1 and 2 from here on: the same envelope (version 2 changed the
  // payload only).
  if (envelope_bytes != archive_envelope_bytes) {
    fail(file, "corrupted archive: a version " + std::to_string(format_version) +
                   " envelope has " + bytes_text(archive_envelope_bytes) + ", this one says " +
                   bytes_text(envelope_bytes));
  }
  const auto encoding = static_cast<std::uint8_t>(head[kEncodingOffset]);
  if (!known_format(encoding)) {
    fail(file, "corrupted archive: unknown payload encoding " + std::to_string(encoding) +
                   " (1 binary, 2 XML, 3 text)");
  }
  const auto kind = static_cast<std::uint8_t>(head[kKindOffset]);
  if (kind != static_cast<std::uint8_t>(ArchivePayloadKind::roster)) {
    fail(file, "corrupted archive: unknown payload kind " + std::to_string(kind) + " (1 roster)");
  }
  const auto flags = get_le<std::uint16_t>(head, kFlagsOffset);
  if (flags != 0) {
    fail(file, "corrupted archive: unknown envelope flags " + std::to_string(flags));
  }
  if (!writer) fail(file, "corrupted archive: the writer's version is not printable text");

  ArchiveEnvelope envelope;
  envelope.format_version = format_version;
  envelope.format = static_cast<ArchiveFormat>(encoding);
  envelope.kind = ArchivePayloadKind::roster;
  envelope.library_version = *writer;
  envelope.payload_bytes = get_le<std::uint64_t>(head, kPayloadBytesOffset);
  envelope.payload_crc32 = get_le<std::uint32_t>(head, kPayloadCrcOffset);

  if (envelope.payload_bytes > limits.max_payload_bytes) {
    fail(file, "archive too large: a payload of " + bytes_text(envelope.payload_bytes) +
                   " exceeds the limit of " + bytes_text(limits.max_payload_bytes) +
                   " (ArchiveLimits::max_payload_bytes)");
  }
  const std::uint64_t available = file_bytes - archive_envelope_bytes;
  if (envelope.payload_bytes > available) {
    fail(file, "truncated archive: the envelope announces " + bytes_text(envelope.payload_bytes) +
                   " of payload, the file holds " + bytes_text(available));
  }
  if (envelope.payload_bytes < available) {
    fail(file, "corrupted archive: " + bytes_text(available - envelope.payload_bytes) +
                   " of unexpected data after the payload");
  }
  return envelope;
}

void check_payload_crc(const ArchiveEnvelope& envelope, std::string_view payload,
                       const std::string& file) {
  const std::uint32_t crc = crc32_of(payload);
  if (crc != envelope.payload_crc32) {
    fail(file, "corrupted archive: the payload's CRC-32 is " + hex32(crc) +
                   ", the envelope records " + hex32(envelope.payload_crc32));
  }
}

std::string make_envelope(ArchiveFormat format, std::string_view payload) {
  std::string envelope(archive_envelope_bytes, '\0');
  std::copy(kMagic.begin(), kMagic.end(), envelope.begin());
  put_le<std::uint16_t>(envelope, kFormatVersionOffset, archive_format_version);
  put_le<std::uint16_t>(envelope, kEnvelopeSizeOffset,
                        static_cast<std::uint16_t>(archive_envelope_bytes));
  envelope[kEncodingOffset] = static_cast<char>(format);
  envelope[kKindOffset] = static_cast<char>(ArchivePayloadKind::roster);
  const std::string_view version = cadreplan::version();
  std::copy_n(version.begin(), std::min(version.size(), kLibraryVersionBytes),
              envelope.begin() + kLibraryVersionOffset);
  put_le<std::uint64_t>(envelope, kPayloadBytesOffset, payload.size());
  put_le<std::uint32_t>(envelope, kPayloadCrcOffset, crc32_of(payload));
  put_le<std::uint32_t>(envelope, kEnvelopeCrcOffset,
                        crc32_of(std::string_view(envelope).substr(0, kEnvelopeCrcOffset)));
  return envelope;
}

// ---------------------------------------------------------------------------------------
// Limits on the content, checked after loading (XML strings have no length prefix to
// check before) and before saving (so no archive is written that could not be read).

// Whether the strings of a roster still need their lengths checked.
enum class StringLengths {
  unchecked,  // saving, or loaded from XML (whose strings have no length to check before)
  checked,    // loaded by BoundedBinaryInput or BoundedTextInput, which refuse a long one
};

class LimitCheck {
 public:
  explicit LimitCheck(const ArchiveLimits& limits) : limits_(limits) {}

  std::optional<std::string> violation(const ArchiveContents& contents, StringLengths lengths) {
    const model::RosterTables& tables = contents.roster.tables();
    text([] { return std::string("profile_name"); }, contents.profile_name);
    records("units", tables.units.size());
    records("cadres", tables.cadres.size());
    records("trainings", tables.trainings.size());
    records("pools", tables.pools.size());
    records("budgets", tables.budgets.size());
    // Every position of every cadre is one record of the archive's positions table.
    std::size_t positions = 0;
    for (const model::Cadre& cadre : tables.cadres) positions += cadre.positions.size();
    records("cadres.positions", positions);
    // Reading every string of 6.5 million records again cost 3 % of loading a national
    // roster, for nothing when the loader refused every long string as it read it.
    if (lengths == StringLengths::checked) return found_;
    // The names of fields are built only for a violation: building one per record cost a
    // heap allocation per training record of a national roster.
    for (std::size_t i = 0; i < tables.units.size() && !found_; ++i) {
      const model::Unit& unit = tables.units[i];
      const auto at = [i](const char* field) {
        return "units[" + std::to_string(i) + "]." + field;
      };
      text([&] { return at("id"); }, unit.id.str());
      text([&] { return at("name"); }, unit.name);
      text([&] { return at("parent_id"); }, unit.parent_id.str());
      text([&] { return at("province"); }, unit.province);
      text([&] { return at("minority"); }, unit.minority);
    }
    for (std::size_t i = 0; i < tables.cadres.size() && !found_; ++i) {
      const model::Cadre& cadre = tables.cadres[i];
      const auto at = [i](const char* field) {
        return "cadres[" + std::to_string(i) + "]." + field;
      };
      text([&] { return at("id"); }, cadre.id.str());
      text([&] { return at("full_name"); }, cadre.full_name);
      text([&] { return at("unit_id"); }, cadre.unit_id.str());
      text([&] { return at("ethnicity"); }, cadre.ethnicity);
      text([&] { return at("professional.field"); }, cadre.professional.field);
      if (!found_ && cadre.positions.size() > limits_.max_records) records(at("positions"), cadre.positions.size());
    }
    for (std::size_t i = 0; i < tables.trainings.size() && !found_; ++i) {
      const model::TrainingRecord& training = tables.trainings[i];
      const auto at = [i](const char* field) {
        return "trainings[" + std::to_string(i) + "]." + field;
      };
      text([&] { return at("cadre_id"); }, training.cadre_id.str());
      text([&] { return at("course"); }, training.course);
      text([&] { return at("provider"); }, training.provider);
      text([&] { return at("result"); }, training.result);
    }
    for (std::size_t i = 0; i < tables.pools.size() && !found_; ++i) {
      const auto at = [i](const char* field) {
        return "pools[" + std::to_string(i) + "]." + field;
      };
      text([&] { return at("unit_id"); }, tables.pools[i].unit_id.str());
      text([&] { return at("cadre_id"); }, tables.pools[i].cadre_id.str());
    }
    for (std::size_t i = 0; i < tables.budgets.size() && !found_; ++i) {
      text([i] { return "budgets[" + std::to_string(i) + "].unit_id"; },
           tables.budgets[i].unit_id.str());
    }
    return found_;
  }

 private:
  template <class Where>
  void text(const Where& where, std::string_view value) {
    if (found_ || value.size() <= limits_.max_string_bytes) return;
    found_ = where() + " is " + bytes_text(value.size()) + " long, more than the limit of " +
             bytes_text(limits_.max_string_bytes) + " (ArchiveLimits::max_string_bytes)";
  }
  void records(const std::string& where, std::size_t count) {
    if (found_ || count <= limits_.max_records) return;
    found_ = where + " has " + std::to_string(count) + " records, more than the limit of " +
             std::to_string(limits_.max_records) + " (ArchiveLimits::max_records)";
  }

  const ArchiveLimits& limits_;
  std::optional<std::string> found_;
};

// ---------------------------------------------------------------------------------------
// Reading a payload held in memory.

// A read-only stream buffer over bytes in memory, which knows how many remain.
class MemoryBuffer : public std::streambuf {
 public:
  explicit MemoryBuffer(std::string_view bytes) {
    // The get area is never written through: there is no put area, and putting back a
    // different character fails (pbackfail's default) instead of storing it.
    char* begin = const_cast<char*>(bytes.data());
    setg(begin, begin, begin + bytes.size());
  }
  [[nodiscard]] std::size_t position() const noexcept {
    return static_cast<std::size_t>(gptr() - eback());
  }
  [[nodiscard]] std::size_t remaining() const noexcept {
    return static_cast<std::size_t>(egptr() - gptr());
  }
  // The next \p count bytes, consumed; nothing (and nothing consumed) when fewer remain.
  [[nodiscard]] std::optional<std::string_view> take(std::size_t count) noexcept {
    if (count > remaining()) return std::nullopt;
    char* begin = gptr();
    setg(eback(), begin + count, egptr());
    return std::string_view(begin, count);
  }
};

// A payload whose content is wrong although its CRC matches: a crafted file, or one
// written by a broken writer.
class PayloadError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

void check_string_length(std::size_t length, std::size_t remaining, std::size_t max_bytes) {
  if (length > remaining) {
    throw PayloadError("a string of " + bytes_text(length) + " is announced where " +
                       bytes_text(remaining) + " remain");
  }
  if (length > max_bytes) {
    throw PayloadError("a string of " + bytes_text(length) + " exceeds the limit of " +
                       bytes_text(max_bytes) + " (ArchiveLimits::max_string_bytes)");
  }
}

// A payload within its CRC whose content breaks a bound of ArchiveLimits: reported as the
// bound it breaks, like the same roster refused when saving.
class LimitError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Checks a column's count before anything is allocated for it (detail::check_column_count):
// against ArchiveLimits::max_records, and against the bytes that remain, \p value_bytes
// being the fewest bytes one value can take in this encoding.
void check_column_bounds(const char* table, const char* column, std::uint64_t count,
                         std::size_t value_bytes, std::size_t remaining,
                         std::uint64_t max_records) {
  const auto name = [&] {
    return std::string(table) + (column != nullptr ? "." + std::string(column) : std::string());
  };
  if (count > max_records) {
    throw LimitError(name() + " has " + std::to_string(count) +
                     (column != nullptr ? " values" : " records") + ", more than the limit of " +
                     std::to_string(max_records) + " (ArchiveLimits::max_records)");
  }
  // A table's record count allocates nothing: its columns, read next, are checked.
  if (column != nullptr && count > remaining / value_bytes) {
    throw PayloadError(name() + ": " + std::to_string(count) + " values of at least " +
                       bytes_text(value_bytes) + " each are announced where " +
                       bytes_text(remaining) + " remain");
  }
}

// Boost's binary loader, except that a string is never longer than the bytes that remain
// (Boost resizes the string to whatever length the archive claims before reading it) and
// a boolean is a byte 0 or 1 (Boost copies the byte into a bool: undefined behaviour).
// The same bytes as boost::archive::binary_iarchive reads; Boost's documented way to
// extend an archive is to derive from its _impl class like this.
class BoundedBinaryInput : public boost::archive::binary_iarchive_impl<BoundedBinaryInput, char,
                                                                       std::char_traits<char>> {
  using Base =
      boost::archive::binary_iarchive_impl<BoundedBinaryInput, char, std::char_traits<char>>;
  using Primitive =
      boost::archive::basic_binary_iprimitive<BoundedBinaryInput, char, std::char_traits<char>>;

 public:
  BoundedBinaryInput(MemoryBuffer& buffer, const ArchiveLimits& limits)
      : Base(buffer, 0), buffer_(&buffer), limits_(limits) {
    init(0);
  }

  // The columns of a roster (serialization.hpp): a binary column is exactly its values.
  void check_column(const char* table, const char* column, std::uint64_t count,
                    std::size_t value_bytes) const {
    check_column_bounds(table, column, count, value_bytes, buffer_->remaining(),
                        limits_.max_records);
  }

  // Boost calls these through load_access, on the most derived archive.
  using Primitive::load;
  void load(std::string& text) {
    std::size_t length = 0;
    Primitive::load(length);
    check_string_length(length, buffer_->remaining(), limits_.max_string_bytes);
    text.resize(length);
    if (length > 0) load_binary(text.data(), length);
  }
  void load(bool& value) {
    static_assert(sizeof(bool) == 1, "a bool is one byte in binary archives");
    unsigned char byte = 0;
    load_binary(&byte, 1);
    if (byte > 1) {
      throw PayloadError("a boolean byte is " + std::to_string(byte) + ", not 0 or 1");
    }
    value = byte == 1;
  }

  // The payload and the limits, for the columns of a roster read as views (below).
  [[nodiscard]] MemoryBuffer& buffer() const noexcept { return *buffer_; }
  [[nodiscard]] const ArchiveLimits& limits() const noexcept { return limits_; }

 private:
  MemoryBuffer* buffer_;
  const ArchiveLimits& limits_;
};

// The columns of a roster (model::Roster class version 1) in a binary payload, read as
// views into it rather than copied into vectors (io/column_views.hpp): a column of
// integers is one block of native integers, a string its length (a native std::size_t)
// and its bytes, exactly what Boost's binary archive writes for serialization.hpp's
// layout. Every count and length gets the checks and messages of BoundedBinaryInput and
// value_column(): the limits, the bytes that remain, and Boost's own error for a payload
// that ends inside a number.
class BinaryColumns {
 public:
  explicit BinaryColumns(const BoundedBinaryInput& archive)
      : buffer_(archive.buffer()), limits_(archive.limits()) {}

  // table_count().
  std::uint64_t count(const char* table) {
    const auto count = integer<std::uint64_t>();
    check(table, nullptr, count, 1);
    return count;
  }
  // value_column().
  template <class T>
  detail::ColumnView<T> values(const char* table, const char* column, std::uint64_t count) {
    check(table, column, count, sizeof(T));
    return detail::ColumnView<T>(bytes(static_cast<std::size_t>(count) * sizeof(T)));
  }
  // string_column().
  std::vector<std::string_view> strings(const char* table, const char* column,
                                        std::uint64_t count) {
    check(table, column, count, sizeof(std::uint64_t));
    std::vector<std::string_view> texts;
    texts.reserve(static_cast<std::size_t>(count));
    for (std::uint64_t i = 0; i < count; ++i) {
      const auto length = integer<std::size_t>();
      check_string_length(length, buffer_.remaining(), limits_.max_string_bytes);
      texts.push_back(bytes(length));
    }
    return texts;
  }
  // dictionary_column().
  detail::DictionaryViews dictionary(const char* table, const char* column, std::uint64_t count) {
    const std::string field = std::string(table) + "." + column;
    detail::DictionaryViews dictionary;
    const auto words = integer<std::uint64_t>();
    dictionary.words = strings(field.c_str(), "words", words);
    dictionary.rows = values<std::uint32_t>(field.c_str(), "rows", count);
    return dictionary;
  }

 private:
  void check(const char* table, const char* column, std::uint64_t count, std::size_t value_bytes) {
    check_column_bounds(table, column, count, value_bytes, buffer_.remaining(),
                        limits_.max_records);
  }
  std::string_view bytes(std::size_t count) {
    const std::optional<std::string_view> taken = buffer_.take(count);
    if (!taken) {
      throw boost::archive::archive_exception(boost::archive::archive_exception::input_stream_error);
    }
    return *taken;
  }
  template <class T>
  T integer() {
    T value{};
    std::memcpy(&value, bytes(sizeof(T)).data(), sizeof(T));
    return value;
  }

  MemoryBuffer& buffer_;
  const ArchiveLimits& limits_;
};

// The Layout of the binary reader (serialization.hpp): each column read as a view into
// the file, in the order and with the checks the Boost archives' serialize() has.
class ViewLayout {
 public:
  explicit ViewLayout(BinaryColumns& in) noexcept : in_(&in) {}
  void count(const char* table, std::uint64_t& count) { count = in_->count(table); }
  void strings(const char* table, const char* column, std::vector<std::string_view>& out, std::uint64_t count) {
    out = in_->strings(table, column, count);
  }
  template <class T>
  void values(const char* table, const char* column, detail::ColumnView<T>& out, std::uint64_t count) {
    out = in_->values<T>(table, column, count);
  }
  void dictionary(const char* table, const char* column, detail::DictionaryViews& out, std::uint64_t count) {
    out = in_->dictionary(table, column, count);
  }

 private:
  BinaryColumns* in_;
};

// The tables of serialization.hpp's load() for class version 1, in its order (its
// layouts), through views: the same records, checks and messages, without the 300 MB of
// column vectors of a national roster. Each table goes to the reader once read.
model::Roster load_column_views(BinaryColumns& in) {
  detail::RosterColumnViewsReader reader;
  ViewLayout layout(in);
  const auto read = [&](auto columns) {
    detail::table_layout(layout, columns);
    reader.read(columns);
  };
  read(detail::UnitColumnViews{});
  read(detail::CadreColumnViews{});
  read(detail::TrainingColumnViews{});
  read(detail::PoolColumnViews{});
  read(detail::BudgetColumnViews{});
  return reader.finish();
}

// Loads a roster from the bounded binary loader: found by argument-dependent lookup from
// Boost's split_free (serialization.hpp's serialize()), and preferred to the template
// load() there as a non-template. After Boost has read the roster's class header, a
// columnar roster (class version 1) is read as views; any other version goes to the
// template, which loads format version 1 or refuses a version it does not know.
void load(BoundedBinaryInput& archive, model::Roster& roster, const unsigned int version) {
  if (version != 1) {
    boost::serialization::load(archive, roster, version);
    return;
  }
  BinaryColumns columns(archive);
  try {
    roster = load_column_views(columns);
  } catch (const model::RosterError& error) {
    detail::fail_field("tables", error.what());
  }
}

// Boost's text loader, except that a string is never longer than the bytes that remain.
class BoundedTextInput : public boost::archive::text_iarchive_impl<BoundedTextInput> {
  using Base = boost::archive::text_iarchive_impl<BoundedTextInput>;

 public:
  BoundedTextInput(std::istream& stream, MemoryBuffer& buffer, const ArchiveLimits& limits)
      : Base(stream, 0), buffer_(&buffer), limits_(limits) {
    init();
  }

  // A text value takes at least one character.
  void check_column(const char* table, const char* column, std::uint64_t count,
                    std::size_t /*value_bytes*/) const {
    check_column_bounds(table, column, count, 1, buffer_->remaining(), limits_.max_records);
  }

  using Base::load;
  void load(std::string& text) {
    std::size_t length = 0;
    *this >> length;
    is.get();  // the space between the length and the characters
    check_string_length(length, buffer_->remaining(), limits_.max_string_bytes);
    text.resize(length);
    if (length > 0) {
      is.read(text.data(), static_cast<std::streamsize>(length));
      if (static_cast<std::size_t>(is.gcount()) != length) {
        throw PayloadError("the payload ends inside a string");
      }
    }
  }

 private:
  MemoryBuffer* buffer_;
  const ArchiveLimits& limits_;
};

// Boost's XML loader, except for the check that an end tag closes the element it should:
// Boost 1.74 compares the tag read with the expected name by reading the expected name at
// the length of the tag read, past its end when the tag read is longer (an out-of-bounds
// read that AddressSanitizer reports; found by tests/fuzz/fuzz_archive). The same checks,
// within bounds.
class CheckedXmlInput : public boost::archive::xml_iarchive_impl<CheckedXmlInput> {
  using Base = boost::archive::xml_iarchive_impl<CheckedXmlInput>;

 public:
  CheckedXmlInput(std::istream& stream, MemoryBuffer& buffer, const ArchiveLimits& limits)
      : Base(stream, 0), buffer_(&buffer), limits_(limits) {
    init();
  }

  // An XML value takes at least one character.
  void check_column(const char* table, const char* column, std::uint64_t count,
                    std::size_t /*value_bytes*/) const {
    check_column_bounds(table, column, count, 1, buffer_->remaining(), limits_.max_records);
  }

  // Boost calls these on the most derived archive around every name-value pair.
  void load_start(const char* name) {
    if (name == nullptr) return;
    if (!gimpl->parse_start_tag(get_is())) {
      throw boost::archive::archive_exception(
          boost::archive::archive_exception::input_stream_error);
    }
    ++depth_;
  }
  void load_end(const char* name) {
    if (name == nullptr) return;
    if (!gimpl->parse_end_tag(get_is()) || depth_ == 0) {
      throw boost::archive::archive_exception(
          boost::archive::archive_exception::input_stream_error);
    }
    if (--depth_ == 0) return;  // as Boost: the outermost tag is not checked
    if (gimpl->rv.object_name != name) {
      throw PayloadError("an XML end tag does not close the element <" + std::string(name) + ">");
    }
  }

 private:
  MemoryBuffer* buffer_;
  const ArchiveLimits& limits_;
  unsigned depth_ = 0;
};

}  // namespace
}  // namespace cadreplan::io

// The bounded binary loader reads arrays of integers (the roster's columns) as one block,
// as Boost's own binary_iarchive does.
BOOST_SERIALIZATION_USE_ARRAY_OPTIMIZATION(cadreplan::io::BoundedBinaryInput)

// The bounded loaders' instantiations of Boost's archive templates.
template class boost::archive::detail::archive_serializer_map<cadreplan::io::BoundedBinaryInput>;
template class boost::archive::basic_binary_iprimitive<cadreplan::io::BoundedBinaryInput, char,
                                                       std::char_traits<char>>;
template class boost::archive::basic_binary_iarchive<cadreplan::io::BoundedBinaryInput>;
template class boost::archive::binary_iarchive_impl<cadreplan::io::BoundedBinaryInput, char,
                                                    std::char_traits<char>>;
template class boost::archive::detail::archive_serializer_map<cadreplan::io::BoundedTextInput>;
template class boost::archive::basic_text_iarchive<cadreplan::io::BoundedTextInput>;
template class boost::archive::text_iarchive_impl<cadreplan::io::BoundedTextInput>;
template class boost::archive::detail::archive_serializer_map<cadreplan::io::CheckedXmlInput>;
template class boost::archive::basic_xml_iarchive<cadreplan::io::CheckedXmlInput>;
template class boost::archive::xml_iarchive_impl<cadreplan::io::CheckedXmlInput>;

namespace cadreplan::io {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trim_blanks(std::string_view text) {
  while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
  return text;
}

constexpr std::string_view kXmlClosingTag = "</boost_serialization>";

template <class Input>
ArchiveContents load_contents(Input& archive) {
  ArchiveContents contents;
  archive >> boost::serialization::make_nvp("cadreplan", contents);
  return contents;
}

ArchiveContents decode_payload(ArchiveFormat format, std::string_view payload,
                               const ArchiveLimits& limits) {
  MemoryBuffer buffer(payload);
  switch (format) {
    case ArchiveFormat::binary: {
      // Boost 1.74 reads the archive library version byte after its signature with
      // sbumpc() and asserts on the EOF it gets when the payload ends there (found by
      // the truncation test of the columns): the byte must exist.
      constexpr std::size_t kSignatureBytes = 8 + 22;  // length, "serialization::archive"
      if (payload.size() <= kSignatureBytes) {
        throw PayloadError("the binary payload ends inside its header");
      }
      BoundedBinaryInput archive(buffer, limits);
      ArchiveContents contents = load_contents(archive);
      if (buffer.remaining() != 0) {
        throw PayloadError(bytes_text(buffer.remaining()) + " of unexpected data after the roster");
      }
      return contents;
    }
    case ArchiveFormat::text: {
      std::istream stream(&buffer);
      stream.imbue(std::locale::classic());
      BoundedTextInput archive(stream, buffer, limits);
      ArchiveContents contents = load_contents(archive);
      if (!trim_blanks(payload.substr(buffer.position())).empty()) {
        throw PayloadError("unexpected data after the roster");
      }
      return contents;
    }
    case ArchiveFormat::xml: {
      // Boost 1.74 reads the closing tag in the archive's destructor and terminates the
      // process when it is missing (boostorg/serialization issues 99 and 220); so the
      // payload must end with it, and after the roster nothing else may come: the
      // destructor then finds exactly the tag. When anything throws, the destructor
      // runs during unwinding and does not read at all.
      if (!trim_blanks(payload).ends_with(kXmlClosingTag)) {
        throw PayloadError("the XML payload does not end with " + std::string(kXmlClosingTag));
      }
      std::istream stream(&buffer);
      stream.imbue(std::locale::classic());
      CheckedXmlInput archive(stream, buffer, limits);
      ArchiveContents contents = load_contents(archive);
      if (trim_blanks(payload.substr(buffer.position())) != kXmlClosingTag) {
        throw PayloadError("unexpected data after the roster in the XML payload");
      }
      return contents;
    }
  }
  throw PayloadError("unknown payload encoding");  // parse_envelope() let none through
}

unsigned boost_archive_version() {
  // The const conversion operator, explicitly: the type also converts to a reference.
  const boost::serialization::library_version_type version =
      boost::archive::BOOST_ARCHIVE_VERSION();
  const std::uint_least16_t value = version;
  return value;
}

std::string boost_problem(const boost::archive::archive_exception& error) {
  using Code = boost::archive::archive_exception::exception_code;
  switch (error.code) {
    case Code::unsupported_version:
      return "its Boost.Serialization format is newer than this build of CadrePlan reads "
             "(Boost archive library version " +
             std::to_string(boost_archive_version()) + " at most): " + error.what();
    case Code::unsupported_class_version:
      return "a record in it has a newer layout than this CadrePlan reads: " +
             std::string(error.what());
    case Code::incompatible_native_format:
      return "a binary archive from a different kind of machine (" + std::string(error.what()) +
             "); convert it to XML (.cpx) where it was written";
    default:
      return std::string("Boost.Serialization: ") + error.what();
  }
}

// Decodes a payload whose envelope and CRC were checked, turning every failure into a
// ParseError naming the file.
ArchiveContents decode_checked(const ArchiveEnvelope& envelope, std::string_view payload,
                               const std::string& file, const ArchiveLimits& limits) {
  const std::string what = "corrupted archive: invalid " +
                           std::string(archive_format_name(envelope.format)) + " payload: ";
  ArchiveContents contents;
  try {
    contents = decode_payload(envelope.format, payload, limits);
  } catch (const ParseError&) {
    throw;
  } catch (const LimitError& error) {
    fail(file, error.what());
  } catch (const boost::archive::archive_exception& error) {
    fail(file, what + boost_problem(error));
  } catch (const ArchiveContentError& error) {
    fail(file, what + error.what());
  } catch (const PayloadError& error) {
    fail(file, what + error.what());
  } catch (const std::bad_alloc&) {
    fail(file, what + "it asks for more memory than is available");
  } catch (const std::exception& error) {
    fail(file, what + error.what());
  }
  const StringLengths lengths =
      envelope.format == ArchiveFormat::xml ? StringLengths::unchecked : StringLengths::checked;
  if (auto problem = LimitCheck(limits).violation(contents, lengths)) fail(file, *problem);
  return contents;
}

// ---------------------------------------------------------------------------------------
// Writing.

template <class Output>
void save_contents(std::ostream& stream, const ArchiveContents& contents) {
  Output archive(stream);
  archive << boost::serialization::make_nvp("cadreplan", contents);
}  // the XML archive writes its closing tag as it is destroyed

struct EncodedArchive {
  std::string envelope;
  std::string payload;
};

EncodedArchive encode(const ArchiveContents& contents, ArchiveFormat format,
                      const ArchiveLimits& limits) {
  if (auto problem = LimitCheck(limits).violation(contents, StringLengths::unchecked)) {
    throw std::length_error("cannot archive the roster: " + *problem);
  }
  std::ostringstream stream;
  stream.imbue(std::locale::classic());
  switch (format) {
    case ArchiveFormat::binary:
      save_contents<boost::archive::binary_oarchive>(stream, contents);
      break;
    case ArchiveFormat::xml:
      save_contents<boost::archive::xml_oarchive>(stream, contents);
      break;
    case ArchiveFormat::text:
      save_contents<boost::archive::text_oarchive>(stream, contents);
      break;
  }
  if (!stream) throw std::runtime_error("cannot write the archive's payload in memory");
  EncodedArchive encoded;
  encoded.payload = std::move(stream).str();
  if (encoded.payload.size() > limits.max_payload_bytes) {
    throw std::length_error("cannot archive the roster: its payload of " +
                            bytes_text(encoded.payload.size()) + " exceeds the limit of " +
                            bytes_text(limits.max_payload_bytes) +
                            " (ArchiveLimits::max_payload_bytes)");
  }
  encoded.envelope = make_envelope(format, encoded.payload);
  return encoded;
}

// ---------------------------------------------------------------------------------------
// Files.

std::error_code last_error() { return {errno, std::generic_category()}; }

[[noreturn]] void fail_system(const std::string& what, const fs::path& path,
                              std::error_code error = last_error()) {
  throw fs::filesystem_error(what, path, error);
}

// A file descriptor closed on every path out.
class Descriptor {
 public:
  explicit Descriptor(int fd) noexcept : fd_(fd) {}
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  [[nodiscard]] int get() const noexcept { return fd_; }
  // Closes now, reporting the error a close may reveal (a delayed write failure).
  bool close() noexcept {
    const int fd = std::exchange(fd_, -1);
    return fd < 0 || ::close(fd) == 0;
  }

 private:
  int fd_;
};

void write_all(int fd, std::string_view bytes, const fs::path& path) {
  while (!bytes.empty()) {
    // Some systems refuse single writes above 2 GiB.
    const std::size_t chunk = std::min<std::size_t>(bytes.size(), std::size_t{1} << 30);
    const ssize_t written = ::write(fd, bytes.data(), chunk);
    if (written < 0) {
      if (errno == EINTR) continue;
      fail_system("cannot write the archive", path);
    }
    if (written == 0)
      fail_system("cannot write the archive", path, std::make_error_code(std::errc::io_error));
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
}

std::string random_suffix() {
  static constexpr char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  std::uint64_t seed = 0;
  try {
    std::random_device device;
    seed = (std::uint64_t{device()} << 32) ^ device();
  } catch (const std::exception&) {
    // No entropy source: the clock and the process id still make collisions unlikely,
    // and O_EXCL makes them harmless.
  }
  seed ^= static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
  seed ^= static_cast<std::uint64_t>(::getpid()) << 40;
  std::mt19937_64 generator(seed);
  std::string suffix(8, '0');
  for (char& c : suffix) c = digits[generator() % (sizeof(digits) - 1)];
  return suffix;
}

// The temporary file beside the target: removed unless committed.
class TemporaryFile {
 public:
  explicit TemporaryFile(const fs::path& target) {
    const fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    for (int attempt = 0; attempt < 64; ++attempt) {
      path_ = folder / ("." + target.filename().string() + "." + random_suffix() + ".tmp");
      // Mode 0666 so the umask decides, as for any new file; O_EXCL so a name in use (a
      // left-over temporary, another saver) is never reused.
      fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      if (fd_ >= 0 || errno != EEXIST) break;
    }
    if (fd_ < 0) fail_system("cannot create a temporary file for the archive", path_);
  }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  ~TemporaryFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_) ::unlink(path_.c_str());
  }
  [[nodiscard]] int fd() const noexcept { return fd_; }
  [[nodiscard]] const fs::path& path() const noexcept { return path_; }
  void close() {
    const int fd = std::exchange(fd_, -1);
    if (::close(fd) != 0) fail_system("cannot write the archive", path_);
  }
  void commit() noexcept { committed_ = true; }

 private:
  fs::path path_;
  int fd_ = -1;
  bool committed_ = false;
};

void fsync_folder(const fs::path& folder, const fs::path& target) {
  Descriptor directory(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (directory.get() < 0) {
    fail_system(
        "the archive was saved, but its folder could not be opened to make the save "
        "durable",
        target);
  }
  if (::fsync(directory.get()) != 0 && errno != EINVAL && errno != EROFS) {
    // EINVAL, EROFS: a file system that does not sync folders; nothing more can be done.
    fail_system("the archive was saved, but its folder could not be synced to disk", target);
  }
}

// Writes \p pieces to \p target through a temporary file renamed over it (see
// save_archive()).
void write_atomically(const fs::path& requested, std::initializer_list<std::string_view> pieces) {
  fs::path target = requested;
  std::error_code error;
  if (fs::is_symlink(fs::symlink_status(requested, error))) {
    const fs::path resolved = fs::canonical(requested, error);
    if (!error) target = resolved;  // a dangling link is replaced by the file
  }
  TemporaryFile temporary(target);
  for (std::string_view piece : pieces) write_all(temporary.fd(), piece, temporary.path());
  // Keep the old file's permissions (an archive shared by an office stays shared).
  struct stat old {};
  if (::stat(target.c_str(), &old) == 0 && S_ISREG(old.st_mode)) {
    if (::fchmod(temporary.fd(), old.st_mode & 07777) != 0) {
      fail_system("cannot give the new archive the old one's permissions", temporary.path());
    }
  }
  if (::fsync(temporary.fd()) != 0)
    fail_system("cannot sync the archive to disk", temporary.path());
  temporary.close();
  if (::rename(temporary.path().c_str(), target.c_str()) != 0) {
    fail_system("cannot replace the archive", target);
  }
  temporary.commit();
  fsync_folder(target.parent_path().empty() ? fs::path(".") : target.parent_path(), target);
}

// Reads exactly \p count bytes at the descriptor's position into \p out.
void read_exactly(int fd, char* out, std::size_t count, const std::string& file) {
  while (count > 0) {
    const std::size_t chunk = std::min<std::size_t>(count, std::size_t{1} << 30);
    const ssize_t got = ::read(fd, out, chunk);
    if (got < 0) {
      if (errno == EINTR) continue;
      fail(file, "cannot read the archive: " + last_error().message());
    }
    if (got == 0) fail(file, "truncated archive: the file shrank while it was read");
    out += got;
    count -= static_cast<std::size_t>(got);
  }
}

struct LoadedArchive {
  ArchiveEnvelope envelope;
  ArchiveContents contents;
};

/// A regular file mapped read-only into memory, unmapped when destroyed.
///
/// Why a mapping and not read(): reading a national archive (300 MB) into a buffer of
/// our own faulted in every page of the buffer and copied every byte from the page
/// cache, a fifth to a third of load_archive() at 1 M cadres; mapping it reads the page
/// cache in place. The cost is that a file truncated in place by another program while
/// it loads can stop the process (SIGBUS); CadrePlan's own saves replace a file by
/// renaming, so the file a load has mapped is never cut short by them.
class MappedFile {
 public:
  /// Maps the first \p bytes (more than zero) of the open file \p fd, or returns nothing
  /// when the system cannot map it (the caller then reads it).
  static std::optional<MappedFile> map(int fd, std::size_t bytes) noexcept {
    // Not MAP_POPULATE: that would read a file far over the limits before its envelope
    // is checked; page faults on a mapped file map many pages each, and cost no more.
    void* address = ::mmap(nullptr, bytes, PROT_READ, MAP_PRIVATE, fd, 0);
    if (address == MAP_FAILED) return std::nullopt;
    return MappedFile(address, bytes);
  }
  MappedFile(MappedFile&& other) noexcept
      : address_(std::exchange(other.address_, nullptr)), bytes_(other.bytes_) {}
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  MappedFile& operator=(MappedFile&&) = delete;
  ~MappedFile() {
    if (address_ != nullptr) ::munmap(address_, bytes_);
  }
  /// Maps every page now, in one call, where the system can (Linux 5.14 and later);
  /// otherwise each is mapped as it is first read. Reading a national archive faulted in
  /// thousands of page groups one trap at a time.
  void populate() const noexcept {
#ifdef MADV_POPULATE_READ
    (void)::madvise(address_, bytes_, MADV_POPULATE_READ);  // a hint: failure costs nothing
#endif
  }
  /// The mapped bytes.
  [[nodiscard]] std::string_view view() const noexcept {
    return {static_cast<const char*>(address_), bytes_};
  }

 private:
  MappedFile(void* address, std::size_t bytes) noexcept : address_(address), bytes_(bytes) {}

  void* address_;
  std::size_t bytes_;
};

LoadedArchive load_archive_file(const fs::path& path, const ArchiveLimits& limits) {
  const std::string file = path.string();
  // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
  Descriptor descriptor(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
  if (descriptor.get() < 0) {
    if (errno == ENOENT) fail(file, "no such archive");
    fail(file, "cannot open the archive: " + last_error().message());
  }
  struct stat status {};
  if (::fstat(descriptor.get(), &status) != 0) {
    fail(file, "cannot read the archive: " + last_error().message());
  }
  if (S_ISDIR(status.st_mode)) fail(file, "a folder, not an archive");
  if (!S_ISREG(status.st_mode)) fail(file, "not a regular file, so not an archive");
  const auto file_bytes = static_cast<std::uint64_t>(status.st_size);
  if (file_bytes > 0 && file_bytes <= std::numeric_limits<std::size_t>::max()) {
    if (const auto mapped = MappedFile::map(descriptor.get(), static_cast<std::size_t>(file_bytes))) {
      // A file the limits let through is read whole (its checksum first): mapped at once.
      // A larger one is refused on its envelope alone, before its pages are read.
      if (file_bytes <= limits.max_payload_bytes + kMaxEnvelopeBytes) mapped->populate();
      // As read_archive() does, keeping the envelope.
      LoadedArchive loaded;
      loaded.envelope = read_archive_envelope(mapped->view(), file, limits);
      loaded.contents =
          decode_checked(loaded.envelope, mapped->view().substr(archive_envelope_bytes), file, limits);
      return loaded;
    }
  }

  // Not mapped (an empty file, or a file system that cannot map): read, the envelope
  // first, so that the payload's size is checked against the limits before it is read.
  std::string head(static_cast<std::size_t>(std::min<std::uint64_t>(file_bytes, kMaxEnvelopeBytes)),
                   '\0');
  read_exactly(descriptor.get(), head.data(), head.size(), file);
  LoadedArchive loaded;
  loaded.envelope = parse_envelope(head, file_bytes, file, limits);

  // The payload's size is now bounded by the limit and equal to what the file holds.
  // Not zero-filled first: every byte is read into it, and filling 300 MB of a national
  // roster only to overwrite it cost a pass over memory.
  const auto payload_bytes = static_cast<std::size_t>(loaded.envelope.payload_bytes);
  const auto buffer = std::make_unique_for_overwrite<char[]>(std::max<std::size_t>(payload_bytes, 1));
  const std::size_t in_head = std::min(payload_bytes, head.size() - archive_envelope_bytes);
  std::copy_n(head.begin() + static_cast<std::ptrdiff_t>(archive_envelope_bytes), in_head,
              buffer.get());
  read_exactly(descriptor.get(), buffer.get() + in_head, payload_bytes - in_head, file);
  char extra = 0;
  if (::read(descriptor.get(), &extra, 1) > 0) {
    fail(file, "corrupted archive: the file grew while it was read");
  }
  const std::string_view payload(buffer.get(), payload_bytes);
  check_payload_crc(loaded.envelope, payload, file);
  loaded.contents = decode_checked(loaded.envelope, payload, file, limits);
  return loaded;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// The public functions.

std::string_view archive_extension(ArchiveFormat format) noexcept {
  switch (format) {
    case ArchiveFormat::binary:
      return ".cpa";
    case ArchiveFormat::xml:
      return ".cpx";
    case ArchiveFormat::text:
      return ".cpt";
  }
  return {};
}

std::string_view archive_format_name(ArchiveFormat format) noexcept {
  switch (format) {
    case ArchiveFormat::binary:
      return "binary";
    case ArchiveFormat::xml:
      return "XML";
    case ArchiveFormat::text:
      return "text";
  }
  return "unknown";
}

std::optional<ArchiveFormat> archive_format_for(const fs::path& path) {
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(), [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  });
  for (ArchiveFormat format : {ArchiveFormat::binary, ArchiveFormat::xml, ArchiveFormat::text}) {
    if (extension == archive_extension(format)) return format;
  }
  return std::nullopt;
}

std::string write_archive(const ArchiveContents& contents, ArchiveFormat format,
                          const ArchiveLimits& limits) {
  EncodedArchive encoded = encode(contents, format, limits);
  encoded.envelope += encoded.payload;
  return std::move(encoded.envelope);
}

ArchiveEnvelope read_archive_envelope(std::string_view bytes, const std::string& display_name,
                                      const ArchiveLimits& limits) {
  ArchiveEnvelope envelope =
      parse_envelope(bytes.substr(0, kMaxEnvelopeBytes), bytes.size(), display_name, limits);
  check_payload_crc(envelope, bytes.substr(archive_envelope_bytes), display_name);
  return envelope;
}

ArchiveContents read_archive(std::string_view bytes, const std::string& display_name,
                             const ArchiveLimits& limits) {
  const ArchiveEnvelope envelope = read_archive_envelope(bytes, display_name, limits);
  return decode_checked(envelope, bytes.substr(archive_envelope_bytes), display_name, limits);
}

void save_archive(const ArchiveContents& contents, const fs::path& path,
                  const ArchiveLimits& limits) {
  const std::optional<ArchiveFormat> format = archive_format_for(path);
  if (!format) {
    throw std::invalid_argument("'" + path.string() +
                                "': an archive's name ends in .cpa (binary), .cpx (XML) or "
                                ".cpt (text)");
  }
  save_archive(contents, path, *format, limits);
}

void save_archive(const ArchiveContents& contents, const fs::path& path, ArchiveFormat format,
                  const ArchiveLimits& limits) {
  const EncodedArchive encoded = encode(contents, format, limits);
  write_atomically(path, {encoded.envelope, encoded.payload});
}

ArchiveContents load_archive(const fs::path& path, const ArchiveLimits& limits) {
  return load_archive_file(path, limits).contents;
}

LoadedRoster load_roster_any(const fs::path& path, const CsvLoadOptions& csv_options,
                             const ArchiveLimits& limits) {
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  LoadedRoster loaded;
  if (!fs::exists(status)) {
    fail(path.string(),
         "no such roster (expected a folder of CSV files or a .cpa, .cpx or .cpt archive)");
  }
  if (fs::is_directory(status)) {
    CsvLoadResult csv = load_roster_csv(path, csv_options);
    loaded.roster = std::move(csv.roster);
    loaded.warnings = std::move(csv.warnings);
    return loaded;
  }
  LoadedArchive archive = load_archive_file(path, limits);
  loaded.roster = std::move(archive.contents.roster);
  loaded.profile_name = std::move(archive.contents.profile_name);
  loaded.archive_format = archive.envelope.format;
  return loaded;
}

}  // namespace cadreplan::io
