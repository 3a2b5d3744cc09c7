/// \file evaluation_context.hpp
/// \brief What one evaluation depends on: the roster, the profile and the as-of date.
/// \ingroup policy
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cadreplan/model/code.hpp"
#include "cadreplan/model/indexed_view.hpp"
#include "cadreplan/model/roster.hpp"
#include "cadreplan/model/term.hpp"
#include "cadreplan/policy/field_taxonomy.hpp"
#include "cadreplan/policy/profile.hpp"
#include "cadreplan/policy/rule.hpp"

namespace cadreplan::policy {

/// The explicit evaluation context (no global evaluation date: STYLE.md).
/// Rules read everything they need from here: the roster, the profile's data and
/// their own parameters (profile value, else the default their spec declares).
class EvaluationContext {
 public:
  /// A context for evaluating \p roster under \p profile as of \p as_of.
  /// Both must outlive the context.
  EvaluationContext(const model::Roster& roster, const Profile& profile,
                    boost::gregorian::date as_of);
  /// A context keeps pointers: a temporary roster would dangle, so it does not compile.
  EvaluationContext(model::Roster&&, const Profile&, boost::gregorian::date) = delete;
  /// A context keeps pointers: a temporary profile would dangle, so it does not compile.
  EvaluationContext(const model::Roster&, Profile&&, boost::gregorian::date) = delete;

  /// The roster under evaluation.
  [[nodiscard]] const model::Roster& roster() const noexcept { return *roster_; }
  /// The profile in force.
  [[nodiscard]] const Profile& profile() const noexcept { return *profile_; }
  /// The as-of date.
  [[nodiscard]] boost::gregorian::date as_of() const noexcept { return as_of_; }
  /// The congress term containing the as-of date (profile parameters `terms.anchor_year`
  /// and `terms.length_years`; 2010-2015, 2015-2020, ... by default).
  [[nodiscard]] const model::Term& current_term() const noexcept { return current_term_; }
  /// The term after current_term().
  [[nodiscard]] model::Term next_term() const;
  /// Words findings in \p language only, the other language's words possibly left empty
  /// (see EvaluationOptions::language); unset: in both, the default.
  void word_in(std::optional<model::Language> language) noexcept { language_ = language; }
  /// The one language findings are worded in, or unset for both.
  [[nodiscard]] std::optional<model::Language> wording_language() const noexcept { return language_; }

  /// The unit of \p cadre (every cadre's unit resolves in a valid roster).
  [[nodiscard]] const model::Unit& unit_of(const model::Cadre& cadre) const noexcept;
  /// True when \p cadre works in a commune-level unit (model::is_commune_level()), from a
  /// table of one byte per unit made once per evaluation: every standard rule asks it for
  /// every cadre, and reading the unit's record missed the cache.
  [[nodiscard]] bool works_at_commune_level(const model::Cadre& cadre) const noexcept;
  /// True when \p cadre holds \p position on the as-of date in a commune-level unit.
  [[nodiscard]] bool holds_in_commune(const model::Cadre& cadre,
                                      model::Position position) const noexcept;
  /// The training records of \p cadre, in roster order (none for a cadre of another
  /// roster). A view into the roster: nothing is copied.
  [[nodiscard]] model::IndexedView<model::TrainingRecord> trainings_of(
      const model::Cadre& cadre) const noexcept {
    const auto index = roster_->index_of(cadre);
    if (index < 0) return {};
    return {roster_->trainings(), roster_->trainings_of_cadre(static_cast<std::size_t>(index))};
  }
  /// Indices (into roster().pools()) of the successor pool entries naming \p cadre, in
  /// table order (none for a cadre of another roster). Indexed once per evaluation (by
  /// prepare(), else on first use), so pool rules can judge a candidate while the cadre
  /// pass has it in the cache. Safe to call from several threads. (Inline once indexed:
  /// two rules ask for every cadre.)
  [[nodiscard]] std::span<const std::uint32_t> pools_of(const model::Cadre& cadre) const {
    if (pools_by_cadre_ == nullptr) return indexed_pools_of(cadre);
    const auto index = roster_->index_of(cadre);
    if (index < 0) return {};
    return (*pools_by_cadre_)[static_cast<std::size_t>(index)];
  }
  /// The standard for \p position in force on the as-of date; null when the profile has no
  /// standard for the position at all. Looked up once per evaluation, not per cadre.
  /// \throws std::invalid_argument when the profile has standards for the position but
  ///   none in force on the date (a gap is an error, not a pass).
  [[nodiscard]] const PositionStandard* standard_in_force(model::Position position) const;
  /// How \p field fits \p position in the profile's taxonomy: Profile::fields.classify(),
  /// remembered for the evaluation in a table indexed by the field's ordinal and the
  /// position (a national roster names a few hundred fields a million times, and
  /// classifying folds the text). Safe to call from several threads, without a lock.
  [[nodiscard]] FieldFit field_fit(model::Position position, model::InternedString field) const;
  /// Whether the profile accredits \p provider: Profile::is_accredited(), remembered for
  /// the evaluation in a table indexed by the provider's ordinal (a national roster names
  /// a few hundred providers five million times, and matching folds the text). Safe to call
  /// from several threads, without a lock. (A verdict already in the table is read inline:
  /// the first rule asks it of every training record.)
  [[nodiscard]] bool is_accredited(model::InternedString provider) const {
    const std::uint32_t ordinal = provider.ordinal();
    if (ordinal < verdict_slots_) {
      // 0: not judged yet; else the verdict plus one (see the memo's Verdicts).
      const std::uint8_t known = provider_verdicts_[ordinal].load(std::memory_order_relaxed);
      if (known != 0) return known == 2;
    }
    return judge_provider(provider);
  }
  /// The number of secretaries of unit \p unit on the as-of date (counted for every unit
  /// on first use, from the roster's secretaries rather than each unit's cadres).
  [[nodiscard]] std::size_t secretaries_in(const model::Unit& unit) const;

