// Heap: mimalloc-backed allocation and the incremental mark-and-sweep
// collector (see Heap.hpp).
#include "gc/Heap.hpp"

#include <mimalloc.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <unordered_set>
#include <vector>

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

// Appends to one of the collector's object stacks, growing it outside the
// accounted allocator's failure path (nothing can be collected mid-mark).
void pushObject(GlobalState* g, GCObject**& items, size_t& count, size_t& capacity, GCObject* o) {
  if (count == capacity) {
    size_t cap = capacity ? capacity * 2 : 256;
    auto* fresh = static_cast<GCObject**>(mi_heap_realloc(static_cast<mi_heap_t*>(g->heap), items, sizeof(GCObject*) * cap));
    if (!fresh) std::abort();  // cannot even record what is reachable
    g->totalBytes += sizeof(GCObject*) * (cap - capacity);
    items = fresh;
    capacity = cap;
  }
  items[count++] = o;
}

void pushGray(GlobalState* g, GCObject* o) { pushObject(g, g->gray, g->grayCount, g->grayCapacity, o); }
void pushGrayAgain(GlobalState* g, GCObject* o) {
  pushObject(g, g->grayAgain, g->grayAgainCount, g->grayAgainCapacity, o);
}

inline bool isWhite(const GCObject* o) { return (o->marked & kWhiteBits) != 0; }
inline uint8_t otherWhite(const GlobalState* g) { return uint8_t(g->currentWhite ^ kWhiteBits); }
inline void makeBlack(GCObject* o) { o->marked = uint8_t((o->marked & ~kWhiteBits) | kMarkBlack); }

// White -> gray (strings, which have no children, go straight to black).
inline void markObject(GlobalState* g, GCObject* o) {
  if (o == nullptr || !isWhite(o)) return;
  if (o->tag == kTagShortString || o->tag == kTagLongString) {
    makeBlack(o);
    return;
  }
  o->marked &= uint8_t(~kWhiteBits);
  pushGray(g, o);
}

inline void markValue(GlobalState* g, const Value& v) {
  if (v.isCollectable()) markObject(g, v.u.gc);
}

// A collectable value that this collection has not reached. Strings are never
// weak (§2.5.4): a weak table keeps the strings it holds.
bool isCleared(GlobalState* g, const Value& v) {
  if (!v.isCollectable()) return false;
  if (v.isString()) {
    makeBlack(v.u.gc);
    return false;
  }
  return (v.u.gc->marked & (kMarkBlack | kMarkFixed)) == 0;
}

// An entry whose value is gone keeps its key only as a dead key.
inline void killKey(Node& node) {
  if (node.key.isCollectable()) node.key.tag = kTagDeadKey;
}

// The weakness of a table, from its metatable's __mode (§2.5.4).
void weakMode(GlobalState* g, const Table* t, bool* weakKeys, bool* weakValues) {
  *weakKeys = *weakValues = false;
  if (!t->metatable) return;
  const Value* mode = tableGetShortString(t->metatable, g->tmNames[TM_MODE]);
  if (!mode->isString()) return;
  for (char c : view(mode->asString())) {
    if (c == 'k') *weakKeys = true;
    if (c == 'v') *weakValues = true;
  }
}

void linkWeak(Table** list, Table* t) {
  t->gclist = reinterpret_cast<GCObject*>(*list);
  *list = t;
}

// Ephemeron marking: a value is reached only when its key is. Returns true
// when it marked something new.
bool traverseEphemeron(GlobalState* g, Table* t) {
  bool marked = false;
  for (uint32_t i = 0; i < t->arraySize; i++) {
    const Value& v = t->array[i];
    if (v.isCollectable() && isWhite(v.u.gc)) {
      markValue(g, v);  // integer keys are never collected
      marked = true;
    }
  }
  for (uint32_t i = 0, n = t->nodeCapacity(); i < n; i++) {
    Node& node = t->nodes[i];
    if (node.key.tag == kTagNil || node.key.tag == kTagDeadKey) continue;
    if (node.value.isNil()) {
      killKey(node);
      continue;
    }
    if (!isCleared(g, node.key) && node.value.isCollectable() && isWhite(node.value.u.gc)) {
      markValue(g, node.value);
      marked = true;
    }
  }
  return marked;
}

