// io::write_compliance_json and write_compliance_csv: the report as FORMATS.md's documents.
#include "cadreplan/io/compliance_writer.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>

namespace cadreplan::io {
namespace {

using boost::gregorian::date;
using model::Language;
using nlohmann::json;
using policy::ComplianceReport;
using policy::Finding;
using policy::Severity;
using policy::Text;

ComplianceReport report_of(std::vector<Finding> findings) {
  ComplianceReport report;
  report.as_of = date(2024, 12, 31);
  report.profile_name = "tỉnh \"Sóc Trăng\"";
  report.profile_sha256 = std::string(64, 'a');
  report.cadres = 3;
  report.compliant = 1;
  report.totals.add(Severity::error, 2);
  report.by_point[0].add(Severity::error, 1);
  report.by_point[3].add(Severity::error, 1);
  report.findings = std::move(findings);
  return report;
}

// A finding about \p cadre_id (empty: about the unit only) in \p unit_id.
Finding finding_of(std::string rule, int point, Severity severity, std::string cadre_id, std::string unit_id,
                   std::string actual, std::string required, Text message, Text fix) {
  Finding finding;
  finding.rule_id = rule;
  finding.point = point;
  finding.severity = severity;
  finding.cadre_id = model::CadreId(std::move(cadre_id));
  finding.unit_id = model::UnitId(std::move(unit_id));
  finding.actual = std::move(actual);
  finding.required = std::move(required);
  finding.message = std::move(message);
  finding.fix = std::move(fix);
  return finding;
}

// Quotes, backslashes and control characters in ids and values, Vietnamese in messages.
Finding cadre_finding() {
  return finding_of("standard.political_theory", 0, Severity::error, "C\"1\\", "ST-01", "elementary",
                    "tab\there, line\nbreak, bell \x07 and \x1f",
                    Text(std::string("Nguyễn Văn An (C1): below \"intermediate\"."),
                         std::string("Đồng chí Nguyễn Văn An: thấp hơn \\ mức.")),
                    Text{"Plan a course.", "Đưa vào kế hoạch."});
}

// About a unit only, for a year.
Finding unit_finding() {
  Finding finding = finding_of("point5.budget_floor", 5, Severity::warning, "", "ST-02", "9999999", "10000000",
                               Text{"Budget below the floor.", "Kinh phí thấp hơn mức tối thiểu."},
                               Text{"Allocate more.", "Bố trí thêm."});
  finding.year = 2013;
  return finding;
}

std::string json_of(const ComplianceReport& report, Language language) {
  std::ostringstream out;
  write_compliance_json(out, report, language);
  return out.str();
}

// The writer streams findings one by one; its text must be exactly what nlohmann::json
// writes for the same document with dump(2), so that parsing it and writing it again
// gives the same bytes.
void expect_canonical(const std::string& text) {
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(json::parse(text).dump(2) + "\n", text);
}

TEST(ComplianceJson, IsNlohmannsOwnLayoutWithAndWithoutFindings) {
  expect_canonical(json_of(report_of({}), Language::english));
  expect_canonical(json_of(report_of({cadre_finding()}), Language::english));
  expect_canonical(json_of(report_of({cadre_finding(), unit_finding()}), Language::vietnamese));
}

TEST(ComplianceJson, WritesEveryFieldOfEveryFindingInTheChosenLanguage) {
  const json document = json::parse(json_of(report_of({cadre_finding(), unit_finding()}), Language::vietnamese));
  EXPECT_EQ(document["as_of"], "2024-12-31");
  EXPECT_EQ(document["profile"], "tỉnh \"Sóc Trăng\"");
  EXPECT_EQ(document["summary"]["cadres"], 3);
  EXPECT_EQ(document["summary"]["compliant"], 1);
  EXPECT_EQ(document["summary"]["findings"]["error"], 2);
  EXPECT_EQ(document["summary"]["by_point"]["3"]["error"], 1);
  ASSERT_EQ(document["findings"].size(), 2u);
  const json& first = document["findings"][0];
  EXPECT_EQ(first["cadre_id"], "C\"1\\");
  EXPECT_EQ(first["unit_id"], "ST-01");
  EXPECT_EQ(first["rule"], "standard.political_theory");
  EXPECT_EQ(first["point"], 0);
  EXPECT_EQ(first["severity"], "error");
  EXPECT_EQ(first["actual"], "elementary");
  EXPECT_EQ(first["required"], "tab\there, line\nbreak, bell \x07 and \x1f");
  EXPECT_EQ(first["message"], "Đồng chí Nguyễn Văn An: thấp hơn \\ mức.");
  EXPECT_EQ(first["fix"], "Đưa vào kế hoạch.");
  EXPECT_TRUE(first["year"].is_null());
  const json& second = document["findings"][1];
  EXPECT_TRUE(second["cadre_id"].is_null());
  EXPECT_EQ(second["year"], 2013);
  EXPECT_EQ(second["severity"], "warning");
  EXPECT_EQ(second["message"], "Kinh phí thấp hơn mức tối thiểu.");
}

TEST(ComplianceJson, EnglishIsTheDefaultLanguage) {
  std::ostringstream out;
  write_compliance_json(out, report_of({cadre_finding()}));
  EXPECT_EQ(json::parse(out.str())["findings"][0]["message"], "Nguyễn Văn An (C1): below \"intermediate\".");
}

TEST(ComplianceCsv, WritesOneQuotedRowPerFinding) {
  std::ostringstream out;
  write_compliance_csv(out, report_of({unit_finding()}), Language::english);
  EXPECT_EQ(out.str(),
            "cadre_id,unit_id,rule,point,severity,year,actual,required,message,fix\n"
            ",ST-02,point5.budget_floor,5,warning,2013,9999999,10000000,Budget below the floor.,"
            "Allocate more.\n");
}

}  // namespace
}  // namespace cadreplan::io
