// Heap: every byte Tycho allocates for a Lua state, and the collector.
//
// Memory comes from mimalloc (gc/Memory.cpp), and closing a state frees
// every block it holds (freeAllObjects and the state's own parts). Objects
// (anything with a GCObject header) are created only by newObject, which
// links them into the list of all objects and may run a collection first;
// raw blocks (table arrays, code, stacks) come from allocRaw and are
// counted but never trigger a collection.
//
// The collector is a precise, non-moving mark-and-sweep over the list of all
// objects, in one of two modes (§2.5):
//  - incremental: a cycle of marking, then sweeping, done in steps paced by
//    allocation and interleaved with the program;
//  - generational (the default): objects have ages; frequent minor
//    collections mark and sweep only the young ones (the old are assumed
//    alive), and a major collection, itself done incrementally, collects
//    everything when the heap has grown enough since the last one.
// Roots are enumerated in one place (markRoots): the registry, the metatables
// of basic types, every thread's stack and open upvalues, the objects waiting
// for their finalizers. A collection may run at any newObject call, so callers
// keep every live object reachable from a root (usually by having it on the
// Lua stack) before they allocate. The stress build (TYCHO_GC_STRESS)
// collects at every newObject to prove that discipline.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "runtime/Object.hpp"
#include "runtime/State.hpp"

struct lua_State;

