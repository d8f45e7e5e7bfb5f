-- Lua 5.4 manual §3.3.2 Chunks (with the load function, string chunks only)
-- Self-checking: prints only "OK" on success.

local function rep(s, n)
  local r = ""
  while n > 0 do
    if n % 2 == 1 then r = r .. s end
    s = s .. s
    n = n // 2
  end
  return r
end

-- a chunk is a vararg function
do
  local f = load("return ...")
  local a, b, c = f(1, 2, 3)
  assert(a == 1 and b == 2 and c == 3, "chunk receives arguments through ...")
  assert(select("#", f()) == 0, "no arguments: empty vararg")
  assert(select("#", f(nil, nil)) == 2, "nil arguments are kept")
  local g = load("local a, b = ...; return b, a")
  local x, y = g("p", "q")
  assert(x == "q" and y == "p", "locals from vararg")
  local h = load("return select('#', ...)")
  assert(h(1, nil, 3, nil) == 4, "select('#', ...) in chunk")
  local k = load("local t = {...}; return #t, t[2]")
  local n, second = k(10, 20, 30)
  assert(n == 3 and second == 20, "{...} in chunk")
end

-- a chunk can declare locals, and returns values
do
  local f = load("local x = 10; local function g() return x * 2 end; return g(), x")
  local a, b = f()
  assert(a == 20 and b == 10, "chunk locals and results")
  assert(x == nil and g == nil, "chunk locals are not globals")
  local counter = load("local n = 0; n = n + 1; return n")
  assert(counter() == 1 and counter() == 1, "locals are fresh on each call of the chunk")
  local m = load("return 1, nil, 3")
  assert(select("#", m()) == 3, "multiple results from a chunk")
end

-- globals assigned in a chunk go to its _ENV
do
  local env = {}
  local f = load("gx = 5; return gx", "=t", "t", env)
  assert(f() == 5 and env.gx == 5 and gx == nil, "chunk globals use env")
  local g = load("return _ENV", "=t", "t", env)
  assert(g() == env, "_ENV is the env given to load")
  local h = load("return _ENV")
  assert(h() == _ENV, "default _ENV is the global environment")
  local u = load("local function f() return _ENV end return f()", "=t", "t", env)
  assert(u() == env, "nested function sees the chunk's _ENV")
  local v = load("_ENV = {z = 1}; return z", "=t", "t", env)
  assert(v() == 1, "_ENV can be assigned inside the chunk")
end

-- each load gives a new function; the same chunk can be run many times
do
  local f1 = load("return 1")
  local f2 = load("return 1")
  assert(type(f1) == "function" and f1 ~= f2, "two loads give two functions")
  for _ = 1, 3 do assert(f1() == 1, "repeated call") end
  local acc = {}
  local add = load("local t, v = ...; t[#t + 1] = v", "=t")
  add(acc, "a"); add(acc, "b")
  assert(#acc == 2 and acc[2] == "b", "chunk with side effects on arguments")
end

-- load does not raise on syntax errors, it returns nil and a message
do
  local f, msg = load("x = = 1", "=t")
  assert(f == nil and msg == "t:1: unexpected symbol near '='", "nil, message")
  assert(select("#", load("x = = 1", "=t")) == 2, "exactly two results")
end

-- chunk names in messages
do
  local function msg(src, name)
    local f, m = load(src, name)
    assert(f == nil, "should not compile")
    return m
  end
  assert(msg("x = = 1") == "[string \"x = = 1\"]:1: unexpected symbol near '='", "default name is the source")
  assert(msg("x = = 1", "@file.lua") == "file.lua:1: unexpected symbol near '='", "@ file names")
  assert(msg("x = = 1", "=stdin") == "stdin:1: unexpected symbol near '='", "= literal names")
  assert(msg("x = = 1", "name") == "[string \"name\"]:1: unexpected symbol near '='", "plain names")
  assert(msg("x = = 1", "") == "[string \"\"]:1: unexpected symbol near '='", "empty name")
  assert(msg("x = 1\nx = = 1") == "[string \"x = 1...\"]:2: unexpected symbol near '='",
    "multi-line source shows its first line")
  assert(msg("x = = 1" .. rep("-", 100)) ==
    "[string \"x = = 1--------------------------------------...\"]:1: unexpected symbol near '='",
    "long source truncated")
  assert(msg("x = = 1", "@" .. rep("a", 100)) == "..." .. rep("a", 56) .. ":1: unexpected symbol near '='",
    "long @ name keeps its end")
  assert(msg("x = = 1", "=" .. rep("a", 100)) == rep("a", 59) .. ":1: unexpected symbol near '='",
    "long = name keeps its beginning")
  local ok, e = pcall(load("error('boom')", "=my chunk"))
  assert(not ok and e == "my chunk:1: boom", "runtime errors use the chunk name")
  ok, e = pcall(load("\n\n  error('boom')", "@x.lua"))
  assert(not ok and e == "x.lua:3: boom", "runtime errors carry the line")
end

-- mode argument
do
  local f, m = load("return 1", "=t", "b")
  assert(f == nil and m == "attempt to load a text chunk (mode is 'b')", "mode b rejects text")
  f = load("return 1", "=t", "t")
  assert(f() == 1, "mode t accepts text")
  f = load("return 2", "=t", "bt")
  assert(f() == 2, "mode bt accepts text")
  f, m = load("\27Lua", "=t", "t")
  assert(f == nil and m == "attempt to load a binary chunk (mode is 't')", "mode t rejects binary")
end

-- error values pass through pcall unchanged
do
  local ok, e = pcall(load("error({code = 7})", "=t"))
  assert(not ok and type(e) == "table" and e.code == 7, "table error value")
  ok, e = pcall(load("error()", "=t"))
  assert(not ok and e == nil, "nil error value")
  ok, e = pcall(load("error(42)", "=t"))
  assert(not ok and e == 42, "numbers get no position")
  ok, e = pcall(load("error('x', 0)", "=t"))
  assert(not ok and e == "x", "level 0: no position")
  ok, e = pcall(load("local function f() error('lvl2', 2) end\nf()", "=t"))
  assert(not ok and e == "t:2: lvl2", "level 2 points to the caller")
end

print("OK")
