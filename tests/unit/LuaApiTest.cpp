// The C API of manual §4.1-4.3 and §4.6 through lua.h only: the stack and
// its indices (valid, acceptable, pseudo-indices), pushing and reading
// values, arithmetic and comparison, tables and metatables with and without
// metamethods, userdata and their user values, threads, load and dump.
// Calls, errors, coroutines, the collector and memory are in
// LuaApiCallTest.cpp, the debug interface in LuaApiDebugTest.cpp.
#include <doctest/doctest.h>

#include <climits>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <set>
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

void pushIntegers(lua_State* L, int from, int to) {
  for (int i = from; i <= to; i++) lua_pushinteger(L, i);
}

}  // namespace

// --- §4.1 the stack and its indices ---

TEST_CASE("api: lua_gettop, lua_settop, lua_pop, lua_absindex, lua_pushvalue") {
  State s;
  lua_State* L = s.L;
  CHECK(lua_gettop(L) == 0);
  pushIntegers(L, 1, 3);
  CHECK(lua_gettop(L) == 3);
  CHECK(lua_absindex(L, -1) == 3);
  CHECK(lua_absindex(L, -3) == 1);
  CHECK(lua_absindex(L, 2) == 2);
  CHECK(lua_absindex(L, 5) == 5);  // an acceptable index past the top stays
  CHECK(lua_absindex(L, LUA_REGISTRYINDEX) == LUA_REGISTRYINDEX);
  CHECK(lua_absindex(L, lua_upvalueindex(2)) == lua_upvalueindex(2));
  lua_pushvalue(L, 1);
  lua_pushvalue(L, -2);
  CHECK(stackText(L) == "1 2 3 1 3");
  lua_settop(L, 7);  // new slots are nil
  CHECK(stackText(L) == "1 2 3 1 3 <nil> <nil>");
  lua_settop(L, -3);  // -1 keeps the top; -3 drops two
  CHECK(stackText(L) == "1 2 3 1 3");
  lua_pop(L, 2);
  CHECK(stackText(L) == "1 2 3");
  lua_settop(L, 0);
  CHECK(lua_gettop(L) == 0);
}

TEST_CASE("api: lua_rotate, lua_insert, lua_remove, lua_replace, lua_copy") {
  State s;
  lua_State* L = s.L;
  pushIntegers(L, 1, 5);
  lua_rotate(L, 2, 1);
  CHECK(stackText(L) == "1 5 2 3 4");
  lua_rotate(L, 2, -1);
  CHECK(stackText(L) == "1 2 3 4 5");
  lua_rotate(L, 1, 2);
  CHECK(stackText(L) == "4 5 1 2 3");
  lua_rotate(L, -3, -2);
  CHECK(stackText(L) == "4 5 3 1 2");
  lua_rotate(L, 1, 0);
  CHECK(stackText(L) == "4 5 3 1 2");
  lua_settop(L, 0);

  pushIntegers(L, 1, 4);
  lua_insert(L, 1);
  CHECK(stackText(L) == "4 1 2 3");
  lua_insert(L, -1);  // the top onto itself
  CHECK(stackText(L) == "4 1 2 3");
  lua_remove(L, 2);
  CHECK(stackText(L) == "4 2 3");
  lua_remove(L, -1);
  CHECK(stackText(L) == "4 2");
  lua_pushinteger(L, 9);
  lua_replace(L, 1);
  CHECK(stackText(L) == "9 2");
  lua_pushinteger(L, 7);
  lua_copy(L, -1, 1);
  CHECK(stackText(L) == "7 2 7");
  lua_copy(L, 2, -1);
  CHECK(stackText(L) == "7 2 2");
}

TEST_CASE("api: acceptable indices past the top read as none") {
  State s;
  lua_State* L = s.L;
  lua_pushinteger(L, 1);
  for (int idx : {2, 3, LUA_MINSTACK}) {
    CAPTURE(idx);
    CHECK(lua_type(L, idx) == LUA_TNONE);
    CHECK(lua_isnone(L, idx));
    CHECK(lua_isnoneornil(L, idx));
    CHECK_FALSE(lua_isnil(L, idx));
    CHECK_FALSE(lua_toboolean(L, idx));
    int isnum = 1;
    CHECK(lua_tonumberx(L, idx, &isnum) == 0);
    CHECK(isnum == 0);
    isnum = 1;
    CHECK(lua_tointegerx(L, idx, &isnum) == 0);
    CHECK(isnum == 0);
    size_t len = 99;
    CHECK(lua_tolstring(L, idx, &len) == nullptr);
    CHECK(lua_isnumber(L, idx) == 0);
    CHECK(lua_isstring(L, idx) == 0);
    CHECK(lua_isinteger(L, idx) == 0);
    CHECK(lua_iscfunction(L, idx) == 0);
    CHECK(lua_isuserdata(L, idx) == 0);
    CHECK(lua_touserdata(L, idx) == nullptr);
    CHECK(lua_tothread(L, idx) == nullptr);
    CHECK((lua_tocfunction(L, idx) == nullptr));
    CHECK(lua_topointer(L, idx) == nullptr);
    CHECK(lua_rawlen(L, idx) == 0);
    CHECK(lua_getmetatable(L, idx) == 0);
    CHECK(lua_rawequal(L, idx, idx) == 0);  // not valid: 0 even with itself
    CHECK(lua_rawequal(L, 1, idx) == 0);
    CHECK(lua_compare(L, 1, idx, LUA_OPEQ) == 0);
    CHECK(lua_compare(L, idx, idx, LUA_OPLE) == 0);
    CHECK(lua_gettop(L) == 1);
  }
  lua_pushvalue(L, 3);  // none is pushed as nil
  CHECK(lua_type(L, -1) == LUA_TNIL);
  CHECK(std::string(lua_typename(L, LUA_TNONE)) == "no value");
}

TEST_CASE("api: the registry and its predefined values") {
  State s;
  lua_State* L = s.L;
  CHECK(lua_type(L, LUA_REGISTRYINDEX) == LUA_TTABLE);
  CHECK(lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_MAINTHREAD) == LUA_TTHREAD);
  CHECK(lua_tothread(L, -1) == L);
  CHECK(lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS) == LUA_TTABLE);
  lua_pushglobaltable(L);
  CHECK(lua_rawequal(L, -1, -2));
  lua_settop(L, 0);
  // A value stored under a string key, through lua_setfield on the pseudo-index.
  lua_pushliteral(L, "kept");
  lua_setfield(L, LUA_REGISTRYINDEX, "tests.api.key");
  CHECK(lua_getfield(L, LUA_REGISTRYINDEX, "tests.api.key") == LUA_TSTRING);
  CHECK(text(L, -1) == "kept");
  // and under a light userdata key (lua_rawsetp)
  static const char anchor = 0;
  lua_pushinteger(L, 5);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &anchor);
  CHECK(lua_rawgetp(L, LUA_REGISTRYINDEX, &anchor) == LUA_TNUMBER);
  CHECK(lua_tointeger(L, -1) == 5);
  lua_pushvalue(L, LUA_REGISTRYINDEX);
  CHECK(lua_istable(L, -1));
}

namespace {

// The upvalues of a C closure: two set, the third acceptable but not valid;
// the second a counter the closure keeps between calls.
int upvalueCounter(lua_State* L) {
  CHECK(lua_type(L, lua_upvalueindex(1)) == LUA_TSTRING);
  CHECK(lua_type(L, lua_upvalueindex(2)) == LUA_TNUMBER);
  CHECK(lua_type(L, lua_upvalueindex(3)) == LUA_TNONE);
  CHECK(lua_isnone(L, lua_upvalueindex(256)));
  CHECK(lua_toboolean(L, lua_upvalueindex(3)) == 0);
  lua_pushvalue(L, lua_upvalueindex(3));
  CHECK(lua_isnil(L, -1));
  lua_pop(L, 1);
  lua_Integer n = lua_tointeger(L, lua_upvalueindex(2)) + 1;
  lua_pushinteger(L, n);
  lua_replace(L, lua_upvalueindex(2));
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_pushinteger(L, n);
  return 2;
}

int noUpvalues(lua_State* L) {
  lua_pushboolean(L, lua_type(L, lua_upvalueindex(1)) == LUA_TNONE);
  return 1;
}

// lua_tolstring on an upvalue converts it in place, as on a stack slot.
int upvalueToString(lua_State* L) {
  size_t len = 0;
  const char* str = lua_tolstring(L, lua_upvalueindex(1), &len);
  CHECK(std::string(str, len) == "12");
  lua_pushinteger(L, lua_type(L, lua_upvalueindex(1)));
  lua_copy(L, -1, lua_upvalueindex(2));  // lua_copy into an upvalue
  return 1;
}

}  // namespace

