-- os.exit(code, true) closes the state before exiting (§6.9): the main
-- thread's pending to-be-closed variables are closed first (§3.3.8), newest
-- first, each getting the error of the one before; then every finalizer
-- runs (§2.5.3), in reverse order of marking, also when one of them closes
-- the state again. The last finalizer checks the order and prints "OK".

collectgarbage("stop")  -- no finalizer runs before the state closes

local log = {}
local function add(s) log[#log + 1] = s end

local x <close> = setmetatable({}, {__close = function(_, e) add("x:" .. tostring(e)) end})

local function inner()
  local y <close> = setmetatable({}, {__close = function(_, e)
    add("y:" .. tostring(e))
    error("from y", 0)
  end})
  local z <close> = setmetatable({}, {__close = function(_, e) add("z:" .. tostring(e)) end})
  for i = 1, 3 do
    setmetatable({}, {__gc = function()
      -- a variable of the finalizer is closed when it returns, or by the
      -- second close (it is the main thread's); none is closed twice
      local w <close> = setmetatable({}, {__close = function() add("w" .. i) end})
      add("gc" .. i)
      if i == 2 then os.exit(true, true) end
      if i == 1 then
        local got = table.concat(log, " ")
        assert(got == "z:nil y:nil x:from y gc3 w3 gc2 w2 gc1", got)
        print("OK")
      end
    end})
  end
  -- A coroutine's pending variables are not closed (it is not the main
  -- thread): only its collection would finalize what it holds.
  local co = coroutine.wrap(function()
    local c <close> = setmetatable({}, {__close = function() add("c") end})
    coroutine.yield()
  end)
  co()
  os.exit(false, true)
end

inner()
error("not reached")
