# Runs the cadreplan program once and checks what it did, for the CLI tests:
#   cmake -DPROGRAM=path -DARGS="a|b|c" -DEXPECT_EXIT=2
#         [-DEXPECT_STDOUT=regex] [-DEXPECT_STDERR=regex] [-DEXPECT_JSON=file]
#         [-DWORKING_DIRECTORY=dir] -P run_cli_test.cmake
# ARGS is `|`-separated because add_test() would split a `;` list into separate arguments.
# EXPECT_JSON compares stdout with the file as JSON, not as text: every key of the file must
# be in the output with the same value; nested objects must have exactly the file's keys,
# while the top level may have more (compatible extensions such as state_management).
cmake_minimum_required(VERSION 3.25)

string(REPLACE "|" ";" arguments "${ARGS}")
if(NOT WORKING_DIRECTORY)
  set(WORKING_DIRECTORY "${CMAKE_CURRENT_LIST_DIR}")
endif()
execute_process(
  COMMAND "${PROGRAM}" ${arguments}
  WORKING_DIRECTORY "${WORKING_DIRECTORY}"
  RESULT_VARIABLE status
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err)

set(transcript "cadreplan ${arguments}\n--- exit status: ${status}\n--- stdout:\n${out}\n--- stderr:\n${err}")
if(NOT status STREQUAL "${EXPECT_EXIT}")
  message(FATAL_ERROR "expected exit status ${EXPECT_EXIT}\n${transcript}")
endif()
if(DEFINED EXPECT_STDOUT AND NOT out MATCHES "${EXPECT_STDOUT}")
  message(FATAL_ERROR "stdout does not match '${EXPECT_STDOUT}'\n${transcript}")
endif()
if(DEFINED EXPECT_STDERR AND NOT err MATCHES "${EXPECT_STDERR}")
  message(FATAL_ERROR "stderr does not match '${EXPECT_STDERR}'\n${transcript}")
endif()

# Compares two JSON objects; GET gives scalars unquoted, so only objects are recursed into
# and every other member is compared by its type and text.
function(expect_json expected actual where exact_keys)
  string(JSON expected_count LENGTH "${expected}")
  string(JSON actual_count LENGTH "${actual}")
  if(exact_keys AND NOT expected_count EQUAL actual_count)
    message(FATAL_ERROR "${where}: expected ${expected}, got ${actual}")
  endif()
  if(expected_count EQUAL 0)
    return()
  endif()
  math(EXPR last "${expected_count} - 1")
  foreach(index RANGE ${last})
    string(JSON key MEMBER "${expected}" ${index})
    string(JSON actual_type ERROR_VARIABLE missing TYPE "${actual}" "${key}")
    if(missing)
      message(FATAL_ERROR "${where}: missing key '${key}' in ${actual}")
    endif()
    string(JSON expected_type TYPE "${expected}" "${key}")
    string(JSON expected_value GET "${expected}" "${key}")
    string(JSON actual_value GET "${actual}" "${key}")
    if(NOT expected_type STREQUAL actual_type)
      message(FATAL_ERROR "${where}.${key}: expected ${expected_value}, got ${actual_value}")
    elseif(expected_type STREQUAL "OBJECT")
      expect_json("${expected_value}" "${actual_value}" "${where}.${key}" TRUE)
    elseif(NOT expected_value STREQUAL actual_value)
      message(FATAL_ERROR "${where}.${key}: expected ${expected_value}, got ${actual_value}")
    endif()
  endforeach()
endfunction()

if(DEFINED EXPECT_JSON)
  file(READ "${EXPECT_JSON}" expected)
  string(JSON output_type ERROR_VARIABLE not_json TYPE "${out}")
  if(not_json OR NOT output_type STREQUAL "OBJECT")
    message(FATAL_ERROR "stdout is not a JSON object\n${transcript}")
  endif()
  expect_json("${expected}" "${out}" "$" FALSE)
endif()