void traverseTable(GlobalState* g, Table* t) {
  if (t->metatable) markObject(g, t->metatable);
  bool weakKeys, weakValues;
  weakMode(g, t, &weakKeys, &weakValues);
  if (weakKeys && weakValues) {
    linkWeak(&g->weakBoth, t);
    return;
  }
  if (weakKeys) {
    linkWeak(&g->weakKeys, t);
    traverseEphemeron(g, t);
    return;
  }
  if (!weakValues) {
    for (uint32_t i = 0; i < t->arraySize; i++) markValue(g, t->array[i]);
  }
  for (uint32_t i = 0, n = t->nodeCapacity(); i < n; i++) {
    Node& node = t->nodes[i];
    if (node.key.tag == kTagNil || node.key.tag == kTagDeadKey) continue;
    if (node.value.isNil()) {
      killKey(node);  // a removed entry keeps no object alive
      continue;
    }
    markValue(g, node.key);
    if (!weakValues) markValue(g, node.value);
  }
  if (weakValues) linkWeak(&g->weakValues, t);
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

bool isWeakTable(GlobalState* g, const Table* t) {
  bool weakKeys, weakValues;
  weakMode(g, t, &weakKeys, &weakValues);
  return weakKeys || weakValues;
}

// Traverses a gray object and turns it black. While marking incrementally,
// threads (whose stacks change all the time) and weak tables (whose clearing
// needs the final marks) stay gray until the atomic end of marking.
void traverse(GlobalState* g, GCObject* o) {
  if (!g->gcAtomic && (o->tag == kTagThread || (o->tag == kTagTable && isWeakTable(g, static_cast<Table*>(o))))) {
    // A stack is marked now too, so that what it holds is mostly marked
    // incrementally; the atomic pause then only rescans it.
    if (o->tag == kTagThread) traverseThread(g, reinterpret_cast<lua_State*>(o));
    pushGrayAgain(g, o);
    return;
  }
  makeBlack(o);
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
  // The main thread is fixed (never white): traverse it directly, at the
  // start of a cycle and again at its atomic end.
  traverseThread(g, g->mainThread);
  // Objects waiting for their finalizer stay alive.
  for (GCObject* o = g->toBeFinalized; o; o = o->next) markObject(g, o);
}

void propagateAll(GlobalState* g) {
  while (g->grayCount > 0) traverse(g, g->gray[--g->grayCount]);
}

// Marks ephemeron values until nothing new is reached (values may make keys
// of other ephemerons reachable).
void convergeEphemerons(GlobalState* g) {
  bool changed;
  do {
    changed = false;
    for (Table* t = g->weakKeys; t; t = reinterpret_cast<Table*>(t->gclist)) {
      if (traverseEphemeron(g, t)) {
        propagateAll(g);
        changed = true;
      }
    }
  } while (changed);
}

// Empties the entries of `list`'s tables whose values were not reached.
void clearByValues(GlobalState* g, Table* list) {
  for (Table* t = list; t; t = reinterpret_cast<Table*>(t->gclist)) {
    for (uint32_t i = 0; i < t->arraySize; i++) {
      if (isCleared(g, t->array[i])) t->array[i].setNil();
    }
    for (uint32_t i = 0, n = t->nodeCapacity(); i < n; i++) {
      Node& node = t->nodes[i];
      if (node.key.tag == kTagNil || node.key.tag == kTagDeadKey) continue;
      if (isCleared(g, node.value)) {
        node.value.setNil();
        killKey(node);
      }
    }
  }
}

// Empties the entries of `list`'s tables whose keys were not reached.
void clearByKeys(GlobalState* g, Table* list) {
  for (Table* t = list; t; t = reinterpret_cast<Table*>(t->gclist)) {
    for (uint32_t i = 0, n = t->nodeCapacity(); i < n; i++) {
      Node& node = t->nodes[i];
      if (node.key.tag == kTagNil || node.key.tag == kTagDeadKey) continue;
      if (isCleared(g, node.key)) {
        node.value.setNil();
        killKey(node);
      }
    }
  }
}

// Moves the unreached objects of the finalizable list to the end of the
// to-be-finalized list (all of them when `all`), keeping their order.
void separateUnreached(GlobalState* g, bool all) {
  GCObject** tail = &g->toBeFinalized;
  while (*tail) tail = &(*tail)->next;
  GCObject** p = &g->finalizable;
  while (GCObject* o = *p) {
    if (all || !(o->marked & (kMarkBlack | kMarkFixed))) {
      *p = o->next;
      o->next = nullptr;
      *tail = o;
      tail = &o->next;
    } else {
      p = &o->next;
    }
  }
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

// Sweeps objects from g->sweepCursor on, until `budget` bytes of objects are
// done or the lists end: objects of the old white are dead, the others are
// turned to the current white for the next cycle. Returns true when done.
bool sweepSome(GlobalState* g, ptrdiff_t budget) {
  uint8_t dead = otherWhite(g);
  while (g->sweepStage < 2) {
    GCObject** p = g->sweepCursor;
    while (GCObject* o = *p) {
      if (budget <= 0) {
        g->sweepCursor = p;
        return false;
      }
      budget -= 16;  // sweeping an object is cheap next to traversing one
      if (o->marked & kMarkFixed) {
        p = &o->next;
      } else if (o->marked & dead) {
        *p = o->next;
        freeObject(g, o);
      } else {
        o->marked = uint8_t((o->marked & ~(kMarkBlack | kWhiteBits)) | g->currentWhite);
        p = &o->next;
      }
    }
    g->sweepStage++;
    g->sweepCursor = &g->finalizable;
  }
  return true;
}

void startCycle(GlobalState* g) {
  g->grayCount = 0;
  g->partialTable = nullptr;
  g->grayAgainCount = 0;
  g->gcAtomic = false;
  g->gcState = kGCPropagate;
  markRoots(g);
}

// The end of marking, in one go: roots and everything kept gray again,
// ephemerons, weak tables and finalizers (§2.5.3, §2.5.4). Then the whites
// swap and sweeping starts.
void atomic(GlobalState* g) {
  g->gcAtomic = true;
  g->weakValues = g->weakKeys = g->weakBoth = nullptr;
  if (g->partialTable) {
    Table* t = g->partialTable;
    g->partialTable = nullptr;
    makeBlack(t);
    traverseTable(g, t);
  }
  markRoots(g);
  propagateAll(g);
  while (g->grayAgainCount > 0) {
    GCObject* o = g->grayAgain[--g->grayAgainCount];
    o->marked &= uint8_t(~(kMarkBlack | kWhiteBits));  // gray, whatever it was
    traverse(g, o);
    propagateAll(g);
  }
  convergeEphemerons(g);
  // Weak values are cleared before resurrection, weak keys after (§2.5.4).
  clearByValues(g, g->weakValues);
  clearByValues(g, g->weakBoth);
  Table* valuesBefore = g->weakValues;
  Table* bothBefore = g->weakBoth;
  separateUnreached(g, false);
  for (GCObject* o = g->toBeFinalized; o; o = o->next) markObject(g, o);
  propagateAll(g);
  convergeEphemerons(g);
  clearByKeys(g, g->weakKeys);
  clearByKeys(g, g->weakBoth);
  clearByValues(g, valuesBefore);
  clearByValues(g, bothBefore);
  // Swap whites: what is still of the old white is dead.
  g->currentWhite = otherWhite(g);
  for (GCObject* o = g->toBeFinalized; o; o = o->next) {
    o->marked = uint8_t((o->marked & ~(kMarkBlack | kWhiteBits)) | g->currentWhite);
  }
  g->gcAtomic = false;
  g->gcState = kGCSweep;
  g->sweepStage = 0;
  g->sweepCursor = &g->allObjects;
}

void endCycle(GlobalState* g) {
  g->gcState = kGCPause;
  for (auto* list : {&g->gray, &g->grayAgain}) {
    size_t& cap = list == &g->gray ? g->grayCapacity : g->grayAgainCapacity;
    if (cap > 1024) {
      // The mark stacks of a large heap are not kept between cycles.
      freeRaw(g, *list, sizeof(GCObject*) * cap);
      *list = nullptr;
      cap = 0;
    }
  }
  size_t threshold = g->totalBytes / 100 * size_t(g->gcPause);
  g->gcThreshold = threshold < g->gcMinThreshold ? g->gcMinThreshold : threshold;
}

// Does about `budget` bytes' worth of collection work.
// Large strong tables are traversed a chunk of slots per step, so that one
// table never makes a long pause. While one is in progress (g->partialTable)
// stores into it mark the stored value (see barrierBackSlow); a resize starts
// the traversal over. Returns the work done.
constexpr uint32_t kChunkSlots = 4096;

bool isLargeStrongTable(GlobalState* g, GCObject* o) {
  if (o->tag != kTagTable) return false;
  auto* t = static_cast<Table*>(o);
  return t->arraySize + t->nodeCapacity() > kChunkSlots && !isWeakTable(g, t);
}

ptrdiff_t traverseChunk(GlobalState* g, ptrdiff_t budget) {
  Table* t = g->partialTable;
  uint32_t total = t->arraySize + t->nodeCapacity();
  if (total != g->partialSize) {
    // Resized since the last chunk: start again.
    g->partialSize = total;
    g->partialIndex = 0;
    if (t->metatable) markObject(g, t->metatable);
  }
  uint32_t end = g->partialIndex + uint32_t(budget / 16 > ptrdiff_t(kChunkSlots) ? budget / 16 : kChunkSlots);
  if (end > total) end = total;
  for (uint32_t i = g->partialIndex; i < end; i++) {
    if (i < t->arraySize) {
      markValue(g, t->array[i]);
      continue;
    }
    Node& node = t->nodes[i - t->arraySize];
    if (node.key.tag == kTagNil || node.key.tag == kTagDeadKey) continue;
    if (node.value.isNil()) {
      killKey(node);
      continue;
    }
    markValue(g, node.key);
    markValue(g, node.value);
  }
  ptrdiff_t work = ptrdiff_t(end - g->partialIndex) * 16 + 64;
  g->partialIndex = end;
  if (end == total) {
    makeBlack(t);
    g->partialTable = nullptr;
  }
  return work;
}

void step(GlobalState* g, ptrdiff_t budget) {
  while (budget > 0 && g->gcState != kGCPause) {
    if (g->gcState == kGCPropagate) {
      if (g->partialTable) {
        budget -= traverseChunk(g, budget);
        continue;
      }
      if (g->grayCount == 0) {
        // Tables that grew large after a barrier made them gray again are
        // traversed incrementally now rather than in the atomic pause (their
        // later stores use the forward barrier, so they do not come back).
        size_t kept = 0;
        for (size_t i = 0; i < g->grayAgainCount; i++) {
          GCObject* o = g->grayAgain[i];
          if (isLargeStrongTable(g, o)) pushGray(g, o);
          else g->grayAgain[kept++] = o;
        }
        g->grayAgainCount = kept;
        if (g->grayCount == 0) atomic(g);
        continue;
      }
      GCObject* o = g->gray[--g->grayCount];
      if (isLargeStrongTable(g, o)) {
        g->partialTable = static_cast<Table*>(o);
        g->partialIndex = 0;
        g->partialSize = 0;
        budget -= traverseChunk(g, budget);
        continue;
      }
      traverse(g, o);
      budget -= 64;
      if (o->tag == kTagTable) budget -= ptrdiff_t(static_cast<Table*>(o)->arraySize + static_cast<Table*>(o)->nodeCapacity() * 2) * 16;
    } else {
      if (sweepSome(g, budget)) endCycle(g);
      budget = 0;
    }
  }
}

// Finishes the cycle in progress, then runs a whole cycle (a full
// collection).
void collect(GlobalState* g) {
  if (g->gcRunning) return;
  g->gcRunning = true;
  constexpr ptrdiff_t kAll = PTRDIFF_MAX;
  if (g->gcState != kGCPause) step(g, kAll);
  startCycle(g);
  step(g, kAll);
  g->gcRunning = false;
}

// Keeps the longest time the program waited for the collector.
struct PauseTimer {
  GlobalState* g;
  std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
  ~PauseTimer() {
    auto ns = uint64_t(std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start).count());
    if (ns > g->gcLongestPauseNs) g->gcLongestPauseNs = ns;
  }
};

// An incremental step, paced by allocation.
void incrementalStep(GlobalState* g, size_t allocated) {
  if (g->gcRunning) return;
  if (g->gcState == kGCPause && g->totalBytes < g->gcThreshold) return;
  PauseTimer timer{g};
  g->gcRunning = true;
  if (g->gcState == kGCPause) {
    if (g->totalBytes >= g->gcThreshold) {
      startCycle(g);
      g->stepCredit = 0;
    }
  } else {
    g->stepCredit += allocated;
    if (g->stepCredit >= g->gcStepSize) {
      ptrdiff_t budget = ptrdiff_t(g->stepCredit * size_t(g->gcStepMul) / 100);
      step(g, budget > 0 ? budget : 1);  // always some progress
      if (g->gcState == kGCPause) g->gcCycles++;
      g->stepCredit = 0;
    }
  }
  g->gcRunning = false;
}

}  // namespace

