// CoroutineLib: the coroutine library of manual §6.2, over vm/Coroutine.
#include "gc/Heap.hpp"
#include "runtime/Messages.hpp"
#include "runtime/Function.hpp"
#include "stdlib/Lib.hpp"
#include "vm/Coroutine.hpp"

namespace tycho::lib {

namespace {

lua_State* checkCoroutine(lua_State* L, int i, const char* fname) {
  Value v = arg(L, i);
  if (!v.isThread()) argTypeError(L, i, fname, "thread");
  return v.asThread();
}

// Moves the top n values of `from` to the top of `to`.
void moveValues(lua_State* from, lua_State* to, int n) {
  StkId src = from->top - n;
  for (int i = 0; i < n; i++) *to->top++ = src[i];
  from->top -= n;
}

// Resumes co with the top nargs values of L; returns the number of values
// moved back to L, or -1 with the error object on top of L.
int auxResume(lua_State* L, lua_State* co, int nargs) {
  if (co->stackLast - co->top <= nargs + 1) {
    try {
      ensureStack(co, nargs + 1);
    } catch (LuaException&) {
      co->top--;  // drop the error message left on co
      L->top -= nargs;
      pushString(L, msg::kTooManyResumeArgs);
      return -1;
    }
  }
  moveValues(L, co, nargs);
  int nres = 0;
  int status = resumeCoroutine(co, L, nargs, &nres);
  if (status == kOk || status == kYield) {
    if (L->stackLast - L->top <= nres + 1) {
      try {
        ensureStack(L, nres + 1);
      } catch (LuaException&) {
        L->top--;
        co->top -= nres;
        pushString(L, msg::kTooManyResumeResults);
        return -1;
      }
    }
    moveValues(co, L, nres);
    return nres;
  }
  moveValues(co, L, 1);  // the error object
  return -1;
}

// Pushes a new coroutine for the function argument.
void pushNewCoroutine(lua_State* L, const char* fname) {
  Value f = arg(L, 1);
  if (!f.isFunction()) argTypeError(L, 1, fname, "function");
  lua_State* co = newThread(L);
  push(L, Value::thread(co));
  *co->top++ = f;
}

int coCreate(lua_State* L) {
  pushNewCoroutine(L, "create");
  return 1;
}

int coResume(lua_State* L) {
  lua_State* co = checkCoroutine(L, 1, "resume");
  int n = auxResume(L, co, argCount(L) - 1);
  StkId base = args(L);
  if (n < 0) {
    Value err = L->top[-1];
    base[0].setBoolean(false);
    base[1] = err;
    L->top = base + 2;
    return 2;
  }
  // Results are on top: put true below them.
  ensureStack(L, 1);
  StkId first = L->top - n;
  for (StkId p = L->top; p > first; p--) p[0] = p[-1];
  L->top++;
  first->setBoolean(true);
  return n + 1;
}

int coYield(lua_State* L) { return yieldCoroutine(L, argCount(L)); }

const char* statusName(CoStatus s) {
  switch (s) {
    case CoStatus::Running: return "running";
    case CoStatus::Suspended: return "suspended";
    case CoStatus::Normal: return "normal";
    case CoStatus::Dead: return "dead";
  }
  return "dead";
}

int coStatus(lua_State* L) {
  lua_State* co = checkCoroutine(L, 1, "status");
  pushString(L, statusName(coroutineStatus(L, co)));
  return 1;
}

int coRunning(lua_State* L) {
  push(L, Value::thread(L));
  push(L, Value::boolean(L == G(L)->mainThread));
  return 2;
}

int coIsYieldable(lua_State* L) {
  lua_State* co = isNone(L, 1) ? L : checkCoroutine(L, 1, "isyieldable");
  push(L, Value::boolean(co->nny == 0));
  return 1;
}

int coClose(lua_State* L) {
  lua_State* co = checkCoroutine(L, 1, "close");
  CoStatus s = coroutineStatus(L, co);
  if (s == CoStatus::Running) libError(L, msg::kCloseRunning);
  if (s == CoStatus::Normal) libError(L, msg::kCloseNormal);
  int status = closeCoroutine(co, L);
  if (status == kOk) {
    push(L, Value::boolean(true));
    return 1;
  }
  push(L, Value::boolean(false));
  moveValues(co, L, 1);
  return 2;
}

// The function made by wrap: resumes its coroutine (upvalue 1) and returns
// the results, or raises its error.
int wrapAux(lua_State* L) {
  lua_State* co = L->ci->func->asNativeClosure()->upvalues[0].asThread();
  int n = auxResume(L, co, argCount(L));
  if (n >= 0) return n;
  int status = co->status;
  if (status != kOk && status != kYield) {
    // The coroutine died: close its pending variables first.
    Value err = L->top[-1];
    L->top--;
    *co->top++ = err;
    status = closeCoroutine(co, L);
    moveValues(co, L, 1);
  }
  if (status != kErrMem && L->top[-1].isString()) {
    // Lua adds the position of the wrapper's caller.
    addWhere(L, L->ci->previous);
  }
  throwError(L, kErrRun);
}

int coWrap(lua_State* L) {
  pushNewCoroutine(L, "wrap");
  NativeClosure* c = newNativeClosure(L, wrapAux, 1);
  c->upvalues[0] = L->top[-1];
  L->top[-1] = Value::nativeClosure(c);
  return 1;
}

}  // namespace

int openCoroutine(lua_State* L) {
  Table* lib = newTable(L, 0, 8);
  push(L, Value::table(lib));
  static const struct { const char* name; NativeFunction fn; } kFunctions[] = {
    {"close", coClose}, {"create", coCreate}, {"isyieldable", coIsYieldable},
    {"resume", coResume}, {"running", coRunning}, {"status", coStatus},
    {"wrap", coWrap}, {"yield", coYield},
  };
  for (const auto& f : kFunctions) setFunction(L, lib, f.name, f.fn);
  return 1;
}

}  // namespace tycho::lib
