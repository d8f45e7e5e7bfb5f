// VarInfo and Debug: the variable information of runtime error messages and
// the function names of tracebacks, compared with the exact text lua5.4
// prints for the same code (every expected string below is Lua 5.4.8's output;
// comments mark where Debian's 5.4.4 differs).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "compiler/Opcodes.hpp"
#include "runtime/State.hpp"
#include "runtime/String.hpp"
#include "stdlib/Lib.hpp"
#include "vm/Debug.hpp"
#include "vm/Load.hpp"
#include "vm/VarInfo.hpp"
#include "vm/Vm.hpp"

using namespace tycho;

namespace {

// A message handler that appends a traceback, as the command line's does.
int tracebackHandler(lua_State* L) {
  Value msg = lib::arg(L, 1);
  std::string text = msg.isString() ? std::string(view(msg.asString())) : "(no message)";
  lib::pushString(L, text + "\n" + traceback(L, 1));
  return 1;
}

// The traceback name of the native function's own frame ("local 'w'").
int whoAmI(lua_State* L) {
  lib::pushString(L, functionName(L, L->ci));
  return 1;
}

// Calls its first argument: chunks run under a native level, as the command
// line (and lua.c) runs them, which tracebacks show as "[C]: in ?".
int hostCall(lua_State* L) {
  call(L, lib::args(L), kMultRet);
  return int(L->top - lib::args(L));
}

struct Runner {
  lua_State* L = newState();

  Runner() {
    REQUIRE(L != nullptr);
    lib::openBase(L);
    L->top--;  // the global table
    installErrorHandlerHook(G(L));
    lib::setFunction(L, globalsTable(L), "whoami", whoAmI);
  }
  ~Runner() { closeState(L); }

  // Runs `src` (chunk name "t") and returns its error message, its first
  // result as a string, or "OK".
  std::string run(const std::string& src, bool withTraceback = false) {
    StkId start = L->top;
    ptrdiff_t startOff = saveStack(L, start);
    ptrdiff_t handler = 0;
    if (withTraceback) {
      handler = saveStack(L, L->top);
      *L->top++ = Value::lightFunction(tracebackHandler);
    }
    if (loadSource(L, src, "=t") != kOk) {
      std::string msg = "syntax: " + std::string(view(L->top[-1].asString()));
      L->top = restoreStack(L, startOff);
      return msg;
    }
    Value chunk = L->top[-1];
    L->top[-1] = Value::lightFunction(hostCall);
    *L->top++ = chunk;
    int status = protectedCall(L, L->top - 2, 1, handler);
    Value v = L->top[-1];
    std::string out = "OK";
    if (status != kOk) out = v.isString() ? std::string(view(v.asString())) : "(error object)";
    else if (v.isString()) out = std::string(view(v.asString()));
    L->top = restoreStack(L, startOff);
    return out;
  }

  // Compiles `src` and returns its main prototype (kept alive on the stack).
  const Proto* compile(const std::string& src) {
    REQUIRE(loadSource(L, src, "=t") == kOk);
    return L->top[-1].asLuaClosure()->proto;
  }
};

struct Case {
  const char* source;
  const char* message;
};

void checkAll(Runner& r, const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    INFO("source: " << c.source);
    CHECK(r.run(c.source) == c.message);
  }
}

}  // namespace

