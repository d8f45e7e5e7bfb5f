// The C API's calls and what may interrupt them (manual §4.4-4.6): lua_call
// and lua_pcall with their status codes and message handlers, lua_error with
// any error object, the panic function, to-be-closed slots, coroutines and
// continuations (lua_resume, lua_yieldk, lua_callk, lua_pcallk), warnings,
// the collector (lua_gc, finalizers under stress) and the host's allocator
// (every block, its size, a memory limit).
#include <doctest/doctest.h>

#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "tests/unit/LuaApiTestState.hpp"

using apitest::State;
using apitest::eval;
using apitest::pcallFunction;
using apitest::run;
using apitest::stackText;
using apitest::text;

namespace {

int returnArguments(lua_State* L) { return lua_gettop(L); }

int raiseBoom(lua_State* L) {
  lua_pushliteral(L, "boom");
  return lua_error(L);
}

// Raises the value its caller left under the registry key "error object".
int raiseRegistryValue(lua_State* L) {
  lua_getfield(L, LUA_REGISTRYINDEX, "error object");
  return lua_error(L);
}

int prefixHandler(lua_State* L) {
  lua_pushliteral(L, "handled: ");
  lua_insert(L, 1);
  lua_concat(L, 2);
  return 1;
}

int handlerCalls = 0;

int countingHandler(lua_State* L) {
  handlerCalls++;
  return 1;
}

}  // namespace

// --- lua_call, lua_pcall, lua_error ---

TEST_CASE("api: lua_call: results adjusted, LUA_MULTRET, __call") {
  State s;
  lua_State* L = s.L;
  lua_pushcfunction(L, returnArguments);
  lua_pushinteger(L, 1);
  lua_pushinteger(L, 2);
  lua_pushinteger(L, 3);
  lua_call(L, 3, LUA_MULTRET);
  CHECK(stackText(L) == "1 2 3");
  lua_settop(L, 0);
  lua_pushcfunction(L, returnArguments);
  lua_pushinteger(L, 1);
  lua_pushinteger(L, 2);
  lua_call(L, 2, 1);
  CHECK(stackText(L) == "1");
  lua_pushcfunction(L, returnArguments);
  lua_pushinteger(L, 5);
  lua_call(L, 1, 3);  // padded with nils
  CHECK(stackText(L) == "1 5 <nil> <nil>");
  lua_settop(L, 0);
  lua_pushcfunction(L, returnArguments);
  lua_call(L, 0, 0);
  CHECK(lua_gettop(L) == 0);

  // A Lua function.
  REQUIRE(apitest::load(L, "local a, b = ... return b, a") == LUA_OK);
  lua_pushliteral(L, "x");
  lua_pushliteral(L, "y");
  lua_call(L, 2, LUA_MULTRET);
  CHECK(stackText(L) == "y x");
  lua_settop(L, 0);

  // A table with __call gets itself as its first argument.
  lua_newtable(L);
  lua_newtable(L);
  lua_pushcfunction(L, returnArguments);
  lua_setfield(L, -2, "__call");
  lua_setmetatable(L, -2);
  lua_pushliteral(L, "arg");
  lua_call(L, 1, LUA_MULTRET);
  CHECK(stackText(L) == "<table> arg");
}

TEST_CASE("api: lua_pcall: status, error objects, message handlers") {
  State s;
  lua_State* L = s.L;
  lua_pushliteral(L, "below");
  REQUIRE(pcallFunction(L, raiseBoom) == LUA_ERRRUN);
  CHECK(stackText(L) == "below boom");  // function removed, one error object
  lua_settop(L, 0);

  // Error objects of any type come back as they were raised.
  lua_newtable(L);
  lua_pushvalue(L, 1);
  lua_setfield(L, LUA_REGISTRYINDEX, "error object");
  REQUIRE(pcallFunction(L, raiseRegistryValue) == LUA_ERRRUN);
  CHECK(lua_rawequal(L, 1, 2));
  lua_settop(L, 0);
  lua_pushinteger(L, 42);
  lua_setfield(L, LUA_REGISTRYINDEX, "error object");
  REQUIRE(pcallFunction(L, raiseRegistryValue) == LUA_ERRRUN);
  CHECK(lua_isinteger(L, -1));
  CHECK(lua_tointeger(L, -1) == 42);
  lua_pushnil(L);
  lua_setfield(L, LUA_REGISTRYINDEX, "error object");
  REQUIRE(pcallFunction(L, raiseRegistryValue) == LUA_ERRRUN);
  CHECK(lua_isnil(L, -1));
  lua_settop(L, 0);

  // Runtime errors of Lua code and of calls.
  CHECK(run(L, "local x; x()") == LUA_ERRRUN);
  CHECK(text(L, -1) == "test:1: attempt to call a nil value (local 'x')");
  lua_settop(L, 0);
  lua_pushinteger(L, 1);
  CHECK(lua_pcall(L, 0, 0, 0) == LUA_ERRRUN);
  CHECK(text(L, -1) == "attempt to call a number value");
  lua_settop(L, 0);

  // A message handler (at a stack index) transforms the error object.
  lua_pushcfunction(L, prefixHandler);
  lua_pushcfunction(L, raiseBoom);
  CHECK(lua_pcall(L, 0, 0, 1) == LUA_ERRRUN);
  CHECK(stackText(L) == "<function> handled: boom");
  lua_settop(L, 0);
  lua_pushcfunction(L, prefixHandler);
  REQUIRE(apitest::load(L, "error_here()") == LUA_OK);
  CHECK(lua_pcall(L, 0, 0, -2) == LUA_ERRRUN);
  CHECK(text(L, -1) == "handled: test:1: attempt to call a nil value (global 'error_here')");
  lua_settop(L, 0);
  // No handler call when there is no error.
  handlerCalls = 0;
  lua_pushcfunction(L, countingHandler);
  lua_pushcfunction(L, returnArguments);
  lua_pushinteger(L, 3);
  CHECK(lua_pcall(L, 1, 1, 1) == LUA_OK);
  CHECK(handlerCalls == 0);
  CHECK(lua_tointeger(L, -1) == 3);
  lua_settop(L, 0);

  // An error in the handler: LUA_ERRERR.
  lua_pushcfunction(L, raiseBoom);
  lua_pushcfunction(L, raiseBoom);
  CHECK(lua_pcall(L, 0, 0, 1) == LUA_ERRERR);
  lua_settop(L, 0);
}

