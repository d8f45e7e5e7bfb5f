-- Coroutines as generators: a recursive permutation generator that yields
-- from deep inside its recursion, an in-order walk of a binary search tree
-- through coroutine.wrap, and a pipeline of generators (numbers -> filter
-- -> map) each pulling from the one before.
-- Check: n! distinct permutations with the known sum of positions; the tree
-- walk yields the inserted keys in sorted order; the pipeline's sum equals
-- its closed form.
-- family: coroutines
-- sizes: full 8, quick 6

local wrap, yield = coroutine.wrap, coroutine.yield

local function permutations(list)
  local n = #list
  local function permute(k)
    if k == 0 then
      yield(list)
      return
    end
    for i = 1, k do
      list[i], list[k] = list[k], list[i]
      permute(k - 1)
      list[i], list[k] = list[k], list[i]
    end
  end
  return wrap(function() permute(n) end)
end

local function insert(tree, key)
  if tree == nil then return { key = key } end
  if key < tree.key then tree.left = insert(tree.left, key) else tree.right = insert(tree.right, key) end
  return tree
end

local function inOrder(tree)
  local function walk(t)
    if t == nil then return end
    walk(t.left)
    yield(t.key)
    walk(t.right)
  end
  return wrap(function() walk(tree) end)
end

local function range(from, to)
  return wrap(function() for i = from, to do yield(i) end end)
end

local function filterGen(p, gen)
  return wrap(function()
    for v in gen do if p(v) then yield(v) end end
  end)
end

local function mapGen(f, gen)
  return wrap(function()
    for v in gen do yield(f(v)) end
  end)
end

local function check(ok, what)
  if not ok then error(what) end
end

local n = tonumber(arg and arg[1]) or 8
local rounds = 6

local factorial = 1
for i = 2, n do factorial = factorial * i end

for _ = 1, rounds do
  -- Every permutation once: count them and a position-weighted sum.
  local list = {}
  for i = 1, n do list[i] = i end
  local count, weighted, seen = 0, 0, {}
  for p in permutations(list) do
    count = count + 1
    local key = 0
    for i = 1, n do
      weighted = weighted + i * p[i]
      key = key * 10 + p[i]
    end
    seen[key] = true
  end
  local distinct = 0
  for _ in pairs(seen) do distinct = distinct + 1 end
  -- Each value sits in each position (n-1)! times: sum = (n-1)! * (sum i)^2.
  local sumI = n * (n + 1) / 2
  check(count == factorial and distinct == factorial, "permutation count")
  check(weighted == factorial / n * sumI * sumI, "permutation sums")

  -- Tree walk in sorted order.
  local tree, keys = nil, factorial
  local seed = 99
  for _ = 1, keys do
    seed = (seed * 16807) % 2147483647
    tree = insert(tree, seed)
  end
  local previous, walked = -1, 0
  for key in inOrder(tree) do
    check(key >= previous, "tree walk out of order")
    previous = key
    walked = walked + 1
  end
  check(walked == keys, "tree walk count")

  -- Pipeline: squares of the multiples of 3 up to m.
  local m = factorial * 2
  local total = 0
  for v in mapGen(function(x) return x * x end, filterGen(function(x) return x % 3 == 0 end, range(1, m))) do
    total = total + v
  end
  local k = (m - m % 3) / 3
  check(total == 9 * k * (k + 1) * (2 * k + 1) / 6, "pipeline sum")
end
print(string.format("coroutine-generators %d: %d permutations per round", n, factorial))
print("OK")
