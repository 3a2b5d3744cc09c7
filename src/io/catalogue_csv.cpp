// Loading `courses.csv`. A catalogue is small (tens of courses), so it is read whole with
// read_csv_table() and checked cell by cell, every error located by line and column.
#include "cadreplan/io/catalogue_csv.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <optional>
#include <string_view>
#include <utility>

#include "cadreplan/io/cell_parsers.hpp"
#include "cadreplan/text/fold.hpp"

namespace cadreplan::io {
namespace {

// Built by appending: GCC 12's -Wrestrict misfires on `"'" + std::string(text) + "'"` at -O2.
std::string in_quotes(std::string_view text) {
  std::string quoted;
  quoted.reserve(text.size() + 2);
  quoted += '\'';
  quoted += text;
  quoted += '\'';
  return quoted;
}

struct ColumnSpec {
  std::string_view name;
  bool required;
};

enum Column : std::size_t {
  id,
  name,
  kind,
  provider,
  cost,
  days,
  confers,
  requires_level,
  accredited,
  capacity,
  months,
  part_time,
  column_count,
};

constexpr std::array<ColumnSpec, column_count> kColumns{{{"id", true},
                                                         {"name", true},
                                                         {"kind", true},
                                                         {"provider", true},
                                                         {"cost", true},
                                                         {"days", true},
                                                         {"confers", false},
                                                         {"requires", false},
                                                         {"accredited", false},
                                                         {"capacity", false},
                                                         {"months", false},
                                                         {"part_time", false}}};

// A whole number within [minimum, maximum], or nothing.
std::optional<int> whole_number(std::string_view text, int minimum, int maximum) {
  int value = 0;
  const auto* end = text.data() + text.size();
  const auto result = std::from_chars(text.data(), end, value);
  if (text.empty() || result.ec != std::errc() || result.ptr != end) return std::nullopt;
  if (value < minimum || value > maximum) return std::nullopt;
  return value;
}

class Loader {
 public:
  Loader(const CsvTable& table, const CatalogueLoadOptions& options)
      : table_(table), options_(options) {}

  CatalogueLoadResult run() {
    resolve_columns();
    if (errors_.empty()) {
      for (const CsvTableRow& row : table_.rows) read_row(row);
    }
    if (!errors_.empty()) throw ParseError(std::move(errors_));
    CatalogueLoadResult result;
    try {
      result.catalogue = planning::Catalogue::build(std::move(courses_));
    } catch (const planning::CatalogueError& error) {
      // Every rule of build() was checked above, row by row; this is a safety net.
      throw ParseError(Diagnostic{table_.file, 0, {}, DiagnosticSeverity::error, error.what()});
    }
    result.warnings = std::move(warnings_);
    return result;
  }

 private:
  void error(std::size_t line, std::string column, std::string message) {
    Diagnostic diagnostic{table_.file, line, std::move(column), DiagnosticSeverity::error,
                          std::move(message)};
    if (!options_.keep_going) throw ParseError(std::move(diagnostic));
    errors_.push_back(std::move(diagnostic));
  }

  void resolve_columns() {
    for (std::size_t column = 0; column < column_count; ++column) {
      index_[column] = table_.find_column(kColumns[column].name);
      names_[column] =
          index_[column] ? table_.header[*index_[column]] : std::string(kColumns[column].name);
      if (!index_[column] && kColumns[column].required) {
        error(table_.header_line, std::string(kColumns[column].name),
              "missing required column " + in_quotes(kColumns[column].name));
      }
    }
    for (std::size_t i = 0; i < table_.header.size(); ++i) {
      const bool known =
          std::find(index_.begin(), index_.end(), std::optional<std::size_t>(i)) != index_.end();
      if (known) continue;
      const std::string& header = table_.header[i];
      warnings_.push_back(Diagnostic{
          table_.file, table_.header_line,
          header.empty() ? "column " + std::to_string(i + 1) : header, DiagnosticSeverity::warning,
          header.empty() ? "a column without a name is ignored"
                         : "unknown column " + in_quotes(header) + " is ignored"});
    }
  }

  std::string_view cell(const CsvTableRow& row, std::size_t column) const {
    const auto& index = index_[column];
    return index && *index < row.cells.size() ? text::trim(row.cells[*index]) : std::string_view{};
  }

  // The cell of a required column; reports it when empty.
  std::string_view required(const CsvTableRow& row, std::size_t column, bool& ok) {
    const std::string_view text = cell(row, column);
    if (text.empty()) {
      ok = false;
      error(row.line, names_[column], "empty cell in required column " + in_quotes(names_[column]));
    }
    return text;
  }

  template <class Parse>
  void parse(const CsvTableRow& row, std::size_t column, std::string_view text, bool& ok,
             Parse&& parse_cell) {
    try {
      parse_cell(text);
    } catch (const CellError& bad) {
      ok = false;
      error(row.line, names_[column], bad.what());
    }
  }

  std::optional<planning::QualificationLevel> level(const CsvTableRow& row, std::size_t column,
                                                    const planning::Course& course, bool& ok) {
    const std::string_view text = cell(row, column);
    if (text.empty()) return std::nullopt;
    const auto dimension = planning::dimension_of(course.kind);
    if (!dimension) {
      ok = false;
      error(row.line, names_[column],
            in_quotes(names_[column]) + " is " + in_quotes(text) + ", but a " +
                std::string(model::to_code(course.kind)) +
                " course confers no level (only political_theory, professional and "
                "state_management courses do)");
      return std::nullopt;
    }
    auto parsed = planning::QualificationLevel::parse(*dimension, text);
    if (!parsed) {
      ok = false;
      error(row.line, names_[column],
            "unknown " + std::string(planning::to_code(*dimension)) + " level " + in_quotes(text) +
                " for a " + std::string(model::to_code(course.kind)) + " course");
    }
    return parsed;
  }

