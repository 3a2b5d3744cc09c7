// Shared by the archive tests: fixed rosters, a scratch folder, field-by-field comparison
// and an envelope crafted from the layout documented in archive.hpp (written here
// independently of the library, so the tests also check that documentation).
#pragma once

#include <gtest/gtest.h>

#include <boost/crc.hpp>
#include <boost/date_time/gregorian/gregorian.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <string_view>

#include "cadreplan/io/archive.hpp"
#include "cadreplan/model/roster.hpp"

namespace cadreplan::io::archive_testing {

using boost::gregorian::date;

/// A temporary folder, removed with everything in it at the end of the test.
class ScratchFolder {
 public:
  /// A folder in the temporary directory; \p in_memory: in /dev/shm when there is one
  /// (for tests that write many small files and need no disk).
  explicit ScratchFolder(bool in_memory = false) {
    std::random_device device;
    const std::filesystem::path shm("/dev/shm");
    const bool use_shm = in_memory && std::filesystem::is_directory(shm);
    path_ = (use_shm ? shm : std::filesystem::temp_directory_path()) /
            ("cadreplan-archive-test-" + std::to_string(device()) + std::to_string(device()));
    std::filesystem::create_directories(path_);
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;
  ~ScratchFolder() {
    std::error_code ignored;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::add, ignored);
    std::filesystem::remove_all(path_, ignored);
  }
  [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }
  [[nodiscard]] std::filesystem::path operator/(std::string_view name) const {
    return path_ / name;
  }

