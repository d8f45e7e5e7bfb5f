// The auxiliary library (manual §5, lauxlib.h) and the library openers
// (lualib.h), through the public C API only: every luaL_* function, with the
// messages of Lua 5.4.8's lauxlib character for character (this file also
// compiles and passes against Lua 5.4.8's own liblua.a, which is how its
// expectations were checked).
//
// C functions that raise errors hold no C++ objects with destructors: with a
// Lua built as C, errors are longjmps.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "LuaApiTestState.hpp"
#include "lua.hpp"

namespace {

// A state made by luaL_newstate, with or without the standard libraries.
struct State {
  lua_State* L;
  explicit State(bool libraries = true) : L(luaL_newstate()) {
    REQUIRE(L != nullptr);
    if (libraries) luaL_openlibs(L);
  }
  ~State() { lua_close(L); }
  State(const State&) = delete;
  State& operator=(const State&) = delete;
  operator lua_State*() const { return L; }
};

// Runs `code` (chunk name "=t") in protected mode: its first result as
// luaL_tolstring gives it ("OK" when it returns nothing), or "error: " and
// the error message. The stack is left as it was.
std::string run(lua_State* L, const char* code) {
  int top = lua_gettop(L);
  std::string out;
  if (luaL_loadbufferx(L, code, std::strlen(code), "=t", nullptr) != LUA_OK ||
      lua_pcall(L, 0, LUA_MULTRET, 0) != LUA_OK) {
    const char* msg = lua_tostring(L, -1);
    out = std::string("error: ") + (msg ? msg : "(not a string)");
  } else if (lua_gettop(L) == top) {
    out = "OK";
  } else {
    size_t len;
    const char* s = luaL_tolstring(L, top + 1, &len);
    out.assign(s, len);
  }
  lua_settop(L, top);
  return out;
}

void setGlobalFunction(lua_State* L, const char* name, lua_CFunction f) {
  lua_pushcfunction(L, f);
  lua_setglobal(L, name);
}

// Runs `body` in a child process and returns what it wrote to stderr;
// *status gets the child's wait status.
std::string stderrOfChild(void (*body)(), int* status) {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  std::fflush(nullptr);
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    std::signal(SIGABRT, SIG_DFL);  // the test runner's handler would report a crash
    close(fds[0]);
    dup2(fds[1], STDERR_FILENO);
    body();
    std::fflush(stderr);
    _exit(0);
  }
  close(fds[1]);
  std::string out;
  char buf[512];
  ssize_t n;
  while ((n = read(fds[0], buf, sizeof buf)) > 0) out.append(buf, size_t(n));
  close(fds[0]);
  waitpid(pid, status, 0);
  return out;
}

// --- C functions called from the Lua snippets ---

int checkInteger(lua_State* L) {
  lua_pushinteger(L, luaL_checkinteger(L, 1));
  return 1;
}

int checkSecondInteger(lua_State* L) {
  lua_pushinteger(L, luaL_checkinteger(L, 2));
  return 1;
}

int checkNumber(lua_State* L) {
  lua_pushnumber(L, luaL_checknumber(L, 1));
  return 1;
}

int optNumber(lua_State* L) {
  lua_pushnumber(L, luaL_optnumber(L, 1, 2.5));
  return 1;
}

int optInteger(lua_State* L) {
  lua_pushinteger(L, luaL_optinteger(L, 1, -7));
  return 1;
}

// Returns the string argument, its length, and the type now at index 1.
int checkString(lua_State* L) {
  size_t len = 99;
  const char* s = luaL_checklstring(L, 1, &len);
  lua_pushlstring(L, s, len);
  lua_pushinteger(L, lua_Integer(len));
  lua_pushstring(L, luaL_typename(L, 1));
  return 3;
}

int optString(lua_State* L) {
  size_t len = 99;
  const char* s = luaL_optlstring(L, 1, "default", &len);
  lua_pushstring(L, s);
  lua_pushinteger(L, lua_Integer(len));
  return 2;
}

int optStringNull(lua_State* L) {
  size_t len = 99;
  const char* s = luaL_optlstring(L, 1, nullptr, &len);
  lua_pushboolean(L, s == nullptr);
  lua_pushinteger(L, lua_Integer(len));
  return 2;
}

int checkTable(lua_State* L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  return 0;
}

int checkAnySecond(lua_State* L) {
  luaL_checkany(L, 2);
  return 0;
}

int argCheck(lua_State* L) {
  luaL_argcheck(L, lua_toboolean(L, 1), 1, "my message");
  return 0;
}

int argExpected(lua_State* L) {
  luaL_argexpected(L, lua_isfunction(L, 1), 1, "callable");
  return 0;
}

int typeErrorThird(lua_State* L) { return luaL_typeerror(L, 3, "widget"); }

const char* const kOptions[] = {"alpha", "beta", "gamma", nullptr};

int checkOptionDefault(lua_State* L) {
  lua_pushinteger(L, luaL_checkoption(L, 1, "beta", kOptions));
  return 1;
}

int checkOption(lua_State* L) {
  lua_pushinteger(L, luaL_checkoption(L, 1, nullptr, kOptions));
  return 1;
}

int checkFoo(lua_State* L) {
  void* p = luaL_checkudata(L, 1, "Foo");
  lua_pushboolean(L, p == lua_touserdata(L, 1));
  return 1;
}

int newFoo(lua_State* L) {
  lua_newuserdatauv(L, 8, 0);
  luaL_setmetatable(L, "Foo");
  return 1;
}

int newBar(lua_State* L) {
  lua_newuserdatauv(L, 8, 0);
  luaL_setmetatable(L, "Bar");
  return 1;
}

int pushLight(lua_State* L) {
  static int anchor;
  lua_pushlightuserdata(L, &anchor);
  return 1;
}

int raiseFormatted(lua_State* L) {
  return luaL_error(L, "%s %d %I %f %c %% end", "text", 42, lua_Integer(1) << 40, 2.5, 'x');
}

int where(lua_State* L) {
  luaL_where(L, int(luaL_checkinteger(L, 1)));
  return 1;
}

int checkStackLarge(lua_State* L) {
  luaL_checkstack(L, 2000000, "too many things");
  return 0;
}

int checkStackLargeNoMessage(lua_State* L) {
  luaL_checkstack(L, 2000000, nullptr);
  return 0;
}

int checkStackSmall(lua_State* L) {
  luaL_checkstack(L, 500, "never");
  for (int i = 0; i < 500; i++) lua_pushinteger(L, i);
  lua_pushinteger(L, lua_gettop(L));
  return 1;
}

int toLString(lua_State* L) {
  size_t len;
  const char* s = luaL_tolstring(L, 1, &len);
  lua_pushinteger(L, lua_Integer(len));
  lua_pushboolean(L, std::strlen(s) == len || std::memchr(s, 0, len) != nullptr);
  return 3;
}

int len(lua_State* L) {
  lua_pushinteger(L, luaL_len(L, 1));
  return 1;
}

int tracebackHere(lua_State* L) {
  luaL_traceback(L, L, lua_tostring(L, 1), int(luaL_optinteger(L, 2, 1)));
  return 1;
}

int tracebackOf(lua_State* L) {
  lua_State* L1 = lua_tothread(L, 1);
  luaL_traceback(L, L1, nullptr, 0);
  return 1;
}

// Calls its first argument (from C, so that nothing names the callee).
int callFromC(lua_State* L) {
  lua_call(L, lua_gettop(L) - 1, 0);
  return 0;
}

// Fills a buffer past its inline size, then raises an error.
int bufferThenError(lua_State* L) {
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  for (int i = 0; i < 4 * LUAL_BUFFERSIZE; i++) luaL_addchar(&b, 'z');
  return luaL_error(L, "failed after %d bytes", int(luaL_bufflen(&b)));
}

