#include "sqlite_engine.hpp"

#include <sqlite3.h>

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cadreplan/model/code.hpp"
#include "cadreplan/text/fold.hpp"

namespace cadreplan::bench::compare {
namespace {

// Ids and codes as in the CSV files; dates as YYYYMMDD integers (see day_number); a
// cadre's `positions` and `position_since` as one row per position held, the relational
// form of the `;`-separated cell.
constexpr std::string_view schema = R"sql(
CREATE TABLE units (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, parent_id TEXT,
  province TEXT, large_minority INTEGER, minority TEXT, area TEXT);
CREATE TABLE cadres (id TEXT PRIMARY KEY, full_name TEXT NOT NULL, birth_date INTEGER NOT NULL,
  unit_id TEXT NOT NULL REFERENCES units(id), gender TEXT, ethnicity TEXT, party_joined INTEGER,
  general_education TEXT, professional_level TEXT, professional_field TEXT,
  professional_mode TEXT, professional_funding TEXT, professional_planned INTEGER,
  political_theory TEXT, state_management TEXT);
CREATE TABLE cadre_positions (cadre_id TEXT NOT NULL REFERENCES cadres(id),
  position TEXT NOT NULL, since INTEGER);
CREATE TABLE trainings (cadre_id TEXT NOT NULL REFERENCES cadres(id), course TEXT NOT NULL,
  kind TEXT NOT NULL, start_date INTEGER NOT NULL, end_date INTEGER NOT NULL, provider TEXT,
  status TEXT, result TEXT, funding TEXT, planned INTEGER, cost INTEGER);
CREATE TABLE pools (unit_id TEXT NOT NULL REFERENCES units(id), position TEXT NOT NULL,
  cadre_id TEXT NOT NULL REFERENCES cadres(id), term TEXT NOT NULL, term_start INTEGER NOT NULL,
  term_last_day INTEGER NOT NULL, added_on INTEGER);
CREATE TABLE budgets (unit_id TEXT NOT NULL REFERENCES units(id), year INTEGER NOT NULL,
  allocated INTEGER NOT NULL, spent_on_training INTEGER);
-- The profile: standards, level orders, accredited providers, the retirement schedule.
CREATE TABLE standards (position TEXT NOT NULL, valid_from INTEGER NOT NULL, valid_until INTEGER,
  general_education TEXT, professional_level TEXT, political_theory TEXT, min_age INTEGER,
  max_age_at_appointment INTEGER);
CREATE TABLE general_education_levels (code TEXT PRIMARY KEY, rank INTEGER NOT NULL);
CREATE TABLE professional_levels (code TEXT PRIMARY KEY, rank INTEGER NOT NULL);
CREATE TABLE political_theory_levels (code TEXT PRIMARY KEY, rank INTEGER NOT NULL);
CREATE TABLE accredited (pattern TEXT NOT NULL, prefix INTEGER NOT NULL);
CREATE TABLE retirement_schedule (schedule TEXT NOT NULL, year INTEGER NOT NULL,
  months INTEGER NOT NULL, PRIMARY KEY (schedule, year));
)sql";

// After the rows: building an index once is cheaper than keeping it while inserting.
constexpr std::string_view indexes = R"sql(
CREATE INDEX cadre_positions_by_position ON cadre_positions (position, since, cadre_id);
CREATE INDEX cadre_positions_by_cadre ON cadre_positions (cadre_id, position, since);
CREATE INDEX cadres_by_unit ON cadres (unit_id);
CREATE INDEX trainings_by_cadre ON trainings (cadre_id);
CREATE INDEX trainings_by_provider ON trainings (provider);
CREATE INDEX pools_by_cadre ON pools (cadre_id, position);
CREATE INDEX budgets_by_unit ON budgets (unit_id);
ANALYZE;
)sql";

