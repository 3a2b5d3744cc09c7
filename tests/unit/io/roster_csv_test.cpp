#include "cadreplan/io/roster_csv.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "cadreplan/io/csv_table.hpp"
#include "cadreplan/model/code.hpp"

namespace cadreplan::io {
namespace {

namespace fs = std::filesystem;
using boost::gregorian::date;

const fs::path kData = CADREPLAN_TEST_DATA_DIR;

fs::path scratch_folder(const std::string& suffix = {}) {
  const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
  auto folder = fs::temp_directory_path() / (std::string("cadreplan-roster-") +
                                             test->test_suite_name() + "-" + test->name() + suffix);
  fs::remove_all(folder);
  fs::create_directories(folder);
  return folder;
}

void write_file(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Every error of the ParseError \p load throws (fails the test if none is thrown).
template <class Load>
std::vector<Diagnostic> errors_of(Load&& load) {
  try {
    load();
  } catch (const ParseError& error) {
    return error.diagnostics();
  }
  ADD_FAILURE() << "no ParseError was thrown";
  return {};
}

const model::Cadre& cadre(const model::Roster& roster, const char* id) {
  const model::Cadre* found = roster.find_cadre(model::CadreId(id));
  if (found == nullptr) throw std::logic_error(std::string("no cadre ") + id);
  return *found;
}

const model::Unit& unit(const model::Roster& roster, const char* id) {
  const model::Unit* found = roster.find_unit(model::UnitId(id));
  if (found == nullptr) throw std::logic_error(std::string("no unit ") + id);
  return *found;
}

// --- the small valid roster ------------------------------------------------------

TEST(LoadRosterCsv, ReadsEveryTableOfTheSmallRoster) {
  const CsvLoadResult result = load_roster_csv(kData / "roster-small");
  const model::Roster& roster = result.roster;
  EXPECT_EQ(roster.units().size(), 8u);  // the blank line and the `,,,` row are skipped
  EXPECT_EQ(roster.cadres().size(), 6u);
  EXPECT_EQ(roster.trainings().size(), 4u);
  EXPECT_EQ(roster.pools().size(), 3u);
  EXPECT_EQ(roster.budgets().size(), 3u);
}

TEST(LoadRosterCsv, ReadsUnitsWithShuffledColumnsAndVietnameseCodes) {
  const model::Roster roster = load_roster_csv(kData / "roster-small").roster;
  const model::Unit& commune = unit(roster, "X1");
  EXPECT_EQ(commune.name, "Xã Mỹ Hương");
  EXPECT_EQ(commune.kind, model::UnitKind::commune);
  EXPECT_EQ(commune.parent_id, model::UnitId("H1"));
  EXPECT_EQ(commune.large_minority, true);
  EXPECT_EQ(commune.minority, "Khmer");
  EXPECT_EQ(commune.area, model::Area::plains);
  EXPECT_EQ(unit(roster, "P1").name, "Phường 1, TP Sóc Trăng");
  EXPECT_EQ(unit(roster, "P1").kind, model::UnitKind::ward);
  EXPECT_EQ(unit(roster, "P1").large_minority, false);
  EXPECT_EQ(unit(roster, "TT1").kind, model::UnitKind::township);
  EXPECT_EQ(unit(roster, "TT1").area, model::Area::disadvantaged);
  EXPECT_EQ(unit(roster, "X3").name, "Xã Thạnh Phú");            // quoted spaces trimmed
  EXPECT_EQ(unit(roster, "X3").parent_id, model::UnitId("H2"));  // listed after its child
  EXPECT_EQ(unit(roster, "T").large_minority, std::nullopt);     // empty: unknown
  EXPECT_EQ(unit(roster, "T").area, std::nullopt);
}

TEST(LoadRosterCsv, ReadsCadresInEverySpelling) {
  const model::Roster roster = load_roster_csv(kData / "roster-small").roster;
  const model::Cadre& an = cadre(roster, "C001");
  const std::vector<model::PositionHolding> an_holds{{model::Position::secretary, date(2010, 7, 1)},
                                                     {model::Position::chairman, date(2010, 7, 1)}};
  EXPECT_EQ(an.positions, an_holds);
  EXPECT_EQ(an.birth_date, date(1965, 3, 4));
  EXPECT_EQ(an.party_joined, date(1990, 5, 15));
  EXPECT_EQ(an.gender, model::Gender::male);
  EXPECT_EQ(an.general_education, model::GeneralEducation::upper_secondary);
  EXPECT_EQ(an.professional.level, model::ProfessionalLevel::university);
  EXPECT_EQ(an.professional.mode, model::StudyMode::full_time);
  EXPECT_EQ(an.professional.funding, model::Funding::state);
  EXPECT_EQ(an.professional.planned, true);
  EXPECT_EQ(an.political_theory, model::PoliticalTheory::advanced);
  EXPECT_EQ(an.state_management, model::StateManagement::officer);

  const model::Cadre& phol = cadre(roster, "C002");
  EXPECT_EQ(phol.full_name, "Thạch Sô Phol");  // NFD in the file, NFC in the roster
  EXPECT_EQ(phol.birth_date, date(1972, 2, 29));
  EXPECT_EQ(phol.professional.level, model::ProfessionalLevel::college);
  EXPECT_EQ(phol.professional.funding, model::Funding::self);
  EXPECT_EQ(phol.political_theory, model::PoliticalTheory::intermediate);
  EXPECT_EQ(phol.state_management, std::nullopt);

  const model::Cadre& hai = cadre(roster, "C003");
  EXPECT_EQ(hai.full_name, "Lâm Thị \"Bé\" Hai");
  EXPECT_EQ(hai.professional.field, "Kế toán\ndoanh nghiệp");
  EXPECT_EQ(hai.positions.front().since, std::nullopt);  // no position_since: always
  EXPECT_EQ(hai.general_education, model::GeneralEducation::lower_secondary);
  EXPECT_EQ(hai.political_theory, model::PoliticalTheory::bachelor);

  const model::Cadre& ba = cadre(roster, "C004");
  EXPECT_EQ(ba.full_name, "Trần, Văn Ba");
  EXPECT_EQ(ba.birth_date, date(1980, 6, 5));  // 5/6/1980 is day first
  ASSERT_EQ(ba.positions.size(), 2u);
  EXPECT_EQ(ba.positions[0].since, date(2011, 1, 15));
  EXPECT_EQ(ba.positions[1].since, date(2012, 3, 1));

  EXPECT_EQ(cadre(roster, "C005").positions.front().position, model::Position::chairman);
  EXPECT_EQ(cadre(roster, "C005").gender, model::Gender::female);
  EXPECT_TRUE(cadre(roster, "C006").positions.empty());  // `không`
  EXPECT_EQ(cadre(roster, "C006").gender, std::nullopt);
}

TEST(LoadRosterCsv, ReadsTrainingsPoolsAndBudgets) {
  const model::Roster roster = load_roster_csv(kData / "roster-small").roster;
  const model::TrainingRecord& refresher = roster.trainings()[0];
  EXPECT_EQ(refresher.kind, model::TrainingKind::party_building);
  EXPECT_EQ(refresher.start_date, date(2012, 3, 5));
  EXPECT_EQ(refresher.status, model::TrainingStatus::completed);
  EXPECT_EQ(refresher.cost, 1'500'000);
  EXPECT_EQ(refresher.planned, true);
  EXPECT_EQ(roster.trainings()[1].cost, 12'000'000);
  EXPECT_EQ(roster.trainings()[2].cost, std::nullopt);
  EXPECT_EQ(roster.trainings()[3].status, model::TrainingStatus::planned);

  EXPECT_EQ(roster.pools()[0].position, model::Position::secretary);
  EXPECT_EQ(roster.pools()[1].term, model::Term::from_years(2015, 2020));  // en dash
  EXPECT_EQ(roster.pools()[2].added_on, date(2013, 6, 15));

  EXPECT_EQ(roster.budgets()[0].allocated, 20'000'000);
  EXPECT_EQ(roster.budgets()[0].spent_on_training, 18'500'000);
  EXPECT_EQ(roster.budgets()[1].allocated, 15'000'000);
  EXPECT_EQ(roster.budgets()[1].spent_on_training, std::nullopt);
}

TEST(LoadRosterCsv, WarnsOfAnUnknownColumn) {
  const CsvLoadResult result = load_roster_csv(kData / "roster-small");
  ASSERT_EQ(result.warnings.size(), 1u);
  const Diagnostic& warning = result.warnings.front();
  EXPECT_EQ(warning.severity, DiagnosticSeverity::warning);
  EXPECT_EQ(warning.file, (kData / "roster-small" / "cadres.csv").string());
  EXPECT_EQ(warning.line, 1u);
  EXPECT_EQ(warning.column, "ghi_chu");
}

// --- saving ----------------------------------------------------------------------

TEST(SaveRosterCsv, RoundTripsTheSmallRoster) {
  const model::Roster original = load_roster_csv(kData / "roster-small").roster;
  const fs::path folder = scratch_folder();
  save_roster_csv(original, folder);
  const CsvLoadResult reloaded = load_roster_csv(folder);
  EXPECT_EQ(reloaded.roster, original);
  EXPECT_TRUE(reloaded.warnings.empty());
}

TEST(SaveRosterCsv, WritesCanonicalFilesAndLeavesNoTemporaries) {
  const fs::path folder = scratch_folder();
  save_roster_csv(load_roster_csv(kData / "roster-small").roster, folder);
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"budgets.csv", "cadres.csv", "pools.csv",
                                             "trainings.csv", "units.csv"}));

