// Prototypes, closures and upvalues (see Function.hpp).
#include "runtime/Function.hpp"

#include <cstring>

#include "gc/Heap.hpp"
#include "runtime/State.hpp"

namespace tycho {

Proto* newProto(lua_State* L) {
  auto* p = static_cast<Proto*>(gc::newObject(L, kTagProto, sizeof(Proto)));
  clearFields(p, sizeof(Proto));
  p->callHotness = kCallsToHot;
  p->loopHotness = kBackEdgesToHot;
  return p;
}

void allocFeedback(lua_State* L, Proto* p) {
  if (p->codeSize <= 0) return;
  size_t bytes = sizeof(Feedback) * size_t(p->codeSize);
  p->feedback = static_cast<Feedback*>(gc::allocRaw(L, bytes));
  std::memset(p->feedback, 0, bytes);
  static_assert(sizeof(Feedback) == 2 * sizeof(uint32_t));
  p->feedbackBias = reinterpret_cast<uintptr_t>(p->feedback) - 2 * reinterpret_cast<uintptr_t>(p->code) - sizeof(Feedback);
}

void setFrameFacts(Proto* p, bool closes) {
  p->frameSize = uint16_t(p->maxStack + (p->isVararg ? p->numParams + 1 : 0));
  p->returnWork = uint8_t((closes ? kReturnMayClose : 0) | (p->isVararg ? kReturnVararg : 0));
}

LuaClosure* newLuaClosure(lua_State* L, int n) {
  auto* c = static_cast<LuaClosure*>(gc::newObject(L, kTagLuaClosure, luaClosureSize(n)));
  c->numUpvalues = uint8_t(n);
  c->proto = nullptr;
  for (int i = 0; i < n; i++) c->upvals[i] = nullptr;
  return c;
}

NativeClosure* newNativeClosure(lua_State* L, NativeFunction fn, int n) {
  auto* c = static_cast<NativeClosure*>(gc::newObject(L, kTagNativeClosure, nativeClosureSize(n)));
  c->numUpvalues = uint8_t(n);
  c->fn = fn;
  for (int i = 0; i < n; i++) c->upvalues[i].setNil();
  return c;
}

Userdata* newUserdata(lua_State* L, size_t size, int numUserValues, bool zeroed) {
  // The user values are allocated first: a raw allocation never collects,
  // and the object is not reachable from anything until the caller roots it.
  Value* values = nullptr;
  if (numUserValues > 0) {
    values = static_cast<Value*>(gc::allocRaw(L, sizeof(Value) * size_t(numUserValues)));
    for (int i = 0; i < numUserValues; i++) values[i].setNil();
  }
  Userdata* u;
  try {
    u = static_cast<Userdata*>(gc::newObject(L, kTagUserdata, offsetof(Userdata, block) + size));
  } catch (...) {
    gc::freeRaw(G(L), values, sizeof(Value) * size_t(numUserValues));
    throw;
  }
  u->numUserValues = uint16_t(numUserValues);
  u->ownsBlock = false;
  u->length = size;
  u->metatable = nullptr;
  u->userValues = values;
  if (zeroed) std::memset(u->block, 0, size);
  return u;
}

UpVal* findUpvalue(lua_State* L, StkId level) {
  UpVal** pp = &L->openUpval;
  UpVal* p;
  while ((p = *pp) != nullptr && p->v >= level) {
    if (p->v == level) return p;
    pp = &p->u.open.next;
  }
  auto* uv = static_cast<UpVal*>(gc::newObject(L, kTagUpval, sizeof(UpVal)));
  // A coroutine's upvalues may outlive it: the collector must know it has some.
  if (L->nextWithUpvalues == L && L != G(L)->mainThread) {
    L->nextWithUpvalues = G(L)->threadsWithUpvalues;
    G(L)->threadsWithUpvalues = L;
  }
  // The collection newObject may run does not change the open list's order.
  pp = &L->openUpval;
  while ((p = *pp) != nullptr && p->v > level) pp = &p->u.open.next;
  uv->tbc = 0;
  uv->v = level;
  uv->u.open.next = *pp;
  uv->u.open.previous = pp;
  if (*pp) (*pp)->u.open.previous = &uv->u.open.next;
  *pp = uv;
  return uv;
}

void closeUpvalues(lua_State* L, StkId level) {
  UpVal* uv;
  while ((uv = L->openUpval) != nullptr && uv->v >= level) {
    L->openUpval = uv->u.open.next;
    if (L->openUpval) L->openUpval->u.open.previous = &L->openUpval;
    Value v = *uv->v;
    uv->u.closed = v;
    uv->v = &uv->u.closed;
    gc::barrierForward(G(L), uv, v);
  }
}

}  // namespace tycho
