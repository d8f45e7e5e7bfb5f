// Debug library behaviour that Lua scripts cannot reach: user values of a
// userdata that has some (the standard library makes none), a hook set from
// native code ("external hook"), and the events such a hook receives.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "tests/unit/TestEngine.hpp"
#include "runtime/Function.hpp"
#include "runtime/State.hpp"
#include "runtime/String.hpp"
#include "stdlib/Lib.hpp"
#include "vm/Debug.hpp"
#include "vm/Hook.hpp"
#include "vm/Load.hpp"
#include "vm/Vm.hpp"

using namespace tycho;

namespace {

using Engine = TestEngine;

std::vector<std::string>* recorded = nullptr;

void recordingHook(lua_State*, int event, int line) {
  recorded->push_back(std::to_string(event) + ":" + std::to_string(line));
}

}  // namespace

TEST_CASE("debug.getuservalue and setuservalue: the n-th user value and its presence") {
  Engine e;
  lua_State* L = e.L;
  Userdata* u = newUserdata(L, 8, 2);
  *L->top++ = Value::userdata(u);
  lib::pushString(L, "ud");
  tableSet(L, globalsTable(L), L->top[-1], L->top[-2]);
  L->top -= 2;
  CHECK(e.eval("local v, ok = debug.getuservalue(ud, 1) return tostring(v) .. ' ' .. tostring(ok)") == "nil true");
  CHECK(e.eval("return tostring(debug.setuservalue(ud, 'first') == ud)") == "true");
  CHECK(e.eval("return tostring(debug.setuservalue(ud, {x = 'second'}, 2) == ud)") == "true");
  CHECK(e.eval("local v, ok = debug.getuservalue(ud) return v .. ' ' .. tostring(ok)") == "first true");
  CHECK(e.eval("return debug.getuservalue(ud, 2).x") == "second");
  // past the user values: fail, and only one result
  CHECK(e.eval("return tostring(select('#', debug.getuservalue(ud, 3)))") == "1");
  CHECK(e.eval("return tostring(debug.getuservalue(ud, 0))") == "nil");
  CHECK(e.eval("return tostring(debug.setuservalue(ud, 1, 3))") == "nil");
  CHECK(e.eval("return tostring(debug.setuservalue(ud, 1, -1))") == "nil");
  // the values are kept alive by the userdata
  CHECK(e.eval("collectgarbage() return debug.getuservalue(ud, 2).x") == "second");
}

TEST_CASE("debug.gethook: a hook set from native code is an external hook") {
  Engine e;
  lua_State* L = e.L;
  std::vector<std::string> events;
  recorded = &events;
  setHook(L, recordingHook, kMaskCount, 4);
  CHECK(e.eval("local h, mask, count = debug.gethook() return h .. '|' .. mask .. '|' .. count") ==
        "external hook||4");
  setHook(L, nullptr, 0, 0);
  CHECK(e.eval("return tostring(debug.gethook())") == "nil");
  // the native hook gets count events (line -1) and line events
  events.clear();
  setHook(L, recordingHook, kMaskLine, 0);
  e.eval("local a = 1\nlocal b = 2\n");
  setHook(L, nullptr, 0, 0);
  REQUIRE(events.size() >= 2);
  CHECK(events[0] == "2:1");
  CHECK(events[1] == "2:2");
  events.clear();
  setHook(L, recordingHook, kMaskCall | kMaskReturn, 0);
  e.eval("local function f() end f()");
  setHook(L, nullptr, 0, 0);
  // the chunk, f, their returns
  CHECK(events == std::vector<std::string>{"0:-1", "0:-1", "1:-1", "1:-1"});
  // a hook with an empty mask is no hook
  setHook(L, recordingHook, 0, 0);
  CHECK(!L->hook);
  recorded = nullptr;
}
