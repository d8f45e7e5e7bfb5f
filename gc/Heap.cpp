// Heap: mimalloc-backed allocation and the stop-the-world mark-and-sweep
// collector (see Heap.hpp).
#include "gc/Heap.hpp"

#include <mimalloc.h>

#include <cstdlib>

#include "runtime/Error.hpp"
#include "runtime/State.hpp"
#include "runtime/String.hpp"
#include "runtime/Table.hpp"

namespace tycho::gc {

namespace {

#ifdef TYCHO_GC_STRESS
constexpr bool kStress = true;
#else
constexpr bool kStress = false;
#endif

// --- marking ---

void pushGray(GlobalState* g, GCObject* o) {
  if (g->grayCount == g->grayCapacity) {
    size_t cap = g->grayCapacity ? g->grayCapacity * 2 : 256;
    auto* fresh = static_cast<GCObject**>(mi_heap_realloc(static_cast<mi_heap_t*>(g->heap), g->gray, sizeof(GCObject*) * cap));
    if (!fresh) std::abort();  // cannot even record what is reachable
    g->totalBytes += sizeof(GCObject*) * (cap - g->grayCapacity);
    g->gray = fresh;
    g->grayCapacity = cap;
  }
  g->gray[g->grayCount++] = o;
}

inline void markObject(GlobalState* g, GCObject* o) {
  if (o == nullptr || (o->marked & kMarkBlack)) return;
  o->marked |= kMarkBlack;
  if (o->tag == kTagShortString || o->tag == kTagLongString) return;  // no children
  pushGray(g, o);
}

inline void markValue(GlobalState* g, const Value& v) {
  if (v.isCollectable()) markObject(g, v.u.gc);
}

void traverseTable(GlobalState* g, Table* t) {
  if (t->metatable) markObject(g, t->metatable);
  for (uint32_t i = 0; i < t->arraySize; i++) markValue(g, t->array[i]);
  for (uint32_t i = 0, n = t->nodeCapacity(); i < n; i++) {
    const Node& node = t->nodes[i];
    if (node.key.tag == kTagNil) continue;
    // Dead keys stay marked so that `next` can still find them.
    markValue(g, node.key);
    markValue(g, node.value);
  }
}

void traverseProto(GlobalState* g, Proto* p) {
  if (p->source) markObject(g, p->source);
  for (int i = 0; i < p->numConstants; i++) markValue(g, p->constants[i]);
  for (int i = 0; i < p->numProtos; i++) markObject(g, p->protos[i]);
  for (int i = 0; i < p->numUpvalues; i++) markObject(g, p->upvalues[i].name);
  for (int i = 0; i < p->numLocals; i++) markObject(g, p->locals[i].name);
}

void traverseThread(GlobalState* g, lua_State* L) {
  if (!L->stack) return;
  for (StkId p = L->stack; p < L->top; p++) markValue(g, *p);
  for (UpVal* uv = L->openUpval; uv; uv = uv->u.open.next) markObject(g, uv);
}

void traverse(GlobalState* g, GCObject* o) {
  switch (o->tag) {
    case kTagTable: traverseTable(g, static_cast<Table*>(o)); break;
    case kTagLuaClosure: {
      auto* c = static_cast<LuaClosure*>(o);
      markObject(g, c->proto);
      for (int i = 0; i < c->numUpvalues; i++) markObject(g, c->upvals[i]);
      break;
    }
    case kTagNativeClosure: {
      auto* c = static_cast<NativeClosure*>(o);
      for (int i = 0; i < c->numUpvalues; i++) markValue(g, c->upvalues[i]);
      break;
    }
    case kTagUpval: markValue(g, *static_cast<UpVal*>(o)->v); break;
    case kTagProto: traverseProto(g, static_cast<Proto*>(o)); break;
    case kTagUserdata: {
      auto* u = static_cast<Userdata*>(o);
      if (u->metatable) markObject(g, u->metatable);
      for (int i = 0; i < u->numUserValues; i++) markValue(g, u->userValues[i]);
      break;
    }
    case kTagThread: traverseThread(g, reinterpret_cast<lua_State*>(o)); break;
    default: break;
  }
}

void markRoots(GlobalState* g) {
  markValue(g, g->registry);
  for (Table* mt : g->typeMetatables) {
    if (mt) markObject(g, mt);
  }
  // The main thread is not in the object list; traverse it directly.
  traverseThread(g, g->mainThread);
}

void propagateAll(GlobalState* g) {
  while (g->grayCount > 0) traverse(g, g->gray[--g->grayCount]);
}

// --- freeing ---

void freeObject(GlobalState* g, GCObject* o) {
  switch (o->tag) {
    case kTagShortString:
      removeInterned(g, static_cast<String*>(o));
      freeRaw(g, o, stringSize(static_cast<String*>(o)->length));
      break;
    case kTagLongString: freeRaw(g, o, stringSize(static_cast<String*>(o)->length)); break;
    case kTagTable: freeTable(g, static_cast<Table*>(o)); break;
    case kTagLuaClosure: freeRaw(g, o, luaClosureSize(static_cast<LuaClosure*>(o)->numUpvalues)); break;
    case kTagNativeClosure: freeRaw(g, o, nativeClosureSize(static_cast<NativeClosure*>(o)->numUpvalues)); break;
    case kTagUpval: {
      auto* uv = static_cast<UpVal*>(o);
      if (uv->isOpen()) {
        // Unlink from its thread's open list (the thread is dying too or
        // the upvalue is unreachable only when its thread is).
        *uv->u.open.previous = uv->u.open.next;
        if (uv->u.open.next) uv->u.open.next->u.open.previous = uv->u.open.previous;
      }
      freeRaw(g, o, sizeof(UpVal));
      break;
    }
    case kTagProto: {
      auto* p = static_cast<Proto*>(o);
      freeRaw(g, p->code, sizeof(uint32_t) * size_t(p->codeSize));
      freeRaw(g, p->lineInfo, sizeof(int) * size_t(p->codeSize));
      freeRaw(g, p->constants, sizeof(Value) * size_t(p->numConstants));
      freeRaw(g, p->protos, sizeof(Proto*) * size_t(p->numProtos));
      freeRaw(g, p->upvalues, sizeof(UpvalueDesc) * size_t(p->numUpvalues));
      freeRaw(g, p->locals, sizeof(LocalVarInfo) * size_t(p->numLocals));
      freeRaw(g, p, sizeof(Proto));
      break;
    }
    case kTagUserdata: {
      auto* u = static_cast<Userdata*>(o);
      freeRaw(g, u->userValues, sizeof(Value) * u->numUserValues);
      freeRaw(g, u, offsetof(Userdata, block) + u->length);
      break;
    }
    case kTagThread: {
      auto* L = reinterpret_cast<lua_State*>(o);
      // Its open upvalues die with it (they are swept too): detach them.
      for (UpVal* uv = L->openUpval; uv;) {
        UpVal* next = uv->u.open.next;
        uv->u.closed.setNil();
        uv->v = &uv->u.closed;
        uv = next;
      }
      for (CallInfo* ci = L->baseCi.next; ci;) {
        CallInfo* next = ci->next;
        freeRaw(g, ci, sizeof(CallInfo));
        ci = next;
      }
      freeRaw(g, L->stack, sizeof(Value) * size_t(L->stackSize + kExtraStack));
      freeRaw(g, L->tbcSlots, sizeof(int) * size_t(L->tbcCapacity));
      freeRaw(g, L, sizeof(lua_State));
      break;
    }
    default: std::abort();
  }
}

void sweep(GlobalState* g) {
  GCObject** p = &g->allObjects;
  while (GCObject* o = *p) {
    if (o->marked & (kMarkBlack | kMarkFixed)) {
      o->marked &= uint8_t(~kMarkBlack);
      p = &o->next;
    } else {
      *p = o->next;
      freeObject(g, o);
    }
  }
}

void collect(GlobalState* g) {
  if (g->gcRunning) return;
  g->gcRunning = true;
  markRoots(g);
  propagateAll(g);
  sweep(g);
  if (g->grayCapacity > 1024) {
    // The mark stack of a large heap is not kept between collections.
    freeRaw(g, g->gray, sizeof(GCObject*) * g->grayCapacity);
    g->gray = nullptr;
    g->grayCapacity = 0;
  }
  g->gcRunning = false;
  size_t threshold = g->totalBytes / 100 * size_t(g->gcPause);
  g->gcThreshold = threshold < (size_t(1) << 20) ? (size_t(1) << 20) : threshold;
}

}  // namespace

void* createHeap() { return mi_heap_new(); }
void destroyHeap(void* heap) { mi_heap_destroy(static_cast<mi_heap_t*>(heap)); }

void* allocRaw(lua_State* L, size_t size) {
  GlobalState* g = G(L);
  void* p = mi_heap_malloc(static_cast<mi_heap_t*>(g->heap), size);
  if (p == nullptr && size != 0) {
    if (g->gcStopped == 0 && !g->gcRunning) {
      collect(g);  // emergency collection, then one more try
      p = mi_heap_malloc(static_cast<mi_heap_t*>(g->heap), size);
    }
    if (p == nullptr) memoryError(L);
  }
  g->totalBytes += size;
  return p;
}

void* allocRawNoThrow(GlobalState* g, size_t size) {
  void* p = mi_heap_malloc(static_cast<mi_heap_t*>(g->heap), size);
  if (p) g->totalBytes += size;
  return p;
}

void* reallocRaw(lua_State* L, void* block, size_t oldSize, size_t newSize) {
  GlobalState* g = G(L);
  void* p = mi_heap_realloc(static_cast<mi_heap_t*>(g->heap), block, newSize);
  if (p == nullptr && newSize != 0) {
    if (g->gcStopped == 0 && !g->gcRunning) {
      collect(g);
      p = mi_heap_realloc(static_cast<mi_heap_t*>(g->heap), block, newSize);
    }
    if (p == nullptr) memoryError(L);
  }
  g->totalBytes = g->totalBytes - oldSize + newSize;
  return p;
}

void freeRaw(GlobalState* g, void* block, size_t size) {
  if (!block) return;
  mi_free(block);
  g->totalBytes -= size;
}

GCObject* newObject(lua_State* L, uint8_t tag, size_t size) {
  GlobalState* g = G(L);
  if (g->gcStopped == 0 && (kStress || g->totalBytes >= g->gcThreshold)) collect(g);
  auto* o = static_cast<GCObject*>(allocRaw(L, size));
  o->tag = tag;
  o->marked = 0;
  o->next = g->allObjects;
  g->allObjects = o;
  return o;
}

void fullCollect(lua_State* L) {
  GlobalState* g = G(L);
  if (g->gcStopped == 0) collect(g);
}

void freeAllObjects(GlobalState* g) {
  // Open upvalues are unlinked from their threads as they are freed; free
  // them all first so that no thread is freed before its upvalues.
  for (GCObject* o = g->allObjects; o; o = o->next) {
    if (o->tag == kTagUpval) {
      auto* uv = static_cast<UpVal*>(o);
      if (uv->isOpen()) {
        uv->u.closed = *uv->v;
        uv->v = &uv->u.closed;
      }
    }
  }
  GCObject* o = g->allObjects;
  g->allObjects = nullptr;
  while (o) {
    GCObject* next = o->next;
    freeObject(g, o);
    o = next;
  }
}

PauseGuard::PauseGuard(GlobalState* gs) : g(gs) { g->gcStopped++; }
PauseGuard::~PauseGuard() { g->gcStopped--; }

}  // namespace tycho::gc
