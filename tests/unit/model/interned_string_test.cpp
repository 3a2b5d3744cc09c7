#include "cadreplan/model/interned_string.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <sstream>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

namespace cadreplan::model {
namespace {

TEST(InternedString, EqualTextsShareOneIdentity) {
  const std::string built = std::string("Trường Chính trị ") + "tỉnh Sóc Trăng";
  const InternedString a("Trường Chính trị tỉnh Sóc Trăng");
  const InternedString b(built);
  EXPECT_EQ(a.identity(), b.identity());
  EXPECT_EQ(a, b);
  EXPECT_EQ(a.str(), built);
  EXPECT_NE(a.str().data(), built.data()) << "the pool keeps its own copy";
}

TEST(InternedString, DifferentTextsDiffer) {
  const InternedString a("BD-XDD");
  const InternedString b("BD-XDĐ");
  EXPECT_NE(a.identity(), b.identity());
  EXPECT_NE(a, b);
  EXPECT_EQ(a, "BD-XDD");
  EXPECT_EQ(a, std::string_view("BD-XDD"));
  EXPECT_EQ(a, std::string("BD-XDD"));
  EXPECT_NE(b, "BD-XDD");
}

TEST(InternedString, DefaultIsTheEmptyString) {
  const InternedString none;
  EXPECT_TRUE(none.empty());
  EXPECT_EQ(none.size(), 0U);
  EXPECT_EQ(none, InternedString(""));
  EXPECT_EQ(none, InternedString(std::string()));
  EXPECT_FALSE(InternedString("x").empty());
}

TEST(InternedString, OrdersAsItsText) {
  // Interned in the opposite order, so pointer order cannot pass for text order.
  const InternedString later("zeta-course");
  const InternedString earlier("alpha-course");
  EXPECT_LT(earlier, later);
  EXPECT_GT(later, earlier);
  EXPECT_EQ(earlier <=> InternedString("alpha-course"), std::strong_ordering::equal);
  EXPECT_LT(InternedString(""), earlier);
}

TEST(InternedString, ConcatenatesAndPrintsLikeAString) {
  const InternedString course("LLCT-TC");
  EXPECT_EQ("course " + course + " done", "course LLCT-TC done");
  EXPECT_EQ(std::string("[") + course, "[LLCT-TC");
  std::ostringstream out;
  out << course;
  EXPECT_EQ(out.str(), "LLCT-TC");
}

TEST(InternedString, PoolGrowsOncePerDistinctText) {
  const std::size_t before = InternedString::pool_size();
  const InternedString first("a text no other test interns 7f3a");
  const std::size_t after_first = InternedString::pool_size();
  const InternedString again("a text no other test interns 7f3a");
  EXPECT_EQ(after_first, before + 1);
  EXPECT_EQ(InternedString::pool_size(), after_first);
  EXPECT_EQ(first, again);
}

TEST(InternedString, OrdinalsAreDenseAndFollowIdentity) {
  EXPECT_EQ(InternedString().ordinal(), 0U);
  EXPECT_EQ(InternedString("").ordinal(), 0U);
  const InternedString first("ordinal test text one 5c1e");
  const InternedString second("ordinal test text two 5c1e");
  EXPECT_NE(first.ordinal(), 0U);
  EXPECT_EQ(second.ordinal(), first.ordinal() + 1) << "numbered in the order first interned";
  EXPECT_EQ(InternedString(std::string("ordinal test text one 5c1e")).ordinal(), first.ordinal());
  EXPECT_LT(second.ordinal(), InternedString::ordinal_bound());
  EXPECT_EQ(InternedString::ordinal_bound(), InternedString::pool_size() + 1);
}

TEST(InternedString, HashesByIdentity) {
  std::unordered_set<InternedString> set;
  set.insert(InternedString("Kinh"));
  set.insert(InternedString(std::string("Kinh")));
  set.insert(InternedString("Khmer"));
  EXPECT_EQ(set.size(), 2U);
  EXPECT_TRUE(set.contains(InternedString("Khmer")));
}

TEST(InternedString, ThreadsInterningTheSameTextsAgree) {
  constexpr int kTexts = 2000;
  std::vector<std::vector<const void*>> seen(2, std::vector<const void*>(kTexts));
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t) {
    threads.emplace_back([t, &seen] {
      for (int i = 0; i < kTexts; ++i) {
        seen[t][i] = InternedString("provider #" + std::to_string(i)).identity();
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(seen[0], seen[1]);
  EXPECT_EQ(InternedString("provider #1999").identity(), seen[0][1999]);
  // Racing threads never hand out an ordinal twice.
  std::unordered_set<std::uint32_t> ordinals;
  for (int i = 0; i < kTexts; ++i) ordinals.insert(InternedString("provider #" + std::to_string(i)).ordinal());
  EXPECT_EQ(ordinals.size(), static_cast<std::size_t>(kTexts));
}

}  // namespace
}  // namespace cadreplan::model