void check(int status, sqlite3* db, std::string_view what) {
  if (status != SQLITE_OK && status != SQLITE_DONE && status != SQLITE_ROW) {
    throw std::runtime_error("sqlite: " + std::string(what) + ": " + sqlite3_errmsg(db));
  }
}

void execute(sqlite3* db, std::string_view sql) {
  char* error = nullptr;
  if (sqlite3_exec(db, std::string(sql).c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    const std::string message = error != nullptr ? error : "unknown error";
    sqlite3_free(error);
    throw std::runtime_error("sqlite: " + message);
  }
}

/// A prepared statement whose parameters are bound by position, one row at a time.
class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql) : db_(db) {
    check(sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &statement_, nullptr),
          db, sql.substr(0, 60));
  }
  ~Statement() { sqlite3_finalize(statement_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // The roster outlives each row's step, so text is bound without a copy.
  Statement& text(std::string_view value) {
    check(sqlite3_bind_text(statement_, ++column_, value.data(), static_cast<int>(value.size()),
                            SQLITE_STATIC),
          db_, "bind");
    return *this;
  }
  Statement& text_or_null(std::string_view value) {
    return value.empty() ? null() : text(value);
  }
  template <class E>
  Statement& code(const std::optional<E>& value) {
    return value ? text(model::to_code(*value)) : null();
  }
  Statement& integer(long long value) {
    check(sqlite3_bind_int64(statement_, ++column_, value), db_, "bind");
    return *this;
  }
  template <class T>
  Statement& integer(const std::optional<T>& value) {
    return value ? integer(static_cast<long long>(*value)) : null();
  }
  Statement& null() {
    check(sqlite3_bind_null(statement_, ++column_), db_, "bind");
    return *this;
  }
  /// Binds \p value to the named parameter \p name if the statement has it.
  void named(const char* name, long long value) {
    const int index = sqlite3_bind_parameter_index(statement_, name);
    if (index != 0) check(sqlite3_bind_int64(statement_, index, value), db_, "bind");
  }
  void named(const char* name, std::string_view value) {
    const int index = sqlite3_bind_parameter_index(statement_, name);
    if (index != 0) {
      check(sqlite3_bind_text(statement_, index, value.data(), static_cast<int>(value.size()),
                              SQLITE_STATIC),
            db_, "bind");
    }
  }
  /// Runs an insert and makes the statement ready for the next row.
  void insert() {
    check(sqlite3_step(statement_), db_, "insert");
    sqlite3_reset(statement_);
    column_ = 0;
  }
  /// Steps to the next result row; false at the end.
  bool row() {
    const int status = sqlite3_step(statement_);
    check(status, db_, "query");
    return status == SQLITE_ROW;
  }
  [[nodiscard]] std::string_view column_text(int column) const {
    const auto* bytes = sqlite3_column_text(statement_, column);
    return bytes == nullptr ? std::string_view{}
                            : std::string_view(reinterpret_cast<const char*>(bytes),
                                               static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)));
  }
  [[nodiscard]] long long column_integer(int column) const {
    return sqlite3_column_int64(statement_, column);
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* statement_ = nullptr;
  int column_ = 0;
};

// fold(text): cadreplan::text::fold, which SQLite lacks (case and Vietnamese diacritics);
// NULL for text that is not UTF-8, which Profile::is_accredited never accredits.
void fold_function(sqlite3_context* context, int, sqlite3_value** arguments) {
  const auto* bytes = sqlite3_value_text(arguments[0]);
  if (bytes == nullptr) {
    sqlite3_result_null(context);
    return;
  }
  const std::string_view value(reinterpret_cast<const char*>(bytes),
                               static_cast<std::size_t>(sqlite3_value_bytes(arguments[0])));
  if (!text::is_valid_utf8(value)) {
    sqlite3_result_null(context);
    return;
  }
  const std::string folded = text::fold(value);
  sqlite3_result_text(context, folded.data(), static_cast<int>(folded.size()), SQLITE_TRANSIENT);
}

