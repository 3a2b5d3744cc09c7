#include "cadreplan/io/archive.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <set>
#include <random>
#include <string>
#include <vector>

#include "archive_fixtures.hpp"
#include "page_residency.hpp"
#include "cadreplan/cadreplan.hpp"
#include "cadreplan/io/roster_csv.hpp"

namespace cadreplan::io {
namespace {

namespace fs = std::filesystem;
using namespace archive_testing;

// The message of the ParseError that reading \p bytes throws, or "" when it loads.
std::string read_error(std::string_view bytes, const ArchiveLimits& limits = {}) {
  try {
    (void)read_archive(bytes, "test.cpa", limits);
  } catch (const ParseError& error) {
    EXPECT_EQ(error.diagnostics().size(), 1U);
    EXPECT_EQ(error.diagnostics().front().file, "test.cpa");
    return error.diagnostics().front().message;
  }
  return "";
}

std::set<std::string> files_in(const fs::path& folder) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder))
    names.insert(entry.path().filename().string());
  return names;
}

class EveryFormat : public ::testing::TestWithParam<ArchiveFormat> {};
INSTANTIATE_TEST_SUITE_P(Archive, EveryFormat, ::testing::ValuesIn(all_formats),
                         [](const ::testing::TestParamInfo<ArchiveFormat>& param_info) {
                           const std::string name(archive_format_name(param_info.param));
                           return name == "XML" ? std::string("xml") : name;
                         });

// --- Round trips ---------------------------------------------------------------------

TEST_P(EveryFormat, RoundTripsInMemory) {
  const ArchiveContents original = small_contents();
  const std::string bytes = write_archive(original, GetParam());
  const ArchiveContents loaded = read_archive(bytes, "memory");
  expect_same_tables(loaded.roster.tables(), original.roster.tables());
  EXPECT_EQ(loaded.profile_name, "default");
  // The loaded roster is indexed, not only equal.
  ASSERT_NE(loaded.roster.find_cadre(model::CadreId("C001")), nullptr);
  EXPECT_EQ(loaded.roster.holders(model::Position::secretary, date(2013, 1, 1)).size(), 1U);
}

TEST_P(EveryFormat, RoundTripsTheEmptyRosterAndAnEmptyProfileName) {
  const ArchiveContents empty;
  EXPECT_EQ(read_archive(write_archive(empty, GetParam()), "memory"), empty);
}

TEST_P(EveryFormat, RoundTripsThroughAFileNamedByItsExtension) {
  ScratchFolder folder;
  const fs::path path = folder / ("roster" + std::string(archive_extension(GetParam())));
  save_archive(small_contents(), path);
  EXPECT_EQ(read_archive_envelope(read_bytes(path), "x").format, GetParam());
  EXPECT_EQ(load_archive(path), small_contents());
  EXPECT_EQ(files_in(folder.path()), std::set<std::string>{path.filename().string()});
}

TEST_P(EveryFormat, RoundTripsTheBundledRoster) {
  const fs::path bundled = fs::path(CADREPLAN_SOURCE_DIR) / "examples/data/soc-trang-2013";
  if (!fs::exists(bundled / "cadres.csv")) GTEST_SKIP() << "no bundled roster";
  const ArchiveContents original{load_roster_csv(bundled).roster, "Sóc Trăng 2013"};
  EXPECT_EQ(read_archive(write_archive(original, GetParam()), "bundled"), original);
}

TEST(Archive, ExplicitFormatWinsOverTheExtension) {
  ScratchFolder folder;
  const fs::path path = folder / "roster.bin";
  save_archive(small_contents(), path, ArchiveFormat::xml);
  EXPECT_EQ(read_archive_envelope(read_bytes(path), "x").format, ArchiveFormat::xml);
  EXPECT_EQ(load_archive(path), small_contents());
  EXPECT_THROW(save_archive(small_contents(), folder / "roster.txt"), std::invalid_argument);
  EXPECT_FALSE(fs::exists(folder / "roster.txt"));
}

TEST(Archive, NamesFormatsByExtension) {
  EXPECT_EQ(archive_format_for("a/b.cpa"), ArchiveFormat::binary);
  EXPECT_EQ(archive_format_for("b.CPX"), ArchiveFormat::xml);
  EXPECT_EQ(archive_format_for("b.Cpt"), ArchiveFormat::text);
  EXPECT_EQ(archive_format_for("b.csv"), std::nullopt);
  EXPECT_EQ(archive_format_for("folder"), std::nullopt);
  EXPECT_EQ(archive_extension(ArchiveFormat::xml), ".cpx");
}

