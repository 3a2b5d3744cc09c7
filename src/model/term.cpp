#include "cadreplan/model/term.hpp"

#include <charconv>
#include <stdexcept>

#include "cadreplan/text/fold.hpp"

namespace cadreplan::model {
namespace {

constexpr int kFirstPossibleYear = 1945;  // the Democratic Republic's founding
constexpr int kLastPossibleYear = 9999;   // Boost.Date_Time's last year

// Commune congresses close in the first half of the congress year.
constexpr unsigned kCongressMonth = 7;

bool parse_year(std::string_view text, int& year) {
  text = text::trim(text);
  if (text.size() != 4) return false;
  const auto* end = text.data() + text.size();
  const auto result = std::from_chars(text.data(), end, year);
  return result.ec == std::errc() && result.ptr == end;
}

}  // namespace

Term Term::from_years(int first_year, int last_year) {
  if (first_year < kFirstPossibleYear || last_year > kLastPossibleYear ||
      first_year >= last_year) {
    throw std::invalid_argument("impossible term " + std::to_string(first_year) + "-" +
                                std::to_string(last_year) +
                                ": the first year must come before the last");
  }
  using boost::gregorian::date;
  const date start(static_cast<unsigned short>(first_year), kCongressMonth, 1);
  const date next(static_cast<unsigned short>(last_year), kCongressMonth, 1);
  return Term(first_year, last_year, {start, next});
}

Term Term::from_congresses(boost::gregorian::date congress_day,
                           boost::gregorian::date next_congress_day) {
  if (congress_day.is_special() || next_congress_day.is_special() ||
      !(congress_day < next_congress_day)) {
    throw std::invalid_argument("a term's congress day must come before the next congress day");
  }
  return Term(congress_day.year(), next_congress_day.year(), {congress_day, next_congress_day});
}

std::optional<Term> Term::parse(std::string_view text) {
  text = text::trim(text);
  // Accept "2010-2015", "2010 - 2015" and the typographic "2010–2015" (en dash).
  std::size_t split = text.find('-');
  std::size_t separator_length = 1;
  if (split == std::string_view::npos) {
    split = text.find("\xE2\x80\x93");
    separator_length = 3;
  }
  if (split == std::string_view::npos) return std::nullopt;
  int first = 0;
  int last = 0;
  if (!parse_year(text.substr(0, split), first) ||
      !parse_year(text.substr(split + separator_length), last)) {
    return std::nullopt;
  }
  if (first < kFirstPossibleYear || first >= last) return std::nullopt;
  return from_years(first, last);
}

std::string Term::name() const {
  return std::to_string(first_year_) + "-" + std::to_string(last_year_);
}

std::strong_ordering operator<=>(const Term& a, const Term& b) noexcept {
  if (a.period_.begin() != b.period_.begin()) {
    return a.period_.begin() < b.period_.begin() ? std::strong_ordering::less
                                                 : std::strong_ordering::greater;
  }
  if (a.period_.end() != b.period_.end()) {
    return a.period_.end() < b.period_.end() ? std::strong_ordering::less
                                             : std::strong_ordering::greater;
  }
  return std::strong_ordering::equal;
}

}  // namespace cadreplan::model