TEST_CASE_FIXTURE(Runner, "indexing names the indexed value") {
  checkAll(*this, {
    {R"(x.y = 1)", R"(t:1: attempt to index a nil value (global 'x'))"},
    {R"(return x.y.z)", R"(t:1: attempt to index a nil value (global 'x'))"},
    {R"(local t; t.x = 1)", R"(t:1: attempt to index a nil value (local 't'))"},
    {R"(local t = {}; return t.a.b)", R"(t:1: attempt to index a nil value (field 'a'))"},
    {R"(local t = {}; return t.x.y.z)", R"(t:1: attempt to index a nil value (field 'x'))"},
    {R"(local t = {} t.a.b.c = 1)", R"(t:1: attempt to index a nil value (field 'a'))"},
    {R"(local t = {} t.x.y = 1)", R"(t:1: attempt to index a nil value (field 'x'))"},
    {R"(t = nil; t.x.y = 1)", R"(t:1: attempt to index a nil value (global 't'))"},
    {R"(local t = {} return t.x[1])", R"(t:1: attempt to index a nil value (field 'x'))"},
    {R"(local t = {} t.x[1] = 2)", R"(t:1: attempt to index a nil value (field 'x'))"},
    {R"(local a = {} ; return a.x.y + 1)", R"(t:1: attempt to index a nil value (field 'x'))"},
    {R"(local a = {} return #a.x.y)", R"(t:1: attempt to index a nil value (field 'x'))"},
    {R"(return print.x)", R"(t:1: attempt to index a function value (global 'print'))"},
    {R"(return print:x())", R"(t:1: attempt to index a function value (global 'print'))"},
    {R"(local t = {} t.a:f())", R"(t:1: attempt to index a nil value (field 'a'))"},
    {R"(local t = {} t.a.b:f())", R"(t:1: attempt to index a nil value (field 'a'))"},
    {R"(local x = nil; local y = x; return y.z)", R"(t:1: attempt to index a nil value (local 'y'))"},
    {R"(do local a end local b; return b.x)", R"(t:1: attempt to index a nil value (local 'b'))"},
    {R"(local a = ... ; return a.b)", R"(t:1: attempt to index a nil value (local 'a'))"},
    {R"(local function f(a, ...) return a.x end return f())", R"(t:1: attempt to index a nil value (local 'a'))"},
    {R"(local function f(...) local a = ... return a.x end return f())", R"(t:1: attempt to index a nil value (local 'a'))"},
    {R"(local t = setmetatable({}, {__index = function(t,k) return nil end}); return t.x.y)", R"(t:1: attempt to index a nil value (field 'x'))"},
    {R"(local t = setmetatable({}, {__name = 'My'}) return t.x.y, t())", R"(t:1: attempt to index a nil value (field 'x'))"},
  });
}

TEST_CASE_FIXTURE(Runner, "multiple assignment names its target tables") {
  checkAll(*this, {
    {R"(local a, b = {}, 1 a.x, b = 1, 2 ; local c; c.y, b = 1, 2)", R"(t:1: attempt to index a nil value (local 'c'))"},
    {R"(local a; a.x, a.y = 1, 2)", R"(t:1: attempt to index a nil value (local 'a'))"},
    {R"(local t = {} t.x.y, t.z = 1, 2)", R"(t:1: attempt to index a nil value (field 'x'))"},
    {R"(x.y, z = 1, 2)", R"(t:1: attempt to index a nil value (global 'x'))"},
    {R"(local t = {} t.u.v, t.z = 1, 2)", R"(t:1: attempt to index a nil value (field 'u'))"},
  });
}

TEST_CASE_FIXTURE(Runner, "keys other than string constants: integer index and ?") {
  checkAll(*this, {
    {R"(local t = {} t[1].x = 1)", R"(t:1: attempt to index a nil value (field 'integer index'))"},
    {R"(local t = {} return t[1].x)", R"(t:1: attempt to index a nil value (field 'integer index'))"},
    {R"(local t = {} return t[1][2])", R"(t:1: attempt to index a nil value (field 'integer index'))"},
    {R"(local t = {{}} return t[1][2].x)", R"(t:1: attempt to index a nil value (field 'integer index'))"},
    {R"(local t = {} t[1][1] = 2)", R"(t:1: attempt to index a nil value (field 'integer index'))"},
    {R"(local t = {} return t[255].x)", R"(t:1: attempt to index a nil value (field 'integer index'))"},
    {R"(local t = {} return t[256].x)", R"(t:1: attempt to index a nil value (field '?'))"},
    {R"(local t = {} return t[1000].x)", R"(t:1: attempt to index a nil value (field '?'))"},
    {R"(local t = {} return t[-1].x)", R"(t:1: attempt to index a nil value (field '?'))"},
    {R"(local t = {} return t[true].x)", R"(t:1: attempt to index a nil value (field '?'))"},
    {R"(local t = {} return t[1.0].x)", R"(t:1: attempt to index a nil value (field '?'))"},
    {R"(local t = {} local k = 'a' return t[k].x)", R"(t:1: attempt to index a nil value (field '?'))"},
    {R"(local t = {} local k = 'k' return t[k .. 'x'].x)", R"(t:1: attempt to index a nil value (field '?'))"},
    {R"(local t = {} return t['a b'].x)", R"(t:1: attempt to index a nil value (field 'a b'))"},
    {R"(local t = {} return t[('a')].x)", R"(t:1: attempt to index a nil value (field 'a'))"},
    {R"(local t = {} return t['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'].x)", R"(t:1: attempt to index a nil value (field 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'))"},
    {R"(local a = {} return a[1] + 1)", R"(t:1: attempt to perform arithmetic on a nil value (field 'integer index'))"},
  });
}

