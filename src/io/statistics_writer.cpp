// The three writers share one flattened view of the statistics: a list of dimensions,
// each a list of (code, count, baseline, change) entries in display order. Each writer
// only decides which entries it shows and how it prints them.
#include "cadreplan/io/statistics_writer.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <nlohmann/json.hpp>

#include <array>
#include <charconv>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace cadreplan::io {
namespace {

using model::Language;
using report::Comparison;
using report::Statistics;
using report::StatisticsChange;
// Ordered, so the keys come out in FORMATS.md's order rather than alphabetically.
using Json = nlohmann::ordered_json;

constexpr std::string_view unknown_code = "unknown";

/// One code of one dimension, with the baseline side when there is one.
struct Entry {
  std::string_view code;  // the English code, or "unknown"
  std::string label;      // for people, in the requested language
  std::size_t count = 0;
  std::size_t baseline = 0;
  std::ptrdiff_t change = 0;
};

struct Dimension {
  std::string_view key;    // the JSON key and CSV dimension
  std::string_view title;  // for people, in the requested language
  std::vector<Entry> entries;
};

// ---------------------------------------------------------------------------------------
// Flattening

// Levels are listed highest first, as the seed does ("78 university, 17 college, 14
// intermediate"); positions in their natural order.
template <class E>
std::vector<E> display_order() {
  const auto codes = model::all_codes<E>();
  if constexpr (std::is_same_v<E, model::Position>) {
    return {codes.begin(), codes.end()};
  } else {
    return {codes.rbegin(), codes.rend()};
  }
}

template <class E>
bool listed(E value, const Statistics& statistics) noexcept {
  if constexpr (std::is_same_v<E, model::Position>) {
    return value != statistics.query.position;  // nobody holds a post concurrently with itself
  } else if constexpr (std::is_same_v<E, model::PoliticalTheory>) {
    return value != model::PoliticalTheory::bachelor;  // counted under advanced
  } else {
    return true;
  }
}

template <class E>
std::string label_of(E value, Language language) {
  std::string label(model::to_label(value, language));
  if constexpr (std::is_same_v<E, model::PoliticalTheory>) {
    // Bachelors are counted here too: say so, in the seed's own words.
    if (value == model::PoliticalTheory::advanced) {
      label += language == Language::vietnamese ? " và tương đương" : " or equivalent";
    }
  }
  return label;
}

std::string unknown_label(Language language) {
  return language == Language::vietnamese ? "chưa rõ" : "unknown";
}

template <class E>
Dimension make_dimension(std::string_view key, std::string_view title,
                         const report::Tally<E>& current, const report::Tally<E>* baseline,
                         const report::TallyChange<E>* change, const Statistics& statistics,
                         Language language) {
  Dimension dimension{key, title, {}};
  for (E value : display_order<E>()) {
    if (!listed(value, statistics)) continue;
    dimension.entries.push_back({model::to_code(value), label_of(value, language),
                                 current.count(value), baseline ? baseline->count(value) : 0,
                                 change ? change->count(value) : 0});
  }
  dimension.entries.push_back({unknown_code, unknown_label(language), current.unknown(),
                               baseline ? baseline->unknown() : 0, change ? change->unknown() : 0});
  return dimension;
}

// Calls visit(key, English title, Vietnamese title, tally member, change member) for each
// tallied dimension, in FORMATS.md's order.
template <class Visit>
void for_each_tally(Visit&& visit) {
  visit("concurrent", "Also holding", "Kiêm nhiệm", &Statistics::concurrent,
        &StatisticsChange::concurrent);
  visit("general_education", "General education", "Trình độ học vấn",
        &Statistics::general_education, &StatisticsChange::general_education);
  visit("professional_level", "Professional level", "Trình độ chuyên môn",
        &Statistics::professional_level, &StatisticsChange::professional_level);
  visit("political_theory", "Political theory", "Trình độ lý luận chính trị",
        &Statistics::political_theory, &StatisticsChange::political_theory);
  visit("state_management", "State management", "Trình độ quản lý nhà nước",
        &Statistics::state_management, &StatisticsChange::state_management);
}

std::vector<Dimension> dimensions(const Statistics& current, const Comparison* comparison,
                                  Language language) {
  std::vector<Dimension> result;
  for_each_tally([&](std::string_view key, std::string_view english, std::string_view vietnamese,
                     auto tally, auto tally_change) {
    result.push_back(make_dimension(
        key, language == Language::vietnamese ? vietnamese : english, current.*tally,
        comparison ? &(comparison->baseline.*tally) : nullptr,
        comparison ? &(comparison->change.*tally_change) : nullptr, current, language));
  });
  return result;
}

std::string iso_date(boost::gregorian::date day) {
  return boost::gregorian::to_iso_extended_string(day);
}

// `part` as a percentage of `whole` with one decimal, or empty when `whole` is 0.
std::string percent(std::size_t part, std::size_t whole, char decimal_point = '.') {
  if (whole == 0) return {};
  const double value = 100.0 * static_cast<double>(part) / static_cast<double>(whole);
  std::array<char, 32> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                    std::chars_format::fixed, 1);
  std::string text(buffer.data(), result.ptr);
  for (char& c : text) {
    if (c == '.') c = decimal_point;
  }
  return text;
}

