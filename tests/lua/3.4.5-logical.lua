-- Lua 5.4 manual §3.4.5 Logical Operators
-- Self-checking: prints only "OK" on success.

local function boom() error("must not be evaluated", 0) end
local function id(...) return ... end  -- hides values from the compiler

-- manual examples
assert((10 or 20) == 10, "10 or 20")
assert((10 or boom()) == 10, "10 or error()")
assert((nil or "a") == "a", "nil or 'a'")
assert((nil and 10) == nil, "nil and 10")
assert((false and boom()) == false, "false and error()")
assert((false and nil) == false, "false and nil")
assert((false or nil) == nil, "false or nil")
assert((10 and 20) == 20, "10 and 20")

-- the same at run time
assert((id(10) or id(20)) == 10, "runtime or")
assert((id(nil) or id("a")) == "a", "runtime nil or")
assert((id(nil) and id(10)) == nil, "runtime nil and")
assert((id(false) and boom()) == false, "runtime false and")
assert(select("#", id(false) and nil) == 1, "and gives one value")
assert((id(false) and id(nil)) == false, "false and nil at run time")
assert((id(false) or id(nil)) == nil, "false or nil at run time")
assert((id(10) and id(20)) == 20, "runtime and")

-- not always returns a boolean
assert(not nil == true and not false == true, "not nil/false")
assert(not 0 == false and not "" == false and not {} == false, "not of true values")
assert(not not nil == false and not not 1 == true, "double not")
assert(not id(nil) == true and not id(0) == false, "runtime not")
assert(type(not 1) == "boolean", "not gives boolean")
assert(not (0/0) == false, "NaN is true")

-- and/or return their operands, not booleans
do
  local t = {}
  assert((t and 1) == 1 and (1 and t) == t, "and returns the operand")
  assert((false or t) == t and (t or false) == t, "or returns the operand")
  assert((0 and "zero") == "zero", "0 is true")
  assert(("" or "x") == "", "empty string is true")
  assert((nil or false) == false and (false or nil) == nil, "last operand")
  assert((nil and false) == nil and (false and nil) == false, "first false operand")
end

-- short circuit
do
  local count = 0
  local function inc(v) count = count + 1; return v end
  local _ = inc(false) and inc(true)
  assert(count == 1, "and stops at false")
  _ = inc(1) or inc(2)
  assert(count == 2, "or stops at a true value")
  _ = inc(nil) or inc(false) or inc(3) or inc(4)
  assert(count == 5, "or chain stops at first true value")
  _ = inc(1) and inc(2) and inc(nil) and inc(4)
  assert(count == 8, "and chain stops at first false value")
  local ok = pcall(function() return nil and boom() end)
  assert(ok, "error not raised in skipped operand")
end

-- idioms
do
  local function default(x) return x or "dflt" end
  assert(default(nil) == "dflt" and default(false) == "dflt" and default(0) == 0, "x or default")
  local function ternary(c, a, b) return c and a or b end
  assert(ternary(true, 1, 2) == 1 and ternary(false, 1, 2) == 2, "c and a or b")
  assert(ternary(true, false, 2) == 2, "c and a or b fails when a is false (known pitfall)")
  local function max(a, b) return a > b and a or b end
  assert(max(3, 5) == 5 and max(5, 3) == 5, "max idiom")
end

-- precedence: not > and > or
assert((true or false and false) == true, "and binds tighter than or")
assert((not nil and 1) == 1, "not binds tighter than and")
assert((not 1 == 2) == false, "not binds tighter than ==: (not 1) == 2")
assert((nil or false and 1) == false, "nil or (false and 1)")
assert((1 or 2 and boom()) == 1, "short circuit with mixed")

-- in conditions
do
  local r = 0
  if id(nil) or id(1) then r = r + 1 end
  if id(1) and id(nil) then r = r + 10 end
  if not (id(1) and id(nil)) then r = r + 100 end
  while id(false) or r > 1000 do r = -1 end
  assert(r == 101, "logical operators in conditions")
  local x = id(5)
  if x > 3 and x < 10 then r = "in" else r = "out" end
  assert(r == "in", "range test")
  if x < 3 or x > 4 and x < 6 then r = "ok" end
  assert(r == "ok", "mixed condition")
end

-- values of comparisons combined with logical operators
do
  local a, b = id(1), id(2)
  assert((a < b and "lt" or "ge") == "lt", "comparison in and/or")
  assert((a == b) == false and (a ~= b) == true, "comparisons give booleans")
  local v = a < b or error("x")
  assert(v == true, "or with comparison result")
  local w = a > b and 1
  assert(w == false, "and with false comparison result")
end

-- multiple results are truncated by and/or
do
  local function two() return 1, 2 end
  assert(select("#", (two() or 0)) == 1, "or truncates")
  local t = {two() and two()}
  assert(#t == 1 and t[1] == 1, "and truncates")
  local u = {nil or two()}
  assert(#u == 1, "or with call as second operand truncates")
end

print("OK")
