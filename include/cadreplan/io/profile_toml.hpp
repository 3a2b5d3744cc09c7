/// \file profile_toml.hpp
/// \brief Loading training profiles from TOML, and the default profile that ships inside.
/// \ingroup io
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "cadreplan/io/diagnostic.hpp"
#include "cadreplan/policy/profile.hpp"
#include "cadreplan/policy/rule_registry.hpp"

namespace cadreplan::io {

/// The largest profile file load_profile() (or `extends`) reads: 1 MiB. The default
/// profile is about 10 KiB; anything far larger is not a profile.
inline constexpr std::uintmax_t max_profile_bytes = 1024 * 1024;

/// The text of the default profile (`docs/profiles/default.toml`, compiled in).
[[nodiscard]] std::string_view default_profile_text() noexcept;

/// Parses profile TOML \p text named \p source_name (used in diagnostics).
///
/// Keys are checked against what the library knows: an unknown key, a wrong type, an
/// unknown code, an impossible value, overlapping or gapped standards, or a rule
/// parameter not declared by the rule in \p registry is an error naming
/// `FILE:LINE:KEY`. `extends` (in `[profile]`) names `"default"` or a file relative to
/// \p base_directory; tables merge key by key, arrays replace.
/// The result records the canonical TOML after merging and its SHA-256.
/// \throws ParseError on any problem; nothing half-loaded is returned.
[[nodiscard]] policy::Profile parse_profile(std::string_view text, const std::string& source_name,
                                            const policy::RuleRegistry& registry,
                                            const std::filesystem::path& base_directory = {});

/// Loads the profile in \p file (see parse_profile()). \p file, and every file it
/// extends, must be a regular file of at most max_profile_bytes (not a device or a pipe,
/// which could hang the load or exhaust memory).
/// \throws ParseError naming the file when it cannot be read, is not a regular file, is
///   too large, or is invalid.
[[nodiscard]] policy::Profile load_profile(const std::filesystem::path& file,
                                           const policy::RuleRegistry& registry);

/// The default profile, parsed and verified against \p registry.
[[nodiscard]] policy::Profile default_profile(const policy::RuleRegistry& registry);

}  // namespace cadreplan::io
