/// \file training.hpp
/// \brief A training record: one course a cadre took, takes or will take.
/// \ingroup model
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstdint>
#include <optional>
#include <string>

#include "cadreplan/model/code.hpp"
#include "cadreplan/model/id.hpp"
#include "cadreplan/model/interned_string.hpp"
#include "cadreplan/model/qualification.hpp"

namespace cadreplan::model {

/// What a course trains.
enum class TrainingKind : std::uint8_t {
  political_theory,  ///< lý luận chính trị
  party_building,    ///< bồi dưỡng nghiệp vụ công tác đảng
  state_management,  ///< quản lý nhà nước
  professional,      ///< chuyên môn (degree programmes)
  skills,            ///< kỹ năng
  other,             ///< anything else
};

/// Where a training stands.
enum class TrainingStatus : std::uint8_t {
  planned,      ///< in the plan, not started
  in_progress,  ///< started
  completed,    ///< finished and passed
  failed,       ///< finished, not passed
  cancelled,    ///< abandoned or cancelled
};

/// One course in a cadre's training history. Empty optionals mean "unknown".
struct TrainingRecord {
  // Members are laid out largest first, so that a record is 88 bytes, not 104: a national
  // roster holds five million of them.
  CadreId cadre_id;                              ///< Who.
  InternedString course;                         ///< Course code or name as written.
  InternedString provider;                       ///< Training provider (empty: unknown).
  InternedString result;                         ///< Result as written (grade, mark).
  boost::gregorian::date start_date;             ///< First day.
  boost::gregorian::date end_date;               ///< Last day (not before start_date).
  std::optional<Dong> cost;                      ///< Cost in đồng.
  TrainingKind kind = TrainingKind::other;       ///< What it trains.
  std::optional<TrainingStatus> status;          ///< Status.
  std::optional<Funding> funding;                ///< Who paid.
  std::optional<bool> planned;                   ///< Whether it was in the training plan.

  /// The course's span of days, end day included.
  [[nodiscard]] boost::gregorian::date_period period() const {
    return {start_date, end_date + boost::gregorian::days(1)};
  }
  /// True when completed (status `completed`).
  [[nodiscard]] bool completed() const noexcept {
    return status == TrainingStatus::completed;
  }
  /// Records compare member by member.
  friend bool operator==(const TrainingRecord&, const TrainingRecord&) = default;
};

}  // namespace cadreplan::model
