// Every archive format version ever released stays readable: tests/data/archives/ keeps
// one archive per version and format, written from small_contents(), and this test loads
// each and checks what it holds. See tests/data/archives/README.md.
#include <gtest/gtest.h>

#include <boost/version.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

#include "archive_fixtures.hpp"
#include "cadreplan/io/archive.hpp"

namespace cadreplan::io {
namespace {

namespace fs = std::filesystem;
using namespace archive_testing;

const fs::path kArchives = fs::path(CADREPLAN_TEST_DATA_DIR) / "archives";

std::string file_name(ArchiveFormat format) {
  return "small-roster" + std::string(archive_extension(format));
}

TEST(ArchiveCompatibility, ThereIsAnArchiveForEveryFormatVersion) {
  for (unsigned version = 1; version <= archive_format_version; ++version) {
    for (ArchiveFormat format : all_formats) {
      EXPECT_TRUE(fs::exists(kArchives / ("v" + std::to_string(version)) / file_name(format)))
          << "format version " << version << " has no " << archive_format_name(format)
          << " archive: run the generator (tests/data/archives/README.md)";
    }
  }
}

// What every stored archive holds, whatever its format version.
void expect_small_contents(const fs::path& path, unsigned version, std::string_view writer) {
  const ArchiveEnvelope envelope = read_archive_envelope(read_bytes(path), path.string());
  EXPECT_EQ(envelope.format_version, version);
  EXPECT_EQ(envelope.library_version, writer);

  const ArchiveContents loaded = load_archive(path);
  EXPECT_EQ(loaded.profile_name, "default");
  const model::Roster& roster = loaded.roster;
  ASSERT_EQ(roster.units().size(), 3U);
  ASSERT_EQ(roster.cadres().size(), 3U);
  ASSERT_EQ(roster.trainings().size(), 2U);
  ASSERT_EQ(roster.pools().size(), 2U);
  ASSERT_EQ(roster.budgets().size(), 2U);
  const model::Cadre* secretary = roster.find_cadre(model::CadreId("C001"));
  ASSERT_NE(secretary, nullptr);
  EXPECT_EQ(secretary->full_name, "Thạch Thị Sà Rết");
  EXPECT_EQ(secretary->birth_date, date(1972, 2, 29));
  EXPECT_EQ(secretary->political_theory, model::PoliticalTheory::advanced);
  EXPECT_EQ(secretary->professional.field, "Luật, hành chính");
  EXPECT_EQ(secretary->professional.planned, false);
  EXPECT_EQ(roster.trainings()[0].course, "BD-XDĐ \"nâng cao\", khóa 3");
  EXPECT_EQ(roster.trainings()[0].result, "Giỏi\n(8,5)");
  EXPECT_EQ(roster.trainings()[0].cost, 12'500'000);
  EXPECT_EQ(roster.trainings()[1].status, std::nullopt);
  EXPECT_EQ(roster.pools()[0].term.name(), "2015-2020");
  EXPECT_EQ(roster.budgets()[1].spent_on_training, std::nullopt);
  EXPECT_EQ(roster.find_unit(model::UnitId("X-DAI-TAM"))->area, model::Area::disadvantaged);
  // And everything else, field by field.
  expect_same_tables(roster.tables(), small_roster().tables());
}

TEST(ArchiveCompatibility, LoadsVersion1) {
  for (ArchiveFormat format : all_formats) {
    SCOPED_TRACE(std::string(archive_format_name(format)));
    expect_small_contents(kArchives / "v1" / file_name(format), 1, "0.1.0");
  }
}

// Version 2: the roster in columns (model::Roster class version 1).
TEST(ArchiveCompatibility, LoadsVersion2) {
  for (ArchiveFormat format : all_formats) {
    SCOPED_TRACE(std::string(archive_format_name(format)));
    expect_small_contents(kArchives / "v2" / file_name(format), 2, "0.1.0");
  }
}

// The same roster, whichever version and encoding it was stored in.
TEST(ArchiveCompatibility, EveryVersionLoadsTheSameContents) {
  const ArchiveContents reference = load_archive(kArchives / "v1" / file_name(ArchiveFormat::xml));
  for (unsigned version = 1; version <= archive_format_version; ++version) {
    for (ArchiveFormat format : all_formats) {
      const fs::path path = kArchives / ("v" + std::to_string(version)) / file_name(format);
      EXPECT_EQ(load_archive(path), reference) << path;
    }
  }
}

// A version 1 archive converts to the current version without loss (`cadreplan convert`).
TEST(ArchiveCompatibility, ConvertsVersion1ToTheCurrentVersion) {
  for (ArchiveFormat from : all_formats) {
    const ArchiveContents old = load_archive(kArchives / "v1" / file_name(from));
    for (ArchiveFormat to : all_formats) {
      const std::string bytes = write_archive(old, to);
      EXPECT_EQ(read_archive_envelope(bytes, "converted").format_version, archive_format_version);
      EXPECT_EQ(read_archive(bytes, "converted"), old)
          << archive_format_name(from) << " to " << archive_format_name(to);
    }
  }
}

// This CadrePlan must still write exactly the payloads stored for the current format
// version (with the Boost that wrote them: Boost 1.74, archive library version 18). A
// difference means the format changed without its version: bump archive_format_version,
// keep the old files, add the new ones.
TEST(ArchiveCompatibility, WritesTheStoredPayloadsOfTheCurrentFormatVersion) {
  if (BOOST_VERSION / 100 != 1074)
    GTEST_SKIP() << "the stored payloads were written with Boost 1.74";
  const fs::path folder = kArchives / ("v" + std::to_string(archive_format_version));
  for (ArchiveFormat format : all_formats) {
    const std::string stored = read_bytes(folder / file_name(format));
    const std::string written = write_archive(small_contents(), format);
    EXPECT_EQ(written.substr(48), stored.substr(48)) << archive_format_name(format);
  }
}

TEST(ArchiveCompatibility, MalformedSamplesAreRefused) {
  for (const char* name : {"truncated.cpa", "bit-flipped.cpx", "too-new.cpa", "not-an-archive.cpa",
                           "trailing-garbage.cpt"}) {
    const fs::path path = kArchives / "malformed" / name;
    ASSERT_TRUE(fs::exists(path)) << path;
    try {
      (void)load_archive(path);
      ADD_FAILURE() << name << " loaded";
    } catch (const ParseError& error) {
      if (std::string(name) == "too-new.cpa") {
        EXPECT_NE(std::string(error.what()).find("needs CadrePlan 0.3.0 or later"),
                  std::string::npos)
            << error.what();
      }
    }
  }
}

// The generator: writes tests/data/archives/v<current>/ and the malformed samples.
// Runs only when asked: CADREPLAN_WRITE_ARCHIVES=1 build/dev/tests/test_archive
//   --gtest_filter=ArchiveCompatibility.Generate
TEST(ArchiveCompatibility, Generate) {
  if (std::getenv("CADREPLAN_WRITE_ARCHIVES") == nullptr) {
    GTEST_SKIP() << "set CADREPLAN_WRITE_ARCHIVES=1 to write tests/data/archives/";
  }
  const fs::path folder = kArchives / ("v" + std::to_string(archive_format_version));
  fs::create_directories(folder);
  for (ArchiveFormat format : all_formats) {
    save_archive(small_contents(), folder / file_name(format));
  }
  const fs::path malformed = kArchives / "malformed";
  fs::create_directories(malformed);
  const std::string binary = write_archive(small_contents(), ArchiveFormat::binary);
  write_bytes(malformed / "truncated.cpa", binary.substr(0, binary.size() / 2));
  std::string flipped = write_archive(small_contents(), ArchiveFormat::xml);
  flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x20);
  write_bytes(malformed / "bit-flipped.cpx", flipped);
  write_bytes(malformed / "too-new.cpa",
              craft_archive(binary.substr(48), 1, archive_format_version + 1, "0.3.0"));
  write_bytes(malformed / "not-an-archive.cpa", "id,name,kind\nU1,Xã Đại Tâm,commune\n");
  write_bytes(malformed / "trailing-garbage.cpt",
              write_archive(small_contents(), ArchiveFormat::text) + "garbage");
}

}  // namespace
}  // namespace cadreplan::io
