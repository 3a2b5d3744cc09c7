// UTF-8 validity, scalar and vectorised. Most lines of a national roster hold Vietnamese
// names, so the byte-by-byte check of each line was 7 % of loading it; the CSV reader now
// checks each block it reads with AVX2 (a few tenths of a nanosecond a byte) and goes back
// to the scalar check, which names the bad byte, only for a block that fails.
#include "io/utf8_check.hpp"

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define CADREPLAN_UTF8_AVX2 1
#include <immintrin.h>
#endif

namespace cadreplan::io::detail {
namespace {

bool in_range(unsigned char c, unsigned char low, unsigned char high) noexcept {
  return c >= low && c <= high;
}

// The length of the well-formed UTF-8 sequence at s[0..n), or 0 when it is malformed
// (overlong forms, surrogates and code points above U+10FFFF are malformed).
std::size_t utf8_sequence_length(const unsigned char* s, std::size_t n) noexcept {
  const unsigned char lead = s[0];
  std::size_t length = 0;
  unsigned char second_low = 0x80;
  unsigned char second_high = 0xBF;
  if (in_range(lead, 0xC2, 0xDF)) {
    length = 2;
  } else if (in_range(lead, 0xE0, 0xEF)) {
    length = 3;
    if (lead == 0xE0) second_low = 0xA0;
    if (lead == 0xED) second_high = 0x9F;
  } else if (in_range(lead, 0xF0, 0xF4)) {
    length = 4;
    if (lead == 0xF0) second_low = 0x90;
    if (lead == 0xF4) second_high = 0x8F;
  } else {
    return 0;
  }
  if (n < length || !in_range(s[1], second_low, second_high)) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if (!in_range(s[i], 0x80, 0xBF)) return 0;
  }
  return length;
}

// True when s[0..2) is a two-byte sequence or s[0..3) a three-byte one of the common
// kind (lead E1..EC or EE..EF, any continuation): most of Vietnamese text, checked inline.
bool is_common_sequence(const unsigned char* s, std::size_t n, std::size_t& length) noexcept {
  const auto continuation = [](unsigned char c) { return (c & 0xC0) == 0x80; };
  if (s[0] >= 0xC2 && s[0] <= 0xDF && n >= 2 && continuation(s[1])) {
    length = 2;
    return true;
  }
  if (s[0] >= 0xE1 && s[0] <= 0xEF && s[0] != 0xED && n >= 3 && continuation(s[1]) &&
      continuation(s[2])) {
    length = 3;
    return true;
  }
  return false;
}

#ifdef CADREPLAN_UTF8_AVX2

#define CADREPLAN_AVX2_TARGET __attribute__((target("avx2")))

// The algorithm is Keiser and Lemire's ("Validating UTF-8 in less than one instruction
// per byte", Software: Practice and Experience, 2021), as simdjson and simdutf use it:
// three table lookups on the nibbles of each byte and the byte before it classify every
// pair of bytes into error kinds, and a fourth test marks the bytes that must be the
// second or third continuation of a three- or four-byte sequence. The tests compare it
// with first_invalid_utf8() on every length and alignment up to 64 and on every
// malformation.
namespace error_bit {
constexpr std::uint8_t too_short = 1U << 0;       // a lead byte, then no continuation
constexpr std::uint8_t too_long = 1U << 1;        // a continuation after ASCII
constexpr std::uint8_t overlong_3 = 1U << 2;      // E0 80..9F
constexpr std::uint8_t too_large = 1U << 3;       // F4 90..BF, F5..FF
constexpr std::uint8_t surrogate = 1U << 4;       // ED A0..BF
constexpr std::uint8_t overlong_2 = 1U << 5;      // C0, C1
constexpr std::uint8_t too_large_1000 = 1U << 6;  // F5..FF 80..8F
constexpr std::uint8_t overlong_4 = 1U << 6;      // F0 80..8F
constexpr std::uint8_t two_continuations = 1U << 7;
constexpr std::uint8_t carry = too_short | too_long | two_continuations;
constexpr std::uint8_t large = too_large | too_large_1000;
constexpr std::uint8_t continuation = too_long | overlong_2 | two_continuations;
}  // namespace error_bit

using Table16 = std::array<std::uint8_t, 16>;

// By the high nibble of the byte before.
constexpr Table16 kByte1High = [] {
  using namespace error_bit;
  return Table16{too_long, too_long, too_long, too_long, too_long, too_long, too_long, too_long,
                 two_continuations, two_continuations, two_continuations, two_continuations,
                 too_short | overlong_2, too_short, too_short | overlong_3 | surrogate,
                 too_short | too_large | too_large_1000 | overlong_4};
}();
// By the low nibble of the byte before.
constexpr Table16 kByte1Low = [] {
  using namespace error_bit;
  return Table16{carry | overlong_3 | overlong_2 | overlong_4, carry | overlong_2, carry, carry,
                 carry | too_large, carry | large, carry | large, carry | large,
                 carry | large, carry | large, carry | large, carry | large,
                 carry | large, carry | large | surrogate, carry | large, carry | large};
}();
// By the high nibble of the byte itself.
constexpr Table16 kByte2High = [] {
  using namespace error_bit;
  return Table16{too_short, too_short, too_short, too_short, too_short, too_short, too_short,
                 too_short, continuation | overlong_3 | too_large_1000 | overlong_4,
                 continuation | overlong_3 | too_large, continuation | surrogate | too_large,
                 continuation | surrogate | too_large, too_short, too_short, too_short,
                 too_short};
}();

// table[nibble] for each byte of \p nibbles (each 0..15).
CADREPLAN_AVX2_TARGET inline __m256i lookup(const Table16& table, __m256i nibbles) noexcept {
  const __m128i entries = _mm_loadu_si128(reinterpret_cast<const __m128i*>(table.data()));
  return _mm256_shuffle_epi8(_mm256_broadcastsi128_si256(entries), nibbles);
}

CADREPLAN_AVX2_TARGET inline __m256i high_nibbles(__m256i bytes) noexcept {
  return _mm256_and_si256(_mm256_srli_epi16(bytes, 4), _mm256_set1_epi8(0x0F));
}

// \p input moved N bytes later, the first N bytes taken from the end of \p previous.
template <int N>
CADREPLAN_AVX2_TARGET inline __m256i previous_bytes(__m256i input, __m256i previous) noexcept {
  return _mm256_alignr_epi8(input, _mm256_permute2x128_si256(previous, input, 0x21), 16 - N);
}

// The error kinds of each pair (byte before, byte).
CADREPLAN_AVX2_TARGET inline __m256i pair_errors(__m256i input, __m256i previous1) noexcept {
  const __m256i byte_1_high = lookup(kByte1High, high_nibbles(previous1));
  const __m256i byte_1_low = lookup(kByte1Low, _mm256_and_si256(previous1, _mm256_set1_epi8(0x0F)));
  const __m256i byte_2_high = lookup(kByte2High, high_nibbles(input));
  return _mm256_and_si256(_mm256_and_si256(byte_1_high, byte_1_low), byte_2_high);
}

// The errors of one 32-byte block after \p previous: pair errors, and a continuation
// missing or extra where the byte two or three before is a three- or four-byte lead.
CADREPLAN_AVX2_TARGET inline __m256i block_errors(__m256i input, __m256i previous) noexcept {
  const __m256i pairs = pair_errors(input, previous_bytes<1>(input, previous));
  // Only bytes from E0 (two before) or F0 (three before) up keep their high bit.
  const __m256i third = _mm256_subs_epu8(previous_bytes<2>(input, previous),
                                         _mm256_set1_epi8(static_cast<char>(0xE0 - 0x80)));
  const __m256i fourth = _mm256_subs_epu8(previous_bytes<3>(input, previous),
                                          _mm256_set1_epi8(static_cast<char>(0xF0 - 0x80)));
  const __m256i must_continue =
      _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8(static_cast<char>(0x80)));
  return _mm256_xor_si256(must_continue, pairs);
}