  const CsvTable cadres = read_csv_table(folder / "cadres.csv");
  EXPECT_EQ(cadres.header.front(), "id");
  EXPECT_EQ(cadres.header.size(), 17u);  // every optional column, even when empty
  EXPECT_EQ(cadres.header.back(), "position_since");
  const auto& an = cadres.rows.front().cells;
  EXPECT_EQ(an[*cadres.find_column("positions")], "secretary;chairman");
  EXPECT_EQ(an[*cadres.find_column("position_since")], "2010-07-01");
  EXPECT_EQ(an[*cadres.find_column("general_education")], "upper_secondary");
  EXPECT_EQ(an[*cadres.find_column("professional_planned")], "true");
  EXPECT_EQ(cadres.rows[5].cells[*cadres.find_column("positions")], "none");
  EXPECT_EQ(cadres.rows[5].cells[*cadres.find_column("gender")], "");

  const std::string units = read_file(folder / "units.csv");
  EXPECT_TRUE(units.starts_with(
      "id,name,kind,parent_id,province,large_minority,minority,area\nT,Tỉnh Sóc Trăng,other,"))
      << units;
  EXPECT_EQ(units.find('\r'), std::string::npos);  // LF line ends
  EXPECT_NE(read_file(folder / "trainings.csv").find(",2012-03-05,2012-03-09,"), std::string::npos);
}

