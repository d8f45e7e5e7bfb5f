// MicroEngine: a Lua state with the standard library for the micro-benchmarks,
// and the helpers they share: running a chunk, calling a global function
// with an integer argument, and keeping objects rooted on the stack.
//
// Lua-level benchmarks define `run(n)`, a function that performs the
// operation under test n times in a loop; one benchmark iteration calls it
// once with kOpsPerCall, and the reported items/s count operations. An
// "empty loop" benchmark gives the cost of the loop itself.
#pragma once

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "api/ReadyState.hpp"
#include "runtime/State.hpp"
#include "runtime/String.hpp"
#include "runtime/Table.hpp"
#include "stdlib/Lib.hpp"
#include "vm/Debug.hpp"
#include "vm/Load.hpp"
#include "vm/Vm.hpp"

namespace tycho::micro {

constexpr int kOpsPerCall = 1000;

class MicroEngine {
 public:
  MicroEngine() : L(api::newReadyState()) {}
  ~MicroEngine() { closeLuaState(L); }
  MicroEngine(const MicroEngine&) = delete;
  MicroEngine& operator=(const MicroEngine&) = delete;

  // Runs a chunk; a benchmark cannot continue after an error, so it aborts.
  void run(const std::string& source) {
    if (loadSource(L, source, "=micro") != kOk || protectedCall(L, L->top - 1, 0) != kOk) fail();
  }

  // Calls global function `name` with one integer argument, no results.
  void call(const char* name, Integer arg) {
    *L->top++ = global(name);
    *L->top++ = Value::integer(arg);
    if (protectedCall(L, L->top - 2, 0) != kOk) fail();
  }

  Value global(const char* name) {
    String* key = newString(L, name);
    return *tableGetString(G(L), globalsTable(L), key);
  }

  // Pushes a new table onto the stack (rooting it) and returns it.
  Table* pushTable() {
    Table* t = newTable(L);
    ensureStack(L, 1);
    *L->top++ = Value::table(t);
    return t;
  }

  String* pushString(std::string_view s) {
    String* str = newString(L, s);
    ensureStack(L, 1);  // a benchmark may push a thousand of them
    *L->top++ = Value::string(str);
    return str;
  }

  lua_State* const L;

 private:
  [[noreturn]] void fail() {
    const Value& message = L->top[-1];
    std::fprintf(stderr, "micro-benchmark chunk failed: %s\n",
                 message.isString() ? std::string(view(message.asString())).c_str() : "(not a string)");
    std::abort();
  }
};

// Runs `setup` (a chunk), then defines run(n): `locals` (declarations of
// the locals the loop uses), then a loop of n times `body` (which may use the
// loop variable i). Times run(kOpsPerCall) and counts kOpsPerCall items per
// call. The first form is for an engine that the caller has prepared.
inline void runLuaLoop(benchmark::State& state, MicroEngine& engine, const std::string& setup,
                       const std::string& locals, const std::string& body) {
  engine.run(setup + "\nfunction run(n)\n  " + locals + "\n  for i = 1, n do\n    " + body + "\n  end\nend\n");
  for (auto _ : state) engine.call("run", kOpsPerCall);
  state.SetItemsProcessed(state.iterations() * kOpsPerCall);
}

inline void runLuaLoop(benchmark::State& state, const std::string& setup, const std::string& locals,
                       const std::string& body) {
  MicroEngine engine;
  runLuaLoop(state, engine, setup, locals, body);
}

}  // namespace tycho::micro
