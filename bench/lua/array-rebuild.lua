-- Tables that grow: a 250,000-entry array of floats, a[i] = i * 0.5, built
-- from empty and dropped, again and again. This one is about peak memory:
-- a built array is 4 MB of values and its last growth step holds the old
-- and the new array part at once, so an engine whose collector keeps up
-- with the garbage needs a few arrays' worth of memory, whatever the number
-- of rounds; one that falls behind grows with every round.
-- Check: each array's length is 250,000 and the entry past it is nil; the
-- sum of its entries equals 250000 * 250001 / 4 (exact in floating point:
-- every partial sum is a multiple of 0.5 well below 2^53); every 1000th
-- entry is i * 0.5.
-- family: tables that grow
-- sizes: full 30, quick 2

local n = 250000
local rounds = tonumber(arg and arg[1]) or 30
local want = n * (n + 1) / 4

local sum
for round = 1, rounds do
  local a = {}
  for i = 1, n do a[i] = i * 0.5 end
  if #a ~= n or a[n + 1] ~= nil then
    error(string.format("round %d: length %d, expected %d", round, #a, n))
  end
  sum = 0
  for i = 1, n do sum = sum + a[i] end
  if sum ~= want then error(string.format("round %d: sum %.1f, expected %.1f", round, sum, want)) end
  for i = 1000, n, 1000 do
    if a[i] ~= i * 0.5 then error(string.format("round %d: entry %d is %s", round, i, tostring(a[i]))) end
  end
end
print(string.format("array-rebuild %d arrays of %d floats: sum %.1f each", rounds, n, sum))
print("OK")