TEST(SaveRosterCsv, ReplacesAnExistingRoster) {
  const fs::path folder = scratch_folder();
  write_file(folder / "cadres.csv", "stale content\n");
  save_roster_csv(load_roster_csv(kData / "roster-small").roster, folder);
  EXPECT_EQ(load_roster_csv(folder).roster.cadres().size(), 6u);
}

model::RosterTables awkward_tables() {
  model::RosterTables tables;
  model::Unit parent;
  parent.id = model::UnitId("U,1");
  parent.name = "Huyện \"Mỹ Tú\", tỉnh Sóc Trăng";
  parent.kind = model::UnitKind::other;
  model::Unit commune;
  commune.id = model::UnitId("U\"2");
  commune.name = "Xã\nhai dòng";
  commune.kind = model::UnitKind::special_zone;
  commune.parent_id = parent.id;
  commune.province = "Sóc Trăng";
  commune.large_minority = false;
  commune.area = model::Area::mountainous;
  tables.units = {parent, commune};

  model::Cadre person;
  person.id = model::CadreId("C 1");
  person.full_name = "Nguyễn, \"Út\"\r\nVăn";
  person.birth_date = date(1960, 2, 29);
  person.unit_id = commune.id;
  person.positions = {{model::Position::secretary, date(2010, 7, 1)},
                      {model::Position::chairman, std::nullopt}};
  person.gender = model::Gender::female;
  person.ethnicity = "Khmer";
  person.professional = {model::ProfessionalLevel::none, "a,b;c", model::StudyMode::bridging,
                         model::Funding::other, false};
  person.political_theory = model::PoliticalTheory::none;
  model::Cadre nobody;
  nobody.id = model::CadreId("C2");
  nobody.full_name = "Lý";
  nobody.birth_date = date(1999, 12, 31);
  nobody.unit_id = parent.id;
  tables.cadres = {person, nobody};

  model::TrainingRecord training;
  training.cadre_id = person.id;
  training.course = "LLCT, \"cao cấp\"";
  training.kind = model::TrainingKind::political_theory;
  training.start_date = date(2012, 1, 1);
  training.end_date = date(2012, 1, 1);
  training.result = "8,5";
  training.cost = 0;
  training.status = model::TrainingStatus::cancelled;
  tables.trainings = {training};
  tables.pools = {model::PoolEntry{commune.id, model::Position::council_chair, nobody.id,
                                   model::Term::from_years(2020, 2025), date(2020, 1, 2)}};
  tables.budgets = {model::BudgetLine{commune.id, 2020, 9'000'000'000'000'000'000, 0}};
  return tables;
}

TEST(SaveRosterCsv, RoundTripsAwkwardValues) {
  const model::Roster original = model::Roster::build(awkward_tables());
  const fs::path folder = scratch_folder();
  save_roster_csv(original, folder);
  const model::Roster reloaded = load_roster_csv(folder).roster;
  EXPECT_EQ(reloaded.tables().units, original.tables().units);
  EXPECT_EQ(reloaded.tables().cadres, original.tables().cadres);
  EXPECT_EQ(reloaded, original);
}

TEST(LoadRosterCsv, InternsVocabularyComposedSoBothSpellingsAreOneWord) {
  // The same provider, field and ethnicity written decomposed (NFD) on one row and
  // composed on the next: interned after composing, they are one string, one identity.
  const fs::path folder = scratch_folder();
  write_file(folder / "units.csv", "id,name,kind\nX1,Xã Một,commune\n");
  write_file(folder / "cadres.csv",
             "id,full_name,birth_date,unit_id,positions,ethnicity,professional_field\n"
             "C1,An,1970-01-01,X1,secretary,Kho\xCC\x9B" " Me,Lua\xCC\xA3\xCC\x82" "t\n"
             "C2,Ba,1971-01-01,X1,chairman,Khơ Me,Luật\n");
  write_file(folder / "trainings.csv",
             "cadre_id,course,kind,start_date,end_date,provider,result\n"
             "C1,BD,party_building,2012-01-01,2012-01-02,Tru\xCC\x9B" "o\xCC\x9B\xCC\x80" "ng,"
             "\xC4\x90" "a\xCC\xA3" "t\n"
             "C2,BD,party_building,2012-01-01,2012-01-02,Trường,Đạt\n");
  const model::Roster roster = load_roster_csv(folder).roster;
  const auto& cadres = roster.cadres();
  const auto& trainings = roster.trainings();
  EXPECT_EQ(cadres[0].ethnicity, "Khơ Me");
  EXPECT_EQ(cadres[0].ethnicity.identity(), cadres[1].ethnicity.identity());
  EXPECT_EQ(cadres[0].professional.field, "Luật");
  EXPECT_EQ(cadres[0].professional.field.identity(), cadres[1].professional.field.identity());
  EXPECT_EQ(trainings[0].provider, "Trường");
  EXPECT_EQ(trainings[0].provider.identity(), trainings[1].provider.identity());
  EXPECT_EQ(trainings[0].result.identity(), trainings[1].result.identity());
  EXPECT_EQ(trainings[0].course.identity(), trainings[1].course.identity());
}

