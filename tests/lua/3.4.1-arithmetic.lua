-- Lua 5.4 manual §3.4.1 Arithmetic Operators
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

-- same value and same subtype (3 and 3.0 print differently; so do 0.0 and -0.0)
local function same(a, b)
  if a ~= a and b ~= b then return true end  -- both NaN
  return type(a) == type(b) and a == b and tostring(a) == tostring(b)
end
local function isnan(x) return x ~= x end

-- evaluate at run time with operands that the compiler cannot fold
local function rt(op, a, b)
  local f = load("local a, b = ... return a " .. op .. " b", "=rt")
  return f(a, b)
end
-- a source literal for x that reads back as exactly x (same subtype), or nil
local function lit(x)
  if type(x) == "string" then return nil end  -- strings: runtime only
  local s = "(" .. tostring(x) .. ")"
  local f = load("return " .. s)
  if f and same(f(), x) and x == x then return s end
  return nil
end
-- check `a op b` at run time and, when both operands have exact literals, as a constant expression
local function check(a, op, b, expected)
  local r1 = rt(op, a, b)
  assert(same(r1, expected), "runtime " .. tostring(a) .. op .. tostring(b) .. " gave " .. tostring(r1))
  local la, lb = lit(a), lit(b)
  if la and lb then
    local src = "return " .. la .. " " .. op .. " " .. lb
    local r2 = load(src, "=c")()
    assert(same(r2, expected), "constant " .. src .. " gave " .. tostring(r2))
  end
end

-- integer operations give integers
check(3, "+", 4, 7)
check(3, "-", 4, -1)
check(3, "*", 4, 12)
check(7, "//", 2, 3)
check(7, "%", 3, 1)
assert(same(-(3), -3) and same(-(-3), 3), "unary minus on integers")

-- mixed and float operations give floats
check(3, "+", 4.0, 7.0)
check(3.0, "-", 3, 0.0)
check(3, "*", 1.0, 3.0)
check(7.0, "//", 2, 3.0)
check(7, "%", 3.0, 1.0)
check(0.5, "+", 0.25, 0.75)
assert(same(-(3.0), -3.0) and same(-(0.0), -0.0), "unary minus on floats")

-- / and ^ always give floats
check(4, "/", 2, 2.0)
check(1, "/", 2, 0.5)
check(-9, "/", 3, -3.0)
check(2, "^", 2, 4.0)
check(2, "^", -1, 0.5)
check(0, "^", 0, 1.0)
check(-2, "^", 2, 4.0)
check(2, "^", 63, 9.2233720368547758e18)
check(9, "^", 0.5, 3.0)
assert(isnan(rt("^", -8, 1/3)), "negative base with fractional exponent is NaN")

-- floor division rounds towards minus infinity
check(7, "//", 2, 3)
check(-7, "//", 2, -4)
check(7, "//", -2, -4)
check(-7, "//", -2, 3)
check(6, "//", 3, 2)
check(-6, "//", 3, -2)
check(0, "//", 5, 0)
check(7.0, "//", 2, 3.0)
check(-7.0, "//", 2, -4.0)
check(7, "//", -2.0, -4.0)
check(-7.5, "//", 2, -4.0)
check(-0.5, "//", 1, -1.0)
check(10, "//", 3.0, 3.0)
check(5, "//", 0.5, 10.0)
check(-0.0, "//", 1, -0.0)

