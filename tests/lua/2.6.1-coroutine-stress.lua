-- Lua 5.4 manual §2.6 Coroutines: volume and depth (many switches, many live
-- coroutines, deep stacks inside coroutines, deeply nested resumes).
-- Self-checking: prints only "OK" on success.

local create, resume, yield, status, wrap = coroutine.create, coroutine.resume, coroutine.yield,
  coroutine.status, coroutine.wrap

-- 10^6 switches in each direction through a generator
do
  local N = 1000000
  local gen = wrap(function()
    for i = 1, N do yield(i) end
    return "done"
  end)
  local sum = 0
  for _ = 1, N do sum = sum + gen() end
  assert(sum == N * (N + 1) // 2, "sum of yielded values")
  assert(gen() == "done", "final value")
  assert(not pcall(gen), "dead afterwards")
end

-- values passed both ways on every switch
do
  local co = create(function(x)
    while true do x = yield(x * 2) end
  end)
  local v = 1
  for i = 1, 200000 do
    local ok, r = resume(co, i)
    assert(ok and r == 2 * i, "echo")
    v = r
  end
  assert(v == 400000 and status(co) == "suspended", "still alive")
end

-- 10^5 live coroutines, all suspended at once, then resumed to completion
do
  local N = 100000
  local cos = {}
  for i = 1, N do
    cos[i] = create(function(a)
      local b = yield(a + 1)
      local c = yield(a + b)
      return a * c
    end)
  end
  for i = 1, N do
    local ok, v = resume(cos[i], i)
    assert(ok and v == i + 1, "first step")
  end
  for i = 1, N do
    assert(status(cos[i]) == "suspended", "all suspended")
  end
  -- resume in reverse order
  for i = N, 1, -1 do
    local ok, v = resume(cos[i], 10)
    assert(ok and v == i + 10, "second step")
  end
  local total = 0
  for i = 1, N do
    local ok, v = resume(cos[i], 2)
    assert(ok, "third step")
    total = total + v
    assert(status(cos[i]) == "dead", "finished")
  end
  assert(total == N * (N + 1), "total")
  -- dropping them is fine for the collector
  cos = nil
  collectgarbage()
  collectgarbage()
end

-- many short-lived coroutines (creation and collection)
do
  local count = 0
  for i = 1, 100000 do
    local co = wrap(function(x) return x + 1 end)
    count = count + co(i) - i
  end
  assert(count == 100000, "short-lived coroutines")
  -- abandoned suspended coroutines are collected
  for i = 1, 50000 do
    local co = create(function() local big = {i, i, i} yield(big) end)
    resume(co)
  end
  collectgarbage()
end

-- deep recursion inside a coroutine, yield from the deepest level, resume
do
  local function rec(n)
    if n == 0 then
      local v = yield("bottom")
      return v
    end
    local r = rec(n - 1)
    return r + 1
  end
  local co = create(function(n) return rec(n) end)
  local ok, v = resume(co, 10000)
  assert(ok and v == "bottom" and status(co) == "suspended", "yield at depth 10000")
  ok, v = resume(co, 5)
  assert(ok and v == 10005 and status(co) == "dead", "unwound 10000 frames")
  -- several yields from different depths of the same recursion
  local function walk(n)
    if n == 0 then return 0 end
    if n % 1000 == 0 then yield(n) end
    return walk(n - 1) + 1
  end
  co = create(walk)
  local seen = {}
  ok, v = resume(co, 20000)
  while status(co) == "suspended" do
    seen[#seen + 1] = v
    ok, v = resume(co)
  end
  assert(ok and v == 20000 and #seen == 20 and seen[1] == 20000 and seen[20] == 1000, "yields at many depths")
  -- an error from the deepest level kills only the coroutine
  local function boom(n) if n == 0 then error("deep error", 0) end return boom(n - 1) + 1 end
  co = create(boom)
  ok, v = resume(co, 15000)
  assert(not ok and v == "deep error" and status(co) == "dead", "error at depth 15000")
  -- stack overflow inside a coroutine is an ordinary error
  local function inf(n) return inf(n + 1) + 1 end
  co = create(inf)
  ok, v = resume(co, 1)
  assert(not ok and type(v) == "string" and status(co) == "dead", "stack overflow inside a coroutine")
  -- the main thread still works afterwards
  assert(rec ~= nil and select("#", pcall(rec, 0)) == 2, "main thread usable")
end

-- deep recursion in the main thread while many coroutines are suspended with deep stacks
do
  local function rec(n) if n == 0 then return yield() end return rec(n - 1) end
  local cos = {}
  for i = 1, 100 do
    cos[i] = create(rec)
    assert(resume(cos[i], 1000))
  end
  local function mainrec(n) if n == 0 then return 0 end return 1 + mainrec(n - 1) end
  assert(mainrec(50000) == 50000, "deep main recursion")
  for i = 1, 100 do
    local ok, v = resume(cos[i], i)
    assert(ok and v == i, "resumed after main recursion")
  end
end

-- coroutines nested 100 deep: each resumes the next
do
  local DEPTH = 100
  local statuses = {}
  local threads = {}
  local function level(n)
    threads[n] = coroutine.running()
    if n == DEPTH then
      for i = 1, DEPTH - 1 do statuses[i] = status(threads[i]) end
      local v = yield("from bottom")
      return v .. "!"
    end
    local inner = create(level)
    local ok, v = resume(inner, n + 1)
    assert(ok, v)
    -- pass the bottom's yield up through every level
    local back = yield(v)
    ok, v = resume(inner, back)
    assert(ok, v)
    return v
  end
  local top = create(level)
  local ok, v = resume(top, 1)
  assert(ok and v == "from bottom", "value from level 100")
  for i = 1, DEPTH - 1 do
    assert(statuses[i] == "normal", "levels above the running one are normal")
  end
  ok, v = resume(top, "x")
  assert(ok and v == "x!" and status(top) == "dead", "value back down and up again")
  for i = 1, DEPTH do assert(status(threads[i]) == "dead", "all dead") end
  -- the same with wrap
  local function wlevel(n)
    if n == 0 then return "base" end
    return wrap(wlevel)(n - 1) .. ""
  end
  assert(wlevel(100) == "base", "100 nested wraps")
  -- far too deep nesting is an error ("C stack overflow"), not a crash
  local innermost
  local function nest(n)
    if n == 0 then return "bottom" end
    local ok2, r = resume(create(nest), n - 1)
    if not ok2 and innermost == nil then innermost = r end
    if not ok2 then error(r, 0) end
    return r
  end
  local ok3 = resume(create(nest), 1000)
  assert(ok3 == false and innermost == "C stack overflow", "nesting limit: " .. tostring(innermost))
  assert(wlevel(50) == "base", "recovered")
end

-- a ring of coroutines passing a token around
do
  local N, ROUNDS = 1000, 100
  local ring = {}
  for i = 1, N do
    ring[i] = create(function(token)
      while true do token = yield(token + 1) end
    end)
  end
  local token = 0
  for _ = 1, ROUNDS do
    for i = 1, N do
      local ok
      ok, token = resume(ring[i], token)
      assert(ok, "ring step")
    end
  end
  assert(token == N * ROUNDS, "token passed " .. token .. " times")
end

print("OK")
