// Profile loading: TOML (toml++) -> policy::Profile, with every key checked so a
// typo in a province's profile is an error with its line, never a silent default.
#include "cadreplan/io/profile_toml.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <nettle/sha2.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <set>
#include <sstream>
#include <toml++/toml.h>

#include "cadreplan/model/code.hpp"
#include "cadreplan/model/qualification.hpp"
#include "cadreplan/model/training.hpp"
#include "cadreplan/model/unit.hpp"
#include "io/default_profile_text.hpp"

namespace cadreplan::io {
namespace {

namespace gregorian = boost::gregorian;
using policy::ParameterType;
using policy::ParameterValue;

constexpr int kMaxExtendsDepth = 8;

/// Where a node is, for diagnostics.
struct Location {
  std::string file;
  std::size_t line = 0;
  std::string key;
};

[[noreturn]] void fail(const Location& where, const std::string& message) {
  throw ParseError(Diagnostic{where.file, where.line, where.key, DiagnosticSeverity::error, message});
}

Location locate(const toml::node& node, const std::string& key, const std::string& fallback_file) {
  const auto& source = node.source();
  std::string file = source.path ? std::string(*source.path) : fallback_file;
  return {file, static_cast<std::size_t>(source.begin.line), key};
}

/// Reads one table, remembering its path and the file it came from.
class TableReader {
 public:
  TableReader(const toml::table& table, std::string path, std::string file)
      : table_(table), path_(std::move(path)), file_(std::move(file)) {}

  /// Rejects keys not in \p allowed.
  void only(std::initializer_list<std::string_view> allowed) const {
    for (auto&& [key, node] : table_) {
      if (std::find(allowed.begin(), allowed.end(), key.str()) != allowed.end()) continue;
      std::string expected;
      for (auto name : allowed) expected += (expected.empty() ? "" : ", ") + std::string(name);
      fail(at(key.str(), node), "unknown key '" + std::string(key.str()) + "' (expected one of: " + expected + ")");
    }
  }

  [[nodiscard]] const toml::node* find(std::string_view key) const { return table_.get(key); }
  [[nodiscard]] Location at(std::string_view key, const toml::node& node) const {
    return locate(node, child_path(key), file_);
  }
  [[nodiscard]] Location here() const { return locate(table_, path_, file_); }
  [[nodiscard]] std::string child_path(std::string_view key) const {
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
  }
  [[nodiscard]] const std::string& file() const { return file_; }
  [[nodiscard]] const toml::table& table() const { return table_; }

  [[nodiscard]] std::optional<std::string> string(std::string_view key) const {
    const auto* node = find(key);
    if (node == nullptr) return std::nullopt;
    if (!node->is_string()) fail(at(key, *node), "expected a string");
    return node->as_string()->get();
  }
  [[nodiscard]] std::optional<std::int64_t> integer(std::string_view key, std::int64_t minimum,
                                                    std::int64_t maximum) const {
    const auto* node = find(key);
    if (node == nullptr) return std::nullopt;
    if (!node->is_integer()) fail(at(key, *node), "expected an integer");
    const auto value = node->as_integer()->get();
    if (value < minimum || value > maximum) {
      fail(at(key, *node), "value " + std::to_string(value) + " is out of range [" +
                               std::to_string(minimum) + ", " + std::to_string(maximum) + "]");
    }
    return value;
  }
  [[nodiscard]] std::optional<bool> boolean(std::string_view key) const {
    const auto* node = find(key);
    if (node == nullptr) return std::nullopt;
    if (!node->is_boolean()) fail(at(key, *node), "expected true or false");
    return node->as_boolean()->get();
  }
  [[nodiscard]] std::optional<gregorian::date> date(std::string_view key) const {
    const auto* node = find(key);
    if (node == nullptr) return std::nullopt;
    return to_date(*node, at(key, *node));
  }
  [[nodiscard]] std::vector<std::string> strings(std::string_view key) const {
    std::vector<std::string> values;
    const auto* node = find(key);
    if (node == nullptr) return values;
    if (!node->is_array()) fail(at(key, *node), "expected an array of strings");
    for (const auto& element : *node->as_array()) {
      if (!element.is_string()) fail(at(key, element), "expected an array of strings");
      values.push_back(element.as_string()->get());
    }
    return values;
  }
  template <class E>
  [[nodiscard]] std::optional<E> code(std::string_view key) const {
    const auto text = string(key);
    if (!text) return std::nullopt;
    return parse_code_at<E>(*text, at(key, *find(key)));
  }
  [[nodiscard]] std::string require_string(std::string_view key) const {
    auto value = string(key);
    if (!value) fail(here(), "missing required key '" + child_path(key) + "'");
    return *value;
  }

