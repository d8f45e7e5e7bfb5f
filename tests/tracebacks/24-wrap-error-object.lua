-- A wrapped coroutine raising a table: no position is added, and the traceback
-- shows the wrap function as a C function.
local co = coroutine.wrap(function()
  error({})
end)
co()
