// Writing term plans. The JSON keeps FORMATS.md's keys in its order (ordered_json) so a
// reader diffing two plans sees them where the format reference shows them.
#include "cadreplan/io/plan_writer.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <map>
#include <string>
#include <tuple>

#include "cadreplan/io/csv_table.hpp"
#include "io/json_text.hpp"

namespace cadreplan::io {
namespace {

using Json = nlohmann::ordered_json;
using model::Language;

std::string iso(boost::gregorian::date day) {
  return boost::gregorian::to_iso_extended_string(day);
}

std::string money(model::Dong dong) {
  const bool negative = dong < 0;
  const std::string digits = std::to_string(negative ? -dong : dong);
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped.push_back('.');
    grouped.push_back(digits[i]);
  }
  return (negative ? "-" : "") + grouped + " đ";
}

std::string percent(double part, double whole, Language language) {
  if (whole <= 0) return "-";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f %%", 100.0 * part / whole);
  std::string text = buffer;
  if (language == Language::vietnamese) {
    for (char& c : text) {
      if (c == '.') c = ',';
    }
  }
  return text;
}

Json counts_json(const policy::SeverityCounts& counts) {
  return Json{{"error", counts.error}, {"warning", counts.warning}, {"info", counts.info}};
}

// One unresolved item as an element of the document's `unresolved` array.
void write_unresolved(const planning::Unresolved& item, std::ostream& out) {
  detail::ArrayElementObject object(out);
  object.text("cadre_id", item.cadre_id.str())
      .text("rule", item.rule.view())
      .text("reason", planning::to_code(item.reason))
      .text("unit_id", item.unit_id.str())
      .raw("year", item.year ? std::to_string(*item.year) : "null")
      .number("money", item.money)
      .number("seats", item.seats)
      .text_or_null("course", item.course.str());
}

// One enrolment as an element of the document's `enrolments` array.
void write_enrolment(const planning::Enrolment& enrolment, std::ostream& out) {
  detail::ArrayElementObject object(out);
  object.text("cadre_id", enrolment.cadre_id.str())
      .text("course", enrolment.course.str())
      .number("year", enrolment.year)
      .text("start_date", iso(enrolment.start_date))
      .text("end_date", iso(enrolment.end_date))
      .text("provider", enrolment.provider)
      .number("cost", enrolment.cost)
      .texts("resolves", enrolment.resolves);
  // Only when true: a full-time course inside it is not a clash, and documents written
  // before part-time courses existed keep their bytes.
  if (enrolment.part_time) object.raw("part_time", "true");
}

const char* point_name(int point, Language language) {
  static constexpr const char* kEnglish[] = {"Position standards",
                                             "1. Unified training system",
                                             "2. Planning from the term's start",
                                             "3. Yearly Party-building refresher",
                                             "4. Cadre management and study discipline",
                                             "5. Adequate funding"};
  static constexpr const char* kVietnamese[] = {"Tiêu chuẩn chức danh",
                                                "1. Củng cố hệ thống đào tạo",
                                                "2. Quy hoạch đào tạo từ đầu nhiệm kỳ",
                                                "3. Bồi dưỡng nghiệp vụ công tác đảng hằng năm",
                                                "4. Quản lý cán bộ, kỷ luật học tập",
                                                "5. Bảo đảm kinh phí"};
  if (point < 0 || point > 5) return language == Language::vietnamese ? "Khác" : "Other";
  return language == Language::vietnamese ? kVietnamese[point] : kEnglish[point];
}

const char* reason_text(planning::UnresolvedReason reason, Language language) {
  const bool vi = language == Language::vietnamese;
  switch (reason) {
    case planning::UnresolvedReason::budget:
      return vi ? "thiếu kinh phí" : "budget";
    case planning::UnresolvedReason::capacity:
      return vi ? "hết chỉ tiêu" : "capacity";
    case planning::UnresolvedReason::no_course:
      return vi ? "không có khóa học" : "no course";
    case planning::UnresolvedReason::time:
      return vi ? "không đủ thời gian" : "time";
  }
  return "";
}

std::string cadre_label(const model::Roster& roster, const model::CadreId& id) {
  const auto* cadre = roster.find_cadre(id);
  return cadre == nullptr ? id.str() : cadre->full_name + " (" + id.str() + ")";
}

std::string unit_label(const model::Roster& roster, const std::string& id) {
  const auto* unit = roster.find_unit(model::UnitId(id));
  return unit == nullptr ? id : unit->name + " (" + id + ")";
}

std::string join(const std::vector<model::InternedString>& items, const char* separator) {
  std::string joined;
  for (const auto& item : items) {
    if (!joined.empty()) joined += separator;
    joined += item.view();
  }
  return joined;
}

void write_years(std::ostream& out, const planning::Plan& plan, const model::Roster& roster,
                 const planning::Catalogue& catalogue, Language language) {
  const bool vi = language == Language::vietnamese;
  for (const planning::YearBudget& year : plan.budgets) {
    // Courses of the year, with counts and money, in catalogue order.
    std::map<std::string, std::pair<std::size_t, model::Dong>> per_course;
    std::size_t count = 0;
    for (const auto& enrolment : plan.enrolments) {
      if (enrolment.year != year.year) continue;
      ++count;
      auto& entry = per_course[enrolment.course.str()];
      ++entry.first;
      entry.second += enrolment.cost;
    }
    out << "\n"
        << year.year << (vi ? " — kinh phí " : " — budget ") << money(year.allocated)
        << (vi ? ", sử dụng " : ", used ") << money(year.used) << " ("
        << percent(static_cast<double>(year.used), static_cast<double>(year.allocated), language)
        << "), " << count << (vi ? " lượt học" : " enrolments") << "\n";
    for (const auto& course : catalogue.courses()) {
      const auto found = per_course.find(course.id.str());
      if (found == per_course.end()) continue;
      out << "  " << course.id.str() << "  " << course.name << ": " << found->second.first << " × "
          << money(course.cost) << " = " << money(found->second.second) << "\n";
    }
    bool heading = false;
    for (const auto& enrolment : plan.enrolments) {
      if (enrolment.year != year.year || enrolment.kind == model::TrainingKind::party_building) {
        continue;
      }
      if (!heading) {
        out << (vi ? "  Đào tạo, bồi dưỡng theo tiêu chuẩn:\n"
                   : "  Courses towards the standards:\n");
        heading = true;
      }
      out << "    " << iso(enrolment.start_date) << " → " << iso(enrolment.end_date) << "  "
          << cadre_label(roster, enrolment.cadre_id) << ", " << enrolment.unit_id.str() << ": "
          << enrolment.course.str() << " (" << enrolment.provider << "), " << money(enrolment.cost)
          << (enrolment.part_time ? (vi ? ", không tập trung" : ", part-time") : "") << " ["
          << join(enrolment.resolves, ", ") << "]\n";
    }
  }
}

void write_unresolved(std::ostream& out, const planning::Plan& plan, const model::Roster& roster,
                      Language language) {
  const bool vi = language == Language::vietnamese;
  out << "\n" << (vi ? "Chưa bố trí được: " : "Not planned: ") << plan.unresolved.size() << "\n";
  if (plan.unresolved.empty()) return;
  std::map<std::tuple<model::InternedString, planning::UnresolvedReason>,
           std::tuple<std::size_t, model::Dong, int>>
      summary;
  for (const auto& item : plan.unresolved) {
    auto& entry = summary[{item.rule, item.reason}];
    ++std::get<0>(entry);
    std::get<1>(entry) += item.money;
    std::get<2>(entry) += item.seats;
  }
  for (const auto& [key, entry] : summary) {
    out << "  " << std::get<0>(key) << ", " << reason_text(std::get<1>(key), language) << ": "
        << std::get<0>(entry);
    if (std::get<1>(entry) > 0)
      out << (vi ? "; cần thêm " : "; needs ") << money(std::get<1>(entry));
    if (std::get<2>(entry) > 0) {
      out << (vi ? "; cần thêm " : "; needs ") << std::get<2>(entry)
          << (vi ? " chỉ tiêu" : " seats");
    }
    out << "\n";
  }
  // A province can have thousands of gaps: the summary above counts them all, the lines
  // below name the first few, and the CSV and JSON formats list every one.
  std::size_t shown = 0;
  for (const auto& item : plan.unresolved) {
    if (shown++ == max_unresolved_lines) {
      out << "    … " << (vi ? "và " : "and ") << plan.unresolved.size() - max_unresolved_lines
          << (vi ? " mục khác (--format json hoặc csv liệt kê đầy đủ)"
                 : " more (--format json or csv lists every one)")
          << "\n";
      break;
    }
    out << "    " << cadre_label(roster, item.cadre_id) << ", " << item.unit_id.str() << ": "
        << item.rule;
    if (item.year) out << " " << *item.year;
    out << " — " << reason_text(item.reason, language);
    if (!item.course.empty()) out << " (" << item.course.str() << ")";
    if (item.money > 0) out << (vi ? ", thiếu " : ", short of ") << money(item.money);
    if (item.seats > 0)
      out << (vi ? ", thiếu " : ", short of ") << item.seats << (vi ? " chỉ tiêu" : " seat(s)");
    out << "\n";
  }
}

std::string compliance_line(const policy::ComplianceReport& report, Language language) {
  return std::to_string(report.compliant) + "/" + std::to_string(report.cadres) + " (" +
         percent(static_cast<double>(report.compliant), static_cast<double>(report.cadres),
                 language) +
         (language == Language::vietnamese ? ", ngày " : ", on ") + iso(report.as_of) + ")";
}

void write_projection(std::ostream& out, const planning::Projection& projection,
                      const model::Roster& roster, Language language) {
  const bool vi = language == Language::vietnamese;
  out << "\n"
      << (vi ? "Dự kiến tuân thủ cuối nhiệm kỳ nếu hoàn thành mọi khóa học:\n"
             : "Projected compliance at the term's end if every enrolment is completed:\n");
  out << (vi ? "  Cán bộ đạt chuẩn: hiện nay " : "  Cadres compliant: now ")
      << compliance_line(projection.now, language)
      << (vi ? "; cuối nhiệm kỳ nếu không có kế hoạch " : "; at the term's end without the plan ")
      << compliance_line(projection.unplanned, language)
      << (vi ? ", với kế hoạch " : ", with the plan ")
      << compliance_line(projection.projected, language) << "\n";
  out << (vi ? "  Lỗi theo nội dung (hiện nay → cuối nhiệm kỳ không có / có kế hoạch):\n"
             : "  Errors by policy point (now → term's end without / with the plan):\n");
  for (const auto& [point, change] : projection.by_point()) {
    out << "    " << point_name(point, language) << ": " << change.now.error << " → "
        << change.unplanned.error << " / " << change.projected.error << "\n";
  }
  out << (vi ? "  Lỗi theo đơn vị (hiện nay → cuối nhiệm kỳ không có / có kế hoạch):\n"
             : "  Errors by unit (now → term's end without / with the plan):\n");
  for (const auto& [unit, change] : projection.by_unit()) {
    if (change.now.error == 0 && change.unplanned.error == 0 && change.projected.error == 0)
      continue;
    out << "    " << unit_label(roster, unit) << ": " << change.now.error << " → "
        << change.unplanned.error << " / " << change.projected.error << "\n";
  }
}

void write_readiness(std::ostream& out, const planning::PoolReadiness& readiness,
                     Language language) {
  const bool vi = language == Language::vietnamese;
  const auto totals = readiness.totals();
  std::size_t without_ready = 0;
  std::size_t wrong_size = 0;
  for (const auto& bench : readiness.benches) {
    if (bench.ready_now + bench.ready_by_term_end == 0) ++without_ready;
    if (bench.too_small || bench.too_large) ++wrong_size;
  }
  out << "\n"
      << (vi ? "Nguồn quy hoạch: " : "Successor pools: ") << totals.candidates
      << (vi ? " người; sẵn sàng ngay " : " candidates; ready now ") << totals.ready_now
      << (vi ? ", sẵn sàng trước " : ", ready by ") << iso(readiness.term_end) << " "
      << totals.ready_by_term_end << (vi ? ", chưa sẵn sàng " : ", not ready ") << totals.not_ready
      << ".\n";
  out << (vi ? "  Đơn vị không có người sẵn sàng đến cuối nhiệm kỳ: "
             : "  Units with no candidate ready by the term's end: ")
      << without_ready << "/" << readiness.benches.size()
      << (vi ? "; quy hoạch không đúng số lượng: " : "; pools of the wrong size: ") << wrong_size
      << "\n";
}

}  // namespace

