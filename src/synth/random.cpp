#include "cadreplan/synth/random.hpp"

#include <cassert>
#include <numeric>

namespace cadreplan::synth {
namespace {

// SplitMix64's finaliser (Steele, Lea, Flood 2014): spreads nearby (seed, stream) pairs
// over the whole 64-bit range before they seed the Mersenne Twister.
constexpr std::uint64_t mix(std::uint64_t value) noexcept {
  value += 0x9E3779B97F4A7C15ULL;
  value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9ULL;
  value = (value ^ (value >> 27)) * 0x94D049BB133111EBULL;
  return value ^ (value >> 31);
}

}  // namespace

Random Random::stream(std::uint64_t seed, std::uint64_t stream) noexcept {
  return Random(mix(mix(seed) ^ stream));
}

std::uint64_t Random::below(std::uint64_t bound) noexcept {
  assert(bound > 0);
  // Reject the lowest 2^64 mod bound values, so each residue is reached equally often.
  const std::uint64_t threshold = (0 - bound) % bound;
  for (;;) {
    const std::uint64_t value = engine_();
    if (value >= threshold) return value % bound;
  }
}

std::int64_t Random::between(std::int64_t low, std::int64_t high) noexcept {
  assert(low <= high);
  const auto span = static_cast<std::uint64_t>(high) - static_cast<std::uint64_t>(low) + 1;
  if (span == 0) return static_cast<std::int64_t>(engine_());  // the whole 64-bit range
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(low) + below(span));
}

std::size_t Random::weighted(std::span<const std::uint32_t> weights) noexcept {
  const std::uint64_t total = std::accumulate(weights.begin(), weights.end(), std::uint64_t{0});
  assert(total > 0);
  std::uint64_t draw = below(total);
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (draw < weights[i]) return i;
    draw -= weights[i];
  }
  return weights.size() - 1;  // unreachable: draw < total
}

}  // namespace cadreplan::synth
