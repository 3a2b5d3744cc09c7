#include "cadreplan/planning/planner.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <random>

#include "cadreplan/io/catalogue_csv.hpp"
#include "cadreplan/io/roster_csv.hpp"
#include "plan_fixture.hpp"

namespace cadreplan::planning {
namespace {

using boost::gregorian::date;
using model::PoliticalTheory;
using model::ProfessionalLevel;
using model::TrainingKind;
using testing::PlanInputs;
using testing::RosterBuilder;

const model::Term kTwoYears = model::Term::from_congresses(date(2016, 1, 1), date(2018, 1, 1));
const model::Term kOneYear = model::Term::from_congresses(date(2016, 1, 1), date(2017, 1, 1));
const model::Term kTerm2015 = model::Term::from_years(2015, 2020);

Course theory(const std::string& id, model::Dong cost, PoliticalTheory confers,
              std::optional<PoliticalTheory> requires_level = std::nullopt, int days = 60,
              std::vector<int> months = {3, 9}, std::optional<int> capacity = std::nullopt) {
  std::optional<QualificationLevel> prerequisite;
  if (requires_level) prerequisite = QualificationLevel(*requires_level);
  return testing::course(id, TrainingKind::political_theory, cost, days, std::move(months),
                         QualificationLevel(confers), prerequisite, capacity);
}

const policy::Profile& intermediate_theory() {
  static const policy::Profile profile =
      testing::profile_with(PoliticalTheory::intermediate, std::nullopt);
  return profile;
}

const policy::Profile& advanced_theory() {
  static const policy::Profile profile =
      testing::profile_with(PoliticalTheory::advanced, std::nullopt);
  return profile;
}

// Plans (refreshers and skills pairing off unless asked), checks every hard constraint
// independently and that planning again gives the same plan.
Plan run(const model::Roster& roster, const policy::Profile& profile, const Catalogue& catalogue,
         const model::Term& term, const YearlyBudgets& budgets, int refreshers = 0,
         const std::function<void(PlanningParameters&)>& tweak = {}) {
  const PlanInputs inputs{
      roster, profile, catalogue, term, budgets, TrainingKind::party_building, refreshers};
  PlanRequest request = testing::request_for(inputs);
  request.parameters.pair_skills = false;
  if (tweak) tweak(request.parameters);
  Plan plan = make_plan(request);
  testing::check_plan(plan, inputs);
  EXPECT_EQ(plan, make_plan(request)) << "the same request must give the same plan";
  return plan;
}

TEST(Planner, PicksTheCheapestSufficientCourse) {
  RosterBuilder builder;
  builder.unit("U1").secretary("S1", "U1", PoliticalTheory::elementary);
  const auto roster = builder.build();
  const auto catalogue =
      Catalogue::build({theory("TC-A", 10, PoliticalTheory::intermediate),
                        theory("TC-B", 8, PoliticalTheory::intermediate),
                        theory("CC", 5, PoliticalTheory::advanced, PoliticalTheory::intermediate)});
  const Plan plan =
      run(roster, intermediate_theory(), catalogue, kTwoYears, uniform_budgets(kTwoYears, 100));
  ASSERT_EQ(plan.enrolments.size(), 1u);
  const Enrolment& enrolment = plan.enrolments[0];
  EXPECT_EQ(enrolment.course.str(), "TC-B");
  EXPECT_EQ(enrolment.cadre_id.str(), "S1");
  EXPECT_EQ(enrolment.unit_id.str(), "U1");
  EXPECT_EQ(enrolment.start_date, date(2016, 3, 1));  // the earliest session
  EXPECT_EQ(enrolment.end_date, date(2016, 4, 29));   // 60 days, the first included
  EXPECT_EQ(enrolment.year, 2016);
  EXPECT_EQ(enrolment.cost, 8);
  EXPECT_EQ(enrolment.resolves,
            (std::vector<model::InternedString>{"standard.political_theory", "point2.plan_at_term_start"}));
  EXPECT_TRUE(plan.unresolved.empty());
  EXPECT_EQ(plan.budget_of(2016)->used, 8);
  EXPECT_EQ(plan.total_cost(), 8);
  ASSERT_EQ(plan.subjects.size(), 1u);
  EXPECT_EQ(plan.subjects[0].gap_steps, 1);
}

TEST(Planner, ChainsCoursesWhosePrerequisitesTheEarlierOnesConfer) {
  RosterBuilder builder;
  builder.unit("U1").secretary("S1", "U1", PoliticalTheory::none);
  const auto roster = builder.build();
  const auto catalogue = Catalogue::build(
      {theory("TC", 8, PoliticalTheory::intermediate, PoliticalTheory::none, 180),
       theory("CC", 25, PoliticalTheory::advanced, PoliticalTheory::intermediate, 240)});
  const Plan plan =
      run(roster, advanced_theory(), catalogue, kTerm2015, uniform_budgets(kTerm2015, 100));
  ASSERT_EQ(plan.enrolments.size(), 2u);
  EXPECT_EQ(plan.enrolments[0].course.str(), "TC");
  EXPECT_EQ(plan.enrolments[1].course.str(), "CC");
  EXPECT_LT(plan.enrolments[0].end_date, plan.enrolments[1].start_date);
  EXPECT_EQ(plan.enrolments[1].resolves, std::vector<model::InternedString>{"standard.political_theory"});
}

TEST(Planner, NeverEnrolsWithoutThePrerequisite) {
  RosterBuilder builder;
  builder.unit("U1").secretary("S1", "U1", PoliticalTheory::elementary);
  const auto roster = builder.build();
  // Only a course requiring intermediate confers advanced; nothing leads to intermediate.
  const auto catalogue = Catalogue::build(
      {theory("CC", 25, PoliticalTheory::advanced, PoliticalTheory::intermediate, 240)});
  const Plan plan =
      run(roster, advanced_theory(), catalogue, kTerm2015, uniform_budgets(kTerm2015, 100));
  EXPECT_TRUE(plan.enrolments.empty());
  const auto items = testing::unresolved_of(plan, "S1", "standard.political_theory");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].reason, UnresolvedReason::no_course);
  EXPECT_TRUE(items[0].course.empty());
}