std::string commune_level_kinds() {
  std::string list;
  for (const auto kind : model::all_codes<model::UnitKind>()) {
    if (!model::is_commune_level(kind)) continue;
    list += (list.empty() ? "'" : ", '") + std::string(model::to_code(kind)) + "'";
  }
  return list;
}

template <class E>
void insert_levels(sqlite3* db, std::string_view table, int (*rank)(E)) {
  Statement insert(db, "INSERT INTO " + std::string(table) + " VALUES (?, ?)");
  for (const E level : model::all_codes<E>()) insert.text(model::to_code(level)).integer(rank(level)).insert();
}

void load_profile(sqlite3* db, const SubsetParameters& parameters) {
  Statement standard(db, "INSERT INTO standards VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  for (const auto& row : parameters.standards) {
    standard.text(row.position).integer(row.valid_from).integer(row.valid_until);
    for (const auto* level : {&row.general_education, &row.professional_level, &row.political_theory}) {
      if (*level) {
        standard.text(**level);
      } else {
        standard.null();
      }
    }
    standard.integer(row.min_age).integer(row.max_age_at_appointment).insert();
  }
  insert_levels<model::GeneralEducation>(db, "general_education_levels",
                                         [](model::GeneralEducation level) { return static_cast<int>(level); });
  insert_levels<model::ProfessionalLevel>(db, "professional_levels",
                                          [](model::ProfessionalLevel level) { return static_cast<int>(level); });
  insert_levels<model::PoliticalTheory>(db, "political_theory_levels", [](model::PoliticalTheory level) {
    return model::political_theory_rank(level);  // a bachelor of politics ranks as advanced
  });
  Statement accredited(db, "INSERT INTO accredited VALUES (?, ?)");
  for (const auto& [pattern, prefix] : parameters.accredited) accredited.text(pattern).integer(prefix ? 1 : 0).insert();
  // The scheduled retirement age of those retiring in each year, as RetirementSchedule.
  Statement schedule(db, "INSERT INTO retirement_schedule VALUES (?, ?, ?)");
  for (const auto& [name, step] : {std::pair{"men", parameters.retirement.men},
                                   std::pair{"women", parameters.retirement.women}}) {
    for (int year = 1800; year <= 2300; ++year) {
      const int months = year < step.base_year
                             ? step.base_months - step.step_months
                             : std::min(step.base_months + step.step_months * (year - step.base_year),
                                        step.final_months);
      schedule.text(name).integer(year).integer(months).insert();
    }
  }
}

