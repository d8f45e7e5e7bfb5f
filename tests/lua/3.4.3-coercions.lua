-- Lua 5.4 manual §3.4.3 Coercions and Conversions (tostring, tonumber, int/float conversions)
-- Self-checking: prints only "OK" on success.

local maxint = 0x7fffffffffffffff
local minint = -maxint - 1

local function same(a, b)
  return type(a) == type(b) and a == b and tostring(a) == tostring(b)
end
-- "integer", "float" or nil, without the math library
local function mtype(x)
  if type(x) ~= "number" then return nil end
  local ok, i = pcall(function() return x | 0 end)
  if ok and tostring(i) == tostring(x) then return "integer" end
  return "float"
end

-- number to string conversion (%.14g, plus ".0" for floats that look like integers)
local function ts(src, expected)
  local v = load("return " .. src)()
  assert(tostring(v) == expected, "tostring(" .. src .. ") = " .. tostring(v) .. ", expected " .. expected)
  assert(v .. "" == expected, "concatenation of " .. src)
end
ts("1e100", "1e+100")
ts("-0.0", "-0.0")
ts("0.0", "0.0")
ts("1e15", "1e+15")
ts("1e14", "1e+14")
ts("1e16", "1e+16")
ts("2^53", "9.007199254741e+15")
ts("2^63", "9.2233720368548e+18")
ts("-2^63", "-9.2233720368548e+18")
ts("2^24", "16777216.0")
ts("0.1", "0.1")
ts("0.1 + 0.2", "0.3")
ts("3.0", "3.0")
ts("-3.0", "-3.0")
ts("100.0", "100.0")
ts("123456.789e3", "123456789.0")
ts("99999999999999.0", "99999999999999.0")
ts("999999999999999.0", "1e+15")
ts("123456789012345.0", "1.2345678901234e+14")
ts("1/3", "0.33333333333333")
ts("-1/3", "-0.33333333333333")
ts("3.14159265358979", "3.1415926535898")
ts("1e-5", "1e-05")
ts("1.5e300", "1.5e+300")
ts("2^-1074", "4.9406564584125e-324")
ts("1.7976931348623157e308", "1.7976931348623e+308")
ts("1/0", "inf")
ts("-1/0", "-inf")
ts("1e308 * 10", "inf")
ts("1e100 / 1e100", "1.0")
ts("0", "0")
ts("-7", "-7")
ts("12345678901234567", "12345678901234567")
ts("0x7fffffffffffffff", "9223372036854775807")
ts("-0x7fffffffffffffff - 1", "-9223372036854775808")
ts("0xff", "255")
ts("1e2 // 1", "100.0")
ts("7 // 1", "7")
do
  local z = load("return 0.0")()
  local nan1, nan2 = tostring(0/0), tostring(-(0/0))
  assert(nan1 == "nan" or nan1 == "-nan", "NaN prints as nan or -nan: " .. nan1)
  assert(nan2 == "nan" or nan2 == "-nan", "negated NaN prints as nan or -nan: " .. nan2)
  assert(tostring(z / z) == nan1, "constant and runtime 0/0 print the same")
  assert(tostring(-(z / z)) == nan2, "constant and runtime -(0/0) print the same")
