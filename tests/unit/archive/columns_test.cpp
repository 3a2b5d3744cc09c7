// Archive format version 2: the roster in columns (model::Roster class version 1). Every
// field round-trips in every encoding, and every malformed column is refused with a
// message naming it. Malformed payloads are forged with the library's own column types
// and Boost's archives, so they differ from a real archive only where a test says.
#include <gtest/gtest.h>

#include <boost/archive/binary_oarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <boost/archive/xml_oarchive.hpp>

#include <algorithm>
#include <functional>
#include <locale>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include "archive_fixtures.hpp"
#include "cadreplan/io/archive.hpp"
#include "cadreplan/io/serialization.hpp"

namespace cadreplan::io::archive_testing {

// A roster as archive format version 2 writes it, with columns a test may change.
struct ForgedRoster {
  detail::UnitColumns units;
  detail::CadreColumns cadres;
  detail::TrainingColumns trainings;
  detail::PoolColumns pools;
  detail::BudgetColumns budgets;
  // When set, the payload ends after the trainings' count, which is replaced by this.
  std::optional<std::uint64_t> cut_after_training_count;
};

// A table that ends after its count.
struct CutTable {
  std::uint64_t count = 0;
};

// What ArchiveContents writes, with a ForgedRoster in place of the roster.
struct ForgedContents {
  std::string profile_name;
  ForgedRoster roster;
};

}  // namespace cadreplan::io::archive_testing

namespace boost::serialization {

template <class Archive>
void serialize(Archive& archive, cadreplan::io::archive_testing::ForgedRoster& roster,
               const unsigned int /*version*/) {
  archive& make_nvp("units", roster.units);
  archive& make_nvp("cadres", roster.cadres);
  if (roster.cut_after_training_count) {
    cadreplan::io::archive_testing::CutTable cut{*roster.cut_after_training_count};
    archive& make_nvp("trainings", cut);
    return;
  }
  archive& make_nvp("trainings", roster.trainings);
  archive& make_nvp("pools", roster.pools);
  archive& make_nvp("budgets", roster.budgets);
}

template <class Archive>
void serialize(Archive& archive, cadreplan::io::archive_testing::CutTable& table,
               const unsigned int /*version*/) {
  archive& make_nvp("count", table.count);
}

template <class Archive>
void serialize(Archive& archive, cadreplan::io::archive_testing::ForgedContents& contents,
               const unsigned int /*version*/) {
  archive& make_nvp("profile_name", contents.profile_name);
  archive& make_nvp("roster", contents.roster);
}

}  // namespace boost::serialization

// The same class versions and tracking as model::Roster and io::ArchiveContents, so Boost
// writes the same bytes for them.
CADREPLAN_SERIALIZATION_CLASS(cadreplan::io::archive_testing::ForgedRoster, 1)
CADREPLAN_SERIALIZATION_CLASS(cadreplan::io::archive_testing::ForgedContents, 0)
CADREPLAN_SERIALIZATION_COLUMNS(cadreplan::io::archive_testing::CutTable)

