// The collector: reachability after collections (checked by the heap
// verifier), weak tables, finalizers, memory accounting and the memory limit.
#include <doctest/doctest.h>

#include <mimalloc.h>

#include <string>

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

TEST_CASE("past the memory limit allocations fail with a Lua error and the state goes on") {
  Engine e;
  CHECK(e.exec("collectgarbage()") == "");
  G(e.L)->memoryLimit = G(e.L)->totalBytes + 4 * 1024 * 1024;
  CHECK(e.exec(R"(
    local ok, msg = pcall(function()
      local t = {}
      for i = 1, 10000000 do t[i] = {i} end
    end)
    assert(not ok and msg == "not enough memory", tostring(msg))
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
  size_t bytes = 0;
  mi_heap_visit_blocks(static_cast<mi_heap_t*>(G(L)->heap), false, sumBlocks, &bytes);
  return bytes;
}
}  // namespace

TEST_CASE("collectgarbage('count') is what the allocator holds") {
  Engine e;
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
