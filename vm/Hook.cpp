// Hook: calling debug hooks and the interpreter's trap (see Hook.hpp).
#include "vm/Hook.hpp"

#include "compiler/Opcodes.hpp"
#include "runtime/Object.hpp"
#include "vm/VarInfo.hpp"
#include "vm/Vm.hpp"

namespace tycho {

namespace {

int lineOf(const Proto* p, int pc) { return p->lineInfo && pc >= 0 && pc < p->codeSize ? p->lineInfo[pc] : -1; }

}  // namespace

bool isStackBookkeeping(Instruction i) { return hasFlag(opcodeOf(i), kStackBookkeeping); }

namespace {

// After a return event (or a return without one): the caller's next
// instruction is compared with its call instruction for line events.
void returningTo(lua_State* L, const CallInfo* caller) {
  if (caller && caller->isLua()) L->oldPc = currentPc(caller);
}

// The return instruction `i` of Lua frame ci is about to run: closes the
// frame's to-be-closed variables (so that the return event comes after
// their __close methods, and the instruction finds none left), then gives
// the event with the results as the transferred values.
void leaveLuaFrame(lua_State* L, CallInfo* ci, Instruction i) {
  StkId base = ci->func + 1;
  StkId first;
  int n;
  switch (opcodeOf(i)) {
    case OP_RETURN:
      first = base + argA(i);
      n = argB(i) ? int(argB(i)) - 1 : int(L->top - first);
      break;
    case OP_RETURN0:
      first = L->top;
      n = 0;
      break;
    case OP_RETURN1_L:
      first = base + argAx(i);
      n = 1;
      break;
    default:
      first = L->top - 1;
      n = 1;
      break;
  }
  if (L->hookMask & kMaskReturn) {
    if (L->tbcCount > 0 && L->stack + L->tbcSlots[L->tbcCount - 1] >= base) {
      ptrdiff_t firstOff = saveStack(L, first);
      L->top = first + n;
      closeFrom(L, base);
      first = restoreStack(L, firstOff);
      L->top = first + n;
    }
    runHook(L, kHookReturn, -1, int(first - ci->func), n);
  }
  returningTo(L, ci->previous);
}

}  // namespace

void setHook(lua_State* L, HookFunction f, int mask, int count) {
  if (!f || mask == 0) {
    f = nullptr;
    mask = 0;
  }
  L->hook = f;
  L->hookMask = uint8_t(mask & kMaskAll);
  L->baseHookCount = count;
  L->hookCount = count;
}

void runHook(lua_State* L, int event, int line, int ftransfer, int ntransfer) {
  HookFunction hook = L->hook;
  if (!hook || L->inHook) return;
  CallInfo* ci = L->ci;
  ptrdiff_t top = saveStack(L, L->top);
  // An event that transfers no values reports none (0, 0), as lua5.4.
  L->transferFirst = uint16_t(ntransfer > 0 ? ftransfer : 0);
  L->transferCount = uint16_t(ntransfer > 0 ? ntransfer : 0);
  // The frame is marked so that getinfo names the hook's function "hook"
  // and reports the transferred values. Both marks go when the hook ends,
  // by an error too.
  L->inHook = true;
  ci->status |= CIST_HOOKED;
  struct Guard {
    lua_State* L;
    CallInfo* ci;
    ~Guard() {
      L->inHook = false;
      ci->status &= uint16_t(~CIST_HOOKED);
    }
  } guard{L, ci};
  hook(L, event, line);
  L->top = restoreStack(L, top);
}

void hookNativeCall(lua_State* L) {
  runHook(L, kHookCall, -1, 1, int(L->top - (L->ci->func + 1)));
}

void hookReturn(lua_State* L, CallInfo* ci, int n) {
  if (L->hookMask & kMaskReturn) runHook(L, kHookReturn, -1, int((L->top - n) - ci->func), n);
  returningTo(L, ci->previous);
}

namespace {

// The next instruction run after the one at `pc` when it does not jump:
// one the handler completes, and stack bookkeeping, are skipped.
int nextRun(const Proto* p, int pc) {
  int next = pc + 1;
  if (completesNext(opcodeOf(p->code[pc]))) next++;
  while (next < p->codeSize && isStackBookkeeping(p->code[next])) next++;
  return next;
}

// Was the JMP at `pc` reached by a jump from `from` (the instruction traced
// last), directly or through other JMPs and stack bookkeeping? Lua's
// compiler points a jump that lands on a JMP at that JMP's own target, so
// Lua never runs such a JMP (nor any JMP of a chain), and has no line event
// for it.
bool reachedByJump(const Proto* p, int from, int pc) {
  int n = p->codeSize;
  int j = from;
  if (completesNext(opcodeOf(p->code[j]))) j++;  // a comparison's JMPF
  Opcode op = opcodeOf(p->code[j]);
  if (!isJumpOp(op)) return false;
  if (op != OP_JMP && nextRun(p, j) == pc) return false;  // not taken
  long t = jumpTarget(p->code[j], j);
  for (int hops = 0; hops < n && t >= 0 && t < n; hops++) {
    while (t < n && isStackBookkeeping(p->code[t])) t++;
    if (t == pc) return true;
    if (t >= n || opcodeOf(p->code[t]) != OP_JMP) return false;
    t = jumpTarget(p->code[t], int(t));
  }
  return false;
}

// Instructions that Lua's code for the same program does not run where
// Tycho's does: line events skip them (and L->oldPc stays where it is).
// Lua's generic for enters its loop from TFORPREP straight into the
// iterator call and tests the result within it: TFORLOOP, and TFORCALL
// right after TFORPREP, are not traced.
bool invisibleToLineHooks(const Proto* p, int old, int pc) {
  Instruction i = p->code[pc];
  switch (opcodeOf(i)) {
    case OP_TFORLOOP: return true;
    case OP_TFORCALL: {
      Instruction prev = p->code[old];
      return opcodeOf(prev) == OP_TFORPREP && jumpTarget(prev, old) == pc;
    }
    case OP_JMP: return reachedByJump(p, old, pc);
    default: return false;
  }
}

}  // namespace

void traceInstruction(lua_State* L) {
  if (L->inHook || !L->hookMask) return;  // nothing is traced (or counted) while a hook runs
  CallInfo* ci = L->ci;
  const Proto* p = ci->func->asLuaClosure()->proto;
  int pc = int(ci->savedPc - p->code) - 1;
  Instruction i = p->code[pc];
  bool entered = false;
  if (!(ci->status & CIST_TRACED)) {
    // A vararg function is seen once its arguments are in place: its call
    // event comes after the vararg setup, which is not traced.
    bool varargSetup = opcodeOf(p->code[0]) == OP_VARARGPREP;
    if (pc == 0 && varargSetup) return;
    ci->status |= CIST_TRACED;
    // A frame traced first elsewhere was running before the hook was set.
    if (pc == (varargSetup ? 1 : 0)) {
      entered = true;
      if (L->hookMask & kMaskCall) runHook(L, ci->status & CIST_TAIL ? kHookTailCall : kHookCall, -1, 1, p->numParams);
    }
  }
  if (isStackBookkeeping(i)) return;
  bool counted = (L->hookMask & kMaskCount) && --L->hookCount <= 0;
  if (counted) L->hookCount = L->baseHookCount;
  if (ci->status & CIST_HOOKYIELD) {
    // The hooks of this instruction ran before the coroutine yielded.
    ci->status &= uint16_t(~CIST_HOOKYIELD);
  } else {
    if (counted) runHook(L, kHookCount, -1);
    if (L->hookMask & kMaskLine) {
      // oldPc may belong to another function: a stale value counts as 0.
      int old = L->oldPc >= 0 && L->oldPc < p->codeSize ? L->oldPc : 0;
      if (entered || !invisibleToLineHooks(p, old, pc)) {
        if (entered || pc <= old || lineOf(p, pc) != lineOf(p, old)) runHook(L, kHookLine, lineOf(p, pc));
        L->oldPc = pc;
      }
    }
    if (L->status == kYield) {
      // A hook yielded (yieldFromHook): suspend before this instruction,
      // which runs when the coroutine resumes, without its hooks again.
      if (counted) L->hookCount = 1;
      ci->savedPc--;
      ci->status |= CIST_HOOKYIELD;
      throw LuaException{kYield};
    }
  }
  if (hasFlag(opcodeOf(i), kReturns) && L->hookMask) leaveLuaFrame(L, ci, i);
}

}  // namespace tycho
