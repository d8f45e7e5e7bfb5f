-- Lua 5.4 manual §3.2 Variables (and §2.2 environments as far as variables use them)
-- Self-checking: prints only "OK" on success.

local function rterr(src, expected)
  local f, cerr = load(src, "=t")
  assert(f, "should compile: " .. src .. ": " .. tostring(cerr))
  local ok, msg = pcall(f)
  assert(not ok, "should fail: " .. src)
  assert(msg == expected, "wrong message for [" .. src .. "]: " .. tostring(msg))
end

local function same(a, b)
  return type(a) == type(b) and a == b and tostring(a) == tostring(b)
end

-- globals are fields of _ENV
assert(tycho_test_never_assigned == nil, "unassigned global is nil")
tycho_test_g = 10
assert(_ENV.tycho_test_g == 10 and _ENV["tycho_test_g"] == 10, "global x is _ENV.x")
_ENV.tycho_test_g = 11
assert(tycho_test_g == 11, "_ENV.x = v is visible as x")
_ENV["tycho_test_g"] = nil
assert(tycho_test_g == nil, "global removed")
assert(rawget(_ENV, "print") == print, "library functions are globals in _ENV")

-- locals
do
  local a
  assert(a == nil, "local without initializer is nil")
  local b, c, d = 1
  assert(b == 1 and c == nil and d == nil, "missing initializers are nil")
end
tycho_test_s = "global"
do
  local tycho_test_s = "local"
  assert(tycho_test_s == "local", "local shadows global")
  assert(_ENV.tycho_test_s == "global", "global still reachable through _ENV")
  tycho_test_s = "changed"
  assert(_ENV.tycho_test_s == "global", "assignment goes to the local")
end
assert(tycho_test_s == "global", "global untouched after block")
tycho_test_s = nil

-- parameters are locals
do
  local function f(p, q) p = p + 1; return p, q end
  local x = 5
  local r1, r2 = f(x)
  assert(r1 == 6 and r2 == nil and x == 5, "parameters are local copies")
end

-- _ENV as a local variable
do
  local print_ = print
  local env = {}
  do
    local _ENV = env
    newglobal = 42
    assert_ = newglobal
  end
  assert(env.newglobal == 42 and env.assert_ == 42, "globals go to the local _ENV")
  assert(newglobal == nil, "outer _ENV unaffected")
  local function reader()
    local _ENV = {z = "zz"}
    return z, print_
  end
  local z, p = reader()
  assert(z == "zz" and p == print, "locals still visible with a local _ENV")
end

-- _ENV as an upvalue: closures see later changes of the variable _ENV
do
  local assert_ = assert
  local _ENV = {v = 1, assert = assert}
  local function get() return v end
  assert(get() == 1, "global through upvalue _ENV")
  _ENV = {v = 2}
  local ok = get() == 2
  _ENV = {assert = assert_, ok = ok}
  assert(ok, "closure sees reassigned _ENV upvalue")
end

-- _ENV with a metatable
do
  local log = {}
  local env = setmetatable({}, {
    __index = function(t, k) return "dflt_" .. k end,
    __newindex = function(t, k, v) log[#log + 1] = k; rawset(t, k, v) end})
  local f = load("a = 1; a = 2; return a, b", "=t", "t", env)
  local r1, r2 = f()
  assert(r1 == 2 and r2 == "dflt_b", "globals use _ENV metamethods")
  assert(#log == 1 and log[1] == "a", "__newindex only for absent keys")
end

-- load's env parameter sets the _ENV upvalue of the chunk
do
  local env = {y = 3}
  local f = load("x = 1; return y, _ENV", "=t", "t", env)
  local y, e = f()
  assert(y == 3 and e == env and env.x == 1, "load env")
  assert(x == nil, "real global untouched")
  local g = load("return _ENV")
  assert(g() == _ENV, "default env is the global environment")
  local h = load("local _ENV = ...; return w", "=t", "t", nil)
  assert(h({w = 9}) == 9, "_ENV can be a local in a chunk")
  local k = load("return z", "=t", "t", nil)
  local ok = pcall(k)
  assert(not ok, "nil _ENV: global access fails")
end

-- indexing
do
  local t = {}
  t.name = 1
  assert(t["name"] == 1, "t.name is t['name']")
  t[1] = "int"
  t["1"] = "str"
  assert(t[1] == "int" and t["1"] == "str", "1 and '1' are different keys")
  t[2.0] = "two"
  assert(t[2] == "two", "float key with integer value is normalised")
  assert(rawget(t, 2) == "two" and rawget(t, 2.0) == "two", "rawget normalises too")
  t[2^53] = "big"
  assert(t[9007199254740992] == "big", "2^53 float key equals integer key")
  t[0.5] = "half"
  assert(t[0.5] == "half" and t[0] == nil and t[1] == "int", "non-integral float key")
  t[-0.0] = "zero"
  assert(t[0] == "zero" and t[0.0] == "zero", "-0.0 key is 0")
  t[true] = "t"; t[false] = "f"
  assert(t[true] == "t" and t[false] == "f", "boolean keys")
  local k1, k2 = {}, {}
  t[k1] = 1; t[k2] = 2
  assert(t[k1] == 1 and t[k2] == 2, "table keys by identity")
  t[print] = "p"
  assert(t[print] == "p", "function key")
  assert(t[nil] == nil and t[0/0] == nil, "reading nil or NaN key gives nil")
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  assert(n == 12, "number of keys")
  t.name = nil
  assert(t.name == nil, "assign nil removes")
  local nested = {a = {b = {c = "deep"}}}
  assert(nested.a.b.c == "deep" and nested["a"].b["c"] == "deep", "chained indexing")
  nested.a.b.c = "x"
  assert(nested.a.b.c == "x", "chained assignment")
end
rterr("local t = {} t[nil] = 1", "t:1: table index is nil")
rterr("local t = {} t[0/0] = 1", "t:1: table index is NaN")
rterr("local function f() return {} end f()[nil] = 1", "t:1: table index is nil")
rterr("local function f() end return f().x", "t:1: attempt to index a nil value")
rterr("local function f() end f().x = 1", "t:1: attempt to index a nil value")
rterr("local function f() return 1 end return f().x", "t:1: attempt to index a number value")
rterr("local function f() return true end return f()[1]", "t:1: attempt to index a boolean value")
rterr("local function f() return f end return f().x", "t:1: attempt to index a function value")
rterr("local function f() end return f()()", "t:1: attempt to call a nil value")
assert(same(({[3] = "a"})[3.0], "a"), "constructor key 3 found with 3.0")

-- evaluation of prefix expression only once
do
  local count = 0
  local t = {v = 1}
  local function get() count = count + 1; return t end
  get().v = get().v + 1
  assert(t.v == 2 and count == 2, "each get() evaluated once")
end

print("OK")
