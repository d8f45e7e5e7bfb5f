// The C API's cost, for the same host code built twice (bench/CMakeLists.txt):
// against Lua 5.4's headers and liblua5.4 (tycho_apibench_lua), and against
// Tycho's headers and libtycho (tycho_apibench_tycho). bench/api/compare.py
// runs both and prints the ratios (README: "Performance").
//
// Each benchmark does kOps API operations per iteration, so that the
// benchmark loop's own cost is small beside them.
#include <benchmark/benchmark.h>

#include <cstring>

#include "lua.hpp"

namespace {

constexpr int kOps = 1000;

struct State {
  lua_State* L = luaL_newstate();
  State() { luaL_openlibs(L); }
  ~State() { lua_close(L); }
  void run(const char* chunk) {
    if (luaL_dostring(L, chunk) != LUA_OK) std::abort();
  }
};

// Pushes of each kind, then a pop: the stack's fast paths.
void BM_Push(benchmark::State& state) {
  State s;
  for (auto _ : state) {
    for (int i = 0; i < kOps; i++) {
      lua_pushinteger(s.L, i);
      lua_pushnumber(s.L, 0.5);
      lua_pushboolean(s.L, 1);
      lua_pushnil(s.L);
      lua_pushlightuserdata(s.L, &s);
      lua_pop(s.L, 5);
    }
  }
  state.SetItemsProcessed(state.iterations() * kOps * 5);
}
BENCHMARK(BM_Push);

// Short strings (interned) and a longer one.
void BM_PushString(benchmark::State& state) {
  State s;
  static const char* const kWords[] = {"alpha", "beta", "gamma", "delta"};
  const char* longText = "a string longer than forty bytes, so not interned";
  for (auto _ : state) {
    for (int i = 0; i < kOps; i++) {
      lua_pushstring(s.L, kWords[i & 3]);
      lua_pushlstring(s.L, longText, std::strlen(longText));
      lua_pop(s.L, 2);
    }
  }
  state.SetItemsProcessed(state.iterations() * kOps * 2);
}
BENCHMARK(BM_PushString);

// Reading values back: types, numbers, strings.
void BM_Access(benchmark::State& state) {
  State s;
  lua_pushinteger(s.L, 42);
  lua_pushnumber(s.L, 2.5);
  lua_pushstring(s.L, "text");
  long long sum = 0;
  for (auto _ : state) {
    for (int i = 0; i < kOps; i++) {
      sum += lua_type(s.L, 1) + lua_tointeger(s.L, 1);
      sum += static_cast<long long>(lua_tonumber(s.L, 2));
      size_t len;
      sum += static_cast<long long>(std::strlen(lua_tolstring(s.L, 3, &len)) + len);
    }
  }
  benchmark::DoNotOptimize(sum);
  state.SetItemsProcessed(state.iterations() * kOps * 3);
}
BENCHMARK(BM_Access);

// lua_call of a Lua function from C.
void BM_CallLua(benchmark::State& state) {
  State s;
  s.run("function add(a, b) return a + b end");
  lua_getglobal(s.L, "add");
  int f = lua_gettop(s.L);
  for (auto _ : state) {
    for (int i = 0; i < kOps; i++) {
      lua_pushvalue(s.L, f);
      lua_pushinteger(s.L, i);
      lua_pushinteger(s.L, 1);
      lua_call(s.L, 2, 1);
      lua_pop(s.L, 1);
    }
  }
  state.SetItemsProcessed(state.iterations() * kOps);
}
BENCHMARK(BM_CallLua);

// lua_pcall of the same function (a protected call per operation).
void BM_PcallLua(benchmark::State& state) {
  State s;
  s.run("function add(a, b) return a + b end");
  lua_getglobal(s.L, "add");
  int f = lua_gettop(s.L);
  for (auto _ : state) {
    for (int i = 0; i < kOps; i++) {
      lua_pushvalue(s.L, f);
      lua_pushinteger(s.L, i);
      lua_pushinteger(s.L, 1);
      if (lua_pcall(s.L, 2, 1, 0) != LUA_OK) std::abort();
      lua_pop(s.L, 1);
    }
  }
  state.SetItemsProcessed(state.iterations() * kOps);
}
BENCHMARK(BM_PcallLua);

int cAdd(lua_State* L) {
  lua_pushinteger(L, luaL_checkinteger(L, 1) + luaL_checkinteger(L, 2));
  return 1;
}

// A C function called from a Lua loop.
void BM_CallC(benchmark::State& state) {
  State s;
  lua_register(s.L, "cadd", cAdd);
  s.run("function loop(n) local x = 0 for i = 1, n do x = cadd(x, i) end return x end");
  lua_getglobal(s.L, "loop");
  int f = lua_gettop(s.L);
  for (auto _ : state) {
    lua_pushvalue(s.L, f);
    lua_pushinteger(s.L, kOps);
    lua_call(s.L, 1, 1);
    lua_pop(s.L, 1);
  }
  state.SetItemsProcessed(state.iterations() * kOps);
}
BENCHMARK(BM_CallC);

// Table fields through the API: lua_setfield / lua_getfield.
void BM_TableFields(benchmark::State& state) {
  State s;
  lua_createtable(s.L, 0, 4);
  int t = lua_gettop(s.L);
  static const char* const kKeys[] = {"x", "y", "z", "w"};
  for (auto _ : state) {
    for (int i = 0; i < kOps; i++) {
      lua_pushinteger(s.L, i);
      lua_setfield(s.L, t, kKeys[i & 3]);
      lua_getfield(s.L, t, kKeys[(i + 1) & 3]);
      lua_pop(s.L, 1);
    }
  }
  state.SetItemsProcessed(state.iterations() * kOps * 2);
}
BENCHMARK(BM_TableFields);

// An array through the API: lua_rawseti / lua_rawgeti, and lua_geti/seti.
void BM_TableArray(benchmark::State& state) {
  State s;
  lua_createtable(s.L, kOps, 0);
  int t = lua_gettop(s.L);
  for (auto _ : state) {
    for (int i = 1; i <= kOps; i++) {
      lua_pushinteger(s.L, i);
      lua_rawseti(s.L, t, i);
      lua_rawgeti(s.L, t, i);
      lua_seti(s.L, t, i);
      lua_geti(s.L, t, i);
      lua_pop(s.L, 1);
    }
  }
  state.SetItemsProcessed(state.iterations() * kOps * 4);
}
BENCHMARK(BM_TableArray);

// luaL_Buffer: characters, pieces, and the result string.
void BM_Buffer(benchmark::State& state) {
  State s;
  for (auto _ : state) {
    luaL_Buffer b;
    luaL_buffinit(s.L, &b);
    for (int i = 0; i < kOps; i++) {
      luaL_addchar(&b, char('a' + (i & 15)));
      luaL_addlstring(&b, "piece", 5);
    }
    luaL_pushresult(&b);
    lua_pop(s.L, 1);
  }
  state.SetItemsProcessed(state.iterations() * kOps * 2);
}
BENCHMARK(BM_Buffer);

// Userdata: creation with a metatable (the collector frees them).
void BM_Userdata(benchmark::State& state) {
  State s;
  luaL_newmetatable(s.L, "bench.box");
  lua_pop(s.L, 1);
  for (auto _ : state) {
    for (int i = 0; i < kOps; i++) {
      void* p = lua_newuserdatauv(s.L, 32, 1);
      benchmark::DoNotOptimize(p);
      luaL_setmetatable(s.L, "bench.box");
      lua_pop(s.L, 1);
    }
  }
  state.SetItemsProcessed(state.iterations() * kOps);
}
BENCHMARK(BM_Userdata);

}  // namespace

BENCHMARK_MAIN();
