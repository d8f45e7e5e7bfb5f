// Verify: proves that a prototype's bytecode is safe to run, so that a loaded
// binary chunk, however it was made, gives an error and never a crash
// (DESIGN.md decision 8).
//
// The interpreter trusts its code: it indexes constants, upvalues, frame
// slots and nested prototypes without checks, jumps without checks and keeps
// the operand stack in the frame that maxStack sizes. Code from the compiler
// keeps those promises by construction; the verifier checks them for code
// from anywhere else by abstract interpretation of every reachable path:
//
//  - every opcode is one of the table's; operands that name constants,
//    upvalues and nested prototypes are in range; jumps land inside the code
//    on an instruction (never on SETLIST's EXTRAARG word); no path falls off
//    the end of the code;
//  - the operand-stack depth before each instruction is the same on every
//    path that reaches it (paths joining at a goto label may differ until the
//    label's SETTOP), never negative and never above maxStack; slot operands
//    name live slots (below the depth); a dynamic number of values (an open
//    call or `...`) is taken up at once by CALL, TAILCALL, RETURN or SETLIST;
//  - the invariants the interpreter relies on beyond bounds: SETLIST and
//    SETKEYAT find the table NEWTABLE made in their slot; FORLOOP finds the
//    state FORPREP prepared (it updates numbers in place); to-be-closed
//    variables are marked in increasing slot order, and to-be-closed and
//    captured slots leave the stack only through CLOSE or a return (the
//    collector and the closing code read them); VARARGPREP starts exactly the
//    vararg functions.
//
// It allocates nothing in the Lua heap and is linear in the code size (times
// a small constant bounded by the frame size) on any input.
#pragma once

#include <string>

#include "runtime/Object.hpp"

namespace tycho {

// Checks `p` and its nested functions. Returns "" when they are valid, else
// what is wrong and where ("function at line 3, pc 7 (GETLOCAL): ...").
std::string verifyFunction(const Proto* p);

}  // namespace tycho
