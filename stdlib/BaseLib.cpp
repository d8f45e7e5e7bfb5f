// BaseLib: the basic functions of manual §6.1.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "gc/Heap.hpp"
#include "runtime/Messages.hpp"
#include "runtime/Function.hpp"
#include "runtime/Number.hpp"
#include "stdlib/Lib.hpp"
#include "vm/Load.hpp"

namespace tycho::lib {

namespace {

int basePrint(lua_State* L) {
  int n = argCount(L);
  for (int i = 1; i <= n; i++) {
    String* s = toStringMeta(L, args(L)[i - 1]);
    if (i > 1) std::fputc('\t', stdout);
    std::fwrite(s->data(), 1, s->length(), stdout);
    L->top--;
  }
  std::fputc('\n', stdout);
  std::fflush(stdout);
  return 0;
}

int baseType(lua_State* L) {
  checkAny(L, 1, "type");
  pushString(L, basicTypeName(arg(L, 1).type()));
  return 1;
}

int baseToString(lua_State* L) {
  checkAny(L, 1, "tostring");
  toStringMeta(L, arg(L, 1));
  return 1;
}

// Converts `s` as an integer numeral in `base`; false when malformed.
bool stringToIntegerBase(std::string_view s, int base, Integer* out) {
  size_t i = 0, n = s.size();
  auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  while (i < n && space(s[i])) i++;
  bool neg = false;
  if (i < n && s[i] == '-') {
    neg = true;
    i++;
  } else if (i < n && s[i] == '+') {
    i++;
  }
  size_t digits = 0;
  Unsigned value = 0;
  for (; i < n; i++, digits++) {
    char c = s[i];
    int d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'z') d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'Z') d = c - 'A' + 10;
    else break;
    if (d >= base) return false;
    value = value * Unsigned(base) + Unsigned(d);
  }
  if (digits == 0) return false;
  while (i < n && space(s[i])) i++;
  if (i != n) return false;
  *out = Integer(neg ? 0u - value : value);
  return true;
}

int baseToNumber(lua_State* L) {
  if (isNoneOrNil(L, 2)) {
    Value v = arg(L, 1);
    if (v.isNumber()) {
      push(L, v);
      return 1;
    }
    if (v.isString()) {
      Value n;
      if (stringToNumber(view(v.asString()), n)) {
        push(L, n);
        return 1;
      }
    } else {
      checkAny(L, 1, "tonumber");
    }
    push(L, Value::nil());
    return 1;
  }
  Integer base = checkInteger(L, 2, "tonumber");
  Value v = arg(L, 1);
  if (!v.isString()) argTypeError(L, 1, "tonumber", "string");
  if (base < 2 || base > 36) argError(L, 2, "tonumber", "base out of range");
  Integer out;
  if (stringToIntegerBase(view(v.asString()), int(base), &out)) push(L, Value::integer(out));
  else push(L, Value::nil());
  return 1;
}

int baseAssert(lua_State* L) {
  if (arg(L, 1).isTruthy()) return argCount(L);
  checkAny(L, 1, "assert");
  if (argCount(L) >= 2) {
    // As error(msg): a string message gets the caller's position.
    Value msg = arg(L, 2);
    L->top = args(L);
    push(L, msg);
    if (msg.isString()) addWhere(L, L->ci->previous);
    throwError(L, kErrRun);
  }
  libError(L, "%s", msg::kAssertionFailed);
}

int baseError(lua_State* L) {
  Integer level = optInteger(L, 2, "error", 1);
  Value msg = arg(L, 1);
  L->top = args(L);
  push(L, msg);
  if (msg.isString() && level > 0) {
    // Position of the function `level` levels up from error's caller.
    CallInfo* ci = L->ci;
    for (Integer i = 0; i < level && ci && ci != &L->baseCi; i++) ci = ci->previous;
    if (ci != &L->baseCi) addWhere(L, ci);
  }
  throwError(L, kErrRun);
}

// pcall and xpcall survive yields of the function they protect: their frame
// is marked CIST_YPCALL and finished by a continuation (vm/Coroutine.hpp).
// ctx is the stack offset of the protected function's slot.

// pcall's frame: [true, f, args...] -> [true, results...] or [false, error].
int finishPcall(lua_State* L, int status, intptr_t ctx) {
  if (L->ci->recoverStatus) status = finishRecovery(L, ctx);
  L->errorHandler = L->ci->savedHandler;
  StkId base = args(L);
  if (status == kOk || status == kYield) return int(L->top - base);
  base[0].setBoolean(false);
  base[1] = *restoreStack(L, ptrdiff_t(ctx));
  L->top = base + 2;
  return 2;
}