  /// Resolves the parameters of \p rules against the profile once (its setting, else the
  /// declared default), so that a rule reading a parameter while evaluating each cadre
  /// finds it among a few pointers rather than looking its id up in the profile, and
  /// indexes the successor pools by cadre (pools_of()). The evaluator prepares the rules
  /// it runs; a rule not prepared is looked up as before.
  /// Call before evaluation starts: preparing is not safe alongside evaluation.
  void prepare(std::span<const Rule* const> rules);

  // Parameters are read while evaluating each cadre: names are views (a literal longer
  // than 15 bytes made a heap block per call) looked up in the rule's few settings.

  /// Integer parameter \p name of \p rule.
  [[nodiscard]] std::int64_t integer(const Rule& rule, std::string_view name) const;
  /// Number parameter \p name of \p rule (an integer value is widened).
  [[nodiscard]] double number(const Rule& rule, std::string_view name) const;
  /// String parameter \p name of \p rule.
  [[nodiscard]] const std::string& string(const Rule& rule, std::string_view name) const;
  /// String-list parameter \p name of \p rule.
  [[nodiscard]] const std::vector<std::string>& strings(const Rule& rule, std::string_view name) const;
  /// Boolean parameter \p name of \p rule.
  [[nodiscard]] bool boolean(const Rule& rule, std::string_view name) const;

 private:
  [[nodiscard]] const ParameterValue& parameter(const Rule& rule, std::string_view name) const;
  [[nodiscard]] const ParameterValue& looked_up(const Rule& rule, std::string_view name) const;
  // pools_of() before prepare(): indexes the pools on first use, then answers.
  [[nodiscard]] std::span<const std::uint32_t> indexed_pools_of(const model::Cadre& cadre) const;
  // Indexes the pools by cadre once (from any thread) and returns the index.
  const model::IndexGroups& pools_by_cadre() const;
  // is_accredited() when the verdict is not in the table yet: judges and remembers it.
  [[nodiscard]] bool judge_provider(model::InternedString provider) const;

  const model::Roster* roster_;
  const Profile* profile_;
  boost::gregorian::date as_of_;
  model::Term current_term_;
  std::optional<model::Language> language_;
  /// By position: the standard in force on the as-of date (null: none, or a gap).
  std::vector<const PositionStandard*> standard_by_position_;
  /// By position: why there is a gap, empty when there is none.
  std::vector<std::string> gap_by_position_;
  /// Answers remembered for the evaluation (behind a pointer: it holds a mutex).
  struct Memo;
  std::shared_ptr<Memo> memo_;
  // The memo's provider verdicts, for the inline read above.
  const std::atomic<std::uint8_t>* provider_verdicts_ = nullptr;
  std::uint32_t verdict_slots_ = 0;
  // The memo's pool index once prepare() has built it (set before evaluation starts).
  const model::IndexGroups* pools_by_cadre_ = nullptr;
};

}  // namespace cadreplan::policy
