# Third-party dependencies, all from Debian's packages (see .ci/deps).
#
# Public: Boost.Date_Time and Boost.Serialization appear in the installed headers
# (dates are boost::gregorian::date; archives are Boost archives).
# Private: utf8proc (Unicode folding), libcsv (RFC 4180 tokenising),
# nlohmann_json (report writers), toml++ (profiles) and nettle (SHA-256 of
# profiles) are used only inside the library.
find_package(Boost 1.74 REQUIRED COMPONENTS serialization date_time)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(Threads REQUIRED)  # policy::evaluate with EvaluationOptions::jobs > 1
find_package(tomlplusplus 3 REQUIRED)

find_package(PkgConfig REQUIRED)
pkg_check_modules(utf8proc REQUIRED IMPORTED_TARGET libutf8proc)
pkg_check_modules(nettle REQUIRED IMPORTED_TARGET nettle)

# libcsv ships neither a CMake config nor a pkg-config file.
find_path(CADREPLAN_LIBCSV_INCLUDE_DIR NAMES csv.h REQUIRED)
find_library(CADREPLAN_LIBCSV_LIBRARY NAMES csv REQUIRED)
if(NOT TARGET CadrePlanDeps::libcsv)
  add_library(CadrePlanDeps::libcsv UNKNOWN IMPORTED)
  set_target_properties(CadrePlanDeps::libcsv PROPERTIES
    IMPORTED_LOCATION "${CADREPLAN_LIBCSV_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${CADREPLAN_LIBCSV_INCLUDE_DIR}")
endif()