void markProtected(lua_State* L, NativeContinuation k, StkId protectedFunc) {
  CallInfo* ci = L->ci;
  ci->status |= CIST_YPCALL;
  ci->cont = k;
  ci->ctx = intptr_t(saveStack(L, protectedFunc));
  ci->savedHandler = L->errorHandler;
}

int basePcall(lua_State* L) {
  checkAny(L, 1, "pcall");
  ensureStack(L, 1);
  StkId base = args(L);
  // Shift the function and its arguments up to make room for the status.
  for (StkId p = L->top; p > base; p--) p[0] = p[-1];
  L->top++;
  base->setBoolean(true);
  markProtected(L, finishPcall, base + 1);
  int status = protectedCall(L, base + 1, kMultRet, 0, true);
  return finishPcall(L, status, L->ci->ctx);
}

// xpcall's frame: [true, handler, f, args...] -> [true, results...] or
// [false, error].
int finishXpcall(lua_State* L, int status, intptr_t ctx) {
  if (L->ci->recoverStatus) status = finishRecovery(L, ctx);
  L->errorHandler = L->ci->savedHandler;
  StkId base = args(L);
  if (status != kOk && status != kYield) {
    base[0].setBoolean(false);
    base[1] = *restoreStack(L, ptrdiff_t(ctx));
    L->top = base + 2;
    return 2;
  }
  for (StkId p = base + 1; p + 1 < L->top; p++) p[0] = p[1];  // drop the handler
  L->top--;
  return int(L->top - base);
}

int baseXpcall(lua_State* L) {
  if (!arg(L, 2).isFunction()) argTypeError(L, 2, "xpcall", "function");
  ensureStack(L, 1);
  StkId base = args(L);
  Value f = base[0];
  Value handler = base[1];
  for (StkId p = L->top; p > base + 2; p--) p[0] = p[-1];
  L->top++;
  base[0].setBoolean(true);
  base[1] = handler;
  base[2] = f;
  markProtected(L, finishXpcall, base + 2);
  int status = protectedCall(L, base + 2, kMultRet, saveStack(L, base + 1), true);
  return finishXpcall(L, status, L->ci->ctx);
}

int baseSelect(lua_State* L) {
  int n = argCount(L);
  Value first = arg(L, 1);
  if (first.isString() && first.asString()->length() == 1 && first.asString()->data()[0] == '#') {
    push(L, Value::integer(n - 1));
    return 1;
  }
  Integer i = checkInteger(L, 1, "select");
  if (i < 0) i = n + i;
  else if (i > n) i = n;
  if (i < 1) argError(L, 1, "select", "index out of range");
  return n - int(i);
}

int ipairsAux(lua_State* L) {
  Integer i = checkInteger(L, 2, "ipairs") + 1;
  Value t = arg(L, 1);
  push(L, Value::integer(i));
  ptrdiff_t off = saveStack(L, L->top);
  push(L, Value::nil());
  if (t.isTable()) {
    const Value* v = tableGetInt(t.asTable(), i);
    if (!v->isNil()) *restoreStack(L, off) = *v;
    else if (t.asTable()->metatable) getTableMeta(L, t, Value::integer(i), off);
  } else {
    getTableMeta(L, t, Value::integer(i), off);
  }
  return restoreStack(L, off)->isNil() ? 1 : 2;
}

int baseIpairs(lua_State* L) {
  checkAny(L, 1, "ipairs");
  Value t = arg(L, 1);
  push(L, Value::lightFunction(ipairsAux));
  push(L, t);
  push(L, Value::integer(0));
  return 3;
}

int baseNext(lua_State* L) {
  Table* t = checkTable(L, 1, "next");
  Value key = arg(L, 2), value;
  if (tableNext(L, t, &key, &value)) {
    push(L, key);
    push(L, value);
    return 2;
  }
  push(L, Value::nil());
  return 1;
}

int basePairs(lua_State* L) {
  checkAny(L, 1, "pairs");
  Value t = arg(L, 1);
  if (Table* mt = metatableOf(L, t)) {
    const Value* f = tableGetShortString(mt, G(L)->pairsField);
    if (!f->isNil()) {
      Value fn = *f;
      L->top = args(L) + 1;
      push(L, fn);
      push(L, t);
      // __pairs may yield: the continuation returns its three results.
      L->ci->cont = [](lua_State*, int, intptr_t) { return 3; };
      callYieldable(L, L->top - 2, 3);
      return 3;
    }
  }
  // No type check here: `next` reports a non-table when the loop calls it.
  push(L, Value::lightFunction(baseNext));
  push(L, t);
  push(L, Value::nil());
  return 3;
}

