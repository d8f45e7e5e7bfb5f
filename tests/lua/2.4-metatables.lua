-- Lua 5.4 manual §2.4 Metatables and Metamethods (operators, indexing, call, tostring, protection)
-- Self-checking: prints only "OK" on success.

local function rterr(src, expected)
  local f, cerr = load(src, "=t")
  assert(f, "should compile: " .. src .. ": " .. tostring(cerr))
  local ok, msg = pcall(f)
  assert(not ok, "should fail: " .. src)
  assert(msg == expected, "wrong message for [" .. src .. "]: " .. tostring(msg))
end

-- setmetatable / getmetatable
do
  local t = {}
  local mt = {}
  assert(setmetatable(t, mt) == t, "setmetatable returns its first argument")
  assert(getmetatable(t) == mt, "getmetatable")
  assert(setmetatable(t, nil) == t and getmetatable(t) == nil, "remove the metatable")
  assert(getmetatable({}) == nil and getmetatable(1) == nil and getmetatable(nil) == nil, "no metatable")
  assert(getmetatable(print) == nil and getmetatable(true) == nil, "functions and booleans")
  local shared = {}
  local a, b = setmetatable({}, shared), setmetatable({}, shared)
  assert(getmetatable(a) == getmetatable(b), "shared metatable")
end
rterr("return setmetatable(1, {})", "t:1: bad argument #1 to 'setmetatable' (table expected, got number)")
rterr("return setmetatable({}, 1)", "t:1: bad argument #2 to 'setmetatable' (nil or table expected, got number)")
rterr("return setmetatable({})", "t:1: bad argument #2 to 'setmetatable' (nil or table expected, got no value)")
rterr("return getmetatable()", "t:1: bad argument #1 to 'getmetatable' (value expected)")

-- __metatable protects the metatable
do
  local t = setmetatable({}, {__metatable = "locked"})
  assert(getmetatable(t) == "locked", "getmetatable returns the __metatable field")
  local ok, e = pcall(setmetatable, t, {})
  assert(not ok and e == "cannot change a protected metatable", "protected: " .. tostring(e))
  ok, e = pcall(setmetatable, t, nil)
  assert(not ok and e == "cannot change a protected metatable", "cannot remove either")
  local u = setmetatable({}, {__metatable = false})
  assert(getmetatable(u) == false, "__metatable = false is returned")
  assert(not pcall(setmetatable, u, {}), "false also protects")
  local v = setmetatable({}, {__metatable = {}})
  assert(type(getmetatable(v)) == "table", "table __metatable")
end
rterr("setmetatable(setmetatable({}, {__metatable = 1}), {})", "t:1: cannot change a protected metatable")

