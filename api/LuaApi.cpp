// LuaApi: the lua_* functions of manual §4 over Tycho's runtime.
//
// A C function runs in a native frame (L->ci) whose stack slots are its
// valid indices: 1 is ci->func + 1, -1 is L->top - 1. Pseudo-indices reach
// the registry (LUA_REGISTRYINDEX) and the upvalues of the running C closure
// (lua_upvalueindex). An acceptable index past the top reads as "none".
//
// As in Lua, the API checks nothing that a correct program cannot get wrong
// (stack space, index validity, types where the manual requires them); it
// does turn every error it raises into a Lua error, never a crash.
#include "lua.hpp"

#include <cstdarg>
#include <cstring>
#include <string>
#include <vector>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "api/ReadyState.hpp"
#include "compiler/Dump.hpp"
#include "gc/Heap.hpp"
#include "runtime/ChunkId.hpp"
#include "runtime/Function.hpp"
#include "runtime/Messages.hpp"
#include "runtime/Number.hpp"
#include "runtime/String.hpp"
#include "runtime/Table.hpp"
#include "stdlib/Lib.hpp"
#include "vm/Coroutine.hpp"
#include "vm/DebugInfo.hpp"
#include "vm/Hook.hpp"
#include "vm/Load.hpp"
#include "vm/Vm.hpp"

using namespace tycho;

static_assert(LUA_EXTRASPACE == kExtraSpace);
static_assert(LUAI_MAXSTACK == kMaxStack);
static_assert(LUA_MINSTACK == kMinStack);
static_assert(LUA_OK == kOk && LUA_YIELD == kYield && LUA_ERRRUN == kErrRun && LUA_ERRSYNTAX == kErrSyntax &&
              LUA_ERRMEM == kErrMem && LUA_ERRERR == kErrErr);
static_assert(LUA_TNIL == kTypeNil && LUA_TBOOLEAN == kTypeBoolean && LUA_TLIGHTUSERDATA == kTypeLightUserdata &&
              LUA_TNUMBER == kTypeNumber && LUA_TSTRING == kTypeString && LUA_TTABLE == kTypeTable &&
              LUA_TFUNCTION == kTypeFunction && LUA_TUSERDATA == kTypeUserdata && LUA_TTHREAD == kTypeThread);
static_assert(LUA_HOOKCALL == kHookCall && LUA_HOOKRET == kHookReturn && LUA_HOOKLINE == kHookLine &&
              LUA_HOOKCOUNT == kHookCount && LUA_HOOKTAILCALL == kHookTailCall);
static_assert(LUA_MASKCALL == kMaskCall && LUA_MASKRET == kMaskReturn && LUA_MASKLINE == kMaskLine &&
              LUA_MASKCOUNT == kMaskCount);
static_assert(LUA_RIDX_MAINTHREAD == kRegistryMainThread && LUA_RIDX_GLOBALS == kRegistryGlobals);
static_assert(LUA_MULTRET == kMultRet);
static_assert(LUA_GCSTOP == lib::kGcStop && LUA_GCRESTART == lib::kGcRestart && LUA_GCCOLLECT == lib::kGcCollect &&
              LUA_GCCOUNT == lib::kGcCount && LUA_GCCOUNTB == lib::kGcCountB && LUA_GCSTEP == lib::kGcStep &&
              LUA_GCSETPAUSE == lib::kGcSetPause && LUA_GCSETSTEPMUL == lib::kGcSetStepMul &&
              LUA_GCISRUNNING == lib::kGcIsRunning && LUA_GCGEN == lib::kGcGen && LUA_GCINC == lib::kGcInc);
// The arithmetic operators are numbered as the tag methods from __add on.
static_assert(LUA_OPADD == TM_ADD - TM_ADD && LUA_OPSHR == TM_SHR - TM_ADD && LUA_OPUNM == TM_UNM - TM_ADD &&
              LUA_OPBNOT == TM_BNOT - TM_ADD);

extern "C" const char lua_ident[] = "$LuaVersion: Tycho, an engine for " LUA_COPYRIGHT " $$LuaAuthors: " LUA_AUTHORS " $";

