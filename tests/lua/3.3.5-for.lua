-- Lua 5.4 manual §3.3.5 For Statement (numeric and generic)
-- Self-checking: prints only "OK" on success.

local maxint = 0x7fffffffffffffff
local minint = -maxint - 1

local function rterr(src, expected)
  local f, cerr = load(src, "=t")
  assert(f, "should compile: " .. src .. ": " .. tostring(cerr))
  local ok, msg = pcall(f)
  assert(not ok, "should fail: " .. src)
  assert(msg == expected, "wrong message for [" .. src .. "]: " .. tostring(msg))
end

-- collect the values of a numeric loop as a string like "1 2 3"
local function run(a, b, c, maxn)
  local s, n = "", 0
  maxn = maxn or 100
  if c == nil then
    for i = a, b do
      n = n + 1; s = s .. (n > 1 and " " or "") .. tostring(i)
      if n >= maxn then break end
    end
  else
    for i = a, b, c do
      n = n + 1; s = s .. (n > 1 and " " or "") .. tostring(i)
      if n >= maxn then break end
    end
  end
  return s, n
end

-- basic integer loops
assert(run(1, 3) == "1 2 3", "1..3")
assert(run(1, 1) == "1", "single iteration")
assert(run(1, 0) == "", "empty when init > limit")
assert(run(3, 1, -1) == "3 2 1", "negative step")
assert(run(1, 3, -1) == "", "negative step, init < limit")
assert(run(1, 10, 3) == "1 4 7 10", "step 3 reaching limit")
assert(run(1, 11, 3) == "1 4 7 10", "step 3 not reaching limit")
assert(run(-5, -1, 2) == "-5 -3 -1", "negative range")
assert(run(10, 1, -4) == "10 6 2", "step -4")

-- integer loops near the limits never overflow or wrap
assert(run(maxint - 2, maxint) == "9223372036854775805 9223372036854775806 9223372036854775807", "up to maxinteger")
assert(run(maxint, maxint) == "9223372036854775807", "maxinteger alone")
assert(run(minint, minint + 2) == "-9223372036854775808 -9223372036854775807 -9223372036854775806", "from mininteger")
assert(run(minint + 2, minint, -1) == "-9223372036854775806 -9223372036854775807 -9223372036854775808", "down to mininteger")
assert(run(minint, minint, -1) == "-9223372036854775808", "mininteger alone")
assert(run(1, maxint, maxint) == "1", "step maxinteger from 1")
assert(run(minint, maxint, maxint) == "-9223372036854775808 -1 9223372036854775806", "huge steps")
assert(run(maxint, minint, minint) == "9223372036854775807 -1", "step mininteger")
assert(run(1, minint, -maxint) == "1 -9223372036854775806", "step -maxinteger")
assert(run(1, 3, minint) == "", "step mininteger, init < limit")
assert(run(1, minint, minint) == "1 -9223372036854775807", "step mininteger from 1")
assert(run(-1, minint, minint) == "-1", "step mininteger from -1")
assert(run(maxint, minint) == "", "maxinteger to mininteger is empty")
assert(run(minint, maxint, -1) == "", "mininteger up with negative step is empty")
do
  local s, n = run(maxint - 10, maxint, 1, 1000)
  assert(n == 11, "eleven iterations up to maxinteger")
end