TEST_CASE("api: pseudo-indices of C closure upvalues (lua_upvalueindex)") {
  State s;
  lua_State* L = s.L;
  lua_pushliteral(L, "up");
  lua_pushinteger(L, 10);
  lua_pushcclosure(L, upvalueCounter, 2);
  CHECK(lua_gettop(L) == 1);  // the upvalues were popped
  CHECK(lua_iscfunction(L, 1));
  for (int expected : {11, 12}) {
    lua_pushvalue(L, 1);
    REQUIRE(lua_pcall(L, 0, 2, 0) == LUA_OK);
    CHECK(text(L, -2) == "up");
    CHECK(lua_tointeger(L, -1) == expected);
    lua_pop(L, 2);
  }
  // A light C function has no upvalues.
  REQUIRE(pcallFunction(L, noUpvalues) == LUA_OK);
  CHECK(lua_toboolean(L, -1));
  lua_settop(L, 0);

  lua_pushinteger(L, 12);
  lua_pushboolean(L, 0);
  lua_pushcclosure(L, upvalueToString, 2);
  lua_pushvalue(L, -1);
  REQUIRE(lua_pcall(L, 0, 1, 0) == LUA_OK);
  CHECK(lua_tointeger(L, -1) == LUA_TSTRING);
  lua_pop(L, 1);
  CHECK(std::string(lua_getupvalue(L, 1, 1)) == "");  // C upvalues have empty names
  CHECK(lua_type(L, -1) == LUA_TSTRING);
  CHECK(lua_getupvalue(L, 1, 2) != nullptr);
  CHECK(lua_tointeger(L, -1) == LUA_TSTRING);
}

TEST_CASE("api: lua_checkstack grows the stack up to LUAI_MAXSTACK and no further") {
  State s;
  lua_State* L = s.L;
  REQUIRE(lua_checkstack(L, 100));
  pushIntegers(L, 1, 100);
  CHECK(lua_gettop(L) == 100);
  CHECK(lua_tointeger(L, 100) == 100);
  CHECK(lua_checkstack(L, 0));
  CHECK(lua_checkstack(L, 300000));
  CHECK_FALSE(lua_checkstack(L, LUAI_MAXSTACK));
  CHECK_FALSE(lua_checkstack(L, LUAI_MAXSTACK + 1000));
  CHECK_FALSE(lua_checkstack(L, INT_MAX));
  CHECK(lua_gettop(L) == 100);
  CHECK(lua_tointeger(L, 50) == 50);
  lua_settop(L, 0);

  // Fill the stack until lua_checkstack says no: close to LUAI_MAXSTACK.
  int pushed = 0;
  while (lua_checkstack(L, 1000)) {
    for (int i = 0; i < 1000; i++) lua_pushinteger(L, pushed++);
    REQUIRE(pushed <= LUAI_MAXSTACK);
  }
  CHECK(pushed > LUAI_MAXSTACK - 2000);
  CHECK(lua_gettop(L) == pushed);
  CHECK(lua_tointeger(L, -1) == pushed - 1);
  lua_settop(L, 0);
  CHECK(eval(L, "return 6 * 7") == "42");  // still usable

  // Within a C function.
  REQUIRE(pcallFunction(L, [](lua_State* L) {
            int ok = lua_checkstack(L, 5000);
            for (int i = 0; ok && i < 5000; i++) lua_pushinteger(L, i);
            lua_pushboolean(L, !lua_checkstack(L, LUAI_MAXSTACK));
            lua_pushinteger(L, lua_gettop(L));
            return 2;
          }) == LUA_OK);
  CHECK(lua_toboolean(L, -2));
  CHECK(lua_tointeger(L, -1) == 5001);

  // When memory for the larger stack is refused, 0 as well: no error.
  State small;
  small.alloc.limit = small.alloc.liveBytes + 64 * 1024;
  CHECK_FALSE(lua_checkstack(small.L, 200000));
  CHECK(lua_gettop(small.L) == 0);
  small.alloc.limit = SIZE_MAX;
  CHECK(lua_checkstack(small.L, 200000));
}

// --- push and access functions ---

namespace {

const char* pushv(lua_State* L, const char* fmt, ...) {
  va_list argp;
  va_start(argp, fmt);
  const char* out = lua_pushvfstring(L, fmt, argp);
  va_end(argp);
  return out;
}

int dummyFunction(lua_State*) { return 0; }

}  // namespace

TEST_CASE("api: push functions and lua_type of each kind of value") {
  State s;
  lua_State* L = s.L;
  int probe = 0;
  lua_pushnil(L);
  lua_pushboolean(L, 7);
  lua_pushlightuserdata(L, &probe);
  lua_pushnumber(L, 1.5);
  lua_pushliteral(L, "str");
  lua_newtable(L);
  lua_pushcfunction(L, dummyFunction);
  lua_newuserdatauv(L, 4, 0);
  lua_State* co = lua_newthread(L);
  lua_pushinteger(L, 3);
  const int types[] = {LUA_TNIL, LUA_TBOOLEAN, LUA_TLIGHTUSERDATA, LUA_TNUMBER, LUA_TSTRING,
                       LUA_TTABLE, LUA_TFUNCTION, LUA_TUSERDATA, LUA_TTHREAD, LUA_TNUMBER};
  const char* names[] = {"nil", "boolean", "userdata", "number", "string",
                         "table", "function", "userdata", "thread", "number"};
  REQUIRE(lua_gettop(L) == 10);
  for (int i = 1; i <= 10; i++) {
    CAPTURE(i);
    CHECK(lua_type(L, i) == types[i - 1]);
    CHECK(std::string(lua_typename(L, lua_type(L, i))) == names[i - 1]);
  }
  CHECK(lua_isnil(L, 1));
  CHECK(lua_isboolean(L, 2));
  CHECK(lua_toboolean(L, 2) == 1);  // any non-zero int is true
  CHECK(lua_islightuserdata(L, 3));
  CHECK(lua_touserdata(L, 3) == &probe);
  CHECK(lua_isuserdata(L, 3));
  CHECK_FALSE(lua_islightuserdata(L, 8));
  CHECK(lua_isuserdata(L, 8));
  CHECK(lua_istable(L, 6));
  CHECK(lua_isfunction(L, 7));
  CHECK(lua_iscfunction(L, 7));
  CHECK((lua_tocfunction(L, 7) == dummyFunction));
  CHECK(lua_isthread(L, 9));
  CHECK(lua_tothread(L, 9) == co);
  CHECK(lua_tothread(L, 6) == nullptr);
  CHECK(lua_isinteger(L, 10));
  CHECK_FALSE(lua_isinteger(L, 4));
  CHECK(lua_touserdata(L, 6) == nullptr);
  CHECK((lua_tocfunction(L, 6) == nullptr));

  // lua_pushthread: 1 for the main thread only.
  CHECK(lua_pushthread(L) == 1);
  CHECK(lua_tothread(L, -1) == L);
  CHECK(lua_pushthread(co) == 0);
  CHECK(lua_tothread(co, -1) == co);

  // lua_register is lua_pushcfunction + lua_setglobal.
  lua_register(L, "dummy", dummyFunction);
  CHECK(lua_getglobal(L, "dummy") == LUA_TFUNCTION);
  CHECK((lua_tocfunction(L, -1) == dummyFunction));
  CHECK(lua_version(L) == LUA_VERSION_NUM);
  CHECK(std::strstr(lua_ident, "$LuaVersion: ") != nullptr);
}