void* createHeap() { return mi_heap_new(); }
void destroyHeap(void* heap) { mi_heap_destroy(static_cast<mi_heap_t*>(heap)); }

// Raw allocations never collect: their callers may hold objects that are not
// yet rooted (a table being resized right after its creation). Collections,
// emergency ones included, happen only in newObject.
bool overLimit(const GlobalState* g, size_t size) {
  return g->memoryLimit != 0 && g->totalBytes + size > g->memoryLimit;
}

void* allocRaw(lua_State* L, size_t size) {
  GlobalState* g = G(L);
  if (overLimit(g, size)) memoryError(L);
  void* p = mi_heap_malloc(static_cast<mi_heap_t*>(g->heap), size);
  if (p == nullptr && size != 0) memoryError(L);
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
  if (newSize > oldSize && overLimit(g, newSize - oldSize)) memoryError(L);
  void* p = mi_heap_realloc(static_cast<mi_heap_t*>(g->heap), block, newSize);
  if (p == nullptr && newSize != 0) memoryError(L);
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
  // Over the threshold, or near the state's memory limit (an emergency
  // collection), collect first. "Near" leaves an eighth of the limit for the
  // raw allocations that follow objects (table parts, stacks), which cannot
  // collect themselves.
  bool nearLimit = g->memoryLimit != 0 && overLimit(g, size + g->memoryLimit / 8);
  if (g->gcStopped == 0) {
    if (kStress || nearLimit) collect(g);
    else incrementalStep(g, size);
  }
  auto* o = static_cast<GCObject*>(allocRaw(L, size));
  o->tag = tag;
  o->marked = g->currentWhite;
  o->next = g->allObjects;
  g->allObjects = o;
  return o;
}

