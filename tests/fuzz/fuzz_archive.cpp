// libFuzzer target: the archive loader. The first byte picks a mode:
//   0 (mod 4): the rest is a whole archive file, envelope included;
//   1, 2, 3:   the rest is a payload in that encoding (binary, XML, text), given a valid
//              envelope here, so that the fuzzer reaches Boost's parsers behind the CRCs
//              (what a forged file does).
// Every input must load or be refused with a ParseError; an archive that loads must
// round-trip unchanged. Anything else is a bug.
#include <boost/crc.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "cadreplan/io/archive.hpp"

namespace {

void put_le(std::string& bytes, std::size_t offset, std::uint64_t value, std::size_t size) {
  for (std::size_t i = 0; i < size; ++i)
    bytes[offset + i] = static_cast<char>((value >> (8 * i)) & 0xFF);
}

std::uint32_t crc32(std::string_view bytes) {
  boost::crc_32_type crc;
  crc.process_bytes(bytes.data(), bytes.size());
  return crc.checksum();
}

// The envelope of archive.hpp (the current format version), in front of \p payload.
std::string envelope_around(std::string_view payload, std::uint8_t encoding) {
  std::string archive(48, '\0');
  archive.replace(0, 8,
                  std::string_view("\x89"
                                   "CPA\r\n\x1A\n",
                                   8));
  put_le(archive, 8, cadreplan::io::archive_format_version, 2);
  put_le(archive, 10, 48, 2);
  archive[12] = static_cast<char>(encoding);
  archive[13] = 1;
  archive.replace(16, 5, "0.1.0");
  put_le(archive, 32, payload.size(), 8);
  put_le(archive, 40, crc32(payload), 4);
  put_le(archive, 44, crc32(std::string_view(archive).substr(0, 44)), 4);
  archive += payload;
  return archive;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace cadreplan::io;
  if (size == 0) return 0;
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  const unsigned mode = data[0] % 4;
  const std::string bytes =
      mode == 0 ? std::string(rest) : envelope_around(rest, static_cast<std::uint8_t>(mode));
  ArchiveLimits limits;
  limits.max_string_bytes = 4096;
  ArchiveContents contents;
  try {
    contents = read_archive(bytes, "fuzz.cpa", limits);
  } catch (const ParseError&) {
    return 0;
  }
  const ArchiveFormat format = read_archive_envelope(bytes, "fuzz.cpa", limits).format;
  if (!(read_archive(write_archive(contents, format), "again") == contents)) __builtin_trap();
  return 0;
}