// Non-zero where the block ends inside a sequence (a lead in its last three bytes that
// needs more bytes than are left).
CADREPLAN_AVX2_TARGET inline __m256i ends_inside_sequence(__m256i input) noexcept {
  static constexpr std::array<std::uint8_t, 32> largest = [] {
    std::array<std::uint8_t, 32> bytes{};
    bytes.fill(0xFF);
    bytes[29] = 0xF0 - 1;  // a four-byte lead needs three more bytes
    bytes[30] = 0xE0 - 1;  // a three-byte lead two more
    bytes[31] = 0xC0 - 1;  // any lead at least one more
    return bytes;
  }();
  const __m256i largest_complete = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(largest.data()));
  return _mm256_subs_epu8(input, largest_complete);
}

CADREPLAN_AVX2_TARGET bool is_valid_utf8_avx2(const unsigned char* s, std::size_t n) noexcept {
  __m256i errors = _mm256_setzero_si256();
  __m256i previous = _mm256_setzero_si256();
  __m256i previous_incomplete = _mm256_setzero_si256();
  std::size_t i = 0;
  for (; i + 32 <= n; i += 32) {
    const __m256i input = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + i));
    if (_mm256_movemask_epi8(input) == 0) {
      // ASCII: only a sequence left open by the block before can be wrong.
      errors = _mm256_or_si256(errors, previous_incomplete);
      previous_incomplete = _mm256_setzero_si256();
    } else {
      errors = _mm256_or_si256(errors, block_errors(input, previous));
      previous_incomplete = ends_inside_sequence(input);
    }
    previous = input;
  }
  if (i < n) {
    // The tail, zero-padded: a sequence cut short is followed by a zero, which is caught.
    alignas(32) unsigned char tail[32] = {};
    std::memcpy(tail, s + i, n - i);
    const __m256i input = _mm256_load_si256(reinterpret_cast<const __m256i*>(tail));
    errors = _mm256_or_si256(errors, block_errors(input, previous));
    previous_incomplete = ends_inside_sequence(input);
  }
  errors = _mm256_or_si256(errors, previous_incomplete);
  return _mm256_testz_si256(errors, errors) != 0;
}