void fullCollect(lua_State* L) {
  GlobalState* g = G(L);
  if (g->gcStopped == 0) collect(g);
}

void markFinalizable(lua_State* L, GCObject* o) {
  GlobalState* g = G(L);
  // Already finalizable, or waiting for its finalizer: nothing to do.
  for (GCObject* x = g->finalizable; x; x = x->next) {
    if (x == o) return;
  }
  for (GCObject* x = g->toBeFinalized; x; x = x->next) {
    if (x == o) return;
  }
  GCObject** p = &g->allObjects;
  while (*p && *p != o) p = &(*p)->next;
  if (!*p) return;  // not a collectable object of the list (main thread)
  // A sweep in progress may be just past `o`: keep its cursor in the list.
  if (g->sweepCursor == &o->next) g->sweepCursor = p;
  *p = o->next;
  o->next = g->finalizable;
  g->finalizable = o;
}

GCObject* nextToFinalize(GlobalState* g) {
  GCObject* o = g->toBeFinalized;
  if (!o) return nullptr;
  // It becomes an ordinary object again (finalized once, unless it is given
  // a metatable with __gc anew).
  g->toBeFinalized = o->next;
  o->next = g->allObjects;
  g->allObjects = o;
  return o;
}

void prepareClose(GlobalState* g) {
  separateUnreached(g, true);
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
  for (GCObject** list : {&g->allObjects, &g->finalizable, &g->toBeFinalized}) {
    GCObject* o = *list;
    *list = nullptr;
    while (o) {
      GCObject* next = o->next;
      freeObject(g, o);
      o = next;
    }
  }
}