// Every rule reads the positions held on the as-of day in commune-level units that have a
// standard in force that day, with that standard's minima (rules::standardised_holdings).
std::string holding_cte() {
  return R"sql(
holding AS (
  SELECT p.cadre_id, p.position, p.since, s.general_education AS min_general_education,
         s.professional_level AS min_professional_level,
         s.political_theory AS min_political_theory, s.min_age
  FROM cadre_positions p
  JOIN standards s ON s.position = p.position AND s.valid_from <= :as_of
                  AND (s.valid_until IS NULL OR :as_of <= s.valid_until)
  JOIN cadres c ON c.id = p.cadre_id
  JOIN units u ON u.id = c.unit_id
  WHERE (p.since IS NULL OR p.since <= :as_of) AND u.kind IN ()sql" +
         commune_level_kinds() + "))";
}

std::string level_query(std::string_view column, std::string_view levels) {
  const std::string c(column);
  const std::string l(levels);
  return "WITH " + holding_cte() + "\nSELECT h.cadre_id, 0 FROM holding h JOIN cadres c ON c.id = h.cadre_id\n" +
         "JOIN " + l + " held ON held.code = c." + c + "\nJOIN " + l +
         " required ON required.code = h.min_" + c + "\nWHERE held.rank < required.rank";
}

// Age in whole years from YYYYMMDD numbers: the month-and-day part is below 10000, so
// the quotient drops a year exactly when the birthday has not come yet (model::age_on).
std::string age(std::string_view birth, std::string_view day) {
  return "max((" + std::string(day) + " - " + std::string(birth) + ") / 10000, 0)";
}

// standard.age: retirement, minimum age, age at appointment, and the pool candidates of
// the current and later terms (months to retirement, age at the term's start).
std::string age_query() {
  return "WITH " + holding_cte() + R"sql(,
pool_candidate AS (
  SELECT pl.cadre_id, pl.position, max(pl.term_start, :as_of) AS start
  FROM pools pl
  WHERE pl.term_last_day >= :as_of AND NOT EXISTS (
    SELECT 1 FROM cadre_positions p WHERE p.cadre_id = pl.cadre_id AND p.position = pl.position
      AND (p.since IS NULL OR p.since <= :as_of))),
person AS (SELECT cadre_id FROM holding UNION SELECT cadre_id FROM pool_candidate),
-- The retirement day: the first year whose scheduled age is reached within that year.
-- Years before birth + the lowest scheduled age cannot be it; birth + the highest + 1 is.
bounds AS (SELECT schedule, min(months) / 12 AS first_offset, max(months) / 12 + 1 AS last_offset
           FROM retirement_schedule GROUP BY schedule),
reach AS (
  SELECT c.id, r.year, c.birth_date % 100 AS d,
         (c.birth_date / 10000) * 12 + (c.birth_date / 100) % 100 - 1 + r.months AS month_index
  FROM person k JOIN cadres c ON c.id = k.cadre_id
  JOIN bounds b ON b.schedule = CASE c.gender WHEN 'male' THEN 'men' ELSE 'women' END
  JOIN retirement_schedule r ON r.schedule = b.schedule
   AND r.year BETWEEN c.birth_date / 10000 + b.first_offset AND c.birth_date / 10000 + b.last_offset),
dated AS (SELECT id, year, month_index / 12 AS y, month_index % 12 + 1 AS m, d FROM reach),
-- Calendar months keep the day; a day the month lacks rolls to the 1st of the next.
reached AS (
  SELECT id, year,
         CASE WHEN d <= CASE m WHEN 2 THEN CASE WHEN (y % 4 = 0 AND y % 100 <> 0) OR y % 400 = 0
                                                THEN 29 ELSE 28 END
                               WHEN 4 THEN 30 WHEN 6 THEN 30 WHEN 9 THEN 30 WHEN 11 THEN 30
                               ELSE 31 END
              THEN y * 10000 + m * 100 + d
              WHEN m = 12 THEN (y + 1) * 10000 + 101
              ELSE y * 10000 + (m + 1) * 100 + 1 END AS day
  FROM dated),
retirement AS (SELECT id, day, min(year) FROM reached WHERE day / 10000 <= year GROUP BY id)
SELECT h.cadre_id, 0 FROM holding h JOIN retirement r ON r.id = h.cadre_id WHERE :as_of >= r.day
UNION ALL
SELECT h.cadre_id, 0 FROM holding h JOIN cadres c ON c.id = h.cadre_id
WHERE h.min_age IS NOT NULL AND )sql" +
         age("c.birth_date", ":as_of") + R"sql( < h.min_age
UNION ALL
SELECT h.cadre_id, 0 FROM holding h
JOIN standards s ON s.position = h.position AND s.valid_from <= h.since
                AND (s.valid_until IS NULL OR h.since <= s.valid_until)
JOIN cadres c ON c.id = h.cadre_id
WHERE h.since IS NOT NULL AND s.max_age_at_appointment IS NOT NULL
  AND )sql" + age("c.birth_date", "h.since") + R"sql( > s.max_age_at_appointment
UNION ALL
SELECT k.cadre_id, 0 FROM pool_candidate k
JOIN standards s ON s.position = k.position AND s.valid_from <= k.start
                AND (s.valid_until IS NULL OR k.start <= s.valid_until)
JOIN retirement r ON r.id = k.cadre_id
WHERE (r.day / 10000 - k.start / 10000) * 12 + ((r.day / 100) % 100 - (k.start / 100) % 100)
      - (r.day % 100 < k.start % 100) < :pool_min_months
UNION ALL
SELECT k.cadre_id, 0 FROM pool_candidate k
JOIN standards s ON s.position = k.position AND s.valid_from <= k.start
                AND (s.valid_until IS NULL OR k.start <= s.valid_until)
JOIN cadres c ON c.id = k.cadre_id
WHERE s.max_age_at_appointment IS NOT NULL
  AND )sql" + age("c.birth_date", "k.start") + " > s.max_age_at_appointment";
}

