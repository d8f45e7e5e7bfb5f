// Call: entering and leaving frames, protected calls, to-be-closed variables.
//
// Lua-to-Lua calls made by the interpreter do not come through call(): the
// interpreter pushes the callee's frame with precall and keeps running in the
// same C++ frame. call() is for native code (and metamethods) calling a
// function; it recurses on the C++ stack, so it counts nesting in L->nCcalls
// and raises "C stack overflow" at kMaxCCalls.
#include <new>
#include <string_view>

#include "gc/Heap.hpp"
#include "runtime/Messages.hpp"
#include "runtime/Function.hpp"
#include "runtime/Object.hpp"
#include "runtime/String.hpp"
#include "vm/Hook.hpp"
#include "vm/JitHooks.hpp"
#include "vm/Vm.hpp"

namespace tycho {

StkId insertCallMeta(lua_State* L, StkId func) {
  Value callee = *func;
  const Value* tm = metamethod(L, callee, TM_CALL);
  if (tm->isNil()) typeError(L, callee, "call");
  Value handler = *tm;
  ptrdiff_t off = saveStack(L, func);
  ensureStack(L, 1);
  func = restoreStack(L, off);
  for (StkId p = L->top; p > func; p--) p[0] = p[-1];
  L->top++;
  *func = handler;
  return func;
}

// Calls the __close methods of the to-be-closed variables at or above the
// frame at `levelOff`, newest first, with `err` as the error argument.
void closePendingTbc(lua_State* L, ptrdiff_t levelOff, Value err, bool yieldable) {
  // Closing after an error or by coroutine.close may not yield; the normal
  // exit of a scope may (the instruction is run again on resume to close
  // the variables that remain, see Coroutine.cpp).
  if (!yieldable) L->nny++;
  struct Guard {
    lua_State* L;
    bool yieldable;
    ~Guard() {
      if (!yieldable) L->nny--;
    }
  } guard{L, yieldable};
  while (L->tbcCount > 0 && L->stack + L->tbcSlots[L->tbcCount - 1] >= restoreStack(L, levelOff)) {
    Value obj = L->stack[L->tbcSlots[--L->tbcCount]];
    // A metamethod removed after marking is called all the same (and fails
    // as a call of nil, as in Lua).
    Value handler = *metamethod(L, obj, TM_CLOSE);
    if (handler.tag == kTagAbsentKey) handler.setNil();
    ensureStack(L, 3);
    L->top[0] = handler;
    L->top[1] = obj;
    L->top[2] = err;
    L->top += 3;
    callYieldable(L, L->top - 3, 0);
  }
}

// A native function that marked slots to be closed (lua_toclose) returns:
// they are closed now, above its `n` results (which stay where they are).
void closeNativeFrame(lua_State* L, CallInfo* ci, int n) {
  ci->status &= uint16_t(~CIST_CLOSERET);
  ptrdiff_t results = saveStack(L, L->top - n);
  closeUpvalues(L, ci->func + 1);
  closePendingTbc(L, saveStack(L, ci->func + 1), Value::nil(), false);
  L->top = restoreStack(L, results) + n;
}

CallInfo* precallGeneral(lua_State* L, StkId func, int nResults) {
  for (int loops = 0;; loops++) {
    switch (func->tag) {
      case kTagLuaClosure:
        return pushLuaFrame(L, L->ci, func, L->top, func->asLuaClosure()->proto, nResults);
      case kTagLightFunction:
      case kTagNativeClosure:
        callNative(L, func, nResults);  // a light yield leaves its frame: see yieldCoroutine
        return nullptr;
      default:
        if (loops >= kMaxTagLoop) runError(L, msg::kCallChainTooLong);
        func = insertCallMeta(L, func);
        break;
    }
  }
}

void moveResults(lua_State* L, CallInfo* ci, int n) {
  StkId res = ci->func;
  int wanted = ci->nResults;
  StkId first = L->top - n;
  if (wanted == kMultRet) wanted = n;
  int i = 0;
  for (; i < n && i < wanted; i++) res[i] = first[i];
  for (; i < wanted; i++) res[i].setNil();
  L->top = res + wanted;
}

void callYieldable(lua_State* L, StkId func, int nResults) {
  if (L->nCcalls + 1 >= kMaxCCalls) runError(L, msg::kCStackOverflow);
  L->nCcalls++;
  struct Guard {
    lua_State* L;
    ~Guard() { L->nCcalls--; }
  } guard{L};
  CallInfo* ci = precall(L, func, nResults);
  if (ci) {
    ci->status |= CIST_FRESH;
    execute(L, ci);
  }
}

void callNoYield(lua_State* L, StkId func, int nResults) { callNoYieldInline(L, func, nResults); }

[[noreturn]] void cStackOverflow(lua_State* L) { runError(L, msg::kCStackOverflow); }

void call(lua_State* L, StkId func, int nResults) {
  if (L->ci->isLua()) {
    // Called by an instruction's slow path: a yield in the callee is
    // completed on resume by finishing the instruction (Coroutine.cpp).
    callYieldable(L, func, nResults);
    return;
  }
  // Called by native code, whose C++ frame a yield would destroy.
  callNoYield(L, func, nResults);
}

int protectedCall(lua_State* L, StkId func, int nResults, ptrdiff_t handler, bool yieldable) {
  ptrdiff_t funcOff = saveStack(L, func);
  CallInfo* oldCi = L->ci;
  int oldCcalls = L->nCcalls;
  int oldNny = L->nny;
  ptrdiff_t oldHandler = L->errorHandler;
  L->errorHandler = handler;
  int status;
  CatchScope scope(L);
  try {
    if (yieldable) callYieldable(L, func, nResults);
    else callNoYield(L, func, nResults);
    L->errorHandler = oldHandler;
    return kOk;
  } catch (...) {
    // A yield passes through: the calling frame (marked CIST_YPCALL) is
    // finished by its continuation when the coroutine resumes.
    status = caughtStatus(L, true);
  }
  // Restore the frame list, then close what the failed call left open.
  // Closing methods still run under this call's message handler.
  for (;;) {
    L->errorHandler = handler;
    Value err = L->top[-1];
    L->ci = oldCi;
    L->nCcalls = oldCcalls;
    L->nny = oldNny;
    StkId level = restoreStack(L, funcOff);
    closeUpvalues(L, level);
    // Closing methods run above everything the failed call left on the
    // stack (the variables still to be closed included); the error object
    // stays rooted at the top.
    if (L->tbcCount > 0 && L->stack + L->tbcSlots[L->tbcCount - 1] >= L->top) {
      L->top = L->stack + L->tbcSlots[L->tbcCount - 1] + 1;
      *L->top++ = err;
    }
    try {
      // Pending to-be-closed variables get the error object (§3.3.8). In a
      // coroutine they may yield: the calling frame's continuation then
      // finishes closing (recoverStatus records the error meanwhile).
      oldCi->recoverStatus = status;
      closePendingTbc(L, funcOff, err, yieldable);
      oldCi->recoverStatus = 0;
    } catch (...) {
      status = caughtStatus(L, true);  // an error in a closing method replaces the error object
      continue;
    }
    level = restoreStack(L, funcOff);
    *level = err;
    L->top = level + 1;
    break;
  }
  L->errorHandler = oldHandler;
  shrinkCallInfo(L);
  shrinkStack(L);
  // What the failed call was building is garbage now, and the heap is at
  // its limit: collect it here, where everything live is rooted (raw
  // allocations, which failed, cannot collect; see gc/Memory.cpp).
  if (status == kErrMem) gc::fullCollect(L);
  return status;
}

void markToBeClosed(lua_State* L, StkId slot) {
  if (slot->isFalsy()) return;  // false and nil are ignored (§3.3.8)
  if (metamethod(L, *slot, TM_CLOSE)->isNil()) {
    // Find the variable's name for the message; a slot of a native frame
    // (lua_toclose) is a "(C temporary)", as debug.getlocal names it.
    CallInfo* ci = L->ci;
    const char* name = ci->isLua() ? "?" : "(C temporary)";
    if (ci->isLua()) {
      Proto* p = ci->func->asLuaClosure()->proto;
      int pc = int(ci->savedPc - p->code) - 1;
      int slotIndex = int(slot - (ci->func + 1));
      for (int i = 0; i < p->numLocals; i++) {
        const LocalVarInfo& lv = p->locals[i];
        if (lv.slot == slotIndex && lv.startPc <= pc + 1 && pc < lv.endPc) name = view(lv.name).data();
      }
    }
    runError(L, msg::kNonClosableValue, name);
  }
  if (L->tbcCount == L->tbcCapacity) {
    int cap = L->tbcCapacity ? L->tbcCapacity * 2 : 8;
    L->tbcSlots = static_cast<int*>(gc::reallocRaw(L, L->tbcSlots, sizeof(int) * size_t(L->tbcCapacity), sizeof(int) * size_t(cap)));
    L->tbcCapacity = cap;
  }
  L->tbcSlots[L->tbcCount++] = int(slot - L->stack);
}

void closeFrom(lua_State* L, StkId level) {
  closeUpvalues(L, level);
  closePendingTbc(L, saveStack(L, level), Value::nil(), true);
}

}  // namespace tycho

