// Heap: the collector (see Heap.hpp for the two modes; raw memory is in
// Memory.cpp). In order: marking (colours, traversal of each object kind,
// weak tables, finalizers), sweeping, the incremental cycle and its steps,
// generational mode (ages, minor collections, majors), pacing by
// allocation, then the entry points and the write barriers.
#include "gc/Heap.hpp"

#include <cassert>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>

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

// Resizes one of the collector's object stacks, outside the accounted
// allocator's failure path (nothing can be collected mid-mark). A collection
// cannot stop halfway, so when the state's allocator refuses (a host's
// lua_Alloc at its memory limit), the items move to the C library's heap,
// unaccounted, and stay there; only when that fails too does the process
// end, as it cannot even record what is reachable. Null only when shrinking
// failed (the stack is left as it was).
GCObject** resizeStack(GlobalState* g, ObjectStack& stack, size_t cap) {
  size_t had = sizeof(GCObject*) * stack.capacity, bytes = sizeof(GCObject*) * cap;
  void* fresh;
  if (stack.unaccounted) {
    fresh = std::realloc(stack.items, bytes);
  } else {
    fresh = reallocRawNoThrow(g, stack.items, had, bytes);
    if (fresh == nullptr && cap > stack.capacity) {
      fresh = std::malloc(bytes);
      if (fresh != nullptr) {
        if (stack.count > 0) std::memcpy(fresh, stack.items, sizeof(GCObject*) * stack.count);
        freeRaw(g, stack.items, had);
        stack.unaccounted = true;
      }
    }
  }
  if (fresh == nullptr && cap > stack.capacity) std::abort();
  if (fresh != nullptr) {
    stack.items = static_cast<GCObject**>(fresh);
    stack.capacity = cap;
  }
  return static_cast<GCObject**>(fresh);
}

void freeStack(GlobalState* g, ObjectStack& stack) {
  if (stack.unaccounted) std::free(stack.items);
  else freeRaw(g, stack.items, sizeof(GCObject*) * stack.capacity);
  stack = ObjectStack{};
}

// Appends to one of the collector's object stacks.
void push(GlobalState* g, ObjectStack& stack, GCObject* o) {
  if (stack.count == stack.capacity) resizeStack(g, stack, stack.capacity ? stack.capacity * 2 : 256);
  stack.items[stack.count++] = o;
}

// Gives back the memory of a stack that grew large (after a large heap's
// cycle), keeping room for its current items.
void shrink(GlobalState* g, ObjectStack& stack) {
  if (stack.capacity <= 1024 || stack.count >= stack.capacity / 4) return;
  if (stack.count == 0) {
    freeStack(g, stack);
    return;
  }
  size_t cap = 1024;
  while (cap < stack.count * 2) cap *= 2;
  resizeStack(g, stack, cap);
}

void pushGray(GlobalState* g, GCObject* o) { push(g, g->gray, o); }

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
    push(g, g->weakBoth, t);
    return;
  }
  if (weakKeys) {
    push(g, g->weakKeys, t);
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
  if (weakValues) push(g, g->weakValues, t);
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
    push(g, g->grayAgain, o);
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
  while (g->gray.count > 0) traverse(g, g->gray.items[--g->gray.count]);
}

// --- upvalues that outlive their coroutine ---
//
// A closure may keep an upvalue of a coroutine that is otherwise dead: the
// upvalue is still open, its value in the dead coroutine's stack, which
// the collector does not traverse (and, in generational mode, an old upvalue
// is not traversed by a minor collection either). So at the end of marking
// the values of the reached open upvalues of unreached coroutines are marked
// (remarkDeadThreadUpvalues), and once marking is over those upvalues are
// closed with their values (closeDeadThreadUpvalues): nothing can change
// the dead stack any more, and the thread's sweep frees the stack. The
// coroutines that have open upvalues are listed in g->threadsWithUpvalues
// (findUpvalue adds them); the rest cannot be concerned.

// Marks the values of reached open upvalues of unreached coroutines; true
// when it marked something.
bool remarkDeadThreadUpvalues(GlobalState* g) {
  bool marked = false;
  for (lua_State* th = g->threadsWithUpvalues; th; th = th->nextWithUpvalues) {
    if (!isWhite(th)) continue;
    for (UpVal* uv = th->openUpval; uv; uv = uv->u.open.next) {
      if (!isWhite(uv) && uv->v->isCollectable() && isWhite(uv->v->u.gc)) {
        markValue(g, *uv->v);
        marked = true;
      }
    }
  }
  return marked;
}

