// Debug: tracebacks and the message-handler hook (see Debug.hpp).
#include "vm/Debug.hpp"

#include "runtime/ChunkId.hpp"
#include "runtime/Error.hpp"
#include "runtime/String.hpp"
#include "runtime/Table.hpp"
#include "vm/Vm.hpp"

namespace tycho {

namespace {

void callErrorHandler(lua_State* L) {
  if (L->nCcalls >= kMaxCCalls - 1) {
    // The handler keeps failing: give up with Lua's message.
    L->top--;
    pushFormat(L, "error in error handling");
    throw LuaException{kErrErr};
  }
  Value handler = *restoreStack(L, L->errorHandler);
  ensureStack(L, 2);
  Value err = L->top[-1];
  L->top[0] = handler;
  L->top[1] = err;
  L->top += 2;
  callNoYield(L, L->top - 2, 1);  // a message handler may not yield
  // The handler's result replaces the error object.
  L->top[-2] = L->top[-1];
  L->top--;
}

}  // namespace

void installErrorHandlerHook(GlobalState* g) { g->callErrorHandler = callErrorHandler; }

namespace {

// The name under which `fn` is stored in the global table, if any (Lua's
// tracebacks name functions by where they are found first).
bool globalFunctionName(lua_State* L, const Value& fn, std::string* name) {
  Table* globals = globalsTable(L);
  Value key = Value::nil(), value;
  while (tableNext(L, globals, &key, &value)) {
    if (key.isString() && rawEquals(value, fn)) {
      name->assign(view(key.asString()));
      return true;
    }
  }
  return false;
}

}  // namespace

std::string traceback(lua_State* L1, int level) {
  std::string out = "stack traceback:";
  int n = 0;
  for (CallInfo* ci = L1->ci; ci && ci != &L1->baseCi; ci = ci->previous, n++) {
    if (n < level) continue;
    out += "\n\t";
    std::string global;
    bool named = globalFunctionName(L1, *ci->func, &global);
    if (ci->isLua()) {
      const Proto* p = ci->func->asLuaClosure()->proto;
      std::string src = p->source ? chunkId(view(p->source)) : "?";
      out += src + ":" + std::to_string(currentLine(ci)) + ":";
      if (named) out += " in function '" + global + "'";
      else if (p->lineDefined == 0) out += " in main chunk";
      else out += " in function <" + src + ":" + std::to_string(p->lineDefined) + ">";
      if (ci->status & CIST_TAIL) out += "\n\t(...tail calls...)";
    } else {
      out += named ? "[C]: in function '" + global + "'" : "[C]: in ?";
    }
  }
  // The host that entered the interpreter.
  out += "\n\t[C]: in ?";
  return out;
}

}  // namespace tycho
