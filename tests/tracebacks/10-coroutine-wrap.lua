-- An error inside a wrapped coroutine: wrap adds the caller's position to the
-- message; the traceback is that of the main thread.
local gen = coroutine.wrap(function()
  local x = nil
  coroutine.yield(1)
  return x.y
end)

gen()
gen()
