// Vm: calls, protected calls, the interpreter entry, and the operations of
// §3.4 with their metamethod fallbacks (§2.4), shared by the interpreter, the
// standard library and the C API.
//
// Functions whose name ends in "Meta" or that take a lua_State may run Lua
// code (a metamethod or a called function) and therefore may move the stack
// and collect garbage: do not hold StkId or unrooted objects across them.
#pragma once

#include <cstddef>

#include "runtime/Error.hpp"
#include "runtime/State.hpp"
#include "runtime/Value.hpp"
#include "vm/Hook.hpp"

namespace tycho {

constexpr int kMultRet = -1;       // LUA_MULTRET
constexpr int kMaxTagLoop = 2000;  // __index/__newindex chain limit

// --- calls ---

// Calls the function at `func` with the arguments above it (up to L->top).
// The results (nResults of them, or all when kMultRet) replace the function
// and arguments, starting at `func`; L->top is left after the last result.
// A yield inside the callee is allowed only when the caller is an instruction
// of a Lua frame (L->ci is Lua); native callers make the call non-yieldable.
void call(lua_State* L, StkId func, int nResults);
// As call(), never yieldable (message handlers, closing methods).
void callNoYield(lua_State* L, StkId func, int nResults);
// As call(), always yieldable: for callers that can be resumed (pcall and
// xpcall through their continuation, coroutine.resume).
void callYieldable(lua_State* L, StkId func, int nResults);
// As call(), but catches errors: returns a status (kOk, kErrRun, kErrMem,
// kErrErr); on error the error object is left at `func` and L->top = func + 1.
// `handler` is the stack offset of a message handler (0 = none), called with
// the error object before the stack unwinds (xpcall).
// `yieldable`: the caller is a native frame marked CIST_YPCALL with a
// continuation, so a yield may cross this call.
int protectedCall(lua_State* L, StkId func, int nResults, ptrdiff_t handler = 0, bool yieldable = false);
// Closes the pending to-be-closed variables at or above `levelOff` (a stack
// offset), newest first, passing `err` to their __close methods; `yieldable`
// only for the normal exit of a scope (instructions CLOSE and RETURN).
void closePendingTbc(lua_State* L, ptrdiff_t levelOff, Value err, bool yieldable);
// Runs the Lua frame `ci` (entered with CIST_FRESH) until it returns.
void execute(lua_State* L, CallInfo* ci);

// What a native function returns to suspend its coroutine without unwinding
// (see yieldCoroutine): its frame stays, and the interpreter loop returns.
constexpr int kLightYield = -1;

// Prepares a call of the value at `func`: for a Lua function, pushes its
// frame and returns it; for a native function, runs it to completion and
// returns null (results already moved into place). precall is the common
// case inline (see below); precallGeneral every case.
CallInfo* precallGeneral(lua_State* L, StkId func, int nResults);
inline CallInfo* precall(lua_State* L, StkId func, int nResults);

// The stack slots above its function that a call of `p` uses.
inline int luaFrameSize(const Proto* p) { return p->frameSize; }

// The frame push of every call to a Lua function (precall's, and the
// interpreter's own for Lua-to-Lua calls): `func` holds the closure of
// prototype `p`, its arguments are up to `top` (= L->top), the caller's
// frame is `caller` (= L->ci; both passed so that the interpreter's
// registers serve). Missing parameters become nil, extra arguments stay
// above them for a vararg function (VARARGPREP moves them) and are dropped
// otherwise; the new CallInfo becomes L->ci, its pc the first instruction.
// May grow the stack (the new frame's func is ci->func).
// `func` is updated when the stack moves (it grows for the frame).
[[gnu::always_inline]] inline CallInfo* pushLuaFrame(lua_State* L, CallInfo* caller, StkId& func, StkId top,
                                                      const Proto* p, int nResults) {
  int frameSize = luaFrameSize(p);
  // (As pointers: a difference of pointers is divided by the value size.)
  if (top + (frameSize + kExtraStack) >= L->stackLast) [[unlikely]] {
    ptrdiff_t off = saveStack(L, func);
    ensureStack(L, frameSize + kExtraStack);
    func = restoreStack(L, off);
    top = L->top;
  }
  CallInfo* ci = caller->next ? caller->next : newCallInfo(L);
  ci->func = func;
  ci->nResults = nResults;
  ci->status = CIST_LUA;
  ci->savedPc = p->code;
  ci->nExtraArgs = 0;
  int nargs = int(top - func) - 1;
  if (nargs < p->numParams) [[unlikely]] {  // missing parameters are nil
    for (; nargs < p->numParams; nargs++) (top++)->setNil();
  }
  L->top = p->isVararg ? top : func + 1 + p->numParams;
  ci->top = func + 1 + frameSize;
  L->ci = ci;
  return ci;
}
[[gnu::always_inline]] inline CallInfo* precall(lua_State* L, StkId func, int nResults) {
  // A Lua function with room for its frame and a CallInfo to reuse calls
  // nothing: no registers to save where it is inlined.
  if (func->tag == kTagLuaClosure) [[likely]] {
    const Proto* p = func->asLuaClosure()->proto;
    CallInfo* caller = L->ci;
    if (caller->next && L->top + (luaFrameSize(p) + kExtraStack) < L->stackLast) [[likely]]
      return pushLuaFrame(L, caller, func, L->top, p, nResults);
  }
  return precallGeneral(L, func, nResults);
}
// Inserts the __call metamethod of the non-function at `func` below it (the
// value becomes the first argument); returns the new function slot. Raises
// "attempt to call a X value" when there is none.
StkId insertCallMeta(lua_State* L, StkId func);
// The frame pop of every return: moves `n` results from L->top - n to the
// frame's function slot, adjusting to the wanted count, and makes the
// caller's frame current. One result for one wanted, the commonest return,
// is inline.
void moveResults(lua_State* L, CallInfo* ci, int n);
[[gnu::always_inline]] inline void postcall(lua_State* L, CallInfo* ci, int n) {
  // One result, wanted as one or as all of them (a call that is the last
  // argument of another, as in f(g(x))), and none wanted, are inline.
  if (n == 1 && (ci->nResults == 1 || ci->nResults == kMultRet)) [[likely]] {
    StkId res = ci->func;
    *res = L->top[-1];
    L->top = res + 1;
  } else if (ci->nResults == 0) {
    L->top = ci->func;  // a call made as a statement: no results kept
  } else {
    moveResults(L, ci, n);
  }
  L->ci = ci->previous;
}

// Calls the native function (light or closure) at `func` whose arguments
// are above it up to L->top: pushes its frame, runs it, and pops the frame
// with its results (postcall). Returns false when the function yielded
// lightly (kLightYield: its frame stays, see yieldCoroutine). The one
// implementation of a native call: precallGeneral's, and inline in the
// interpreter's CALL, where the call's own cost shows.
void closeNativeFrame(lua_State* L, CallInfo* ci, int n);
[[gnu::always_inline]] inline bool callNative(lua_State* L, StkId func, int nResults) {
  NativeFunction f = func->isLightFunction() ? func->asLightFunction() : func->asNativeClosure()->fn;
  if (L->top + kMinStack >= L->stackLast) [[unlikely]] {
    ptrdiff_t off = saveStack(L, func);
    ensureStack(L, kMinStack);
    func = restoreStack(L, off);
  }
  CallInfo* ci = nextCallInfo(L);
  ci->func = func;
  ci->nResults = nResults;
  ci->status = CIST_NATIVE;
  ci->savedPc = nullptr;
  ci->nExtraArgs = 0;
  ci->cont = nullptr;
  ci->recoverStatus = 0;
  ci->top = L->top + kMinStack;
  L->ci = ci;
  if (L->hookMask & kMaskCall) [[unlikely]] hookNativeCall(L);
  int n = f(L);
  if (n == kLightYield) [[unlikely]] return false;
  if (ci->status & CIST_CLOSERET) [[unlikely]] closeNativeFrame(L, ci, n);
  if (L->hookMask) [[unlikely]] hookReturn(L, ci, n);
  postcall(L, ci, n);
  return true;
}

// callNoYield's body, inline where the call's own cost shows (lua_call).
[[noreturn]] void cStackOverflow(lua_State* L);
[[gnu::always_inline]] inline void callNoYieldInline(lua_State* L, StkId func, int nResults) {
  if (L->nCcalls + 1 >= kMaxCCalls) [[unlikely]] cStackOverflow(L);
  L->nny++;
  L->nCcalls++;
  struct Guard {
    lua_State* L;
    ~Guard() {
      L->nny--;
      L->nCcalls--;
    }
  } guard{L};
  CallInfo* ci = precall(L, func, nResults);
  if (ci) {
    ci->status |= CIST_FRESH;
    execute(L, ci);
  }
}

// A protected call that survives yields (pcall, xpcall, lua_pcallk: a native
// frame marked CIST_YPCALL whose ctx is the stack offset of the protected
// function's slot) was resumed while closing the variables of its failed
// call (ci->recoverStatus): closes the rest (they may yield again) and leaves
// the error object at that slot. Returns the final error status.
int finishRecovery(lua_State* L, intptr_t ctx);

// Closes upvalues and to-be-closed variables at or above `level` (normal exit:
// the error argument of __close is nil).
void closeFrom(lua_State* L, StkId level);
// Marks the variable at `slot` as to-be-closed (checks its __close).
void markToBeClosed(lua_State* L, StkId slot);

// --- finalizers ---

// Calls the __gc metamethods of the objects the collector found unreachable
// (gc/Heap.hpp), newest first, each in protected mode: an error becomes a
// warning. Only at safe points: the interpreter's polls (servicePoll),
// collectgarbage, closing the state.
void runPendingFinalizers(lua_State* L);
// The work that the interpreter's poll (on function entry and backward
// jumps) found requested in GlobalState::pollRequests: raises "interrupted!"
// after requestInterrupt, runs pending finalizers. Runs Lua code.
void servicePoll(lua_State* L);
// Makes the Lua code running in L's state raise the error "interrupted!" at
// its next poll (lua's SIGINT handling). Async-signal-safe: only sets a bit.
void requestInterrupt(lua_State* L);
// Runs every pending finalizer, then frees the state (lua_close).
void closeLuaState(lua_State* L);

// --- metamethods ---

const Value* metamethod(lua_State* L, const Value& o, TagMethod event);
Table* metatableOf(lua_State* L, const Value& o);
// Type name for messages: __name of the metatable when it is a string.
const char* typeNameForMessage(lua_State* L, const Value& o);
const char* basicTypeName(int type);

// --- operations (may call metamethods) ---

// result = t[k], with __index. `rawMissed`: t is a table whose own entry
// for k the caller found nil (the interpreter's fast path): the search
// starts at its __index.
void getTableMeta(lua_State* L, Value t, Value k, ptrdiff_t resultOffset, bool rawMissed = false);
// t[k] = v, with __newindex; `rawMissed` as for getTableMeta.
void setTableMeta(lua_State* L, Value t, Value k, Value v, bool rawMissed = false);
// Arithmetic / bitwise slow path: numbers and coercible strings, then metamethods.
void arithMeta(lua_State* L, Value a, Value b, TagMethod event, ptrdiff_t resultOffset);
bool lessThanMeta(lua_State* L, Value a, Value b);
bool lessEqualMeta(lua_State* L, Value a, Value b);
bool equalsMeta(lua_State* L, Value a, Value b);
void lengthMeta(lua_State* L, Value v, ptrdiff_t resultOffset);
// Concatenates the `n` values at the top of the stack into one (with __concat).
void concatMeta(lua_State* L, int n);
// Calls metamethod f(a, b) and stores its first result at resultOffset.
void callMetaResult(lua_State* L, Value f, Value a, Value b, ptrdiff_t resultOffset);

// An arithmetic event's name as the string library's metamethods report it ("add").
const char* arithEventName(TagMethod event);
// Arithmetic on two numbers (no metamethods); false when not both numbers
// (after string coercion when `coerceStrings`).
bool arithNumbers(lua_State* L, TagMethod event, const Value& a, const Value& b, Value* out, bool coerceStrings);
// Converts to a number / integer (strings coerced); false on failure.
bool toNumber(const Value& v, Value* out);
bool toInteger(const Value& v, Integer* out);  // exact conversion only
// tostring for numbers, in place on the stack (for concatenation).
bool numberToStringInPlace(lua_State* L, Value* v);

// Raises "attempt to <op> a <type> value" with lua5.4's variable information
// when L->ci is a Lua frame: for op "call", the name of the function that the
// running instruction calls; otherwise the name of its operand `operand`
// (a VarInfo.hpp Operand: 0 first, 1 second; -1 gives none).
[[noreturn]] void typeError(lua_State* L, const Value& v, const char* op, int operand = -1);

}  // namespace tycho