namespace {

jmp_buf panicJump;
char panicMessage[64];
int panicCalls = 0;

int longjmpPanic(lua_State* L) {
  panicCalls++;
  const char* msg = lua_tostring(L, -1);
  std::snprintf(panicMessage, sizeof panicMessage, "%s", msg ? msg : "(not a string)");
  std::longjmp(panicJump, 1);
}

// Raises an error outside any protected call; true when the panic function
// jumped back here.
bool raiseUnprotected(lua_State* L) {
  if (setjmp(panicJump) == 0) {
    lua_pushliteral(L, "unprotected");
    lua_error(L);
    return false;
  }
  return true;
}

// The same, from a Lua function called with lua_call outside any protected
// call: the error leaves from inside the interpreter.
bool callUnprotected(lua_State* L) {
  if (setjmp(panicJump) == 0) {
    lua_getglobal(L, "fails");
    lua_call(L, 0, 0);
    return false;
  }
  return true;
}

}  // namespace

TEST_CASE("api: lua_atpanic: a panic function that jumps out, as hosts do") {
  State s;
  lua_State* L = s.L;
  CHECK((lua_atpanic(L, longjmpPanic) == nullptr));  // lua_newstate sets none
  CHECK((lua_atpanic(L, longjmpPanic) == longjmpPanic));
  panicCalls = 0;
  CHECK(raiseUnprotected(L));
  CHECK(panicCalls == 1);
  CHECK(std::string(panicMessage) == "unprotected");
  // The state is still usable: the thread was reset to its base level, the
  // error object alone on its stack (as Lua 5.4.8 leaves it).
  CHECK(lua_gettop(L) == 1);
  CHECK(text(L, 1) == "unprotected");
  lua_settop(L, 0);
  CHECK(eval(L, "return 2 + 3") == "5");

  REQUIRE(run(L, "function fails() local t = nil; return t.x end") == LUA_OK);
  CHECK(callUnprotected(L));
  CHECK(panicCalls == 2);
  CHECK(std::string(panicMessage) == "test:1: attempt to index a nil value (local 't')");
  CHECK(lua_gettop(L) == 1);
  CHECK(text(L, 1) == panicMessage);
  lua_settop(L, 0);
  CHECK(lua_isyieldable(L) == 0);
  CHECK(eval(L, "return 2 + 4") == "6");
  lua_pushnil(L);
  CHECK(lua_pcall(L, 0, 0, 0) == LUA_ERRRUN);  // a protected error: no panic
  CHECK(panicCalls == 2);
}

// --- to-be-closed slots ---

namespace {

std::vector<std::string> closed;

// A __close metamethod: records the object's name and the error it got.
int recordClose(lua_State* L) {
  lua_getfield(L, 1, "name");
  closed.push_back(text(L, -1) + ":" + text(L, 2));
  return 0;
}

int failingClose(lua_State* L) {
  lua_pushliteral(L, "close failed");
  return lua_error(L);
}

void pushClosable(lua_State* L, const char* name, lua_CFunction close = recordClose) {
  lua_newtable(L);
  lua_pushstring(L, name);
  lua_setfield(L, -2, "name");
  lua_newtable(L);
  lua_pushcfunction(L, close);
  lua_setfield(L, -2, "__close");
  lua_setmetatable(L, -2);
}

int closingBody(lua_State* L) {
  pushClosable(L, "A");
  lua_toclose(L, -1);
  pushClosable(L, "B");
  lua_toclose(L, -1);
  lua_pushinteger(L, 3);
  lua_settop(L, 1);  // B leaves the stack: closed
  closed.push_back("settop");
  lua_closeslot(L, 1);  // A closed, its slot set to nil
  closed.push_back(lua_isnil(L, 1) ? "nil" : "not nil");
  pushClosable(L, "C");
  lua_toclose(L, -1);
  pushClosable(L, "D");
  lua_toclose(L, -1);
  pushClosable(L, "E");
  lua_toclose(L, -1);
  lua_pop(L, 1);  // E closed by lua_pop
  lua_pushnil(L);  // nil and false may be marked: nothing to close
  lua_toclose(L, -1);
  lua_pushboolean(L, 0);
  lua_toclose(L, -1);
  lua_pushliteral(L, "result");
  return 1;  // D then C closed on return
}

}  // namespace

