/// \file term.hpp
/// \brief A Party congress term (nhiệm kỳ), e.g. 2010–2015.
/// \ingroup model
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace cadreplan::model {

/// A term of office between two Party congresses.
///
/// Terms are named by their congress years (`2010-2015`). Commune congresses are held
/// in the first half of the congress year, so by default a term runs from 1 July of its
/// first year to 30 June of its last; an exact congress date can be given instead.
class Term {
 public:
  /// Builds a term from its congress years with the default congress day (1 July).
  /// \throws std::invalid_argument unless `1945 <= first_year < last_year <= 9999`.
  static Term from_years(int first_year, int last_year);
  /// Builds a term starting on \p congress_day and ending the day before \p next_congress_day.
  /// \throws std::invalid_argument unless `congress_day < next_congress_day`.
  static Term from_congresses(boost::gregorian::date congress_day,
                              boost::gregorian::date next_congress_day);
  /// Parses `YYYY-YYYY` (en dash and spaces accepted); nothing when malformed.
  static std::optional<Term> parse(std::string_view text);

  /// The year of the opening congress.
  [[nodiscard]] int first_year() const noexcept { return first_year_; }
  /// The year of the closing congress.
  [[nodiscard]] int last_year() const noexcept { return last_year_; }
  /// The days of the term, first congress day included, next congress day excluded.
  [[nodiscard]] boost::gregorian::date_period period() const noexcept { return period_; }
  /// The first day of the term.
  [[nodiscard]] boost::gregorian::date start() const noexcept { return period_.begin(); }
  /// The last day of the term.
  [[nodiscard]] boost::gregorian::date last_day() const noexcept { return period_.last(); }
  /// True when \p day falls within the term.
  [[nodiscard]] bool contains(boost::gregorian::date day) const noexcept {
    return period_.contains(day);
  }
  /// The name `YYYY-YYYY`.
  [[nodiscard]] std::string name() const;

  /// Terms compare by their span.
  friend bool operator==(const Term& a, const Term& b) noexcept {
    return a.period_ == b.period_ && a.first_year_ == b.first_year_ &&
           a.last_year_ == b.last_year_;
  }
  /// Terms order by their start, then their end.
  friend std::strong_ordering operator<=>(const Term& a, const Term& b) noexcept;

 private:
  Term(int first_year, int last_year, boost::gregorian::date_period period) noexcept
      : first_year_(first_year), last_year_(last_year), period_(period) {}

  int first_year_ = 0;
  int last_year_ = 0;
  boost::gregorian::date_period period_{boost::gregorian::date(), boost::gregorian::date()};
};

}  // namespace cadreplan::model
