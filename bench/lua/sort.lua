-- Sorting with a comparator: records sorted by table.sort with a Lua
-- comparison function on two keys, the same records sorted by a merge sort
-- written in Lua with the same comparator, and numbers sorted in descending
-- order.
-- Check: both sorts give the same order (the comparator is a total order,
-- so the sorted order is unique), each neighbouring pair is in order, and
-- the sorted lists hold the same records as the input (sums of ids).
-- family: sorting
-- sizes: full 9, quick 1

local sort = table.sort

local function lessByGroupThenId(a, b)
  if a.group ~= b.group then return a.group < b.group end
  return a.id < b.id
end

local function mergeSort(list, less)
  local n = #list
  local from, to = {}, {}
  for i = 1, n do from[i] = list[i] end
  local width = 1
  while width < n do
    local lo = 1
    while lo <= n do
      local mid = math.min(lo + width, n + 1)
      local hi = math.min(lo + 2 * width, n + 1)
      local i, j, k = lo, mid, lo
      while i < mid and j < hi do
        if less(from[j], from[i]) then
          to[k] = from[j]; j = j + 1
        else
          to[k] = from[i]; i = i + 1
        end
        k = k + 1
      end
      while i < mid do to[k] = from[i]; i = i + 1; k = k + 1 end
      while j < hi do to[k] = from[j]; j = j + 1; k = k + 1 end
      lo = hi
    end
    from, to = to, from
    width = width * 2
  end
  return from
end

local function check(ok, what)
  if not ok then error(what) end
end

local n = tonumber(arg and arg[1]) or 9
local count = 20000
local seed = 31337
for round = 1, n do
  local records, numbers, idSum = {}, {}, 0
  for i = 1, count do
    seed = (seed * 16807) % 2147483647
    records[i] = { group = seed % 97, id = i }
    numbers[i] = seed
    idSum = idSum + i
  end

  local merged = mergeSort(records, lessByGroupThenId)
  sort(records, lessByGroupThenId)
  local sum = 0
  for i = 1, count do
    check(records[i] == merged[i], "table.sort and merge sort differ at " .. i .. " in round " .. round)
    if i > 1 then check(lessByGroupThenId(records[i - 1], records[i]), "out of order at " .. i) end
    sum = sum + records[i].id
  end
  check(sum == idSum, "records lost")

  sort(numbers, function(a, b) return a > b end)
  for i = 2, count do check(numbers[i - 1] >= numbers[i], "numbers out of order at " .. i) end
end
print(string.format("sort %d rounds of %d records", n, count))
print("OK")
