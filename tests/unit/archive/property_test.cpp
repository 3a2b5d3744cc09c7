// Property: for thousands of random small rosters (fixed seed), CSV folder -> roster ->
// archive (each format) -> roster -> CSV folder loses nothing, field by field and byte by
// byte. The rosters are made awkward on purpose: quotes, commas, semicolons and line breaks
// in text, Vietnamese and Khmer text in NFC, empty optionals, 29 February.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "archive_fixtures.hpp"
#include "cadreplan/io/archive.hpp"
#include "cadreplan/io/roster_csv.hpp"
#include "cadreplan/model/code.hpp"

namespace cadreplan::io {
namespace {

namespace fs = std::filesystem;
using namespace archive_testing;

class RandomRoster {
 public:
  explicit RandomRoster(std::uint32_t seed) : random_(seed) {}

  model::RosterTables tables() {
    model::RosterTables tables;
    const std::size_t units = between(1, 4);
    for (std::size_t u = 0; u < units; ++u) {
      model::Unit unit;
      unit.id = model::UnitId(id("U", u));
      unit.name = text(true);
      unit.kind = code<model::UnitKind>();
      if (u > 0 && chance(2)) unit.parent_id = tables.units[between(0, u - 1)].id;
      unit.province = text(false);
      if (chance(2)) unit.large_minority = chance(2);
      unit.minority = text(false);
      if (chance(2)) unit.area = code<model::Area>();
      tables.units.push_back(unit);
    }
    const std::size_t cadres = between(0, 5);
    for (std::size_t c = 0; c < cadres; ++c) tables.cadres.push_back(cadre(c, tables.units));
    if (!tables.cadres.empty()) {
      for (std::size_t t = between(0, 4); t > 0; --t)
        tables.trainings.push_back(training(tables.cadres));
      std::set<std::tuple<std::string, int, std::string, int>> pooled;
      for (std::size_t p = between(0, 3); p > 0; --p) {
        model::PoolEntry entry;
        entry.unit_id = tables.units[between(0, units - 1)].id;
        entry.position = code<model::Position>();
        entry.cadre_id = tables.cadres[between(0, cadres - 1)].id;
        const int first = static_cast<int>(between(1990, 2030));
        entry.term = model::Term::from_years(first, first + 5);
        if (chance(2)) entry.added_on = day();
        if (pooled
                .emplace(entry.unit_id.str(), static_cast<int>(entry.position),
                         entry.cadre_id.str(), first)
                .second) {
          tables.pools.push_back(entry);
        }
      }
    }
    std::set<std::pair<std::string, int>> budgeted;
    for (std::size_t b = between(0, 3); b > 0; --b) {
      model::BudgetLine line;
      line.unit_id = tables.units[between(0, units - 1)].id;
      line.year = static_cast<int>(between(2000, 2030));
      line.allocated = money();
      if (chance(2)) line.spent_on_training = money();
      if (budgeted.emplace(line.unit_id.str(), line.year).second) tables.budgets.push_back(line);
    }
    return tables;
  }

 private:
  std::size_t between(std::size_t low, std::size_t high) {
    return std::uniform_int_distribution<std::size_t>(low, high)(random_);
  }
  bool chance(std::size_t one_in) { return between(1, one_in) == 1; }

  template <class E>
  E code() {
    const auto codes = model::all_codes<E>();
    return codes[between(0, codes.size() - 1)];
  }

  // Text that survives a CSV cell unchanged: NFC, no white space at either end (cells are
  // trimmed), anything inside. \p required: never empty.
  std::string text(bool required) {
    static const std::vector<std::string> pieces{
        "a",         "Z",       "7",   " ",     ",",   "\"",     "\"\"", ";",    "'",
        "\n",        "\r\n",    "\t",  "@",     "=",   "Nguyễn", "Thị",  "Đặng", "Phường",
        "Sóc Trăng", "Trần Đề", "Hòa", "Ấp",    "ữ",   "ơ",      "Đ",    "ខ្មែរ", "Khmer",
        "#",         "\\",      "<b>", "&amp;", "]]>", "0",      "-1"};
    std::string result;
    const std::size_t count = between(required ? 1 : 0, 6);
    for (std::size_t i = 0; i < count; ++i) result += pieces[between(0, pieces.size() - 1)];
    const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!result.empty() && blank(result.front())) result.erase(0, 1);
    while (!result.empty() && blank(result.back())) result.pop_back();
    if (required && result.empty()) result = "x";
    return result;
  }

  // Unique by its number, awkward by the rest.
  std::string id(const char* prefix, std::size_t number) {
    static const std::vector<std::string> suffixes{"", "", "-a", ",b", "\"q\"", "Đ", " ơ", ";"};
    return prefix + std::to_string(number) + suffixes[between(0, suffixes.size() - 1)];
  }

