// Function call overhead: Lua to Lua (plain, through a global, method, an
// inherited method, vararg, tail calls), Lua to native (a standard-library
// function, a bare native function), and native to Lua (the runtime's call
// entry). Compare with BM_LuaEmptyLoop (TableBench.cpp), the cost of the
// loop alone.
#include "MicroEngine.hpp"

using namespace tycho;
using namespace tycho::micro;

namespace {

void BM_CallLuaToLua(benchmark::State& state) {
  runLuaLoop(state, "function F(x) return x end", "local f, x = F", "x = f(i)");
}
BENCHMARK(BM_CallLuaToLua);

void BM_CallLuaToLuaThreeArgs(benchmark::State& state) {
  runLuaLoop(state, "function F(a, b, c) return a + b + c end", "local f, x = F", "x = f(i, 2, 3)");
}
BENCHMARK(BM_CallLuaToLuaThreeArgs);

// The function is looked up in the globals at every call, as code that does
// not keep it in a local calls it.
void BM_CallGlobalFunction(benchmark::State& state) {
  runLuaLoop(state, "function F(x) return x end", "local x", "x = F(i)");
}
BENCHMARK(BM_CallGlobalFunction);

void BM_CallLuaMethod(benchmark::State& state) {
  runLuaLoop(state,
             "local C = {}; C.__index = C\n"
             "function C:get() return self.v end\n"
             "O = setmetatable({v = 1}, C)",
             "local o, x = O", "x = o:get()");
}
BENCHMARK(BM_CallLuaMethod);

// The object's class does not define the method; its base class, the
// class's own __index, does: two __index tables on the way.
void BM_CallLuaMethodInherited(benchmark::State& state) {
  runLuaLoop(state,
             "local Base = {}; Base.__index = Base\n"
             "function Base:get() return self.v end\n"
             "local Derived = setmetatable({}, Base); Derived.__index = Derived\n"
             "O = setmetatable({v = 1}, Derived)",
             "local o, x = O", "x = o:get()");
}
BENCHMARK(BM_CallLuaMethodInherited);

void BM_CallLuaVararg(benchmark::State& state) {
  runLuaLoop(state, "function F(...) return select('#', ...) end", "local f, x = F", "x = f(i, i, i)");
}
BENCHMARK(BM_CallLuaVararg);

void BM_CallLuaClosureUpvalue(benchmark::State& state) {
  runLuaLoop(state, "local count = 0\nfunction F() count = count + 1 return count end", "local f, x = F", "x = f()");
}
BENCHMARK(BM_CallLuaClosureUpvalue);

void BM_CallLuaToNativeStdlib(benchmark::State& state) {
  runLuaLoop(state, "", "local abs, x = math.abs", "x = abs(i)");
}
BENCHMARK(BM_CallLuaToNativeStdlib);

int nativeIdentity(lua_State* L) { return 1; }  // returns its (last) argument

void BM_CallLuaToNative(benchmark::State& state) {
  MicroEngine e;
  lib::setFunction(e.L, globalsTable(e.L), "identity", nativeIdentity);
  e.run("function run(n) local f, x = identity; for i = 1, n do x = f(i) end end");
  for (auto _ : state) e.call("run", kOpsPerCall);
  state.SetItemsProcessed(state.iterations() * kOpsPerCall);
}
BENCHMARK(BM_CallLuaToNative);

// One call from C++ into a Lua function per item, through call().
void BM_CallNativeToLua(benchmark::State& state) {
  MicroEngine e;
  e.run("function F(x) return x end");
  Value f = e.global("F");
  lua_State* L = e.L;
  for (auto _ : state) {
    for (int i = 0; i < kOpsPerCall; i++) {
      *L->top++ = f;
      *L->top++ = Value::integer(i);
      call(L, L->top - 2, 1);
      L->top--;
    }
  }
  state.SetItemsProcessed(state.iterations() * kOpsPerCall);
}
BENCHMARK(BM_CallNativeToLua);

void BM_CallPcall(benchmark::State& state) {
  runLuaLoop(state, "function F(x) return x end", "local f, pcall, ok, x = F, pcall", "ok, x = pcall(f, i)");
}
BENCHMARK(BM_CallPcall);

}  // namespace