TEST_CASE("api: lua_toclose, lua_closeslot, lua_settop and returns close slots") {
  State s;
  lua_State* L = s.L;
  closed.clear();
  REQUIRE(pcallFunction(L, closingBody) == LUA_OK);
  CHECK(text(L, -1) == "result");
  CHECK(closed == std::vector<std::string>{"B:<nil>", "settop", "A:<nil>", "nil", "E:<nil>", "D:<nil>", "C:<nil>"});
  lua_settop(L, 0);

  // On an error, slots are closed with the error object.
  closed.clear();
  REQUIRE(pcallFunction(L, [](lua_State* L) {
            pushClosable(L, "F");
            lua_toclose(L, -1);
            pushClosable(L, "G");
            lua_toclose(L, -1);
            return raiseBoom(L);
          }) == LUA_ERRRUN);
  CHECK(text(L, -1) == "boom");
  CHECK(closed == std::vector<std::string>{"G:boom", "F:boom"});
  lua_settop(L, 0);

  // An error in a __close replaces the one being raised; the others still close.
  closed.clear();
  REQUIRE(pcallFunction(L, [](lua_State* L) {
            pushClosable(L, "H");
            lua_toclose(L, -1);
            pushClosable(L, "I", failingClose);
            lua_toclose(L, -1);
            return raiseBoom(L);
          }) == LUA_ERRRUN);
  CHECK(text(L, -1) == "close failed");
  CHECK(closed == std::vector<std::string>{"H:close failed"});
  lua_settop(L, 0);

  // A value with no __close cannot be marked.
  REQUIRE(pcallFunction(L, [](lua_State* L) {
            lua_newtable(L);
            lua_toclose(L, -1);
            return 0;
          }) == LUA_ERRRUN);
  CHECK(text(L, -1) == "variable '(C temporary)' got a non-closable value");
  lua_settop(L, 0);

  // lua_close closes the main thread's pending slots.
  closed.clear();
  pushClosable(L, "J");
  lua_toclose(L, -1);
  s.close();
  CHECK(closed == std::vector<std::string>{"J:<nil>"});
}

// --- coroutines and continuations (§4.5) ---

namespace {

int yieldAll(lua_State* L) { return lua_yield(L, lua_gettop(L)); }

// Moves the function on top of L onto a new thread (left on L's stack).
lua_State* newCoroutine(lua_State* L) {
  lua_State* co = lua_newthread(L);
  lua_insert(L, -2);
  lua_xmove(L, co, 1);
  return co;
}

}  // namespace

TEST_CASE("api: lua_resume, lua_yield, lua_status") {
  State s;
  lua_State* L = s.L;
  lua_register(L, "yield", yieldAll);
  REQUIRE(apitest::load(L, "local a, b = ...\n"
                           "local c = yield(a + b)\n"
                           "local d, e = yield(c * 2, 'second')\n"
                           "return d, e, 'end'") == LUA_OK);
  lua_State* co = newCoroutine(L);
  CHECK(lua_status(co) == LUA_OK);
  lua_pushinteger(co, 1);
  lua_pushinteger(co, 2);
  int nres = -1;
  REQUIRE(lua_resume(co, L, 2, &nres) == LUA_YIELD);
  CHECK(nres == 1);
  CHECK(lua_tointeger(co, -1) == 3);
  CHECK(lua_status(co) == LUA_YIELD);
  lua_pop(co, nres);
  lua_pushinteger(co, 5);
  REQUIRE(lua_resume(co, L, 1, &nres) == LUA_YIELD);
  CHECK(nres == 2);
  CHECK(text(co, -2) == "10");
  CHECK(text(co, -1) == "second");
  lua_pop(co, nres);
  lua_pushliteral(co, "x");
  lua_pushliteral(co, "y");
  REQUIRE(lua_resume(co, L, 2, &nres) == LUA_OK);
  CHECK(nres == 3);
  CHECK(stackText(co) == "x y end");
  CHECK(lua_status(co) == LUA_OK);
  lua_pop(co, nres);
  CHECK(lua_resume(co, L, 0, &nres) == LUA_ERRRUN);
  CHECK(text(co, -1) == "cannot resume dead coroutine");
  lua_settop(co, 0);

  // An error in the coroutine: its status, the error on its stack.
  lua_pushcfunction(L, raiseBoom);
  lua_State* failing = newCoroutine(L);
  CHECK(lua_resume(failing, L, 0, &nres) == LUA_ERRRUN);
  CHECK(text(failing, -1) == "boom");
  CHECK(lua_status(failing) == LUA_ERRRUN);
  CHECK(lua_resume(failing, L, 0, &nres) == LUA_ERRRUN);
  CHECK(text(failing, -1) == "cannot resume dead coroutine");
}

namespace {

std::vector<int> yieldable;

int recordYieldable(lua_State* L) {
  yieldable.push_back(lua_isyieldable(L));
  return 0;
}

int yieldableBody(lua_State* L) {
  recordYieldable(L);
  lua_pushcfunction(L, recordYieldable);
  lua_call(L, 0, 0);  // no continuation: the callee cannot yield
  lua_pushcfunction(L, recordYieldable);
  lua_callk(L, 0, 0, 0, [](lua_State*, int, lua_KContext) { return 0; });
  return 0;
}

}  // namespace

TEST_CASE("api: lua_isyieldable") {
  State s;
  lua_State* L = s.L;
  CHECK(lua_isyieldable(L) == 0);  // the main thread
  yieldable.clear();
  REQUIRE(pcallFunction(L, yieldableBody) == LUA_OK);
  CHECK(yieldable == std::vector<int>{0, 0, 0});
  lua_pushcfunction(L, yieldableBody);
  lua_State* co = newCoroutine(L);
  int nres = 0;
  yieldable.clear();
  REQUIRE(lua_resume(co, L, 0, &nres) == LUA_OK);
  CHECK(yieldable == std::vector<int>{1, 0, 1});
  CHECK(lua_isyieldable(co) == 1);  // outside any C call, as Lua 5.4.8 answers
}

namespace {

struct ContinuationRecord {
  int calls = 0;
  int status = -1;
  lua_KContext ctx = 0;
  std::string stack;
};

ContinuationRecord cont;

int recordContinuation(lua_State* L, int status, lua_KContext ctx) {
  cont.calls++;
  cont.status = status;
  cont.ctx = ctx;
  cont.stack = stackText(L);
  return 0;
}

int yieldkContinuation(lua_State* L, int status, lua_KContext ctx) {
  recordContinuation(L, status, ctx);
  lua_pushliteral(L, "k done");
  return lua_gettop(L);
}

int yieldkBody(lua_State* L) {
  lua_pushliteral(L, "kept");
  lua_pushliteral(L, "yielded");
  return lua_yieldk(L, 1, 42, yieldkContinuation);
}

}  // namespace