end
assert(tostring(nil) == "nil" and tostring(true) == "true" and tostring(false) == "false", "tostring of nil/booleans")
assert(tostring("abc") == "abc", "tostring of a string is itself")
do
  local s = tostring({})
  assert(#s > 7 and tostring(print) ~= s, "tostring of table gives an address string")
end

-- string to number conversion: tonumber
local function tn(s, expected)
  local v = tonumber(s)
  if expected == nil then
    assert(v == nil, "tonumber('" .. s .. "') should be nil, got " .. tostring(v))
  else
    assert(same(v, expected), "tonumber('" .. s .. "') = " .. tostring(v))
  end
end
tn("10", 10)
tn("  10  ", 10)
tn("\t10\n", 10)
tn("10\v", 10)
tn("\f\r10", 10)
tn("10.", 10.0)
tn(".5", 0.5)
tn("0x10", 16)
tn("0XFF", 255)
tn("0X1P4", 16.0)
tn("0x1.8", 1.5)
tn("0x.1", 0.0625)
tn("1e1", 10.0)
tn("1E+2", 100.0)
tn("1.5e+2", 150.0)
tn(" -7 ", -7)
tn("+7", 7)
tn("-0x1", -1)
tn("00012", 12)
tn("-0", 0)
tn("-0.0", -0.0)
tn("9223372036854775807", maxint)
tn("9223372036854775808", 2^63)
tn("-9223372036854775808", minint)
tn("-9223372036854775809", -2^63)
tn("0xffffffffffffffff", -1)
tn("0x1ffffffffffffffff", -1)
tn("1e400", 1/0)
tn("-1e400", -1/0)
tn("0x1p-2000", 0.0)
tn("- 7", nil)
tn("--7", nil)
tn("0x", nil)
tn("", nil)
tn(" ", nil)
tn("1 2", nil)
tn("abc", nil)
tn("1e", nil)
tn("inf", nil)
tn("nan", nil)
tn("1\0", nil)
tn("0b101", nil)
tn("1_000", nil)
tn("0x-1", nil)
tn("- 0x1", nil)
tn(".", nil)
tn("e1", nil)
tn("0xg", nil)
tn("1.2.3", nil)
tn("1..2", nil)
-- Decimal floats (read by std::from_chars, the rest by strtod): one sign
-- only, correct rounding at the edges, the infinities and zeros past the
-- doubles' range, subnormals.
tn("+-1.5", nil)
tn("-+1.5", nil)
tn("+.5e-3", 0.0005)
tn("-.5", -0.5)
tn(" +1.5\t", 1.5)
tn("9007199254740993.0", 9007199254740992.0)
tn("9007199254740995.0", 9007199254740996.0)
tn("0.1", 0.1)
tn("1.7976931348623157e308", 1.7976931348623157e308)
tn("1.7976931348623159e308", 1/0)
tn("-1e400", -1/0)
tn("1e-400", 0.0)
tn("-1e-400", -0.0)
tn("4.9e-324", 2^-1074)
tn("2.2250738585072011e-308", 2^-1022 - 2^-1074)
tn("123456789012345678901234567890", 1.2345678901234568e29)
tn("00012.5e0001", 125.0)
tn("1e+", nil)
tn("1.5x", nil)
tn("1 e5", nil)
assert(same(tonumber(10), 10) and same(tonumber(1.5), 1.5) and same(tonumber(3.0), 3.0), "numbers unchanged")
assert(tonumber({}) == nil and tonumber(true) == nil and tonumber(nil) == nil and tonumber(print) == nil,
  "non-strings give nil")
assert(select("#", tonumber("x")) == 1, "tonumber returns one value (fail)")

-- tonumber with a base: integers only, letters for digits 10..35
local function tb(s, base, expected)
  local v = tonumber(s, base)
  if expected == nil then
    assert(v == nil, "tonumber('" .. s .. "', " .. base .. ") should be nil, got " .. tostring(v))
  else
    assert(same(v, expected), "tonumber('" .. s .. "', " .. base .. ") = " .. tostring(v))
  end
end
tb("10", 2, 2)
tb("11", 2, 3)
tb("1111111111111111111111111111111111111111111111111111111111111111", 2, -1)
tb("777", 8, 511)
tb("10", 10, 10)
tb("ff", 16, 255)
tb("FF", 16, 255)
tb("fF", 16, 255)
tb("zz", 36, 1295)
tb("ZZ", 36, 1295)
tb("10", 36, 36)
tb("y", 35, 34)
tb("  101  ", 2, 5)
tb("-101", 2, -5)
tb("+101", 2, 5)
tb("1e1", 16, 481)
tb("7fffffffffffffff", 16, maxint)
tb("8000000000000000", 16, minint)
tb("ffffffffffffffff", 16, -1)
tb("10000000000000000", 16, 0)
tb("102", 2, nil)
tb("9", 8, nil)
tb("z", 35, nil)
tb("", 10, nil)
tb(" ", 10, nil)
tb("1.5", 10, nil)
tb("0x10", 16, nil)
tb("- 1", 10, nil)
tb("1e1", 10, nil)
tb("1 0", 2, nil)
tb("-", 10, nil)
assert(same(tonumber("10", 16.0), 16), "base may be an integral float")
assert(same(tonumber("10", "16"), 16), "base may be a numeric string")
do
  local ok, e = pcall(tonumber, "10", 1)
  assert(not ok and e == "bad argument #2 to 'tonumber' (base out of range)", "base 1: " .. tostring(e))
  ok, e = pcall(tonumber, "10", 37)
  assert(not ok and e == "bad argument #2 to 'tonumber' (base out of range)", "base 37")
  ok, e = pcall(tonumber, 10, 16)
  assert(not ok and e == "bad argument #1 to 'tonumber' (string expected, got number)", "number with base")
  ok, e = pcall(tonumber)
  assert(not ok and e == "bad argument #1 to 'tonumber' (value expected)", "no argument")
  ok, e = pcall(tonumber, "10", 2.5)
  assert(not ok and e == "bad argument #2 to 'tonumber' (number has no integer representation)", "fractional base")
end

-- strings are converted following the lexer rules in arithmetic too
assert(same("0x10" + 0, 16) and same("1e1" * 1, 10.0) and same(" 5 " - 1, 4), "arithmetic coercion")
assert(same("10" + 0.0, 10.0), "string integer plus float")
assert(not pcall(function() return "1e" + 1 end), "invalid numeral in arithmetic fails")

-- strings are not converted for comparisons and equality
assert("10" ~= 10 and not ("0" == 0), "no coercion in equality")
assert(not pcall(function() return "1" < 1 end), "no coercion in order comparison")
do
  local t = {}
  t["1"] = "s"; t[1] = "n"
  assert(t["1"] == "s" and t[1] == "n", "t[1] and t['1'] are different entries")
end

-- integer to float conversion: exact or nearest
assert(same(maxint + 0.0, 2^63), "maxinteger converts to 2^63")
assert(same(minint + 0.0, -2^63), "mininteger converts exactly")
assert(same((2^53 + 1) // 1, 2^53), "float cannot hold 2^53+1")
assert(same(9007199254740993 + 0.0, 2^53), "2^53+1 converts to a neighbour")
assert(same(3 / 1, 3.0) and same(3 ^ 1, 3.0), "/ and ^ convert to float")
assert(same(1 + 0.5, 1.5), "mixed addition converts the integer")

-- float to integer conversion: only exact integral values in range
local function toint(x)
  local ok, r = pcall(function() return x | 0 end)
  if ok then return r end
  return nil
end
assert(same(toint(3.0), 3), "3.0 converts")
assert(same(toint(-0.0), 0), "-0.0 converts to 0")
assert(same(toint(2^53), 9007199254740992), "2^53 converts")
assert(same(toint(-2^63), minint), "-2^63 converts")
assert(toint(2^63) == nil, "2^63 is out of range")
assert(toint(3.5) == nil and toint(-0.5) == nil, "fractions do not convert")
assert(toint(1/0) == nil and toint(-1/0) == nil and toint(0/0) == nil, "inf and NaN do not convert")
assert(same(toint(2^62), 0x4000000000000000), "2^62 converts")
do
  local t = {}
  t[3.0] = "x"
  assert(t[3] == "x" and same(next(t), 3), "float keys with integral values become integers")
  t = {}
  t[2^63] = "y"
  assert(mtype(next(t)) == "float", "2^63 key stays a float")
end

-- mtype helper sanity (also covers the float/int subtypes of literals)
assert(mtype(1) == "integer" and mtype(1.0) == "float" and mtype(1e300) == "float" and mtype(0/0) == "float",
  "subtypes")
assert(mtype(maxint) == "integer" and mtype(minint) == "integer" and mtype(-0.0) == "float", "subtypes 2")

print("OK")