TEST(Planner, ServesSittingSecretariesBeforeCandidates) {
  RosterBuilder builder;
  builder.unit("U1");
  builder.secretary("S1", "U1", PoliticalTheory::elementary);
  builder.candidate("K1", "U1", kTwoYears, PoliticalTheory::none);
  const auto roster = builder.build();
  const auto catalogue = Catalogue::build({theory("TC", 8, PoliticalTheory::intermediate)});
  // Money for one course in the two years together.
  const Plan plan =
      run(roster, intermediate_theory(), catalogue, kTwoYears, {{2016, 8}, {2017, 0}});
  ASSERT_EQ(plan.enrolments.size(), 1u);
  EXPECT_EQ(plan.enrolments[0].cadre_id.str(), "S1");
  const auto items = testing::unresolved_of(plan, "K1", "standard.political_theory");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].reason, UnresolvedReason::budget);
  EXPECT_EQ(items[0].money, 8);
  EXPECT_EQ(items[0].course.str(), "TC");
  EXPECT_EQ(items[0].unit_id.str(), "U1");
  ASSERT_EQ(plan.subjects.size(), 2u);
  EXPECT_EQ(plan.subjects[0].role, SubjectRole::secretary);
  EXPECT_EQ(plan.subjects[1].role, SubjectRole::candidate);

  // With the priority off, the larger gap (the candidate's) comes first.
  const Plan flat =
      run(roster, intermediate_theory(), catalogue, kTwoYears, {{2016, 8}, {2017, 0}}, 0,
          [](PlanningParameters& parameters) { parameters.secretaries_first = false; });
  ASSERT_EQ(flat.enrolments.size(), 1u);
  EXPECT_EQ(flat.enrolments[0].cadre_id.str(), "K1");
}

TEST(Planner, ServesTheLargestGapFirstUnlessAskedOtherwise) {
  RosterBuilder builder;
  builder.unit("U1").unit("U2");
  builder.secretary("S1", "U1", PoliticalTheory::elementary);  // one rank short
  builder.secretary("S2", "U2", PoliticalTheory::none);        // two ranks short
  const auto roster = builder.build();
  const auto catalogue = Catalogue::build({theory("TC", 8, PoliticalTheory::intermediate)});
  const YearlyBudgets one_course{{2016, 8}, {2017, 0}};
  const Plan largest = run(roster, intermediate_theory(), catalogue, kTwoYears, one_course);
  ASSERT_EQ(largest.enrolments.size(), 1u);
  EXPECT_EQ(largest.enrolments[0].cadre_id.str(), "S2");
  const Plan smallest =
      run(roster, intermediate_theory(), catalogue, kTwoYears, one_course, 0,
          [](PlanningParameters& parameters) { parameters.gap_order = GapOrder::smallest_first; });
  ASSERT_EQ(smallest.enrolments.size(), 1u);
  EXPECT_EQ(smallest.enrolments[0].cadre_id.str(), "S1");
}

TEST(Planner, ServesThoseWhoCanReachTheStandardFirst) {
  RosterBuilder builder;
  builder.unit("U1").unit("U2");
  // S1 has the larger gap, but general education has no course: S1 cannot reach the standard.
  builder.secretary("S1", "U1", PoliticalTheory::none).general_education =
      model::GeneralEducation::lower_secondary;
  builder.secretary("S2", "U2", PoliticalTheory::elementary);
  const auto roster = builder.build();
  const auto profile = testing::profile_with(PoliticalTheory::intermediate, std::nullopt,
                                             model::GeneralEducation::upper_secondary);
  const auto catalogue = Catalogue::build({theory("TC", 8, PoliticalTheory::intermediate)});
  const YearlyBudgets one_course{{2016, 8}, {2017, 0}};
  const Plan plan = run(roster, profile, catalogue, kTwoYears, one_course);
  ASSERT_EQ(plan.enrolments.size(), 1u);
  EXPECT_EQ(plan.enrolments[0].cadre_id.str(), "S2");
  const auto education = testing::unresolved_of(plan, "S1", "standard.general_education");
  ASSERT_EQ(education.size(), 1u);
  EXPECT_EQ(education[0].reason, UnresolvedReason::no_course);
  const Plan gap_only =
      run(roster, profile, catalogue, kTwoYears, one_course, 0,
          [](PlanningParameters& parameters) { parameters.reachable_first = false; });
  ASSERT_EQ(gap_only.enrolments.size(), 1u);
  EXPECT_EQ(gap_only.enrolments[0].cadre_id.str(), "S1");
}

