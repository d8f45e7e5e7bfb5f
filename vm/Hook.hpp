// Hook: debug hooks (manual §4.7 lua_sethook, §6.10 debug.sethook).
//
// A thread's hook is a native function (L->hook) called for the events in
// L->hookMask: calls, returns, new lines, and every L->baseHookCount
// instructions. The interpreter pays for hooks only while one is set: it
// dispatches through a second table whose every entry leads to one trap
// (traceInstruction) before the instruction's own handler; it chooses the
// table when it is entered and where it reloads its registers after other
// code ran (Interpreter.cpp rule 4). Calls and returns of native functions
// are reported by precall, which checks the mask.
//
// The rules follow lua5.4:
//   - a Lua function's call event comes just before its first instruction
//     runs (after the vararg setup of a vararg function), "tail call" when
//     it was entered by a tail call; its return event just before it leaves,
//     after its to-be-closed variables are closed;
//   - a line event comes before an instruction whose line differs from the
//     line of the instruction traced last in the same function, before the
//     first instruction of a function, and after any backward jump (even to
//     the same line); returning into a Lua function counts as being at the
//     call instruction;
//   - while a hook runs, hooks are off for its thread (L->inHook);
//   - instructions that only adjust the operand stack (POP, SETTOP), which
//     lua5.4's register code has no counterpart for, are invisible: they
//     give no line or count event and are not active lines;
//   - instructions that Lua's code does not run where Tycho's does give no
//     line event: a JMP reached by a jump (Lua redirects jumps that land on a
//     JMP), TFORLOOP and a TFORCALL right after TFORPREP (Lua's generic for
//     runs them within one instruction). Count events count Tycho's own
//     instructions.
#pragma once

#include "compiler/Opcodes.hpp"
#include "runtime/State.hpp"

namespace tycho {

// Event codes (lua.h LUA_HOOK*) and mask bits (LUA_MASK*).
enum HookEvent : int { kHookCall = 0, kHookReturn = 1, kHookLine = 2, kHookCount = 3, kHookTailCall = 4 };
enum HookMask : uint8_t { kMaskCall = 1, kMaskReturn = 2, kMaskLine = 4, kMaskCount = 8 };
constexpr int kMaskAll = kMaskCall | kMaskReturn | kMaskLine | kMaskCount;

// Sets L's hook (lua_sethook): a null function or an empty mask turns hooks off.
void setHook(lua_State* L, HookFunction f, int mask, int count);

// Calls L->hook for `event` unless a hook is already running. The hook runs
// above L->top; `ftransfer`/`ntransfer` describe the values a call or return
// event transfers (getinfo 'r'). Runs Lua code: may move the stack.
void runHook(lua_State* L, int event, int line, int ftransfer = 0, int ntransfer = 0);

// The call event of the native frame L->ci, whose arguments are above its
// function slot up to L->top.
void hookNativeCall(lua_State* L);
// The return event of frame `ci` (native, or Lua leaving by a tail call of a
// native function), whose `n` results are just below L->top.
void hookReturn(lua_State* L, CallInfo* ci, int n);

// Instructions that hooks do not see (see above).
bool isStackBookkeeping(Instruction i);

// The interpreter's trap, run before each instruction of L->ci (a Lua frame
// whose savedPc is just past the instruction and L->top is its operand-stack
// top) while hooks are set: call, count, line and return events.
void traceInstruction(lua_State* L);

}  // namespace tycho
