// String library behaviour that the differential Lua tests cannot check:
// where Tycho deliberately differs from lua5.4 (string.dump's format, an empty
// string.rep of enormous count, the contents of the string metatable), the
// memory limit applied to the library's buffers, and the position helpers.
#include <doctest/doctest.h>

#include <string>

#include "tests/unit/TestEngine.hpp"
#include "runtime/State.hpp"
#include "runtime/String.hpp"
#include "stdlib/Lib.hpp"
#include "stdlib/StringLib.hpp"
#include "vm/Debug.hpp"
#include "vm/Load.hpp"
#include "vm/Vm.hpp"

using namespace tycho;

namespace {

using Engine = TestEngine;

}  // namespace

TEST_CASE("string.dump: Lua functions only; the chunk is Tycho's own format") {
  Engine e;
  // The signature, version 5.4 (0x54, "T") and format "T" (Tycho's, not PUC Lua's 0).
  CHECK(e.eval("return string.dump(function() end):sub(1, 6)") == "\x1b" "LuaTT");
  CHECK(e.eval("return string.dump(print)") == "error: t:1: unable to dump given function");
  CHECK(e.eval("return string.dump(1)") == "error: t:1: bad argument #1 to 'dump' (function expected, got number)");
}

TEST_CASE("string.rep of an empty result returns at once (lua5.4 loops count times)") {
  Engine e;
  CHECK(e.eval("return string.rep('', math.maxinteger)") == "");
  CHECK(e.eval("return string.rep('', math.maxinteger, '')") == "");
  CHECK(e.eval("return string.rep('x', math.maxinteger)") == "error: t:1: resulting string too large");
}

TEST_CASE("the string metatable: __index and Lua's arithmetic metamethods; the VM core does string arithmetic") {
  Engine e;
  CHECK(e.eval("local n = 0 for k in pairs(getmetatable('')) do n = n + 1 end return tostring(n)") == "9");
  CHECK(e.eval("return tostring(getmetatable('').__index == string)") == "true");
  CHECK(e.eval("return tostring('10' + 1) .. tostring('3' * '4')") == "1112");
}

TEST_CASE("library buffers count against the state's memory limit") {
  Engine e;
  G(e.L)->memoryLimit = G(e.L)->totalBytes + 8 * 1024 * 1024;
  CHECK(e.eval("return string.rep('x', 64 * 1024 * 1024)") == "error: not enough memory");
  CHECK(e.eval("return string.format('%s', string.rep('x', 1024)):sub(1, 3)") == "xxx");
  CHECK(e.eval("return (string.rep('ab', 1024 * 1024):gsub('a', 'aaaaaaaaaa'))") == "error: not enough memory");
  CHECK(e.eval("return string.pack('c100000000', 'a')") == "error: not enough memory");
  G(e.L)->memoryLimit = 0;
  CHECK(e.eval("return string.rep('x', 3)") == "xxx");
}

TEST_CASE("string positions follow §6.4") {
  using lib::endPosition;
  using lib::startPosition;
  CHECK(startPosition(1, 5) == 1);
  CHECK(startPosition(0, 5) == 1);
  CHECK(startPosition(-1, 5) == 5);
  CHECK(startPosition(-5, 5) == 1);
  CHECK(startPosition(-6, 5) == 1);
  CHECK(startPosition(INT64_MIN, 5) == 1);
  CHECK(startPosition(7, 5) == 7);
  CHECK(endPosition(7, 5) == 5);
  CHECK(endPosition(0, 5) == 0);
  CHECK(endPosition(-1, 5) == 5);
  CHECK(endPosition(-5, 5) == 1);
  CHECK(endPosition(-6, 5) == 0);
  CHECK(endPosition(INT64_MIN, 5) == 0);
  CHECK(endPosition(INT64_MAX, 5) == 5);
}
