-- Lua 5.4 manual §3.4.10 Function Calls and §3.4.12 adjustment of results
-- Self-checking: prints only "OK" on success.

local function rterr(src, expected)
  local f, cerr = load(src, "=t")
  assert(f, "should compile: " .. src .. ": " .. tostring(cerr))
  local ok, msg = pcall(f)
  assert(not ok, "should fail: " .. src)
  assert(msg == expected, "wrong message for [" .. src .. "]: " .. tostring(msg))
end

local function three() return 1, 2, 3 end
local function none() end
local function pack(...) return {n = select("#", ...), ...} end
local function cnt(...) return select("#", ...) end

-- arguments: adjustment to the parameter list
do
  local function f(a, b) return a, b end
  local a, b = f(3)
  assert(a == 3 and b == nil, "f(3)")
  a, b = f(3, 4, 5)
  assert(a == 3 and b == 4, "f(3, 4, 5)")
  a, b = f(three(), 10)
  assert(a == 1 and b == 10, "f(r(), 10)")
  a, b = f(three())
  assert(a == 1 and b == 2, "f(r())")
  a, b = f()
  assert(a == nil and b == nil, "f()")
  local function g(a, b, ...) return a, b, pack(...) end
  local x, y, rest = g(3)
  assert(x == 3 and y == nil and rest.n == 0, "g(3)")
  x, y, rest = g(3, 4)
  assert(x == 3 and y == 4 and rest.n == 0, "g(3, 4)")
  x, y, rest = g(3, 4, 5, 8)
  assert(rest.n == 2 and rest[1] == 5 and rest[2] == 8, "g(3, 4, 5, 8)")
  x, y, rest = g(5, three())
  assert(x == 5 and y == 1 and rest.n == 2 and rest[1] == 2 and rest[2] == 3, "g(5, r())")
end