TEST_CASE("api: lua_yieldk: the continuation gets the resume arguments and ctx") {
  State s;
  lua_State* L = s.L;
  cont = {};
  lua_pushcfunction(L, yieldkBody);
  lua_State* co = newCoroutine(L);
  lua_pushliteral(co, "x");
  int nres = 0;
  REQUIRE(lua_resume(co, L, 1, &nres) == LUA_YIELD);
  CHECK(nres == 1);
  CHECK(text(co, -1) == "yielded");
  CHECK(cont.calls == 0);
  lua_pop(co, nres);
  lua_pushliteral(co, "r1");
  lua_pushliteral(co, "r2");
  REQUIRE(lua_resume(co, L, 2, &nres) == LUA_OK);
  CHECK(cont.calls == 1);
  CHECK(cont.status == LUA_YIELD);
  CHECK(cont.ctx == 42);
  CHECK(cont.stack == "x kept r1 r2");  // the yielded value replaced by the arguments
  CHECK(nres == 5);
  CHECK(stackText(co) == "x kept r1 r2 k done");

  // lua_yield (no continuation) from a C function called by Lua: the Lua
  // caller goes on with the resume arguments as the call's results.
  lua_register(L, "yield", yieldAll);
  REQUIRE(apitest::load(L, "local r = yield('out') return r .. '!'") == LUA_OK);
  lua_State* co2 = newCoroutine(L);
  REQUIRE(lua_resume(co2, L, 0, &nres) == LUA_YIELD);
  CHECK(text(co2, -1) == "out");
  lua_pop(co2, nres);
  lua_pushliteral(co2, "back");
  REQUIRE(lua_resume(co2, L, 1, &nres) == LUA_OK);
  CHECK(text(co2, -1) == "back!");
}

namespace {

int callkContinuation(lua_State* L, int status, lua_KContext ctx) {
  recordContinuation(L, status, ctx);
  lua_Integer r = lua_tointeger(L, -1);
  lua_pushinteger(L, r + 1);
  return 1;
}

int callkBody(lua_State* L) {
  lua_getglobal(L, "double");
  lua_pushinteger(L, 10);
  lua_callk(L, 1, 1, 7, callkContinuation);
  return callkContinuation(L, LUA_OK, 7);
}

}  // namespace

TEST_CASE("api: lua_callk: the continuation finishes the C function after the callee yields") {
  State s;
  lua_State* L = s.L;
  lua_register(L, "yield", yieldAll);
  REQUIRE(run(L, "function double(n) local r = yield(n) return r * 2 end") == LUA_OK);
  cont = {};
  lua_pushcfunction(L, callkBody);
  lua_State* co = newCoroutine(L);
  lua_pushliteral(co, "below");
  int nres = 0;
  REQUIRE(lua_resume(co, L, 1, &nres) == LUA_YIELD);
  CHECK(nres == 1);
  CHECK(lua_tointeger(co, -1) == 10);
  lua_pop(co, nres);
  lua_pushinteger(co, 5);
  REQUIRE(lua_resume(co, L, 1, &nres) == LUA_OK);
  CHECK(cont.calls == 1);
  CHECK(cont.status == LUA_YIELD);
  CHECK(cont.ctx == 7);
  CHECK(cont.stack == "below 10");  // function and argument replaced by the result
  REQUIRE(nres == 1);
  CHECK(lua_tointeger(co, -1) == 11);

  // Without a yield, lua_callk returns and the body calls the continuation.
  REQUIRE(run(L, "function double(n) return n * 2 end") == LUA_OK);
  cont = {};
  REQUIRE(pcallFunction(L, callkBody) == LUA_OK);
  CHECK(cont.calls == 1);
  CHECK(cont.status == LUA_OK);
  CHECK(lua_tointeger(L, -1) == 21);
}

namespace {

int pcallkContinuation(lua_State* L, int status, lua_KContext ctx) {
  recordContinuation(L, status, ctx);
  lua_pushinteger(L, status);
  return 2;
}

int pcallkBody(lua_State* L) {
  lua_getglobal(L, "callee");
  int status = lua_pcallk(L, 0, 1, 0, 9, pcallkContinuation);
  return pcallkContinuation(L, status, 9);
}

}  // namespace

TEST_CASE("api: lua_pcallk: a callee that yields, then errors or returns") {
  State s(true);
  lua_State* L = s.L;
  int nres = 0;
  SUBCASE("yields, then errors: the continuation gets the error status") {
    REQUIRE(run(L, "function callee() local v = coroutine.yield('y') error('failed: ' .. v, 0) end") == LUA_OK);
    cont = {};
    lua_pushcfunction(L, pcallkBody);
    lua_State* co = newCoroutine(L);
    REQUIRE(lua_resume(co, L, 0, &nres) == LUA_YIELD);
    CHECK(text(co, -1) == "y");
    lua_pop(co, nres);
    lua_pushliteral(co, "later");
    REQUIRE(lua_resume(co, L, 1, &nres) == LUA_OK);  // the error was caught
    CHECK(cont.calls == 1);
    CHECK(cont.status == LUA_ERRRUN);
    CHECK(cont.ctx == 9);
    CHECK(cont.stack == "failed: later");
    CHECK(nres == 2);
    CHECK(stackText(co) == "failed: later 2");
  }
  SUBCASE("yields, then returns: LUA_YIELD") {
    REQUIRE(run(L, "function callee() return coroutine.yield('y') .. '+' end") == LUA_OK);
    cont = {};
    lua_pushcfunction(L, pcallkBody);
    lua_State* co = newCoroutine(L);
    REQUIRE(lua_resume(co, L, 0, &nres) == LUA_YIELD);
    lua_pop(co, nres);
    lua_pushliteral(co, "v");
    REQUIRE(lua_resume(co, L, 1, &nres) == LUA_OK);
    CHECK(cont.calls == 1);
    CHECK(cont.status == LUA_YIELD);
    CHECK(stackText(co) == "v+ 1");
  }
  SUBCASE("errors without yielding: lua_pcallk returns the status") {
    REQUIRE(run(L, "function callee() error('at once', 0) end") == LUA_OK);
    cont = {};
    lua_pushcfunction(L, pcallkBody);
    lua_State* co = newCoroutine(L);
    REQUIRE(lua_resume(co, L, 0, &nres) == LUA_OK);
    CHECK(cont.calls == 1);  // the body's own call
    CHECK(cont.status == LUA_ERRRUN);
    CHECK(stackText(co) == "at once 2");
  }
}