// Closes the reached open upvalues of the coroutines that are still unreached
// (their values are marked: remarkDeadThreadUpvalues, or the upvalue's own
// traversal) and takes off the list the coroutines that are dead or have no
// open upvalues left. The dead coroutines' unreached upvalues stay on their
// lists, to be detached when the coroutine is freed.
void closeDeadThreadUpvalues(GlobalState* g) {
  lua_State** link = &g->threadsWithUpvalues;
  while (lua_State* th = *link) {
    if (!isWhite(th) && th->openUpval) {
      link = &th->nextWithUpvalues;
      continue;
    }
    *link = th->nextWithUpvalues;
    th->nextWithUpvalues = th;
    if (!isWhite(th)) continue;
    UpVal** up = &th->openUpval;
    while (UpVal* uv = *up) {
      if (isWhite(uv)) {
        up = &uv->u.open.next;
        continue;
      }
      *up = uv->u.open.next;
      if (*up) (*up)->u.open.previous = up;
      Value v = *uv->v;
      uv->u.closed = v;
      uv->v = &uv->u.closed;
      // An old upvalue now holds what may be a young value: it is touched,
      // as a table stored into (traversed by the next minor collections).
      if (g->genBarriers && ageOf(uv) >= kAgeOld0 && v.isCollectable() && ageOf(v.u.gc) < kAgeOld0 &&
          !(v.u.gc->marked & kMarkFixed)) {
        barrierBackSlow(g, uv, v.u.gc);
      }
    }
  }
}

// Marks ephemeron values until nothing new is reached (values may make keys
// of other ephemerons reachable).
void convergeEphemerons(GlobalState* g) {
  bool changed;
  do {
    changed = false;
    for (size_t i = 0; i < g->weakKeys.count; i++) {
      if (traverseEphemeron(g, static_cast<Table*>(g->weakKeys.items[i]))) {
        propagateAll(g);
        changed = true;
      }
    }
  } while (changed);
}

// Empties the entries whose values were not reached, in the tables of
// `list` from index `from` on. (Entries already removed lose their keys
// first: isCleared would keep a string key alive.)
void clearByValues(GlobalState* g, const ObjectStack& list, size_t from = 0) {
  for (size_t k = from; k < list.count; k++) {
    auto* t = static_cast<Table*>(list.items[k]);
    for (uint32_t i = 0; i < t->arraySize; i++) {
      if (isCleared(g, t->array[i])) t->array[i].setNil();
    }
    for (uint32_t i = 0, n = t->nodeCapacity(); i < n; i++) {
      Node& node = t->nodes[i];
      if (node.key.tag == kTagNil || node.key.tag == kTagDeadKey) continue;
      if (node.value.isNil()) {
        killKey(node);
      } else if (isCleared(g, node.value)) {
        node.value.setNil();
        killKey(node);
      }
    }
  }
}