  void read_row(const CsvTableRow& row) {
    bool ok = true;
    planning::Course course;
    const std::string_view id_text = required(row, id, ok);
    course.id = model::CourseId(std::string(id_text));
    course.name = text::to_nfc(required(row, name, ok));
    const std::string_view kind_text = required(row, kind, ok);
    if (!kind_text.empty()) {
      parse(row, kind, kind_text, ok, [&](std::string_view text) {
        course.kind = parse_code_cell<model::TrainingKind>(text, names_[kind]);
      });
    }
    course.provider = text::to_nfc(required(row, provider, ok));
    if (const auto text = required(row, cost, ok); !text.empty()) {
      parse(row, cost, text, ok, [&](std::string_view value) { course.cost = parse_money(value); });
    }
    if (const auto text = required(row, days, ok); !text.empty()) {
      if (const auto value = whole_number(text, 1, 36500)) {
        course.days = *value;
      } else {
        ok = false;
        error(row.line, names_[days],
              "invalid duration " + in_quotes(text) +
                  " (expected a whole number of days, at least 1)");
      }
    }
    const bool kind_known = !kind_text.empty() && ok;
    if (kind_known) {
      course.confers = level(row, confers, course, ok);
      course.prerequisite = level(row, requires_level, course, ok);
      if (course.confers && course.prerequisite &&
          course.prerequisite->rank() > course.confers->rank()) {
        ok = false;
        error(row.line, names_[requires_level],
              "requires " + in_quotes(course.prerequisite->code()) +
                  ", above the level it confers (" + in_quotes(course.confers->code()) + ")");
      }
    }
    if (const auto text = cell(row, accredited); !text.empty()) {
      parse(row, accredited, text, ok,
            [&](std::string_view value) { course.accredited = parse_bool(value); });
    }
    if (const auto text = cell(row, capacity); !text.empty()) {
      if (const auto value = whole_number(text, 0, 100'000'000)) {
        course.capacity = *value;
      } else {
        ok = false;
        error(row.line, names_[capacity],
              "invalid capacity " + in_quotes(text) + " (expected a whole number of seats a year)");
      }
    }
    if (const auto text = cell(row, months); !text.empty()) read_months(row, text, course, ok);
    if (const auto text = cell(row, part_time); !text.empty()) {
      parse(row, part_time, text, ok,
            [&](std::string_view value) { course.part_time = parse_bool(value); });
    }

    if (!id_text.empty()) {
      const auto [first, inserted] = lines_.emplace(std::string(id_text), row.line);
      if (!inserted) {
        ok = false;
        error(row.line, names_[id],
              "duplicate course id " + in_quotes(id_text) + " (first on line " +
                  std::to_string(first->second) + ")");
      }
    }
    if (ok) courses_.push_back(std::move(course));
  }

  void read_months(const CsvTableRow& row, std::string_view text, planning::Course& course,
                   bool& ok) {
    std::size_t begin = 0;
    while (begin <= text.size()) {
      const std::size_t end = std::min(text.find(';', begin), text.size());
      const std::string_view item = text::trim(text.substr(begin, end - begin));
      const auto month = whole_number(item, 1, 12);
      if (!month) {
        ok = false;
        error(row.line, names_[months],
              "invalid month " + in_quotes(item) + " in " + in_quotes(text) +
                  " (expected months 1-12 separated by ';', e.g. 3;9)");
        return;
      }
      if (std::find(course.start_months.begin(), course.start_months.end(), *month) !=
          course.start_months.end()) {
        ok = false;
        error(row.line, names_[months],
              "month " + std::to_string(*month) + " is listed twice in " + in_quotes(text));
        return;
      }
      course.start_months.push_back(*month);
      begin = end + 1;
    }
    std::sort(course.start_months.begin(), course.start_months.end());
  }

  const CsvTable& table_;
  const CatalogueLoadOptions& options_;
  std::array<std::optional<std::size_t>, column_count> index_{};
  std::array<std::string, column_count> names_{};
  std::vector<planning::Course> courses_;
  std::map<std::string, std::size_t> lines_;
  std::vector<Diagnostic> errors_;
  std::vector<Diagnostic> warnings_;
};

}  // namespace

CatalogueLoadResult load_catalogue_csv(const std::filesystem::path& file,
                                       const CatalogueLoadOptions& options) {
  std::error_code error;  // reported, not thrown: a name the system refuses is a diagnostic
  if (!std::filesystem::exists(file, error)) {
    throw ParseError(Diagnostic{file.string(), 0, {}, DiagnosticSeverity::error,
                                error ? "cannot read the catalogue file: " + error.message()
                                      : std::string("the catalogue file does not exist")});
  }
  const CsvTable table = read_csv_table(file, options.limits);
  return Loader(table, options).run();
}

CatalogueLoadResult parse_catalogue_csv(std::string content, std::string display_name,
                                        const CatalogueLoadOptions& options) {
  const CsvTable table =
      parse_csv_table(std::move(content), std::move(display_name), options.limits);
  return Loader(table, options).run();
}

}  // namespace cadreplan::io