namespace tycho {

void runPendingFinalizers(lua_State* L) {
  GlobalState* g = G(L);
  // The loop below takes every object queued until it ends, also those a
  // collection queues while a finalizer runs.
  g->pollRequests.fetch_and(~uint32_t(kPollFinalizers), std::memory_order_relaxed);
  if (g->runningFinalizers) return;  // one at a time, not nested
  g->runningFinalizers = true;
  struct Guard {
    GlobalState* g;
    ~Guard() { g->runningFinalizers = false; }
  } guard{g};
  while (GCObject* o = gc::nextToFinalize(g)) {
    Value obj = Value::object(o, o->tag);
    Value handler = *metamethod(L, obj, TM_GC);
    if (handler.isNil()) continue;  // the field was removed
    ensureStack(L, 2);
    StkId func = L->top;
    func[0] = handler;
    func[1] = obj;
    L->top = func + 2;
    // The running frame calls the finalizer: debug information names the
    // finalizer "metamethod '__gc'".
    CallInfo* caller = L->ci;
    bool wasMarked = (caller->status & CIST_FIN) != 0;
    caller->status |= CIST_FIN;
    int status = protectedCall(L, func, 0);
    if (!wasMarked) caller->status &= uint16_t(~CIST_FIN);
    if (status != kOk) {
      Value err = L->top[-1];
      warning(g, "error in ", true);
      warning(g, "__gc", true);
      warning(g, " (", true);
      warning(g, err.isString() ? view(err.asString()) : std::string_view("error object is not a string"), true);
      warning(g, ")", false);
      L->top--;
    }
  }
}

// Without a compiling tier a hot function or loop is nothing special: the
// counter is rearmed (to its largest value, so that the interpreter comes
// back here rarely).
void hotFunction(lua_State* L, CallInfo* ci, Proto* p) {
  p->callHotness = INT32_MAX;
  if (const JitHooks* jit = G(L)->jit) jit->hotFunction(L, ci, p);
}

bool hotLoop(lua_State* L, CallInfo* ci, const Instruction* branch) {
  Proto* p = ci->func->asLuaClosure()->proto;
  p->loopHotness = INT32_MAX;
  if (const JitHooks* jit = G(L)->jit) return jit->hotLoop(L, ci, branch);
  return false;
}

void requestInterrupt(lua_State* L) {
  G(L)->pollRequests.fetch_or(kPollInterrupt, std::memory_order_relaxed);
}

void servicePoll(lua_State* L) {
  GlobalState* g = G(L);
  uint32_t requests = g->pollRequests.load(std::memory_order_relaxed);
  if (requests & kPollInterrupt) {
    g->pollRequests.fetch_and(~uint32_t(kPollInterrupt), std::memory_order_relaxed);
    // As lua's interrupt, the position is that of the interrupted
    // function's caller (level 1), when it is a Lua function.
    libError(L, msg::kInterrupted);
  }
  if (requests & kPollFinalizers) runPendingFinalizers(L);
}

// Resumed while closing the variables of a failed protected call: closes
// the rest (they may yield again) and leaves the error object at the slot
// `ctx`. Returns the final error status.
int finishRecovery(lua_State* L, intptr_t ctx) {
  CallInfo* ci = L->ci;
  int status = ci->recoverStatus;
  for (;;) {
    Value err = L->top[-1];
    try {
      closePendingTbc(L, ptrdiff_t(ctx), err, true);
    } catch (...) {
      status = caughtStatus(L, true);  // a closing method failed: its error replaces the old one
      ci->recoverStatus = status;
      L->ci = ci;
      continue;
    }
    StkId level = restoreStack(L, ptrdiff_t(ctx));
    *level = err;
    L->top = level + 1;
    break;
  }
  ci->recoverStatus = 0;
  return status;
}

void closeLuaState(lua_State* L) {
  GlobalState* g = G(L);
  L = g->mainThread;
  // The main thread's frames end here (os.exit(code, true) may come from any
  // depth, or from a coroutine, whose own variables stay open as in Lua):
  // its pending to-be-closed variables are closed first, newest first, each
  // getting the error of the one before, if any, as its error argument; the
  // closing methods run above the stack's current top, which keeps the
  // values below it alive.
  L->ci = &L->baseCi;
  L->errorHandler = 0;
  {
    // Ends before closeState frees the global state it counts in.
    CatchScope scope(L);
    Value err = Value::nil();
    for (;;) {
      try {
        closePendingTbc(L, saveStack(L, L->stack + 1), err, false);
      } catch (...) {
        caughtStatus(L, false);
        err = L->top[-1];
        L->ci = &L->baseCi;
        continue;
      }
      break;
    }
    closeUpvalues(L, L->stack + 1);
    gc::prepareClose(g);
    // Every finalizer runs, also when one of them closes the state again
    // (os.exit(code, true) in a finalizer): this inner close finishes the
    // list, and the outer one never resumes.
    g->runningFinalizers = false;
    runPendingFinalizers(L);
  }
  closeState(L);
}

}  // namespace tycho
