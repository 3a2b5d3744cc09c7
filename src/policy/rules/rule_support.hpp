// Helpers shared by the built-in rules: naming subjects in messages, standards
// lookup that refuses gaps, and the positions a cadre holds at commune level.
#pragma once

#include <boost/container/small_vector.hpp>
#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cadreplan/model/code.hpp"
#include "cadreplan/policy/evaluation_context.hpp"
#include "cadreplan/policy/finding.hpp"
#include "cadreplan/policy/rule.hpp"

namespace cadreplan::policy::rules {

/// A rule whose documentation is fixed at construction.
class DocumentedRule : public Rule {
 public:
  explicit DocumentedRule(RuleInfo info) : info_(std::move(info)) {}
  [[nodiscard]] const RuleInfo& info() const noexcept override { return info_; }

 private:
  RuleInfo info_;
};

/// A subject as a message names it, "Nguyễn Văn An (C001)": kept on the stack (a
/// national check names a subject in each of some 166 thousand findings, and a heap
/// block for each name was a sixth of the findings' allocations). Names longer than the
/// inline space still work, on the heap.
class Described {
 public:
  /// The concatenation of \p parts.
  explicit Described(std::initializer_list<std::string_view> parts);
  /// The text.
  operator std::string_view() const noexcept { return {text_.data(), text_.size()}; }  // NOLINT: a text

 private:
  boost::container::small_vector<char, 112> text_;
};

/// "Nguyễn Văn An (C001)".
Described describe(const model::Cadre& cadre);
/// "Xã Đại Tâm (ST-MX-01)".
Described describe(const model::Unit& unit);
/// The English and Vietnamese labels of a code value: views of the code tables, so
/// naming a position or a level in a message copies nothing.
struct Labels {
  std::string_view english;
  std::string_view vietnamese;
};
/// The labels of \p value.
template <class E>
Labels labels(E value) {
  return {model::to_label(value, model::Language::english),
          model::to_label(value, model::Language::vietnamese)};
}
/// `YYYY-MM-DD`.
std::string iso(boost::gregorian::date day);
/// 12.500.000 (Vietnamese thousands separators).
std::string money(long long dong);

/// A message's words in both languages, as parts to join: what cadre_finding() and
/// unit_finding() make a Text of, in the languages the evaluation words findings in
/// (EvaluationContext::wording_language()). Pass it braced at the call, so that the parts
/// live until the finding is made.
struct Words {
  std::initializer_list<std::string_view> english;     ///< The English parts.
  std::initializer_list<std::string_view> vietnamese;  ///< The Vietnamese parts.
};

/// The Text of \p words, in both languages or in the one \p context words findings in
/// (the other left empty): a report in one language need not join the other's parts.
Text worded(const EvaluationContext& context, Words words);

/// A finding about \p cadre in its unit with the given words and values.
Finding cadre_finding(const EvaluationContext& context, const model::Cadre& cadre, Words message,
                      Text fix, std::string actual, std::string required);
/// A finding about \p unit only.
Finding unit_finding(const EvaluationContext& context, const model::Unit& unit, Words message, Text fix,
                     std::string actual, std::string required);

/// A position the cadre holds on the as-of date in a commune-level unit, with the
/// standard in force for it.
struct StandardisedHolding {
  model::Position position;
  std::optional<boost::gregorian::date> since;
  const PositionStandard* standard;
};

/// A cadre's standardised holdings: rarely more than two, so kept off the heap (every
/// standard rule asks for them for every cadre).
using StandardisedHoldings = boost::container::small_vector<StandardisedHolding, 2>;

/// While alive, on this thread, standardised_holdings() and is_standardised_subject()
/// answer calls about one cadre under one context from the holdings the scope computed
/// when it was opened. The evaluator opens one per cadre: seven
/// rules of the default profile and the summary ask about the cadre in turn, and each
/// answer read the cadre's unit and positions and the standards again. A computation that
/// throws (a gap in the standards) is not kept, so every call still throws.
class HoldingsMemoScope {
 public:
  /// Memoises the holdings of \p cadre under \p context until destroyed.
  HoldingsMemoScope(const EvaluationContext& context, const model::Cadre& cadre) noexcept;
  ~HoldingsMemoScope();
  HoldingsMemoScope(const HoldingsMemoScope&) = delete;
  HoldingsMemoScope& operator=(const HoldingsMemoScope&) = delete;

