// policy::Text: two literals kept without a copy, anything else in one owned block.
#include "cadreplan/policy/text.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>

namespace cadreplan::policy {
namespace {

using model::Language;

TEST(Text, IsEmptyInBothLanguagesByDefault) {
  const Text text;
  EXPECT_TRUE(text.english().empty());
  EXPECT_TRUE(text.vietnamese().empty());
  EXPECT_EQ(text, Text("", ""));
}

TEST(Text, ReadsEachLanguage) {
  const Text text{"Review the appointment.", "Xem xét lại việc bố trí."};
  EXPECT_EQ(text.english(), "Review the appointment.");
  EXPECT_EQ(text.vietnamese(), "Xem xét lại việc bố trí.");
  EXPECT_EQ(text.in(Language::english), "Review the appointment.");
  EXPECT_EQ(text.in(Language::vietnamese), "Xem xét lại việc bố trí.");
}

TEST(Text, CopiesOfLiteralsShareTheLiteralsAndOwnedTextsAreCopied) {
  const Text literal{"Review the appointment.", "Xem xét lại việc bố trí."};
  const Text literal_copy = literal;  // NOLINT(performance-unnecessary-copy-initialization): the point
  EXPECT_EQ(literal_copy.english().data(), literal.english().data());
  EXPECT_EQ(literal_copy.vietnamese().data(), literal.vietnamese().data());

  const Text owned{std::string("a message long enough for the heap"), std::string("một thông báo")};
  const Text owned_copy = owned;  // NOLINT(performance-unnecessary-copy-initialization): the point
  EXPECT_NE(owned_copy.english().data(), owned.english().data());
  EXPECT_EQ(owned_copy, owned);
}

TEST(Text, OwnsACopyOfStringsThatDoNotOutliveIt) {
  Text text;
  {
    std::string english = "Nguyễn Văn An (C001): course X was given by Y.";
    std::string vietnamese = "Đồng chí Nguyễn Văn An (C001): lớp X do Y tổ chức.";
    text = Text(english, vietnamese);
    english.assign(english.size(), '?');  // the text must not see changes to its sources
    vietnamese.clear();
  }
  EXPECT_EQ(text.english(), "Nguyễn Văn An (C001): course X was given by Y.");
  EXPECT_EQ(text.vietnamese(), "Đồng chí Nguyễn Văn An (C001): lớp X do Y tổ chức.");
}

TEST(Text, JoinsItsPartsLanguageByLanguage) {
  const std::string who = "Lê Thị Bình (C002)";
  const std::string_view year = "2024";
  const Text text{{who, " has no refresher in ", year, "."}, {"Đồng chí ", who, " năm ", year}};
  EXPECT_EQ(text.english(), "Lê Thị Bình (C002) has no refresher in 2024.");
  EXPECT_EQ(text.vietnamese(), "Đồng chí Lê Thị Bình (C002) năm 2024");
  const Text no_parts{{}, {}};
  EXPECT_EQ(no_parts, Text());
}

TEST(Text, ShortOwnedTextsSurviveMovesAndCopies) {
  // Short strings live inside std::string itself: a text that kept pointers into its own
  // buffer would read freed or moved-from bytes after a move.
  Text source{std::string("en"), std::string("vi")};
  Text moved = std::move(source);
  EXPECT_EQ(moved.english(), "en");
  EXPECT_EQ(moved.vietnamese(), "vi");
  Text assigned;
  assigned = moved;
  moved = Text{"other", "khác"};
  EXPECT_EQ(assigned.english(), "en");
  EXPECT_EQ(assigned.vietnamese(), "vi");
  EXPECT_EQ(moved.english(), "other");
  EXPECT_EQ(moved.vietnamese(), "khác");
}

TEST(Text, AMovedFromTextIsEmptyAndUsable) {
  Text source{std::string("a message long enough for the heap"), std::string("một thông báo")};
  const Text taken = std::move(source);
  EXPECT_EQ(taken.english(), "a message long enough for the heap");
  EXPECT_TRUE(source.english().empty());  // NOLINT(bugprone-use-after-move): documented state
  EXPECT_TRUE(source.vietnamese().empty());
  source = taken;  // usable again, and independent of what it is copied from
  EXPECT_EQ(source, taken);
  EXPECT_NE(source.english().data(), taken.english().data());
  Text self = taken;
  const Text& alias = self;
  self = alias;  // self-assignment keeps the words
  EXPECT_EQ(self, taken);
}

// Findings hold two texts each and a national report holds a few hundred thousand
// findings: a text stays two pointers, two sizes and its block.
static_assert(sizeof(Text) <= 32);

TEST(Text, MixesALiteralWithAString) {
  const std::string english = "Add candidates.";
  const Text text{english, "Bổ sung nhân sự."};
  EXPECT_EQ(text.english(), "Add candidates.");
  EXPECT_EQ(text.vietnamese(), "Bổ sung nhân sự.");
}

TEST(Text, EqualityComparesTheWordsNotHowTheyAreHeld) {
  const Text literal{"Review.", "Xem xét."};
  EXPECT_EQ(literal, Text(std::string("Review."), std::string("Xem xét.")));
  EXPECT_EQ(literal, Text({"Rev", "iew."}, {"Xem", " xét."}));
  EXPECT_NE(literal, Text("Review.", "Xem xét lại."));
  EXPECT_NE(literal, Text("Review!", "Xem xét."));
  // The split between the languages matters, not only the bytes in a row.
  EXPECT_NE(Text("ab", "c"), Text("a", "bc"));
}

}  // namespace
}  // namespace cadreplan::policy
