#include "cadreplan/cadreplan.hpp"

namespace cadreplan {

std::string_view version() noexcept { return CADREPLAN_VERSION_STRING; }

}  // namespace cadreplan
