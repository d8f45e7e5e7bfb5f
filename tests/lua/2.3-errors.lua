-- Lua 5.4 manual §2.3 Error Handling and the error functions of §6.1
-- (error levels, error values, pcall/xpcall, message handlers, stack overflow).
-- Self-checking: prints only "OK" on success.

local function pack(...) return {n = select("#", ...), ...} end

local function same(got, ...)
  local want = pack(...)
  if got.n ~= want.n then return false end
  for i = 1, want.n do
    if got[i] ~= want[i] then return false end
  end
  return true
end

-- runs src compiled with chunk name "t" under pcall, returns pcall's results packed
local function run(src, ...)
  local f, cerr = load(src, "=t")
  assert(f, "should compile: " .. src .. ": " .. tostring(cerr))
  return pack(pcall(f, ...))
end

local function rterr(src, expected)
  local r = run(src)
  assert(r[1] == false, "should fail: " .. src)
  assert(r[2] == expected, "wrong message for [" .. src .. "]: " .. tostring(r[2]))
end

-- error levels
rterr("error('x')", "t:1: x")
rterr("error('x', 1)", "t:1: x")
rterr("\n\nerror('x', 1.0)", "t:3: x")
rterr("error('x', 0)", "x")
rterr("local function f() error('x', 0) end f()", "x")
rterr("local function f()\n  error('in f', 1)\nend\nf()", "t:2: in f")
rterr("local function f()\n  error('in f', 2)\nend\nlocal function g()\n  f()\nend\ng()", "t:5: in f")
rterr("local function f() error('x', 3) end\nlocal function g()\n  f()\nend\ng()", "t:5: x")
rterr("local function f() error('x', '2') end\n\nf()", "t:3: x")
-- level 2 from the main chunk is pcall (a C function): no position
rterr("error('x', 2)", "x")
-- levels beyond the stack: no position
rterr("error('x', 50)", "x")
rterr("error('x', -1)", "x")
-- a tail call removes the caller's frame: level 2 is the function above it
rterr("local function f() error('tail', 2) end\nlocal function g() return f() end\n\ng()", "t:4: tail")
rterr("error('x', 1.5)", "t:1: bad argument #2 to 'error' (number has no integer representation)")
rterr("error('x', 'y')", "t:1: bad argument #2 to 'error' (number expected, got string)")
-- a message with a newline keeps it
rterr("error('a\\nb')", "t:1: a\nb")
do
  -- error called directly by pcall
  local r = pack(pcall(error, "direct"))
  assert(same(r, false, "direct"), "level 1 is pcall: no position")
  r = pack(pcall(error))
  assert(same(r, false, nil), "error() raises nil")
  -- level 2 from pcall is the caller of pcall
  local f = load("local ok, m = pcall(error, 'msg', 2) return m", "=t")
  assert(f() == "t:1: msg", "level 2 through pcall")
end

-- non-string error values pass through unchanged
do
  local values = {42, 1.5, true, false, {}, print, coroutine.create(print)}
  for _, v in ipairs(values) do
    local r = pack(pcall(error, v))
    assert(same(r, false, v), "error value " .. tostring(v))
    r = pack(pcall(error, v, 1))
    assert(same(r, false, v), "level ignored for non-strings: " .. tostring(v))
    r = pack(pcall(function() error(v, 2) end))
    assert(same(r, false, v), "level 2 ignored for non-strings")
  end
  local r = pack(pcall(error, nil))
  assert(same(r, false, nil), "nil error value")
  -- numbers are not converted to strings (no position added)
  r = run("error(42)")
  assert(same(r, false, 42) and type(r[2]) == "number", "number error stays a number")
  -- an error object with __tostring is kept as the object
  local obj = setmetatable({}, {__tostring = function() return "custom error" end})
  r = pack(pcall(error, obj))
  assert(same(r, false, obj) and tostring(r[2]) == "custom error", "error object with __tostring")
  -- error objects survive several levels of functions and rethrowing
  local function lvl3() error({code = 3}) end
  local function lvl2() lvl3() end
  local function lvl1()
    local ok, e = pcall(lvl2)
    assert(not ok and e.code == 3)
    e.code = 4
    error(e)
  end
  local ok, e = pcall(lvl1)
  assert(not ok and e.code == 4, "rethrown object")
  -- rethrowing a string with level 0 keeps it unchanged
  ok, e = pcall(function()
    local ok2, e2 = pcall(error, "inner", 0)
    error(e2, 0)
  end)
  assert(not ok and e == "inner", "rethrow string")
  -- rethrowing with level 1 adds another position
  r = run("local ok, e = pcall(error, 'm', 1)\nerror(e)")
  assert(same(r, false, "t:2: m"), "level 1 inside pcall has no position; rethrow adds one")
end

