#include "cadreplan/io/profile_toml.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include "roster_builder.hpp"

namespace cadreplan::io {
namespace {

using boost::gregorian::date;
using policy::testing::registry;

/// The single diagnostic of the ParseError \p text raises (a failure if none).
Diagnostic error_of(std::string_view text, const std::filesystem::path& base = {}) {
  try {
    (void)parse_profile(text, "p.toml", registry(), base);
  } catch (const ParseError& error) {
    EXPECT_EQ(error.diagnostics().size(), 1u);
    return error.diagnostics().front();
  }
  ADD_FAILURE() << "no ParseError for:\n" << text;
  return {};
}

void expect_diagnostic(const Diagnostic& diagnostic, const std::string& file, std::size_t line,
                       const std::string& key, const std::string& message_part) {
  EXPECT_EQ(diagnostic.file, file);
  EXPECT_EQ(diagnostic.line, line);
  EXPECT_EQ(diagnostic.column, key);
  EXPECT_EQ(diagnostic.severity, DiagnosticSeverity::error);
  EXPECT_NE(diagnostic.message.find(message_part), std::string::npos) << diagnostic.message;
}

bool is_sha256_hex(const std::string& text) {
  return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
           return std::isdigit(static_cast<unsigned char>(c)) || (c >= 'a' && c <= 'f');
         });
}

/// A fresh directory under the system's temporary directory, removed afterwards.
class TempDir {
 public:
  TempDir() {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = std::filesystem::temp_directory_path() /
            ("cadreplan-profile-" + std::string(test->name()) + "-" +
             std::to_string(std::hash<std::string>{}(std::filesystem::current_path().string())));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  std::filesystem::path write(const std::string& name, const std::string& text) const {
    const auto file = path_ / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return file;
  }

 private:
  std::filesystem::path path_;
};

TEST(DefaultProfile, LoadsWithTheThreeSecretaryStandards) {
  const auto profile = default_profile(registry());
  EXPECT_EQ(profile.name, "vn-commune-secretary");
  ASSERT_EQ(profile.standards.size(), 3u);
  for (const auto& standard : profile.standards) {
    EXPECT_EQ(standard.position, model::Position::secretary);
    EXPECT_FALSE(standard.source.empty());
  }
  EXPECT_EQ(profile.standards[0].from, date(2004, 1, 1));
  EXPECT_EQ(profile.standards[0].until, date(2023, 7, 31));
  EXPECT_EQ(profile.standards[0].max_age_at_appointment, 45);
  EXPECT_EQ(profile.standards[0].exemptions.size(), 2u);
  EXPECT_EQ(profile.standards[1].from, date(2023, 8, 1));
  EXPECT_EQ(profile.standards[1].until, date(2025, 6, 30));
  EXPECT_EQ(profile.standards[2].from, date(2025, 7, 1));
  EXPECT_FALSE(profile.standards[2].until.has_value());
  EXPECT_EQ(profile.terms, (policy::TermCalendar{2010, 5}));
  EXPECT_FALSE(profile.accredited_providers.empty());
  EXPECT_EQ(profile.tests.size(), 4u);
  EXPECT_TRUE(profile.settings_of("point2.successor_pool").parameters.contains("plan_by_months"));
}

TEST(DefaultProfile, HasAStableSha256OfItsCanonicalText) {
  const auto first = default_profile(registry());
  const auto second = default_profile(registry());
  EXPECT_TRUE(is_sha256_hex(first.sha256)) << first.sha256;
  EXPECT_EQ(first.sha256, second.sha256);
  EXPECT_EQ(first.canonical_text, second.canonical_text);
  EXPECT_FALSE(first.canonical_text.empty());
  // The file name is not part of the profile.
  EXPECT_EQ(parse_profile(default_profile_text(), "elsewhere.toml", registry()).sha256, first.sha256);
}

TEST(ParseProfile, AMinimalProfileIsValid) {
  const auto profile = parse_profile("[profile]\nname = \"t\"\n", "p.toml", registry());
  EXPECT_EQ(profile.name, "t");
  EXPECT_TRUE(profile.standards.empty());
  EXPECT_EQ(profile.retirement, policy::RetirementSchedule{});
  EXPECT_TRUE(is_sha256_hex(profile.sha256));
  EXPECT_NE(profile.sha256, default_profile(registry()).sha256);
}

TEST(ParseProfile, AnUnknownKeyIsAnError) {
  expect_diagnostic(error_of("[profile]\nname = \"t\"\ncolour = \"red\"\n"), "p.toml", 3,
                    "profile.colour", "unknown key 'colour'");
  expect_diagnostic(error_of("[profile]\nname = \"t\"\n\n[extras]\nx = 1\n"), "p.toml", 4, "extras",
                    "unknown key 'extras'");
}

TEST(ParseProfile, AWrongTypeIsAnError) {
  expect_diagnostic(error_of("[profile]\nname = \"t\"\n[terms]\nanchor_year = \"2010\"\n"), "p.toml", 4,
                    "terms.anchor_year", "expected an integer");
  expect_diagnostic(
      error_of("[profile]\nname = \"t\"\n[rules.\"point2.successor_pool\"]\nmin_candidates = \"two\"\n"),
      "p.toml", 4, "rules.point2.successor_pool.min_candidates", "expected an integer");
  expect_diagnostic(error_of("[profile]\nname = \"t\"\n[[standards]]\nposition = \"secretary\"\n"
                             "from = \"2004-01-01\"\n"),
                    "p.toml", 5, "standards[0].from", "expected a date");
}

TEST(ParseProfile, AnUnknownCodeIsAnError) {
  expect_diagnostic(error_of("[profile]\nname = \"t\"\n[[standards]]\nposition = \"secretary\"\n"
                             "from = 2004-01-01\ngeneral_education = \"phd\"\n"),
                    "p.toml", 6, "standards[0].general_education", "'phd'");
  expect_diagnostic(error_of("[profile]\nname = \"t\"\n[[standards]]\nposition = \"secretary\"\n"
                             "from = 2004-01-01\n[[standards.exemptions]]\nareas = [\"hills\"]\n"),
                    "p.toml", 7, "standards[0].exemptions[0].areas", "'hills'");
  expect_diagnostic(error_of("[profile]\nname = \"t\"\n[rules.\"point3.annual_refresher\"]\nkind = \"yoga\"\n"),
                    "p.toml", 4, "rules.point3.annual_refresher.kind", "'yoga'");
}

const std::string kTwoStandards = R"([profile]
name = "t"
[[standards]]
position = "secretary"
from = 2004-01-01
until = 2023-07-31
[[standards]]
)";