int checkVersionOld(lua_State* L) {
  luaL_checkversion_(L, 503, LUAL_NUMSIZES);
  return 0;
}

int checkVersionSizes(lua_State* L) {
  luaL_checkversion_(L, LUA_VERSION_NUM, LUAL_NUMSIZES + 1);
  return 0;
}

int openCounted = 0;
int openCounting(lua_State* L) {
  openCounted++;
  lua_newtable(L);
  lua_pushvalue(L, 1);  // the module name
  lua_setfield(L, -2, "name");
  lua_pushinteger(L, lua_gettop(L));  // arguments seen: 1, plus the table
  lua_setfield(L, -2, "top");
  return 1;
}

int upvalueSum(lua_State* L) {
  lua_pushinteger(L, lua_tointeger(L, lua_upvalueindex(1)) + lua_tointeger(L, lua_upvalueindex(2)));
  return 1;
}

int upvalueFirst(lua_State* L) {
  lua_pushvalue(L, lua_upvalueindex(1));
  return 1;
}

int returnOne(lua_State* L) {
  lua_pushinteger(L, 1);
  return 1;
}

std::string tempPath(const char* name) {
  const char* dir = std::getenv("TMPDIR");
  return std::string(dir ? dir : "/tmp") + "/tycho-auxlib-" + std::to_string(getpid()) + "-" + name;
}

void writeFile(const std::string& path, const std::string& content) {
  FILE* f = std::fopen(path.c_str(), "wb");
  REQUIRE(f != nullptr);
  std::fwrite(content.data(), 1, content.size(), f);
  std::fclose(f);
}

}  // namespace

// --- states and libraries ---

