// DebugLib: the debug library of manual §6.10, over the debug interface of
// vm/DebugInfo.hpp (frames, locals, upvalues) and vm/Hook.hpp (hooks).
//
// Functions that operate over a thread take it as an optional first
// argument; `base` below is the index of the argument before the others
// (1 when a thread was given, else 0), as error messages count from it.
//
// A hook set from Lua is a Lua function per thread, kept in the registry
// table _HOOKKEY (weak keys: a thread that is collected drops its hook);
// every such thread has the same native hook, luaHook, which looks the
// function up and calls it with the event name and the line.
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "gc/Heap.hpp"
#include "runtime/Messages.hpp"
#include "stdlib/Lib.hpp"
#include "vm/Debug.hpp"
#include "vm/DebugInfo.hpp"
#include "vm/Hook.hpp"
#include "vm/Load.hpp"

namespace tycho::lib {

namespace {

constexpr const char* kHookTableKey = "_HOOKKEY";
constexpr const char* kDefaultInfoOptions = "flnSrtu";
constexpr const char* kInfoOptions = "SlnrutLf";
constexpr int kDebugLineSize = 250;  // debug.debug reads lines in pieces of this size, as lua5.4

// The thread argument, if any; *base receives the index of the argument
// before the others.
lua_State* threadArg(lua_State* L, int* base) {
  if (arg(L, 1).isThread()) {
    *base = 1;
    return arg(L, 1).asThread();
  }
  *base = 0;
  return L;
}

int checkInt(lua_State* L, int i, const char* fname) { return int(checkInteger(L, i, fname)); }

void checkFunction(lua_State* L, int i, const char* fname) {
  if (!arg(L, i).isFunction()) argTypeError(L, i, fname, "function");
}

// t[name] = v, with v kept rooted while the key is made.
void setField(lua_State* L, Table* t, const char* name, const Value& v) {
  push(L, v);
  String* key = newString(L, name);
  tableSet(L, t, Value::string(key), L->top[-1]);
  L->top--;
}

void setStringField(lua_State* L, Table* t, const char* name, std::string_view s) {
  pushString(L, s);
  setField(L, t, name, L->top[-1]);
  L->top--;
}

// --- getinfo ---

// Builds getinfo's table for frame `ci` of L1, or for function `fn` when ci
// is null. `options` are valid.
void pushInfoTable(lua_State* L, lua_State* L1, const CallInfo* ci, const Value& fn, std::string_view options) {
  FunctionInfo info = ci ? describeFrame(L1, ci) : describeFunction(fn);
  Value func = ci ? *ci->func : fn;
  Table* t = newTable(L, 0, 16);
  push(L, Value::table(t));
  push(L, func);  // rooted while the table fills
  auto has = [&](char c) { return options.find(c) != std::string_view::npos; };
  if (has('S')) {
    setStringField(L, t, "source", info.source);
    setStringField(L, t, "short_src", info.shortSrc);
    setField(L, t, "linedefined", Value::integer(info.lineDefined));
    setField(L, t, "lastlinedefined", Value::integer(info.lastLineDefined));
    setStringField(L, t, "what", info.what);
  }
  if (has('l')) setField(L, t, "currentline", Value::integer(info.currentLine));
  if (has('u')) {
    setField(L, t, "nups", Value::integer(info.nups));
    setField(L, t, "nparams", Value::integer(info.nparams));
    setField(L, t, "isvararg", Value::boolean(info.isVararg));
  }
  if (has('n')) {
    if (info.name.known()) setStringField(L, t, "name", info.name.name);
    setStringField(L, t, "namewhat", info.name.kind);
  }
  if (has('r')) {
    setField(L, t, "ftransfer", Value::integer(info.ftransfer));
    setField(L, t, "ntransfer", Value::integer(info.ntransfer));
  }
  if (has('t')) setField(L, t, "istailcall", Value::boolean(info.isTailCall));
  if (has('L')) {
    std::vector<int> lines;
    if (activeLines(func, &lines)) {
      Table* set = newTable(L, 0, int(lines.size()));
      setField(L, t, "activelines", Value::table(set));
      for (int line : lines) tableSetInt(L, set, line, Value::boolean(true));
    }
  }
  if (has('f')) setField(L, t, "func", func);
  L->top--;  // the function; the table is the result
}

int dbGetinfo(lua_State* L) {
  int base;
  lua_State* L1 = threadArg(L, &base);
  String* given = optString(L, base + 2, "getinfo", nullptr);
  // Options are a C string in lua5.4: they end at the first zero byte.
  std::string_view options = given ? std::string_view(given->data()) : std::string_view(kDefaultInfoOptions);
  if (!options.empty() && options[0] == '>') argError(L, base + 2, "getinfo", msg::kArgInvalidOptionFunction);
  Value target = arg(L, base + 1);
  const CallInfo* ci = nullptr;
  if (!target.isFunction()) {
    ci = frameAtLevel(L1, checkInt(L, base + 1, "getinfo"));
    if (!ci) {
      push(L, Value::nil());  // no such level
      return 1;
    }
  }
  for (char c : options) {
    if (!std::strchr(kInfoOptions, c)) argError(L, base + 2, "getinfo", msg::kArgInvalidOption);
  }
  pushInfoTable(L, L1, ci, target, options);
  return 1;
}

// --- locals ---

int dbGetlocal(lua_State* L) {
  int base;
  lua_State* L1 = threadArg(L, &base);
  int n = checkInt(L, base + 2, "getlocal");
  Value target = arg(L, base + 1);
  if (target.isFunction()) {
    // Of a function value only the parameters are known, without values.
    const char* name = parameterName(target, n);
    if (name) pushString(L, name);
    else push(L, Value::nil());
    return 1;
  }
  const CallInfo* ci = frameAtLevel(L1, checkInt(L, base + 1, "getlocal"));
  if (!ci) argError(L, base + 1, "getlocal", msg::kArgLevelOutOfRange);
  StkId slot;
  const char* name = findLocal(L1, ci, n, &slot);
  if (!name) {
    push(L, Value::nil());
    return 1;
  }
  push(L, *slot);
  pushString(L, name);
  std::swap(L->top[-1], L->top[-2]);  // name, value
  return 2;
}

int dbSetlocal(lua_State* L) {
  int base;
  lua_State* L1 = threadArg(L, &base);
  int level = checkInt(L, base + 1, "setlocal");
  int n = checkInt(L, base + 2, "setlocal");
  const CallInfo* ci = frameAtLevel(L1, level);
  if (!ci) argError(L, base + 1, "setlocal", msg::kArgLevelOutOfRange);
  checkAny(L, base + 3, "setlocal");
  StkId slot;
  const char* name = findLocal(L1, ci, n, &slot);
  if (!name) {
    push(L, Value::nil());
    return 1;
  }
  *slot = arg(L, base + 3);  // stacks are rescanned at the end of marking: no barrier
  pushString(L, name);
  return 1;
}

// --- upvalues ---

int dbGetupvalue(lua_State* L) {
  int n = checkInt(L, 2, "getupvalue");
  checkFunction(L, 1, "getupvalue");
  Value* slot;
  GCObject* holder;
  const char* name = upvalueOf(arg(L, 1), n, &slot, &holder);
  if (!name) return 0;
  push(L, *slot);
  pushString(L, name);
  std::swap(L->top[-1], L->top[-2]);  // name, value
  return 2;
}

int dbSetupvalue(lua_State* L) {
  checkAny(L, 3, "setupvalue");
  int n = checkInt(L, 2, "setupvalue");
  checkFunction(L, 1, "setupvalue");
  Value* slot;
  GCObject* holder;
  const char* name = upvalueOf(arg(L, 1), n, &slot, &holder);
  if (!name) return 0;
  *slot = arg(L, 3);
  gc::barrierForward(G(L), holder, *slot);
  pushString(L, name);
  return 1;
}

// The identity of upvalue arg(argN) of function arg(argF) (null when there
// is none; an argument error when `required`).
void* checkUpvalue(lua_State* L, int argF, int argN, const char* fname, bool required, int* n) {
  *n = checkInt(L, argN, fname);
  checkFunction(L, argF, fname);
  void* id = upvalueIdentity(arg(L, argF), *n);
  if (required && !id) argError(L, argN, fname, msg::kArgInvalidUpvalueIndex);
  return id;
}

int dbUpvalueid(lua_State* L) {
  int n;
  void* id = checkUpvalue(L, 1, 2, "upvalueid", false, &n);
  push(L, id ? Value::lightUserdata(id) : Value::nil());
  return 1;
}

int dbUpvaluejoin(lua_State* L) {
  int n1, n2;
  checkUpvalue(L, 1, 2, "upvaluejoin", true, &n1);
  checkUpvalue(L, 3, 4, "upvaluejoin", true, &n2);
  if (!arg(L, 1).isLuaClosure()) argError(L, 1, "upvaluejoin", msg::kArgLuaFunctionExpected);
  if (!arg(L, 3).isLuaClosure()) argError(L, 3, "upvaluejoin", msg::kArgLuaFunctionExpected);
  LuaClosure* f1 = arg(L, 1).asLuaClosure();
  UpVal* uv = arg(L, 3).asLuaClosure()->upvals[n2 - 1];
  f1->upvals[n1 - 1] = uv;
  gc::barrierBack(G(L), f1, uv);  // as the interpreter does for a new closure
  return 0;
}

// --- metatables, registry, user values ---

int dbGetmetatable(lua_State* L) {
  checkAny(L, 1, "getmetatable");
  Table* mt = metatableOf(L, arg(L, 1));
  push(L, mt ? Value::table(mt) : Value::nil());
  return 1;
}

// Sets the metatable of any value, ignoring __metatable: tables and full
// userdata have their own, the other types one per type (§2.4).
int dbSetmetatable(lua_State* L) {
  Value mtValue = arg(L, 2);
  if (isNone(L, 2) || (!mtValue.isNil() && !mtValue.isTable())) argTypeError(L, 2, "setmetatable", "nil or table");
  Value v = arg(L, 1);
  Table* mt = mtValue.isNil() ? nullptr : mtValue.asTable();
  GCObject* object = nullptr;
  if (v.isTable()) {
    v.asTable()->metatable = mt;
    object = v.asObject();
  } else if (v.isUserdata()) {
    v.asUserdata()->metatable = mt;
    object = v.asObject();
  } else {
    G(L)->typeMetatables[v.type()] = mt;  // a root of the collector
  }
  if (object) {
    gc::barrierBack(G(L), object, mtValue);
    // An object is marked for finalization when it gets a metatable with
    // a __gc field (§2.5.3).
    if (mt && !tableGetShortString(mt, G(L)->tmNames[TM_GC])->isNil()) gc::markFinalizable(L, object);
  }
  L->top = args(L) + 1;
  return 1;
}

int dbGetregistry(lua_State* L) {
  push(L, G(L)->registry);
  return 1;
}

int dbGetuservalue(lua_State* L) {
  int n = int(optInteger(L, 2, "getuservalue", 1));
  Value u = arg(L, 1);
  if (!u.isUserdata() || n <= 0 || n > u.asUserdata()->numUserValues) {
    push(L, Value::nil());
    return 1;
  }
  push(L, u.asUserdata()->userValues[n - 1]);
  push(L, Value::boolean(true));
  return 2;
}

int dbSetuservalue(lua_State* L) {
  int n = int(optInteger(L, 3, "setuservalue", 1));
  if (!arg(L, 1).isUserdata()) argTypeError(L, 1, "setuservalue", "userdata");
  checkAny(L, 2, "setuservalue");
  Userdata* u = arg(L, 1).asUserdata();
  if (n <= 0 || n > u->numUserValues) {
    push(L, Value::nil());
    return 1;
  }
  u->userValues[n - 1] = arg(L, 2);
  gc::barrierBack(G(L), u, arg(L, 2));
  push(L, arg(L, 1));
  return 1;
}

// --- hooks ---

Table* hookTable(lua_State* L) {
  String* key = newString(L, kHookTableKey);
  const Value* t = tableGetShortString(G(L)->registry.asTable(), key);
  return t->isTable() ? t->asTable() : nullptr;
}

// The registry's hook table, created (with weak keys) when missing.
Table* makeHookTable(lua_State* L) {
  if (Table* t = hookTable(L)) return t;
  Table* t = newTable(L);
  push(L, Value::table(t));
  Table* mt = newTable(L, 0, 1);
  // Making mt may have run a collection that made t old (a major one
  // makes every survivor old at once): the store needs its barrier.
  t->metatable = mt;
  gc::barrierBack(G(L), t, mt);
  setStringField(L, mt, "__mode", "k");
  setField(L, G(L)->registry.asTable(), kHookTableKey, Value::table(t));
  L->top--;
  return t;
}

}  // namespace

// The native hook of threads whose hook was set from Lua: calls the thread's
// Lua hook with the event name and, for line events, the line.
void luaHook(lua_State* L, int event, int line) {
  static const char* const kEventNames[] = {"call", "return", "line", "count", "tail call"};
  Table* hooks = hookTable(L);
  if (!hooks) return;
  Value f = *tableGet(G(L), hooks, Value::thread(L));
  if (!f.isFunction()) return;
  ensureStack(L, 3);
  StkId func = L->top;
  push(L, f);
  pushString(L, kEventNames[event]);
  push(L, line >= 0 ? Value::integer(line) : Value::nil());
  // A hook called from a Lua frame's trap cannot be suspended there.
  callNoYield(L, func, 0);
}

namespace {

int dbSethook(lua_State* L) {
  int base;
  lua_State* L1 = threadArg(L, &base);
  HookFunction hook = nullptr;
  int mask = 0, count = 0;
  if (!isNoneOrNil(L, base + 1)) {
    String* events = checkString(L, base + 2, "sethook");
    checkFunction(L, base + 1, "sethook");
    count = int(optInteger(L, base + 3, "sethook", 0));
    std::string_view e(events->data());  // a C string in lua5.4
    if (e.find('c') != std::string_view::npos) mask |= kMaskCall;
    if (e.find('r') != std::string_view::npos) mask |= kMaskReturn;
    if (e.find('l') != std::string_view::npos) mask |= kMaskLine;
    if (count > 0) mask |= kMaskCount;
    hook = luaHook;
  }
  Table* hooks = makeHookTable(L);
  tableSet(L, hooks, Value::thread(L1), hook ? arg(L, base + 1) : Value::nil());
  setHook(L1, hook, mask, count);
  return 0;
}

int dbGethook(lua_State* L) {
  int base;
  lua_State* L1 = threadArg(L, &base);
  if (!L1->hook) {
    push(L, Value::nil());
    return 1;
  }
  if (L1->hook != luaHook) {
    pushString(L, msg::kExternalHook);
  } else {
    Table* hooks = hookTable(L);
    push(L, hooks ? *tableGet(G(L), hooks, Value::thread(L1)) : Value::nil());
    if (L->top[-1].tag == kTagAbsentKey) L->top[-1].setNil();
  }
  std::string events;
  if (L1->hookMask & kMaskCall) events += 'c';
  if (L1->hookMask & kMaskReturn) events += 'r';
  if (L1->hookMask & kMaskLine) events += 'l';
  pushString(L, events);
  push(L, Value::integer(L1->baseHookCount));
  return 3;
}

// --- traceback, debug, setcstacklimit ---

int dbTraceback(lua_State* L) {
  int base;
  lua_State* L1 = threadArg(L, &base);
  Value message = arg(L, base + 1);
  if (!message.isString() && !message.isNumber() && !message.isNil()) {
    push(L, message);  // not a message: returned untouched
    return 1;
  }
  String* text = message.isNil() ? nullptr : checkString(L, base + 1, "traceback");
  int level = int(optInteger(L, base + 2, "traceback", L1 == L ? 1 : 0));
  pushTraceback(L, L1, text ? text->data() : nullptr, level);
  return 1;
}

// Runs each line read from stdin as a chunk until a line "cont" (or the end
// of input); errors are printed to stderr.
int dbDebug(lua_State* L) {
  StkId start = args(L);
  ptrdiff_t startOff = saveStack(L, start);
  for (;;) {
    std::fputs(msg::kDebugPrompt, stderr);
    std::fflush(stderr);
    char line[kDebugLineSize];
    if (!std::fgets(line, sizeof line, stdin) || std::strcmp(line, "cont\n") == 0) return 0;
    int status = loadSource(L, line, msg::kDebugCommandChunk);
    if (status == kOk) status = protectedCall(L, L->top - 1, 0);
    if (status != kOk) {
      String* s = toStringMeta(L, L->top[-1]);
      std::fwrite(s->data(), 1, s->length(), stderr);
      std::fputc('\n', stderr);
      std::fflush(stderr);
    }
    L->top = restoreStack(L, startOff);
  }
}

// Kept for compatibility: C stack limits are fixed (lua5.4 returns its
// constant limit too).
int dbSetcstacklimit(lua_State* L) {
  checkInteger(L, 1, "setcstacklimit");
  push(L, Value::integer(kMaxCCalls));
  return 1;
}

}  // namespace

int openDebug(lua_State* L) {
  ensureStack(L, 2);
  Table* lib = newTable(L, 0, 17);
  push(L, Value::table(lib));
  static const struct { const char* name; NativeFunction fn; } kFunctions[] = {
    {"debug", dbDebug}, {"getuservalue", dbGetuservalue}, {"gethook", dbGethook},
    {"getinfo", dbGetinfo}, {"getlocal", dbGetlocal}, {"getregistry", dbGetregistry},
    {"getmetatable", dbGetmetatable}, {"getupvalue", dbGetupvalue}, {"upvaluejoin", dbUpvaluejoin},
    {"upvalueid", dbUpvalueid}, {"setuservalue", dbSetuservalue}, {"sethook", dbSethook},
    {"setlocal", dbSetlocal}, {"setmetatable", dbSetmetatable}, {"setupvalue", dbSetupvalue},
    {"traceback", dbTraceback}, {"setcstacklimit", dbSetcstacklimit},
  };
  for (const auto& f : kFunctions) setFunction(L, lib, f.name, f.fn);
  return 1;
}

}  // namespace tycho::lib
