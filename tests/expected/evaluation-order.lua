-- Evaluation order of operands (§3.4, §3.3.3): the manual leaves the order
-- unspecified, but a program run on Tycho gives Lua 5.4's answer
-- (evaluation-order.expected is Lua 5.4.8's output). Lua reads a local, an
-- upvalue table being indexed and a local key where they are once the other
-- operand's code has run: when that code (a call, a metamethod) assigns the
-- variable, the new value is the one used. Each case prints its results.
local function show(...)
  local out = {}
  for i = 1, select("#", ...) do
    local v = select(i, ...)
    out[i] = type(v) == "table" and (v.name or "table") or tostring(v)
  end
  return table.concat(out, " ")
end
local C = {}
local function case(name, f) C[#C + 1] = {name, f} end

case("local + call", function()
  local a = 1
  local function f() a = 10 return 1 end
  return a + f(), a
end)
case("constant + call", function()
  local a = 1
  local function f() a = 10 return a end
  return 1 + f(), 1 - f(), 2 ^ f(), 7 // f()
end)
case("local < call", function()
  local a = 1
  local function f() a = 10 return 5 end
  return a < f(), a
end)
case("local == call, local ~= call", function()
  local a = 1
  local function f() a = 5 return 5 end
  local r = a == f()
  a = 1
  return r, a ~= f()
end)
case("local in a condition", function()
  local a = 1
  local function f() a = 10 return 5 end
  if a < f() then return "taken" else return "not taken" end
end)
case("call + call", function()
  local log = {}
  local function f(x) log[#log + 1] = x return x end
  return f(1) + f(2) * f(3), table.concat(log, ",")
end)
case("local .. call", function()
  local a = "a"
  local function f() a = "b" return "c" end
  return a .. f()
end)
case("local + metamethod", function()
  local a = 1
  local t = setmetatable({}, {__index = function() a = 10 return 1 end})
  return a + t.x
end)
case("local table indexed by a call", function()
  local t = {name = "old", "old"}
  local function f() t = {name = "new", "new"} return 1 end
  return t[f()]
end)
case("field indexed by a call", function()
  local t = {x = {"old"}}
  local function f() t.x = {"new"} return 1 end
  return t.x[f()]
end)
case("upvalue table indexed by a call", function()
  local u = {"old"}
  local function f() u = {"new"} return 1 end
  return (function() return u[f()] end)()
end)
case("local key, value a call", function()
  local t, k = {}, "k1"
  local function f() k = "k2" return 1 end
  t[k] = f()
  return t.k1, t.k2
end)
case("local table, key a call", function()
  local t = {name = "old"}
  local old = t
  local function f() t = {name = "new"} return 1 end
  t[f()] = "v"
  return old[1], t[1]
end)
case("local table, key and value calls", function()
  local t = {name = "old"}
  local old = t
  local function f() t = {name = "new"} return 1 end
  local function g() t = {name = "newer"} return "v" end
  t[f()] = g()
  return old[1], t[1]
end)
case("upvalue table, key a call", function()
  local u = {name = "old"}
  local old = u
  local function f() u = {name = "new"} return 1 end
  local new
  ;(function() u[f()] = "v" new = u end)()
  return old[1], new[1]
end)
case("upvalue table, value a call", function()
  local u = {name = "old"}
  local old = u
  local function g() u = {name = "new"} return "v" end
  ;(function() local k = 1 u[k] = g() u[2] = g() u[1000] = g() end)()
  return old[1], old[2], old[1000], u[1], u[2], u[1000]
end)
case("upvalue table, key and value calls", function()
  local u = {name = "old"}
  local old = u
  local mid
  local function f() u = {name = "mid"} mid = u return 1 end
  local function g() u = {name = "new"} return "v" end
  ;(function() u[f()] = g() end)()
  return old[1], mid[1], u[1]
end)
case("field table, local key, value a call", function()
  local t, k = {x = {}}, "k1"
  local function f() k = "k2" return 1 end
  t.x[k] = f()
  return t.x.k1, t.x.k2
end)
case("multiple assignment, local key", function()
  local t, k = {}, "k1"
  local function f() k = "k2" return 1 end
  t[k], t.y = f(), 2
  return t.k1, t.k2
end)
case("multiple assignment, the key assigned too", function()
  local t, k = {}, "k1"
  t[k], k = 1, "k2"
  return t.k1, t.k2, k
end)
case("multiple assignment, the table assigned too", function()
  local t = {name = "old"}
  local old = t
  t[1], t = "v", {name = "new"}
  return old[1], t[1]
end)
case("constructor, local key", function()
  local k = "k1"
  local function f() k = "k2" return 1 end
  local t = {[k] = f()}
  return t.k1, t.k2
end)
case("arithmetic on a call's result and a local", function()
  local a = 2
  local function f() a = 3 return 10 end
  return f() - a, a - f()
end)

for _, c in ipairs(C) do print(c[1] .. ": " .. show(c[2]())) end
