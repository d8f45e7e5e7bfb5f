-- §2.5 Garbage collection: weak tables (§2.5.4), finalizers (§2.5.3) and the
-- collectgarbage options (§6.1).

-- weak values: unreachable objects go, strings and reachable objects stay
do
  local wv = setmetatable({}, {__mode = "v"})
  local keep = {}
  wv[1] = {}
  wv[2] = "a string is never weak"
  wv[3] = keep
  wv.x = function() end
  wv.y = keep
  collectgarbage()
  assert(wv[1] == nil and wv.x == nil, "unreachable values cleared")
  assert(wv[2] == "a string is never weak", "strings stay")
  assert(wv[3] == keep and wv.y == keep, "reachable values stay")
end

-- weak keys are ephemerons: a value referring to its own key keeps nothing alive
do
  local wk = setmetatable({}, {__mode = "k"})
  local k1 = {}
  wk[k1] = "alive"
  wk[{}] = "dead"
  local k2 = {}
  wk[k2] = {ref = k2}
  k2 = nil
  -- a chain: key a holds value b, key b holds value c; only `a` is referenced
  local a, b, c = {}, {}, {}
  wk[a] = b
  wk[b] = c
  b, c = nil, nil
  collectgarbage()
  local n = 0
  for k, v in pairs(wk) do n = n + 1 end
  assert(n == 3, "ephemeron entries: " .. n)
  assert(wk[k1] == "alive" and wk[wk[a]] ~= nil, "values reachable through live keys stay")
  a = nil
  collectgarbage()
  n = 0
  for k in pairs(wk) do n = n + 1 end
  assert(n == 1, "the chain goes with its first key: " .. n)
end

-- fully weak tables
do
  local w = setmetatable({}, {__mode = "kv"})
  local k = {}
  w[k] = {}
  w[{}] = k
  w[1] = {}
  w.s = "str"
  collectgarbage()
  local n = 0
  for _ in pairs(w) do n = n + 1 end
  assert(n == 1 and w.s == "str", "kv: only the string entry stays, " .. n)
end