TEST(Planner, ReportsTheMoneyThatWouldFixABudgetShortfall) {
  RosterBuilder builder;
  builder.unit("U1").secretary("S1", "U1", PoliticalTheory::none);
  const auto roster = builder.build();
  const auto catalogue = Catalogue::build(
      {theory("TC", 8, PoliticalTheory::intermediate, PoliticalTheory::none, 100, {3}),
       theory("CC", 25, PoliticalTheory::advanced, PoliticalTheory::intermediate, 100, {9})});
  // 30 in 2016 is enough for TC (8) but not for CC (25) on top: 3 short in 2016.
  const Plan plan = run(roster, advanced_theory(), catalogue, kOneYear, {{2016, 30}});
  EXPECT_TRUE(plan.enrolments.empty());  // a chain is planned whole or not at all
  const auto items = testing::unresolved_of(plan, "S1", "standard.political_theory");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].reason, UnresolvedReason::budget);
  EXPECT_EQ(items[0].money, 3);
  EXPECT_EQ(items[0].seats, 0);
  EXPECT_EQ(plan.budget_of(2016)->used, 0);
}

TEST(Planner, ReportsTheSeatsThatWouldFixACapacityShortfall) {
  RosterBuilder builder;
  builder.unit("U1").unit("U2");
  builder.secretary("S1", "U1", PoliticalTheory::elementary);
  builder.secretary("S2", "U2", PoliticalTheory::elementary);
  const auto roster = builder.build();
  const auto catalogue = Catalogue::build(
      {theory("TC", 8, PoliticalTheory::intermediate, std::nullopt, 60, {3, 9}, 1)});
  const Plan plan = run(roster, intermediate_theory(), catalogue, kOneYear, {{2016, 100}});
  ASSERT_EQ(plan.enrolments.size(), 1u);
  EXPECT_EQ(plan.enrolments[0].cadre_id.str(), "S1");  // equal gaps: by id
  const auto items = testing::unresolved_of(plan, "S2", "standard.political_theory");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].reason, UnresolvedReason::capacity);
  EXPECT_EQ(items[0].seats, 1);
  EXPECT_EQ(items[0].money, 0);

  // Seats counted per calendar year: in a two-year term both fit.
  const Plan two_years =
      run(roster, intermediate_theory(), catalogue, kTwoYears, uniform_budgets(kTwoYears, 100));
  EXPECT_EQ(two_years.enrolments.size(), 2u);
  EXPECT_TRUE(two_years.unresolved.empty());
}

TEST(Planner, ReportsTimeWhenNoSessionEndsBeforeRetirement) {
  RosterBuilder builder;
  builder.unit("U1");
  // A man born in March 1956 reaches 60 in March 2016 (the pre-2021 age).
  builder.secretary("S1", "U1", PoliticalTheory::elementary, ProfessionalLevel::university,
                    date(1956, 3, 15));
  const auto roster = builder.build();
  const auto catalogue =
      Catalogue::build({theory("TC", 8, PoliticalTheory::intermediate, std::nullopt, 60, {3, 9})});
  const Plan plan =
      run(roster, intermediate_theory(), catalogue, kTwoYears, uniform_budgets(kTwoYears, 100), 1);
  EXPECT_TRUE(plan.enrolments.empty());
  const auto items = testing::unresolved_of(plan, "S1", "standard.political_theory");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].reason, UnresolvedReason::time);
  EXPECT_EQ(items[0].course.str(), "TC");
  // No refresher fits before retirement either, and 2017 is after it: only 2016 is owed.
  const auto refreshers = testing::unresolved_of(plan, "S1", "point3.annual_refresher");
  ASSERT_EQ(refreshers.size(), 1u);
  EXPECT_EQ(refreshers[0].year, 2016);
  EXPECT_EQ(refreshers[0].reason, UnresolvedReason::no_course);  // no refresher in the catalogue
  ASSERT_EQ(plan.subjects.size(), 1u);
  EXPECT_LT(plan.subjects[0].available_until, date(2016, 3, 16));
}

TEST(Planner, LeavesOutThoseRetiredBeforeTheTerm) {
  RosterBuilder builder;
  builder.unit("U1");
  builder.secretary("S1", "U1", PoliticalTheory::elementary, ProfessionalLevel::university,
                    date(1950, 1, 1));
  const auto roster = builder.build();
  const auto catalogue = Catalogue::build({testing::refresher()});
  const Plan plan =
      run(roster, intermediate_theory(), catalogue, kTwoYears, uniform_budgets(kTwoYears, 100), 1);
  EXPECT_TRUE(plan.subjects.empty());
  EXPECT_TRUE(plan.enrolments.empty());
  EXPECT_TRUE(plan.unresolved.empty());
}

TEST(Planner, GivesEverySubjectARefresherInEveryYearOfTheTerm) {
  RosterBuilder builder;
  builder.unit("U1");
  builder.secretary("S1", "U1");
  builder.candidate("K1", "U1", model::Term::from_years(2020, 2025));  // the next term's pool
  builder.candidate("K2", "U1", kTerm2015);
  const auto roster = builder.build();
  const auto catalogue = Catalogue::build(
      {testing::refresher("BD", 1, {3, 9}), testing::refresher("BD-DEAR", 2, {3, 9})});
  const Plan plan =
      run(roster, intermediate_theory(), catalogue, kTerm2015, uniform_budgets(kTerm2015, 100), 1);
  EXPECT_TRUE(plan.unresolved.empty());
  for (const std::string cadre : {"S1", "K1", "K2"}) {
    const auto enrolments = testing::enrolments_of(plan, cadre);
    ASSERT_EQ(enrolments.size(), 6u) << cadre;  // 2015 to 2020
    for (std::size_t i = 0; i < enrolments.size(); ++i) {
      EXPECT_EQ(enrolments[i].year, 2015 + static_cast<int>(i));
      EXPECT_EQ(enrolments[i].course.str(), "BD");  // the cheaper one
      EXPECT_EQ(enrolments[i].resolves.front(), "point3.annual_refresher");
    }
    EXPECT_EQ(enrolments[0].start_date, date(2015, 9, 1));  // the term starts on 1 July
  }
}

