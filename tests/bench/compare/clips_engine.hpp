// The roster as facts of the CLIPS rules engine (6.30), and the subset's rules and
// `stats` as CLIPS rules (roster.clp, subset.clp).
#pragma once

#include <cstddef>

#include "cadreplan/model/roster.hpp"
#include "outcome.hpp"

namespace cadreplan::bench::compare {

/// A CLIPS environment holding one roster as facts.
class ClipsRoster {
 public:
  ClipsRoster();
  ~ClipsRoster();
  ClipsRoster(const ClipsRoster&) = delete;
  ClipsRoster& operator=(const ClipsRoster&) = delete;

  /// Defines the roster's templates and asserts one fact per row (no rule exists yet, so
  /// no matching is done here).
  void load(const model::Roster& roster);
  /// Defines the profile and the rules, asserts the profile's facts, runs the engine and
  /// reads the findings and the `stats` rows back.
  [[nodiscard]] Outcome evaluate(const SubsetParameters& parameters);
  /// Removes the rules and every fact evaluate() added, so it can run again.
  void forget_evaluation();
  /// Bytes the environment holds.
  [[nodiscard]] std::size_t memory_used() const;
  /// Facts in the environment.
  [[nodiscard]] std::size_t facts() const;

 private:
  void* env_ = nullptr;
};

}  // namespace cadreplan::bench::compare