  static gregorian::date to_date(const toml::node& node, const Location& where) {
    if (!node.is_date()) fail(where, "expected a date (YYYY-MM-DD, unquoted)");
    const auto value = node.as_date()->get();
    try {
      return gregorian::date(value.year, value.month, value.day);
    } catch (const std::exception&) {
      fail(where, "impossible date");
    }
  }

  template <class E>
  static E parse_code_at(const std::string& text, const Location& where) {
    if (const auto value = model::parse_code<E>(text)) return *value;
    std::string expected;
    for (E candidate : model::all_codes<E>()) {
      expected += (expected.empty() ? "" : ", ") + std::string(model::to_code(candidate));
    }
    fail(where, "unknown " + std::string(model::code_kind_name<E>()) + " '" + text +
                    "' (expected one of: " + expected + ")");
  }

 private:
  const toml::table& table_;
  std::string path_;
  std::string file_;
};

TableReader sub_table(const TableReader& parent, std::string_view key) {
  const auto* node = parent.find(key);
  if (!node->is_table()) fail(parent.at(key, *node), "expected a table");
  return TableReader(*node->as_table(), parent.child_path(key), parent.file());
}

template <class Visit>
void for_each_table_in_array(const TableReader& parent, std::string_view key, Visit visit) {
  const auto* node = parent.find(key);
  if (node == nullptr) return;
  if (!node->is_array()) fail(parent.at(key, *node), "expected an array of tables ([[" + parent.child_path(key) + "]])");
  std::size_t index = 0;
  for (const auto& element : *node->as_array()) {
    const std::string path = parent.child_path(key) + "[" + std::to_string(index) + "]";
    if (!element.is_table()) fail(locate(element, path, parent.file()), "expected a table");
    visit(TableReader(*element.as_table(), path, parent.file()));
    ++index;
  }
}

// ---- extends -----------------------------------------------------------------------------

// Moves the overlay's nodes into the base: toml++ drops a node's source position when it
// is copied, so copied nodes reported line 0 in diagnostics of an extending profile.
void merge_into(toml::table& base, toml::table& overlay) {
  for (auto&& [key, node] : overlay) {
    auto* existing = base.get(key.str());
    if (existing != nullptr && existing->is_table() && node.is_table()) {
      merge_into(*existing->as_table(), *node.as_table());
    } else {
      base.insert_or_assign(key, std::move(node));
    }
  }
}

toml::table parse_toml(std::string_view text, const std::string& source_name) {
  try {
    return toml::parse(text, source_name);
  } catch (const toml::parse_error& error) {
    const auto& begin = error.source().begin;
    throw ParseError(Diagnostic{source_name, static_cast<std::size_t>(begin.line), "",
                                DiagnosticSeverity::error,
                                std::string(error.description()) + " (column " +
                                    std::to_string(begin.column) + ")"});
  }
}

[[noreturn]] void fail_reading(const std::filesystem::path& file, const std::string& message) {
  throw ParseError(Diagnostic{file.string(), 0, "", DiagnosticSeverity::error, message});
}

// Only a regular file of sane size: /dev/zero would exhaust memory, a FIFO hang the load.
std::string read_file(const std::filesystem::path& file) {
  std::error_code error;
  const auto status = std::filesystem::status(file, error);
  if (status.type() == std::filesystem::file_type::not_found) {
    fail_reading(file, "cannot read the profile file: it does not exist");
  }
  if (error) fail_reading(file, "cannot read the profile file: " + error.message());
  if (!std::filesystem::is_regular_file(status)) {
    fail_reading(file, "cannot read the profile file: not a regular file");
  }
  const auto size = std::filesystem::file_size(file, error);
  if (error) fail_reading(file, "cannot read the profile file: " + error.message());
  if (size > max_profile_bytes) {
    fail_reading(file, "the profile file is " + std::to_string(size) + " bytes, more than the " +
                           std::to_string(max_profile_bytes) + " a profile may have");
  }
  std::ifstream stream(file, std::ios::binary);
  if (!stream) fail_reading(file, "cannot read the profile file");
  std::string contents(static_cast<std::size_t>(size), '\0');
  stream.read(contents.data(), static_cast<std::streamsize>(size));
  contents.resize(static_cast<std::size_t>(stream.gcount()));  // it may have shrunk meanwhile
  return contents;
}

toml::table resolve_extends(std::string_view text, const std::string& source_name,
                            const std::filesystem::path& base_directory, int depth) {
  toml::table table = parse_toml(text, source_name);
  const auto* profile = table.get("profile");
  const auto* extends = profile != nullptr && profile->is_table() ? profile->as_table()->get("extends") : nullptr;
  if (extends == nullptr) return table;
  const Location where = locate(*extends, "profile.extends", source_name);
  if (!extends->is_string()) fail(where, "expected a string: \"default\" or a file name");
  if (depth >= kMaxExtendsDepth) fail(where, "profiles extend each other more than " + std::to_string(kMaxExtendsDepth) + " deep (a cycle?)");
  const std::string parent_name = extends->as_string()->get();
  toml::table parent;
  if (parent_name == "default") {
    parent = resolve_extends(default_profile_text(), "default.toml", {}, depth + 1);
  } else {
    const auto path = base_directory / parent_name;
    // The overload that reports errors instead of throwing them: a name the system refuses
    // (too long, say) must be a diagnostic on the profile, not a filesystem_error.
    std::error_code error;
    const auto status = std::filesystem::status(path, error);
    if (status.type() == std::filesystem::file_type::not_found) {
      fail(where, "extended profile '" + path.string() + "' does not exist");
    }
    if (error) fail(where, "cannot read extended profile '" + path.string() + "': " + error.message());
    if (!std::filesystem::is_regular_file(status)) {
      fail(where, "extended profile '" + path.string() + "' is not a regular file");
    }
    parent = resolve_extends(read_file(path), path.string(), path.parent_path(), depth + 1);
  }
  table.as_table()->get("profile")->as_table()->erase("extends");
  merge_into(parent, table);
  return parent;
}

// ---- sections ----------------------------------------------------------------------------

void read_profile_section(const TableReader& root, policy::Profile& profile) {
  if (root.find("profile") == nullptr) fail(root.here(), "missing required table [profile]");
  const auto section = sub_table(root, "profile");
  section.only({"name", "description", "extends"});
  profile.name = section.require_string("name");
  profile.description = section.string("description").value_or("");
}

void read_terms(const TableReader& root, policy::Profile& profile) {
  if (root.find("terms") == nullptr) return;
  const auto section = sub_table(root, "terms");
  section.only({"anchor_year", "length_years"});
  profile.terms.anchor_year = static_cast<int>(section.integer("anchor_year", 1945, 9000).value_or(profile.terms.anchor_year));
  profile.terms.length_years = static_cast<int>(section.integer("length_years", 1, 10).value_or(profile.terms.length_years));
}

void read_eligibility(const TableReader& root, policy::Profile& profile) {
  if (root.find("eligibility") == nullptr) return;
  const auto section = sub_table(root, "eligibility");
  section.only({"min_months_in_post", "min_months_to_retirement", "study_record_years"});
  auto& eligibility = profile.eligibility;
  eligibility.min_months_in_post = static_cast<int>(
      section.integer("min_months_in_post", 0, 240).value_or(eligibility.min_months_in_post));
  eligibility.min_months_to_retirement = static_cast<int>(
      section.integer("min_months_to_retirement", 0, 600).value_or(eligibility.min_months_to_retirement));
  eligibility.study_record_years = static_cast<int>(
      section.integer("study_record_years", 0, 50).value_or(eligibility.study_record_years));
}

void read_planning(const TableReader& root, policy::Profile& profile) {
  if (root.find("planning") == nullptr) return;
  const auto section = sub_table(root, "planning");
  section.only({"secretaries_first", "gap_order", "reachable_first", "accredited_only",
                "pair_skills"});
  auto& planning = profile.planning;
  planning.secretaries_first = section.boolean("secretaries_first").value_or(planning.secretaries_first);
  planning.reachable_first = section.boolean("reachable_first").value_or(planning.reachable_first);
  planning.accredited_only = section.boolean("accredited_only").value_or(planning.accredited_only);
  planning.pair_skills = section.boolean("pair_skills").value_or(planning.pair_skills);
  if (const auto order = section.string("gap_order")) {
    if (*order != "largest_first" && *order != "smallest_first") {
      fail(section.at("gap_order", *section.find("gap_order")),
           "unknown gap order '" + *order + "' (expected largest_first or smallest_first)");
    }
    planning.largest_gap_first = *order == "largest_first";
  }
}

void read_retirement_step(const TableReader& parent, std::string_view key, policy::RetirementStep& step) {
  if (parent.find(key) == nullptr) return;
  const auto section = sub_table(parent, key);
  section.only({"base_year", "base_months", "step_months", "final_months"});
  step.base_year = static_cast<int>(section.integer("base_year", 1945, 9000).value_or(step.base_year));
  step.base_months = static_cast<int>(section.integer("base_months", 180, 1200).value_or(step.base_months));
  step.step_months = static_cast<int>(section.integer("step_months", 0, 24).value_or(step.step_months));
  step.final_months = static_cast<int>(section.integer("final_months", 180, 1200).value_or(step.final_months));
  if (step.final_months < step.base_months) {
    fail(section.here(), "final_months (" + std::to_string(step.final_months) +
                             ") is below base_months (" + std::to_string(step.base_months) + ")");
  }
}

void read_retirement(const TableReader& root, policy::Profile& profile) {
  if (root.find("retirement") == nullptr) return;
  const auto section = sub_table(root, "retirement");
  section.only({"men", "women"});
  read_retirement_step(section, "men", profile.retirement.men);
  read_retirement_step(section, "women", profile.retirement.women);
}

policy::StandardExemption read_exemption(const TableReader& table) {
  table.only({"areas", "large_minority", "appointed_before", "general_education",
              "professional_level", "political_theory", "source"});
  policy::StandardExemption exemption;
  for (const auto& area : table.strings("areas")) {
    exemption.areas.push_back(TableReader::parse_code_at<model::Area>(area, table.at("areas", *table.find("areas"))));
  }
  exemption.large_minority = table.boolean("large_minority");
  exemption.appointed_before = table.date("appointed_before");
  exemption.general_education = table.code<model::GeneralEducation>("general_education");
  exemption.professional_level = table.code<model::ProfessionalLevel>("professional_level");
  exemption.political_theory = table.code<model::PoliticalTheory>("political_theory");
  exemption.source = table.string("source").value_or("");
  return exemption;
}

policy::PositionStandard read_standard(const TableReader& table) {
  table.only({"position", "from", "until", "source", "general_education", "professional_level",
              "political_theory", "state_management", "max_age_at_appointment", "min_age",
              "exemptions"});
  policy::PositionStandard standard;
  const auto position = table.code<model::Position>("position");
  if (!position) fail(table.here(), "missing required key '" + table.child_path("position") + "'");
  standard.position = *position;
  const auto from = table.date("from");
  if (!from) fail(table.here(), "missing required key '" + table.child_path("from") + "'");
  standard.from = *from;
  standard.until = table.date("until");
  if (standard.until && *standard.until < standard.from) {
    fail(table.at("until", *table.find("until")), "the standard ends before it starts (until < from)");
  }
  standard.source = table.string("source").value_or("");
  standard.general_education = table.code<model::GeneralEducation>("general_education");
  standard.professional_level = table.code<model::ProfessionalLevel>("professional_level");
  standard.political_theory = table.code<model::PoliticalTheory>("political_theory");
  standard.state_management = table.code<model::StateManagement>("state_management");
  if (auto age = table.integer("max_age_at_appointment", 16, 80)) standard.max_age_at_appointment = static_cast<int>(*age);
  if (auto age = table.integer("min_age", 16, 80)) standard.min_age = static_cast<int>(*age);
  if (standard.min_age && standard.max_age_at_appointment && *standard.min_age > *standard.max_age_at_appointment) {
    fail(table.here(), "min_age is above max_age_at_appointment");
  }
  for_each_table_in_array(table, "exemptions", [&](const TableReader& exemption) {
    standard.exemptions.push_back(read_exemption(exemption));
  });
  return standard;
}

std::string period_text(const policy::PositionStandard& standard) {
  return gregorian::to_iso_extended_string(standard.from) + " to " +
         (standard.until ? gregorian::to_iso_extended_string(*standard.until) : std::string("open"));
}

// One position's periods must tile time: no overlap, no gap, only the last open.
void verify_periods(std::vector<std::pair<policy::PositionStandard, Location>> standards) {
  std::stable_sort(standards.begin(), standards.end(), [](const auto& a, const auto& b) {
    return std::tie(a.first.position, a.first.from) < std::tie(b.first.position, b.first.from);
  });
  for (std::size_t i = 1; i < standards.size(); ++i) {
    const auto& previous = standards[i - 1].first;
    const auto& current = standards[i].first;
    if (previous.position != current.position) continue;
    const std::string position(model::to_code(current.position));
    if (!previous.until || current.from <= *previous.until) {
      fail(standards[i].second, "standards for " + position + " overlap: " + period_text(previous) +
                                     " and " + period_text(current));
    }
    if (*previous.until + gregorian::days(1) != current.from) {
      fail(standards[i].second, "standards for " + position + " leave a gap between " +
                                     gregorian::to_iso_extended_string(*previous.until) + " and " +
                                     gregorian::to_iso_extended_string(current.from));
    }
  }
}

void read_standards(const TableReader& root, policy::Profile& profile) {
  std::vector<std::pair<policy::PositionStandard, Location>> located;
  for_each_table_in_array(root, "standards", [&](const TableReader& table) {
    located.emplace_back(read_standard(table), table.here());
  });
  verify_periods(located);
  for (auto& [standard, where] : located) profile.standards.push_back(std::move(standard));
}

void read_fields(const TableReader& root, policy::Profile& profile) {
  if (root.find("fields") == nullptr) return;
  const auto section = sub_table(root, "fields");
  for (auto&& [key, node] : section.table()) {
    const auto position = TableReader::parse_code_at<model::Position>(std::string(key.str()), section.at(key.str(), node));
    const auto lists = sub_table(section, key.str());
    lists.only({"fit", "unfit"});
    profile.fields.add_fitting(position, lists.strings("fit"));
    profile.fields.add_unfitting(position, lists.strings("unfit"));
  }
}

void read_providers(const TableReader& root, policy::Profile& profile) {
  if (root.find("providers") == nullptr) return;
  const auto section = sub_table(root, "providers");
  section.only({"accredited"});
  profile.accredited_providers = section.strings("accredited");
}

ParameterValue read_parameter(const TableReader& table, const policy::ParameterSpec& spec) {
  const auto* node = table.find(spec.name);
  const Location where = table.at(spec.name, *node);
  auto check_range = [&](double value) {
    if ((spec.minimum && value < *spec.minimum) || (spec.maximum && value > *spec.maximum)) {
      std::ostringstream bounds;
      bounds << "[" << spec.minimum.value_or(-1e300) << ", " << spec.maximum.value_or(1e300) << "]";
      std::ostringstream shown;
      shown << value;
      fail(where, "value " + shown.str() + " is out of range " + bounds.str());
    }
  };
  switch (spec.type) {
    case ParameterType::boolean:
      return *table.boolean(spec.name);
    case ParameterType::integer: {
      if (!node->is_integer()) fail(where, "expected an integer");
      const auto value = node->as_integer()->get();
      check_range(static_cast<double>(value));
      return value;
    }
    case ParameterType::number: {
      if (!node->is_number()) fail(where, "expected a number");
      const double value = node->is_integer() ? static_cast<double>(node->as_integer()->get())
                                              : node->as_floating_point()->get();
      check_range(value);
      return value;
    }
    case ParameterType::string:
      return *table.string(spec.name);
    case ParameterType::date:
      return *table.date(spec.name);
    case ParameterType::string_list:
      return table.strings(spec.name);
  }
  fail(where, "unsupported parameter type");
}

const policy::ParameterValue* value_or_default(const policy::RuleSettings& settings, const policy::RuleInfo& info,
                                               const std::string& name) {
  if (auto found = settings.parameters.find(name); found != settings.parameters.end()) return &found->second;
  for (const auto& spec : info.parameters) {
    if (spec.name == name) return &spec.default_value;
  }
  return nullptr;
}

std::string shown(double value) {
  std::ostringstream text;
  text << value;
  return text.str();
}

double as_number(const policy::ParameterValue& value) {
  if (const auto* integer = std::get_if<std::int64_t>(&value)) return static_cast<double>(*integer);
  if (const auto* number = std::get_if<double>(&value)) return *number;
  return 0.0;
}

// Convention: a parameter min_X must not exceed max_X.
void verify_min_max(const TableReader& table, const policy::RuleInfo& info, const policy::RuleSettings& settings) {
  for (const auto& spec : info.parameters) {
    if (!spec.name.starts_with("min_")) continue;
    const std::string partner = "max_" + spec.name.substr(4);
    const auto* minimum = value_or_default(settings, info, spec.name);
    const auto* maximum = value_or_default(settings, info, partner);
    if (minimum == nullptr || maximum == nullptr) continue;
    if (as_number(*minimum) > as_number(*maximum)) {
      // Point at the key the profile set (the minimum first), not the table's header:
      // with `extends` the header may be the parent's, in another file.
      std::string key = spec.name;
      const toml::node* node = table.find(key);
      if (node == nullptr) {
        key = partner;
        node = table.find(key);
      }
      fail(node != nullptr ? table.at(key, *node) : table.here(), "rule " + info.id + ": " + spec.name + " (" + shown(as_number(*minimum)) +
                             ") is greater than " + partner + " (" + shown(as_number(*maximum)) + ")");
    }
  }
}

void verify_codes(const TableReader& table, const policy::RuleInfo& info, const policy::RuleSettings& settings) {
  // Parameters that name codes are checked here so evaluation never meets a typo.
  if (const auto found = settings.parameters.find("positions"); found != settings.parameters.end()) {
    for (const auto& code : std::get<std::vector<std::string>>(found->second)) {
      (void)TableReader::parse_code_at<model::Position>(code, table.at("positions", *table.find("positions")));
    }
  }
  if (const auto found = settings.parameters.find("kind"); found != settings.parameters.end()) {
    (void)TableReader::parse_code_at<model::TrainingKind>(std::get<std::string>(found->second),
                                                          table.at("kind", *table.find("kind")));
  }
  (void)info;
}

policy::RuleSettings read_rule_settings(const TableReader& table, const policy::Rule& rule) {
  policy::RuleSettings settings;
  const auto& info = rule.info();
  for (auto&& [key, node] : table.table()) {
    const std::string name(key.str());
    if (name == "enabled") {
      settings.enabled = *table.boolean("enabled");
    } else if (name == "severity") {
      const auto text = *table.string("severity");
      settings.severity = policy::parse_severity(text);
      if (!settings.severity) fail(table.at(name, node), "unknown severity '" + text + "' (expected one of: info, warning, error)");
    } else {
      const auto spec = std::find_if(info.parameters.begin(), info.parameters.end(),
                                     [&](const auto& candidate) { return candidate.name == name; });
      if (spec == info.parameters.end()) {
        std::string expected = "enabled, severity";
        for (const auto& candidate : info.parameters) expected += ", " + candidate.name;
        fail(table.at(name, node), "rule " + info.id + " has no parameter '" + name + "' (expected one of: " + expected + ")");
      }
      settings.parameters.emplace(name, read_parameter(table, *spec));
    }
  }
  verify_min_max(table, info, settings);
  verify_codes(table, info, settings);
  return settings;
}

void read_rules(const TableReader& root, const policy::RuleRegistry& registry, policy::Profile& profile) {
  if (root.find("rules") == nullptr) return;
  const auto section = sub_table(root, "rules");
  for (auto&& [key, node] : section.table()) {
    const std::string id(key.str());
    const auto* rule = registry.find(id);
    if (rule == nullptr) fail(section.at(id, node), "unknown rule '" + id + "'");
    profile.rules[id] = read_rule_settings(sub_table(section, id), *rule);
  }
}

void read_tests(const TableReader& root, const policy::RuleRegistry& registry, policy::Profile& profile) {
  for_each_table_in_array(root, "tests", [&](const TableReader& table) {
    table.only({"name", "as_of", "rules", "expect", "exact", "tables"});
    policy::ProfileTestCase test;
    test.name = table.require_string("name");
    const auto as_of = table.date("as_of");
    if (!as_of) fail(table.here(), "missing required key '" + table.child_path("as_of") + "'");
    test.as_of = *as_of;
    test.exact = table.boolean("exact").value_or(true);
    test.line = table.here().line;
    for (const auto& id : table.strings("rules")) {
      if (registry.find(id) == nullptr) fail(table.at("rules", *table.find("rules")), "unknown rule '" + id + "'");
      test.rules.push_back(id);
    }
    for_each_table_in_array(table, "expect", [&](const TableReader& expected) {
      expected.only({"rule", "cadre", "unit"});
      policy::ExpectedFinding finding{expected.require_string("rule"), expected.string("cadre").value_or(""),
                                      expected.string("unit").value_or("")};
      if (registry.find(finding.rule_id) == nullptr) {
        fail(expected.at("rule", *expected.find("rule")), "unknown rule '" + finding.rule_id + "'");
      }
      test.expected.push_back(std::move(finding));
    });
    if (table.find("tables") == nullptr) fail(table.here(), "missing required table '" + table.child_path("tables") + "'");
    const auto tables = sub_table(table, "tables");
    tables.only({"units.csv", "cadres.csv", "trainings.csv", "pools.csv", "budgets.csv"});
    for (auto&& [key, node] : tables.table()) test.tables[std::string(key.str())] = *tables.string(key.str());
    profile.tests.push_back(std::move(test));
  });
}

std::string sha256_hex(std::string_view text) {
  sha256_ctx context;
  sha256_init(&context);
  sha256_update(&context, text.size(), reinterpret_cast<const std::uint8_t*>(text.data()));
  std::array<std::uint8_t, SHA256_DIGEST_SIZE> digest{};
  sha256_digest(&context, digest.size(), digest.data());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (auto byte : digest) {
    hex.push_back(kHex[byte >> 4]);
    hex.push_back(kHex[byte & 0x0F]);
  }
  return hex;
}

}  // namespace

std::string_view default_profile_text() noexcept { return detail::kDefaultProfileText; }

policy::Profile parse_profile(std::string_view text, const std::string& source_name,
                              const policy::RuleRegistry& registry,
                              const std::filesystem::path& base_directory) {
  const toml::table merged = resolve_extends(text, source_name, base_directory, 0);
  const TableReader root(merged, "", source_name);
  root.only({"profile", "terms", "retirement", "eligibility", "planning", "standards", "fields",
             "providers", "rules", "tests"});
  policy::Profile profile;
  read_profile_section(root, profile);
  read_terms(root, profile);
  read_retirement(root, profile);
  read_eligibility(root, profile);
  read_planning(root, profile);
  read_standards(root, profile);
  read_fields(root, profile);
  read_providers(root, profile);
  read_rules(root, registry, profile);
  read_tests(root, registry, profile);
  std::ostringstream canonical;
  canonical << toml::toml_formatter(merged, toml::format_flags::allow_unicode_strings);
  profile.canonical_text = canonical.str();
  profile.sha256 = sha256_hex(profile.canonical_text);
  return profile;
}

policy::Profile load_profile(const std::filesystem::path& file, const policy::RuleRegistry& registry) {
  return parse_profile(read_file(file), file.string(), registry, file.parent_path());
}

policy::Profile default_profile(const policy::RuleRegistry& registry) {
  return parse_profile(default_profile_text(), "default.toml", registry);
}

}  // namespace cadreplan::io
