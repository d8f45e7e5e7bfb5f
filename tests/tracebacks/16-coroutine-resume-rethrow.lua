-- An error from a coroutine, caught by resume and raised again by the main thread.
local co = coroutine.create(function(a)
  local b = coroutine.yield(a)
  return b.field
end)

assert(coroutine.resume(co, 1))
local ok, err = coroutine.resume(co, nil)
if not ok then
  error(err, 0)
end