TEST_CASE("api: lua_pushstring, lua_pushlstring, lua_pushfstring, lua_pushvfstring") {
  State s;
  lua_State* L = s.L;
  char buffer[] = "copied";
  const char* internal = lua_pushstring(L, buffer);
  CHECK(internal != buffer);
  buffer[0] = 'X';  // Lua keeps its own copy
  CHECK(std::string(internal) == "copied");
  CHECK(lua_tostring(L, -1) == internal);
  CHECK(lua_pushstring(L, nullptr) == nullptr);
  CHECK(lua_isnil(L, -1));
  const char* z = lua_pushlstring(L, "a\0b", 3);
  CHECK(std::memcmp(z, "a\0b", 4) == 0);  // zero-terminated after the body
  CHECK(lua_rawlen(L, -1) == 3);
  size_t len = 0;
  CHECK(std::memcmp(lua_tolstring(L, -1, &len), "a\0b", 3) == 0);
  CHECK(len == 3);
  CHECK(std::string(lua_pushlstring(L, nullptr, 0)) == "");
  CHECK(lua_rawlen(L, -1) == 0);
  std::string longer(1000, 'q');
  CHECK(std::string(lua_pushlstring(L, longer.data(), longer.size())) == longer);

  int probe = 0;
  char pointer[64];
  std::snprintf(pointer, sizeof pointer, "%p", static_cast<void*>(&probe));
  const char* f = lua_pushfstring(L, "%s|%d|%I|%f|%f|%c|%U|%%|%p|%s", "str", -5, (lua_Integer)1 << 40, 2.5, 2.0,
                                  'x', 0x20AC, static_cast<void*>(&probe), static_cast<const char*>(nullptr));
  CHECK(std::string(f) == std::string("str|-5|1099511627776|2.5|2.0|x|\xE2\x82\xAC|%|") + pointer + "|(null)");
  CHECK(lua_tostring(L, -1) == f);
  CHECK(std::string(pushv(L, "%d + %d = %s", 1, 2, "3")) == "1 + 2 = 3");
  CHECK(lua_type(L, -1) == LUA_TSTRING);

  // An unknown conversion is an error (§4.6 lua_pushfstring).
  lua_settop(L, 0);
  REQUIRE(pcallFunction(L, [](lua_State* L) {
            lua_pushfstring(L, "bad %q here");
            return 1;
          }) == LUA_ERRRUN);
  CHECK(text(L, -1) == "invalid option '%q' to 'lua_pushfstring'");
}

TEST_CASE("api: lua_tonumberx, lua_tointegerx, lua_isnumber, lua_isstring, lua_toboolean") {
  State s;
  lua_State* L = s.L;
  int isnum = 0;
  lua_pushliteral(L, " 0x10 ");
  CHECK(lua_isnumber(L, -1));
  CHECK(lua_isstring(L, -1));
  CHECK(lua_tointegerx(L, -1, &isnum) == 16);
  CHECK(isnum == 1);
  CHECK(lua_tonumberx(L, -1, &isnum) == 16.0);
  CHECK(lua_type(L, -1) == LUA_TSTRING);  // not converted in place
  lua_pushliteral(L, "3.0");
  CHECK(lua_tointegerx(L, -1, &isnum) == 3);
  CHECK(isnum == 1);
  CHECK_FALSE(lua_isinteger(L, -1));
  lua_pushnumber(L, 3.5);
  CHECK(lua_tointegerx(L, -1, &isnum) == 0);
  CHECK(isnum == 0);
  CHECK(lua_tonumberx(L, -1, nullptr) == 3.5);
  lua_pushnumber(L, 9223372036854775808.0);  // 2^63: no integer
  CHECK(lua_tointegerx(L, -1, &isnum) == 0);
  CHECK(isnum == 0);
  lua_pushliteral(L, "1e2");
  CHECK(lua_tonumber(L, -1) == 100.0);
  CHECK(lua_tointeger(L, -1) == 100);
  lua_pushliteral(L, "0x1p-1");
  CHECK(lua_tonumber(L, -1) == 0.5);
  lua_pushliteral(L, "12a");
  CHECK_FALSE(lua_isnumber(L, -1));
  CHECK(lua_tonumberx(L, -1, &isnum) == 0);
  CHECK(isnum == 0);
  lua_pushboolean(L, 1);
  CHECK_FALSE(lua_isnumber(L, -1));
  CHECK_FALSE(lua_isstring(L, -1));
  CHECK(lua_tonumberx(L, -1, &isnum) == 0);
  CHECK(isnum == 0);
  lua_pushinteger(L, 7);
  CHECK(lua_isstring(L, -1));  // numbers are strings to the API
  CHECK(lua_isnumber(L, -1));

  lua_settop(L, 0);
  lua_pushnil(L);
  lua_pushboolean(L, 0);
  lua_pushinteger(L, 0);
  lua_pushliteral(L, "");
  CHECK(lua_toboolean(L, 1) == 0);
  CHECK(lua_toboolean(L, 2) == 0);
  CHECK(lua_toboolean(L, 3) == 1);
  CHECK(lua_toboolean(L, 4) == 1);
}

TEST_CASE("api: lua_tolstring converts numbers in place") {
  State s;
  lua_State* L = s.L;
  lua_pushinteger(L, 42);
  lua_pushnumber(L, 1.5);
  lua_pushnumber(L, 2.0);
  lua_pushnumber(L, 1e100);
  lua_pushinteger(L, LUA_MININTEGER);
  lua_newtable(L);
  size_t len = 0;
  CHECK(std::string(lua_tolstring(L, 1, &len)) == "42");
  CHECK(len == 2);
  CHECK(lua_type(L, 1) == LUA_TSTRING);  // the stack slot changed
  CHECK(std::string(lua_tostring(L, 2)) == "1.5");
  CHECK(std::string(lua_tostring(L, 3)) == "2.0");
  CHECK(std::string(lua_tostring(L, 4)) == "1e+100");
  CHECK(std::string(lua_tostring(L, -2)) == "-9223372036854775808");
  for (int i = 1; i <= 5; i++) CHECK(lua_type(L, i) == LUA_TSTRING);
  len = 99;
  CHECK(lua_tolstring(L, 6, &len) == nullptr);  // not a string or a number
  CHECK(len == 0);
  CHECK(lua_type(L, 6) == LUA_TTABLE);
  // The string stays where it is: the same pointer while it is on the stack.
  const char* p = lua_tostring(L, 1);
  CHECK(lua_tostring(L, 1) == p);
}

TEST_CASE("api: lua_topointer") {
  State s;
  lua_State* L = s.L;
  int probe = 0;
  lua_newtable(L);
  lua_newtable(L);
  lua_pushvalue(L, 1);
  CHECK(lua_topointer(L, 1) != nullptr);
  CHECK(lua_topointer(L, 1) != lua_topointer(L, 2));
  CHECK(lua_topointer(L, 1) == lua_topointer(L, 3));
  lua_pushlightuserdata(L, &probe);
  CHECK(lua_topointer(L, -1) == &probe);
  void* block = lua_newuserdatauv(L, 8, 0);
  CHECK(lua_topointer(L, -1) == block);
  lua_pushcfunction(L, dummyFunction);
  CHECK(lua_topointer(L, -1) == reinterpret_cast<const void*>(dummyFunction));
  lua_pushliteral(L, "x");
  lua_pushcclosure(L, dummyFunction, 1);
  CHECK(lua_topointer(L, -1) != nullptr);
  lua_newthread(L);
  CHECK(lua_topointer(L, -1) != nullptr);
  REQUIRE(apitest::load(L, "return 1") == LUA_OK);
  CHECK(lua_topointer(L, -1) != nullptr);
  lua_pushliteral(L, "a string");
  CHECK(lua_topointer(L, -1) != nullptr);
  lua_pushinteger(L, 1);
  CHECK(lua_topointer(L, -1) == nullptr);
  lua_pushnumber(L, 1.5);
  CHECK(lua_topointer(L, -1) == nullptr);
  lua_pushboolean(L, 1);
  CHECK(lua_topointer(L, -1) == nullptr);
  lua_pushnil(L);
  CHECK(lua_topointer(L, -1) == nullptr);
}