-- modulo has the sign of the divisor
check(7, "%", 3, 1)
check(-7, "%", 3, 2)
check(7, "%", -3, -2)
check(-7, "%", -3, -1)
check(-6, "%", 3, 0)
check(6, "%", -3, 0)
check(0, "%", 3, 0)
check(7.5, "%", 2, 1.5)
check(-7.5, "%", 2, 0.5)
check(7.5, "%", -2, -0.5)
check(-7.5, "%", -2, -1.5)
check(5.25, "%", 1, 0.25)
check(-5.25, "%", 1, 0.75)
check(-6.0, "%", 3, -0.0)
check(6.0, "%", -3, 0.0)
check(0.0, "%", -2, 0.0)
check(-0.0, "%", 2, -0.0)
check(1e308, "%", 3, 2.0)
check(3, "%", 1e308, 3.0)
check(-3, "%", 1e308, 1e308)
assert(same(rt("%", 1, 1/0), 1.0), "1 % inf")
assert(same(rt("%", -1, -1/0), -1.0), "-1 % -inf")
assert(same(rt("%", -1, 1/0), 1/0), "-1 % inf is inf (floor semantics)")
assert(same(rt("%", 1, -1/0), -1/0), "1 % -inf is -inf (floor semantics)")
assert(isnan(rt("%", 1/0, 2)), "inf % 2 is NaN")
-- integral floats (exact remainders, a zero with the sign of the dividend),
-- on both sides of 2^53, where a float stops holding every integer
check(6.0, "%", 4.0, 2.0)
check(-6.0, "%", 4.0, 2.0)
check(6.0, "%", -4.0, -2.0)
check(-6.0, "%", -4.0, -2.0)
check(-8.0, "%", -4.0, -0.0)
check(8.0, "%", -4.0, 0.0)
check(2^53, "%", 3.0, 2.0)
check(-2^53, "%", 3.0, 1.0)
check(2^53 + 2, "%", 3.0, 1.0)
check(2^60, "%", 3.0, 1.0)
check(2^53, "%", 2^53, 0.0)
check(5.0, "%", 2^53, 5.0)
check(-5.0, "%", 2^53, 2^53 - 5)
check(-5.0, "%", 2^54, 2^54 - 5)
check(3.0, "%", 0.0, 0/0)
check(-0.0, "%", -3.0, -0.0)
for a = -20, 20 do
  for _, b in ipairs({-7, -3, -2, 1, 2, 5, 16}) do
    check(a + 0.0, "%", b + 0.0, (a % b) + 0.0 == 0 and (a < 0 and -0.0 or 0.0) or (a % b) + 0.0)
  end