TEST(Planner, FitsRefreshersAroundLongCourses) {
  // A 240-day course starting in March or September covers one refresher session of each
  // year it touches; fixing refreshers first would leave no room for it.
  RosterBuilder builder;
  builder.unit("U1").secretary("S1", "U1", PoliticalTheory::intermediate);
  const auto roster = builder.build();
  const auto catalogue = Catalogue::build(
      {testing::refresher("BD", 1, {3, 9}),
       theory("CC", 25, PoliticalTheory::advanced, PoliticalTheory::intermediate, 240, {3, 9})});
  const Plan plan =
      run(roster, advanced_theory(), catalogue, kTerm2015, uniform_budgets(kTerm2015, 100), 1);
  EXPECT_TRUE(plan.unresolved.empty());
  EXPECT_EQ(testing::enrolments_of(plan, "S1", "CC").size(), 1u);
  EXPECT_EQ(testing::enrolments_of(plan, "S1", "BD").size(), 6u);
}

// A three-year degree for a secretary who holds college and must hold university.
Course degree(const std::string& id, bool part_time, int days = 1080) {
  Course course = testing::course(id, TrainingKind::professional, 36, days, {9},
                                  QualificationLevel(ProfessionalLevel::university),
                                  QualificationLevel(ProfessionalLevel::college));
  course.part_time = part_time;
  return course;
}

TEST(Planner, FitsRefreshersInsidePartTimeProgrammes) {
  RosterBuilder builder;
  builder.unit("U1").secretary("S1", "U1", PoliticalTheory::intermediate, ProfessionalLevel::college);
  const auto roster = builder.build();
  const auto profile = testing::profile_with(std::nullopt, ProfessionalLevel::university);
  const auto budgets = uniform_budgets(kTerm2015, 100);

  // Full-time, the degree takes every refresher session of 2016 and 2017: it cannot be
  // planned beside a refresher every year.
  const Plan full_time =
      run(roster, profile, Catalogue::build({testing::refresher("BD", 1, {3, 9}), degree("DH", false)}),
          kTerm2015, budgets, 1);
  EXPECT_TRUE(testing::enrolments_of(full_time, "S1", "DH").empty());
  const auto missed = testing::unresolved_of(full_time, "S1", "standard.professional_level");
  ASSERT_EQ(missed.size(), 1u);
  EXPECT_EQ(missed[0].reason, UnresolvedReason::time);

  // Part-time (in-service), the refreshers fall inside it.
  const Plan part_time =
      run(roster, profile, Catalogue::build({testing::refresher("BD", 1, {3, 9}), degree("DH", true)}),
          kTerm2015, budgets, 1);
  EXPECT_TRUE(part_time.unresolved.empty());
  const auto programme = testing::enrolments_of(part_time, "S1", "DH");
  ASSERT_EQ(programme.size(), 1u);
  EXPECT_EQ(programme[0].start_date, date(2015, 9, 1));  // the first session of the term
  const auto refreshers = testing::enrolments_of(part_time, "S1", "BD");
  ASSERT_EQ(refreshers.size(), 6u);  // 2015 to 2020
  std::size_t inside = 0;
  for (const auto& refresher : refreshers) {
    inside += programme[0].start_date <= refresher.start_date && refresher.end_date <= programme[0].end_date;
  }
  EXPECT_GE(inside, 3u);  // 2016 and 2017 wholly inside, 2015 or 2018 too
}

TEST(Planner, TakesARosterTrainingAsPartTimeWhenItsCourseIs) {
  // Under way in the roster until August 2017: the refresher sessions of 2015 and 2016
  // fall inside it. As the catalogue's part-time degree it leaves them free; as an
  // unknown course it is taken as full-time and takes them.
  const auto plan_with = [](const char* course) {
    RosterBuilder builder;
    builder.unit("U1").secretary("S1", "U1");
    builder.training("S1", TrainingKind::professional, date(2014, 9, 1), date(2017, 8, 15),
                     model::TrainingStatus::in_progress)
        .course = course;
    return run(builder.build(), intermediate_theory(),
               Catalogue::build({testing::refresher("BD", 1, {3, 9}), degree("DH", true)}),
               kTerm2015, uniform_budgets(kTerm2015, 100), 1);
  };
  const Plan known = plan_with("DH");
  EXPECT_TRUE(known.unresolved.empty());
  EXPECT_EQ(testing::enrolments_of(known, "S1", "BD").size(), 6u);

  // The course as written is matched by id or name, case and diacritics folded.
  EXPECT_TRUE(plan_with("dh").unresolved.empty());
  EXPECT_TRUE(plan_with("COURSE DH").unresolved.empty());  // the fixture names it "Course DH"

  const Plan unknown = plan_with("DH-ELSEWHERE");
  EXPECT_EQ(testing::enrolments_of(unknown, "S1", "BD").size(), 4u);  // 2017 to 2020
  const auto missed = testing::unresolved_of(unknown, "S1", "point3.annual_refresher");
  ASSERT_EQ(missed.size(), 2u);
  EXPECT_EQ(missed[0].year, 2015);
  EXPECT_EQ(missed[1].year, 2016);
  EXPECT_EQ(missed[0].reason, UnresolvedReason::time);
}