TEST_CASE("api: lua_numbertointeger") {
  lua_Integer i = 0;
  CHECK(lua_numbertointeger(3.0, &i));
  CHECK(i == 3);
  CHECK(lua_numbertointeger(-9223372036854775808.0, &i));  // -2^63 fits
  CHECK(i == LUA_MININTEGER);
  i = 7;
  CHECK_FALSE(lua_numbertointeger(9223372036854775808.0, &i));  // 2^63 does not
  CHECK(i == 7);
}

TEST_CASE("api: lua_stringtonumber") {
  State s;
  lua_State* L = s.L;
  CHECK(lua_stringtonumber(L, "10") == 3);
  CHECK(lua_isinteger(L, -1));
  CHECK(lua_tointeger(L, -1) == 10);
  CHECK(lua_stringtonumber(L, " -0x1p4 ") == 9);
  CHECK(lua_type(L, -1) == LUA_TNUMBER);
  CHECK_FALSE(lua_isinteger(L, -1));
  CHECK(lua_tonumber(L, -1) == -16.0);
  CHECK(lua_stringtonumber(L, "2.5e1") == 6);
  CHECK(lua_tonumber(L, -1) == 25.0);
  CHECK(lua_stringtonumber(L, "9223372036854775808") == 20);  // too big for an integer: a float
  CHECK_FALSE(lua_isinteger(L, -1));
  int top = lua_gettop(L);
  CHECK(lua_stringtonumber(L, "1e") == 0);
  CHECK(lua_stringtonumber(L, "") == 0);
  CHECK(lua_stringtonumber(L, "0x") == 0);
  CHECK(lua_stringtonumber(L, "1 2") == 0);
  CHECK(lua_gettop(L) == top);  // nothing pushed on failure
}

TEST_CASE("api: lua_rawlen and lua_len") {
  State s;
  lua_State* L = s.L;
  lua_pushliteral(L, "abcd");
  CHECK(lua_rawlen(L, -1) == 4);
  lua_len(L, -1);
  CHECK(lua_isinteger(L, -1));
  CHECK(lua_tointeger(L, -1) == 4);
  lua_pop(L, 2);
  lua_newuserdatauv(L, 24, 1);
  CHECK(lua_rawlen(L, -1) == 24);
  lua_pop(L, 1);
  lua_pushinteger(L, 12345);
  CHECK(lua_rawlen(L, -1) == 0);
  lua_pop(L, 1);
  lua_createtable(L, 3, 0);
  pushIntegers(L, 1, 3);
  for (int i = 3; i >= 1; i--) lua_rawseti(L, 1, i);
  CHECK(lua_rawlen(L, 1) == 3);
  // __len: lua_len calls it, lua_rawlen does not.
  lua_newtable(L);
  REQUIRE(run(L, "return function(t) return 'many' end", 1) == LUA_OK);
  lua_setfield(L, -2, "__len");
  lua_setmetatable(L, 1);
  lua_len(L, 1);
  CHECK(text(L, -1) == "many");
  CHECK(lua_rawlen(L, 1) == 3);
  lua_settop(L, 0);
  lua_pushboolean(L, 1);
  REQUIRE(pcallFunction(L, [](lua_State* L) {
            lua_len(L, 1);
            return 1;
          }, 1) == LUA_ERRRUN);
  CHECK(text(L, -1) == "attempt to get length of a boolean value");
}

// --- §4.6 arithmetic and comparison ---

namespace {

// Pushes a and b, applies op, returns the result as text with a mark for
// floats ("3.5f") and integers ("3i").
std::string arith(lua_State* L, lua_Number a, lua_Number b, bool integers, int op) {
  if (integers) {
    lua_pushinteger(L, static_cast<lua_Integer>(a));
    if (op != LUA_OPUNM && op != LUA_OPBNOT) lua_pushinteger(L, static_cast<lua_Integer>(b));
  } else {
    lua_pushnumber(L, a);
    if (op != LUA_OPUNM && op != LUA_OPBNOT) lua_pushnumber(L, b);
  }
  int top = lua_gettop(L);
  lua_arith(L, op);
  int arity = (op == LUA_OPUNM || op == LUA_OPBNOT) ? 1 : 2;
  CHECK(lua_gettop(L) == top - arity + 1);
  std::string out = text(L, -1) + (lua_isinteger(L, -1) ? "i" : "f");
  lua_pop(L, 1);
  return out;
}

int arithError(lua_State* L) {
  lua_arith(L, static_cast<int>(lua_tointeger(L, lua_upvalueindex(1))));
  return 1;
}

// Runs lua_arith(op) in protected mode over the values on the stack;
// returns the error message or the result.
std::string protectedArith(lua_State* L, int op, int nargs) {
  lua_pushinteger(L, op);
  lua_pushcclosure(L, arithError, 1);
  lua_insert(L, -(nargs + 1));
  int status = lua_pcall(L, nargs, 1, 0);
  std::string out = (status == LUA_OK ? "" : "error: ") + text(L, -1);
  lua_pop(L, 1);
  return out;
}

}  // namespace

TEST_CASE("api: lua_arith for every operator") {
  State s;
  lua_State* L = s.L;
  CHECK(arith(L, 7, 2, true, LUA_OPADD) == "9i");
  CHECK(arith(L, 7, 2, true, LUA_OPSUB) == "5i");
  CHECK(arith(L, 7, 2, true, LUA_OPMUL) == "14i");
  CHECK(arith(L, 7, 2, true, LUA_OPDIV) == "3.5f");
  CHECK(arith(L, 7, 2, true, LUA_OPIDIV) == "3i");
  CHECK(arith(L, -7, 2, true, LUA_OPIDIV) == "-4i");
  CHECK(arith(L, 7, 2, true, LUA_OPMOD) == "1i");
  CHECK(arith(L, -7, 2, true, LUA_OPMOD) == "1i");
  CHECK(arith(L, 7, 2, true, LUA_OPPOW) == "49.0f");
  CHECK(arith(L, 7, 0, true, LUA_OPUNM) == "-7i");
  CHECK(arith(L, 7, 0, true, LUA_OPBNOT) == "-8i");
  CHECK(arith(L, 6, 3, true, LUA_OPBAND) == "2i");
  CHECK(arith(L, 6, 3, true, LUA_OPBOR) == "7i");
  CHECK(arith(L, 6, 3, true, LUA_OPBXOR) == "5i");
  CHECK(arith(L, 7, 2, true, LUA_OPSHL) == "28i");
  CHECK(arith(L, 7, 1, true, LUA_OPSHR) == "3i");
  CHECK(arith(L, 1, 64, true, LUA_OPSHL) == "0i");
  CHECK(arith(L, -1, 63, true, LUA_OPSHR) == "1i");  // logical shift
  CHECK(arith(L, 7.5, 2, false, LUA_OPADD) == "9.5f");
  CHECK(arith(L, 7.5, 2, false, LUA_OPSUB) == "5.5f");
  CHECK(arith(L, 1.5, 2, false, LUA_OPMUL) == "3.0f");
  CHECK(arith(L, 1, 4, false, LUA_OPDIV) == "0.25f");
  CHECK(arith(L, -7, 2, false, LUA_OPIDIV) == "-4.0f");
  CHECK(arith(L, 7.5, 2, false, LUA_OPMOD) == "1.5f");
  CHECK(arith(L, -7.5, 2, false, LUA_OPMOD) == "0.5f");
  CHECK(arith(L, 2, 0.5, false, LUA_OPPOW) == "1.4142135623731f");
  CHECK(arith(L, 1.5, 0, false, LUA_OPUNM) == "-1.5f");
  CHECK(arith(L, 6.0, 3.0, false, LUA_OPBAND) == "2i");  // floats with exact integer values
  CHECK(arith(L, 6.0, 0, false, LUA_OPBNOT) == "-7i");
  CHECK(arith(L, 1, 0, false, LUA_OPDIV) == "inff");
  CHECK(arith(L, 5, 0, false, LUA_OPIDIV) == "inff");  // float floor division by zero

  // Errors, with Lua's messages.
  lua_pushinteger(L, 1);
  lua_pushinteger(L, 0);
  CHECK(protectedArith(L, LUA_OPIDIV, 2) == "error: attempt to divide by zero");
  lua_pushinteger(L, 1);
  lua_pushinteger(L, 0);
  CHECK(protectedArith(L, LUA_OPMOD, 2) == "error: attempt to perform 'n%0'");
  lua_pushnumber(L, 1.5);
  lua_pushinteger(L, 1);
  CHECK(protectedArith(L, LUA_OPBAND, 2) == "error: number has no integer representation");
  lua_newtable(L);
  lua_pushinteger(L, 1);
  CHECK(protectedArith(L, LUA_OPADD, 2) == "error: attempt to perform arithmetic on a table value");
  lua_pushboolean(L, 1);
  CHECK(protectedArith(L, LUA_OPUNM, 1) == "error: attempt to perform arithmetic on a boolean value");
  lua_newtable(L);
  CHECK(protectedArith(L, LUA_OPBNOT, 1) == "error: attempt to perform bitwise operation on a table value");
  CHECK(lua_gettop(L) == 0);

  // Strings that read as numbers are converted for arithmetic by the string
  // library's metamethods (§3.4.3), which a bare state does not have; for
  // bitwise operators, never (as Lua 5.4.8 does).
  lua_pushliteral(L, "6");
  lua_pushinteger(L, 3);
  CHECK(protectedArith(L, LUA_OPBAND, 2) == "error: attempt to perform bitwise operation on a string value");
  lua_pushliteral(L, "10");
  lua_pushinteger(L, 1);
  CHECK(protectedArith(L, LUA_OPADD, 2) == "error: attempt to perform arithmetic on a string value");
}