// point1.accredited_provider: each provider name is folded and judged once (as the
// library memoises its verdicts), then the records of the unaccredited ones are found.
constexpr std::string_view accredited_query = R"sql(
WITH folded AS MATERIALIZED (
  SELECT provider, fold(provider) AS name
  FROM (SELECT DISTINCT provider FROM trainings WHERE provider IS NOT NULL)),
unaccredited AS MATERIALIZED (
  SELECT provider FROM folded f WHERE f.name IS NULL OR NOT EXISTS (
    SELECT 1 FROM accredited a
    WHERE CASE WHEN a.prefix THEN substr(f.name, 1, length(a.pattern)) = a.pattern
               ELSE f.name = a.pattern END))
SELECT t.cadre_id, t.start_date / 10000
FROM unaccredited u JOIN trainings t ON t.provider = u.provider
WHERE EXISTS (SELECT 1 FROM accredited) AND t.start_date <= :as_of
  AND (t.status IS NULL OR t.status <> 'cancelled')
)sql";

std::string stats_query() {
  const std::string kinds = commune_level_kinds();
  std::string sql = R"sql(
WITH holder AS MATERIALIZED (
  SELECT c.id, c.general_education, c.professional_level, c.political_theory, c.state_management
  FROM cadres c JOIN units u ON u.id = c.unit_id
  WHERE c.id IN (SELECT cadre_id FROM cadre_positions
                 WHERE position = :position AND (since IS NULL OR since <= :as_of))
    AND u.kind IN ()sql" + kinds + R"sql())
SELECT 'cadres', count(*) FROM holder
UNION ALL SELECT 'units.total', count(*) FROM units WHERE kind IN ()sql" + kinds + R"sql()
UNION ALL SELECT 'units.large_minority', count(*) FROM units
          WHERE kind IN ()sql" + kinds + R"sql() AND large_minority = 1
UNION ALL SELECT 'concurrent.' || p.position, count(DISTINCT p.cadre_id)
          FROM holder h JOIN cadre_positions p ON p.cadre_id = h.id
          WHERE p.position <> :position AND (p.since IS NULL OR p.since <= :as_of)
          GROUP BY p.position
UNION ALL SELECT 'political_theory.' || CASE political_theory WHEN 'bachelor' THEN 'advanced'
                                         ELSE coalesce(political_theory, 'unknown') END, count(*)
          FROM holder GROUP BY 1
)sql";
  for (const char* column : {"general_education", "professional_level", "state_management"}) {
    const std::string c(column);
    sql += "UNION ALL SELECT '" + c + ".' || coalesce(" + c + ", 'unknown'), count(*) FROM holder GROUP BY 1\n";
  }
  return sql;
}

void bind_parameters(Statement& statement, const SubsetParameters& parameters) {
  statement.named(":as_of", parameters.as_of);
  statement.named(":pool_min_months", parameters.pool_min_months_to_retirement);
  statement.named(":position", parameters.stats_position);
}

}  // namespace