namespace {

// --- indices ---

bool isUpvalueIndex(int idx) { return idx < LUA_REGISTRYINDEX; }

// The value at an acceptable index; &G(L)->nilValue for "none" (an index
// past the top, or a missing upvalue).
Value* slotAt(lua_State* L, int idx) {
  tycho::CallInfo* ci = L->ci;
  if (idx > 0) {
    StkId o = ci->func + idx;
    return o < L->top ? o : &G(L)->nilValue;
  }
  if (idx > LUA_REGISTRYINDEX) return L->top + idx;
  if (idx == LUA_REGISTRYINDEX) return &G(L)->registry;
  int n = LUA_REGISTRYINDEX - idx;
  const Value& f = *ci->func;
  if (f.isNativeClosure() && n <= f.asNativeClosure()->numUpvalues) return &f.asNativeClosure()->upvalues[n - 1];
  return &G(L)->nilValue;  // light C functions have no upvalues
}

bool isValid(lua_State* L, const Value* v) { return v != &G(L)->nilValue; }

// A stack index (not a pseudo-index) as a slot.
StkId stackSlot(lua_State* L, int idx) { return idx > 0 ? L->ci->func + idx : L->top + idx; }

// The value in one 16-byte store (the 8-byte loads that read the slot
// later are still forwarded from it), then the new top: a host pushing
// values waits on the chain of L->top's stores and loads, which the value's
// store does not delay.
void push(lua_State* L, const Value& v) {
  StkId slot = L->top;
#if defined(__SSE2__)
  _mm_storeu_si128(reinterpret_cast<__m128i*>(slot), _mm_set_epi64x(int64_t(v.tagWord), v.u.i));
#else
  *slot = v;
#endif
  L->top = slot + 1;
}

// Writes `v` into the value at `idx` (a stack slot, the registry or an
// upvalue of the running C closure, with its write barrier).
void storeAt(lua_State* L, int idx, const Value& v) {
  Value* slot = slotAt(L, idx);
  *slot = v;
  if (isUpvalueIndex(idx)) gc::barrierBack(G(L), L->ci->func->asObject(), v);
}

// The string of C string `s`, from the cache of the strings last given
// (GlobalState::apiStrings). Only strings made from C strings enter it, so
// none has an embedded NUL and strcmp compares them whole.
String* cachedString(lua_State* L, const char* s) {
  GlobalState* g = G(L);
  String** set = g->apiStrings[(reinterpret_cast<uintptr_t>(s) >> 3) % GlobalState::kApiStringSets];
  for (int j = 0; j < 2; j++) {
    if (set[j] && std::strcmp(s, set[j]->data()) == 0) return set[j];
  }
  String* str = newString(L, std::string_view(s));
  set[1] = set[0];
  set[0] = str;
  return str;
}

// t[key] for a string key (short ones are the common case, inline).
const Value* fieldOf(lua_State* L, Table* t, String* key) {
  return key->isShort() ? tableGetShortString(t, key) : tableGetString(G(L), t, key);
}

// t[n] for an integer key: the array part inline, else the table's lookup.
const Value* itemOf(Table* t, Integer n) {
  if (static_cast<Unsigned>(n) - 1 < t->arraySize) return &t->array[n - 1];
  return tableGetInt(t, n);
}

// Stores into an existing item of table t; false when there is none.
bool storeExistingItem(lua_State* L, const Value& t, Integer n, const Value& v) {
  if (!t.isTable()) return false;
  Value* slot = const_cast<Value*>(itemOf(t.asTable(), n));
  if (slot->isNil()) return false;
  *slot = v;
  gc::barrierBack(G(L), t.asTable(), v);
  return true;
}

// A field key for lua_getfield and friends, pushed so that it stays rooted.
Value pushKey(lua_State* L, const char* k) {
  push(L, Value::string(cachedString(L, k)));
  return L->top[-1];
}

// t[key] when t is a table whose entry is there or that has no metatable
// (no metamethod can apply); null otherwise.
const Value* rawEntry(lua_State* L, const Value& t, const Value& key) {
  if (!t.isTable()) return nullptr;
  const Value* v = tableGet(G(L), t.asTable(), key);
  return !v->isNil() || t.asTable()->metatable == nullptr ? v : nullptr;
}

// Stores into an existing entry of table t; false when there is none.
bool storeExisting(lua_State* L, const Value& t, const Value& key, const Value& v) {
  if (!t.isTable()) return false;
  Value* slot = const_cast<Value*>(tableGet(G(L), t.asTable(), key));
  if (slot->isNil()) return false;
  *slot = v;
  gc::barrierBack(G(L), t.asTable(), v);
  return true;
}


// lua_pushfstring knows only the conversions of §4.6; any other is an
// error, raised before any argument is read.
void checkFormat(lua_State* L, const char* fmt) {
  for (const char* p = std::strchr(fmt, '%'); p != nullptr; p = std::strchr(p + 2, '%')) {
    if (p[1] == '\0' || std::strchr("%sdIfpcU", p[1]) == nullptr) {
      runError(L, msg::kPushfstringInvalidOption, p[1]);
    }
  }
}

// --- gets and sets with metamethods ---

// Replaces the key at the top with t[key]; returns the result's type.
int getWithKeyOnTop(lua_State* L, Value t) {
  Value key = L->top[-1];
  if (const Value* v = rawEntry(L, t, key)) {
    L->top[-1] = v->isNil() ? Value::nil() : *v;
    return L->top[-1].type();
  }
  getTableMeta(L, t, key, saveStack(L, L->top - 1));
  return L->top[-1].type();
}

// t[key] = value with the key and value on top; pops both.
void setWithKeyAndValueOnTop(lua_State* L, Value t) {
  if (!storeExisting(L, t, L->top[-2], L->top[-1])) setTableMeta(L, t, L->top[-2], L->top[-1]);
  L->top -= 2;
}

// --- allocation ---

// The allocator lua_getallocf gives for a state on Tycho's own allocation: the
// same blocks the state uses, not counted as the state's (as Lua does not
// count what modules allocate through it).
void* heapAlloc(void* ud, void* block, size_t oldSize, size_t newSize) {
  return gc::heapRealloc(static_cast<GlobalState*>(ud), block, oldSize, newSize);
}

// --- hooks ---

// The internal hook that calls a lua_Hook set by lua_sethook.
void callApiHook(lua_State* L, int event, int line) {
  lua_Debug ar;
  std::memset(&ar, 0, sizeof ar);
  ar.event = event;
  ar.currentline = line;
  ar.i_ci = reinterpret_cast<::CallInfo*>(L->ci);
  L->apiHook(L, &ar);
}

// What lua_gethook returns for a hook set by debug.sethook: a lua_Hook that
// runs it (so that saving and restoring a hook through the API keeps it).
void debugLibraryHook(lua_State* L, lua_Debug* ar) { lib::luaHook(L, ar->event, ar->currentline); }

// --- lua_pcallk ---

// The continuation of a native frame whose lua_pcallk call was suspended by
// a yield: finishes the protected call, then runs the caller's continuation.
int finishApiPcall(lua_State* L, int status, intptr_t ctx) {
  tycho::CallInfo* ci = L->ci;
  if (ci->recoverStatus) status = finishRecovery(L, ctx);
  L->errorHandler = ci->savedHandler;
  ci->status &= uint16_t(~CIST_YPCALL);
  return ci->userCont(L, status, ci->userCtx);
}

void adjustResults(lua_State* L, int nresults) {
  if (nresults == LUA_MULTRET && L->ci->top < L->top) L->ci->top = L->top;
}

// A name for lua_Debug that stays valid for a while (see apiNames).
const char* keepName(lua_State* L, const std::string& name) {
  GlobalState* g = G(L);
  std::string& slot = g->apiNames[g->apiNameNext];
  g->apiNameNext = (g->apiNameNext + 1) % int(std::size(g->apiNames));
  slot = name;
  return slot.c_str();
}

// namewhat's strings, kept as constants.
const char* nameKind(const std::string& kind) {
  static const char* const kKinds[] = {"global", "local", "method", "field", "upvalue", "constant",
                                       "metamethod", "for iterator", "hook"};
  for (const char* k : kKinds) {
    if (kind == k) return k;
  }
  return "";
}

}  // namespace

