-- Lua 5.4 manual §3.3.7 Local Declarations and §3.3.8 To-be-closed Variables
-- Self-checking: prints only "OK" on success.

local function synerr(src, expected)
  local f, msg = load(src, "=t")
  assert(f == nil, "should not compile: " .. src)
  assert(msg == expected, "wrong message for [" .. src .. "]: " .. tostring(msg))
end

local function rterr(src, expected)
  local f, cerr = load(src, "=t")
  assert(f, "should compile: " .. src .. ": " .. tostring(cerr))
  local ok, msg = pcall(f)
  assert(not ok, "should fail: " .. src)
  assert(msg == expected, "wrong message for [" .. src .. "]: " .. tostring(msg))
end

local function compiles(src)
  local f, msg = load(src, "=t")
  assert(f, "should compile: [" .. src .. "]: " .. tostring(msg))
  return f
end

-- plain locals: initialisation follows multiple assignment rules
do
  local function three() return 1, 2, 3 end
  local a, b, c, d = three()
  assert(a == 1 and b == 2 and c == 3 and d == nil, "local list from a call")
  local e, f = three(), 10
  assert(e == 1 and f == 10, "call not last gives one value")
  local g
  assert(g == nil, "no initialiser gives nil")
  local h, i = 1, 2, 3
  assert(h == 1 and i == 2, "extra values discarded")
  local x = 1
  local x = x + 1  -- the new x is not in scope in its own initialiser
  assert(x == 2, "local x = x refers to the outer x")
  local y, z = 5, y
  assert(z == nil, "y not in scope in its own declaration list")
  local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
  assert(fact(5) == 120, "local function can call itself")
  local rec = function(n) return n end
  local rec = function(n) if n == 0 then return "outer" end return rec(0) end
  assert(rec(1) == 0, "local f = function refers to the previous f")
end