namespace {

int callsYieldPlainly(lua_State* L) {
  lua_getglobal(L, "yieldsInside");
  lua_call(L, 0, 0);
  return 0;
}

}  // namespace

TEST_CASE("api: yielding across a plain lua_call, or outside a coroutine, is an error") {
  State s;
  lua_State* L = s.L;
  lua_register(L, "yield", yieldAll);
  REQUIRE(run(L, "function yieldsInside() yield(1) end") == LUA_OK);
  lua_pushcfunction(L, callsYieldPlainly);
  lua_State* co = newCoroutine(L);
  int nres = 0;
  CHECK(lua_resume(co, L, 0, &nres) == LUA_ERRRUN);
  CHECK(text(co, -1) == "attempt to yield across a C-call boundary");
  CHECK(lua_status(co) == LUA_ERRRUN);

  REQUIRE(pcallFunction(L, [](lua_State* L) { return lua_yield(L, 0); }) == LUA_ERRRUN);
  CHECK(text(L, -1) == "attempt to yield from outside a coroutine");
}

TEST_CASE("api: lua_closethread and lua_resetthread") {
  State s(true);
  lua_State* L = s.L;
  REQUIRE(run(L, "function body()\n"
                 "  local x <close> = setmetatable({}, {__close = function(_, err) closedWith = tostring(err) end})\n"
                 "  coroutine.yield(1)\n"
                 "end\n"
                 "function failingClose()\n"
                 "  local x <close> = setmetatable({}, {__close = function() error('close error', 0) end})\n"
                 "  coroutine.yield(1)\n"
                 "end\n"
                 "function dies() error('died', 0) end") == LUA_OK);
  int nres = 0;
  SUBCASE("a suspended coroutine with a pending to-be-closed variable") {
    lua_getglobal(L, "body");
    lua_State* co = newCoroutine(L);
    REQUIRE(lua_resume(co, L, 0, &nres) == LUA_YIELD);
    CHECK(lua_closethread(co, L) == LUA_OK);
    CHECK(eval(L, "return closedWith") == "nil");
    CHECK(lua_status(co) == LUA_OK);
    CHECK(lua_gettop(co) == 0);
    // The thread can run again.
    lua_pushcfunction(co, returnArguments);
    lua_pushinteger(co, 8);
    REQUIRE(lua_resume(co, L, 1, &nres) == LUA_OK);
    CHECK(lua_tointeger(co, -1) == 8);
  }
  SUBCASE("an error in a __close: its status and error object") {
    lua_getglobal(L, "failingClose");
    lua_State* co = newCoroutine(L);
    REQUIRE(lua_resume(co, L, 0, &nres) == LUA_YIELD);
    CHECK(lua_closethread(co, L) == LUA_ERRRUN);
    CHECK(text(co, -1) == "close error");
    CHECK(lua_status(co) == LUA_OK);
  }
  SUBCASE("a coroutine dead by an error: the original error") {
    lua_getglobal(L, "dies");
    lua_State* co = newCoroutine(L);
    REQUIRE(lua_resume(co, L, 0, &nres) == LUA_ERRRUN);
    CHECK(lua_closethread(co, L) == LUA_ERRRUN);
    CHECK(text(co, -1) == "died");
    CHECK(lua_status(co) == LUA_OK);
  }
  SUBCASE("lua_resetthread is lua_closethread(L, NULL)") {
    lua_getglobal(L, "body");
    lua_State* co = newCoroutine(L);
    REQUIRE(lua_resume(co, L, 0, &nres) == LUA_YIELD);
    CHECK(lua_resetthread(co) == LUA_OK);
    CHECK(eval(L, "return closedWith") == "nil");
    CHECK(lua_status(co) == LUA_OK);
  }
}

// --- warnings ---

namespace {

struct Warnings {
  std::vector<std::string> pieces;  // each piece, with "+" when continued
  std::string messages;             // whole messages, one per line
};

void recordWarning(void* ud, const char* msg, int tocont) {
  auto* w = static_cast<Warnings*>(ud);
  w->pieces.push_back(std::string(msg) + (tocont ? "+" : ""));
  w->messages += msg;
  if (!tocont) w->messages += '\n';
}

}  // namespace