  boost::gregorian::date day() {
    if (chance(5)) {  // 29 February of a leap year
      return {static_cast<unsigned short>(1948 + 4 * between(0, 20)), 2, 29};
    }
    return date(1940, 1, 1) + boost::gregorian::days(static_cast<long>(between(0, 33000)));
  }

  model::Dong money() {
    if (chance(4)) return 0;
    return static_cast<model::Dong>(between(0, 9'000'000'000'000));
  }

  model::Cadre cadre(std::size_t number, const std::vector<model::Unit>& units) {
    model::Cadre cadre;
    cadre.id = model::CadreId(id("C", number));
    cadre.full_name = text(true);
    cadre.birth_date = day();
    cadre.unit_id = units[between(0, units.size() - 1)].id;
    std::vector<model::Position> positions(model::all_codes<model::Position>().begin(),
                                           model::all_codes<model::Position>().end());
    std::shuffle(positions.begin(), positions.end(), random_);
    positions.resize(between(0, 3));
    const bool shared = chance(2);
    const std::optional<boost::gregorian::date> since =
        chance(2) ? std::optional(day()) : std::nullopt;
    for (model::Position position : positions) {
      cadre.positions.push_back(
          {position, shared ? since : (chance(2) ? std::optional(day()) : std::nullopt)});
    }
    if (chance(2)) cadre.gender = code<model::Gender>();
    cadre.ethnicity = text(false);
    if (chance(2)) cadre.party_joined = day();
    if (chance(2)) cadre.general_education = code<model::GeneralEducation>();
    if (chance(2)) cadre.professional.level = code<model::ProfessionalLevel>();
    cadre.professional.field = text(false);
    if (chance(2)) cadre.professional.mode = code<model::StudyMode>();
    if (chance(2)) cadre.professional.funding = code<model::Funding>();
    if (chance(2)) cadre.professional.planned = chance(2);
    if (chance(2)) cadre.political_theory = code<model::PoliticalTheory>();
    if (chance(2)) cadre.state_management = code<model::StateManagement>();
    return cadre;
  }

  model::TrainingRecord training(const std::vector<model::Cadre>& cadres) {
    model::TrainingRecord training;
    training.cadre_id = cadres[between(0, cadres.size() - 1)].id;
    training.course = text(true);
    training.kind = code<model::TrainingKind>();
    training.start_date = day();
    training.end_date =
        training.start_date + boost::gregorian::days(static_cast<long>(between(0, 400)));
    training.provider = text(false);
    if (chance(2)) training.status = code<model::TrainingStatus>();
    training.result = text(false);
    if (chance(2)) training.funding = code<model::Funding>();
    if (chance(2)) training.planned = chance(2);
    if (chance(2)) training.cost = money();
    return training;
  }

  std::mt19937 random_;
};

std::string folder_bytes(const fs::path& folder) {
  std::string all;
  for (const char* name :
       {"units.csv", "cadres.csv", "trainings.csv", "pools.csv", "budgets.csv"}) {
    all += std::string(name) + ":\n" + read_bytes(folder / name) + "\n";
  }
  return all;
}

TEST(ArchiveProperty, CsvToArchiveToCsvLosesNothing) {
  constexpr int kRosters = 2000;
  ScratchFolder scratch(/*in_memory=*/true);
  RandomRoster generate(20240229);
  for (int n = 0; n < kRosters; ++n) {
    SCOPED_TRACE("random roster " + std::to_string(n));
    const model::Roster generated = model::Roster::build(generate.tables());
    const fs::path before = scratch / ("before-" + std::to_string(n % 2));
    const fs::path after = scratch / ("after-" + std::to_string(n % 2));
    save_roster_csv(generated, before);
    const model::Roster from_csv = load_roster_csv(before).roster;
    // The generator makes only rosters that CSV keeps exactly.
    ASSERT_NO_FATAL_FAILURE(expect_same_tables(from_csv.tables(), generated.tables()));

    // Each format in turn: every one meets a third of the rosters.
    const ArchiveFormat format = all_formats[static_cast<std::size_t>(n) % 3];
    SCOPED_TRACE(std::string(archive_format_name(format)));
    const ArchiveContents contents{from_csv, "profile " + std::to_string(n)};
    const ArchiveContents loaded = read_archive(write_archive(contents, format), "random");
    ASSERT_NO_FATAL_FAILURE(expect_same_tables(loaded.roster.tables(), from_csv.tables()));
    ASSERT_EQ(loaded.profile_name, contents.profile_name);
    save_roster_csv(loaded.roster, after);
    ASSERT_EQ(folder_bytes(after), folder_bytes(before));
    if (HasFailure()) break;
  }
}

}  // namespace
}  // namespace cadreplan::io
