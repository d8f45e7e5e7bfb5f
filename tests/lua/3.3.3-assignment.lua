-- Lua 5.4 manual §3.3.3 Assignment
-- Self-checking: prints only "OK" on success.

local function synerr(src, expected)
  local f, msg = load(src, "=t")
  assert(f == nil, "should not compile: " .. src)
  assert(msg == expected, "wrong message for [" .. src .. "]: " .. tostring(msg))
end

local function three() return 1, 2, 3 end
local function none() end

-- adjustment of the value list
do
  local a, b, c = 1, 2
  a, b, c = 10, 20
  assert(a == 10 and b == 20 and c == nil, "missing values become nil")
  a, b = 1, 2, 3
  assert(a == 1 and b == 2, "extra values are dropped")
  a, b, c = three()
  assert(a == 1 and b == 2 and c == 3, "call at the end expands")
  a, b, c = three(), 10
  assert(a == 1 and b == 10 and c == nil, "call not at the end gives one value")
  a, b, c = 0, three()
  assert(a == 0 and b == 1 and c == 2, "call at the end fills the rest")
  a, b, c = (three())
  assert(a == 1 and b == nil and c == nil, "parenthesised call gives one value")
  a, b = none()
  assert(a == nil and b == nil, "call with no results gives nils")
  a, b = none(), 5
  assert(a == nil and b == 5, "call with no results in the middle gives nil")
  a = three()
  assert(a == 1, "single variable gets first result")
end

-- extra expressions are still evaluated
do
  local log = {}
  local function f(x) log[#log + 1] = x; return x end
  local a = 0
  a = f(1), f(2), f(3)
  assert(a == 1 and #log == 3, "all expressions evaluated")
end

-- all expressions are evaluated before the assignment
do
  local i = 3
  local a = {}
  i, a[i] = i + 1, 20
  assert(i == 4 and a[3] == 20 and a[4] == nil, "manual example: a[3] is set")
  local x, y = 1, 2
  x, y = y, x
  assert(x == 2 and y == 1, "swap")
  local z
  x, y, z = 1, 2, 3
  x, y, z = y, z, x
  assert(x == 2 and y == 3 and z == 1, "cyclic permutation")
  local t = {1, 2}
  t[1], t[2] = t[2], t[1]
  assert(t[1] == 2 and t[2] == 1, "swap table fields")
  local u = {n = 1}
  local v = {n = 2}
  local w = u
  w, w.n = v, 10
  assert(u.n == 10 and v.n == 2 and w == v, "table in w.n evaluated before assigning w")
  local k = "a"
  local m = {}
  k, m[k] = "b", "value"
  assert(m.a == "value" and m.b == nil and k == "b", "key evaluated before assignment")
end

-- global assignment goes through _ENV
do
  local env = {}
  local f = load("g1, g2 = 1, 2; g1, g2 = g2, g1", "=t", "t", env)
  f()
  assert(env.g1 == 2 and env.g2 == 1, "global multiple assignment")
end

-- assignment to fields uses __newindex when the key is absent
do
  local log = {}
  local t = setmetatable({}, {__newindex = function(t, k, v) log[#log + 1] = k; rawset(t, k, v) end})
  t.a, t.b = 1, 2
  assert(t.a == 1 and t.b == 2 and #log == 2, "__newindex for each absent key")
  t.a = 3
  assert(t.a == 3 and #log == 2, "no __newindex for present key")
end

-- upvalues and nested fields
do
  local x = 1
  local function setx(v) x = v end
  setx(5)
  assert(x == 5, "assignment to upvalue")
  local t = {a = {b = {}}}
  t.a.b.c, t.a.d = "c", "d"
  assert(t.a.b.c == "c" and t.a.d == "d", "nested field assignment")
  local s = "key"
  local tt = {}
  tt[s .. 1], tt[s .. 2] = 1, 2
  assert(tt.key1 == 1 and tt.key2 == 2, "computed keys")
end

-- many targets
do
  local a, b, c, d, e, f, g, h, i, j = 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
  a, b, c, d, e, f, g, h, i, j = j, i, h, g, f, e, d, c, b, a
  assert(a == 10 and b == 9 and e == 6 and j == 1, "reverse ten variables")
  local t = {}
  t[1], t[2], t[3], t[4], t[5] = three()
  assert(t[1] == 1 and t[3] == 3 and t[4] == nil and t[5] == nil, "table targets")
end

-- syntax errors
synerr("x, = 1", "t:1: unexpected symbol near '='")
synerr("x = ", "t:1: unexpected symbol near <eof>")
synerr("x = 1,", "t:1: unexpected symbol near <eof>")
synerr("1 = x", "t:1: unexpected symbol near '1'")
synerr("x + 1 = 2", "t:1: syntax error near '+'")
synerr("'s' = 1", "t:1: unexpected symbol near ''s''")
synerr("x, y", "t:1: '=' expected near <eof>")
synerr("... = 1", "t:1: unexpected symbol near '...'")
synerr("nil = 1", "t:1: unexpected symbol near 'nil'")
synerr("x.1 = 1", "t:1: syntax error near '.1'")

print("OK")
