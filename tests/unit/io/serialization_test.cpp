#include "cadreplan/io/serialization.hpp"

#include <gtest/gtest.h>

#include <boost/archive/archive_exception.hpp>
#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <boost/archive/xml_iarchive.hpp>
#include <boost/archive/xml_oarchive.hpp>

#include <algorithm>
#include <cstddef>
#include <sstream>
#include <string>
#include <typeinfo>

namespace cadreplan::io {
namespace {

using boost::gregorian::date;
using boost::serialization::make_nvp;

// --- Rosters to round-trip -----------------------------------------------------------

model::RosterTables tables_with_every_field_set() {
  model::RosterTables tables;
  model::Unit district;
  district.id = model::UnitId("D01");
  district.name = "Huyện Trần Đề";
  district.kind = model::UnitKind::other;
  district.province = "Sóc Trăng";
  district.large_minority = false;
  district.minority = "Hoa";
  district.area = model::Area::plains;
  model::Unit commune;
  commune.id = model::UnitId("U01");
  commune.name = "Xã Đại Tâm";
  commune.kind = model::UnitKind::township;
  commune.parent_id = district.id;
  commune.province = "Sóc Trăng";
  commune.large_minority = true;
  commune.minority = "Khmer";
  commune.area = model::Area::disadvantaged;
  tables.units = {district, commune};

  model::Cadre cadre;
  cadre.id = model::CadreId("C001");
  cadre.full_name = "Thạch Thị Sà Rết";
  cadre.birth_date = date(1972, 2, 29);
  cadre.unit_id = commune.id;
  cadre.positions = {{model::Position::secretary, date(2010, 7, 1)},
                     {model::Position::chairman, date(2011, 1, 15)}};
  cadre.gender = model::Gender::female;
  cadre.ethnicity = "Khmer";
  cadre.party_joined = date(1995, 5, 19);
  cadre.general_education = model::GeneralEducation::upper_secondary;
  cadre.professional = {model::ProfessionalLevel::master, "Luật", model::StudyMode::bridging,
                        model::Funding::self, false};
  cadre.political_theory = model::PoliticalTheory::bachelor;
  cadre.state_management = model::StateManagement::senior_officer;
  tables.cadres = {cadre};

  model::TrainingRecord training;
  training.cadre_id = cadre.id;
  training.course = "BD-XDD \"nâng cao\", khóa 3";  // quotes and commas survive
  training.kind = model::TrainingKind::party_building;
  training.start_date = date(2012, 2, 28);
  training.end_date = date(2012, 3, 2);
  training.provider = "Trường Chính trị tỉnh";
  training.status = model::TrainingStatus::cancelled;
  training.result = "Giỏi\n(8.5)";  // a line break inside a text field
  training.funding = model::Funding::other;
  training.planned = true;
  training.cost = 12'500'000;
  tables.trainings = {training};

  tables.pools = {model::PoolEntry{
      commune.id, model::Position::council_chair, cadre.id,
      model::Term::from_congresses(date(2015, 4, 20), date(2020, 6, 3)), date(2015, 9, 1)}};
  tables.budgets = {model::BudgetLine{commune.id, 2014, 9'000'000'000'000LL, -1}};
  return tables;
}

// Every optional empty, every string empty that may be, every code at its first value.
model::RosterTables tables_with_every_optional_empty() {
  model::RosterTables tables;
  model::Unit unit;
  unit.id = model::UnitId("U");
  unit.kind = model::UnitKind::commune;
  tables.units = {unit};
  model::Cadre cadre;
  cadre.id = model::CadreId("C");
  cadre.birth_date = date(1960, 1, 1);
  cadre.unit_id = unit.id;
  cadre.positions = {{model::Position::secretary, std::nullopt}};
  tables.cadres = {cadre};
  model::TrainingRecord training;
  training.cadre_id = cadre.id;
  training.start_date = date(2013, 1, 1);
  training.end_date = date(2013, 1, 1);
  tables.trainings = {training};
  tables.pools = {model::PoolEntry{unit.id, model::Position::secretary, cadre.id,
                                   model::Term::from_years(2010, 2015), std::nullopt}};
  tables.budgets = {model::BudgetLine{unit.id, 2013, 0, std::nullopt}};
  return tables;
}

// One cadre per value of the longest code enum, each cadre taking the i-th value of every
// enum (wrapping around), so every code of every enum is written and read back once.
model::RosterTables tables_with_every_code() {
  model::RosterTables tables;
  constexpr std::size_t kCount = 7;  // ProfessionalLevel has the most codes
  for (std::size_t i = 0; i < kCount; ++i) {
    auto pick = [i](auto codes) { return codes[i % codes.size()]; };
    const std::string n = std::to_string(i);
    model::Unit unit;
    unit.id = model::UnitId("U" + n);
    unit.kind = pick(model::all_codes<model::UnitKind>());
    unit.area = pick(model::all_codes<model::Area>());
    tables.units.push_back(unit);
    model::Cadre cadre;
    cadre.id = model::CadreId("C" + n);
    cadre.birth_date = date(1970, 1, 1) + boost::gregorian::days(static_cast<long>(i));
    cadre.unit_id = unit.id;
    cadre.positions = {{pick(model::all_codes<model::Position>()), std::nullopt}};
    cadre.gender = pick(model::all_codes<model::Gender>());
    cadre.general_education = pick(model::all_codes<model::GeneralEducation>());
    cadre.professional.level = pick(model::all_codes<model::ProfessionalLevel>());
    cadre.professional.mode = pick(model::all_codes<model::StudyMode>());
    cadre.professional.funding = pick(model::all_codes<model::Funding>());
    cadre.political_theory = pick(model::all_codes<model::PoliticalTheory>());
    cadre.state_management = pick(model::all_codes<model::StateManagement>());
    tables.cadres.push_back(cadre);
    model::TrainingRecord training;
    training.cadre_id = cadre.id;
    training.kind = pick(model::all_codes<model::TrainingKind>());
    training.status = pick(model::all_codes<model::TrainingStatus>());
    training.start_date = date(2014, 1, 1);
    training.end_date = date(2014, 2, 1);
    tables.trainings.push_back(training);
  }
  return tables;
}

// --- Archive helpers -------------------------------------------------------------------

template <class OArchive, class T>
std::string save(const T& value) {
  std::ostringstream stream;
  {
    OArchive archive(stream);
    archive << make_nvp("value", value);
  }  // the XML archive closes its document in its destructor
  return stream.str();
}

// Loads a T from \p text into \p value (for types without a default constructor).
template <class IArchive, class T>
T load(const std::string& text, T value = T()) {
  std::istringstream stream(text);
  IArchive archive(stream);
  archive >> make_nvp("value", value);
  return value;
}

template <class OArchive, class IArchive>
struct Archives {
  using Out = OArchive;
  using In = IArchive;
};

using TextArchives = Archives<boost::archive::text_oarchive, boost::archive::text_iarchive>;
using XmlArchives = Archives<boost::archive::xml_oarchive, boost::archive::xml_iarchive>;
using BinaryArchives = Archives<boost::archive::binary_oarchive, boost::archive::binary_iarchive>;

// --- Round trips, for every kind of archive --------------------------------------------

template <class Kind>
class RoundTrip : public ::testing::Test {
 protected:
  static model::Roster round_trip(const model::Roster& roster) {
    return load<typename Kind::In, model::Roster>(save<typename Kind::Out>(roster));
  }
};

using ArchiveKinds = ::testing::Types<TextArchives, XmlArchives, BinaryArchives>;
TYPED_TEST_SUITE(RoundTrip, ArchiveKinds);

TYPED_TEST(RoundTrip, KeepsEveryFieldSet) {
  const auto original = model::Roster::build(tables_with_every_field_set());
  const auto loaded = this->round_trip(original);
  EXPECT_EQ(loaded, original);
  // The loaded roster is indexed, not only equal: lookups work on it.
  const auto* cadre = loaded.find_cadre(model::CadreId("C001"));
  ASSERT_NE(cadre, nullptr);
  EXPECT_EQ(cadre->full_name, "Thạch Thị Sà Rết");
  EXPECT_EQ(loaded.holders(model::Position::chairman, date(2012, 1, 1)).size(), 1U);
}

TYPED_TEST(RoundTrip, KeepsEveryOptionalEmpty) {
  const auto original = model::Roster::build(tables_with_every_optional_empty());
  const auto loaded = this->round_trip(original);
  EXPECT_EQ(loaded, original);
  const auto& cadre = loaded.cadres().front();
  EXPECT_FALSE(cadre.gender.has_value());
  EXPECT_FALSE(cadre.positions.front().since.has_value());
  EXPECT_FALSE(cadre.professional.planned.has_value());
  EXPECT_FALSE(loaded.budgets().front().spent_on_training.has_value());
}

TYPED_TEST(RoundTrip, KeepsEveryCode) {
  const auto original = model::Roster::build(tables_with_every_code());
  EXPECT_EQ(this->round_trip(original), original);
}

TYPED_TEST(RoundTrip, KeepsAnEmptyRoster) {
  const model::Roster empty;
  const auto loaded = this->round_trip(empty);
  EXPECT_EQ(loaded, empty);
  EXPECT_TRUE(loaded.cadres().empty());
}

TYPED_TEST(RoundTrip, KeepsABirthDateOnTheTwentyNinthOfFebruary) {
  model::Cadre cadre = tables_with_every_field_set().cadres.front();
  cadre.birth_date = date(2000, 2, 29);
  const auto loaded =
      load<typename TypeParam::In, model::Cadre>(save<typename TypeParam::Out>(cadre));
  EXPECT_EQ(loaded.birth_date, date(2000, 2, 29));
  EXPECT_EQ(loaded.age(date(2001, 2, 28)), 0);
  EXPECT_EQ(loaded.age(date(2001, 3, 1)), 1);
}

TYPED_TEST(RoundTrip, KeepsATermWithItsExactCongressDays) {
  const auto term = model::Term::from_congresses(date(2020, 8, 31), date(2025, 3, 1));
  const auto loaded = load<typename TypeParam::In>(save<typename TypeParam::Out>(term),
                                                   model::Term::from_years(2000, 2005));
  EXPECT_EQ(loaded, term);
  EXPECT_EQ(loaded.start(), date(2020, 8, 31));
  EXPECT_EQ(loaded.last_day(), date(2025, 2, 28));
  EXPECT_EQ(loaded.name(), "2020-2025");
}

TYPED_TEST(RoundTrip, KeepsAnIdAsItsText) {
  const model::UnitId id("Xã-01 \"A\"");
  const auto loaded =
      load<typename TypeParam::In, model::UnitId>(save<typename TypeParam::Out>(id));
  EXPECT_EQ(loaded, id);
}

// --- The format ------------------------------------------------------------------------

// The record layout: model::RosterTables, and model::Roster class version 0 (archive
// format version 1), which is its tables.
TEST(SerializationFormat, XmlNamesEveryMemberAndStoresCodesAsIntegers) {
  const auto xml = save<boost::archive::xml_oarchive>(tables_with_every_field_set());
  EXPECT_NE(xml.find("<birth_date"), std::string::npos);
  EXPECT_NE(xml.find("<date>19720229</date>"), std::string::npos);
  // Township is the third unit kind (0-based 2): the enum's order is the format.
  EXPECT_NE(xml.find("<kind>2</kind>"), std::string::npos);
  EXPECT_NE(xml.find("<political_theory"), std::string::npos);
  EXPECT_NE(xml.find("<has_value>1</has_value>"), std::string::npos);
  EXPECT_NE(xml.find("<congress_day"), std::string::npos);
}

// The columnar layout of model::Roster class version 1 (archive format version 2).
TEST(SerializationFormat, RosterIsWrittenInColumns) {
  const auto xml =
      save<boost::archive::xml_oarchive>(model::Roster::build(tables_with_every_field_set()));
  std::string compact = xml;  // without the indentation
  std::erase_if(compact, [](char c) { return c == '\n' || c == '\t'; });
  EXPECT_NE(xml.find("version=\"1\""), std::string::npos);
  EXPECT_NE(xml.find("<trainings>"), std::string::npos);
  // Township is the third unit kind (0-based 2), the district's kind other (4).
  EXPECT_NE(compact.find("<kind><item>4</item><item>2</item></kind>"), std::string::npos);
  // The course is a dictionary word; its records hold its index.
  EXPECT_NE(compact.find("<course><size>1</size>"), std::string::npos);
  // 1972-02-29 is day 208 977 after 1400-01-01.
  EXPECT_NE(compact.find("<birth_date><item>208977</item></birth_date>"), std::string::npos);
}

TEST(SerializationFormat, RequiredDatesAreNeverNotADateTime) {
  const auto xml =
      save<boost::archive::xml_oarchive>(model::Roster::build(tables_with_every_optional_empty()));
  EXPECT_EQ(xml.find("not-a-date-time"), std::string::npos);
}

TEST(SerializationFormat, SavingARequiredDateThatIsNotADateThrows) {
  model::Cadre cadre = tables_with_every_optional_empty().cadres.front();
  cadre.birth_date = date();  // not-a-date-time, the default
  EXPECT_THROW(save<boost::archive::text_oarchive>(cadre), ArchiveContentError);
  cadre.birth_date = date(boost::gregorian::pos_infin);
  EXPECT_THROW(save<boost::archive::binary_oarchive>(cadre), ArchiveContentError);
}

TEST(SerializationFormat, SavingAnOptionalDateThatIsNotADateThrows) {
  model::PositionHolding holding{model::Position::secretary, date()};
  EXPECT_THROW(save<boost::archive::xml_oarchive>(holding), ArchiveContentError);
}

TEST(SerializationFormat, SavingAnEnumOutsideItsCodesThrows) {
  model::Unit unit = tables_with_every_optional_empty().units.front();
  unit.kind = static_cast<model::UnitKind>(17);
  EXPECT_THROW(save<boost::archive::text_oarchive>(unit), ArchiveContentError);
}

// --- Malformed archives ----------------------------------------------------------------

// Replaces the first \p from in \p text by \p to, failing the test when it is absent.
std::string replace_first(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "'" << from << "' not in the archive";
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// The record layout, which format version 1 archives hold.
std::string roster_xml() {
  return save<boost::archive::xml_oarchive>(tables_with_every_field_set());
}

// The message of the ArchiveContentError loading \p xml as T throws ("" if none).
template <class T = model::RosterTables>
std::string content_error_of(const std::string& xml) {
  try {
    (void)load<boost::archive::xml_iarchive, T>(xml);
  } catch (const ArchiveContentError& error) {
    return error.what();
  }
  return {};
}

TEST(MalformedArchive, AnEnumOutOfRangeIsRejected) {
  const auto message =
      content_error_of(replace_first(roster_xml(), "<kind>2</kind>", "<kind>5</kind>"));
  EXPECT_NE(message.find("'kind'"), std::string::npos) << message;
  EXPECT_NE(message.find("5 is not a"), std::string::npos) << message;
  EXPECT_NE(message.find("valid: 0 to 4"), std::string::npos) << message;
}

TEST(MalformedArchive, ANegativeEnumIsRejected) {
  const auto xml = roster_xml();
  const auto at = xml.find("<value>4</value>", xml.find("<political_theory"));
  ASSERT_NE(at, std::string::npos);
  std::string broken = xml;
  broken.replace(at, 16, "<value>-1</value>");
  EXPECT_NE(content_error_of(broken).find("-1 is not a"), std::string::npos);
}

TEST(MalformedArchive, AFlagOtherThanZeroOrOneIsRejected) {
  const auto message = content_error_of(
      replace_first(roster_xml(), "<has_value>1</has_value>", "<has_value>2</has_value>"));
  EXPECT_NE(message.find("'has_value'"), std::string::npos) << message;
}

TEST(MalformedArchive, ARequiredDateThatIsNotADateIsRejected) {
  const auto message = content_error_of(
      replace_first(roster_xml(), "<date>19720229</date>", "<date>not-a-date-time</date>"));
  EXPECT_NE(message.find("'birth_date'"), std::string::npos) << message;
  EXPECT_NE(message.find("not-a-date-time"), std::string::npos) << message;
}

TEST(MalformedArchive, AnImpossibleDateIsRejected) {
  const auto message = content_error_of(
      replace_first(roster_xml(), "<date>19720229</date>", "<date>19730229</date>"));
  EXPECT_NE(message.find("'birth_date'"), std::string::npos) << message;
  EXPECT_FALSE(content_error_of(
                   replace_first(roster_xml(), "<date>19720229</date>", "<date>yesterday</date>"))
                   .empty());
}

TEST(MalformedArchive, ATermEndingBeforeItStartsIsRejected) {
  const auto message = content_error_of(
      replace_first(roster_xml(), "<date>20200603</date>", "<date>20100603</date>"));
  EXPECT_NE(message.find("'next_congress_day'"), std::string::npos) << message;
}

TEST(MalformedArchive, ARosterBreakingAnIntegrityRuleIsRejected) {
  // Two units with one id: Roster::build refuses it on load.
  const auto xml =
      save<boost::archive::xml_oarchive>(model::Roster::build(tables_with_every_field_set()));
  const auto message =
      content_error_of<model::Roster>(replace_first(xml, "<item>D01</item>", "<item>U01</item>"));
  EXPECT_NE(message.find("duplicate unit id 'U01'"), std::string::npos) << message;
}

TEST(MalformedArchive, ARowOutOfRangeIsRejected) {
  const auto xml =
      save<boost::archive::xml_oarchive>(model::Roster::build(tables_with_every_field_set()));
  // The training's cadre, a row number: the first item of the trainings' cadre column.
  const auto at = xml.find("<item>0</item>", xml.find("<cadre>", xml.find("<trainings>")));
  ASSERT_NE(at, std::string::npos);
  std::string broken = xml;
  broken.replace(at, 14, "<item>7</item>");
  const auto message = content_error_of<model::Roster>(broken);
  EXPECT_NE(message.find("'trainings.cadre[0]': row 7 is not in cadres (1 record)"),
            std::string::npos)
      << message;
}

TEST(MalformedArchive, AClassVersionFromTheFutureIsRejected) {
  // The roster is the first class in the archive; its version attribute comes first.
  const auto xml = replace_first(
      save<boost::archive::xml_oarchive>(model::Roster::build(tables_with_every_field_set())),
      "version=\"1\"", "version=\"9\"");
  EXPECT_THROW((void)(load<boost::archive::xml_iarchive, model::Roster>(xml)),
               boost::archive::archive_exception);
}

TEST(MalformedArchive, EveryTruncationOfATextArchiveThrows) {
  const auto text =
      save<boost::archive::text_oarchive>(model::Roster::build(tables_with_every_field_set()));
  // Trailing white space carries nothing; cutting anything else must be noticed.
  const auto content_end = text.find_last_not_of(" \n") + 1;
  for (std::size_t length = 0; length < content_end; ++length) {
    EXPECT_ANY_THROW(
        (void)(load<boost::archive::text_iarchive, model::Roster>(text.substr(0, length))))
        << "truncated at " << length << " of " << text.size();
  }
}

TEST(MalformedArchive, EveryTruncationOfABinaryArchiveThrows) {
  const auto bytes =
      save<boost::archive::binary_oarchive>(model::Roster::build(tables_with_every_field_set()));
  for (std::size_t length = 0; length < bytes.size(); ++length) {
    EXPECT_ANY_THROW(
        (void)(load<boost::archive::binary_iarchive, model::Roster>(bytes.substr(0, length))))
        << "truncated at " << length << " of " << bytes.size();
  }
}

TEST(MalformedArchive, AHugeCountFailsAtTheEndOfTheStreamInsteadOfAllocating) {
  const auto xml = save<boost::archive::xml_oarchive>(model::RosterTables());
  // Five empty tables; claim a vast first one.
  const auto broken = replace_first(xml, "<count>0</count>", "<count>1000000000000000</count>");
  EXPECT_THROW((void)(load<boost::archive::xml_iarchive, model::RosterTables>(broken)),
               boost::archive::archive_exception);
}

TEST(MalformedArchive, AHugeColumnIsRefusedBeforeAllocating) {
  // Boost's own archives set no bound: the columns get detail::default_max_column_values.
  const auto xml = save<boost::archive::xml_oarchive>(model::Roster());
  const auto broken = replace_first(xml, "<count>0</count>", "<count>1000000000000000</count>");
  EXPECT_NE(content_error_of<model::Roster>(broken).find("more than 16777216"), std::string::npos);
}

}  // namespace
}  // namespace cadreplan::io
