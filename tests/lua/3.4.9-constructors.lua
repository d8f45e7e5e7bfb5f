-- Lua 5.4 manual §3.4.9 Table Constructors
-- Self-checking: prints only "OK" on success.

local function synerr(src, expected)
  local f, msg = load(src, "=t")
  assert(f == nil, "should not compile: " .. src)
  assert(msg == expected, "wrong message for [" .. src .. "]: " .. tostring(msg))
end
local function rterr(src, expected)
  local f, cerr = load(src, "=t")
  assert(f, "should compile: " .. src .. ": " .. tostring(cerr))
  local ok, msg = pcall(f)
  assert(not ok, "should fail: " .. src)
  assert(msg == expected, "wrong message for [" .. src .. "]: " .. tostring(msg))
end
local function count(t) local n = 0 for _ in pairs(t) do n = n + 1 end return n end
local function three() return 1, 2, 3 end
local function none() end

-- every evaluation creates a new table
do
  local function mk() return {} end
  assert(mk() ~= mk(), "new table each time")
  local ts = {}
  for i = 1, 3 do ts[i] = {i} end
  assert(ts[1] ~= ts[2] and ts[1][1] == 1 and ts[3][1] == 3, "constructor in a loop")
  assert(type({}) == "table" and count({}) == 0 and next({}) == nil, "empty constructor")
end