// --- state manipulation (§4.6) ---

lua_State* lua_newstate(lua_Alloc f, void* ud) {
  return api::newReadyState({.allocFn = f, .allocUd = ud, .openLibraries = false, .generational = false});
}

void lua_close(lua_State* L) { closeLuaState(L); }

lua_State* lua_newthread(lua_State* L) {
  lua_State* co = newThread(L);
  push(L, Value::thread(co));
  return co;
}

int lua_closethread(lua_State* L, lua_State* from) {
  return closeCoroutine(L, from);
}

int lua_resetthread(lua_State* L) { return lua_closethread(L, nullptr); }  // §4.6: from is NULL

lua_CFunction lua_atpanic(lua_State* L, lua_CFunction panicf) {
  lua_CFunction old = G(L)->panic;
  G(L)->panic = panicf;
  return old;
}

lua_Number lua_version(lua_State*) { return LUA_VERSION_NUM; }

// --- basic stack manipulation ---

int lua_absindex(lua_State* L, int idx) {
  return idx > 0 || idx <= LUA_REGISTRYINDEX ? idx : int(L->top - L->ci->func) + idx;
}

int lua_gettop(lua_State* L) { return int(L->top - (L->ci->func + 1)); }

namespace {

// lua_settop's rare path, out of line so that the common one (lua_pop) needs
// no stack frame: variables marked to be closed (lua_toclose) that leave the
// stack are closed.
[[gnu::noinline]] void settopClosing(lua_State* L, StkId newTop) {
  ptrdiff_t off = saveStack(L, newTop);
  if (newTop > L->top) L->top = newTop;
  closeFrom(L, restoreStack(L, off));
  L->top = restoreStack(L, off);
}

}  // namespace

void lua_settop(lua_State* L, int idx) {
  StkId newTop;
  if (idx < 0) [[likely]] {  // lua_pop
    newTop = L->top + idx + 1;
  } else {
    newTop = L->ci->func + 1 + idx;
    for (StkId p = L->top; p < newTop; p++) p->setNil();
  }
  if (L->tbcCount > 0) [[unlikely]] {
    if (L->stack + L->tbcSlots[L->tbcCount - 1] >= newTop) {
      settopClosing(L, newTop);
      return;
    }
  }
  L->top = newTop;
}

void lua_pushvalue(lua_State* L, int idx) { push(L, *slotAt(L, idx)); }

void lua_rotate(lua_State* L, int idx, int n) {
  StkId t = L->top - 1;
  StkId p = stackSlot(L, idx);
  StkId m = n >= 0 ? t - n : p - n - 1;
  auto reverse = [](StkId from, StkId to) {
    for (; from < to; from++, to--) {
      Value tmp = *from;
      *from = *to;
      *to = tmp;
    }
  };
  reverse(p, m);
  reverse(m + 1, t);
  reverse(p, t);
}

void lua_copy(lua_State* L, int fromidx, int toidx) { storeAt(L, toidx, *slotAt(L, fromidx)); }

int lua_checkstack(lua_State* L, int n) {
  tycho::CallInfo* ci = L->ci;
  if (L->stackLast - L->top > n) {
    if (ci->top < L->top + n) ci->top = L->top + n;
    return 1;
  }
  int inUse = int(L->top - L->stack) + kExtraStack;
  if (inUse > kMaxStack - n) return 0;
  CatchScope scope(L);
  try {
    ensureStack(L, n);
  } catch (...) {
    caughtStatus(L, false);
    L->top--;  // the message of the failed growth
    return 0;
  }
  if (L->ci->top < L->top + n) L->ci->top = L->top + n;
  return 1;
}