TEST(Planner, TakesARosterTrainingAsFullTimeWhenItsNameIsAmbiguous) {
  // Two courses named alike, one part-time and one full-time: a training written with that
  // name could be either, so it is taken as full-time, which keeps its days.
  RosterBuilder builder;
  builder.unit("U1").secretary("S1", "U1");
  builder.training("S1", TrainingKind::professional, date(2014, 9, 1), date(2017, 8, 15),
                   model::TrainingStatus::in_progress)
      .course = "Đại học";
  Course part_time = degree("DH-VLVH", true);
  part_time.name = "Đại học";
  Course full_time = degree("DH-CQ", false);
  full_time.name = "Dai hoc";
  const Plan plan = run(builder.build(), intermediate_theory(),
                        Catalogue::build({testing::refresher("BD", 1, {3, 9}), part_time, full_time}),
                        kTerm2015, uniform_budgets(kTerm2015, 100), 1);
  EXPECT_EQ(testing::unresolved_of(plan, "S1", "point3.annual_refresher").size(), 2u);  // 2015, 2016
}

TEST(Planner, NeverPutsTwoPartTimeCoursesOnOneDay) {
  RosterBuilder builder;
  builder.unit("U1").secretary("S1", "U1", PoliticalTheory::elementary, ProfessionalLevel::college);
  const auto roster = builder.build();
  const auto profile = testing::profile_with(PoliticalTheory::intermediate, ProfessionalLevel::university);
  Course theory_course = theory("TC", 8, PoliticalTheory::intermediate, std::nullopt, 180, {9});
  theory_course.part_time = true;
  const Plan plan = run(roster, profile, Catalogue::build({theory_course, degree("DH", true, 540)}),
                        kTerm2015, uniform_budgets(kTerm2015, 100));
  EXPECT_TRUE(plan.unresolved.empty());
  const auto first = testing::enrolments_of(plan, "S1", "TC");
  const auto second = testing::enrolments_of(plan, "S1", "DH");
  ASSERT_EQ(first.size(), 1u);
  ASSERT_EQ(second.size(), 1u);
  // Both start in September only: one waits for the other to end.
  EXPECT_TRUE(first[0].end_date < second[0].start_date || second[0].end_date < first[0].start_date)
      << "TC " << first[0].start_date << " to " << first[0].end_date << ", DH " << second[0].start_date
      << " to " << second[0].end_date;
}

TEST(Planner, WorksAroundTrainingsAlreadyInTheRoster) {
  RosterBuilder builder;
  builder.unit("U1").secretary("S1", "U1", PoliticalTheory::elementary);
  // Busy with a degree programme until June 2016; a refresher already done in 2016.
  builder.training("S1", TrainingKind::professional, date(2014, 9, 1), date(2016, 6, 30),
                   model::TrainingStatus::in_progress);
  builder.training("S1", TrainingKind::party_building, date(2016, 7, 4), date(2016, 7, 8));
  // A cancelled course does not take time.
  builder.training("S1", TrainingKind::skills, date(2016, 9, 1), date(2016, 9, 30),
                   model::TrainingStatus::cancelled);
  const auto roster = builder.build();
  const auto catalogue = Catalogue::build(
      {testing::refresher("BD", 1, {3, 9}), theory("TC", 8, PoliticalTheory::intermediate)});
  const Plan plan =
      run(roster, intermediate_theory(), catalogue, kTwoYears, uniform_budgets(kTwoYears, 100), 1);
  EXPECT_TRUE(plan.unresolved.empty());
  const auto course = testing::enrolments_of(plan, "S1", "TC");
  ASSERT_EQ(course.size(), 1u);
  EXPECT_EQ(course[0].start_date, date(2016, 9, 1));
  const auto refreshers = testing::enrolments_of(plan, "S1", "BD");
  ASSERT_EQ(refreshers.size(), 1u);  // 2016 is done already
  EXPECT_EQ(refreshers[0].year, 2017);
}

TEST(Planner, ListsRefreshersWithoutSeatsOrMoney) {
  RosterBuilder builder;
  builder.unit("U1").unit("U2");
  builder.secretary("S1", "U1");
  builder.secretary("S2", "U2");
  const auto roster = builder.build();
  const auto catalogue = Catalogue::build({testing::refresher("BD", 5, {3, 9}, 1)});
  const Plan seats =
      run(roster, intermediate_theory(), catalogue, kTwoYears, uniform_budgets(kTwoYears, 100), 1);
  const auto capacity = testing::unresolved_of(seats, "S2", "point3.annual_refresher");
  ASSERT_EQ(capacity.size(), 2u);
  EXPECT_EQ(capacity[0].reason, UnresolvedReason::capacity);
  EXPECT_EQ(capacity[0].seats, 1);
  EXPECT_EQ(capacity[0].year, 2016);
  EXPECT_EQ(capacity[1].year, 2017);

  const auto roomy = Catalogue::build({testing::refresher("BD", 5, {3, 9})});
  const Plan money =
      run(roster, intermediate_theory(), roomy, kTwoYears, {{2016, 7}, {2017, 10}}, 1);
  const auto budget = testing::unresolved_of(money, "S2", "point3.annual_refresher");
  ASSERT_EQ(budget.size(), 1u);
  EXPECT_EQ(budget[0].reason, UnresolvedReason::budget);
  EXPECT_EQ(budget[0].money, 3);
  EXPECT_EQ(budget[0].year, 2016);
}

