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

// luaL_argerror: "bad argument #i to 'name' (msg)", the function named as
// its caller called it, else by where package.loaded holds it, else `fname`
// (the C API passes "?", as Lua does); a method's object is not counted, and
// a bad object is "calling 'name' on bad self (msg)".
[[noreturn]] void argError(lua_State* L, int i, const char* fname, const char* msg);
// luaL_typeerror: argError with "<expected> expected, got <type>", where the
// type is argTypeName of argument i ("no value" when absent).
[[noreturn]] void argTypeError(lua_State* L, int i, const char* fname, const char* expected);
// As argTypeError, with the type of the argument given (`got`).
[[noreturn]] void argTypeError(lua_State* L, int i, const char* fname, const char* expected, const char* got);
// The name of a value's type in argument errors: the __name of its metatable
// when that is a string, "light userdata", or the name of its type.
const char* argTypeName(lua_State* L, const Value& v);

void checkAny(lua_State* L, int i, const char* fname);
Table* checkTable(lua_State* L, int i, const char* fname);
// The argument checks below take their commonest case inline (an argument
// of the type asked for) and the rest, conversions and errors, out of line.
Integer checkIntegerSlow(lua_State* L, int i, const char* fname);
Number checkNumberSlow(lua_State* L, int i, const char* fname);
String* checkStringSlow(lua_State* L, int i, const char* fname);
inline Integer checkInteger(lua_State* L, int i, const char* fname) {
  if (i <= argCount(L) && args(L)[i - 1].isInteger()) [[likely]] return args(L)[i - 1].u.i;
  return checkIntegerSlow(L, i, fname);
}
inline Integer optInteger(lua_State* L, int i, const char* fname, Integer def) {
  if (i > argCount(L)) return def;
  const Value& v = args(L)[i - 1];
  if (v.isInteger()) [[likely]] return v.u.i;
  return v.isNil() ? def : checkIntegerSlow(L, i, fname);
}
inline Number checkNumber(lua_State* L, int i, const char* fname) {
  if (i <= argCount(L) && args(L)[i - 1].isFloat()) [[likely]] return args(L)[i - 1].u.n;
  return checkNumberSlow(L, i, fname);
}
// A string argument (numbers are converted in place, as luaL_checklstring does).
inline String* checkString(lua_State* L, int i, const char* fname) {
  if (i <= argCount(L) && args(L)[i - 1].isString()) [[likely]] return args(L)[i - 1].asString();
  return checkStringSlow(L, i, fname);
}
String* optString(lua_State* L, int i, const char* fname, String* def);

inline void push(lua_State* L, const Value& v) { *L->top++ = v; }
inline void pushString(lua_State* L, std::string_view s) {
  String* str = newString(L, s);
  *L->top++ = Value::string(str);
}

// Results of C calls, with lua5.4's conventions (io and os, and
// luaL_fileresult): true on success; otherwise nil, "name: strerror" (or just
// strerror without a name; "(no extra info)" for an errno of 0), errno.
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

// luaL_getsubtable: pushes t[name] when it is a table; otherwise stores a
// new table there and pushes it. True when the table was there. Indexing
// and assignment respect metamethods; `t` must be rooted by the caller.
bool getSubtable(lua_State* L, Value t, const char* name);

// The library openers, the luaopen_* functions of the C API (§6): native
// functions that make their library, push its table and return 1. They set
// no global: requireModule does that. openBase fills the global table and
// pushes it; openString also sets the strings' metatable, openIo registers
// the file handles' metatable, and openPackage sets the global `require` and
// uses the registry's _LOADED and _PRELOAD tables as package.loaded and
// package.preload (making them when missing).
int openBase(lua_State* L);
int openCoroutine(lua_State* L);
int openString(lua_State* L);
int openTable(lua_State* L);
int openMath(lua_State* L);
int openUtf8(lua_State* L);
int openOs(lua_State* L);
int openIo(lua_State* L);
int openDebug(lua_State* L);
int openPackage(lua_State* L);
// luaL_requiref: unless package.loaded[name] (the registry's _LOADED table,
// made when missing) is true, calls `open` with `name` as its argument and
// stores its result there; with `global`, also sets the global `name`.
// Leaves the module on the stack.
void requireModule(lua_State* L, const char* name, NativeFunction open, bool global);
// luaL_openlibs: every library of the standard set, each through
// requireModule as a global.
void openAll(lua_State* L);

}  // namespace tycho::lib