TEST_CASE_FIXTURE(Runner, "upvalues and _ENV") {
  checkAll(*this, {
    {R"(local u; local f = function() return u.x end; return f())", R"(t:1: attempt to index a nil value (upvalue 'u'))"},
    {R"(local u; local f = function() u.x = 1 end; return f())", R"(t:1: attempt to index a nil value (upvalue 'u'))"},
    {R"(local up = nil; local function f() return up.x.y end; return f())", R"(t:1: attempt to index a nil value (upvalue 'up'))"},
    {R"(local function f() return up.x end up = nil f())", R"(t:1: attempt to index a nil value (global 'up'))"},
    {R"(local _ENV = {}; return x.y)", R"(t:1: attempt to index a nil value (global 'x'))"},
    {R"(local _ENV = {}; x.y = 1)", R"(t:1: attempt to index a nil value (global 'x'))"},
    {R"(local _ENV = {print=print}; print(x.y))", R"(t:1: attempt to index a nil value (global 'x'))"},
    {R"(return _ENV.x.y)", R"(t:1: attempt to index a nil value (global 'x'))"},
    {R"(return _ENV.x())", R"(t:1: attempt to call a nil value (global 'x'))"},
    // Only a local or an upvalue named _ENV is the environment (5.4.8;
    // 5.4.4 said "global 'x'" for the next three).
    {R"(local t = {} t._ENV = {} ; return t._ENV.x.y)", R"(t:1: attempt to index a nil value (field 'x'))"},
    {R"(local t = {_ENV = {}} ; t._ENV.x.y = 1)", R"(t:1: attempt to index a nil value (field 'x'))"},
    {R"(local t = {_ENV = {}} ; t._ENV.x())", R"(t:1: attempt to call a nil value (field 'x'))"},
    {R"(local t = {_ENV = {}} ; t._ENV:x())", R"(t:1: attempt to call a nil value (method 'x'))"},
    {R"(local e = _ENV; do local _ENV = {} ; e.x.y = 1 end)", R"(t:1: attempt to index a nil value (field 'x'))"},
    {R"(local _ENV = 1 ; return x)", R"(t:1: attempt to index a number value (local '_ENV'))"},
    {R"(local function f() local _ENV = 1 ; return x end return f())", R"(t:1: attempt to index a number value (local '_ENV'))"},
    {R"(local e = 1 local function f() local _ENV <const> = e ; return x end return f())", R"(t:1: attempt to index a number value (local '_ENV'))"},
    {R"(_ENV = nil; return x)", R"(t:1: attempt to index a nil value (upvalue '_ENV'))"},
    {R"(local function g() _ENV = nil end g() return x)", R"(t:1: attempt to index a nil value (upvalue '_ENV'))"},
    {R"(local _ENV = {} _ENV = nil; y = 1)", R"(t:1: attempt to index a nil value (local '_ENV'))"},
  });
}

