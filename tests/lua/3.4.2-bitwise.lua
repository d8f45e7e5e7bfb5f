-- Lua 5.4 manual §3.4.2 Bitwise Operators
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

local function same(a, b)
  return type(a) == type(b) and a == b and tostring(a) == tostring(b)
end

local function rt(op, a, b)
  local f = load("local a, b = ... return a " .. op .. " b", "=rt")
  return f(a, b)
end
local function lit(x)
  if type(x) ~= "number" or x ~= x then return nil end
  local s = "(" .. tostring(x) .. ")"
  local f = load("return " .. s)
  if f and same(f(), x) then return s end
  return nil
end
-- check a op b at run time and as a constant expression
local function check(a, op, b, expected)
  local r1 = rt(op, a, b)
  assert(same(r1, expected), "runtime " .. tostring(a) .. " " .. op .. " " .. tostring(b) .. " gave " .. tostring(r1))
  local la, lb = lit(a), lit(b)
  if la and lb then
    local src = "return " .. la .. " " .. op .. " " .. lb
    local r2 = load(src, "=c")()
    assert(same(r2, expected), "constant " .. src .. " gave " .. tostring(r2))
  end
end
local function bnot(x) return load("local x = ... return ~x")(x) end

-- basic operations
check(6, "&", 3, 2)
check(6, "|", 3, 7)
check(6, "~", 3, 5)
check(0xF0, "&", 0x3C, 0x30)
check(0xF0, "|", 0x0F, 0xFF)
check(0xFF, "~", 0x0F, 0xF0)
check(-1, "&", 0x1234, 0x1234)
check(-1, "~", 0, -1)
check(minint, "|", maxint, -1)
check(minint, "&", maxint, 0)
check(minint, "~", -1, maxint)
assert(same(~0, -1) and same(~5, -6) and same(~-1, 0), "unary not (constants)")
assert(same(bnot(0), -1) and same(bnot(maxint), minint) and same(bnot(minint), maxint), "unary not")
assert(same(~~7, 7), "double not")

-- shifts fill with zeros (logical shifts)
check(1, "<<", 0, 1)
check(1, "<<", 1, 2)
check(1, "<<", 62, 0x4000000000000000)
check(1, "<<", 63, minint)
check(1, "<<", 64, 0)
check(1, "<<", 65, 0)
check(1, "<<", 1000, 0)
check(1, "<<", maxint, 0)
check(-1, "<<", 63, minint)
check(-1, "<<", 64, 0)
check(3, "<<", 62, -0x4000000000000000)
check(256, ">>", 4, 16)
check(-1, ">>", 1, maxint)
check(-1, ">>", 63, 1)
check(-1, ">>", 64, 0)
check(minint, ">>", 63, 1)
check(minint, ">>", 1, 0x4000000000000000)
check(-1, ">>", 1000, 0)
check(5, ">>", 0, 5)
-- negative displacements shift to the other direction
check(2, "<<", -1, 1)
check(1, ">>", -1, 2)
check(1, ">>", -63, minint)
check(1, ">>", -64, 0)
check(-1, "<<", -1, maxint)
check(-1, "<<", -64, 0)
check(1, "<<", minint, 0)
check(1, ">>", minint, 0)
check(-1, "<<", minint, 0)

-- floats with integral values are converted; results are integers
check(3.0, "&", 1, 1)
check(1, "|", 2.0, 3)
check(5, "~", 3.0, 6)
check(1.0, "<<", 2.0, 4)
check(2^53, "|", 0, 9007199254740992)
check(-2^63, "|", 0, minint)
check(-0.0, "|", 0, 0)
check(8.0, ">>", 1, 4)
assert(same(~1.0, -2), "unary not of float")
assert(same(bnot(-1.0), 0), "runtime unary not of float")
assert(same(1.5 // 1 | 0, 1), "floor then convert")

-- floats without integral values, out of range, inf and NaN are errors
rterr("local function s() return 1.5 end return s() | 1", "t:1: number has no integer representation")
rterr("local function s() return 1.5 end return ~s()", "t:1: number has no integer representation")
rterr("local function s() return 2^63 end return s() | 1", "t:1: number has no integer representation")
rterr("local function s() return 0/0 end return s() | 1", "t:1: number has no integer representation")
rterr("local function s() return 1/0 end return 1 | s()", "t:1: number has no integer representation")
rterr("local function s() return -1/0 end return 1 & s()", "t:1: number has no integer representation")
rterr("local function s() return 0.5 end return 1 << s()", "t:1: number has no integer representation")
rterr("local function s() return -2^63 - 2^11 end return s() >> 1", "t:1: number has no integer representation")
rterr("return 1 & 1.5", "t:1: number has no integer representation")
rterr("return 2.0^63 | 0", "t:1: number has no integer representation")
rterr("return ~1.5", "t:1: number has no integer representation")

-- strings are not coerced by bitwise operators
rterr("local function s() return '3' end return s() & 1", "t:1: attempt to perform bitwise operation on a string value")
rterr("local function s() return '3' end return ~s()", "t:1: attempt to perform bitwise operation on a string value")
rterr("local function s() return '1.5' end return 1 | s()", "t:1: attempt to perform bitwise operation on a string value")
rterr("local function s() return '0x10' end return s() >> 1", "t:1: attempt to perform bitwise operation on a string value")

-- other types
rterr("local function s() return {} end return ~s()", "t:1: attempt to perform bitwise operation on a table value")
rterr("local function s() return nil end return 1 | s()", "t:1: attempt to perform bitwise operation on a nil value")
rterr("local function s() return true end return s() << 1", "t:1: attempt to perform bitwise operation on a boolean value")
rterr("local function s() return 1.5 end return s() | {}", "t:1: attempt to perform bitwise operation on a table value")
rterr("local function s() return 1.5 end return {} | s()", "t:1: attempt to perform bitwise operation on a table value")
rterr("return {} ~ 1", "t:1: attempt to perform bitwise operation on a table value")

-- identities over a set of values
do
  local vals = {0, 1, -1, 2, 0x55, -0x55, maxint, minint, 0x123456789, -0x123456789}
  for _, a in ipairs(vals) do
    for _, b in ipairs(vals) do
      assert(a ~ b == (a | b) & ~(a & b), "xor identity")
      assert(~(a & b) == ~a | ~b, "de Morgan")
      assert((a ~ b) ~ b == a, "xor inverse")
    end
    assert(a << 1 == a + a, "shift left is doubling (wrapping)")
    assert((a >> 1) & minint == 0, "logical shift right clears the top bit")
    assert((a << 32) << 32 == 0 and a << 64 == 0, "shift out")
    assert(a >> -1 == a << 1 and a << -3 == a >> 3, "negative shift")
  end
end

print("OK")
