-- Lua 5.4 manual §2.4: operator metamethods in depth (operand order, coercions,
-- __concat chains, __len, __unm, __eq, __lt/__le, __call, __tostring/__name,
-- __metatable, __close).
-- Self-checking: prints only "OK" on success.

local function rterr(src, expected)
  local f, cerr = load(src, "=t")
  assert(f, "should compile: " .. src .. ": " .. tostring(cerr))
  local ok, msg = pcall(f)
  assert(not ok, "should fail: " .. src)
  assert(msg == expected, "wrong message for [" .. src .. "]: " .. tostring(msg))
end

-- true when string s starts with prefix p (no string library: use ordering)
local function startswith(s, p)
  return s >= p and s < p .. "\255"
end

-- every binary arithmetic and bitwise event
local binary = {
  {"__add", function(a, b) return a + b end},
  {"__sub", function(a, b) return a - b end},
  {"__mul", function(a, b) return a * b end},
  {"__div", function(a, b) return a / b end},
  {"__mod", function(a, b) return a % b end},
  {"__pow", function(a, b) return a ^ b end},
  {"__idiv", function(a, b) return a // b end},
  {"__band", function(a, b) return a & b end},
  {"__bor", function(a, b) return a | b end},
  {"__bxor", function(a, b) return a ~ b end},
  {"__shl", function(a, b) return a << b end},
  {"__shr", function(a, b) return a >> b end},
  {"__concat", function(a, b) return a .. b end},
}

do
  for _, entry in ipairs(binary) do
    local event, op = entry[1], entry[2]
    local calls = {}
    local function handler(tag)
      return function(...)
        calls[#calls + 1] = {tag = tag, n = select("#", ...), ...}
        return tag
      end
    end
    local L = setmetatable({}, {[event] = handler("L")})
    local R = setmetatable({}, {[event] = handler("R")})
    local plain = setmetatable({}, {})

    -- table on the left
    assert(op(L, 2) == "L", event .. " left")
    local c = calls[#calls]
    assert(c.n == 2 and c[1] == L and c[2] == 2, event .. " arguments (L, 2)")
    -- table on the right: its metamethod, arguments in original order
    assert(op(3, R) == "R", event .. " right")
    c = calls[#calls]
    assert(c.n == 2 and c[1] == 3 and c[2] == R, event .. " arguments (3, R)")
    -- both have one: the left operand's wins
    assert(op(L, R) == "L" and op(R, L) == "R", event .. " left operand first")
    c = calls[#calls]
    assert(c[1] == R and c[2] == L, event .. " order kept")
    -- left has no metamethod (but a metatable): the right one is used
    assert(op(plain, R) == "R", event .. " plain left")
    c = calls[#calls]
    assert(c[1] == plain and c[2] == R, event .. " arguments (plain, R)")
    assert(op(L, plain) == "L", event .. " plain right")
    -- strings, floats, nil, booleans on the other side are passed unchanged
    assert(op("7", R) == "R" and calls[#calls][1] == "7", event .. " string operand")
    assert(op(R, 2.5) == "R" and calls[#calls][2] == 2.5, event .. " float operand")
    assert(op(nil, R) == "R" and calls[#calls][1] == nil and calls[#calls].n == 2, event .. " nil operand")
    assert(op(R, false) == "R" and calls[#calls][2] == false, event .. " boolean operand")
    -- only the first result is used
    local M = setmetatable({}, {[event] = function() return 1, 2, 3 end})
    local r1, r2 = op(M, M)
    assert(r1 == 1 and r2 == nil, event .. " one result")
    local N = setmetatable({}, {[event] = function() end})
    assert(op(N, 1) == nil, event .. " no result is nil")
  end
end

-- unary events: the operand is passed twice
do
  local got = {}
  local mt = {}
  for _, ev in ipairs({"__unm", "__bnot", "__len"}) do
    mt[ev] = function(...)
      got[ev] = {n = select("#", ...), ...}
      return ev
    end
  end
  local t = setmetatable({}, mt)
  assert(-t == "__unm" and ~t == "__bnot" and #t == "__len", "unary results")
  for _, ev in ipairs({"__unm", "__bnot", "__len"}) do
    assert(got[ev].n == 2 and got[ev][1] == t and got[ev][2] == t, ev .. " gets (t, t)")
  end
  -- __len may return any value; # of a table without __len is the border
  local weird = setmetatable({1, 2, 3}, {__len = function() return "three" end})
  assert(#weird == "three" and rawlen(weird) == 3, "__len any value")
  local nolen = setmetatable({1, 2}, {__index = function() return 1 end})
  assert(#nolen == 2, "# ignores __index")
  -- __len on a string is not consulted (strings have a built-in length)
  assert(#"abc" == 3, "string length")
end

-- number operations work before metamethods: numbers and numeric strings
do
  -- strings are converted by arithmetic (not by bitwise operators)
  assert("10" + 1 == 11 and "3" * "4" == 12 and "2" ^ 2 == 4.0, "numeric strings in arithmetic")
  assert("0x10" + 0 == 16 and " 5 " - 0 == 5 and -"2" == -2, "hex, spaces, unary minus")
  assert("7" // 2 == 3 and "7.0" // 2 == 3.0 and "1e1" * 1 == 10.0, "integer/float results")
  assert(tostring("10" + 1) == "11" and tostring("10.0" + 1) == "11.0", "subtype from the string")
  -- a numeric string against a table with a metamethod: the metamethod gets the string
  local seen
  local t = setmetatable({}, {__add = function(a, b) seen = {a, b}; return "meta" end,
                              __band = function(a, b) seen = {a, b}; return "band" end})
  assert("10" + t == "meta" and seen[1] == "10" and seen[2] == t, "string + table")
  assert(t + "10" == "meta" and seen[1] == t and seen[2] == "10", "table + string")
  assert("abc" + t == "meta" and seen[1] == "abc", "non-numeric string + table")
  assert("3" & t == "band" and seen[1] == "3", "string & table")
  assert(1.5 & t == "band" and seen[1] == 1.5, "non-integral float & table")
  assert(2^63 & t == "band" and seen[1] == 2^63, "out-of-range float & table")
end
-- arithmetic on non-numeric strings: the message names the event and both types
rterr("local s = 'abc' return s + 1", "t:1: attempt to add a 'string' with a 'number'")
rterr("local s = 'abc' return 1 - s", "t:1: attempt to sub a 'number' with a 'string'")
rterr("local s = 'abc' return s * 2", "t:1: attempt to mul a 'string' with a 'number'")
rterr("local s = 'abc' return s / 2", "t:1: attempt to div a 'string' with a 'number'")
rterr("local s = 'abc' return s % 2", "t:1: attempt to mod a 'string' with a 'number'")
rterr("local s = 'abc' return s ^ 2", "t:1: attempt to pow a 'string' with a 'number'")
rterr("local s = 'abc' return s // '1'", "t:1: attempt to idiv a 'string' with a 'string'")
rterr("local s = 'abc' return -s", "t:1: attempt to unm a 'string' with a 'string'")
rterr("return 'abc' + {}", "t:1: attempt to add a 'string' with a 'table'")
rterr("return {} + 'abc'", "t:1: attempt to add a 'table' with a 'string'")
rterr("return '10' + {}", "t:1: attempt to add a 'string' with a 'table'")
rterr("return '10' + setmetatable({}, {__name = 'X'})", "t:1: attempt to add a 'string' with a 'table'")
-- bitwise operators do not convert strings
rterr("local s = '10' return s | 1", "t:1: attempt to perform bitwise operation on a string value (local 's')")
rterr("return 1.5 | 1", "t:1: number has no integer representation")
rterr("local x = 2^63 return x & 1", "t:1: number (local 'x') has no integer representation")
-- no metamethod anywhere
rterr("local a, b = {}, {} return a + b", "t:1: attempt to perform arithmetic on a table value (local 'a')")
rterr("local a, b = 1, {} return a + b", "t:1: attempt to perform arithmetic on a table value (local 'b')")
rterr("local a = {} return a & 1", "t:1: attempt to perform bitwise operation on a table value (local 'a')")
rterr("local a = {} return ~a", "t:1: attempt to perform bitwise operation on a table value (local 'a')")
rterr("local a = {} return -a", "t:1: attempt to perform arithmetic on a table value (local 'a')")
rterr("local a = setmetatable({}, {__add = 1}) return a + 1", "t:1: attempt to call a number value (metamethod 'add')")

-- __name in error messages and in tostring
rterr("local t = setmetatable({}, {__name = 'MyType'}) return t + 1",
  "t:1: attempt to perform arithmetic on a MyType value (local 't')")
rterr("local t = setmetatable({}, {__name = 'MyType'}) return 1 + t",
  "t:1: attempt to perform arithmetic on a MyType value (local 't')")
rterr("local t = setmetatable({}, {__name = 'MyType'}) return t .. 'x'",
  "t:1: attempt to concatenate a MyType value (local 't')")
rterr("local t = setmetatable({}, {__name = 'MyType'}) return t < 1",
  "t:1: attempt to compare MyType with number")
rterr("local t = setmetatable({}, {__name = 'MyType'}) return t < t",
  "t:1: attempt to compare two MyType values")
rterr("local t = setmetatable({}, {__name = 'MyType'}) return t()",
  "t:1: attempt to call a MyType value (local 't')")
rterr("local t = setmetatable({}, {__name = 'MyType'}) return t & 1",
  "t:1: attempt to perform bitwise operation on a MyType value (local 't')")
rterr("local t = setmetatable({}, {__name = 'MyType'}) return -t",
  "t:1: attempt to perform arithmetic on a MyType value (local 't')")
rterr("return setmetatable({}, {__name = 'MyType'}) + 1", "t:1: attempt to perform arithmetic on a MyType value")
rterr("return setmetatable({}, {__name = 1}) + 1", "t:1: attempt to perform arithmetic on a table value")
rterr("return setmetatable({}, {__name = 'MyType'}) < setmetatable({}, {__name = 'Other'})",
  "t:1: attempt to compare MyType with Other")
rterr("return setmetatable({}, {__name = 'MyType'}) < {}", "t:1: attempt to compare MyType with table")
do
  local named = setmetatable({}, {__name = "MyType"})
  assert(startswith(tostring(named), "MyType: "), "tostring uses __name")
  assert(tostring(named) ~= "MyType: ", "followed by an address")
  assert(startswith(tostring(setmetatable({}, {__name = 1})), "table: "), "non-string __name ignored")
  assert(startswith(tostring({}), "table: "), "plain table")
  assert(startswith(tostring(print), "function: "), "functions")
  local both = setmetatable({}, {__name = "N", __tostring = function() return "S" end})
  assert(tostring(both) == "S", "__tostring wins over __name")
  -- # on a named table without __len is the raw length (no error)
  assert(#named == 0, "length of a named table")
end

-- __tostring
do
  local nargs
  local t = setmetatable({}, {__tostring = function(...) nargs = select("#", ...); return "obj" end})
  assert(tostring(t) == "obj" and nargs == 1, "__tostring gets one argument")
  -- a number result is accepted and converted to a string
  local n = tostring(setmetatable({}, {__tostring = function() return 42 end}))
  assert(n == "42", "number result converted")
  assert(tostring(setmetatable({}, {__tostring = function() return 4.0 end})) == "4.0", "float result")
  local ok, e = pcall(tostring, setmetatable({}, {__tostring = function() return nil end}))
  assert(not ok and e == "'__tostring' must return a string", "nil result")
  ok, e = pcall(tostring, setmetatable({}, {__tostring = function() end}))
  assert(not ok and e == "'__tostring' must return a string", "no result")
  ok, e = pcall(tostring, setmetatable({}, {__tostring = "x"}))
  assert(not ok and e == "attempt to call a string value", "non-callable __tostring: " .. tostring(e))
  -- callable table as __tostring
  local callable = setmetatable({}, {__call = function(self, obj) return "via call" end})
  assert(tostring(setmetatable({}, {__tostring = callable})) == "via call", "__tostring callable table")
  -- errors inside __tostring propagate
  ok, e = pcall(tostring, setmetatable({}, {__tostring = function() error("ts", 0) end}))
  assert(not ok and e == "ts", "error in __tostring")
  -- concatenation does not use __tostring
  rterr("local t = setmetatable({}, {__tostring = function() return 's' end}) return 'x' .. t",
    "t:1: attempt to concatenate a table value (local 't')")
end

-- __concat: numbers and strings on either side, chains
do
  local X, Y, Z
  local log = {}
  -- a handler that only uses VM operations (no function calls)
  local mt = {__concat = function(a, b)
    local sa = (a == X and "X") or (a == Y and "Y") or (a == Z and "Z") or a
    local sb = (b == X and "X") or (b == Y and "Y") or (b == Z and "Z") or b
    log[#log + 1] = sa .. "|" .. sb
    return sa .. sb
  end}
  X, Y, Z = setmetatable({}, mt), setmetatable({}, mt), setmetatable({}, mt)
  local function check(r, expected, calls)
    assert(r == expected, "concat result " .. tostring(r) .. " expected " .. expected)
    assert(#log == #calls, "number of __concat calls for " .. expected)
    for i = 1, #calls do
      assert(log[i] == calls[i], "call " .. i .. " for " .. expected .. ": " .. log[i])
    end
    log = {}
  end
  check(X .. "s", "Xs", {"X|s"})
  check("s" .. X, "sX", {"s|X"})
  check(X .. 1, "X1", {"X|1"})
  check(1.5 .. X, "1.5X", {"1.5|X"})
  check(X .. Y, "XY", {"X|Y"})
  -- concatenation is right associative; runs of strings/numbers are joined first
  check("a" .. "b" .. X, "abX", {"b|X"})
  check(X .. "a" .. "b", "Xab", {"X|ab"})
  check("a" .. X .. "b", "aXb", {"X|b"})
  check(X .. Y .. Z, "XYZ", {"Y|Z", "X|YZ"})
  check("a" .. X .. "b" .. Y .. "c", "aXbYc", {"Y|c", "X|bYc"})
  check(X .. 1 .. 2, "X12", {"X|12"})
  check(1 .. 2 .. X, "12X", {"2|X"})
  check(X .. (Y .. Z), "XYZ", {"Y|Z", "X|YZ"})
  check((X .. Y) .. Z, "XYZ", {"X|Y", "XY|Z"})
  -- the arguments are the original values: numbers are not converted to strings
  local seen
  local N = setmetatable({}, {__concat = function(a, b) seen = {a, b}; return "n" end})
  local _ = 2 .. N
  assert(seen[1] == 2 and type(seen[1]) == "number", "number operand kept as number")
  assert(tostring(seen[1]) == "2", "integer")
  _ = N .. 2.0
  assert(tostring(seen[2]) == "2.0", "float operand kept as float")
  _ = nil .. N
  assert(seen[1] == nil, "nil operand")
  _ = N .. true
  assert(seen[2] == true, "boolean operand")
  -- a handler result that is not a string continues the chain through metamethods
  local T = setmetatable({}, {__concat = function() return X end})
  check("a" .. T .. "b", "aX", {"a|X"})
end
rterr("local t = {} return t .. 'x'", "t:1: attempt to concatenate a table value (local 't')")
rterr("local t = {} return 'x' .. t", "t:1: attempt to concatenate a table value (local 't')")
rterr("local t = {} return 1 .. nil", "t:1: attempt to concatenate a nil value")
rterr("local t = {} return true .. 'x'", "t:1: attempt to concatenate a boolean value")
-- the handler result replaces the two operands; if the result cannot be concatenated
-- the error names the variable that held the original operand
rterr("local W = setmetatable({}, {__concat = function() return {} end}) return 'a' .. W .. 'b'",
  "t:1: attempt to concatenate a table value (local 'W')")

-- __eq
do
  local calls = 0
  local last
  local mt = {__eq = function(a, b, extra) calls = calls + 1; last = {a, b, extra}; return "truthy" end}
  local a, b = setmetatable({}, mt), setmetatable({}, mt)
  assert((a == b) == true and calls == 1 and last[1] == a and last[2] == b, "__eq (a, b), result true")
  assert((b == a) == true and last[1] == b and last[2] == a, "order of arguments")
  assert((a ~= b) == false and calls == 3, "~= negates")
  assert(a == a and calls == 3, "identical: not called")
  assert(rawequal(a, b) == false and calls == 3, "rawequal")
  assert(a ~= 1 and a ~= "a" and a ~= nil and a ~= true and calls == 3, "other types: not called")
  assert(a ~= print and calls == 3, "table and function: not called")
  -- results are converted to booleans
  local f = setmetatable({}, {__eq = function() return nil end})
  local g = setmetatable({}, {__eq = function() return 0 end})
  assert((f == {}) == false and (g == {}) == true, "nil -> false, 0 -> true")
  assert((f ~= {}) == true and (g ~= {}) == false, "negated conversions")
  -- the first operand's metamethod, else the second's
  local who
  local A = setmetatable({}, {__eq = function() who = "A"; return true end})
  local B = setmetatable({}, {__eq = function() who = "B"; return false end})
  assert(A == B and who == "A", "left first")
  assert(not (B == A) and who == "B", "left first (other side)")
  who = nil
  assert(({} == B) == false and who == "B", "right when the left has none")
  assert((setmetatable({}, {}) == A) and who == "A", "left has a metatable without __eq")
  -- functions are compared by reference even with metatables on tables
  local fn = function() end
  assert(fn == fn, "functions")
  -- __eq is not used for table keys
  local key = setmetatable({}, {__eq = function() return true end})
  local t = {[key] = 1}
  assert(t[setmetatable({}, getmetatable(key))] == nil, "keys are raw")
  -- an error in __eq propagates
  rterr("local m = {__eq = function() error('eq!', 0) end}\nreturn setmetatable({}, m) == setmetatable({}, m)",
    "eq!")
end

-- __lt and __le
do
  local log = {}
  local mt = {
    __lt = function(a, b) log[#log + 1] = {"lt", a, b}; return a.v < b.v end,
    __le = function(a, b) log[#log + 1] = {"le", a, b}; return a.v <= b.v end,
  }
  local one, two = setmetatable({v = 1}, mt), setmetatable({v = 2}, mt)
  assert(one < two and log[1][2] == one and log[1][3] == two, "a < b calls __lt(a, b)")
  assert(two > one and log[2][1] == "lt" and log[2][2] == one and log[2][3] == two, "a > b is b < a")
  assert(one <= two and log[3][1] == "le" and log[3][2] == one, "a <= b calls __le(a, b)")
  assert(two >= one and log[4][1] == "le" and log[4][2] == one and log[4][3] == two, "a >= b is b <= a")
  assert(not (two < one) and not (two <= one), "false results")
  -- not (a < b) is evaluated as a negation, not as b <= a
  log = {}
  assert(not (one < one) and #log == 1 and log[1][1] == "lt", "not uses __lt only")
  -- mixed operand types use whichever operand has the metamethod
  local m = setmetatable({}, {__lt = function(a, b) return a == 1 end, __le = function(a, b) return b == 1 end})
  assert((1 < m) == true and (m < 1) == false, "__lt with number")
  assert((m <= 1) == true and (1 <= m) == false, "__le with number")
  assert(("x" < m) == false and (m > "x") == false, "__lt with string")
  -- results converted to boolean
  local r = setmetatable({}, {__lt = function() return "yes" end, __le = function() return nil end})
  assert((r < r) == true and (r <= r) == false and (r > r) == true and (r >= r) == false, "boolean conversion")
  -- Without __le, Lua 5.4 (manual §8.1) no longer emulates a <= b with __lt;
  -- Debian's lua5.4 is built with the 5.3 compatibility fallback, so the case
  -- is left to Tycho's unit tests (tests/unit/SemanticsTest.cpp).
  -- __le alone does not give <
  local onlyle = setmetatable({}, {__le = function() return true end})
  assert(onlyle <= onlyle, "__le alone")
  rterr("local a = setmetatable({}, {__le = function() return true end}) return a < a",
    "t:1: attempt to compare two table values")
end
rterr("return {} < {}", "t:1: attempt to compare two table values")
rterr("return {} <= 1", "t:1: attempt to compare table with number")
rterr("return 1 < 'x'", "t:1: attempt to compare number with string")
rterr("return 'x' >= 1", "t:1: attempt to compare number with string")
rterr("return nil > 1", "t:1: attempt to compare number with nil")
rterr("return print < print", "t:1: attempt to compare two function values")
rterr("return true < false", "t:1: attempt to compare two boolean values")

-- __call
do
  local got
  local c = setmetatable({}, {__call = function(...) got = {n = select("#", ...), ...}; return ... end})
  local a, b, d = c(1, nil)
  assert(got.n == 3 and got[1] == c and got[2] == 1 and got[3] == nil, "self first, then arguments")
  assert(a == c and b == 1 and d == nil, "results returned")
  c()
  assert(got.n == 1, "no extra arguments")
  -- method call through __call: obj:m(x) passes (callable, obj, x)
  local obj = {}
  obj.m = c
  obj:m("x")
  assert(got.n == 3 and got[1] == c and got[2] == obj and got[3] == "x", "method call")
  -- chained __call: each level inserts itself
  local base = function(...) return select("#", ...), ... end
  local t = base
  for _ = 1, 10 do t = setmetatable({}, {__call = t}) end
  local n, first = t("arg")
  assert(n == 11 and first ~= "arg", "10 levels of callable tables add 10 arguments")
  local two = setmetatable({}, {__call = setmetatable({}, {__call = base})})
  local n2, x1, x2, x3 = two("arg")
  assert(n2 == 3 and x1 == getmetatable(two).__call and x2 == two and x3 == "arg", "order with two levels")
  local deep = base
  for _ = 1, 100 do deep = setmetatable({}, {__call = deep}) end
  assert(deep() == 100, "100 levels")
  -- callable tables in all call forms
  local v = setmetatable({}, {__call = function(_, x) return x * 2 end})
  assert(v(21) == 42 and ({v(1), v(2)})[2] == 4 and select("#", v(1)) == 1, "expression forms")
  local results = {pcall(v, 5)}
  assert(results[1] == true and results[2] == 10, "pcall of a callable table")
  -- tail calls through __call do not grow the stack
  local counter
  counter = setmetatable({}, {__call = function(self, k, acc)
    if k == 0 then return acc end
    return self(k - 1, acc + 1)
  end})
  assert(counter(100000, 0) == 100000, "tail-recursive callable table")
  local C
  local function f(k) if k == 0 then return "done" end return C(k - 1) end
  C = setmetatable({}, {__call = function(_, k) return f(k) end})
  assert(f(200000) == "done", "tail calls alternating functions and callable tables")
end
rterr("local t = setmetatable({}, {__call = 1}) return t()", "t:1: attempt to call a number value (local 't')")
rterr("local t = setmetatable({}, {}) t.x()", "t:1: attempt to call a nil value (field 'x')")

-- __metatable
do
  local mt = {__metatable = "protected", __index = {x = 1}}
  local t = setmetatable({}, mt)
  assert(getmetatable(t) == "protected" and t.x == 1, "getmetatable returns __metatable")
  local ok, e = pcall(setmetatable, t, {})
  assert(not ok and e == "cannot change a protected metatable", "setmetatable fails")
  ok, e = pcall(setmetatable, t, nil)
  assert(not ok and e == "cannot change a protected metatable", "removal fails")
  assert(getmetatable(t) == "protected", "metatable unchanged")
  -- the field is read raw at each call
  mt.__metatable = nil
  assert(getmetatable(t) == mt, "field removed: real metatable")
  assert(setmetatable(t, nil) == t and getmetatable(t) == nil, "and now changeable")
  -- __metatable via __index on the metatable is not seen
  local sneaky = setmetatable({}, {__index = {__metatable = "no"}})
  local s = setmetatable({}, sneaky)
  assert(getmetatable(s) == sneaky, "__metatable read raw")
  local f = setmetatable({}, {__metatable = false})
  assert(getmetatable(f) == false and not pcall(setmetatable, f, nil), "false protects")
end
rterr("local t = setmetatable({}, {__metatable = 0})\nsetmetatable(t, {})", "t:2: cannot change a protected metatable")

-- __close
do
  local log = {}
  local function closer(name)
    return setmetatable({}, {__close = function(o, e, extra)
      log[#log + 1] = {name = name, o = o, e = e, extra = extra}
    end})
  end
  do
    local a <close> = closer("a")
    local b <close> = closer("b")
    local c <const> = 1
  end
  assert(#log == 2 and log[1].name == "b" and log[2].name == "a", "closed in reverse order")
  assert(log[1].e == nil and log[1].extra == nil, "normal exit: error argument is nil")
  -- nil and false are allowed and ignored
  log = {}
  do
    local x <close> = nil
    local y <close> = false
    local z <close> = closer("z")
  end
  assert(#log == 1 and log[1].name == "z", "nil/false ignored")
  -- on error: value and the error object; the error continues
  log = {}
  local errobj = {}
  local ok, e = pcall(function()
    local a <close> = closer("a")
    error(errobj)
  end)
  assert(not ok and e == errobj and log[1].e == errobj, "error object passed to __close")
  -- an error inside __close replaces the error and is passed to the next closers
  log = {}
  ok, e = pcall(function()
    local a <close> = closer("a")
    local b <close> = setmetatable({}, {__close = function(_, err)
      log[#log + 1] = {name = "b", e = err}
      error("from b", 0)
    end})
    error("body", 0)
  end)
  assert(not ok and e == "from b", "the error of __close wins")
  assert(log[1].name == "b" and log[1].e == "body" and log[2].name == "a" and log[2].e == "from b",
    "the next closer sees the new error")
  -- an error in __close on normal exit becomes the error
  ok, e = pcall(function()
    local a <close> = setmetatable({}, {__close = function() error("close failed", 0) end})
    return "never"
  end)
  assert(not ok and e == "close failed", "error on normal exit")
  -- return values are computed before closing and are not affected
  local v = 1
  local function ret()
    local a <close> = setmetatable({}, {__close = function() v = 2 end})
    return v, "x"
  end
  local r1, r2 = ret()
  assert(r1 == 1 and r2 == "x" and v == 2, "return values kept")
  -- break, goto and loops
  log = {}
  for i = 1, 3 do
    local c <close> = closer("loop" .. i)
    if i == 2 then break end
  end
  assert(#log == 2 and log[1].name == "loop1" and log[2].name == "loop2", "closed on each iteration and on break")
  log = {}
  do
    local i = 0
    ::again::
    do
      local c <close> = closer("g" .. i)
      i = i + 1
      if i < 3 then goto again end
    end
  end
  assert(#log == 3 and log[3].name == "g2", "goto leaving the block closes")
  -- the metamethod is looked up at closing time
  log = {}
  do
    local o <close> = setmetatable({}, {__close = function() log[#log + 1] = "first" end})
    getmetatable(o).__close = function() log[#log + 1] = "second" end
  end
  assert(#log == 1 and log[1] == "second", "metamethod read when closing")
  -- generic for closes its fourth value
  log = {}
  local function iter(s, c) if c < 3 then return c + 1 end end
  for i in iter, nil, 0, closer("for") do
    if i == 2 then break end
  end
  assert(#log == 1 and log[1].name == "for" and log[1].e == nil, "generic for closing value on break")
  log = {}
  for _ in iter, nil, 0, closer("for2") do end
  assert(#log == 1 and log[1].name == "for2", "generic for closing value at the end")
end
rterr("local t <close> = 1", "t:1: variable 't' got a non-closable value")
rterr("local t <close> = {}", "t:1: variable 't' got a non-closable value")
rterr("local a\nlocal t <close> = setmetatable({}, {__name = 'MyType'})", "t:2: variable 't' got a non-closable value")
rterr("local x <close> = setmetatable({}, {__close = 1}) return 'ok'",
  "t:1: attempt to call a number value (metamethod 'close')")
rterr("do local x <close> = setmetatable({}, {__close = function() end})\ngetmetatable(x).__close = nil\nend",
  "t:2: attempt to call a nil value (metamethod 'close')")

print("OK")
