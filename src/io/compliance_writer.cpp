#include "cadreplan/io/compliance_writer.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <string>

#include "cadreplan/io/csv_table.hpp"
#include "io/json_text.hpp"

namespace cadreplan::io {
namespace {

using model::Language;

nlohmann::json counts_json(const policy::SeverityCounts& counts) {
  return {{"error", counts.error}, {"warning", counts.warning}, {"info", counts.info}};
}

// One finding as an element of the document's `findings` array, its keys in the order
// nlohmann::json (a sorted map) wrote them when the report was one json value: that cost
// about 80 heap blocks a finding and half a gigabyte at a million cadres, longer than the
// check itself.
void write_finding(const policy::Finding& finding, Language language, std::ostream& out) {
  detail::ArrayElementObject object(out);
  object.text("actual", finding.actual)
      .text_or_null("cadre_id", finding.cadre_id.str())
      .text("fix", finding.fix.in(language))
      .text("message", finding.message.in(language))
      .number("point", finding.point)
      .text("required", finding.required)
      .text("rule", finding.rule_id.view())
      .text("severity", policy::to_code(finding.severity))
      .text_or_null("unit_id", finding.unit_id.str())
      .raw("year", finding.year ? std::to_string(*finding.year) : "null");
}

std::string percent(std::size_t part, std::size_t whole) {
  if (whole == 0) return "-";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f %%", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
  return buffer;
}

const char* point_name(int point, Language language) {
  static constexpr const char* kEnglish[] = {
      "Position standards", "1. Unified training system", "2. Planning from the term's start",
      "3. Yearly Party-building refresher", "4. Cadre management and study discipline",
      "5. Adequate funding"};
  static constexpr const char* kVietnamese[] = {
      "Tiêu chuẩn chức danh", "1. Củng cố hệ thống đào tạo", "2. Quy hoạch đào tạo từ đầu nhiệm kỳ",
      "3. Bồi dưỡng nghiệp vụ công tác đảng hằng năm", "4. Quản lý cán bộ, kỷ luật học tập",
      "5. Bảo đảm kinh phí"};
  if (point < 0 || point > 5) return language == Language::vietnamese ? "Khác" : "Other";
  return language == Language::vietnamese ? kVietnamese[point] : kEnglish[point];
}

std::string counts_text(const policy::SeverityCounts& counts, Language language) {
  if (language == Language::vietnamese) {
    return std::to_string(counts.error) + " lỗi, " + std::to_string(counts.warning) +
           " cảnh báo, " + std::to_string(counts.info) + " thông tin";
  }
  return std::to_string(counts.error) + " errors, " + std::to_string(counts.warning) +
         " warnings, " + std::to_string(counts.info) + " info";
}

std::string severity_label(policy::Severity severity, Language language) {
  if (language == Language::vietnamese) {
    switch (severity) {
      case policy::Severity::error: return "LỖI     ";
      case policy::Severity::warning: return "CẢNH BÁO";
      case policy::Severity::info: return "THÔNG TIN";
    }
  }
  switch (severity) {
    case policy::Severity::error: return "ERROR  ";
    case policy::Severity::warning: return "WARNING";
    case policy::Severity::info: return "INFO   ";
  }
  return "";
}

void write_summary_text(std::ostream& out, const policy::ComplianceReport& report, Language language) {
  const bool vi = language == Language::vietnamese;
  const std::string date = boost::gregorian::to_iso_extended_string(report.as_of);
  out << (vi ? "Kết quả kiểm tra tuân thủ ngày " : "Compliance as of ") << date
      << (vi ? " — hồ sơ tiêu chuẩn " : " — profile ") << report.profile_name << " (sha256 "
      << report.profile_sha256.substr(0, 12) << ")\n";
  out << report.compliant << "/" << report.cadres
      << (vi ? " cán bộ đạt chuẩn (" : " cadres compliant (") << percent(report.compliant, report.cadres)
      << "); " << (vi ? "phát hiện: " : "findings: ") << counts_text(report.totals, language) << "\n\n";
  out << (vi ? "Theo nội dung:\n" : "By policy point:\n");
  for (const auto& [point, counts] : report.by_point) {
    out << "  " << point_name(point, language) << ": " << counts_text(counts, language) << "\n";
  }
}

std::string unit_heading(const model::Roster& roster, const std::string& unit_id, Language language) {
  if (unit_id.empty()) return language == Language::vietnamese ? "(không thuộc đơn vị)" : "(no unit)";
  const auto* unit = roster.find_unit(model::UnitId(unit_id));
  return unit == nullptr ? unit_id : unit->name + " (" + unit_id + ")";
}

}  // namespace

void write_compliance_json(std::ostream& out, const policy::ComplianceReport& report, Language language) {
  nlohmann::json by_point = nlohmann::json::object();
  for (const auto& [point, counts] : report.by_point) by_point[std::to_string(point)] = counts_json(counts);
  const nlohmann::json summary{{"cadres", report.cadres},
                               {"compliant", report.compliant},
                               {"findings", counts_json(report.totals)},
                               {"by_point", by_point}};
  // The document's keys in the order nlohmann::json (a sorted map) wrote them.
  detail::TopLevelObject document(out);
  document.member("as_of", nlohmann::json(boost::gregorian::to_iso_extended_string(report.as_of)));
  document.object_array_member("findings", report.findings.size(), [&](std::size_t i, std::ostream& to) {
    write_finding(report.findings[i], language, to);
  });
  document.member("profile", nlohmann::json(report.profile_name));
  document.member("profile_sha256", nlohmann::json(report.profile_sha256));
  document.member("summary", summary);
  document.finish();
}

void write_compliance_csv(std::ostream& out, const policy::ComplianceReport& report, Language language) {
  CsvWriter writer(out);
  writer.write_row({"cadre_id", "unit_id", "rule", "point", "severity", "year", "actual",
                    "required", "message", "fix"});
  for (const auto& finding : report.findings) {
    const std::string point = std::to_string(finding.point);
    const std::string year = finding.year ? std::to_string(*finding.year) : "";
    writer.write_row({finding.cadre_id.str(), finding.unit_id.str(), finding.rule_id, point,
                      policy::to_code(finding.severity), year, finding.actual, finding.required,
                      finding.message.in(language), finding.fix.in(language)});
  }
}

void write_compliance_text(std::ostream& out, const policy::ComplianceReport& report,
                           const model::Roster& roster, Language language) {
  write_summary_text(out, report, language);
  const std::string* current_unit = nullptr;
  for (const auto& finding : report.findings) {
    if (current_unit == nullptr || *current_unit != finding.unit_id.str()) {
      current_unit = &finding.unit_id.str();
      out << "\n" << unit_heading(roster, *current_unit, language) << "\n";
    }
    out << "  " << severity_label(finding.severity, language) << "  " << finding.rule_id << "\n"
        << "      " << finding.message.in(language) << "\n"
        << "      " << (language == Language::vietnamese ? "Khắc phục: " : "Fix: ")
        << finding.fix.in(language) << "\n";
  }
  if (report.findings.empty()) {
    out << "\n" << (language == Language::vietnamese ? "Không có phát hiện nào.\n" : "No findings.\n");
  }
}

}  // namespace cadreplan::io
