-- Lua 5.4 manual §3.4.11 Function Definitions (closures, upvalues, varargs, recursion)
-- Self-checking: prints only "OK" on success.

local function synerr(src, expected)
  local f, msg = load(src, "=t")
  assert(f == nil, "should not compile: " .. src)
  assert(msg == expected, "wrong message for [" .. src .. "]: " .. tostring(msg))
end
local function cnt(...) return select("#", ...) end

-- function statements are assignments
do
  local env = {}
  local f = load("function gf() return 'g' end; return gf", "=t", "t", env)
  local gf = f()
  assert(type(gf) == "function" and env.gf == gf and gf() == "g", "function f() is f = function()")
  local t = {a = {b = {c = {}}}}
  function t.a.b.c.f() return "deep" end
  assert(t.a.b.c.f() == "deep", "function t.a.b.c.f()")
  function t.a.b.c:m(x) return self, x end
  local s, x = t.a.b.c:m(5)
  assert(s == t.a.b.c and x == 5, "function t.a.b.c:m() has self")
  local s2, x2 = t.a.b.c.m("self", "p")
  assert(s2 == "self" and x2 == "p", "colon adds a first parameter")
  local o = {}
  function o.plain(self) return self end
  assert(o:plain() == o, "dot-defined function called with colon")
end

-- local function f vs local f = function
do
  local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
  assert(fact(10) == 3628800, "local function is visible in its body")
  local g = "outer"
  local g = function() return g end
  assert(g() == "outer", "local g = function refers to the previous g")
  local f, msg = load("local f = function(n) if n == 0 then return 0 end return f(n - 1) end return f(3)", "=t")
  local ok, e = pcall(f)
  assert(not ok, "recursive call through a global that is nil")
end

-- a function definition creates a new closure each time it is evaluated
do
  local function mk() return function() end end
  assert(type(mk()) == "function", "function value")
  local function counter()
    local n = 0
    return function() n = n + 1; return n end
  end
  local c1, c2 = counter(), counter()
  assert(c1() == 1 and c1() == 2 and c1() == 3, "closure keeps its state")
  assert(c2() == 1, "each closure has its own upvalue")
  assert(c1 ~= c2, "different closures")
end

-- upvalues are shared between closures of the same scope
do
  local function pair()
    local v = 0
    local function get() return v end
    local function set(x) v = x end
    return get, set
  end
  local get, set = pair()
  set(42)
  assert(get() == 42, "closures share the upvalue")
  local get2, set2 = pair()
  set2(7)
  assert(get() == 42 and get2() == 7, "separate pairs")
  local x = 1
  local function inc() x = x + 1 end
  inc(); inc()
  assert(x == 3, "closure modifies the enclosing local")
  x = 10
  inc()
  assert(x == 11, "closure sees later assignments")
end

