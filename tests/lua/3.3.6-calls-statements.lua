-- Lua 5.4 manual §3.3.6 Function Calls as Statements
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

local log = {}
local function rec(...)
  log[#log + 1] = select("#", ...)
  return 1, 2, 3
end

-- results of call statements are discarded
do
  rec()
  rec(1, 2)
  assert(#log == 2 and log[1] == 0 and log[2] == 2, "call statements run")
  local f = load("local g = ... ; g(); g(1); return", "=t")
  assert(select("#", f(rec)) == 0, "results of statement calls are not returned")
  local x = 5
  rec(x)
  assert(x == 5, "statement call does not assign")
end

-- forms of calls as statements
do
  log = {}
  rec{1, 2}
  rec"str"
  rec'str'
  rec[[str]]
  rec [==[str]==]
  rec {}
  assert(#log == 6, "f{...} and f'...' statements")
  for i = 1, 6 do assert(log[i] == 1, "one argument each") end
  local obj = {n = 0}
  function obj:inc(k) self.n = self.n + (type(k) == "number" and k or 1); return self end
  obj:inc()
  obj:inc(5)
  obj:inc():inc():inc()
  obj:inc{}
  assert(obj.n == 10, "method call statements: " .. tostring(obj.n))
  obj:inc"x"
  local t = {a = {b = {c = function() obj.n = 100 end}}}
  t.a.b.c()
  assert(obj.n == 100, "call through field chain")
  t["a"]["b"]["c"]()
  ;(function() obj.n = 200 end)()
  assert(obj.n == 200, "parenthesised function expression called")
  local function curry(a) return function(b) return function(c) obj.n = a .. b .. c end end end
  curry"x""y""z"
  assert(obj.n == "xyz", "chained string calls")
  curry(1)(2)(3)
  assert(obj.n == "123", "chained calls")
  local function curry2(a) return function(b) return function(c) obj.n = #a + #b .. c end end end
  curry2{1}{2, 3}"end"
  assert(obj.n == "3end", "chained table calls")
end

-- call spanning lines
do
  local r
  local function set(a, b, c) r = a + b + c end
  set(
    1,
    2,
    3
  )
  assert(r == 6, "multi-line call")
end

-- calls with many arguments
do
  local src = "local f = ... return f(1"
  for i = 2, 200 do src = src .. ", " .. i end
  src = src .. ")"
  local g = load(src, "=t")
  local function count(...) return select("#", ...), select(200, ...) end
  local n, last = g(count)
  assert(n == 200 and last == 200, "200 arguments")
end

-- __call metamethod
do
  local hits = 0
  local callable = setmetatable({}, {__call = function(self, a, b) hits = hits + a + b end})
  callable(1, 2)
  callable(3, 4)
  assert(hits == 10, "__call in call statements")
end

-- calling non-functions
rterr("local function f() end f()()", "t:1: attempt to call a nil value")
rterr("local function f() return 1 end f()()", "t:1: attempt to call a number value")
rterr("local function f() return {} end f()()", "t:1: attempt to call a table value")
rterr("local function f() return true end f()()", "t:1: attempt to call a boolean value")
rterr("local function f() return 'x' end f()()", "t:1: attempt to call a string value")
rterr("local function f() return setmetatable({}, {__call = 1}) end f()()", "t:1: attempt to call a number value")
rterr("\n\nlocal function f() end\nf()()", "t:4: attempt to call a nil value")

-- an expression that is not a call cannot be a statement
synerr("f", "t:1: syntax error near <eof>")
synerr("f.x", "t:1: syntax error near <eof>")
synerr("f[1]", "t:1: syntax error near <eof>")
synerr("(f)", "t:1: syntax error near <eof>")
synerr("f() + 1", "t:1: unexpected symbol near '+'")
synerr("f():m", "t:1: function arguments expected near <eof>")
synerr("f(1,)", "t:1: unexpected symbol near ')'")
synerr("f(", "t:1: unexpected symbol near <eof>")
synerr("f(1", "t:1: ')' expected near <eof>")
synerr("f(1\n\n", "t:3: ')' expected (to close '(' at line 1) near <eof>")
synerr("f{", "t:1: unexpected symbol near <eof>")
synerr("'x'()", "t:1: unexpected symbol near ''x''")
synerr("{}()", "t:1: unexpected symbol near '{'")

print("OK")
