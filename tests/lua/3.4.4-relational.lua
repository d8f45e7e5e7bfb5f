-- Lua 5.4 manual §3.4.4 Relational Operators
-- Self-checking: prints only "OK" on success.

local maxint = 0x7fffffffffffffff
local minint = -maxint - 1

local function rterr(src, expected)
  local f, cerr = load(src, "=t")
  assert(f, "should compile: " .. src .. ": " .. tostring(cerr))
  local ok, msg = pcall(f)
  assert(not ok, "should fail: " .. src)
  assert(msg == expected, "wrong message for [" .. src .. "]: " .. tostring(msg))
end

-- compare at run time (operands opaque to the compiler) and as constants
local function cmp(a, op, b)
  return load("local a, b = ... return a " .. op .. " b", "=rt")(a, b)
end
local function all(a, b, lt, le, eq)
  -- checks <, <=, >, >=, ==, ~= consistently at run time
  assert(cmp(a, "<", b) == lt, tostring(a) .. " < " .. tostring(b))
  assert(cmp(a, "<=", b) == le, tostring(a) .. " <= " .. tostring(b))
  assert(cmp(b, ">", a) == lt, tostring(b) .. " > " .. tostring(a))
  assert(cmp(b, ">=", a) == le, tostring(b) .. " >= " .. tostring(a))
  assert(cmp(a, "==", b) == eq, tostring(a) .. " == " .. tostring(b))
  assert(cmp(a, "~=", b) == not eq, tostring(a) .. " ~= " .. tostring(b))
end

-- results are always booleans
assert((1 < 2) == true and (2 < 1) == false, "booleans")
assert(type(1 == 1) == "boolean" and type({} == {}) == "boolean", "type of result")

-- equality by type first
assert(not ("0" == 0) and "0" ~= 0, "string vs number")
assert(not (nil == false), "nil vs false")
assert(not (0 == false), "0 vs false")
assert(not ("" == nil), "empty string vs nil")
assert(nil == nil and true == true and false == false and not (true == false), "nil/booleans")
assert(cmp(nil, "==", nil) and not cmp(nil, "==", false), "runtime nil equality")

-- strings by content
assert("abc" == "abc" and "abc" ~= "abd" and "abc" ~= "ab", "string equality")
assert(cmp("a\0b", "==", "a\0b") and not cmp("a\0b", "==", "a\0c"), "strings with zeros")
do
  local s1 = "long string " .. "built at run time, longer than forty bytes for sure"
  local s2 = "long string built at run time, longer than forty bytes for sure"
  assert(s1 == s2, "long strings compared by content")
  local p = "x"
  assert(p .. "y" == "xy", "concatenated string equals literal")
end

-- numbers by mathematical value, regardless of subtype
all(1, 1.0, false, true, true)
all(0, -0.0, false, true, true)
all(-0.0, 0.0, false, true, true)
all(1, 2, true, true, false)
all(1.5, 2, true, true, false)
all(2, 1.5, false, false, false)
all(-1, 1, true, true, false)
-- exact comparisons between integers and floats near 2^53
all(9007199254740992, 2^53, false, true, true)
all(9007199254740993, 2^53, false, false, false)
all(2^53, 9007199254740993, true, true, false)
all(9007199254740993, 2^53 + 2, true, true, false)
all(-9007199254740993, -2^53, true, true, false)
assert(2^53 == 2^53 + 1, "float arithmetic at 2^53 rounds")
-- maxinteger vs 2^63 and mininteger vs -2^63
all(maxint, 2^63, true, true, false)
all(maxint, 2^63 - 1024, false, false, false)
all(maxint - 1, 2^63, true, true, false)
all(minint, -2^63, false, true, true)
all(minint, -2^63 - 2048, false, false, false)
all(minint + 1, -2^63, false, false, false)
assert(maxint + 0.0 == 2^63, "conversion rounds maxinteger to 2^63")
assert(maxint ~= maxint + 0.0, "but maxinteger itself is not equal to 2^63")
all(maxint, 1/0, true, true, false)
all(minint, -1/0, false, false, false)
all(1/0, 1/0, false, true, true)
all(-1/0, 1/0, true, true, false)
all(maxint, 9.2233720368547748e18, false, false, false)
all(0x7ffffffffffffc00, 9.2233720368547748e18, false, true, true)
all(1, 1.0000000000000002, true, true, false)
all(-1, -0.9999999999999999, true, true, false)

