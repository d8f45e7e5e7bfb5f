// Coroutine: resuming and yielding threads (manual §2.6).
//
// A yield is a C++ exception (LuaException with kYield) thrown by
// coroutine.yield; it unwinds every C++ frame of the coroutine back to resume.
// The coroutine's Lua frames stay on its own stack and CallInfo list, so
// resuming continues them ("unrolling"):
//   - the yield call itself gets the resume arguments as its results;
//   - a Lua frame that was in the middle of an instruction whose slow path
//     called Lua code (a metamethod, a generic-for iterator) has that
//     instruction finished with the callee's result (finishInstruction), then
//     the interpreter continues it;
//   - a native frame marked CIST_YPCALL (pcall, xpcall) is finished by its
//     continuation.
// An error after a resume that a suspended pcall inside the coroutine would
// have caught is caught there ("recovery"). Yields are refused where a native
// C++ frame would be lost: L->nny counts such frames ("attempt to yield across
// a C-call boundary").
#pragma once

#include "runtime/State.hpp"

namespace tycho {

enum class CoStatus { Running, Suspended, Normal, Dead };

CoStatus coroutineStatus(lua_State* L, lua_State* co);

// Resumes `co` with the `nargs` values on top of co's stack (for a new
// coroutine, the function is below them). Returns kOk when the body
// finished, kYield when it yielded, or an error status; *nResults receives
// how many values (results, yielded values, or the error object) are on top
// of co's stack. Errors about the coroutine's state are returned, not raised.
int resumeCoroutine(lua_State* co, lua_State* from, int nargs, int* nResults);

// Yields the `nresults` values on top of L's stack to the resumer, for a
// native function to return: when nothing but the interpreter loop stands
// between the resume and this call, it returns kLightYield (the loop returns
// and resume sees L->status == kYield, no unwinding needed); otherwise it
// raises the yield exception. Raises an error when L cannot yield.
int yieldCoroutine(lua_State* L, int nresults);

// lua_yieldk from a line or count hook (§4.6): marks L as yielding, with no
// values, for the hook to return; the interpreter then suspends the Lua
// function before the instruction it was about to run, and runs it when the
// coroutine resumes. Raises an error when L cannot yield.
void yieldFromHook(lua_State* L);

// Closes a suspended or dead coroutine: runs its pending __close methods and
// leaves it dead. Returns kOk, or an error status with the error object on
// top of co's stack.
int closeCoroutine(lua_State* co, lua_State* from);

// GlobalState::unwindForPanic: L's frames are gone, its pending __close
// methods run with the error object on top; the error object (or the one a
// closing method raised instead) is left alone on L's stack.
int unwindForPanic(lua_State* L, int status);

}  // namespace tycho