TEST(LoadRosterCsv, StoresDecomposedTextComposed) {
  const fs::path folder = scratch_folder();
  // "Xã Mỹ Hương" and "Nguyễn Thị Ánh" with every mark as a combining character (NFD).
  write_file(folder / "units.csv",
             "id,name,kind,province\nX1,Xa\xCC\x83 My\xCC\x83 Hu\xCC\x9Bo\xCC\x9Bng,"
             "xa\xCC\x83,So\xCC\x81\x63 Tra\xCC\x86ng\n");
  write_file(
      folder / "cadres.csv",
      "id,full_name,birth_date,unit_id,positions\n"
      "C1,Nguye\xCC\x82\xCC\x83n Thi\xCC\xA3 A\xCC\x81nh,1970-01-01,X1,bi\xCC\x81 thu\xCC\x9B\n");
  const model::Roster roster = load_roster_csv(folder).roster;
  EXPECT_EQ(roster.units()[0].name, "Xã Mỹ Hương");
  EXPECT_EQ(roster.units()[0].province, "Sóc Trăng");
  EXPECT_EQ(roster.units()[0].kind, model::UnitKind::commune);
  EXPECT_EQ(roster.cadres()[0].full_name, "Nguyễn Thị Ánh");
  EXPECT_EQ(roster.cadres()[0].positions.front().position, model::Position::secretary);

  const fs::path copy = scratch_folder("-copy");
  save_roster_csv(roster, copy);
  EXPECT_NE(read_file(copy / "units.csv").find("Xã Mỹ Hương"), std::string::npos);
  EXPECT_EQ(load_roster_csv(copy).roster, roster);
}

// --- errors ----------------------------------------------------------------------

void write_minimal_roster(const fs::path& folder) {
  write_file(folder / "units.csv", "id,name,kind\nX1,Xã Một,commune\nX2,Xã Hai,commune\n");
  write_file(folder / "cadres.csv",
             "id,full_name,birth_date,unit_id,positions\n"
             "C1,An,1970-01-01,X1,secretary\n"
             "C2,Ba,1971-01-01,X2,secretary\n");
}

// Pool entries and budget lines that repeat one before, and some that differ from it in
// one field only.
void write_repeating_pools_and_budgets(const fs::path& folder) {
  write_file(folder / "pools.csv",
             "unit_id,position,cadre_id,term\n"
             "X1,secretary,C1,2020-2025\n"
             "X1,secretary,C1,2025-2030\n"
             "X1,chairman,C1,2020-2025\n"
             "X1,secretary,C2,2020-2025\n"
             "X2,secretary,C1,2020-2025\n"
             "X1,bí thư,C1,2020 - 2025\n"
             "X2,secretary,C1,2020-2025\n");
  write_file(folder / "budgets.csv",
             "unit_id,year,allocated\n"
             "X1,2024,1000\nX1,2025,1000\nX2,2024,1000\nX1,2024,2000\nX2,2024,5\n");
}

// What loading write_repeating_pools_and_budgets() reports, sorted.
const std::vector<std::string> kRepeats{
    "budgets.csv:5:year: unit 'X1' already has a budget line for 2024 (first on line 2)",
    "budgets.csv:6:year: unit 'X2' already has a budget line for 2024 (first on line 4)",
    "pools.csv:7:cadre_id: cadre 'C1' is already in the secretary pool of unit 'X1' for "
    "2020-2025 (first on line 2)",
    "pools.csv:8:cadre_id: cadre 'C1' is already in the secretary pool of unit 'X2' for "
    "2020-2025 (first on line 6)",
};

// Each diagnostic as `file:line:column: message`, the file without its folder.
std::vector<std::string> messages_of(const std::vector<Diagnostic>& errors) {
  std::vector<std::string> messages;
  for (const auto& error : errors) {
    messages.push_back(fs::path(error.file).filename().string() + ":" +
                       std::to_string(error.line) + ":" + error.column + ": " + error.message);
  }
  return messages;
}

TEST(LoadRosterCsv, ReportsRepeatedPoolEntriesAndBudgetLinesWithTheirFirstLine) {
  const fs::path folder = scratch_folder();
  write_minimal_roster(folder);
  write_repeating_pools_and_budgets(folder);
  CsvLoadOptions options;
  options.keep_going = true;
  const auto errors = errors_of([&] { (void)load_roster_csv(folder, options); });
  EXPECT_EQ(messages_of(errors), kRepeats);
}

TEST(LoadRosterCsv, ReportsRepeatsAlsoWhenTheIdsCannotBeResolved) {
  // units.csv and cadres.csv are not read completely: ids are not resolved to rows, and
  // repeats are found by their text.
  const fs::path folder = scratch_folder();
  write_minimal_roster(folder);
  write_file(folder / "units.csv", "id,name,kind\nX1,Xã Một,commune\nX2,Xã Hai,commune\nX3,\"x\n");
  write_file(folder / "cadres.csv",
             "id,full_name,birth_date,unit_id,positions\n"
             "C1,An,1970-01-01,X1,secretary\nC2,Ba,1971-01-01,X2,secretary\nC3,\"x\n");
  write_repeating_pools_and_budgets(folder);
  CsvLoadOptions options;
  options.keep_going = true;
  const auto messages = messages_of(errors_of([&] { (void)load_roster_csv(folder, options); }));
  for (const std::string& message : kRepeats) {
    EXPECT_NE(std::find(messages.begin(), messages.end(), message), messages.end()) << message;
  }
  EXPECT_EQ(messages.size(), kRepeats.size() + 2);  // and the two unterminated quotes
}

