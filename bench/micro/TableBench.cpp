// Table get and set, on the array part, the hash part with integer keys and
// the hash part with short-string keys, through the runtime's raw table
// functions (no interpreter) and through Lua code (the interpreter's
// indexing instructions). From Lua code also the cases that a cache of
// where an instruction found its key last time would tell apart: one field
// instruction meeting tables of one shape or of several, a key the table
// does not hold, and a global's field (math.pi).
#include <string>
#include <vector>

#include "MicroEngine.hpp"

using namespace tycho;
using namespace tycho::micro;

namespace {

constexpr int kKeys = 1024;
constexpr Integer kStride = 7919;  // spreads integer keys out of the array part

void BM_RawGetArray(benchmark::State& state) {
  MicroEngine e;
  Table* t = e.pushTable();
  for (Integer k = 1; k <= kKeys; k++) tableSetInt(e.L, t, k, Value::integer(k));
  Integer sum = 0;
  for (auto _ : state) {
    for (Integer k = 1; k <= kKeys; k++) sum += tableGetInt(t, k)->u.i;
  }
  benchmark::DoNotOptimize(sum);
  state.SetItemsProcessed(state.iterations() * kKeys);
}
BENCHMARK(BM_RawGetArray);

void BM_RawSetArray(benchmark::State& state) {
  MicroEngine e;
  Table* t = e.pushTable();
  for (Integer k = 1; k <= kKeys; k++) tableSetInt(e.L, t, k, Value::integer(0));
  for (auto _ : state) {
    for (Integer k = 1; k <= kKeys; k++) tableSetInt(e.L, t, k, Value::integer(k));
  }
  state.SetItemsProcessed(state.iterations() * kKeys);
}
BENCHMARK(BM_RawSetArray);

void BM_RawGetHashInteger(benchmark::State& state) {
  MicroEngine e;
  Table* t = e.pushTable();
  for (Integer k = 1; k <= kKeys; k++) tableSetInt(e.L, t, k * kStride, Value::integer(k));
  Integer sum = 0;
  for (auto _ : state) {
    for (Integer k = 1; k <= kKeys; k++) sum += tableGetInt(t, k * kStride)->u.i;
  }
  benchmark::DoNotOptimize(sum);
  state.SetItemsProcessed(state.iterations() * kKeys);
}
BENCHMARK(BM_RawGetHashInteger);

void BM_RawSetHashInteger(benchmark::State& state) {
  MicroEngine e;
  Table* t = e.pushTable();
  for (Integer k = 1; k <= kKeys; k++) tableSetInt(e.L, t, k * kStride, Value::integer(0));
  for (auto _ : state) {
    for (Integer k = 1; k <= kKeys; k++) tableSetInt(e.L, t, k * kStride, Value::integer(k));
  }
  state.SetItemsProcessed(state.iterations() * kKeys);
}
BENCHMARK(BM_RawSetHashInteger);

std::vector<String*> pushKeys(MicroEngine& e) {
  std::vector<String*> keys;
  for (int k = 0; k < kKeys; k++) keys.push_back(e.pushString("field" + std::to_string(k)));
  return keys;
}

void BM_RawGetShortString(benchmark::State& state) {
  MicroEngine e;
  Table* t = e.pushTable();
  std::vector<String*> keys = pushKeys(e);
  for (int k = 0; k < kKeys; k++) tableSet(e.L, t, Value::string(keys[k]), Value::integer(k));
  Integer sum = 0;
  for (auto _ : state) {
    for (String* key : keys) sum += tableGetShortString(t, key)->u.i;
  }
  benchmark::DoNotOptimize(sum);
  state.SetItemsProcessed(state.iterations() * kKeys);
}
BENCHMARK(BM_RawGetShortString);

void BM_RawSetShortString(benchmark::State& state) {
  MicroEngine e;
  Table* t = e.pushTable();
  std::vector<String*> keys = pushKeys(e);
  for (int k = 0; k < kKeys; k++) tableSet(e.L, t, Value::string(keys[k]), Value::integer(0));
  for (auto _ : state) {
    for (int k = 0; k < kKeys; k++) tableSet(e.L, t, Value::string(keys[k]), Value::integer(k));
  }
  state.SetItemsProcessed(state.iterations() * kKeys);
}
BENCHMARK(BM_RawSetShortString);

// A fresh table filled with kKeys array entries: allocation and growth of
// the array part.
void BM_RawFillNewArray(benchmark::State& state) {
  MicroEngine e;
  for (auto _ : state) {
    Table* t = e.pushTable();
    for (Integer k = 1; k <= kKeys; k++) tableSetInt(e.L, t, k, Value::integer(k));
    e.L->top--;
  }
  state.SetItemsProcessed(state.iterations() * kKeys);
}
BENCHMARK(BM_RawFillNewArray);

// The same operations from Lua code.
const char* kLuaTables = R"(
  local array, hash, record = {}, {}, {}
  for k = 1, 1024 do array[k] = k; hash[k * 7919] = k end
  record.alpha, record.beta, record.gamma = 1, 2, 3
  A, H, R = array, hash, record
)";

void BM_LuaGetArray(benchmark::State& state) {
  runLuaLoop(state, kLuaTables, "local a, x = A", "x = a[i]");
}
BENCHMARK(BM_LuaGetArray);