TEST_CASE_FIXTURE(Runner, "calls name the called function") {
  checkAll(*this, {
    {R"(f())", R"(t:1: attempt to call a nil value (global 'f'))"},
    {R"(return x())", R"(t:1: attempt to call a nil value (global 'x'))"},
    {R"(return (x)())", R"(t:1: attempt to call a nil value (global 'x'))"},
    {R"(local f; f(1,2,3))", R"(t:1: attempt to call a nil value (local 'f'))"},
    {R"(local x = 1 return x())", R"(t:1: attempt to call a number value (local 'x'))"},
    {R"(local t = {}; t.g())", R"(t:1: attempt to call a nil value (field 'g'))"},
    {R"(local t = {} return t.x())", R"(t:1: attempt to call a nil value (field 'x'))"},
    {R"(local t = {} t.f(1, t.x))", R"(t:1: attempt to call a nil value (field 'f'))"},
    {R"(local a = {} return (a.x)())", R"(t:1: attempt to call a nil value (field 'x'))"},
    {R"(local a = {} local t = {a.x()})", R"(t:1: attempt to call a nil value (field 'x'))"},
    {R"(local a = {} local t = {a.y, a.x()})", R"(t:1: attempt to call a nil value (field 'x'))"},
    {R"(local a = {} ; return a.b.c())", R"(t:1: attempt to index a nil value (field 'b'))"},
    {R"(local obj = {}; obj:foo())", R"(t:1: attempt to call a nil value (method 'foo'))"},
    {R"(local t = {} t:f(1, t.x))", R"(t:1: attempt to call a nil value (method 'f'))"},
    {R"(local a = {} return a:b():c())", R"(t:1: attempt to call a nil value (method 'b'))"},
    {R"(local up = nil; local function f() return up() end; return f())", R"(t:1: attempt to call a nil value (upvalue 'up'))"},
    {R"(return ('abc')())", R"(t:1: attempt to call a string value (constant 'abc'))"},
    {R"(return (1)())", R"(t:1: attempt to call a number value)"},
    {R"(return (nil)())", R"(t:1: attempt to call a nil value)"},
    {R"(local f = function() end return f()())", R"(t:1: attempt to call a nil value)"},
    {R"(local t = setmetatable({}, {__call = 1}) return t())", R"(t:1: attempt to call a number value (local 't'))"},
    {R"(local t = setmetatable({}, {__name = 'My'}) return t())", R"(t:1: attempt to call a My value (local 't'))"},
    {R"(local t = setmetatable({}, {__add = 1}) return t + 1)", R"(t:1: attempt to call a number value (metamethod 'add'))"},
  });
}

TEST_CASE_FIXTURE(Runner, "generic for names its iterator") {
  checkAll(*this, {
    {R"(for k in 5 do end)", R"(t:1: attempt to call a number value (for iterator 'for iterator'))"},
    {R"(local x = 3; for k in x do end)", R"(t:1: attempt to call a number value (for iterator 'for iterator'))"},
    {R"(local s = {} for k, v in s do end)", R"(t:1: attempt to call a table value (for iterator 'for iterator'))"},
    {R"(local up = 5; local function f() for k in up do end end f())", R"(t:1: attempt to call a number value (for iterator 'for iterator'))"},
    {R"(for i = 1, {} do end)", R"(t:1: bad 'for' limit (number expected, got table))"},
  });
}

TEST_CASE_FIXTURE(Runner, "arithmetic names the operand at fault") {
  checkAll(*this, {
    {R"(local t = {}; return t.x + 1)", R"(t:1: attempt to perform arithmetic on a nil value (field 'x'))"},
    {R"(local a; return a + 1)", R"(t:1: attempt to perform arithmetic on a nil value (local 'a'))"},
    {R"(return x + 1)", R"(t:1: attempt to perform arithmetic on a nil value (global 'x'))"},
    {R"(return 1 + x)", R"(t:1: attempt to perform arithmetic on a nil value (global 'x'))"},
    {R"(local a = {}; return -a)", R"(t:1: attempt to perform arithmetic on a table value (local 'a'))"},
    {R"(return -x)", R"(t:1: attempt to perform arithmetic on a nil value (global 'x'))"},
    {R"(local a = {} local b = a.x; return -b)", R"(t:1: attempt to perform arithmetic on a nil value (local 'b'))"},
    {R"(local a = {} return -a.x)", R"(t:1: attempt to perform arithmetic on a nil value (field 'x'))"},
    {R"(local a = {1} return a.x // 2)", R"(t:1: attempt to perform arithmetic on a nil value (field 'x'))"},
    {R"(local t = {} return t.x + t.y)", R"(t:1: attempt to perform arithmetic on a nil value (field 'x'))"},
    {R"(local t = {x=1} return t.x + t.y)", R"(t:1: attempt to perform arithmetic on a nil value (field 'y'))"},
    {R"(local t = {x=1} return t.y + t.x)", R"(t:1: attempt to perform arithmetic on a nil value (field 'y'))"},
    {R"(local t = {} return 2 ^ t.p)", R"(t:1: attempt to perform arithmetic on a nil value (field 'p'))"},
    {R"(local a, b = ... ; return a + b)", R"(t:1: attempt to perform arithmetic on a nil value (local 'a'))"},
    {R"(local t = setmetatable({}, {__name = 'My'}) return t + 1)", R"(t:1: attempt to perform arithmetic on a My value (local 't'))"},
    {R"(local a = {} ; local b = #a + nil)", R"(t:1: attempt to perform arithmetic on a nil value)"},
    {R"(return true + 1)", R"(t:1: attempt to perform arithmetic on a boolean value)"},
    {R"(return function() end + 1)", R"(t:1: attempt to perform arithmetic on a function value)"},
    {R"(return 1 + {} .. 'a')", R"(t:1: attempt to perform arithmetic on a table value)"},
    {R"(local a = 1 return a // 0)", R"(t:1: attempt to divide by zero)"},
    {R"(local a = 1 return a % 0)", R"(t:1: attempt to perform 'n%0')"},
    {R"(local a, b = 1; return a < b)", R"(t:1: attempt to compare number with nil)"},
  });
}

