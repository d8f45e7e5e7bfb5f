// The generational collector (§2.5.2): ages, minor collections, the write
// barriers' generational side (touched tables, objects made old at once),
// weak tables, ephemerons and finalizers in minor collections, major
// collections in steps, switching modes. Automatic collections are stopped
// (collectgarbage("stop")) so that each minor collection is the test's own.
#include <doctest/doctest.h>

#include <string>

#include "gc/Heap.hpp"
#include "tests/unit/TestEngine.hpp"
#include "runtime/State.hpp"
#include "runtime/String.hpp"
#include "runtime/Table.hpp"
#include "stdlib/Lib.hpp"
#include "vm/Debug.hpp"
#include "vm/Load.hpp"
#include "vm/Vm.hpp"

using namespace tycho;

namespace {

struct Engine : TestEngine {
  Engine() { G(L)->genMajorMul = 100000; }  // no major collection unless asked for
  GCObject* global(const char* name) {
    const Value* v = tableGetString(G(L), globalsTable(L), newString(L, name));
    REQUIRE(v->isCollectable());
    return v->u.gc;
  }
  void minor() {
    uint64_t before = G(L)->gcMinorCycles;
    gc::stepCollect(L, 0);
    REQUIRE(G(L)->gcMinorCycles == before + 1);
    CHECK(gc::verifyHeap(L) == "");
  }
};

bool isBlack(const GCObject* o) { return (o->marked & gc::kMarkBlack) != 0; }

}  // namespace

TEST_CASE("generational mode is the default; objects age through minor collections") {
  Engine e;
  CHECK(G(e.L)->gcKind == gc::kGCGenerational);
  CHECK(e.exec("collectgarbage() collectgarbage('stop') x = {}") == "");
  GCObject* x = e.global("x");
  CHECK(gc::ageOf(x) == gc::kAgeNew);
  CHECK(gc::isWhite(x));
  e.minor();
  CHECK(gc::ageOf(x) == gc::kAgeSurvival);
  CHECK(gc::isWhite(x));
  e.minor();
  CHECK(gc::ageOf(x) == gc::kAgeOld1);
  CHECK(isBlack(x));
  e.minor();
  CHECK(gc::ageOf(x) == gc::kAgeOld);
  CHECK(isBlack(x));
  // A full collection makes every survivor old at once.
  CHECK(e.exec("y = {} collectgarbage() collectgarbage('stop')") == "");
  CHECK(gc::ageOf(e.global("y")) == gc::kAgeOld);
}

TEST_CASE("minor collections free unreachable young objects only") {
  Engine e;
  CHECK(e.exec("collectgarbage() collectgarbage('stop') old = {} for i = 1, 100 do old[i] = {i} end") == "");
  e.minor();
  e.minor();  // old and its contents are old now
  size_t before = G(e.L)->totalBytes;
  CHECK(e.exec("for i = 1, 10000 do local t = {i, i} end") == "");
  CHECK(G(e.L)->totalBytes > before + 10000 * 32);
  e.minor();
  CHECK(G(e.L)->totalBytes < before + 16 * 1024);
  CHECK(e.exec("for i = 1, 100 do assert(old[i][1] == i) end") == "");
}

TEST_CASE("a young value stored into an old table keeps living: the table is touched") {
  Engine e;
  CHECK(e.exec("t = {} collectgarbage() collectgarbage('stop')") == "");
  GCObject* t = e.global("t");
  CHECK(gc::ageOf(t) == gc::kAgeOld);
  CHECK(e.exec("t.x = {1, 2, 3} t[1] = {n = 'young'}") == "");
  CHECK(gc::ageOf(t) == gc::kAgeTouched1);
  CHECK(!isBlack(t));  // gray: no more barriers until the next minor collection
  CHECK(G(e.L)->genTouched.count == 1);
  e.minor();
  CHECK(gc::ageOf(t) == gc::kAgeTouched2);
  CHECK(isBlack(t));
  CHECK(e.exec("t.z = {}") == "");  // touched again while listed: not listed twice
  CHECK(gc::ageOf(t) == gc::kAgeTouched1);
  CHECK(G(e.L)->genTouched.count == 1);
  for (int i = 0; i < 4; i++) e.minor();
  CHECK(gc::ageOf(t) == gc::kAgeOld);
  CHECK(G(e.L)->genTouched.count == 0);
  CHECK(e.exec("assert(t.x[3] == 3 and t[1].n == 'young' and type(t.z) == 'table')") == "");
}

