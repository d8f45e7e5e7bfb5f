-- Lua 5.4 manual §3.3.4 Control Structures (if, while, repeat, goto, break, return)
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

-- truth values
do
  local function truth(v) if v then return true else return false end end
  assert(truth(0) and truth("") and truth({}) and truth(0.0) and truth(-0.0), "0, '', {} are true")
  assert(truth(0/0) and truth(true) and truth(print), "NaN, true, functions are true")
  assert(not truth(nil) and not truth(false), "nil and false are false")
  local n = 0
  while n < 3 and "" do n = n + 1 end
  assert(n == 3, "string is true in while condition")
end

-- if / elseif / else
do
  local function classify(x)
    if x < 0 then return "neg"
    elseif x == 0 then return "zero"
    elseif x < 10 then return "small"
    else return "big" end
  end
  assert(classify(-1) == "neg" and classify(0) == "zero" and classify(5) == "small" and classify(10) == "big", "elseif chain")
  local r
  if false then r = 1 end
  assert(r == nil, "if without else, false condition")
  if nil then r = 1 else r = 2 end
  assert(r == 2, "else branch")
  local evaluated = {}
  local function c(k, v) evaluated[#evaluated + 1] = k; return v end
  if c("a", false) then r = "a" elseif c("b", true) then r = "b" elseif c("c", true) then r = "c" end
  assert(r == "b" and #evaluated == 2, "conditions evaluated in order, stop at first true")
  if true then local inner = 1 end
  assert(inner == nil, "then block has its own scope")
end

-- while
do
  local i, sum = 0, 0
  while i < 10 do i = i + 1; sum = sum + i end
  assert(i == 10 and sum == 55, "while loop")
  local ran = false
  while false do ran = true end
  assert(not ran, "while with false condition never runs")
  local evals = 0
  local function cond() evals = evals + 1; return evals <= 3 end
  while cond() do end
  assert(evals == 4, "condition evaluated before every iteration")
end

-- repeat: body runs at least once, until can see body locals
do
  local n = 0
  repeat n = n + 1 until true
  assert(n == 1, "repeat runs at least once")
  local i = 0
  repeat
    local j = i * 2
    i = i + 1
  until j >= 6
  assert(i == 4, "until sees local j declared in the body")
  local fs = {}
  local k = 0
  repeat
    local v = k
    fs[#fs + 1] = function() return v end
    k = k + 1
  until v == 2 and fs[#fs]() == 2
  assert(#fs == 3 and fs[1]() == 0 and fs[2]() == 1 and fs[3]() == 2, "fresh local per repeat iteration")
  local x = "outer"
  repeat local x = "inner" until x == "inner"
  assert(x == "outer", "until used the inner x")
  local f = compiles("local r = 0 repeat local done = true; r = r + 1 until done return r")
  assert(f() == 1, "until refers to body local")
end

-- break
do
  local i = 0
  while true do
    i = i + 1
    if i == 5 then break end
  end
  assert(i == 5, "break from while")
  i = 0
  repeat
    i = i + 1
    if i == 3 then break end
  until false
  assert(i == 3, "break from repeat")
  local last
  for k = 1, 100 do last = k; if k == 7 then break end end
  assert(last == 7, "break from numeric for")
  local seen = 0
  for _ in pairs({1, 2, 3, 4}) do seen = seen + 1; break end
  assert(seen == 1, "break from generic for")
  local outer, inner = 0, 0
  for a = 1, 3 do
    outer = outer + 1
    for b = 1, 3 do
      inner = inner + 1
      if b == 2 then break end
    end
  end
  assert(outer == 3 and inner == 6, "break ends only the innermost loop")
  local after = false
  while true do
    do break end
    after = true  -- luacheck: ignore
  end
  assert(not after, "break inside a do block inside a loop")
  local f = compiles("local n = 0 while true do break; n = 1 end return n")
  assert(f() == 0, "statements may follow break")
end
synerr("break", "t:1: break outside loop at line 1")
synerr("if x then break end", "t:1: break outside loop at line 1")
synerr("do break end", "t:1: break outside loop at line 1")
synerr("local function f() break end", "t:1: break outside loop at line 1")
synerr("while true do local function f() break end end", "t:1: break outside loop at line 1")
synerr("\n\nbreak", "t:3: break outside loop at line 3")

-- return inside loops
do
  local function find(t, v)
    for i = 1, #t do
      while true do
        if t[i] == v then return i end
        break
      end
    end
    return nil
  end
  assert(find({5, 6, 7}, 7) == 3 and find({5, 6, 7}, 8) == nil, "return from nested loops")
end

-- goto
do
  -- continue idiom
  local odd = {}
  for i = 1, 6 do
    if i % 2 == 0 then goto continue end
    odd[#odd + 1] = i
    ::continue::
  end
  assert(#odd == 3 and odd[3] == 5, "goto continue")
  -- backward goto as a loop
  local n = 0
  ::again::
  n = n + 1
  if n < 5 then goto again end
  assert(n == 5, "backward goto")
  -- leave nested loops
  local found
  for i = 1, 10 do
    for j = 1, 10 do
      if i * j == 42 then found = i .. "x" .. j; goto done end
    end
  end
  ::done::
  assert(found == "6x7", "goto out of nested loops")
  -- forward goto skips code
  local skipped = true
  do
    goto skip
    skipped = false  -- luacheck: ignore
    ::skip::
  end
  assert(skipped, "forward goto")
  -- label visible in the whole block, also from nested blocks
  local steps = ""
  do
    do
      do steps = steps .. "a"; goto out end
    end
    steps = steps .. "never"
    ::out::
  end
  assert(steps == "a", "goto to a label of an enclosing block")
  -- jumping to a label at the end of the block, past a local, is allowed (void statements)
  local f = compiles("local r = 1 do goto l; local a; ::l:: end return r")
  assert(f() == 1, "goto label at end of block past local")
  compiles("do goto l; local a; ::l:: ; ; end")
  compiles("do goto l; local a; ::l:: ::m:: end")
  compiles("while true do goto continue; local x = 1; ::continue:: end")
  -- a label in a nested function is a different label
  compiles("::a:: local function f() ::a:: end")
  compiles("do ::a:: end ::a::")
  compiles("x = 1 ::lab:: ::lab2::")
  -- backward goto makes fresh locals (each closure gets its own variable)
  local fs = {}
  local i = 1
  ::top::
  local j = i
  fs[i] = function() return j end
  i = i + 1
  if i <= 3 then goto top end
  assert(fs[1]() == 1 and fs[2]() == 2 and fs[3]() == 3, "fresh local after backward goto")
end
synerr("goto x", "t:1: no visible label 'x' for <goto> at line 1")
synerr("do ::l:: end goto l", "t:1: no visible label 'l' for <goto> at line 1")
synerr("local function f() goto out end ::out::", "t:1: no visible label 'out' for <goto> at line 1")
synerr("do goto l; local a; ::l:: print(a) end", "t:1: <goto l> at line 1 jumps into the scope of local 'a'")
synerr("goto f; local x; ::f:: x = 1", "t:1: <goto f> at line 1 jumps into the scope of local 'x'")
synerr("repeat goto cont; local x; ::cont:: until x",
  "t:1: <goto cont> at line 1 jumps into the scope of local 'x'")
synerr("repeat goto cont; local x; ::cont:: until true",
  "t:1: <goto cont> at line 1 jumps into the scope of local 'x'")
synerr("\ngoto l\nlocal a\n::l::\na = 1", "t:5: <goto l> at line 2 jumps into the scope of local 'a'")
-- a compile-time constant (§3.3.7, `local x <const> = literal`) has a scope too
synerr("goto f; local x <const> = 1; ::f:: print(x)", "t:1: <goto f> at line 1 jumps into the scope of local 'x'")
synerr("goto f; local a, x <const> = 1, 2; ::f:: print(x)", "t:1: <goto f> at line 1 jumps into the scope of local 'a'")
synerr("local y = 1 goto f; local x <const> = 1; local z = 2 ::f:: print(x)",
  "t:1: <goto f> at line 1 jumps into the scope of local 'x'")
synerr("repeat goto f; local x <const> = 1; ::f:: until x", "t:1: <goto f> at line 1 jumps into the scope of local 'x'")
assert(load("do goto f; local x <const> = 1; ::f:: end"), "a label at the end of the block is outside the scope")
synerr("::a:: ::a::", "t:1: label 'a' already defined on line 1")
synerr("::a:: do ::a:: end", "t:1: label 'a' already defined on line 1")
synerr("::a::\ndo\n::a:: end", "t:3: label 'a' already defined on line 1")
synerr("::1::", "t:1: <name> expected near '1'")
synerr("goto 1", "t:1: <name> expected near '1'")
synerr("goto", "t:1: <name> expected near <eof>")

-- syntax errors of control structures
synerr("if x then else", "t:1: 'end' expected near <eof>")
synerr("if x then\nelse", "t:2: 'end' expected (to close 'if' at line 1) near <eof>")
synerr("while x do", "t:1: 'end' expected near <eof>")
synerr("while x do\n", "t:2: 'end' expected (to close 'while' at line 1) near <eof>")
synerr("repeat x = 1", "t:1: 'until' expected near <eof>")
synerr("repeat\nx = 1", "t:2: 'until' expected (to close 'repeat' at line 1) near <eof>")
synerr("if x end", "t:1: 'then' expected near 'end'")
synerr("if x then elseif end", "t:1: unexpected symbol near 'end'")
synerr("while x end", "t:1: 'do' expected near 'end'")
synerr("if x then else elseif y then end", "t:1: 'end' expected near 'elseif'")

print("OK")