TEST(LoadRosterCsv, ParsesARepeatedDateOnceAndReportsARepeatedBadDateEachTime) {
  // Dates are remembered by their text once parsed: a bad one never is.
  const fs::path folder = scratch_folder();
  write_minimal_roster(folder);
  write_file(folder / "trainings.csv",
             "cadre_id,course,kind,start_date,end_date\n"
             "C1,BD,skills,2012-01-01,2012-01-02\n"
             "C1,BD,skills,2012-02-30,2012-01-02\n"
             "C2,BD,skills,2012-01-01,02/01/2012\n"
             "C2,BD,skills,2012-02-30,2012-01-02\n");
  CsvLoadOptions options;
  options.keep_going = true;
  const auto messages = messages_of(errors_of([&] { (void)load_roster_csv(folder, options); }));
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[0], "trainings.csv:3:start_date: impossible date '2012-02-30' (February "
                         "2012 has 29 days)");
  EXPECT_EQ(messages[1].substr(0, 16), "trainings.csv:5:");
  EXPECT_EQ(messages[1].substr(16), messages[0].substr(16));
  write_file(folder / "trainings.csv",
             "cadre_id,course,kind,start_date,end_date\n"
             "C1,BD,skills,2012-01-01,2012-01-02\n"
             "C2,BD,skills,2012-01-01,02/01/2012\n");
  const model::Roster roster = load_roster_csv(folder).roster;
  ASSERT_EQ(roster.trainings().size(), 2u);
  for (const auto& training : roster.trainings()) {
    EXPECT_EQ(training.start_date, date(2012, 1, 1));
    EXPECT_EQ(training.end_date, date(2012, 1, 2));
  }
}

TEST(LoadRosterCsv, TreatsMissingOptionalFilesAsEmptyTables) {
  const fs::path folder = scratch_folder();
  write_minimal_roster(folder);
  const model::Roster roster = load_roster_csv(folder).roster;
  EXPECT_EQ(roster.cadres().size(), 2u);
  EXPECT_TRUE(roster.trainings().empty());
  EXPECT_TRUE(roster.pools().empty());
  EXPECT_TRUE(roster.budgets().empty());
}

TEST(LoadRosterCsv, NamesAMissingRequiredFileByItsPath) {
  const fs::path folder = scratch_folder();
  write_minimal_roster(folder);
  fs::remove(folder / "cadres.csv");
  const auto errors = errors_of([&] { (void)load_roster_csv(folder); });
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].file, (folder / "cadres.csv").string());
  EXPECT_EQ(errors[0].to_string(),
            (folder / "cadres.csv").string() + ": error: required file is missing");
}

TEST(LoadRosterCsv, AFolderNameTheSystemRefusesIsADiagnosticNotAThrow) {
  // A name longer than the system allows made std::filesystem throw filesystem_error.
  const fs::path folder = scratch_folder() / std::string(5000, 'r');
  const auto errors = errors_of([&] { (void)load_roster_csv(folder); });
  ASSERT_FALSE(errors.empty());
  EXPECT_EQ(errors[0].file, (folder / "units.csv").string());
  EXPECT_NE(errors[0].message.find("cannot read the file: "), std::string::npos) << errors[0].message;
}

TEST(LoadRosterCsv, NamesTheFileAsGivenJoinedWithItsName) {
  const fs::path folder = scratch_folder();
  write_minimal_roster(folder);
  write_file(folder / "cadres.csv",
             "id,full_name,birth_date,unit_id,positions\nC1,An,x,X1,secretary\n");
  const fs::path relative = fs::relative(folder, fs::current_path());
  const auto errors = errors_of([&] { (void)load_roster_csv(relative); });
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].file, (relative / "cadres.csv").string());
}

TEST(LoadRosterCsv, StopsAtTheFirstErrorWithoutKeepGoing) {
  const fs::path folder = scratch_folder();
  write_minimal_roster(folder);
  write_file(folder / "cadres.csv",
             "id,full_name,birth_date,unit_id,positions\n"
             "C1,An,1970-02-30,X1,secretary\n"
             "C2,Ba,1971-01-01,X9,boss\n");
  const auto errors = errors_of([&] { (void)load_roster_csv(folder); });
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].line, 2u);
  EXPECT_EQ(errors[0].column, "birth_date");
}

TEST(LoadRosterCsv, KeepGoingCollectsEveryErrorOfEveryFileSorted) {
  const fs::path folder = scratch_folder();
  write_file(folder / "units.csv",
             "id,name,kind,parent_id\n"
             "X1,Xã Một,commune,\n"
             "X2,Xã Hai,hamlet,X0\n"  // two errors in one row
             "X1,Xã Ba,commune,\n");  // a duplicate id
  write_file(folder / "cadres.csv",
             "id,full_name,birth_date,unit_id,positions\n"
             "C1,An,1970-02-30,X1,secretary\n"
             "C2,Ba,1971-01-01,X9,secretary\n"
             "C3,Cúc,1971-01-01,X2\n"            // too few cells
             "C4,Dũng,1972-01-01,X1,bí thư\n");  // fine
  write_file(folder / "trainings.csv",
             "cadre_id,course,kind,start_date,end_date\n"
             "C9,BD,party_building,2012-01-01,2012-01-02\n");
  CsvLoadOptions options;
  options.keep_going = true;
  const auto errors = errors_of([&] { (void)load_roster_csv(folder, options); });

  std::vector<std::tuple<std::string, std::size_t, std::string>> where;
  for (const auto& error : errors) {
    where.emplace_back(fs::path(error.file).filename().string(), error.line, error.column);
  }
  const std::vector<std::tuple<std::string, std::size_t, std::string>> expected{
      {"cadres.csv", 2, "birth_date"},  {"cadres.csv", 3, "unit_id"}, {"cadres.csv", 4, ""},
      {"trainings.csv", 2, "cadre_id"}, {"units.csv", 3, "kind"},     {"units.csv", 3, "parent_id"},
      {"units.csv", 4, "id"},
  };
  EXPECT_EQ(where, expected);
  EXPECT_NE(errors.back().message.find("first on line 2"), std::string::npos);
}