-- traversal of a weak table survives collections during the traversal
do
  local w = setmetatable({}, {__mode = "k"})
  local keys = {}
  for i = 1, 100 do
    local k = {}
    w[k] = i
    if i % 2 == 0 then keys[#keys + 1] = k end
  end
  local seen = 0
  for k, v in pairs(w) do
    seen = seen + 1
    collectgarbage()
  end
  assert(seen >= 50, "traversal goes on")
end

-- finalizers run in reverse order of marking, once
do
  -- (made with the collector stopped, so that one collection finds them all)
  local order = {}
  collectgarbage("stop")
  for i = 1, 5 do setmetatable({}, {__gc = function() order[#order + 1] = i end}) end
  collectgarbage("restart")
  collectgarbage()
  assert(#order == 5, "all finalized")
  for i = 1, 5 do assert(order[i] == 6 - i, "reverse order") end
  collectgarbage()
  assert(#order == 5, "finalized once")
end

-- only a __gc present when the metatable is set counts
do
  local called = false
  local mt = {}
  setmetatable({}, mt)
  mt.__gc = function() called = true end
  collectgarbage()
  assert(not called, "__gc added later is ignored")
  local mt2 = {__gc = true}
  local o = setmetatable({}, mt2)
  mt2.__gc = function() called = true end
  o = nil
  collectgarbage()
  assert(called, "the field present at setmetatable marks the object")
end

-- resurrection: the finalizer may keep its object; weak values are cleared
-- before finalization, weak keys after it
do
  local saved
  local wv = setmetatable({}, {__mode = "v"})
  local wk = setmetatable({}, {__mode = "k"})
  local inKeys
  do
    local o = setmetatable({name = "phoenix"}, {__gc = function(o)
      saved = o
      inKeys = wk[o]
    end})
    wv[1] = o
    wk[o] = "key entry"
  end
  collectgarbage()
  assert(saved and saved.name == "phoenix", "resurrected")
  assert(wv[1] == nil, "weak value cleared before the finalizer ran")
  assert(inKeys == "key entry", "weak key still there during the finalizer")
  saved = nil
  collectgarbage()
  local n = 0
  for _ in pairs(wk) do n = n + 1 end
  assert(n == 0, "weak key cleared once the object is really gone")
end

-- a weak table reached only from a resurrected object loses its dead values
-- too (they are cleared after resurrection, §2.5.3, §2.5.4)
do
  local seen
  do
    local w = setmetatable({}, {__mode = "v"})
    w[1] = {}
    w[2] = "kept"
    setmetatable({w}, {__gc = function(o) seen = o[1] end})
  end
  collectgarbage()
  collectgarbage()
  assert(seen and seen[1] == nil and seen[2] == "kept", "weak values of a resurrected table")
end

-- errors in finalizers do not propagate
do
  local after = false
  setmetatable({}, {__gc = function() error("in finalizer") end})
  setmetatable({}, {__gc = function() after = true end})
  collectgarbage()
  assert(after, "other finalizers still run")
end

-- collectgarbage options
do
  assert(collectgarbage("collect") == 0, "collect returns 0")
  assert(collectgarbage() == 0, "default option is collect")
  local kb = collectgarbage("count")
  assert(math == nil or type(kb) == "number", "count is a number")
  assert(type(kb) == "number" and kb > 0, "count in KB")
  local big = {}
  for i = 1, 10000 do big[i] = {i} end
  assert(collectgarbage("count") > kb, "count grows with allocation")
  big = nil
  collectgarbage()
  assert(collectgarbage("count") < kb + 64, "and shrinks after collection")
  assert(collectgarbage("isrunning") == true, "running")
  collectgarbage("stop")
  assert(collectgarbage("isrunning") == false, "stopped")
  collectgarbage("restart")
  assert(collectgarbage("isrunning") == true, "restarted")
  assert(collectgarbage("step") == true or true, "step")
  local ok, e = pcall(collectgarbage, "nonsense")
  assert(not ok and e == "bad argument #1 to 'collectgarbage' (invalid option 'nonsense')", e)
end

-- collection while stopped: "stop" ends automatic collections only (§6.1)
do
  collectgarbage()
  collectgarbage("stop")
  local kb = collectgarbage("count")
  for i = 1, 20000 do local t = {i} end
  assert(collectgarbage("count") > kb + 100, "no automatic collection while stopped")
  collectgarbage()
  assert(collectgarbage("count") < kb + 64, "an explicit collection still runs")
  assert(collectgarbage("isrunning") == false, "and the collector stays stopped")
  collectgarbage("restart")
end

-- the two modes (§2.5.1, §2.5.2): switching returns the previous mode; the
-- parameters are accepted; the rules of weak tables and finalizers hold in both
local startMode = collectgarbage("incremental")
assert(startMode == "incremental" or startMode == "generational", startMode)
assert(collectgarbage("incremental") == "incremental", "already incremental")
assert(collectgarbage("generational") == "incremental", "previous mode")
assert(collectgarbage("generational", 20, 100) == "generational", "with parameters")
assert(collectgarbage("incremental", 100, 200, 10) == "generational")
assert(collectgarbage("setpause", 200) == 100, "pause set by incremental")
assert(collectgarbage("setstepmul", 100) == 200, "step multiplier set by incremental")
collectgarbage("setstepmul", 400)

local function checkRules(mode)
  collectgarbage(mode)
  local wv = setmetatable({}, {__mode = "v"})
  local wk = setmetatable({}, {__mode = "k"})
  local keep = {}
  local finalized = {}
  local resurrected
  collectgarbage()
  for round = 1, 3 do
    -- values stored into an old (or young) weak table after collections
    wv[1] = {}
    wv[2] = keep
    do
      local k = {}
      wk[k] = {k}
    end
    wk[keep] = {}
    local hold = {}  -- the three become unreachable together
    for i = 1, 3 do
      hold[i] = setmetatable({i}, {__gc = function(o)
        finalized[#finalized + 1] = o[1]
        resurrected = o
      end})
    end
    hold = nil
    if mode == "generational" then
      assert(collectgarbage("step") == false, "a generational step is not a cycle")
    else
      local ended = false
      for i = 1, 1000 do
        if collectgarbage("step") then ended = true break end
      end
      assert(ended, "incremental steps finish a cycle")
    end
    collectgarbage()
    assert(wv[1] == nil and wv[2] == keep, mode .. ": weak values")
    local n = 0
    for key in pairs(wk) do n = n + 1 assert(key == keep) end
    assert(n == 1, mode .. ": ephemerons")
    assert(#finalized == 3 * round, mode .. ": finalizers")
    local last = #finalized
    assert(finalized[last] == 1 and finalized[last - 1] == 2 and finalized[last - 2] == 3,
           mode .. ": finalizers in reverse order of marking")
    assert(resurrected[1] == 1, mode .. ": a finalized object is usable")
  end
end
checkRules("generational")
checkRules("incremental")
collectgarbage(startMode)

-- Finalizers run while the program runs (§2.5.3), also in a loop that makes
-- no call: only allocations and the loop's own jumps.
for _, mode in ipairs{"incremental", "generational"} do
  collectgarbage(mode)
  local done = false
  setmetatable({}, {__gc = function() done = true end})
  repeat local t = {} until done
  done = false
  setmetatable({}, {__gc = function() done = true end})
  while not done do local t = {} end
  local count = 0
  setmetatable({}, {__gc = function() count = count + 1 end})
  for i = 1, math.maxinteger do
    local t = {}
    if count > 0 then break end
  end
  assert(count == 1, mode .. ": a numeric for")
end
collectgarbage(startMode)

-- A removed entry keeps nothing alive, in every kind of weak table: strings
-- are values, not weak references (§2.5.4), but a key whose entry is gone is
-- not a reference at all.
for _, mode in ipairs{"k", "v", "kv"} do
  local t = setmetatable({}, {__mode = mode})
  collectgarbage()
  local before = collectgarbage("count")
  do
    local key = string.rep("x", 4 << 20)
    t[key] = true
    t[key] = nil
  end
  collectgarbage()
  assert(collectgarbage("count") - before < 1024, mode .. ": the removed key's string is freed")
  assert(next(t) == nil)
end

-- collectgarbage inside a finalizer fails, whatever the option (the
-- collector is not to be driven from it); it works again afterwards
do
  local results
  setmetatable({}, {__gc = function()
    results = {}
    for _, o in ipairs{"collect", "count", "step", "isrunning", "incremental", "generational",
                       "stop", "restart"} do
      results[#results + 1] = tostring(collectgarbage(o))
    end
    results[#results + 1] = tostring(pcall(collectgarbage, "nonsense"))
  end})
  collectgarbage()
  assert(table.concat(results, " ") == "nil nil nil nil nil nil nil nil false", table.concat(results, " "))
  assert(collectgarbage("isrunning") == true and type(collectgarbage("count")) == "number")
end

print("OK")