#endif

}  // namespace

// ASCII, the common case, is skipped eight bytes at a time, straight to the first
// non-ASCII byte.
std::size_t first_invalid_utf8(std::string_view text) noexcept {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      std::uint64_t word = 0;
      std::memcpy(&word, s + i, sizeof word);
      const std::uint64_t high_bits = word & 0x8080808080808080ULL;
      if (high_bits == 0) {
        i += 8;
        continue;
      }
      if constexpr (std::endian::native == std::endian::little) {
        i += static_cast<std::size_t>(std::countr_zero(high_bits)) / 8;
      }
    }
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    if (!is_common_sequence(s + i, n - i, length)) {
      length = utf8_sequence_length(s + i, n - i);
      if (length == 0) return i;
    }
    i += length;
  }
  return std::string_view::npos;
}

bool has_avx2_utf8_check() noexcept {
#ifdef CADREPLAN_UTF8_AVX2
  static const bool supported = __builtin_cpu_supports("avx2") != 0;
  return supported;
#else
  return false;
#endif
}

bool is_valid_utf8(std::string_view text, Utf8Check how) noexcept {
#ifdef CADREPLAN_UTF8_AVX2
  // Asked for where the processor lacks it, AVX2 would be an illegal instruction.
  if (how == Utf8Check::avx2 && has_avx2_utf8_check()) {
    return is_valid_utf8_avx2(reinterpret_cast<const unsigned char*>(text.data()), text.size());
  }
#else
  static_cast<void>(how);
#endif
  return first_invalid_utf8(text) == std::string_view::npos;
}

bool is_valid_utf8(std::string_view text) noexcept {
  return is_valid_utf8(text, has_avx2_utf8_check() ? Utf8Check::avx2 : Utf8Check::scalar);
}

}  // namespace cadreplan::io::detail
