// libFuzzer target: io::parse_profile on arbitrary TOML. Every input must give a profile
// or a ParseError; anything else is a bug.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

#include "cadreplan/io/profile_toml.hpp"
#include "cadreplan/policy/rule_registry.hpp"

namespace {

namespace fs = std::filesystem;

// `extends` names a file relative to this empty folder; none exists. Under
// $CADREPLAN_FUZZ_SCRATCH when set (.ci/fuzz removes it afterwards).
const fs::path& base_directory() {
  static const fs::path folder = [] {
    const char* given = std::getenv("CADREPLAN_FUZZ_SCRATCH");
    const fs::path base = given != nullptr ? fs::path(given) : fs::temp_directory_path();
    fs::path made = base / ("cadreplan-fuzz-profile-" + std::to_string(::getpid()));
    fs::create_directories(made);
    return made;
  }();
  return folder;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const cadreplan::policy::RuleRegistry registry =
      cadreplan::policy::RuleRegistry::with_builtin_rules();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // `extends` may name any file, devices included: the loader must refuse what is not a
  // regular file of profile size (it used to read /dev/zero until memory ran out).
  try {
    (void)cadreplan::io::parse_profile(text, "fuzz.toml", registry, base_directory());
  } catch (const cadreplan::io::ParseError&) {
  }
  return 0;
}
