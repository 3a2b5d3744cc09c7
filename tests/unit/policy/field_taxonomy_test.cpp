#include "cadreplan/policy/field_taxonomy.hpp"

#include <gtest/gtest.h>

#include "roster_builder.hpp"

namespace cadreplan::policy {
namespace {

using model::Position;

FieldTaxonomy small_taxonomy() {
  FieldTaxonomy taxonomy;
  taxonomy.add_fitting(Position::secretary, {"luật", "kinh tế", "quản lý nhà nước", "law"});
  taxonomy.add_unfitting(Position::secretary, {"môi trường", "kế toán"});
  return taxonomy;
}

TEST(FieldTaxonomy, FoldsCaseDiacriticsAndNormalForms) {
  const auto taxonomy = small_taxonomy();
  EXPECT_EQ(taxonomy.classify(Position::secretary, "Luật"), FieldFit::fits);
  EXPECT_EQ(taxonomy.classify(Position::secretary, "LUẬT"), FieldFit::fits);
  EXPECT_EQ(taxonomy.classify(Position::secretary, "luat"), FieldFit::fits);
  EXPECT_EQ(taxonomy.classify(Position::secretary, "Lua\xCC\xA3\xCC\x82t"), FieldFit::fits);  // NFD
  EXPECT_EQ(taxonomy.classify(Position::secretary, "  Kế_toán "), FieldFit::does_not_fit);
  EXPECT_EQ(taxonomy.classify(Position::secretary, "Kế-toán"), FieldFit::does_not_fit);
}

TEST(FieldTaxonomy, MatchesListedFieldsAsWholeWordsAnywhere) {
  const auto taxonomy = small_taxonomy();
  EXPECT_EQ(taxonomy.classify(Position::secretary, "Cử nhân Luật kinh tế"), FieldFit::fits);
  EXPECT_EQ(taxonomy.classify(Position::secretary, "Thạc sĩ Quản lý nhà nước"), FieldFit::fits);
  EXPECT_EQ(taxonomy.classify(Position::secretary, "International Law"), FieldFit::fits);
  // Part of a word is not the word.
  EXPECT_EQ(taxonomy.classify(Position::secretary, "Lawn care"), FieldFit::unknown);
  EXPECT_EQ(taxonomy.classify(Position::secretary, "Outlaw studies"), FieldFit::unknown);
  // Part of a listed phrase is not the phrase.
  EXPECT_EQ(taxonomy.classify(Position::secretary, "Quản lý văn hóa"), FieldFit::unknown);
  EXPECT_EQ(taxonomy.classify(Position::secretary, "Kinh doanh"), FieldFit::unknown);
}

TEST(FieldTaxonomy, AnUnfittingMatchWinsOverAFittingOne) {
  const auto taxonomy = small_taxonomy();
  EXPECT_EQ(taxonomy.classify(Position::secretary, "Kinh tế môi trường"), FieldFit::does_not_fit);
  EXPECT_EQ(taxonomy.classify(Position::secretary, "Kế toán kinh tế"), FieldFit::does_not_fit);
}

TEST(FieldTaxonomy, NothingToMatchIsUnknown) {
  const auto taxonomy = small_taxonomy();
  EXPECT_EQ(taxonomy.classify(Position::secretary, ""), FieldFit::unknown);
  EXPECT_EQ(taxonomy.classify(Position::secretary, "   "), FieldFit::unknown);
  EXPECT_EQ(taxonomy.classify(Position::secretary, "Lu\xFFt"), FieldFit::unknown);  // bad UTF-8
  EXPECT_EQ(taxonomy.classify(Position::chairman, "Luật"), FieldFit::unknown);        // no lists
  EXPECT_EQ(taxonomy.classify(Position::secretary, "Công nghệ thông tin"), FieldFit::unknown);
}

TEST(FieldTaxonomy, FittingListsTheFieldsAsGiven) {
  const auto taxonomy = small_taxonomy();
  EXPECT_EQ(taxonomy.fitting(Position::secretary),
            (std::vector<std::string>{"luật", "kinh tế", "quản lý nhà nước", "law"}));
  EXPECT_TRUE(taxonomy.fitting(Position::chairman).empty());
  auto other = small_taxonomy();
  EXPECT_EQ(other, taxonomy);
  other.add_fitting(Position::chairman, {"luật"});
  EXPECT_NE(other, taxonomy);
}

TEST(FieldTaxonomy, TheDefaultProfileClassifiesTheSeedsFields) {
  const auto& fields = testing::default_profile().fields;
  EXPECT_EQ(fields.classify(Position::secretary, "Xây dựng Đảng và chính quyền nhà nước"), FieldFit::fits);
  EXPECT_EQ(fields.classify(Position::secretary, "Hành chính học"), FieldFit::fits);
  EXPECT_EQ(fields.classify(Position::secretary, "Phát triển nông thôn"), FieldFit::fits);
  // The seed names environment, land administration and accounting as not fitting.
  EXPECT_EQ(fields.classify(Position::secretary, "Quản lý môi trường"), FieldFit::does_not_fit);
  EXPECT_EQ(fields.classify(Position::secretary, "Địa chính"), FieldFit::does_not_fit);
  EXPECT_EQ(fields.classify(Position::secretary, "Kế toán doanh nghiệp"), FieldFit::does_not_fit);
  EXPECT_EQ(fields.classify(Position::secretary, "Quản lý đất đai"), FieldFit::does_not_fit);
  EXPECT_EQ(fields.classify(Position::secretary, "Sư phạm Toán"), FieldFit::unknown);
}

}  // namespace
}  // namespace cadreplan::policy