end
-- a // b * b + a % b == a
for _, a in ipairs({-7, -6, -1, 0, 1, 6, 7, 100, -100}) do
  for _, b in ipairs({-3, -2, -1, 1, 2, 3, 7}) do
    assert((a // b) * b + a % b == a, "div/mod identity " .. a .. " " .. b)
    local m = a % b
    assert(m == 0 or (m > 0) == (b > 0), "sign of modulo " .. a .. " " .. b)
  end
end

-- integer overflow wraps around
check(maxint, "+", 1, minint)
check(minint, "-", 1, maxint)
check(maxint, "*", 2, -2)
check(minint, "*", -1, minint)
check(minint, "//", -1, minint)
check(minint, "%", -1, 0)
check(minint, "//", 1, minint)
check(maxint, "+", maxint, -2)
check(minint, "+", minint, 0)
check(0x100000000, "*", 0x100000000, 0)
check(minint, "%", maxint, maxint - 1)
check(maxint, "%", minint, -1)
check(3, "%", minint, minint + 3)
check(-3, "%", minint, -3)
check(3, "%", maxint, 3)
check(-3, "%", maxint, maxint - 3)
assert(same(-minint, minint), "negating mininteger wraps")
do
  local x = minint
  assert(same(-x, minint), "runtime negation of mininteger")
end
-- float arithmetic does not wrap
check(maxint, "+", 0.0, 9.2233720368547758e18)
check(maxint, "//", 1.0, 2^63)
check(2^53, "+", 1, 2^53)

-- floating point division by zero
check(1, "/", 0, 1/0)
check(-1, "/", 0, -1/0)
check(5, "//", 0.0, 1/0)
check(-5, "//", 0.0, -1/0)
check(1e308, "*", 10, 1/0)
check(-1e308, "*", 10, -1/0)
assert(isnan(rt("/", 0, 0)), "0/0 is NaN")
assert(isnan(rt("%", 5.0, 0)), "5.0 % 0 is NaN")
assert(isnan(rt("%", -5, 0.0)), "-5 % 0.0 is NaN")
assert(isnan(rt("//", 0.0, 0)), "0.0 // 0 is NaN")
assert(same(rt("/", 1, -0.0), -1/0), "1 / -0.0 is -inf")
assert(same(rt("/", 1, 1/0), 0.0) and same(rt("/", -1, 1/0), -0.0), "x / inf")

-- integer division by zero is an error
rterr("local function z() return 0 end return 1 // z()", "t:1: attempt to divide by zero")
rterr("local function z() return 0 end return 1 % z()", "t:1: attempt to perform 'n%0'")
rterr("local a, b = 1, 0; return a // b", "t:1: attempt to divide by zero")
rterr("local a, b = 1, 0; return a % b", "t:1: attempt to perform 'n%0'")
rterr("return 1 // 0", "t:1: attempt to divide by zero")
rterr("return 1 % 0", "t:1: attempt to perform 'n%0'")
rterr("local function z() return 0 end return (-9223372036854775807 - 1) // z()", "t:1: attempt to divide by zero")

-- arithmetic on non-numbers
rterr("local function f() return {} end return f() + 1", "t:1: attempt to perform arithmetic on a table value")
rterr("local function f() return nil end return 1 - f()", "t:1: attempt to perform arithmetic on a nil value")
rterr("local function f() return true end return 1 * f()", "t:1: attempt to perform arithmetic on a boolean value")
rterr("local function f() return print end return -f()", "t:1: attempt to perform arithmetic on a function value")
rterr("local function f() return {} end return f() ^ 2", "t:1: attempt to perform arithmetic on a table value")
rterr("local function f() return nil end return 2 // f()", "t:1: attempt to perform arithmetic on a nil value")
rterr("local function f() return {} end return 2 % f()", "t:1: attempt to perform arithmetic on a table value")
rterr("local function f() return {} end return 2 / f()", "t:1: attempt to perform arithmetic on a table value")
rterr("return {} + 1", "t:1: attempt to perform arithmetic on a table value")
rterr("return -{}", "t:1: attempt to perform arithmetic on a table value")

-- strings are coerced to numbers in arithmetic (by the string metamethods)
check("10", "+", 1, 11)
check("3.0", "+", 1, 4.0)
check("0x10", "+", 0, 16)
check(" 10 ", "*", 2, 20)
check("10", "//", "3", 3)
check("10", "/", 2, 5.0)
check("1e1", "+", 0, 10.0)
check("0x10p1", "+", 0, 32.0)
check("-0x10", "+", 0, -16)
check(".5", "+", 0, 0.5)
check("5.", "+", 0, 5.0)
check("\t\n\v\f\r 7 \t", "+", 0, 7)
check(2, "^", "3", 8.0)
check("2", "^", 3, 8.0)
check("9223372036854775807", "+", 1, minint)
check("9223372036854775808", "+", 0, 2^63)
check("10", "-", "20", -10)
check("7", "%", "-3", -2)
assert(same(-"2", -2) and same(-"2.0", -2.0), "unary minus on numeric strings")
assert(same(10 + "1", 11), "constant folding with string operand")
for _, s in ipairs({"abc", "1 2", "", "inf", "nan", "0x", "1e", "- 1", "7\0"}) do
  assert(not pcall(rt, "+", s, 0), "non-numeric string '" .. s .. "' fails")
end
rterr("local function s() return 'abc' end return s() + 1", "t:1: attempt to add a 'string' with a 'number'")
rterr("local function s() return 'abc' end return 1 - s()", "t:1: attempt to sub a 'number' with a 'string'")

-- results of arithmetic are fresh values of the right type in expressions
do
  local x = 3
  x = x + 1
  x = x * 2.0
  assert(same(x, 8.0), "running computation keeps subtype")
  local y = 10
  y = y // 3
  assert(same(y, 3), "integer floor division")
  local sum = 0
  for i = 1, 100 do sum = sum + i end
  assert(same(sum, 5050), "integer sum")
  local fsum = 0.0
  for i = 1, 100 do fsum = fsum + i end
  assert(same(fsum, 5050.0), "float sum")
end

print("OK")
