// The debug interface of the C API (manual §4.7): lua_getstack and
// lua_getinfo with every option, locals (lua_getlocal, lua_setlocal, also
// of a function not running), upvalues (lua_getupvalue, lua_setupvalue,
// lua_upvalueid, lua_upvaluejoin), and hooks (lua_sethook, lua_gethook,
// lua_gethookmask, lua_gethookcount) from C and from debug.sethook.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "tests/unit/LuaApiTestState.hpp"

using apitest::State;
using apitest::eval;
using apitest::run;
using apitest::stackText;
using apitest::text;

namespace {

std::string orNull(const char* s) { return s ? s : "(null)"; }

// The fields lua_getinfo fills for "nSltu", as one line.
std::string describe(const lua_Debug& ar) {
  return orNull(ar.name) + "|" + orNull(ar.namewhat) + "|" + orNull(ar.what) + "|" + orNull(ar.source) + "|" +
         ar.short_src + "|cur " + std::to_string(ar.currentline) + "|def " + std::to_string(ar.linedefined) + "-" +
         std::to_string(ar.lastlinedefined) + "|nups " + std::to_string(ar.nups) + "|nparams " +
         std::to_string(ar.nparams) + "|vararg " + std::to_string(int(ar.isvararg)) + "|tail " +
         std::to_string(int(ar.istailcall != 0));  // true: any non-zero value
}

// The keys of the table on top (an 'L' result), sorted.
std::vector<int> lineKeys(lua_State* L) {
  std::vector<int> lines;
  lua_pushnil(L);
  while (lua_next(L, -2) != 0) {
    CHECK(lua_toboolean(L, -1));
    lines.push_back(int(lua_tointeger(L, -2)));
    lua_pop(L, 1);
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

std::vector<std::string> frames;
std::vector<int> activeLines;

// Describes every frame of the stack (a global C function).
int inspect(lua_State* L) {
  frames.clear();
  lua_Debug ar;
  int top = lua_gettop(L);
  for (int level = 0; lua_getstack(L, level, &ar); level++) {
    CHECK(lua_getinfo(L, "nSltu", &ar) == 1);
    frames.push_back(describe(ar));
  }
  CHECK(lua_getstack(L, -1, &ar) == 0);
  CHECK(lua_gettop(L) == top);
  // 'f' and 'L' on the caller: the function, then its lines.
  REQUIRE(lua_getstack(L, 1, &ar));
  CHECK(lua_getinfo(L, "SfL", &ar) == 1);
  CHECK(lua_gettop(L) == top + 2);
  CHECK(lua_isfunction(L, -2));
  CHECK(lua_istable(L, -1));
  activeLines = lineKeys(L);
  // The function pushed is the one running at that level.
  lua_pop(L, 1);
  lua_Debug again;
  CHECK(lua_getinfo(L, ">S", &again) == 1);
  CHECK(again.linedefined == ar.linedefined);
  CHECK(lua_gettop(L) == top);
  return 0;
}

}  // namespace

TEST_CASE("api: lua_getstack and lua_getinfo on running frames") {
  State s;
  lua_State* L = s.L;
  lua_register(L, "inspect", inspect);
  REQUIRE(run(L, "local function f(a, b)\n"
                 "  local c = a + b\n"
                 "  inspect(c)\n"
                 "  return c\n"
                 "end\n"
                 "local r = f(1, 2)\n"
                 "return r") == LUA_OK);
  REQUIRE(frames.size() == 3);  // inspect, f, the main chunk: the host is no level
  CHECK(frames[0] == "inspect|global|C|=[C]|[C]|cur -1|def -1--1|nups 0|nparams 0|vararg 1|tail 0");
  CHECK(frames[1] == "f|local|Lua|=test|test|cur 3|def 1-5|nups 1|nparams 2|vararg 0|tail 0");
  CHECK(frames[2] == "(null)||main|=test|test|cur 6|def 0-0|nups 1|nparams 0|vararg 1|tail 0");
  CHECK(activeLines == std::vector<int>{2, 3, 4, 5});

  // A tail call: the caller's frame is gone, the callee has no name.
  REQUIRE(run(L, "local function h()\n"
                 "  inspect()\n"
                 "end\n"
                 "local function g() return h() end\n"
                 "g()") == LUA_OK);
  REQUIRE(frames.size() == 3);
  CHECK(frames[1] == "(null)||Lua|=test|test|cur 2|def 1-3|nups 1|nparams 0|vararg 0|tail 1");
  CHECK(frames[2] == "(null)||main|=test|test|cur 5|def 0-0|nups 1|nparams 0|vararg 1|tail 0");
  CHECK(activeLines == std::vector<int>{2, 3});

  // Methods and fields.
  REQUIRE(run(L, "local t = {}\n"
                 "function t:m() inspect() end\n"
                 "function t.f() inspect() end\n"
                 "t:m()") == LUA_OK);
  CHECK(frames[1].rfind("m|method|Lua|", 0) == 0);
  REQUIRE(run(L, "local t = {}\n"
                 "function t.f() inspect() end\n"
                 "t.f()") == LUA_OK);
  CHECK(frames[1].rfind("f|field|Lua|", 0) == 0);
  REQUIRE(run(L, "function globalFunction() inspect() end\n"
                 "globalFunction()") == LUA_OK);
  CHECK(frames[1].rfind("globalFunction|global|Lua|", 0) == 0);
}

TEST_CASE("api: lua_getinfo with '>' on a function not running") {
  State s;
  lua_State* L = s.L;
  REQUIRE(run(L, "x = 1\n"
                 "function sample(a, b, ...)\n"
                 "  local t = x\n"
                 "\n"
                 "  return t\n"
                 "end") == LUA_OK);
  lua_Debug ar;
  lua_getglobal(L, "sample");
  CHECK(lua_getinfo(L, ">Slnutr", &ar) == 1);
  CHECK(lua_gettop(L) == 0);  // the function was popped
  CHECK(std::string(ar.what) == "Lua");
  CHECK(std::string(ar.source) == "=test");
  CHECK(ar.srclen == 5);
  CHECK(std::string(ar.short_src) == "test");
  CHECK(ar.linedefined == 2);
  CHECK(ar.lastlinedefined == 6);
  CHECK(ar.currentline == -1);
  CHECK(ar.name == nullptr);
  CHECK(std::string(ar.namewhat) == "");
  CHECK(ar.nups == 1);
  CHECK(ar.nparams == 2);
  CHECK(ar.isvararg == 1);
  CHECK(ar.istailcall == 0);
  CHECK(ar.ftransfer == 0);
  CHECK(ar.ntransfer == 0);
  lua_getglobal(L, "sample");
  CHECK(lua_getinfo(L, ">fL", &ar) == 1);
  CHECK(lua_gettop(L) == 2);
  CHECK(lua_isfunction(L, 1));
  CHECK(lineKeys(L) == std::vector<int>{3, 5, 6});  // a vararg function's first line has no instruction of its own
  lua_settop(L, 0);

  // A C function.
  lua_pushcfunction(L, inspect);
  CHECK(lua_getinfo(L, ">SuL", &ar) == 1);
  CHECK(std::string(ar.what) == "C");
  CHECK(std::string(ar.short_src) == "[C]");
  CHECK(ar.linedefined == -1);
  CHECK(ar.nparams == 0);
  CHECK(ar.isvararg == 1);
  CHECK(lua_gettop(L) == 1);
  CHECK(lua_isnil(L, 1));  // no lines
  lua_settop(L, 0);

  // An unknown option: 0, the others still filled.
  lua_getglobal(L, "sample");
  ar.linedefined = 0;
  CHECK(lua_getinfo(L, ">Sq", &ar) == 0);
  CHECK(ar.linedefined == 2);
  CHECK(lua_gettop(L) == 0);
}

namespace {

std::vector<std::string> locals;
std::string ownLocal;
int setResults[2];

// Lists the locals of its caller (level 1), then its varargs; sets the
// third local to 100 when it is named "c".
int probe(lua_State* L) {
  locals.clear();
  lua_Debug ar;
  REQUIRE(lua_getstack(L, 1, &ar));
  int top = lua_gettop(L);
  for (int n = 1;; n++) {
    const char* name = lua_getlocal(L, &ar, n);
    if (name == nullptr) break;
    locals.push_back(std::string(name) + "=" + text(L, -1));
    lua_pop(L, 1);
  }
  for (int n = -1;; n--) {
    const char* name = lua_getlocal(L, &ar, n);
    if (name == nullptr) break;
    locals.push_back(std::string(name) + "=" + text(L, -1));
    lua_pop(L, 1);
  }
  CHECK(lua_gettop(L) == top);
  // Its own frame: the arguments are C temporaries.
  lua_Debug self;
  REQUIRE(lua_getstack(L, 0, &self));
  const char* own = lua_getlocal(L, &self, 1);
  ownLocal = own ? std::string(own) + "=" + text(L, -1) : "(null)";
  if (own) lua_pop(L, 1);
  CHECK(lua_getlocal(L, &self, top + 1) == nullptr);
  // Setting: the value on top is popped when the local exists, kept otherwise.
  lua_pushinteger(L, 100);
  const char* set = lua_setlocal(L, &ar, 3);
  setResults[0] = set != nullptr && std::string(set) == "c";
  if (set == nullptr) lua_pop(L, 1);
  lua_pushinteger(L, 5);
  setResults[1] = lua_setlocal(L, &ar, 99) == nullptr && lua_gettop(L) == top + 1;
  lua_settop(L, top);
  return 0;
}

}  // namespace

TEST_CASE("api: lua_getlocal and lua_setlocal") {
  State s;
  lua_State* L = s.L;
  lua_register(L, "probe", probe);
  REQUIRE(run(L, "local function f(a, b)\n"
                 "  local c = a + b\n"
                 "  probe(c)\n"
                 "  return c\n"
                 "end\n"
                 "return f(1, 2)", 1) == LUA_OK);
  CHECK(locals == std::vector<std::string>{"a=1", "b=2", "c=3"});
  CHECK(ownLocal == "(C temporary)=3");
  CHECK(setResults[0] == 1);
  CHECK(setResults[1] == 1);
  CHECK(lua_tointeger(L, -1) == 100);  // f returned the local set by probe
  lua_settop(L, 0);

  REQUIRE(run(L, "local function v(...)\n"
                 "  local x = 'x'\n"
                 "  probe()\n"
                 "end\n"
                 "v(7, 8)") == LUA_OK);
  CHECK(locals == std::vector<std::string>{"x=x", "(vararg)=7", "(vararg)=8"});
  CHECK(ownLocal == "(null)");

  // ar == NULL: the parameters of the function on top, nothing pushed.
  REQUIRE(run(L, "function params(a, b, ...) local z = 1 end") == LUA_OK);
  lua_getglobal(L, "params");
  CHECK(std::string(lua_getlocal(L, nullptr, 1)) == "a");
  CHECK(std::string(lua_getlocal(L, nullptr, 2)) == "b");
  CHECK(lua_getlocal(L, nullptr, 3) == nullptr);
  CHECK(lua_getlocal(L, nullptr, 0) == nullptr);
  CHECK(lua_gettop(L) == 1);
  lua_pushcfunction(L, probe);
  CHECK(lua_getlocal(L, nullptr, 1) == nullptr);
  CHECK(lua_gettop(L) == 2);
}

namespace {

int twoUpvalues(lua_State* L) {
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_pushvalue(L, lua_upvalueindex(2));
  return 2;
}

int writeBytes(lua_State*, const void* p, size_t sz, void* ud) {
  static_cast<std::string*>(ud)->append(static_cast<const char*>(p), sz);
  return 0;
}

}  // namespace

TEST_CASE("api: lua_getupvalue and lua_setupvalue") {
  State s;
  lua_State* L = s.L;
  REQUIRE(run(L, "local x, y = 10, 20\n"
                 "return function() return x + y end", 1) == LUA_OK);
  CHECK(std::string(lua_getupvalue(L, 1, 1)) == "x");
  CHECK(lua_tointeger(L, -1) == 10);
  CHECK(std::string(lua_getupvalue(L, 1, 2)) == "y");
  CHECK(lua_tointeger(L, -1) == 20);
  lua_settop(L, 1);
  CHECK(lua_getupvalue(L, 1, 3) == nullptr);
  CHECK(lua_getupvalue(L, 1, 0) == nullptr);
  CHECK(lua_gettop(L) == 1);
  lua_pushinteger(L, 5);
  CHECK(std::string(lua_setupvalue(L, 1, 1)) == "x");
  CHECK(lua_gettop(L) == 1);  // popped
  lua_pushinteger(L, 7);
  CHECK(lua_setupvalue(L, 1, 3) == nullptr);
  CHECK(lua_gettop(L) == 2);  // nothing popped
  lua_settop(L, 1);
  lua_pushvalue(L, 1);
  REQUIRE(lua_pcall(L, 0, 1, 0) == LUA_OK);
  CHECK(lua_tointeger(L, -1) == 25);
  lua_settop(L, 0);

  // A main chunk's only upvalue is _ENV.
  REQUIRE(apitest::load(L, "return 1") == LUA_OK);
  CHECK(std::string(lua_getupvalue(L, 1, 1)) == "_ENV");
  lua_pushglobaltable(L);
  CHECK(lua_rawequal(L, -1, -2));
  lua_settop(L, 0);

  // C closures: upvalues have empty names.
  lua_pushliteral(L, "one");
  lua_pushliteral(L, "two");
  lua_pushcclosure(L, twoUpvalues, 2);
  CHECK(std::string(lua_getupvalue(L, 1, 2)) == "");
  CHECK(text(L, -1) == "two");
  lua_pop(L, 1);
  lua_pushliteral(L, "changed");
  CHECK(std::string(lua_setupvalue(L, 1, 1)) == "");
  CHECK(lua_getupvalue(L, 1, 3) == nullptr);
  lua_pushvalue(L, 1);
  REQUIRE(lua_pcall(L, 0, 2, 0) == LUA_OK);
  CHECK(stackText(L) == "<function> changed two");
  lua_settop(L, 0);
  lua_pushcfunction(L, twoUpvalues);  // a light C function has none
  CHECK(lua_getupvalue(L, 1, 1) == nullptr);
  lua_settop(L, 0);

  // A stripped function has no upvalue names.
  REQUIRE(run(L, "local secret = 1 return function() return secret end", 1) == LUA_OK);
  std::string bytes;
  REQUIRE(lua_dump(L, writeBytes, &bytes, 1) == 0);
  REQUIRE(apitest::load(L, bytes, "=stripped") == LUA_OK);
  CHECK(std::string(lua_getupvalue(L, -1, 1)) == "(no name)");
}

TEST_CASE("api: lua_upvalueid and lua_upvaluejoin") {
  State s;
  lua_State* L = s.L;
  REQUIRE(run(L, "local a, b = 1, 2\n"
                 "local function f1() return a end\n"
                 "local function f2() return a end\n"
                 "local function f3() return b end\n"
                 "return f1, f2, f3", 3) == LUA_OK);
  CHECK(lua_upvalueid(L, 1, 1) != nullptr);
  CHECK(lua_upvalueid(L, 1, 1) == lua_upvalueid(L, 2, 1));  // the same local
  CHECK(lua_upvalueid(L, 1, 1) != lua_upvalueid(L, 3, 1));
  lua_upvaluejoin(L, 1, 1, 3, 1);  // f1's a is now f3's b
  CHECK(lua_upvalueid(L, 1, 1) == lua_upvalueid(L, 3, 1));
  CHECK(lua_upvalueid(L, 2, 1) != lua_upvalueid(L, 1, 1));
  lua_pushvalue(L, 1);
  REQUIRE(lua_pcall(L, 0, 1, 0) == LUA_OK);
  CHECK(lua_tointeger(L, -1) == 2);
  lua_pop(L, 1);
  // The join is seen by later writes to the shared upvalue.
  lua_pushinteger(L, 9);
  lua_setupvalue(L, 3, 1);
  lua_pushvalue(L, 1);
  REQUIRE(lua_pcall(L, 0, 1, 0) == LUA_OK);
  CHECK(lua_tointeger(L, -1) == 9);
  lua_settop(L, 0);

  // C closures: one identity per upvalue, none for a light function.
  lua_pushinteger(L, 1);
  lua_pushinteger(L, 2);
  lua_pushcclosure(L, twoUpvalues, 2);
  CHECK(lua_upvalueid(L, 1, 1) != nullptr);
  CHECK(lua_upvalueid(L, 1, 1) != lua_upvalueid(L, 1, 2));
  CHECK(lua_upvalueid(L, 1, 1) == lua_upvalueid(L, 1, 1));
  lua_pushcfunction(L, twoUpvalues);
  CHECK(lua_upvalueid(L, 2, 1) == nullptr);
}

// --- hooks ---

namespace {

std::vector<std::string> hookEvents;

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += ' ';
    out += item;
  }
  return out;
}

void lineHook(lua_State* L, lua_Debug* ar) {
  CHECK(ar->event == LUA_HOOKLINE);
  int line = ar->currentline;
  CHECK(lua_getinfo(L, "Sl", ar) == 1);
  CHECK(ar->currentline == line);
  hookEvents.push_back(std::to_string(line));
}

void callReturnHook(lua_State* L, lua_Debug* ar) {
  int event = ar->event;
  CHECK(lua_getinfo(L, "Sr", ar) == 1);
  if (std::string(ar->what) == "C") return;
  const char* kind = event == LUA_HOOKCALL       ? "call"
                     : event == LUA_HOOKTAILCALL ? "tail"
                     : event == LUA_HOOKRET      ? "ret"
                                                 : "?";
  std::string entry = std::string(kind) + ":" + std::to_string(ar->linedefined) + ":" + std::to_string(ar->ntransfer);
  if (event != LUA_HOOKRET) {
    entry += ':';
    entry += std::to_string(ar->ftransfer);
  }
  hookEvents.push_back(entry);
}

int countEvents = 0;

void countHook(lua_State*, lua_Debug* ar) {
  CHECK(ar->event == LUA_HOOKCOUNT);
  countEvents++;
}

}  // namespace