// ---------------------------------------------------------------------------------------
// JSON

Json statistics_json(const Statistics& statistics) {
  Json json;
  json["as_of"] = iso_date(statistics.query.as_of);
  json["position"] = std::string(model::to_code(statistics.query.position));
  if (statistics.query.all_units) json["all_units"] = true;
  json["cadres"] = statistics.cadres;
  json["units"] =
      Json{{"total", statistics.units.total}, {"large_minority", statistics.units.large_minority}};
  for (const Dimension& dimension : dimensions(statistics, nullptr, Language::english)) {
    Json counts = Json::object();
    for (const Entry& entry : dimension.entries) {
      if (entry.count > 0) counts[std::string(entry.code)] = entry.count;
    }
    json[std::string(dimension.key)] = std::move(counts);
  }
  return json;
}

Json change_json(const Comparison& comparison) {
  Json json;
  json["cadres"] = comparison.change.cadres;
  json["units"] = Json{{"total", comparison.change.units_total},
                       {"large_minority", comparison.change.units_large_minority}};
  for (const Dimension& dimension :
       dimensions(comparison.current, &comparison, Language::english)) {
    Json changes = Json::object();
    for (const Entry& entry : dimension.entries) {
      // Every key shown on either side gets its change, a 0 included.
      if (entry.count > 0 || entry.baseline > 0) changes[std::string(entry.code)] = entry.change;
    }
    json[std::string(dimension.key)] = std::move(changes);
  }
  return json;
}

// ---------------------------------------------------------------------------------------
// CSV

class CsvRows {
 public:
  CsvRows(std::ostream& out, const Comparison* comparison) : out_(out), comparison_(comparison) {
    out_ << "dimension,code,count,share";
    if (comparison_) out_ << ",baseline_count,change";
    out_ << '\n';
  }
  void row(std::string_view dimension, std::string_view code, std::size_t count,
           const std::string& share, std::size_t baseline, std::ptrdiff_t change) {
    out_ << dimension << ',' << code << ',' << count << ',' << share;
    if (comparison_) out_ << ',' << baseline << ',' << change;
    out_ << '\n';
  }

 private:
  std::ostream& out_;
  const Comparison* comparison_;
};

