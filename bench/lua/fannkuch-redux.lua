-- Arrays and permutations: for every permutation of 1..n, count the prefix
-- reversals ("pancake flips") needed until 1 comes first; report the largest
-- count and a checksum that adds the counts of even-numbered permutations and
-- subtracts those of odd-numbered ones, permutations being generated in the
-- order of repeated prefix rotations.
-- Check: the checksum and maximum are known for n = 5..11, and the number of
-- permutations visited is n!.
-- family: arrays and permutations
-- sizes: full 10, quick 7

local known = {
  [5] = { 11, 7 }, [6] = { 49, 10 }, [7] = { 228, 16 }, [8] = { 1616, 22 },
  [9] = { 8629, 30 }, [10] = { 73196, 38 }, [11] = { 556355, 51 },
}

local function fannkuch(n)
  local perm, work, count = {}, {}, {}
  for i = 1, n do perm[i] = i end
  local maxFlips, checksum, index = 0, 0, 0
  local r = n
  while true do
    while r > 1 do count[r] = r; r = r - 1 end

    -- Count the flips of this permutation on a copy.
    local first = perm[1]
    if first ~= 1 then
      for i = 2, n do work[i] = perm[i] end
      local flips = 0
      repeat
        local lo, hi = 2, first - 1
        while lo < hi do
          work[lo], work[hi] = work[hi], work[lo]
          lo = lo + 1
          hi = hi - 1
        end
        flips = flips + 1
        local next = work[first]
        work[first] = first
        first = next
      until first == 1
      if flips > maxFlips then maxFlips = flips end
      if index % 2 == 0 then checksum = checksum + flips else checksum = checksum - flips end
    end

    -- Next permutation: rotate the first r + 1 elements left by one; when
    -- position r + 1 has been rotated through all its values, widen.
    while true do
      if r == n then return checksum, maxFlips, index + 1 end
      local head = perm[1]
      for i = 1, r do perm[i] = perm[i + 1] end
      perm[r + 1] = head
      local c = count[r + 1] - 1
      count[r + 1] = c
      if c > 0 then break end
      r = r + 1
    end
    index = index + 1
  end
end

local n = tonumber(arg and arg[1]) or 10
local checksum, maxFlips, visited = fannkuch(n)
local factorial = 1
for i = 2, n do factorial = factorial * i end
if visited ~= factorial then
  error(string.format("%d permutations visited, expected %d", visited, factorial))
end
local want = known[n]
if want and (checksum ~= want[1] or maxFlips ~= want[2]) then
  error(string.format("checksum %d, max flips %d; expected %d, %d", checksum, maxFlips, want[1], want[2]))
end
print(string.format("fannkuch-redux %d: checksum %d, max flips %d", n, checksum, maxFlips))
print("OK")