TEST_CASE_FIXTURE(Runner, "operands read in place after a call are named by their variable") {
  // The operand forms that read a local, a constant or an upvalue table
  // where it is once the other operand is computed (Opcodes.hpp).
  checkAll(*this, {
    {R"(local a; local function f() return 1 end; return a + f())", R"(t:1: attempt to perform arithmetic on a nil value (local 'a'))"},
    {R"(local function f() return nil end; return 1 + f())", R"(t:1: attempt to perform arithmetic on a nil value)"},
    {R"(local a; local function f() return 1 end; return a & f())", R"(t:1: attempt to perform bitwise operation on a nil value (local 'a'))"},
    {R"(local a = {}; local function f() return 1 end; return a < f())", R"(t:1: attempt to compare table with number)"},
    {R"(local t; local function f() return 1 end; return t[f()])", R"(t:1: attempt to index a nil value (local 't'))"},
    {R"(local u; local function f() return 1 end; return (function() return u[f()] end)())", R"(t:1: attempt to index a nil value (upvalue 'u'))"},
    {R"(local u = {}; local function f() return 1 end; return (function() return u[f()].x end)())", R"(t:1: attempt to index a nil value (field '?'))"},
    {R"(local t = {}; local function f() return 1 end; return 1 - t[f()])", R"(t:1: attempt to perform arithmetic on a nil value (field '?'))"},
    {R"(local t; local function f() return 1 end; t[f()] = 1)", R"(t:1: attempt to index a nil value (local 't'))"},
    {R"(local t, k; t[k] = 1)", R"(t:1: attempt to index a nil value (local 't'))"},
    {R"(local t = {}; local k; t[k] = 1)", R"(t:1: table index is nil)"},
    {R"(local t = {}; local k = 1; t.x[k] = 2)", R"(t:1: attempt to index a nil value (field 'x'))"},
    {R"(local u; local k = 1; (function() u[k] = 1 end)())", R"(t:1: attempt to index a nil value (upvalue 'u'))"},
    {R"(local u; local function f() return 1 end; (function() u[f()] = 1 end)())", R"(t:1: attempt to index a nil value (upvalue 'u'))"},
    {R"(local u; local k = 1; (function() u[k + 1] = 1 end)())", R"(t:1: attempt to index a nil value (upvalue 'u'))"},
    {R"(local u = {}; local t = {}; (function() u[t.x + 1] = 1 end)())", R"(t:1: attempt to perform arithmetic on a nil value (field 'x'))"},
    {R"(local k; local t = {[k] = 1})", R"(t:1: table index is nil)"},
  });
}

TEST_CASE_FIXTURE(Runner, "bitwise operators and integer representations") {
  checkAll(*this, {
    {R"(local a; return a & 1)", R"(t:1: attempt to perform bitwise operation on a nil value (local 'a'))"},
    {R"(local a; return 1 | a)", R"(t:1: attempt to perform bitwise operation on a nil value (local 'a'))"},
    {R"(local a = {}; return ~a)", R"(t:1: attempt to perform bitwise operation on a table value (local 'a'))"},
    {R"(return 'a' & 1)", R"(t:1: attempt to perform bitwise operation on a string value (constant 'a'))"},
    {R"(return '3' & 1)", R"(t:1: attempt to perform bitwise operation on a string value (constant '3'))"},
    {R"(local s = 'a' return 1 & s)", R"(t:1: attempt to perform bitwise operation on a string value (local 's'))"},
    {R"(local a = 1.5; return a & 1)", R"(t:1: number (local 'a') has no integer representation)"},
    {R"(local a = 1.5; return 1 & a)", R"(t:1: number (local 'a') has no integer representation)"},
    {R"(local t = {x=1.5} return t.x | 1)", R"(t:1: number (field 'x') has no integer representation)"},
    {R"(return 1.5 | 2)", R"(t:1: number has no integer representation)"},
  });
}

