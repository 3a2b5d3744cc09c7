/// \file random.hpp
/// \brief A portable, seeded random source: the same seed gives the same numbers with
///   every compiler and standard library.
/// \ingroup synth
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <span>

/// \defgroup synth Synthetic rosters
/// \brief Deterministic rosters of any size, for benchmarks, demonstrations and tests.

/// Synthetic data: rosters generated from a seed.
namespace cadreplan::synth {

/// A deterministic random source built on std::mt19937_64.
///
/// The engine's output sequence is fixed by the C++ standard, but the standard's
/// distributions (std::uniform_int_distribution, ...) are not: each standard library maps
/// the engine's numbers to a range its own way. So every mapping is done here, with
/// integer arithmetic only, and a seed gives the same numbers everywhere.
/// \ingroup synth
class Random {
 public:
  /// A source seeded with \p seed.
  explicit Random(std::uint64_t seed) : engine_(seed) {}

  /// A source for sub-stream \p stream of \p seed: sources of different streams are
  /// independent, so parts of a data set can be generated in any order.
  [[nodiscard]] static Random stream(std::uint64_t seed, std::uint64_t stream) noexcept;

  /// The engine's next 64 bits.
  [[nodiscard]] std::uint64_t next() noexcept { return engine_(); }

  /// A number in `[0, bound)`, every value equally likely (rejection sampling, so no
  /// value is favoured). \p bound must be positive.
  [[nodiscard]] std::uint64_t below(std::uint64_t bound) noexcept;

  /// A number in `[low, high]`, every value equally likely. Requires `low <= high`.
  [[nodiscard]] std::int64_t between(std::int64_t low, std::int64_t high) noexcept;

  /// True with probability `numerator / denominator` (exactly, in integers).
  [[nodiscard]] bool chance(std::uint64_t numerator, std::uint64_t denominator) noexcept {
    return below(denominator) < numerator;
  }

  /// An index into \p weights, index `i` with probability `weights[i] / sum(weights)`.
  /// The weights must not all be zero.
  [[nodiscard]] std::size_t weighted(std::span<const std::uint32_t> weights) noexcept;

  /// An element of \p items, each equally likely. \p items must not be empty.
  template <class T>
  [[nodiscard]] const T& pick(std::span<const T> items) noexcept {
    return items[below(items.size())];
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace cadreplan::synth
