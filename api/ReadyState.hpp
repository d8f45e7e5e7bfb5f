// ReadyState: the one way to make a Lua state that is ready for use — the
// message-handler hook wired, and the standard libraries opened when asked.
// The command line, the tests, lua_newstate and luaL_newstate all use it.
#pragma once

#include "runtime/State.hpp"

namespace tycho::api {

struct StateOptions {
  AllocFunction allocFn = nullptr;  // null: mimalloc
  void* allocUd = nullptr;
  bool privateHeap = false;         // newState's privateHeap (the unit tests' accounting checks)
  bool openLibraries = true;        // luaL_openlibs
  // The collector's mode: generational (the command line's, as lua's) or
  // incremental (lua_newstate's and luaL_newstate's, as Lua's: a host
  // switches with lua_gc(L, LUA_GCGEN, 0, 0)).
  bool generational = true;
};

// A new state, or null when out of memory.
lua_State* newReadyState(const StateOptions& options = {});

}  // namespace tycho::api
