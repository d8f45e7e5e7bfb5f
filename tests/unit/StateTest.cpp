// Threads and their stacks (runtime/State.hpp).
#include <doctest/doctest.h>

#include <cstdint>

#include "TestEngine.hpp"

using namespace tycho;

// A store to a stack slot that shares its address modulo 4096 with a field
// of the lua_State makes the next load of that field wait (4K aliasing): the
// main thread's busiest slots, its lowest, must share none with the state.
TEST_CASE("the main thread's lowest stack slots share no address bits modulo 4096 with its lua_State") {
  TestEngine e;
  lua_State* L = e.L;
  uintptr_t stateStart = (reinterpret_cast<uintptr_t>(L) - kThreadPrefix) & 4095;
  uintptr_t stateBytes = kThreadPrefix + sizeof(lua_State);
  // Growing the stack moves it: the new block is placed the same way.
  for (int round = 0; round < 2; round++) {
    for (int k = 0; k < 200; k++) {
      uintptr_t slot = reinterpret_cast<uintptr_t>(L->stack + k) & 4095;
      for (uintptr_t byte = 0; byte < sizeof(Value); byte += 8) {
        uintptr_t distance = (slot + byte - stateStart) & 4095;
        INFO("round " << round << ", slot " << k);
        CHECK(distance >= stateBytes);
      }
    }
    ensureStack(L, 5000);
  }
}
