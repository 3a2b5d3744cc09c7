// UTF-8 validity checks of the CSV reader (a private header): a scalar one that names the
// first bad byte, for diagnostics, and a yes-or-no one that is vectorised where the
// processor allows, for the bulk of a file.
#pragma once

#include <cstddef>
#include <string_view>

namespace cadreplan::io::detail {

/// The offset of the first byte of \p text that is not well-formed UTF-8, or
/// `std::string_view::npos`. Overlong forms, surrogates (U+D800-U+DFFF), code points above
/// U+10FFFF and sequences cut short are malformed.
[[nodiscard]] std::size_t first_invalid_utf8(std::string_view text) noexcept;

/// The ways is_valid_utf8() can check; the tests run each one the processor has.
enum class Utf8Check {
  scalar,  ///< first_invalid_utf8(), portable
  avx2,    ///< 32 bytes a step (x86-64 with AVX2 only; see has_avx2_utf8_check())
};

/// True when the processor running the program can use Utf8Check::avx2.
[[nodiscard]] bool has_avx2_utf8_check() noexcept;

/// True when \p text is well-formed UTF-8, by the same rules as first_invalid_utf8():
/// with AVX2 where the processor has it, else with the scalar check.
[[nodiscard]] bool is_valid_utf8(std::string_view text) noexcept;

/// The same, with \p how (Utf8Check::avx2 checks with the scalar check where
/// has_avx2_utf8_check() is false).
[[nodiscard]] bool is_valid_utf8(std::string_view text, Utf8Check how) noexcept;

}  // namespace cadreplan::io::detail
