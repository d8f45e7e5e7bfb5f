// The interpreter's poll (vm/Vm.hpp servicePoll): requested work is done on
// function entry and at backward jumps (an integer for loop's once in a batch
// of 64 iterations), so that even a loop that calls nothing can be
// interrupted (requestInterrupt, the command line's SIGINT).
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <thread>

#include "TestEngine.hpp"
#include "stdlib/Lib.hpp"

using namespace tycho;

namespace {

int interruptNow(lua_State* L) {
  requestInterrupt(L);
  return 0;
}

void addInterruptFunction(TestEngine& e) {
  lib::setFunction(e.L, globalsTable(e.L), "interrupt", interruptNow);
}

}  // namespace

TEST_CASE("an interrupt stops a loop that calls nothing, at its back-edge") {
  TestEngine e;
  addInterruptFunction(e);
  // The position is that of the interrupted function's caller (level 1), as
  // lua's: none when the caller is pcall, a native function.
  CHECK(e.eval("local ok, m = pcall(function() interrupt() while true do end end) return m") == "interrupted!");
  CHECK(e.eval("local function f() interrupt() local i = 0 repeat i = i + 1 until false end\n"
               "local ok, m = pcall(function()\n f()\n end) return m") == "t:3: interrupted!");
  CHECK(e.eval("local ok, m = pcall(function() interrupt() for i = 1, math.maxinteger do end end) return m") ==
        "interrupted!");
  CHECK(e.eval("local ok, m = pcall(function() interrupt() for i = 1.0, math.huge do end end) return m") ==
        "interrupted!");
  CHECK(e.eval("local t = setmetatable({}, {__index = function(t, i) return i end})\n"
               "local ok, m = pcall(function() interrupt() for _ in ipairs(t) do end end) return m") == "interrupted!");
  CHECK(e.eval("local ok, m = pcall(function() interrupt() local i = 0 while i >= 0 do i = i + 1 end end) return m") ==
        "interrupted!");
  // An integer for loop polls once in a batch of 64 iterations: the
  // interrupt stops it within one batch, not at its end.
  CHECK(e.eval("local n = 0\n"
               "local ok, m = pcall(function() interrupt() for i = 1, 100000 do n = i end end)\n"
               "return m .. ' ' .. tostring(n >= 1 and n <= 64)") == "interrupted! true");
  // The request is consumed: the state goes on.
  CHECK(e.eval("local s = 0 for i = 1, 1000 do s = s + i end return tostring(s)") == "500500");
}

TEST_CASE("an interrupt is taken when the next Lua function is entered") {
  TestEngine e;
  addInterruptFunction(e);
  CHECK(e.eval("local function g() return 1 end\n"
               "local ok, m = pcall(function() interrupt(); g() end) return m") == "t:2: interrupted!");
}

TEST_CASE("an interrupt can come from another thread") {
  TestEngine e;
  std::thread other([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    requestInterrupt(e.L);
  });
  std::string result = e.exec("local i = 0 while true do i = i + 1 end");
  other.join();
  CHECK(result == "interrupted!");
}
