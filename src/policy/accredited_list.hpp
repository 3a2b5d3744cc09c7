// A profile's accredited providers, folded once for matching.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cadreplan::policy::detail {

/// The accredited list of a profile, each name folded (case and diacritics) once.
/// Profile::is_accredited() folded every listed name again for every provider it was
/// asked about; a check asks about each provider named in the roster.
class AccreditedList {
 public:
  /// Folds \p accredited: a name ending in `*` accredits every provider starting with it.
  explicit AccreditedList(const std::vector<std::string>& accredited);

  /// True when \p provider, folded, equals a listed name or starts with a listed prefix.
  /// Invalid UTF-8 is never accredited.
  [[nodiscard]] bool contains(std::string_view provider) const;

 private:
  struct Entry {
    std::string folded;
    bool prefix;  // listed with a trailing `*`
  };
  std::vector<Entry> entries_;
};

}  // namespace cadreplan::policy::detail