void lua_xmove(lua_State* from, lua_State* to, int n) {
  if (from == to) return;
  from->top -= n;
  for (int i = 0; i < n; i++) *to->top++ = from->top[i];
}

// --- access functions (stack -> C) ---

int lua_isnumber(lua_State* L, int idx) {
  Value n;
  return toNumber(*slotAt(L, idx), &n);
}

int lua_isstring(lua_State* L, int idx) {
  const Value* v = slotAt(L, idx);
  return v->isString() || v->isNumber();
}

int lua_iscfunction(lua_State* L, int idx) {
  const Value* v = slotAt(L, idx);
  return v->isLightFunction() || v->isNativeClosure();
}

int lua_isinteger(lua_State* L, int idx) { return slotAt(L, idx)->isInteger(); }

int lua_isuserdata(lua_State* L, int idx) {
  const Value* v = slotAt(L, idx);
  return v->isUserdata() || v->isLightUserdata();
}

int lua_type(lua_State* L, int idx) {
  const Value* v = slotAt(L, idx);
  return isValid(L, v) ? v->type() : LUA_TNONE;
}

const char* lua_typename(lua_State*, int t) { return t == LUA_TNONE ? "no value" : basicTypeName(t); }

lua_Number lua_tonumberx(lua_State* L, int idx, int* isnum) {
  const Value* v = slotAt(L, idx);
  if (v->isNumber()) [[likely]] {
    if (isnum) *isnum = 1;
    return v->asNumber();
  }
  Value n;
  bool ok = toNumber(*v, &n);
  if (isnum) *isnum = ok;
  return ok ? n.asNumber() : 0;
}

lua_Integer lua_tointegerx(lua_State* L, int idx, int* isnum) {
  const Value* v = slotAt(L, idx);
  if (v->isInteger()) [[likely]] {
    if (isnum) *isnum = 1;
    return v->asInteger();
  }
  Integer i = 0;
  bool ok = toInteger(*v, &i);
  if (isnum) *isnum = ok;
  return ok ? i : 0;
}

int lua_toboolean(lua_State* L, int idx) { return slotAt(L, idx)->isTruthy(); }

const char* lua_tolstring(lua_State* L, int idx, size_t* len) {
  Value* v = slotAt(L, idx);
  if (v->isString()) [[likely]] {
    if (len) *len = v->asString()->length();
    return v->asString()->data();
  }
  if (v->isNumber()) {
    // Converted in place (§4.6 lua_tolstring); may collect.
    if (!isUpvalueIndex(idx) && idx != LUA_REGISTRYINDEX) {
      numberToStringInPlace(L, v);
      v = slotAt(L, idx);
    } else {
      Value copy = *v;
      numberToStringInPlace(L, &copy);
      storeAt(L, idx, copy);
      v = slotAt(L, idx);
    }
  }
  if (!v->isString()) {
    if (len) *len = 0;
    return nullptr;
  }
  if (len) *len = v->asString()->length();
  return v->asString()->data();
}

lua_Unsigned lua_rawlen(lua_State* L, int idx) {
  const Value* v = slotAt(L, idx);
  switch (v->type()) {
    case kTypeString: return v->asString()->length();
    case kTypeUserdata: return v->asUserdata()->length;
    case kTypeTable: return tableLength(G(L), v->asTable());
    default: return 0;
  }
}

lua_CFunction lua_tocfunction(lua_State* L, int idx) {
  const Value* v = slotAt(L, idx);
  if (v->isLightFunction()) return v->asLightFunction();
  if (v->isNativeClosure()) return v->asNativeClosure()->fn;
  return nullptr;
}

void* lua_touserdata(lua_State* L, int idx) {
  const Value* v = slotAt(L, idx);
  if (v->isUserdata()) return v->asUserdata()->memory();
  if (v->isLightUserdata()) return v->asLightUserdata();
  return nullptr;
}

lua_State* lua_tothread(lua_State* L, int idx) {
  const Value* v = slotAt(L, idx);
  return v->isThread() ? v->asThread() : nullptr;
}

const void* lua_topointer(lua_State* L, int idx) {
  const Value* v = slotAt(L, idx);
  switch (v->tag) {
    case kTagUserdata: return v->asUserdata()->memory();
    case kTagLightUserdata: return v->asLightUserdata();
    case kTagLightFunction: return reinterpret_cast<const void*>(v->asLightFunction());
    default: return v->isCollectable() ? static_cast<const void*>(v->asObject()) : nullptr;
  }
}

// --- comparison and arithmetic ---

void lua_arith(lua_State* L, int op) {
  if (op == LUA_OPUNM || op == LUA_OPBNOT) {
    push(L, L->top[-1]);  // a fake second operand
  }
  Value a = L->top[-2], b = L->top[-1];
  arithMeta(L, a, b, TagMethod(TM_ADD + op), saveStack(L, L->top - 2));
  L->top--;
}

int lua_rawequal(lua_State* L, int index1, int index2) {
  const Value* a = slotAt(L, index1);
  const Value* b = slotAt(L, index2);
  return isValid(L, a) && isValid(L, b) && rawEquals(*a, *b);
}

