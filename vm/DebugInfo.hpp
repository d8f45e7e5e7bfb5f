// DebugInfo: what the debug interface (manual §4.7) tells about functions and
// the frames of a thread's stack, for the debug library (§6.10).
//
// Levels count CallInfo records from a thread's running frame (level 0)
// down to the frame above its entry record; a frame entered by a tail call
// is one level (its caller is gone). Local variables of a frame are numbered
// as lua_getlocal numbers them: the named locals active at the frame's
// current instruction in declaration order (their slots come from the
// prototype's debug information), then temporaries, the frame's other live
// slots, counted from the frame base as if every slot below were a local
// (index n is slot n - 1, "(temporary)" for Lua frames and "(C temporary)"
// for native ones); negative indices are the extra arguments of a vararg
// function ("(vararg)", -1 the first).
#pragma once

#include <string>
#include <vector>

#include "runtime/State.hpp"
#include "vm/VarInfo.hpp"

namespace tycho {

// The frame at `level` (lua_getstack), or null when there is none.
CallInfo* frameAtLevel(lua_State* L, int level);

// lua_Debug's fields, by option letter of lua_getinfo.
struct FunctionInfo {
  // 'S'
  std::string source;
  std::string shortSrc;
  int lineDefined = -1;
  int lastLineDefined = -1;
  const char* what = "C";
  // 'l'
  int currentLine = -1;
  // 'u'
  int nups = 0;
  int nparams = 0;
  bool isVararg = true;
  // 'n': how the caller named the function (kind = namewhat; unknown: none)
  VarName name;
  // 't'
  bool isTailCall = false;
  // 'r': the values a call or return event transfers (outside such a hook, 0)
  int ftransfer = 0;
  int ntransfer = 0;
};

// Describes function `fn` ('S' and 'u' fields; the others as for no frame).
FunctionInfo describeFunction(const Value& fn);
// Describes the function running in frame `ci` of thread L1, every field.
FunctionInfo describeFrame(lua_State* L1, const CallInfo* ci);
// The lines of Lua function `fn` that have code (getinfo 'L'), in code
// order, repeats included (none for a function stripped of its debug
// information); false for native functions.
bool activeLines(const Value& fn, std::vector<int>* lines);

// Local variable `n` of frame `ci` of thread L1 (lua_getlocal): its name and
// its slot, or null when there is no such variable.
const char* findLocal(lua_State* L1, const CallInfo* ci, int n, StkId* slot);
// The name of parameter `n` of function `fn` (lua_getlocal on a function):
// null for native functions and for indices past the parameters.
const char* parameterName(const Value& fn, int n);

// Upvalue `n` (1-based) of function `fn` (lua_getupvalue): its name ("" for
// native closures, "(no name)" when the debug information has none), where
// its value lives, and the object that holds that value (for write
// barriers); null when there is no such upvalue.
const char* upvalueOf(const Value& fn, int n, Value** slot, GCObject** holder);
// A unique identity of upvalue `n` of `fn` (lua_upvalueid): the UpVal of a
// Lua closure (shared by the closures that capture one variable), the slot
// of a native closure; null when there is no such upvalue.
void* upvalueIdentity(const Value& fn, int n);

}  // namespace tycho
