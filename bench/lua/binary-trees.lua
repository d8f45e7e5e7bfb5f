-- Allocation: complete binary trees built bottom-up as small tables and
-- walked to count their nodes; many short-lived trees of growing depth
-- while one long-lived tree stays reachable, so the collector works on a
-- heap that holds both.
-- Check: a tree of depth d has 2^(d+1) - 1 nodes; every count is compared
-- with that, and the long-lived tree is intact at the end.
-- family: allocation
-- sizes: full 14, quick 10

local function build(depth)
  if depth == 0 then return { false, false } end
  depth = depth - 1
  return { build(depth), build(depth) }
end

local function nodes(tree)
  local left = tree[1]
  if left then return 1 + nodes(left) + nodes(tree[2]) end
  return 1
end

local function powerOfTwo(k)
  local r = 1
  for _ = 1, k do r = r * 2 end
  return r
end

local function expect(depth, count, what)
  local want = powerOfTwo(depth + 1) - 1
  if count ~= want then
    error(string.format("%s of depth %d has %d nodes, expected %d", what, depth, count, want))
  end
end

local maxDepth = tonumber(arg and arg[1]) or 14
local minDepth = 4
if maxDepth < minDepth + 2 then maxDepth = minDepth + 2 end

expect(maxDepth + 1, nodes(build(maxDepth + 1)), "stretch tree")
local longLived = build(maxDepth)

local total = 0
for depth = minDepth, maxDepth, 2 do
  local iterations = powerOfTwo(maxDepth - depth + minDepth)
  local sum = 0
  for _ = 1, iterations do sum = sum + nodes(build(depth)) end
  expect(depth, sum / iterations, iterations .. " trees")
  total = total + sum
end
expect(maxDepth, nodes(longLived), "long-lived tree")
print(string.format("binary-trees %d: %d nodes walked", maxDepth, total))
print("OK")
