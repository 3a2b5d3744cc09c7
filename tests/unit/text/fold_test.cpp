#include "cadreplan/text/fold.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace cadreplan::text {
namespace {

TEST(Fold, RemovesDiacriticsAndCase) {
  EXPECT_EQ(fold("Trung học phổ thông"), "trung hoc pho thong");
  EXPECT_EQ(fold("TRUNG HỌC PHỔ THÔNG"), "trung hoc pho thong");
}

TEST(Fold, MapsDStrokeToD) {
  // đ has no Unicode decomposition; folding must still match "dai hoc".
  EXPECT_EQ(fold("Đại học"), "dai hoc");
  EXPECT_EQ(fold("đặc khu"), "dac khu");
}

TEST(Fold, NfcAndNfdAgree) {
  const std::string nfc = "Cao c\xE1\xBA\xA5p";           // "Cao cấp", precomposed ấ
  const std::string nfd = "Cao ca\xCC\x82\xCC\x81p";      // a + circumflex + acute
  EXPECT_NE(nfc, nfd);
  EXPECT_EQ(fold(nfc), fold(nfd));
  EXPECT_EQ(fold(nfd), "cao cap");
}

TEST(Fold, CollapsesSeparatorsAndTrims) {
  EXPECT_EQ(fold("  upper_secondary "), "upper secondary");
  EXPECT_EQ(fold("in-service"), "in service");
  EXPECT_EQ(fold("a \t\t b"), "a b");
  EXPECT_EQ(fold("12/12"), "12/12");
}

TEST(Fold, RejectsInvalidUtf8) {
  EXPECT_THROW((void)fold("caf\xC3"), std::invalid_argument);
  EXPECT_THROW((void)fold("\xFF\xFE"), std::invalid_argument);
}

TEST(Utf8, Validation) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("Sóc Trăng"));
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // UTF-16 surrogate
  EXPECT_FALSE(is_valid_utf8("abc\x80"));
}

TEST(Nfc, ComposesDecomposedText) {
  EXPECT_EQ(to_nfc("Ca\xCC\x82\xCC\x81p"), "C\xE1\xBA\xA5p");
  EXPECT_EQ(to_nfc("plain"), "plain");
}

TEST(Trim, StripsAsciiSpaceOnly) {
  EXPECT_EQ(trim("  a b\r\n"), "a b");
  EXPECT_EQ(trim("\f\v\ta\v\f"), "a");
  EXPECT_EQ(trim("\xC2\xA0" "a"), "\xC2\xA0" "a") << "only ASCII white space";
  static_assert(trim(" x ") == "x", "trim is usable at compile time");
  EXPECT_EQ(trim(""), "");
  EXPECT_EQ(trim("   "), "");
}

}  // namespace
}  // namespace cadreplan::text
