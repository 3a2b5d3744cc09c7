#include "cadreplan/policy/evaluation_context.hpp"

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>

#include "policy/accredited_list.hpp"
#include "policy/rules/rule_support.hpp"

namespace cadreplan::policy {
namespace {

const ParameterSpec* find_spec(const Rule& rule, std::string_view name) noexcept {
  for (const auto& spec : rule.info().parameters) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

[[noreturn]] void wrong_type(const Rule& rule, std::string_view name, std::string_view wanted) {
  throw std::logic_error("rule " + rule.info().id + ": parameter '" + std::string(name) +
                         "' is not " + std::string(wanted));
}

}  // namespace

struct EvaluationContext::Memo {
  // Verdicts by the ordinal of an interned text, in slots that start unknown. Racing
  // threads may both work a verdict out; they store the same one, so relaxed order
  // suffices, and no lock is taken (a mutex per cadre made two threads queue).
  class Verdicts {
   public:
    explicit Verdicts(std::size_t count) : count_(count), slots_(new std::atomic<std::uint8_t>[count]) {
      for (std::size_t i = 0; i < count; ++i) slots_[i].store(0, std::memory_order_relaxed);
    }
    [[nodiscard]] std::size_t size() const noexcept { return count_; }
    // The slots themselves (0: unknown; else the verdict plus one).
    [[nodiscard]] const std::atomic<std::uint8_t>* slots() const noexcept { return slots_.get(); }
    // The verdict in slot \p slot, or nothing yet.
    [[nodiscard]] std::optional<std::uint8_t> get(std::size_t slot) const noexcept {
      const std::uint8_t known = slots_[slot].load(std::memory_order_relaxed);
      if (known == 0) return std::nullopt;
      return static_cast<std::uint8_t>(known - 1);
    }
    void set(std::size_t slot, std::uint8_t verdict) noexcept {
      slots_[slot].store(static_cast<std::uint8_t>(verdict + 1), std::memory_order_relaxed);
    }

   private:
    std::size_t count_;
    std::unique_ptr<std::atomic<std::uint8_t>[]> slots_;
  };

  Memo(std::uint32_t ordinals, const Profile& profile)
      : ordinal_count(ordinals),
        accredited(profile.accredited_providers),
        provider_verdicts(ordinals),
        field_fits(std::size_t{ordinals} * model::all_codes<model::Position>().size()) {}
  std::uint32_t ordinal_count;
  // The profile's accredited list, folded once.
  detail::AccreditedList accredited;
  // By provider ordinal: 1 when accredited, 0 when not.
  Verdicts provider_verdicts;
  // By field ordinal times the number of positions plus the position: the FieldFit.
  Verdicts field_fits;

  // By unit index: 1 for a commune-level unit.
  std::vector<std::uint8_t> commune_level;

  // Built on first use (call_once: rules ask from several threads). libstdc++'s
  // call_once goes through pthread_once and two thread-locals at every call, a tenth of
  // the cost of a rule that asks for every cadre; the flag below answers "built" first.
  std::atomic<bool> pools_ready{false};
  std::once_flag pools_indexed;
  model::IndexGroups pools_by_cadre;
  std::once_flag secretaries_counted;

  std::vector<std::uint32_t> secretaries_by_unit;

