-- Lua 5.4 manual §6.7 Mathematical Functions.
-- Self-checking: prints only "OK" on success. No test depends on the exact
-- values of the pseudo-random generator.

local function pack(...) return {n = select("#", ...), ...} end

-- v is exactly `want`: same subtype (integer or float), same value, and
-- for floats the same sign of zero; NaN matches NaN.
local function same(v, want)
  if math.type(v) ~= math.type(want) then return false end
  if want ~= want then return v ~= v end
  if want == 0 and math.type(want) == "float" then return 1 / v == 1 / want end
  return v == want
end

local function check(v, want, what)
  assert(same(v, want), what .. ": got " .. tostring(v) .. " (" .. tostring(math.type(v)) ..
    "), want " .. tostring(want) .. " (" .. tostring(math.type(want)) .. ")")
end

local function rterr(src, expected)
  local f, cerr = load(src, "=t")
  assert(f, "should compile: " .. src .. ": " .. tostring(cerr))
  local ok, msg = pcall(f)
  assert(not ok, "should fail: " .. src)
  assert(msg == expected, "wrong message for [" .. src .. "]: " .. tostring(msg))
end

local maxi, mini = math.maxinteger, math.mininteger
local inf, nan = 1 / 0, 0 / 0

-- the library lists exactly the names of §6.7 (Lua 5.4 without the 5.3
-- compatibility functions, which Debian's lua5.4 keeps)
do
  local names = {}
  for k in pairs(math) do names[#names + 1] = k end
  table.sort(names)
  local want = "abs acos asin atan ceil cos deg exp floor fmod huge " ..
    "log max maxinteger min mininteger modf pi rad random randomseed sin " ..
    "sqrt tan tointeger type ult"
  assert(table.concat(names, " ") == want, "math names: " .. table.concat(names, " "))
end

-- constants
check(math.pi, 3.141592653589793, "pi")
check(math.huge, inf, "huge")
assert(math.huge > 1e308 and -math.huge < -1e308, "huge is infinite")
check(maxi, 9223372036854775807, "maxinteger")
check(mini, -9223372036854775807 - 1, "mininteger")
assert(maxi + 1 == mini and mini - 1 == maxi, "integer wrap-around")

-- abs
check(math.abs(-3), 3, "abs integer")
check(math.abs(3), 3, "abs positive integer")
check(math.abs(-3.5), 3.5, "abs float")
check(math.abs(-0.0), 0.0, "abs -0.0")
check(math.abs(mini), mini, "abs mininteger wraps")
check(math.abs(mini + 0.0), 2.0 ^ 63, "abs float mininteger")
check(math.abs("-3"), 3.0, "abs of a string is a float")
check(math.abs(-inf), inf, "abs -inf")
rterr("math.abs()", "t:1: bad argument #1 to 'abs' (number expected, got no value)")
rterr("math.abs('x')", "t:1: bad argument #1 to 'abs' (number expected, got string)")
rterr("local m = math; m.abs({})", "t:1: bad argument #1 to 'abs' (number expected, got table)")

-- floor and ceil: integers when the result fits
check(math.floor(3), 3, "floor integer")
check(math.floor(3.7), 3, "floor float")
check(math.floor(-3.5), -4, "floor negative")
check(math.floor(-0.0), 0, "floor -0.0")
check(math.floor("3.7"), 3, "floor string")
check(math.floor(1e100), 1e100, "floor of a huge float stays a float")
check(math.floor(-2.0 ^ 63), mini, "floor -2^63")
check(math.floor(2.0 ^ 63), 2.0 ^ 63, "floor 2^63 stays a float")
check(math.floor(inf), inf, "floor inf")
check(math.floor(nan), nan, "floor nan")
check(math.ceil(3), 3, "ceil integer")
check(math.ceil(3.2), 4, "ceil float")
check(math.ceil(-3.5), -3, "ceil negative")
check(math.ceil(-0.5), 0, "ceil -0.5")
check(math.ceil(2.0 ^ 63 - 1024), 9223372036854774784, "ceil near the top")
check(math.ceil(2.0 ^ 63), 2.0 ^ 63, "ceil 2^63")
check(math.ceil(-inf), -inf, "ceil -inf")
rterr("math.floor('x')", "t:1: bad argument #1 to 'floor' (number expected, got string)")
rterr("math.ceil()", "t:1: bad argument #1 to 'ceil' (number expected, got no value)")

-- fmod: C's truncated remainder; integers stay integers
check(math.fmod(7, 3), 1, "fmod")
check(math.fmod(-7, 3), -1, "fmod negative dividend")
check(math.fmod(7, -3), 1, "fmod negative divisor")
check(math.fmod(-6, 4), -2, "fmod -6 4")
check(math.fmod(mini, -1), 0, "fmod mininteger -1")
check(math.fmod(5, -1), 0, "fmod by -1")
check(math.fmod(mini, maxi), -1, "fmod mininteger maxinteger")
check(math.fmod(0, 5), 0, "fmod 0")
check(math.fmod(5.5, 2), 1.5, "fmod float")
check(math.fmod(-6.0, 4), -2.0, "fmod negative float")
check(math.fmod(7, 3.0), 1.0, "fmod mixed")
check(math.fmod("7", "3"), 1.0, "fmod strings are floats")
check(math.fmod(1, inf), 1.0, "fmod by inf")
check(math.fmod(1, 0.0), nan, "fmod by 0.0")
check(math.fmod(inf, 1), nan, "fmod inf")
rterr("math.fmod(1, 0)", "t:1: bad argument #2 to 'fmod' (zero)")
rterr("math.fmod(1)", "t:1: bad argument #2 to 'fmod' (number expected, got no value)")
rterr("math.fmod(nil, 1)", "t:1: bad argument #1 to 'fmod' (number expected, got nil)")

-- modf
do
  local function modf(x, ip, fp)
    local a, b = math.modf(x)
    check(a, ip, "modf(" .. tostring(x) .. ") integral part")
    check(b, fp, "modf(" .. tostring(x) .. ") fractional part")
  end
  modf(3.5, 3, 0.5)
  modf(-3.5, -3, -0.5)
  modf(5, 5, 0.0)
  modf(mini, mini, 0.0)
  modf(-0.5, 0, -0.5)
  modf(1e300, 1e300, 0.0)
  modf(inf, inf, 0.0)
  modf(-inf, -inf, 0.0)
  modf("3", 3, 0.0)
  modf("3.25", 3, 0.25)
  local a, b = math.modf(nan)
  assert(a ~= a and b ~= b, "modf nan")
  rterr("math.modf()", "t:1: bad argument #1 to 'modf' (number expected, got no value)")
end

-- sqrt, exp, log
check(math.sqrt(4), 2.0, "sqrt")
check(math.sqrt("9"), 3.0, "sqrt string")
check(math.sqrt(inf), inf, "sqrt inf")
assert(math.sqrt(-1) ~= math.sqrt(-1), "sqrt -1 is nan")
check(math.exp(0), 1.0, "exp 0")
check(math.exp(-inf), 0.0, "exp -inf")
check(math.log(1), 0.0, "log 1")
check(math.log(0), -inf, "log 0")
assert(math.log(-1) ~= math.log(-1), "log -1 is nan")
check(math.log(8, 2), 3.0, "log base 2")
check(math.log(2 ^ 50, 2), 50.0, "log base 2 is exact")
check(math.log(1000, 10), 3.0, "log base 10")
check(math.log(1e15, 10), 15.0, "log base 10 is exact")
assert(math.abs(math.log(27, 3) - 3) < 1e-12, "log base 3")
assert(math.abs(math.log(math.exp(2)) - 2) < 1e-15, "log e")
check(math.log(8, nil), math.log(8), "log with nil base")
rterr("math.log()", "t:1: bad argument #1 to 'log' (number expected, got no value)")
rterr("math.log(2, 'x')", "t:1: bad argument #2 to 'log' (number expected, got string)")
rterr("math.sqrt()", "t:1: bad argument #1 to 'sqrt' (number expected, got no value)")
rterr("math.exp({})", "t:1: bad argument #1 to 'exp' (number expected, got table)")

-- trigonometry
check(math.sin(0), 0.0, "sin 0")
check(math.cos(0), 1.0, "cos 0")
check(math.tan(0), 0.0, "tan 0")
check(math.asin(1), math.pi / 2, "asin 1")
check(math.acos(1), 0.0, "acos 1")
check(math.atan(1, 0), math.pi / 2, "atan two arguments")
check(math.atan(0, -1), math.pi, "atan second quadrant")
check(math.atan(-0.0, -1), -math.pi, "atan -0.0")
check(math.atan(1), math.pi / 4, "atan one argument")
check(math.atan(1, nil), math.pi / 4, "atan nil x")
check(math.atan(-1, -1), -3 * math.pi / 4, "atan third quadrant")
assert(math.abs(math.sin(math.pi / 6) - 0.5) < 1e-15, "sin pi/6")
assert(math.abs(math.cos(math.pi / 3) - 0.5) < 1e-15, "cos pi/3")
assert(math.asin(2) ~= math.asin(2), "asin out of domain")
rterr("math.sin('x')", "t:1: bad argument #1 to 'sin' (number expected, got string)")
rterr("math.cos()", "t:1: bad argument #1 to 'cos' (number expected, got no value)")
rterr("math.atan(1, {})", "t:1: bad argument #2 to 'atan' (number expected, got table)")

-- degrees and radians
check(math.deg(math.pi), 180.0, "deg")
check(math.rad(180), math.pi, "rad")

-- tointeger
check(math.tointeger(3), 3, "tointeger integer")
check(math.tointeger(3.0), 3, "tointeger integral float")
check(math.tointeger(-0.0), 0, "tointeger -0.0")
check(math.tointeger(2 ^ 53), 9007199254740992, "tointeger 2^53")
check(math.tointeger(-2 ^ 63), mini, "tointeger -2^63")
assert(math.tointeger(2 ^ 63) == nil, "tointeger 2^63")
assert(math.tointeger(3.5) == nil, "tointeger fraction")
assert(math.tointeger(inf) == nil and math.tointeger(nan) == nil, "tointeger inf, nan")
check(math.tointeger("3"), 3, "tointeger numeric string")
check(math.tointeger("3.0"), 3, "tointeger float string")
check(math.tointeger(" 0x10 "), 16, "tointeger hexadecimal string")
assert(math.tointeger("3.5") == nil and math.tointeger("x") == nil, "tointeger bad strings")
assert(math.tointeger({}) == nil and math.tointeger(nil) == nil, "tointeger non-numbers")
assert(select("#", math.tointeger(nil)) == 1, "tointeger(nil) gives one fail value")
rterr("math.tointeger()", "t:1: bad argument #1 to 'tointeger' (value expected)")

-- type
assert(math.type(1) == "integer" and math.type(1.0) == "float", "type")
assert(math.type(mini) == "integer" and math.type(nan) == "float", "type edges")
assert(math.type("1") == nil and math.type({}) == nil and math.type(nil) == nil, "type of non-numbers")
rterr("math.type()", "t:1: bad argument #1 to 'type' (value expected)")

-- ult
assert(math.ult(1, 2) and not math.ult(2, 1) and not math.ult(2, 2), "ult")
assert(math.ult(1, -1) and not math.ult(-1, 1), "ult negatives are large")
assert(math.ult(maxi, mini), "ult maxinteger < mininteger")
assert(math.ult(2.0, 3), "ult integral floats")
rterr("math.ult(1.5, 2)", "t:1: bad argument #1 to 'ult' (number has no integer representation)")
rterr("math.ult(1)", "t:1: bad argument #2 to 'ult' (number expected, got no value)")

-- max and min keep the argument (and its subtype)
check(math.max(3), 3, "max one")
check(math.max(1, 2.0), 2.0, "max float")
check(math.max(2.0, 1), 2.0, "max float first")
check(math.max(2, 2.0), 2, "max keeps the first of equals")
check(math.max(2.0, 2), 2.0, "max keeps the first of equals (float)")
check(math.max(5, 3, 9, 1), 9, "max many")
check(math.max(mini, maxi, 0), maxi, "max extremes")
check(math.max(maxi, 2.0 ^ 63), 2.0 ^ 63, "max exact integer/float comparison")
check(math.max(1, nan), 1, "max with a nan second")
check(math.max(-inf, inf), inf, "max infinities")
check(math.min(5, 3, 4, 1, 2), 1, "min many")
check(math.min(2, 2.0), 2, "min keeps the first of equals")
check(math.min(-0.0, 0.0), -0.0, "min of zeros")
check(math.min(maxi, maxi + 0.0), maxi, "min integer/float")
assert(math.max("a", "b") == "b" and math.min("a", "b") == "a", "max/min compare strings")
assert(math.max("x") == "x", "max of one value of any type")
do
  local mt = {__lt = function(a, b) return a.v < b.v end}
  local a, b = setmetatable({v = 1}, mt), setmetatable({v = 2}, mt)
  assert(math.max(a, b) == b and math.min(a, b) == a, "max/min use __lt")
end
rterr("math.max()", "t:1: bad argument #1 to 'max' (value expected)")
rterr("math.min()", "t:1: bad argument #1 to 'min' (value expected)")
rterr("math.max(1, '2')", "attempt to compare number with string")
rterr("math.min(1, '2')", "attempt to compare string with number")
rterr("math.max({}, {})", "attempt to compare two table values")

-- random
do
  for _ = 1, 1000 do
    local r = math.random()
    assert(math.type(r) == "float" and r >= 0 and r < 1, "random() in [0, 1)")
  end
  local seen = {}
  for _ = 1, 1000 do
    local r = math.random(6)
    assert(math.type(r) == "integer" and r >= 1 and r <= 6, "random(6)")
    seen[r] = true
  end
  for i = 1, 6 do assert(seen[i], "random(6) gives every value") end
  seen = {}
  for _ = 1, 1000 do
    local r = math.random(-3, 3)
    assert(r >= -3 and r <= 3, "random(-3, 3)")
    seen[r] = true
  end
  for i = -3, 3 do assert(seen[i], "random(-3, 3) gives every value") end
  for _ = 1, 100 do
    local r = math.random(maxi - 2, maxi)
    assert(r >= maxi - 2, "random near maxinteger")
    r = math.random(mini, mini + 2)
    assert(r <= mini + 2, "random near mininteger")
    r = math.random(1, maxi)
    assert(r >= 1, "random(1, maxinteger)")
    assert(math.type(math.random(mini, maxi)) == "integer", "random over the whole range")
    assert(math.type(math.random(0)) == "integer", "random(0)")
    r = math.random(2 ^ 40)
    assert(r >= 1 and r <= 2 ^ 40, "random with an integral float")
  end
  assert(math.random(3, 3) == 3 and math.random(1) == 1, "one-value intervals")
  assert(math.random(mini, mini) == mini and math.random(maxi, maxi) == maxi, "one-value intervals at the edges")
  assert(math.random("2", "2") == 2, "random with strings")
  -- random(0) uses all 64 bits: signs differ somewhere in 200 draws
  local neg, pos = false, false
  for _ = 1, 200 do
    local r = math.random(0)
    if r < 0 then neg = true else pos = true end
  end
  assert(neg and pos, "random(0) gives negative and positive integers")
end
rterr("math.random(1, 2, 3)", "t:1: wrong number of arguments")
rterr("math.random(2, 1)", "t:1: bad argument #1 to 'random' (interval is empty)")
rterr("math.random(-5)", "t:1: bad argument #1 to 'random' (interval is empty)")
rterr("math.random(math.maxinteger, math.mininteger)", "t:1: bad argument #1 to 'random' (interval is empty)")
rterr("math.random(0.5)", "t:1: bad argument #1 to 'random' (number has no integer representation)")
rterr("math.random(1, 2.5)", "t:1: bad argument #2 to 'random' (number has no integer representation)")
rterr("math.random('x')", "t:1: bad argument #1 to 'random' (number expected, got string)")
rterr("math.random(2 ^ 63)", "t:1: bad argument #1 to 'random' (number has no integer representation)")

-- randomseed: the same seed gives the same sequence
do
  local function draw()
    local t = {}
    for i = 1, 20 do t[i] = math.random(0) end
    t[21] = math.random()
    t[22] = math.random(1000)
    return t
  end
  local a1, a2 = math.randomseed(42)
  check(a1, 42, "randomseed returns its first seed")
  check(a2, 0, "randomseed returns its second seed")
  local s1 = draw()
  math.randomseed(42)
  local s2 = draw()
  math.randomseed(43)
  local s3 = draw()
  math.randomseed(42, 0)
  local s4 = draw()
  math.randomseed(42, 1)
  local s5 = draw()
  local differs3, differs5 = false, false
  for i = 1, #s1 do
    assert(s1[i] == s2[i] and s1[i] == s4[i], "randomseed(42) repeats its sequence")
    if s1[i] ~= s3[i] then differs3 = true end
    if s1[i] ~= s5[i] then differs5 = true end
  end
  assert(differs3 and differs5, "other seeds give other sequences")
  local b1, b2 = math.randomseed(-7, 9)
  check(b1, -7, "randomseed two seeds (first)")
  check(b2, 9, "randomseed two seeds (second)")
  b1, b2 = math.randomseed("5")
  check(b1, 5, "randomseed with a string")
  check(b2, 0, "randomseed with a string (second)")
  b1, b2 = math.randomseed(3.0)
  check(b1, 3, "randomseed with an integral float")
  local r = pack(math.randomseed())
  assert(r.n == 2 and math.type(r[1]) == "integer" and math.type(r[2]) == "integer",
    "randomseed() returns its two random seeds")
  -- seeding with zeros still gives a working generator
  math.randomseed(0)
  local zeros = 0
  for _ = 1, 10 do if math.random(0) == 0 then zeros = zeros + 1 end end
  assert(zeros < 10, "seed 0 works")
end
rterr("math.randomseed(1.5)", "t:1: bad argument #1 to 'randomseed' (number has no integer representation)")
rterr("math.randomseed({})", "t:1: bad argument #1 to 'randomseed' (number expected, got table)")
rterr("math.randomseed(1, 'x')", "t:1: bad argument #2 to 'randomseed' (number expected, got string)")
rterr("math.randomseed(nil)", "t:1: bad argument #1 to 'randomseed' (number expected, got nil)")

-- errors name the function as it was called
rterr("local floor = math.floor; floor('x')", "t:1: bad argument #1 to 'floor' (number expected, got string)")
rterr("local m = {f = math.sqrt}; m.f(nil)", "t:1: bad argument #1 to 'f' (number expected, got nil)")

print("OK")