-- integer loop with a float limit: the limit is clipped, the loop stays integer
assert(run(1, 3.5) == "1 2 3", "float limit floor")
assert(run(1, 0.5) == "", "float limit below init")
assert(run(0, 0.5) == "0", "float limit 0.5")
assert(run(0, -0.5) == "", "float limit -0.5")
assert(run(0, -0.5, -1) == "0", "float limit -0.5, negative step")
assert(run(3, 2.5, -1) == "3", "float limit ceil with negative step")
assert(run(maxint - 1, 1/0) == "9223372036854775806 9223372036854775807", "infinite limit clipped to maxinteger")
assert(run(minint + 1, -1/0, -1) == "-9223372036854775807 -9223372036854775808", "-inf limit clipped")
assert(run(1, -1/0) == "", "-inf limit, positive step")
assert(run(-1, 1/0, -1) == "", "+inf limit, negative step")
assert(run(maxint, 2^63) == "9223372036854775807", "limit 2^63 float")
assert(run(minint, -2^63, -1) == "-9223372036854775808", "limit -2^63 float")
assert(run(1, 0/0) == "", "NaN limit with integer loop: no iteration")
assert(run(1, 1e300, 1, 5) == "1 2 3 4 5", "huge float limit")
assert(run(1, 2^53) ~= "" , "2^53 limit")

-- float loops
assert(run(1.0, 3) == "1.0 2.0 3.0", "float init makes float loop")
assert(run(1, 3, 1.0) == "1.0 2.0 3.0", "float step makes float loop")
assert(run(1, 2, 0.5) == "1.0 1.5 2.0", "step 0.5")
assert(run(2, 1, -0.5) == "2.0 1.5 1.0", "step -0.5")
assert(run(0.5, 0.4) == "", "empty float loop")
assert(run(0.25, 1, 0.25) == "0.25 0.5 0.75 1.0", "exact binary fractions")
do
  local n = 0
  for i = 0.1, 0.35, 0.1 do n = n + 1 end
  assert(n == 3, "float loop with inexact step")
  local last
  for i = 1.0, 1/0, 1e308 do last = i; n = n + 1; if n > 10 then break end end
  assert(last == 1e308 or last > 1e307, "float loop to infinity")
  n = 0
  for i = 1, 3, 1.5 do n = n + 1 end
  assert(n == 2, "1, 2.5")
end

-- numeric strings are converted to numbers (and make a float loop)
assert(run("1", 3) == "1.0 2.0 3.0", "string init")
assert(run(1, "3") == "1 2 3", "string limit")
assert(run(1, 3, "1") == "1.0 2.0 3.0", "string step")
assert(run("0x10", 17) == "16.0 17.0", "hex string init")

-- step zero
rterr("for i = 1, 10, 0 do end", "t:1: 'for' step is zero")
rterr("for i = 1.0, 2, 0.0 do end", "t:1: 'for' step is zero")
rterr("for i = 1, 2, -0.0 do end", "t:1: 'for' step is zero")
rterr("local function z() return 0 end for i = 1, 0, z() do end", "t:1: 'for' step is zero")
-- non-numbers
rterr("for i = nil, 2 do end", "t:1: bad 'for' initial value (number expected, got nil)")
rterr("for i = 'a', 3 do end", "t:1: bad 'for' initial value (number expected, got string)")
rterr("for i = {}, 3 do end", "t:1: bad 'for' initial value (number expected, got table)")
rterr("for i = 1, 'x' do end", "t:1: bad 'for' limit (number expected, got string)")
rterr("for i = 1, {} do end", "t:1: bad 'for' limit (number expected, got table)")
rterr("for i = 1, nil do end", "t:1: bad 'for' limit (number expected, got nil)")
rterr("for i = 1, 2, {} do end", "t:1: bad 'for' step (number expected, got table)")
rterr("for i = 1, 2, false do end", "t:1: bad 'for' step (number expected, got boolean)")
rterr("for i = 1.5, 2, true do end", "t:1: bad 'for' step (number expected, got boolean)")

-- control expressions are evaluated once, before the loop
do
  local calls = 0
  local function lim() calls = calls + 1; return 5 end
  local n = 0
  for _ = 1, lim() do n = n + 1 end
  assert(n == 5 and calls == 1, "limit evaluated once")
  local limit = 3
  n = 0
  for _ = 1, limit do n = n + 1; limit = 10 end
  assert(n == 3, "changing the limit variable does not change the loop")
end

