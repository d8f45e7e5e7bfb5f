// Table get and set, on the array part, the hash part with integer keys and
// the hash part with short-string keys, through the runtime's raw table
// functions (no interpreter) and through Lua code (the interpreter's
// indexing instructions).
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

void BM_LuaGetGlobal(benchmark::State& state) {
  runLuaLoop(state, "G1 = 1", "local x", "x = G1");
}
BENCHMARK(BM_LuaGetGlobal);

void BM_LuaEmptyLoop(benchmark::State& state) {
  runLuaLoop(state, "", "", "");
}
BENCHMARK(BM_LuaEmptyLoop);

}  // namespace