TEST(ParseProfile, OverlappingStandardsAreAnError) {
  expect_diagnostic(error_of(kTwoStandards + "position = \"secretary\"\nfrom = 2023-07-31\n"), "p.toml", 7, "standards[1]",
                    "overlap");
  // Only the last period may be open.
  expect_diagnostic(error_of("[profile]\nname = \"t\"\n[[standards]]\nposition = \"secretary\"\n"
                             "from = 2004-01-01\n[[standards]]\nposition = \"secretary\"\nfrom = 2023-08-01\n"),
                    "p.toml", 6, "standards[1]", "overlap");
}

TEST(ParseProfile, GappedStandardsAreAnError) {
  expect_diagnostic(error_of(kTwoStandards + "position = \"secretary\"\nfrom = 2023-08-02\n"), "p.toml", 7, "standards[1]",
                    "gap between 2023-07-31 and 2023-08-02");
  // Adjacent periods, and periods of different positions, are fine.
  EXPECT_EQ(parse_profile(kTwoStandards + "position = \"secretary\"\nfrom = 2023-08-01\n", "p.toml",
                          registry())
                .standards.size(),
            2u);
  EXPECT_EQ(parse_profile(kTwoStandards + "position = \"chairman\"\nfrom = 2000-01-01\n", "p.toml",
                          registry())
                .standards.size(),
            2u);
}

TEST(ParseProfile, AMinimumAboveItsMaximumIsAnError) {
  expect_diagnostic(
      error_of("[profile]\nname = \"t\"\n[rules.\"point2.successor_pool\"]\nmin_candidates = 4\n"),
      "p.toml", 4, "rules.point2.successor_pool.min_candidates",
      "min_candidates (4) is greater than max_candidates (3)");
  expect_diagnostic(
      error_of("[profile]\nname = \"t\"\n[rules.\"point2.successor_pool\"]\nmax_candidates = 0\n"),
      "p.toml", 4, "rules.point2.successor_pool.max_candidates", "is greater than max_candidates (0)");
  expect_diagnostic(
      error_of("[profile]\nname = \"t\"\n[rules.\"point2.successor_pool\"]\nmin_candidates = 101\n"),
      "p.toml", 4, "rules.point2.successor_pool.min_candidates", "out of range");
}

TEST(ParseProfile, AnUnknownRuleIsAnError) {
  expect_diagnostic(error_of("[profile]\nname = \"t\"\n[rules.\"point9.nope\"]\nenabled = false\n"),
                    "p.toml", 3, "rules.point9.nope", "unknown rule 'point9.nope'");
}

