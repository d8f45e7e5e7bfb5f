// Lib: helpers shared by the native functions of the standard library.
//
// Library functions use the internal calling convention (DESIGN.md decision
// 9): a function receives its arguments at L->ci->func + 1 .. L->top - 1,
// pushes its results and returns how many. These helpers read and check
// arguments with Lua's messages ("bad argument #1 to 'insert' (table
// expected, got nil)") and push results, working on Values directly rather
// than through the C API.
#pragma once

#include <string_view>

#include "runtime/Error.hpp"
#include "runtime/State.hpp"
#include "runtime/String.hpp"
#include "runtime/Table.hpp"
#include "vm/Vm.hpp"

namespace tycho::lib {

inline StkId args(lua_State* L) { return L->ci->func + 1; }
inline int argCount(lua_State* L) { return int(L->top - args(L)); }
// Argument i (1-based); a nil value when absent.
inline Value arg(lua_State* L, int i) { return i <= argCount(L) ? args(L)[i - 1] : Value::nil(); }
inline bool isNone(lua_State* L, int i) { return i > argCount(L); }
inline bool isNoneOrNil(lua_State* L, int i) { return i > argCount(L) || args(L)[i - 1].isNil(); }

[[noreturn]] void argError(lua_State* L, int i, const char* fname, const char* msg);
[[noreturn]] void argTypeError(lua_State* L, int i, const char* fname, const char* expected);

void checkAny(lua_State* L, int i, const char* fname);
Table* checkTable(lua_State* L, int i, const char* fname);
Integer checkInteger(lua_State* L, int i, const char* fname);
Integer optInteger(lua_State* L, int i, const char* fname, Integer def);
Number checkNumber(lua_State* L, int i, const char* fname);
// A string argument (numbers are converted in place, as luaL_checklstring does).
String* checkString(lua_State* L, int i, const char* fname);
String* optString(lua_State* L, int i, const char* fname, String* def);

inline void push(lua_State* L, const Value& v) { *L->top++ = v; }
inline void pushString(lua_State* L, std::string_view s) {
  String* str = newString(L, s);
  *L->top++ = Value::string(str);
}

// Results of C calls, with lua5.4's conventions (io and os):
// true on success; otherwise nil, "name: strerror" (or just strerror without
// a name), errno.
int fileResult(lua_State* L, bool ok, const char* name);
// The status of a finished child process (system, pclose): true|nil,
// "exit"|"signal", code.
int execResult(lua_State* L, int status);

// tostring(v) as the base library does it (with __tostring and __name);
// pushes the result string.
String* toStringMeta(lua_State* L, Value v);

// The collector's controls, numbered as lua.h's LUA_GC* options, with
// lua_gc's arguments and result (-1: refused, inside a finalizer); shared by
// collectgarbage and lua_gc.
enum GcOption : int {
  kGcStop = 0, kGcRestart = 1, kGcCollect = 2, kGcCount = 3, kGcCountB = 4, kGcStep = 5,
  kGcSetPause = 6, kGcSetStepMul = 7, kGcIsRunning = 9, kGcGen = 10, kGcInc = 11,
};
int gcControl(lua_State* L, int op, int a, int b, int c);

// The native hook of threads whose hook was set from Lua (debug.sethook).
void luaHook(lua_State* L, int event, int line);

// Registers a native function as field `name` of table `t`.
void setFunction(lua_State* L, Table* t, const char* name, NativeFunction f);

void openBase(lua_State* L);
void openCoroutine(lua_State* L);
void openString(lua_State* L);
void openTable(lua_State* L);
void openMath(lua_State* L);
void openUtf8(lua_State* L);
void openOs(lua_State* L);
void openIo(lua_State* L);
void openDebug(lua_State* L);
// Last: registers the libraries opened before it in package.loaded.
void openPackage(lua_State* L);
// Every library of the standard set that exists so far.
void openAll(lua_State* L);

}  // namespace tycho::lib
