-- Line events and active lines (manual §4.7 lua_sethook, §6.10 debug.sethook
-- and debug.getinfo): what a debugger, a profiler or a coverage tool sees must
-- be what it sees on Lua 5.4.8 (line-events.expected is 5.4.8's output). Each
-- snippet writes a statement or expression form across lines: table
-- constructors, calls and their arguments, if/elseif/else, the loops, goto,
-- returns, nested functions, methods, multiple assignment, concatenations,
-- and/or chains, varargs, constants. line-events-fuzz.lua breaks one-line
-- snippets across lines at random places.
local hook = dofile("lib/line-hook.lua")
local C = {}
local function add(name, src) C[#C + 1] = {name, src} end

add("table1", [[
local t = {
  1,
  2,
  x = 3,
  [4] = 5,
}
return t]])
add("table2", [[
local a = 1
local t = {a,
  a + 1,
  f = function() return 1 end,
  {
    a
  }
}]])
add("call1", [[
local function f(...) return ... end
f(
  1,
  2
)
local x = f(1,
  2)
print(
  f
  (3)
)]])
add("if1", [[
local a = 1
if a == 1 then
  a = 2
elseif a == 2 then
  a = 3
else
  a = 4
end
if a > 1
  and a < 10 then
  a = a + 1
end
return a]])
add("while1", [[
local i = 0
while i < 3 do
  i = i + 1
end
while
  i > 0
do
  i = i - 1
end]])
add("repeat1", [[
local i = 0
repeat
  local j = i
  i = i + 1
until j >= 2
]])
add("fornum", [[
local s = 0
for i = 1, 3 do
  s = s + i
end
for i = 1,
  2,
  1
do
  s = s - i
end]])
add("forin", [[
local t = {1, 2}
for k, v in ipairs(t) do
  local x = k + v
end
for k, v in
  pairs(t)
do
  local y = v
end]])
add("goto1", [[
local i = 1
::top::
i = i + 1
if i < 3 then goto top end
do
  goto skip
  i = 10
  ::skip::
end
return i]])
add("return1", [[
local function f(a)
  if a then
    return 1
  end
  return
    a,
    2
end
f(true)
f(false)]])
add("nested", [[
local function outer()
  local function inner(x)
    return x * 2
  end
  return inner(3)
end
local v = outer()]])
add("method", [[
local obj = {v = 1}
function obj:get(n)
  return self.v + n
end
local r = obj:get(1)
r = obj
  :get(
    2)]])
add("massign", [[
local a, b, c = 1, 2
a, b = b, a
local t = {}
t.x, t.y, c = 1,
  2,
  3]])
add("concat", [[
local a = "x"
local s = a ..
  "y" ..
  a ..
  "z"
return s]])
add("andor", [[
local a, b = 1, nil
local c = a and b
  or a
  and 3
local d = b or
  a
return c, d]])
add("varargs", [[
local function f(...)
  local a, b = ...
  local t = {...}
  return select('#',
    ...)
end
f(1, 2, 3)]])
add("closure", [[
local x = 1
local f = function()
  return x
end
local g = function() return x end
f() g()]])
add("arith", [[
local a = 1
local b = a +
  2 *
  3
local c = -a
local d = not
  a
return b, c, d]])
add("index", [[
local t = {a = {b = {c = 1}}}
local v = t
  .a
  .b
  .c
t.a.b.c = 2
t
  .a
  .b
  .c = 3]])
add("local1", [[
local a
local b = 1
local c, d = b, b
local e <const> = 5
local f <close> = nil
return a, b, c, d, e]])
add("globals", [[
x = 1
y = x
  + 1
print(x,
  y)]])
add("emptyfn", [[
local function f() end
f()
local function g(...) end
g()]])
add("loopbreak", [[
for i = 1, 10 do
  if i > 2 then
    break
  end
end
while true do
  break
end]])
add("error1", [[
local t = nil
local x = 1
local y = t.x]])
add("blank", "\n\nlocal x = 1\n")
add("cmp", "local a, b = 1, 2\nlocal r = a\n<\nb\nlocal s = a ==\n b\nif a\n<\nb\nthen x = 1 end")
add("whilefalse", "local i = 0\nwhile false do\n i = 1\nend\nwhile true do\n i = i + 1\n if i > 2 then break end\nend\nrepeat\n i = i - 1\nuntil true\nreturn i")
add("ifgoto", "local i = 0\n::a::\ni = i + 1\nif i < 3 then\n goto a\nend\nreturn i")
add("ifnot", "local a = nil\nif not a then\n a = 1\nend\nif not\n a\nthen a = 2 end")
add("andcond", "local a, b = false, 1\nif a and\n b then\n a = 1\nend\nif b or\n a then a = 2 end")
add("idx", "local t = {{1}}\nlocal y = t\n[\n1]\n[\n1]\nlocal z = t[1][1] + \n t[1]\n[1]")
add("upv", "local u = {x = 1}\nlocal function f()\n local a = u\n .x\n u\n .x = 2\n return u.x +\n u.x\nend\nf()")
add("vararg", "local function f(...)\n local a = ...\n local t = {\n ...\n }\n return\n ...\nend\nf(1)")
add("paren", "local t = {x = 1}\nlocal a = (t\n.x\n)\nlocal b = (t.x) +\n 1")
add("constfold", "local a = 2\nlocal b = 1 +\n 2 *\n 3 + a\nlocal c = a +\n 2 *\n 3\nlocal K <const> = 10\nlocal d = K +\n a\nlocal e = -\n 1")
add("notcmp", "local a, b = 1, 2\nlocal c = not\n(a ==\n b)\nif not (a\n == b) then c = 1 end")
add("elseif", [[
local function f(x)
  if x == 1 then
    return "one"
  elseif x == 2
  then
    return "two"
  elseif x > 2 and
    x < 10 then
    return "few"
  else
    return "many"
  end
end
f(1) f(2) f(5) f(20)]])
add("nestedif-loop", [[
local n = 0
for i = 1, 4 do
  if i % 2 == 0 then
    if i == 2 then
      n = n + 1
    else
      n = n + 2
    end
  else
    n = n - 1
  end
end
return n]])
add("while-complex", [[
local i, s = 0, 0
while i < 5 and
      s < 100 do
  i = i + 1
  if i == 3 then goto continue end
  s = s + i
  ::continue::
end
return s]])
add("repeat-local", [[
local i = 0
repeat
  local j = i * 2
  local f = function() return j end
  i = i + 1
until f() >= 4
return i]])
add("closures-in-loop", [[
local fs = {}
for i = 1, 3 do
  fs[i] = function()
    return i
  end
end
for _, f in ipairs(fs) do
  f()
end]])
add("methods", [[
local Account = {}
Account.__index = Account
function Account.new(b)
  return setmetatable({balance = b}, Account)
end
function Account:deposit(v)
  self.balance = self.balance + v
  return self
end
local a = Account.new(10)
a:deposit(5)
 :deposit(
   7)
return a.balance]])
add("multiassign", [[
local t = {}
local a, b, c
a, b, c = 1
a, t.x, t[1] =
  t,
  2,
  3
t.y, t.z = t.x, a
return a, b, c]])
add("concat-long", [[
local a, b = "a", "b"
local s = a .. b .. a .. b ..
  a ..
  (b .. a) ..
  tostring(1) .. "x"
return s]])
add("andor-chain", [[
local a, b, c = nil, false, 1
local x = a or b or c
local y = a and b or c and
  "yes" or "no"
local z = (a or c) and (b or c)
if a or b or
   c then x = 1 end
if not a and not b then y = 1 end
return x, y, z]])
add("varargs2", [[
local function g(...)
  local n = select("#", ...)
  local a, b, c = ...
  local t = {n = n, ...}
  return ..., n
end
local function h(...)
  return g(...)
end
h(1, 2)]])
add("tailcall", [[
local function f(n)
  if n == 0 then return "done" end
  return f(n - 1)
end
local function g(n)
  return
    f(n)
end
g(3)]])
add("numfor-float", [[
local s = 0
for x = 1.0, 2.0, 0.5 do s = s + x end
for i = 3, 1, -1 do
  s = s - i
end
for i = 1, 0 do s = 0 end
return s]])
add("genfor-multi", [[
local t = {a = 1, b = 2}
local keys = {}
for k, v in next, t do
  keys[#keys + 1] = k
end
for i, v in ipairs({10, 20}) do keys[i] = v end
return #keys]])
add("table-nested", [[
local t = {
  {1, 2},
  {
    x = 1,
    y = {
      z = "deep",
    },
  },
  [10] = function() return 1 end,
  "last"
}
return t[2].y.z]])
add("calls-args", [[
local function f(...) return select("#", ...) end
local r = f(1,
  f(2,
    3),
  f(
    f()
  ))
print(r,
  f(1, 2, 3))
return r]])
add("string-call", [[
local function f(s) return s end
local a = f"x"
local b = f
  "y"
local c = f{
  1
}
return a, b, c]])
add("index-chain", [[
local t = {a = {b = {c = {d = 1}}}}
local x = t.a.b.c.d
local y = t
  ["a"]
  .b
  ["c"].d
t.a.b.c.d = x + y
return t.a
  .b.c.d]])
add("upvalue-ops", [[
local u, v = 1, {x = 1}
local function f()
  u = u + 1
  v.x = v.x +
    u
  local w = v
  return w.x, u
end
f() f()]])
add("globals2", [[
G1 = 1
G2 = G1 +
  G1
G3 = {G1,
  G2}
G1, G2 = G2, G1
return G3[1] ]])
add("bitwise", [[
local a, b = 5, 3
local c = a & b |
  a ~ b
local d = ~a << 2 >>
  1
return c, d]])
add("compare-values", [[
local a, b = 1, 2
local lt = a < b
local le = a <=
  b
local eq = a == b
local t = {a > b, a >= b}
return lt, le, eq, t]])
add("unary", [[
local t = {1, 2}
local a = -t[1]
local b = #t
local c = not
  t[1]
local d = - -
  t[2]
return a, b, c, d]])
add("do-blocks", [[
do
  local x = 1
  do
    local y = x + 1
  end
end
do end
local z = 1]])
add("goto-loop", [[
local i = 0
::top::
do
  i = i + 1
  if i < 3 then
    goto top
  end
end
goto done
i = 100
::done::
return i]])
add("break-nested", [[
local found
for i = 1, 3 do
  for j = 1, 3 do
    if i * j == 4 then
      found = i
      break
    end
  end
  if found then break end
end
return found]])
add("while-break-local", [[
local i = 0
while true do
  local x = i
  i = i + 1
  if x > 2 then break end
end
return i]])
add("pcall-error", [[
local ok, e = pcall(function()
  local t = nil
  return t.x
end)
return ok]])
add("close", [[
do
  local x <close> = setmetatable({}, {__close = function() end})
  local y = 1
end
local z = 2]])
add("const", [[
local A <const> = 10
local B <const> = A * 2
local S <const> = "str"
local function f()
  return A + B, S
end
local a, b <const> = 1, 2
return f(), a, b]])
add("return-forms", [[
local function f(a, b)
  if a then return end
  if b then return a, b; end
  return (f(true))
end
f(nil, 1) f(true)]])
add("selfcall-chain", [[
local o = {}
function o:m() return self end
local r = o:m():m()
  :m()
return r == o]])
add("empty-func-body", [[
local function f()
end
local g = function(...)
end
f() g()]])
add("long-args-table", [[
local t = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
  11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
  21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
  31, 32, 33, 34, 35, 36, 37, 38, 39, 40,
  41, 42, 43, 44, 45, 46, 47, 48, 49, 50,
  51, 52}
return #t]])
add("coroutine", [[
local co = coroutine.wrap(function(a)
  local b = coroutine.yield(a + 1)
  return b * 2
end)
co(1)
co(2)]])
add("metamethods", [[
local mt = {__add = function(a, b)
  return 1
end, __index = function(t, k)
  return k
end}
local t = setmetatable({}, mt)
local x = t + 1
local y = t.foo
return x, y]])
-- Where Lua reads a local or a constant in place once the other operand is
-- computed, fetches an upvalue table at the ']' of its index, loads a key
-- at the '=' of a constructor field, or makes the value of a comparison
-- where the value is used.
add("upvalue-index", [[
local u = {1, 2, 3}
local function g(x) return x end
local function f(k)
  local a = u[k
    + 1
  ]
  local b = u[g(k)
  ]
  local c = u[1
  ]
  local d = u[
    k]
  u[k
    + 1
  ] = a
  u[g(k)
  ] = b
  return a, b, c, d
end
return f(1)]])
add("comparison-values", [[
local a, b = 1, 2
local r = (a < b
)
local s = (a == b
  or a
)
local t = {a <= b
}
local u = (a > b) ==
  (b > a)
print(a ~= b
)
return r, s, t[1], u]])
add("left-operand-in-place", [[
local a = 1
local function f() a = 10 return 1 end
local r = a + f()
a = 1
local s = 1 -
  f(
  )
local t = 2 ^ (a
  + 1)
local u = a < f() and
  a
return r, s, t, u]])
add("store-in-place", [=[
local t, k = {}, 1
local function g(x) return x end
t[k] = g(1)
t[g(2)] = k
t[
  g(3)] = g(4)
local c = {[k] = g(5), [1000]
  = 6, [
  -1] = 7}
t[k], k = g(7), 2
return t[1], t[2], c[1000], c[-1]]=])

for _, c in ipairs(C) do hook.run(c[1], c[2]) end
