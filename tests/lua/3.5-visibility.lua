-- Lua 5.4 manual §3.5 Visibility Rules
-- Self-checking: prints only "OK" on success.

-- the manual example, run with its own environment
do
  local out = {}
  local env = {print = function(v) out[#out + 1] = v end}
  local f = load([[
    x = 10                -- global variable
    do                    -- new block
      local x = x         -- new 'x', with value 10
      print(x)            --> 10
      x = x+1
      do                  -- another block
        local x = x+1     -- another 'x'
        print(x)          --> 12
      end
      print(x)            --> 11
    end
    print(x)              --> 10  (the global one)
  ]], "=t", "t", env)
  f()
  assert(out[1] == 10 and out[2] == 12 and out[3] == 11 and out[4] == 10, "manual example")
  assert(env.x == 10, "global x unchanged")
end

-- the scope begins after the declaration statement
do
  local v = "outer"
  do
    local v = v .. "+inner"
    assert(v == "outer+inner", "initialiser sees the outer variable")
  end
  local a, b = 1, a
  assert(b == nil, "a is not visible in its own declaration")
  local c <const> = v
  assert(c == "outer", "const initialiser sees outer v")
  local function later_ref() return later_var end
  local later_var = "local"
  assert(later_ref() == nil, "a function sees only locals declared before it")
  local function rec() return rec end
  assert(rec() == rec, "local function sees itself")
  local nr = function() return nr end
  assert(nr() == nil, "local nr = function does not see nr")
end

-- the scope ends at the end of the innermost block
do
  do local inner = 1 end
  assert(inner == nil, "do block scope")
  if true then local in_if = 1 end
  assert(in_if == nil, "if block scope")
  for i = 1, 1 do local in_for = 1 end
  assert(in_for == nil and i == nil, "for scope")
  while true do local in_while = 1; break end
  assert(in_while == nil, "while scope")
  repeat local in_repeat = 1 until in_repeat == 1
  assert(in_repeat == nil, "repeat scope ends after until")
  local function f(param) local body = 1 end
  assert(param == nil and body == nil, "function scope")
  local g = load("local w = 1 while w < 3 do local w2 = w; w = w + 1 end return w2", "=t")
  assert(g() == nil, "while body locals not visible after the loop")
  local h = load("local n = 0 while n < 1 do local stop = true; n = n + 1 end return stop", "=t")
  assert(h() == nil, "while condition cannot see body locals")
end

-- redeclaration in the same block shadows; closures keep the old variable
do
  local x = 1
  local function get1() return x end
  local x = 2
  local function get2() return x end
  assert(get1() == 1 and get2() == 2 and x == 2, "two variables named x")
  x = 3
  assert(get1() == 1 and get2() == 3, "assignment goes to the newest x")
end

-- nested functions access enclosing locals (upvalues) at any depth
do
  local lvl0 = "0"
  local function f1()
    local lvl1 = "1"
    local function f2()
      local lvl2 = "2"
      return function() return lvl0 .. lvl1 .. lvl2 end
    end
    return f2()
  end
  assert(f1()() == "012", "three levels")
  local p = "upvalue"
  local function shadowp(p) return p end
  assert(shadowp("param") == "param", "parameter shadows upvalue")
  local function shadowl() local p = "local"; return p end
  assert(shadowl() == "local" and p == "upvalue", "local shadows upvalue")
end

-- each execution of a local statement defines a new variable (manual example)
do
  local a = {}
  local x = 20
  for i = 1, 10 do
    local y = 0
    a[i] = function() y = y + 1; return x + y end
  end
  assert(a[1]() == 21 and a[1]() == 22 and a[1]() == 23, "a[1] has its own y")
  assert(a[2]() == 21 and a[10]() == 21, "other closures have their own y")
  x = 0
  assert(a[2]() == 2, "all closures share x")
end

-- globals vs locals of the same name
do
  local env = {}
  local f = load([[
    g = "global"
    local function read() return g end
    local g = "local"
    local function read2() return g end
    return read(), read2(), g
  ]], "=t", "t", env)
  local r1, r2, r3 = f()
  assert(r1 == "global" and r2 == "local" and r3 == "local", "global and local g")
  assert(env.g == "global", "global not overwritten")
end

-- labels and gotos respect visibility (see also 3.3.4)
do
  local f = load([[
    local r = ""
    do
      goto skip
      local hidden = 1
      ::skip::
    end
    r = r .. "a"
    return r
  ]], "=t")
  assert(f and f() == "a", "goto to label at block end skips a local declaration")
  local g, msg = load("do goto l end local x = 1 ::l:: return x", "=t")
  assert(g == nil and msg == "t:1: <goto l> at line 1 jumps into the scope of local 'x'", "into scope")
  local h = load("local x = 1 do goto l end ::l:: return x", "=t")
  assert(h() == 1, "label after the local is fine when the local was declared before the goto")
end

-- _ENV follows the same visibility rules
do
  local function with_env()
    local _ENV = {val = "inner env"}
    return val
  end
  assert(with_env() == "inner env", "local _ENV")
  assert(val == nil, "outer globals use the outer _ENV")
  local t = {}
  do
    local _ENV = t
    a_global = 5
  end
  assert(t.a_global == 5 and a_global == nil, "_ENV scope ends with its block")
end

-- A function has at most 255 upvalues. Lua finds the limit while reading the
-- name that needs one more, so the message is "near" the token after it, on
-- that token's line.
do
  -- 150 locals in the main chunk and 150 in f: 300 names an inner function can see
  local function source(innerBody)
    local s = {}
    for i = 1, 150 do s[#s + 1] = "local a" .. i .. " = " .. i end
    s[#s + 1] = "local function f()"
    for i = 151, 300 do s[#s + 1] = "local a" .. i .. " = " .. i end
    s[#s + 1] = "return function()\n" .. innerBody .. "\nend end"
    return table.concat(s, "\n")
  end
  local function names(from, to, sep)
    local t = {}
    for i = from, to do t[#t + 1] = "a" .. i end
    return table.concat(t, sep)
  end
  local f, msg = load(source("return " .. names(1, 255, " + ")), "=t")
  assert(f, "255 upvalues are fine")
  -- the inner function is on line 302; its body starts on line 303
  local function check(body, expected)
    local g, m = load(source(body), "=t")
    assert(g == nil and m == expected, m)
  end
  check("return " .. names(1, 256, " + ") .. " + 1", "t:303: too many upvalues (limit is 255) in function at line 302 near '+'")
  check("return " .. names(1, 256, "\n + ") .. "\n + 1", "t:559: too many upvalues (limit is 255) in function at line 302 near '+'")
  check("return " .. names(1, 256, " + "), "t:304: too many upvalues (limit is 255) in function at line 302 near 'end'")
  check("local t = {" .. names(1, 256, ",") .. "}", "t:303: too many upvalues (limit is 255) in function at line 302 near '}'")
  check(names(1, 256, " = 1 ") .. " = 1", "t:303: too many upvalues (limit is 255) in function at line 302 near '='")
  check("local s = a1 .. " .. names(2, 256, " + ") .. ' "s"', [[t:303: too many upvalues (limit is 255) in function at line 302 near '"s"']])
  -- a global needs _ENV as one more upvalue
  check("local x = " .. names(1, 255, " + ") .. " + print ()", "t:303: too many upvalues (limit is 255) in function at line 302 near '('")
  -- an enclosing function that needs the upvalues too reaches the limit first
  check("local g = function() return " .. names(1, 256, " + ") .. " + 1 end", "t:303: too many upvalues (limit is 255) in function at line 302 near '+'")
end

print("OK")