TEST_CASE("a large old table marks a stored young value and makes it old at once") {
  Engine e;
  CHECK(e.exec("big = {} for i = 1, 5000 do big[i] = i end collectgarbage() collectgarbage('stop')") == "");
  auto* big = static_cast<Table*>(e.global("big"));
  CHECK(e.exec("big[1] = {'v'}") == "");
  CHECK(isBlack(big));
  CHECK(gc::ageOf(big) == gc::kAgeOld);
  GCObject* v = big->array[0].u.gc;
  CHECK(gc::ageOf(v) == gc::kAgeOld0);
  CHECK(!gc::isWhite(v));
  e.minor();
  CHECK(gc::ageOf(v) == gc::kAgeOld1);
  e.minor();
  CHECK(gc::ageOf(v) == gc::kAgeOld);
  CHECK(e.exec("assert(big[1][1] == 'v')") == "");
}

TEST_CASE("a young value stored into an old upvalue keeps living") {
  Engine e;
  CHECK(e.exec("local u function setu(v) u = v end function getu() return u end collectgarbage() collectgarbage('stop')") == "");
  CHECK(e.exec("setu({42, {43}})") == "");
  for (int i = 0; i < 4; i++) e.minor();
  CHECK(e.exec("assert(getu()[1] == 42 and getu()[2][1] == 43)") == "");
}