TEST_CASE_FIXTURE(Runner, "concatenation names the value at fault by its slot") {
  checkAll(*this, {
    {R"(local t = {}; return 'a' .. t)", R"(t:1: attempt to concatenate a table value (local 't'))"},
    {R"(local t = {}; return t .. 'a')", R"(t:1: attempt to concatenate a table value (local 't'))"},
    {R"(local a = {} return 1 .. a)", R"(t:1: attempt to concatenate a table value (local 'a'))"},
    {R"(local a = {} return 'p' .. a .. 'q')", R"(t:1: attempt to concatenate a table value (local 'a'))"},
    {R"(local a = {} return a .. 'p' .. 'q')", R"(t:1: attempt to concatenate a table value (local 'a'))"},
    {R"(local a, b = 1, {} return a .. b .. 'q')", R"(t:1: attempt to concatenate a table value (local 'b'))"},
    {R"(local t = {} return t.x .. 'a')", R"(t:1: attempt to concatenate a nil value (field 'x'))"},
    {R"(return x .. 'a')", R"(t:1: attempt to concatenate a nil value (global 'x'))"},
    {R"(local a = nil return a == 1, a .. 'x')", R"(t:1: attempt to concatenate a nil value (local 'a'))"},
    {R"(return {} .. 'x')", R"(t:1: attempt to concatenate a table value)"},
    {R"(local a = 'x' return a .. {})", R"(t:1: attempt to concatenate a table value)"},
    {R"(return nil .. 'x')", R"(t:1: attempt to concatenate a nil value)"},
    {R"(return #{} .. {})", R"(t:1: attempt to concatenate a table value)"},
  });
}

TEST_CASE_FIXTURE(Runner, "length") {
  checkAll(*this, {
    {R"(return #x)", R"(t:1: attempt to get length of a nil value (global 'x'))"},
    {R"(local a = {} return #a.x)", R"(t:1: attempt to get length of a nil value (field 'x'))"},
    {R"(local n = 5 return #n)", R"(t:1: attempt to get length of a number value (local 'n'))"},
  });
}

TEST_CASE_FIXTURE(Runner, "values that may come from several paths, calls and handlers have no name") {
  checkAll(*this, {
    {R"(local x = (cond and {} or nil).y)", R"(t:1: attempt to index a nil value)"},
    {R"(return (...).x)", R"(t:1: attempt to index a nil value)"},
    {R"(local function f(a, ...) return (...).x end return f())", R"(t:1: attempt to index a nil value)"},
    {R"(local f = function() end return f():x())", R"(t:1: attempt to index a nil value)"},
    {R"(local f = function() end return f().x)", R"(t:1: attempt to index a nil value)"},
    {R"(local t = setmetatable({}, {__newindex = 1}) t.x = 1)", R"(t:1: attempt to index a number value)"},
    {R"(local t = setmetatable({}, {__index = 1}) return t.x)", R"(t:1: attempt to index a number value)"},
    {R"(local t = setmetatable({}, {__index = 1}) return t.x.y)", R"(t:1: attempt to index a number value)"},
    // Locals are named whatever path set them; a temporary after and/or is not.
    {R"(local a = cond and {} or nil; return a.x)", R"(t:1: attempt to index a nil value (local 'a'))"},
    {R"(local a = {} local b = a.x or a.y return b.z)", R"(t:1: attempt to index a nil value (local 'b'))"},
    {R"(local a = {} local b = (a.x) return b.y)", R"(t:1: attempt to index a nil value (local 'b'))"},
    {R"(local a = {}; a = a or nil; return a.b.c)", R"(t:1: attempt to index a nil value (field 'b'))"},
    {R"(local a = {} local b = a or 1; return b.x.y)", R"(t:1: attempt to index a nil value (field 'x'))"},
  });
}

