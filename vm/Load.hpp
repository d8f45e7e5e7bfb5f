// Load: turning source text into a callable main closure (the core of `load`,
// `loadfile`, `dofile`, the command line and lua_load).
#pragma once

#include <string_view>

#include "runtime/State.hpp"

namespace tycho {

// Compiles `source` and pushes its main closure (with _ENV set to the global
// table) and returns kOk; or pushes the error message and returns kErrSyntax
// (or kErrMem).
int loadSource(lua_State* L, std::string_view source, std::string_view chunkname);

}  // namespace tycho