TEST_CASE("api: lua_sethook: line events of a small function") {
  State s;
  lua_State* L = s.L;
  REQUIRE(run(L, "local function f(n)\n"  // 1
                 "  local s = 0\n"        // 2
                 "  for i = 1, n do\n"    // 3
                 "    s = s + i\n"        // 4
                 "  end\n"                // 5
                 "  return s\n"           // 6
                 "end\n"                  // 7
                 "return f", 1) == LUA_OK);
  CHECK((lua_gethook(L) == nullptr));
  CHECK(lua_gethookmask(L) == 0);
  hookEvents.clear();
  lua_sethook(L, lineHook, LUA_MASKLINE, 0);
  CHECK((lua_gethook(L) == lineHook));
  CHECK(lua_gethookmask(L) == LUA_MASKLINE);
  CHECK(lua_gethookcount(L) == 0);
  lua_pushvalue(L, 1);
  lua_pushinteger(L, 2);
  lua_call(L, 1, 1);
  CHECK(lua_tointeger(L, -1) == 3);
  lua_pop(L, 1);
  // A new line at each statement; the loop's end goes back to line 3 and
  // each iteration jumps back to line 4 (§4.7 lua_sethook: a jump back is
  // an event even on the same line).
  CHECK(joined(hookEvents) == "2 3 4 3 4 3 6");

  // A loop on one line: the first instruction's event, then one at each
  // jump back (two of them for three iterations).
  REQUIRE(run(L, "return function() local s = 0 for i = 1, 3 do s = s + i end return s end", 1) == LUA_OK);
  hookEvents.clear();
  lua_call(L, 0, 1);
  CHECK(joined(hookEvents) == "1 1 1");
  lua_pop(L, 1);

  lua_sethook(L, nullptr, 0, 0);
  CHECK((lua_gethook(L) == nullptr));
  CHECK(lua_gethookmask(L) == 0);
  hookEvents.clear();
  lua_pushvalue(L, 1);
  lua_pushinteger(L, 2);
  lua_call(L, 1, 1);
  CHECK(hookEvents.empty());
  // A mask of 0 turns hooks off too.
  lua_sethook(L, lineHook, 0, 0);
  CHECK((lua_gethook(L) == nullptr));
}

