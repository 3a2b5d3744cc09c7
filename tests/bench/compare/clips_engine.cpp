#include "clips_engine.hpp"

extern "C" {
#include <clips/clips.h>
}

#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "cadreplan/model/code.hpp"
#include "cadreplan/text/fold.hpp"

namespace cadreplan::bench::compare {
namespace {

// (fold STRING): cadreplan::text::fold, which CLIPS lacks (case and Vietnamese
// diacritics); FALSE for text that is not UTF-8, which is never accredited.
void fold_function(void* env, DATA_OBJECT* result) {
  const char* value = EnvRtnLexeme(env, 1);
  const std::string_view text = value == nullptr ? std::string_view{} : std::string_view(value);
  if (value == nullptr || !text::is_valid_utf8(text)) {
    result->type = SYMBOL;
    result->value = EnvFalseSymbol(env);
    return;
  }
  result->type = STRING;
  result->value = EnvAddSymbol(env, text::fold(text).c_str());
}

/// Builds one fact of a template slot by slot, then asserts it.
class FactBuilder {
 public:
  FactBuilder(void* env, const char* template_name)
      : env_(env), template_(EnvFindDeftemplate(env, template_name)) {
    if (template_ == nullptr) throw std::runtime_error(std::string("clips: no template ") + template_name);
    nil_ = EnvAddSymbol(env, "nil");
  }
  FactBuilder& begin() {
    fact_ = EnvCreateFact(env_, template_);
    return *this;
  }
  FactBuilder& string(const char* slot, const std::string& value) {
    return put(slot, STRING, EnvAddSymbol(env_, value.c_str()));
  }
  FactBuilder& string_or_nil(const char* slot, const std::string& value) {
    return value.empty() ? nil(slot) : string(slot, value);
  }
  FactBuilder& string(const char* slot, model::InternedString value) { return string(slot, value.str()); }
  FactBuilder& string_or_nil(const char* slot, model::InternedString value) {
    return string_or_nil(slot, value.str());
  }
  FactBuilder& symbol(const char* slot, std::string_view value) {
    return put(slot, SYMBOL, EnvAddSymbol(env_, std::string(value).c_str()));
  }
  template <class E>
  FactBuilder& code(const char* slot, const std::optional<E>& value) {
    return value ? symbol(slot, model::to_code(*value)) : nil(slot);
  }
  FactBuilder& boolean(const char* slot, const std::optional<bool>& value) {
    return value ? symbol(slot, *value ? "TRUE" : "FALSE") : nil(slot);
  }
  FactBuilder& integer(const char* slot, long long value) {
    return put(slot, INTEGER, EnvAddLong(env_, value));
  }
  template <class T>
  FactBuilder& integer(const char* slot, const std::optional<T>& value) {
    return value ? integer(slot, static_cast<long long>(*value)) : nil(slot);
  }
  FactBuilder& nil(const char* slot) { return put(slot, SYMBOL, nil_); }
  void assert_fact() {
    if (EnvAssert(env_, fact_) == nullptr) throw std::runtime_error("clips: assert failed");
    fact_ = nullptr;
  }

 private:
  FactBuilder& put(const char* slot, unsigned short type, void* value) {
    DATA_OBJECT object;
    object.type = type;
    object.value = value;
    if (EnvPutFactSlot(env_, fact_, slot, &object) == 0) {
      throw std::runtime_error(std::string("clips: no slot ") + slot);
    }
    return *this;
  }