TEST_CASE_FIXTURE(Runner, "names inside loops and branches") {
  checkAll(*this, {
    {R"(local t = {} for i=1,2 do t.x.y = i end)", R"(t:1: attempt to index a nil value (field 'x'))"},
    {R"(local t = {} for k, v in pairs(t) do end return t.q.r)", R"(t:1: attempt to index a nil value (field 'q'))"},
    {R"(local t = {} for i = 1, 3 do local z = t.q.r end)", R"(t:1: attempt to index a nil value (field 'q'))"},
    {R"(local a = {} while true do local b = a.x.y end)", R"(t:1: attempt to index a nil value (field 'x'))"},
    {R"(local a = {} repeat local b = a.x.y until true)", R"(t:1: attempt to index a nil value (field 'x'))"},
    {R"(local a = {} if a then local b = a.x.y end)", R"(t:1: attempt to index a nil value (field 'x'))"},
    {R"(local a = {} if not a then else local b = a.x.y end)", R"(t:1: attempt to index a nil value (field 'x'))"},
    {R"(local t = {} return t.x + (c and 1 or 2))", R"(t:1: attempt to perform arithmetic on a nil value (field 'x'))"},
  });
}

TEST_CASE_FIXTURE(Runner, "tracebacks name functions as lua5.4 does") {
  CHECK(run("local function lf() error('boom') end\n"
            "function gf() lf() end\n"
            "local t = {}\n"
            "function t.field() gf() end\n"
            "function t:meth() t.field() end\n"
            "local up = function() t:meth() end\n"
            "local function caller() up() end\n"
            "caller()\n",
            true) ==
        "t:1: boom\n"
        "stack traceback:\n"
        "\t[C]: in function 'error'\n"
        "\tt:1: in upvalue 'lf'\n"
        "\tt:2: in function 'gf'\n"
        "\tt:4: in field 'field'\n"
        "\tt:5: in method 'meth'\n"
        "\tt:6: in upvalue 'up'\n"
        "\tt:7: in local 'caller'\n"
        "\tt:8: in main chunk\n"
        "\t[C]: in ?");
  CHECK(run("local function a() error('deep') end\n"
            "local function b() return a() end\n"
            "local function c() return b() end\n"
            "c()\n",
            true) ==
        "t:1: deep\n"
        "stack traceback:\n"
        "\t[C]: in function 'error'\n"
        "\tt:1: in function <t:1>\n"
        "\t(...tail calls...)\n"
        "\tt:4: in main chunk\n"
        "\t[C]: in ?");
  CHECK(run("local function iter() error('in iter') end\n"
            "for k in iter do end\n",
            true) ==
        "t:1: in iter\n"
        "stack traceback:\n"
        "\t[C]: in function 'error'\n"
        "\tt:1: in for iterator 'for iterator'\n"
        "\tt:2: in main chunk\n"
        "\t[C]: in ?");
  CHECK(run("local f = function() error() end\n"
            "local t = {f}\n"
            "t[1]()\n",
            true) ==
        "(no message)\n"
        "stack traceback:\n"
        "\t[C]: in function 'error'\n"
        "\tt:1: in field 'integer index'\n"
        "\tt:3: in main chunk\n"
        "\t[C]: in ?");
}

TEST_CASE_FIXTURE(Runner, "tracebacks name metamethods by the instruction that ran them") {
  CHECK(run("local mt = {__index = function(t, k) error('idx ' .. k) end}\n"
            "local obj = setmetatable({}, mt)\n"
            "local function g() return obj.foo end\n"
            "g()\n",
            true) ==
        "t:1: idx foo\n"
        "stack traceback:\n"
        "\t[C]: in function 'error'\n"
        "\tt:1: in metamethod 'index'\n"
        "\tt:3: in local 'g'\n"
        "\tt:4: in main chunk\n"
        "\t[C]: in ?");
  struct { const char* event; const char* expression; } kEvents[] = {
    {"add", "o + 1"}, {"sub", "1 - o"}, {"idiv", "o // 2"}, {"band", "o & 1"}, {"shr", "o >> 1"},
    {"unm", "-o"}, {"bnot", "~o"}, {"len", "#o"}, {"concat", "'a' .. o"}, {"lt", "o > 1"},
    {"le", "o <= 1"}, {"eq", "o == setmetatable({}, mt)"}, {"newindex", "nil; o.x = 1"},
  };
  for (const auto& e : kEvents) {
    INFO(e.event);
    std::string src = std::string("local mt = {__") + e.event + " = function() error('e') end}\n" +
                      "local o = setmetatable({}, mt)\n" + "local r = " + e.expression + "\n";
    CHECK(run(src, true) ==
          std::string("t:1: e\nstack traceback:\n\t[C]: in function 'error'\n\tt:1: in metamethod '") + e.event +
              "'\n\tt:3: in main chunk\n\t[C]: in ?");
  }
  CHECK(run("local t = setmetatable({}, {__close = function() error('closing') end})\n"
            "do local x <close> = t end\n",
            true) ==
        "t:1: closing\n"
        "stack traceback:\n"
        "\t[C]: in function 'error'\n"
        "\tt:1: in metamethod 'close'\n"
        "\tt:2: in main chunk\n"
        "\t[C]: in ?");
}