-- the control variable is a fresh local in each iteration
do
  local fs = {}
  for i = 1, 3 do fs[i] = function() return i end end
  assert(fs[1]() == 1 and fs[2]() == 2 and fs[3]() == 3, "closures capture distinct variables")
  local n = 0
  for i = 1, 5 do
    i = i * 10  -- modifying the control variable does not affect the loop
    n = n + 1
  end
  assert(n == 5, "modifying the control variable")
  local seen = ""
  for i = 1, 3 do
    seen = seen .. i
    i = "x"
  end
  assert(seen == "123", "assigning a string to the control variable")
  local i = "outer"
  for i = 1, 2 do end
  assert(i == "outer", "control variable is local to the loop")
  local g = load("for j = 1, 2 do end return j", "=t")
  assert(g() == nil, "control variable not visible after the loop")
  local fs2 = {}
  for k = 1, 3 do
    local k2 = k
    fs2[k] = function() k2 = k2 + 1; return k2 end
  end
  assert(fs2[1]() == 2 and fs2[1]() == 3 and fs2[2]() == 3, "independent body locals")
end

-- generic for
do
  -- iterator gets (state, control) and the loop stops when the first value is nil
  local calls = {}
  local function iter(s, c)
    calls[#calls + 1] = c
    if c < s then return c + 1, c * 10 end
  end
  local out = ""
  for a, b in iter, 3, 0 do out = out .. a .. ":" .. b .. " " end
  assert(out == "1:0 2:10 3:20 ", "custom iterator")
  assert(#calls == 4 and calls[1] == 0 and calls[4] == 3, "iterator called with control value")
  -- false does not stop the loop, only nil does
  local k = 0
  local function it2(_, c)
    k = k + 1
    if k == 1 then return false, "f" elseif k == 2 then return 1, "one" end
    return nil, "ignored"
  end
  local got = ""
  for a, b in it2 do got = got .. tostring(a) .. b end
  assert(got == "falsef1one", "false control value continues")
  -- only the first variable matters
  local m = 0
  for a, b in function(_, c) m = m + 1; if m < 3 then return (c or 0) + 1, nil end end do
    assert(b == nil, "second value nil is fine")
  end
  assert(m == 3, "stops when the first value is nil")
  -- explist is adjusted to four values
  local function gen() return next, {10, 20, 30}, nil end
  local sum = 0
  for _, v in gen() do sum = sum + v end
  assert(sum == 60, "explist from a function call")
  sum = 0
  for _, v in next, {1, 2}, nil, nil, "extra", "values" do sum = sum + v end
  assert(sum == 3, "extra values dropped")
  -- more variables than results
  for a, b, c, d in ipairs({"x"}) do
    assert(a == 1 and b == "x" and c == nil and d == nil, "extra loop variables are nil")
  end
  -- loop variables are fresh locals
  local fs = {}
  for i, v in ipairs({"a", "b", "c"}) do fs[i] = function() return v end end
  assert(fs[1]() == "a" and fs[3]() == "c", "fresh loop variables")
  -- modifying the variables does not change the iteration (the control is kept internally)
  local n = 0
  for i in ipairs({1, 2, 3}) do i = 100; n = n + 1 end
  assert(n == 3, "assigning the control variable")
  -- iterator with __call
  local callable = setmetatable({}, {__call = function(self, s, c)
    c = c + 1
    if c <= s then return c end
  end})
  n = 0
  for i in callable, 4, 0 do n = n + i end
  assert(n == 10, "callable table as iterator")
  -- pairs / next / ipairs
  local t = {1, 2, 3, x = "a", y = "b"}
  local cnt = 0
  for key, val in pairs(t) do cnt = cnt + 1; assert(t[key] == val, "pairs value") end
  assert(cnt == 5, "pairs visits all keys")
  cnt = 0
  for key, val in next, t do cnt = cnt + 1 end
  assert(cnt == 5, "next as iterator")
  cnt = 0
  for i, v in ipairs({1, 2, nil, 4}) do cnt = cnt + 1 end
  assert(cnt == 2, "ipairs stops at the first nil")
end
assert(not pcall(load("local function f() return {} end for x in f() do end")), "non-callable iterator")

-- closing value (fourth value) is closed when the loop ends
do
  local log = {}
  local function closer(name)
    return setmetatable({}, {__close = function(_, err) log[#log + 1] = name .. ":" .. tostring(err) end})
  end
  for _ in next, {1, 2, 3}, nil, closer("normal") do end
  assert(log[1] == "normal:nil", "closed at normal end")
  for _ in next, {1, 2, 3}, nil, closer("break") do break end
  assert(log[2] == "break:nil", "closed on break")
  local function f()
    for _ in next, {1}, nil, closer("return") do return "r" end
  end
  assert(f() == "r" and log[3] == "return:nil", "closed on return")
  local ok, e = pcall(function()
    for _ in next, {1}, nil, closer("error") do error("E", 0) end
  end)
  assert(not ok and e == "E" and log[4] == "error:E", "closed on error with the error object")
  do
    for _ in next, {1}, nil, closer("goto") do goto out end
    ::out::
  end
  assert(log[5] == "goto:nil", "closed on goto")
  for _ in next, {}, nil, nil do end
  for _ in next, {}, nil, false do end
  assert(#log == 5, "nil and false closing values are ignored")
  local inner = 0
  for _ in next, {1, 2}, nil, closer("once") do inner = inner + 1 end
  assert(inner == 2 and log[6] == "once:nil" and log[7] == nil, "closed exactly once")
end
rterr("for x in next, {}, nil, 1 do end", "t:1: variable '(for state)' got a non-closable value")
rterr("for x in next, {}, nil, {} do end", "t:1: variable '(for state)' got a non-closable value")
rterr("for x in next, {1}, nil, setmetatable({}, {__close = function() error('cl', 0) end}) do end", "cl")

-- NaN bounds (§3.3.5): a float loop is skipped only when its limit is
-- already passed, which a NaN never is, so it runs once; an integer loop
-- clips a float limit to the integers, NaN counting as below them.
do
  local nan = 0 / 0
  local function run(a, b, c, max)
    local n, last = 0, nil
    for i = a, b, c do
      n = n + 1
      last = i
      if n >= max then break end
    end
    return n, last
  end
  local n, last = run(1.0, nan, 1, 10)
  assert(n == 1 and last == 1.0 and math.type(last) == "float")
  n, last = run(nan, 10, 1, 10)
  assert(n == 1 and last ~= last)
  n, last = run(1, nan, -1, 10)
  assert(n == 10 and last == -8 and math.type(last) == "integer", "runs down until the break")
  n = run(1, nan, 1, 10)
  assert(n == 0)
  n = run(1, 10, nan, 10)
  assert(n == 0, "a NaN step is not positive: the limit is passed")
  n, last = run(1, -10, nan, 10)
  assert(n == 1 and last == 1.0)
  n, last = run(1.0, nan, -1, 10)
  assert(n == 1 and last == 1.0)
  n, last = run(nan, nan, 1, 10)
  assert(n == 1 and last ~= last)
end

-- How many calls of `fn` a call hook sees while `body` runs.
local function callsSeen(fn, body)
  local calls = 0
  debug.sethook(function() if debug.getinfo(2, "f").func == fn then calls = calls + 1 end end, "c")
  body()
  debug.sethook()
  return calls
end

-- A generic for whose iterator is the base library's `next` (what pairs
-- returns) steps through the table without calling it: the same pairs, in
-- the same order, as calling next by hand, for every count of loop
-- variables; a key removed or changed during the traversal is allowed
-- (§6.1 next); a key not in the table, a non-table, a call hook and a
-- replaced iterator go through the real call.
do
  local t = {10, 20, 30, x = "a", y = "b", [2.5] = "f", [true] = "t"}
  local byHand, k, v = {}, next(t)
  while k ~= nil do byHand[#byHand + 1] = {k, v}; k, v = next(t, k) end
  local seen = {}
  for key, val in pairs(t) do seen[#seen + 1] = {key, val} end
  assert(#seen == #byHand and #seen == 7)
  for i = 1, #seen do assert(seen[i][1] == byHand[i][1] and seen[i][2] == byHand[i][2], "same order as next") end
  -- One variable, three variables (the third is nil).
  local n = 0
  for key in pairs(t) do n = n + 1; assert(t[key] ~= nil) end
  assert(n == 7)
  for key, val, extra in pairs(t) do assert(extra == nil and t[key] == val) end
  -- An empty table: the body never runs, the loop variables are fresh.
  for _ in pairs({}) do error("empty table visited") end
  -- Clearing every field during the traversal (allowed) visits each once.
  local big = {}
  for i = 1, 100 do big["k" .. i] = i; big[i] = i end
  local visits = 0
  for key in pairs(big) do visits = visits + 1; big[key] = nil end
  assert(visits == 200 and next(big) == nil)
  -- Assigning to existing fields during the traversal (allowed).
  local upd = {a = 1, b = 2, c = 3}
  for key, val in pairs(upd) do upd[key] = val * 10 end
  assert(upd.a == 10 and upd.b == 20 and upd.c == 30)
  -- A key that is not in the table: next's own error, as a call raises it.
  local ok, msg = pcall(function() for _ in next, {1, 2}, "absent" do end end)
  assert(not ok and msg == "invalid key to 'next'", msg)
  -- A non-table: the error names the iterator's argument.
  ok, msg = pcall(function() for _ in next, 42 do end end)
  assert(not ok and msg:find("bad argument #1 to 'for iterator' %(table expected, got number%)"), msg)
  -- A call hook sees every call of next.
  local calls = callsSeen(next, function() for _ in pairs({1, 2, 3}) do end end)
  assert(calls == 4, "next called once per pair and once at the end: " .. calls)
  -- Another iterator, even one that wraps next, is called.
  local wrapped = 0
  local function myNext(tab, key) wrapped = wrapped + 1; return next(tab, key) end
  for _ in myNext, {1, 2} do end
  assert(wrapped == 3)
  -- __pairs still decides what pairs returns.
  local proxy = setmetatable({}, {__pairs = function() return next, {7, 8}, nil end})
  local sum = 0
  for _, val in pairs(proxy) do sum = sum + val end
  assert(sum == 15)
  -- Values that are tables, and a traversal inside a coroutine that yields.
  local co = coroutine.wrap(function()
    for key, val in pairs({p = {1}, q = {2}}) do coroutine.yield(key, val[1]) end
  end)
  local got = {}
  for _ = 1, 2 do local key, val = co(); got[key] = val end
  assert(got.p == 1 and got.q == 2)
end

-- The same for ipairs's iterator: indices from 1 to the first nil; a table
-- with an __index gets its values through it; the index wraps around.
do
  local iter = ipairs({})
  local seen = {}
  for i, v in ipairs({"a", "b", "c", nil, "e"}) do seen[#seen + 1] = i .. v end
  assert(table.concat(seen, ",") == "1a,2b,3c")
  local n = 0
  for i in ipairs({1, 2, 3}) do n = n + i end
  assert(n == 6)
  for i, v, extra in ipairs({5}) do assert(i == 1 and v == 5 and extra == nil) end
  -- Values through __index past the raw entries (§6.1 ipairs).
  local proxy = setmetatable({10}, {__index = function(_, i) if i <= 3 then return i * 100 end end})
  seen = {}
  for i, v in ipairs(proxy) do seen[#seen + 1] = v end
  assert(table.concat(seen, ",") == "10,200,300")
  -- A nil entry in a table whose metatable has no __index ends the loop too.
  local plain = setmetatable({1, 2}, {})
  n = 0
  for _ in ipairs(plain) do n = n + 1 end
  assert(n == 2)
  -- The control value: maxinteger wraps to mininteger; a float is converted.
  local t = {[math.mininteger] = "w"}
  seen = {}
  for i, v in iter, t, math.maxinteger do seen[#seen + 1] = v; assert(i == math.mininteger) end
  assert(#seen == 1 and seen[1] == "w")
  seen = {}
  for i, v in iter, {"x", "y"}, 0.0 do seen[#seen + 1] = math.type(i) .. v end
  assert(table.concat(seen, ",") == "integerx,integery")
  local ok, msg = pcall(function() for _ in iter, {}, "z" do end end)
  assert(not ok and msg:find("bad argument #2 to 'for iterator' %(number expected, got string%)"), msg)
  -- A call hook sees every call.
  local calls = callsSeen(iter, function() for _ in ipairs({1, 2, 3}) do end end)
  assert(calls == 4, "ipairs's iterator called once per entry and once at the end: " .. calls)
end

-- A traversal goes on from the node where its last step found its key (a
-- hint kept by the state, checked against the node's key): the same keys,
-- each once, with traversals of two tables interleaved, with next called
-- with a key that is not the last one returned, with fields cleared during
-- the traversal (§6.1 next), and after a table was rehashed between steps.
do
  local function keysOf(t)
    local seen, n = {}, 0
    for k in pairs(t) do assert(not seen[k], "a key twice: " .. tostring(k)); seen[k] = true; n = n + 1 end
    return seen, n
  end
  local a, b = {}, {}
  for i = 1, 300 do a["a" .. i] = i; b[i * 1.5] = i; b["b" .. i] = -i end
  local _, na = keysOf(a)
  local _, nb = keysOf(b)
  assert(na == 300 and nb == 600, "counts")
  -- interleaved: each step of one traversal moves the other's hint away
  local ka, kb, ca, cb, doneA, doneB = nil, nil, 0, 0, false, false
  repeat
    if not doneA then ka = next(a, ka); if ka ~= nil then ca = ca + 1 else doneA = true end end
    if not doneB then kb = next(b, kb); if kb ~= nil then cb = cb + 1 else doneB = true end end
  until doneA and doneB
  assert(ca == 300 and cb == 600, "interleaved traversals: " .. ca .. " " .. cb)
  -- next with an earlier key than the last one returned starts from there
  local first = next(a)
  local second = next(a, first)
  local third = next(a, second)
  assert(next(a, first) == second and next(a, second) == third, "next from an earlier key")
  -- clearing fields while traversing keeps every other key, once
  local c, seen, n = {}, {}, 0
  for i = 1, 200 do c["k" .. i] = i end
  for k, v in pairs(c) do
    assert(not seen[k]); seen[k] = true; n = n + 1
    if v % 2 == 0 then c[k] = nil end
  end
  assert(n == 200, "cleared during traversal: " .. n)
  for k, v in pairs(c) do assert(v % 2 == 1, "a cleared key is back") end
  -- a step after the table was rebuilt (the hint names a node of a hash
  -- part that is gone)
  local d = {}
  for i = 1, 64 do d["d" .. i] = i end
  local k1 = next(d)
  for i = 1, 1000 do d["e" .. i] = i end  -- new keys: the hash part is rebuilt
  -- (where the traversal goes on is unspecified after new keys, §6.1 next;
  -- the step must still give a key of the table, or the end)
  local k2 = next(d, k1)
  assert(k2 == nil or d[k2] ~= nil, "a step from a key of a rebuilt table")
  local m = 0
  for _ in pairs(d) do m = m + 1 end
  assert(m == 1064, "traversal of the rebuilt table: " .. m)
  -- numbers as keys: floats and integers
  local e, s = {}, 0
  for i = 1, 100 do e[i + 0.5] = i; e[-i] = i end
  for k, v in pairs(e) do s = s + v end
  assert(s == 2 * 5050, "number keys: " .. s)
end

print("OK")