-- arithmetic metamethods
local log = {}
local function mk(name)
  local mt = {}
  for _, ev in ipairs({"add", "sub", "mul", "div", "mod", "pow", "unm", "idiv",
                       "band", "bor", "bxor", "shl", "shr", "bnot", "concat"}) do
    mt["__" .. ev] = function(a, b)
      log[#log + 1] = ev
      return {ev = ev, a = a, b = b}
    end
  end
  return setmetatable({name = name}, mt)
end
do
  local x = mk("x")
  local function op(r, ev, a, b)
    assert(r.ev == ev and r.a == a and r.b == b, "metamethod " .. ev)
  end
  op(x + 1, "add", x, 1)
  op(1 + x, "add", 1, x)
  op(x - 2, "sub", x, 2)
  op(x * 3, "mul", x, 3)
  op(x / 4, "div", x, 4)
  op(x % 5, "mod", x, 5)
  op(x ^ 6, "pow", x, 6)
  op(x // 7, "idiv", x, 7)
  op(x & 1, "band", x, 1)
  op(x | 1, "bor", x, 1)
  op(x ~ 1, "bxor", x, 1)
  op(x << 1, "shl", x, 1)
  op(x >> 1, "shr", x, 1)
  op(x .. "s", "concat", x, "s")
  op("s" .. x, "concat", "s", x)
  op(2 .. x, "concat", 2, x)
  -- unary: the operand is passed twice
  op(-x, "unm", x, x)
  op(~x, "bnot", x, x)
  -- the first operand's metamethod is used if present
  local y = mk("y")
  local r = x + y
  assert(r.a == x and r.b == y, "x + y uses x's metamethod with operands in order")
  r = y - x
  assert(r.a == y and r.b == x, "y - x")
  -- only the second operand has a metamethod
  r = 10 // x
  assert(r.ev == "idiv" and r.a == 10 and r.b == x, "metamethod of the second operand")
  r = "str" % x
  assert(r.ev == "mod" and r.a == "str", "string first operand")
  -- bitwise metamethods are tried for non-integral floats and strings
  r = 1.5 & x
  assert(r.ev == "band" and r.a == 1.5, "float without integer representation")
  r = x | "7"
  assert(r.ev == "bor" and r.b == "7", "string operand")
  r = {} ~ x
  assert(r.ev == "bxor", "plain table first, second has the metamethod")
end
do
  -- metamethods on one side only, results of any type
  local V = {}
  V.__index = V
  local function vec(x, y) return setmetatable({x = x, y = y}, V) end
  V.__add = function(a, b) return vec(a.x + b.x, a.y + b.y) end
  V.__mul = function(a, b)
    if type(a) == "number" then return vec(a * b.x, a * b.y) end
    if type(b) == "number" then return vec(b * a.x, b * a.y) end
    return a.x * b.x + a.y * b.y
  end
  V.__unm = function(a) return vec(-a.x, -a.y) end
  V.__eq = function(a, b) return a.x == b.x and a.y == b.y end
  local v = vec(1, 2) + vec(3, 4)
  assert(v.x == 4 and v.y == 6, "vector add")
  assert(vec(1, 2) * vec(3, 4) == 11, "dot product")
  local s = 2 * vec(1, 2)
  assert(s.x == 2 and s.y == 4, "scalar times vector")
  local n = -vec(1, -1)
  assert(n.x == -1 and n.y == 1, "unary minus")
  assert(vec(1, 2) == vec(1, 2) and vec(1, 2) ~= vec(2, 1), "__eq")
end
-- missing metamethods
rterr("return setmetatable({}, {}) + 1", "t:1: attempt to perform arithmetic on a table value")
rterr("return 1 & setmetatable({}, {__add = function() end})", "t:1: attempt to perform bitwise operation on a table value")
rterr("return -setmetatable({}, {__bnot = function() end})", "t:1: attempt to perform arithmetic on a table value")

-- __concat
do
  local C = setmetatable({}, {__concat = function(a, b)
    local sa = type(a) == "table" and "C" or tostring(a)
    local sb = type(b) == "table" and "C" or tostring(b)
    return sa .. sb
  end})
  assert(C .. "x" == "Cx" and "x" .. C == "xC" and C .. C == "CC", "__concat")
  assert(C .. nil == "Cnil" and nil .. C == "nilC" and true .. C == "trueC", "__concat with nil/boolean")
  assert(1.5 .. C == "1.5C", "number operand passed as number")
  assert("a" .. "b" .. C == "abC", "chain: 'b' .. C first, then 'a' .. 'bC'")
end

-- __len
do
  local t = setmetatable({1, 2, 3}, {__len = function(a, b) return {a = a, b = b} end})
  local r = #t
  assert(r.a == t and r.b == t, "__len receives the operand (twice)")
  assert(rawlen(t) == 3, "rawlen bypasses __len")
end

-- __eq
do
  local calls = 0
  local mt = {__eq = function(a, b) calls = calls + 1; return 1 end}
  local a, b = setmetatable({}, mt), setmetatable({}, mt)
  assert((a == b) == true and calls == 1, "__eq result converted to true")
  assert((a ~= b) == false and calls == 2, "~= uses __eq and negates")
  assert(a == a and calls == 2, "identical objects: __eq not called")
  assert(not (a == 1) and calls == 2, "different types: __eq not called")
  assert(not (a == "x") and calls == 2, "table vs string: not called")
  local c = setmetatable({}, {})
  assert(a == c and calls == 3, "first operand's __eq")
  assert(c == a and calls == 4, "second operand's __eq when the first has none")
  local mtf = {__eq = function() return nil end}
  assert(not (setmetatable({}, mtf) == setmetatable({}, mtf)), "__eq result nil is false")
  assert(not rawequal(a, b), "rawequal ignores __eq")
  local d = {}
  assert(not (d == {}), "no metatable: by reference")
end

-- __lt and __le
do
  local log2 = {}
  local mt = {
    __lt = function(a, b) log2[#log2 + 1] = "lt"; return a.v < b.v end,
    __le = function(a, b) log2[#log2 + 1] = "le"; return a.v <= b.v end,
  }
  local one, two = setmetatable({v = 1}, mt), setmetatable({v = 2}, mt)
  assert(one < two and not (two < one) and one <= one and two >= one and two > one, "order metamethods")
  assert(log2[1] == "lt" and log2[3] == "le", "lt and le called")
  local truthy = setmetatable({}, {__lt = function() return "yes" end, __le = function() return 0 end})
  assert((truthy < truthy) == true and (truthy <= truthy) == true, "results converted to booleans")
  local falsy = setmetatable({}, {__lt = function() return nil end})
  assert((falsy < falsy) == false, "nil result is false")
  local mixed = setmetatable({}, {__lt = function(a, b) return type(a) == "number" end})
  assert((1 < mixed) == true and (mixed < 1) == false, "__lt with a number operand")
  assert(("x" < mixed) == false, "__lt with a string operand")
end
rterr("return setmetatable({}, {}) < setmetatable({}, {})", "t:1: attempt to compare two table values")
rterr("return setmetatable({}, {__le = function() end}) < 1", "t:1: attempt to compare table with number")

-- __index
do
  local proto = {greet = "hi", n = 0}
  local obj = setmetatable({}, {__index = proto})
  assert(obj.greet == "hi", "__index table")
  assert(rawget(obj, "greet") == nil, "rawget bypasses __index")
  obj.greet = "own"
  assert(obj.greet == "own" and proto.greet == "hi", "own field shadows __index")
  obj.greet = nil
  assert(obj.greet == "hi", "back to __index after removal")
  local falsev = setmetatable({f = false}, {__index = function() return "meta" end})
  assert(falsev.f == false, "false field present: __index not used")
  local args = {}
  local fn = setmetatable({}, {__index = function(t, k) args[1], args[2] = t, k; return k .. "!" end})
  assert(fn.x == "x!" and args[1] == fn and args[2] == "x", "__index function gets (table, key)")
  assert(fn[1] == "1!", "number key through __index function")
  -- chains of __index tables
  local a = {a = 1}
  local b = setmetatable({b = 2}, {__index = a})
  local c = setmetatable({c = 3}, {__index = b})
  assert(c.a == 1 and c.b == 2 and c.c == 3 and c.d == nil, "__index chain")
  -- __index on the chain can be a function
  local d = setmetatable({}, {__index = setmetatable({}, {__index = function(_, k) return k * 2 end})})
  assert(d[21] == 42, "chain ending in a function")
  -- __index on a method call
  local class = {}
  class.__index = class
  function class.new(v) return setmetatable({v = v}, class) end
  function class:get() return self.v end
  assert(class.new(9):get() == 9, "methods through __index")
end
rterr("local t = setmetatable({}, {}) getmetatable(t).__index = t return t.x",
  "t:1: '__index' chain too long; possible loop")
rterr("return setmetatable({}, {__index = 5}).x", "t:1: attempt to index a number value")
rterr("return setmetatable({}, {__index = function() error('in index', 0) end}).x", "in index")

-- __newindex
do
  local store = {}
  local t = setmetatable({}, {__newindex = store})
  t.x = 1
  assert(rawget(t, "x") == nil and store.x == 1, "__newindex table receives the assignment")
  rawset(t, "y", 2)
  assert(t.y == 2 and store.y == nil, "rawset bypasses __newindex")
  t.y = 3
  assert(t.y == 3 and store.y == nil, "existing key: __newindex not used")
  local log3 = {}
  local u = setmetatable({}, {__newindex = function(tt, k, v) log3[#log3 + 1] = {tt, k, v} end})
  u.a = 10
  assert(log3[1][1] == u and log3[1][2] == "a" and log3[1][3] == 10 and rawget(u, "a") == nil,
    "__newindex function gets (table, key, value)")
  u[1] = nil
  assert(#log3 == 2 and log3[2][3] == nil, "assigning nil to an absent key calls __newindex")
  -- __newindex table with its own __newindex
  local final = {}
  local mid = setmetatable({}, {__newindex = final})
  local top = setmetatable({}, {__newindex = mid})
  top.k = "v"
  assert(final.k == "v" and rawget(mid, "k") == nil and rawget(top, "k") == nil, "__newindex chain")
  -- proxies: __index and __newindex together
  local backing = {}
  local proxy = setmetatable({}, {__index = backing, __newindex = function(_, k, v) backing[k] = v end})
  proxy.z = 26
  assert(proxy.z == 26 and rawget(proxy, "z") == nil and backing.z == 26, "proxy table")
end
rterr("local t = setmetatable({}, {}) getmetatable(t).__newindex = t t.x = 1",
  "t:1: '__newindex' chain too long; possible loop")
rterr("setmetatable({}, {__newindex = 5}).x = 1", "t:1: attempt to index a number value")

-- __call
do
  local got
  local callable = setmetatable({}, {__call = function(self, a, b) got = {self, a, b}; return a + b, "second" end})
  local r1, r2 = callable(1, 2)
  assert(r1 == 3 and r2 == "second" and got[1] == callable and got[2] == 1 and got[3] == 2, "__call")
  local inner = setmetatable({}, {__call = function(self, x, y, z) return x, y, z end})
  local outer = setmetatable({}, {__call = inner})
  local a, b, c = outer(5, 6)
  assert(a == outer and b == 5 and c == 6, "__call may itself be a callable table")
end
rterr("local function f() return setmetatable({}, {}) end f()()", "t:1: attempt to call a table value")

-- __tostring
do
  local t = setmetatable({}, {__tostring = function(self) return "custom object" end})
  assert(tostring(t) == "custom object", "__tostring")
  local arg
  local u = setmetatable({}, {__tostring = function(self) arg = self; return "u" end})
  local _ = tostring(u)
  assert(arg == u, "__tostring receives the object")
  local ok, e = pcall(tostring, setmetatable({}, {__tostring = function() return {} end}))
  assert(not ok and e == "'__tostring' must return a string", "__tostring must return a string: " .. tostring(e))
end

-- metamethods are raw fields of the metatable; changes take effect immediately
do
  local mt = {}
  local t = setmetatable({}, mt)
  assert(not pcall(function() return t + 1 end), "no __add yet")
  mt.__add = function() return "now" end
  assert(t + 1 == "now", "added __add is used")
  mt.__add = nil
  assert(not pcall(function() return t + 1 end), "removed again")
  local meta_of_meta = setmetatable({}, {__index = function() return function() return "inherited" end end})
  local w = setmetatable({}, meta_of_meta)
  assert(not pcall(function() return w + 1 end), "metamethod lookup is raw (no __index on the metatable)")
end

-- errors raised inside metamethods propagate
rterr("return setmetatable({}, {__add = function() error('in add', 0) end}) + 1", "in add")
do
  local obj = {}
  local ok, e = pcall(function() return #setmetatable({}, {__len = function() error(obj) end}) end)
  assert(not ok and e == obj, "error object from a metamethod is kept")
end

print("OK")