// --- The envelope, checked against the documented layout -----------------------------

TEST_P(EveryFormat, WritesTheDocumentedEnvelope) {
  const std::string bytes = write_archive(small_contents(), GetParam());
  ASSERT_GT(bytes.size(), 48U);
  EXPECT_EQ(bytes.substr(0, 8), std::string("\x89"
                                            "CPA\r\n\x1A\n",
                                            8));
  EXPECT_EQ(get_le(bytes, 8, 2), archive_format_version);  // format version
  EXPECT_EQ(get_le(bytes, 10, 2), 48U);  // envelope size
  EXPECT_EQ(static_cast<unsigned char>(bytes[12]), static_cast<unsigned char>(GetParam()));
  EXPECT_EQ(bytes[13], 1);              // a roster
  EXPECT_EQ(get_le(bytes, 14, 2), 0U);  // flags
  EXPECT_EQ(std::string(bytes.data() + 16), std::string(cadreplan::version()));
  EXPECT_EQ(get_le(bytes, 32, 8), bytes.size() - 48);
  EXPECT_EQ(get_le(bytes, 40, 4), crc32(std::string_view(bytes).substr(48)));
  EXPECT_EQ(get_le(bytes, 44, 4), crc32(std::string_view(bytes).substr(0, 44)));
  // A payload wrapped by the documented layout alone reads back.
  EXPECT_EQ(read_archive(craft_archive(bytes.substr(48), bytes[12], archive_format_version),
                         "crafted"),
            small_contents());
  const ArchiveEnvelope envelope = read_archive_envelope(bytes, "x");
  EXPECT_EQ(envelope.format_version, archive_format_version);
  EXPECT_EQ(envelope.library_version, cadreplan::version());
  EXPECT_EQ(envelope.payload_bytes, bytes.size() - 48);
}

TEST(Archive, ChecksThePayloadCrcAtEveryLengthAndAlignment) {
  // The CRC-32 is folded 64 and 16 bytes at a time where the processor allows, the rest
  // a byte at a time: every split of a payload, wherever it starts in memory, must give
  // Boost.CRC's value, and a byte changed anywhere must be caught.
  std::mt19937 random(6);
  std::string payload(1200, '\0');
  for (char& c : payload) c = static_cast<char>(random());
  for (std::size_t length = 0; length <= payload.size(); length += length < 300 ? 1 : 61) {
    const std::string archive =
        craft_archive(std::string_view(payload).substr(0, length), 1, archive_format_version);
    for (std::size_t shift = 0; shift < 16; shift += 5) {
      const std::string shifted = std::string(shift, 'x') + archive;
      const std::string_view bytes = std::string_view(shifted).substr(shift);
      ASSERT_EQ(read_archive_envelope(bytes, "x").payload_crc32,
                crc32(std::string_view(payload).substr(0, length)))
          << length << " bytes at offset " << shift;
    }
    for (std::size_t at : {std::size_t{0}, length / 2, length - (length % 16) - 1, length - 1}) {
      if (length == 0 || at >= length) continue;
      std::string damaged = archive;
      damaged[48 + at] = static_cast<char>(damaged[48 + at] ^ 0x10);
      EXPECT_THROW((void)read_archive_envelope(damaged, "x"), ParseError)
          << "byte " << at << " of " << length;
    }
  }
}

TEST(Archive, XmlPayloadIsXml) {
  const std::string bytes = write_archive(small_contents(), ArchiveFormat::xml);
  const std::string payload = bytes.substr(48);
  EXPECT_TRUE(payload.starts_with("<?xml")) << payload.substr(0, 80);
  EXPECT_NE(payload.find("<profile_name>default</profile_name>"), std::string::npos);
  EXPECT_NE(payload.find("Thạch Thị Sà Rết"), std::string::npos);
  EXPECT_NE(payload.find("</boost_serialization>"), std::string::npos);
}

// --- Bad input: every kind is a ParseError naming the file and the problem ------------