SqliteRoster::SqliteRoster() {
  if (sqlite3_open(":memory:", &db_) != SQLITE_OK) {
    const std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw std::runtime_error("sqlite: " + message);
  }
  check(sqlite3_create_function(db_, "fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                fold_function, nullptr, nullptr),
        db_, "fold");
}

SqliteRoster::~SqliteRoster() { sqlite3_close(db_); }

std::size_t SqliteRoster::memory_used() { return static_cast<std::size_t>(sqlite3_memory_used()); }

void SqliteRoster::load(const model::Roster& roster, const SubsetParameters& parameters) {
  execute(db_, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;");
  execute(db_, schema);
  execute(db_, "BEGIN");
  {
    Statement unit(db_, "INSERT INTO units VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    for (const auto& row : roster.units()) {
      unit.text(row.id.str()).text(row.name).text(model::to_code(row.kind))
          .text_or_null(row.parent_id.str()).text_or_null(row.province).integer(row.large_minority)
          .text_or_null(row.minority).code(row.area).insert();
    }
    Statement cadre(db_, "INSERT INTO cadres VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    Statement position(db_, "INSERT INTO cadre_positions VALUES (?, ?, ?)");
    for (const auto& row : roster.cadres()) {
      cadre.text(row.id.str()).text(row.full_name).integer(day_number(row.birth_date))
          .text(row.unit_id.str()).code(row.gender).text_or_null(row.ethnicity)
          .integer(day_number(row.party_joined)).code(row.general_education)
          .code(row.professional.level).text_or_null(row.professional.field)
          .code(row.professional.mode).code(row.professional.funding)
          .integer(row.professional.planned).code(row.political_theory).code(row.state_management)
          .insert();
      for (const auto& holding : row.positions) {
        position.text(row.id.str()).text(model::to_code(holding.position))
            .integer(day_number(holding.since)).insert();
      }
    }
    Statement training(db_, "INSERT INTO trainings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const auto& row : roster.trainings()) {
      training.text(row.cadre_id.str()).text(row.course).text(model::to_code(row.kind))
          .integer(day_number(row.start_date)).integer(day_number(row.end_date))
          .text_or_null(row.provider).code(row.status).text_or_null(row.result).code(row.funding)
          .integer(row.planned).integer(row.cost).insert();
    }
    Statement pool(db_, "INSERT INTO pools VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (const auto& row : roster.pools()) {
      const std::string term = row.term.name();
      pool.text(row.unit_id.str()).text(model::to_code(row.position)).text(row.cadre_id.str())
          .text(term).integer(day_number(row.term.start())).integer(day_number(row.term.last_day()))
          .integer(day_number(row.added_on)).insert();
    }
    Statement budget(db_, "INSERT INTO budgets VALUES (?, ?, ?, ?)");
    for (const auto& row : roster.budgets()) {
      budget.text(row.unit_id.str()).integer(row.year).integer(row.allocated)
          .integer(row.spent_on_training).insert();
    }
    load_profile(db_, parameters);
  }
  execute(db_, "COMMIT");
  execute(db_, indexes);
}

Outcome SqliteRoster::evaluate(const SubsetParameters& parameters) const {
  const std::vector<std::pair<std::string_view, std::string>> rules{
      {subset_rules[0], level_query("general_education", "general_education_levels")},
      {subset_rules[1], level_query("professional_level", "professional_levels")},
      {subset_rules[2], level_query("political_theory", "political_theory_levels")},
      {subset_rules[3], age_query()},
      {subset_rules[4], std::string(accredited_query)}};
  Outcome outcome;
  for (const auto& [rule, sql] : rules) {
    Statement query(db_, sql);
    bind_parameters(query, parameters);
    while (query.row()) {
      outcome.add_finding(rule, query.column_text(0), static_cast<int>(query.column_integer(1)));
    }
  }
  Statement stats(db_, stats_query());
  bind_parameters(stats, parameters);
  while (stats.row()) {
    outcome.add_stat(std::string(stats.column_text(0)),
                     static_cast<std::size_t>(stats.column_integer(1)));
  }
  return outcome;
}

}  // namespace cadreplan::bench::compare
