-- Tables that grow: many fresh tables filled in order from empty, with
-- `for i = 1, n do a[i] = i end` and no size hint, so that each one grows
-- its array part through every power of two up to n = 20,000 and is then
-- dropped: the allocation, resizing and collection of medium arrays, once
-- per round.
-- Check: every table's length is n, the entry past it is nil, and the entry
-- a round picks (a different one each round) holds its index; the sum of
-- the picked entries equals a count kept without tables; the last table is
-- checked whole.
-- family: tables that grow
-- sizes: full 2000, quick 40

local n = 20000
local rounds = tonumber(arg and arg[1]) or 2000

local picked, expectedPicked = 0, 0
local a
for round = 1, rounds do
  a = {}
  for i = 1, n do a[i] = i end
  if #a ~= n or a[n + 1] ~= nil then
    error(string.format("round %d: length %d, expected %d", round, #a, n))
  end
  local k = (round * 7919) % n + 1
  picked = picked + a[k]
  expectedPicked = expectedPicked + k
end
if picked ~= expectedPicked then
  error(string.format("picked entries sum to %d, expected %d", picked, expectedPicked))
end
for i = 1, n do
  if a[i] ~= i then error(string.format("last table: entry %d is %s", i, tostring(a[i]))) end
end
print(string.format("fresh-arrays %d tables of %d items: picked sum %d", rounds, n, picked))
print("OK")