-- assert raises like error at level 1
rterr("assert(false)", "t:1: assertion failed!")
rterr("assert(nil, 'msg')", "t:1: msg")
rterr("local x = 1\nassert(x == 2, 'x is ' .. x)", "t:2: x is 1")
rterr("assert(false, 'x', 'y')", "t:1: x")
rterr("assert()", "t:1: bad argument #1 to 'assert' (value expected)")
do
  local r = pack(pcall(assert, false, "direct"))
  assert(same(r, false, "direct"), "assert called by pcall")
  local obj = {}
  r = pack(pcall(assert, false, obj))
  assert(same(r, false, obj), "assert with an object")
  r = pack(pcall(assert, nil, nil))
  assert(same(r, false, nil), "assert with a nil message")
  r = pack(pcall(assert, false, 42))
  assert(same(r, false, 42), "assert with a number message")
  r = pack(assert(1, 2, nil, 3))
  assert(same(r, 1, 2, nil, 3), "assert returns all its arguments")
  r = pack(assert(0))
  assert(same(r, 0), "0 is true")
end

-- pcall: results and messages
do
  local r = pack(pcall(function(...) return ... end, 1, nil, 3, nil))
  assert(same(r, true, 1, nil, 3, nil), "pcall returns all results")
  r = pack(pcall(function() end))
  assert(same(r, true), "no results")
  r = pack(pcall(select, "#", nil, nil))
  assert(same(r, true, 2), "C function")
  r = pack(pcall(pcall, error, "e"))
  assert(same(r, true, false, "e"), "nested pcall")
  r = pack(pcall(pcall, pcall, pcall, error, "e"))
  assert(same(r, true, true, true, false, "e"), "deeply nested pcall")
  r = pack(pcall(1))
  assert(same(r, false, "attempt to call a number value"), "pcall(number)")
  r = pack(pcall(nil))
  assert(same(r, false, "attempt to call a nil value"), "pcall(nil)")
  r = pack(pcall({}))
  assert(same(r, false, "attempt to call a table value"), "pcall(table)")
  r = pack(pcall("f"))
  assert(same(r, false, "attempt to call a string value"), "pcall(string)")
  r = pack(pcall(setmetatable({}, {__call = function(self, a) return a end}), 5))
  assert(same(r, true, 5), "pcall(callable table)")
  r = pack(pcall(setmetatable({}, {__name = "Obj"})))
  assert(same(r, false, "attempt to call a Obj value"), "pcall of a table with __name")
  r = pack(pcall(pcall))
  assert(same(r, false, "bad argument #1 to 'pcall' (value expected)"), "pcall()")
  -- pcall catches errors of all kinds
  r = pack(pcall(function() local x = nil; return x.y end))
  assert(r[1] == false and type(r[2]) == "string", "runtime error")
  -- the state after an error is clean: locals and upvalues keep working
  local counter = 0
  for _ = 1, 100 do
    pcall(function() counter = counter + 1; error("again") end)
  end
  assert(counter == 100, "repeated errors")
end
rterr("pcall()", "t:1: bad argument #1 to 'pcall' (value expected)")

-- xpcall and message handlers
do
  local got
  local r = pack(xpcall(error, function(m) got = m; return "handled: " .. tostring(m) end, "E"))
  assert(same(r, false, "handled: E") and got == "E", "handler gets the message, its result is returned")
  local obj = {}
  r = pack(xpcall(function() error(obj) end, function(m) got = m; return m end))
  assert(same(r, false, obj) and got == obj, "handler receives the original object")
  r = pack(xpcall(function() error() end, function(m) return m end))
  assert(same(r, false, nil), "nil error through handler")
  -- only the first result of the handler is used
  r = pack(xpcall(error, function(m) return m, "extra" end, "E"))
  assert(same(r, false, "E"), "one result")
  r = pack(xpcall(error, function() end, "E"))
  assert(same(r, false, nil), "handler returning nothing")
  -- success: results and extra arguments
  r = pack(xpcall(function(...) return select("#", ...), ... end, print, 1, nil, 3))
  assert(same(r, true, 3, 1, nil, 3), "xpcall passes arguments and returns results")
  -- the handler runs at the point of the error (before unwinding): it sees the error position
  local f = load("local function g()\n  local x = nil\n  return x.field\nend\nreturn xpcall(g, function(m) return 'H:' .. m end)", "=t")
  r = pack(f())
  assert(same(r, false, "H:t:3: attempt to index a nil value (local 'x')"), "handler with runtime error")
  -- non-callable first argument: the handler is still called
  r = pack(xpcall(1, function(m) return "H:" .. m end))
  assert(same(r, false, "H:attempt to call a number value"), "xpcall(number, handler)")
  -- errors inside the handler
  r = pack(xpcall(error, function(m) error("again") end, "E"))
  assert(same(r, false, "error in error handling"), "handler raising a string")
  r = pack(xpcall(error, function(m) error({}) end, "E"))
  assert(same(r, false, "error in error handling"), "handler raising a table")
  r = pack(xpcall(error, function(m) local x = nil; return x.y end, "E"))
  assert(same(r, false, "error in error handling"), "handler with a runtime error")
  r = pack(xpcall(error, error, "E"))
  assert(same(r, false, "error in error handling"), "error as the handler")
  -- nested xpcall inside a handler works
  r = pack(xpcall(error, function(m)
    local ok, inner = xpcall(error, function(m2) return "inner " .. m2 end, "I")
    return m .. "/" .. tostring(ok) .. "/" .. inner
  end, "E"))
  assert(same(r, false, "E/false/inner I"), "xpcall inside a handler")
  -- pcall inside xpcall: inner errors do not reach the outer handler
  local calls = 0
  r = pack(xpcall(function()
    local ok = pcall(error, "inner")
    return ok, "continued"
  end, function(m) calls = calls + 1; return m end))
  assert(same(r, true, false, "continued") and calls == 0, "pcall shields the handler")
  -- xpcall inside pcall
  r = pack(pcall(xpcall, error, function(m) return "h" .. m end, "x"))
  assert(same(r, true, false, "hx"), "xpcall under pcall")