-- A <const> variable whose value is a literal (after folding, §3.4.1), the
-- last of its statement with as many values as variables, is a compile-time
-- constant, as in Lua: its uses are its value, so it takes no slot, no
-- closure captures it, and debug.getlocal does not list it.
local function localNames(level)  -- the locals of the function `level` calls up
  local names = {}
  for i = 1, 50 do
    local n = debug.getlocal(level + 1, i)
    if not n then break end
    names[#names + 1] = n
  end
  return table.concat(names, " ")
end
;(function()
  local K <const> = 10
  local S <const> = "s" .. "" == "s" and "str"   -- not a literal: a variable
  local F <const> = 2 * 3 + 1
  local function f() return K, F end
  assert(debug.getupvalue(f, 1) == nil, "no upvalue for a compile-time constant")
  local function g() return S end
  assert(debug.getupvalue(g, 1) == "S", "a <const> variable that is not a literal is captured")
  local a <const>, b <const> = 1, 2
  local function h() return a, b end
  assert(debug.getupvalue(h, 1) == "a" and debug.getupvalue(h, 2) == nil, "only the last variable")
  local names = localNames(1)
  assert(names == "S f g a h", names)
  assert(f() == 10 and select(2, f()) == 7 and g() == "str" and select(2, h()) == 2)
end)()

-- const variables
do
  local k <const> = 10
  local s <const> = "str"
  local t <const> = {}
  t.field = 1  -- the table itself can be changed
  assert(k == 10 and s == "str" and t.field == 1, "const values")
  local function get() return k, s end
  local a, b = get()
  assert(a == 10 and b == "str", "const captured by a closure")
  local m <const> = k * 2 + 1
  assert(m == 21, "const from constant expression")
  local u <const> = {k = k}
  assert(u.k == 10, "const table")
  local n <const> = nil
  assert(n == nil, "const nil")
  local big <const> = 0x7fffffffffffffff
  assert(big + 1 == -big - 1, "const integer arithmetic wraps")
  local fl <const> = 2^53
  assert(fl + 1 == fl, "const float arithmetic")
  local x <const>, y = 1, 2
  y = 3
  assert(x == 1 and y == 3, "only the const variable is constant")
  local tt = {[k] = "ten"}
  assert(tt[10] == "ten", "const as key")
  local sp < const > = 5
  assert(sp == 5, "spaces inside the attribute brackets")
  assert(compiles("local x <const>; return x")() == nil, "const without initialiser is nil")
  assert(compiles("local x <const> = 1 do local x = 2; x = 3 end return x")() == 1, "shadowing a const")
  compiles("local x <const> = 1; for x = 1, 2 do x = 5 end")
  compiles("local x <const> = {}; function x.f() end")
  compiles("local x <const> = {}; x.y = 2")
end
synerr("local x <const> = 1; x = 2", "t:1: attempt to assign to const variable 'x'")
synerr("local x <const> = 1; local function f() x = 2 end", "t:1: attempt to assign to const variable 'x'")
synerr("local x <const> = 1; local function g() local function h() x = 1 end end",
  "t:1: attempt to assign to const variable 'x'")
synerr("local x <const> = 1; x, y = 2, 3", "t:1: attempt to assign to const variable 'x'")
synerr("local x <const> = 1; y, x = 2, 3", "t:1: attempt to assign to const variable 'x'")
synerr("local x <const> = 1; function x() end", "t:1: attempt to assign to const variable 'x'")
synerr("local x <close> = nil; x = 1", "t:1: attempt to assign to const variable 'x'")
synerr("local x <const> = 1\n\nx = 2", "t:3: attempt to assign to const variable 'x'")
synerr("local x <foo> = 1", "t:1: unknown attribute 'foo'")
synerr("local x <CONST> = 1", "t:1: unknown attribute 'CONST'")
synerr("local x <const", "t:1: '>' expected near <eof>")
synerr("local x <> = 1", "t:1: <name> expected near '>'")
synerr("local x<const>=1", "t:1: '>' expected near '>='")
synerr("local function f <const> () end", "t:1: '(' expected near '<'")
synerr("local a <close>, b <close> = nil, nil", "t:1: multiple to-be-closed variables in local list")
synerr("local", "t:1: <name> expected near <eof>")
synerr("local 1", "t:1: <name> expected near '1'")
synerr("local x, = 1", "t:1: <name> expected near '='")
synerr("local x.y = 1", "t:1: unexpected symbol near '.'")
synerr("local function x.y() end", "t:1: '(' expected near '.'")

-- limit on the number of locals
do
  local src = "local a1"
  for i = 2, 200 do src = src .. ", a" .. i end
  assert(load(src, "=t"), "200 locals are fine")
  local f, msg = load(src .. ", a201", "=t")
  assert(f == nil and msg == "t:1: too many local variables (limit is 200) in main function near <eof>",
    "201 locals: " .. tostring(msg))
  src = ""
  for i = 1, 201 do src = src .. "local a" .. i .. " = 1\n" end
  f, msg = load(src, "=t")
  assert(f == nil and msg == "t:201: too many local variables (limit is 200) in main function near '='",
    "201 local statements: " .. tostring(msg))
end

-- to-be-closed variables
local log
local function closer(name)
  return setmetatable({name = name}, {__close = function(self, err)
    log[#log + 1] = self.name .. (err ~= nil and ("(" .. tostring(err) .. ")") or "")
  end})
end
local function logstr() local s = "" for i = 1, #log do s = s .. (i > 1 and " " or "") .. log[i] end return s end

-- normal block end, reverse order
log = {}
do
  local a <close> = closer("a")
  local b <close> = closer("b")
  local c = closer("not-tbc")
  local d <close> = closer("d")
  log[#log + 1] = "body"
end
assert(logstr() == "body d b a", "closed in reverse order at block end: " .. logstr())

-- value passed as first argument, nil second argument when no error
do
  local got1, got2, nargs
  local obj = setmetatable({}, {__close = function(...) got1, got2 = ...; nargs = select("#", ...) end})
  do local x <close> = obj end
  assert(got1 == obj and got2 == nil, "close receives the value and nil")
  assert(nargs == 2, "close receives exactly two arguments")
end

-- nil and false are ignored
do
  local x <close> = nil
  local y <close> = false
end

-- break, return, goto
log = {}
for i = 1, 3 do
  local a <close> = closer("a" .. i)
  if i == 2 then break end
end
assert(logstr() == "a1 a2", "closed on break and at end of each iteration: " .. logstr())

log = {}
local function ret()
  local a <close> = closer("a")
  do
    local b <close> = closer("b")
    return "r1", "r2"
  end
end
do
  local r1, r2 = ret()
  assert(r1 == "r1" and r2 == "r2", "return values kept")
  assert(logstr() == "b a", "closed on return: " .. logstr())
end

log = {}
do
  do
    local a <close> = closer("a")
    goto out
  end
  ::out::
  log[#log + 1] = "after"
end
assert(logstr() == "a after", "closed on goto out of the block: " .. logstr())

log = {}
do
  local n = 0
  ::again::
  do
    local a <close> = closer("g" .. n)
    n = n + 1
    if n < 3 then goto again end
  end
end
assert(logstr() == "g0 g1 g2", "closed on backward goto: " .. logstr())

-- error: the error object is passed to the close method, then propagates
log = {}
do
  local ok, e = pcall(function()
    local a <close> = closer("a")
    local b <close> = closer("b")
    error("boom", 0)
  end)
  assert(not ok and e == "boom", "error propagates after closing")
  assert(logstr() == "b(boom) a(boom)", "close methods get the error: " .. logstr())
end

-- error inside a close method replaces the error; other close methods still run
log = {}
do
  local ok, e = pcall(function()
    local a <close> = closer("a")
    local b <close> = setmetatable({}, {__close = function(_, err)
      log[#log + 1] = "b(" .. tostring(err) .. ")"
      error("in-close", 0)
    end})
    local c <close> = closer("c")
    error("orig", 0)
  end)
  assert(not ok and e == "in-close", "error from close method wins: " .. tostring(e))
  assert(logstr() == "c(orig) b(orig) a(in-close)", "pending closes still run: " .. logstr())
end
log = {}
do
  local ok, e = pcall(function()
    local a <close> = closer("a")
    local b <close> = setmetatable({}, {__close = function() error("close-err", 0) end})
    return "x"
  end)
  assert(not ok and e == "close-err", "error in close after normal exit")
  assert(logstr() == "a(close-err)", "next close gets that error: " .. logstr())
end

-- values that cannot be closed
rterr("local x <close> = 1", "t:1: variable 'x' got a non-closable value")
rterr("local x <close> = {}", "t:1: variable 'x' got a non-closable value")
rterr("local x <close> = 'str'", "t:1: variable 'x' got a non-closable value")
rterr("local x <close> = true", "t:1: variable 'x' got a non-closable value")
rterr("local x <close> = setmetatable({}, {})", "t:1: variable 'x' got a non-closable value")
rterr("local a, b <close> = nil, 1", "t:1: variable 'b' got a non-closable value")
do
  -- a variable declared before the failing one is still closed
  log = {}
  local f = load("local c = ...; local a <close> = c('a'); local b <close> = 42", "=t")
  local ok, e = pcall(f, closer)
  assert(not ok and e == "t:1: variable 'b' got a non-closable value", "message")
  assert(logstr() == "a(t:1: variable 'b' got a non-closable value)", "earlier variable closed: " .. logstr())
end

-- a call in the scope of a to-be-closed variable is not a tail call:
-- the variable is closed after the called function returns
log = {}
do
  local function callee() log[#log + 1] = "callee"; return "v" end
  local function caller()
    local a <close> = closer("a")
    return callee()
  end
  assert(caller() == "v", "result of the call")
  assert(logstr() == "callee a", "closed after the call: " .. logstr())
end

-- each execution of a local statement creates a new variable
do
  local fs = {}
  for i = 1, 3 do
    local v = i * 10
    fs[i] = function() v = v + 1; return v end
  end
  assert(fs[1]() == 11 and fs[1]() == 12 and fs[2]() == 21 and fs[3]() == 31, "new variables per execution")
end

print("OK")