-- fresh upvalue per loop iteration
do
  local fs = {}
  for i = 1, 5 do fs[i] = function() return i end end
  assert(fs[1]() == 1 and fs[5]() == 5, "numeric for: fresh variable")
  local gs = {}
  for _, v in ipairs({"a", "b"}) do gs[#gs + 1] = function() return v end end
  assert(gs[1]() == "a" and gs[2]() == "b", "generic for: fresh variable")
  local hs = {}
  local i = 1
  while i <= 3 do
    local j = i
    hs[i] = function() j = j + 10; return j end
    i = i + 1
  end
  assert(hs[1]() == 11 and hs[1]() == 21 and hs[2]() == 12, "while body: fresh local")
  local ks = {}
  local k = 0
  repeat
    local m = k
    ks[#ks + 1] = function() return m end
    k = k + 1
  until k == 3
  assert(ks[1]() == 0 and ks[3]() == 2, "repeat body: fresh local")
  -- the manual example: each closure has its own y but shares x
  local a = {}
  local x = 20
  for n = 1, 10 do
    local y = 0
    a[n] = function() y = y + 1; return x + y end
  end
  assert(a[1]() == 21 and a[1]() == 22 and a[2]() == 21, "own y")
  x = 100
  assert(a[3]() == 101, "shared x")
  -- a closure captured in a loop that is also modified inside the same iteration
  local cs = {}
  for n = 1, 3 do
    local v = n
    cs[n] = function() return v end
    v = v * 100
  end
  assert(cs[2]() == 200, "closure sees modifications made after its creation")
end

-- upvalues remain valid after the enclosing function returns (closed upvalues)
do
  local function outer()
    local a, b = 1, 2
    local function inner() a = a + b; return a end
    return inner
  end
  local f = outer()
  assert(f() == 3 and f() == 5, "closed upvalues")
  local function levels()
    local x = "L1"
    return function()
      local y = "L2"
      return function() return x .. y end
    end
  end
  assert(levels()()() == "L1L2", "upvalues across several levels")
  local function deep()
    local v = 0
    return function() return function() return function() v = v + 1; return v end end end
  end
  local d = deep()
  local f1, f2 = d()(), d()()
  assert(f1() == 1 and f2() == 2 and f1() == 3, "deep closures share the same variable")
end

-- parameters
do
  local function p(a, b, c) return a, b, c end
  local x, y, z = p(1)
  assert(x == 1 and y == nil and z == nil, "missing parameters are nil")
  local function modify(a) a = a + 1; return a end
  local v = 5
  assert(modify(v) == 6 and v == 5, "parameters are locals")
  local function shadow(a, a2) local a = "shadow"; return a, a2 end
  local s1, s2 = shadow(1, 2)
  assert(s1 == "shadow" and s2 == 2, "local shadows a parameter")
  local function dup(a, a) return a end
  assert(dup(1, 2) == 2, "duplicate parameter names: the last one is visible")
  local function nop() end
  assert(cnt(nop()) == 0, "no return gives no values")
  local function retnil() return nil end
  assert(cnt(retnil()) == 1, "return nil gives one value")
end

-- varargs
do
  local function g(a, b, ...) return a, b, cnt(...), ... end
  local a, b, n, c, d = g(3, 4, 5, 8)
  assert(a == 3 and b == 4 and n == 2 and c == 5 and d == 8, "g(3, 4, 5, 8)")
  local _, _, n2 = g(3)
  assert(n2 == 0, "g(3): empty vararg")
  local function only(...) local x, y = ...; return x, y end
  local x, y = only(1)
  assert(x == 1 and y == nil, "local x, y = ...")
  local function nested(...)
    local outer = {...}
    local function inner(...) return cnt(...), #outer end
    return inner(1)
  end
  local ic, oc = nested(1, 2, 3)
  assert(ic == 1 and oc == 3, "inner function has its own ...")
  local function sum(...)
    local s = 0
    for _, v in ipairs({...}) do s = s + v end
    return s
  end
  assert(sum() == 0 and sum(1, 2, 3, 4) == 10, "iterate over ...")
  local function forward(...) return select("#", ...), ... end
  local n3, p1, p2 = forward(nil, false)
  assert(n3 == 2 and p1 == nil and p2 == false, "forwarding keeps nil and false")
end
synerr("function f() return ... end", "t:1: cannot use '...' outside a vararg function near '...'")
synerr("local function f(a) local t = {...} end", "t:1: cannot use '...' outside a vararg function near '...'")
synerr("local function f(..., a) end", "t:1: ')' expected near ','")
synerr("local function f(a,) end", "t:1: <name> or '...' expected near ')'")
synerr("local function f(1) end", "t:1: <name> or '...' expected near '1'")
synerr("function f:g.h() end", "t:1: '(' expected near '.'")
synerr("function f(", "t:1: <name> or '...' expected near <eof>")
synerr("function f() return 1", "t:1: 'end' expected near <eof>")
synerr("function f()\nreturn 1", "t:2: 'end' expected (to close 'function' at line 1) near <eof>")
synerr("function (a) end", "t:1: <name> expected near '('")
synerr("local function (a) end", "t:1: <name> expected near '('")
assert(load("local f = function(...) return ... end", "=t"), "vararg function expression")
assert(load("return function(a, b, ...) end", "=t"), "parameters and vararg")

-- recursion
do
  local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
  assert(fib(20) == 6765, "double recursion")
  local function ack(m, n)
    if m == 0 then return n + 1 end
    if n == 0 then return ack(m - 1, 1) end
    return ack(m - 1, ack(m, n - 1))
  end
  assert(ack(2, 3) == 9, "ackermann")
  local t = {}
  function t.even(n) if n == 0 then return true end return t.odd(n - 1) end
  function t.odd(n) if n == 0 then return false end return t.even(n - 1) end
  assert(t.even(10) and t.odd(7), "mutual recursion through a table")
end

-- functions as values
do
  local function apply(f, ...) return f(...) end
  assert(apply(function(a, b) return a * b end, 6, 7) == 42, "function argument")
  local function compose(f, g) return function(...) return f(g(...)) end end
  local inc = function(x) return x + 1 end
  local dbl = function(x) return x * 2 end
  assert(compose(inc, dbl)(5) == 11 and compose(dbl, inc)(5) == 12, "compose")
  local ops = {add = function(a, b) return a + b end, ["sub"] = function(a, b) return a - b end}
  assert(ops.add(1, 2) == 3 and ops["sub"](5, 3) == 2, "functions in tables")
  assert(type(print) == "function" and type(function() end) == "function", "type")
  local immediate = (function(x) return x * x end)(9)
  assert(immediate == 81, "immediately invoked function")
end

-- many upvalues
do
  local src = "local f\n"
  for i = 1, 100 do src = src .. "local u" .. i .. " = " .. i .. "\n" end
  src = src .. "f = function() return u1"
  for i = 2, 100 do src = src .. " + u" .. i end
  src = src .. " end\nreturn f"
  local f = load(src, "=t")()
  assert(f() == 5050, "100 upvalues")
end

print("OK")
