// Debug: stack tracebacks and the message-handler hook used by xpcall and
// protected calls with a handler.
#pragma once

#include <string>

#include "runtime/State.hpp"

namespace tycho {

// Appends "stack traceback:" and one line per frame of L1, starting `level`
// frames up from the running one (0 = the running frame).
std::string traceback(lua_State* L1, int level);
// Installs the hook that calls L->errorHandler when a runtime error is raised.
void installErrorHandlerHook(GlobalState* g);

}  // namespace tycho