TEST(Planner, UsesOnlyAccreditedCourses) {
  RosterBuilder builder;
  builder.unit("U1").secretary("S1", "U1", PoliticalTheory::elementary);
  const auto roster = builder.build();
  auto unaccredited = theory("CHEAP", 1, PoliticalTheory::intermediate);
  unaccredited.accredited = false;
  auto elsewhere = theory("ABC", 2, PoliticalTheory::intermediate);
  elsewhere.provider = "Trung tâm Tư vấn Giáo dục ABC";
  const auto catalogue =
      Catalogue::build({unaccredited, elsewhere, theory("TC", 8, PoliticalTheory::intermediate)});
  const Plan plan =
      run(roster, intermediate_theory(), catalogue, kTwoYears, uniform_budgets(kTwoYears, 100));
  ASSERT_EQ(plan.enrolments.size(), 1u);
  EXPECT_EQ(plan.enrolments[0].course.str(), "TC");
}

TEST(Planner, PairsPoliticalTheoryWithASkillsModule) {
  RosterBuilder builder;
  builder.unit("U1").secretary("S1", "U1", PoliticalTheory::elementary);
  const auto roster = builder.build();
  const auto catalogue =
      Catalogue::build({testing::refresher(),
                        theory("TC", 8, PoliticalTheory::intermediate, std::nullopt, 180, {3, 9}),
                        testing::course("KN", TrainingKind::skills, 3, 10, {4, 10})});
  const Plan plan =
      run(roster, intermediate_theory(), catalogue, kTerm2015, uniform_budgets(kTerm2015, 100), 1,
          [](PlanningParameters& parameters) { parameters.pair_skills = true; });
  EXPECT_TRUE(plan.unresolved.empty());
  const auto theory_courses = testing::enrolments_of(plan, "S1", "TC");
  const auto skills = testing::enrolments_of(plan, "S1", "KN");
  ASSERT_EQ(theory_courses.size(), 1u);
  ASSERT_EQ(skills.size(), 1u);
  EXPECT_LE(theory_courses[0].start_date - boost::gregorian::months(12), skills[0].start_date);
  EXPECT_LE(skills[0].start_date, theory_courses[0].end_date + boost::gregorian::months(12));
  EXPECT_EQ(skills[0].resolves.front(), "point1.skills_pairing");
  // Without the pairing, no skills module.
  const Plan unpaired =
      run(roster, intermediate_theory(), catalogue, kTerm2015, uniform_budgets(kTerm2015, 100), 1);
  EXPECT_TRUE(testing::enrolments_of(unpaired, "S1", "KN").empty());
  // Without a skills course in the catalogue, the pairing is listed as not planned.
  const auto no_skills =
      Catalogue::build({testing::refresher(),
                        theory("TC", 8, PoliticalTheory::intermediate, std::nullopt, 180, {3, 9})});
  const Plan alone =
      run(roster, intermediate_theory(), no_skills, kTerm2015, uniform_budgets(kTerm2015, 100), 1,
          [](PlanningParameters& parameters) { parameters.pair_skills = true; });
  const auto items = testing::unresolved_of(alone, "S1", "point1.skills_pairing");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].reason, UnresolvedReason::no_course);
}

TEST(Planner, IgnoresUnitsThatAreNotCommuneLevelAndOldPools) {
  RosterBuilder builder;
  builder.unit("U1");
  model::Unit district;
  district.id = model::UnitId("D1");
  district.name = "Huyện";
  district.kind = model::UnitKind::other;
  builder.tables.units.push_back(district);
  builder.secretary("S1", "D1", PoliticalTheory::none);
  builder.candidate("K1", "U1", model::Term::from_years(2010, 2015), PoliticalTheory::none);
  const auto roster = builder.build();
  const auto catalogue = Catalogue::build({theory("TC", 8, PoliticalTheory::intermediate)});
  const Plan plan =
      run(roster, intermediate_theory(), catalogue, kTerm2015, uniform_budgets(kTerm2015, 100));
  EXPECT_TRUE(plan.subjects.empty());
  EXPECT_TRUE(plan.enrolments.empty());
}

TEST(Planner, IsDeterministicWhateverTheRosterOrder) {
  RosterBuilder forward;
  forward.unit("U1").unit("U2");
  forward.secretary("S1", "U1", PoliticalTheory::elementary);
  forward.secretary("S2", "U2", PoliticalTheory::elementary);
  forward.candidate("K1", "U1", kTerm2015, PoliticalTheory::none);
  RosterBuilder backward;
  backward.tables = forward.tables;
  std::reverse(backward.tables.cadres.begin(), backward.tables.cadres.end());
  std::reverse(backward.tables.units.begin(), backward.tables.units.end());
  const auto catalogue = Catalogue::build(
      {testing::refresher("BD", 1, {3, 9}, 2),
       theory("TC", 8, PoliticalTheory::intermediate, std::nullopt, 60, {3, 9}, 1)});
  const Plan a = run(forward.build(), intermediate_theory(), catalogue, kTerm2015,
                     uniform_budgets(kTerm2015, 12), 1);
  const Plan b = run(backward.build(), intermediate_theory(), catalogue, kTerm2015,
                     uniform_budgets(kTerm2015, 12), 1);
  EXPECT_EQ(a, b);
}