TEST_CASE("api: lua_warning and lua_setwarnf") {
  State s(true);
  lua_State* L = s.L;
  Warnings w;
  lua_setwarnf(L, recordWarning, &w);
  lua_warning(L, "first ", 1);
  lua_warning(L, "second ", 1);
  lua_warning(L, "end", 0);
  lua_warning(L, "@on", 0);  // control messages reach a custom function as they are
  CHECK(w.pieces == std::vector<std::string>{"first +", "second +", "end", "@on"});
  CHECK(w.messages == "first second end\n@on\n");
  w = {};
  REQUIRE(run(L, "warn('from ', 'Lua')") == LUA_OK);
  CHECK(w.pieces == std::vector<std::string>{"from +", "Lua"});
  lua_setwarnf(L, nullptr, nullptr);  // warnings ignored
  lua_warning(L, "ignored", 0);
  REQUIRE(run(L, "warn('ignored too')") == LUA_OK);
  CHECK(w.pieces.size() == 2);
}

// --- the collector ---

namespace {

int finalized = 0;

int countFinalizer(lua_State*) {
  finalized++;
  return 0;
}

// Pushes a userdata whose metatable has __gc = countFinalizer.
void pushFinalizable(lua_State* L, int nuvalue = 0) {
  lua_newuserdatauv(L, 8, nuvalue);
  lua_newtable(L);
  lua_pushcfunction(L, countFinalizer);
  lua_setfield(L, -2, "__gc");
  lua_setmetatable(L, -2);
}

int gcResultsInFinalizer[2];

int gcInFinalizer(lua_State* L) {
  gcResultsInFinalizer[0] = lua_gc(L, LUA_GCCOUNT);
  gcResultsInFinalizer[1] = lua_gc(L, LUA_GCCOLLECT);
  return 0;
}

}  // namespace

// Lua 5.4.8's lua_newstate starts in incremental mode (its standalone
// interpreter switches to generational, as the tycho command starts).
TEST_CASE("api: lua_newstate's collector starts in incremental mode, as Lua 5.4.8's") {
  State s;
  CHECK(lua_gc(s.L, LUA_GCGEN, 0, 0) == LUA_GCINC);
}

TEST_CASE("api: lua_gc with every option") {
  State s;
  lua_State* L = s.L;
  CHECK(lua_gc(L, LUA_GCCOLLECT) == 0);
  int kb = lua_gc(L, LUA_GCCOUNT);
  int bytes = lua_gc(L, LUA_GCCOUNTB);
  CHECK(kb > 0);
  CHECK(bytes >= 0);
  CHECK(bytes < 1024);
  // The count is what the allocator holds.
  CHECK(size_t(kb) * 1024 + size_t(bytes) == s.alloc.liveBytes);
  std::string big(1 << 20, 'x');
  lua_pushlstring(L, big.data(), big.size());
  CHECK(lua_gc(L, LUA_GCCOUNT) >= kb + 1024);
  lua_pop(L, 1);
  CHECK(lua_gc(L, LUA_GCCOLLECT) == 0);
  CHECK(lua_gc(L, LUA_GCCOUNT) < kb + 1024);

  // STOP, ISRUNNING, RESTART.
  CHECK(lua_gc(L, LUA_GCISRUNNING) == 1);
  CHECK(lua_gc(L, LUA_GCSTOP) == 0);
  CHECK(lua_gc(L, LUA_GCISRUNNING) == 0);
  finalized = 0;
  for (int i = 0; i < 20000; i++) {
    pushFinalizable(L);
    lua_pop(L, 1);
  }
  CHECK(finalized == 0);  // no collection while stopped
  CHECK(lua_gc(L, LUA_GCRESTART) == 0);
  CHECK(lua_gc(L, LUA_GCISRUNNING) == 1);
  lua_gc(L, LUA_GCCOLLECT);
  CHECK(finalized == 20000);

  // Modes: each change returns the previous mode (the first mode: see the
  // next test).
  int initial = lua_gc(L, LUA_GCINC, 0, 0, 0);
  CHECK((initial == LUA_GCINC || initial == LUA_GCGEN));
  CHECK(lua_gc(L, LUA_GCGEN, 0, 0) == LUA_GCINC);
  CHECK(lua_gc(L, LUA_GCGEN, 0, 0) == LUA_GCGEN);
  CHECK(lua_gc(L, LUA_GCINC, 0, 0, 0) == LUA_GCGEN);
  CHECK(lua_gc(L, LUA_GCINC, 0, 0, 0) == LUA_GCINC);
  // The parameters (deprecated options): the previous value.
  CHECK(lua_gc(L, LUA_GCSETPAUSE, 120) == 200);
  CHECK(lua_gc(L, LUA_GCSETPAUSE, 200) == 120);
  CHECK(lua_gc(L, LUA_GCSETSTEPMUL, 400) == 100);
  CHECK(lua_gc(L, LUA_GCSETSTEPMUL, 100) == 400);

  // STEP: true when a step finishes a cycle; the garbage is then collected.
  finalized = 0;
  pushFinalizable(L);
  lua_pop(L, 1);
  int steps = 0;
  while (lua_gc(L, LUA_GCSTEP, 0) == 0 && steps < 100000) steps++;
  CHECK(steps < 100000);
  while (lua_gc(L, LUA_GCSTEP, 0) == 0 && steps < 200000) steps++;  // one more full cycle
  CHECK(finalized == 1);
  CHECK(lua_gc(L, LUA_GCSTEP, 100000) == 1);  // a big step finishes a cycle

  CHECK(lua_gc(L, 12345) == -1);  // not an option

  // Inside a finalizer, every option answers -1.
  lua_newuserdatauv(L, 1, 0);
  lua_newtable(L);
  lua_pushcfunction(L, gcInFinalizer);
  lua_setfield(L, -2, "__gc");
  lua_setmetatable(L, -2);
  lua_pop(L, 1);
  gcResultsInFinalizer[0] = gcResultsInFinalizer[1] = 0;
  lua_gc(L, LUA_GCCOLLECT);
  CHECK(gcResultsInFinalizer[0] == -1);
  CHECK(gcResultsInFinalizer[1] == -1);
  CHECK(lua_gc(L, LUA_GCCOUNT) > 0);  // and normal again after
}

