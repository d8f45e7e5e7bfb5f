// The C API's cost, for the same host code built twice (bench/CMakeLists.txt):
// against Lua 5.4's headers and liblua5.4 (tycho_apibench_lua), and against
// Tycho's headers and libtycho (tycho_apibench_tycho). bench/api/compare.py
// runs both and prints the ratios (README: "Performance").
//
// Each row prepares a state once (setup), then does rounds of kOps
// iterations of API operations (run), so that the benchmark loop's own cost
// is small beside them. Run as `tycho_apibench_* --count ROW ROUNDS`, a
// binary does ROUNDS rounds of one row without Google Benchmark and prints
// the operations they did: compare.py --instructions runs that under
// callgrind with two round counts, and the difference is the instructions
// of the operations alone (setup and process start cancel out).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "lua.hpp"

namespace {

constexpr int kOps = 1000;

struct State {
  lua_State* L = luaL_newstate();
  State() { luaL_openlibs(L); }
  ~State() { lua_close(L); }
};

void run(lua_State* L, const char* chunk) {
  if (luaL_dostring(L, chunk) != LUA_OK) std::abort();
}

// A row: its name, the operations per iteration, the state's setup (what
// it leaves on the stack, the rows find at its top) and the measured loop,
// which returns a value the compiler must compute.
struct Row {
  const char* name;
  int opsPerIteration;
  void (*setup)(lua_State* L);
  long long (*rounds)(lua_State* L, int64_t n);
};

void noSetup(lua_State*) {}

// Pushes of each kind, then a pop: the stack's fast paths.
long long pushRounds(lua_State* L, int64_t n) {
  static int anchor;
  for (int64_t r = 0; r < n; r++) {
    for (int i = 0; i < kOps; i++) {
      lua_pushinteger(L, i);
      lua_pushnumber(L, 0.5);
      lua_pushboolean(L, 1);
      lua_pushnil(L);
      lua_pushlightuserdata(L, &anchor);
      lua_pop(L, 5);
    }
  }
  return 0;
}

// Short strings (interned) and a longer one.
long long pushStringRounds(lua_State* L, int64_t n) {
  static const char* const kWords[] = {"alpha", "beta", "gamma", "delta"};
  const char* longText = "a string longer than forty bytes, so not interned";
  for (int64_t r = 0; r < n; r++) {
    for (int i = 0; i < kOps; i++) {
      lua_pushstring(L, kWords[i & 3]);
      lua_pushlstring(L, longText, std::strlen(longText));
      lua_pop(L, 2);
    }
  }
  return 0;
}

// Reading values back: types, numbers, strings.
void accessSetup(lua_State* L) {
  lua_pushinteger(L, 42);
  lua_pushnumber(L, 2.5);
  lua_pushstring(L, "text");
}

long long accessRounds(lua_State* L, int64_t n) {
  long long sum = 0;
  for (int64_t r = 0; r < n; r++) {
    for (int i = 0; i < kOps; i++) {
      sum += lua_type(L, 1) + lua_tointeger(L, 1);
      sum += static_cast<long long>(lua_tonumber(L, 2));
      size_t len;
      sum += static_cast<long long>(std::strlen(lua_tolstring(L, 3, &len)) + len);
    }
  }
  return sum;
}

void addSetup(lua_State* L) {
  run(L, "function add(a, b) return a + b end");
  lua_getglobal(L, "add");
}

// lua_call of a Lua function from C.
long long callLuaRounds(lua_State* L, int64_t n) {
  int f = lua_gettop(L);
  for (int64_t r = 0; r < n; r++) {
    for (int i = 0; i < kOps; i++) {
      lua_pushvalue(L, f);
      lua_pushinteger(L, i);
      lua_pushinteger(L, 1);
      lua_call(L, 2, 1);
      lua_pop(L, 1);
    }
  }
  return 0;
}

// lua_pcall of the same function (a protected call per operation).
long long pcallLuaRounds(lua_State* L, int64_t n) {
  int f = lua_gettop(L);
  for (int64_t r = 0; r < n; r++) {
    for (int i = 0; i < kOps; i++) {
      lua_pushvalue(L, f);
      lua_pushinteger(L, i);
      lua_pushinteger(L, 1);
      if (lua_pcall(L, 2, 1, 0) != LUA_OK) std::abort();
      lua_pop(L, 1);
    }
  }
  return 0;
}

int cAdd(lua_State* L) {
  lua_pushinteger(L, luaL_checkinteger(L, 1) + luaL_checkinteger(L, 2));
  return 1;
}

void callCSetup(lua_State* L) {
  lua_register(L, "cadd", cAdd);
  run(L, "function loop(n) local x = 0 for i = 1, n do x = cadd(x, i) end return x end");
  lua_getglobal(L, "loop");
}

// A C function called from a Lua loop (kOps calls per iteration).
long long callCRounds(lua_State* L, int64_t n) {
  int f = lua_gettop(L);
  for (int64_t r = 0; r < n; r++) {
    lua_pushvalue(L, f);
    lua_pushinteger(L, kOps);
    lua_call(L, 1, 1);
    lua_pop(L, 1);
  }
  return 0;
}

// Table fields through the API: lua_setfield / lua_getfield.
void fieldsSetup(lua_State* L) { lua_createtable(L, 0, 4); }

long long tableFieldsRounds(lua_State* L, int64_t n) {
  static const char* const kKeys[] = {"x", "y", "z", "w"};
  int t = lua_gettop(L);
  for (int64_t r = 0; r < n; r++) {
    for (int i = 0; i < kOps; i++) {
      lua_pushinteger(L, i);
      lua_setfield(L, t, kKeys[i & 3]);
      lua_getfield(L, t, kKeys[(i + 1) & 3]);
      lua_pop(L, 1);
    }
  }
  return 0;
}

// An array through the API: lua_rawseti / lua_rawgeti, and lua_geti/seti.
void arraySetup(lua_State* L) { lua_createtable(L, kOps, 0); }

long long tableArrayRounds(lua_State* L, int64_t n) {
  int t = lua_gettop(L);
  for (int64_t r = 0; r < n; r++) {
    for (int i = 1; i <= kOps; i++) {
      lua_pushinteger(L, i);
      lua_rawseti(L, t, i);
      lua_rawgeti(L, t, i);
      lua_seti(L, t, i);
      lua_geti(L, t, i);
      lua_pop(L, 1);
    }
  }
  return 0;
}

// luaL_Buffer: characters, pieces, and the result string.
long long bufferRounds(lua_State* L, int64_t n) {
  for (int64_t r = 0; r < n; r++) {
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (int i = 0; i < kOps; i++) {
      luaL_addchar(&b, char('a' + (i & 15)));
      luaL_addlstring(&b, "piece", 5);
    }
    luaL_pushresult(&b);
    lua_pop(L, 1);
  }
  return 0;
}

// Userdata: creation with a metatable (the collector frees them).
void userdataSetup(lua_State* L) {
  luaL_newmetatable(L, "bench.box");
  lua_pop(L, 1);
}

long long userdataRounds(lua_State* L, int64_t n) {
  long long sum = 0;
  for (int64_t r = 0; r < n; r++) {
    for (int i = 0; i < kOps; i++) {
      void* p = lua_newuserdatauv(L, 32, 1);
      sum += reinterpret_cast<uintptr_t>(p) & 1;
      luaL_setmetatable(L, "bench.box");
      lua_pop(L, 1);
    }
  }
  return sum;
}

const Row kRows[] = {
    {"BM_Push", 5, noSetup, pushRounds},
    {"BM_PushString", 2, noSetup, pushStringRounds},
    {"BM_Access", 3, accessSetup, accessRounds},
    {"BM_CallLua", 1, addSetup, callLuaRounds},
    {"BM_PcallLua", 1, addSetup, pcallLuaRounds},
    {"BM_CallC", 1, callCSetup, callCRounds},
    {"BM_TableFields", 2, fieldsSetup, tableFieldsRounds},
    {"BM_TableArray", 4, arraySetup, tableArrayRounds},
    {"BM_Buffer", 2, noSetup, bufferRounds},
    {"BM_Userdata", 1, userdataSetup, userdataRounds},
};

void measure(benchmark::State& state, const Row* row) {
  State s;
  row->setup(s.L);
  for (auto _ : state) benchmark::DoNotOptimize(row->rounds(s.L, 1));
  state.SetItemsProcessed(state.iterations() * kOps * row->opsPerIteration);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 4 && std::strcmp(argv[1], "--count") == 0) {
    for (const Row& row : kRows) {
      if (std::strcmp(row.name, argv[2]) != 0) continue;
      State s;
      row.setup(s.L);
      long long rounds = std::atoll(argv[3]);
      long long result = row.rounds(s.L, rounds);
      std::printf("%lld %lld\n", rounds * kOps * row.opsPerIteration, result);
      return 0;
    }
    std::fprintf(stderr, "no row %s\n", argv[2]);
    return 1;
  }
  for (const Row& row : kRows) benchmark::RegisterBenchmark(row.name, measure, &row);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
