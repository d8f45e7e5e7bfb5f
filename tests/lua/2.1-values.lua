-- Lua 5.4 manual §2.1 Values and Types
-- Self-checking: prints only "OK" on success.

local maxint = 0x7fffffffffffffff
local minint = -maxint - 1

local function same(a, b)
  return type(a) == type(b) and a == b and tostring(a) == tostring(b)
end
local function count(t) local n = 0 for _ in pairs(t) do n = n + 1 end return n end

-- the basic types (userdata and thread need libraries outside this test's scope)
assert(type(nil) == "nil", "nil")
assert(type(true) == "boolean" and type(false) == "boolean", "boolean")
assert(type(0) == "number" and type(0.5) == "number" and type(-1) == "number", "number")
assert(type("") == "string" and type("x") == "string", "string")
assert(type(print) == "function" and type(function() end) == "function", "function")
assert(type({}) == "table", "table")
assert(type(type) == "function" and type(type(nil)) == "string", "type returns a string")
do
  local ok, e = pcall(type)
  assert(not ok and e == "bad argument #1 to 'type' (value expected)", "type() without argument: " .. tostring(e))
  assert(select("#", type(nil)) == 1, "type returns one value")
end

-- nil and false are the only false values
assert(nil == nil and nil ~= false, "nil differs from false")
assert(not nil and not false and 0 and "" and {}, "falsy and truthy")

-- numbers: 64-bit integers and double floats
assert(same(maxint + 1, minint) and same(minint - 1, maxint), "64-bit two's complement integers")
assert(maxint == 9223372036854775807 and minint == -9223372036854775807 - 1, "extremes")
assert(same(1 // 1, 1) and same(1.0 // 1, 1.0), "two subtypes")
assert(1 == 1.0 and same(2^53, 9007199254740992.0), "same value, different subtypes")
assert(2^53 + 1 == 2^53 and 2^52 + 1 ~= 2^52, "53-bit mantissa")
assert(1e308 * 10 == 1/0 and -1e308 * 10 == -1/0, "overflow to infinity")
assert(2^-1074 > 0 and 2^-1074 / 2 == 0, "smallest subnormal")
assert(2^1023 * 2 == 1/0 and 2^1023 < 1/0, "largest exponent")
assert(0.1 + 0.2 ~= 0.3 and 0.5 + 0.25 == 0.75, "binary floating point")
do
  local nan = 0/0
  assert(nan ~= nan and type(nan) == "number", "NaN is a number not equal to itself")
end

-- strings: immutable byte sequences, 8-bit clean
do
  local all = ""
  for i = 0, 255 do all = all .. load("return '\\" .. i .. "'")() end
  assert(#all == 256, "a string can hold any byte")
  local copy = ""
  for i = 0, 255 do copy = copy .. load("return '\\" .. i .. "'")() end
  assert(all == copy, "strings with all bytes compare equal")
  assert("\0" ~= "" and #"\0" == 1 and "a\0" ~= "a", "zero bytes matter")
  local s = "abc"
  local t = s
  s = s .. "d"
  assert(t == "abc" and s == "abcd", "strings are values (immutable)")
  local long1 = "" for i = 1, 1000 do long1 = long1 .. "x" end
  local long2 = "" for i = 1, 1000 do long2 = long2 .. "x" end
  assert(long1 == long2 and #long1 == 1000, "long strings compare by content")
  local k = {}
  k[long1] = 1
  assert(k[long2] == 1, "long strings as equal keys")
end

-- tables: associative arrays indexed by any value except nil and NaN
do
  local t = {}
  local f = function() end
  local keys = {1, 2.5, -7, "s", "", true, false, f, t, print, maxint, minint, 1e300, -0.5}
  for i, k in ipairs(keys) do t[k] = i end
  for i, k in ipairs(keys) do assert(t[k] == i, "key " .. tostring(k)) end
  assert(count(t) == #keys, "all keys stored")
  t[1.0] = "one"
  assert(t[1] == "one" and count(t) == #keys, "1.0 and 1 are the same key")
  t[2^53] = "f"
  assert(t[9007199254740992] == "f", "2^53 key")
  t["1"] = "str"
  assert(t[1] == "one" and t["1"] == "str", "'1' and 1 are different keys")
  t[true] = nil
  assert(t[true] == nil and count(t) == #keys + 1, "assigning nil removes a key")
  assert(not pcall(function() t[nil] = 1 end), "nil key")
  assert(not pcall(function() t[0/0] = 1 end), "NaN key")
  assert(t[nil] == nil and t[0/0] == nil, "reading nil or NaN key is fine")
  assert(rawget(t, 1.0) == "one" and rawget(t, 1) == "one", "rawget normalisation")
  rawset(t, 3.0, "three")
  assert(t[3] == "three", "rawset normalisation")
end

-- tables can hold anything as values, including other tables and functions
do
  local node = {value = 1}
  node.self = node
  node.f = function(x) return x.value end
  assert(node.self.self.self.value == 1 and node.f(node) == 1, "cycles and function fields")
  local nested = {{{{"deep"}}}}
  assert(nested[1][1][1][1] == "deep", "nested tables")
end

-- tables and functions are references
do
  local a = {}
  local b = a
  b.x = 1
  assert(a.x == 1 and a == b, "assignment copies the reference")
  local function mutate(t) t.y = 2 end
  mutate(a)
  assert(a.y == 2, "argument passing copies the reference")
  local g = print
  assert(g == print, "functions by reference")
  assert({} ~= {}, "distinct tables")
end

-- all values are first class: stored, passed, returned
do
  local vals = {nil, true, false, 1, 1.5, "s", {}, print}
  local function id(...) return ... end
  for i = 1, 8 do
    assert(rawequal(id(vals[i]), vals[i]), "passed and returned: " .. i)
  end
  local function ret_types() return nil, true, 1, "s", {}, print end
  local a, b, c, d, e, f = ret_types()
  assert(a == nil and b == true and c == 1 and d == "s" and type(e) == "table" and f == print, "returned values")
end

-- rawequal / rawlen / rawget basic behaviour
assert(rawequal(1, 1.0) and rawequal("a", "a") and not rawequal({}, {}) and rawequal(nil, nil), "rawequal")
assert(not rawequal(1, "1") and not rawequal(false, nil), "rawequal across types")
assert(rawlen({1, 2, 3}) == 3 and rawlen("abcd") == 4, "rawlen")
assert(not pcall(rawlen, 5), "rawlen of a number fails")

print("OK")
