-- Lua 5.4 manual §3.4.7 The Length Operator
-- Self-checking: prints only "OK" on success.
-- Only tables with a single border (sequences) are checked, where # is well defined.

local function rterr(src, expected)
  local f, cerr = load(src, "=t")
  assert(f, "should compile: " .. src .. ": " .. tostring(cerr))
  local ok, msg = pcall(f)
  assert(not ok, "should fail: " .. src)
  assert(msg == expected, "wrong message for [" .. src .. "]: " .. tostring(msg))
end
local function id(...) return ... end

-- strings: number of bytes
assert(#"" == 0 and #"a" == 1 and #"abc" == 3, "short strings")
assert(#"a\0b" == 3 and #"\0" == 1 and #"\0\0\0\0" == 4, "embedded zeros count")
assert(#"\u{e9}" == 2 and #"\u{10FFFF}" == 4, "multi-byte characters count bytes")
assert(#id("hello") == 5, "runtime string")
do
  local s = "0123456789"
  for _ = 1, 10 do s = s .. s end
  assert(#s == 10240, "long string")
  assert(#(s .. "x") == 10241, "length of a concatenation")
end
assert(#"\z
       abc" == 3, "\\z does not count")
assert(#[[
x]] == 1, "first newline of long string does not count")

-- sequences
assert(#{} == 0, "empty table")
assert(#{1, 2, 3} == 3, "constructor")
assert(#{10, 20, 30, 40, 50} == 5, "manual example sequence")
assert(#{nil} == 0, "{nil}")
assert(#{n = 1} == 0, "only non-integer keys")
assert(#{1, 2, 3, nil} == 3, "trailing nil")
assert(#{1, 2, x = 1, y = 2} == 2, "non-integer keys do not interfere")
assert(#{[1] = "a", [2] = "b"} == 2, "explicit keys")
assert(#{[0] = "z", "a"} == 1, "key 0 does not count")
assert(#{[-1] = "z", [1.5] = "h", "a", "b"} == 2, "negative and fractional keys do not count")
assert(#{nil, nil, nil} == 0, "only nils")
assert(#{id(1, 2, 3)} == 3, "constructor with multiple results")
assert(#{id()} == 0, "constructor with no results")
do
  local t = {}
  for i = 1, 1000 do t[#t + 1] = i end
  assert(#t == 1000 and t[1000] == 1000, "append with #t + 1")
  for i = 1000, 501, -1 do t[i] = nil; assert(#t == i - 1, "remove from the end") end
  assert(#t == 500, "after removals")
  t[501] = "x"
  assert(#t == 501, "append again")
end
do
  local t = {}
  for i = 100, 1, -1 do t[i] = i end
  assert(#t == 100, "filled in reverse order")
  local u = {}
  u[1.0] = "a"; u[2.0] = "b"; u[3] = "c"
  assert(#u == 3, "float keys are normalised")
  local v = {}
  v["1"] = 1; v["2"] = 2
  assert(#v == 0, "string keys do not count")
  local w = {1, 2, 3}
  w[3] = nil
  assert(#w == 2, "shrinks when the last element is removed")
  w[1] = nil; w[2] = nil
  assert(#w == 0, "empty again")
  local x = {n = 1, m = 2}
  x[1] = "a"
  assert(#x == 1, "integer key added to a hash table")
end
do
  local t = {}
  for i = 1, 64 do t[i] = true end
  for i = 64, 1, -1 do assert(#t == i, "shrinking " .. i); t[i] = nil end
  assert(#t == 0, "fully shrunk")
end
do
  -- false values count as present
  local t = {false, false, false}
  assert(#t == 3, "false is a value")
end

-- __len metamethod
do
  local calls = 0
  local arg1
  local t = setmetatable({1, 2, 3}, {__len = function(self) calls = calls + 1; arg1 = self; return 42 end})
  assert(#t == 42 and calls == 1 and arg1 == t, "__len result and argument")
  assert(rawlen(t) == 3, "rawlen ignores __len")
  local u = setmetatable({}, {__len = function() return "not a number" end})
  assert(#u == "not a number", "__len result can be anything")
  local v = setmetatable({}, {__len = function() return 1, 2 end})
  assert(select("#", #v) == 1, "__len result truncated to one value")
  local w = setmetatable({1}, {__len = function() return nil end})
  assert(#w == nil, "__len can return nil")
  local x = setmetatable({1, 2}, {__index = function() return 1 end})
  assert(#x == 2, "__index does not affect the length")
  local y = setmetatable({}, {})
  assert(#y == 0, "metatable without __len")
end
assert(rawlen({1, 2}) == 2 and rawlen("abc") == 3, "rawlen on tables and strings")

-- errors
rterr("local function f() return nil end return #f()", "t:1: attempt to get length of a nil value")
rterr("local function f() return 1 end return #f()", "t:1: attempt to get length of a number value")
rterr("local function f() return true end return #f()", "t:1: attempt to get length of a boolean value")
rterr("local function f() return print end return #f()", "t:1: attempt to get length of a function value")
rterr("return #1", "t:1: attempt to get length of a number value")
rterr("return #nil", "t:1: attempt to get length of a nil value")

-- precedence: # binds tighter than binary operators, looser than ^
assert(#"abc" + 1 == 4, "# before +")
assert(#"ab" .. "c" == "2c", "# before ..")
assert(-#"abc" == -3, "unary operators nest")
assert(#{1, 2} == 2 and #{1, 2} * 2 == 4, "# in arithmetic")

print("OK")