 private:
  std::filesystem::path path_;
};

inline std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void write_bytes(const std::filesystem::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

inline std::uint32_t crc32(std::string_view bytes) {
  boost::crc_32_type crc;
  crc.process_bytes(bytes.data(), bytes.size());
  return crc.checksum();
}

inline void put_le(std::string& bytes, std::size_t offset, std::uint64_t value, std::size_t size) {
  for (std::size_t i = 0; i < size; ++i) {
    bytes[offset + i] = static_cast<char>((value >> (8 * i)) & 0xFF);
  }
}

inline std::uint64_t get_le(std::string_view bytes, std::size_t offset, std::size_t size) {
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < size; ++i) {
    value |= std::uint64_t{static_cast<unsigned char>(bytes[offset + i])} << (8 * i);
  }
  return value;
}

/// Recomputes both CRC-32s of a version 1 archive (after a test changed its bytes).
inline void reseal(std::string& archive) {
  const std::string_view payload = std::string_view(archive).substr(48);
  put_le(archive, 40, crc32(payload), 4);
  put_le(archive, 44, crc32(std::string_view(archive).substr(0, 44)), 4);
}

/// A version 1 envelope in front of \p payload, per archive.hpp's table.
inline std::string craft_archive(std::string_view payload, std::uint8_t encoding,
                                 std::uint16_t format_version = 1,
                                 std::string_view writer = "0.1.0") {
  std::string archive(48, '\0');
  const std::string_view magic(
      "\x89"
      "CPA\r\n\x1A\n",
      8);
  archive.replace(0, 8, magic);
  put_le(archive, 8, format_version, 2);
  put_le(archive, 10, 48, 2);
  archive[12] = static_cast<char>(encoding);
  archive[13] = 1;
  archive.replace(16, writer.size(), writer);
  put_le(archive, 32, payload.size(), 8);
  archive += payload;
  reseal(archive);
  return archive;
}

/// A small roster that sets every field somewhere and leaves every optional empty
/// somewhere, with Vietnamese text, quotes, commas, a line break and 29 February.
inline model::Roster small_roster() {
  model::RosterTables tables;
  model::Unit district;
  district.id = model::UnitId("H-TRAN-DE");
  district.name = "Huyện Trần Đề";
  district.kind = model::UnitKind::other;
  district.province = "Sóc Trăng";
  model::Unit commune;
  commune.id = model::UnitId("X-DAI-TAM");
  commune.name = "Xã Đại Tâm";
  commune.kind = model::UnitKind::commune;
  commune.parent_id = district.id;
  commune.province = "Sóc Trăng";
  commune.large_minority = true;
  commune.minority = "Khmer";
  commune.area = model::Area::disadvantaged;
  model::Unit ward;
  ward.id = model::UnitId("P-5");
  ward.name = "Phường 5, \"trung tâm\"";
  ward.kind = model::UnitKind::ward;
  ward.parent_id = district.id;
  ward.large_minority = false;
  ward.area = model::Area::urban;
  tables.units = {district, commune, ward};

  model::Cadre secretary;
  secretary.id = model::CadreId("C001");
  secretary.full_name = "Thạch Thị Sà Rết";
  secretary.birth_date = date(1972, 2, 29);
  secretary.unit_id = commune.id;
  secretary.positions = {{model::Position::secretary, date(2010, 7, 1)},
                         {model::Position::council_chair, date(2011, 1, 15)}};
  secretary.gender = model::Gender::female;
  secretary.ethnicity = "Khmer";
  secretary.party_joined = date(1995, 5, 19);
  secretary.general_education = model::GeneralEducation::upper_secondary;
  secretary.professional = {model::ProfessionalLevel::university, "Luật, hành chính",
                            model::StudyMode::in_service, model::Funding::self, false};
  secretary.political_theory = model::PoliticalTheory::advanced;
  secretary.state_management = model::StateManagement::principal_officer;
  model::Cadre chairman;
  chairman.id = model::CadreId("C002");
  chairman.full_name = "Nguyễn Văn Ấn";
  chairman.birth_date = date(1965, 12, 31);
  chairman.unit_id = ward.id;
  chairman.positions = {{model::Position::chairman, std::nullopt}};
  model::Cadre nobody;
  nobody.id = model::CadreId("C003");
  nobody.full_name = "Lâm Ngọc Hương";
  nobody.birth_date = date(1980, 1, 1);
  nobody.unit_id = commune.id;
  tables.cadres = {secretary, chairman, nobody};

  model::TrainingRecord training;
  training.cadre_id = secretary.id;
  training.course = "BD-XDĐ \"nâng cao\", khóa 3";
  training.kind = model::TrainingKind::party_building;
  training.start_date = date(2012, 2, 28);
  training.end_date = date(2012, 3, 2);
  training.provider = "Trường Chính trị tỉnh Sóc Trăng";
  training.status = model::TrainingStatus::completed;
  training.result = "Giỏi\n(8,5)";
  training.funding = model::Funding::state;
  training.planned = true;
  training.cost = 12'500'000;
  model::TrainingRecord bare;
  bare.cadre_id = chairman.id;
  bare.course = "LLCT-TC";
  bare.kind = model::TrainingKind::political_theory;
  bare.start_date = date(2016, 2, 29);
  bare.end_date = date(2016, 2, 29);
  tables.trainings = {training, bare};

  tables.pools = {model::PoolEntry{commune.id, model::Position::secretary, nobody.id,
                                   model::Term::from_years(2015, 2020), date(2015, 9, 1)},
                  model::PoolEntry{ward.id, model::Position::chairman, nobody.id,
                                   model::Term::from_years(2020, 2025), std::nullopt}};
  tables.budgets = {model::BudgetLine{commune.id, 2014, 150'000'000, 120'500'000},
                    model::BudgetLine{ward.id, 2014, 90'000'000, std::nullopt}};
  return model::Roster::build(std::move(tables));
}

/// The contents of the small archives in tests/data/archives/.
inline ArchiveContents small_contents() { return {small_roster(), "default"}; }

/// Compares two rosters field by field, so a failure names the field that differs.
inline void expect_same_tables(const model::RosterTables& a, const model::RosterTables& b) {
  ASSERT_EQ(a.units.size(), b.units.size());
  for (std::size_t i = 0; i < a.units.size(); ++i) {
    SCOPED_TRACE("units[" + std::to_string(i) + "]");
    const auto &x = a.units[i], &y = b.units[i];
    EXPECT_EQ(x.id, y.id);
    EXPECT_EQ(x.name, y.name);
    EXPECT_EQ(x.kind, y.kind);
    EXPECT_EQ(x.parent_id, y.parent_id);
    EXPECT_EQ(x.province, y.province);
    EXPECT_EQ(x.large_minority, y.large_minority);
    EXPECT_EQ(x.minority, y.minority);
    EXPECT_EQ(x.area, y.area);
  }
  ASSERT_EQ(a.cadres.size(), b.cadres.size());
  for (std::size_t i = 0; i < a.cadres.size(); ++i) {
    SCOPED_TRACE("cadres[" + std::to_string(i) + "]");
    const auto &x = a.cadres[i], &y = b.cadres[i];
    EXPECT_EQ(x.id, y.id);
    EXPECT_EQ(x.full_name, y.full_name);
    EXPECT_EQ(x.birth_date, y.birth_date);
    EXPECT_EQ(x.unit_id, y.unit_id);
    ASSERT_EQ(x.positions.size(), y.positions.size());
    for (std::size_t j = 0; j < x.positions.size(); ++j) {
      EXPECT_EQ(x.positions[j].position, y.positions[j].position) << "positions[" << j << "]";
      EXPECT_EQ(x.positions[j].since, y.positions[j].since) << "positions[" << j << "]";
    }
    EXPECT_EQ(x.gender, y.gender);
    EXPECT_EQ(x.ethnicity, y.ethnicity);
    EXPECT_EQ(x.party_joined, y.party_joined);
    EXPECT_EQ(x.general_education, y.general_education);
    EXPECT_EQ(x.professional.level, y.professional.level);
    EXPECT_EQ(x.professional.field, y.professional.field);
    EXPECT_EQ(x.professional.mode, y.professional.mode);
    EXPECT_EQ(x.professional.funding, y.professional.funding);
    EXPECT_EQ(x.professional.planned, y.professional.planned);
    EXPECT_EQ(x.political_theory, y.political_theory);
    EXPECT_EQ(x.state_management, y.state_management);
  }
  ASSERT_EQ(a.trainings.size(), b.trainings.size());
  for (std::size_t i = 0; i < a.trainings.size(); ++i) {
    SCOPED_TRACE("trainings[" + std::to_string(i) + "]");
    const auto &x = a.trainings[i], &y = b.trainings[i];
    EXPECT_EQ(x.cadre_id, y.cadre_id);
    EXPECT_EQ(x.course, y.course);
    EXPECT_EQ(x.kind, y.kind);
    EXPECT_EQ(x.start_date, y.start_date);
    EXPECT_EQ(x.end_date, y.end_date);
    EXPECT_EQ(x.provider, y.provider);
    EXPECT_EQ(x.status, y.status);
    EXPECT_EQ(x.result, y.result);
    EXPECT_EQ(x.funding, y.funding);
    EXPECT_EQ(x.planned, y.planned);
    EXPECT_EQ(x.cost, y.cost);
  }
  ASSERT_EQ(a.pools.size(), b.pools.size());
  for (std::size_t i = 0; i < a.pools.size(); ++i) {
    SCOPED_TRACE("pools[" + std::to_string(i) + "]");
    const auto &x = a.pools[i], &y = b.pools[i];
    EXPECT_EQ(x.unit_id, y.unit_id);
    EXPECT_EQ(x.position, y.position);
    EXPECT_EQ(x.cadre_id, y.cadre_id);
    EXPECT_EQ(x.term.name(), y.term.name());
    EXPECT_TRUE(x.term == y.term) << x.term.name();
    EXPECT_EQ(x.added_on, y.added_on);
  }
  ASSERT_EQ(a.budgets.size(), b.budgets.size());
  for (std::size_t i = 0; i < a.budgets.size(); ++i) {
    SCOPED_TRACE("budgets[" + std::to_string(i) + "]");
    const auto &x = a.budgets[i], &y = b.budgets[i];
    EXPECT_EQ(x.unit_id, y.unit_id);
    EXPECT_EQ(x.year, y.year);
    EXPECT_EQ(x.allocated, y.allocated);
    EXPECT_EQ(x.spent_on_training, y.spent_on_training);
  }
  // And as a whole, in case a field was added to the model and not above.
  EXPECT_TRUE(a == b);
}

/// The formats, for loops.
inline constexpr ArchiveFormat all_formats[] = {ArchiveFormat::binary, ArchiveFormat::xml,
                                                ArchiveFormat::text};

}  // namespace cadreplan::io::archive_testing
