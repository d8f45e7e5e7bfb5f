-- Binary trees (allocation-heavy): builds and walks many short-lived trees
-- and one long-lived tree. Self-checking: the node counts are known.
local function bottomUp(depth)
  if depth == 0 then return {} end
  depth = depth - 1
  return {bottomUp(depth), bottomUp(depth)}
end

local function check(tree)
  if tree[1] then return 1 + check(tree[1]) + check(tree[2]) end
  return 1
end

-- Integer powers of two (no bitwise operators, so that LuaJIT runs it too).
local function pow2(n)
  local r = 1
  for _ = 1, n do r = r * 2 end
  return r
end

local N = tonumber(arg and arg[1]) or 16
local maxDepth = N
local stretch = maxDepth + 1
local stretchCount = check(bottomUp(stretch))
assert(stretchCount == pow2(stretch + 1) - 1, "stretch tree")
print("stretch tree of depth " .. stretch .. "\t check: " .. stretchCount)

local longLived = bottomUp(maxDepth)
for depth = 4, maxDepth, 2 do
  local iterations = pow2(maxDepth - depth + 4)
  local total = 0
  for _ = 1, iterations do total = total + check(bottomUp(depth)) end
  assert(total == iterations * (pow2(depth + 1) - 1), "trees of depth " .. depth)
  print(iterations .. "\t trees of depth " .. depth .. "\t check: " .. total)
end
local longCount = check(longLived)
assert(longCount == pow2(maxDepth + 1) - 1, "long lived tree")
print("long lived tree of depth " .. maxDepth .. "\t check: " .. longCount)