TEST_CASE("api: lua_arith with the string library converts strings") {
  State s(true);
  lua_State* L = s.L;
  lua_pushliteral(L, "10");
  lua_pushinteger(L, 1);
  lua_arith(L, LUA_OPADD);
  CHECK(lua_isinteger(L, -1));
  CHECK(lua_tointeger(L, -1) == 11);
  lua_pushliteral(L, "2.5");
  lua_arith(L, LUA_OPUNM);
  CHECK(lua_tonumber(L, -1) == -2.5);
  lua_pushliteral(L, "6");
  lua_pushinteger(L, 3);
  CHECK(protectedArith(L, LUA_OPBAND, 2) == "error: attempt to perform bitwise operation on a string value");
}

namespace {

std::vector<std::string> metaCalls;

// A metamethod that records its operands and returns "meta".
int recordOperands(lua_State* L) {
  std::string call;
  for (int i = 1; i <= lua_gettop(L); i++) {
    if (i > 1) call += ',';
    call += text(L, i);
  }
  metaCalls.push_back(call);
  lua_pushliteral(L, "meta");
  return 1;
}

}  // namespace

TEST_CASE("api: lua_arith with __add and __unm metamethods") {
  State s;
  lua_State* L = s.L;
  metaCalls.clear();
  lua_newtable(L);  // 1: the operand
  lua_newtable(L);
  lua_pushcfunction(L, recordOperands);
  lua_setfield(L, -2, "__add");
  lua_pushcfunction(L, recordOperands);
  lua_setfield(L, -2, "__unm");
  lua_setmetatable(L, 1);
  lua_pushvalue(L, 1);
  lua_pushinteger(L, 5);
  lua_arith(L, LUA_OPADD);
  CHECK(text(L, -1) == "meta");
  lua_pop(L, 1);
  lua_pushinteger(L, 6);
  lua_pushvalue(L, 1);
  lua_arith(L, LUA_OPADD);  // the table on the right: its metamethod still
  lua_pop(L, 1);
  lua_pushvalue(L, 1);
  lua_arith(L, LUA_OPUNM);
  CHECK(text(L, -1) == "meta");
  CHECK(lua_gettop(L) == 2);
  REQUIRE(metaCalls.size() == 3);
  CHECK(metaCalls[0] == "<table>,5");
  CHECK(metaCalls[1] == "6,<table>");
  CHECK(metaCalls[2] == "<table>,<table>");  // unary: the operand twice
}

TEST_CASE("api: lua_compare and lua_rawequal") {
  State s;
  lua_State* L = s.L;
  lua_pushinteger(L, 1);     // 1
  lua_pushnumber(L, 1.0);    // 2
  lua_pushnumber(L, 2.5);    // 3
  lua_pushliteral(L, "a");   // 4
  lua_pushliteral(L, "b");   // 5
  lua_pushliteral(L, "1");   // 6
  CHECK(lua_compare(L, 1, 2, LUA_OPEQ) == 1);
  CHECK(lua_rawequal(L, 1, 2) == 1);
  CHECK(lua_compare(L, 1, 3, LUA_OPLT) == 1);
  CHECK(lua_compare(L, 3, 1, LUA_OPLT) == 0);
  CHECK(lua_compare(L, 1, 2, LUA_OPLE) == 1);
  CHECK(lua_compare(L, 1, 2, LUA_OPLT) == 0);
  CHECK(lua_compare(L, 4, 5, LUA_OPLT) == 1);
  CHECK(lua_compare(L, 5, 4, LUA_OPLE) == 0);
  CHECK(lua_compare(L, 1, 6, LUA_OPEQ) == 0);  // no coercion for ==
  CHECK(lua_rawequal(L, 1, 6) == 0);
  CHECK(lua_compare(L, -1, 6, LUA_OPEQ) == 1);
  CHECK(lua_compare(L, 1, 7, LUA_OPEQ) == 0);  // an index past the top
  CHECK(lua_compare(L, 7, 7, LUA_OPEQ) == 0);

  // __eq, __lt, __le on two tables; lua_rawequal ignores them.
  lua_settop(L, 0);
  lua_newtable(L);
  lua_newtable(L);
  lua_newtable(L);  // the shared metatable
  REQUIRE(run(L, "return function(a, b) return true end", 1) == LUA_OK);
  lua_pushvalue(L, -1);
  lua_setfield(L, 3, "__eq");
  lua_pushvalue(L, -1);
  lua_setfield(L, 3, "__lt");
  lua_setfield(L, 3, "__le");
  lua_pushvalue(L, 3);
  lua_setmetatable(L, 1);
  lua_setmetatable(L, 2);
  CHECK(lua_compare(L, 1, 2, LUA_OPEQ) == 1);
  CHECK(lua_rawequal(L, 1, 2) == 0);
  CHECK(lua_compare(L, 1, 2, LUA_OPLT) == 1);
  CHECK(lua_compare(L, 2, 1, LUA_OPLE) == 1);
  CHECK(lua_rawequal(L, 1, 1) == 1);

  // Ordering values of different kinds is an error.
  lua_settop(L, 0);
  lua_pushinteger(L, 1);
  lua_pushliteral(L, "x");
  REQUIRE(pcallFunction(L, [](lua_State* L) {
            lua_pushboolean(L, lua_compare(L, 1, 2, LUA_OPLT));
            return 1;
          }, 2) == LUA_ERRRUN);
  CHECK(text(L, -1) == "attempt to compare number with string");
}