TEST_CASE("api: lua_sethook: call, tail call and return events with their transfers") {
  State s;
  lua_State* L = s.L;
  REQUIRE(run(L, "local function leaf() return 1, 2 end\n"
                 "local function mid(x) return leaf() end\n"
                 "local function top() local a = mid(5) return a end\n"
                 "return top", 1) == LUA_OK);
  hookEvents.clear();
  lua_sethook(L, callReturnHook, LUA_MASKCALL | LUA_MASKRET, 0);
  CHECK(lua_gethookmask(L) == (LUA_MASKCALL | LUA_MASKRET));
  lua_call(L, 0, 1);
  lua_sethook(L, nullptr, 0, 0);
  CHECK(lua_tointeger(L, -1) == 1);
  // call: ftransfer 1 and ntransfer = nparams; return: ntransfer = results.
  // Nothing transferred reads as 0 and 0 (as Lua 5.4.8 gives it).
  CHECK(joined(hookEvents) == "call:3:0:0 call:2:1:1 tail:1:0:0 ret:1:2 ret:3:1");
}

TEST_CASE("api: lua_sethook: count events") {
  State s;
  lua_State* L = s.L;
  REQUIRE(run(L, "return function() local s = 0 for i = 1, 10 do s = s + i end return s end", 1) == LUA_OK);
  countEvents = 0;
  lua_sethook(L, countHook, LUA_MASKCOUNT, 1);
  CHECK(lua_gethookcount(L) == 1);
  CHECK(lua_gethookmask(L) == LUA_MASKCOUNT);
  lua_pushvalue(L, 1);
  lua_call(L, 0, 1);
  CHECK(countEvents >= 20);  // one per instruction: at least two per iteration
  int perInstruction = countEvents;
  countEvents = 0;
  lua_sethook(L, countHook, LUA_MASKCOUNT, 5);
  CHECK(lua_gethookcount(L) == 5);
  lua_pushvalue(L, 1);
  lua_call(L, 0, 1);
  CHECK(countEvents == perInstruction / 5);
  countEvents = 0;
  lua_sethook(L, countHook, LUA_MASKCOUNT, 1000000);
  lua_pushvalue(L, 1);
  lua_call(L, 0, 1);
  CHECK(countEvents == 0);
  lua_sethook(L, nullptr, 0, 0);
  CHECK(lua_gethookcount(L) == 0);
}