void write_plan_json(std::ostream& out, const planning::Plan& plan,
                     const planning::Projection& projection,
                     const planning::PoolReadiness* readiness) {
  Json used_by_year = Json::object();
  Json allocated_by_year = Json::object();
  model::Dong allocated_total = 0;
  for (const auto& year : plan.budgets) {
    used_by_year[std::to_string(year.year)] = year.used;
    allocated_by_year[std::to_string(year.year)] = year.allocated;
    allocated_total += year.allocated;
  }
  Json by_point = Json::object();
  for (const auto& [point, change] : projection.by_point()) {
    by_point[std::to_string(point)] = Json{{"now", counts_json(change.now)},
                                           {"unplanned", counts_json(change.unplanned)},
                                           {"projected", counts_json(change.projected)}};
  }
  Json by_unit = Json::object();
  for (const auto& [unit, change] : projection.by_unit()) {
    by_unit[unit] = Json{{"now", counts_json(change.now)},
                         {"unplanned", counts_json(change.unplanned)},
                         {"projected", counts_json(change.projected)}};
  }
  // Member by member in FORMATS.md's order, the enrolments and unresolved items (hundreds
  // of thousands in a national plan) one at a time: the whole document as one json value
  // cost gigabytes and most of the time of `plan --format json`. The text is dump(2)'s.
  detail::TopLevelObject document(out);
  document.member("term", Json(plan.term.name()));
  document.member("budget", Json{{"total", plan.total_cost()},
                                 {"by_year", used_by_year},
                                 {"allocated", {{"total", allocated_total}, {"by_year", allocated_by_year}}}});
  document.object_array_member("enrolments", plan.enrolments.size(), [&plan](std::size_t i, std::ostream& to) {
    write_enrolment(plan.enrolments[i], to);
  });
  document.object_array_member("unresolved", plan.unresolved.size(), [&plan](std::size_t i, std::ostream& to) {
    write_unresolved(plan.unresolved[i], to);
  });
  document.member("projection", Json{{"as_of", iso(projection.projected.as_of)},
                                     {"cadres", projection.projected.cadres},
                                     {"compliant", projection.projected.compliant},
                                     {"now",
                                      {{"as_of", iso(projection.now.as_of)},
                                       {"cadres", projection.now.cadres},
                                       {"compliant", projection.now.compliant}}},
                                     {"unplanned",
                                      {{"as_of", iso(projection.unplanned.as_of)},
                                       {"cadres", projection.unplanned.cadres},
                                       {"compliant", projection.unplanned.compliant}}},
                                     {"by_point", by_point},
                                     {"by_unit", by_unit}});
  if (readiness != nullptr) {
    const auto totals = readiness->totals();
    document.member("readiness", Json{{"as_of", iso(readiness->as_of)},
                                      {"term_end", iso(readiness->term_end)},
                                      {"candidates", totals.candidates},
                                      {"ready_now", totals.ready_now},
                                      {"ready_by_term_end", totals.ready_by_term_end},
                                      {"not_ready", totals.not_ready}});
  }
  document.finish();
}