int baseRawget(lua_State* L) {
  Table* t = checkTable(L, 1, "rawget");
  checkAny(L, 2, "rawget");
  const Value* v = tableGet(G(L), t, arg(L, 2));
  push(L, v->isNil() ? Value::nil() : *v);
  return 1;
}

int baseRawset(lua_State* L) {
  Table* t = checkTable(L, 1, "rawset");
  checkAny(L, 2, "rawset");
  checkAny(L, 3, "rawset");
  tableSet(L, t, arg(L, 2), arg(L, 3));
  push(L, arg(L, 1));
  return 1;
}

int baseRawequal(lua_State* L) {
  checkAny(L, 1, "rawequal");
  checkAny(L, 2, "rawequal");
  push(L, Value::boolean(rawEquals(arg(L, 1), arg(L, 2))));
  return 1;
}

int baseRawlen(lua_State* L) {
  Value v = arg(L, 1);
  if (v.isTable()) push(L, Value::integer(Integer(tableLength(G(L), v.asTable()))));
  else if (v.isString()) push(L, Value::integer(Integer(v.asString()->length())));
  else argTypeError(L, 1, "rawlen", "table or string");
  return 1;
}

const Value* protectedField(lua_State* L, Table* mt) {
  return tableGetShortString(mt, G(L)->metatableField);
}

int baseSetmetatable(lua_State* L) {
  Table* t = checkTable(L, 1, "setmetatable");
  Value mt = arg(L, 2);
  if (isNone(L, 2) || (!mt.isNil() && !mt.isTable())) argTypeError(L, 2, "setmetatable", "nil or table");
  if (t->metatable && !protectedField(L, t->metatable)->isNil()) libError(L, msg::kProtectedMetatable);
  t->metatable = mt.isNil() ? nullptr : mt.asTable();
  gc::barrierBack(G(L), t, mt);
  // An object is marked for finalization when it gets a metatable with a
  // __gc field (§2.5.3).
  if (t->metatable && !tableGetShortString(t->metatable, G(L)->tmNames[TM_GC])->isNil()) gc::markFinalizable(L, t);
  push(L, arg(L, 1));
  return 1;
}

int baseGetmetatable(lua_State* L) {
  checkAny(L, 1, "getmetatable");
  Table* mt = metatableOf(L, arg(L, 1));
  if (!mt) {
    push(L, Value::nil());
    return 1;
  }
  const Value* field = protectedField(L, mt);
  push(L, field->isNil() ? Value::table(mt) : *field);
  return 1;
}

int baseLoad(lua_State* L) {
  Value chunk = arg(L, 1);
  String* mode = optString(L, 3, "load", nullptr);
  std::string source;
  std::string name;
  // A number is a string chunk (its text), as for every string argument.
  if (chunk.isNumber()) chunk = Value::string(checkString(L, 1, "load"));
  if (chunk.isString()) {
    source.assign(view(chunk.asString()));
    name = isNoneOrNil(L, 2) ? source : std::string(view(checkString(L, 2, "load")));
  } else if (chunk.isFunction()) {
    name = isNoneOrNil(L, 2) ? "=(load)" : std::string(view(checkString(L, 2, "load")));
    // Call the reader until it returns nil or an empty string.
    for (;;) {
      ensureStack(L, 1);
      push(L, arg(L, 1));
      // Errors of the reader make load fail, as errors of the parser do.
      // As in Lua, the reading is protected under the message handler of
      // the enclosing protected call (which may add a traceback).
      if (protectedCall(L, L->top - 1, 1, L->errorHandler) != kOk) {
        Value err = L->top[-1];
        L->top[-1] = Value::nil();
        push(L, err);
        return 2;
      }
      if (L->top[-1].isNumber()) numberToStringInPlace(L, L->top - 1);  // its text is the piece
      Value piece = L->top[-1];
      L->top--;
      if (piece.isNil() || (piece.isString() && piece.asString()->length() == 0)) break;
      if (!piece.isString()) {
        // An error of load itself, raised inside the reading (see above):
        // the position is load's caller's, and the message handler runs.
        ptrdiff_t result = saveStack(L, L->top);
        pushString(L, msg::kReaderNotString);
        addWhere(L, L->ci->previous);
        if (L->errorHandler != 0 && G(L)->callErrorHandler) {
          CallInfo* ci = L->ci;
          try {
            G(L)->callErrorHandler(L);
          } catch (LuaException&) {
            L->ci = ci;  // the handler failed: its error is the message
          }
        }
        Value message = L->top[-1];
        L->top = restoreStack(L, result);
        push(L, Value::nil());
        push(L, message);
        return 2;
      }
      source.append(view(piece.asString()));
    }
  } else {
    argTypeError(L, 1, "load", "function");
  }
  // Read before loadSource pushes its result, which argCount would count.
  bool hasEnv = !isNone(L, 4);
  Value env = arg(L, 4);
  int status = loadSource(L, source, name, mode ? view(mode) : "bt");
  if (status != kOk) {
    Value msg = L->top[-1];
    L->top[-1] = Value::nil();
    push(L, msg);
    return 2;
  }
  if (hasEnv) {
    // A custom environment replaces _ENV, the first upvalue (§6.1 load).
    LuaClosure* c = L->top[-1].asLuaClosure();
    if (c->numUpvalues > 0) *c->upvals[0]->v = env;
  }
  return 1;
}