namespace cadreplan::io {
namespace {

using namespace archive_testing;

ForgedContents forge(const ArchiveContents& contents) {
  const model::Roster& roster = contents.roster;
  return {contents.profile_name,
          {detail::unit_columns(roster), detail::cadre_columns(roster),
           detail::training_columns(roster), detail::pool_columns(roster),
           detail::budget_columns(roster), std::nullopt}};
}

// A whole archive (format version 2 envelope) of \p forged in \p format.
std::string archive_of(ForgedContents forged, ArchiveFormat format) {
  std::ostringstream stream;
  stream.imbue(std::locale::classic());
  {
    switch (format) {
      case ArchiveFormat::binary: {
        boost::archive::binary_oarchive archive(stream);
        archive << boost::serialization::make_nvp("cadreplan", forged);
        break;
      }
      case ArchiveFormat::xml: {
        boost::archive::xml_oarchive archive(stream);
        archive << boost::serialization::make_nvp("cadreplan", forged);
        break;
      }
      case ArchiveFormat::text: {
        boost::archive::text_oarchive archive(stream);
        archive << boost::serialization::make_nvp("cadreplan", forged);
        break;
      }
    }
  }
  return craft_archive(stream.str(), static_cast<std::uint8_t>(format), 2);
}

// The message of the ParseError that reading \p bytes throws, or "" when it loads.
std::string read_error(std::string_view bytes, const ArchiveLimits& limits = {}) {
  try {
    (void)read_archive(bytes, "forged.cpa", limits);
  } catch (const ParseError& error) {
    return error.diagnostics().front().message;
  }
  return "";
}

class Columns : public ::testing::TestWithParam<ArchiveFormat> {};
INSTANTIATE_TEST_SUITE_P(Archive, Columns, ::testing::ValuesIn(all_formats),
                         [](const ::testing::TestParamInfo<ArchiveFormat>& param_info) {
                           const std::string name(archive_format_name(param_info.param));
                           return name == "XML" ? std::string("xml") : name;
                         });

// A roster with every field set somewhere and every optional empty somewhere, every code
// of every enum, the first and last days Boost.Date_Time knows, 29 February, repeated and
// empty interned strings.
ArchiveContents every_field() {
  model::RosterTables tables = small_roster().tables();
  model::Unit far = tables.units[0];
  far.id = model::UnitId("FAR");
  far.name = "";
  far.parent_id = tables.units[1].id;
  far.province = "Sóc Trăng";  // the dictionary's word again
  far.kind = model::UnitKind::special_zone;
  far.area = model::Area::mountainous;
  far.large_minority = std::nullopt;
  tables.units.push_back(far);

  model::Cadre old = tables.cadres[0];
  old.id = model::CadreId("OLD");
  old.full_name = std::string(300, 'x');
  old.birth_date = date(1400, 1, 1);
  old.unit_id = far.id;
  old.party_joined = date(9999, 12, 31);
  old.positions = {{model::Position::other, date(1400, 1, 1)},
                   {model::Position::deputy_secretary, std::nullopt},
                   {model::Position::vice_chairman, date(2000, 2, 29)}};
  old.gender = model::Gender::male;
  old.ethnicity = tables.cadres[0].ethnicity;
  old.general_education = model::GeneralEducation::primary;
  old.professional = {model::ProfessionalLevel::doctor, "", model::StudyMode::distance,
                      model::Funding::other, true};
  old.political_theory = model::PoliticalTheory::bachelor;
  old.state_management = model::StateManagement::senior_officer;
  tables.cadres.push_back(old);

  std::size_t row = 0;
  for (model::TrainingKind kind : model::all_codes<model::TrainingKind>()) {
    for (model::TrainingStatus status : model::all_codes<model::TrainingStatus>()) {
      model::TrainingRecord record = tables.trainings[row++ % 2];
      record.cadre_id = old.id;
      record.kind = kind;
      record.status = status;
      record.start_date = date(2000, 2, 29);
      record.end_date = date(9999, 12, 31);
      record.cost = row % 3 == 0 ? std::optional<model::Dong>() : -static_cast<model::Dong>(row);
      record.planned = row % 3 == 1 ? std::optional<bool>() : row % 2 == 0;
      tables.trainings.push_back(record);
    }
  }
  tables.pools.push_back(model::PoolEntry{
      far.id, model::Position::council_chair, old.id,
      model::Term::from_congresses(date(1400, 1, 1), date(9999, 12, 31)), date(1400, 1, 1)});
  tables.budgets.push_back(model::BudgetLine{far.id, -1, -7, 0});
  return {model::Roster::build(std::move(tables)), "Hồ sơ"};
}

TEST_P(Columns, RoundTripsEveryField) {
  const ArchiveContents original = every_field();
  const std::string bytes = write_archive(original, GetParam());
  EXPECT_EQ(read_archive_envelope(bytes, "x").format_version, 2);
  const ArchiveContents loaded = read_archive(bytes, "memory");
  expect_same_tables(loaded.roster.tables(), original.roster.tables());
  EXPECT_EQ(loaded.profile_name, original.profile_name);
  // Interned strings come back interned: the same handle as the original's.
  EXPECT_EQ(loaded.roster.trainings()[0].provider.identity(),
            original.roster.trainings()[0].provider.identity());
  // Dictionaries hold each text once: 6 x 5 records, 2 courses.
  const detail::TrainingColumns columns = detail::training_columns(original.roster);
  EXPECT_EQ(columns.course.words.size(), 2U);
  EXPECT_EQ(columns.course.rows.size(), original.roster.trainings().size());
}

TEST_P(Columns, ForgedPayloadIsWhatTheLibraryWrites) {
  // The forging below is faithful: unchanged, it gives the library's own bytes.
  const ArchiveContents contents = every_field();
  EXPECT_EQ(archive_of(forge(contents), GetParam()).substr(48),
            write_archive(contents, GetParam()).substr(48));
}

struct Corruption {
  const char* name;
  std::function<void(ForgedContents&)> change;
  const char* message;  // what the error must say
};

const Corruption kCorruptions[] = {
    {"bad training kind", [](ForgedContents& f) { f.roster.trainings.kind[1] = 9; },
     "'trainings.kind[1]': 9 is not a kind code (valid: 0 to 5)"},
    {"bad optional status", [](ForgedContents& f) { f.roster.trainings.status[2] = 5; },
     "'trainings.status[2]': 5 is not a status code (valid: 0 to 4, or 255 for unknown)"},
    {"absent required kind", [](ForgedContents& f) { f.roster.units.kind[0] = 255; },
     "'units.kind[0]': 255 is not a kind code"},
    {"bad position", [](ForgedContents& f) { f.roster.cadres.position[1] = 6; },
     "'cadres.positions.position[1]': 6 is not a position code"},
    {"bad flag", [](ForgedContents& f) { f.roster.units.large_minority[1] = 2; },
     "'units.large_minority[1]': 2 is not a flag"},
    {"cadre row out of range", [](ForgedContents& f) { f.roster.trainings.cadre[3] = 4; },
     "'trainings.cadre[3]': row 4 is not in cadres (4 records)"},
    {"unit row out of range", [](ForgedContents& f) { f.roster.cadres.unit[0] = 1u << 31; },
     "'cadres.unit[0]': row 2147483648 is not in units (4 records)"},
    {"parent row out of range", [](ForgedContents& f) { f.roster.units.parent[0] = 4; },
     "'units.parent[0]': row 4 is not in units"},
    {"pool cadre out of range", [](ForgedContents& f) { f.roster.pools.cadre[2] = 9; },
     "'pools.cadre[2]': row 9 is not in cadres"},
    {"dictionary index out of range",
     [](ForgedContents& f) { f.roster.trainings.course.rows[5] = 2; },
     "'trainings.course.rows[5]': word 2 is not in the dictionary (2 words)"},
    {"day beyond 9999-12-31", [](ForgedContents& f) { f.roster.cadres.birth_date[2] = 3200000; },
     "'cadres.birth_date[2]': 3200000 is not a day number"},
    {"required date absent",
     [](ForgedContents& f) { f.roster.trainings.end_date[0] = detail::absent_day; },
     "this date is required"},
    {"term ending before it starts",
     [](ForgedContents& f) {
       std::swap(f.roster.pools.congress_day[0], f.roster.pools.next_congress_day[0]);
     },
     "'pools.next_congress_day[0]'"},
    {"amount stored for an unknown cost",
     [](ForgedContents& f) {
       f.roster.trainings.has_cost[0] = 0;
       f.roster.trainings.cost[0] = 5;
     },
     "'trainings.cost[0]': 5 is stored for an unknown amount"},
    {"positions that do not add up",
     [](ForgedContents& f) { ++f.roster.cadres.position_count[0]; },
     "'cadres.position_count': the cadres hold 7 positions, the positions table has 6"},
    {"training ending before it starts",
     [](ForgedContents& f) { f.roster.trainings.start_date[1] = f.roster.trainings.end_date[1] + 1; },
     "'trainings.end_date[1]': 2016-02-29 is before the start date 2016-03-01: the training "
     "ends before it starts"},
    // The rules that span records, checked by the roster once its rows are in range.
    {"duplicate cadre id", [](ForgedContents& f) { f.roster.cadres.id[3] = f.roster.cadres.id[0]; },
     "'tables': cadres: duplicate cadre id 'C001'"},
    {"empty unit id", [](ForgedContents& f) { f.roster.units.id[2].clear(); },
     "'tables': units: record 3 has an empty id"},
    {"parent cycle", [](ForgedContents& f) { f.roster.units.parent[0] = 3; },
     "'tables': units: unit 'H-TRAN-DE' is its own ancestor (parent cycle)"},
    {"own parent", [](ForgedContents& f) { f.roster.units.parent[3] = 3; },
     "'tables': units: unit 'FAR' is its own ancestor (parent cycle)"},
    {"pool entry twice",
     [](ForgedContents& f) {
       auto& pools = f.roster.pools;
       pools.unit[1] = pools.unit[0];
       pools.position[1] = pools.position[0];
       pools.cadre[1] = pools.cadre[0];
       pools.congress_day[1] = pools.congress_day[0];
       pools.next_congress_day[1] = pools.next_congress_day[0];
     },
     "'tables': pools: cadre 'C003' is listed twice in the pool of 'X-DAI-TAM' for secretary "
     "2015-2020"},
    {"budget line twice", [](ForgedContents& f) { f.roster.budgets.unit[1] = f.roster.budgets.unit[0]; },
     "'tables': budgets: unit 'X-DAI-TAM' has two budget lines for 2014"},
};

TEST_P(Columns, RefusesEveryCorruptColumnNamingIt) {
  for (const Corruption& corruption : kCorruptions) {
    SCOPED_TRACE(corruption.name);
    ForgedContents forged = forge(every_field());
    corruption.change(forged);
    const std::string message = read_error(archive_of(forged, GetParam()));
    EXPECT_NE(message.find(corruption.message), std::string::npos) << message;
  }
}

TEST_P(Columns, IndexesAsRosterBuildDoes) {
  // The archive hands the roster its rows and the cadres by position instead of ids: the
  // indices must be those Roster::build() makes from the same tables.
  const ArchiveContents original = every_field();
  const model::Roster loaded = read_archive(write_archive(original, GetParam()), "memory").roster;
  const model::Roster built = model::Roster::build(loaded.tables());
  const auto same = [](std::span<const std::uint32_t> a, std::span<const std::uint32_t> b) {
    return std::vector<std::uint32_t>(a.begin(), a.end()) ==
           std::vector<std::uint32_t>(b.begin(), b.end());
  };
  for (model::Position position : model::all_codes<model::Position>()) {
    EXPECT_TRUE(same(loaded.cadres_with_position(position), built.cadres_with_position(position)))
        << model::to_code(position);
  }
  EXPECT_FALSE(loaded.cadres_with_position(model::Position::vice_chairman).empty());
  for (std::size_t unit = 0; unit < built.units().size(); ++unit) {
    EXPECT_TRUE(same(loaded.cadres_of_unit(unit), built.cadres_of_unit(unit))) << unit;
    EXPECT_TRUE(same(loaded.pools_of_unit(unit), built.pools_of_unit(unit))) << unit;
    EXPECT_TRUE(same(loaded.budgets_of_unit(unit), built.budgets_of_unit(unit))) << unit;
    EXPECT_EQ(loaded.unit_index(built.units()[unit].id), static_cast<std::ptrdiff_t>(unit));
  }
  for (std::size_t cadre = 0; cadre < built.cadres().size(); ++cadre) {
    EXPECT_TRUE(same(loaded.trainings_of_cadre(cadre), built.trainings_of_cadre(cadre))) << cadre;
    EXPECT_EQ(loaded.unit_index_of_cadre(cadre), built.unit_index_of_cadre(cadre)) << cadre;
    EXPECT_EQ(loaded.cadre_index(built.cadres()[cadre].id), static_cast<std::ptrdiff_t>(cadre));
  }
  for (std::size_t training = 0; training < built.trainings().size(); ++training) {
    EXPECT_EQ(loaded.cadre_index_of_training(training), built.cadre_index_of_training(training));
  }
  for (std::size_t entry = 0; entry < built.pools().size(); ++entry) {
    EXPECT_EQ(loaded.cadre_index_of_pool(entry), built.cadre_index_of_pool(entry));
  }
  EXPECT_EQ(loaded.trainings_of_cadre(3).size(), 30U);  // OLD's records, in record order
}

TEST_P(Columns, RefusesACountOverTheLimitBeforeAllocating) {
  ForgedContents forged = forge(every_field());
  forged.roster.cut_after_training_count = std::uint64_t{1} << 40;
  const std::string message = read_error(archive_of(forged, GetParam()));
  EXPECT_NE(message.find("trainings has 1099511627776 records, more than the limit of 16777216 "
                         "(ArchiveLimits::max_records)"),
            std::string::npos)
      << message;
  // A smaller limit, on a well-formed archive.
  ArchiveLimits few;
  few.max_records = 5;
  const std::string limited = read_error(write_archive(every_field(), GetParam()), few);
  EXPECT_NE(limited.find("cadres.positions has 6 records, more than the limit of 5"),
            std::string::npos)
      << limited;
}

TEST_P(Columns, RefusesColumnsLongerThanWhatRemains) {
  ForgedContents forged = forge(every_field());
  forged.roster.cut_after_training_count = 1'000'000;  // within the limit, with no bytes after
  const std::string message = read_error(archive_of(forged, GetParam()));
  EXPECT_NE(message.find("trainings.cadre: 1000000 values of at least"), std::string::npos)
      << message;
}

TEST_P(Columns, RefusesEveryTruncationOfTheColumns) {
  const std::string payload = write_archive(every_field(), GetParam()).substr(48);
  const auto encoding = static_cast<std::uint8_t>(GetParam());
  const std::size_t stride = GetParam() == ArchiveFormat::xml ? 97 : 3;
  for (std::size_t length = 0; length < payload.size(); length += stride) {
    EXPECT_NE(read_error(craft_archive(payload.substr(0, length), encoding, 2)), "")
        << "a payload cut to " << length << " bytes loaded";
  }
}

TEST(Columns, BinaryColumnsReadAsViewsLoadWhatBoostsLoadersLoad) {
  // The binary loader reads the columns as views into the payload, past Boost; the text
  // and XML loaders go through Boost and serialization.hpp's column vectors. All three
  // must give the same roster, indices included.
  const ArchiveContents original = every_field();
  const ArchiveContents binary =
      read_archive(write_archive(original, ArchiveFormat::binary), "binary");
  for (ArchiveFormat format : {ArchiveFormat::text, ArchiveFormat::xml}) {
    SCOPED_TRACE(archive_format_name(format));
    const ArchiveContents through_boost = read_archive(write_archive(original, format), "boost");
    EXPECT_EQ(binary, through_boost);
    for (std::size_t cadre = 0; cadre < binary.roster.cadres().size(); ++cadre) {
      const auto a = binary.roster.trainings_of_cadre(cadre);
      const auto b = through_boost.roster.trainings_of_cadre(cadre);
      EXPECT_TRUE(std::equal(a.begin(), a.end(), b.begin(), b.end())) << cadre;
    }
  }
  EXPECT_EQ(binary, original);
}

TEST(Columns, ForgedBinaryColumnsAreBlocks) {
  // A binary column is its values' bytes: the training kinds appear as one run of bytes.
  ForgedContents forged = forge(every_field());
  const std::string payload = archive_of(forged, ArchiveFormat::binary).substr(48);
  const std::vector<std::uint8_t>& kinds = forged.roster.trainings.kind;
  const std::string run(kinds.begin(), kinds.end());
  EXPECT_NE(payload.find(run), std::string::npos);
}

}  // namespace
}  // namespace cadreplan::io