void write_plan_csv(std::ostream& out, const planning::Plan& plan) {
  CsvWriter writer(out);
  // part_time last: a column added after the first release, so readers by position keep
  // working.
  writer.write_row({"cadre_id", "unit_id", "course", "kind", "year", "start_date", "end_date",
                    "provider", "cost", "resolves", "part_time"});
  for (const auto& enrolment : plan.enrolments) {
    const std::string year = std::to_string(enrolment.year);
    const std::string start = iso(enrolment.start_date);
    const std::string end = iso(enrolment.end_date);
    const std::string cost = std::to_string(enrolment.cost);
    const std::string resolves = join(enrolment.resolves, ";");
    writer.write_row({enrolment.cadre_id.str(), enrolment.unit_id.str(), enrolment.course.str(),
                      model::to_code(enrolment.kind), year, start, end, enrolment.provider, cost,
                      resolves, enrolment.part_time ? "true" : "false"});
  }
}

void write_plan_text(std::ostream& out, const planning::Plan& plan,
                     const planning::Projection& projection, const model::Roster& roster,
                     const planning::Catalogue& catalogue, const planning::PoolReadiness* readiness,
                     Language language) {
  const bool vi = language == Language::vietnamese;
  std::size_t secretaries = 0;
  std::size_t candidates = 0;
  for (const auto& subject : plan.subjects) {
    (subject.role == planning::SubjectRole::secretary ? secretaries : candidates) += 1;
  }
  model::Dong allocated = 0;
  for (const auto& year : plan.budgets) allocated += year.allocated;
  out << (vi ? "Kế hoạch đào tạo, bồi dưỡng nhiệm kỳ " : "Training plan for term ")
      << plan.term.name() << " (" << iso(plan.term.start()) << (vi ? " đến " : " to ")
      << iso(plan.term.last_day()) << ")\n";
  out << secretaries << (vi ? " bí thư đương nhiệm và " : " sitting secretaries and ") << candidates
      << (vi ? " người trong quy hoạch; " : " pool candidates; ") << plan.enrolments.size()
      << (vi ? " lượt học, tổng kinh phí " : " enrolments costing ") << money(plan.total_cost())
      << (vi ? " trên " : " of ") << money(allocated) << " ("
      << percent(static_cast<double>(plan.total_cost()), static_cast<double>(allocated), language)
      << ").\n";
  write_years(out, plan, roster, catalogue, language);
  write_unresolved(out, plan, roster, language);
  write_projection(out, projection, roster, language);
  if (readiness != nullptr) write_readiness(out, *readiness, language);
}

}  // namespace cadreplan::io