TEST(LoadRosterCsv, KeepGoingReportsEveryRowNamingAnUnknownCadreEvenInARun) {
  // The loader skips the lookup of a cadre id found on the previous row; an unknown id
  // must still be reported on every row, and a known one after it still accepted.
  const fs::path folder = scratch_folder();
  write_file(folder / "units.csv", "id,name,kind,parent_id\nX1,Xã Một,commune,\n");
  write_file(folder / "cadres.csv",
             "id,full_name,birth_date,unit_id,positions\n"
             "C1,An,1970-01-01,X1,secretary\n");
  write_file(folder / "trainings.csv",
             "cadre_id,course,kind,start_date,end_date\n"
             "C1,BD,party_building,2012-01-01,2012-01-02\n"
             "C9,BD,party_building,2012-01-01,2012-01-02\n"
             "C9,BD,party_building,2013-01-01,2013-01-02\n"
             "C1,BD,party_building,2014-01-01,2014-01-02\n"
             "C1,BD,party_building,2015-01-01,2015-01-02\n"
             "C8,BD,party_building,2015-01-01,2015-01-02\n");
  CsvLoadOptions options;
  options.keep_going = true;
  const auto errors = errors_of([&] { (void)load_roster_csv(folder, options); });
  std::vector<std::size_t> lines;
  for (const auto& error : errors) lines.push_back(error.line);
  EXPECT_EQ(lines, (std::vector<std::size_t>{3, 4, 7}));
}

TEST(LoadRosterCsv, KeepGoingDoesNotCheckReferencesIntoABrokenFile) {
  const fs::path folder = scratch_folder();
  write_minimal_roster(folder);
  write_file(folder / "cadres.csv",
             "id,full_name,birth_date,unit_id,positions\n"
             "C1,\"An,1970-01-01,X1,secretary\n"
             "C2,Ba,1971-01-01,X2,secretary\n");
  write_file(folder / "trainings.csv",
             "cadre_id,course,kind,start_date,end_date\nC2,BD,skills,2012-01-01,2012-01-02\n");
  CsvLoadOptions options;
  options.keep_going = true;
  const auto errors = errors_of([&] { (void)load_roster_csv(folder, options); });
  ASSERT_EQ(errors.size(), 1u);  // not also "unknown cadre 'C2'" in trainings.csv
  EXPECT_NE(errors[0].message.find("unterminated"), std::string::npos);
}

// --- the malformed corpus: each case's first error, located -----------------------