int baseWarn(lua_State* L) {
  int n = argCount(L);
  checkString(L, 1, "warn");
  for (int i = 2; i <= n; i++) checkString(L, i, "warn");
  for (int i = 1; i <= n; i++) warning(G(L), view(args(L)[i - 1].asString()), i < n);
  return 0;
}

// Loads a chunk file (stdin when `path` is null) for loadfile and dofile.
// Pushes the function, or nil and the message; false on failure.
bool loadFileOrFail(lua_State* L, const char* path, const char* mode) {
  int status = loadFile(L, path, mode ? mode : "bt");
  if (status == kOk) return true;
  Value err = L->top[-1];
  L->top[-1] = Value::nil();
  push(L, err);
  return false;
}

int baseLoadfile(lua_State* L) {
  String* path = optString(L, 1, "loadfile", nullptr);
  String* mode = optString(L, 2, "loadfile", nullptr);
  bool hasEnv = !isNone(L, 3);
  Value env = arg(L, 3);
  if (!loadFileOrFail(L, path ? path->data() : nullptr, mode ? mode->data() : nullptr)) return 2;
  if (hasEnv) {
    LuaClosure* c = L->top[-1].asLuaClosure();
    if (c->numUpvalues > 0) *c->upvals[0]->v = env;
  }
  return 1;
}

int baseDofile(lua_State* L) {
  String* path = optString(L, 1, "dofile", nullptr);
  L->top = args(L) + 1;
  if (!loadFileOrFail(L, path ? path->data() : nullptr, nullptr)) {
    L->top[-2] = L->top[-1];
    L->top--;
    throwError(L, kErrRun);
  }
  // The chunk may yield (dofile inside a coroutine): the frame then
  // survives, and its continuation returns the chunk's results.
  L->ci->cont = [](lua_State* L, int, intptr_t) { return int(L->top - (args(L) + 1)); };
  callYieldable(L, L->top - 1, kMultRet);
  return int(L->top - (args(L) + 1));
}

int baseCollectgarbage(lua_State* L) {
  static constexpr std::string_view kOptions[] = {"stop", "restart", "collect", "count", "", "step", "setpause",
                                                  "setstepmul", "", "isrunning", "generational", "incremental"};
  String* opt = optString(L, 1, "collectgarbage", nullptr);
  std::string_view o = opt ? view(opt) : "collect";
  int op = -1;
  for (int i = 0; i < int(std::size(kOptions)); i++) {
    if (!kOptions[i].empty() && o == kOptions[i]) op = i;
  }
  if (op < 0) {
    std::string msg = "invalid option '" + std::string(o) + "'";
    argError(L, 1, "collectgarbage", msg.c_str());
  }
  GlobalState* g = G(L);
  bool wasGenerational = g->gcKind == gc::kGCGenerational;
  // The arguments are read before the collector runs (and before a result is pushed).
  Integer a = optInteger(L, 2, "collectgarbage", 0);
  Integer b = op == kGcGen || op == kGcInc ? optInteger(L, 3, "collectgarbage", 0) : 0;
  Integer c = op == kGcInc ? optInteger(L, 4, "collectgarbage", 0) : 0;
  auto clip = [](Integer v) { return int(v < INT32_MIN ? INT32_MIN : v > INT32_MAX ? INT32_MAX : v); };
  int result = gcControl(L, op, clip(a), clip(b), clip(c));
  // Inside a finalizer (or while the state closes) every option fails.
  if (result == -1) {
    push(L, Value::nil());
    return 1;
  }
  switch (op) {
    case kGcCount: push(L, Value::number(Number(g->totalBytes) / 1024.0)); break;
    case kGcStep: case kGcIsRunning: push(L, Value::boolean(result != 0)); break;
    case kGcGen: case kGcInc: pushString(L, wasGenerational ? "generational" : "incremental"); break;
    default: push(L, Value::integer(result)); break;
  }
  return 1;
}

}  // namespace