int lua_compare(lua_State* L, int index1, int index2, int op) {
  const Value* pa = slotAt(L, index1);
  const Value* pb = slotAt(L, index2);
  if (!isValid(L, pa) || !isValid(L, pb)) return 0;
  Value a = *pa, b = *pb;
  switch (op) {
    case LUA_OPEQ: return equalsMeta(L, a, b);
    case LUA_OPLT: return lessThanMeta(L, a, b);
    case LUA_OPLE: return lessEqualMeta(L, a, b);
    default: return 0;
  }
}

// --- push functions (C -> stack) ---

void lua_pushnil(lua_State* L) { push(L, Value::nil()); }
void lua_pushnumber(lua_State* L, lua_Number n) { push(L, Value::number(n)); }
void lua_pushinteger(lua_State* L, lua_Integer n) { push(L, Value::integer(n)); }

const char* lua_pushlstring(lua_State* L, const char* s, size_t len) {
  String* str = newString(L, std::string_view(len ? s : "", len));
  push(L, Value::string(str));
  return str->data();
}

const char* lua_pushstring(lua_State* L, const char* s) {
  if (!s) {
    push(L, Value::nil());
    return nullptr;
  }
  String* str = cachedString(L, s);
  push(L, Value::string(str));
  return str->data();
}

const char* lua_pushvfstring(lua_State* L, const char* fmt, va_list argp) {
  checkFormat(L, fmt);
  return pushVFormat(L, fmt, argp)->data();
}

const char* lua_pushfstring(lua_State* L, const char* fmt, ...) {
  checkFormat(L, fmt);
  va_list argp;
  va_start(argp, fmt);
  const char* s = pushVFormat(L, fmt, argp)->data();
  va_end(argp);
  return s;
}

void lua_pushcclosure(lua_State* L, lua_CFunction fn, int n) {
  if (n == 0) {
    push(L, Value::lightFunction(fn));
    return;
  }
  NativeClosure* c = newNativeClosure(L, fn, n);
  for (int i = 0; i < n; i++) c->upvalues[i] = L->top[i - n];
  L->top -= n;
  push(L, Value::nativeClosure(c));
}

void lua_pushboolean(lua_State* L, int b) { push(L, Value::boolean(b != 0)); }
void lua_pushlightuserdata(lua_State* L, void* p) { push(L, Value::lightUserdata(p)); }

int lua_pushthread(lua_State* L) {
  push(L, Value::thread(L));
  return L == G(L)->mainThread;
}

// --- get functions (Lua -> stack) ---

int lua_getglobal(lua_State* L, const char* name) {
  Value globals = Value::table(globalsTable(L));
  pushKey(L, name);
  return getWithKeyOnTop(L, globals);
}

int lua_gettable(lua_State* L, int idx) { return getWithKeyOnTop(L, *slotAt(L, idx)); }

int lua_getfield(lua_State* L, int idx, const char* k) {
  Value t = *slotAt(L, idx);
  String* key = cachedString(L, k);
  if (t.isTable()) {
    const Value* v = fieldOf(L, t.asTable(), key);
    if (!v->isNil() || t.asTable()->metatable == nullptr) {
      push(L, v->isNil() ? Value::nil() : *v);
      return L->top[-1].type();
    }
  }
  push(L, Value::string(key));
  getTableMeta(L, t, L->top[-1], saveStack(L, L->top - 1));
  return L->top[-1].type();
}

int lua_geti(lua_State* L, int idx, lua_Integer n) {
  Value t = *slotAt(L, idx);
  if (t.isTable()) {
    const Value* v = itemOf(t.asTable(), n);
    if (!v->isNil() || t.asTable()->metatable == nullptr) {
      push(L, v->isNil() ? Value::nil() : *v);
      return L->top[-1].type();
    }
  }
  push(L, Value::integer(n));
  return getWithKeyOnTop(L, t);
}

int lua_rawget(lua_State* L, int idx) {
  Table* t = slotAt(L, idx)->asTable();
  const Value* v = tableGet(G(L), t, L->top[-1]);
  L->top[-1] = v->isNil() ? Value::nil() : *v;
  return L->top[-1].type();
}

int lua_rawgeti(lua_State* L, int idx, lua_Integer n) {
  Table* t = slotAt(L, idx)->asTable();
  const Value* v = itemOf(t, n);
  push(L, v->isNil() ? Value::nil() : *v);
  return L->top[-1].type();
}

int lua_rawgetp(lua_State* L, int idx, const void* p) {
  Table* t = slotAt(L, idx)->asTable();
  const Value* v = tableGet(G(L), t, Value::lightUserdata(const_cast<void*>(p)));
  push(L, v->isNil() ? Value::nil() : *v);
  return L->top[-1].type();
}

void lua_createtable(lua_State* L, int narr, int nrec) {
  Table* t = newTable(L, narr > 0 ? narr : 0, nrec > 0 ? nrec : 0);
  push(L, Value::table(t));
}

void* lua_newuserdatauv(lua_State* L, size_t size, int nuvalue) {
  Userdata* u = newUserdata(L, size, nuvalue, false);  // as in Lua, the block is not cleared
  push(L, Value::userdata(u));
  return u->memory();
}

int lua_getmetatable(lua_State* L, int objindex) {
  Table* mt = metatableOf(L, *slotAt(L, objindex));
  if (!mt) return 0;
  push(L, Value::table(mt));
  return 1;
}

int lua_getiuservalue(lua_State* L, int idx, int n) {
  const Value* v = slotAt(L, idx);
  if (!v->isUserdata() || n <= 0 || n > v->asUserdata()->numUserValues) {
    push(L, Value::nil());
    return LUA_TNONE;
  }
  push(L, v->asUserdata()->userValues[n - 1]);
  return L->top[-1].type();
}