TEST(Archive, RefusesForeignFiles) {
  EXPECT_NE(read_error(""), "");
  EXPECT_NE(read_error("").find("empty"), std::string::npos);
  EXPECT_NE(read_error("id,name,kind\nU1,Xã,commune\n").find("not a CadrePlan archive"),
            std::string::npos);
  EXPECT_NE(read_error("<?xml version=\"1.0\"?><boost_serialization>").find("not a CadrePlan"),
            std::string::npos);
  // A text-mode transfer turned \r\n into \n.
  std::string converted = write_archive(small_contents(), ArchiveFormat::binary);
  converted.erase(4, 1);
  EXPECT_NE(read_error(converted).find("line ends"), std::string::npos);
}

TEST_P(EveryFormat, RefusesEveryTruncation) {
  const std::string bytes = write_archive(small_contents(), GetParam());
  for (std::size_t length = 0; length < bytes.size(); ++length) {
    const std::string message = read_error(std::string_view(bytes).substr(0, length));
    ASSERT_NE(message, "") << "a truncation to " << length << " bytes loaded";
    if (length >= 8) {
      EXPECT_NE(message.find("truncated"), std::string::npos) << length << ": " << message;
    }
  }
}

TEST(Archive, RefusesEveryTruncatedFile) {
  ScratchFolder folder;
  const std::string bytes = write_archive(small_contents(), ArchiveFormat::binary);
  const fs::path path = folder / "cut.cpa";
  for (std::size_t length = 0; length < bytes.size(); length += 7) {
    write_bytes(path, std::string_view(bytes).substr(0, length));
    try {
      (void)load_archive(path);
      ADD_FAILURE() << "a truncation to " << length << " bytes loaded";
    } catch (const ParseError& error) {
      EXPECT_EQ(error.diagnostics().front().file, path.string());
    }
  }
}

// Loading a file (not bytes in memory): damage in the file is found by its CRC-32 before
// anything is decoded, and a cut file is said to be truncated, each naming the file.
TEST(Archive, RefusesACorruptedOrTruncatedFileNamingWhatIsWrong) {
  ScratchFolder folder;
  const std::string bytes = write_archive(small_contents(), ArchiveFormat::binary);
  const fs::path path = folder / "damaged.cpa";
  const auto load_error = [&path] {
    try {
      (void)load_archive(path);
    } catch (const ParseError& error) {
      EXPECT_EQ(error.diagnostics().front().file, path.string());
      return error.diagnostics().front().message;
    }
    return std::string();
  };
  std::string flipped = bytes;
  flipped[bytes.size() / 2] = static_cast<char>(flipped[bytes.size() / 2] ^ 0x10);
  write_bytes(path, flipped);
  const std::string corrupted = load_error();
  EXPECT_NE(corrupted.find("corrupted archive: the payload's CRC-32 is 0x"), std::string::npos)
      << corrupted;
  write_bytes(path, std::string_view(bytes).substr(0, bytes.size() - 1));
  const std::string truncated = load_error();
  EXPECT_NE(truncated.find("truncated archive: the envelope announces"), std::string::npos)
      << truncated;
  // The same file whole loads, the same contents as from memory.
  write_bytes(path, bytes);
  EXPECT_EQ(load_error(), "");
  EXPECT_EQ(load_archive(path), read_archive(bytes, "memory"));
}

// An archive file is mapped, not copied, while it loads: what was loaded must not depend
// on the file afterwards (no view into the mapping may outlive the load).
TEST(Archive, LoadedContentsOutliveTheFileTheyCameFrom) {
  ScratchFolder folder;
  const fs::path path = folder / "roster.cpa";
  save_archive(small_contents(), path);
  const ArchiveContents loaded = load_archive(path);
  save_archive(ArchiveContents{}, path);  // replaced by renaming, as every save is
  fs::remove(path);
  EXPECT_EQ(loaded, small_contents());
  EXPECT_EQ(loaded.roster.cadres().front().full_name, small_contents().roster.cadres().front().full_name);
}

// How the sweeps below change a byte: its lowest bit, its highest, or all of them, in turn.
constexpr std::array<unsigned char, 3> kMasks{0x01, 0x80, 0xFF};

