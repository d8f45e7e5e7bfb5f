-- Lua 5.4 manual §3.4.8 Precedence
-- Self-checking: prints only "OK" on success.

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

-- Objects whose metamethods build the parse tree as a fully parenthesised string.
local mt = {}
local function node(s) return setmetatable({s = s}, mt) end
local function S(x) if type(x) == "table" then return x.s end return tostring(x) end
local function bin(op) return function(x, y) return node("(" .. S(x) .. op .. S(y) .. ")") end end
mt.__add, mt.__sub, mt.__mul, mt.__div = bin("+"), bin("-"), bin("*"), bin("/")
mt.__mod, mt.__pow, mt.__idiv = bin("%"), bin("^"), bin("//")
mt.__band, mt.__bor, mt.__bxor = bin("&"), bin("|"), bin("~")
mt.__shl, mt.__shr, mt.__concat = bin("<<"), bin(">>"), bin("..")
mt.__unm = function(x) return node("(-" .. S(x) .. ")") end
mt.__bnot = function(x) return node("(~" .. S(x) .. ")") end
mt.__len = function(x) return node("(#" .. S(x) .. ")") end

local env = {}
for _, n in ipairs({"a", "b", "c", "d", "e", "f", "g", "h", "i"}) do env[n] = node(n) end
local function tree(expr)
  local f, e = load("return " .. expr, "=tree", "t", env)
  assert(f, e)
  return S(f())
end
local function T(expr, expected)
  local got = tree(expr)
  assert(got == expected, expr .. " parsed as " .. got .. ", expected " .. expected)
end

-- binary operator levels, each against its neighbours
T("a + b * c", "(a+(b*c))")
T("a * b + c", "((a*b)+c)")
T("a - b / c", "(a-(b/c))")
T("a // b - c", "((a//b)-c)")
T("a % b + c", "((a%b)+c)")
T("a + b .. c", "((a+b)..c)")
T("a .. b + c", "(a..(b+c))")
T("a - b .. c - d", "((a-b)..(c-d))")
T("a << b .. c", "(a<<(b..c))")
T("a .. b << c", "((a..b)<<c)")
T("a >> b + c", "(a>>(b+c))")
T("a & b << c", "(a&(b<<c))")
T("a << b & c", "((a<<b)&c)")
T("a ~ b & c", "(a~(b&c))")
T("a & b ~ c", "((a&b)~c)")
T("a | b ~ c", "(a|(b~c))")
T("a ~ b | c", "((a~b)|c)")
T("a ^ b * c", "((a^b)*c)")
T("a * b ^ c", "(a*(b^c))")
T("a | b ~ c & d << e .. f + g * h ^ i", "(a|(b~(c&(d<<(e..(f+(g*(h^i))))))))")
T("a ^ b * c + d .. e << f & g ~ h | i", "((((((((a^b)*c)+d)..e)<<f)&g)~h)|i)")

-- associativity: .. and ^ are right associative, all others left associative
T("a ^ b ^ c", "(a^(b^c))")
T("a .. b .. c", "(a..(b..c))")
T("a - b - c", "((a-b)-c)")
T("a + b - c + d", "(((a+b)-c)+d)")
T("a / b / c", "((a/b)/c)")
T("a // b // c", "((a//b)//c)")
T("a % b % c", "((a%b)%c)")
T("a * b / c // d % e", "((((a*b)/c)//d)%e)")
T("a << b >> c", "((a<<b)>>c)")
T("a & b & c", "((a&b)&c)")
T("a | b | c", "((a|b)|c)")
T("a ~ b ~ c", "((a~b)~c)")

-- unary operators: above all binary operators except ^
T("-a ^ b", "(-(a^b))")
T("a ^ -b", "(a^(-b))")
T("-a ^ -b ^ c", "(-(a^(-(b^c))))")
T("-a * b", "((-a)*b)")
T("~a & b", "((~a)&b)")
T("a ~ ~b", "(a~(~b))")
T("~a ^ b", "(~(a^b))")
T("#a + b", "((#a)+b)")
T("#a ^ b", "(#(a^b))")
T("- - a", "(-(-a))")
T("- ~ - a", "(-(~(-a)))")
T("a + -b", "(a+(-b))")
T("a - -b", "(a-(-b))")
T("a % -b ^ c", "(a%(-(b^c)))")
T("-a .. b", "((-a)..b)")
T("(a + b) * c", "((a+b)*c)")
T("a * (b + c)", "(a*(b+c))")
T("(a .. b) .. c", "((a..b)..c)")
T("(a ^ b) ^ c", "((a^b)^c)")

