// VarInfo: names for the values in runtime error messages ("attempt to index
// a nil value (field 'x')") and for called functions ("in local 'f'"),
// recovered from the bytecode of the running function as lua5.4 reports them.
//
// Most operands of a stack VM live on the operand stack, so the naming starts
// from the stack depth before every instruction (the shared bytecode
// analysis, compiler/Analysis.hpp). With the depths known, every
// instruction writes a known range of slots, and the value in a slot at some
// pc was put there by the last instruction before pc that wrote that slot —
// unless an earlier jump may have skipped that writer, in which case the value
// can come from another path and has no name (the rule lua5.4 applies to its
// registers). The writer then names the value: GETLOCAL a local, GETUPVAL an
// upvalue, GETTABUP/GETFIELD a global or a field, SELF a method, K a string
// constant; results of calls and operators have no name.
//
// Errors are rare: nothing is cached, the analysis runs once per message and
// the interpreter's fast paths do no work for it.
#pragma once

#include <string>

#include "runtime/Object.hpp"
#include "runtime/State.hpp"

namespace tycho {

// Which value of the running instruction an error is about: the first is the
// indexed object of an index operation, the only operand of a unary operator
// and the left operand of a binary one; the second is the right operand.
enum Operand : int { kFirstOperand = 0, kSecondOperand = 1 };

// What a value is called in the source. `kind` is "local", "global",
// "field", "upvalue", "method", "constant", "for iterator" or "metamethod"
// (lua_getinfo's namewhat); an empty kind means that no name is known.
struct VarName {
  std::string kind;
  std::string name;
  bool known() const { return !kind.empty(); }
  // " (kind 'name')", the form error messages append, or "" when unknown.
  // As in Lua, whose names are C strings, a name ends at its first NUL
  // (a constant "a\0b" is 'a'); the message goes on after it.
  std::string suffix() const {
    return known() ? " (" + kind + " '" + name.substr(0, name.find('\0')) + "')" : std::string();
  }
};

// --- analyses of a prototype (pc = index of an instruction in p->code) ---

// The name of the value in frame slot `slot` just before instruction pc runs.
VarName slotName(const Proto* p, int pc, int slot);
// The name of an operand of instruction pc (see Operand).
VarName operandName(const Proto* p, int pc, Operand operand);
// The name of the function that instruction pc calls: the function slot of
// CALL and TAILCALL, "for iterator" for TFORCALL, and the metamethod that an
// operator or index instruction calls ("metamethod 'index'").
VarName calleeName(const Proto* p, int pc);

// --- the running frame ---

// The instruction a Lua frame is running (its savedPc points past it), or -1.
int currentPc(const CallInfo* ci);
// How the frame `caller` names the function it is calling: a Lua frame by its
// current instruction (calleeName); a frame whose debug hook is running
// (CIST_HOOKED) calls the hook, "hook '?'"; a frame marked CIST_FIN (as
// lua5.4 marks the frame that was running when the collector called
// finalizers) calls "metamethod '__gc'"; native frames give no name.
VarName callerName(const CallInfo* caller);
// The suffixes of messages raised by the instruction L->ci is running ("" when
// L->ci is not a Lua frame or nothing is known): an operand, the value at a
// stack slot of the frame, the called function.
std::string operandInfo(lua_State* L, Operand operand);
std::string stackValueInfo(lua_State* L, const Value* v);
std::string calleeInfo(lua_State* L);

}  // namespace tycho
