# Install rules and the CMake package (CadrePlanConfig.cmake + version file),
# so that `find_package(CadrePlan CONFIG)` gives the target CadrePlan::cadreplan.
include(CMakePackageConfigHelpers)

set(CADREPLAN_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/CadrePlan")

install(TARGETS cadreplan EXPORT CadrePlanTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/cadreplan"
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.hpp")
install(FILES "${PROJECT_BINARY_DIR}/generated/include/cadreplan/version.hpp"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/cadreplan")
install(EXPORT CadrePlanTargets
  NAMESPACE CadrePlan::
  DESTINATION "${CADREPLAN_CMAKE_DIR}")

configure_package_config_file(
  "${PROJECT_SOURCE_DIR}/cmake/CadrePlanConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/CadrePlanConfig.cmake"
  INSTALL_DESTINATION "${CADREPLAN_CMAKE_DIR}")
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/CadrePlanConfigVersion.cmake"
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY SameMajorVersion)
install(FILES
  "${PROJECT_BINARY_DIR}/CadrePlanConfig.cmake"
  "${PROJECT_BINARY_DIR}/CadrePlanConfigVersion.cmake"
  DESTINATION "${CADREPLAN_CMAKE_DIR}")
install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" "${PROJECT_SOURCE_DIR}/README.md"
  DESTINATION "${CMAKE_INSTALL_DOCDIR}")
