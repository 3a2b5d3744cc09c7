#include "cadreplan/policy/field_taxonomy.hpp"

#include <algorithm>

#include "cadreplan/text/fold.hpp"

namespace cadreplan::policy {
namespace {

// A listed field matches when it appears in the recorded field as whole words:
// "luat" matches "cu nhan luat kinh te" but not "luatsu".
bool contains_words(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return false;
  for (std::size_t at = haystack.find(needle); at != std::string_view::npos;
       at = haystack.find(needle, at + 1)) {
    const bool starts_word = at == 0 || haystack[at - 1] == ' ';
    const std::size_t end = at + needle.size();
    const bool ends_word = end == haystack.size() || haystack[end] == ' ';
    if (starts_word && ends_word) return true;
  }
  return false;
}

bool any_match(const std::vector<std::string>& folded_list, std::string_view folded_field) {
  return std::any_of(folded_list.begin(), folded_list.end(), [&](const std::string& listed) {
    return contains_words(folded_field, listed);
  });
}

}  // namespace

void FieldTaxonomy::add_fitting(model::Position position, const std::vector<std::string>& fields) {
  auto& lists = lists_[position];
  for (const auto& field : fields) {
    lists.fit_given.push_back(field);
    lists.fit_folded.push_back(text::fold(field));
  }
}

void FieldTaxonomy::add_unfitting(model::Position position,
                                  const std::vector<std::string>& fields) {
  auto& lists = lists_[position];
  for (const auto& field : fields) {
    lists.unfit_given.push_back(field);
    lists.unfit_folded.push_back(text::fold(field));
  }
}

FieldFit FieldTaxonomy::classify(model::Position position, std::string_view field) const {
  const auto found = lists_.find(position);
  if (found == lists_.end() || text::trim(field).empty() || !text::is_valid_utf8(field)) {
    return FieldFit::unknown;
  }
  const std::string folded = text::fold(field);
  if (any_match(found->second.unfit_folded, folded)) return FieldFit::does_not_fit;
  if (any_match(found->second.fit_folded, folded)) return FieldFit::fits;
  return FieldFit::unknown;
}

std::vector<std::string> FieldTaxonomy::fitting(model::Position position) const {
  const auto found = lists_.find(position);
  return found == lists_.end() ? std::vector<std::string>{} : found->second.fit_given;
}

}  // namespace cadreplan::policy
