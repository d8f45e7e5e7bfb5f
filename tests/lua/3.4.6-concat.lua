-- Lua 5.4 manual §3.4.6 Concatenation
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
local function id(...) return ... end

-- strings
assert("a" .. "b" == "ab", "two strings")
assert("" .. "" == "", "empty strings")
assert("abc" .. "" == "abc" and "" .. "abc" == "abc", "empty operand")
assert("a\0" .. "\0b" == "a\0\0b" and #("a\0" .. "\0b") == 4, "zeros are kept")
assert(id("x") .. id("y") == "xy", "runtime strings")

-- numbers are converted with their tostring forms
assert(1 .. 2 == "12", "1 .. 2")
assert(1.0 .. "" == "1.0", "1.0 .. ''")
assert(-0.0 .. "" == "-0.0", "-0.0")
assert(2^63 .. "" == "9.2233720368548e+18", "2^63")
assert(1e100 .. "|" == "1e+100|", "1e100")
assert(10 // 3 .. "" == "3", "integer result")
assert(10 / 2 .. "" == "5.0", "float result")
assert(maxint .. "" == "9223372036854775807" and minint .. "" == "-9223372036854775808", "extreme integers")
assert(0.1 .. "" == "0.1" and 1/3 .. "" == "0.33333333333333", "fractions")
assert(1/0 .. "" == "inf" and -1/0 .. "" == "-inf", "infinities")
assert(id(12) .. id(3.5) == "123.5", "runtime numbers")
assert(id(-1) .. id(-2) == "-1-2", "negative numbers")
do
  local x = 1
  assert(x .. x == "11", "x..x")
  assert(x .. "" .. x .. 2.0 == "112.0", "mixed chain")
end

-- right associative; chains of many operands
assert("a" .. "b" .. "c" .. 1 .. 2 == "abc12", "chain")
do
  local log = ""
  local mt = {}
  mt.__concat = function(a, b)
    local sa = type(a) == "table" and a.s or a
    local sb = type(b) == "table" and b.s or b
    log = log .. "(" .. sa .. "+" .. sb .. ")"
    return setmetatable({s = sa .. sb}, mt)
  end
  local A = setmetatable({s = "A"}, mt)
  local r = A .. "b" .. "c"
  -- "b" .. "c" is done first (right associative), then A .. "bc"
  assert(r.s == "Abc" and log == "(A+bc)", "right associativity: " .. log)
  log = ""
  r = "a" .. "b" .. A
  assert(r.s == "abA" and log == "(b+A)(a+bA)", "metamethod on the right: " .. log)
end
do
  local parts = {}
  for i = 1, 50 do parts[i] = i end
  local s = ""
  for i = 1, #parts do s = s .. parts[i] .. "," end
  assert(#s == 9 * 2 + 41 * 3, "repeated concatenation length")
  local big = "x"
  for _ = 1, 16 do big = big .. big end
  assert(#big == 65536, "doubling concatenation")
  local src = "return 'a'"
  for _ = 1, 150 do src = src .. " .. 'a'" end
  assert(#load(src)() == 151, "a single expression with 151 operands")
  -- one expression of 100 numbers (integers and floats) and strings: the
  -- numbers' texts are those of tostring, in order, whatever the length
  local expr, expected = {}, {}
  for i = 1, 100 do
    local v = i % 3 == 0 and i + 0.5 or (i % 3 == 1 and i * 1000 or "s" .. i)
    expr[i] = type(v) == "string" and string.format("%q", v) or tostring(v)
    expected[i] = tostring(v)
  end
  assert(load("return " .. table.concat(expr, " .. "))() == table.concat(expected), "100 mixed operands")
  assert(load("return 1 .. 2 .. 3 .. 4 .. 5 .. 6 .. 7 .. 8 .. 9 .. 10 .. 11.5")() == "1234567891011.5", "eleven numbers")
  local mt = {__concat = function(a, b)
    return (type(a) == "table" and "T" or a) .. (type(b) == "table" and "T" or b)
  end}
  local T = setmetatable({}, mt)
  assert(1 .. 2 .. 3 .. 4 .. 5 .. 6 .. 7 .. 8 .. 9 .. T .. 1.5 .. 2 == "123456789T1.52", "numbers around a metamethod")
end

-- precedence: .. is lower than + and higher than comparison
assert(1 + 2 .. "" == "3", "+ before ..")
assert("x" .. 2 * 3 == "x6", "* before ..")
assert(("a" .. "b" == "ab") == true, ".. before ==")
assert(-2 .. "" == "-2", "unary minus before ..")
assert(2^2 .. "" == "4.0", "^ before ..")

-- errors for other types (no variable information: operands are call results)
rterr("local function f() return {} end return 'a' .. f()", "t:1: attempt to concatenate a table value")
rterr("local function f() return nil end return f() .. 'a'", "t:1: attempt to concatenate a nil value")
rterr("local function f() return true end return 1 .. f()", "t:1: attempt to concatenate a boolean value")
rterr("local function f() return print end return f() .. 1", "t:1: attempt to concatenate a function value")
rterr("local function f() return {} end return 'a' .. 'b' .. f()", "t:1: attempt to concatenate a table value")
rterr("local function f() return {} end return f() .. 'a' .. 'b'", "t:1: attempt to concatenate a table value")
rterr("return {} .. 'x'", "t:1: attempt to concatenate a table value")
rterr("return 'x' .. {}", "t:1: attempt to concatenate a table value")

-- __concat is used when an operand is not a string or number
do
  local mt = {__concat = function(a, b)
    return (type(a) == "table" and "T" or tostring(a)) .. "&" .. (type(b) == "table" and "T" or tostring(b))
  end}
  local t = setmetatable({}, mt)
  assert(t .. "s" == "T&s" and "s" .. t == "s&T" and 1 .. t == "1&T" and t .. t == "T&T", "__concat")
  assert(t .. 2.0 == "T&2.0", "numbers passed unconverted to __concat")
  local seen
  local mt2 = {__concat = function(a, b) seen = b; return "r" end}
  local u = setmetatable({}, mt2)
  local _ = u .. 1.5
  assert(seen == 1.5 and type(seen) == "number", "number operand stays a number")
  local ok = pcall(function() return true .. t end)
  assert(ok, "boolean with a table that has __concat")
end

print("OK")