std::vector<std::string> malformed_cases() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kData / "malformed")) {
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

class MalformedRoster : public ::testing::TestWithParam<std::string> {};

TEST_P(MalformedRoster, FailsAtTheExpectedPlace) {
  const fs::path folder = kData / "malformed" / GetParam();
  std::istringstream expected(read_file(folder / "expected.txt"));
  std::string location;
  std::string message;
  std::getline(expected, location);
  std::getline(expected, message);
  // expected.txt: `FILE[:LINE[:COLUMN]]` relative to the case's folder, then a part of
  // the message.
  const std::size_t colon = location.find(':');
  const std::string prefix = (folder / location.substr(0, colon)).string() +
                             (colon == std::string::npos ? "" : location.substr(colon)) +
                             ": error: ";
  for (const bool keep_going : {false, true}) {
    CsvLoadOptions options;
    options.keep_going = keep_going;
    const auto errors = errors_of([&] { (void)load_roster_csv(folder, options); });
    ASSERT_FALSE(errors.empty());
    const std::string first = errors.front().to_string();
    EXPECT_EQ(first.substr(0, prefix.size()), prefix) << first;
    EXPECT_NE(first.find(message), std::string::npos) << first << "\nwanted: " << message;
  }
}

INSTANTIATE_TEST_SUITE_P(Corpus, MalformedRoster, ::testing::ValuesIn(malformed_cases()),
                         [](const ::testing::TestParamInfo<std::string>& case_info) {
                           std::string name = case_info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

// --- the loader's own indices and shortcuts ----------------------------------------

// Every index of \p loaded, compared with those Roster::build makes from the same tables.
void expect_indexed_as_built(const model::Roster& loaded) {
  const model::Roster built = model::Roster::build(loaded.tables());
  ASSERT_EQ(loaded, built);
  for (std::size_t i = 0; i < built.units().size(); ++i) {
    EXPECT_EQ(loaded.unit_index(built.units()[i].id), static_cast<std::ptrdiff_t>(i));
    EXPECT_TRUE(std::ranges::equal(loaded.cadres_of_unit(i), built.cadres_of_unit(i))) << i;
    EXPECT_TRUE(std::ranges::equal(loaded.pools_of_unit(i), built.pools_of_unit(i))) << i;
    EXPECT_TRUE(std::ranges::equal(loaded.budgets_of_unit(i), built.budgets_of_unit(i))) << i;
  }
  for (std::size_t i = 0; i < built.cadres().size(); ++i) {
    EXPECT_EQ(loaded.cadre_index(built.cadres()[i].id), static_cast<std::ptrdiff_t>(i));
    EXPECT_EQ(loaded.unit_index_of_cadre(i), built.unit_index_of_cadre(i)) << i;
    EXPECT_TRUE(std::ranges::equal(loaded.trainings_of_cadre(i), built.trainings_of_cadre(i))) << i;
  }
  for (std::size_t i = 0; i < built.trainings().size(); ++i) {
    EXPECT_EQ(loaded.cadre_index_of_training(i), built.cadre_index_of_training(i)) << i;
  }
  for (std::size_t i = 0; i < built.pools().size(); ++i) {
    EXPECT_EQ(loaded.cadre_index_of_pool(i), built.cadre_index_of_pool(i)) << i;
  }
  for (const model::Position position : model::all_codes<model::Position>()) {
    EXPECT_TRUE(std::ranges::equal(loaded.cadres_with_position(position),
                                   built.cadres_with_position(position)));
  }
  EXPECT_EQ(loaded.unit_index(model::UnitId("nobody")), -1);
  EXPECT_EQ(loaded.cadre_index(model::CadreId("nobody")), -1);
}

TEST(LoadRosterCsv, IndexesTheRosterAsRosterBuildWouldInAnyRowOrder) {
  // The loader hands Roster its own id indices and the rows it found for each reference,
  // guessing the previous record's row and the one after it before hashing: records out
  // of order, interleaved and in runs must all come out as Roster::build indexes them.
  const fs::path folder = scratch_folder();
  write_file(folder / "units.csv",
             "id,name,kind,parent_id\n"
             "X2,Xã Hai,commune,H1\n"  // the parent comes later
             "H1,Huyện,other,\n"
             "X1,Xã Một,commune,H1\n"
             "X3,Xã Ba,commune,H1\n");
  write_file(folder / "cadres.csv",
             "id,full_name,birth_date,unit_id,positions\n"
             "C1,An,1970-01-01,X1,secretary\n"
             "C2,Ba,1971-01-01,X2,chairman\n"
             "C3,Cúc,1972-01-01,X1,secretary;chairman\n"
             "C4,Dũng,1973-01-01,X1,none\n"
             "C5,Em,1974-01-01,X3,secretary\n");
  write_file(folder / "trainings.csv",
             "cadre_id,course,kind,start_date,end_date\n"
             "C3,BD,skills,2012-01-01,2012-01-02\n"
             "C1,BD,skills,2012-01-01,2012-01-02\n"
             "C2,BD,skills,2012-01-01,2012-01-02\n"  // the row after the previous one's
             "C2,LL,skills,2013-01-01,2013-01-02\n"  // the previous one's
             "C5,BD,skills,2012-01-01,2012-01-02\n"
             "C1,LL,skills,2014-01-01,2014-01-02\n"
             "C4,BD,skills,2012-01-01,2012-01-02\n");
  write_file(folder / "pools.csv",
             "unit_id,position,cadre_id,term\n"
             "X1,secretary,C4,2020-2025\n"
             "X3,secretary,C1,2020-2025\n"
             "X1,chairman,C4,2020-2025\n"
             "X1,secretary,C3,2020-2025\n");
  write_file(folder / "budgets.csv",
             "unit_id,year,allocated\nX3,2021,5\nX1,2021,7\nX1,2022,8\nX2,2021,9\n");
  const model::Roster roster = load_roster_csv(folder).roster;
  EXPECT_EQ(roster.cadre_index_of_training(2), 1u);
  EXPECT_EQ(roster.cadre_index_of_training(6), 3u);
  expect_indexed_as_built(roster);
  expect_indexed_as_built(load_roster_csv(kData / "roster-small").roster);
}

TEST(LoadRosterCsv, ReportsAnEmptyCadreIdOnEveryRowOfARun) {
  // A record whose cadre cell is the previous record's id is not checked again; an empty
  // cell after an empty one must still be reported, once per row.
  const fs::path folder = scratch_folder();
  write_minimal_roster(folder);
  write_file(folder / "trainings.csv",
             "cadre_id,course,kind,start_date,end_date\n"
             ",BD,skills,2012-01-01,2012-01-02\n"
             ",BD,skills,2012-01-01,2012-01-02\n"
             "C1,BD,skills,2012-01-01,2012-01-02\n"
             "C1,BD,skills,2012-01-01,2012-01-02\n");
  CsvLoadOptions options;
  options.keep_going = true;
  const auto errors = errors_of([&] { (void)load_roster_csv(folder, options); });
  ASSERT_EQ(errors.size(), 2u);
  for (std::size_t i = 0; i < errors.size(); ++i) {
    EXPECT_EQ(errors[i].line, i + 2);
    EXPECT_EQ(errors[i].column, "cadre_id");
    EXPECT_EQ(errors[i].message, "empty cell in required column 'cadre_id'");
  }
}

TEST(LoadRosterCsv, ReportsADuplicateIdWithTheFirstLineWhenTheIndexHasGrown) {
  // Ids are indexed row by row as they are read; the index grows past its first sizes.
  const fs::path folder = scratch_folder();
  write_file(folder / "units.csv", "id,name,kind\nX1,Xã Một,commune\n");
  std::string cadres = "id,full_name,birth_date,unit_id,positions\n";
  for (int i = 0; i < 700; ++i) cadres += "C" + std::to_string(i) + ",An,1970-01-01,X1,none\n";
  cadres += "C123,Ba,1970-01-01,X1,none\n";
  write_file(folder / "cadres.csv", cadres);
  const auto errors = errors_of([&] { (void)load_roster_csv(folder); });
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].to_string(),
            (folder / "cadres.csv").string() +
                ":702:id: error: duplicate cadre id 'C123' (first on line 125)");
}

TEST(LoadRosterCsv, InternsEveryWordOfALargeVocabularyOnce) {
  // Vocabulary cells are remembered by their bytes as written; NFC is checked only the
  // first time a spelling is seen. Many words grow the memo; spellings that differ in
  // bytes (decomposed, quoted with spaces) must still become one word.
  const fs::path folder = scratch_folder();
  write_minimal_roster(folder);
  std::string trainings = "cadre_id,course,kind,start_date,end_date,provider,result\n";
  for (int round = 0; round < 3; ++round) {
    for (int i = 0; i < 300; ++i) {
      trainings += "C1,K" + std::to_string(i) + ",skills,2012-01-01,2012-01-02,Trường " +
                   std::to_string(i % 7) + ",Đạt\n";
    }
  }
  trainings += "C2,K1,skills,2012-01-01,2012-01-02,Tru\xCC\x9Bo\xCC\x9B\xCC\x80ng 1,\" Đạt \"\n";
  trainings +=
      "C2,K1,skills,2012-01-01,2012-01-02,Tru\xCC\x9Bo\xCC\x9B\xCC\x80ng 1,\xC4\x90" "a\xCC\xA3t\n";
  write_file(folder / "trainings.csv", trainings);
  const model::Roster roster = load_roster_csv(folder).roster;
  const auto records = roster.trainings();
  ASSERT_EQ(records.size(), 902u);
  for (std::size_t i = 0; i < 900; ++i) {
    ASSERT_EQ(records[i].course, "K" + std::to_string(i % 300)) << i;
    ASSERT_EQ(records[i].provider, "Trường " + std::to_string(i % 300 % 7)) << i;
    ASSERT_EQ(records[i].course.identity(), records[i % 300].course.identity()) << i;
    ASSERT_EQ(records[i].result.identity(), records[0].result.identity()) << i;
  }
  for (std::size_t i = 900; i < 902; ++i) {
    EXPECT_EQ(records[i].provider, "Trường 1");
    EXPECT_EQ(records[i].provider.identity(), records[1].provider.identity());
    EXPECT_EQ(records[i].result, "Đạt");
    EXPECT_EQ(records[i].result.identity(), records[0].result.identity());
  }
}

TEST(LoadRosterCsv, TellsApartWordsThatDifferInOneByteAnywhere) {
  // The memo compares words of up to 16 bytes by their first and last eight bytes, and
  // longer ones in full: words of every length up to 20 that differ in one byte, at any
  // place, must stay apart.
  const fs::path folder = scratch_folder();
  write_minimal_roster(folder);
  std::string trainings = "cadre_id,course,kind,start_date,end_date\n";
  std::vector<std::string> words;
  for (std::size_t length = 1; length <= 20; ++length) {
    const std::string base(length, 'a');
    words.push_back(base);
    for (std::size_t at = 0; at < length; ++at) {
      std::string changed = base;
      changed[at] = 'b';
      words.push_back(changed);
    }
  }
  for (int round = 0; round < 2; ++round) {
    for (const std::string& word : words) {
      trainings += "C1," + word + ",skills,2012-01-01,2012-01-02\n";
    }
  }
  write_file(folder / "trainings.csv", trainings);
  const model::Roster roster = load_roster_csv(folder).roster;
  const auto records = roster.trainings();
  ASSERT_EQ(records.size(), 2 * words.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    ASSERT_EQ(records[i].course, words[i % words.size()]) << i;
  }
}

TEST(LoadRosterCsv, LeavesNoSpareRowsWhateverTheFirstRowsSay) {
  // Tables are reserved from the file's size and its first rows; rows unlike the first
  // ones must load all the same and leave at most a sixteenth of a table spare.
  const fs::path folder = scratch_folder();
  write_minimal_roster(folder);
  for (const bool long_first : {false, true}) {
    std::string trainings = "cadre_id,course,kind,start_date,end_date,provider\n";
    for (int i = 0; i < 2000; ++i) {
      const bool long_row = (i < 300) == long_first;
      trainings += std::string("C1,BD,skills,2012-01-01,2012-01-02,") +
                   (long_row ? std::string(200, 'p') : std::string("p")) + "\n";
    }
    write_file(folder / "trainings.csv", trainings);
    const model::Roster roster = load_roster_csv(folder).roster;
    const auto& table = roster.tables().trainings;
    ASSERT_EQ(table.size(), 2000u) << long_first;
    EXPECT_LE(table.capacity() - table.size(), table.size() / 16) << long_first;
    EXPECT_EQ(table.back().provider, long_first ? "p" : std::string(200, 'p'));
  }
}

// --- the bundled rosters ---------------------------------------------------------

TEST(LoadRosterCsv, LoadsTheBundledSocTrangRosters) {
  const fs::path bundled = fs::path(CADREPLAN_SOURCE_DIR) / "examples" / "data";
  for (const char* name : {"soc-trang-2010", "soc-trang-2013"}) {
    const fs::path folder = bundled / name;
    if (!fs::exists(folder / "units.csv")) GTEST_SKIP() << folder << " is not generated yet";
    const CsvLoadResult result = load_roster_csv(folder);
    EXPECT_FALSE(result.roster.cadres().empty()) << name;
  }
}

}  // namespace
}  // namespace cadreplan::io
