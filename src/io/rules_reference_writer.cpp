#include "cadreplan/io/rules_reference_writer.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>

#include <sstream>

namespace cadreplan::io {
namespace {

std::string value_text(const policy::ParameterValue& value) {
  struct Visitor {
    std::string operator()(bool flag) const { return flag ? "true" : "false"; }
    std::string operator()(std::int64_t number) const { return std::to_string(number); }
    std::string operator()(double number) const {
      std::ostringstream text;
      text << number;
      return text.str();
    }
    std::string operator()(const std::string& text) const { return "\"" + text + "\""; }
    std::string operator()(boost::gregorian::date day) const {
      return boost::gregorian::to_iso_extended_string(day);
    }
    std::string operator()(const std::vector<std::string>& list) const {
      std::string text = "[";
      for (const auto& item : list) text += (text.size() > 1 ? ", \"" : "\"") + item + "\"";
      return text + "]";
    }
  };
  return std::visit(Visitor{}, value);
}

std::string bound_text(const std::optional<double>& bound) {
  if (!bound) return "-";
  std::ostringstream text;
  text << *bound;
  return text.str();
}

void write_parameters(std::ostream& out, const policy::RuleInfo& info,
                      const policy::RuleSettings& settings, model::Language language) {
  if (info.parameters.empty()) return;
  const bool vi = language == model::Language::vietnamese;
  out << (vi ? "| tham số | kiểu | tối thiểu | tối đa | mặc định | hồ sơ | ý nghĩa |\n"
             : "| parameter | type | min | max | default | profile | meaning |\n")
      << "|---|---|---|---|---|---|---|\n";
  for (const auto& spec : info.parameters) {
    const auto set = settings.parameters.find(spec.name);
    out << "| `" << spec.name << "` | " << policy::to_code(spec.type) << " | "
        << bound_text(spec.minimum) << " | " << bound_text(spec.maximum) << " | `"
        << value_text(spec.default_value) << "` | `"
        << (set == settings.parameters.end() ? value_text(spec.default_value) : value_text(set->second))
        << "` | " << spec.description.in(language) << " |\n";
  }
  out << "\n";
}

}  // namespace

void write_rules_markdown(std::ostream& out, const policy::RuleRegistry& registry,
                          const policy::Profile& profile, model::Language language) {
  const bool vi = language == model::Language::vietnamese;
  out << (vi ? "# Danh mục quy tắc\n\n" : "# Rules reference\n\n")
      << (vi ? "Sinh tự động từ mô tả của từng quy tắc (`cadreplan rules`), với hồ sơ `"
             : "Generated from each rule's own description (`cadreplan rules`), with profile `")
      << profile.name << "` (sha256 `" << profile.sha256.substr(0, 12) << "`).\n\n";
  out << (vi ? "| quy tắc | nội dung | mức mặc định | mức trong hồ sơ | bật |\n"
             : "| rule | point | default severity | profile severity | enabled |\n")
      << "|---|---|---|---|---|\n";
  for (const auto& rule : registry.rules()) {
    const auto& info = rule->info();
    const auto& settings = profile.settings_of(info.id);
    out << "| `" << info.id << "` | " << info.point << " | " << policy::to_code(info.default_severity)
        << " | " << policy::to_code(settings.severity.value_or(info.default_severity)) << " | "
        << (settings.enabled ? (vi ? "có" : "yes") : (vi ? "không" : "no")) << " |\n";
  }
  for (const auto& rule : registry.rules()) {
    const auto& info = rule->info();
    out << "\n## `" << info.id << "` — " << info.title.in(language) << "\n\n"
        << info.description.in(language) << "\n\n"
        << (vi ? "- Nội dung: " : "- Policy point: ") << info.point << "\n"
        << (vi ? "- Mức mặc định: " : "- Default severity: ") << policy::to_code(info.default_severity) << "\n"
        << (vi ? "- Căn cứ: " : "- Source: ") << info.source << "\n\n";
    write_parameters(out, info, profile.settings_of(info.id), language);
  }
}

}  // namespace cadreplan::io
