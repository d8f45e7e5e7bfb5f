-- Recursive calls: the Takeuchi function, deep non-tail recursion with three
-- arguments, evaluated for a cycle of argument triples.
-- Check: the sum of the results equals the one computed by a memoised
-- evaluation of the same recurrence (table lookups instead of repeated calls).
-- family: recursive calls
-- sizes: full 100, quick 6

local function tak(x, y, z)
  if y < x then
    return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))
  end
  return z
end

local memo = {}
local function takMemo(x, y, z)
  if y >= x then return z end
  local key = x * 10000 + y * 100 + z + 5050
  local v = memo[key]
  if v == nil then
    v = takMemo(takMemo(x - 1, y, z), takMemo(y - 1, z, x), takMemo(z - 1, x, y))
    memo[key] = v
  end
  return v
end

local n = tonumber(arg and arg[1]) or 100
local triples = { {18, 12, 6}, {16, 10, 4}, {17, 11, 3}, {15, 9, 1}, {18, 8, 2} }
local sum, expected = 0, 0
for i = 1, n do
  local t = triples[(i - 1) % #triples + 1]
  sum = sum + tak(t[1], t[2], t[3])
  expected = expected + takMemo(t[1], t[2], t[3])
end
if sum ~= expected then
  error(string.format("tak sum %d, expected %d", sum, expected))
end
print(string.format("tak x %d: sum %d", n, sum))
print("OK")
