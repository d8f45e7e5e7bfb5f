// Allocation and collection: creating tables, closures and strings from Lua
// (the collector reclaiming them as it goes), raw object allocation through
// the runtime, and full collections of a heap holding many live objects.
#include <string>

#include "MicroEngine.hpp"
#include "gc/Heap.hpp"

using namespace tycho;
using namespace tycho::micro;

namespace {

void BM_AllocLuaEmptyTable(benchmark::State& state) {
  runLuaLoop(state, "", "local t", "t = {}");
}
BENCHMARK(BM_AllocLuaEmptyTable);

void BM_AllocLuaTableThreeFields(benchmark::State& state) {
  runLuaLoop(state, "", "local t", "t = {x = i, y = i, z = i}");
}
BENCHMARK(BM_AllocLuaTableThreeFields);

void BM_AllocLuaArrayFour(benchmark::State& state) {
  runLuaLoop(state, "", "local t", "t = {i, i, i, i}");
}
BENCHMARK(BM_AllocLuaArrayFour);

void BM_AllocLuaClosure(benchmark::State& state) {
  runLuaLoop(state, "", "local f", "f = function() return i end");
}
BENCHMARK(BM_AllocLuaClosure);

void BM_AllocRawTable(benchmark::State& state) {
  MicroEngine e;
  for (auto _ : state) {
    for (int i = 0; i < kOpsPerCall; i++) benchmark::DoNotOptimize(newTable(e.L));
  }
  state.SetItemsProcessed(state.iterations() * kOpsPerCall);
}
BENCHMARK(BM_AllocRawTable);

// A full collection of a heap with state.range(0) live tables (each with
// one string), reachable from one array in the registry-rooted globals.
void BM_FullCollect(benchmark::State& state) {
  MicroEngine e;
  e.run("LIVE = {} for i = 1, " + std::to_string(state.range(0)) +
        " do LIVE[i] = {name = 'n' .. i, i} end");
  for (auto _ : state) gc::fullCollect(e.L);
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_FullCollect)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace
