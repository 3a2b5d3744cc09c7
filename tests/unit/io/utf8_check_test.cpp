// The CSV reader's UTF-8 checks (a private header, src/io/utf8_check.hpp): the vectorised
// check must say what the scalar one says, on every input. Both are run on any machine;
// the AVX2 one only where the processor has it (a skip elsewhere).
#include "io/utf8_check.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace cadreplan::io::detail {
namespace {

constexpr auto npos = std::string_view::npos;

// Checks every way the machine has against the scalar answer for \p text, placed at each
// of \p alignments (the vectorised check loads 32 bytes at a time, unaligned).
void expect_agreement(std::string_view text, std::size_t alignments = 32) {
  const bool expected = first_invalid_utf8(text) == npos;
  ASSERT_EQ(is_valid_utf8(text, Utf8Check::scalar), expected);
  ASSERT_EQ(is_valid_utf8(text), expected);
  if (!has_avx2_utf8_check()) return;
  std::string padded(text.size() + alignments, 'x');
  for (std::size_t shift = 0; shift < alignments; ++shift) {
    padded.replace(shift, text.size(), text);
    ASSERT_EQ(is_valid_utf8(std::string_view(padded).substr(shift, text.size()), Utf8Check::avx2),
              expected)
        << "shift " << shift << ", " << text.size() << " bytes";
  }
}

std::string bytes(std::initializer_list<unsigned> values) {
  std::string text;
  for (const unsigned value : values) text.push_back(static_cast<char>(value));
  return text;
}

TEST(Utf8Check, ScalarNamesTheFirstBadByte) {
  EXPECT_EQ(first_invalid_utf8(""), npos);
  EXPECT_EQ(first_invalid_utf8("Nguyễn Văn Bảy"), npos);
  EXPECT_EQ(first_invalid_utf8("ab\xFF"), 2u);
  EXPECT_EQ(first_invalid_utf8("abcdefghij\xC3"), 10u);  // cut short at the end
  EXPECT_EQ(first_invalid_utf8("a\xE1\xBB"), 1u);
}

TEST(Utf8Check, AvailableWaysAreNamed) {
  if (!has_avx2_utf8_check()) GTEST_SKIP() << "no AVX2 here: only the scalar check runs";
  EXPECT_TRUE(is_valid_utf8("Trường Chính trị tỉnh Sơn An", Utf8Check::avx2));
}

TEST(Utf8Check, AcceptsTheEdgesOfEachSequenceLength) {
  for (const std::string& valid :
       {bytes({0x7F}), bytes({0xC2, 0x80}), bytes({0xDF, 0xBF}), bytes({0xE0, 0xA0, 0x80}),
        bytes({0xED, 0x9F, 0xBF}), bytes({0xEE, 0x80, 0x80}), bytes({0xEF, 0xBF, 0xBF}),
        bytes({0xF0, 0x90, 0x80, 0x80}), bytes({0xF4, 0x8F, 0xBF, 0xBF})}) {
    EXPECT_EQ(first_invalid_utf8(valid), npos);
    expect_agreement(valid);
  }
}

TEST(Utf8Check, RejectsEveryKindOfMalformedSequence) {
  const std::vector<std::string> malformed{
      bytes({0x80}),                    // a continuation alone
      bytes({0xC0, 0x80}),              // overlong, two bytes
      bytes({0xC1, 0xBF}),              // overlong, two bytes
      bytes({0xE0, 0x9F, 0xBF}),        // overlong, three bytes
      bytes({0xF0, 0x8F, 0xBF, 0xBF}),  // overlong, four bytes
      bytes({0xED, 0xA0, 0x80}),        // surrogate U+D800
      bytes({0xED, 0xBF, 0xBF}),        // surrogate U+DFFF
      bytes({0xF4, 0x90, 0x80, 0x80}),  // U+110000
      bytes({0xF5, 0x80, 0x80, 0x80}),  // beyond any code point
      bytes({0xFF}),
      bytes({0xC3}),                    // cut short
      bytes({0xE1, 0xBB}),              // cut short
      bytes({0xF0, 0x9F, 0x98}),        // cut short
      bytes({0xC3, 0x41}),              // no continuation
      bytes({0xE1, 0x80, 0x80, 0x80}),  // one continuation too many
  };
  for (const std::string& bad : malformed) {
    EXPECT_NE(first_invalid_utf8(bad), npos);
    for (const std::string& around : {std::string(), std::string(29, 'a'), std::string(31, 'a')}) {
      expect_agreement(around + bad);
      expect_agreement(around + bad + "tail");
      expect_agreement(bad + around);
    }
  }
}

// Every pair of bytes, and every lead with every second byte before a few third and
// fourth bytes, at the start and across the 32-byte step (one alignment each: there are
// a million of them).
TEST(Utf8Check, AgreesOnEveryShortSequence) {
  const std::array<unsigned, 10> later{0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0xA0, 0xBF, 0xC2, 0xF0};
  for (const std::size_t before : {0u, 30u, 31u}) {
    const std::string prefix(before, 'a');
    for (unsigned first = 0; first < 256; ++first) {
      for (unsigned second = 0; second < 256; ++second) {
        expect_agreement(prefix + bytes({first, second}), 1);
        if (first < 0xC0) continue;
        for (const unsigned third : later) {
          expect_agreement(prefix + bytes({first, second, third}), 1);
          if (first >= 0xF0) expect_agreement(prefix + bytes({first, second, third, 0x80}), 1);
        }
      }
    }
  }
}

// Mixed text of every length up to 64, with a bad byte put at each place in turn.
TEST(Utf8Check, AgreesOnEveryLengthUpTo64) {
  const std::array<std::string_view, 6> pieces{"a", ",", "\xC4\x91", "\xE1\xBB\x87",
                                               "\xF0\x9F\x98\x80", "\xC3\xA9"};
  std::mt19937 random(6);
  for (std::size_t length = 0; length <= 64; ++length) {
    for (int sample = 0; sample < 8; ++sample) {
      std::string text;
      while (text.size() < length) {
        text += pieces[random() % pieces.size()];
      }
      text.resize(length);  // may cut the last sequence short
      expect_agreement(text);
      for (std::size_t at = 0; at < length; ++at) {
        for (const unsigned bad : {0x80u, 0xC0u, 0xE0u, 0xEDu, 0xF4u, 0xFFu, 0x41u}) {
          std::string changed = text;
          changed[at] = static_cast<char>(bad);
          expect_agreement(changed);
        }
      }
    }
  }
}

TEST(Utf8Check, AgreesOnRandomLongTexts) {
  std::mt19937 random(26);
  for (int sample = 0; sample < 2000; ++sample) {
    std::string text;
    const std::size_t length = random() % 300;
    while (text.size() < length) {
      const unsigned pick = random() % 8;
      if (pick < 4) {
        text.push_back(static_cast<char>('a' + pick));
      } else if (pick < 7) {
        text += "\xE1\xBB\x87";
      } else {
        text.push_back(static_cast<char>(random() % 256));  // often malformed
      }
    }
    expect_agreement(text);
  }
}

}  // namespace
}  // namespace cadreplan::io::detail