// Every byte changed, one at a time: the CRCs catch every change.
TEST_P(EveryFormat, RefusesEveryCorruptedByte) {
  const ArchiveContents original = small_contents();
  const std::string bytes = write_archive(original, GetParam());
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const unsigned char mask = kMasks[i % kMasks.size()];
    std::string corrupted = bytes;
    corrupted[i] = static_cast<char>(static_cast<unsigned char>(corrupted[i]) ^ mask);
    try {
      const ArchiveContents loaded = read_archive(corrupted, "flipped");
      EXPECT_EQ(loaded, original) << "byte " << i << " ^ " << int{mask} << " loaded another roster";
    } catch (const ParseError& error) {
      EXPECT_EQ(error.diagnostics().front().file, "flipped");
    }
  }
}

// The same, with the CRCs recomputed: what a forger (or a fuzzer) hands to Boost. Each
// must be refused or load some valid roster; none may crash, hang or allocate wildly
// (the sanitizer build checks the last).
TEST_P(EveryFormat, SurvivesEveryCorruptedPayloadByteWithValidChecksums) {
  const std::string bytes = write_archive(small_contents(), GetParam());
  std::size_t refused = 0;
  // Every other byte of XML: its decoder is the slowest, its tags the most repetitive.
  const std::size_t stride = GetParam() == ArchiveFormat::xml ? 2 : 1;
  for (std::size_t i = 48; i < bytes.size(); i += stride) {
    std::string corrupted = bytes;
    corrupted[i] =
        static_cast<char>(static_cast<unsigned char>(corrupted[i]) ^ kMasks[i % kMasks.size()]);
    reseal(corrupted);
    if (!read_error(corrupted).empty()) ++refused;
  }
  EXPECT_GT(refused, 0U);
}

TEST(Archive, RefusesATooNewFormatSayingWhichVersionIsNeeded) {
  const std::string payload = write_archive(small_contents(), ArchiveFormat::binary).substr(48);
  const std::string message = read_error(craft_archive(payload, 1, 3, "7.3.1"));
  EXPECT_NE(message.find("needs CadrePlan 7.3.1 or later"), std::string::npos) << message;
  EXPECT_NE(message.find("format version 3"), std::string::npos) << message;
  // A newer envelope may be longer: its CRC is in its last four bytes.
  std::string longer = craft_archive(payload, 1, 4, "9.0.0");
  longer.insert(44, 16, '\0');
  put_le(longer, 10, 64, 2);
  put_le(longer, 60, crc32(std::string_view(longer).substr(0, 60)), 4);
  EXPECT_NE(read_error(longer).find("needs CadrePlan 9.0.0 or later"), std::string::npos)
      << read_error(longer);
  // An unreadable writer version still gives a useful message.
  const std::string odd = read_error(craft_archive(payload, 1, 3, "\x01\x02"));
  EXPECT_NE(odd.find("needs a newer CadrePlan"), std::string::npos) << odd;
}

TEST(Archive, RefusesEnvelopeFieldsItDoesNotKnow) {
  const std::string payload = write_archive(small_contents(), ArchiveFormat::binary).substr(48);
  EXPECT_NE(read_error(craft_archive(payload, 9)).find("unknown payload encoding 9"),
            std::string::npos);
  std::string kind = craft_archive(payload, 1);
  kind[13] = 7;
  reseal(kind);
  EXPECT_NE(read_error(kind).find("unknown payload kind 7"), std::string::npos);
  std::string flags = craft_archive(payload, 1);
  flags[14] = 1;
  reseal(flags);
  EXPECT_NE(read_error(flags).find("flags"), std::string::npos);
  EXPECT_NE(read_error(craft_archive(payload, 1, 0)).find("format version 0"), std::string::npos);
  // The encoding byte must match the payload: a binary payload is not XML.
  EXPECT_NE(read_error(craft_archive(payload, 2)).find("XML"), std::string::npos);
}

TEST(Archive, RefusesTrailingBytesAndOversizedPayloads) {
  const std::string bytes = write_archive(small_contents(), ArchiveFormat::binary);
  EXPECT_NE(read_error(bytes + "x").find("1 byte of unexpected data"), std::string::npos);
  ArchiveLimits small;
  small.max_payload_bytes = 100;
  const std::string message = read_error(bytes, small);
  EXPECT_NE(message.find("exceeds the limit of 100 bytes"), std::string::npos) << message;
  // An envelope announcing an absurd payload is refused before anything is allocated.
  std::string absurd = craft_archive("", 1);
  put_le(absurd, 32, std::uint64_t{1} << 62, 8);
  reseal(absurd);
  EXPECT_NE(read_error(absurd).find("exceeds the limit"), std::string::npos);
  put_le(absurd, 32, 1000, 8);
  reseal(absurd);
  EXPECT_NE(read_error(absurd).find("announces 1000 bytes of payload, the file holds 0 bytes"),
            std::string::npos)
      << read_error(absurd);
}

