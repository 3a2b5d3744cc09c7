#include <gtest/gtest.h>

#include <string>

#include "cadreplan/cadreplan.hpp"

TEST(Version, LibraryAndHeaderAgree) {
  EXPECT_EQ(cadreplan::version(), CADREPLAN_VERSION_STRING);
  const std::string expected = std::to_string(CADREPLAN_VERSION_MAJOR) + "." +
                               std::to_string(CADREPLAN_VERSION_MINOR) + "." +
                               std::to_string(CADREPLAN_VERSION_PATCH);
  EXPECT_EQ(cadreplan::version(), expected);
}
