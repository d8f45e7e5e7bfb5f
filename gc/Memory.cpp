// Memory: the raw, accounted blocks every object and object part is made of.
// Blocks come from the state's mimalloc heap, except large ones (kLargeBlock
// bytes and more: big table parts, deep stacks), which are mapped from the
// system one by one: freeing one gives its memory back at once (mimalloc
// keeps freed large blocks resident for a while), and growing one remaps its
// pages instead of copying them into a second block (a table's array of a
// hundred megabytes would otherwise be held twice while it grows).
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
struct LargeHeader {
  LargeHeader* previous;
  LargeHeader* next;
  size_t mapped;  // the mapping's length
  size_t unused;
};
static_assert(sizeof(LargeHeader) % 16 == 0);

inline bool isLarge(size_t size) { return size >= kLargeBlock; }

inline size_t mappedSize(size_t size) {
  static const size_t page = size_t(sysconf(_SC_PAGESIZE));
  return (size + sizeof(LargeHeader) + page - 1) & ~(page - 1);
}

// What a block of `size` requested bytes really holds, the heap's byte
// count being exact (collectgarbage("count") reports what the allocator
// holds): mimalloc's size class, or the whole mapping.
inline size_t heldSize(size_t size) {
  if (size <= 1024) return kSmallSizeClasses.bytes[(size + 7) >> 3];
  return isLarge(size) ? mappedSize(size) : mi_good_size(size);
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

void* mapLarge(GlobalState* g, size_t size) {
  void* base = MAP_FAILED;
  if (auto* released = static_cast<LargeHeader*>(g->releasedBlocks)) {
    // A block the collector freed and that waits to be unmapped: its pages
    // are resident already, which saves both the unmapping and the faults
    // of fresh pages (callers expect no particular contents).
    LargeHeader* next = released->next;
    size_t mapped = released->mapped;
    base = mremap(released, mapped, mappedSize(size), MREMAP_MAYMOVE);
    if (base != MAP_FAILED) g->releasedBlocks = next;
  }
  if (base == MAP_FAILED) base = mmap(nullptr, mappedSize(size), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (base == MAP_FAILED) return nullptr;
  auto* h = static_cast<LargeHeader*>(base);
  h->mapped = mappedSize(size);
  link(g, h);
  return h + 1;
}

// Unmapping costs time in proportion to the pages (about 70 µs a megabyte),
// so a block the collector frees is not unmapped in its step: it waits in
// the released list, which the collector's steps unmap a few megabytes at a
// time (releaseBlocks), keeping the pauses short, and which the next large
// allocation reuses. Like the free pages mimalloc keeps, its bytes are no
// longer in the heap's count.
void unmapLarge(GlobalState* g, void* block) {
  LargeHeader* h = headerOf(block);
  unlink(g, h);
  if (g->gcRunning) {
    h->next = static_cast<LargeHeader*>(g->releasedBlocks);
    g->releasedBlocks = h;
    return;
  }
  munmap(h, h->mapped);
}

// Grows or shrinks a large block to another large size, moving its pages
// rather than its bytes; null (the block unchanged) when out of memory.
void* remapLarge(GlobalState* g, void* block, size_t oldSize, size_t newSize) {
  LargeHeader* h = headerOf(block);
  void* base = mremap(h, mappedSize(oldSize), mappedSize(newSize), MREMAP_MAYMOVE);
  if (base == MAP_FAILED) return nullptr;
  auto* moved = static_cast<LargeHeader*>(base);
  moved->mapped = mappedSize(newSize);
  if (moved != h) {
    if (moved->previous) moved->previous->next = moved;
    else g->largeBlocks = moved;
    if (moved->next) moved->next->previous = moved;
  }
  return moved + 1;
}

void* allocBlock(GlobalState* g, size_t size) {
  void* p = isLarge(size) ? mapLarge(g, size) : mi_heap_malloc(static_cast<mi_heap_t*>(g->heap), size);
  if (p) g->totalBytes += heldSize(size);
  return p;
}

}  // namespace

void* createHeap() { return mi_heap_new(); }
void destroyHeap(void* heap) { mi_heap_destroy(static_cast<mi_heap_t*>(heap)); }

void releaseBlocks(GlobalState* g, size_t budget) {
  static const size_t page = size_t(sysconf(_SC_PAGESIZE));
  while (auto* h = static_cast<LargeHeader*>(g->releasedBlocks)) {
    if (h->mapped <= budget) {
      budget -= h->mapped;
      g->releasedBlocks = h->next;
      munmap(h, h->mapped);
      continue;
    }
    // Part of it, from its end (the header stays for the rest).
    size_t part = budget & ~(page - 1);
    if (part == 0) return;
    h->mapped -= part;
    munmap(reinterpret_cast<char*>(h) + h->mapped, part);
    return;
  }
}

void freeLargeBlocks(GlobalState* g) {
  releaseBlocks(g, SIZE_MAX);
  // What is left when the state closes: blocks that go with the heap
  // rather than with an object (the collector's work lists).
  while (auto* h = static_cast<LargeHeader*>(g->largeBlocks)) {
    g->largeBlocks = h->next;
    munmap(h, h->mapped);
  }
}

size_t largeBlockBytes(const GlobalState* g) {
  size_t bytes = 0;
  for (auto* h = static_cast<const LargeHeader*>(g->largeBlocks); h; h = h->next) bytes += h->mapped;
  return bytes;
}

bool overLimit(const GlobalState* g, size_t size) {
  return g->memoryLimit != 0 && g->totalBytes + size > g->memoryLimit;
}

// Raw allocations never collect: their callers may hold objects that are not
// yet rooted (a table being resized right after its creation). Collections,
// emergency ones included, happen only in newObject. Callers free a block
// with the size they asked for.
// A failed allocation also makes the next object allocation near the limit
// collect (see emergencyDue in Heap.cpp): the program may drop what it was
// building when the error reaches it.
[[noreturn]] void failAllocation(lua_State* L) {
  G(L)->emergencyMark = 0;
  memoryError(L);
}

void* allocRaw(lua_State* L, size_t size) {
  GlobalState* g = G(L);
  if (overLimit(g, size)) failAllocation(L);
  void* p = allocBlock(g, size);
  if (p == nullptr) failAllocation(L);
  return p;
}

void* allocRawNoThrow(GlobalState* g, size_t size) { return allocBlock(g, size); }

void* reallocRawNoThrow(GlobalState* g, void* block, size_t oldSize, size_t newSize) {
  if (block == nullptr) return allocBlock(g, newSize);
  void* p;
  if (isLarge(oldSize) && isLarge(newSize)) {
    p = remapLarge(g, block, oldSize, newSize);
  } else if (!isLarge(oldSize) && !isLarge(newSize)) {
    p = mi_heap_realloc(static_cast<mi_heap_t*>(g->heap), block, newSize);
  } else {
    // Across the large-block threshold: a new block of the other kind.
    p = isLarge(newSize) ? mapLarge(g, newSize) : mi_heap_malloc(static_cast<mi_heap_t*>(g->heap), newSize);
    if (p) {
      std::memcpy(p, block, oldSize < newSize ? oldSize : newSize);
      if (isLarge(oldSize)) unmapLarge(g, block);
      else mi_free(block);
    }
  }
  if (p == nullptr) return nullptr;
  g->totalBytes = g->totalBytes - heldSize(oldSize) + heldSize(newSize);
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

void freeRaw(GlobalState* g, void* block, size_t size) {
  if (!block) return;
  g->totalBytes -= heldSize(size);
  if (isLarge(size)) {
    unmapLarge(g, block);
  } else {
    assert(mi_usable_size(block) >= size);
    mi_free(block);
  }
}

}  // namespace tycho::gc
