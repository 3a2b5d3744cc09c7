#include "policy/rules/rule_support.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>

#include <algorithm>
#include <stdexcept>

namespace cadreplan::policy::rules {

Described::Described(std::initializer_list<std::string_view> parts) {
  std::size_t size = 0;
  for (const auto part : parts) size += part.size();
  text_.resize(size);  // sized once, then filled: insert() checked the room for each part
  char* out = text_.data();
  for (const auto part : parts) out = std::copy(part.begin(), part.end(), out);
}

Described describe(const model::Cadre& cadre) { return Described({cadre.full_name, " (", cadre.id.str(), ")"}); }

Described describe(const model::Unit& unit) { return Described({unit.name, " (", unit.id.str(), ")"}); }

std::string iso(boost::gregorian::date day) {
  // Boost's to_iso_extended_string goes through an ostringstream and its locale, the
  // largest cost of a finding; a real day always has a four-digit year (1400 to 9999).
  if (day.is_special()) return boost::gregorian::to_iso_extended_string(day);
  const auto ymd = day.year_month_day();
  std::string text = "0000-00-00";
  auto put = [&text](std::size_t end, unsigned value) {
    for (std::size_t i = end; value > 0; value /= 10) text[--i] = static_cast<char>('0' + value % 10);
  };
  put(4, ymd.year);
  put(7, ymd.month);
  put(10, ymd.day);
  return text;
}

std::string money(long long dong) {
  const bool negative = dong < 0;
  std::string digits = std::to_string(negative ? -dong : dong);
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped.push_back('.');
    grouped.push_back(digits[i]);
  }
  return (negative ? "-" : "") + grouped + " đ";
}

Text worded(const EvaluationContext& context, Words words) {
  const auto language = context.wording_language();
  if (!language) return Text(words.english, words.vietnamese);
  if (*language == model::Language::english) return Text(words.english, {});
  return Text({}, words.vietnamese);
}

Finding cadre_finding(const EvaluationContext& context, const model::Cadre& cadre, Words message,
                      Text fix, std::string actual, std::string required) {
  Finding finding;
  finding.cadre_id = cadre.id;
  finding.unit_id = context.unit_of(cadre).id;
  finding.message = worded(context, message);
  finding.fix = std::move(fix);
  finding.actual = std::move(actual);
  finding.required = std::move(required);
  return finding;
}

Finding unit_finding(const EvaluationContext& context, const model::Unit& unit, Words message, Text fix,
                     std::string actual, std::string required) {
  Finding finding;
  finding.unit_id = unit.id;
  finding.message = worded(context, message);
  finding.fix = std::move(fix);
  finding.actual = std::move(actual);
  finding.required = std::move(required);
  return finding;
}

const PositionStandard* standard_on(const Profile& profile, model::Position position,
                                    boost::gregorian::date day) {
  bool position_has_standards = false;
  for (const auto& standard : profile.standards) {
    if (standard.position != position) continue;
    position_has_standards = true;
    if (standard.in_force_on(day)) return &standard;
  }
  if (position_has_standards) {
    throw std::invalid_argument("profile '" + profile.name + "' has no standard for " +
                                std::string(model::to_code(position)) + " in force on " +
                                iso(day));
  }
  return nullptr;
}

constinit thread_local HoldingsMemoScope::Memo* HoldingsMemoScope::innermost_ = nullptr;

namespace {

// The memo holding (or to hold) the holdings of \p cadre under \p context, or null.
HoldingsMemoScope::Memo* memo_for(const EvaluationContext& context, const model::Cadre& cadre) noexcept {
  HoldingsMemoScope::Memo* memo = HoldingsMemoScope::innermost();
  return memo != nullptr && memo->context == &context && memo->cadre == &cadre ? memo : nullptr;
}

// Appends the holdings of \p cadre to \p holdings (filled in place: moving a small_vector
// into the memo's optional drew a false -Wstringop-overread from GCC 12 at -O3).
void compute_holdings(const EvaluationContext& context, const model::Cadre& cadre,
                      StandardisedHoldings& holdings) {
  // Most cadres hold no position: that is known without looking their unit up.
  if (cadre.positions.empty() || !context.works_at_commune_level(cadre)) return;
  for (const auto& holding : cadre.positions) {
    if (!holding.held_on(context.as_of())) continue;
    const auto* standard = context.standard_in_force(holding.position);
    if (standard != nullptr) holdings.push_back({holding.position, holding.since, standard});
  }
}

}  // namespace

HoldingsMemoScope::HoldingsMemoScope(const EvaluationContext& context, const model::Cadre& cadre) noexcept
    : memo_{&context, &cadre, std::nullopt}, previous_(innermost_) {
  innermost_ = &memo_;
  // Computed now, not on the first question: every cadre is asked (the evaluator asks
  // first whether the cadre is a subject at all), and answering here skips a lookup.
  memo_.holdings.emplace();
  try {
    compute_holdings(context, cadre, *memo_.holdings);
  } catch (...) {
    memo_.holdings.reset();  // a gap: not kept, so that every question throws it
  }
}

HoldingsMemoScope::~HoldingsMemoScope() { innermost_ = previous_; }

HoldingsAnswer::HoldingsAnswer(const EvaluationContext& context, const model::Cadre& cadre) {
  compute_holdings(context, cadre, own_.emplace());
}

HoldingsAnswer computed_holdings(const EvaluationContext& context, const model::Cadre& cadre) {
  HoldingsMemoScope::Memo* memo = memo_for(context, cadre);
  if (memo == nullptr) return {context, cadre};
  if (!memo->holdings) {
    memo->holdings.emplace();
    try {
      compute_holdings(context, cadre, *memo->holdings);
    } catch (...) {
      memo->holdings.reset();  // a gap: not kept, so that the next call throws too
      throw;
    }
  }
  return HoldingsAnswer(*memo->holdings);
}

bool is_standardised_subject(const EvaluationContext& context, const model::Cadre& cadre) {
  // With a scope open, the holdings are computed into its memo for the rules to come;
  // else the search below, which stops at the first holding.
  if (memo_for(context, cadre) != nullptr) return !standardised_holdings(context, cadre).empty();
  if (!context.works_at_commune_level(cadre)) return false;
  return std::any_of(cadre.positions.begin(), cadre.positions.end(), [&](const auto& holding) {
    return holding.held_on(context.as_of()) && context.standard_in_force(holding.position) != nullptr;
  });
}

std::string cite(const std::string& source) { return source.empty() ? "" : " (" + source + ")"; }

}  // namespace cadreplan::policy::rules