TEST(Planner, BreaksTiesByIdInTextOrderWhateverTheirLengthAndPrefix) {
  // Subjects of equal priority come in id order. The planner compares ids by their first
  // eight bytes before their text: ids sharing those bytes, or shorter than eight, or
  // holding a zero byte, must still come in std::string order.
  const std::vector<std::string> ids = {"PROVINCE-UNIT-9", "PROVINCE-UNIT-10", "PROV",
                                        "PROVINCE", "PROVINCE-UNIT-10A", std::string("PROV\0X", 6),
                                        "PROVINCD", "A"};
  RosterBuilder builder;
  builder.unit("U1");
  for (const auto& id : ids) builder.secretary(id, "U1", PoliticalTheory::elementary);
  const auto catalogue = Catalogue::build({testing::refresher("BD", 1, {3, 9}, 2)});
  const Plan plan = run(builder.build(), intermediate_theory(), catalogue, kTerm2015,
                        uniform_budgets(kTerm2015, 12), 1);
  std::vector<std::string> planned;
  for (const auto& subject : plan.subjects) planned.push_back(subject.cadre_id.str());
  std::vector<std::string> expected = ids;
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(planned, expected);
}

TEST(Planner, ReportsProgress) {
  RosterBuilder builder;
  builder.unit("U1").secretary("S1", "U1", PoliticalTheory::elementary);
  const auto roster = builder.build();
  const auto catalogue =
      Catalogue::build({testing::refresher(), theory("TC", 8, PoliticalTheory::intermediate)});
  PlanRequest request(roster, intermediate_theory(), testing::registry(), catalogue, kTwoYears,
                      uniform_budgets(kTwoYears, 100));
  std::vector<std::string> stages;
  request.progress = [&](std::string_view stage, std::size_t done, std::size_t total) {
    EXPECT_LE(done, total);
    stages.emplace_back(stage);
  };
  (void)make_plan(request);
  EXPECT_EQ(stages, (std::vector<std::string>{"refreshers", "courses", "skills", "scheduling"}));
}

TEST(PlanningParameters, ComeFromTheProfilesRules) {
  policy::Profile profile = testing::default_profile();
  EXPECT_EQ(planning_parameters(profile, testing::registry()), PlanningParameters{});
  profile.rules["point3.annual_refresher"].parameters["min_per_year"] = std::int64_t{2};
  profile.rules["point3.annual_refresher"].parameters["kind"] = std::string("skills");
  profile.rules["point1.skills_pairing"].parameters["window_months"] = std::int64_t{6};
  const auto parameters = planning_parameters(profile, testing::registry());
  EXPECT_EQ(parameters.refreshers_per_year, 2);
  EXPECT_EQ(parameters.refresher_kind, TrainingKind::skills);
  EXPECT_EQ(parameters.skills_window_months, 6);
  profile.rules["point3.annual_refresher"].enabled = false;
  EXPECT_EQ(planning_parameters(profile, testing::registry()).refreshers_per_year, 0);
}

TEST(PlanningParameters, ThePrioritiesComeFromThePlanningTable) {
  policy::Profile profile = testing::default_profile();
  profile.planning.secretaries_first = false;
  profile.planning.largest_gap_first = false;
  profile.planning.reachable_first = false;
  profile.planning.accredited_only = false;
  profile.planning.pair_skills = false;
  const auto parameters = planning_parameters(profile, testing::registry());
  EXPECT_FALSE(parameters.secretaries_first);
  EXPECT_EQ(parameters.gap_order, GapOrder::smallest_first);
  EXPECT_FALSE(parameters.reachable_first);
  EXPECT_FALSE(parameters.accredited_only);
  EXPECT_FALSE(parameters.pair_skills);
}

TEST(Budgets, SumCommuneLevelAllocationsPerYearOfTheTerm) {
  RosterBuilder builder;
  builder.unit("U1").unit("U2");
  model::Unit district;
  district.id = model::UnitId("D1");
  district.name = "Huyện";
  district.kind = model::UnitKind::other;
  builder.tables.units.push_back(district);
  builder.tables.budgets = {{model::UnitId("U1"), 2015, 10, std::nullopt},
                            {model::UnitId("U2"), 2015, 5, std::nullopt},
                            {model::UnitId("D1"), 2015, 1000, std::nullopt},
                            {model::UnitId("U1"), 2016, 7, std::nullopt},
                            {model::UnitId("U1"), 2014, 99, std::nullopt}};
  const auto roster = builder.build();
  EXPECT_EQ(budgets_from_roster(roster, kTerm2015), (YearlyBudgets{{2015, 15}, {2016, 7}}));
  EXPECT_EQ(uniform_budgets(kTwoYears, 3), (YearlyBudgets{{2016, 3}, {2017, 3}}));
  EXPECT_EQ(plan_years(kTerm2015), (std::vector<int>{2015, 2016, 2017, 2018, 2019, 2020}));
}

// ---------------------------------------------------------------------------------------
// The bundled province.

struct Bundled {
  model::Roster roster =
      io::load_roster_csv(CADREPLAN_SOURCE_DIR "/examples/data/soc-trang-2013").roster;
  Catalogue catalogue =
      io::load_catalogue_csv(CADREPLAN_SOURCE_DIR "/examples/data/soc-trang-courses.csv").catalogue;
};