void BM_LuaSetArray(benchmark::State& state) {
  runLuaLoop(state, kLuaTables, "local a = A", "a[i] = i");
}
BENCHMARK(BM_LuaSetArray);

void BM_LuaGetHashInteger(benchmark::State& state) {
  runLuaLoop(state, kLuaTables, "local h, x = H", "x = h[i * 7919]");
}
BENCHMARK(BM_LuaGetHashInteger);

void BM_LuaGetStringField(benchmark::State& state) {
  runLuaLoop(state, kLuaTables, "local r, x = R", "x = r.beta");
}
BENCHMARK(BM_LuaGetStringField);

void BM_LuaSetStringField(benchmark::State& state) {
  runLuaLoop(state, kLuaTables, "local r = R", "r.beta = i");
}
BENCHMARK(BM_LuaSetStringField);

// The loaded value is used, so that a compiler tier cannot drop the load as
// it may drop BM_LuaGetArray's x = a[i].
void BM_LuaSumArray(benchmark::State& state) {
  runLuaLoop(state, kLuaTables, "local a, s = A, 0", "s = s + a[i]");
}
BENCHMARK(BM_LuaSumArray);

// A key the record does not hold, and no metatable: the lookup walks the
// key's chain to its end and the result is nil.
void BM_LuaGetAbsentField(benchmark::State& state) {
  runLuaLoop(state, kLuaTables, "local r, x = R", "x = r.delta");
}
BENCHMARK(BM_LuaGetAbsentField);

// One field instruction meets four records in turn, of eight fields each.
// SAME holds four records built alike, so x sits in the same node of each
// and a cache of that node per instruction would always hit; MIXED holds
// four records with other fields beside x, chosen so that x sits in four
// different nodes, where such a cache would miss at every access (a cache
// of four entries per instruction would not). Both loops do the same work
// besides the field access.
//
// The string hash is seeded per state, so where a key lands cannot be
// chosen in Lua code: records with fields named after an attempt number are
// made until four of them have x at pairwise different nodes.
int nodeOf(Table* t, String* key) {
  const Value* v = tableGetShortString(t, key);
  for (uint32_t n = 0; n < t->nodeCapacity(); n++) {
    if (&t->nodes[n].value == v) return int(n);
  }
  return -1;
}

void makeShapes(MicroEngine& e) {
  e.run(R"(
    function RECORD(attempt)
      local r = {}
      for j = 1, 7 do r["f" .. attempt .. "_" .. j] = 0 end
      r.x = attempt
      return r
    end
    SAME, MIXED = {}, {}
    for k = 1, 4 do SAME[k] = RECORD(0) end
  )");
  String* x = e.pushString("x");
  bool taken[8] = {};
  int found = 0;
  for (int attempt = 1; found < 4; attempt++) {
    if (attempt > 1000) {
      std::fprintf(stderr, "no four records with x at different nodes\n");
      std::abort();
    }
    e.run("CANDIDATE = RECORD(" + std::to_string(attempt) + ")");
    int node = nodeOf(e.global("CANDIDATE").asTable(), x);
    if (node < 0 || node >= 8 || taken[node]) continue;
    taken[node] = true;
    found++;
    e.run("MIXED[#MIXED + 1] = CANDIDATE");
  }
}

void runShapesLoop(benchmark::State& state, const char* records, const std::string& locals,
                   const std::string& body) {
  MicroEngine e;
  makeShapes(e);
  runLuaLoop(state, e, "", std::string("local r = ") + records + "\n  " + locals, body);
}

void BM_LuaGetFieldSameShape(benchmark::State& state) {
  runShapesLoop(state, "SAME", "local x", "x = r[(i & 3) + 1].x");
}
BENCHMARK(BM_LuaGetFieldSameShape);

void BM_LuaGetFieldMixedShapes(benchmark::State& state) {
  runShapesLoop(state, "MIXED", "local x", "x = r[(i & 3) + 1].x");
}
BENCHMARK(BM_LuaGetFieldMixedShapes);

void BM_LuaSetFieldSameShape(benchmark::State& state) {
  runShapesLoop(state, "SAME", "", "r[(i & 3) + 1].x = i");
}
BENCHMARK(BM_LuaSetFieldSameShape);

void BM_LuaSetFieldMixedShapes(benchmark::State& state) {
  runShapesLoop(state, "MIXED", "", "r[(i & 3) + 1].x = i");
}
BENCHMARK(BM_LuaSetFieldMixedShapes);

void BM_LuaGetGlobal(benchmark::State& state) {
  runLuaLoop(state, "G1 = 1", "local x", "x = G1");
}
BENCHMARK(BM_LuaGetGlobal);

// A field of a global table, as code that does not keep math in a local
// reads it: a global lookup, then a field lookup.
void BM_LuaGetGlobalField(benchmark::State& state) {
  runLuaLoop(state, "", "local x", "x = math.pi");
}
BENCHMARK(BM_LuaGetGlobalField);

void BM_LuaEmptyLoop(benchmark::State& state) {
  runLuaLoop(state, "", "", "");
}
BENCHMARK(BM_LuaEmptyLoop);

}  // namespace
