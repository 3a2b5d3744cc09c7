# Configures, builds (in parallel) and runs a consumer project, for the package tests:
#   cmake -DSOURCE=dir -DBINARY=dir -DGENERATOR=name [-DCONFIG=cfg] [-DJOBS=n]
#         "-DOPTIONS=-Da=1|-Db=2" -P build_and_run.cmake   (options separated by |)
# `ctest --build-and-test` would do the same serially; the add_subdirectory consumer
# compiles the whole library, so two jobs halve the longest test of the suite.
foreach(variable IN ITEMS SOURCE BINARY GENERATOR)
  if(NOT ${variable})
    message(FATAL_ERROR "build_and_run.cmake: ${variable} is not set")
  endif()
endforeach()
if(NOT JOBS)
  set(JOBS 2)
endif()
string(REPLACE "|" ";" OPTIONS "${OPTIONS}")
set(config_args "")
if(CONFIG)
  set(config_args --config "${CONFIG}")
endif()

function(run step)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${step} failed (${result}): ${ARGN}")
  endif()
endfunction()

file(REMOVE_RECURSE "${BINARY}")  # from nothing: a stale cache must not hide a breakage
run(configure "${CMAKE_COMMAND}" -S "${SOURCE}" -B "${BINARY}" -G "${GENERATOR}" ${OPTIONS})
run(build "${CMAKE_COMMAND}" --build "${BINARY}" --parallel ${JOBS} ${config_args})
find_program(consumer NAMES consumer PATHS "${BINARY}" "${BINARY}/${CONFIG}" NO_DEFAULT_PATH)
if(NOT consumer)
  message(FATAL_ERROR "the consumer program was not built in ${BINARY}")
endif()
run("the consumer" "${consumer}")