// --- set functions (stack -> Lua) ---

void lua_setglobal(lua_State* L, const char* name) {
  Value globals = Value::table(globalsTable(L));
  pushKey(L, name);
  // [value, key] -> [key, value]
  Value key = L->top[-1];
  L->top[-1] = L->top[-2];
  L->top[-2] = key;
  setWithKeyAndValueOnTop(L, globals);
}

void lua_settable(lua_State* L, int idx) { setWithKeyAndValueOnTop(L, *slotAt(L, idx)); }

void lua_setfield(lua_State* L, int idx, const char* k) {
  Value t = *slotAt(L, idx);
  String* keyString = cachedString(L, k);
  if (t.isTable()) {
    Value* slot = const_cast<Value*>(fieldOf(L, t.asTable(), keyString));
    if (!slot->isNil()) {
      *slot = L->top[-1];
      gc::barrierBack(G(L), t.asTable(), *slot);
      L->top--;
      return;
    }
  }
  Value key = Value::string(keyString);
  push(L, key);
  L->top[-1] = L->top[-2];
  L->top[-2] = key;
  setWithKeyAndValueOnTop(L, t);
}

void lua_seti(lua_State* L, int idx, lua_Integer n) {
  Value t = *slotAt(L, idx);
  if (!storeExistingItem(L, t, n, L->top[-1])) setTableMeta(L, t, Value::integer(n), L->top[-1]);
  L->top--;
}

void lua_rawset(lua_State* L, int idx) {
  Table* t = slotAt(L, idx)->asTable();
  tableSet(L, t, L->top[-2], L->top[-1]);
  L->top -= 2;
}

void lua_rawseti(lua_State* L, int idx, lua_Integer n) {
  const Value& t = *slotAt(L, idx);
  if (!storeExistingItem(L, t, n, L->top[-1])) tableSetInt(L, t.asTable(), n, L->top[-1]);
  L->top--;
}

void lua_rawsetp(lua_State* L, int idx, const void* p) {
  Table* t = slotAt(L, idx)->asTable();
  tableSet(L, t, Value::lightUserdata(const_cast<void*>(p)), L->top[-1]);
  L->top--;
}

int lua_setmetatable(lua_State* L, int objindex) {
  Value obj = *slotAt(L, objindex);
  Value mtValue = L->top[-1];
  Table* mt = mtValue.isNil() ? nullptr : mtValue.asTable();
  GlobalState* g = G(L);
  GCObject* holder = nullptr;
  switch (obj.tag) {
    case kTagTable: obj.asTable()->metatable = mt; holder = obj.asObject(); break;
    case kTagUserdata: obj.asUserdata()->metatable = mt; holder = obj.asObject(); break;
    default: g->typeMetatables[obj.type()] = mt; break;
  }
  if (holder) {
    gc::barrierBack(g, holder, mtValue);
    // An object is marked for finalization when it gets a metatable with a
    // __gc field (§2.5.3).
    if (mt && !tableGetShortString(mt, g->tmNames[TM_GC])->isNil()) gc::markFinalizable(L, holder);
  }
  L->top--;
  return 1;
}

int lua_setiuservalue(lua_State* L, int idx, int n) {
  Value v = *slotAt(L, idx);
  int ok = 0;
  if (v.isUserdata() && n > 0 && n <= v.asUserdata()->numUserValues) {
    Userdata* u = v.asUserdata();
    u->userValues[n - 1] = L->top[-1];
    gc::barrierBack(G(L), u, L->top[-1]);
    ok = 1;
  }
  L->top--;
  return ok;
}

// --- 'load' and 'call' functions ---

void lua_callk(lua_State* L, int nargs, int nresults, lua_KContext ctx, lua_KFunction k) {
  StkId func = L->top - (nargs + 1);
  if (k != nullptr && L->nny == 0) {
    // A yield in the callee unwinds this C function; the continuation
    // finishes it on resume (§4.5).
    L->ci->cont = k;
    L->ci->ctx = ctx;
    callYieldable(L, func, nresults);
  } else {
    callNoYieldInline(L, func, nresults);
  }
  adjustResults(L, nresults);
}

int lua_pcallk(lua_State* L, int nargs, int nresults, int errfunc, lua_KContext ctx, lua_KFunction k) {
  StkId func = L->top - (nargs + 1);
  ptrdiff_t handler = errfunc == 0 ? 0 : saveStack(L, stackSlot(L, errfunc));
  int status;
  if (k == nullptr || L->nny > 0) {
    status = protectedCall(L, func, nresults, handler, false);
  } else {
    tycho::CallInfo* ci = L->ci;
    ci->status |= CIST_YPCALL;
    ci->cont = finishApiPcall;
    ci->ctx = intptr_t(saveStack(L, func));
    ci->savedHandler = L->errorHandler;
    ci->userCont = k;
    ci->userCtx = ctx;
    status = protectedCall(L, func, nresults, handler, true);
    ci->status &= uint16_t(~CIST_YPCALL);
  }
  adjustResults(L, nresults);
  return status;
}