TEST_CASE("api: a hook set by debug.sethook, seen through lua_gethook and restored") {
  State s(true);
  lua_State* L = s.L;
  REQUIRE(run(L, "hits = 0 debug.sethook(function() hits = hits + 1 end, 'l')") == LUA_OK);
  lua_Hook hook = lua_gethook(L);
  CHECK((hook != nullptr));
  int mask = lua_gethookmask(L);
  int count = lua_gethookcount(L);
  CHECK(mask == LUA_MASKLINE);
  CHECK(count == 0);
  lua_sethook(L, nullptr, 0, 0);
  REQUIRE(run(L, "hits = 0\nlocal x = 1\nx = x + 1") == LUA_OK);
  CHECK(eval(L, "return hits") == "0");
  CHECK(eval(L, "return debug.gethook()") == "<nil>");
  lua_sethook(L, hook, mask, count);  // restored: the Lua hook runs again
  REQUIRE(run(L, "hits = 0\nlocal x = 1\nx = x + 1\nhitsThen = hits") == LUA_OK);
  CHECK(eval(L, "return hitsThen") == "3");
  CHECK(eval(L, "local f, m, c = debug.gethook() return type(f) .. ' ' .. m .. ' ' .. c") == "function l 0");
  REQUIRE(run(L, "debug.sethook()") == LUA_OK);
  CHECK((lua_gethook(L) == nullptr));
}

