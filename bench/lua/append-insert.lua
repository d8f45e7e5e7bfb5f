-- Tables that grow: arrays built with table.insert(a, v), the library's
-- append (a call to a native function that takes the length and stores one
-- past it), written as code in the wild writes it, with table.insert looked
-- up at every call. Ten arrays of n integers (round * i in round `round`),
-- each dropped once it has been checked.
-- Check: each array's length is n and the entry past it is nil; a pass over
-- every entry finds it in place and sums them, and the sum equals
-- round * n * (n + 1) / 2; the total over all rounds equals the closed form.
-- family: tables that grow
-- sizes: full 1500000, quick 15000

local n = tonumber(arg and arg[1]) or 1500000
local rounds = 10

local total = 0
for round = 1, rounds do
  local list = {}
  for i = 1, n do table.insert(list, round * i) end

  local length = #list
  if length ~= n or list[length + 1] ~= nil then
    error(string.format("round %d: %d items, expected %d", round, length, n))
  end
  local sum = 0
  for i = 1, length do
    local v = list[i]
    if v ~= round * i then error(string.format("round %d: item %d is %s", round, i, tostring(v))) end
    sum = sum + v
  end
  if sum ~= round * n * (n + 1) / 2 then
    error(string.format("round %d: sum %s", round, tostring(sum)))
  end
  total = total + sum
end
local triangle = n * (n + 1) / 2
if total ~= triangle * rounds * (rounds + 1) / 2 then
  error(string.format("total %s", tostring(total)))
end
print(string.format("append-insert %d arrays of %d items: total %.0f", rounds, n, total))
print("OK")