int lua_load(lua_State* L, lua_Reader reader, void* data, const char* chunkname, const char* mode) {
  std::string source;
  {
    // The reader may raise errors: they make the load fail.
    CatchScope scope(L);
    try {
      for (;;) {
        size_t size = 0;
        const char* piece = reader(L, data, &size);
        if (piece == nullptr || size == 0) break;
        source.append(piece, size);
      }
    } catch (...) {
      return caughtStatus(L, false);
    }
  }
  return loadSource(L, source, chunkname ? chunkname : "?", mode ? mode : "bt");
}

int lua_dump(lua_State* L, lua_Writer writer, void* data, int strip) {
  const Value& f = L->top[-1];
  if (!f.isLuaClosure()) return 1;
  std::string bytes = dumpFunction(f.asLuaClosure()->proto, strip != 0);
  return writer(L, bytes.data(), bytes.size(), data);
}

// --- coroutine functions ---

int lua_yieldk(lua_State* L, int nresults, lua_KContext ctx, lua_KFunction k) {
  tycho::CallInfo* ci = L->ci;
  if (ci->isLua()) {
    // From a line or count hook: no values, no continuation; the hook
    // returns and the interpreter yields (§4.6 lua_yieldk).
    yieldFromHook(L);
    return 0;
  }
  ci->cont = k;
  ci->ctx = ctx;
  return yieldCoroutine(L, nresults);
}

int lua_resume(lua_State* L, lua_State* from, int narg, int* nres) {
  int status = resumeCoroutine(L, from, narg, nres);
  return status;
}

int lua_status(lua_State* L) { return L->status; }

int lua_isyieldable(lua_State* L) { return L->nny == 0; }

// --- warnings ---

void lua_setwarnf(lua_State* L, lua_WarnFunction f, void* ud) {
  GlobalState* g = G(L);
  g->warnFn = f;
  g->warnUd = ud;
  g->warnCustom = true;
}

void lua_warning(lua_State* L, const char* msg, int tocont) { warning(G(L), msg, tocont != 0); }

// --- garbage collection ---

int lua_gc(lua_State* L, int what, ...) {
  va_list argp;
  va_start(argp, what);
  int a = 0, b = 0, c = 0;
  switch (what) {
    case LUA_GCSTEP: case LUA_GCSETPAUSE: case LUA_GCSETSTEPMUL: a = va_arg(argp, int); break;
    case LUA_GCGEN: a = va_arg(argp, int); b = va_arg(argp, int); break;
    case LUA_GCINC: a = va_arg(argp, int); b = va_arg(argp, int); c = va_arg(argp, int); break;
    default: break;
  }
  va_end(argp);
  return lib::gcControl(L, what, a, b, c);
}

// --- miscellaneous functions ---

int lua_error(lua_State* L) {
  const Value& err = L->top[-1];
  // The memory-error message raises a memory error, as Lua's does.
  bool memory = err.isString() && err.asString() == G(L)->memoryErrorMessage;
  throwError(L, memory ? kErrMem : kErrRun);
}

int lua_next(lua_State* L, int idx) {
  Table* t = slotAt(L, idx)->asTable();
  Value key = L->top[-1], value;
  if (tableNext(L, t, &key, &value)) {
    L->top[-1] = key;
    push(L, value);
    return 1;
  }
  L->top--;
  return 0;
}

void lua_concat(lua_State* L, int n) {
  if (n == 0) {
    push(L, Value::string(newString(L, "")));
  } else if (n > 1) {
    concatMeta(L, n);
  }
}

void lua_len(lua_State* L, int idx) {
  Value v = *slotAt(L, idx);
  push(L, Value::nil());
  lengthMeta(L, v, saveStack(L, L->top - 1));
}

size_t lua_stringtonumber(lua_State* L, const char* s) {
  Value n;
  if (!stringToNumber(std::string_view(s), n)) return 0;
  push(L, n);
  return std::strlen(s) + 1;
}

lua_Alloc lua_getallocf(lua_State* L, void** ud) {
  GlobalState* g = G(L);
  if (g->allocFn) {
    if (ud) *ud = g->allocUd;
    return g->allocFn;
  }
  if (ud) *ud = g;
  return heapAlloc;
}

void lua_setallocf(lua_State* L, lua_Alloc f, void* ud) {
  GlobalState* g = G(L);
  if (f == heapAlloc && ud == g) {
    g->allocFn = nullptr;  // back to Tycho's own allocation
    g->allocUd = nullptr;
    return;
  }
  g->allocFn = f;
  g->allocUd = ud;
}

void lua_toclose(lua_State* L, int idx) {
  StkId slot = stackSlot(L, idx);
  markToBeClosed(L, slot);
  L->ci->status |= CIST_CLOSERET;
}

void lua_closeslot(lua_State* L, int idx) {
  StkId slot = stackSlot(L, idx);
  ptrdiff_t off = saveStack(L, slot);
  closeFrom(L, slot);
  restoreStack(L, off)->setNil();
}

int lua_setcstacklimit(lua_State*, unsigned int) { return kMaxCCalls; }

// --- the debug interface (§4.7) ---

int lua_getstack(lua_State* L, int level, lua_Debug* ar) {
  if (level < 0) return 0;
  tycho::CallInfo* ci = frameAtLevel(L, level);
  if (!ci) return 0;
  ar->i_ci = reinterpret_cast<::CallInfo*>(ci);
  return 1;
}