-- NaN is not equal to, less than or greater than anything
do
  local nan = 0/0
  all(nan, nan, false, false, false)
  all(nan, 1, false, false, false)
  all(1, nan, false, false, false)
  all(nan, 1/0, false, false, false)
  all(minint, nan, false, false, false)
  assert(nan ~= nan and not (nan == nan), "NaN ~= NaN")
  local t = {nan}
  assert(t[1] ~= t[1], "NaN from a table")
  assert(not (nan < nan) and not (nan >= nan), "constant-like NaN comparisons")
end

-- tables, functions by reference
do
  local t1, t2 = {}, {}
  assert(t1 == t1 and t1 ~= t2, "tables by reference")
  assert(cmp(t1, "==", t1) and not cmp(t1, "==", t2), "runtime table equality")
  local f = function() end
  assert(f == f and print == print and f ~= print, "functions: equal to themselves")
  local function mk(i) return function() return i end end
  assert(mk(1) ~= mk(2), "functions with different behaviour differ")
end

-- strings are ordered byte-wise (C locale)
all("a", "b", true, true, false)
all("a", "B", false, false, false)
all("Z", "a", true, true, false)
all("", "a", true, true, false)
all("", "", false, true, true)
all("a", "aa", true, true, false)
all("a\0", "a", false, false, false)
all("a\0b", "a\0c", true, true, false)
all("a\0a", "a\0", false, false, false)
all("\255", "z", false, false, false)
all("\127", "\128", true, true, false)
all("abc", "abd", true, true, false)
all("10", "9", true, true, false)
all("abc", "abc", false, true, true)
all("x" .. "y", "xy", false, true, true)

-- comparing different types is an error (except == and ~=)
rterr("return 1 < nil", "t:1: attempt to compare number with nil")
rterr("return nil < 1", "t:1: attempt to compare nil with number")
rterr("local function f() return nil end return f() > 1", "t:1: attempt to compare number with nil")
rterr("return {} < {}", "t:1: attempt to compare two table values")
rterr("return {} <= {}", "t:1: attempt to compare two table values")
rterr("return {} >= {}", "t:1: attempt to compare two table values")
rterr("return 'a' < 1", "t:1: attempt to compare string with number")
rterr("return 1 < 'a'", "t:1: attempt to compare number with string")
rterr("return 1 > 'a'", "t:1: attempt to compare string with number")
rterr("return 1 >= 'a'", "t:1: attempt to compare string with number")
rterr("return '1' <= 1", "t:1: attempt to compare string with number")
rterr("return true < false", "t:1: attempt to compare two boolean values")
rterr("return print < print", "t:1: attempt to compare two function values")
rterr("return {} < 1", "t:1: attempt to compare table with number")
rterr("local function f() return {} end local function g() return 'x' end return f() < g()",
  "t:1: attempt to compare table with string")
rterr("local function f() return nil end return f() < f()", "t:1: attempt to compare two nil values")
assert(({} == 1) == false and (1 ~= "1") == true, "equality never raises")

-- a > b is b < a, a >= b is b <= a (visible through the order metamethods' arguments)
do
  local log = {}
  local mt = {
    __lt = function(a, b) log[#log + 1] = "lt" .. a.n .. b.n; return a.n < b.n end,
    __le = function(a, b) log[#log + 1] = "le" .. a.n .. b.n; return a.n <= b.n end,
  }
  local x = setmetatable({n = 1}, mt)
  local y = setmetatable({n = 2}, mt)
  assert(x < y and not (x > y) and x <= y and not (x >= y), "metamethod results")
  assert(log[1] == "lt12" and log[2] == "lt21" and log[3] == "le12" and log[4] == "le21", "operands swapped for > and >=")
end

-- ~= is the negation of ==
for _, a in ipairs({1, 1.0, "1", true, 0/0}) do
  for _, b in ipairs({1, 1.0, "1", true, 0/0}) do
    assert((a ~= b) == not (a == b), "~= negates ==")
  end
end

print("OK")
