// The collector: reachability after collections (checked by the heap
// verifier), weak tables, finalizers, memory accounting and the memory limit.
#include <doctest/doctest.h>

#include <mimalloc.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>

#include "gc/Heap.hpp"
#include "tests/unit/TestEngine.hpp"
#include "runtime/State.hpp"
#include "runtime/String.hpp"
#include "stdlib/Lib.hpp"
#include "vm/Debug.hpp"
#include "vm/Load.hpp"
#include "vm/Vm.hpp"

using namespace tycho;

namespace {

using Engine = TestEngine;

// A state on a mimalloc heap of its own, whose blocks can be summed
// (allocatorHolds).
struct PrivateHeapEngine : TestEngine {
  PrivateHeapEngine() : TestEngine(api::StateOptions{.privateHeap = true}) {}
};

}  // namespace

TEST_CASE("the heap stays consistent through collections of every kind of object") {
  Engine e;
  CHECK(e.exec(R"(
    keep = {}
    for i = 1, 2000 do
      local t = {i, tostring(i), function() return i end}
      if i % 3 == 0 then keep[#keep + 1] = t end
      local co = coroutine.create(function(x) coroutine.yield(x) return t end)
      coroutine.resume(co, i)
      if i % 7 == 0 then keep[#keep + 1] = co end
    end
    weak = setmetatable({}, {__mode = "k"})
    for i = 1, 100 do weak[{}] = {} end
    weakv = setmetatable({}, {__mode = "v"})
    for i = 1, 100 do weakv[i] = keep[i] or {} end
    for i = 1, 50 do setmetatable({}, {__gc = function(o) keep[#keep + 1] = o end}) end
    collectgarbage()
  )") == "");
  CHECK(gc::verifyHeap(e.L) == "");
  CHECK(e.exec("collectgarbage() collectgarbage()") == "");
  CHECK(gc::verifyHeap(e.L) == "");
  CHECK(e.exec("keep = nil weak = nil weakv = nil collectgarbage()") == "");
  CHECK(gc::verifyHeap(e.L) == "");
}

TEST_CASE("collections return memory") {
  Engine e;
  CHECK(e.exec("collectgarbage()") == "");
  size_t before = G(e.L)->totalBytes;
  CHECK(e.exec("local t = {} for i = 1, 100000 do t[i] = {i} end") == "");
  CHECK(G(e.L)->totalBytes > before + 1000000);
  CHECK(e.exec("collectgarbage()") == "");
  CHECK(G(e.L)->totalBytes < before + 64 * 1024);
}

// Pacing and the intern table's sizing over 10^5 objects: the stress build
// collects at every allocation instead (and would take hours here).
#ifndef TYCHO_GC_STRESS
TEST_CASE("a dropped heap is collected while the program goes on making small tables") {
  // Each {i} is an object and then its array's growth: when the collector's
  // debt came due at the growth (where the atomic part cannot run) and was
  // paid there, every time, no cycle ever finished (400 MB kept in the
  // same loop with 2*10^6 tables).
  Engine e;
  CHECK(e.exec("collectgarbage('incremental') collectgarbage()") == "");
  size_t before = G(e.L)->totalBytes;
  CHECK(e.exec("local heap = {} for i = 1, 200000 do heap[i] = {i} end heap = nil "
               "for i = 1, 400000 do local t = {i} end") == "");
  CHECK(G(e.L)->totalBytes < before + 1024 * 1024);
}

TEST_CASE("a large table traversed in chunks keeps the entries its insertions move") {
  // A new key whose main position holds an entry of another chain moves that
  // entry to a free node (runtime/Table.cpp): from a part of the table the
  // chunked traversal had not reached to one it had passed. Unmarked, the
  // moved key was freed (its memory then reused by another string) while
  // still in the table.
  Engine e;
  CHECK(e.exec(R"(
    collectgarbage('incremental')
    collectgarbage('setpause', 100)
    collectgarbage('setstepmul', 100)
    local t = {}
    for i = 1, 100000 do t['w' .. i] = i end
    for i = 1, 100000 do
      if t['w' .. i] ~= i then error('key w' .. i .. ' lost') end
    end
    local n = 0
    for k, v in pairs(t) do
      if k ~= 'w' .. v then error('key ' .. k .. ' holds ' .. v) end
      n = n + 1
    end
    assert(n == 100000)
  )") == "");
  CHECK(gc::verifyHeap(e.L) == "");
}

TEST_CASE("a large table traversed in chunks is traversed on from where it was when it grows") {
  // A resize keeps the array slots it does not move in place and stores the
  // others again through the barrier, which marks them: the traversal goes
  // on instead of starting over (an array grown by doubling in a loop had
  // kept a major collection from ever ending).
  Engine e;
  CHECK(e.exec(R"(
    collectgarbage('incremental')
    big = {}
    for i = 1, 60000 do big[i] = {i} end
    for i = 1, 3000 do big['k' .. i] = {i} end
    collectgarbage()
  )") == "");
  GlobalState* g = G(e.L);
  g->gcStepMul = 4;  // steps of about one chunk, so that a traversal started over shows
  Table* big = tableGetShortString(globalsTable(e.L), newString(e.L, "big"))->asTable();
  // Steps until the traversal of `big` is past its first chunk.
  int steps = 0;
  while (!(g->partialTable == big && g->partialIndex > 8192) && steps < 100000) {
    CHECK(e.exec("collectgarbage('step', 1)") == "");
    steps++;
  }
  REQUIRE(g->partialTable == big);
  uint32_t reached = g->partialIndex;
  // Growth of both parts with no new object (the steps run at the growths):
  // the array by appends, the hash part by new keys.
  CHECK(e.exec(R"(
    for i = 60001, 70000 do big[i] = true end
    for i = 1, 5000 do big[-i] = i end
  )") == "");
  // The next chunk of it comes after the one reached (started over, it
  // would be the first).
  steps = 0;
  while (g->partialTable == big && g->partialIndex == reached && steps < 100000) {
    CHECK(e.exec("collectgarbage('step', 1)") == "");
    steps++;
  }
  CHECK((g->partialTable != big || g->partialIndex > reached));
  CHECK(e.exec(R"(
    collectgarbage()
    for i = 1, 60000 do assert(big[i][1] == i, i) end
    for i = 60001, 70000 do assert(big[i] == true, i) end
    for i = 1, 3000 do assert(big['k' .. i][1] == i, i) end
    for i = 1, 5000 do assert(big[-i] == i, i) end
  )") == "");
  CHECK(gc::verifyHeap(e.L) == "");
}

TEST_CASE("the intern table holds two strings per bucket before it grows") {
  Engine e;
  CHECK(e.exec("collectgarbage('stop')") == "");
  const StringTable& strings = G(e.L)->strings;
  int most = 0;
  // 100,000 strings in batches, the bound checked after each.
  for (int batch = 0; batch < 20; batch++) {
    CHECK(e.exec("for i = 1, 5000 do local s = 'load' .. i .. '.' .. " + std::to_string(batch) + " end") == "");
    CHECK(strings.count <= 2 * strings.size);
    if (strings.count > most) most = strings.count;
  }
  CHECK(most >= 100000);  // every string made is still there (the collector is stopped)
  CHECK(strings.count > strings.size);  // more strings than buckets
}

TEST_CASE("concatenating numbers makes no string of each number") {
  Engine e;
  CHECK(e.exec("collectgarbage('stop') n, f = 987654321, 2.5 "
               "function join() s = 'x' .. n .. ':' .. f end function nothing() end") == "");
  const StringTable& strings = G(e.L)->strings;
  // What running a chunk costs by itself, then with the concatenation: only
  // the result is a new string, not "987654321" nor "2.5".
  int before = strings.count;
  CHECK(e.exec("nothing()") == "");
  int chunk = strings.count - before;
  before = strings.count;
  CHECK(e.exec("join()") == "");
  CHECK(strings.count - before == chunk + 1);
  CHECK(e.exec("assert(s == 'x987654321:2.5')") == "");
}

TEST_CASE("the intern table shrinks after a burst of strings, not while strings keep coming") {
  for (std::string mode : {"incremental", "generational"}) {
    CAPTURE(mode);
    Engine e;
    CHECK(e.exec("collectgarbage('" + mode + "')") == "");
    const StringTable& strings = G(e.L)->strings;
    int before = strings.size;
    // 200,000 strings alive at once: the table grows to hold them, two per
    // bucket at most.
    CHECK(e.exec("burst = {} for i = 1, 200000 do burst[i] = 'burst' .. i end") == "");
    int grown = strings.size;
    CHECK(2 * grown >= 200000);
    // Rounds of as many strings, dropped before a collection: the table keeps
    // a size that holds them (shrunk at each collection, it would grow again
    // at each round). The burst may have grown it one step further, with
    // dead strings not yet swept; that step may be taken back after a round.
    CHECK(e.exec("burst = nil") == "");
    int kept = 0;
    for (int round = 0; round < 5; round++) {
      CHECK(e.exec("local t = {} for i = 1, 200000 do t[i] = 'round' .. i end t = nil collectgarbage()") == "");
      CHECK(2 * strings.size >= 200000);
      if (round > 1) CHECK(strings.size == kept);
      kept = strings.size;
    }
    // Once no more come, each collection halves it, down to what is used.
    for (int i = 0; i < 16; i++) CHECK(e.exec("collectgarbage()") == "");
    CHECK(strings.size <= 2 * (before > strings.count ? before : strings.count));
    CHECK(strings.size < grown / 64);
  }
}
#endif

TEST_CASE("past the memory limit allocations fail with a Lua error and the state goes on") {
  Engine e;
  CHECK(e.exec("collectgarbage()") == "");
  G(e.L)->memoryLimit = G(e.L)->totalBytes + 4 * 1024 * 1024;
  uint64_t emergencies = G(e.L)->gcEmergencies;
  CHECK(e.exec(R"(
    local ok, msg = pcall(function()
      local t = {}
      for i = 1, 10000000 do t[i] = {i} end
    end)
    assert(not ok and msg == "not enough memory", tostring(msg))
  )") == "");
  // Emergency collections as the live data nears the limit: each waits for
  // half the room left, so there are few (one per allocation: thousands).
  // (The stress build's own full collections, every 16 allocations, move
  // the emergency mark up with the live data: whether the first to reach
  // the limit is an object, which collects, or a table part, which fails,
  // depends there on the state's exact size.)
#ifndef TYCHO_GC_STRESS
  CHECK(G(e.L)->gcEmergencies - emergencies > 0);
#endif
  CHECK(G(e.L)->gcEmergencies - emergencies < 64);
  CHECK(e.exec(R"(
    -- garbage is collected when the limit is near: this loop fits
    for i = 1, 200000 do local t = {i, i + 1} end
  )") == "");
  CHECK(gc::verifyHeap(e.L) == "");
  CHECK(e.exec("local s = 0 for i = 1, 100 do s = s + i end assert(s == 5050)") == "");
  G(e.L)->memoryLimit = 0;
}

namespace {
int finalizedAtClose = 0;
int countFinalized(lua_State*) {
  finalizedAtClose++;
  return 0;
}
}  // namespace

TEST_CASE("finalizers of all remaining objects run when the state closes") {
  finalizedAtClose = 0;
  {
    Engine e;
    lib::setFunction(e.L, globalsTable(e.L), "bump", countFinalized);
    CHECK(e.exec("objs = {} for i = 1, 3 do objs[i] = setmetatable({}, {__gc = bump}) end collectgarbage()") == "");
    CHECK(finalizedAtClose == 0);  // still reachable
  }
  CHECK(finalizedAtClose == 3);
}

TEST_CASE("collectgarbage sets the collector's parameters") {
  Engine e;
  // Percentages are kept in steps of 4, as Lua keeps them (150 reads back as 148).
  CHECK(e.exec(R"(
    assert(collectgarbage("incremental", 150, 300, 12) == "generational")
    assert(collectgarbage("setpause", 180) == 148)
    assert(collectgarbage("setstepmul", 250) == 300)
    assert(collectgarbage("setpause") == 180 and collectgarbage("setstepmul") == 248)
  )") == "");
  CHECK(G(e.L)->gcStepSize == 4096);
  CHECK(G(e.L)->gcPause == 0);
  CHECK(G(e.L)->gcStepMul == 4);
  CHECK(G(e.L)->gcKind == gc::kGCIncremental);
  CHECK(e.exec(R"(
    assert(collectgarbage("generational", 30, 150) == "incremental")
    assert(collectgarbage("generational") == "generational")
  )") == "");
  CHECK(G(e.L)->genMinorMul == 30);
  CHECK(G(e.L)->genMajorMul == 148);
  CHECK(G(e.L)->gcKind == gc::kGCGenerational);
}

namespace {
bool sumBlocks(const mi_heap_t*, const mi_heap_area_t* area, void*, size_t, void* arg) {
  *static_cast<size_t*>(arg) += area->used * area->block_size;
  return true;
}
size_t allocatorHolds(lua_State* L) {
  size_t bytes = gc::largeBlockBytes(G(L));
  mi_heap_visit_blocks(static_cast<mi_heap_t*>(G(L)->heap), false, sumBlocks, &bytes);
  return bytes;
}

// The bytes of this process's anonymous mappings of exactly `length` bytes
// or more: the large blocks as the kernel sees them.
size_t mappedAtLeast(size_t length) {
  FILE* maps = std::fopen("/proc/self/maps", "r");
  REQUIRE(maps != nullptr);
  size_t bytes = 0;
  char line[512];
  while (std::fgets(line, sizeof line, maps)) {
    unsigned long lo = 0, hi = 0, offset = 1, inode = 1;
    char perms[8] = {};
    if (std::sscanf(line, "%lx-%lx %7s %lx %*s %lu", &lo, &hi, perms, &offset, &inode) == 5 && inode == 0 &&
        hi - lo >= length && perms[0] == 'r' && perms[1] == 'w')
      bytes += hi - lo;
  }
  std::fclose(maps);
  return bytes;
}
}  // namespace

TEST_CASE("mimalloc is told of one NUMA node unless the environment says otherwise") {
  // gc/Memory.cpp: counting the nodes, mimalloc formatted /sys paths with
  // snprintf at the first allocation, bringing the C library's printf code
  // into every process.
  if (std::getenv("MIMALLOC_USE_NUMA_NODES") == nullptr) CHECK(mi_option_get(mi_option_use_numa_nodes) == 1);
}

TEST_CASE("a state made on one thread runs on a second and is closed on a third (decision 13)") {
  // Its blocks come from the allocating thread's mimalloc heap and are
  // freed from whichever thread the state runs on; each thread ends before
  // the next one starts (one thread at a time, as in Lua). The ASan build
  // checks the blocks' lifetimes.
  lua_State* L = nullptr;
  std::thread([&] {
    L = api::newReadyState();
    REQUIRE(L != nullptr);
    REQUIRE(loadSource(L, "keep = {} for i = 1, 20000 do keep[i] = {tostring(i)} end", "=make") == kOk);
    REQUIRE(protectedCall(L, L->top - 1, 0) == kOk);
  }).join();
  std::thread([&] {
    REQUIRE(loadSource(L, R"(
      for i = 1, 20000, 2 do keep[i] = nil end
      collectgarbage()
      for i = 2, 20000, 2 do assert(keep[i][1] == tostring(i)) end
      for i = 1, 30000 do keep[#keep + 1] = {i} end
      collectgarbage()
    )", "=run") == kOk);
    REQUIRE(protectedCall(L, L->top - 1, 0) == kOk);
  }).join();
  std::thread([&] { closeLuaState(L); }).join();
}

TEST_CASE("collectgarbage('count') is what the allocator holds") {
  PrivateHeapEngine e;
  CHECK(G(e.L)->totalBytes == allocatorHolds(e.L));
  CHECK(e.exec(R"(
    keep = {}
    for i = 1, 20000 do keep[i] = {i, tostring(i), string.rep("x", i % 300)} end
    for i = 1, 20000, 2 do keep[i] = nil end
  )") == "");
  CHECK(G(e.L)->totalBytes == allocatorHolds(e.L));
  CHECK(e.exec("collectgarbage() keep = nil collectgarbage('step')") == "");
  CHECK(G(e.L)->totalBytes == allocatorHolds(e.L));
  CHECK(e.exec("collectgarbage()") == "");
  CHECK(G(e.L)->totalBytes == allocatorHolds(e.L));
}

TEST_CASE("large blocks are mapped one by one, counted, remapped as they grow and unmapped when freed") {
  PrivateHeapEngine e;
  CHECK(e.exec("collectgarbage()") == "");
  CHECK(gc::largeBlockBytes(G(e.L)) == 0);
  // An array of 2^17 values (2 MB) and more, grown by doubling: each growth
  // from 2^16 values on is a large block remapped in place of the old one.
  CHECK(e.exec(R"(
    big = {}
    for i = 1, 300000 do big[i] = i * 3 end
    s = string.rep("ab", 700000)  -- a large string object (1.4 MB)
  )") == "");
  size_t large = gc::largeBlockBytes(G(e.L));
  CHECK(large >= 300000 * sizeof(Value) + 1400000);
  CHECK(large < 2 * (524288 * sizeof(Value) + 1400000));  // the array's old blocks are gone
  CHECK(G(e.L)->totalBytes == allocatorHolds(e.L));
  CHECK(mappedAtLeast(gc::kLargeBlock) >= large);
  CHECK(e.eval(R"(
    local sum = 0
    for i = 1, #big do sum = sum + big[i] end
    return tostring(#big == 300000 and sum == 3 * 300000 * 300001 // 2 and #s == 1400000)
  )") == "true");
  // Shrinking across the threshold: the array goes back to mimalloc.
  CHECK(e.exec(R"(
    for i = 11, 300000 do big[i] = nil end
    for i = 1, 100 do big["k" .. i] = i end  -- rehashes: the array shrinks
    s = nil
    collectgarbage()
  )") == "");
  CHECK(gc::largeBlockBytes(G(e.L)) == 0);
  CHECK(G(e.L)->totalBytes == allocatorHolds(e.L));
  CHECK(e.eval("local n = 0 for k, v in pairs(big) do n = n + 1 end return tostring(n == 110 and big[10] == 30)") == "true");
  CHECK(e.exec("big = nil collectgarbage()") == "");
  CHECK(gc::verifyHeap(e.L) == "");
}

TEST_CASE("freed large blocks are kept for reuse, up to the cache's limit") {
  PrivateHeapEngine e;
  // A table of 40,000 hash keys: its node array grows through 1 MB and
  // 2 MB blocks (a new block each time); dead, the cache keeps what its
  // limit allows (kMinBlockCache for a small heap), and a second such table
  // takes it again.
  CHECK(e.exec("do local t = {} for k = 1, 40000 do t[k * 7] = k end end collectgarbage()") == "");
  size_t cached = G(e.L)->cachedBytes;
  CHECK(cached >= gc::kLargeBlock);
  CHECK(cached <= gc::kMinBlockCache);
  CHECK(e.exec("keep = {} for k = 1, 40000 do keep[k * 7] = k end") == "");
  // (Its own smaller node arrays, freed as it grows, may fill the cache again.)
  CHECK(G(e.L)->cachedBytes <= cached);
  // Many dead arrays at once: the cache keeps kMinBlockCache of them (the
  // heap is small), the rest goes back to the system.
  CHECK(e.exec(R"(
    local many = {}
    for k = 1, 12 do many[k] = {} for i = 1, 200000 do many[k][i] = i end end
    many = nil
    collectgarbage()
  )") == "");
  CHECK(G(e.L)->cachedBytes <= gc::kMinBlockCache);
  CHECK(G(e.L)->cachedBytes > gc::kMinBlockCache / 2);
  CHECK(G(e.L)->totalBytes == allocatorHolds(e.L));
}

TEST_CASE("the cache keeps at most kMaxCachedBlocks blocks, however many are freed") {
  // 400 arrays of a large block each (8192 integers), all dropped at once
  // in a heap big enough (a 100 MB string) for the byte limit to keep them
  // all: the cache keeps kMaxCachedBlocks of them, the rest is unmapped.
  PrivateHeapEngine e;
  CHECK(e.exec(R"(
    local many = {}
    for k = 1, 400 do local t = {} for i = 1, 8192 do t[i] = i end many[k] = t end
    ballast = {string.rep("x", 100 << 20)}
    many = nil
    collectgarbage()
  )") == "");
  GlobalState* g = G(e.L);
  CHECK(g->cachedBytes < gc::blockCacheLimit(g));  // the byte limit did not decide
  CHECK(g->cachedCount == gc::kMaxCachedBlocks);
  CHECK(g->cachedBytes >= gc::kMaxCachedBlocks * gc::kLargeBlock);
  CHECK(g->cachedBytes < gc::kMaxCachedBlocks * 2 * gc::kLargeBlock);
  // They serve new arrays: building 64 more takes them.
  CHECK(e.exec("for k = 1, 64 do local t = {} for i = 1, 8192 do t[i] = i end ballast[k] = t end") == "");
  CHECK(g->totalBytes == allocatorHolds(e.L));
  CHECK(e.exec("ballast = nil collectgarbage()") == "");
  CHECK(g->cachedCount <= gc::kMaxCachedBlocks);
  CHECK(gc::verifyHeap(e.L) == "");
}

TEST_CASE("the collector shrinks a large block without unmapping inside its step") {
  // A work list shrunk after a large heap's cycle: what it keeps moves to a
  // smaller block and the old mapping goes to the cache (unmapping it there
  // would take time in proportion to its size, inside a pause; keeping it
  // whole would keep its memory until the list grows again).
  Engine e;
  GlobalState* g = G(e.L);
  CHECK(e.exec("collectgarbage()") == "");
  size_t large = gc::largeBlockBytes(g);
  size_t cached = g->cachedBytes;
  auto* block = static_cast<char*>(gc::allocRawNoThrow(g, 8 * gc::kLargeBlock));
  REQUIRE(block != nullptr);
  for (size_t i = 0; i < 2 * gc::kLargeBlock; i++) block[i] = char(i % 251);
  g->gcRunning = true;
  auto* smaller = static_cast<char*>(gc::reallocRawNoThrow(g, block, 8 * gc::kLargeBlock, 2 * gc::kLargeBlock));
  g->gcRunning = false;
  REQUIRE(smaller != nullptr);
  bool kept = true;
  for (size_t i = 0; i < 2 * gc::kLargeBlock; i++) kept = kept && smaller[i] == char(i % 251);
  CHECK(kept);
  CHECK(gc::largeBlockBytes(g) < large + 3 * gc::kLargeBlock);
  CHECK(g->cachedBytes >= cached + 8 * gc::kLargeBlock);
  gc::freeRaw(g, smaller, 2 * gc::kLargeBlock);
  // Outside the collector, shrinking remaps in place.
  block = static_cast<char*>(gc::allocRawNoThrow(g, 8 * gc::kLargeBlock));
  REQUIRE(block != nullptr);
  block[0] = 42;
  cached = g->cachedBytes;
  smaller = static_cast<char*>(gc::reallocRawNoThrow(g, block, 8 * gc::kLargeBlock, 2 * gc::kLargeBlock));
  REQUIRE(smaller != nullptr);
  CHECK(smaller[0] == 42);
  CHECK(g->cachedBytes <= cached);
  gc::freeRaw(g, smaller, 2 * gc::kLargeBlock);
}

TEST_CASE("a cached large block that no allocation takes goes after a few collections") {
  Engine e;
  // 40,000 hash keys: the node array grows from 1 MB to 2 MB, and the
  // 1 MB block, freed by the program, waits in the cache (under its limit).
  CHECK(e.exec("keep = {} for k = 1, 40000 do keep[k * 7] = k end") == "");
  CHECK(G(e.L)->cachedBytes >= gc::kLargeBlock);
  for (uint64_t i = 0; i <= gc::kCacheCollections; i++) CHECK(e.exec("collectgarbage()") == "");
  CHECK(G(e.L)->cachedBytes == 0);
  CHECK(e.eval("return tostring(keep[7] == 1 and keep[280000] == 40000)") == "true");
}

TEST_CASE("a large block past the memory limit fails cleanly, the table unchanged") {
  PrivateHeapEngine e;
  CHECK(e.exec("t = {} for i = 1, 65536 do t[i] = i end collectgarbage()") == "");
  G(e.L)->memoryLimit = G(e.L)->totalBytes + 512 * 1024;
  // The next growth asks for 2^17 values (2 MB): over the limit.
  CHECK(e.eval("local ok, msg = pcall(function() t[65537] = 0 end) return msg") == "not enough memory");
  G(e.L)->memoryLimit = 0;
  CHECK(e.eval("local s = 0 for i = 1, #t do s = s + t[i] end return tostring(#t == 65536 and s == 65536 * 65537 // 2)") == "true");
  CHECK(G(e.L)->totalBytes == allocatorHolds(e.L));
}

TEST_CASE("arrays growing with no new objects are collected as they grow") {
  // Each round fills a new array of 2^18 values (4 MB) and makes no other
  // object but the table: steps run at its growth (gc::growthStep), so the
  // dead arrays of earlier rounds are freed while the program goes on.
  for (const char* mode : {"generational", "incremental"}) {
    Engine e;
    CHECK(e.exec(std::string("collectgarbage('") + mode + "') collectgarbage()") == "");
    CHECK(e.eval(R"(
      local peak, keep = 0, nil
      for round = 1, 16 do
        local t = {}
        for i = 1, 200000 do t[i] = false end
        keep = t
        local kb = collectgarbage("count")
        if kb > peak then peak = kb end
      end
      return tostring(peak < 24 * 1024 or peak)
    )") == "true");
    // The dead arrays the collector freed do not stay mapped past the
    // cache's limit either (a collector step unmaps 4 MB of the excess).
    CHECK(G(e.L)->cachedBytes <= gc::kMinBlockCache + gc::kReleasePerStep);
    CHECK(gc::verifyHeap(e.L) == "");
  }
}

TEST_CASE("a dropped array is freed at the next new object, before the next array grows") {
  // Generational mode: each round's table is the only new object, then its
  // array grows to 4 MB. The major collection that the growth makes due
  // starts at the next table (a safe point) and, the heap being small, ends
  // there: the array dropped by the round before is gone before the new one
  // grows (a major started at the growth itself could not end before the
  // next object, and kept both arrays).
  Engine e;
  CHECK(e.exec("collectgarbage('generational') collectgarbage()") == "");
  CHECK(e.eval(R"(
    local peak = 0
    for round = 1, 8 do
      local t = {}
      local kb = collectgarbage("count")
      if round > 2 and kb > peak then peak = kb end
      for i = 1, 262144 do t[i] = i end
    end
    return tostring(peak < 1024 or peak)
  )") == "true");
  CHECK(gc::verifyHeap(e.L) == "");
}

TEST_CASE("a growing large block takes a cached block it fits in, and grows in place after") {
  PrivateHeapEngine e;
  GlobalState* g = G(e.L);
  CHECK(e.exec("collectgarbage()") == "");
  // A freed 4 MB block: the newest in the cache, kept whatever the limit.
  void* dropped = gc::allocRawNoThrow(g, 4 * gc::kLargeBlock);
  REQUIRE(dropped != nullptr);
  gc::freeRaw(g, dropped, 4 * gc::kLargeBlock);
  size_t cached = g->cachedBytes;
  CHECK(cached >= 4 * gc::kLargeBlock);
  // A 1 MB block growing to 2 MB takes it whole (within 4x), its bytes
  // copied; growing on to 4 MB is then in place.
  auto* block = static_cast<char*>(gc::allocRawNoThrow(g, gc::kLargeBlock));
  REQUIRE(block != nullptr);
  for (size_t i = 0; i < gc::kLargeBlock; i++) block[i] = char(i % 251);
  auto* grown = static_cast<char*>(gc::reallocRawNoThrow(g, block, gc::kLargeBlock, 2 * gc::kLargeBlock));
  REQUIRE(grown != nullptr);
  CHECK(g->cachedBytes + 4 * gc::kLargeBlock <= cached + gc::kLargeBlock);
  bool kept = true;
  for (size_t i = 0; i < gc::kLargeBlock; i++) kept = kept && grown[i] == char(i % 251);
  CHECK(kept);
  auto* again = static_cast<char*>(gc::reallocRawNoThrow(g, grown, 2 * gc::kLargeBlock, 4 * gc::kLargeBlock));
  CHECK(again == grown);
  again[4 * gc::kLargeBlock - 1] = 7;  // the whole block is there
  // Shrinking still gives memory back.
  auto* shrunk = static_cast<char*>(gc::reallocRawNoThrow(g, again, 4 * gc::kLargeBlock, gc::kLargeBlock));
  REQUIRE(shrunk != nullptr);
  CHECK(shrunk[5] == char(5));
  gc::freeRaw(g, shrunk, gc::kLargeBlock);
  CHECK(g->totalBytes == allocatorHolds(e.L));
}

TEST_CASE("a new large block takes a larger cached block whole and grows into its room, which goes when stale") {
  PrivateHeapEngine e;
  GlobalState* g = G(e.L);
  CHECK(e.exec("collectgarbage()") == "");
  // A freed 16-block array, its pages resident: the newest in the cache.
  auto* dropped = static_cast<char*>(gc::allocRawNoThrow(g, 16 * gc::kLargeBlock));
  REQUIRE(dropped != nullptr);
  std::memset(dropped, 1, 16 * gc::kLargeBlock);
  gc::freeRaw(g, dropped, 16 * gc::kLargeBlock);
  size_t cached = g->cachedBytes;
  size_t mapped = mappedAtLeast(gc::kLargeBlock);
  CHECK(cached >= 16 * gc::kLargeBlock);
  // A one-block array takes that mapping (no new one), counted for its
  // own size only, and grows to 8 blocks in place.
  auto* block = static_cast<char*>(gc::allocRawNoThrow(g, gc::kLargeBlock));
  REQUIRE(block == dropped);
  CHECK(g->slackBlock != nullptr);
  CHECK(g->cachedBytes + 16 * gc::kLargeBlock <= cached);
  // (No new mapping of a block's size; the process's other mappings, the
  // sanitizers' allocator among them, may grow by less meanwhile.)
  CHECK(mappedAtLeast(gc::kLargeBlock) < mapped + gc::kLargeBlock);
  CHECK(g->totalBytes == allocatorHolds(e.L));
  for (size_t i = 0; i < gc::kLargeBlock; i++) block[i] = char(i % 251);
  auto* grown = static_cast<char*>(gc::reallocRawNoThrow(g, block, gc::kLargeBlock, 8 * gc::kLargeBlock));
  CHECK(grown == block);
  CHECK(g->totalBytes == allocatorHolds(e.L));
  // One block at a time holds room: a second new block, with a larger
  // block cached, gets a mapping of its own size.
  auto* other = static_cast<char*>(gc::allocRawNoThrow(g, 4 * gc::kLargeBlock));
  REQUIRE(other != nullptr);
  gc::freeRaw(g, other, 4 * gc::kLargeBlock);
  size_t before = mappedAtLeast(gc::kLargeBlock);
  auto* second = static_cast<char*>(gc::allocRawNoThrow(g, 2 * gc::kLargeBlock));
  REQUIRE(second != nullptr);
  CHECK(second != other);
  CHECK(mappedAtLeast(gc::kLargeBlock) <= before + 3 * gc::kLargeBlock);
  gc::freeRaw(g, second, 2 * gc::kLargeBlock);
  // Not grown into while a few collections go by, the room is unmapped;
  // the block keeps its bytes.
  for (uint64_t i = 0; i <= gc::kCacheCollections; i++) CHECK(e.exec("collectgarbage()") == "");
  CHECK(g->slackBlock == nullptr);
  CHECK(mappedAtLeast(gc::kLargeBlock) + 7 * gc::kLargeBlock <= mapped);
  bool kept = true;
  for (size_t i = 0; i < gc::kLargeBlock; i++) kept = kept && grown[i] == char(i % 251);
  CHECK(kept);
  grown[8 * gc::kLargeBlock - 1] = 7;  // its own 8 blocks are there
  gc::freeRaw(g, grown, 8 * gc::kLargeBlock);
  CHECK(g->totalBytes == allocatorHolds(e.L));
}

TEST_CASE("an array rebuilt again and again lives in the pages of the one dropped before it") {
  // Each round builds a 2^16-value (1 MB) array from empty and drops it:
  // from its first large step on, the new array grows inside the mapping of
  // the dropped one, so the large blocks mapped stay near one array's worth
  // (two arrays' pages at once at most), whatever the number of rounds.
  PrivateHeapEngine e;
  CHECK(e.exec("collectgarbage('generational') collectgarbage()") == "");
  size_t mapped = mappedAtLeast(gc::kLargeBlock);
  size_t peak = 0;
  for (int round = 0; round < 12; round++) {
    CHECK(e.exec("local t = {} for i = 1, 65536 do t[i] = i end") == "");
    size_t now = mappedAtLeast(gc::kLargeBlock);
    if (now > peak) peak = now;
  }
  CHECK(peak <= mapped + 2 * (65536 * sizeof(Value) + 4096) + gc::kLargeBlock);
  CHECK(G(e.L)->totalBytes == allocatorHolds(e.L));
  CHECK(gc::verifyHeap(e.L) == "");
}

TEST_CASE("memory of table parts drives the collector, not only new objects") {
  // Each round makes one table and grows it to 50,000 hash entries: nearly
  // all the memory is raw blocks (node arrays). The dead tables must be
  // collected as the program goes, in both modes.
  for (const char* mode : {"generational", "incremental"}) {
    Engine e;
    CHECK(e.exec(std::string("collectgarbage('") + mode + "') collectgarbage()") == "");
    size_t before = G(e.L)->totalBytes;
    CHECK(e.exec("for round = 1, 40 do local t = {} for k = 1, 50000 do t[k * 7919] = k end end") == "");
    CHECK(G(e.L)->totalBytes < before + 16 * 1024 * 1024);
  }
}
