# Project-wide warning policy: -Wall -Wextra -Wpedantic, errors in CI.
function(cadreplan_set_warnings target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion)
    if(CADREPLAN_WARNINGS_AS_ERRORS)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  endif()
  # GCC 12 and 13 warn -Wrestrict inside libstdc++'s own std::string concatenation when
  # optimising (GCC bug 105329): `"a" + std::to_string(n)` in any test at -O3 trips it.
  # It is a false positive in the standard library, not in this code, so it is off there.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12
     AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 14)
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
endfunction()
