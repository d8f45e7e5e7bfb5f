-- §6.10 The debug library (over the debug interface of §4.7): getinfo,
-- getlocal/setlocal, upvalues and their identities, metatables of any type,
-- the registry, user values, tracebacks, hooks, debug.debug.
-- Everything asserted here is what lua5.4 does; where Tycho's frames differ
-- (the numbering of temporaries), nothing is asserted.

local checks = require("modules.checks")
local errorOf, sortedKeys = checks.errorOf, checks.sortedKeys

-- library contents (as lua5.4 lists them, setcstacklimit included)
do
  local expected = {debug = 1, getinfo = 1, getlocal = 1, getmetatable = 1, getregistry = 1,
                    getupvalue = 1, getuservalue = 1, gethook = 1, sethook = 1, setcstacklimit = 1,
                    setlocal = 1, setmetatable = 1, setupvalue = 1, setuservalue = 1, traceback = 1,
                    upvalueid = 1, upvaluejoin = 1}
  for k, v in pairs(debug) do assert(expected[k] and type(v) == "function", k); expected[k] = nil end
  assert(next(expected) == nil)
  assert(package.loaded.debug == debug)
end

---------------------------------------------------------------------------
-- getinfo (§4.7 lua_getinfo)
---------------------------------------------------------------------------

local function fields(t) return sortedKeys(t) end

