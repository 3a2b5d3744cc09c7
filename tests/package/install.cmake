# Installs the build tree BUILD_DIR afresh into PREFIX, for the find_package test:
#   cmake -DBUILD_DIR=... -DPREFIX=... [-DCONFIG=...] -P install.cmake
foreach(variable IN ITEMS BUILD_DIR PREFIX)
  if(NOT ${variable})
    message(FATAL_ERROR "install.cmake: ${variable} is not set")
  endif()
endforeach()

# Start from nothing, so a file the install rules stopped installing cannot linger.
file(REMOVE_RECURSE "${PREFIX}")
set(config_args "")
if(CONFIG)
  set(config_args --config "${CONFIG}")
endif()
execute_process(
  COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}" ${config_args}
  RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "installing ${BUILD_DIR} into ${PREFIX} failed (${result})")
endif()
