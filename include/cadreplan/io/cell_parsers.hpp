/// \file cell_parsers.hpp
/// \brief Parsers for the values of roster cells: dates, money, booleans, years, terms,
///   codes and position lists, in every spelling FORMATS.md accepts.
/// \ingroup io
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "cadreplan/model/code.hpp"
#include "cadreplan/model/id.hpp"
#include "cadreplan/model/position.hpp"
#include "cadreplan/model/term.hpp"

namespace cadreplan::io {

/// A cell whose text is not a value of the expected kind. The message names the value
/// and what was expected, but not where it is: the loader that knows the file, line and
/// column turns it into a Diagnostic.
class CellError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// Parses a date written `YYYY-MM-DD` or `DD/MM/YYYY` (day and month may have one digit).
/// \throws CellError for another form, or a day that does not exist (`2013-02-30`,
///   `29/02/2013`).
[[nodiscard]] boost::gregorian::date parse_date(std::string_view text);

/// Formats \p day as `YYYY-MM-DD`, the only form written to files (empty for a special
/// value such as not-a-date).
[[nodiscard]] std::string format_date(boost::gregorian::date day);

/// Parses an amount of đồng: digits, optionally grouped by thousands with `.` or `,`
/// (`1500000`, `1.500.000`, `1,500,000`); one kind of separator, groups of three.
/// \throws CellError for a negative or fractional amount, a malformed grouping, or an
///   amount too large to hold.
[[nodiscard]] model::Dong parse_money(std::string_view text);

/// Parses a yes/no cell: `true`/`false`, `yes`/`no`, `có`/`không`, `1`/`0`, in any letter
/// case and with or without diacritics.
/// \throws CellError for anything else.
[[nodiscard]] bool parse_bool(std::string_view text);

/// Parses a calendar year of four digits (`2013`).
/// \throws CellError for anything else.
[[nodiscard]] int parse_year(std::string_view text);

/// Parses a term `YYYY-YYYY` (model::Term::parse).
/// \throws CellError when malformed or when the first year is not before the last.
[[nodiscard]] model::Term parse_term(std::string_view text);

/// Parses any accepted spelling of a code of enum \p E (model::parse_code): the English
/// code, the Vietnamese label with or without diacritics, the customary notations.
/// \p what names the value in the message, e.g. the column (`"professional_funding"`).
/// Defined for every code enum of the model (see model::to_code).
/// \throws CellError `unknown general_education 'xyz' (expected one of: primary,
///   lower_secondary, upper_secondary, or their Vietnamese labels)`.
template <class E>
[[nodiscard]] E parse_code_cell(std::string_view text, std::string_view what);

/// Parses a code of enum \p E, naming it by its kind in messages (model::code_kind_name).
template <class E>
[[nodiscard]] E parse_code_cell(std::string_view text) {
  return parse_code_cell<E>(text, model::code_kind_name<E>());
}

/// Parses a `positions` cell: `;`-separated position codes, each held since
/// \p default_since (the `position_since` cell; nothing: always). An item may carry its
/// own date as `code@YYYY-MM-DD`, which wins over \p default_since. `none` (or `không`)
/// means no position at all.
/// \throws CellError for an unknown code, a bad date, a position listed twice, or an
///   empty cell.
[[nodiscard]] std::vector<model::PositionHolding> parse_positions(
    std::string_view text, std::optional<boost::gregorian::date> default_since);

/// A `positions` cell and its `position_since` cell that parse_positions() reads back
/// as the same holdings.
struct PositionCells {
  std::string positions;       ///< `secretary;chairman`, `none` when empty.
  std::string position_since;  ///< The date all holdings share, or empty.

  /// Cells compare member by member.
  friend bool operator==(const PositionCells&, const PositionCells&) = default;
};

/// Formats \p holdings as cells: codes joined by `;` with the shared date in
/// `position_since`; when the holdings' dates differ, each item carries its own
/// (`code@YYYY-MM-DD`).
[[nodiscard]] PositionCells format_positions(std::span<const model::PositionHolding> holdings);

}  // namespace cadreplan::io