void write_csv(std::ostream& out, const Statistics& current, const Comparison* comparison) {
  CsvRows rows(out, comparison);
  const Statistics* baseline = comparison ? &comparison->baseline : nullptr;
  const StatisticsChange* change = comparison ? &comparison->change : nullptr;
  rows.row("cadres", model::to_code(current.query.position), current.cadres, {},
           baseline ? baseline->cadres : 0, change ? change->cadres : 0);
  rows.row("units", "total", current.units.total, {}, baseline ? baseline->units.total : 0,
           change ? change->units_total : 0);
  rows.row("units", "large_minority", current.units.large_minority,
           percent(current.units.large_minority, current.units.total),
           baseline ? baseline->units.large_minority : 0,
           change ? change->units_large_minority : 0);
  for (const Dimension& dimension : dimensions(current, comparison, Language::english)) {
    for (const Entry& entry : dimension.entries) {
      const bool empty_unknown =
          entry.code == unknown_code && entry.count == 0 && entry.baseline == 0;
      if (empty_unknown) continue;
      rows.row(dimension.key, entry.code, entry.count, percent(entry.count, current.cadres),
               entry.baseline, entry.change);
    }
  }
}

// ---------------------------------------------------------------------------------------
// Text

/// The wording of the text table in one language.
struct Phrases {
  std::string_view statistics_of;     // title, before the position (Vietnamese)
  std::string_view statistics_as_of;  // title, between position and date
  std::string_view scope_commune;     // the units in scope, by default
  std::string_view scope_all;         // the units in scope with all_units
  std::string_view baseline;          // the baseline line's start
  std::string_view units;             // the units line's start
  std::string_view of_which;          // before the large-minority count
  std::string_view large_minority;    // after it
  std::string_view holders;           // the holders line's start
  std::string_view since;             // "+9 since DATE"
  std::string_view versus_baseline;   // "+9 vs the baseline" when the dates are equal
  std::string_view unchanged;         // instead of "+0"
  std::string_view none;              // a dimension with nothing to show
  char decimal_point;
};

constexpr Phrases english_phrases{
    "",
    " statistics as of ",
    "commune-level units",
    "all units",
    "Baseline: as of ",
    "Units: ",
    ", of which ",
    " with a large ethnic minority population",
    "Holders of the position: ",
    " since ",
    " vs the baseline",
    "unchanged",
    "none",
    '.',
};

constexpr Phrases vietnamese_phrases{
    "Thống kê ",
    " đến ngày ",
    "đơn vị cấp xã",
    "tất cả đơn vị",
    "Số liệu gốc: đến ngày ",
    "Đơn vị: ",
    ", trong đó ",
    " có đông đồng bào dân tộc thiểu số",
    "Số người giữ chức danh: ",
    " so với ",
    " so với số liệu gốc",
    "không đổi",
    "không có",
    ',',
};

const Phrases& phrases_for(Language language) noexcept {
  return language == Language::vietnamese ? vietnamese_phrases : english_phrases;
}

class TextTable {
 public:
  TextTable(std::ostream& out, const Statistics& current, const Comparison* comparison,
            Language language)
      : out_(out),
        current_(current),
        comparison_(comparison),
        language_(language),
        phrases_(phrases_for(language)) {}

  void write() {
    write_title();
    write_units();
    write_holders();
    for (const Dimension& dimension : dimensions(current_, comparison_, language_)) {
      write_dimension(dimension);
    }
  }

 private:
  void write_title() {
    std::string position(model::to_label(current_.query.position, language_));
    // Capitalise an English label that opens the line (Vietnamese ones never do).
    if (phrases_.statistics_of.empty() && !position.empty() && position[0] >= 'a' &&
        position[0] <= 'z') {
      position[0] = static_cast<char>(position[0] - 'a' + 'A');
    }
    out_ << phrases_.statistics_of << position << phrases_.statistics_as_of
         << iso_date(current_.query.as_of) << " ("
         << (current_.query.all_units ? phrases_.scope_all : phrases_.scope_commune) << ")\n";
    if (comparison_) {
      out_ << phrases_.baseline << iso_date(comparison_->baseline.query.as_of);
      if (comparison_->baseline.query.position != current_.query.position) {
        out_ << " (" << model::to_label(comparison_->baseline.query.position, language_) << ')';
      }
      out_ << '\n';
    }
  }

