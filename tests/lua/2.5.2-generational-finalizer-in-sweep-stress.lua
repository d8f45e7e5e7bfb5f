-- §2.5.2 Generational mode: objects made while a major collection sweeps,
-- then given a finalizer (which moves them to the list of finalizable
-- objects, ahead of the sweep) and then new children. The sweep must not
-- make them old, or the next minor collection would not see their
-- children and free them while they are still reachable. (A stress script:
-- 50000 objects for a major collection to sweep while they are made; the
-- runs with the collector in tiny steps leave it out.)
collectgarbage("generational")
local keep = {}
for i = 1, 50000 do
  local t = setmetatable({}, { __gc = function() end })
  t.child = { i }
  keep[i] = t
  if i % 1000 == 0 then
    for j = 1, 200 do local _ = { j } end
  end
end
collectgarbage("step")
for i = 1, #keep do assert(keep[i].child[1] == i, "child of a finalizable object freed") end
collectgarbage("incremental")
print("OK")
