-- §2.5.3 Finalizers in generational mode: objects that a finalizer keeps
-- (resurrects) must keep what they point to. A finalizer may run while a
-- major collection turns the heap white; its object goes back among the
-- others ahead of that pass and must have been whitened already, or the
-- marking that follows would take it for traversed and miss its children.
collectgarbage("generational")
local saved = {}
local mt = { __gc = function(o) if #saved < 5000 then saved[#saved + 1] = o end end }
for i = 1, 20000 do
  setmetatable({ child = { i } }, mt)
end
collectgarbage()
collectgarbage()
assert(#saved > 0, "finalizers ran")
for k = 1, #saved do
  local o = saved[k]
  assert(type(o.child) == "table" and math.type(o.child[1]) == "integer", "child of a resurrected object freed")
end
collectgarbage("incremental")
print("OK")
