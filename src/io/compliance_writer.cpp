#include "cadreplan/io/compliance_writer.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <string>

#include "cadreplan/io/csv_table.hpp"

namespace cadreplan::io {
namespace {

using model::Language;

nlohmann::json counts_json(const policy::SeverityCounts& counts) {
  return {{"error", counts.error}, {"warning", counts.warning}, {"info", counts.info}};
}

// \p text as a JSON string, escaped by nlohmann::json as its dump() escapes it (and, like
// it, refusing invalid UTF-8).
std::string json_string(std::string_view text) { return nlohmann::json(text).dump(); }

// An id as a JSON string, or null for none.
std::string json_id(const std::string& id) { return id.empty() ? "null" : json_string(id); }

// \p text, a value dumped with an indent of 2, indented \p levels deeper: nested where
// dump() would have nested it. A JSON text has no raw line break inside its strings, so
// every line break starts a line of its structure.
std::string nested(const std::string& text, std::size_t levels) {
  const std::string indent(2 * levels, ' ');
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  for (const char c : text) {
    out += c;
    if (c == '\n') out += indent;
  }
  return out;
}

// One finding as a member of the document's `findings` array, exactly as nlohmann's
// dump(2) of the whole document wrote it: keys sorted, three levels deep. Written field by
// field: building a json object per finding, then the document, cost about 80 heap blocks a
// finding and half a gigabyte at a million cadres, longer than the check itself.
void write_finding_json(std::ostream& out, const policy::Finding& finding, Language language) {
  constexpr std::string_view key = "      \"";
  out << "    {\n";
  out << key << "actual\": " << json_string(finding.actual) << ",\n";
  out << key << "cadre_id\": " << json_id(finding.cadre_id.str()) << ",\n";
  out << key << "fix\": " << json_string(finding.fix.in(language)) << ",\n";
  out << key << "message\": " << json_string(finding.message.in(language)) << ",\n";
  out << key << "point\": " << finding.point << ",\n";
  out << key << "required\": " << json_string(finding.required) << ",\n";
  out << key << "rule\": " << json_string(finding.rule_id) << ",\n";
  out << key << "severity\": " << json_string(policy::to_code(finding.severity)) << ",\n";
  out << key << "unit_id\": " << json_id(finding.unit_id.str()) << ",\n";
  out << key << "year\": " << (finding.year ? std::to_string(*finding.year) : "null") << "\n";
  out << "    }";
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
  out << "{\n  \"as_of\": " << json_string(boost::gregorian::to_iso_extended_string(report.as_of));
  out << ",\n  \"findings\": ";
  if (report.findings.empty()) {
    out << "[]";
  } else {
    out << "[\n";
    for (std::size_t i = 0; i < report.findings.size(); ++i) {
      if (i > 0) out << ",\n";
      write_finding_json(out, report.findings[i], language);
    }
    out << "\n  ]";
  }
  out << ",\n  \"profile\": " << json_string(report.profile_name);
  out << ",\n  \"profile_sha256\": " << json_string(report.profile_sha256);
  out << ",\n  \"summary\": " << nested(summary.dump(2), 1) << "\n}\n";
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
