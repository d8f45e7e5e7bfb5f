-- Left-associative chains of a million links (Tycho-only: lua5.4 accepts
-- them too, but compiles and/or chains in quadratic time). Such chains are
-- one expression, not nesting, so the parser does not limit them, and no
-- part of the compiler may recurse along them: not the parser, the resolver,
-- the code generator, nor the destruction of the syntax tree (a recursion per
-- link would overflow the C++ stack). 3.4.8-precedence.lua runs the same
-- forms with 10^5 links against lua5.4.
local n = 1000000
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
assert(load("local x = ... return x" .. string.rep(" and x", n))(7) == 7, "and chain")
assert(load("local x = ... return x" .. string.rep(" or x", n))(false) == false, "or chain")
assert(load("local x = ... return x" .. string.rep(" and x or x", n))(3) == 3, "and/or chain")
-- inside a function (upvalues resolved along the chain) and as statements
local g = load("local t, f = ... return function() f" .. string.rep("()", n) .. " return t" ..
               string.rep(".a", n) .. " end")(t, f)
assert(g() == t, "chains in a nested function")
load("local t = ... t" .. string.rep(".a", n) .. " = 5")(t)
assert(t.a == 5, "assignment to the end of a field chain")
-- a chain that does not compile still has to be taken apart
assert(not load("return " .. string.rep("a.", n) .. "b +"), "syntax error after a long chain")

print("OK")