TEST_CASE_FIXTURE(Runner, "long tracebacks skip their middle levels as lua5.4 counts them") {
  std::string out = run("local function f(n) if n == 0 then error('x') end f(n - 1) end\nf(30)\n", true);
  std::string expected = "t:1: x\nstack traceback:\n\t[C]: in function 'error'\n";
  for (int i = 0; i < 9; i++) expected += "\tt:1: in upvalue 'f'\n";
  expected += "\t...\t(skipping 12 levels)\n";
  for (int i = 0; i < 8; i++) expected += "\tt:1: in upvalue 'f'\n";
  expected += "\tt:1: in local 'f'\n\tt:2: in main chunk\n\t[C]: in ?";
  CHECK(out == expected);
  // 21 levels after the first are shown whole.
  std::string shortOut = run("local function f(n) if n == 0 then error('x') end f(n - 1) end\nf(18)\n", true);
  CHECK(shortOut.find("skipping") == std::string::npos);
}

TEST_CASE_FIXTURE(Runner, "functionName: package.loaded names first, then the calling instruction") {
  // Each snippet starts with the native function as the global 'whoami'.
  auto name = [&](const char* src) {
    lib::setFunction(L, globalsTable(L), "whoami", whoAmI);
    return run(src);
  };
  CHECK(name("return whoami()") == "function 'whoami'");
  CHECK(name("local w = whoami; whoami = nil; return w()") == "local 'w'");
  CHECK(name("local t = {f = whoami}; whoami = nil; return t.f()") == "field 'f'");
  CHECK(name("local t = {m = whoami}; whoami = nil; return t:m()") == "method 'm'");
  CHECK(name("local w = whoami; whoami = nil; return (function() return w() end)()") == "upvalue 'w'");
  CHECK(name("g = whoami; whoami = nil; local r = g(); g = nil; return r") == "function 'g'");
  CHECK(name("local w = whoami; whoami = nil; return select(2, pcall(w))") == "");
  CHECK(name("local w = whoami; whoami = nil; for k in w do return k end") == "for iterator 'for iterator'");
}

TEST_CASE_FIXTURE(Runner, "calleeName for calls and metamethod instructions") {
  const Proto* p = compile("local f = 1 f() local t = {} t:m() g() local x = t.y + 1 for k in f do end");
  // The name each kind of instruction gives the function it calls.
  std::vector<std::string> names;
  for (int pc = 0; pc < p->codeSize; pc++) {
    Opcode op = opcodeOf(p->code[pc]);
    VarName n = calleeName(p, pc);
    names.push_back(std::string(kOpInfo[op].name) + (n.known() ? " " + n.kind + " " + n.name : ""));
  }
  auto has = [&](const std::string& s) { return std::find(names.begin(), names.end(), s) != names.end(); };
  CHECK(has("CALL_L local f"));  // the function is the local CALL_L pushes
  CHECK(has("SELF metamethod index"));
  CHECK(has("CALL method m"));
  CHECK(has("CALL global g"));
  CHECK(has("GETFIELD_L metamethod index"));
  CHECK(has("ADD_K metamethod add"));
  CHECK(has("TFORCALL for iterator for iterator"));
  CHECK(has("RETURN0 metamethod close"));
  CHECK(has("INT"));
  L->top--;
}