namespace tycho {

struct GlobalState;

namespace gc {

// Colour bits in GCObject::marked. An object is white (not reached yet; one
// of two whites, which alternate between cycles so that objects made during
// a sweep are not mistaken for dead ones), gray (reached, children not yet
// traversed: no colour bit) or black (reached and traversed).
constexpr uint8_t kWhite0 = 1;
constexpr uint8_t kWhite1 = 2;
constexpr uint8_t kWhiteBits = kWhite0 | kWhite1;
constexpr uint8_t kMarkBlack = 4;
constexpr uint8_t kMarkFixed = 8;   // never collected (reserved words, tag method names)
// In the finalizable or the to-be-finalized list (see markFinalizable): bit
// 7, which the collector keeps when it recolours an object.
constexpr uint8_t kMarkFinalizable = 0x80;

// Ages, in bits 4-6 of GCObject::marked (generational mode; 0 otherwise).
// New objects are young; one that survives a minor collection becomes a
// survival, then at the next one old (kAgeOld1 for one more minor collection,
// in which it is traversed once more, since it may point to young objects
// stored while it was young). A write barrier may make a young object old at
// once (kAgeOld0), or mark an old table as touched (kAgeTouched1, and
// kAgeTouched2 in the following minor collection): touched objects are
// traversed in minor collections because they point to young objects.
constexpr uint8_t kAgeShift = 4;
constexpr uint8_t kAgeMask = 7 << kAgeShift;
enum Age : uint8_t {
  kAgeNew = 0, kAgeSurvival, kAgeOld0, kAgeOld1, kAgeOld, kAgeTouched1, kAgeTouched2,
};
inline Age ageOf(const GCObject* o) { return Age((o->marked & kAgeMask) >> kAgeShift); }
inline void setAge(GCObject* o, Age a) { o->marked = uint8_t((o->marked & ~kAgeMask) | (a << kAgeShift)); }

enum GCKind : uint8_t { kGCIncremental = 0, kGCGenerational = 1 };

// Collector states: between cycles, marking (incremental), sweeping (incremental).
enum GCState : uint8_t { kGCPause = 0, kGCPropagate = 1, kGCSweep = 2 };

inline bool isWhite(const GCObject* o) { return (o->marked & kWhiteBits) != 0; }

// Makes an object permanent (never collected).
inline void fix(GCObject* o) { o->marked = kMarkFixed | kMarkBlack; }

// A private mimalloc heap for a new global state (StateOptions::privateHeap),
// usable only from the thread that made it; destroyHeap frees what is left.
void* createHeap();
void destroyHeap(void* heap);
// Frees GlobalState::spareBuffer.
void releaseSpareBuffer(GlobalState* g);
// Unmaps the large blocks left when a state closes (see Memory.cpp).
void freeLargeBlocks(GlobalState* g);
// Unmaps freed large blocks kept for reuse, at most `budget` bytes, until
// `keep` bytes are left (see Memory.cpp), and the slack block's room when
// it is stale (or `keep` is 0); with keepNewest, the block freed
// last stays until it is stale whatever its size (the next table that grows
// likely wants it). The two-argument form keeps what the cache may keep
// (blockCacheLimit) and the newest block: the trim of collector steps and
// of the program's own maps and frees.
void trimBlockCache(GlobalState* g, size_t budget, size_t keep, bool keepNewest = false);
void trimBlockCache(GlobalState* g, size_t budget);
size_t blockCacheLimit(const GlobalState* g);
// What a collector step unmaps at most (about 0.3 ms of work).
inline constexpr size_t kReleasePerStep = size_t(4) << 20;
// The freed large blocks kept for reuse: this much, or an eighth of the heap,
// each for as long as this many collections. Small, so that resident memory
// follows the live heap (a program that builds and drops 4 MB arrays would
// otherwise keep four of them mapped).
inline constexpr size_t kMinBlockCache = size_t(2) << 20;
inline constexpr uint64_t kCacheCollections = 4;
// The most blocks the cache keeps, whatever their bytes: the cache is a list
// that the allocations and the collector's steps walk, and with no bound a
// program holding thousands of arrays of a large block each (a 2048 x 2048
// matrix of rows) kept a thousand of them cached when it dropped half, and
// spent two thirds of its time walking the list (10,000 arrays of 8192
// integers, half dropped and rebuilt: 2.7 s of user time, lua5.4 1.3 s).
inline constexpr size_t kMaxCachedBlocks = 64;
// Collections so far, of any kind.
inline uint64_t collectionCount(const GlobalState* g) { return g->gcCycles + g->gcMinorCycles; }
// The bytes of the large blocks the state counts (for tests: with the
// blocks of a private mimalloc heap, what the state holds; the slack block's room
// is left out, as the cache is).
size_t largeBlockBytes(const GlobalState* g);

// Blocks of this size and more are mapped from the system one by one. As
// low as this so that an array growing by doubling leaves few freed steps
// in mimalloc's pages (which stay resident in part) and lives in the pages
// of the array dropped before it from its first large step on (see
// Memory.cpp: the slack block); not lower: a table's hash part is a new
// block at every rehash, and at 64 KB the mapping and faulting of those
// cost hash-ops 0.05-0.09 s of system time. 32 KB (tried) saved 0.35 MB of
// peak RSS in fresh-arrays, but a program holding 10,000 arrays of 8192
// integers, growing through 32 and 64 KB by remapping, then took twice
// lua5.4's time (30,000 mremap calls and thousands of waits in the kernel),
// and a block of a power of two bytes maps one page more for its header
// (12 % at 32 KB); each mapping is also one of the limited number a
// process may have.
inline constexpr size_t kLargeBlock = size_t(128) << 10;

// Raw, accounted memory. A failed allocation, or one past the state's memory
// limit, raises a memory error on L; allocRawNoThrow returns null. Raw
// allocations never collect (newObject does, also in an emergency). `kind`
// is what a host's allocator gets as osize for the new block: the basic type
// of the object it is for (newObject), else 0.
void* allocRaw(lua_State* L, size_t size, int kind = 0);
void* allocRawNoThrow(GlobalState* g, size_t size);
void* reallocRaw(lua_State* L, void* block, size_t oldSize, size_t newSize);
// Null, the block unchanged, when out of memory; ignores the memory limit.
void* reallocRawNoThrow(GlobalState* g, void* block, size_t oldSize, size_t newSize);
// lua_getallocf's allocator for a state on mimalloc (lua_Alloc's contract):
// blocks as the state's own are made, not counted as the state's.
void* heapRealloc(GlobalState* g, void* block, size_t oldSize, size_t newSize);
// True when `size` more bytes would pass the state's memory limit.
bool overLimit(const GlobalState* g, size_t size);
void freeRaw(GlobalState* g, void* block, size_t size);

// A new collectable object of `size` bytes with the given tag, linked into the
// list of all objects. May run a collection before allocating. `prefix`
// bytes before the object belong to it too (a thread's extra space).
GCObject* newObject(lua_State* L, uint8_t tag, size_t size, size_t prefix = 0);

// A collector step where a table is about to grow: raw memory can grow a
// lot between new objects (an array filled in a loop), and the collection
// must keep up with it. Called with the table consistent; does only work
// that frees nothing a native caller could still hold unrooted (marking
// short of the atomic part, sweeping, starting an incremental cycle), and
// never runs finalizers. In generational mode, a collection that came due
// waits for the next new object, where a major one's first step runs at
// once (all of it, when the heap is small).
void growthStep(lua_State* L);

// Runs a full collection now (finishing the cycle in progress first).
void fullCollect(lua_State* L);

// collectgarbage("step", kilobytes): incrementally, about that much
// allocation's worth of work (a basic step for 0), starting a cycle if none
// is in progress; generationally, a minor collection (or a major one when
// due). Returns true when a cycle ended (never in generational mode, as Lua).
bool stepCollect(lua_State* L, size_t kilobytes);

// Switches between the modes (collectgarbage("incremental"/"generational")),
// finishing the cycle in progress; entering generational mode runs a full
// collection, after which every surviving object is old.
void setMode(lua_State* L, GCKind kind);

// Write barriers. A black object must not come to point to a white one
// unnoticed: while the incremental collector marks (black = traversed), and
// in generational mode (black = old, white = young, which a minor collection
// frees unless reached from the roots or from an object it traverses).
//  - barrierBack: after storing `v` into table (or other container) `o`:
//    incrementally, the container goes back to gray, to be traversed again at
//    the end of marking; generationally, it becomes "touched" and is
//    traversed by the next two minor collections. Large tables, whose
//    re-traversal would make a long pause, mark `v` instead (as barrierForward);
//  - barrierForward: after storing object `v` into upvalue `o`: `v` is marked
//    (and, generationally, made old at once).
void barrierBackSlow(GlobalState* g, GCObject* o, GCObject* v);
void barrierForwardSlow(GlobalState* g, GCObject* o, GCObject* v);
// The value is looked at only for a table that is black or being traversed.
inline void barrierBack(GlobalState* g, GCObject* o, const Value& v) {
  bool guarded = ((o->marked & kMarkBlack) != 0) | (static_cast<const void*>(o) == static_cast<const void*>(g->partialTable));
  if (guarded) [[unlikely]] {
    if (v.isCollectable() && (v.u.gc->marked & kWhiteBits)) barrierBackSlow(g, o, v.u.gc);
  }
}
inline void barrierBack(GlobalState* g, GCObject* o, GCObject* v) {
  if ((o->marked & kMarkBlack) && (v->marked & kWhiteBits)) barrierBackSlow(g, o, v);
}
inline void barrierForward(GlobalState* g, GCObject* o, const Value& v) {
  if ((o->marked & kMarkBlack) && v.isCollectable() && (v.u.gc->marked & kWhiteBits)) barrierForwardSlow(g, o, v.u.gc);
}
// A string found in the intern table during a sweep may be dead but not yet
// freed: reusing it must make it live again, as a survivor of the marking
// (black: a major collection's sweep tells the objects of the current white
// apart as made during the sweep).
inline void keepAlive(GlobalState* g, GCObject* o) {
  if (o->marked & (g->currentWhite ^ kWhiteBits)) o->marked = uint8_t((o->marked & ~kWhiteBits) | kMarkBlack);
}

// A table's slots were rebuilt (a resize) with its first `keptArraySlots`
// array slots in place, and every other entry stored again through
// barrierBack (the resize does that), which marks it while the table is
// being traversed in chunks (see Heap.cpp, traverseChunk): the traversal
// goes on from where it was in the kept slots. (Started over at every
// resize, the traversal of an array that a loop grows by doubling started
// over at each doubling, and a major collection ran for as long as the
// loop.)
// `slots` is the table's new count of slots (array and hash part).
inline void tableRebuilt(GlobalState* g, const Table* t, uint32_t keptArraySlots, uint32_t slots) {
  if (g->partialTable != t) return;
  if (g->partialIndex > keptArraySlots) g->partialIndex = keptArraySlots;
  g->partialSize = slots;
}

// Finalizers (§2.5.3). setmetatable calls markFinalizable when the new
// metatable has a __gc field; a collection moves unreachable finalizable
// objects, resurrected, to the to-be-finalized list, whose objects
// nextToFinalize hands out (newest marked first) for the VM to call __gc at a
// safe point. prepareClose queues every finalizable object (lua_close).
void markFinalizable(lua_State* L, GCObject* o);
GCObject* nextToFinalize(GlobalState* g);
void prepareClose(GlobalState* g);
// Frees every object of a state (lua_close).
void freeAllObjects(GlobalState* g);
// Frees the collector's work lists (lua_close).
void freeWorkLists(GlobalState* g);

// Checks the heap (for tests and the stress build): every object reachable
// from the roots is a live object of this state with a valid tag. Returns ""
// or a description of the first problem. Touches no collector state.
std::string verifyHeap(lua_State* L);

// Pausing the collector (the compiler holds unrooted objects while it builds
// prototypes). Pauses nest.
struct PauseGuard {
  explicit PauseGuard(GlobalState* g);
  ~PauseGuard();
  GlobalState* g;
};

}  // namespace gc
}  // namespace tycho
