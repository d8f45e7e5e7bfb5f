// Error: raising Lua errors from native code.
//
// A Lua error is a C++ exception (LuaException) that carries only a status;
// the error object itself is the value at L->top - 1 when it is thrown. The
// exception unwinds to the nearest protected call (pcall, lua_pcall, resume),
// which restores the frame list and moves the error object into place. C++
// exceptions cross C frames compiled with unwind tables (the default on
// x86-64 and aarch64 Linux), so C modules built against the Lua headers
// propagate errors without knowing about them (DESIGN.md decision 7).
#pragma once

#include <cstdarg>
#include <string>
#include <string_view>

#include "runtime/Object.hpp"

struct lua_State;

namespace tycho {

struct GlobalState;

// Status codes (lua.h LUA_OK ... LUA_ERRERR, and lauxlib.h's LUA_ERRFILE:
// a chunk file that cannot be opened or read).
enum Status : int { kOk = 0, kYield = 1, kErrRun = 2, kErrSyntax = 3, kErrMem = 4, kErrErr = 5, kErrFile = 6 };

struct LuaException {
  int status;
};

// Throws with the error object already at L->top - 1. With no CatchScope
// active, unwinds L to its base level (GlobalState::unwindForPanic), calls
// the state's panic function (lua_atpanic) and aborts, as Lua does for an
// error outside any protected call (§4.4).
[[noreturn]] void throwError(lua_State* L, int status = kErrRun);

// Held by code that catches Lua errors and turns them into a status
// (protected calls, resume, load): while none is active, an error has
// nowhere to go.
struct CatchScope {
  GlobalState* g;
  explicit CatchScope(lua_State* L);
  ~CatchScope();
  CatchScope(const CatchScope&) = delete;
  CatchScope& operator=(const CatchScope&) = delete;
};

// Called in a `catch (...)` block: the status of the exception being handled,
// with its error object on top of L. A Lua error keeps its status and object;
// a memory exhaustion (std::bad_alloc) becomes a memory error; any other C++
// exception (from C++ code called through the C API) a runtime error whose
// message says what it was. A yield is rethrown when `passYields`, and so is
// the forced unwinding of a cancelled thread, always.
int caughtStatus(lua_State* L, bool passYields);
// Pushes the "not enough memory" message.
void pushMemoryMessage(lua_State* L);
// Pushes a formatted message (printf-like: %s %d %I (Integer) %f (Number)
// %p %c %U (UTF-8 of a code point) %%) and returns it.
String* pushFormat(lua_State* L, const char* fmt, ...);
String* pushVFormat(lua_State* L, const char* fmt, va_list args);
// Raises a runtime error with the message prefixed by "chunk:line:" when the
// running function is a Lua function (luaG_runerror).
[[noreturn]] void runError(lua_State* L, const char* fmt, ...);
// Raises an error from a library function (luaL_error): the message gets the
// position of the Lua code that called the function, if any (wherePrefix).
[[noreturn]] void libError(lua_State* L, const char* fmt, ...);
// Raises "not enough memory".
[[noreturn]] void memoryError(lua_State* L);

// Emits one piece of a warning (§6.1 warn): printed to stderr as
// "Lua warning: " + pieces + "\n" while warnings are on; `more` says that
// further pieces follow. Control messages ("@on", "@off") switch them.
void warning(GlobalState* g, std::string_view piece, bool more);

struct CallInfo;
// Replaces the string at the top of the stack with "chunk:line: " + it, where
// the position is the current line of the Lua frame `ci` (luaG_runerror: a
// function without line information gives "?:-1: ").
void addPosition(lua_State* L, const CallInfo* ci);
// The prefix that luaL_where gives frame `ci`: "chunk:line: " for a Lua frame
// that has line information; "" for no frame (null), a native frame or a
// function stripped of its debug information. Used by luaL_where, luaL_error
// (libError), error, assert and coroutine.wrap.
std::string wherePrefix(const CallInfo* ci);
// Replaces the string at the top of the stack with wherePrefix(ci) + it.
void addWhere(lua_State* L, const CallInfo* ci);
// The line being run by a Lua frame, or -1.
int currentLine(const CallInfo* ci);

}  // namespace tycho
