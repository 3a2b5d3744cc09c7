// policy::Text: two literals kept without a copy, anything else in a shared chunk.
#include "cadreplan/policy/text.hpp"

#include <gtest/gtest.h>
#include <sys/mman.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

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

// The words of a text that is the i-th of many, distinct from every other's.
std::string numbered_words(std::size_t i, std::size_t length) {
  std::string words = "text " + std::to_string(i) + " ";
  words.resize(std::max(length, words.size()), static_cast<char>('a' + i % 26));
  return words;
}

// How many of \p texts begin where the one before ends.
std::size_t adjacent_pairs(const std::vector<Text>& texts) {
  std::size_t adjacent = 0;
  for (std::size_t i = 1; i < texts.size(); ++i) {
    const auto before = texts[i - 1].vietnamese();
    if (texts[i].english().data() == before.data() + before.size()) ++adjacent;
  }
  return adjacent;
}

TEST(Text, TextsOfAThreadShareChunksAndKeepTheirWordsWhateverOrderTheyGoIn) {
  // Enough texts to fill several chunks; freeing every other one, then the rest, must
  // leave each survivor's words intact (AddressSanitizer sees a chunk freed too early).
  std::vector<Text> texts;
  for (std::size_t i = 0; i < 4000; ++i) {
    texts.emplace_back(numbered_words(i, 40), numbered_words(i + 1, 30));
  }
  // Consecutive small texts lie one after another in a chunk rather than a block each
  // (all but where one chunk ends and the next begins).
  EXPECT_GE(adjacent_pairs(texts), texts.size() - 20);
  for (std::size_t i = 0; i < texts.size(); i += 2) texts[i] = Text();
  for (std::size_t i = 1; i < texts.size(); i += 2) {
    ASSERT_EQ(texts[i].english(), numbered_words(i, 40));
    ASSERT_EQ(texts[i].vietnamese(), numbered_words(i + 1, 30));
  }
  std::reverse(texts.begin(), texts.end());
  texts.resize(texts.size() / 3);  // the last made go first
  for (std::size_t j = 0; j < texts.size(); ++j) {
    const std::size_t i = 3999 - j;
    if (i % 2 == 0) continue;
    ASSERT_EQ(texts[j].english(), numbered_words(i, 40));
  }
}

TEST(Text, ACopyOutlivesTheChunkOfItsOriginal) {
  Text copy;
  {
    std::vector<Text> report;
    for (std::size_t i = 0; i < 2000; ++i) report.emplace_back(numbered_words(i, 60), numbered_words(i, 10));
    copy = report[1234];
    EXPECT_NE(copy.english().data(), report[1234].english().data());
  }  // the report's chunks go (all but the one the copy was made in)
  EXPECT_EQ(copy.english(), numbered_words(1234, 60));
  EXPECT_EQ(copy.vietnamese(), numbered_words(1234, 10));
}

TEST(Text, ALargeTextHasAChunkOfItsOwn) {
  const std::string large(100'000, 'x');
  std::vector<Text> small;
  std::vector<Text> big;
  for (std::size_t i = 0; i < 20; ++i) {
    small.emplace_back(numbered_words(i, 20), std::string("nhỏ"));
    big.emplace_back(large, std::string("lớn"));
  }
  EXPECT_EQ(big[7].english(), large);
  EXPECT_EQ(big[7].vietnamese(), "lớn");
  // The small texts made between the large ones are still neighbours in the thread's chunk.
  EXPECT_GE(adjacent_pairs(small), small.size() - 2);
}

TEST(Text, TextsMadeOnOneThreadAreReadAndFreedOnAnother) {
  // Findings are made by the evaluation's workers and read and freed by the caller; the
  // workers end (and let go of their chunks) before the texts do.
  std::vector<std::vector<Text>> made(2);
  std::vector<std::thread> workers;
  for (std::size_t w = 0; w < made.size(); ++w) {
    workers.emplace_back([&made, w] {
      for (std::size_t i = 0; i < 3000; ++i) made[w].emplace_back(numbered_words(i + w, 50), numbered_words(i, 20));
    });
  }
  for (auto& worker : workers) worker.join();
  for (std::size_t w = 0; w < made.size(); ++w) {
    for (std::size_t i = 0; i < made[w].size(); ++i) {
      ASSERT_EQ(made[w][i].english(), numbered_words(i + w, 50));
      ASSERT_EQ(made[w][i].vietnamese(), numbered_words(i, 20));
    }
  }
  std::thread freeing([&made] { made[0].clear(); });  // freed on a third thread
  made[1].clear();
  freeing.join();
}

// Makes a text when destroyed, as a thread ends.
struct TextMadeAtThreadExit {
  std::string* words;
  ~TextMadeAtThreadExit() {
    const Text late{numbered_words(7, 50), std::string("muộn")};
    *words = std::string(late.english());
  }
};

TEST(Text, ATextMadeWhileItsThreadEndsIsMadeAndFreed) {
  // A thread-local object made before the thread's first text is destroyed after the
  // thread's chunk is retired; a text it makes then still works and is freed (a leak
  // here fails the sanitizer build).
  std::string late_words;
  std::thread([&late_words] {
    thread_local TextMadeAtThreadExit maker{&late_words};
    (void)maker.words;
    const Text early{numbered_words(1, 50), std::string("sớm")};
    EXPECT_EQ(early.english(), numbered_words(1, 50));
  }).join();
  EXPECT_EQ(late_words, numbered_words(7, 50));
}

TEST(Text, RefusesALanguageOf4GiBWithoutReadingIt) {
  // Views over 4 GiB of address space that may not be read (reserved, never backed): a
  // text that read or copied before checking the size would crash here.
  constexpr std::size_t half = std::size_t{1} << 31;
  void* reserved = ::mmap(nullptr, 2 * half, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (reserved == MAP_FAILED) GTEST_SKIP() << "cannot reserve 4 GiB of address space";
  const char* bytes = static_cast<const char*>(reserved);
  const std::string_view first(bytes, half);
  const std::string_view second(bytes + half, half);  // together exactly 4 GiB
  EXPECT_THROW(Text({first, second}, {"ok"}), std::length_error);
  EXPECT_THROW(Text({"ok"}, {second, first}), std::length_error);
  try {
    const Text refused({first, second}, {});
    ADD_FAILURE() << "a 4 GiB text was made";
  } catch (const std::length_error& error) {
    EXPECT_NE(std::string(error.what()).find("4294967296 bytes"), std::string::npos) << error.what();
  }
  ::munmap(reserved, 2 * half);
}

// Findings hold two texts each and a national report holds a few hundred thousand
// findings: a text stays two pointers, two sizes and its chunk.
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
