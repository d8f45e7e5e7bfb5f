// Debug: stack tracebacks, the names of running functions, and the
// message-handler hook used by xpcall and protected calls with a handler.
//
// Functions are named as lua5.4 names them: first by where package.loaded
// holds them ("function 'print'", "function 'string.format'"), else by how
// their caller's calling instruction reached them ("local 'f'", "method 'm'",
// "metamethod 'index'"; see VarInfo.hpp). Frames entered by a tail call have
// lost their caller and so have no name from code.
#pragma once

#include <string>

#include "runtime/State.hpp"
#include "vm/VarInfo.hpp"

namespace tycho {

// Appends "stack traceback:" and one line per frame of L1, starting `level`
// frames up from the running one (0 = the running frame), in the format of
// lua5.4's luaL_traceback (long stacks show their first 10 and last 11 levels).
std::string traceback(lua_State* L1, int level);
// luaL_traceback and debug.traceback: pushes on L's stack `msg` and a newline
// (when msg is not null), then traceback(L1, level).
void pushTraceback(lua_State* L, lua_State* L1, const char* msg, int level);
// Installs the hooks that call L->errorHandler when a runtime error is
// raised, and that unwind the thread before a panic (GlobalState).
void installErrorHandlerHook(GlobalState* g);

// The name under which package.loaded holds `fn`: "print" for a global
// function (found as "_G.print", the prefix dropped), "string.format" for a
// library function; "" when not found. Without a package library the global
// table is searched, as the only module. Allocates nothing.
std::string loadedFunctionName(lua_State* L, const Value& fn);
// How the caller of frame `ci` names the function that runs in ci
// (lua_getinfo's namewhat and name): unknown for frames entered by a tail
// call, called from native code, or the entry frame of a thread.
VarName calledName(const lua_State* L, const CallInfo* ci);
// The traceback's name of the function running in `ci`: "function 'print'",
// "local 'f'", "method 'm'", "for iterator 'for iterator'", ... or "" when
// nothing is known (a traceback then says "main chunk", "function <src:line>"
// or "?"). Argument errors prefer calledName and fall back to
// loadedFunctionName, as luaL_argerror does.
std::string functionName(lua_State* L, const CallInfo* ci);

}  // namespace tycho