end
rterr("xpcall()", "t:1: bad argument #2 to 'xpcall' (function expected, got no value)")
rterr("xpcall(print)", "t:1: bad argument #2 to 'xpcall' (function expected, got no value)")
rterr("xpcall(error, 1)", "t:1: bad argument #2 to 'xpcall' (function expected, got number)")
rterr("xpcall(error, nil)", "t:1: bad argument #2 to 'xpcall' (function expected, got nil)")
rterr("xpcall(error, {})", "t:1: bad argument #2 to 'xpcall' (function expected, got table)")

-- errors raised by library functions called from Lua get the caller's position
rterr("setmetatable(nil, {})", "t:1: bad argument #1 to 'setmetatable' (table expected, got nil)")
rterr("\nlocal t = setmetatable({}, 5)", "t:2: bad argument #2 to 'setmetatable' (nil or table expected, got number)")
rterr("return (setmetatable)(1)", "t:1: bad argument #1 to 'setmetatable' (table expected, got number)")
rterr("local f = function(...) return setmetatable(...) end f(1)",
  "t:1: bad argument #1 to 'setmetatable' (table expected, got number)")
-- the function name comes from the call site
rterr("local s = setmetatable; s(1)", "t:1: bad argument #1 to 's' (table expected, got number)")
rterr("local t = {s = setmetatable} t.s(1)", "t:1: bad argument #1 to 's' (table expected, got number)")
-- method calls do not count self
rterr("local t = {s = setmetatable} t:s(1)", "t:1: bad argument #1 to 's' (nil or table expected, got number)")
rterr("local t = {s = rawlen} t.s(1)", "t:1: bad argument #1 to 's' (table or string expected, got number)")
rterr("return select(0)", "t:1: bad argument #1 to 'select' (index out of range)")
rterr("return select(-5, 1)", "t:1: bad argument #1 to 'select' (index out of range)")
rterr("return select('x')", "t:1: bad argument #1 to 'select' (number expected, got string)")
rterr("return tonumber('10', 99)", "t:1: bad argument #2 to 'tonumber' (base out of range)")
rterr("return tonumber(10, 16)", "t:1: bad argument #1 to 'tonumber' (string expected, got number)")
rterr("return ipairs()", "t:1: bad argument #1 to 'ipairs' (value expected)")
rterr("return tostring()", "t:1: bad argument #1 to 'tostring' (value expected)")
rterr("return type()", "t:1: bad argument #1 to 'type' (value expected)")
rterr("return collectgarbage('bogus')", "t:1: bad argument #1 to 'collectgarbage' (invalid option 'bogus')")
rterr("return print(setmetatable({}, {__tostring = function() return {} end}))", "t:1: '__tostring' must return a string")
-- errors detected inside a C function without argument checks have no position
rterr("return next({}, 'nokey')", "invalid key to 'next'")
rterr("rawset({}, nil, 1)", "table index is nil")
-- called directly by pcall: no Lua caller, no position
do
  local r = pack(pcall(setmetatable, 1))
  assert(same(r, false, "bad argument #1 to 'setmetatable' (table expected, got number)"), "no position")
end