TEST_CASE("an old coroutine's stack is a root of every minor collection") {
  Engine e;
  CHECK(e.exec(R"(
    co = coroutine.wrap(function()
      local held = {}
      while true do
        held[#held + 1] = coroutine.yield(#held)
        local fresh = {#held}  -- only on the coroutine's stack
        coroutine.yield(fresh)
        assert(fresh[1] == #held)
      end
    end)
    co()
    collectgarbage() collectgarbage('stop')
  )") == "");
  for (int round = 0; round < 3; round++) {
    CHECK(e.exec("local f = co({}) assert(type(f) == 'table')") == "");
    e.minor();
    e.minor();
    CHECK(e.exec("co()") == "");
  }
}

TEST_CASE("minor collections clear weak tables and finalize young objects") {
  Engine e;
  CHECK(e.exec("collectgarbage() collectgarbage('stop') w = setmetatable({}, {__mode = 'v'}) done = 0") == "");
  CHECK(e.exec("w[1] = {} w[2] = 'strings stay' keep = {} w[3] = keep") == "");
  CHECK(e.exec("setmetatable({}, {__gc = function() done = done + 1 end})") == "");
  e.minor();
  CHECK(e.exec("assert(w[1] == nil and w[2] == 'strings stay' and w[3] == keep)") == "");
  CHECK(e.exec("assert(done == 1, done)") == "");  // run at the next safe point
  // Ephemerons: an entry whose value refers to its own key goes with the key.
  CHECK(e.exec("eph = setmetatable({}, {__mode = 'k'})") == "");
  e.minor();
  e.minor();
  e.minor();
  CHECK(gc::ageOf(e.global("eph")) == gc::kAgeOld);
  CHECK(e.exec("local k = {} eph[k] = {k} k2 = {} eph[k2] = {k2}") == "");
  e.minor();
  CHECK(e.exec("local n = 0 for k, v in pairs(eph) do n = n + 1 assert(v[1] == k and k == k2) end assert(n == 1)") == "");
}

TEST_CASE("resurrected young objects stay usable until their finalizer has run") {
  Engine e;
  CHECK(e.exec("collectgarbage() collectgarbage('stop') saved = {} order = {}") == "");
  CHECK(e.exec(R"(
    for i = 1, 3 do
      setmetatable({i, {i * 10}}, {__gc = function(o) saved[#saved + 1] = o order[#order + 1] = o[1] end})
    end
  )") == "");
  e.minor();
  CHECK(e.exec("") == "");
  // Called in the reverse order of marking (§2.5.3).
  CHECK(e.exec("assert(#order == 3 and order[1] == 3 and order[2] == 2 and order[3] == 1)") == "");
  for (int i = 0; i < 3; i++) e.minor();
  CHECK(e.exec("for i = 1, 3 do local o = saved[i] assert(o[2][1] == o[1] * 10) end") == "");
}

// (The stress build collects at every allocation, majors all at once.)
#ifndef TYCHO_GC_STRESS
TEST_CASE("a major collection in generational mode runs in steps between the program's own") {
  Engine e;
  G(e.L)->genMajorMul = 100;
  static int sawMajor;
  sawMajor = 0;
  lib::setFunction(e.L, globalsTable(e.L), "probe", [](lua_State* L) {
    if (G(L)->genMajor && !G(L)->genWhitening && G(L)->gcState == gc::kGCPropagate) sawMajor++;
    return 0;
  });
  CHECK(e.exec(R"(
    local keep = {}
    for i = 1, 200000 do
      keep[i % 50000 + 1] = {i}
      if i % 100 == 0 then probe() end
    end
    for i = 1, 50000 do assert(keep[i][1] % 50000 + 1 == i) end
  )") == "");
  CHECK(sawMajor > 0);
  CHECK(G(e.L)->gcCycles > 0);
  CHECK(G(e.L)->gcMinorCycles > 0);
  CHECK(gc::verifyHeap(e.L) == "");
}
#endif

TEST_CASE("a major collection is the base the next is measured from, whatever the program grows after it") {
  // Set when the major collection ends, to what it found alive: the heap at
  // the next minor collection would also count what the program made and
  // grew in between (a big table growing with few new objects made the base
  // double from major to major).
  Engine e;
  CHECK(e.exec("collectgarbage('stop') keep = {} for i = 1, 1000 do keep[i] = {i} end") == "");
  gc::fullCollect(e.L);
  GlobalState* g = G(e.L);
  size_t base = g->genMajorBase;
  CHECK(base > 0);
  CHECK(base <= g->totalBytes);
  CHECK(e.exec("more = {} for i = 1, 20000 do more[i] = {i} end") == "");
  e.minor();
  CHECK(g->genMajorBase == base);
  CHECK(g->totalBytes > 2 * base);
}

TEST_CASE("switching modes keeps every reachable object") {
  Engine e;
  const char* build = R"(
    data = {}
    for i = 1, 3000 do data[i] = {i, tostring(i), function() return i end} end
    cos = {}
    for i = 1, 20 do cos[i] = coroutine.wrap(function() local x = {i} while true do coroutine.yield(x[1]) end end) end
  )";
  const char* check = R"(
    for i = 1, 3000 do local d = data[i] assert(d[1] == i and d[2] == tostring(i) and d[3]() == i) end
    for i = 1, 20 do assert(cos[i]() == i) end
  )";
  CHECK(e.exec(build) == "");
  CHECK(e.exec("assert(collectgarbage('incremental') == 'generational')") == "");
  CHECK(G(e.L)->gcKind == gc::kGCIncremental);
  CHECK(gc::verifyHeap(e.L) == "");
  CHECK(e.exec(check) == "");
  CHECK(e.exec("for i = 1, 20000 do local t = {i} end") == "");
  CHECK(e.exec(check) == "");
  CHECK(e.exec("assert(collectgarbage('generational') == 'incremental')") == "");
  CHECK(G(e.L)->gcKind == gc::kGCGenerational);
  CHECK(gc::ageOf(e.global("data")) == gc::kAgeOld);
  CHECK(gc::verifyHeap(e.L) == "");
  CHECK(e.exec("collectgarbage('stop')") == "");
  e.minor();
  CHECK(e.exec(check) == "");
  e.minor();
  CHECK(e.exec(check) == "");
}