  // Parameters of prepared rules: each rule's run of resolved values.
  struct PreparedParameter {
    std::string_view name;
    const ParameterValue* value;
  };
  struct PreparedRule {
    const Rule* rule;
    std::size_t begin;  // into prepared_parameters
    std::size_t end;
  };
  std::vector<PreparedRule> prepared_rules;
  std::vector<PreparedParameter> prepared_parameters;
};

EvaluationContext::EvaluationContext(const model::Roster& roster, const Profile& profile,
                                     boost::gregorian::date as_of)
    : roster_(&roster),
      profile_(&profile),
      as_of_(as_of),
      current_term_(profile.terms.term_containing(as_of)),
      // Every string interned so far gets a verdict slot; a provider interned later (by
      // another roster being loaded meanwhile) is matched without the table.
      memo_(std::make_shared<Memo>(model::InternedString::ordinal_bound(), profile)) {
  provider_verdicts_ = memo_->provider_verdicts.slots();
  verdict_slots_ = static_cast<std::uint32_t>(memo_->provider_verdicts.size());
  memo_->commune_level.reserve(roster.units().size());
  for (const auto& unit : roster.units()) memo_->commune_level.push_back(model::is_commune_level(unit.kind) ? 1 : 0);
  // Every rule asks this for every cadre: answer it once per position. A gap is kept as
  // its message and thrown only when a rule asks, as before the table existed.
  for (const auto position : model::all_codes<model::Position>()) {
    const auto index = static_cast<std::size_t>(position);
    if (index >= standard_by_position_.size()) {
      standard_by_position_.resize(index + 1, nullptr);
      gap_by_position_.resize(index + 1);
    }
    try {
      standard_by_position_[index] = rules::standard_on(profile, position, as_of);
    } catch (const std::invalid_argument& gap) {
      gap_by_position_[index] = gap.what();
    }
  }
}

const PositionStandard* EvaluationContext::standard_in_force(model::Position position) const {
  const auto index = static_cast<std::size_t>(position);
  if (index >= standard_by_position_.size()) return nullptr;
  if (!gap_by_position_[index].empty()) throw std::invalid_argument(gap_by_position_[index]);
  return standard_by_position_[index];
}

model::Term EvaluationContext::next_term() const {
  return model::Term::from_years(current_term_.last_year(),
                                 current_term_.last_year() + profile_->terms.length_years);
}

const model::Unit& EvaluationContext::unit_of(const model::Cadre& cadre) const noexcept {
  const auto index = roster_->index_of(cadre);
  if (index < 0) return *roster_->find_unit(cadre.unit_id);  // a cadre from elsewhere
  return roster_->units()[roster_->unit_index_of_cadre(static_cast<std::size_t>(index))];
}

bool EvaluationContext::works_at_commune_level(const model::Cadre& cadre) const noexcept {
  const auto index = roster_->index_of(cadre);
  if (index < 0) return model::is_commune_level(unit_of(cadre).kind);  // a cadre from elsewhere
  return memo_->commune_level[roster_->unit_index_of_cadre(static_cast<std::size_t>(index))] != 0;
}

bool EvaluationContext::holds_in_commune(const model::Cadre& cadre,
                                         model::Position position) const noexcept {
  return cadre.holds(position, as_of_) && works_at_commune_level(cadre);
}

FieldFit EvaluationContext::field_fit(model::Position position, model::InternedString field) const {
  const std::uint32_t ordinal = field.ordinal();
  // A field interned after the context was made has no slot: classified each time.
  if (ordinal >= memo_->ordinal_count) return profile_->fields.classify(position, field);
  const std::size_t slot = std::size_t{ordinal} * model::all_codes<model::Position>().size() +
                           static_cast<std::size_t>(position);
  if (const auto known = memo_->field_fits.get(slot)) return static_cast<FieldFit>(*known);
  const FieldFit fit = profile_->fields.classify(position, field);
  memo_->field_fits.set(slot, static_cast<std::uint8_t>(fit));
  return fit;
}

bool EvaluationContext::judge_provider(model::InternedString provider) const {
  const std::uint32_t ordinal = provider.ordinal();
  if (ordinal >= memo_->ordinal_count) return memo_->accredited.contains(provider);
  const bool verdict = memo_->accredited.contains(provider);
  memo_->provider_verdicts.set(ordinal, verdict ? 1 : 0);
  return verdict;
}

const model::IndexGroups& EvaluationContext::pools_by_cadre() const {
  if (!memo_->pools_ready.load(std::memory_order_acquire)) {
    std::call_once(memo_->pools_indexed, [this] {
      std::vector<std::uint32_t> cadre_of_pool(roster_->pools().size());
      for (std::size_t i = 0; i < cadre_of_pool.size(); ++i) cadre_of_pool[i] = roster_->cadre_index_of_pool(i);
      memo_->pools_by_cadre = model::IndexGroups(cadre_of_pool, roster_->cadres().size());
      memo_->pools_ready.store(true, std::memory_order_release);
    });
  }
  return memo_->pools_by_cadre;
}

std::span<const std::uint32_t> EvaluationContext::indexed_pools_of(const model::Cadre& cadre) const {
  const auto index = roster_->index_of(cadre);
  if (index < 0) return {};
  return pools_by_cadre()[static_cast<std::size_t>(index)];
}

std::size_t EvaluationContext::secretaries_in(const model::Unit& unit) const {
  const auto index = roster_->index_of(unit);
  if (index < 0) return 0;
  // Walking each unit's cadres read every cadre of a national roster, cold; the roster
  // lists the few who ever held the post.
  std::call_once(memo_->secretaries_counted, [this] {
    memo_->secretaries_by_unit.assign(roster_->units().size(), 0);
    for (const std::uint32_t cadre : roster_->cadres_with_position(model::Position::secretary)) {
      if (roster_->cadres()[cadre].holds(model::Position::secretary, as_of_)) {
        ++memo_->secretaries_by_unit[roster_->unit_index_of_cadre(cadre)];
      }
    }
  });
  return memo_->secretaries_by_unit[static_cast<std::size_t>(index)];
}

void EvaluationContext::prepare(std::span<const Rule* const> rules) {
  // A few milliseconds for a national roster, against a lookup through the once-flag for
  // every cadre: indexed now, whether or not a rule will ask.
  pools_by_cadre_ = &pools_by_cadre();
  for (const Rule* rule : rules) {
    const auto& settings = profile_->settings_of(rule->info().id);
    const std::size_t begin = memo_->prepared_parameters.size();
    for (const auto& [key, value] : settings.parameters) memo_->prepared_parameters.push_back({key, &value});
    for (const auto& spec : rule->info().parameters) {
      if (!settings.parameters.contains(spec.name)) {
        memo_->prepared_parameters.push_back({spec.name, &spec.default_value});
      }
    }
    memo_->prepared_rules.push_back({rule, begin, memo_->prepared_parameters.size()});
  }
}

const ParameterValue& EvaluationContext::parameter(const Rule& rule, std::string_view name) const {
  for (const auto& prepared : memo_->prepared_rules) {
    if (prepared.rule != &rule) continue;
    for (std::size_t i = prepared.begin; i < prepared.end; ++i) {
      if (memo_->prepared_parameters[i].name == name) return *memo_->prepared_parameters[i].value;
    }
    break;  // not a parameter of the rule: looked up, to say so
  }
  return looked_up(rule, name);
}

const ParameterValue& EvaluationContext::looked_up(const Rule& rule, std::string_view name) const {
  const auto& settings = profile_->settings_of(rule.info().id);
  // A rule has a handful of parameters: a scan compares a view without making a key.
  for (const auto& [key, value] : settings.parameters) {
    if (key == name) return value;
  }
  const ParameterSpec* spec = find_spec(rule, name);
  if (spec == nullptr) {
    throw std::logic_error("rule " + rule.info().id + " reads undeclared parameter '" +
                           std::string(name) + "'");
  }
  return spec->default_value;
}

std::int64_t EvaluationContext::integer(const Rule& rule, std::string_view name) const {
  const auto& value = parameter(rule, name);
  if (const auto* integer_value = std::get_if<std::int64_t>(&value)) return *integer_value;
  wrong_type(rule, name, "an integer");
}

double EvaluationContext::number(const Rule& rule, std::string_view name) const {
  const auto& value = parameter(rule, name);
  if (const auto* number_value = std::get_if<double>(&value)) return *number_value;
  if (const auto* integer_value = std::get_if<std::int64_t>(&value)) {
    return static_cast<double>(*integer_value);
  }
  wrong_type(rule, name, "a number");
}

const std::string& EvaluationContext::string(const Rule& rule, std::string_view name) const {
  const auto& value = parameter(rule, name);
  if (const auto* string_value = std::get_if<std::string>(&value)) return *string_value;
  wrong_type(rule, name, "a string");
}

const std::vector<std::string>& EvaluationContext::strings(const Rule& rule,
                                                           std::string_view name) const {
  const auto& value = parameter(rule, name);
  if (const auto* list = std::get_if<std::vector<std::string>>(&value)) return *list;
  wrong_type(rule, name, "an array of strings");
}

bool EvaluationContext::boolean(const Rule& rule, std::string_view name) const {
  const auto& value = parameter(rule, name);
  if (const auto* flag = std::get_if<bool>(&value)) return *flag;
  wrong_type(rule, name, "a boolean");
}

}  // namespace cadreplan::policy
