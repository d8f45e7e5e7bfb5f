// Coroutine: resume, yield, unrolling and recovery (see Coroutine.hpp).
#include "vm/Coroutine.hpp"
#include "runtime/Messages.hpp"

#include <new>

#include "compiler/Opcodes.hpp"
#include "runtime/Error.hpp"
#include "runtime/Function.hpp"
#include "runtime/Object.hpp"
#include "runtime/String.hpp"
#include "vm/Hook.hpp"
#include "vm/Vm.hpp"

namespace tycho {

namespace {

bool isTruthy(const Value& v) { return v.isTruthy(); }

// Finishes the instruction of Lua frame `ci` that was interrupted by a yield
// inside Lua code its slow path called. Only instructions that may call code
// (kCallsCode in the opcode table) can be interrupted; what is left of them
// depends on what they called, which the table's event says:
//   - a function (TM_CALL: CALL, TAILCALL, TFORCALL): its results are in
//     place already;
//   - a __close method (CLOSE and the returns): the instruction runs again,
//     to close the variables that remain (the closed one has left the list);
//   - a __concat method: its result is stored as concatMeta does, and
//     whatever is left is concatenated;
//   - any other metamethod: the instruction's stack effect (the table's pops
//     and pushes) is completed. The slow paths call the metamethod at the
//     operand-stack top `sp0` they were given (L->top = sp0, the stack
//     operands still below it): its one result lands at sp0 (L->top = sp0 +
//     1), a __newindex call leaves nothing (L->top = sp0), and the comparison
//     slow paths reserve one slot first (the result lands at sp0 + 1). As the
//     interpreter does after a slow path returns normally, the stack operands
//     are popped and the result pushed where the first of them was, and the
//     _SET and _J flavours of arithmetic and comparisons complete the
//     SETLOCAL or JMPF after them (completesNext).
void finishInstruction(lua_State* L, CallInfo* ci) {
  StkId base = ci->func + 1;
  Instruction i = ci->savedPc[-1];
  Opcode op = opcodeOf(i);
  const OpInfo& info = kOpInfo[op];
  if (!hasFlag(op, kCallsCode)) return;
  switch (info.event) {
    case TM_CALL: return;
    case TM_CLOSE: ci->savedPc--; return;
    case TM_CONCAT: {
      StkId t = L->top - 1;
      t[-2] = t[0];
      L->top = t - 1;
      int remaining = int(L->top - (base + argA(i)));
      if (remaining > 1) concatMeta(L, remaining);
      return;
    }
    default: break;
  }
  if (op == OP_SELF) {
    StkId sp0 = L->top - 1;  // the interpreter had already pushed the object copy
    sp0[-2] = sp0[0];
    L->top = sp0;
    return;
  }
  bool fused = completesNext(op);  // the verifier saw its SETLOCAL or JMPF at savedPc
  if (isComparisonOp(op)) {
    StkId dst = L->top - 2 - info.pops;
    bool r = isTruthy(L->top[-1]);
    if (plainBinaryOp(pushingFlavour(op)) == OP_NE) r = !r;
    if (fused) {
      Instruction jump = *ci->savedPc++;
      if (!r) ci->savedPc += argSAx(jump);
      L->top = dst;
    } else {
      dst->setBoolean(r);
      L->top = dst + 1;
    }
    return;
  }
  if (info.pushes == 0) {  // a store: __newindex returns nothing
    L->top -= info.pops;
    return;
  }
  // One result, at sp0.
  StkId sp0 = L->top - 1;
  StkId dst = sp0 - info.pops;
  Value result = *sp0;
  if (fused) {  // an arithmetic result stored into a local
    base[argAx(*ci->savedPc)] = result;
    ci->savedPc++;
    L->top = dst;
  } else {
    *dst = result;
    L->top = dst + 1;
  }
}

// The cases above cover every instruction a yield can interrupt: any other
// that calls code has a fixed stack effect of at most one result, or is SELF.
constexpr bool finishesEveryInterruptible() {
  for (int op = 0; op < kNumOpcodes; op++) {
    const OpInfo& info = kOpInfo[op];
    if (!(info.flags & kCallsCode) || op == OP_SELF) continue;
    if (info.event == TM_CALL || info.event == TM_CLOSE || info.event == TM_CONCAT) continue;
    if (!hasFixedEffect(Opcode(op)) || info.pushes > 1) return false;
  }
  return true;
}
static_assert(finishesEveryInterruptible(), "finishInstruction does not know how to finish an opcode that calls code");

// Continues a resumed coroutine until its body returns or it yields again.
void unroll(lua_State* L) {
  while (L->ci != &L->baseCi) {
    CallInfo* ci = L->ci;
    if (ci->isLua()) {
      finishInstruction(L, ci);
      execute(L, ci);
      if (L->status == kYield) return;  // a light yield
    } else {
      // A native frame that survives yields: pcall or xpcall (the only ones
      // a yield can cross, see L->nny).
      int n = ci->cont(L, kYield, ci->ctx);
      if (L->hookMask) [[unlikely]] hookReturn(L, ci, n);
      postcall(L, ci, n);
    }
  }
}

// The innermost suspended protected call of L, if any.
CallInfo* findProtectedCall(lua_State* L) {
  for (CallInfo* ci = L->ci; ci && ci != &L->baseCi; ci = ci->previous) {
    if (ci->status & CIST_YPCALL) return ci;
  }
  return nullptr;
}

// Catches an error raised after a resume in the innermost protected call that
// was suspended with the coroutine; false when there is none.
bool recover(lua_State* L, int status) {
  CallInfo* ci = findProtectedCall(L);
  if (!ci) return false;
  // ctx holds the stack offset of the protected function's slot.
  ptrdiff_t levelOff = ptrdiff_t(ci->ctx);
  Value err = L->top[-1];
  L->ci = ci;
  L->errorHandler = ci->savedHandler;
  StkId level = restoreStack(L, levelOff);
  closeUpvalues(L, level);
  if (L->tbcCount > 0 && L->stack + L->tbcSlots[L->tbcCount - 1] >= L->top) {
    L->top = L->stack + L->tbcSlots[L->tbcCount - 1] + 1;
    *L->top++ = err;
  }
  shrinkCallInfo(L);
  // The continuation closes the pending variables (which may yield) and
  // returns false and the error.
  ci->recoverStatus = status;
  int n = ci->cont(L, kYield, ci->ctx);
  postcall(L, ci, n);
  return true;
}

}  // namespace

CoStatus coroutineStatus(lua_State* L, lua_State* co) {
  if (L == co) return CoStatus::Running;
  if (co->status == kYield) return CoStatus::Suspended;
  if (co->status != kOk) return CoStatus::Dead;
  if (co->ci != &co->baseCi) return CoStatus::Normal;
  if (co->top == co->ci->func + 1) return CoStatus::Dead;  // no function left to run
  return CoStatus::Suspended;  // not started
}

int resumeCoroutine(lua_State* co, lua_State* from, int nargs, int* nResults) {
  // Refusals leave the coroutine as it was: the arguments are taken back
  // and the message pushed in their place.
  auto refuse = [&](const char* msg) {
    co->top -= nargs;
    ensureStack(co, 1);
    pushFormat(co, "%s", msg);
    *nResults = 1;
    return kErrRun;
  };
  if (co->status == kOk) {
    if (co->ci != &co->baseCi) return refuse(msg::kResumeNonSuspended);
    if (co->top - (co->ci->func + 1) == nargs) return refuse(msg::kResumeDead);
  } else if (co->status != kYield) {
    return refuse(msg::kResumeDead);
  }
  // A resume counts as one nested native call (the body's call below).
  if ((from ? from->nCcalls : 0) >= kMaxCCalls) return refuse(msg::kCStackOverflow);
  co->nCcalls = from ? from->nCcalls : 0;
  co->resumeCcalls = co->nCcalls;
  int status;
  CatchScope scope(co);
  try {
    if (co->status == kOk) {
      callYieldable(co, co->top - nargs - 1, kMultRet);
    } else {
      // Back from a yield: the yield call returns the resume arguments.
      co->status = kOk;
      CallInfo* ci = co->ci;
      if (ci->isLua()) {
        // A line or count hook yielded (yieldFromHook): the arguments are
        // dropped and the function runs the instruction it stopped before.
        co->top -= nargs;
        co->nCcalls++;  // unrolling stands for the body's call
        execute(co, ci);
        if (co->status != kYield) unroll(co);
      } else {
        // Other yields come from a native call (coroutine.yield,
        // lua_yieldk): its results are the resume arguments, or what the
        // continuation given to lua_yieldk returns.
        int n = nargs;
        if (ci->cont) {
          co->nCcalls++;  // the continuation is a native call
          n = ci->cont(co, kYield, ci->ctx);
          co->nCcalls--;
        }
        if (co->hookMask) hookReturn(co, ci, n);
        postcall(co, ci, n);
        co->nCcalls++;  // unrolling stands for the body's call
        unroll(co);
      }
    }
    status = co->status == kYield ? kYield : kOk;
  } catch (...) {
    status = caughtStatus(co, false);
  }
  // An error that a suspended pcall of the coroutine catches lets it go on.
  while (status != kOk && status != kYield) {
    bool recovered = false;
    try {
      recovered = recover(co, status);
      if (recovered) {
        unroll(co);
        status = co->status == kYield ? kYield : kOk;
      }
    } catch (...) {
      status = caughtStatus(co, false);
      if (status == kYield) break;
      continue;
    }
    if (!recovered) break;
  }
  if (status == kYield) {
    co->status = kYield;
    *nResults = co->nYield;
  } else if (status == kOk) {
    *nResults = int(co->top - (co->baseCi.func + 1));
  } else {
    // The coroutine dies; its error object is on top, twice: the resumer
    // takes one, the other stays for coroutine.close to report. Its frames
    // stay as the error left them, for the debug library to inspect (as in
    // lua5.4); coroutine.close discards them.
    co->status = uint8_t(status);
    *co->top = co->top[-1];
    co->top++;
    *nResults = 1;
  }
  co->nCcalls = 0;
  return status;
}

namespace {

void checkYieldable(lua_State* L) {
  if (L->nny > 0) {
    if (L == G(L)->mainThread) runError(L, msg::kYieldOutsideCoroutine);
    runError(L, msg::kYieldAcrossC);
  }
}

}  // namespace

void yieldFromHook(lua_State* L) {
  checkYieldable(L);
  L->status = kYield;
  L->nYield = 0;
}

int yieldCoroutine(lua_State* L, int nresults) {
  checkYieldable(L);
  L->status = kYield;
  L->nYield = nresults;
  // One C level above the resumer's is the call of the coroutine's body (or
  // the unrolling that stands for it): no C++ frame needs unwinding.
  if (L->nCcalls == L->resumeCcalls + 1) return kLightYield;
  throw LuaException{kYield};
}

namespace {

// Unwinds `co` to its base level and runs its pending __close methods with
// `err` (an error in one replaces it). Leaves the error object alone on the
// stack when the status is an error.
int unwindThread(lua_State* co, int status, Value err, lua_State* from) {
  co->ci = &co->baseCi;
  co->status = kOk;
  // The frames are gone, and with them any xpcall's message handler.
  co->errorHandler = 0;
  StkId level = co->stack + 1;
  closeUpvalues(co, level);
  // The closing methods are called from the closer's C stack: they count
  // against its nesting of native calls ("C stack overflow" past the limit,
  // however long a chain of coroutines closing others).
  co->nCcalls = from ? from->nCcalls : 0;
  struct Reset {
    lua_State* co;
    ~Reset() { co->nCcalls = 0; }
  } reset{co};
  CatchScope scope(co);
  for (;;) {
    try {
      closePendingTbc(co, saveStack(co, level), err, false);
    } catch (...) {
      status = caughtStatus(co, false);
      err = co->top[-1];
      co->ci = &co->baseCi;
      continue;
    }
    break;
  }
  // Dead: nothing left on its stack but the error object, if any.
  co->top = co->stack + 1;
  if (status != kOk) *co->top++ = err;
  shrinkCallInfo(co);
  return status;
}

}  // namespace

int closeCoroutine(lua_State* co, lua_State* from) {
  int status = co->status == kYield ? int(kOk) : co->status;
  Value err = status == kOk ? Value::nil() : co->top[-1];
  return unwindThread(co, status, err, from);
}

int unwindForPanic(lua_State* L, int status) {
  // Back at the host's level: the main thread cannot yield there, another
  // thread can (lua_isyieldable).
  L->nny = L == G(L)->mainThread ? 1 : 0;
  return unwindThread(L, status, L->top[-1], nullptr);
}

}  // namespace tycho
