#include "cadreplan/io/plan_writer.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string_view>

#include "plan_fixture.hpp"

namespace cadreplan::io {
namespace {

using boost::gregorian::date;
using model::PoliticalTheory;
using model::TrainingKind;
using planning::testing::RosterBuilder;

const model::Term kTerm = model::Term::from_years(2015, 2020);

struct Written {
  model::Roster roster;
  planning::Catalogue catalogue;
  planning::Plan plan;
  planning::Projection projection;
  planning::PoolReadiness readiness;
};

// S1 gets a theory course and refreshers; S2's course does not fit the money.
Written written() {
  RosterBuilder builder;
  builder.unit("U1").unit("U2");
  builder.secretary("S1", "U1", PoliticalTheory::elementary);
  builder.secretary("S2", "U2", PoliticalTheory::elementary);
  builder.candidate("K1", "U1", kTerm);
  Written w{
      builder.build(),
      planning::Catalogue::build(
          {planning::testing::refresher("BD", 1'500'000, {3, 9}),
           planning::testing::course("TC", TrainingKind::political_theory, 8'000'000, 180, {3, 9},
                                     planning::QualificationLevel(PoliticalTheory::intermediate))}),
      {},
      {},
      {}};
  planning::YearlyBudgets budgets = planning::uniform_budgets(kTerm, 4'500'000);
  budgets[2016] = 12'500'000;
  planning::PlanRequest request(w.roster, planning::testing::default_profile(),
                                planning::testing::registry(), w.catalogue, kTerm, budgets);
  w.plan = planning::make_plan(request);
  w.projection =
      planning::project(w.roster, planning::testing::default_profile(),
                        planning::testing::registry(), w.catalogue, w.plan, kTerm.start());
  w.readiness =
      planning::assess_readiness(w.roster, planning::testing::default_profile(),
                                 planning::testing::registry(), w.catalogue, w.plan, kTerm.start());
  return w;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// A part-time degree is marked in JSON (and only it), in the CSV and in the text, in both
// languages: the refreshers that fall within its days are not a clash.
TEST(PlanWriter, MarksPartTimeEnrolments) {
  RosterBuilder builder;
  builder.unit("U1").secretary("S1", "U1", PoliticalTheory::intermediate,
                               model::ProfessionalLevel::college);
  const auto roster = builder.build();
  planning::Course degree = planning::testing::course(
      "DH", TrainingKind::professional, 36, 1080, {9},
      planning::QualificationLevel(model::ProfessionalLevel::university),
      planning::QualificationLevel(model::ProfessionalLevel::college));
  degree.part_time = true;
  const auto catalogue =
      planning::Catalogue::build({planning::testing::refresher("BD", 1, {3, 9}), degree});
  const auto profile =
      planning::testing::profile_with(std::nullopt, model::ProfessionalLevel::university);
  planning::PlanRequest request(roster, profile, planning::testing::registry(), catalogue, kTerm,
                                planning::uniform_budgets(kTerm, 100));
  const planning::Plan plan = planning::make_plan(request);
  const planning::Projection projection = planning::project(
      roster, profile, planning::testing::registry(), catalogue, plan, kTerm.start());
  ASSERT_EQ(plan.enrolments.size(), 7u);  // the degree and six refreshers

  std::ostringstream json;
  write_plan_json(json, plan, projection);
  std::size_t marked = 0;
  const auto document = nlohmann::json::parse(json.str());
  for (const auto& enrolment : document["enrolments"]) {
    const bool is_degree = enrolment["course"] == "DH";
    ASSERT_EQ(enrolment.contains("part_time"), is_degree) << enrolment.dump();
    if (is_degree) {
      EXPECT_EQ(enrolment["part_time"], true);
      ++marked;
    }
  }
  EXPECT_EQ(marked, 1u);

  std::ostringstream csv;
  write_plan_csv(csv, plan);
  std::istringstream rows(csv.str());
  std::string row;
  std::getline(rows, row);
  ASSERT_TRUE(row.ends_with(",resolves,part_time")) << row;
  std::size_t part_time_rows = 0;
  std::size_t full_time_rows = 0;
  while (std::getline(rows, row)) {
    const bool is_degree = row.find(",DH,") != std::string::npos;
    const std::string_view last = std::string_view(row).substr(row.rfind(',') + 1);
    EXPECT_EQ(last, is_degree ? "true" : "false") << row;
    ++(last == "true" ? part_time_rows : full_time_rows);
  }
  EXPECT_EQ(part_time_rows, 1u);
  EXPECT_EQ(full_time_rows, 6u);

  std::ostringstream english;
  write_plan_text(english, plan, projection, roster, catalogue);
  EXPECT_TRUE(contains(english.str(), "DH (Trường Chính trị tỉnh Sóc Trăng), 36 đ, part-time ["))
      << english.str();
  std::ostringstream vietnamese;
  write_plan_text(vietnamese, plan, projection, roster, catalogue, nullptr, model::Language::vietnamese);
  EXPECT_TRUE(contains(vietnamese.str(), ", 36 đ, không tập trung ["));
}

// The JSON is written member by member and element by element; its text must be exactly
// what nlohmann::ordered_json writes for the whole document with dump(2).
TEST(PlanWriter, JsonIsNlohmannsOwnLayoutWithAndWithoutReadinessOrItems) {
  const Written w = written();
  ASSERT_FALSE(w.plan.enrolments.empty());
  ASSERT_FALSE(w.plan.unresolved.empty());
  const auto canonical = [](const std::string& text) {
    return nlohmann::ordered_json::parse(text).dump(2) + "\n";
  };
  std::ostringstream full;
  write_plan_json(full, w.plan, w.projection, &w.readiness);
  EXPECT_EQ(canonical(full.str()), full.str());
  EXPECT_TRUE(nlohmann::ordered_json::parse(full.str()).contains("readiness"));
  std::ostringstream without_readiness;
  write_plan_json(without_readiness, w.plan, w.projection, nullptr);
  EXPECT_EQ(canonical(without_readiness.str()), without_readiness.str());
  EXPECT_FALSE(nlohmann::ordered_json::parse(without_readiness.str()).contains("readiness"));
  planning::Plan empty = w.plan;
  empty.enrolments.clear();
  empty.unresolved.clear();
  std::ostringstream no_items;
  write_plan_json(no_items, empty, w.projection, &w.readiness);
  EXPECT_EQ(canonical(no_items.str()), no_items.str());
  EXPECT_NE(no_items.str().find("\"enrolments\": [],\n  \"unresolved\": [],"), std::string::npos);
}

TEST(PlanWriter, WritesFormatsJson) {
  const Written w = written();
  std::ostringstream out;
  write_plan_json(out, w.plan, w.projection, &w.readiness);
  const std::string json = out.str();
  // FORMATS.md's keys, in its order.
  const auto term = json.find("\"term\": \"2015-2020\"");
  const auto budget = json.find("\"budget\": {");
  const auto enrolments = json.find("\"enrolments\": [");
  const auto unresolved = json.find("\"unresolved\": [");
  const auto projection = json.find("\"projection\": {");
  ASSERT_NE(term, std::string::npos) << json;
  EXPECT_LT(term, budget);
  EXPECT_LT(budget, enrolments);
  EXPECT_LT(enrolments, unresolved);
  EXPECT_LT(unresolved, projection);
  EXPECT_TRUE(contains(json, "\"total\": " + std::to_string(w.plan.total_cost())));
  EXPECT_TRUE(contains(json, "\"by_year\": {\n      \"2015\": "));
  EXPECT_TRUE(contains(
      json,
      "\"cadre_id\": \"S1\",\n      \"course\": \"TC\",\n      \"year\": 2016,\n"
      "      \"start_date\": \"2016-03-01\",\n      \"end_date\": \"2016-08-27\",\n"
      "      \"provider\": \"Trường Chính trị tỉnh Sóc Trăng\",\n      \"cost\": 8000000,\n"
      "      \"resolves\": [\n        \"standard.political_theory\"\n      ]"))
      << json;
  EXPECT_TRUE(
      contains(json,
               "\"cadre_id\": \"S2\",\n      \"rule\": \"standard.political_theory\",\n"
               "      \"reason\": \"budget\",\n      \"unit_id\": \"U2\",\n      \"year\": null,\n"
               "      \"money\": "))
      << json;
  EXPECT_TRUE(
      contains(json, "\"as_of\": \"2020-06-30\",\n    \"cadres\": 2,\n    \"compliant\": "));
  EXPECT_TRUE(contains(json, "\"now\": {\n      \"as_of\": \"2015-07-01\""));
  EXPECT_TRUE(contains(json, "\"readiness\": {"));
}

TEST(PlanWriter, WritesOneEnrolmentARow) {
  const Written w = written();
  std::ostringstream out;
  write_plan_csv(out, w.plan);
  const std::string csv = out.str();
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "cadre_id,unit_id,course,kind,year,start_date,end_date,provider,cost,resolves,part_time");
  EXPECT_TRUE(contains(csv,
                       "\nS1,U1,TC,political_theory,2016,2016-03-01,2016-08-27,"
                       "Trường Chính trị tỉnh Sóc Trăng,8000000,standard.political_theory,false\n"));
  EXPECT_TRUE(contains(csv,
                       "\nS1,U1,BD,party_building,2015,2015-09-01,2015-09-05,"
                       "Trường Chính trị tỉnh Sóc "
                       "Trăng,1500000,point3.annual_refresher;point2.plan_at_term_start,false\n"));
  EXPECT_EQ(static_cast<std::size_t>(std::count(csv.begin(), csv.end(), '\n')),
            w.plan.enrolments.size() + 1);
}

TEST(PlanWriter, WritesTextByYearInBothLanguages) {
  const Written w = written();
  std::ostringstream english;
  write_plan_text(english, w.plan, w.projection, w.roster, w.catalogue, &w.readiness);
  const std::string text = english.str();
  EXPECT_TRUE(contains(text,
                       "Training plan for term 2015-2020 (2015-07-01 to 2020-06-30)\n"
                       "2 sitting secretaries and 1 pool candidates;"))
      << text;
  EXPECT_TRUE(contains(text, "\n2016 — budget 12.500.000 đ, used 12.500.000 đ (100.0 %)")) << text;
  EXPECT_TRUE(contains(text, "  TC  Course TC: 1 × 8.000.000 đ = 8.000.000 đ\n")) << text;
  EXPECT_TRUE(contains(text, "    2016-03-01 → 2016-08-27  Nguyễn Văn S1 (S1), U1: TC")) << text;
  EXPECT_TRUE(contains(text, "Not planned: ")) << text;
  EXPECT_TRUE(contains(text, "standard.political_theory, budget: 1; needs ")) << text;
  EXPECT_TRUE(contains(text, "Projected compliance at the term's end")) << text;
  EXPECT_TRUE(contains(text, "Successor pools: 1 candidates")) << text;

  std::ostringstream vietnamese;
  write_plan_text(vietnamese, w.plan, w.projection, w.roster, w.catalogue, &w.readiness,
                  model::Language::vietnamese);
  EXPECT_TRUE(contains(vietnamese.str(), "Kế hoạch đào tạo, bồi dưỡng nhiệm kỳ 2015-2020"));
  EXPECT_TRUE(contains(vietnamese.str(), "thiếu kinh phí"));
  EXPECT_TRUE(contains(vietnamese.str(), "(100,0 %)"));
}

TEST(PlanWriter, TextNamesTheFirstUnresolvedItemsAndCountsThemAll) {
  Written w = written();
  const planning::Unresolved item = w.plan.unresolved.front();
  w.plan.unresolved.assign(max_unresolved_lines + 5, item);
  std::ostringstream out;
  write_plan_text(out, w.plan, w.projection, w.roster, w.catalogue, &w.readiness);
  const std::string text = out.str();
  EXPECT_TRUE(contains(text, "Not planned: " + std::to_string(max_unresolved_lines + 5) + "\n"));
  EXPECT_TRUE(contains(text, "    … and 5 more (--format json or csv lists every one)\n")) << text;
  std::size_t named = 0;
  for (std::size_t at = text.find(": " + item.rule); at != std::string::npos;
       at = text.find(": " + item.rule, at + 1)) {
    ++named;
  }
  EXPECT_EQ(named, max_unresolved_lines);
}

}  // namespace
}  // namespace cadreplan::io