TEST(Planner, PlansTheBundledProvinceWithinEveryConstraint) {
  const Bundled data;
  for (const char* name : {"2015-2020", "2020-2025"}) {
    const auto term = *model::Term::parse(name);
    const PlanInputs inputs{data.roster,
                            testing::default_profile(),
                            data.catalogue,
                            term,
                            uniform_budgets(term, 2'761'500'000),
                            TrainingKind::party_building,
                            1};
    const Plan plan = make_plan(testing::request_for(inputs));
    testing::check_plan(plan, inputs);
    EXPECT_EQ(plan, make_plan(testing::request_for(inputs))) << name;
    EXPECT_FALSE(plan.enrolments.empty()) << name;
  }
  // 2015-2020: the 109 secretaries (two retire before the term) and 206 candidates.
  const auto term = model::Term::from_years(2015, 2020);
  const PlanInputs inputs{data.roster,
                          testing::default_profile(),
                          data.catalogue,
                          term,
                          uniform_budgets(term, 2'761'500'000),
                          TrainingKind::party_building,
                          1};
  const Plan plan = make_plan(testing::request_for(inputs));
  std::size_t secretaries = 0;
  for (const auto& subject : plan.subjects) secretaries += subject.role == SubjectRole::secretary;
  EXPECT_EQ(secretaries, 107u);
  EXPECT_EQ(plan.subjects.size() - secretaries, 206u);
  // BD-XDD has 150 seats a year: the secretaries get theirs first.
  for (const auto& item : plan.unresolved) {
    if (item.rule != "point3.annual_refresher" || item.reason != UnresolvedReason::capacity)
      continue;
    for (const auto& subject : plan.subjects) {
      if (subject.cadre_id == item.cadre_id) {
        EXPECT_EQ(subject.role, SubjectRole::candidate);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------
// Random inputs: whatever the input, the plan keeps every hard constraint.

TEST(Planner, KeepsEveryHardConstraintOnRandomInputs) {
  std::mt19937 random(20240607);
  auto pick = [&](int low, int high) {
    return std::uniform_int_distribution<int>(low, high)(random);
  };
  const model::Term term = model::Term::from_years(2015, 2020);
  for (int round = 0; round < 60; ++round) {
    RosterBuilder builder;
    const int units = pick(1, 4);
    for (int u = 0; u < units; ++u) {
      const std::string unit = "U" + std::to_string(u);
      builder.unit(unit);
      auto& secretary =
          builder.secretary("S" + std::to_string(u), unit, static_cast<PoliticalTheory>(pick(0, 3)),
                            static_cast<ProfessionalLevel>(pick(0, 4)),
                            date(static_cast<unsigned short>(pick(1955, 1985)), 6, 15));
      if (pick(0, 3) == 0) secretary.gender = model::Gender::female;
      for (int k = 0; k < pick(0, 2); ++k) {
        builder.candidate("K" + std::to_string(u) + std::to_string(k), unit,
                          pick(0, 1) == 0 ? term : model::Term::from_years(2020, 2025),
                          static_cast<PoliticalTheory>(pick(0, 3)),
                          static_cast<ProfessionalLevel>(pick(0, 4)),
                          date(static_cast<unsigned short>(pick(1960, 1990)), 3, 1));
      }
      if (pick(0, 2) == 0) {
        const date start(static_cast<unsigned short>(pick(2014, 2018)),
                         static_cast<unsigned short>(pick(1, 12)), 1);
        builder.training("S" + std::to_string(u), TrainingKind::professional, start,
                         start + boost::gregorian::days(pick(10, 400)),
                         model::TrainingStatus::in_progress);
      }
    }
    std::vector<Course> courses{testing::refresher(
        "BD", pick(1, 3), {3, 9}, pick(0, 1) ? std::optional<int>(pick(1, 6)) : std::nullopt)};
    courses.push_back(theory("TC", pick(5, 10), PoliticalTheory::intermediate,
                             PoliticalTheory::none, pick(30, 200), {pick(1, 6), pick(7, 12)},
                             pick(0, 1) ? std::optional<int>(pick(1, 4)) : std::nullopt));
    courses.push_back(theory("CC", pick(10, 30), PoliticalTheory::advanced,
                             PoliticalTheory::intermediate, pick(60, 300), {pick(1, 12)}));
    courses.push_back(testing::course("DH", TrainingKind::professional, pick(20, 40),
                                      pick(100, 500), {9},
                                      QualificationLevel(ProfessionalLevel::university),
                                      QualificationLevel(ProfessionalLevel::intermediate)));
    courses.push_back(testing::course("KN", TrainingKind::skills, pick(1, 4), 10, {4, 10}));
    const auto catalogue = Catalogue::build(courses);
    const auto profile = testing::profile_with(
        pick(0, 1) ? PoliticalTheory::advanced : PoliticalTheory::intermediate,
        pick(0, 1) ? ProfessionalLevel::university : ProfessionalLevel::intermediate);
    const auto roster = builder.build();
    YearlyBudgets budgets;
    for (int year : plan_years(term)) budgets[year] = pick(0, 80);
    SCOPED_TRACE("round " + std::to_string(round));
    (void)run(roster, profile, catalogue, term, budgets, pick(0, 1) + pick(0, 1));
  }
}

}  // namespace
}  // namespace cadreplan::planning
