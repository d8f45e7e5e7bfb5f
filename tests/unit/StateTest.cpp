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

// CallInfo records are carved from blocks in list order (runtime/State.cpp
// newCallInfo): consecutive ones sizeof(CallInfo) apart, which is no multiple
// of a Value's 16 bytes, so that frames a fixed number of slots apart do not
// share their records' addresses modulo 4096 at every depth. Shrinking keeps
// the block in use and frees the others.
TEST_CASE("CallInfo records are carved from blocks, sizeof(CallInfo) apart, and freed by blocks") {
  TestEngine e;
  lua_State* L = e.L;
  static_assert(sizeof(CallInfo) % 16 != 0);
  CHECK(e.exec("local function f(n) if n > 0 then return 1 + f(n - 1) end return 0 end assert(f(100) == 100)") == "");
  int records = 0, inBlock = 0, adjacent = 0;
  for (CallInfo* ci = L->baseCi.next; ci; ci = ci->next) {
    records++;
    if (ci->next && ci->chunkIndex + 1 == ci->next->chunkIndex) {
      inBlock++;
      adjacent += reinterpret_cast<char*>(ci->next) - reinterpret_cast<char*>(ci) == ptrdiff_t(sizeof(CallInfo));
    }
    CHECK((ci->next == nullptr || ci->next->previous == ci));
  }
  CHECK(records >= 100);
  CHECK(inBlock >= 70);
  CHECK(adjacent == inBlock);
  // Back at the bottom, shrinking leaves at most the rest of one block.
  shrinkCallInfo(L);
  int left = 0;
  for (CallInfo* ci = L->ci->next; ci; ci = ci->next) left++;
  CHECK(left < 16);
  // Deep again: the list grows from where it was cut, still in order.
  CHECK(e.exec("local function f(n) if n > 0 then return 1 + f(n - 1) end return 0 end assert(f(50) == 50)") == "");
  int again = 0;
  for (CallInfo* ci = L->baseCi.next; ci && ci->next; ci = ci->next) {
    if (ci->chunkIndex + 1 == ci->next->chunkIndex) {
      again++;
      CHECK(reinterpret_cast<char*>(ci->next) - reinterpret_cast<char*>(ci) == ptrdiff_t(sizeof(CallInfo)));
    }
  }
  CHECK(again >= 30);
  CHECK(e.exec("collectgarbage()") == "");
}