#if defined(__linux__) && defined(MADV_POPULATE_READ)

// The share of \p path's pages in the page cache, by mapping it and asking mincore().
double cached_share(const fs::path& path) {
  const int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (descriptor < 0) return -1;
  const auto bytes = static_cast<std::size_t>(fs::file_size(path));
  void* address = ::mmap(nullptr, bytes, PROT_READ, MAP_SHARED, descriptor, 0);
  ::close(descriptor);
  if (address == MAP_FAILED) return -1;
  const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  const std::size_t cached = test_support::present_pages(address, bytes);
  ::munmap(address, bytes);
  return static_cast<double>(cached) / static_cast<double>((bytes + page - 1) / page);
}

// Drops \p path's pages from the page cache (written back first); false if they stay.
bool drop_from_cache(const fs::path& path) {
  const int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (descriptor < 0) return false;
  (void)::fsync(descriptor);
  (void)::posix_fadvise(descriptor, 0, 0, POSIX_FADV_DONTNEED);
  ::close(descriptor);
  return cached_share(path) < 0.05;
}

// A file the limits let through is mapped and read in at once; one over them is refused
// on its envelope, before its pages are read: a 32 MB file past a 100-byte limit leaves
// its pages on disk (but for the kernel's read-ahead around the envelope, up to 2 MB). (Skipped where the page cache cannot be dropped, as on tmpfs, or the
// kernel cannot populate a mapping.)
TEST(Archive, ReadsInAFileAtOnceOnlyWhenTheLimitsLetItThrough) {
  if (!test_support::kernel_populates(MADV_POPULATE_READ)) GTEST_SKIP() << "this kernel cannot populate a mapping";
  ScratchFolder folder;
  const auto path = folder / "padded.cpa";
  {
    // A valid archive and 32 MB after it: refused either way, but only after its pages
    // were read in when its size is within the limits.
    std::ofstream out(path, std::ios::binary);
    out << write_archive(small_contents(), ArchiveFormat::binary) << std::string(std::size_t{32} << 20, 'x');
  }
  if (!drop_from_cache(path)) GTEST_SKIP() << "the page cache of " << path << " cannot be dropped here";

  ArchiveLimits small;
  small.max_payload_bytes = 100;
  EXPECT_THROW((void)load_archive(path, small), ParseError);
  const double refused = cached_share(path);
  EXPECT_LT(refused, 0.25) << "pages of a file over the limits were read in";
  RecordProperty("cached_when_refused", std::to_string(refused));

  ASSERT_TRUE(drop_from_cache(path));
  EXPECT_THROW((void)load_archive(path), ParseError);  // the trailing bytes
  const double admitted = cached_share(path);
  EXPECT_GT(admitted, 0.9) << "a file within the limits was not read in at once";
  RecordProperty("cached_when_admitted", std::to_string(admitted));
}

#endif

TEST(Archive, RefusesPayloadDataAfterTheRoster) {
  for (ArchiveFormat format : all_formats) {
    const std::string payload = write_archive(small_contents(), format).substr(48);
    const auto encoding = static_cast<std::uint8_t>(format);
    if (format == ArchiveFormat::xml) {
      const std::size_t tag = payload.rfind("</boost_serialization>");
      std::string extra = payload;
      extra.insert(tag, "<more>1</more>\n");
      EXPECT_NE(read_error(craft_archive(extra, encoding)), "");
      EXPECT_NE(
          read_error(craft_archive(payload.substr(0, tag), encoding)).find("does not end with"),
          std::string::npos);
    } else {
      EXPECT_NE(read_error(craft_archive(payload + "7", encoding)).find("after the roster"),
                std::string::npos)
          << archive_format_name(format);
    }
    EXPECT_EQ(read_error(craft_archive(payload, encoding)), "");
  }
}

