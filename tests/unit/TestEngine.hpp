// A Lua state with the standard libraries, for the unit tests that run Lua
// code: exec runs a chunk for its effects, eval for its first result.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "api/ReadyState.hpp"
#include "runtime/State.hpp"
#include "runtime/String.hpp"
#include "stdlib/Lib.hpp"
#include "vm/Debug.hpp"
#include "vm/Load.hpp"
#include "vm/Vm.hpp"

namespace tycho {

struct TestEngine {
  lua_State* L = api::newReadyState();

  TestEngine() { REQUIRE(L != nullptr); }
  explicit TestEngine(const api::StateOptions& options) : L(api::newReadyState(options)) { REQUIRE(L != nullptr); }
  ~TestEngine() { closeLuaState(L); }
  TestEngine(const TestEngine&) = delete;
  TestEngine& operator=(const TestEngine&) = delete;

  // Runs `src`; returns "" or the error message.
  std::string exec(const std::string& src) {
    ptrdiff_t base = saveStack(L, L->top);  // an offset: the code may grow (move) the stack
    if (loadSource(L, src, "=t") != kOk || protectedCall(L, L->top - 1, 0) != kOk) {
      std::string msg = errorText();
      L->top = restoreStack(L, base);
      return msg;
    }
    L->top = restoreStack(L, base);
    return "";
  }

  // Runs `src`: its first result as text ("nil" when it returns nothing,
  // "(value)" for other kinds), or "error: " and the message.
  std::string eval(const std::string& src) {
    ptrdiff_t base = saveStack(L, L->top);  // an offset: the code may grow (move) the stack
    if (loadSource(L, src, "=t") != kOk || protectedCall(L, L->top - 1, 1) != kOk) {
      std::string msg = errorText();
      L->top = restoreStack(L, base);
      return "error: " + msg;
    }
    Value v = L->top[-1];
    std::string out = v.isString() ? std::string(view(v.asString())) : v.isNil() ? "nil" : "(value)";
    L->top = restoreStack(L, base);
    return out;
  }

 private:
  std::string errorText() const {
    return L->top[-1].isString() ? std::string(view(L->top[-1].asString())) : "(not a string)";
  }
};

}  // namespace tycho