-- the same rules with numbers (also exercised by constant folding)
assert(same(2 ^ 3 ^ 2, 512.0), "2^3^2")
assert(same(-2 ^ 2, -4.0), "-2^2")
assert(same(2 ^ -1, 0.5) and same(-2 ^ -2, -0.25), "unary minus in the exponent")
assert(same(1 + 2 * 3 - 4 / 2, 5.0), "1+2*3-4/2")
assert(same(7 // 2 * 2, 6) and same(2 * 7 // 2, 7), "left associative * and //")
assert(same(10 - 5 - 2, 3) and same(64 / 4 / 2, 8.0) and same(100 // 10 // 3, 3) and same(17 % 10 % 4, 3), "left assoc")
assert(same(1 << 2 + 1, 8), "shift below +")
assert(same(1 | 2 ~ 3 & 4, 3), "| below ~ below &")
assert(same(6 & 3 ~ 1, 3) and same(5 ~ 1 | 2, 6), "& above ~ above |")
assert(same(1 << 3 >> 1, 4), "shifts left associative")
assert("1" .. 2 + 3 == "15", ".. below +")
assert(1 .. 2 .. 3 == "123", "concat chain")
assert(same(- - 2, 2) and same(~ ~ 5, 5), "stacked unary")
assert(same(-3 % 5, 2) and same(-(3 % 5), -3), "unary minus before %")
assert(same(2 * -3 ^ 2, -18.0), "2 * -(3^2)")
assert(#"abc" * 2 == 6, "# before *")

-- comparison and logical levels
assert((1 + 1 < 3) == true, "+ before <")
assert((1 < 2 == true) == true, "comparisons are left associative: (1 < 2) == true")
assert(("a" .. "b" == "ab") == true, ".. before ==")
assert((1 | 2 == 3) == true, "| before ==")
assert((not 1 == 2) == false, "not before ==")
assert((not nil == true) == true, "(not nil) == true")
assert((1 == 1 and 2 or 3) == 2, "== before and before or")
assert((false and 1 or 2) == 2, "and before or")
assert((nil or 1 and 2) == 2, "or of and")
assert((1 < 2 and 2 < 3) == true, "comparisons before and")
assert((not 1 and 2) == false, "not before and")
rterr("return 1 < 2 < 3", "t:1: attempt to compare boolean with number")
rterr("return not 1 < 2", "t:1: attempt to compare boolean with number")
rterr("return 1 == 1 < 2", "t:1: attempt to compare boolean with number")

-- parentheses
assert(same((2 + 3) * 4, 20) and same(2 + (3 * 4), 14), "parentheses")
assert(same((2 ^ 3) ^ 2, 64.0), "parenthesised power")
assert(same((-2) ^ 2, 4.0), "parenthesised negative base")
assert(same(((((1)))), 1), "nested parentheses")

-- Left-associative chains of any length are one expression, not nesting
-- (only parentheses, unary operators and the right-associative .. and ^
-- nest): Lua compiles them with a loop, and so does Tycho.
do
  local n = 100000
  local t = {}
  t.a, t[1] = t, t
  local function f() return f end
  local o = {}
  function o:m() return self end
  assert(load("return " .. string.rep("1+", n) .. "1")() == n + 1, "+ chain")
  assert(load("return 1" .. string.rep(" - 1 * 2 // 1", n))() == 1 - 2 * n, "chain of mixed operators")
  assert(load("local t = ... return t" .. string.rep(".a", n))(t) == t, "field chain")
  assert(load("local t = ... return t" .. string.rep("[1]", n))(t) == t, "index chain")
  assert(load("local f = ... return f" .. string.rep("()", n))(f) == f, "call chain")
  assert(load("local o = ... return o" .. string.rep(":m()", n))(o) == o, "method chain")
  assert(load("return 1" .. string.rep(" == 1", n))() == false, "comparison chain")
  assert(load("local t = ... return #t" .. string.rep(".a", n))(t) == 1, "operand of a unary operator")
  -- as statements and assignment targets
  local calls = 0
  local function g() calls = calls + 1 return g end
  load("local g = ... g" .. string.rep("()", n))(g)
  assert(calls == n, "call statement chain")
  load("local t = ... t" .. string.rep(".a", n) .. " = 5")(t)
  assert(t.a == 5, "assignment to the end of a field chain")
  -- and/or chains (lua5.4 compiles these in quadratic time: a shorter one)
  assert(load("local x = ... return x" .. string.rep(" and x", 5000))(7) == 7, "and chain")
  assert(load("local x = ... return x" .. string.rep(" or x", 5000))(false) == false, "or chain")
  -- right-associative chains nest: the parser's limit (C stack overflow)
  assert(select(3, pcall(load, "return 1" .. string.rep(" .. 1", 300))) == "C stack overflow")
  assert(select(3, pcall(load, "return 1" .. string.rep(" ^ 1", 300))) == "C stack overflow")
end

print("OK")