TEST_CASE("api: lua_concat of 0, 1 and n values") {
  State s;
  lua_State* L = s.L;
  lua_concat(L, 0);
  CHECK(lua_type(L, -1) == LUA_TSTRING);
  CHECK(text(L, -1) == "");
  lua_pushinteger(L, 5);
  lua_concat(L, 1);  // does nothing: the number stays a number
  CHECK(lua_type(L, -1) == LUA_TNUMBER);
  CHECK(lua_gettop(L) == 2);
  lua_settop(L, 0);
  lua_pushliteral(L, "a");
  lua_pushinteger(L, 1);
  lua_pushnumber(L, 2.5);
  lua_pushnumber(L, 3.0);
  lua_concat(L, 4);
  CHECK(lua_gettop(L) == 1);
  CHECK(text(L, -1) == "a12.53.0");
  lua_pushliteral(L, "b");
  lua_concat(L, 2);
  CHECK(text(L, -1) == "a12.53.0b");

  // __concat on a table, on either side.
  lua_settop(L, 0);
  metaCalls.clear();
  lua_newtable(L);
  lua_newtable(L);
  lua_pushcfunction(L, recordOperands);
  lua_setfield(L, -2, "__concat");
  lua_setmetatable(L, 1);
  lua_pushliteral(L, "x");
  lua_pushvalue(L, 1);
  lua_pushliteral(L, "y");
  lua_concat(L, 3);  // "x" .. (t .. "y"): right associative
  CHECK(text(L, -1) == "xmeta");
  CHECK(metaCalls == std::vector<std::string>{"<table>,y"});

  lua_settop(L, 0);
  lua_pushliteral(L, "x");
  lua_newtable(L);
  REQUIRE(pcallFunction(L, [](lua_State* L) {
            lua_concat(L, 2);
            return 1;
          }, 2) == LUA_ERRRUN);
  CHECK(text(L, -1) == "attempt to concatenate a table value");
}

// --- tables, globals and metatables ---

TEST_CASE("api: lua_createtable, raw gets and sets") {
  State s;
  lua_State* L = s.L;
  lua_createtable(L, 10, 5);
  CHECK(lua_istable(L, 1));
  CHECK(lua_rawlen(L, 1) == 0);
  lua_pushnil(L);
  CHECK(lua_next(L, 1) == 0);  // empty despite the hints

  lua_pushliteral(L, "one");
  lua_rawseti(L, 1, 1);
  lua_pushliteral(L, "two");
  lua_rawseti(L, 1, 2);
  CHECK(lua_rawgeti(L, 1, 2) == LUA_TSTRING);
  CHECK(text(L, -1) == "two");
  CHECK(lua_rawgeti(L, 1, 3) == LUA_TNIL);
  lua_pop(L, 2);
  CHECK(lua_rawlen(L, 1) == 2);

  lua_pushnumber(L, 2.0);  // float keys with integer values are normalised
  CHECK(lua_rawget(L, 1) == LUA_TSTRING);
  CHECK(text(L, -1) == "two");
  lua_pop(L, 1);
  lua_pushliteral(L, "k");
  lua_pushboolean(L, 1);
  lua_rawset(L, 1);
  CHECK(lua_gettop(L) == 1);
  lua_pushliteral(L, "k");
  CHECK(lua_rawget(L, 1) == LUA_TBOOLEAN);  // replaces the key
  CHECK(lua_gettop(L) == 2);
  lua_pop(L, 1);

  static int anchors[2];
  lua_pushliteral(L, "p0");
  lua_rawsetp(L, 1, &anchors[0]);
  CHECK(lua_rawgetp(L, 1, &anchors[0]) == LUA_TSTRING);
  CHECK(lua_rawgetp(L, 1, &anchors[1]) == LUA_TNIL);
  lua_pushlightuserdata(L, &anchors[0]);  // the same key as a light userdata
  CHECK(lua_rawget(L, 1) == LUA_TSTRING);
  CHECK(text(L, -1) == "p0");
  lua_settop(L, 1);

  lua_pushinteger(L, LUA_MAXINTEGER);
  lua_rawseti(L, 1, LUA_MININTEGER);
  CHECK(lua_rawgeti(L, 1, LUA_MININTEGER) == LUA_TNUMBER);
  CHECK(lua_tointeger(L, -1) == LUA_MAXINTEGER);
}

TEST_CASE("api: gets and sets through __index and __newindex") {
  State s;
  lua_State* L = s.L;
  // 1: proxy, 2: backing table (proxy's __index and __newindex), 3: its metatable
  lua_newtable(L);
  lua_newtable(L);
  lua_newtable(L);
  lua_pushvalue(L, 2);
  lua_setfield(L, 3, "__index");
  lua_pushvalue(L, 2);
  lua_setfield(L, 3, "__newindex");
  lua_pushvalue(L, 3);
  lua_setmetatable(L, 1);

  lua_pushliteral(L, "v");
  lua_setfield(L, 1, "f");  // goes to the backing table
  lua_pushliteral(L, "w");
  lua_seti(L, 1, 4);
  lua_pushliteral(L, "key");
  lua_pushliteral(L, "x");
  lua_settable(L, 1);
  CHECK(lua_gettop(L) == 3);
  lua_pushnil(L);
  CHECK(lua_next(L, 1) == 0);  // the proxy itself stays empty
  CHECK(lua_getfield(L, 1, "f") == LUA_TSTRING);
  CHECK(text(L, -1) == "v");
  CHECK(lua_geti(L, 1, 4) == LUA_TSTRING);
  CHECK(text(L, -1) == "w");
  lua_pushliteral(L, "key");
  CHECK(lua_gettable(L, 1) == LUA_TSTRING);
  CHECK(text(L, -1) == "x");
  CHECK(lua_getfield(L, 1, "missing") == LUA_TNIL);
  lua_settop(L, 3);
  // The raw variants do not see the metamethods.
  lua_pushliteral(L, "f");
  CHECK(lua_rawget(L, 1) == LUA_TNIL);
  CHECK(lua_rawgeti(L, 1, 4) == LUA_TNIL);
  lua_pushliteral(L, "raw");
  lua_rawseti(L, 1, 4);
  CHECK(lua_geti(L, 1, 4) == LUA_TSTRING);
  CHECK(text(L, -1) == "raw");
  lua_settop(L, 3);
  CHECK(lua_geti(L, 2, 4) == LUA_TSTRING);
  CHECK(text(L, -1) == "w");
  lua_settop(L, 3);

  // Functions as __index and __newindex.
  metaCalls.clear();
  lua_pushcfunction(L, recordOperands);
  lua_setfield(L, 3, "__index");
  lua_pushcfunction(L, recordOperands);
  lua_setfield(L, 3, "__newindex");
  CHECK(lua_getfield(L, 1, "g") == LUA_TSTRING);
  CHECK(text(L, -1) == "meta");
  CHECK(lua_geti(L, 1, 9) == LUA_TSTRING);
  lua_pushliteral(L, "value");
  lua_setfield(L, 1, "h");
  lua_pushinteger(L, 3);
  lua_seti(L, 1, 5);
  REQUIRE(metaCalls.size() == 4);
  CHECK(metaCalls[0] == "<table>,g");
  CHECK(metaCalls[1] == "<table>,9");
  CHECK(metaCalls[2] == "<table>,h,value");
  CHECK(metaCalls[3] == "<table>,5,3");
  CHECK(lua_gettop(L) == 5);

  // Indexing what cannot be indexed is an error.
  lua_settop(L, 0);
  lua_pushnil(L);
  REQUIRE(pcallFunction(L, [](lua_State* L) {
            lua_getfield(L, 1, "x");
            return 1;
          }, 1) == LUA_ERRRUN);
  CHECK(text(L, -1) == "attempt to index a nil value");
  lua_pushinteger(L, 1);
  REQUIRE(pcallFunction(L, [](lua_State* L) {
            lua_pushinteger(L, 2);
            lua_seti(L, 1, 1);
            return 0;
          }, 1) == LUA_ERRRUN);
  CHECK(text(L, -1) == "attempt to index a number value");
}

TEST_CASE("api: lua_next walks every pair") {
  State s;
  lua_State* L = s.L;
  REQUIRE(run(L, "return {10, 20, 30, a = 'x', b = 'y', [2.5] = true}", 1) == LUA_OK);
  std::set<std::string> seen;
  lua_pushnil(L);
  while (lua_next(L, 1) != 0) {
    CHECK(lua_gettop(L) == 3);
    seen.insert(text(L, -2) + "=" + text(L, -1));
    lua_pop(L, 1);
  }
  CHECK(lua_gettop(L) == 1);  // the last key was popped
  CHECK(seen == std::set<std::string>{"1=10", "2=20", "3=30", "a=x", "b=y", "2.5=<boolean>"});

  // A key that is not in the table is an error.
  lua_pushliteral(L, "absent");
  REQUIRE(pcallFunction(L, [](lua_State* L) {
            lua_pushvalue(L, 2);
            lua_next(L, 1);
            return 0;
          }, 2) == LUA_ERRRUN);
  CHECK(text(L, -1) == "invalid key to 'next'");
}