TEST(ParseProfile, AnUnknownParameterIsAnError) {
  expect_diagnostic(
      error_of("[profile]\nname = \"t\"\n[rules.\"point3.annual_refresher\"]\nmin_per_yr = 2\n"),
      "p.toml", 4, "rules.point3.annual_refresher.min_per_yr", "has no parameter 'min_per_yr'");
}

TEST(ParseProfile, ABadSeverityIsAnError) {
  expect_diagnostic(
      error_of("[profile]\nname = \"t\"\n[rules.\"point4.field_mismatch\"]\nseverity = \"fatal\"\n"),
      "p.toml", 4, "rules.point4.field_mismatch.severity", "unknown severity 'fatal'");
  const auto profile = parse_profile(
      "[profile]\nname = \"t\"\n[rules.\"point4.field_mismatch\"]\nseverity = \"lỗi\"\n", "p.toml",
      registry());
  EXPECT_EQ(profile.settings_of("point4.field_mismatch").severity, policy::Severity::error);
}

TEST(ParseProfile, MalformedTomlIsAnError) {
  const auto diagnostic = error_of("[profile]\nname = \"t\"\ndescription = \n");
  EXPECT_EQ(diagnostic.file, "p.toml");
  EXPECT_EQ(diagnostic.line, 3u);
  EXPECT_TRUE(diagnostic.column.empty());
  EXPECT_NE(diagnostic.to_string().find("p.toml:3"), std::string::npos) << diagnostic.to_string();
}

TEST(ParseProfile, AMissingProfileTableOrNameIsAnError) {
  EXPECT_NE(error_of("[terms]\nanchor_year = 2010\n").message.find("[profile]"), std::string::npos);
  EXPECT_NE(error_of("[profile]\ndescription = \"x\"\n").message.find("profile.name"), std::string::npos);
}

const std::string kProvince = R"([profile]
name = "province"
extends = "default"

[rules."point1.accredited_provider"]
enabled = false

[rules."point4.field_mismatch"]
severity = "error"

[rules."point5.budget_floor"]
floor_per_secretary = 20_000_000
)";

TEST(Extends, MergesTheDefaultProfileKeyByKey) {
  const auto profile = parse_profile(kProvince, "province.toml", registry());
  const auto& base = policy::testing::default_profile();
  EXPECT_EQ(profile.name, "province");
  EXPECT_EQ(profile.description, base.description);
  EXPECT_EQ(profile.standards, base.standards);
  EXPECT_EQ(profile.accredited_providers, base.accredited_providers);
  EXPECT_FALSE(profile.settings_of("point1.accredited_provider").enabled);
  EXPECT_EQ(profile.settings_of("point4.field_mismatch").severity, policy::Severity::error);
  EXPECT_EQ(std::get<std::int64_t>(profile.settings_of("point5.budget_floor").parameters.at("floor_per_secretary")),
            20'000'000);
  // Sibling keys of the parent's tables survive the merge.
  EXPECT_EQ(std::get<std::int64_t>(profile.settings_of("point2.successor_pool").parameters.at("max_candidates")), 3);
  EXPECT_TRUE(is_sha256_hex(profile.sha256));
  EXPECT_NE(profile.sha256, base.sha256);
  EXPECT_EQ(profile.canonical_text.find("extends"), std::string::npos);
}

TEST(Extends, TheMergedProfileChangesTheEvaluation) {
  const auto profile = parse_profile(kProvince, "province.toml", registry());
  policy::testing::RosterBuilder builder;
  builder.unit("U1");
  builder.secretary("C1", "U1", date(1970, 1, 1), date(2010, 7, 1)).professional.field = "Kế toán";
  builder.training("C1", model::TrainingKind::other, date(2013, 3, 1), date(2013, 3, 5)).provider = "ABC";
  const auto roster = builder.build();
  const std::set<std::string> rules{"point1.accredited_provider", "point4.field_mismatch"};
  const auto by_default = policy::testing::check(roster, date(2013, 12, 31), rules);
  ASSERT_EQ(by_default.findings.size(), 2u);
  EXPECT_EQ(by_default.compliant, 1u);
  const auto by_province = policy::testing::check(roster, date(2013, 12, 31), rules, profile);
  ASSERT_EQ(by_province.findings.size(), 1u);
  EXPECT_EQ(by_province.findings[0].rule_id, "point4.field_mismatch");
  EXPECT_EQ(by_province.findings[0].severity, policy::Severity::error);
  EXPECT_EQ(by_province.compliant, 0u);
  EXPECT_EQ(by_province.profile_name, "province");
}

