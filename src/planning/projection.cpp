#include "cadreplan/planning/projection.hpp"

#include <stdexcept>
#include <string>

namespace cadreplan::planning {
namespace {

template <class Key>
std::map<Key, ComplianceChange> merge(const std::map<Key, policy::SeverityCounts>& now,
                                      const std::map<Key, policy::SeverityCounts>& unplanned,
                                      const std::map<Key, policy::SeverityCounts>& projected) {
  std::map<Key, ComplianceChange> changes;
  for (const auto& [key, counts] : now) changes[key].now = counts;
  for (const auto& [key, counts] : unplanned) changes[key].unplanned = counts;
  for (const auto& [key, counts] : projected) changes[key].projected = counts;
  return changes;
}

}  // namespace

model::Roster apply_plan(const model::Roster& roster, const Plan& plan,
                         const Catalogue& catalogue) {
  model::RosterTables tables = roster.tables();
  tables.trainings.reserve(tables.trainings.size() + plan.enrolments.size());
  for (const Enrolment& enrolment : plan.enrolments) {
    const auto cadre = roster.cadre_index(enrolment.cadre_id);
    if (cadre < 0) {
      throw std::invalid_argument("plan names cadre '" + enrolment.cadre_id.str() +
                                  "', who is not in the roster");
    }
    const Course* course = catalogue.find(enrolment.course);
    if (course == nullptr) {
      throw std::invalid_argument("plan names course '" + enrolment.course.str() +
                                  "', which is not in the catalogue");
    }
    model::TrainingRecord record;
    record.cadre_id = enrolment.cadre_id;
    record.course = enrolment.course.str();
    record.kind = enrolment.kind;
    record.start_date = enrolment.start_date;
    record.end_date = enrolment.end_date;
    record.provider = enrolment.provider;
    record.status = model::TrainingStatus::completed;
    record.funding = model::Funding::state;
    record.planned = true;
    record.cost = enrolment.cost;
    tables.trainings.push_back(std::move(record));
    if (course->confers) confer(tables.cadres[static_cast<std::size_t>(cadre)], *course->confers);
  }
  return model::Roster::build(std::move(tables));
}

std::map<int, ComplianceChange> Projection::by_point() const {
  return merge(now.by_point, unplanned.by_point, projected.by_point);
}

std::map<std::string, ComplianceChange> Projection::by_unit() const {
  return merge(now.by_unit, unplanned.by_unit, projected.by_unit);
}

Projection project(const model::Roster& roster, const policy::Profile& profile,
                   const policy::RuleRegistry& registry, const Catalogue& catalogue,
                   const Plan& plan, boost::gregorian::date now) {
  Projection projection;
  policy::EvaluationOptions options;
  options.as_of = now;
  projection.now = policy::evaluate(roster, profile, registry, options);
  options.as_of = plan.term.last_day();
  projection.unplanned = policy::evaluate(roster, profile, registry, options);
  projection.projected =
      policy::evaluate(apply_plan(roster, plan, catalogue), profile, registry, options);
  return projection;
}

}  // namespace cadreplan::planning