TEST_CASE("api: lua_getglobal, lua_setglobal, lua_pushglobaltable") {
  State s;
  lua_State* L = s.L;
  CHECK(lua_getglobal(L, "nothing") == LUA_TNIL);
  lua_pop(L, 1);
  lua_pushinteger(L, 42);
  lua_setglobal(L, "answer");
  CHECK(lua_gettop(L) == 0);
  CHECK(lua_getglobal(L, "answer") == LUA_TNUMBER);
  CHECK(lua_tointeger(L, -1) == 42);
  CHECK(eval(L, "return answer") == "42");
  lua_pushglobaltable(L);
  CHECK(lua_getfield(L, -1, "answer") == LUA_TNUMBER);
  lua_settop(L, 0);

  // Through a metatable on the global table.
  lua_pushglobaltable(L);
  lua_newtable(L);
  lua_pushcfunction(L, recordOperands);
  lua_setfield(L, -2, "__index");
  lua_setmetatable(L, -2);
  metaCalls.clear();
  CHECK(lua_getglobal(L, "undefined") == LUA_TSTRING);
  CHECK(text(L, -1) == "meta");
  CHECK(metaCalls == std::vector<std::string>{"<table>,undefined"});
}

TEST_CASE("api: lua_getmetatable and lua_setmetatable, also for types") {
  State s;
  lua_State* L = s.L;
  lua_newtable(L);
  CHECK(lua_getmetatable(L, 1) == 0);
  CHECK(lua_gettop(L) == 1);
  lua_newtable(L);
  CHECK(lua_setmetatable(L, 1) == 1);
  CHECK(lua_gettop(L) == 1);
  CHECK(lua_getmetatable(L, 1) == 1);
  CHECK(lua_istable(L, -1));
  lua_pop(L, 1);
  lua_pushnil(L);
  CHECK(lua_setmetatable(L, 1) == 1);  // nil removes it
  CHECK(lua_getmetatable(L, 1) == 0);

  // Full userdata have their own metatables.
  lua_newuserdatauv(L, 1, 0);
  lua_newuserdatauv(L, 1, 0);
  lua_newtable(L);
  lua_setmetatable(L, 2);
  CHECK(lua_getmetatable(L, 2) == 1);
  CHECK(lua_getmetatable(L, 3) == 0);
  lua_settop(L, 0);

  // Other types share one metatable per type.
  lua_pushinteger(L, 1);
  lua_pushnumber(L, 2.5);
  lua_pushboolean(L, 1);
  CHECK(lua_getmetatable(L, 1) == 0);
  lua_newtable(L);
  lua_newtable(L);
  lua_pushliteral(L, "number field");
  lua_setfield(L, -2, "anything");
  lua_setfield(L, -2, "__index");
  lua_setmetatable(L, 1);
  CHECK(lua_getmetatable(L, 2) == 1);  // all numbers, floats too
  CHECK(lua_getfield(L, 2, "anything") == LUA_TSTRING);  // indexing a number now works
  CHECK(text(L, -1) == "number field");
  lua_settop(L, 3);
  CHECK(lua_getmetatable(L, 3) == 0);  // not booleans
  lua_pushinteger(L, 99);
  lua_getmetatable(L, -1);
  lua_pushnil(L);
  lua_setmetatable(L, 2);  // removed for all numbers
  CHECK(lua_getmetatable(L, 1) == 0);
  lua_settop(L, 0);

  lua_pushlightuserdata(L, L);
  lua_newtable(L);
  lua_setmetatable(L, 1);
  lua_pushlightuserdata(L, nullptr);
  CHECK(lua_getmetatable(L, 2) == 1);  // shared by every light userdata
  lua_settop(L, 0);

  // A bare state has no string metatable; the string library sets one.
  lua_pushliteral(L, "s");
  CHECK(lua_getmetatable(L, 1) == 0);
  State withLibraries(true);
  lua_pushliteral(withLibraries.L, "s");
  CHECK(lua_getmetatable(withLibraries.L, 1) == 1);
  CHECK(lua_getfield(withLibraries.L, -1, "__index") == LUA_TTABLE);
}

// --- userdata, threads, extra space ---

TEST_CASE("api: lua_newuserdatauv with several user values") {
  State s;
  lua_State* L = s.L;
  auto* block = static_cast<unsigned char*>(lua_newuserdatauv(L, 16, 3));
  REQUIRE(block != nullptr);
  for (int i = 0; i < 16; i++) block[i] = static_cast<unsigned char>(i);
  CHECK(lua_touserdata(L, 1) == block);
  CHECK(lua_rawlen(L, 1) == 16);
  for (int n = 1; n <= 3; n++) {
    CHECK(lua_getiuservalue(L, 1, n) == LUA_TNIL);
    lua_pop(L, 1);
  }
  lua_pushliteral(L, "first");
  CHECK(lua_setiuservalue(L, 1, 1) == 1);
  lua_newtable(L);
  lua_pushinteger(L, 7);
  lua_setfield(L, -2, "x");
  CHECK(lua_setiuservalue(L, 1, 3) == 1);
  CHECK(lua_gettop(L) == 1);
  // Past the count (and 0): 0, LUA_TNONE, and the value is still popped / nil pushed.
  lua_pushliteral(L, "extra");
  CHECK(lua_setiuservalue(L, 1, 4) == 0);
  CHECK(lua_gettop(L) == 1);
  lua_pushliteral(L, "extra");
  CHECK(lua_setiuservalue(L, 1, 0) == 0);
  CHECK(lua_getiuservalue(L, 1, 4) == LUA_TNONE);
  CHECK(lua_isnil(L, -1));
  CHECK(lua_getiuservalue(L, 1, 0) == LUA_TNONE);
  CHECK(lua_gettop(L) == 3);
  lua_settop(L, 1);

  lua_gc(L, LUA_GCCOLLECT);  // user values are kept alive by the userdata
  CHECK(lua_getiuservalue(L, 1, 1) == LUA_TSTRING);
  CHECK(text(L, -1) == "first");
  CHECK(lua_getiuservalue(L, 1, 2) == LUA_TNIL);
  CHECK(lua_getiuservalue(L, 1, 3) == LUA_TTABLE);
  CHECK(lua_getfield(L, -1, "x") == LUA_TNUMBER);
  CHECK(block[15] == 15);
  lua_settop(L, 0);

  // No user values; the compatibility macros use the first one.
  lua_newuserdatauv(L, 0, 0);
  CHECK(lua_rawlen(L, 1) == 0);
  CHECK(lua_getiuservalue(L, 1, 1) == LUA_TNONE);
  lua_pushinteger(L, 1);
  CHECK(lua_setiuservalue(L, 1, 1) == 0);
  lua_newuserdata(L, 8);
  lua_pushinteger(L, 5);
  CHECK(lua_setuservalue(L, -2) == 1);
  CHECK(lua_getuservalue(L, -1) == LUA_TNUMBER);
  CHECK(lua_getiuservalue(L, -2, 2) == LUA_TNONE);
}

TEST_CASE("api: lua_getextraspace: writable, copied into new threads") {
  State s;
  lua_State* L = s.L;
  auto* main = static_cast<unsigned char*>(lua_getextraspace(L));
  REQUIRE(LUA_EXTRASPACE == sizeof(void*));
  for (size_t i = 0; i < LUA_EXTRASPACE; i++) main[i] = static_cast<unsigned char>(0xA0 + i);
  lua_State* co = lua_newthread(L);
  auto* copy = static_cast<unsigned char*>(lua_getextraspace(co));
  CHECK(copy != main);
  CHECK(std::memcmp(copy, main, LUA_EXTRASPACE) == 0);
  for (size_t i = 0; i < LUA_EXTRASPACE; i++) copy[i] = 0;
  CHECK(main[0] == 0xA0);  // each thread has its own area
  void* pointer = &s;
  std::memcpy(lua_getextraspace(L), &pointer, sizeof pointer);  // the usual use: a pointer
  lua_State* co2 = lua_newthread(L);
  void* inherited = nullptr;
  std::memcpy(&inherited, lua_getextraspace(co2), sizeof inherited);
  CHECK(inherited == &s);
  REQUIRE(run(L, "return 1", 0) == LUA_OK);
  CHECK(std::memcmp(main, &pointer, sizeof pointer) == 0);  // Lua leaves the area alone
}