namespace {

std::vector<std::string> yieldedAt;

// A line hook that yields at every line (§4.6 lua_yieldk: from a line or
// count hook, with no results and no continuation, the hook returning at once).
void yieldingHook(lua_State* L, lua_Debug* ar) {
  if (ar->event != LUA_HOOKLINE) return;
  yieldedAt.push_back(std::to_string(ar->currentline));
  lua_yield(L, 0);
}

}  // namespace

TEST_CASE("api: a line hook that yields suspends the coroutine, which goes on when resumed") {
  State s;
  lua_State* L = s.L;
  REQUIRE(apitest::load(L, "local s = 0\n"
                           "for i = 1, 3 do\n"
                           "  s = s + i\n"
                           "end\n"
                           "return s") == LUA_OK);
  lua_State* co = lua_newthread(L);
  lua_insert(L, -2);
  lua_xmove(L, co, 1);
  yieldedAt.clear();
  lua_sethook(co, yieldingHook, LUA_MASKLINE, 0);
  CHECK((lua_gethook(L) == nullptr));  // hooks are per thread
  CHECK((lua_gethook(co) == yieldingHook));
  int nres = -1, yields = 0, status;
  while ((status = lua_resume(co, L, 0, &nres)) == LUA_YIELD) {
    CHECK(nres == 0);
    REQUIRE(++yields < 100);
  }
  REQUIRE(status == LUA_OK);
  CHECK(nres == 1);
  CHECK(lua_tointeger(co, -1) == 6);
  CHECK(yields == int(yieldedAt.size()));
  CHECK(joined(yieldedAt) == "1 2 3 2 3 2 3 2 5");
}
