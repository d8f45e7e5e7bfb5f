// JitHooks: where the interpreter meets a compiling tier (DESIGN.md
// decisions 6 and 12), and how errors and yields cross compiled frames.
//
// The interpreter is complete on its own. A compiling tier plugs in through
// the callback table below, set in GlobalState::jit (null: no tier, the
// `--jit=off` world). The interpreter gives it three things:
//
//   1. Hotness. Each prototype counts down its calls (Proto::callHotness, at
//      function entry) and the iterations of its loops (Proto::loopHotness,
//      at every backward branch of an opcode the table flags
//      kPollsOnBackJump: FORLOOP, TFORLOOP, a backward JMP, JMPF or JMPT; the
//      same places that poll for requested work; an integer FORLOOP counts,
//      and polls, in batches of 64, at the iterations whose remaining count
//      is a multiple of 64). When a count reaches zero or less
//      the interpreter calls hotFunction, or hotLoop with the backward branch
//      that tripped it: the loop that runs most is the one whose branch
//      trips, so one counter per prototype finds the loop to enter. Without a
//      tier the counters are simply rearmed.
//   2. Type feedback (Proto::feedback, one 8-byte entry per instruction,
//      runtime/Object.hpp; which instructions write theirs, and what it
//      holds, the opcode table says: feedbackKind()): the hash node where a
//      field instruction found its constant key last, with the size of the
//      hash part it was in (also the interpreter's own inline cache), the
//      prototype a CALL called last, and for
//      arithmetic and comparisons the kinds of operands that left the
//      integer fast path (floats; strings, metamethods and errors). The
//      interpreter writes it on paths it takes anyway; integers are what no
//      bit means.
//   3. Slow paths with stable signatures (vm/Vm.hpp: getTableMeta,
//      setTableMeta, arithMeta, the comparisons, precall, closeFrom ...): the
//      interpreter's own, which compiled code calls as they are, with the
//      same rules (rule 1 and 2 of Interpreter.cpp: ci->savedPc and L->top
//      stored before a call that may raise, call Lua code or allocate; the
//      frame's base reloaded after it, as the stack may have moved). A
//      Value parameter of theirs is, by the C++ ABI (a Value's copy
//      constructor is written out: runtime/Value.hpp), the address of a
//      16-byte copy made by the caller, which the callee may overwrite:
//      machine code passes the address of a scratch copy, never of a live
//      stack slot.
//
// Decision 12: errors and yields through compiled frames.
//
// A Lua error is a C++ exception (runtime/Error.hpp), and a yield that cannot
// be light is one too (vm/Coroutine.hpp); both unwind C++ frames to the
// protected call or resume that catches them, crossing frames of C modules
// compiled with unwind tables. Compiled code takes part in the same
// unwinding rather than inventing a second mechanism:
//
//   - Every entry into machine code goes through one gateway function (an
//     rbp frame that saves the callee-saved registers the generated code
//     uses, loads L, base and the constants into fixed registers, and jumps
//     to the code's entry). Generated code has no prologues of its own and
//     runs in the gateway's frame, so one unwind description covers it all.
//   - The tier allocates executable memory in chunks of its own (1–16 MB,
//     never writable and executable at once) and registers, once per chunk,
//     DWARF call-frame information (a CIE without personality and one FDE
//     spanning the chunk, its rules those of the gateway's frame) with the
//     C++ runtime (__register_frame), deregistering it before the chunk is
//     unmapped. Per-function registration is avoided: libgcc keeps registered
//     objects on a list searched on every throw in the process.
//   - Slow paths are called from machine code like any C++ function: an
//     error or yield they raise unwinds through the gateway's frame (the CFI
//     says how) to the catching protected call, exactly as from the
//     interpreter. Nothing reached from machine code may be noexcept.
//   - Because machine code shares the interpreter's frames and stores
//     ci->savedPc before every call that may raise, the error position,
//     the traceback and debug.getlocal see the same state as with the
//     interpreter; nothing needs restoring on the way out.
//   - Status returns are kept for exits that are not errors: a failed guard
//     (deoptimisation: write back, set savedPc, return "continue
//     interpreting"), a light yield (kLightYield), and a hook that must see
//     the next instruction. The gateway returns such a status and the
//     interpreter resumes the frame at ci->savedPc.
//
// Tests under ASan (whose unwinder walks frames with the same information)
// check a throw across the gateway with sentinels in the callee-saved
// registers, an error three compiled frames deep caught by a compiled pcall,
// and a C module's error and a bad_alloc through compiled frames.
#pragma once

#include <cstdint>

#include "compiler/Opcodes.hpp"
#include "runtime/Object.hpp"

struct lua_State;

namespace tycho {

struct CallInfo;
struct GlobalState;
struct Proto;

// The counters start at kCallsToHot and kBackEdgesToHot (runtime/Object.hpp);
// a tier may rearm them with other values (1: compile everything at once).

struct JitHooks {
  // `p`'s call counter reached zero at the entry of a call to it (frame
  // `ci`, not yet run). Rearms p->callHotness.
  void (*hotFunction)(lua_State* L, CallInfo* ci, Proto* p);
  // The loop counter of the function of frame `ci` reached zero at the
  // backward branch `branch`, with ci->savedPc and L->top saved. Rearms the
  // counter. Returns true when the tier ran the frame on (L->ci and the
  // frame's state may have changed: the interpreter reloads everything).
  bool (*hotLoop)(lua_State* L, CallInfo* ci, const Instruction* branch);
};
// The collector tells the tier that a prototype is about to be freed through
// GlobalState::protoFreed (the collector does not know this layer).

// The interpreter's side: called when a counter of a prototype of the
// running frame reaches zero (out of line, vm/Call.cpp).
void hotFunction(lua_State* L, CallInfo* ci, Proto* p);
bool hotLoop(lua_State* L, CallInfo* ci, const Instruction* branch);

}  // namespace tycho