// Empties the entries of `list`'s tables whose keys were not reached.
void clearByKeys(GlobalState* g, const ObjectStack& list) {
  for (size_t k = 0; k < list.count; k++) {
    auto* t = static_cast<Table*>(list.items[k]);
    for (uint32_t i = 0, n = t->nodeCapacity(); i < n; i++) {
      Node& node = t->nodes[i];
      if (node.key.tag == kTagNil || node.key.tag == kTagDeadKey) continue;
      if (node.value.isNil()) {
        killKey(node);
      } else if (isCleared(g, node.key)) {
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
  // The interpreter runs them at its next poll (a call or a loop's back-edge).
  if (g->toBeFinalized) g->pollRequests.fetch_or(kPollFinalizers, std::memory_order_relaxed);
}

// --- freeing ---

// Closes a thread's open upvalues in place, keeping their values, and
// empties its list (the thread is about to be freed: an upvalue freed later
// must find nothing to unlink from). Those still reached were closed at the
// end of marking; these die too, or the state is closing.
void detachOpenUpvalues(lua_State* L) {
  for (UpVal* uv = L->openUpval; uv;) {
    UpVal* next = uv->u.open.next;
    uv->u.closed = *uv->v;
    uv->v = &uv->u.closed;
    uv = next;
  }
  L->openUpval = nullptr;
}

void freeObject(GlobalState* g, GCObject* o) {
  switch (o->tag) {
    case kTagShortString:
      removeInterned(g, static_cast<String*>(o));
      freeRaw(g, o, stringSize(static_cast<String*>(o)->length()));
      break;
    case kTagLongString: freeRaw(g, o, stringSize(static_cast<String*>(o)->length())); break;
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
      if (g->protoFreed) g->protoFreed(g, p);  // a compiling tier drops its code
      freeRaw(g, p->code, sizeof(uint32_t) * size_t(p->codeSize));
      freeRaw(g, p->feedback, sizeof(Feedback) * size_t(p->codeSize));
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
      if (u->ownsBlock) {
        auto* owned = static_cast<OwnedBlock*>(u->memory());
        freeRaw(g, owned->bytes, owned->size);
      }
      freeRaw(g, u->userValues, sizeof(Value) * u->numUserValues);
      freeRaw(g, u, offsetof(Userdata, block) + u->length);
      break;
    }
    case kTagThread: {
      auto* L = reinterpret_cast<lua_State*>(o);
      detachOpenUpvalues(L);
      freeCallInfos(g, L);
      freeStack(g, L);
      freeRaw(g, L->tbcSlots, sizeof(int) * size_t(L->tbcCapacity));
      freeRaw(g, reinterpret_cast<char*>(L) - kThreadPrefix, kThreadPrefix + sizeof(lua_State));
      break;
    }
    default: std::abort();
  }
}

// Sweeps objects from g->sweepCursor on, until `budget` bytes of objects are
// done or the lists end: objects of the old white are dead, the others are
// turned to the current white for the next cycle (or, in a major collection
// of generational mode, old). Uses up `budget`; returns true when done.
bool sweepSome(GlobalState* g, ptrdiff_t& budget) {
  uint8_t dead = otherWhite(g);
  while (g->sweepStage < 2) {
    GCObject** p = g->sweepCursor;
    while (GCObject* o = *p) {
      if (budget <= 0) {
        g->sweepCursor = p;
        return false;
      }
      budget -= 1;
      if (o->marked & kMarkFixed) {
        p = &o->next;
      } else if (g->genWhitening) {
        // The start of a major collection: old objects become white and
        // young again (nothing is dead yet).
        o->marked = uint8_t((o->marked & kMarkFinalizable) | g->currentWhite);
        p = &o->next;
      } else if (o->marked & dead) {
        *p = o->next;
        freeObject(g, o);
      } else if (g->genMajor) {
        // The end of a major collection: survivors are old, and the first
        // of them in allObjects is where the old objects begin. What the
        // program did since marking ended keeps its state: objects a
        // barrier has touched (kAgeTouched1), and objects made since, which
        // stay young, as nothing marked what they point to: of the current
        // white, or made old by a barrier (kAgeOld0, gray, to be traversed).
        // The sweep meets those at the head of allObjects, when it starts
        // there, and in the finalizable list, where a finalizer moved them.
        Age age = ageOf(o);
        if (!(o->marked & g->currentWhite) && age != kAgeOld0) {
          if (g->sweepStage == 0 && !g->genFirstSwept) g->genFirstSwept = o;
          if (age != kAgeTouched1) {
            o->marked = uint8_t((o->marked & ~(kWhiteBits | kAgeMask)) | kMarkBlack | (kAgeOld << kAgeShift));
          }
          if (o->tag == kTagThread) push(g, g->genThreads, o);
        }
        p = &o->next;
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
  g->genWhitening = false;
  g->genBarriers = false;
  g->gray.count = 0;
  g->partialTable = nullptr;
  g->grayAgain.count = 0;
  g->gcAtomic = false;
  g->gcState = kGCPropagate;
  markRoots(g);
}

// Marks from the roots until nothing new is reached, then settles weak
// tables and finalizers. Shared by the atomic step of a cycle and minor
// collections (which first traverse their old objects that may point to young ones).
void markAndSettle(GlobalState* g) {
  markRoots(g);
  propagateAll(g);
  while (g->grayAgain.count > 0) {
    GCObject* o = g->grayAgain.items[--g->grayAgain.count];
    o->marked &= uint8_t(~(kMarkBlack | kWhiteBits));  // gray, whatever it was
    traverse(g, o);
    propagateAll(g);
  }
  while (remarkDeadThreadUpvalues(g)) propagateAll(g);
  convergeEphemerons(g);
  // Weak values are cleared before resurrection, weak keys after (§2.5.4).
  clearByValues(g, g->weakValues);
  clearByValues(g, g->weakBoth);
  size_t valuesBefore = g->weakValues.count;
  size_t bothBefore = g->weakBoth.count;
  separateUnreached(g, false);
  for (GCObject* o = g->toBeFinalized; o; o = o->next) markObject(g, o);
  propagateAll(g);
  convergeEphemerons(g);
  clearByKeys(g, g->weakKeys);
  clearByKeys(g, g->weakBoth);
  // Weak tables reached only from resurrected objects: their values too.
  clearByValues(g, g->weakValues, valuesBefore);
  clearByValues(g, g->weakBoth, bothBefore);
  closeDeadThreadUpvalues(g);
  // The C API's string cache holds its strings weakly: those about to be
  // freed leave it.
  for (auto& set : g->apiStrings) {
    for (String*& s : set) {
      if (s && isWhite(s)) s = nullptr;
    }
  }
}

// The end of marking, in one go: roots and everything kept gray again,
// ephemerons, weak tables and finalizers (§2.5.3, §2.5.4). Then the whites
// swap and sweeping starts.
void atomic(GlobalState* g) {
  g->gcAtomic = true;
  g->weakValues.count = g->weakKeys.count = g->weakBoth.count = 0;
  if (g->partialTable) {
    Table* t = g->partialTable;
    g->partialTable = nullptr;
    makeBlack(t);
    traverseTable(g, t);
  }
  markAndSettle(g);
  // Swap whites: what is still of the old white is dead.
  g->currentWhite = otherWhite(g);
  for (GCObject* o = g->toBeFinalized; o; o = o->next) {
    o->marked = uint8_t((o->marked & ~(kMarkBlack | kWhiteBits)) | g->currentWhite);
  }
  g->gcAtomic = false;
  g->gcState = kGCSweep;
  g->sweepStage = 0;
  g->sweepAllocated = 0;
  g->sweepCursor = &g->allObjects;
  if (g->genMajor) {
    // The sweep of a major collection makes the survivors old: from now on
    // the barriers keep the generational invariant (swept objects are old
    // and black; unswept survivors are black and will be old).
    g->genBarriers = true;
    g->genFirstSwept = nullptr;
  }
}

// Where the next minor collection happens: after the heap grows by
// genMinorMul percent, but at most genMaxNursery bytes (a minor collection's
// pause grows with what it sweeps).
void setMinorThreshold(GlobalState* g) {
  size_t debt = g->totalBytes / 100 * size_t(g->genMinorMul);
  if (debt > g->genMaxNursery) debt = g->genMaxNursery;
  if (g->gcTinySteps) debt = 0;
  g->gcThreshold = g->totalBytes + debt;
}

// The threshold of the next incremental cycle: the live heap grown by
// gcPause percent. Objects made during the sweep are not known to be live
// (most are garbage already): they do not count.
void setPauseThreshold(GlobalState* g) {
  size_t live = g->totalBytes - (g->sweepAllocated < g->totalBytes ? g->sweepAllocated : 0);
  g->sweepAllocated = 0;
  size_t threshold = live / 100 * size_t(g->gcPause);
  g->gcThreshold = threshold < g->gcMinThreshold ? g->gcMinThreshold : threshold;
}

void endCycle(GlobalState* g) {
  g->gcState = kGCPause;
  shrinkStringTable(g);
  // The next emergency collection (see emergencyDue): when half the room
  // the live data leaves under the memory limit is used.
  size_t live = g->totalBytes;
  g->emergencyMark = live < g->memoryLimit ? live + (g->memoryLimit - live) / 2 : g->memoryLimit;
  g->gcCycles++;
  // The work lists of a large heap do not keep their size between cycles.
  for (ObjectStack* stack : {&g->gray, &g->grayAgain, &g->genOld1, &g->genTouched, &g->genThreads,
                             &g->weakValues, &g->weakKeys, &g->weakBoth}) {
    shrink(g, *stack);
  }
  if (g->genMajor) {
    // Generational mode again: everything that existed when the sweep began
    // and survived is old; what was made since is young.
    g->genMajor = false;
    g->genSurvival = g->genOld = g->genFirstSwept;
    g->genFirstSwept = nullptr;
    // What the program allocated during the major collection is young and
    // mostly garbage: a minor collection right away frees it. The base that
    // the next major collection is measured from is what this one found
    // alive: the heap without the objects made during the sweep. (The heap
    // after that minor collection would also count what the program grew
    // since the sweep began, and a program that grows a big table while
    // making few objects, whose minor collections come late, made its base
    // double from major to major.)
    size_t made = g->sweepAllocated < g->totalBytes ? g->sweepAllocated : 0;
    g->sweepAllocated = 0;
    g->genMajorBase = g->totalBytes - made;
    g->gcThreshold = g->totalBytes;
    return;
  }
  setPauseThreshold(g);
}

// Collection work is counted as Lua counts it: one unit per object swept or
// traversed, plus one per slot of a traversed table. A step does
// gcStepMul units for every value's worth (16 bytes) allocated (§2.5.1: a
// multiplier of 100 is Lua's default).
ptrdiff_t workFor(const GlobalState* g, size_t bytes) { return ptrdiff_t(bytes / sizeof(Value) * size_t(g->gcStepMul)); }

// Does about `budget` units of collection work.
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

ptrdiff_t traverseChunk(GlobalState* g) {
  Table* t = g->partialTable;
  uint32_t total = t->arraySize + t->nodeCapacity();
  if (total != g->partialSize) {
    // The first chunk (a resize updates the size: see tableRebuilt).
    g->partialSize = total;
    g->partialIndex = 0;
    if (t->metatable) markObject(g, t->metatable);
  }
  uint32_t end = g->partialIndex + kChunkSlots;
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
  ptrdiff_t work = ptrdiff_t(end - g->partialIndex) + 1;
  g->partialIndex = end;
  if (end == total) {
    makeBlack(t);
    g->partialTable = nullptr;
  }
  return work;
}

// With mayFinishMark false, marking stops short of the atomic part (which
// decides what is dead): the step is then safe where objects may be held
// only in native variables (see growthStep). Returns true when it stopped
// there, the atomic part waiting for a step that may run it.
bool step(GlobalState* g, ptrdiff_t budget, bool mayFinishMark = true) {
  while (budget > 0 && g->gcState != kGCPause) {
    if (g->genWhitening) {
      if (sweepSome(g, budget)) startCycle(g);
      continue;
    }
    if (g->gcState == kGCPropagate) {
      // A chunk of the large table in progress only when few objects wait:
      // a chunk can gray thousands, and a mark stack that grows without
      // bound costs memory and, as it is reallocated, pauses.
      if (g->partialTable && g->gray.count < kChunkSlots) {
        budget -= traverseChunk(g);
        continue;
      }
      if (g->gray.count == 0) {
        // Tables that grew large after a barrier made them gray again are
        // traversed incrementally now rather than in the atomic pause (their
        // later stores use the forward barrier, so they do not come back).
        size_t kept = 0;
        for (size_t i = 0; i < g->grayAgain.count; i++) {
          GCObject* o = g->grayAgain.items[i];
          if (isLargeStrongTable(g, o)) pushGray(g, o);
          else g->grayAgain.items[kept++] = o;
        }
        g->grayAgain.count = kept;
        if (g->gray.count == 0) {
          if (!mayFinishMark) return true;
          atomic(g);
        }
        continue;
      }
      GCObject* o = g->gray.items[--g->gray.count];
      if (isLargeStrongTable(g, o)) {
        if (g->partialTable) {
          push(g, g->grayAgain, o);  // one at a time; back to gray when the stack empties
          continue;
        }
        g->partialTable = static_cast<Table*>(o);
        g->partialIndex = 0;
        g->partialSize = 0;
        budget -= traverseChunk(g);
        continue;
      }
      traverse(g, o);
      budget -= 1;
      if (o->tag == kTagTable) budget -= ptrdiff_t(static_cast<Table*>(o)->arraySize + static_cast<Table*>(o)->nodeCapacity() * 2);
    } else {
      if (sweepSome(g, budget)) endCycle(g);
    }
  }
  return false;
}

// --- generational mode ---
//
// allObjects is kept in three segments: the newest objects first (young: made
// since the last minor collection), then the survivals (young: survived one),
// from genSurvival on, then the old objects, from genOld on. Between
// collections old objects are black and young ones white, except for what
// the barriers changed: touched old objects (gray, listed in genTouched) and
// young objects made old at once (kAgeOld0, gray until traversed). A minor
// collection marks from the roots, the old coroutines (their stacks change
// without barriers), the touched objects and the objects that became old in
// the previous one (genOld1); everything old counts as reached. It then sweeps
// the two young segments only.

// Sweeps the objects from *p up to `end` after a minor collection: the
// unmarked ones are dead; the others grow older. Returns where it stopped.
GCObject** sweepYoung(GlobalState* g, GCObject** p, GCObject* end) {
  while (GCObject* o = *p) {
    if (o == end) break;
    if (o->marked & kMarkFixed) {
      p = &o->next;
      continue;
    }
    if (isWhite(o)) {
      *p = o->next;
      freeObject(g, o);
      continue;
    }
    switch (ageOf(o)) {
      case kAgeNew:  // a survival: white again
        o->marked = uint8_t((o->marked & kMarkFinalizable) | g->currentWhite | (kAgeSurvival << kAgeShift));
        break;
      case kAgeSurvival:
      case kAgeOld0:  // old now, traversed once more by the next minor collection
        setAge(o, kAgeOld1);
        if (o->tag == kTagThread) push(g, g->genThreads, o);
        else push(g, g->genOld1, o);
        break;
      case kAgeOld1: setAge(o, kAgeOld); break;
      default: break;  // old or touched: unchanged
    }
    p = &o->next;
  }
  return p;
}

void youngCollection(GlobalState* g) {
  g->gcAtomic = true;  // nothing is deferred: this is one pause
  g->weakValues.count = g->weakKeys.count = g->weakBoth.count = 0;
  // Objects that became old last time may point to survivals, stored when
  // they were young (no barrier): traverse them once more.
  for (size_t i = 0; i < g->genOld1.count; i++) {
    GCObject* o = g->genOld1.items[i];
    if (ageOf(o) != kAgeOld1) continue;  // touched meanwhile: traversed below
    setAge(o, kAgeOld);
    if (o->marked & kMarkBlack) traverse(g, o);
  }
  g->genOld1.count = 0;
  for (size_t i = 0; i < g->genTouched.count; i++) traverse(g, g->genTouched.items[i]);
  for (size_t i = 0; i < g->genThreads.count; i++) {
    GCObject* th = g->genThreads.items[i];
    setAge(th, kAgeOld);
    makeBlack(th);
    traverseThread(g, reinterpret_cast<lua_State*>(th));
  }
  markAndSettle(g);
  GCObject** survivals = sweepYoung(g, &g->allObjects, g->genSurvival);
  sweepYoung(g, survivals, g->genOld);
  g->genOld = *survivals;  // the survivals that survived again are old now
  g->genSurvival = g->allObjects;
  sweepYoung(g, &g->finalizable, nullptr);
  sweepYoung(g, &g->toBeFinalized, nullptr);
  shrinkStringTable(g);
  // Touched objects: traversed in this minor collection and the next one
  // (their young children are survivals until then), then plain old.
  size_t kept = 0;
  for (size_t i = 0; i < g->genTouched.count; i++) {
    GCObject* o = g->genTouched.items[i];
    makeBlack(o);
    if (ageOf(o) == kAgeTouched1) {
      setAge(o, kAgeTouched2);
      g->genTouched.items[kept++] = o;
    } else {
      setAge(o, kAgeOld);
    }
  }
  g->genTouched.count = kept;
  g->gcAtomic = false;
  g->gcMinorCycles++;
  g->genMinorsSinceMajor++;
  if (g->genMajorBase == 0) g->genMajorBase = g->totalBytes;  // the first ever
  setMinorThreshold(g);
}

// Starts a major collection in generational mode. It runs incrementally, as
// a cycle of the incremental mode preceded by a pass that whitens the old
// objects (sweepSome with genWhitening), and its sweep makes survivors old.
void startMajor(GlobalState* g) {
  g->genMinorsSinceMajor = 0;
  g->genMajor = true;
  g->genWhitening = true;
  g->genBarriers = false;  // nothing to keep while everything turns white
  g->genOld1.count = g->genTouched.count = g->genThreads.count = 0;
  g->gray.count = 0;  // gray young objects (made old by barriers) are whitened too
  // The objects waiting for their finalizer are whitened first: one whose
  // finalizer runs during the pass goes back to allObjects ahead of it.
  for (GCObject* o = g->toBeFinalized; o; o = o->next) {
    o->marked = uint8_t((o->marked & kMarkFinalizable) | g->currentWhite);
  }
  g->gcState = kGCSweep;
  g->sweepStage = 0;
  g->sweepCursor = &g->allObjects;
  g->stepBase = g->totalBytes;
}

bool majorDue(const GlobalState* g) {
  if (g->genMajorBase == 0) return false;  // set by the first minor collection
  return g->totalBytes > g->genMajorBase + g->genMajorBase / 100 * size_t(g->genMajorMul);
}

constexpr ptrdiff_t kAll = PTRDIFF_MAX;

// Finishes the cycle in progress, then runs a whole cycle (a full
// collection): a major collection in generational mode.
void collect(GlobalState* g) {
  if (g->gcRunning) return;
  g->gcRunning = true;
  if (g->gcState != kGCPause) step(g, kAll);
  if (g->gcKind == kGCGenerational) startMajor(g);
  else startCycle(g);
  step(g, kAll);
  g->gcRunning = false;
  releaseSpareBuffer(g);
  trimBlockCache(g, SIZE_MAX, blockCacheLimit(g));  // the newest block too: a full collection gives back all it can
}

// Keeps the longest time the program waited for the collector: wall-clock
// time, and (when asked for) the thread's CPU time, which leaves out the time
// the process was descheduled on a busy machine.
uint64_t threadCpuNs() {
  timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return uint64_t(t.tv_sec) * 1000000000u + uint64_t(t.tv_nsec);
}

struct PauseTimer {
  explicit PauseTimer(GlobalState* gs) : g(gs), cpuStart(gs->gcTimeCpu ? threadCpuNs() : 0) {}
  ~PauseTimer() {
    auto ns = uint64_t(std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start).count());
    if (ns > g->gcLongestPauseNs) g->gcLongestPauseNs = ns;
    if (g->gcTimeCpu) {
      uint64_t cpu = threadCpuNs() - cpuStart;
      if (cpu > g->gcLongestPauseCpuNs) g->gcLongestPauseCpuNs = cpu;
    }
  }
  GlobalState* g;
  uint64_t cpuStart;
  std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
};

// The test modes check the heap now and then; a problem ends the process.
void verifyOrAbort(GlobalState* g) {
  std::string problem = verifyHeap(g->mainThread);
  if (!problem.empty()) {
    std::fprintf(stderr, "tycho: heap verification failed: %s\n", problem.c_str());
    std::abort();
  }
}

// Collector work paced by allocation: between cycles, start one (a minor
// collection in generational mode, or a major one when due); during one, an
// incremental step. The debt is the heap's growth since the last step, raw
// blocks (table parts, strings' bytes, stacks) included: they cannot collect
// themselves, so the next new object pays for them.
// atSafePoint: everything the program holds is rooted (newObject's
// contract), so any work may run; otherwise only work that frees nothing
// that could still be held (see growthStep).
void allocationStep(GlobalState* g, size_t allocated, bool atSafePoint = true) {
  if (g->gcRunning) return;
  size_t debt = 0;
  if (g->gcState == kGCPause) {
    if (g->totalBytes < g->gcThreshold) return;
  } else {
    if (g->gcState == kGCSweep) g->sweepAllocated += allocated;
    debt = g->totalBytes > g->stepBase ? g->totalBytes - g->stepBase : 0;
    if (debt < g->gcStepSize) return;
  }
  if (g->gcState == kGCPause && g->gcKind == kGCGenerational && !atSafePoint) {
    // A minor collection is atomic: it waits for the next new object. So
    // does a major one, whose first step there may be all of it (below).
    return;
  }
  if (g->gcTinySteps && ++g->stressCount % 256 == 0) verifyOrAbort(g);
  PauseTimer timer{g};
  g->gcRunning = true;
  if (g->gcState == kGCPause) {
    g->stepBase = g->totalBytes;
    if (g->gcKind == kGCIncremental) {
      startCycle(g);
    } else if (majorDue(g) || (g->gcTinySteps && g->genMinorsSinceMajor >= 64)) {
      startMajor(g);
      // The major's first step at once, here at a safe point: a small
      // heap's major ends within it, freeing now what died since the last
      // one (a big array dropped by a program that then grows another
      // without making an object has no later safe point to free it at).
      if (!g->gcTinySteps) step(g, workFor(g, 2 * g->gcStepSize));
    } else {
      youngCollection(g);
    }
  } else {
    // A step pays at most two step sizes of debt: after a large raw block
    // (a big table's new array) the rest is paid by the following steps, so
    // that no single step makes a long pause.
    size_t paid = debt < 2 * g->gcStepSize ? debt : 2 * g->gcStepSize;
    ptrdiff_t budget = workFor(g, paid);
    // Tiny steps in generational mode: majors in small steps, but short
    // enough to leave time for many minor collections.
    if (g->gcTinySteps && g->gcKind == kGCGenerational) budget = 64;
    // Always some progress. When marking is done but the atomic part cannot
    // run here, the debt stays for the next step that can run it (the next
    // new object): paid here, a program whose debt always came due at a
    // table's growth would never finish a cycle.
    bool atomicWaits = step(g, budget > 0 ? budget : 1, atSafePoint);
    if (!atomicWaits) g->stepBase = g->stepBase + paid < g->totalBytes ? g->stepBase + paid : g->totalBytes;
  }
  g->gcRunning = false;
  if (g->cachedBlocks || g->slackBlock) trimBlockCache(g, kReleasePerStep);  // what this step freed, stale blocks
}

// The stress build: a full collection at every allocation in incremental
// mode; in generational mode a minor collection, with a full one now and
// then. Every 64th time, the heap is verified first (reachable objects alive,
// the barriers' invariant kept).
void stressCollect(GlobalState* g) {
  if (g->gcRunning) return;
  if (++g->stressCount % 64 == 0) verifyOrAbort(g);
  if (g->gcKind == kGCGenerational && g->gcState == kGCPause && g->stressCount % 16 != 0) {
    g->gcRunning = true;
    youngCollection(g);
    g->gcRunning = false;
    trimBlockCache(g, SIZE_MAX);
    return;
  }
  collect(g);
}

// Turns every object white and young (leaving generational mode).
void whitenAll(GlobalState* g) {
  for (GCObject* list : {g->allObjects, g->finalizable, g->toBeFinalized}) {
    for (GCObject* o = list; o; o = o->next) {
      if (!(o->marked & kMarkFixed)) o->marked = uint8_t((o->marked & kMarkFinalizable) | g->currentWhite);
    }
  }
  g->genOld1.count = g->genTouched.count = g->genThreads.count = 0;
  g->gray.count = 0;
  g->genSurvival = g->genOld = nullptr;
}

}  // namespace

// Near the state's memory limit, an allocation collects first (an
// emergency collection). "Near" leaves an eighth of the limit for the raw
// allocations that follow objects (table parts, stacks), which cannot
// collect themselves. After one, the next waits until half the room that
// was left is used: when the live data itself nears the limit, the
// collections get rarer as the room shrinks, rather than one at every
// allocation. Every completed cycle sets the mark from the live data it
// found; a failed allocation clears it.
bool emergencyDue(const GlobalState* g, size_t size) {
  if (g->memoryLimit == 0) return false;
  size_t zone = g->memoryLimit - g->memoryLimit / 8;
  size_t mark = g->emergencyMark > zone ? g->emergencyMark : zone;
  return g->totalBytes + size > mark;
}

GCObject* newObject(lua_State* L, uint8_t tag, size_t size, size_t prefix) {
  GlobalState* g = G(L);
  bool emergency = emergencyDue(g, size);
  if (g->gcStopped == 0 && (!g->gcUserStopped || emergency)) {
    if (emergency) {
      g->gcEmergencies++;
      collect(g);
      trimBlockCache(g, SIZE_MAX, 0);
    } else if (kStress) {
      stressCollect(g);
    } else {
      allocationStep(g, size);
    }
  }
  auto* o = reinterpret_cast<GCObject*>(static_cast<char*>(allocRaw(L, prefix + size, tag & 0x0f)) + prefix);
  o->tag = tag;
  o->marked = g->currentWhite;
  o->next = g->allObjects;
  g->allObjects = o;
  return o;
}

void growthStep(lua_State* L) {
  GlobalState* g = G(L);
  if (kStress || g->gcStopped != 0 || g->gcUserStopped) return;
  allocationStep(g, 0, false);
}

void fullCollect(lua_State* L) {
  GlobalState* g = G(L);
  if (g->gcStopped == 0) collect(g);
}

bool stepCollect(lua_State* L, size_t kilobytes) {
  GlobalState* g = G(L);
  if (g->gcRunning || g->gcStopped) return false;
  PauseTimer timer{g};
  g->gcRunning = true;
  bool ended = false;
  if (g->gcKind == kGCGenerational && g->gcState == kGCPause) {
    if (majorDue(g)) {
      startMajor(g);
      step(g, kAll);
      setMinorThreshold(g);
    } else {
      youngCollection(g);
    }
  } else {
    if (g->gcState == kGCPause) startCycle(g);
    size_t bytes = kilobytes ? kilobytes * 1024 : g->gcStepSize;
    step(g, workFor(g, bytes) + 1);
    ended = g->gcState == kGCPause && g->gcKind == kGCIncremental;
  }
  g->gcRunning = false;
  trimBlockCache(g, kReleasePerStep);
  return ended;
}

void setMode(lua_State* L, GCKind kind) {
  GlobalState* g = G(L);
  if (g->gcKind == kind || g->gcRunning) return;
  g->gcRunning = true;
  if (g->gcState != kGCPause) step(g, kAll);
  g->gcKind = kind;
  if (kind == kGCIncremental) {
    whitenAll(g);
    g->genBarriers = false;
    setPauseThreshold(g);
  } else {
    startMajor(g);
    step(g, kAll);
  }
  g->gcRunning = false;
  trimBlockCache(g, SIZE_MAX);
}

void markFinalizable(lua_State* L, GCObject* o) {
  GlobalState* g = G(L);
  // Already finalizable, or waiting for its finalizer: nothing to do.
  if (o->marked & kMarkFinalizable) return;
  GCObject** p = &g->allObjects;
  while (*p && *p != o) p = &(*p)->next;
  if (!*p) return;  // not a collectable object of the list (main thread)
  // A sweep in progress may be just past `o`: keep its cursor in the list;
  // the generational segments begin after `o` if they began at it.
  if (g->sweepCursor == &o->next) g->sweepCursor = p;
  for (GCObject** mark : {&g->genSurvival, &g->genOld, &g->genFirstSwept}) {
    if (*mark == o) *mark = o->next;
  }
  *p = o->next;
  o->next = g->finalizable;
  g->finalizable = o;
  o->marked |= kMarkFinalizable;
}

GCObject* nextToFinalize(GlobalState* g) {
  GCObject* o = g->toBeFinalized;
  if (!o) return nullptr;
  // It becomes an ordinary object again (finalized once, unless it is given
  // a metatable with __gc anew).
  g->toBeFinalized = o->next;
  o->next = g->allObjects;
  g->allObjects = o;
  o->marked &= uint8_t(~kMarkFinalizable);
  return o;
}

void prepareClose(GlobalState* g) {
  separateUnreached(g, true);
}

void freeWorkLists(GlobalState* g) {
  for (ObjectStack* stack : {&g->gray, &g->grayAgain, &g->genOld1, &g->genTouched, &g->genThreads,
                             &g->weakValues, &g->weakKeys, &g->weakBoth}) {
    freeStack(g, *stack);
  }
}

void releaseSpareBuffer(GlobalState* g) {
  freeRaw(g, g->spareBuffer.bytes, g->spareBuffer.size);
  g->spareBuffer = {};
}

void freeAllObjects(GlobalState* g) {
  releaseSpareBuffer(g);
  // Objects go in list order: every thread's open upvalues are closed first,
  // so that freeing an upvalue never unlinks it from a thread already freed
  // (nor freeing a thread walks upvalues already freed).
  detachOpenUpvalues(g->mainThread);
  for (GCObject* o = g->allObjects; o; o = o->next) {
    if (o->tag == kTagThread) detachOpenUpvalues(reinterpret_cast<lua_State*>(o));
  }
  g->threadsWithUpvalues = nullptr;
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


namespace {

// Generational forward barrier: `v`, stored into an old object, is marked
// and becomes old at once (it is traversed by the next minor collection and,
// as kAgeOld1, by the one after).
void markOld0(GlobalState* g, GCObject* v) {
  markObject(g, v);
  setAge(v, kAgeOld0);
}

bool isLargeTable(const GCObject* o) {
  if (o->tag != kTagTable) return false;
  auto* t = static_cast<const Table*>(o);
  return t->arraySize + t->nodeCapacity() > kChunkSlots;
}

}  // namespace

void barrierBackSlow(GlobalState* g, GCObject* o, GCObject* v) {
  if (g->genBarriers) {
    if (isLargeTable(o)) {
      markOld0(g, v);
      return;
    }
    // Touched: gray (no more barriers until the next minor collection) and
    // listed, unless still listed from the previous one (kAgeTouched2).
    if (ageOf(o) != kAgeTouched2) push(g, g->genTouched, o);
    setAge(o, kAgeTouched1);
    o->marked &= uint8_t(~kMarkBlack);
    return;
  }
  if (g->gcState == kGCSweep) {
    // Not yet swept: white now, as the sweep would make it (and no more
    // barriers for it).
    if (!(o->marked & kMarkFixed)) o->marked = uint8_t((o->marked & ~(kMarkBlack | kWhiteBits)) | g->currentWhite);
    return;
  }
  if (g->gcState != kGCPropagate) return;
  if (isLargeTable(o)) {
    markObject(g, v);
    return;
  }
  o->marked &= uint8_t(~kMarkBlack);  // gray again
  push(g, g->grayAgain, o);
}

void barrierForwardSlow(GlobalState* g, GCObject* o, GCObject* v) {
  if (g->genBarriers) {
    markOld0(g, v);
    return;
  }
  if (g->gcState == kGCSweep) {
    if (!(o->marked & kMarkFixed)) o->marked = uint8_t((o->marked & ~(kMarkBlack | kWhiteBits)) | g->currentWhite);
    return;
  }
  if (g->gcState == kGCPropagate) markObject(g, v);
}

PauseGuard::PauseGuard(GlobalState* gs) : g(gs) { g->gcStopped++; }
PauseGuard::~PauseGuard() { g->gcStopped--; }

}  // namespace tycho::gc