TEST(Extends, ArraysReplaceTheParents) {
  const auto profile = parse_profile(R"([profile]
name = "province"
extends = "default"
[[standards]]
position = "secretary"
from = 2000-01-01
professional_level = "college"
[providers]
accredited = ["Trường Chính trị tỉnh Sóc Trăng"]
)",
                                     "province.toml", registry());
  ASSERT_EQ(profile.standards.size(), 1u);
  EXPECT_EQ(profile.standards[0].professional_level, model::ProfessionalLevel::college);
  EXPECT_EQ(profile.accredited_providers, std::vector<std::string>{"Trường Chính trị tỉnh Sóc Trăng"});
}

TEST(Extends, ErrorsInTheExtendingProfileKeepTheirLines) {
  expect_diagnostic(error_of(kProvince + "\n[rules.\"point3.annual_refresher\"]\nseverity = \"fatal\"\n"),
                    "p.toml", 15, "rules.point3.annual_refresher.severity", "unknown severity");
  expect_diagnostic(error_of(kProvince + "colour = 1\n"), "p.toml", 13, "rules.point5.budget_floor.colour",
                    "has no parameter 'colour'");
  expect_diagnostic(error_of(kProvince + "\n[extras]\n"), "p.toml", 14, "extras", "unknown key 'extras'");
  // The parent sets max_candidates; the child's minimum is the offending key.
  expect_diagnostic(error_of(kProvince + "\n[rules.\"point2.successor_pool\"]\nmin_candidates = 4\n"),
                    "p.toml", 15, "rules.point2.successor_pool.min_candidates", "greater than");
}

TEST(Extends, AMissingFileIsAnError) {
  TempDir dir;
  expect_diagnostic(error_of("[profile]\nname = \"t\"\nextends = \"missing.toml\"\n", dir.path()), "p.toml", 3,
                    "profile.extends", "does not exist");
  expect_diagnostic(error_of("[profile]\nname = \"t\"\nextends = 5\n"), "p.toml", 3, "profile.extends",
                    "expected a string");
}

TEST(Extends, ANameTheSystemRefusesIsADiagnosticNotACrash) {
  // Found by fuzzing: a name longer than the system allows made std::filesystem throw
  // filesystem_error (ENAMETOOLONG) out of the parser.
  TempDir dir;
  const std::string too_long(5000, 'b');
  expect_diagnostic(error_of("[profile]\nname = \"t\"\nextends = \"" + too_long + "\"\n", dir.path()), "p.toml",
                    3, "profile.extends", "cannot read extended profile");
}

TEST(Extends, ARelativeFileIsFoundBesideTheProfileThatNamesIt) {
  TempDir dir;
  dir.write("parents/grand.toml", R"([profile]
name = "grand"
description = "from grand"
[[standards]]
position = "secretary"
from = 2004-01-01
political_theory = "advanced"
)");
  dir.write("parents/base.toml", R"([profile]
name = "base"
extends = "grand.toml"
[providers]
accredited = ["A"]
)");
  const auto child = dir.write("child.toml", R"([profile]
name = "child"
extends = "parents/base.toml"
[providers]
accredited = ["B", "C*"]
)");
  const auto profile = load_profile(child, registry());
  EXPECT_EQ(profile.name, "child");
  EXPECT_EQ(profile.description, "from grand");
  ASSERT_EQ(profile.standards.size(), 1u);
  EXPECT_EQ(profile.standards[0].political_theory, model::PoliticalTheory::advanced);
  EXPECT_EQ(profile.accredited_providers, (std::vector<std::string>{"B", "C*"}));
}

TEST(Extends, AnErrorInTheParentNamesTheParentFile) {
  TempDir dir;
  const auto parent = dir.write("base.toml", "[profile]\nname = \"base\"\n\n[terms]\nlength = 5\n");
  const auto child = dir.write("child.toml", "[profile]\nname = \"child\"\nextends = \"base.toml\"\n");
  try {
    (void)load_profile(child, registry());
    ADD_FAILURE() << "no ParseError";
  } catch (const ParseError& error) {
    ASSERT_EQ(error.diagnostics().size(), 1u);
    expect_diagnostic(error.diagnostics()[0], parent.string(), 5, "terms.length", "unknown key 'length'");
  }
}

TEST(Extends, ACycleIsAnError) {
  TempDir dir;
  dir.write("a.toml", "[profile]\nname = \"a\"\nextends = \"b.toml\"\n");
  const auto b = dir.write("b.toml", "[profile]\nname = \"b\"\nextends = \"a.toml\"\n");
  EXPECT_THROW((void)load_profile(b, registry()), ParseError);
}

