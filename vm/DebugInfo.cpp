// DebugInfo: functions, frames, locals and upvalues (see DebugInfo.hpp).
//
// Everything here reads prototypes that may come from untrusted bytecode
// one day: indices are checked against the sizes of what they index.
#include "vm/DebugInfo.hpp"

#include "compiler/Opcodes.hpp"
#include "runtime/ChunkId.hpp"
#include "runtime/Error.hpp"
#include "runtime/Object.hpp"
#include "runtime/String.hpp"
#include "vm/Debug.hpp"
#include "vm/Hook.hpp"

namespace tycho {

namespace {

constexpr const char* kNoName = "(no name)";

const Proto* protoOf(const Value& fn) { return fn.isLuaClosure() ? fn.asLuaClosure()->proto : nullptr; }

// The n-th (1-based) local variable of p active at instruction pc.
const LocalVarInfo* activeLocal(const Proto* p, int pc, int n) {
  if (n <= 0) return nullptr;
  for (int j = 0; j < p->numLocals; j++) {
    const LocalVarInfo& lv = p->locals[j];
    if (lv.startPc <= pc && pc < lv.endPc && --n == 0) return &lv;
  }
  return nullptr;
}

}  // namespace

CallInfo* frameAtLevel(lua_State* L, int level) {
  if (level < 0) return nullptr;
  CallInfo* ci = L->ci;
  for (; level > 0 && ci != &L->baseCi; ci = ci->previous) level--;
  return level == 0 && ci != &L->baseCi ? ci : nullptr;
}

FunctionInfo describeFunction(const Value& fn) {
  FunctionInfo info;
  if (const Proto* p = protoOf(fn)) {
    info.source = p->source ? std::string(view(p->source)) : std::string("=?");
    info.lineDefined = p->lineDefined;
    info.lastLineDefined = p->lastLineDefined;
    info.what = p->lineDefined == 0 ? "main" : "Lua";
    info.nups = fn.asLuaClosure()->numUpvalues;
    info.nparams = p->numParams;
    info.isVararg = p->isVararg != 0;
  } else {
    info.source = "=[C]";
    info.nups = fn.isNativeClosure() ? fn.asNativeClosure()->numUpvalues : 0;
  }
  info.shortSrc = chunkId(info.source);
  return info;
}

FunctionInfo describeFrame(lua_State* L1, const CallInfo* ci) {
  FunctionInfo info = describeFunction(*ci->func);
  if (ci->isLua()) info.currentLine = currentLine(ci);
  info.name = calledName(L1, ci);
  info.isTailCall = (ci->status & CIST_TAIL) != 0;
  // Only the frame whose hook is running has values in transfer.
  if (ci->status & CIST_HOOKED) {
    info.ftransfer = L1->transferFirst;
    info.ntransfer = L1->transferCount;
  }
  return info;
}

bool activeLines(const Value& fn, std::vector<int>* lines) {
  const Proto* p = protoOf(fn);
  if (!p) return false;
  if (!p->lineInfo) return true;  // stripped of debug information: no lines
  // The vararg setup is not a line one can stop at: hooks never see it.
  int first = p->isVararg && p->codeSize > 0 && opcodeOf(p->code[0]) == OP_VARARGPREP ? 1 : 0;
  for (int pc = first; pc < p->codeSize; pc++) {
    if (!isStackBookkeeping(p->code[pc])) lines->push_back(p->lineInfo[pc]);
  }
  return true;
}

const char* findLocal(lua_State* L1, const CallInfo* ci, int n, StkId* slot) {
  StkId base = ci->func + 1;
  if (ci->isLua()) {
    const Proto* p = ci->func->asLuaClosure()->proto;
    if (n < 0) {
      // The extra arguments stay below the function slot (VARARGPREP).
      if (!p->isVararg || -n > ci->nExtraArgs) return nullptr;
      *slot = ci->func - ci->nExtraArgs + (-n - 1);
      return "(vararg)";
    }
    if (const LocalVarInfo* lv = activeLocal(p, currentPc(ci), n)) {
      if (lv->slot < 0 || lv->slot >= p->maxStack) return nullptr;
      *slot = base + lv->slot;
      return lv->name ? view(lv->name).data() : kNoName;
    }
  }
  // Temporaries: the live slots of the frame, up to the next frame's function.
  StkId limit = ci == L1->ci ? L1->top : ci->next->func;
  if (n > 0 && limit - base >= n) {
    *slot = base + (n - 1);
    return ci->isLua() ? "(temporary)" : "(C temporary)";
  }
  return nullptr;
}

const char* parameterName(const Value& fn, int n) {
  const Proto* p = protoOf(fn);
  if (!p || n <= 0 || n > p->numParams || n > p->numLocals) return nullptr;
  // Parameters are the first locals, in order (compiler/CodeGen).
  const String* name = p->locals[n - 1].name;
  return name ? view(name).data() : kNoName;
}

const char* upvalueOf(const Value& fn, int n, Value** slot, GCObject** holder) {
  if (fn.isLuaClosure()) {
    LuaClosure* c = fn.asLuaClosure();
    const Proto* p = c->proto;
    if (n <= 0 || n > c->numUpvalues || n > p->numUpvalues) return nullptr;
    UpVal* uv = c->upvals[n - 1];
    *slot = uv->v;
    *holder = uv;
    const String* name = p->upvalues[n - 1].name;
    return name ? view(name).data() : kNoName;
  }
  if (fn.isNativeClosure()) {
    NativeClosure* c = fn.asNativeClosure();
    if (n <= 0 || n > c->numUpvalues) return nullptr;
    *slot = &c->upvalues[n - 1];
    *holder = c;
    return "";
  }
  return nullptr;  // light native functions have no upvalues
}

void* upvalueIdentity(const Value& fn, int n) {
  if (fn.isLuaClosure()) {
    LuaClosure* c = fn.asLuaClosure();
    return n > 0 && n <= c->numUpvalues ? c->upvals[n - 1] : nullptr;
  }
  Value* slot;
  GCObject* holder;
  return upvalueOf(fn, n, &slot, &holder) ? slot : nullptr;
}

}  // namespace tycho
