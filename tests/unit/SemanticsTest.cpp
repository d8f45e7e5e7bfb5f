// Semantics where Tycho follows the Lua 5.4 manual rather than Debian's
// lua5.4 build (which enables 5.3 compatibility), so the differential tests
// cannot check them.
#include <doctest/doctest.h>

#include <string>

#include "api/ReadyState.hpp"
#include "runtime/State.hpp"
#include "runtime/String.hpp"
#include "stdlib/Lib.hpp"
#include "vm/Debug.hpp"
#include "vm/Load.hpp"
#include "vm/Vm.hpp"

using namespace tycho;

namespace {

// Runs `src` and returns its error message, or "" when it succeeds.
std::string runError(const std::string& src) {
  lua_State* L = api::newReadyState();
  std::string result;
  if (loadSource(L, src, "=t") != kOk || protectedCall(L, L->top - 1, 0) != kOk) {
    result = L->top[-1].isString() ? std::string(view(L->top[-1].asString())) : "(not a string)";
  }
  closeState(L);
  return result;
}

}  // namespace

TEST_CASE("__le is not emulated with __lt (manual §8.1)") {
  CHECK(runError("local mt = {__lt = function(a, b) return true end}\n"
                 "local a, b = setmetatable({}, mt), setmetatable({}, mt)\n"
                 "return a <= b") == "t:3: attempt to compare two table values");
  CHECK(runError("local mt = {__lt = function(a, b) return true end}\n"
                 "local a, b = setmetatable({}, mt), setmetatable({}, mt)\n"
                 "assert(a < b and b > a)") == "");
  CHECK(runError("local mt = {__le = function(a, b) return true end}\n"
                 "local a = setmetatable({}, mt)\n"
                 "assert(a <= a and a >= a)") == "");
}