do
  local function f(a, b, ...)
    local x = 1
    return debug.getinfo(1, "nSltufrL"), debug.getinfo(1, "l").currentline
  end
  local line = debug.getinfo(1, "l").currentline
  local info, current = f(1, 2)
  assert(fields(info) == "activelines currentline ftransfer func istailcall isvararg lastlinedefined " ..
         "linedefined name namewhat nparams ntransfer nups short_src source what")
  assert(info.linedefined == line - 4 and info.lastlinedefined == line - 1)
  assert(info.currentline == current and current == line - 2)
  assert(info.what == "Lua" and info.name == "f" and info.namewhat == "local")
  assert(info.nparams == 2 and info.isvararg == true and info.nups == 1)
  assert(info.istailcall == false and info.ftransfer == 0 and info.ntransfer == 0)
  assert(info.func == f and info.source:match("^@.*6%.10%-debug%.lua$") and info.short_src:match("6%.10%-debug%.lua$"))
  -- active lines: the body's lines and the closing `end`, not the header of
  -- a vararg function (its vararg setup is no line to stop at)
  local lines = {}
  for l in pairs(info.activelines) do lines[#lines + 1] = l end
  table.sort(lines)
  assert(table.concat(lines, ",") == (line - 3) .. "," .. (line - 2) .. "," .. (line - 1))
  assert(info.activelines[line - 2] == true)

  -- the default options: every field but activelines
  assert(fields(debug.getinfo(1)) == "currentline ftransfer func istailcall isvararg lastlinedefined " ..
         "linedefined namewhat nparams ntransfer nups short_src source what")
  assert(fields(debug.getinfo(1, "")) == "")
  assert(fields(debug.getinfo(1, "f")) == "func")
  assert(fields(debug.getinfo(1, "S")) == "lastlinedefined linedefined short_src source what")

  -- the main chunk, a native function, a function value
  local main = debug.getinfo(1, "S")
  assert(main.what == "main" and main.linedefined == 0 and main.lastlinedefined == 0)
  local c = debug.getinfo(print)
  assert(c.what == "C" and c.source == "=[C]" and c.short_src == "[C]" and c.currentline == -1)
  assert(c.linedefined == -1 and c.lastlinedefined == -1 and c.nparams == 0 and c.isvararg == true)
  assert(c.nups == 0 and c.func == print and c.namewhat == "" and c.name == nil)
  assert(debug.getinfo(print, "L").activelines == nil)
  assert(debug.getinfo(coroutine.wrap(print), "u").nups == 1)
  local fi = debug.getinfo(f)
  assert(fi.currentline == -1 and fi.namewhat == "" and fi.istailcall == false and fi.func == f)
  local loaded = debug.getinfo(load("return 1", "=chunky"), "S")
  assert(loaded.source == "=chunky" and loaded.short_src == "chunky" and loaded.what == "main")
  loaded = debug.getinfo(load("\n  return 1", "a string chunk"), "S")
  assert(loaded.source == "a string chunk" and loaded.short_src == '[string "a string chunk"]')
end

-- levels: 0 is getinfo itself, levels past the stack give fail
do
  assert(debug.getinfo(0, "n").name == "getinfo")
  assert(debug.getinfo(0, "S").what == "C")
  assert(debug.getinfo(100) == nil and debug.getinfo(-1) == nil)
  assert(debug.getinfo("1", "S").what == "main")
  -- the main chunk is called by a native level, as lua.c's pmain
  local depth = 1
  while debug.getinfo(depth, "S") do depth = depth + 1 end
  assert(debug.getinfo(depth - 1, "S").what == "C")
  -- an invalid level is fail even with invalid options
  assert(debug.getinfo(100, "X") == nil)
end

-- names ('n'): how the caller called the function
do
  local function who() local i = debug.getinfo(2, "n") return tostring(i.name) .. "/" .. i.namewhat end
  local function me() return (who()) end
  local t = {field = me}
  function t:method() return (who()) end
  globalme = me
  local up = me
  local function viaUpvalue() return (up()) end
  assert(me() == "me/local" and t.field() == "field/field" and t:method() == "method/method")
  assert(globalme() == "globalme/global" and viaUpvalue() == "up/upvalue")
  globalme = nil
  -- tail calls lose their caller
  local function tail() return who() end
  assert(tail() == "nil/")
  local function probe() local i = debug.getinfo(1, "t") return i end
  local function caller() return probe() end
  assert(caller().istailcall == true and probe().istailcall == false)
  -- metamethods, the generic for, finalizers, hooks
  local function name1() local i = debug.getinfo(2, "n") return tostring(i.name) .. "/" .. i.namewhat end
  local mt = setmetatable({}, {__index = function() return (name1()) end,
                               __add = function() return (name1()) end,
                               __concat = function() return (name1()) end})
  assert(mt.x == "index/metamethod" and mt + 1 == "add/metamethod" and mt .. "" == "concat/metamethod")
  for k in function(_, c) if not c then return (name1()) end end do assert(k == "for iterator/for iterator") end
  local gcName
  setmetatable({}, {__gc = function() gcName = name1() end})
  collectgarbage()
  collectgarbage()
  assert(gcName == "__gc/metamethod")
  local hookName
  debug.sethook(function() hookName = name1(); debug.sethook() end, "l")
  local _ = 0
  assert(hookName == "?/hook")
  -- functions called from native code have no name
  local ok, n = pcall(name1)
  assert(ok and n == "pcall/global")
  assert(select(2, pcall(function() return debug.getinfo(1, "n").namewhat end)) == "")
end

-- getinfo errors
assert(errorOf("debug.getinfo()") == "t:1: bad argument #1 to 'getinfo' (number expected, got no value)")
assert(errorOf("debug.getinfo(nil)") == "t:1: bad argument #1 to 'getinfo' (number expected, got nil)")
assert(errorOf("debug.getinfo({})") == "t:1: bad argument #1 to 'getinfo' (number expected, got table)")
assert(errorOf("debug.getinfo(1.5)") == "t:1: bad argument #1 to 'getinfo' (number has no integer representation)")
assert(errorOf("debug.getinfo(1, 'X')") == "t:1: bad argument #2 to 'getinfo' (invalid option)")
assert(errorOf("debug.getinfo(1, 'S>')") == "t:1: bad argument #2 to 'getinfo' (invalid option)")
assert(errorOf("debug.getinfo(1, '>S')") == "t:1: bad argument #2 to 'getinfo' (invalid option '>')")
assert(errorOf("debug.getinfo(print, '>')") == "t:1: bad argument #2 to 'getinfo' (invalid option '>')")
assert(errorOf("debug.getinfo(1, 1)") == "t:1: bad argument #2 to 'getinfo' (invalid option)")
assert(errorOf("debug.getinfo(1, {})") == "t:1: bad argument #2 to 'getinfo' (string expected, got table)")
assert(errorOf("debug.getinfo(coroutine.create(print))") ==
       "t:1: bad argument #2 to 'getinfo' (number expected, got no value)")
assert(select(2, pcall(debug.getinfo, 1, "x")) == "bad argument #2 to 'debug.getinfo' (invalid option)")

-- another thread's frames: level 0 is what it runs now
do
  local co = coroutine.create(function(a, b) local x = a + b; coroutine.yield(x) end)
  assert(debug.getinfo(co, 0) == nil)  -- not started: no frames
  local line = debug.getinfo(1, "l").currentline
  coroutine.resume(co, 1, 2)
  local top = debug.getinfo(co, 0)
  assert(top.what == "C" and top.func == coroutine.yield)
  local body = debug.getinfo(co, 1, "Sl")
  assert(body.what == "Lua" and body.currentline == line - 2 and body.linedefined == line - 2)
  assert(debug.getinfo(co, 2) == nil)
  -- a coroutine dead by an error keeps its frames
  local dead = coroutine.create(function() local z = "zz"; error("boom") end)
  assert(not coroutine.resume(dead))
  assert(debug.getinfo(dead, 0, "f").func == error and debug.getinfo(dead, 1, "S").what == "Lua")
  assert(select(2, debug.getlocal(dead, 1, 1)) == "zz")
  coroutine.close(dead)
  assert(debug.getinfo(dead, 0) == nil)
end

---------------------------------------------------------------------------
-- getlocal / setlocal
---------------------------------------------------------------------------

-- The names (and values) of the named locals active at `level`.
local function localsAt(level)
  local out = {}
  local i = 1
  while true do
    local name, value = debug.getlocal(level + 1, i)
    if not name then break end
    if name:sub(1, 1) ~= "(" then out[#out + 1] = name .. "=" .. tostring(value) end
    i = i + 1
  end
  return table.concat(out, " ")
end

do
  local function va(a, b, ...)
    local x = 10
    assert(localsAt(1) == "a=1 b=2 x=10")
    -- varargs: negative indices
    assert(select("#", debug.getlocal(1, -1)) == 2)
    do
      local n1, v1 = debug.getlocal(1, -1)
      local n3, v3 = debug.getlocal(1, -3)
      assert(n1 == "(vararg)" and v1 == 3 and n3 == "(vararg)" and v3 == 5)
    end
    assert(debug.getlocal(1, -4) == nil)
    assert(debug.setlocal(1, -1, "changed") == "(vararg)")
    assert(select(1, ...) == "changed")
    assert(debug.setlocal(1, -10, 1) == nil)
    -- named locals
    assert(debug.setlocal(1, 1, "A") == "a" and a == "A")
    assert(debug.setlocal(1, 3, 11) == "x" and x == 11)
    assert(debug.setlocal(1, 100, 1) == nil)
    -- scopes
    do local y = 5; assert(localsAt(1) == "a=A b=2 x=11 y=5") end
    assert(localsAt(1) == "a=A b=2 x=11")
    for i = 1, 1 do assert(localsAt(1) == "a=A b=2 x=11 i=1") end
    for k, v in pairs({z = 1}) do assert(localsAt(1) == "a=A b=2 x=11 k=z v=1") end
    -- the loop's hidden state has names starting with '('
    for i = 1, 1 do
      local names = {}
      for j = 1, 5 do names[j] = debug.getlocal(1, j) end
      assert(names[4] == "(for state)" and names[5] == "(for state)" and names[6] == nil)
    end
  end
  va(1, 2, 3, 4, 5)
  local function noVarargs(a) return debug.getlocal(1, -1) end
  assert(noVarargs(1) == nil)
  -- native frames have temporaries: getlocal's own arguments
  local name, value = debug.getlocal(0, 1)
  assert(name == "(C temporary)" and value == 0)
  assert(debug.getlocal(0, 2) == "(C temporary)")
  -- a function value: only its parameters, without values
  local function params(p, q, ...) local r end
  assert(debug.getlocal(params, 1) == "p" and debug.getlocal(params, 2) == "q")
  assert(debug.getlocal(params, 3) == nil and debug.getlocal(params, 0) == nil)
  assert(debug.getlocal(params, -1) == nil and debug.getlocal(print, 1) == nil)
  assert(select("#", debug.getlocal(params, 1)) == 1)
  -- locals of a metamethod's caller
  local secret = "s3"
  local t = setmetatable({}, {__index = function() return select(2, debug.getlocal(2, 1)) end})
  assert(t.anything == checks)  -- the main chunk's first local
end

-- another thread's locals
do
  local co = coroutine.create(function(p, ...) local q = p * 2; coroutine.yield(q); return q end)
  coroutine.resume(co, 21, "v1", "v2")
  local n, v = debug.getlocal(co, 1, 1)
  assert(n == "p" and v == 21)
  n, v = debug.getlocal(co, 1, 2)
  assert(n == "q" and v == 42)
  n, v = debug.getlocal(co, 1, -2)
  assert(n == "(vararg)" and v == "v2")
  assert(debug.getlocal(co, 1, -3) == nil)
  assert(debug.setlocal(co, 1, 2, 100) == "q")
  local ok, r = coroutine.resume(co)
  assert(ok and r == 100)
  assert(errorOf("debug.getlocal(...)", co, 1, 1) == "t:1: bad argument #2 to 'getlocal' (level out of range)")
  assert(errorOf("debug.setlocal(...)", co, 1, 1, 1) == "t:1: bad argument #2 to 'setlocal' (level out of range)")
end

-- getlocal / setlocal errors
assert(errorOf("debug.getlocal(1)") == "t:1: bad argument #2 to 'getlocal' (number expected, got no value)")
assert(errorOf("debug.getlocal(1, 'x')") == "t:1: bad argument #2 to 'getlocal' (number expected, got string)")
assert(errorOf("debug.getlocal('a', 1)") == "t:1: bad argument #1 to 'getlocal' (number expected, got string)")
assert(errorOf("debug.getlocal(1, 1.5)") == "t:1: bad argument #2 to 'getlocal' (number has no integer representation)")
assert(errorOf("debug.getlocal(100, 1)") == "t:1: bad argument #1 to 'getlocal' (level out of range)")
assert(errorOf("debug.getlocal(-1, 1)") == "t:1: bad argument #1 to 'getlocal' (level out of range)")
assert(errorOf("debug.setlocal()") == "t:1: bad argument #1 to 'setlocal' (number expected, got no value)")
assert(errorOf("debug.setlocal(1, 'x', 1)") == "t:1: bad argument #2 to 'setlocal' (number expected, got string)")
assert(errorOf("debug.setlocal(100, 1)") == "t:1: bad argument #1 to 'setlocal' (level out of range)")
assert(errorOf("debug.setlocal(1, 1)") == "t:1: bad argument #3 to 'setlocal' (value expected)")
assert(select(2, pcall(debug.getlocal, 100, 1)) == "bad argument #1 to 'debug.getlocal' (level out of range)")

---------------------------------------------------------------------------
-- upvalues, their identities and joins
---------------------------------------------------------------------------

do
  local a, b = 1, 2
  local function f() return a + b end
  local function g() return a end
  local n, v = debug.getupvalue(f, 1)
  assert(n == "a" and v == 1)
  n, v = debug.getupvalue(f, 2)
  assert(n == "b" and v == 2)
  -- past the upvalues: no values at all
  assert(select("#", debug.getupvalue(f, 3)) == 0 and select("#", debug.getupvalue(f, 0)) == 0)
  assert(select("#", debug.getupvalue(print, 1)) == 0)
  assert(debug.setupvalue(f, 1, 10) == "a" and a == 10 and f() == 12 and g() == 10)
  assert(select("#", debug.setupvalue(f, 5, 1)) == 0)
  -- the main chunk's upvalue is _ENV
  assert(debug.getupvalue(load("return x"), 1) == "_ENV")
  -- native closures: empty names
  local wrapped = coroutine.wrap(function() end)
  n, v = debug.getupvalue(wrapped, 1)
  assert(n == "" and type(v) == "thread" and select("#", debug.getupvalue(wrapped, 2)) == 0)
  -- a closed upvalue
  local function counter() local c = 0; return function() c = c + 1; return c end end
  local inc = counter()
  inc()
  assert(select(2, debug.getupvalue(inc, 1)) == 1)
  debug.setupvalue(inc, 1, 41)
  assert(inc() == 42)

  -- identities: shared variables share ids
  assert(debug.upvalueid(f, 1) == debug.upvalueid(g, 1))
  assert(debug.upvalueid(f, 2) ~= debug.upvalueid(g, 1))
  assert(type(debug.upvalueid(f, 1)) == "userdata")
  assert(debug.upvalueid(f, 3) == nil and debug.upvalueid(print, 1) == nil)
  assert(type(debug.upvalueid(wrapped, 1)) == "userdata" and debug.upvalueid(wrapped, 2) == nil)
  -- joins
  debug.upvaluejoin(g, 1, f, 2)
  assert(g() == 2 and debug.upvalueid(g, 1) == debug.upvalueid(f, 2))
  b = 20
  assert(g() == 20)
  assert(select("#", debug.upvaluejoin(g, 1, f, 1)) == 0)
  assert(g() == 10)

  -- errors
  assert(errorOf("debug.getupvalue(1, 1)") == "t:1: bad argument #1 to 'getupvalue' (function expected, got number)")
  assert(errorOf("debug.getupvalue(print)") == "t:1: bad argument #2 to 'getupvalue' (number expected, got no value)")
  assert(errorOf("debug.getupvalue(print, 'x')") == "t:1: bad argument #2 to 'getupvalue' (number expected, got string)")
  assert(errorOf("debug.setupvalue(print, 1)") == "t:1: bad argument #3 to 'setupvalue' (value expected)")
  assert(errorOf("debug.setupvalue({}, 1, 1)") == "t:1: bad argument #1 to 'setupvalue' (function expected, got table)")
  assert(errorOf("debug.upvalueid(print)") == "t:1: bad argument #2 to 'upvalueid' (number expected, got no value)")
  assert(errorOf("debug.upvalueid(1, 1)") == "t:1: bad argument #1 to 'upvalueid' (function expected, got number)")
  assert(errorOf("debug.upvaluejoin(...)", g, 2, f, 1) == "t:1: bad argument #2 to 'upvaluejoin' (invalid upvalue index)")
  assert(errorOf("debug.upvaluejoin(...)", g, 1, f, 3) == "t:1: bad argument #4 to 'upvaluejoin' (invalid upvalue index)")
  assert(errorOf("debug.upvaluejoin(...)", print, 1, f, 1) == "t:1: bad argument #2 to 'upvaluejoin' (invalid upvalue index)")
  assert(errorOf("debug.upvaluejoin(...)", wrapped, 1, f, 1) == "t:1: bad argument #1 to 'upvaluejoin' (Lua function expected)")
  assert(errorOf("debug.upvaluejoin(...)", f, 1, wrapped, 1) == "t:1: bad argument #3 to 'upvaluejoin' (Lua function expected)")
  assert(errorOf("debug.upvaluejoin(...)", f, 1) == "t:1: bad argument #4 to 'upvaluejoin' (number expected, got no value)")
  assert(errorOf("debug.upvaluejoin()") == "t:1: bad argument #2 to 'upvaluejoin' (number expected, got no value)")
end

-- functions stripped of their debug information (string.dump(f, true))
do
  local up = 1
  local function f(a, b) local c = a + up; return debug.getinfo(1, "lSL"), debug.getlocal(1, 1) end
  local g = load(string.dump(f, true))
  assert(debug.setupvalue(g, 1, 5) == "(no name)" and debug.setupvalue(g, 2, _G) == "(no name)")
  assert(debug.getlocal(g, 1) == nil)
  local info, name, value = g(1, 2)
  assert(info.currentline == -1 and info.source == "=?" and info.short_src == "?")
  assert(info.linedefined == debug.getinfo(f, "S").linedefined and next(info.activelines) == nil)
  -- unnamed, a parameter is a temporary
  assert(name == "(temporary)" and value == 1)
  assert(errorOf("local g = ... return g(nil, 2)", g) == "?:-1: attempt to perform arithmetic on a nil value")
  -- entering the function is its only line event, with no line
  local lines = {}
  debug.sethook(function(event, line) lines[#lines + 1] = tostring(line) end, "l")
  g(1, 2)
  debug.sethook()
  local unknown = 0
  for _, l in ipairs(lines) do if l == "nil" then unknown = unknown + 1 end end
  assert(unknown == 1)
end

---------------------------------------------------------------------------
-- metatables of any type, the registry, user values
---------------------------------------------------------------------------

do
  assert(debug.getmetatable(1) == nil and debug.getmetatable("x").__index == string)
  local t = setmetatable({}, {__metatable = "locked"})
  assert(getmetatable(t) == "locked" and type(debug.getmetatable(t)) == "table")
  assert(debug.setmetatable(t, nil) == t and getmetatable(t) == nil)
  -- numbers, nil, functions, booleans, threads (§2.4: one metatable per type)
  assert(debug.setmetatable(10, {__index = {twice = function(n) return n * 2 end}}) == 10)
  assert((5):twice() == 10 and (2.5):twice() == 5.0)
  debug.setmetatable(10, nil)
  assert(errorOf("return (5):twice()") == "t:1: attempt to index a number value")
  debug.setmetatable(nil, {__index = function() return "nilfield" end})
  local n = nil
  assert(n.anything == "nilfield")
  debug.setmetatable(nil, nil)
  debug.setmetatable(print, {__index = {tag = "fn"}})
  assert(print.tag == "fn" and (function() end).tag == "fn")
  debug.setmetatable(print, nil)
  debug.setmetatable(true, {__len = function(v) return v and 1 or 0 end})
  assert(#true == 1 and #false == 0)
  debug.setmetatable(true, nil)
  debug.setmetatable(coroutine.running(), {__index = {kind = "thread"}})
  assert(coroutine.create(print).kind == "thread")
  debug.setmetatable(coroutine.running(), nil)
  -- a metatable with __gc set this way marks the object for finalization
  local finalized = false
  debug.setmetatable({}, {__gc = function() finalized = true end})
  collectgarbage()
  collectgarbage()
  assert(finalized)
  -- errors
  assert(errorOf("debug.getmetatable()") == "t:1: bad argument #1 to 'getmetatable' (value expected)")
  assert(errorOf("debug.setmetatable(1)") == "t:1: bad argument #2 to 'setmetatable' (nil or table expected, got no value)")
  assert(errorOf("debug.setmetatable(1, 2)") == "t:1: bad argument #2 to 'setmetatable' (nil or table expected, got number)")

  -- the registry
  local r = debug.getregistry()
  assert(type(r) == "table" and r._LOADED == package.loaded and r[2] == _G)
  assert(r[1] == select(1, coroutine.running()))

  -- user values: io files have none
  assert(debug.getuservalue(io.stdout) == nil and select("#", debug.getuservalue(io.stdout, 1)) == 1)
  assert(debug.getuservalue(1) == nil and debug.getuservalue() == nil and debug.getuservalue({}, 1) == nil)
  assert(debug.setuservalue(io.stdout, 1) == nil and debug.setuservalue(io.stdout, 1, 0) == nil)
  assert(errorOf("debug.setuservalue({}, 1)") == "t:1: bad argument #1 to 'setuservalue' (userdata expected, got table)")
  assert(errorOf("debug.setuservalue(io.stdout)") == "t:1: bad argument #2 to 'setuservalue' (value expected)")
  assert(errorOf("debug.setuservalue(io.stdout, 1, 'x')") == "t:1: bad argument #3 to 'setuservalue' (number expected, got string)")
  assert(errorOf("debug.getuservalue(io.stdout, 'x')") == "t:1: bad argument #2 to 'getuservalue' (number expected, got string)")
  assert(errorOf("debug.setuservalue(...)", debug.upvalueid(errorOf, 1), 1) ==
         "t:1: bad argument #1 to 'setuservalue' (userdata expected, got light userdata)")
end

---------------------------------------------------------------------------
-- traceback
---------------------------------------------------------------------------

do
  local src = debug.getinfo(1, "S").short_src  -- the script's name as run
  local line = debug.getinfo(1, "l").currentline
  local function tb(...) local s = debug.traceback(...) return s end
  assert(debug.traceback() == "stack traceback:\n\t" .. src .. ":" .. (line + 2) .. ": in main chunk\n\t[C]: in ?")
  assert(debug.traceback("m") == "m\nstack traceback:\n\t" .. src .. ":" .. (line + 3) .. ": in main chunk\n\t[C]: in ?")
  assert(tb("m", 2) == "m\nstack traceback:\n\t" .. src .. ":" .. (line + 4) .. ": in main chunk\n\t[C]: in ?")
  assert(tb("m", 0) == "m\nstack traceback:\n\t[C]: in function 'debug.traceback'\n\t" .. src .. ":" ..
         (line + 1) .. ": in local 'tb'\n\t" .. src .. ":" .. (line + 5) .. ": in main chunk\n\t[C]: in ?")
  assert(debug.traceback("m", -1) == "m\nstack traceback:")
  assert(debug.traceback("m", 100) == "m\nstack traceback:")
  assert(debug.traceback(nil, 100) == "stack traceback:")
  assert(debug.traceback(42, 100) == "42\nstack traceback:")
  -- a message that is not a string is returned untouched
  local t = {}
  assert(debug.traceback(t) == t and debug.traceback(false) == false)
  assert(errorOf("debug.traceback('m', 'x')") == "t:1: bad argument #2 to 'traceback' (number expected, got string)")
  -- another thread: from level 0
  local co = coroutine.create(function() local function inner() coroutine.yield() end inner() end)
  coroutine.resume(co)
  local expected = "stack traceback:\n\t[C]: in function 'coroutine.yield'\n\t" .. src .. ":" .. (line + 16) ..
                   ": in local 'inner'\n\t" .. src .. ":" .. (line + 16) .. ": in function <" .. src .. ":" ..
                   (line + 16) .. ">"
  assert(debug.traceback(co) == expected)
  assert(debug.traceback(co, "m") == "m\n" .. expected)
  assert(debug.traceback(co, nil, 2) == "stack traceback:\n\t" .. src .. ":" .. (line + 16) ..
         ": in function <" .. src .. ":" .. (line + 16) .. ">")
  assert(debug.traceback(coroutine.create(print)) == "stack traceback:")
  -- a long stack shows its first 10 and last 11 levels
  local function deep(n) if n == 0 then return debug.traceback("deep") end return (deep(n - 1)) end
  local text = deep(30)
  local count = select(2, text:gsub("\n", "\n"))
  assert(count == 1 + 10 + 1 + 11 and text:find("\n\t...\t(skipping 11 levels)\n", 1, true))
end

---------------------------------------------------------------------------
-- hooks
---------------------------------------------------------------------------

-- The events (with lines) that running f gives to a hook for `mask`.
local function eventsOf(f, mask, count)
  local events = {}
  debug.sethook(function(event, line)
    local info = debug.getinfo(2, "n")
    if info.name ~= "eventsOf" then
      events[#events + 1] = event .. (line and (":" .. line) or "") .. (info.name and ("@" .. info.name) or "")
    end
  end, mask, count)
  f()
  debug.sethook()
  if events[#events] == "call@sethook" then table.remove(events) end  -- the call that turns hooks off
  return table.concat(events, " ")
end

-- call, return and tail call events, native functions included
do
  local function add(a, b) return a + b end
  local function tail(n) return add(n, 1) end
  local function sel(...) return select("#", ...) end
  assert(eventsOf(function() add(1, 2) end, "c") == "call@f call@add")
  assert(eventsOf(function() add(1, 2) end, "r") == "return@sethook return@add return@f")
  assert(eventsOf(function() tail(1) end, "cr") == "return@sethook call@f call@tail tail call return return@f")
  -- a tail call of a native function is a call; the caller then returns
  assert(eventsOf(function() sel(1, 2) end, "cr") ==
         "return@sethook call@f call@sel call@select return@select return@sel return@f")
  assert(eventsOf(function() tostring(1) end, "c") == "call@f call@tostring")
  -- an error gives no return event
  assert(eventsOf(function() pcall(error, "x") end, "cr") == "return@sethook call@f call@pcall call return@pcall return@f")
end

-- line events: a new line, a jump back (even to the same line), entering a function
do
  local base = debug.getinfo(1, "l").currentline
  local function rel(events) return (events:gsub("line:(%d+)", function(l) return tostring(l - base) end)) end
  assert(rel(eventsOf(function()
    local x = 0
    for i = 1, 2 do
      x = x + i
    end
    local y = x
  end, "l")) == "3@f 4@f 5@f 4@f 5@f 4@f 7@f 8@f")
  assert(rel(eventsOf(function() local x = 0; for i = 1, 3 do x = x + i end end, "l")) == "9@f 9@f 9@f")
  assert(rel(eventsOf(function() local function g() return 1 end; g(); g() end, "l")) == "10@f 10@g 10@g")
  assert(rel(eventsOf(function()
    local n = 3
    while n > 0 do
      n = n - 1
    end
    repeat
      n = n + 1
    until n >= 2
    if n == 2 then
      n = 0
    else
      n = 1
    end
  end, "l")) == "12@f 13@f 14@f 13@f 14@f 13@f 14@f 13@f 17@f 18@f 17@f 18@f 19@f 20@f 24@f")
  assert(rel(eventsOf(function()
    local i = 0
    ::top:: i = i + 1
    if i < 3 then goto top end
  end, "l")) == "26@f 27@f 28@f 27@f 28@f 27@f 28@f 29@f")
  assert(rel(eventsOf(function()
    local s = 0
    for _, v in ipairs({1, 2}) do
      s = s + v
    end
  end, "l")) == "31@f 32@f 33@f 32@f 33@f 32@f 34@f 35@f")
  -- line events name the running function; the line is the hook's second argument
  local function callee()
    return 1
  end
  assert(rel(eventsOf(function() callee() end, "lc")) == "call@f 40@f call@callee 38@callee")
end

-- count events
do
  local count = 0
  debug.sethook(function(event, line) assert(event == "count" and line == nil); count = count + 1 end, "", 1)
  for i = 1, 10 do local x = i end
  debug.sethook()
  assert(count > 10)
  local every3 = 0
  debug.sethook(function() every3 = every3 + 1 end, "", 3)
  for i = 1, 30 do local x = i end
  debug.sethook()
  assert(every3 >= 10 and every3 < count * 3)
end

-- values transferred by calls and returns ('r'); a return hook may change them
do
  local function two(x, y) return x + y, x * y end
  local seen = {}
  debug.sethook(function(event)
    local info = debug.getinfo(2, "nr")
    if info.name == "two" then
      for k = info.ftransfer, info.ftransfer + info.ntransfer - 1 do
        local name, value = debug.getlocal(2, k)
        seen[#seen + 1] = event .. ":" .. (name:sub(1, 1) == "(" and "" or name) .. "=" .. value
        if event == "return" then debug.setlocal(2, k, value * 100) end
      end
    end
  end, "cr")
  local r1, r2 = two(3, 4)
  debug.sethook()
  assert(table.concat(seen, " ") == "call:x=3 call:y=4 return:=7 return:=12")
  assert(r1 == 700 and r2 == 1200)
  -- native functions: their arguments and results
  seen = {}
  debug.sethook(function(event)
    local info = debug.getinfo(2, "nr")
    if info.name == "rep" then
      seen[#seen + 1] = event .. ":" .. info.ftransfer .. "," .. info.ntransfer .. ":" ..
                        select(2, debug.getlocal(2, info.ftransfer))
    end
  end, "cr")
  local s = string.rep("ab", 2, ",")
  debug.sethook()
  assert(s == "ab,ab" and table.concat(seen, " ") == "call:1,3:ab return:4,1:ab,ab")
  -- no values transferred: (0, 0); outside call and return hooks too
  local r
  debug.sethook(function() r = debug.getinfo(2, "r"); debug.sethook() end, "l")
  local _ = 1
  assert(r.ftransfer == 0 and r.ntransfer == 0)
end

-- hooks are off inside a hook; a hook may turn itself off
do
  local calls, inner = 0, 0
  debug.sethook(function()
    calls = calls + 1
    local function nested() inner = inner + 1 end
    nested()
  end, "c")
  local function f() end
  f()
  f()
  debug.sethook()
  assert(calls == 3 and inner == 3)  -- f, f, sethook
  local n = 0
  debug.sethook(function() n = n + 1; debug.sethook() end, "l")
  local a = 1
  local b = 2
  assert(n == 1 and debug.gethook() == nil)
  -- an error in a hook propagates to the code that ran
  local ok, e = pcall(function()
    local raised = false
    debug.sethook(function() if not raised then raised = true; error("in hook") end end, "l")
    local x = 1
  end)
  debug.sethook()
  assert(not ok and e:find("in hook$"))
  -- a hook cannot yield
  local co = coroutine.create(function()
    debug.sethook(function() coroutine.yield() end, "l")
    local x = 1
  end)
  local ok2, e2 = coroutine.resume(co)
  assert(not ok2 and e2 == "attempt to yield across a C-call boundary")
end

-- gethook and sethook forms
do
  local function hk() end
  assert(debug.gethook() == nil and select("#", debug.gethook()) == 1)
  debug.sethook(hk, "crl", 5)
  local f, mask, count = debug.gethook()
  assert(f == hk and mask == "crl" and count == 5)
  debug.sethook(hk, "lrc")
  assert(select(2, debug.gethook()) == "crl" and select(3, debug.gethook()) == 0)
  debug.sethook(hk, "", 3)
  f, mask, count = debug.gethook()
  assert(f == hk and mask == "" and count == 3)
  -- no events: no hook
  debug.sethook(hk, "xyz")
  assert(debug.gethook() == nil)
  debug.sethook(hk, "", 0)
  assert(debug.gethook() == nil)
  debug.sethook(hk, "c")
  debug.sethook(nil, "c")
  assert(debug.gethook() == nil)
  -- the hook table in the registry has weak keys
  assert(getmetatable(debug.getregistry()._HOOKKEY).__mode == "k")
  -- errors
  assert(errorOf("debug.sethook(1, 2)") == "t:1: bad argument #1 to 'sethook' (function expected, got number)")
  assert(errorOf("debug.sethook(print)") == "t:1: bad argument #2 to 'sethook' (string expected, got no value)")
  assert(errorOf("debug.sethook(print, 'c', 'x')") == "t:1: bad argument #3 to 'sethook' (number expected, got string)")
  assert(errorOf("debug.sethook(...)", coroutine.create(print), 1, "c") ==
         "t:1: bad argument #2 to 'sethook' (function expected, got number)")
  assert(debug.gethook() == nil)
end

-- hooks are per thread; new threads inherit the mask but not the Lua hook
do
  local events = {}
  local function h(event) events[#events + 1] = event .. "@" .. tostring(debug.getinfo(2, "n").name) end
  debug.sethook(h, "cr", 2)
  local co = coroutine.create(function(a) local b = coroutine.yield(a + 1); return b * 2 end)
  debug.sethook()
  local f, mask, count = debug.gethook(co)
  assert(f == nil and mask == "cr" and count == 2)
  events = {}
  debug.sethook(co, h, "cr")
  assert(debug.gethook() == nil and debug.gethook(co) == h)
  local ok, v = coroutine.resume(co, 1)
  assert(ok and v == 2)
  ok, v = coroutine.resume(co, 5)
  assert(ok and v == 10)
  -- yield returns when the coroutine resumes
  assert(table.concat(events, " ") == "call@nil call@yield return@yield return@nil")
  -- hooks in coroutines and around yields keep them working
  local trace = {}
  local gen = coroutine.create(function()
    for i = 1, 3 do coroutine.yield(i) end
    return "done"
  end)
  debug.sethook(gen, function(event, line) trace[#trace + 1] = event end, "crl")
  local results = {}
  while true do
    local ok3, r = coroutine.resume(gen)
    assert(ok3)
    results[#results + 1] = r
    if coroutine.status(gen) == "dead" then break end
  end
  assert(table.concat(results, " ") == "1 2 3 done" and #trace > 10)
end

-- debug.debug runs lines from stdin until "cont": run in a child
do
  local first = 0
  while arg and arg[first - 1] do first = first - 1 end
  local interpreter = arg and arg[first]
  local out = os.tmpname()
  local child = io.popen(interpreter .. " -e 'debug.debug() print(\"after\")' > " .. out .. " 2>&1", "w")
  if child then
    child:write("x = 6 * 7 print(x)\n", "error('oops')\n", "error({})\n", "local a = 5 print(a)\n", "cont\n",
                "print('not run')\n")
    child:close()
    local f = assert(io.open(out))
    local text = f:read("a")
    f:close()
    assert(text:gsub("0x%x+", "ADDR") == "lua_debug> 42\nlua_debug> (debug command):1: oops\n" ..
           "lua_debug> table: ADDR\nlua_debug> 5\nlua_debug> after\n")
  end
  os.remove(out)
end

-- setcstacklimit is kept for compatibility and does nothing
assert(type(debug.setcstacklimit(100)) == "number")
assert(errorOf("debug.setcstacklimit()") == "t:1: bad argument #1 to 'setcstacklimit' (number expected, got no value)")

-- A return hook set by a function's own __close method sees that function's
-- return: the event comes after the closing (§3.3.8, §6.10), with the
-- returned values as the transferred ones; also when another hook (lines)
-- was on before.
do
  local events
  local function hook(ev)
    local info = debug.getinfo(2, "nr")
    local values = {}
    for i = info.ftransfer, info.ftransfer + info.ntransfer - 1 do
      values[#values + 1] = tostring(select(2, debug.getlocal(2, i)))
    end
    events[#events + 1] = ev .. ":" .. tostring(info.name) .. "(" .. table.concat(values, ",") .. ")"
  end
  local function closer()
    return setmetatable({}, {__close = function() debug.sethook(hook, "r") end})
  end
  local function none() local x <close> = closer() end
  local function one() local x <close> = closer() return "a" end
  local function two() local x <close> = closer() return "a", "b" end
  local function many(...) local x <close> = closer() return ... end
  for _, f in ipairs{none, one, two, many} do
    for _, before in ipairs{"", "l"} do
      events = {}
      if before ~= "" then debug.sethook(function() end, before) end
      f("x", "y", "z")
      debug.sethook()
      local want = ({[none] = "", [one] = "a", [two] = "a,b", [many] = "x,y,z"})[f]
      assert(table.concat(events, " ") == "return:sethook() return:close() return:f(" .. want .. ")",
             table.concat(events, " "))
    end
  end
end

-- debug.traceback's message is a C string (luaL_traceback): it ends at a NUL.
do
  local t = debug.traceback("a\0b")
  assert(t:sub(1, 18) == "a\nstack traceback:", t)
end

print("OK")