namespace {

int failingFinalizer(lua_State* L) {
  lua_pushliteral(L, "gc failed");
  return lua_error(L);
}

int tableFinalizerError(lua_State* L) {
  lua_newtable(L);
  return lua_error(L);
}

}  // namespace

TEST_CASE("api: errors in __gc become warnings") {
  State s;
  lua_State* L = s.L;
  Warnings w;
  lua_setwarnf(L, recordWarning, &w);
  finalized = 0;
  // No collection before the explicit one (the GC stress build collects at
  // every allocation), so that both finalizers run in it, newest first.
  lua_gc(L, LUA_GCSTOP);
  for (lua_CFunction gc : {failingFinalizer, tableFinalizerError}) {
    lua_newuserdatauv(L, 1, 0);
    lua_newtable(L);
    lua_pushcfunction(L, gc);
    lua_setfield(L, -2, "__gc");
    lua_setmetatable(L, -2);
    lua_pop(L, 1);
    pushFinalizable(L);
    lua_pop(L, 1);
  }
  lua_gc(L, LUA_GCCOLLECT);
  CHECK(finalized == 2);  // the other finalizers still ran
  CHECK(w.messages == "error in __gc (error object is not a string)\nerror in __gc (gc failed)\n");
  CHECK(eval(L, "return 1 + 1") == "2");
}

TEST_CASE("api: lua_close runs the pending finalizers") {
  State s;
  lua_State* L = s.L;
  finalized = 0;
  pushFinalizable(L);
  lua_setfield(L, LUA_REGISTRYINDEX, "anchored");
  pushFinalizable(L);  // left on the stack
  lua_gc(L, LUA_GCCOLLECT);
  CHECK(finalized == 0);
  s.close();
  CHECK(finalized == 2);
}

namespace {

int stressFinalized = 0;
int stressBad = 0;

// Checks that the userdata is whole when finalized: its block and its user
// values (the second one repeats the number in the block).
int stressFinalizer(lua_State* L) {
  stressFinalized++;
  auto* id = static_cast<lua_Integer*>(lua_touserdata(L, 1));
  if (id == nullptr || lua_getiuservalue(L, 1, 2) != LUA_TNUMBER || lua_tointeger(L, -1) != *id) stressBad++;
  if (lua_getiuservalue(L, 1, 1) != LUA_TTABLE || lua_getfield(L, -1, "back") != LUA_TUSERDATA ||
      !lua_rawequal(L, -1, 1)) {
    stressBad++;
  }
  return 0;
}

}  // namespace

TEST_CASE("api: collector stress: userdata with finalizers and user values, anchored and released") {
  for (int mode : {LUA_GCINC, LUA_GCGEN}) {
    CAPTURE(mode);
    State s;
    lua_State* L = s.L;
    if (mode == LUA_GCGEN) lua_gc(L, LUA_GCGEN, 0, 0);
    else lua_gc(L, LUA_GCINC, 0, 0, 0);
    stressFinalized = stressBad = 0;
    lua_newtable(L);  // 1: the anchors, kept in the registry
    lua_pushvalue(L, 1);
    lua_setfield(L, LUA_REGISTRYINDEX, "anchors");
    lua_newtable(L);  // 2: the shared metatable
    lua_pushcfunction(L, stressFinalizer);
    lua_setfield(L, 2, "__gc");
    const int rounds = 8, perRound = 600;
    int released = 0;
    for (int round = 0; round < rounds; round++) {
      for (int i = 1; i <= perRound; i++) {
        lua_Integer id = lua_Integer(round) * perRound + i;
        *static_cast<lua_Integer*>(lua_newuserdatauv(L, sizeof(lua_Integer), 2)) = id;
        lua_pushvalue(L, 2);
        lua_setmetatable(L, -2);
        lua_createtable(L, 0, 2);  // user value 1: a table pointing back at the userdata
        lua_pushfstring(L, "payload %I", id);
        lua_setfield(L, -2, "s");
        lua_pushvalue(L, -2);
        lua_setfield(L, -2, "back");
        lua_setiuservalue(L, -2, 1);
        lua_pushinteger(L, id);
        lua_setiuservalue(L, -2, 2);
        lua_rawseti(L, 1, id);
      }
      // Release the odd ones of this round (and every third one of the last round's survivors).
      for (int i = 1; i <= perRound; i += 2) {
        lua_pushnil(L);
        lua_rawseti(L, 1, lua_Integer(round) * perRound + i);
        released++;
      }
      if (round % 2 == 1) {
        lua_gc(L, LUA_GCCOLLECT);
        CHECK(stressFinalized == released);
      } else {
        lua_gc(L, LUA_GCSTEP, 10);
      }
      // The survivors are whole.
      for (int i = 2; i <= perRound; i += 50) {
        lua_Integer id = lua_Integer(round) * perRound + i;
        REQUIRE(lua_rawgeti(L, 1, id) == LUA_TUSERDATA);
        CHECK(*static_cast<lua_Integer*>(lua_touserdata(L, -1)) == id);
        REQUIRE(lua_getiuservalue(L, -1, 1) == LUA_TTABLE);
        CHECK(lua_getfield(L, -1, "s") == LUA_TSTRING);
        CHECK(text(L, -1) == "payload " + std::to_string(id));
        CHECK(lua_getiuservalue(L, -3, 2) == LUA_TNUMBER);
        CHECK(lua_tointeger(L, -1) == id);
        lua_settop(L, 2);
      }
    }
    lua_gc(L, LUA_GCCOLLECT);
    CHECK(stressFinalized == released);
    // Release everything.
    lua_pushnil(L);
    lua_setfield(L, LUA_REGISTRYINDEX, "anchors");
    lua_settop(L, 0);
    lua_gc(L, LUA_GCCOLLECT);
    lua_gc(L, LUA_GCCOLLECT);
    CHECK(stressFinalized == rounds * perRound);
    CHECK(stressBad == 0);
  }
}

