// Cell parsers. They run once per cell of a national roster, so the common spellings
// (ISO dates, plain digits, English codes) take paths that allocate nothing.
#include "cadreplan/io/cell_parsers.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>

#include <algorithm>
#include <array>
#include <limits>

#include "cadreplan/model/cadre.hpp"
#include "cadreplan/model/qualification.hpp"
#include "cadreplan/model/training.hpp"
#include "cadreplan/model/unit.hpp"
#include "cadreplan/text/fold.hpp"

namespace cadreplan::io {
namespace {

// Boost.Date_Time's Gregorian calendar covers these years.
constexpr int kFirstYear = 1400;
constexpr int kLastYear = 9999;

std::string in_quotes(std::string_view text) { return "'" + std::string(text) + "'"; }

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

bool all_digits(std::string_view text) noexcept {
  return !text.empty() && std::all_of(text.begin(), text.end(), is_digit);
}

// A number of 1..max_digits digits, nothing else. One pass, no from_chars: it runs for
// every part of every date of a national roster.
std::optional<int> small_number(std::string_view text, std::size_t max_digits) {
  if (text.empty() || text.size() > max_digits) return std::nullopt;
  int value = 0;
  for (const char c : text) {
    const auto digit = static_cast<unsigned>(c - '0');
    if (digit > 9) return std::nullopt;
    value = value * 10 + static_cast<int>(digit);
  }
  return value;
}

struct DateParts {
  int year = 0;
  int month = 0;
  int day = 0;
};

std::optional<DateParts> iso_parts(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto year = small_number(text.substr(0, 4), 4);
  const auto month = small_number(text.substr(5, 2), 2);
  const auto day = small_number(text.substr(8, 2), 2);
  if (!year || !month || !day) return std::nullopt;
  return DateParts{*year, *month, *day};
}

std::optional<DateParts> day_first_parts(std::string_view text) {
  const std::size_t first = text.find('/');
  if (first == std::string_view::npos) return std::nullopt;
  const std::size_t second = text.find('/', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  const auto day = small_number(text.substr(0, first), 2);
  const auto month = small_number(text.substr(first + 1, second - first - 1), 2);
  const std::string_view year_text = text.substr(second + 1);
  const auto year = year_text.size() == 4 ? small_number(year_text, 4) : std::nullopt;
  if (!year || !month || !day) return std::nullopt;
  return DateParts{*year, *month, *day};
}

std::string_view month_name(int month) {
  static constexpr std::array<std::string_view, 12> names{
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  return names[static_cast<std::size_t>(month - 1)];
}

boost::gregorian::date checked_date(const DateParts& parts, std::string_view text) {
  if (parts.year < kFirstYear || parts.year > kLastYear) {
    throw CellError("impossible date " + in_quotes(text) + " (the year must be between " +
                    std::to_string(kFirstYear) + " and " + std::to_string(kLastYear) + ")");
  }
  if (parts.month < 1 || parts.month > 12) {
    throw CellError("impossible date " + in_quotes(text) + " (there is no month " +
                    std::to_string(parts.month) + ")");
  }
  const auto year = static_cast<unsigned short>(parts.year);
  const auto month = static_cast<unsigned short>(parts.month);
  const int last_day = boost::gregorian::gregorian_calendar::end_of_month_day(year, month);
  if (parts.day < 1 || parts.day > last_day) {
    throw CellError("impossible date " + in_quotes(text) + " (" +
                    std::string(month_name(parts.month)) + " " + std::to_string(parts.year) +
                    " has " + std::to_string(last_day) + " days)");
  }
  return {year, month, static_cast<unsigned short>(parts.day)};
}

[[noreturn]] void bad_amount(std::string_view text) {
  throw CellError("invalid amount " + in_quotes(text) +
                  " (expected whole đồng, e.g. 1500000, 1.500.000 or 1,500,000)");
}

// Appends the digits of \p group to \p value, or fails on overflow.
void accumulate_digits(std::string_view group, model::Dong& value, std::string_view text) {
  constexpr auto max = std::numeric_limits<model::Dong>::max();
  for (char c : group) {
    const int digit = c - '0';
    if (value > (max - digit) / 10) {
      throw CellError("amount " + in_quotes(text) + " is too large (at most " +
                      std::to_string(max) + ")");
    }
    value = value * 10 + digit;
  }
}

template <class E>
std::string expected_codes() {
  std::string list;
  for (E value : model::all_codes<E>()) {
    if (!list.empty()) list += ", ";
    list += model::to_code(value);
  }
  return list;
}

bool means_no_position(std::string_view text) {
  if (text == "none") return true;
  // A position's English code (one per cadre of a national roster) is not folded.
  for (const model::Position position : model::all_codes<model::Position>()) {
    if (text == model::to_code(position)) return false;
  }
  const std::string folded = text::fold(text);
  return folded == "none" || folded == "khong";
}

model::PositionHolding parse_holding(std::string_view item,
                                     std::optional<boost::gregorian::date> default_since) {
  model::PositionHolding holding;
  holding.since = default_since;
  const std::size_t at = item.find('@');
  if (at != std::string_view::npos) {
    holding.since = parse_date(text::trim(item.substr(at + 1)));
    item = text::trim(item.substr(0, at));
  }
  holding.position = parse_code_cell<model::Position>(item, "position");
  return holding;
}

}  // namespace

boost::gregorian::date parse_date(std::string_view text) {
  text = text::trim(text);
  std::optional<DateParts> parts = iso_parts(text);
  if (!parts) parts = day_first_parts(text);
  if (!parts) {
    throw CellError("invalid date " + in_quotes(text) + " (expected YYYY-MM-DD or DD/MM/YYYY)");
  }
  return checked_date(*parts, text);
}

std::string format_date(boost::gregorian::date day) {
  if (day.is_special()) return {};
  return boost::gregorian::to_iso_extended_string(day);
}

model::Dong parse_money(std::string_view text) {
  text = text::trim(text);
  // Up to 18 plain digits cannot overflow: the common case (what save_roster_csv writes)
  // takes one pass. Anything else, an error included, takes the checked way below.
  if (!text.empty() && text.size() <= 18) {
    model::Dong value = 0;
    bool digits = true;
    for (const char c : text) {
      const auto digit = static_cast<unsigned>(c - '0');
      digits = digits && digit <= 9;
      value = value * 10 + static_cast<model::Dong>(digit % 10);
    }
    if (digits) return value;
  }
  if (text.starts_with('-')) {
    throw CellError("negative amount " + in_quotes(text) + " (amounts are zero or more đồng)");
  }
  const std::size_t first_separator = text.find_first_of(".,");
  if (first_separator == std::string_view::npos) {
    if (!all_digits(text)) bad_amount(text);
    model::Dong value = 0;
    accumulate_digits(text, value, text);
    return value;
  }
  // Grouped by thousands: 1-3 digits, then groups of exactly 3, one separator kind.
  const char separator = text[first_separator];
  model::Dong value = 0;
  std::size_t start = 0;
  for (bool first_group = true;; first_group = false) {
    const std::size_t end = std::min(text.find(separator, start), text.size());
    const std::string_view group = text.substr(start, end - start);
    const bool well_formed =
        all_digits(group) && (first_group ? group.size() <= 3 : group.size() == 3);
    if (!well_formed) bad_amount(text);
    accumulate_digits(group, value, text);
    if (end == text.size()) break;
    start = end + 1;
  }
  return value;
}

bool parse_bool(std::string_view text) {
  text = text::trim(text);
  if (text == "true" || text == "1") return true;  // what save_roster_csv writes, no folding
  if (text == "false" || text == "0") return false;
  static constexpr std::array<std::string_view, 4> yes{"true", "yes", "co", "1"};
  static constexpr std::array<std::string_view, 4> no{"false", "no", "khong", "0"};
  const std::string folded = text::fold(text);
  if (std::find(yes.begin(), yes.end(), folded) != yes.end()) return true;
  if (std::find(no.begin(), no.end(), folded) != no.end()) return false;
  throw CellError("invalid yes/no value " + in_quotes(text) +
                  " (expected true/false, yes/no, có/không or 1/0)");
}

int parse_year(std::string_view text) {
  text = text::trim(text);
  const auto year = text.size() == 4 ? small_number(text, 4) : std::nullopt;
  if (!year || *year < kFirstYear) {
    throw CellError("invalid year " + in_quotes(text) + " (expected four digits, e.g. 2013)");
  }
  return *year;
}

model::Term parse_term(std::string_view text) {
  std::optional<model::Term> term;
  try {
    term = model::Term::parse(text);
  } catch (const std::invalid_argument&) {
    term.reset();  // out of the calendar's range: reported below like any bad term
  }
  if (!term) {
    throw CellError("invalid term " + in_quotes(text::trim(text)) +
                    " (expected YYYY-YYYY with the first year before the last, e.g. "
                    "2010-2015)");
  }
  return *term;
}

template <class E>
E parse_code_cell(std::string_view text, std::string_view what) {
  text = text::trim(text);
  if (const auto value = model::parse_code<E>(text)) return *value;
  throw CellError("unknown " + std::string(what) + " " + in_quotes(text) +
                  " (expected one of: " + expected_codes<E>() + ", or their Vietnamese labels)");
}

std::vector<model::PositionHolding> parse_positions(
    std::string_view text, std::optional<boost::gregorian::date> default_since) {
  text = text::trim(text);
  std::vector<model::PositionHolding> holdings;
  if (text.find(';') == std::string_view::npos && means_no_position(text)) return holdings;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find(';', start), text.size());
    const std::string_view item = text::trim(text.substr(start, end - start));
    start = end + 1;
    if (item.empty()) continue;  // `secretary;` and `a;;b` are harmless
    const model::PositionHolding holding = parse_holding(item, default_since);
    const bool repeated = std::any_of(
        holdings.begin(), holdings.end(),
        [&](const model::PositionHolding& held) { return held.position == holding.position; });
    if (repeated) {
      throw CellError("position " + in_quotes(model::to_code(holding.position)) +
                      " is listed twice in " + in_quotes(text));
    }
    holdings.push_back(holding);
  }
  if (holdings.empty()) {
    throw CellError("no position in " + in_quotes(text) +
                    " (write none for a cadre who holds no position)");
  }
  return holdings;
}

PositionCells format_positions(std::span<const model::PositionHolding> holdings) {
  PositionCells cells;
  if (holdings.empty()) {
    cells.positions = "none";
    return cells;
  }
  const auto since = holdings.front().since;
  const bool shared =
      std::all_of(holdings.begin(), holdings.end(),
                  [&](const model::PositionHolding& h) { return h.since == since; });
  for (const auto& holding : holdings) {
    if (!cells.positions.empty()) cells.positions += ';';
    cells.positions += model::to_code(holding.position);
    if (!shared && holding.since) {
      cells.positions += '@';
      cells.positions += format_date(*holding.since);
    }
  }
  if (shared && since) cells.position_since = format_date(*since);
  return cells;
}

#define CADREPLAN_INSTANTIATE_CELL_PARSER(E) \
  template E parse_code_cell<E>(std::string_view, std::string_view);

CADREPLAN_INSTANTIATE_CELL_PARSER(model::UnitKind)
CADREPLAN_INSTANTIATE_CELL_PARSER(model::Area)
CADREPLAN_INSTANTIATE_CELL_PARSER(model::Position)
CADREPLAN_INSTANTIATE_CELL_PARSER(model::GeneralEducation)
CADREPLAN_INSTANTIATE_CELL_PARSER(model::ProfessionalLevel)
CADREPLAN_INSTANTIATE_CELL_PARSER(model::PoliticalTheory)
CADREPLAN_INSTANTIATE_CELL_PARSER(model::StateManagement)
CADREPLAN_INSTANTIATE_CELL_PARSER(model::StudyMode)
CADREPLAN_INSTANTIATE_CELL_PARSER(model::Funding)
CADREPLAN_INSTANTIATE_CELL_PARSER(model::Gender)
CADREPLAN_INSTANTIATE_CELL_PARSER(model::TrainingKind)
CADREPLAN_INSTANTIATE_CELL_PARSER(model::TrainingStatus)

#undef CADREPLAN_INSTANTIATE_CELL_PARSER

}  // namespace cadreplan::io