-- stack overflow
do
  local f = load("local function f() return 1 + f() end return f()", "=t")
  for i = 1, 3 do  -- repeated overflows leave the state usable
    local r = pack(pcall(f))
    assert(same(r, false, "t:1: stack overflow"), "stack overflow " .. i .. ": " .. tostring(r[2]))
  end
  -- with arguments and several lines
  rterr("local function f(n)\n  return 1 + f(n + 1)\nend\nreturn f(1)", "t:2: stack overflow")
  -- recursion through __call stays in Lua: the same message
  rterr("local t = setmetatable({}, {}) getmetatable(t).__call = function(a) return a() + 1 end return t()",
    "t:1: stack overflow")
  -- recursion through metamethods called by the VM uses the C stack
  rterr("local t = setmetatable({}, {}) getmetatable(t).__index = function(t, k) return t[k] end return t.x",
    "t:1: C stack overflow")
  rterr("local t = setmetatable({}, {}) getmetatable(t).__add = function(a, b) return a + b end return t + 1",
    "t:1: C stack overflow")
  rterr("local t = setmetatable({}, {}) getmetatable(t).__newindex = function(t, k, v) t[k] = v end t.x = 1",
    "t:1: C stack overflow")
  rterr("local t = setmetatable({}, {}) getmetatable(t).__tostring = function(a) return tostring(a) end return tostring(t)",
    "C stack overflow")
  rterr("local function f() f() end f()", "t:1: stack overflow")
  -- recursion through pcall: the innermost pcall fails, every outer one succeeds
  local g
  g = function() return pcall(g) end
  local r = pack(g())
  assert(r.n > 10 and r[r.n] == "C stack overflow" and r[r.n - 1] == false, "pcall recursion")
  for i = 1, r.n - 2 do assert(r[i] == true, "outer pcalls succeed") end
  local depth = 0
  local function h()
    depth = depth + 1
    local ok, e = pcall(h)
    if not ok then return e end
    return e
  end
  assert(h() == "C stack overflow" and depth > 100, "pcall(h) recursion: innermost error")
  rterr("local function f() local ok, e = pcall(f) if not ok then error(e, 0) end end return f()",
    "C stack overflow")
  -- nesting too deep for the parser: "C stack overflow" without a position,
  -- raised like a runtime error, so that the message handler of the
  -- protected call running `load` transforms it (load still returns it)
  local deep = "return " .. string.rep("(", 300) .. "1" .. string.rep(")", 300)
  -- (the main chunk runs under the command line's handler, which adds a traceback)
  local f, m = load(deep)
  assert(f == nil and m:find("^C stack overflow\nstack traceback:\n\t%[C%]: in function 'load'\n"), m)
  assert(same(pack(pcall(load, deep)), true, nil, "C stack overflow"), "parser nesting limit under pcall")
  assert(same(pack(xpcall(load, function(m) return "H:" .. m end, deep)), true, nil, "H:C stack overflow"),
    "parser nesting limit under a message handler")
  assert(same(pack(xpcall(load, function(m) return "H:" .. m end, "x = = 1")), true, nil,
    [[[string "x = = 1"]:1: unexpected symbol near '=']]), "syntax errors skip the handler")
  assert(same(pack(coroutine.wrap(function() return load(deep) end)()), nil, "C stack overflow"))
  -- a message handler sees the stack overflow error and can still run
  local q = load("local function q() return 1 + q() end return q()", "=t")
  local r2 = pack(xpcall(q, function(m) return "H " .. m end))
  assert(same(r2, false, "H t:1: stack overflow"), "handler after overflow: " .. tostring(r2[2]))
  -- a handler that overflows itself
  r2 = pack(xpcall(q, function(m) return q() end))
  assert(same(r2, false, "error in error handling"), "overflow in the handler")
end

-- after all this the interpreter keeps working normally
do
  local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
  assert(fib(20) == 6765, "still working")
  local function deep(n) if n == 0 then return 0 end return 1 + deep(n - 1) end
  assert(deep(10000) == 10000, "deep recursion still possible")
end

-- Errors raised by the library (error, assert, luaL_error, coroutine.wrap)
-- take their position from luaL_where, which gives none for a function
-- without line information (stripped by string.dump); runtime errors of the
-- interpreter say "?:-1:" there.
do
  local function stripped(f) return load(string.dump(f, true)) end
  local function message(f) return select(2, pcall(stripped(f))) end
  assert(message(function() error("x") end) == "x", "error in stripped code")
  assert(message(function() error("x", 1) end) == "x", "error level 1 in stripped code")
  assert(message(function() assert(false, "m") end) == "m", "assert in stripped code")
  assert(message(function() string.rep() end) == "bad argument #1 to 'rep' (string expected, got no value)",
         "argument error in stripped code")
  assert(message(function() coroutine.wrap(function() error("w", 0) end)() end) == "w", "wrap in stripped code")
  assert(message(function() local a; a.b = 1 end) == "?:-1: attempt to index a nil value",
         "runtime error in stripped code")
end

print("OK")