  void* env_;
  void* template_;
  void* nil_;
  struct fact* fact_ = nullptr;
};

std::string clips_file(const char* name) { return std::string(CADREPLAN_COMPARE_DIR) + "/" + name; }

void load_file(void* env, const std::string& path) {
  if (EnvLoad(env, path.c_str()) != 1) throw std::runtime_error("clips: cannot load " + path);
}

// The templates evaluate() defines or fills, whose facts forget_evaluation() retracts.
constexpr std::initializer_list<const char*> evaluation_templates{
    "evaluation", "standard", "accredited", "holding", "verdict",
    "finding",    "stats-row", "concurrent", "stats-unit"};

std::string slot_lexeme(void* env, void* fact, const char* slot) {
  DATA_OBJECT object;
  if (EnvGetFactSlot(env, fact, slot, &object) == 0) throw std::runtime_error(std::string("clips: no slot ") + slot);
  if (object.type != SYMBOL && object.type != STRING) return "";
  return DOToString(object);
}

long long slot_integer(void* env, void* fact, const char* slot) {
  DATA_OBJECT object;
  if (EnvGetFactSlot(env, fact, slot, &object) == 0 || object.type != INTEGER) {
    throw std::runtime_error(std::string("clips: no integer in slot ") + slot);
  }
  return DOToLong(object);
}

template <class Visit>
void for_each_fact(void* env, const char* template_name, Visit visit) {
  void* deftemplate = EnvFindDeftemplate(env, template_name);
  if (deftemplate == nullptr) return;
  for (void* fact = EnvGetNextFactInTemplate(env, deftemplate, nullptr); fact != nullptr;
       fact = EnvGetNextFactInTemplate(env, deftemplate, fact)) {
    visit(fact);
  }
}

}  // namespace

ClipsRoster::ClipsRoster() : env_(CreateEnvironment()) {
  if (env_ == nullptr) throw std::runtime_error("clips: cannot create an environment");
  // Two equal rows (the same course twice) are two records, as in the roster.
  EnvSetFactDuplication(env_, TRUE);
  EnvDefineFunction2(env_, "fold", 'u', PTIEF fold_function, "fold", "11k");
}

ClipsRoster::~ClipsRoster() { DestroyEnvironment(env_); }

std::size_t ClipsRoster::memory_used() const { return static_cast<std::size_t>(EnvMemUsed(env_)); }

std::size_t ClipsRoster::facts() const {
  std::size_t count = 0;
  for (void* fact = EnvGetNextFact(env_, nullptr); fact != nullptr; fact = EnvGetNextFact(env_, fact)) ++count;
  return count;
}

void ClipsRoster::load(const model::Roster& roster) {
  load_file(env_, clips_file("roster.clp"));
  EnvReset(env_);
  FactBuilder unit(env_, "unit");
  for (const auto& row : roster.units()) {
    unit.begin().string("id", row.id.str()).string("name", row.name)
        .symbol("kind", model::to_code(row.kind)).string_or_nil("parent-id", row.parent_id.str())
        .string_or_nil("province", row.province).boolean("large-minority", row.large_minority)
        .string_or_nil("minority", row.minority).code("area", row.area).assert_fact();
  }
  FactBuilder cadre(env_, "cadre");
  FactBuilder position(env_, "position");
  for (const auto& row : roster.cadres()) {
    cadre.begin().string("id", row.id.str()).string("full-name", row.full_name)
        .integer("birth-date", day_number(row.birth_date)).string("unit-id", row.unit_id.str())
        .code("gender", row.gender).string_or_nil("ethnicity", row.ethnicity)
        .integer("party-joined", day_number(row.party_joined))
        .code("general-education", row.general_education)
        .code("professional-level", row.professional.level)
        .string_or_nil("professional-field", row.professional.field)
        .code("professional-mode", row.professional.mode)
        .code("professional-funding", row.professional.funding)
        .boolean("professional-planned", row.professional.planned)
        .code("political-theory", row.political_theory)
        .code("state-management", row.state_management).assert_fact();
    for (const auto& holding : row.positions) {
      position.begin().string("cadre-id", row.id.str())
          .symbol("position", model::to_code(holding.position))
          .integer("since", day_number(holding.since)).assert_fact();
    }
  }
  FactBuilder training(env_, "training");
  for (const auto& row : roster.trainings()) {
    training.begin().string("cadre-id", row.cadre_id.str()).string("course", row.course)
        .symbol("kind", model::to_code(row.kind)).integer("start-date", day_number(row.start_date))
        .integer("end-date", day_number(row.end_date)).string_or_nil("provider", row.provider)
        .code("status", row.status).string_or_nil("result", row.result).code("funding", row.funding)
        .boolean("planned", row.planned).integer("cost", row.cost).assert_fact();
  }
  FactBuilder pool(env_, "pool");
  for (const auto& row : roster.pools()) {
    pool.begin().string("unit-id", row.unit_id.str()).symbol("position", model::to_code(row.position))
        .string("cadre-id", row.cadre_id.str()).string("term", row.term.name())
        .integer("term-start", day_number(row.term.start()))
        .integer("term-last-day", day_number(row.term.last_day()))
        .integer("added-on", day_number(row.added_on)).assert_fact();
  }
  FactBuilder budget(env_, "budget");
  for (const auto& row : roster.budgets()) {
    budget.begin().string("unit-id", row.unit_id.str()).integer("year", row.year)
        .integer("allocated", row.allocated).integer("spent-on-training", row.spent_on_training)
        .assert_fact();
  }
}

Outcome ClipsRoster::evaluate(const SubsetParameters& parameters) {
  std::string globals = "(defglobal";
  for (const auto& [name, step] : {std::pair{"men", parameters.retirement.men},
                                   std::pair{"women", parameters.retirement.women}}) {
    const std::string prefix = std::string(" ?*") + name;
    globals += prefix + "-base-year* = " + std::to_string(step.base_year) + prefix +
               "-base-months* = " + std::to_string(step.base_months) + prefix +
               "-step-months* = " + std::to_string(step.step_months) + prefix +
               "-final-months* = " + std::to_string(step.final_months);
  }
  if (EnvBuild(env_, (globals + ")").c_str()) == 0) throw std::runtime_error("clips: defglobal");
  load_file(env_, clips_file("subset.clp"));

  FactBuilder evaluation(env_, "evaluation");
  evaluation.begin().integer("as-of", parameters.as_of)
      .integer("pool-min-months", parameters.pool_min_months_to_retirement)
      .symbol("stats-position", parameters.stats_position).assert_fact();
  FactBuilder standard(env_, "standard");
  for (const auto& row : parameters.standards) {
    standard.begin().symbol("position", row.position).integer("from", row.valid_from)
        .integer("until", row.valid_until).integer("min-age", row.min_age)
        .integer("max-age-at-appointment", row.max_age_at_appointment);
    for (const auto& [slot, level] : {std::pair{"general-education", &row.general_education},
                                      std::pair{"professional-level", &row.professional_level},
                                      std::pair{"political-theory", &row.political_theory}}) {
      if (*level) {
        standard.symbol(slot, **level);
      } else {
        standard.nil(slot);
      }
    }
    standard.assert_fact();
  }
  FactBuilder accredited(env_, "accredited");
  for (const auto& [pattern, prefix] : parameters.accredited) {
    accredited.begin().string("pattern", pattern).symbol("prefix", prefix ? "TRUE" : "FALSE").assert_fact();
  }

  EnvRun(env_, -1);

  Outcome outcome;
  for_each_fact(env_, "finding", [&](void* fact) {
    outcome.add_finding(slot_lexeme(env_, fact, "rule"), slot_lexeme(env_, fact, "cadre-id"),
                        static_cast<int>(slot_integer(env_, fact, "year")));
  });
  std::size_t holders = 0;
  for_each_fact(env_, "stats-row", [&](void* fact) {
    ++holders;
    for (const char* slot : {"general-education", "professional-level", "political-theory", "state-management"}) {
      std::string key = slot;
      for (char& c : key) c = c == '-' ? '_' : c;
      const std::string value = slot_lexeme(env_, fact, slot);
      outcome.add_stat(key + "." + (value == "nil" ? "unknown" : value), 1);
    }
  });
  outcome.add_stat("cadres", holders);
  for_each_fact(env_, "concurrent", [&](void* fact) {
    outcome.add_stat("concurrent." + slot_lexeme(env_, fact, "position"), 1);
  });
  for_each_fact(env_, "stats-unit", [&](void* fact) {
    outcome.add_stat("units.total", 1);
    if (slot_lexeme(env_, fact, "large-minority") == "TRUE") outcome.add_stat("units.large_minority", 1);
  });
  return outcome;
}

void ClipsRoster::forget_evaluation() {
  EnvUndefrule(env_, nullptr);  // all rules, before their facts: no matching on the way out
  // And the functions: accredited-p reads the accredited facts, which keeps their template
  // in use, and subset.clp could not define it again.
  EnvUndeffunction(env_, nullptr);
  for (const char* name : evaluation_templates) {
    std::vector<void*> facts;
    for_each_fact(env_, name, [&](void* fact) { facts.push_back(fact); });
    for (void* fact : facts) EnvRetract(env_, fact);
  }
}

}  // namespace cadreplan::bench::compare
