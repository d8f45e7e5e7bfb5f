-- Lua 5.4 manual §3.3.1 Blocks
-- Self-checking: prints only "OK" on success.

local function synerr(src, expected)
  local f, msg = load(src, "=t")
  assert(f == nil, "should not compile: " .. src)
  assert(msg == expected, "wrong message for [" .. src .. "]: " .. tostring(msg))
end

local function compiles(src)
  local f, msg = load(src, "=t")
  assert(f, "should compile: [" .. src .. "]: " .. tostring(msg))
  return f
end

-- s repeated n times, by doubling (linear time)
local function rep(s, n)
  local r = ""
  while n > 0 do
    if n % 2 == 1 then r = r .. s end
    s = s .. s
    n = n // 2
  end
  return r
end

-- empty statements
compiles(";")
compiles(";;;")
compiles("; local x = 1 ;; x = 2 ;")
compiles("do ; end")
compiles("do ;; end ;")
compiles("if true then ; else ; end")
compiles("while false do ; end")
compiles("local function f() ; end ;")
assert(compiles("; ; return 7")() == 7, "empty statements before return")
assert(compiles("return 7;")() == 7, "return with semicolon")
assert(select("#", compiles("return;")()) == 0, "return; returns nothing")
assert(select("#", compiles("")()) == 0, "empty chunk returns nothing")

-- statements and separators
compiles("local a = 1 local b = 2 a = b b = a")
compiles("local a = 1\nlocal b = 2\n")
synerr("x", "t:1: syntax error near <eof>")
synerr("x.y", "t:1: syntax error near <eof>")
synerr("1 + 1", "t:1: unexpected symbol near '1'")
synerr("f() = 1", "t:1: syntax error near '='")
synerr("(x) = 1", "t:1: syntax error near '='")
synerr("x, f() = 1, 2", "t:1: syntax error near '='")
synerr("a.b:c = 1", "t:1: function arguments expected near '='")
synerr("a:b.c()", "t:1: function arguments expected near '.'")

-- the ambiguity: an open parenthesis after an expression continues it as a call
do
  local function c(x) return function(y) return "called with " .. tostring(x) .. "," .. tostring(y) end end
  local f = compiles("local c = ...\nlocal a = c\n(1)(2)\nreturn a")
  assert(f(c) == "called with 1,2", "newline then '(' is a call")
  local g = compiles("local c = ...\nlocal a = c;\n(c)(2)\nreturn a")
  assert(g(c) == c, "semicolon separates the statements")
end

-- do ... end delimits scope
do
  local x = 1
  do
    local x = 2
    assert(x == 2, "inner block local")
    do
      local x = 3
      assert(x == 3, "innermost block local")
    end
    assert(x == 2, "innermost scope ended")
  end
  assert(x == 1, "inner scope ended")
end
do
  local log = ""
  do log = log .. "a" end
  do do do log = log .. "b" end end end
  assert(log == "ab", "nested blocks execute sequentially")
end

-- do return end: return in the middle of a block
do
  local function f(x)
    if x then
      do return "early" end
      -- unreachable statements are allowed after the inner block
      x = nil  -- luacheck: ignore
    end
    return "late"
  end
  assert(f(true) == "early" and f(false) == "late", "do return end")
  local g = compiles("do return 1 end return 2")
  assert(g() == 1, "return from inner block of a chunk")
end
synerr("return 1; x = 1", "t:1: <eof> expected near 'x'")
synerr("return;;", "t:1: <eof> expected near ';'")
synerr("return return", "t:1: unexpected symbol near 'return'")
synerr("do return 1 x = 2 end", "t:1: 'end' expected near 'x'")
synerr("do end end", "t:1: <eof> expected near 'end'")
synerr("do x = 1", "t:1: 'end' expected near <eof>")
synerr("\ndo\nx = 1\n", "t:4: 'end' expected (to close 'do' at line 2) near <eof>")
synerr("end", "t:1: <eof> expected near 'end'")
synerr("do ; ; end end", "t:1: <eof> expected near 'end'")

-- statement order inside a block
do
  local t = {}
  local i = 0
  local function push(v) i = i + 1; t[i] = v end
  push("a"); push("b")
  push("c")
  assert(i == 3 and t[1] == "a" and t[2] == "b" and t[3] == "c", "sequential execution")
end

-- deeply nested blocks
do
  local src = rep("do ", 100) .. "x = 1 " .. rep("end ", 100)
  local env = {}
  local f = load(src, "=t", "t", env)
  assert(f, "100 nested blocks compile")
  f()
  assert(env.x == 1, "100 nested blocks run")
  -- very deep nesting must be rejected with an error message, never a crash
  local ok, g, msg = pcall(load, rep("do ", 100000) .. rep("end ", 100000), "=t")
  assert(ok and g == nil and type(msg) == "string", "100000 nested blocks give a load error")
  ok, g, msg = pcall(load, "return " .. rep("(", 100000) .. "1" .. rep(")", 100000), "=t")
  assert(ok and g == nil and type(msg) == "string", "100000 nested parentheses give a load error")
end

print("OK")