TEST_CASE("luaL_newstate: a state without libraries; luaL_openlibs opens them all, as globals and in package.loaded") {
  State bare(false);
  lua_getglobal(bare, "print");
  CHECK(lua_isnil(bare, -1));
  lua_pop(bare, 1);

  State s;
  CHECK(run(s, "return type(print) .. type(string.rep) .. type(require)") == "functionfunctionfunction");
  CHECK(run(s,
            "local n = 0 for k, v in pairs(package.loaded) do n = n + 1 "
            "  assert(k == '_G' and v == _G or _G[k] == v, k) end return n") == "10");
  CHECK(run(s, "return package.loaded._G == _G and require('string') == string and require('package') == package") ==
        "true");
  lua_getfield(s, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
  lua_getglobal(s, "package");
  lua_getfield(s, -1, "loaded");
  CHECK(lua_rawequal(s, -1, -3));
  lua_pop(s, 3);
  CHECK(run(s, "return package.preload == debug.getregistry()._PRELOAD") == "true");
  CHECK(run(s, "return ('x'):rep(3)") == "xxx");
  CHECK(lua_gettop(s) == 0);
}

TEST_CASE("luaL_newstate: the panic function reports an unprotected error, then the process aborts") {
  int status = 0;
  std::string err = stderrOfChild(
      [] {
        lua_State* L = luaL_newstate();
        lua_pushstring(L, "boom");
        lua_error(L);
      },
      &status);
  CHECK(err == "PANIC: unprotected error in call to Lua API (boom)\n");
  CHECK(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGABRT);

  err = stderrOfChild(
      [] {
        lua_State* L = luaL_newstate();
        lua_newtable(L);
        lua_error(L);
      },
      &status);
  CHECK(err == "PANIC: unprotected error in call to Lua API (error object is not a string)\n");

  // With no function running, an argument error has no function to name.
  err = stderrOfChild(
      [] {
        lua_State* L = luaL_newstate();
        luaL_argerror(L, 2, "oops");
      },
      &status);
  CHECK(err == "PANIC: unprotected error in call to Lua API (bad argument #2 (oops))\n");
}

TEST_CASE("luaL_newstate: warnings are off until \"@on\", then printed with \"Lua warning: \"") {
  int status = 0;
  std::string err = stderrOfChild(
      [] {
        lua_State* L = luaL_newstate();
        lua_warning(L, "hidden", 0);
        lua_warning(L, "@on", 0);
        lua_warning(L, "one ", 1);
        lua_warning(L, "piece", 0);
        lua_warning(L, "@off", 0);
        lua_warning(L, "hidden again", 0);
        lua_close(L);
      },
      &status);
  CHECK(err == "Lua warning: one piece\n");
  CHECK(WIFEXITED(status));
}

TEST_CASE("luaL_requiref: opens a library once, into package.loaded, and as a global when asked") {
  State s(false);
  luaL_requiref(s, "string", luaopen_string, 0);
  CHECK(lua_istable(s, -1));
  lua_getfield(s, -1, "rep");
  CHECK(lua_iscfunction(s, -1));
  lua_pop(s, 1);
  CHECK(lua_getglobal(s, "string") == LUA_TNIL);  // no global unless asked
  lua_pop(s, 1);
  lua_getfield(s, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);  // made by luaL_requiref
  REQUIRE(lua_istable(s, -1));
  lua_getfield(s, -1, "string");
  CHECK(lua_rawequal(s, -1, -3));
  lua_settop(s, 0);

  luaL_requiref(s, "_G", luaopen_base, 1);
  lua_pushglobaltable(s);
  CHECK(lua_rawequal(s, -1, -2));  // luaopen_base returns the global table
  lua_settop(s, 0);
  CHECK(run(s, "return ('ab'):rep(2)") == "abab");  // the string metatable is set

  openCounted = 0;
  luaL_requiref(s, "counted", openCounting, 1);
  CHECK(openCounted == 1);
  lua_getfield(s, -1, "name");
  CHECK(std::string(lua_tostring(s, -1)) == "counted");
  lua_getfield(s, -2, "top");
  CHECK(lua_tointeger(s, -1) == 2);
  lua_settop(s, 0);
  luaL_requiref(s, "counted", openCounting, 0);  // already loaded: not opened again
  CHECK(openCounted == 1);
  lua_getglobal(s, "counted");
  CHECK(lua_rawequal(s, -1, -2));
  lua_settop(s, 0);

  // The package library opened last finds the modules opened before it.
  luaL_requiref(s, "package", luaopen_package, 1);
  lua_settop(s, 0);
  CHECK(run(s, "return package.loaded.string == require('string')") == "true");
  CHECK(run(s, "return require('counted').name") == "counted");
  CHECK(run(s, "return package.loaded.package == package") == "true");
  CHECK(run(s, "return string") == "nil");
}

TEST_CASE("luaopen_*: each pushes its library table, sets no global, and returns 1") {
  const struct { const char* name; lua_CFunction open; const char* member; } kLibraries[] = {
    {"coroutine", luaopen_coroutine, "wrap"}, {"table", luaopen_table, "concat"}, {"io", luaopen_io, "write"},
    {"os", luaopen_os, "time"}, {"string", luaopen_string, "format"}, {"utf8", luaopen_utf8, "char"},
    {"math", luaopen_math, "floor"}, {"debug", luaopen_debug, "traceback"}, {"package", luaopen_package, "searchpath"},
  };
  for (const auto& lib : kLibraries) {
    CAPTURE(lib.name);
    State s(false);
    lua_pushcfunction(s, lib.open);
    lua_pushstring(s, lib.name);
    lua_call(s, 1, LUA_MULTRET);
    CHECK(lua_gettop(s) == 1);
    REQUIRE(lua_istable(s, -1));
    CHECK(lua_getfield(s, -1, lib.member) == LUA_TFUNCTION);
    lua_settop(s, 0);
    CHECK(lua_getglobal(s, lib.name) == LUA_TNIL);
    lua_settop(s, 0);
  }
  State s(false);
  lua_pushcfunction(s, luaopen_package);
  lua_call(s, 0, 1);
  CHECK(lua_getglobal(s, "require") == LUA_TFUNCTION);  // the package library's one global
}

TEST_CASE("package.preload is the registry's _PRELOAD table: a host preloads modules there") {
  State s(false);
  luaL_getsubtable(s, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
  lua_pushcfunction(s, openCounting);
  lua_setfield(s, -2, "early");
  lua_pop(s, 1);
  luaL_openlibs(s);
  openCounted = 0;
  CHECK(run(s, "return require('early').name") == "early");
  CHECK(openCounted == 1);
}

// --- argument errors ---

TEST_CASE("luaL_argerror and luaL_typeerror: the function named as its caller names it, or as package.loaded holds it") {
  State s;
  setGlobalFunction(s, "checkint", checkInteger);
  setGlobalFunction(s, "callc", callFromC);
  CHECK(run(s, "return checkint('10')") == "10");
  CHECK(run(s, "return checkint(3.0)") == "3");
  CHECK(run(s, "checkint()") == "error: t:1: bad argument #1 to 'checkint' (number expected, got no value)");
  CHECK(run(s, "checkint(1.5)") == "error: t:1: bad argument #1 to 'checkint' (number has no integer representation)");
  CHECK(run(s, "checkint('1.5')") ==
        "error: t:1: bad argument #1 to 'checkint' (number has no integer representation)");
  CHECK(run(s, "checkint('x')") == "error: t:1: bad argument #1 to 'checkint' (number expected, got string)");
  CHECK(run(s, "local f = checkint\nf({})") == "error: t:2: bad argument #1 to 'f' (number expected, got table)");
  CHECK(run(s, "local t = {fn = checkint}\nt.fn(true)") ==
        "error: t:2: bad argument #1 to 'fn' (number expected, got boolean)");
  // A method does not count its object, and a bad object is "bad self".
  CHECK(run(s, "local o = {m = checkint}\no:m()") == "error: t:2: calling 'm' on bad self (number expected, got table)");
  lua_pushcfunction(s, checkSecondInteger);
  lua_setglobal(s, "check2");
  CHECK(run(s, "local o = {m = check2}\no:m('x')") ==
        "error: t:2: bad argument #1 to 'm' (number expected, got string)");
  // Called from C: no name from code, so the global name; no position (the
  // caller is a C function).
  CHECK(run(s, "callc(checkint)") == "error: bad argument #1 to 'checkint' (number expected, got no value)");
  CHECK(run(s, "callc(string.rep)") == "error: bad argument #1 to 'string.rep' (string expected, got no value)");
  // Neither: "?" (a C function that no loaded module holds).
  lua_pushcfunction(s, optInteger);
  lua_setfield(s, LUA_REGISTRYINDEX, "hidden");
  CHECK(run(s, "callc(debug.getregistry().hidden, 'x')") ==
        "error: bad argument #1 to '?' (number expected, got string)");
}

TEST_CASE("luaL_typeerror: the actual type is the __name of the metatable, 'light userdata', or the type") {
  State s;
  setGlobalFunction(s, "checkint", checkInteger);
  setGlobalFunction(s, "light", pushLight);
  setGlobalFunction(s, "typeerr3", typeErrorThird);
  CHECK(run(s, "checkint(setmetatable({}, {__name = 'MyType'}))") ==
        "error: t:1: bad argument #1 to 'checkint' (number expected, got MyType)");
  CHECK(run(s, "checkint(setmetatable({}, {__name = 42}))") ==
        "error: t:1: bad argument #1 to 'checkint' (number expected, got table)");
  CHECK(run(s, "checkint(light())") == "error: t:1: bad argument #1 to 'checkint' (number expected, got light userdata)");
  CHECK(run(s, "checkint(io.stdout)") == "error: t:1: bad argument #1 to 'checkint' (number expected, got FILE*)");
  CHECK(run(s, "typeerr3(1, 2, 'x')") == "error: t:1: bad argument #3 to 'typeerr3' (widget expected, got string)");
  CHECK(run(s, "typeerr3(1)") == "error: t:1: bad argument #3 to 'typeerr3' (widget expected, got no value)");
}

TEST_CASE("luaL_check* and luaL_opt*: every type, conversions and defaults") {
  State s;
  setGlobalFunction(s, "checknum", checkNumber);
  setGlobalFunction(s, "optnum", optNumber);
  setGlobalFunction(s, "optint", optInteger);
  setGlobalFunction(s, "checkstr", checkString);
  setGlobalFunction(s, "optstr", optString);
  setGlobalFunction(s, "optnull", optStringNull);
  setGlobalFunction(s, "checktable", checkTable);
  setGlobalFunction(s, "checkany2", checkAnySecond);
  setGlobalFunction(s, "argcheck", argCheck);
  setGlobalFunction(s, "argexpected", argExpected);

  CHECK(run(s, "return checknum(' 0x10 ')") == "16.0");
  CHECK(run(s, "return checknum(7)") == "7.0");
  CHECK(run(s, "return checknum('x')") == "error: t:1: bad argument #1 to 'checknum' (number expected, got string)");
  CHECK(run(s, "return optnum()") == "2.5");
  CHECK(run(s, "return optnum(nil)") == "2.5");
  CHECK(run(s, "return optnum(1)") == "1.0");
  CHECK(run(s, "return optnum(false)") == "error: t:1: bad argument #1 to 'optnum' (number expected, got boolean)");
  CHECK(run(s, "return optint()") == "-7");
  CHECK(run(s, "return optint(8)") == "8");
  CHECK(run(s, "return optint(0.5)") == "error: t:1: bad argument #1 to 'optint' (number has no integer representation)");

  CHECK(run(s, "return select('#', checkstr('a\\0b'))") == "3");
  CHECK(run(s, "local s, n, t = checkstr('a\\0b') return #s .. ' ' .. n .. ' ' .. t") == "3 3 string");
  // A number is converted in place (lua_tolstring).
  CHECK(run(s, "local s, n, t = checkstr(12) return s .. ' ' .. n .. ' ' .. t") == "12 2 string");
  CHECK(run(s, "checkstr({})") == "error: t:1: bad argument #1 to 'checkstr' (string expected, got table)");
  CHECK(run(s, "local s, n = optstr() return s .. n") == "default7");
  CHECK(run(s, "local s, n = optstr('xy') return s .. n") == "xy2");
  CHECK(run(s, "local s, n = optnull() return tostring(s) .. n") == "true0");

  CHECK(run(s, "checktable({})") == "OK");
  CHECK(run(s, "checktable()") == "error: t:1: bad argument #1 to 'checktable' (table expected, got no value)");
  CHECK(run(s, "checktable('t')") == "error: t:1: bad argument #1 to 'checktable' (table expected, got string)");
  CHECK(run(s, "checkany2(1, nil)") == "OK");
  CHECK(run(s, "checkany2(1)") == "error: t:1: bad argument #2 to 'checkany2' (value expected)");
  CHECK(run(s, "argcheck(true)") == "OK");
  CHECK(run(s, "argcheck(false)") == "error: t:1: bad argument #1 to 'argcheck' (my message)");
  CHECK(run(s, "argexpected(print)") == "OK");
  CHECK(run(s, "argexpected(1)") == "error: t:1: bad argument #1 to 'argexpected' (callable expected, got number)");
}

TEST_CASE("luaL_checkoption: the index of the option, the default, and \"invalid option\"") {
  State s;
  setGlobalFunction(s, "opt", checkOptionDefault);
  setGlobalFunction(s, "opt2", checkOption);
  CHECK(run(s, "return opt('alpha')") == "0");
  CHECK(run(s, "return opt('gamma')") == "2");
  CHECK(run(s, "return opt()") == "1");
  CHECK(run(s, "return opt(nil)") == "1");
  CHECK(run(s, "return opt('delta')") == "error: t:1: bad argument #1 to 'opt' (invalid option 'delta')");
  CHECK(run(s, "return opt2()") == "error: t:1: bad argument #1 to 'opt2' (string expected, got no value)");
  CHECK(run(s, "return opt2('beta')") == "1");
}

TEST_CASE("luaL_checkstack: grows the stack, or raises \"stack overflow (msg)\"") {
  State s;
  setGlobalFunction(s, "big", checkStackLarge);
  setGlobalFunction(s, "bigplain", checkStackLargeNoMessage);
  setGlobalFunction(s, "small", checkStackSmall);
  CHECK(run(s, "return small()") == "500");
  CHECK(run(s, "big()") == "error: t:1: stack overflow (too many things)");
  CHECK(run(s, "bigplain()") == "error: t:1: stack overflow");
  CHECK(run(s, "return small()") == "500");  // still usable
}

// --- errors and positions ---

TEST_CASE("luaL_error and luaL_where: the position of the calling Lua code, lua_pushfstring's formats") {
  State s;
  setGlobalFunction(s, "raise", raiseFormatted);
  setGlobalFunction(s, "where", where);
  setGlobalFunction(s, "callc", callFromC);
  CHECK(run(s, "\n\nraise()") == "error: t:3: text 42 1099511627776 2.5 x % end");
  CHECK(run(s, "callc(raise)") == "error: text 42 1099511627776 2.5 x % end");
  CHECK(run(s, "return where(0)") == "");  // the C function itself: no line
  CHECK(run(s, "\nreturn where(1)") == "t:2: ");
  CHECK(run(s, "local function f()\n  return where(2)\nend\nlocal w = f()\nreturn w") == "t:4: ");
  CHECK(run(s, "return where(50)") == "");
  // A function without debug information has no position.
  CHECK(run(s, "return load(string.dump(function() return where(1) end, true))()") == "");
  CHECK(run(s, "return select(2, pcall(load(string.dump(function() raise() end, true))))") ==
        "text 42 1099511627776 2.5 x % end");
}

TEST_CASE("luaL_checkversion: the version and the numeric types of core and library") {
  State s;
  luaL_checkversion(s);
  setGlobalFunction(s, "old", checkVersionOld);
  setGlobalFunction(s, "sizes", checkVersionSizes);
  CHECK(run(s, "old()") == "error: t:1: version mismatch: app. needs 503.0, Lua core provides 504.0");
  CHECK(run(s, "sizes()") == "error: t:1: core and library have incompatible numeric types");
}

// --- metatables ---

TEST_CASE("luaL_newmetatable: a registry entry with __name; a second call keeps the first table") {
  State s;
  int top = lua_gettop(s);
  CHECK(luaL_newmetatable(s, "Foo") == 1);
  CHECK(lua_gettop(s) == top + 1);
  CHECK(lua_getfield(s, -1, "__name") == LUA_TSTRING);
  CHECK(std::string(lua_tostring(s, -1)) == "Foo");
  lua_pop(s, 1);
  CHECK(luaL_getmetatable(s, "Foo") == LUA_TTABLE);
  CHECK(lua_rawequal(s, -1, -2));
  lua_pop(s, 1);
  lua_pushinteger(s, 1);
  lua_setfield(s, -2, "marker");
  CHECK(luaL_newmetatable(s, "Foo") == 0);
  CHECK(lua_gettop(s) == top + 2);
  CHECK(lua_rawequal(s, -1, -2));
  CHECK(lua_getfield(s, -1, "marker") == LUA_TNUMBER);
  lua_settop(s, top);
  // A registry key that is not a table is "in use" too: it is returned as is.
  lua_pushinteger(s, 5);
  lua_setfield(s, LUA_REGISTRYINDEX, "Taken");
  CHECK(luaL_newmetatable(s, "Taken") == 0);
  CHECK(lua_tointeger(s, -1) == 5);
  lua_settop(s, top);
}

TEST_CASE("luaL_setmetatable, luaL_testudata, luaL_checkudata") {
  State s;
  luaL_newmetatable(s, "Foo");
  luaL_newmetatable(s, "Bar");
  lua_settop(s, 0);
  setGlobalFunction(s, "newfoo", newFoo);
  setGlobalFunction(s, "newbar", newBar);
  setGlobalFunction(s, "checkfoo", checkFoo);
  setGlobalFunction(s, "light", pushLight);
  CHECK(run(s, "return checkfoo(newfoo())") == "true");
  CHECK(run(s, "return tostring(newfoo()):match('^Foo: ') ~= nil") == "true");
  CHECK(run(s, "checkfoo(newbar())") == "error: t:1: bad argument #1 to 'checkfoo' (Foo expected, got Bar)");
  CHECK(run(s, "checkfoo(io.stdout)") == "error: t:1: bad argument #1 to 'checkfoo' (Foo expected, got FILE*)");
  CHECK(run(s, "checkfoo({})") == "error: t:1: bad argument #1 to 'checkfoo' (Foo expected, got table)");
  CHECK(run(s, "checkfoo(light())") == "error: t:1: bad argument #1 to 'checkfoo' (Foo expected, got light userdata)");
  CHECK(run(s, "checkfoo()") == "error: t:1: bad argument #1 to 'checkfoo' (Foo expected, got no value)");
  CHECK(run(s, "checkfoo(setmetatable({}, debug.getregistry().Foo))") ==
        "error: t:1: bad argument #1 to 'checkfoo' (Foo expected, got Foo)");

  int top = lua_gettop(s);
  lua_newuserdatauv(s, 4, 0);
  CHECK(luaL_testudata(s, -1, "Foo") == nullptr);  // no metatable
  luaL_setmetatable(s, "Foo");
  void* p = lua_touserdata(s, -1);
  CHECK(luaL_testudata(s, -1, "Foo") == p);
  CHECK(luaL_testudata(s, -1, "Bar") == nullptr);
  CHECK(luaL_testudata(s, -1, "Nothing") == nullptr);
  lua_pushinteger(s, 1);
  CHECK(luaL_testudata(s, -1, "Foo") == nullptr);
  CHECK(lua_gettop(s) == top + 2);
  lua_settop(s, top);
}

TEST_CASE("luaL_getmetafield and luaL_callmeta") {
  State s;
  int top = lua_gettop(s);
  lua_pushinteger(s, 1);
  CHECK(luaL_getmetafield(s, -1, "__index") == LUA_TNIL);  // no metatable: nothing pushed
  CHECK(lua_gettop(s) == top + 1);
  CHECK(luaL_callmeta(s, -1, "__tostring") == 0);
  CHECK(lua_gettop(s) == top + 1);
  lua_settop(s, top);

  CHECK(run(s, "T = setmetatable({}, {kind = 'widget', describe = function(o) return o == T and 'me' end,"
               " __index = {hidden = 1}})") == "OK");
  lua_getglobal(s, "T");
  CHECK(luaL_getmetafield(s, -1, "kind") == LUA_TSTRING);
  CHECK(std::string(lua_tostring(s, -1)) == "widget");
  lua_pop(s, 1);
  CHECK(luaL_getmetafield(s, -1, "hidden") == LUA_TNIL);  // raw: no __index
  CHECK(luaL_getmetafield(s, -1, "missing") == LUA_TNIL);
  CHECK(lua_gettop(s) == top + 1);
  CHECK(luaL_callmeta(s, -1, "describe") == 1);
  CHECK(std::string(lua_tostring(s, -1)) == "me");
  CHECK(luaL_callmeta(s, -2, "missing") == 0);
  CHECK(lua_gettop(s) == top + 2);
  lua_settop(s, top);
  CHECK(run(s, "T = setmetatable({}, {boom = function() error('in meta') end})") == "OK");
  lua_getglobal(s, "T");
  lua_pushcfunction(s, [](lua_State* L) { return luaL_callmeta(L, 1, "boom"); });
  lua_insert(s, -2);
  CHECK(lua_pcall(s, 1, 1, 0) == LUA_ERRRUN);
  CHECK(std::string(lua_tostring(s, -1)) == "t:1: in meta");
  lua_settop(s, top);
}

// --- values ---

TEST_CASE("luaL_tolstring: tostring's results, __tostring and __name") {
  State s;
  setGlobalFunction(s, "tols", toLString);
  CHECK(run(s, "return tols(42)") == "42");
  CHECK(run(s, "return tols(-0.0)") == "-0.0");
  CHECK(run(s, "return tols(1e100)") == "1e+100");
  CHECK(run(s, "return tols(2^63)") == "9.2233720368548e+18");
  CHECK(run(s, "return tols(math.mininteger)") == "-9223372036854775808");
  CHECK(run(s, "return tols(nil)") == "nil");
  CHECK(run(s, "return tols(true) .. tols(false)") == "truefalse");
  CHECK(run(s, "local s, n = tols('a\\0b') return #s .. n") == "33");
  CHECK(run(s, "return tols({}):match('^table: 0x%x+$') ~= nil") == "true");
  CHECK(run(s, "return tols(print):match('^function: ') ~= nil") == "true");
  CHECK(run(s, "return tols(setmetatable({}, {__name = 'Point'})):match('^Point: 0x%x+$') ~= nil") == "true");
  CHECK(run(s, "return tols(setmetatable({}, {__name = 1})):match('^table: ') ~= nil") == "true");
  CHECK(run(s, "return tols(setmetatable({}, {__tostring = function() return 'custom' end}))") == "custom");
  CHECK(run(s, "return math.type(tols(setmetatable({}, {__tostring = function() return 7 end})))") == "nil");
  CHECK(run(s, "return tols(setmetatable({}, {__tostring = function() return 7 end}))") == "7");
  CHECK(run(s, "return tols(setmetatable({}, {__tostring = function() return {} end}))") ==
        "error: t:1: '__tostring' must return a string");

  int top = lua_gettop(s);
  lua_pushnumber(s, 0.5);
  size_t len = 0;
  const char* str = luaL_tolstring(s, -1, &len);
  CHECK(std::string(str) == "0.5");
  CHECK(len == 3);
  CHECK(lua_gettop(s) == top + 2);
  CHECK(lua_type(s, -2) == LUA_TNUMBER);  // the value itself is not converted
  CHECK(std::string(luaL_tolstring(s, LUA_REGISTRYINDEX, nullptr)).rfind("table: ", 0) == 0);
  lua_settop(s, top);
}

TEST_CASE("luaL_len: the length with __len, which must be an integer") {
  State s;
  setGlobalFunction(s, "len", len);
  CHECK(run(s, "return len({1, 2, 3})") == "3");
  CHECK(run(s, "return len('abcd')") == "4");
  CHECK(run(s, "return len(setmetatable({}, {__len = function() return 9 end}))") == "9");
  CHECK(run(s, "return len(setmetatable({}, {__len = function() return 9.0 end}))") == "9");
  CHECK(run(s, "return len(setmetatable({}, {__len = function() return 9.5 end}))") ==
        "error: t:1: object length is not an integer");
  CHECK(run(s, "return len(setmetatable({}, {__len = function() return 'x' end}))") ==
        "error: t:1: object length is not an integer");
  CHECK(run(s, "return len(1)") == "error: attempt to get length of a number value");
}

// --- results of C calls ---

TEST_CASE("luaL_fileresult and luaL_execresult: io's and os's results") {
  State s;
  int top = lua_gettop(s);
  errno = ENOENT;
  CHECK(luaL_fileresult(s, 1, "name") == 1);
  CHECK(lua_toboolean(s, -1));
  lua_settop(s, top);

  errno = ENOENT;
  REQUIRE(luaL_fileresult(s, 0, "name") == 3);
  CHECK(lua_isnil(s, -3));
  CHECK(std::string(lua_tostring(s, -2)) == std::string("name: ") + std::strerror(ENOENT));
  CHECK(lua_tointeger(s, -1) == ENOENT);
  lua_settop(s, top);

  errno = EACCES;
  REQUIRE(luaL_fileresult(s, 0, nullptr) == 3);
  CHECK(std::string(lua_tostring(s, -2)) == std::strerror(EACCES));
  lua_settop(s, top);

  errno = 0;
  REQUIRE(luaL_fileresult(s, 0, "name") == 3);
  CHECK(std::string(lua_tostring(s, -2)) == "name: (no extra info)");
  CHECK(lua_tointeger(s, -1) == 0);
  lua_settop(s, top);

  errno = 0;
  REQUIRE(luaL_execresult(s, 0) == 3);
  CHECK(lua_toboolean(s, -3));
  CHECK(std::string(lua_tostring(s, -2)) == "exit");
  CHECK(lua_tointeger(s, -1) == 0);
  lua_settop(s, top);

  errno = 0;
  REQUIRE(luaL_execresult(s, 3 << 8) == 3);  // exit status 3
  CHECK(lua_isnil(s, -3));
  CHECK(std::string(lua_tostring(s, -2)) == "exit");
  CHECK(lua_tointeger(s, -1) == 3);
  lua_settop(s, top);

  errno = 0;
  REQUIRE(luaL_execresult(s, SIGKILL) == 3);  // killed by a signal
  CHECK(lua_isnil(s, -3));
  CHECK(std::string(lua_tostring(s, -2)) == "signal");
  CHECK(lua_tointeger(s, -1) == SIGKILL);
  lua_settop(s, top);

  errno = ECHILD;
  REQUIRE(luaL_execresult(s, -1) == 3);  // the call itself failed
  CHECK(lua_isnil(s, -3));
  CHECK(std::string(lua_tostring(s, -2)) == std::strerror(ECHILD));
  CHECK(lua_tointeger(s, -1) == ECHILD);
  lua_settop(s, top);
}

// --- references ---

TEST_CASE("luaL_ref and luaL_unref: unique keys, reused after release; nil has LUA_REFNIL") {
  State s;
  int top = lua_gettop(s);
  lua_pushstring(s, "first");
  int r1 = luaL_ref(s, LUA_REGISTRYINDEX);
  CHECK(lua_gettop(s) == top);  // popped
  lua_pushstring(s, "second");
  int r2 = luaL_ref(s, LUA_REGISTRYINDEX);
  // Registry references never take the predefined slots (nor the one after
  // them, which heads the list of freed references).
  CHECK(r1 > LUA_RIDX_LAST + 1);
  CHECK(r2 > LUA_RIDX_LAST + 1);
  CHECK(r1 != r2);
  CHECK(r1 != LUA_NOREF);
  CHECK(r1 != LUA_REFNIL);
  lua_rawgeti(s, LUA_REGISTRYINDEX, r1);
  CHECK(std::string(lua_tostring(s, -1)) == "first");
  lua_rawgeti(s, LUA_REGISTRYINDEX, r2);
  CHECK(std::string(lua_tostring(s, -1)) == "second");
  lua_settop(s, top);
  lua_rawgeti(s, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
  lua_pushglobaltable(s);
  CHECK(lua_rawequal(s, -1, -2));
  lua_rawgeti(s, LUA_REGISTRYINDEX, LUA_RIDX_MAINTHREAD);
  CHECK(lua_tothread(s, -1) == s.L);
  lua_settop(s, top);

  luaL_unref(s, LUA_REGISTRYINDEX, r1);
  lua_rawgeti(s, LUA_REGISTRYINDEX, r1);
  CHECK(lua_type(s, -1) != LUA_TSTRING);  // released: the value is gone
  lua_pop(s, 1);
  lua_pushstring(s, "third");
  CHECK(luaL_ref(s, LUA_REGISTRYINDEX) == r1);  // the freed reference is reused
  lua_rawgeti(s, LUA_REGISTRYINDEX, r1);
  CHECK(std::string(lua_tostring(s, -1)) == "third");
  lua_pop(s, 1);

  lua_pushnil(s);
  CHECK(luaL_ref(s, LUA_REGISTRYINDEX) == LUA_REFNIL);
  CHECK(lua_gettop(s) == top);
  luaL_unref(s, LUA_REGISTRYINDEX, LUA_REFNIL);  // no-ops
  luaL_unref(s, LUA_REGISTRYINDEX, LUA_NOREF);
  lua_rawgeti(s, LUA_REGISTRYINDEX, r2);
  CHECK(std::string(lua_tostring(s, -1)) == "second");
  lua_settop(s, top);
}

TEST_CASE("luaL_ref in a table of its own: many references, freed in any order, all distinct") {
  State s;
  lua_newtable(s);
  int t = lua_gettop(s);
  std::vector<int> refs;
  for (int i = 0; i < 50; i++) {
    lua_pushinteger(s, 1000 + i);
    refs.push_back(luaL_ref(s, t));  // an absolute index
  }
  CHECK(lua_gettop(s) == t);
  for (size_t i = 0; i < refs.size(); i++) {
    CHECK(refs[i] > 0);
    for (size_t j = 0; j < i; j++) CHECK(refs[i] != refs[j]);
    lua_rawgeti(s, t, refs[i]);
    CHECK(lua_tointeger(s, -1) == lua_Integer(1000 + i));
    lua_pop(s, 1);
  }
  // Free every other one, then take as many again: exactly the freed ones.
  std::vector<int> freed;
  for (size_t i = 0; i < refs.size(); i += 2) {
    luaL_unref(s, -1, refs[i]);  // a relative index
    freed.push_back(refs[i]);
  }
  std::vector<int> again;
  for (size_t i = 0; i < freed.size(); i++) {
    lua_pushboolean(s, 1);
    again.push_back(luaL_ref(s, t));
  }
  std::vector<int> a = freed, b = again;
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  CHECK(a == b);
  // The kept ones still hold their values.
  for (size_t i = 1; i < refs.size(); i += 2) {
    lua_rawgeti(s, t, refs[i]);
    CHECK(lua_tointeger(s, -1) == lua_Integer(1000 + i));
    lua_pop(s, 1);
  }
  lua_pushstring(s, "new");
  int fresh = luaL_ref(s, t);
  for (int r : refs) CHECK(fresh != r);
  lua_settop(s, 0);
}

// --- loading ---

TEST_CASE("luaL_loadfilex: missing file, byte-order mark and '#' line, binary chunks, modes") {
  State s;
  int top = lua_gettop(s);
  CHECK(luaL_loadfilex(s, "/nonexistent/tycho/x.lua", nullptr) == LUA_ERRFILE);
  CHECK(lua_gettop(s) == top + 1);
  CHECK(std::string(lua_tostring(s, -1)) == std::string("cannot open /nonexistent/tycho/x.lua: ") + std::strerror(ENOENT));
  lua_settop(s, top);
  CHECK(luaL_loadfile(s, "/") == LUA_ERRFILE);
  CHECK(std::string(lua_tostring(s, -1)) == std::string("cannot read /: ") + std::strerror(EISDIR));
  lua_settop(s, top);

  // A UTF-8 byte-order mark and a '#' first line are skipped; line numbers hold.
  std::string path = tempPath("bom.lua");
  writeFile(path, "\xEF\xBB\xBF#!/usr/bin/env lua\nlocal x = ...\nerror('at line three: ' .. tostring(x))\n");
  REQUIRE(luaL_loadfilex(s, path.c_str(), "t") == LUA_OK);
  CHECK(lua_gettop(s) == top + 1);
  lua_pushinteger(s, 5);
  CHECK(lua_pcall(s, 1, 0, 0) == LUA_ERRRUN);
  CHECK(std::string(lua_tostring(s, -1)) == path + ":3: at line three: 5");
  lua_settop(s, top);
  CHECK(luaL_loadfilex(s, path.c_str(), "b") == LUA_ERRSYNTAX);
  CHECK(std::string(lua_tostring(s, -1)) == "attempt to load a text chunk (mode is 'b')");
  lua_settop(s, top);

  // A syntax error names the file.
  writeFile(path, "\nx = = 1\n");
  CHECK(luaL_loadfile(s, path.c_str()) == LUA_ERRSYNTAX);
  CHECK(std::string(lua_tostring(s, -1)) == path + ":2: unexpected symbol near '='");
  lua_settop(s, top);

  // A binary chunk (string.dump's), also after a '#' line.
  REQUIRE(run(s, "return 'ok'") == "ok");
  REQUIRE(luaL_dostring(s, "return string.dump(function(...) return 40 + select('#', ...) end)") == LUA_OK);
  size_t n;
  const char* dumped = lua_tolstring(s, -1, &n);
  std::string chunk(dumped, n);
  lua_settop(s, top);
  writeFile(path, chunk);
  REQUIRE(luaL_loadfilex(s, path.c_str(), "b") == LUA_OK);
  lua_pushinteger(s, 0);
  lua_pushinteger(s, 0);
  REQUIRE(lua_pcall(s, 2, 1, 0) == LUA_OK);
  CHECK(lua_tointeger(s, -1) == 42);
  lua_settop(s, top);
  CHECK(luaL_loadfilex(s, path.c_str(), "t") == LUA_ERRSYNTAX);
  CHECK(std::string(lua_tostring(s, -1)) == "attempt to load a binary chunk (mode is 't')");
  lua_settop(s, top);
  writeFile(path, "#!/usr/bin/env lua\n" + chunk);
  REQUIRE(luaL_loadfile(s, path.c_str()) == LUA_OK);
  REQUIRE(lua_pcall(s, 0, 1, 0) == LUA_OK);
  CHECK(lua_tointeger(s, -1) == 40);
  lua_settop(s, top);

  // luaL_dofile runs it.
  writeFile(path, "return 1, 2, 3\n");
  CHECK(luaL_dofile(s, path.c_str()) == LUA_OK);
  CHECK(lua_gettop(s) == top + 3);
  lua_settop(s, top);
  std::remove(path.c_str());
}

TEST_CASE("luaL_loadbufferx and luaL_loadstring: chunk names and modes") {
  State s;
  int top = lua_gettop(s);
  const char* code = "local a, b = ... return a * b";
  REQUIRE(luaL_loadbufferx(s, code, std::strlen(code), "=mult", "t") == LUA_OK);
  lua_pushinteger(s, 6);
  lua_pushinteger(s, 7);
  REQUIRE(lua_pcall(s, 2, 1, 0) == LUA_OK);
  CHECK(lua_tointeger(s, -1) == 42);
  lua_settop(s, top);

  CHECK(luaL_loadbuffer(s, "x = = 1", 7, "=buf") == LUA_ERRSYNTAX);
  CHECK(std::string(lua_tostring(s, -1)) == "buf:1: unexpected symbol near '='");
  lua_settop(s, top);
  CHECK(luaL_loadbufferx(s, "x =", 3, nullptr, nullptr) == LUA_ERRSYNTAX);
  CHECK(std::string(lua_tostring(s, -1)) == "[string \"?\"]:1: unexpected symbol near <eof>");
  lua_settop(s, top);
  // Only the given length is read.
  REQUIRE(luaL_loadbuffer(s, "return 5 garbage", 8, "=cut") == LUA_OK);
  REQUIRE(lua_pcall(s, 0, 1, 0) == LUA_OK);
  CHECK(lua_tointeger(s, -1) == 5);
  lua_settop(s, top);
  CHECK(luaL_loadbufferx(s, "return 1", 8, "=b", "b") == LUA_ERRSYNTAX);
  CHECK(std::string(lua_tostring(s, -1)) == "attempt to load a text chunk (mode is 'b')");
  lua_settop(s, top);

  // luaL_loadstring's chunk name is the string itself.
  CHECK(luaL_loadstring(s, "error('e')") == LUA_OK);
  CHECK(lua_pcall(s, 0, 0, 0) == LUA_ERRRUN);
  CHECK(std::string(lua_tostring(s, -1)) == "[string \"error('e')\"]:1: e");
  lua_settop(s, top);
  CHECK(luaL_dostring(s, "return 'a', 'b'") == LUA_OK);
  CHECK(lua_gettop(s) == top + 2);
  CHECK(std::string(lua_tostring(s, -1)) == "b");
  lua_settop(s, top);
  CHECK(luaL_dostring(s, "error({})") == 1);
  CHECK(lua_istable(s, -1));
  lua_settop(s, top);
  // The chunk's _ENV is the global table.
  REQUIRE(luaL_loadstring(s, "return _ENV") == LUA_OK);
  REQUIRE(lua_pcall(s, 0, 1, 0) == LUA_OK);
  lua_pushglobaltable(s);
  CHECK(lua_rawequal(s, -1, -2));
  lua_settop(s, top);
}

// --- tracebacks ---

TEST_CASE("luaL_traceback: lua5.4's format, from a level, with a message, of another thread") {
  State s;
  setGlobalFunction(s, "tb", tracebackHere);
  setGlobalFunction(s, "tbof", tracebackOf);
  CHECK(run(s,
            "function lev2() local s = tb('hello') return s end\n"
            "function lev1() local s = lev2() return s end\n"
            "local s = lev1() return s") ==
        "hello\n"
        "stack traceback:\n"
        "\tt:1: in function 'lev2'\n"
        "\tt:2: in function 'lev1'\n"
        "\tt:3: in main chunk");
  // Level 0 is the C function itself; without a message, no first line.
  CHECK(run(s, "local function f() local s = tb(nil, 0) return s end\nlocal s = f() return s") ==
        "stack traceback:\n"
        "\t[C]: in function 'tb'\n"
        "\tt:1: in local 'f'\n"
        "\tt:2: in main chunk");
  CHECK(run(s, "local s = tb('m', 5) return s") == "m\nstack traceback:");
  CHECK(run(s, "local s = tb('m', -1) return s") == "m\nstack traceback:");
  // A tail call.
  CHECK(run(s, "local function f() local s = tb('x') return s end\n"
               "local function g() return f() end\n"
               "local s = g() return s") ==
        "x\n"
        "stack traceback:\n"
        "\tt:1: in function <t:1>\n"
        "\t(...tail calls...)\n"
        "\tt:3: in main chunk");
  // A suspended coroutine.
  CHECK(run(s, "local co = coroutine.create(function()\n  coroutine.yield()\nend)\n"
               "coroutine.resume(co)\nreturn tbof(co)") ==
        "stack traceback:\n"
        "\t[C]: in function 'coroutine.yield'\n"
        "\tt:2: in function <t:1>");
  // A long stack shows its first 10 and last 11 levels.
  std::string deep = run(s, "local function r(n) if n == 0 then return tb('deep') end local s = r(n - 1) return s end\n"
                            "local s = r(40) return s");
  CHECK(deep.find("\n\t...\t(skipping 20 levels)\n") != std::string::npos);
  size_t lines = 0;
  for (char c : deep) lines += c == '\n';
  CHECK(lines == 2 + 10 + 1 + 11 - 1);
}

// --- tables and functions ---

TEST_CASE("luaL_setfuncs and luaL_newlib: upvalues shared by every function, placeholders") {
  State s;
  const luaL_Reg kFunctions[] = {{"sum", upvalueSum}, {"first", upvalueFirst}, {"later", nullptr}, {nullptr, nullptr}};
  int top = lua_gettop(s);
  lua_newtable(s);
  lua_pushinteger(s, 40);
  lua_pushinteger(s, 2);
  luaL_setfuncs(s, kFunctions, 2);
  CHECK(lua_gettop(s) == top + 1);  // the upvalues are popped
  lua_setglobal(s, "lib");
  CHECK(run(s, "return lib.sum()") == "42");
  CHECK(run(s, "return lib.first()") == "40");
  CHECK(run(s, "return lib.later") == "false");

  const luaL_Reg kOne[] = {{"one", returnOne}, {nullptr, nullptr}};
  luaL_newlib(s, kOne);
  lua_setglobal(s, "lib1");
  CHECK(run(s, "return lib1.one()") == "1");
  CHECK(lua_gettop(s) == top);
}

TEST_CASE("luaL_getsubtable: finds a table or makes one") {
  State s;
  int top = lua_gettop(s);
  lua_newtable(s);
  CHECK(luaL_getsubtable(s, -1, "sub") == 0);
  CHECK(lua_istable(s, -1));
  lua_pushinteger(s, 7);
  lua_setfield(s, -2, "x");
  lua_pop(s, 1);
  CHECK(lua_gettop(s) == top + 1);
  CHECK(luaL_getsubtable(s, top + 1, "sub") == 1);
  CHECK(lua_getfield(s, -1, "x") == LUA_TNUMBER);
  lua_pop(s, 2);
  lua_pushinteger(s, 5);
  lua_setfield(s, -2, "num");
  CHECK(luaL_getsubtable(s, -1, "num") == 0);  // not a table: replaced
  lua_pop(s, 1);
  CHECK(lua_getfield(s, -1, "num") == LUA_TTABLE);
  lua_settop(s, top);
  // Through metamethods, as lua_getfield and lua_setfield.
  CHECK(run(s, "P = setmetatable({}, {__index = {inner = {v = 1}}})") == "OK");
  lua_getglobal(s, "P");
  CHECK(luaL_getsubtable(s, -1, "inner") == 1);
  CHECK(lua_getfield(s, -1, "v") == LUA_TNUMBER);
  lua_settop(s, top);
}

// --- strings ---

TEST_CASE("luaL_gsub and luaL_addgsub: plain replacement of every occurrence") {
  State s;
  int top = lua_gettop(s);
  const char* r = luaL_gsub(s, "hello world", "o", "0");
  CHECK(std::string(r) == "hell0 w0rld");
  CHECK(r == lua_tostring(s, -1));
  CHECK(lua_gettop(s) == top + 1);
  CHECK(std::string(luaL_gsub(s, "abcabc", "ab", "[%]")) == "[%]c[%]c");
  CHECK(std::string(luaL_gsub(s, "a.b.c", ".", "::")) == "a::b::c");
  CHECK(std::string(luaL_gsub(s, "none", "x", "y")) == "none");
  CHECK(std::string(luaL_gsub(s, "aaa", "aa", "b")) == "ba");
  CHECK(std::string(luaL_gsub(s, "", "a", "b")) == "");
  lua_settop(s, top);

  luaL_Buffer b;
  luaL_buffinit(s, &b);
  luaL_addstring(&b, "<");
  luaL_addgsub(&b, "x-y-z", "-", "+");
  luaL_addstring(&b, ">");
  luaL_pushresult(&b);
  CHECK(std::string(lua_tostring(s, -1)) == "<x+y+z>");
  lua_settop(s, top);
}

// --- buffers ---

TEST_CASE("luaL_Buffer: one stack slot, inline storage first, values below it untouched") {
  State s;
  lua_pushstring(s, "below");
  int top = lua_gettop(s);
  luaL_Buffer b;
  luaL_buffinit(s, &b);
  CHECK(lua_gettop(s) == top + 1);
  CHECK(luaL_buffaddr(&b) == b.init.b);
  luaL_addchar(&b, 'a');
  luaL_addlstring(&b, "b\0c", 3);
  luaL_addstring(&b, "de");
  lua_pushinteger(s, 42);
  luaL_addvalue(&b);  // numbers are converted
  lua_pushstring(s, "!");
  luaL_addvalue(&b);
  CHECK(luaL_bufflen(&b) == 9);
  CHECK(std::string(luaL_buffaddr(&b), luaL_bufflen(&b)) == std::string("ab\0cde42!", 9));
  luaL_buffsub(&b, 1);
  char* p = luaL_prepbuffsize(&b, 3);
  std::memcpy(p, "xyz", 3);
  luaL_addsize(&b, 3);
  CHECK(lua_gettop(s) == top + 1);
  luaL_pushresult(&b);
  CHECK(lua_gettop(s) == top + 1);
  size_t n;
  const char* str = lua_tolstring(s, -1, &n);
  CHECK(std::string(str, n) == std::string("ab\0cde42xyz", 11));
  CHECK(std::string(lua_tostring(s, top)) == "below");
  lua_settop(s, 0);
}

TEST_CASE("luaL_Buffer: growth past LUAL_BUFFERSIZE with values on the stack and collections between operations") {
  State s;
  lua_pushstring(s, "keep1");
  lua_pushinteger(s, 2);
  int top = lua_gettop(s);
  luaL_Buffer b;
  luaL_buffinit(s, &b);
  std::string expected;
  for (int i = 0; i < 2000; i++) {
    switch (i % 5) {
      case 0: {
        luaL_addchar(&b, char('a' + i % 26));
        expected += char('a' + i % 26);
        break;
      }
      case 1: {
        std::string piece(size_t(i % 37), char('A' + i % 26));
        luaL_addlstring(&b, piece.data(), piece.size());
        expected += piece;
        break;
      }
      case 2: {
        lua_pushinteger(s, i);
        luaL_addvalue(&b);
        expected += std::to_string(i);
        break;
      }
      case 3: {
        char* p = luaL_prepbuffer(&b);
        std::memset(p, '#', 10);
        luaL_addsize(&b, 10);
        expected += std::string(10, '#');
        break;
      }
      case 4: {
        // The stack may be used between operations, balanced.
        lua_pushstring(s, "temporary");
        lua_newtable(s);
        lua_pop(s, 2);
        lua_gc(s, LUA_GCCOLLECT);
        break;
      }
    }
    CHECK(lua_gettop(s) == top + 1);
  }
  REQUIRE(expected.size() > size_t(4 * LUAL_BUFFERSIZE));
  CHECK(luaL_buffaddr(&b) != b.init.b);  // grown into a box
  CHECK(std::string(luaL_buffaddr(&b), luaL_bufflen(&b)) == expected);
  luaL_pushresult(&b);
  CHECK(lua_gettop(s) == top + 1);
  size_t n;
  const char* str = lua_tolstring(s, -1, &n);
  CHECK(std::string(str, n) == expected);
  CHECK(std::string(lua_tostring(s, 1)) == "keep1");
  CHECK(lua_tointeger(s, 2) == 2);
  lua_settop(s, 0);

  // One large piece at once; luaL_addvalue growing the buffer below the value.
  luaL_buffinit(s, &b);
  std::string large(size_t(1) << 20, 'L');
  luaL_addlstring(&b, large.data(), large.size());
  lua_pushlstring(s, large.data(), large.size());
  luaL_addvalue(&b);
  luaL_pushresult(&b);
  CHECK(lua_rawlen(s, -1) == 2 * large.size());
  CHECK(lua_gettop(s) == 1);
  lua_settop(s, 0);

  luaL_buffinit(s, &b);
  lua_pushlstring(s, large.data(), 3 * LUAL_BUFFERSIZE);  // grows a still inline buffer
  luaL_addvalue(&b);
  CHECK(luaL_bufflen(&b) == size_t(3 * LUAL_BUFFERSIZE));
  luaL_pushresult(&b);
  CHECK(lua_gettop(s) == 1);
  lua_settop(s, 0);
}

TEST_CASE("luaL_buffinitsize and luaL_pushresultsize") {
  State s;
  luaL_Buffer b;
  size_t size = 5 * LUAL_BUFFERSIZE;
  char* p = luaL_buffinitsize(s, &b, size);
  CHECK(lua_gettop(s) == 1);
  for (size_t i = 0; i < size; i++) p[i] = char('0' + i % 10);
  luaL_pushresultsize(&b, size - 1);
  CHECK(lua_gettop(s) == 1);
  CHECK(lua_rawlen(s, -1) == size - 1);
  CHECK(std::string(lua_tostring(s, -1)).substr(0, 12) == "012345678901");
  lua_settop(s, 0);

  p = luaL_buffinitsize(s, &b, 4);
  std::memcpy(p, "abcd", 4);
  luaL_pushresultsize(&b, 4);
  CHECK(std::string(lua_tostring(s, -1)) == "abcd");
  lua_settop(s, 0);
}

TEST_CASE("luaL_Buffer: grown buffers give their memory back through the state's allocator") {
  // Buffers of many sizes one after another (a host building strings), some
  // abandoned by errors: after a full collection the state holds what it
  // held before, and lua_close frees every block, each with its own size.
  apitest::Allocator a;
  lua_State* L = lua_newstate(apitest::allocate, &a);
  REQUIRE(L != nullptr);
  luaL_openlibs(L);
  setGlobalFunction(L, "bufferr", bufferThenError);
  lua_gc(L, LUA_GCCOLLECT);
  size_t before = a.liveBytes;
  for (int round = 0; round < 40; round++) {
    size_t size = size_t(round % 8 + 1) * 3 * LUAL_BUFFERSIZE + size_t(round);
    if (round % 10 == 9) size = 100000;  // past any size kept for reuse
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (size_t i = 0; i < size; i++) luaL_addchar(&b, char('a' + (i + size_t(round)) % 26));
    luaL_pushresult(&b);
    REQUIRE(lua_gettop(L) == 1);
    size_t len;
    const char* s = lua_tolstring(L, 1, &len);
    REQUIRE(len == size);
    CHECK(s[0] == char('a' + round % 26));
    CHECK(s[size - 1] == char('a' + (size - 1 + size_t(round)) % 26));
    lua_settop(L, 0);
    if (round % 5 == 0) CHECK(run(L, "bufferr()").find("failed after") != std::string::npos);
  }
  lua_gc(L, LUA_GCCOLLECT);
  CHECK(a.liveBytes <= before + 1024);
  lua_close(L);
  CHECK(a.blocks.empty());
  CHECK(a.wrongSizes == 0);
}

TEST_CASE("luaL_Buffer: an error while the buffer is boxed leaves the state usable") {
  State s;
  setGlobalFunction(s, "bufferr", bufferThenError);
  char expected[64];
  std::snprintf(expected, sizeof expected, "error: t:1: failed after %d bytes", 4 * LUAL_BUFFERSIZE);
  for (int i = 0; i < 20; i++) CHECK(run(s, "bufferr()") == expected);
  lua_gc(s, LUA_GCCOLLECT);
  CHECK(run(s, "return ('x'):rep(3)") == "xxx");
}