  /// What a scope keeps.
  struct Memo {
    const EvaluationContext* context;
    const model::Cadre* cadre;
    std::optional<StandardisedHoldings> holdings;
  };
  /// The memo of this thread's innermost scope, or null (used by standardised_holdings()).
  [[nodiscard]] static Memo* innermost() noexcept { return innermost_; }

 private:
  static constinit thread_local Memo* innermost_;
  Memo memo_;
  Memo* previous_;
};

/// What standardised_holdings() answers: a view of the answer a HoldingsMemoScope keeps
/// (seven rules ask for every cadre, and copying the answer out to each was a tenth of
/// `check`), or, with no scope open, an answer of its own. An answer viewing a scope's
/// memo is valid while the scope is open.
class HoldingsAnswer {
 public:
  /// The holdings.
  [[nodiscard]] const StandardisedHoldings& holdings() const noexcept {
    return memo_ != nullptr ? *memo_ : *own_;
  }
  [[nodiscard]] auto begin() const noexcept { return holdings().begin(); }
  [[nodiscard]] auto end() const noexcept { return holdings().end(); }
  [[nodiscard]] bool empty() const noexcept { return holdings().empty(); }
  [[nodiscard]] std::size_t size() const noexcept { return holdings().size(); }

 private:
  friend HoldingsAnswer standardised_holdings(const EvaluationContext&, const model::Cadre&);
  friend HoldingsAnswer computed_holdings(const EvaluationContext&, const model::Cadre&);
  // A view of a memo's answer.
  explicit HoldingsAnswer(const StandardisedHoldings& memo) noexcept : memo_(&memo) {}
  // Computed here, in place (moving a small_vector drew a false -Wstringop-overread from
  // GCC 12 at -O3).
  HoldingsAnswer(const EvaluationContext& context, const model::Cadre& cadre);

  const StandardisedHoldings* memo_ = nullptr;
  // Engaged only for an answer of its own: a view, the usual answer, then makes and
  // destroys no small_vector (seven rules ask for every cadre).
  std::optional<StandardisedHoldings> own_;
};

/// standardised_holdings() when the innermost HoldingsMemoScope holds no answer for the
/// cadre yet: computes it (into the scope's memo when the scope is the cadre's).
HoldingsAnswer computed_holdings(const EvaluationContext& context, const model::Cadre& cadre);

/// The positions \p cadre holds on the as-of date (commune-level units only) that have a
/// standard in force. \throws std::invalid_argument when the profile has standards for a
/// held position but none in force on the date (a gap is an error, not a pass).
///
/// Inline: seven rules ask for every cadre, and the answer is nearly always the memo's, so
/// a call is a few compares, not a function call.
inline HoldingsAnswer standardised_holdings(const EvaluationContext& context, const model::Cadre& cadre) {
  const HoldingsMemoScope::Memo* memo = HoldingsMemoScope::innermost();
  if (memo != nullptr && memo->context == &context && memo->cadre == &cadre && memo->holdings) {
    return HoldingsAnswer(*memo->holdings);
  }
  return computed_holdings(context, cadre);
}

/// The standard of \p position in force on \p day; null if the profile has none for the
/// position at all. \throws std::invalid_argument on a gap, as above.
const PositionStandard* standard_on(const Profile& profile, model::Position position,
                                    boost::gregorian::date day);

/// True when \p cadre holds a position with standards (the subjects of check's summary).
bool is_standardised_subject(const EvaluationContext& context, const model::Cadre& cadre);

/// The " (Source)" suffix for messages, empty when \p source is.
std::string cite(const std::string& source);

}  // namespace cadreplan::policy::rules
