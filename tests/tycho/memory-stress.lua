-- Memory comes back after heavy use of coroutines and deep recursion: after
-- collectgarbage(), the heap is as small as before (Tycho-only: lua5.4 keeps
-- its grown stack and frame records, so this is not a differential test).
collectgarbage()
local before = collectgarbage("count")
do
  local cos = {}
  for i = 1, 100000 do
    local co = coroutine.create(function(a) local b = coroutine.yield(a + 1) return b end)
    coroutine.resume(co, i)
    cos[i] = co
  end
  local s = 0
  for i = 1, #cos do local ok, v = coroutine.resume(cos[i], i) s = s + v end
  assert(s == 5000050000, "100000 live coroutines")
  local gen = coroutine.wrap(function() for i = 1, 1000000 do coroutine.yield(i) end end)
  local t = 0
  for i = 1, 1000000 do t = t + gen() end
  assert(t == 500000500000, "10^6 switches")
  for i = 1, 20 do
    local ok, e = pcall(function() local function f() return 1 + f() end return f() end)
    assert(not ok, "recursion to the limit")
  end
end
collectgarbage()
collectgarbage()
local after = collectgarbage("count")
assert(after - before < 64, "memory returns: " .. before .. " KB before, " .. after .. " KB after")
print("OK")
