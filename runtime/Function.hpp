// Function: prototypes, closures and upvalues.
//
// A Lua closure shares its prototype and captures upvalues. An upvalue is open
// while the captured variable is alive on the stack (all closures that capture
// the same variable share one UpVal, found through the thread's list of open
// upvalues, kept by decreasing stack level), and closed when the variable's
// scope ends: the value moves into the UpVal itself.
#pragma once

#include "runtime/Object.hpp"

struct lua_State;

namespace tycho {

Proto* newProto(lua_State* L);
// Gives `p` its feedback array, one zeroed entry per instruction (after its
// code is set).
void allocFeedback(lua_State* L, Proto* p);
// Sets what a call and a return of `p` read instead of working it out each
// time (its header and code set): frameSize, and returnWork from
// `closes` (the code makes a closure, a to-be-closed variable or a generic
// for's closing value; see compiler/Opcodes.hpp codeMayClose).
void setFrameFacts(Proto* p, bool closes);
LuaClosure* newLuaClosure(lua_State* L, int numUpvalues);
NativeClosure* newNativeClosure(lua_State* L, NativeFunction fn, int numUpvalues);
// A full userdata with `size` bytes of memory (16-byte aligned, zeroed unless
// `zeroed` is false) and `numUserValues` user values (nil). Its metatable is
// set by the caller.
Userdata* newUserdata(lua_State* L, size_t size, int numUserValues, bool zeroed = true);

// The open upvalue for stack slot `level`, created when missing.
UpVal* findUpvalue(lua_State* L, StkId level);
// Closes every open upvalue at or above `level`.
void closeUpvalues(lua_State* L, StkId level);

}  // namespace tycho