-- positional fields
do
  local t = {"a", "b", "c"}
  assert(t[1] == "a" and t[2] == "b" and t[3] == "c" and count(t) == 3, "positional")
  local u = {1, 2, 3,}
  assert(#u == 3 and count(u) == 3, "trailing comma")
  local v = {1; 2; 3;}
  assert(#v == 3, "semicolons and trailing semicolon")
  local w = {1, 2; 3}
  assert(w[3] == 3, "mixed separators")
  local x = {nil, 2, nil}
  assert(x[1] == nil and x[2] == 2 and x[3] == nil and count(x) == 1, "nil values are not stored")
  local y = {{1}, {2, {3}}}
  assert(y[2][2][1] == 3, "nested constructors")
  local z = {1 + 1, "a" .. "b", -3, #"xyz", (three())}
  assert(z[1] == 2 and z[2] == "ab" and z[3] == -3 and z[4] == 3 and z[5] == 1, "expressions")
end

-- keyed fields
do
  local t = {x = 1, y = "two", ["z"] = 3, [10] = "ten", [2.0] = "float two", [true] = "t"}
  assert(t.x == 1 and t.y == "two" and t.z == 3 and t[10] == "ten", "name and [exp] keys")
  assert(t[2] == "float two", "[2.0] key normalised to 2")
  assert(t[true] == "t" and count(t) == 6, "boolean key")
  local k = {}
  local u = {[k] = "table key", [k == k] = "bool", ["a" .. "b"] = "computed"}
  assert(u[k] == "table key" and u[true] == "bool" and u.ab == "computed", "computed keys")
  local v = {x = nil, y = 1}
  assert(v.x == nil and count(v) == 1, "nil value not stored")
  local w = {["and"] = 1, ["end"] = 2}
  assert(w["and"] == 1 and w["end"] == 2, "keywords as string keys")
  local n = {[1] = "a", [2] = "b", [3] = "c"}
  assert(#n == 3, "explicit integer keys form a sequence")
  local neg = {[-1] = "m", [0] = "z"}
  assert(neg[-1] == "m" and neg[0] == "z", "negative and zero keys")
end

-- mixed: positional counting ignores keyed fields (manual example)
do
  local function f(v) return "f" .. v end
  local g, x = "g", "xv"
  local a = {[f(1)] = g; "x", "y"; x = 1, f(x), [30] = 23; 45}
  assert(a[f(1)] == "g" and a.f1 == "g", "[f(1)] = g")
  assert(a[1] == "x" and a[2] == "y", "1st and 2nd exp")
  assert(a.x == 1, "x = 1")
  assert(a[3] == "fxv", "3rd exp")
  assert(a[30] == 23 and a[4] == 45, "[30] = 23 and 4th exp")
  assert(count(a) == 7, "number of entries")
end

-- a multires expression as the last field expands; elsewhere it is truncated
do
  local t = {three()}
  assert(#t == 3 and t[3] == 3, "{f()} takes all results")
  local u = {three(), three()}
  assert(#u == 4 and u[1] == 1 and u[2] == 1 and u[4] == 3, "only the last call expands")
  local v = {three(), 10}
  assert(#v == 2 and v[1] == 1 and v[2] == 10, "{f(), 5}")
  local w = {(three())}
  assert(#w == 1, "parentheses truncate")
  local x = {none()}
  assert(count(x) == 0, "no results")
  local y = {none(), 1}
  assert(y[1] == nil and y[2] == 1, "no results in the middle gives nil")
  local z = {0, none()}
  assert(count(z) == 1 and z[1] == 0, "no results at the end")
  local k = {three(), k = "v"}
  assert(k[1] == 1 and k[2] == nil and k.k == "v", "keyed field after the call: call truncated")
  local m = {[5] = "five", three()}
  assert(m[1] == 1 and m[3] == 3 and m[5] == "five", "call last after keyed field")
  local function many(n)
    if n == 0 then return end
    return n, many(n - 1)
  end
  local big = {many(300)}
  assert(#big == 300 and big[1] == 300 and big[300] == 1, "300 results")
  local function va(...) return {...} end
  local q = va(1, nil, 3)
  assert(q[1] == 1 and q[2] == nil and q[3] == 3, "{...}")
  local function va2(...) return {..., "last"} end
  local r = va2(1, 2, 3)
  assert(r[1] == 1 and r[2] == "last" and r[3] == nil, "... truncated when not last")
end

-- positional fields win over [k] = v for the same key (Lua 5.4 behaviour for small constructors)
do
  local t = {[1] = "keyed", "positional"}
  assert(t[1] == "positional", "[1] before positional")
  local u = {"positional", [1] = "keyed"}
  assert(u[1] == "positional", "[1] after positional")
  local v = {[2] = "keyed", three()}
  assert(v[2] == 2, "expanded call overrides [2]")
  local w = {three(), [2] = "keyed"}
  assert(w[1] == 1 and w[2] == "keyed", "truncated call leaves [2]")
  local x = {x = 1, x = 2}
  assert(x.x == 2, "keyed fields are assigned in order")
  local y = {["x"] = 1, x = 2, ["x"] = 3}
  assert(y.x == 3, "later keyed field wins")
end

-- large constructors
do
  local src = "return {"
  for i = 1, 1000 do src = src .. i .. "," end
  local t = load(src .. "}")()
  assert(#t == 1000 and t[1] == 1 and t[500] == 500 and t[1000] == 1000, "1000 positional fields")
  src = "return {"
  for i = 1, 300 do src = src .. "k" .. i .. " = " .. i .. ", " end
  t = load(src .. "}")()
  assert(count(t) == 300 and t.k1 == 1 and t.k300 == 300, "300 keyed fields")
  src = "return {"
  for i = 1, 200 do src = src .. i .. ", k" .. i .. " = " .. i .. "; " end
  t = load(src .. "}")()
  assert(#t == 200 and count(t) == 400 and t.k200 == 200 and t[200] == 200, "interleaved fields")
end

-- errors
rterr("return {[nil] = 1}", "t:1: table index is nil")
rterr("return {[0/0] = 1}", "t:1: table index is NaN")
rterr("local function f() end return {[f()] = 1}", "t:1: table index is nil")
synerr("return {,}", "t:1: unexpected symbol near ','")
synerr("return {1,,2}", "t:1: unexpected symbol near ','")
synerr("return {x=}", "t:1: unexpected symbol near '}'")
synerr("return {[1]}", "t:1: '=' expected near '}'")
synerr("return {1 2}", "t:1: '}' expected near '2'")
synerr("return {;}", "t:1: unexpected symbol near ';'")
synerr("return {x.y = 1}", "t:1: '}' expected near '='")
synerr("return {'x' = 1}", "t:1: '}' expected near '='")
synerr("return {1,\n2\n", "t:3: '}' expected (to close '{' at line 1) near <eof>")
assert(load("return {1;2;}", "=t"), "semicolon separators")

print("OK")
