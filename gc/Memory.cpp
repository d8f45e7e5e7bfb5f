// Memory: the raw, accounted blocks every object and object part is made of.
// Blocks come from mimalloc (allocSmall), except large ones (kLargeBlock
// bytes and more: big table parts, long strings, deep stacks), which are
// mapped from the system one by one: growing one remaps its pages instead
// of copying them into a second block (a table's array of a hundred
// megabytes would otherwise be held twice while it grows), and freed ones
// go back to the system beyond a small cache (mimalloc keeps all of them
// resident for a while).
//
// A state made by lua_newstate with the host's allocator (GlobalState::
// allocFn) takes every block from that function instead, small or large, and
// counts the bytes it asked for.
#include "gc/Heap.hpp"

#include <mimalloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cassert>
#include <cstring>

#include "runtime/Error.hpp"
#include "runtime/State.hpp"

namespace tycho::gc {

namespace {

// The size of the block mimalloc gives for a request (mi_good_size), from a
// table for small requests: all sizes of the same number of words share a
// size class.
struct SmallSizeClasses {
  size_t bytes[129];
  SmallSizeClasses() {
    for (size_t words = 0; words <= 128; words++) bytes[words] = mi_good_size(words * 8);
  }
};
const SmallSizeClasses kSmallSizeClasses;

// A large block is a mapping that starts with this header; the caller's
// memory follows it (16-byte aligned). The headers link the state's large
// blocks so that closing the state unmaps any left.
struct alignas(16) LargeHeader {
  LargeHeader* previous;
  LargeHeader* next;
  size_t mapped;   // the mapping's length
  size_t counted;  // what the state counts: the pages the caller asked for (less than mapped only for the slack block)
  // In the cache since this collection (collectionCount); for the slack
  // block, the collection in which it last took room or grew into it.
  uint64_t cachedAt;
};

inline bool isLarge(size_t size) { return size >= kLargeBlock; }

inline size_t pageSize() {
  static const size_t page = size_t(sysconf(_SC_PAGESIZE));
  return page;
}

inline size_t mappedSize(size_t size) { return (size + sizeof(LargeHeader) + pageSize() - 1) & ~(pageSize() - 1); }

// What a mimalloc block of `size` requested bytes really holds, the heap's
// byte count being exact (collectgarbage("count") reports what the
// allocator holds): its size class. A large block counts its mapping.
inline size_t classSize(size_t size) {
  return size <= 1024 ? kSmallSizeClasses.bytes[(size + 7) >> 3] : mi_good_size(size);
}

inline LargeHeader* headerOf(void* block) { return static_cast<LargeHeader*>(block) - 1; }

void link(GlobalState* g, LargeHeader* h) {
  auto* first = static_cast<LargeHeader*>(g->largeBlocks);
  h->previous = nullptr;
  h->next = first;
  if (first) first->previous = h;
  g->largeBlocks = h;
}

void unlink(GlobalState* g, LargeHeader* h) {
  if (h->previous) h->previous->next = h->next;
  else g->largeBlocks = h->next;
  if (h->next) h->next->previous = h->previous;
}

// Freed large blocks are kept mapped for a while, in a cache that the next
// large allocations take from: their pages are resident already, which
// saves both the unmapping (about 70 µs a megabyte) and the faults of fresh
// pages (a program that builds and drops big tables over and over would
// otherwise fault in every page of every one). The cache keeps at most
// blockCacheLimit bytes; the excess is unmapped at once when the program maps or
// frees a block (settleCache), and a few megabytes per collector step when
// the collector frees them (trimBlockCache), keeping its pauses short; a block that stays unused
// while a few collections go by is unmapped too (a table that only grows
// would otherwise leave its previous part cached for good). Like the free
// pages mimalloc keeps, cached bytes are not in the heap's count.
//
// A block may take a cached block larger than it needs, whole (see
// bestCached): the rest of the mapping is room for it to grow into without
// a copy or a fresh page, and in a program that builds and drops a big
// array again and again the new array lives in the pages of the one dropped
// before it, instead of in fresh pages next to it (two arrays resident, at
// the point where the old one is needed no more). One block at a time holds
// such room, the slack block (GlobalState::slackBlock); its room is not in
// the heap's count either, and goes back to the system, as a cached block
// does, when the block has not grown into it while a few collections went
// by (a table that stops growing, a string, which never does).
}  // namespace

size_t blockCacheLimit(const GlobalState* g) {
  size_t eighth = g->totalBytes / 8;
  return eighth > kMinBlockCache ? eighth : kMinBlockCache;
}

namespace {

// A growing block copies its bytes into a cached block up to this size
// (about 0.1 ms of copying), and is remapped past it.
constexpr size_t kMaxGrowthCopy = size_t(1) << 20;

// The cached block to reuse for `mapped` bytes: one of that size (tables
// grow by doubling, so sizes repeat), else (`larger`: when the block may
// become the slack block) the smallest larger one, taken whole, else the
// largest smaller one (growing it faults in only the difference). A larger
// one is never cut down: the pages cut would be lost, and wanted again by
// the next large request.
LargeHeader* bestCached(GlobalState* g, size_t mapped, LargeHeader*** slot, bool larger) {
  LargeHeader *smaller = nullptr, *fits = nullptr;
  LargeHeader **smallerSlot = nullptr, **fitsSlot = nullptr;
  for (LargeHeader** p = reinterpret_cast<LargeHeader**>(&g->cachedBlocks); *p; p = &(*p)->next) {
    LargeHeader* h = *p;
    if (h->mapped == mapped) {
      *slot = p;
      return h;
    }
    if (larger && h->mapped > mapped && (!fits || h->mapped < fits->mapped)) {
      fits = h, fitsSlot = p;
    }
    if (h->mapped < mapped && (!smaller || h->mapped > smaller->mapped)) smaller = h, smallerSlot = p;
  }
  *slot = fits ? fitsSlot : smallerSlot;
  return fits ? fits : smaller;
}

// The oldest cached block's link (blocks are cached at the list's head).
LargeHeader** oldestCached(GlobalState* g) {
  auto** p = reinterpret_cast<LargeHeader**>(&g->cachedBlocks);
  if (!*p) return nullptr;
  while ((*p)->next) p = &(*p)->next;
  return p;
}

// Takes the cached block that `slot` links out of the cache: `next` was its
// link and `mapped` its length (read before a remap could move it).
void uncache(GlobalState* g, LargeHeader** slot, LargeHeader* next, size_t mapped) {
  *slot = next;
  g->cachedBytes -= mapped;
  g->cachedCount--;
}

// Outside the collector (whose steps unmap a few megabytes each), when the
// program maps or frees a large block, the cache goes down to its limit at
// once, stale blocks included.
void settleCache(GlobalState* g) {
  if (!g->gcRunning && g->cachedBlocks) trimBlockCache(g, SIZE_MAX, blockCacheLimit(g), true);
}

// The block takes the room past `counted` in its mapping as the slack
// block's, or has none.
void setRoom(GlobalState* g, LargeHeader* h, size_t counted) {
  h->counted = counted;
  if (h->mapped > counted) {
    g->slackBlock = h;
    h->cachedAt = collectionCount(g);
  } else if (g->slackBlock == h) {
    g->slackBlock = nullptr;
  }
}

void* mapLarge(GlobalState* g, size_t size) {
  size_t wanted = mappedSize(size);
  size_t mapped = wanted;
  void* base = MAP_FAILED;
  LargeHeader** slot = nullptr;
  if (LargeHeader* cached = bestCached(g, wanted, &slot, g->slackBlock == nullptr)) {
    LargeHeader* next = cached->next;
    size_t had = cached->mapped;
    if (had >= wanted) base = cached, mapped = had;
    else base = mremap(cached, had, wanted, MREMAP_MAYMOVE);
    if (base != MAP_FAILED) {
      uncache(g, slot, next, had);
    }
  }
  if (base == MAP_FAILED) base = mmap(nullptr, wanted, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (base == MAP_FAILED) return nullptr;
  auto* h = static_cast<LargeHeader*>(base);
  h->mapped = mapped;
  setRoom(g, h, wanted);
  link(g, h);
  g->totalBytes += wanted;
  settleCache(g);
  return h + 1;
}

void unmapLarge(GlobalState* g, void* block) {
  LargeHeader* h = headerOf(block);
  unlink(g, h);
  g->totalBytes -= h->counted;
  if (g->slackBlock == h) g->slackBlock = nullptr;
  h->next = static_cast<LargeHeader*>(g->cachedBlocks);
  h->cachedAt = collectionCount(g);
  g->cachedBlocks = h;
  g->cachedBytes += h->mapped;
  if (++g->cachedCount > kMaxCachedBlocks) {
    LargeHeader** oldest = oldestCached(g);
    LargeHeader* gone = *oldest;
    uncache(g, oldest, nullptr, gone->mapped);
    munmap(gone, gone->mapped);
  }
  settleCache(g);
}

// Grows or shrinks (`growing`: the caller's block grows) a large block to
// another large size, moving its pages rather than its bytes; null (the
// block unchanged) when out of memory.
void* remapLarge(GlobalState* g, void* block, size_t newSize, bool growing) {
  LargeHeader* h = headerOf(block);
  size_t had = h->mapped;
  size_t counted = h->counted;
  size_t wanted = mappedSize(newSize);
  if (wanted == had || (wanted < had && (growing || g->slackBlock == h))) {
    // It fits: the slack block grows into its room, or shrinks, leaving
    // more room (which goes when stale, with no unmapping now).
    g->totalBytes = g->totalBytes - counted + wanted;
    setRoom(g, h, wanted);
    return block;
  }
  if (wanted < had && g->gcRunning) {
    // Shrinking unmaps the tail, which takes time in proportion to it: the
    // collector (giving back a work list's room after a large heap's cycle)
    // moves what is kept into a new block instead and leaves the old one to
    // the cache, which its steps unmap a few megabytes at a time. Out of
    // memory for the new block, it keeps the whole mapping.
    void* fresh = mapLarge(g, newSize);
    if (!fresh) return block;
    std::memcpy(fresh, block, newSize);
    unmapLarge(g, block);
    return fresh;
  }
  // Out of the list while it may move (its neighbours point at it).
  unlink(g, h);
  bool wasSlack = g->slackBlock == h;
  if (wasSlack) g->slackBlock = nullptr;
  LargeHeader** slot = nullptr;
  bool mayCopy = growing && wanted > had && counted <= kMaxGrowthCopy;
  LargeHeader* cached = mayCopy ? bestCached(g, wanted, &slot, g->slackBlock == nullptr) : nullptr;
  if (cached && cached->mapped >= wanted) {
    // A cached block it fits in (the array part dropped before this one),
    // taken whole: the bytes are copied into its resident pages, which
    // then serve the growth after this one in place, and the old block is
    // unmapped. (Moving the pages there instead, with MREMAP_FIXED, would
    // leave a block of two mappings, which mremap cannot grow or shrink.)
    // Only a small block is copied: a larger one is remapped, which moves
    // page tables, not bytes (a collector's work list growing in a pause).
    uncache(g, slot, cached->next, cached->mapped);
    std::memcpy(cached + 1, block, counted - sizeof(LargeHeader));
    setRoom(g, cached, wanted);
    link(g, cached);
    munmap(h, had);
    g->totalBytes = g->totalBytes - counted + wanted;
    settleCache(g);
    return cached + 1;
  }
  void* base = mremap(h, had, wanted, MREMAP_MAYMOVE);
  if (base == MAP_FAILED) {
    link(g, h);
    if (wasSlack) g->slackBlock = h;
    return nullptr;
  }
  auto* moved = static_cast<LargeHeader*>(base);
  moved->mapped = wanted;
  moved->counted = wanted;
  link(g, moved);
  g->totalBytes = g->totalBytes - counted + wanted;
  settleCache(g);
  return moved + 1;
}

// A state's small blocks come from the mimalloc heap of the thread that
// allocates (mi_malloc), so that a state may be used from any thread, one
// at a time (decision 13; mimalloc frees a block from any thread), and
// shares its size classes' pages with the rest of the process instead of
// opening its own page for each (peak RSS, medians of 6 runs: json 6.88 ->
// 6.22 MB, deltablue 3.90 -> 3.65 MB, fib 3.02 -> 2.89 MB). Only a
// state made with a private heap (StateOptions::privateHeap: the unit
// tests, which walk its blocks) allocates from that heap.
void* allocSmall(GlobalState* g, size_t size) {
  void* p = g->heap ? mi_heap_malloc(static_cast<mi_heap_t*>(g->heap), size) : mi_malloc(size);
  if (p) g->totalBytes += classSize(size);
  return p;
}

void freeSmall(GlobalState* g, void* block, size_t size) {
  assert(mi_usable_size(block) >= size);
  g->totalBytes -= classSize(size);
  mi_free(block);
}

// The host's allocator (lua_Alloc's contract, §4.1.3). A block is never
// empty (size 0 would mean "free" to it).
inline size_t hostSize(size_t size) { return size ? size : 1; }

// A new block's osize is the kind of object it is for (lua_Alloc: a basic
// type for a new object of that type, else 0).
void* hostRealloc(GlobalState* g, void* block, size_t oldSize, size_t newSize, size_t kind = 0) {
  size_t had = block ? hostSize(oldSize) : 0;
  void* p = g->allocFn(g->allocUd, block, block ? had : kind, hostSize(newSize));
  if (p) g->totalBytes = g->totalBytes - had + hostSize(newSize);
  return p;
}

void* allocBlock(GlobalState* g, size_t size, int kind = 0) {
  if (g->allocFn) [[unlikely]] return hostRealloc(g, nullptr, 0, size, size_t(kind));
  return isLarge(size) ? mapLarge(g, size) : allocSmall(g, size);
}

// At its first allocation mimalloc counts the machine's NUMA nodes, naming
// each /sys/devices/system/node/nodeN with snprintf: that brings the C
// library's printf code into every process (about 0.1 MB resident) for an
// answer Tycho's heaps do not use. One node is the default here, set before
// any other static initializer can allocate; the MIMALLOC_USE_NUMA_NODES
// environment variable still decides when it is set.
__attribute__((constructor(101))) void oneNumaNodeByDefault() { mi_option_set_default(mi_option_use_numa_nodes, 1); }

}  // namespace

void* createHeap() { return mi_heap_new(); }
void destroyHeap(void* heap) { mi_heap_destroy(static_cast<mi_heap_t*>(heap)); }

void trimBlockCache(GlobalState* g, size_t budget, size_t keep, bool keepNewest) {
  const size_t page = pageSize();
  uint64_t now = collectionCount(g);
  // The slack block's room, as a cached block: when stale (from its end,
  // the part the budget allows), or when nothing is to be kept.
  if (auto* h = static_cast<LargeHeader*>(g->slackBlock); h && (keep == 0 || h->cachedAt + kCacheCollections <= now)) {
    size_t room = h->mapped - h->counted;
    size_t part = room <= budget ? room : budget & ~(page - 1);
    if (part > 0) {
      h->mapped -= part;
      budget -= part;
      munmap(reinterpret_cast<char*>(h) + h->mapped, part);
    }
    if (h->mapped == h->counted) g->slackBlock = nullptr;
  }
  // Oldest first: a block no allocation took while kCacheCollections
  // collections went by goes whatever the limit; then the oldest, while the
  // cache is over `keep` (but for the newest one, with keepNewest).
  while (budget > 0) {
    LargeHeader** slot = oldestCached(g);
    if (!slot) break;
    LargeHeader* h = *slot;
    bool stale = h->cachedAt + kCacheCollections <= now;
    if (!stale && (g->cachedBytes <= keep || (keepNewest && h == g->cachedBlocks))) break;
    size_t excess = stale ? h->mapped : g->cachedBytes - keep;
    if (h->mapped <= excess && h->mapped <= budget) {
      budget -= h->mapped;
      uncache(g, slot, nullptr, h->mapped);  // the last block
      munmap(h, h->mapped);
      continue;
    }
    // Part of it, from its end (the header stays for the rest).
    size_t part = (excess < budget ? excess : budget) & ~(page - 1);
    if (part >= h->mapped) part = h->mapped - page;
    if (part > 0) {
      h->mapped -= part;
      g->cachedBytes -= part;
      munmap(reinterpret_cast<char*>(h) + h->mapped, part);
    }
    break;
  }
}

void trimBlockCache(GlobalState* g, size_t budget) { trimBlockCache(g, budget, blockCacheLimit(g), true); }

void freeLargeBlocks(GlobalState* g) {
  trimBlockCache(g, SIZE_MAX, 0);
  // What is left when the state closes: blocks that go with the heap
  // rather than with an object (the collector's work lists).
  while (auto* h = static_cast<LargeHeader*>(g->largeBlocks)) {
    g->largeBlocks = h->next;
    munmap(h, h->mapped);
  }
}

size_t largeBlockBytes(const GlobalState* g) {
  size_t bytes = 0;
  for (auto* h = static_cast<const LargeHeader*>(g->largeBlocks); h; h = h->next) bytes += h->counted;
  return bytes;
}

bool overLimit(const GlobalState* g, size_t size) {
  return g->memoryLimit != 0 && g->totalBytes + size > g->memoryLimit;
}

// Raw allocations never collect: their callers may hold objects that are not
// yet rooted (a table being resized right after its creation). Collections,
// emergency ones included, happen in newObject, where everything is rooted
// (growthStep only does work that frees nothing, and a protected call that
// catches a memory error collects after unwinding). Callers free a block
// with the size they asked for.
//
// A failed allocation also makes the next object allocation near the limit
// collect (see emergencyDue in Heap.cpp): the program may drop what it was
// building when the error reaches it.
[[noreturn]] void failAllocation(lua_State* L) {
  G(L)->emergencyMark = 0;
  memoryError(L);
}

void* allocRaw(lua_State* L, size_t size, int kind) {
  GlobalState* g = G(L);
  if (overLimit(g, size)) failAllocation(L);
  void* p = allocBlock(g, size, kind);
  if (p == nullptr) failAllocation(L);
  return p;
}

void* allocRawNoThrow(GlobalState* g, size_t size) { return allocBlock(g, size); }

void* reallocRawNoThrow(GlobalState* g, void* block, size_t oldSize, size_t newSize) {
  if (block == nullptr) return allocBlock(g, newSize);
  if (g->allocFn) [[unlikely]] return hostRealloc(g, block, oldSize, newSize);
  if (isLarge(oldSize) && isLarge(newSize)) return remapLarge(g, block, newSize, newSize > oldSize);
  if (!isLarge(oldSize) && !isLarge(newSize)) {
    void* p = g->heap ? mi_heap_realloc(static_cast<mi_heap_t*>(g->heap), block, newSize) : mi_realloc(block, newSize);
    if (p) g->totalBytes = g->totalBytes - classSize(oldSize) + classSize(newSize);
    return p;
  }
  // Across the large-block threshold: a new block of the other kind.
  void* p = allocBlock(g, newSize);
  if (p == nullptr) return nullptr;
  std::memcpy(p, block, oldSize < newSize ? oldSize : newSize);
  freeRaw(g, block, oldSize);
  return p;
}

void* reallocRaw(lua_State* L, void* block, size_t oldSize, size_t newSize) {
  GlobalState* g = G(L);
  if (!block) oldSize = 0;
  if (newSize > oldSize && overLimit(g, newSize - oldSize)) failAllocation(L);
  void* p = reallocRawNoThrow(g, block, oldSize, newSize);
  if (p == nullptr) failAllocation(L);
  return p;
}

void* heapRealloc(GlobalState* g, void* block, size_t oldSize, size_t newSize) {
  // The heap's own path, whatever allocator the state was given since
  // (lua_setallocf with a function that calls this one).
  AllocFunction allocFn = g->allocFn;
  size_t counted = g->totalBytes;
  g->allocFn = nullptr;
  void* p = nullptr;
  if (newSize == 0) freeRaw(g, block, oldSize);
  else p = reallocRawNoThrow(g, block, block ? oldSize : 0, newSize);
  g->allocFn = allocFn;
  g->totalBytes = counted;
  return p;
}

void freeRaw(GlobalState* g, void* block, size_t size) {
  if (!block) return;
  if (g->allocFn) [[unlikely]] {
    g->allocFn(g->allocUd, block, hostSize(size), 0);
    g->totalBytes -= hostSize(size);
  } else if (isLarge(size)) unmapLarge(g, block);
  else freeSmall(g, block, size);
}

}  // namespace tycho::gc