std::string verifyHeap(lua_State* L) {
  GlobalState* g = G(L);
  std::unordered_set<const GCObject*> live;
  for (GCObject* list : {g->allObjects, g->finalizable, g->toBeFinalized}) {
    for (GCObject* o = list; o; o = o->next) live.insert(o);
  }
  live.insert(g->mainThread);
  std::unordered_set<const GCObject*> seen;
  std::vector<const GCObject*> pending;
  std::string problem;
  auto reach = [&](const GCObject* o, const char* from) {
    if (!o || !problem.empty() || seen.count(o)) return;
    if (!live.count(o)) {
      problem = std::string("reference from a ") + from + " to an object that is not alive";
      return;
    }
    seen.insert(o);
    pending.push_back(o);
  };
  auto reachValue = [&](const Value& v, const char* from) {
    if (v.isCollectable()) reach(v.u.gc, from);
  };
  reachValue(g->registry, "root");
  for (Table* mt : g->typeMetatables) reach(mt, "root");
  reach(g->mainThread, "root");
  for (const GCObject* o = g->toBeFinalized; o; o = o->next) reach(o, "root");
  while (!pending.empty() && problem.empty()) {
    const GCObject* o = pending.back();
    pending.pop_back();
    switch (o->tag) {
      case kTagShortString: case kTagLongString: break;
      case kTagTable: {
        auto* t = static_cast<const Table*>(o);
        reach(t->metatable, "table");
        for (uint32_t i = 0; i < t->arraySize; i++) reachValue(t->array[i], "table");
        for (uint32_t i = 0, n = t->nodeCapacity(); i < n; i++) {
          const Node& node = t->nodes[i];
          if (node.key.tag == kTagNil || node.key.tag == kTagDeadKey) continue;
          if (node.value.isNil()) continue;
          reachValue(node.key, "table key");
          reachValue(node.value, "table");
        }
        break;
      }
      case kTagLuaClosure: {
        auto* c = static_cast<const LuaClosure*>(o);
        reach(c->proto, "closure");
        for (int i = 0; i < c->numUpvalues; i++) reach(c->upvals[i], "closure");
        break;
      }
      case kTagNativeClosure: {
        auto* c = static_cast<const NativeClosure*>(o);
        for (int i = 0; i < c->numUpvalues; i++) reachValue(c->upvalues[i], "native closure");
        break;
      }
      case kTagUpval: reachValue(*static_cast<const UpVal*>(o)->v, "upvalue"); break;
      case kTagProto: {
        auto* p = static_cast<const Proto*>(o);
        reach(p->source, "prototype");
        for (int i = 0; i < p->numConstants; i++) reachValue(p->constants[i], "prototype");
        for (int i = 0; i < p->numProtos; i++) reach(p->protos[i], "prototype");
        break;
      }
      case kTagUserdata: {
        auto* u = static_cast<const Userdata*>(o);
        reach(u->metatable, "userdata");
        for (int i = 0; i < u->numUserValues; i++) reachValue(u->userValues[i], "userdata");
        break;
      }
      case kTagThread: {
        auto* th = reinterpret_cast<const lua_State*>(o);
        if (!th->stack) break;
        for (const Value* p = th->stack; p < th->top; p++) reachValue(*p, "stack");
        for (UpVal* uv = th->openUpval; uv; uv = uv->u.open.next) reach(uv, "thread");
        break;
      }
      default: problem = "an object with an invalid tag"; break;
    }
  }
  return problem;
}

void barrierBackSlow(GlobalState* g, GCObject* o, GCObject* v) {
  if (o->tag == kTagTable) {
    auto* t = static_cast<Table*>(o);
    if (t->arraySize + t->nodeCapacity() > kChunkSlots) {
      markObject(g, v);
      return;
    }
  }
  o->marked &= uint8_t(~kMarkBlack);  // gray again
  pushGrayAgain(g, o);
}

void barrierForwardSlow(GlobalState* g, GCObject* o, GCObject* v) {
  markObject(g, v);
}

PauseGuard::PauseGuard(GlobalState* gs) : g(gs) { g->gcStopped++; }
PauseGuard::~PauseGuard() { g->gcStopped--; }

}  // namespace tycho::gc