int gcControl(lua_State* L, int op, int a, int b, int c) {
  GlobalState* g = G(L);
  // Inside a finalizer (or while the state closes) the collector is not to
  // be driven (lua_gc's -1).
  if (g->runningFinalizers) return -1;
  // Parameters are kept as Lua keeps them, in steps of 4 percent (a request
  // of 150 reads back as 148); 0 leaves one unchanged.
  auto percent = [](int v) { return (v > 1023 ? 1023 : v) / 4 * 4; };
  switch (op) {
    case kGcStop: case kGcRestart:
      // Explicit collections ("collect", "step") still run (as Lua's do).
      g->gcUserStopped = op == kGcStop;
      return 0;
    case kGcCollect:
      gc::fullCollect(L);
      runPendingFinalizers(L);
      // A safe point to give back the stack and frame records of past deep
      // recursion (the calling frames re-derive their pointers on return).
      trimThread(L);
      return 0;
    case kGcCount: return int(g->totalBytes >> 10);
    case kGcCountB: return int(g->totalBytes & 0x3ff);
    case kGcStep: {
      bool ended = gc::stepCollect(L, a > 0 ? size_t(a) : 0);
      runPendingFinalizers(L);
      return ended ? 1 : 0;
    }
    case kGcSetPause: {
      int old = g->gcPause;
      g->gcPause = percent(a < 0 ? 0 : a);
      return old;
    }
    case kGcSetStepMul: {
      int old = g->gcStepMul;
      g->gcStepMul = percent(a < 4 ? 4 : a);
      return old;
    }
    case kGcIsRunning: return g->gcUserStopped ? 0 : 1;
    case kGcGen: case kGcInc: {
      int previous = g->gcKind == gc::kGCGenerational ? kGcGen : kGcInc;
      if (op == kGcInc) {
        if (a > 0) g->gcPause = percent(a);
        if (b > 0) g->gcStepMul = percent(b) > 0 ? percent(b) : 4;
        if (c > 0) g->gcStepSize = size_t(1) << (c > 30 ? 30 : c);
        gc::setMode(L, gc::kGCIncremental);
      } else {
        if (a > 0) g->genMinorMul = a > 100 ? 100 : a;
        if (b > 0) g->genMajorMul = percent(b) > 0 ? percent(b) : 4;
        gc::setMode(L, gc::kGCGenerational);
      }
      runPendingFinalizers(L);
      return previous;
    }
    default: return -1;
  }
}

int openBase(lua_State* L) {
  Table* G_ = globalsTable(L);
  static const struct { const char* name; NativeFunction fn; } kFunctions[] = {
    {"assert", baseAssert}, {"collectgarbage", baseCollectgarbage}, {"dofile", baseDofile},
    {"error", baseError}, {"loadfile", baseLoadfile},
    {"getmetatable", baseGetmetatable}, {"ipairs", baseIpairs}, {"load", baseLoad},
    {"next", baseNext}, {"pairs", basePairs}, {"pcall", basePcall}, {"print", basePrint},
    {"rawequal", baseRawequal}, {"rawget", baseRawget}, {"rawlen", baseRawlen},
    {"rawset", baseRawset}, {"select", baseSelect}, {"setmetatable", baseSetmetatable},
    {"tonumber", baseToNumber}, {"tostring", baseToString}, {"type", baseType},
    {"warn", baseWarn}, {"xpcall", baseXpcall},
  };
  for (const auto& f : kFunctions) setFunction(L, G_, f.name, f.fn);
  G(L)->primitiveNext = baseNext;
  G(L)->primitiveIpairs = ipairsAux;
  ensureStack(L, 2);
  push(L, Value::table(G_));
  String* key = newString(L, "_G");
  tableSet(L, G_, Value::string(key), Value::table(G_));
  key = newString(L, "_VERSION");
  push(L, Value::string(key));
  String* version = newString(L, "Lua 5.4");
  tableSet(L, G_, Value::string(key), Value::string(version));
  L->top--;
  return 1;  // the global table
}

}  // namespace tycho::lib