TEST_CASE("api: lua_newthread and lua_xmove") {
  State s;
  lua_State* L = s.L;
  lua_State* co = lua_newthread(L);
  REQUIRE(co != nullptr);
  CHECK(co != L);
  CHECK(lua_gettop(L) == 1);
  CHECK(lua_gettop(co) == 0);
  CHECK(lua_status(co) == LUA_OK);
  pushIntegers(L, 1, 3);
  lua_xmove(L, co, 2);
  CHECK(lua_gettop(L) == 2);
  CHECK(stackText(co) == "2 3");
  lua_xmove(co, L, 1);
  CHECK(stackText(co) == "2");
  CHECK(lua_tointeger(L, -1) == 3);
  lua_xmove(co, L, 0);
  CHECK(lua_gettop(co) == 1);
  // Threads share the globals.
  lua_pushliteral(co, "shared");
  lua_setglobal(co, "g");
  CHECK(lua_getglobal(L, "g") == LUA_TSTRING);
  // A thread not referenced any more is collected.
  lua_settop(L, 0);
  lua_gc(L, LUA_GCCOLLECT);
  CHECK(eval(L, "return g") == "shared");
}

// --- load and dump ---

namespace {

struct Output {
  std::string bytes;
  int calls = 0;
  int failAt = -1;  // the call that returns an error (5)
};

int writeOutput(lua_State*, const void* p, size_t sz, void* ud) {
  auto* out = static_cast<Output*>(ud);
  if (out->calls++ == out->failAt) return 5;
  out->bytes.append(static_cast<const char*>(p), sz);
  return 0;
}

}  // namespace

TEST_CASE("api: lua_load with a one-byte reader, chunk names, syntax errors") {
  State s;
  lua_State* L = s.L;
  apitest::Pieces reader{"local a, b = ...\nreturn a * b, 'done'", 1};
  REQUIRE(lua_load(L, apitest::readPieces, &reader, "=pieces", nullptr) == LUA_OK);
  CHECK(reader.calls > 30);
  CHECK(lua_gettop(L) == 1);
  CHECK(lua_isfunction(L, 1));
  CHECK_FALSE(lua_iscfunction(L, 1));
  lua_pushinteger(L, 6);
  lua_pushinteger(L, 7);
  REQUIRE(lua_pcall(L, 2, LUA_MULTRET, 0) == LUA_OK);
  CHECK(stackText(L) == "42 done");
  lua_settop(L, 0);

  // The chunk's first upvalue is the global table.
  REQUIRE(apitest::load(L, "return x") == LUA_OK);
  lua_pushinteger(L, 8);
  lua_setglobal(L, "x");
  REQUIRE(lua_pcall(L, 0, 1, 0) == LUA_OK);
  CHECK(lua_tointeger(L, -1) == 8);
  lua_settop(L, 0);

  // An empty chunk.
  REQUIRE(apitest::load(L, "") == LUA_OK);
  REQUIRE(lua_pcall(L, 0, LUA_MULTRET, 0) == LUA_OK);
  CHECK(lua_gettop(L) == 0);

  // Syntax errors push one message and give LUA_ERRSYNTAX.
  CHECK(apitest::load(L, "x = = 1", "=syn") == LUA_ERRSYNTAX);
  CHECK(lua_gettop(L) == 1);
  CHECK(text(L, -1) == "syn:1: unexpected symbol near '='");
  lua_settop(L, 0);
  CHECK(apitest::load(L, "return 1 +", "@file.lua", nullptr, 1) == LUA_ERRSYNTAX);
  CHECK(text(L, -1) == "file.lua:1: unexpected symbol near <eof>");
  lua_settop(L, 0);
  CHECK(apitest::load(L, "x = 'unfinished", "source text") == LUA_ERRSYNTAX);
  CHECK(text(L, -1) == "[string \"source text\"]:1: unfinished string near <eof>");
  lua_settop(L, 0);

  // A NULL chunk name reads as "?".
  REQUIRE(apitest::load(L, "return 1", nullptr) == LUA_OK);
  lua_Debug ar;
  REQUIRE(lua_getinfo(L, ">S", &ar));
  CHECK(std::string(ar.source) == "?");
  CHECK(lua_gettop(L) == 0);

  // An error raised by the reader makes the load fail with it.
  auto failingReader = [](lua_State* L, void*, size_t*) -> const char* {
    lua_pushliteral(L, "reader failed");
    lua_error(L);
    return nullptr;
  };
  CHECK(lua_load(L, failingReader, nullptr, "=r", nullptr) == LUA_ERRRUN);
  CHECK(lua_gettop(L) == 1);
  CHECK(text(L, -1) == "reader failed");
}

TEST_CASE("api: lua_dump and lua_load round trip, modes") {
  State s;
  lua_State* L = s.L;
  REQUIRE(apitest::load(L, "local up = 10\nreturn function(n) return up, 'k' .. n, 2.5 end", "=dumped") == LUA_OK);
  REQUIRE(lua_pcall(L, 0, 1, 0) == LUA_OK);
  Output out;
  CHECK(lua_dump(L, writeOutput, &out, 0) == 0);
  CHECK(lua_gettop(L) == 1);  // not popped
  CHECK(out.calls > 0);
  CHECK(out.bytes.size() > 4);
  CHECK(out.bytes[0] == '\x1b');  // binary chunks start with ESC (LUA_SIGNATURE)
  lua_settop(L, 0);

  REQUIRE(apitest::load(L, out.bytes, "=binary", "b", 1) == LUA_OK);
  lua_pushinteger(L, 5);
  REQUIRE(lua_pcall(L, 1, LUA_MULTRET, 0) == LUA_OK);
  CHECK(stackText(L) == "<table> k5 2.5");
  lua_pushglobaltable(L);
  CHECK(lua_rawequal(L, 1, -1));  // a loaded function's first upvalue is the global table
  lua_settop(L, 0);

  // Mode "t" refuses a binary chunk, mode "b" a text one.
  CHECK(apitest::load(L, out.bytes, "=binary", "t") == LUA_ERRSYNTAX);
  CHECK(text(L, -1) == "attempt to load a binary chunk (mode is 't')");
  lua_settop(L, 0);
  CHECK(apitest::load(L, "return 1", "=text", "b") == LUA_ERRSYNTAX);
  CHECK(text(L, -1) == "attempt to load a text chunk (mode is 'b')");
  lua_settop(L, 0);
  CHECK(apitest::load(L, out.bytes, "=binary", "bt") == LUA_OK);
  lua_settop(L, 0);

  // A stripped dump runs the same.
  REQUIRE(apitest::load(L, "local t = {...} return #t, t[1]") == LUA_OK);
  Output stripped;
  CHECK(lua_dump(L, writeOutput, &stripped, 1) == 0);
  lua_settop(L, 0);
  REQUIRE(apitest::load(L, stripped.bytes, "=stripped", nullptr, 3) == LUA_OK);
  lua_pushliteral(L, "a");
  lua_pushliteral(L, "b");
  REQUIRE(lua_pcall(L, 2, LUA_MULTRET, 0) == LUA_OK);
  CHECK(stackText(L) == "2 a");
  lua_settop(L, 0);

  // The writer's error stops the dump and is its result.
  REQUIRE(apitest::load(L, "return 1") == LUA_OK);
  Output failing;
  failing.failAt = 0;
  CHECK(lua_dump(L, writeOutput, &failing, 0) == 5);
  CHECK(failing.calls == 1);
  lua_settop(L, 0);

  // A C function cannot be dumped.
  lua_pushcfunction(L, dummyFunction);
  Output none;
  CHECK(lua_dump(L, writeOutput, &none, 0) != 0);
  CHECK(none.calls == 0);
  CHECK(lua_gettop(L) == 1);
}