  void write_units() {
    out_ << phrases_.units << current_.units.total;
    write_remarks({}, comparison_ ? comparison_->change.units_total : 0);
    out_ << phrases_.of_which << current_.units.large_minority << '/' << current_.units.total
         << phrases_.large_minority;
    write_remarks(share(current_.units.large_minority, current_.units.total),
                  comparison_ ? comparison_->change.units_large_minority : 0);
    out_ << '\n';
  }

  void write_holders() {
    out_ << phrases_.holders << current_.cadres;
    write_remarks({}, comparison_ ? comparison_->change.cadres : 0);
    out_ << '\n';
  }

  void write_dimension(const Dimension& dimension) {
    out_ << dimension.title << ": ";
    bool first = true;
    for (const Entry& entry : dimension.entries) {
      // A level nobody holds is shown only when somebody held it at the baseline.
      if (entry.count == 0 && (!comparison_ || entry.baseline == 0)) continue;
      if (!first) out_ << ", ";
      first = false;
      out_ << entry.count << '/' << current_.cadres << ' ' << entry.label;
      write_remarks(share(entry.count, current_.cadres), entry.change);
    }
    if (first) out_ << phrases_.none;
    out_ << '\n';
  }

  // "98.2 %" (in Vietnamese "98,2 %"), or empty when there is nothing to divide by.
  std::string share(std::size_t part, std::size_t whole) const {
    std::string text = percent(part, whole, phrases_.decimal_point);
    if (!text.empty()) text += " %";
    return text;
  }

  // " (98.2 %, +9 since 2010-12-31)": the share and, against a baseline, the change.
  void write_remarks(const std::string& share_text, std::ptrdiff_t change) {
    std::string remarks = share_text;
    if (comparison_) {
      if (!remarks.empty()) remarks += ", ";
      remarks += change_text(change);
    }
    if (!remarks.empty()) out_ << " (" << remarks << ')';
  }

  std::string change_text(std::ptrdiff_t change) const {
    // Appended, not `"+" + std::to_string(...)`: GCC 12's -Wrestrict misfires on that at -O3.
    std::string text;
    if (change == 0) {
      text = phrases_.unchanged;
    } else {
      if (change > 0) text += '+';
      text += std::to_string(change);
    }
    const auto& baseline = comparison_->baseline.query;
    if (baseline.as_of == current_.query.as_of) {
      text += phrases_.versus_baseline;
    } else {
      text += phrases_.since;
      text += iso_date(baseline.as_of);
    }
    return text;
  }

  std::ostream& out_;
  const Statistics& current_;
  const Comparison* comparison_;
  Language language_;
  const Phrases& phrases_;
};

}  // namespace

void write_statistics_json(std::ostream& out, const report::Statistics& statistics) {
  out << statistics_json(statistics).dump(2) << '\n';
}

void write_statistics_json(std::ostream& out, const report::Comparison& comparison) {
  Json json = statistics_json(comparison.current);
  json["baseline"] = statistics_json(comparison.baseline);
  json["change"] = change_json(comparison);
  out << json.dump(2) << '\n';
}

void write_statistics_csv(std::ostream& out, const report::Statistics& statistics) {
  write_csv(out, statistics, nullptr);
}

void write_statistics_csv(std::ostream& out, const report::Comparison& comparison) {
  write_csv(out, comparison.current, &comparison);
}

void write_statistics_text(std::ostream& out, const report::Statistics& statistics,
                           model::Language language) {
  TextTable(out, statistics, nullptr, language).write();
}

void write_statistics_text(std::ostream& out, const report::Comparison& comparison,
                           model::Language language) {
  TextTable(out, comparison.current, &comparison, language).write();
}

}  // namespace cadreplan::io