int lua_getinfo(lua_State* L, const char* what, lua_Debug* ar) {
  Value fn;
  tycho::CallInfo* ci = nullptr;
  if (*what == '>') {
    fn = L->top[-1];
    L->top--;
    what++;
  } else {
    ci = reinterpret_cast<tycho::CallInfo*>(ar->i_ci);
    fn = *ci->func;
  }
  FunctionInfo info = ci ? describeFrame(L, ci) : describeFunction(fn);
  int ok = 1;
  bool pushFunction = false, pushLines = false;
  for (const char* p = what; *p; p++) {
    switch (*p) {
      case 'S': {
        if (fn.isLuaClosure()) {
          const String* source = fn.asLuaClosure()->proto->source;
          ar->source = source ? source->data() : "=?";
          ar->srclen = source ? source->length() : 2;
        } else {
          ar->source = "=[C]";
          ar->srclen = 4;
        }
        std::string shortSrc = chunkId(std::string_view(ar->source, ar->srclen));
        std::strncpy(ar->short_src, shortSrc.c_str(), LUA_IDSIZE - 1);
        ar->short_src[LUA_IDSIZE - 1] = '\0';
        ar->linedefined = info.lineDefined;
        ar->lastlinedefined = info.lastLineDefined;
        ar->what = info.what;
        break;
      }
      case 'l': ar->currentline = info.currentLine; break;
      case 'u':
        ar->nups = static_cast<unsigned char>(info.nups);
        ar->nparams = static_cast<unsigned char>(info.nparams);
        ar->isvararg = info.isVararg;
        break;
      case 'n':
        if (info.name.known()) {
          ar->namewhat = nameKind(info.name.kind);
          ar->name = keepName(L, info.name.name);
        } else {
          ar->namewhat = "";
          ar->name = nullptr;
        }
        break;
      case 't': ar->istailcall = info.isTailCall; break;
      case 'r':
        ar->ftransfer = static_cast<unsigned short>(info.ftransfer);
        ar->ntransfer = static_cast<unsigned short>(info.ntransfer);
        break;
      case 'L': pushLines = true; break;
      case 'f': pushFunction = true; break;
      default: ok = 0; break;
    }
  }
  if (pushFunction) push(L, fn);
  if (pushLines) {
    std::vector<int> lines;
    if (!activeLines(fn, &lines)) {
      push(L, Value::nil());
    } else {
      Table* t = newTable(L);
      push(L, Value::table(t));
      for (int line : lines) tableSetInt(L, t, line, Value::boolean(true));
    }
  }
  return ok;
}

const char* lua_getlocal(lua_State* L, const lua_Debug* ar, int n) {
  if (ar == nullptr) {
    // The parameters of the function on top (not a running frame).
    return parameterName(L->top[-1], n);
  }
  StkId slot = nullptr;
  const char* name = findLocal(L, reinterpret_cast<tycho::CallInfo*>(ar->i_ci), n, &slot);
  if (name) push(L, *slot);
  return name;
}

const char* lua_setlocal(lua_State* L, const lua_Debug* ar, int n) {
  StkId slot = nullptr;
  const char* name = findLocal(L, reinterpret_cast<tycho::CallInfo*>(ar->i_ci), n, &slot);
  if (name) *slot = *--L->top;  // no such local: the value stays (§4.7 lua_setlocal)
  return name;
}

const char* lua_getupvalue(lua_State* L, int funcindex, int n) {
  Value* slot = nullptr;
  GCObject* holder = nullptr;
  const char* name = upvalueOf(*slotAt(L, funcindex), n, &slot, &holder);
  if (name) push(L, *slot);
  return name;
}

const char* lua_setupvalue(lua_State* L, int funcindex, int n) {
  Value* slot = nullptr;
  GCObject* holder = nullptr;
  const char* name = upvalueOf(*slotAt(L, funcindex), n, &slot, &holder);
  if (name) {  // no such upvalue: the value stays (§4.7 lua_setupvalue)
    *slot = *--L->top;
    if (holder->tag == kTagUpval) gc::barrierForward(G(L), holder, *slot);
    else gc::barrierBack(G(L), holder, *slot);
  }
  return name;
}

void* lua_upvalueid(lua_State* L, int fidx, int n) { return upvalueIdentity(*slotAt(L, fidx), n); }

void lua_upvaluejoin(lua_State* L, int fidx1, int n1, int fidx2, int n2) {
  LuaClosure* f1 = slotAt(L, fidx1)->asLuaClosure();
  LuaClosure* f2 = slotAt(L, fidx2)->asLuaClosure();
  f1->upvals[n1 - 1] = f2->upvals[n2 - 1];
  gc::barrierBack(G(L), f1, f1->upvals[n1 - 1]);
}

void lua_sethook(lua_State* L, lua_Hook func, int mask, int count) {
  if (func == nullptr || mask == 0) {
    setHook(L, nullptr, 0, 0);
  } else if (func == debugLibraryHook) {
    setHook(L, lib::luaHook, mask, count);
  } else {
    L->apiHook = func;
    setHook(L, callApiHook, mask, count);
  }
}

lua_Hook lua_gethook(lua_State* L) {
  if (L->hook == nullptr) return nullptr;
  if (L->hook == callApiHook) return L->apiHook;
  return debugLibraryHook;
}

int lua_gethookmask(lua_State* L) { return L->hookMask; }
int lua_gethookcount(lua_State* L) { return L->baseHookCount; }
