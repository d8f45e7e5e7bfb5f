-- §2.6, §3.5: a closure keeps the local variables it captured, also after the
-- coroutine that declared them is suspended for ever and collected (§2.5):
-- the upvalue must keep the variable's current value, and that value must
-- stay alive, in both collector modes.

local startMode = collectgarbage("incremental")
collectgarbage(startMode)

local function collectAll()
  collectgarbage()
  collectgarbage()
end

for _, mode in ipairs{"incremental", "generational"} do
  collectgarbage(mode)

  -- A counter captured from a coroutine that is then dropped.
  do
    local inc
    do
      local co = coroutine.create(function()
        local n = 0
        inc = function() n = n + 1; return n end
        coroutine.yield()
      end)
      coroutine.resume(co)
    end
    assert(inc() == 1)
    collectAll()
    assert(inc() == 2, mode .. ": the captured variable keeps its value")
    collectAll()
    assert(inc() == 3)
  end

  -- The value is an object reachable only through the upvalue; it is set by
  -- the coroutine before it is dropped, and replaced through the closure.
  do
    local get, set
    do
      local co = coroutine.wrap(function()
        local t = {}
        get = function() return t end
        set = function(v) t = v end
        coroutine.yield()
        t = {value = "set by the coroutine"}
        coroutine.yield()
      end)
      co()
      co()
    end
    collectAll()
    assert(get().value == "set by the coroutine", mode .. ": the last value written in the coroutine")
    set({value = "set later"})
    collectAll()
    local s = string.rep("x", 100)  -- allocate between collections
    assert(get().value == "set later" and #s == 100)
    -- Many allocations while the closure lives (minor collections in
    -- generational mode must not lose the value).
    for i = 1, 2000 do local _ = {i} end
    collectAll()
    assert(get().value == "set later")
  end

  -- Two closures share one variable of a dead coroutine.
  do
    local a, b
    do
      local co = coroutine.wrap(function()
        local shared = 10
        a = function() shared = shared + 1 return shared end
        b = function() return shared end
        coroutine.yield()
      end)
      co()
    end
    collectAll()
    assert(a() == 11 and b() == 11, mode .. ": one upvalue for both closures")
    collectAll()
    assert(a() == 12 and b() == 12)
  end

  -- The variable holds a closure over another dead coroutine's variable.
  do
    local outer
    do
      local co1 = coroutine.wrap(function()
        local inner = {"inner"}
        local co2 = coroutine.wrap(function()
          local f = function() return inner[1] end
          outer = function() return f() end
          coroutine.yield()
        end)
        co2()
        coroutine.yield()
      end)
      co1()
    end
    for i = 1, 3 do collectAll() end
    assert(outer() == "inner", mode .. ": a chain of dead coroutines")
  end

  -- A coroutine that a closure's variable refers to is reachable through
  -- it: it stays alive, and the variable stays shared with it.
  do
    local getCo, peek
    do
      local co
      co = coroutine.create(function()
        local self = co
        local counter = 0
        getCo = function() return self end
        peek = function() return counter end
        while true do
          counter = counter + 1
          coroutine.yield(counter)
        end
      end)
      coroutine.resume(co)
    end
    collectAll()
    assert(peek() == 1)
    local ok, v = coroutine.resume(getCo())
    assert(ok and v == 2 and peek() == 2, mode .. ": the coroutine is still alive")
  end

  -- A coroutine reachable only from an object being finalized is alive for
  -- the finalizer (§2.5.3): resuming it there still updates the closure's
  -- variable.
  do
    local peek
    local seen
    do
      local co = coroutine.create(function()
        local count = 0
        peek = function() return count end
        while true do
          count = count + 1
          coroutine.yield()
        end
      end)
      coroutine.resume(co)
      setmetatable({}, {__gc = function()
        coroutine.resume(co)
        seen = peek()
      end})
    end
    collectAll()
    assert(seen == 2, mode .. ": resumed by a finalizer")
    collectAll()
    assert(peek() == 2)
  end
end

collectgarbage(startMode)

print("OK")