// --- the host's allocator ---

namespace {

long secondAllocatorCalls = 0;

void* secondAllocator(void* ud, void* ptr, size_t osize, size_t nsize) {
  secondAllocatorCalls++;
  return apitest::allocate(ud, ptr, osize, nsize);
}

bool hasKind(const apitest::Allocator& a, int kind) {
  return std::find(a.kinds.begin(), a.kinds.end(), size_t(kind)) != a.kinds.end();
}

}  // namespace

TEST_CASE("api: the allocator receives every block: sizes, kinds, lua_getallocf, lua_setallocf") {
  State s;
  lua_State* L = s.L;
  CHECK(s.alloc.newBlocks > 0);
  CHECK(s.alloc.liveBytes > 0);
  void* ud = nullptr;
  CHECK((lua_getallocf(L, &ud) == apitest::allocate));
  CHECK(ud == &s.alloc);
  CHECK((lua_getallocf(L, nullptr) == apitest::allocate));

  // A new object of each collectable type: its block comes with its type as osize.
  s.alloc.recordKinds = true;
  lua_newtable(L);
  CHECK(hasKind(s.alloc, LUA_TTABLE));
  s.alloc.kinds.clear();
  lua_pushliteral(L, "a string never seen before in this state");
  CHECK(hasKind(s.alloc, LUA_TSTRING));
  s.alloc.kinds.clear();
  std::string longString(500, 'z');
  lua_pushlstring(L, longString.data(), longString.size());
  CHECK(hasKind(s.alloc, LUA_TSTRING));
  s.alloc.kinds.clear();
  lua_newuserdatauv(L, 32, 1);
  CHECK(hasKind(s.alloc, LUA_TUSERDATA));
  s.alloc.kinds.clear();
  lua_newthread(L);
  CHECK(hasKind(s.alloc, LUA_TTHREAD));
  s.alloc.kinds.clear();
  lua_pushinteger(L, 1);
  lua_pushcclosure(L, returnArguments, 1);
  CHECK(hasKind(s.alloc, LUA_TFUNCTION));
  s.alloc.kinds.clear();
  REQUIRE(apitest::load(L, "return function() end") == LUA_OK);
  CHECK(hasKind(s.alloc, LUA_TFUNCTION));
  s.alloc.recordKinds = false;
  lua_settop(L, 0);

  // Another allocator takes over the same blocks.
  secondAllocatorCalls = 0;
  lua_setallocf(L, secondAllocator, &s.alloc);
  CHECK((lua_getallocf(L, &ud) == secondAllocator));
  CHECK(ud == &s.alloc);
  CHECK(eval(L, "local t = {} for i = 1, 1000 do t[i] = {i} end return #t") == "1000");
  lua_gc(L, LUA_GCCOLLECT);
  CHECK(secondAllocatorCalls > 1000);
  long before = s.alloc.calls;
  s.close();  // every block freed with its size, through the second allocator
  CHECK(s.alloc.calls > before);
}

TEST_CASE("api: a memory limit: LUA_ERRMEM, and the state still usable") {
  State s;
  lua_State* L = s.L;
  lua_settop(L, 0);
  lua_gc(L, LUA_GCCOLLECT);
  s.alloc.limit = s.alloc.liveBytes + 256 * 1024;
  CHECK(run(L, "local t = {} for i = 1, 1e8 do t[i] = {} end") == LUA_ERRMEM);
  CHECK(text(L, -1) == "not enough memory");
  CHECK(s.alloc.refused > 0);
  lua_settop(L, 0);
  CHECK(eval(L, "local s = 0 for i = 1, 100 do s = s + i end return s") == "5050");

  // From C: a userdata too large for the limit; no message handler call.
  handlerCalls = 0;
  lua_pushcfunction(L, countingHandler);
  lua_pushcfunction(L, [](lua_State* L) {
    lua_newuserdatauv(L, 1 << 20, 0);
    return 1;
  });
  CHECK(lua_pcall(L, 0, 1, 1) == LUA_ERRMEM);
  CHECK(handlerCalls == 0);
  CHECK(text(L, -1) == "not enough memory");
  lua_settop(L, 0);

  // Growing a string past the limit.
  CHECK(run(L, "local s = 'x' while true do s = s .. s end") == LUA_ERRMEM);
  lua_settop(L, 0);
  s.alloc.limit = SIZE_MAX;
  CHECK(eval(L, "local t = {} for i = 1, 10000 do t[i] = {} end return #t") == "10000");
}

TEST_CASE("api: lua_newstate returns NULL when the allocator gives nothing") {
  apitest::Allocator refusing;
  refusing.limit = 0;
  CHECK(lua_newstate(apitest::allocate, &refusing) == nullptr);
  CHECK(refusing.refused > 0);
  CHECK(refusing.blocks.empty());
  // Nor with too little memory, whichever allocation fails: whatever was
  // taken is given back.
  int made = 0;
  for (size_t limit = 64; limit < 64 * 1024 && made < 3; limit += 64) {
    apitest::Allocator small;
    small.limit = limit;
    lua_State* L = lua_newstate(apitest::allocate, &small);
    if (L != nullptr) {
      made++;
      lua_close(L);
    }
    CHECK(small.blocks.empty());
  }
  CHECK(made == 3);
}

TEST_CASE("api: lua_setcstacklimit (deprecated) and lua_version") {
  State s;
  CHECK(lua_setcstacklimit(s.L, 1000) == 200);  // LUAI_MAXCCALLS: the call does nothing
  CHECK(lua_version(s.L) == 504);
}