// Boost 1.74 checks an end tag by reading the expected name as far as the tag read, past
// its end when the tag read is longer; the archive's own check stays in bounds (the
// sanitizer build would report the read).
TEST(Archive, RefusesAnXmlEndTagLongerThanItsStartTag) {
  std::string payload = write_archive(small_contents(), ArchiveFormat::xml).substr(48);
  const std::size_t at = payload.find("</count>");
  ASSERT_NE(at, std::string::npos);
  payload.replace(at, 8, "</count_and_more_than_that>");
  const std::string message = read_error(craft_archive(payload, 2));
  EXPECT_NE(message.find("does not close the element <count>"), std::string::npos) << message;
}

// A length field claiming more than the payload holds must not be believed (Boost alone
// would resize the string to it first).
TEST(Archive, RefusesAStringLongerThanThePayload) {
  ArchiveContents contents;
  contents.profile_name = "PROFILE-NAME";
  for (ArchiveFormat format : {ArchiveFormat::binary, ArchiveFormat::text}) {
    std::string payload = write_archive(contents, format).substr(48);
    const std::size_t at = payload.find("PROFILE-NAME");
    ASSERT_NE(at, std::string::npos);
    if (format == ArchiveFormat::binary) {
      put_le(payload, at - 8, std::uint64_t{1} << 40, 8);  // the length before the text
    } else {
      const std::size_t start = payload.rfind(' ', at - 2) + 1;  // "12 PROFILE-NAME"
      payload.replace(start, at - 1 - start, "1099511627776");
    }
    const std::string message =
        read_error(craft_archive(payload, static_cast<std::uint8_t>(format)));
    EXPECT_NE(message.find("a string of 1099511627776 bytes is announced"), std::string::npos)
        << archive_format_name(format) << ": " << message;
  }
}

TEST(Archive, EnforcesStringAndRecordLimitsBothWays) {
  ArchiveLimits limits;
  limits.max_string_bytes = 8;
  const ArchiveContents contents = small_contents();
  EXPECT_THROW((void)write_archive(contents, ArchiveFormat::xml, limits), std::length_error);
  for (ArchiveFormat format : all_formats) {
    const std::string message = read_error(write_archive(contents, format), limits);
    EXPECT_NE(message.find("ArchiveLimits::max_string_bytes"), std::string::npos)
        << archive_format_name(format) << ": " << message;
  }
  ArchiveLimits few;
  few.max_records = 2;
  EXPECT_THROW((void)write_archive(contents, ArchiveFormat::binary, few), std::length_error);
  const std::string message = read_error(write_archive(contents, ArchiveFormat::binary), few);
  EXPECT_NE(message.find("units has 3 records, more than the limit of 2"), std::string::npos)
      << message;
}

TEST(Archive, RefusesAPayloadThatBreaksTheRoster) {
  // Two cadres with one id, edited into a valid XML payload.
  std::string payload = write_archive(small_contents(), ArchiveFormat::xml).substr(48);
  const std::size_t at = payload.find("<item>C002</item>", payload.find("<cadres"));
  ASSERT_NE(at, std::string::npos);
  payload.replace(at + 6, 4, "C001");
  const std::string message = read_error(craft_archive(payload, 2, archive_format_version));
  EXPECT_NE(message.find("duplicate cadre id 'C001'"), std::string::npos) << message;
}

// --- Files ---------------------------------------------------------------------------

TEST(Archive, LoadNamesTheFileAndRefusesWhatIsNotAFile) {
  ScratchFolder folder;
  try {
    (void)load_archive(folder / "missing.cpa");
    FAIL();
  } catch (const ParseError& error) {
    EXPECT_EQ(error.diagnostics().front().file, (folder / "missing.cpa").string());
    EXPECT_NE(std::string(error.what()).find("no such archive"), std::string::npos);
  }
  EXPECT_THROW((void)load_archive(folder.path()), ParseError);
  // A FIFO would block a plain open() forever: it is refused at once.
  const fs::path fifo = folder / "pipe.cpa";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  try {
    (void)load_archive(fifo);
    FAIL();
  } catch (const ParseError& error) {
    EXPECT_NE(std::string(error.what()).find("not a regular file"), std::string::npos);
  }
}

