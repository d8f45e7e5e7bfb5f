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

print("OK")