-- multiple results in every context
do
  assert(cnt(three()) == 3, "last argument expands")
  assert(cnt(three(), three()) == 4, "middle argument truncated")
  assert(cnt((three())) == 1, "parentheses truncate")
  assert(cnt(none()) == 0, "no results")
  assert(cnt(none(), none()) == 1, "no results in the middle gives nil")
  assert(cnt((none())) == 1, "(f()) with no results is nil")
  assert((none()) == nil, "(none()) is nil")
  assert(1 + three() == 2, "operand uses the first result")
  assert(three() .. "" == "1", "concat uses the first result")
  assert(-three() == -1 and #{three()} == 3, "unary operator uses the first result")
  local t = {three(), three()}
  assert(#t == 4, "constructor")
  local function ret() return three() end
  assert(cnt(ret()) == 3, "return f() returns all")
  local function ret2() return 0, three() end
  assert(cnt(ret2()) == 4, "return x, f()")
  local function ret3() return three(), 0 end
  assert(cnt(ret3()) == 2, "return f(), x")
  local function ret4() return (three()) end
  assert(cnt(ret4()) == 1, "return (f())")
  local a, b, c, d = three()
  assert(a == 1 and b == 2 and c == 3 and d == nil, "local list")
  local w, x, y, z = 0, three()
  assert(w == 0 and x == 1 and z == 3, "x,y,z = w, f()")
  x, y, z = three(), three()
  assert(x == 1 and y == 1 and z == 2, "x,y,z = f(), g()")
  x, y, z = (three())
  assert(x == 1 and y == nil and z == nil, "x,y,z = (f())")
  if three() == 1 then x = "cond" end
  assert(x == "cond", "condition uses the first result")
  local tt = {}
  tt[three()] = "k"
  assert(tt[1] == "k", "index uses the first result")
  local n = 0
  for _ = 1, three() do n = n + 1 end
  assert(n == 1, "numeric for limit uses the first result")
end

-- method calls
do
  local obj = {v = 10}
  function obj.get(self, d) return self.v + (d or 0) end
  function obj:get2(d) return self.v * (d or 1) end
  assert(obj:get() == 10 and obj:get(5) == 15, "v:name(args)")
  assert(obj:get2(2) == 20 and obj.get2(obj, 3) == 30, "colon definition")
  local evals = 0
  local function getobj() evals = evals + 1; return obj end
  assert(getobj():get(1) == 11 and evals == 1, "prefix evaluated once")
  assert(obj:get2 "2" == 20, "method with string argument")
  function obj:count(t) return #t end
  assert(obj:count{1, 2, 3} == 3, "method with table argument")
  local s = setmetatable({}, {__index = {name = function(self) return "via index" end}})
  assert(s:name() == "via index", "method found through __index")
  local chain = {n = 0}
  function chain:add(k) self.n = self.n + k; return self end
  assert(chain:add(1):add(2):add(3).n == 6, "chained method calls")
end

-- f{...} and f"str"
do
  local function first(x) return x end
  assert(type(first{}) == "table" and first{1, 2}[2] == 2, "f{fields}")
  assert(first"abc" == "abc" and first'q' == "q" and first[[long]] == "long", "f'string'")
  assert(cnt{} == 1 and cnt"" == 1, "exactly one argument")
  local function mk(a) return function(b) return a .. b end end
  assert(mk"x""y" == "xy" and mk"x"[[y]] == "xy", "chained string calls")
  assert(first{n = 1}.n == 1, "indexing the result")
end

-- varargs
do
  local function v(...) return ... end
  assert(cnt(v()) == 0 and cnt(v(nil)) == 1 and cnt(v(nil, nil)) == 2, "vararg count with nils")
  local a, b = v(1, 2, 3)
  assert(a == 1 and b == 2, "vararg adjusted")
  local function first(...) local x = ... return x end
  assert(first(7, 8) == 7 and first() == nil, "local x = ...")
  local function mid(...) return ..., "end" end
  local p = pack(mid(1, 2, 3))
  assert(p.n == 2 and p[1] == 1 and p[2] == "end", "... truncated in the middle")
  local function paren(...) return (...) end
  assert(cnt(paren(1, 2, 3)) == 1 and cnt(paren()) == 1, "(...) is one value")
  local function tbl(...) return {...} end
  assert(#tbl(1, 2, 3) == 3, "{...}")
  local function pass(...) return cnt(...) end
  assert(pass(nil, nil, nil) == 3, "passing ... keeps nils")
  local function many(...) return select("#", ...) end
  local big = {}
  for i = 1, 250 do big[i] = i end
  local function unpack(t, i) i = i or 1; if i <= #t then return t[i], unpack(t, i + 1) end end
  assert(many(unpack(big)) == 250, "250 varargs")
  local f = load("return ...", "=t")
  assert(cnt(f(1, nil)) == 2, "chunk varargs")
end

-- select
do
  assert(select("#") == 0 and select("#", nil) == 1 and select("#", 1, nil, nil) == 3, "select('#')")
  assert(select(1, "a", "b", "c") == "a", "select(1)")
  assert(cnt(select(2, "a", "b", "c")) == 2, "select(n) returns all after n")
  local x, y = select(2, "a", "b", "c")
  assert(x == "b" and y == "c", "select(2)")
  assert(cnt(select(4, "a", "b", "c")) == 0 and cnt(select(5, 1, 2)) == 0, "select beyond the end")
  assert(select(-1, "a", "b", "c") == "c", "select(-1) is the last")
  x, y = select(-2, "a", "b", "c")
  assert(x == "b" and y == "c", "select(-2)")
  assert(select(-3, "a", "b", "c") == "a", "select(-n) with n = count")
  assert(select("2", "a", "b") == "b", "numeric string index")
  assert(select(2.0, "a", "b") == "b", "integral float index")
  rterr("return select(0)", "t:1: bad argument #1 to 'select' (index out of range)")
  rterr("return select(-3, 1, 2)", "t:1: bad argument #1 to 'select' (index out of range)")
  rterr("return select('x', 1, 2)", "t:1: bad argument #1 to 'select' (number expected, got string)")
  rterr("return select()", "t:1: bad argument #1 to 'select' (number expected, got no value)")
  rterr("return select(1.5, 1)", "t:1: bad argument #1 to 'select' (number has no integer representation)")
end

-- __call
do
  local c = setmetatable({}, {__call = function(self, ...) return self, cnt(...), ... end})
  local s, n, a = c(1, 2)
  assert(s == c and n == 2 and a == 1, "__call receives the object first")
  local s2, n2 = c()
  assert(s2 == c and n2 == 0, "__call with no arguments")
  local m = {c = c}
  local s3, n3 = m:c(5)
  assert(s3 == c and n3 == 2, "method call of a callable object")
end

-- calling non-functions
rterr("local function f() end f()()", "t:1: attempt to call a nil value")
rterr("local function f() return 1 end return f()()", "t:1: attempt to call a number value")
rterr("local function f() return {} end return (f())(1)", "t:1: attempt to call a table value")

-- recursion depth: deep recursion works, infinite recursion is a catchable error
do
  local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
  assert(depth(10000) == 10000, "recursion depth 10000")
  rterr("local function f(n) return 1 + f(n) end return f(1)", "t:1: stack overflow")
  rterr("local function f(n) return (f(n)) end return f(1)", "t:1: stack overflow")
  local d = 0
  local function inf() d = d + 1; inf() end
  local ok, e = pcall(inf)
  assert(not ok and type(e) == "string" and d > 10000, "stack overflow caught by pcall")
  assert(depth(100) == 100, "stack usable again after overflow")
  ok, e = pcall(inf)
  assert(not ok, "overflow again")
end

-- proper tail calls do not grow the stack
do
  local function loop(n) if n == 0 then return "done" end return loop(n - 1) end
  assert(loop(1000000) == "done", "tail-recursive loop of 10^6 iterations")
  local even, odd
  function even(n) if n == 0 then return true end return odd(n - 1) end
  function odd(n) if n == 0 then return false end return even(n - 1) end
  assert(even(1000001) == false and odd(1000001) == true, "mutual tail recursion")
  local function va(n, ...) if n == 0 then return select("#", ...) end return va(n - 1, ...) end
  assert(va(300000, 1, 2, 3) == 3, "vararg tail calls")
  local obj = {}
  function obj:m(n) if n == 0 then return self end return self:m(n - 1) end
  assert(obj:m(300000) == obj, "method tail calls")
  local function many(n, a, b, c) if n == 0 then return a, b, c end return many(n - 1, b, c, a) end
  local x, y, z = many(300000, 1, 2, 3)
  assert(x == 1 and y == 2 and z == 3, "tail calls return all results")
  local c = setmetatable({}, {__call = function(self, n) if n == 0 then return "c" end return self(n - 1) end})
  assert(c(200000) == "c", "tail calls through __call")
  -- not tail calls: these keep frames and overflow with a huge depth
  local function notail(n) if n == 0 then return "done" end return (notail(n - 1)) end
  assert(not pcall(notail, 10000000), "return (f(x)) is not a tail call")
end

print("OK")
