#include "policy/accredited_list.hpp"

#include <algorithm>

#include "cadreplan/text/fold.hpp"

namespace cadreplan::policy::detail {

AccreditedList::AccreditedList(const std::vector<std::string>& accredited) {
  entries_.reserve(accredited.size());
  for (std::string_view name : accredited) {
    // "Trường Chính trị tỉnh*" accredits every provincial school.
    const bool prefix = !name.empty() && name.back() == '*';
    if (prefix) name.remove_suffix(1);
    entries_.push_back({text::fold(name), prefix});
  }
}

bool AccreditedList::contains(std::string_view provider) const {
  if (entries_.empty() || !text::is_valid_utf8(provider)) return false;
  const std::string folded = text::fold(provider);
  return std::any_of(entries_.begin(), entries_.end(), [&](const Entry& entry) {
    return entry.prefix ? folded.starts_with(entry.folded) : folded == entry.folded;
  });
}

}  // namespace cadreplan::policy::detail
