-- Tables that grow: arrays built one item at a time with the append idiom
-- a[#a + 1] = v, where every store first takes the length, so the length
-- operator runs on an array part that is resized at every power of two as
-- it grows. Ten arrays of n items each (integers and floats by turns), each
-- dropped once it has been checked.
-- Check: each array's length is n and the entry past it is nil; the entries
-- on both sides of every power of two (where the array part is resized),
-- every 97th entry and the last one hold what was appended; the sum over the
-- last array equals its closed form.
-- family: tables that grow
-- sizes: full 2000000, quick 20000

local n = tonumber(arg and arg[1]) or 2000000
local rounds = 10

-- Odd rounds append integers, even rounds floats.
local function build(round)
  local a = {}
  if round % 2 == 1 then
    for i = 1, n do a[#a + 1] = i + round end
  else
    for i = 1, n do a[#a + 1] = i * 0.5 end
  end
  return a
end

local function expected(i, round)
  if round % 2 == 1 then return i + round end
  return i * 0.5
end

local function checkEntry(a, i, round)
  local want = expected(i, round)
  if a[i] ~= want then
    error(string.format("round %d: entry %d is %s, expected %s", round, i, tostring(a[i]), tostring(want)))
  end
end

local lastSum = 0
for round = 1, rounds do
  local a = build(round)
  if #a ~= n or a[n + 1] ~= nil then
    error(string.format("round %d: length %d, expected %d", round, #a, n))
  end
  local p = 1
  while p <= n do
    if p > 1 then checkEntry(a, p - 1, round) end
    checkEntry(a, p, round)
    if p < n then checkEntry(a, p + 1, round) end
    p = p * 2
  end
  for i = 1, n, 97 do checkEntry(a, i, round) end
  checkEntry(a, n, round)
  if round == rounds then
    for i = 1, n do lastSum = lastSum + a[i] end
    local want = n * (n + 1) / 2 + n * round
    if round % 2 == 0 then want = n * (n + 1) / 4 end
    if lastSum ~= want then
      error(string.format("sum of the last array %.1f, expected %.1f", lastSum, want))
    end
  end
end
print(string.format("append-length %d arrays of %d items: sum of the last %.1f", rounds, n, lastSum))
print("OK")
