// Metamethod dispatch: __index (a table and a function), __newindex,
// arithmetic (__add), comparison (__eq, __lt), __call, __len and
// __concat, each measured from Lua code against the plain operation's cost
// (BM_LuaGetStringField, BM_LuaEmptyLoop in TableBench.cpp).
#include "MicroEngine.hpp"

using namespace tycho;
using namespace tycho::micro;

namespace {

const char* kClasses = R"(
  local Base = {value = 1}
  Base.__index = Base
  INHERITS = setmetatable({}, Base)

  PROXY = setmetatable({}, {__index = function(t, k) return 1 end,
                            __newindex = function(t, k, v) end})

  local V = {}
  V.__add = function(a, b) return a end
  V.__eq = function(a, b) return true end
  V.__lt = function(a, b) return true end
  V.__len = function(a) return 3 end
  V.__concat = function(a, b) return a end
  V.__call = function(self, x) return x end
  A, B = setmetatable({}, V), setmetatable({}, V)
)";

void BM_MetaIndexTable(benchmark::State& state) {
  runLuaLoop(state, kClasses, "local o, x = INHERITS", "x = o.value");
}
BENCHMARK(BM_MetaIndexTable);

void BM_MetaIndexFunction(benchmark::State& state) {
  runLuaLoop(state, kClasses, "local p, x = PROXY", "x = p.anything");
}
BENCHMARK(BM_MetaIndexFunction);

void BM_MetaNewindexFunction(benchmark::State& state) {
  runLuaLoop(state, kClasses, "local p = PROXY", "p.anything = i");
}
BENCHMARK(BM_MetaNewindexFunction);

void BM_MetaAdd(benchmark::State& state) {
  runLuaLoop(state, kClasses, "local a, b, x = A, B", "x = a + b");
}
BENCHMARK(BM_MetaAdd);

void BM_MetaEq(benchmark::State& state) {
  runLuaLoop(state, kClasses, "local a, b, x = A, B", "x = a == b");
}
BENCHMARK(BM_MetaEq);

void BM_MetaLt(benchmark::State& state) {
  runLuaLoop(state, kClasses, "local a, b, x = A, B", "x = a < b");
}
BENCHMARK(BM_MetaLt);

void BM_MetaLen(benchmark::State& state) {
  runLuaLoop(state, kClasses, "local a, x = A", "x = #a");
}
BENCHMARK(BM_MetaLen);

void BM_MetaConcat(benchmark::State& state) {
  runLuaLoop(state, kClasses, "local a, b, x = A, B", "x = a .. b");
}
BENCHMARK(BM_MetaConcat);

void BM_MetaCall(benchmark::State& state) {
  runLuaLoop(state, kClasses, "local a, x = A", "x = a(i)");
}
BENCHMARK(BM_MetaCall);

}  // namespace
