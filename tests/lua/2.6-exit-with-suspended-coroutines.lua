-- Closing the state (the end of the script, os.exit(code, true): §6.9) while
-- suspended coroutines hold captured locals (open upvalues): their variables
-- are closed with the state, nothing is read after it is freed.

local keep = {}
for i = 1, 50 do
  local co = coroutine.wrap(function()
    local n = i
    local t = {i}
    keep[#keep + 1] = function() n = n + 1; return n + t[1] end
    coroutine.yield()
  end)
  co()
  keep[#keep + 1] = co
end
assert(keep[1]() == 3)

-- The same, from inside a coroutine that exits the process closing the state.
local co = coroutine.wrap(function()
  local n = 5
  local function get() return n end
  local inner = coroutine.wrap(function()
    local m = get()
    keep.inner = function() return m end
    coroutine.yield()
  end)
  inner()
  print("OK")
  os.exit(true, true)
end)
co()
error("not reached")