TEST(Archive, SaveReplacesTheOldFileAndKeepsItsPermissions) {
  ScratchFolder folder;
  const fs::path path = folder / "roster.cpa";
  save_archive(ArchiveContents{}, path);
  ASSERT_EQ(::chmod(path.c_str(), 0640), 0);
  save_archive(small_contents(), path);
  EXPECT_EQ(load_archive(path), small_contents());
  struct stat status {};
  ASSERT_EQ(::stat(path.c_str(), &status), 0);
  EXPECT_EQ(status.st_mode & 07777, 0640U);
  EXPECT_EQ(files_in(folder.path()), std::set<std::string>{"roster.cpa"});
}

TEST(Archive, SaveFollowsASymbolicLink) {
  ScratchFolder folder;
  fs::create_directory(folder / "2024");
  save_archive(ArchiveContents{}, folder / "2024/roster.cpx");
  fs::create_symlink("2024/roster.cpx", folder / "current.cpx");
  save_archive(small_contents(), folder / "current.cpx");
  EXPECT_TRUE(fs::is_symlink(folder / "current.cpx"));
  EXPECT_EQ(load_archive(folder / "2024/roster.cpx"), small_contents());
}

TEST(Archive, FailedSaveLeavesTheOldFileAndNoTemporary) {
  ScratchFolder folder;
  // The target is a folder: the rename fails after everything was written.
  fs::create_directory(folder / "taken.cpa");
  EXPECT_THROW(save_archive(small_contents(), folder / "taken.cpa"), fs::filesystem_error);
  EXPECT_TRUE(fs::is_directory(folder / "taken.cpa"));
  EXPECT_EQ(files_in(folder.path()), std::set<std::string>{"taken.cpa"});
  // No such folder: nothing is created.
  EXPECT_THROW(save_archive(small_contents(), folder / "no/such/roster.cpa"), fs::filesystem_error);
  EXPECT_EQ(files_in(folder.path()), std::set<std::string>{"taken.cpa"});
}

// A full disk, simulated by a file size limit in a child process: the write fails midway.
TEST(Archive, SaveThatRunsOutOfSpaceLeavesTheOldFileAndNoTemporary) {
  ScratchFolder folder;
  const fs::path path = folder / "roster.cpx";
  save_archive(ArchiveContents{}, path);
  const std::string before = read_bytes(path);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    std::signal(SIGXFSZ, SIG_IGN);
    const rlimit limit{1000, 1000};
    ::setrlimit(RLIMIT_FSIZE, &limit);
    try {
      save_archive(small_contents(), path);
    } catch (const fs::filesystem_error& error) {
      ::_exit(std::string(error.what()).find("cannot write") != std::string::npos ? 0 : 2);
    } catch (...) {
      ::_exit(3);
    }
    ::_exit(1);  // the save should have failed
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_EQ(read_bytes(path), before);
  EXPECT_EQ(files_in(folder.path()), std::set<std::string>{"roster.cpx"});
}

// --- load_roster_any -----------------------------------------------------------------

TEST(Archive, LoadRosterAnyTakesAFolderOrAnArchive) {
  ScratchFolder folder;
  const ArchiveContents contents = small_contents();
  save_roster_csv(contents.roster, folder / "csv");
  save_archive(contents, folder / "roster.cpx");
  fs::copy_file(folder / "roster.cpx", folder / "no-extension");

  const LoadedRoster from_csv = load_roster_any(folder / "csv");
  EXPECT_EQ(from_csv.roster, contents.roster);
  EXPECT_EQ(from_csv.profile_name, "");
  EXPECT_EQ(from_csv.archive_format, std::nullopt);

  const LoadedRoster from_archive = load_roster_any(folder / "roster.cpx");
  EXPECT_EQ(from_archive.roster, contents.roster);
  EXPECT_EQ(from_archive.profile_name, "default");
  EXPECT_EQ(from_archive.archive_format, ArchiveFormat::xml);
  EXPECT_EQ(load_roster_any(folder / "no-extension").roster, contents.roster);

  try {
    (void)load_roster_any(folder / "nothing");
    FAIL();
  } catch (const ParseError& error) {
    EXPECT_NE(std::string(error.what()).find("no such roster"), std::string::npos);
  }
  write_bytes(folder / "units.csv", "id,name,kind\n");
  EXPECT_THROW((void)load_roster_any(folder / "units.csv"), ParseError);
}

}  // namespace
}  // namespace cadreplan::io