TEST(Extends, ADirectoryOrADeviceIsAnError) {
  TempDir dir;
  std::filesystem::create_directories(dir.path() / "folder.toml");
  expect_diagnostic(error_of("[profile]\nname = \"t\"\nextends = \"folder.toml\"\n", dir.path()),
                    "p.toml", 3, "profile.extends", "not a regular file");
  // An endless device must be refused, not read until memory runs out.
  expect_diagnostic(error_of("[profile]\nname = \"t\"\nextends = \"/dev/zero\"\n", "/"), "p.toml",
                    3, "profile.extends", "not a regular file");
}

TEST(LoadProfile, ANonRegularOrHugeFileIsAnErrorNamingIt) {
  TempDir dir;
  const auto check = [](const std::filesystem::path& file, const std::string& message_part) {
    try {
      (void)load_profile(file, registry());
      ADD_FAILURE() << "no ParseError for " << file;
    } catch (const ParseError& error) {
      ASSERT_EQ(error.diagnostics().size(), 1u);
      EXPECT_EQ(error.diagnostics()[0].file, file.string());
      EXPECT_NE(error.diagnostics()[0].message.find(message_part), std::string::npos)
          << error.diagnostics()[0].message;
    }
  };
  check("/dev/zero", "not a regular file");
  check(dir.path(), "not a regular file");
  const auto huge = dir.write("huge.toml", "[profile]\nname = \"t\"\n# " +
                                              std::string(max_profile_bytes, 'x') + "\n");
  check(huge, "more than the 1048576");
}

TEST(ParseProfile, ThePlanningTableSetsThePlannersPriorities) {
  const auto defaults = default_profile(registry());
  EXPECT_EQ(defaults.planning, policy::PlanningPriorities{});
  const auto profile = parse_profile(R"([profile]
name = "t"
[planning]
secretaries_first = false
gap_order = "smallest_first"
reachable_first = false
accredited_only = false
pair_skills = false
)", "p.toml", registry());
  EXPECT_FALSE(profile.planning.secretaries_first);
  EXPECT_FALSE(profile.planning.largest_gap_first);
  EXPECT_FALSE(profile.planning.reachable_first);
  EXPECT_FALSE(profile.planning.accredited_only);
  EXPECT_FALSE(profile.planning.pair_skills);
  expect_diagnostic(error_of("[profile]\nname = \"t\"\n[planning]\ngap_order = \"biggest\"\n"), "p.toml",
                    4, "planning.gap_order", "unknown gap order 'biggest'");
  expect_diagnostic(error_of("[profile]\nname = \"t\"\n[planning]\nsecretaries_frist = true\n"),
                    "p.toml", 4, "planning.secretaries_frist", "unknown key");
}

TEST(LoadProfile, AMissingFileIsAnErrorNamingIt) {
  TempDir dir;
  const auto missing = dir.path() / "nowhere.toml";
  try {
    (void)load_profile(missing, registry());
    ADD_FAILURE() << "no ParseError";
  } catch (const ParseError& error) {
    ASSERT_EQ(error.diagnostics().size(), 1u);
    EXPECT_EQ(error.diagnostics()[0].file, missing.string());
  }
}

TEST(ParseProfile, ProfileTestCasesAreChecked) {
  const std::string header = "[profile]\nname = \"t\"\n[[tests]]\nname = \"case\"\nas_of = 2013-12-31\n";
  expect_diagnostic(error_of(header + "rules = [\"point9.nope\"]\n[tests.tables]\n"), "p.toml", 6,
                    "tests[0].rules", "unknown rule 'point9.nope'");
  expect_diagnostic(error_of(header + "[tests.tables]\n\"people.csv\" = \"\"\n"), "p.toml", 7,
                    "tests[0].tables.people.csv", "unknown key 'people.csv'");
  const auto profile =
      parse_profile(header + "expect = [{ rule = \"standard.age\", cadre = \"C1\" }]\n[tests.tables]\n"
                             "\"units.csv\" = \"id,name,kind\\n\"\n",
                    "p.toml", registry());
  ASSERT_EQ(profile.tests.size(), 1u);
  EXPECT_EQ(profile.tests[0].line, 3u);
  EXPECT_EQ(profile.tests[0].expected,
            (std::vector<policy::ExpectedFinding>{{"standard.age", "C1", ""}}));
}

}  // namespace
}  // namespace cadreplan::io
