-- Arrays and backtracking: counts the placements of k queens on a k x k
-- board, none attacking another, for every k up to n, with arrays marking
-- the occupied columns and diagonals.
-- Check: the counts are known for n = 1..14; a second, slower search that
-- tests every earlier queen instead of using the marks must agree for the
-- boards of size up to 9.
-- family: arrays and permutations
-- sizes: full 12, quick 7

local known = { 1, 0, 0, 2, 10, 4, 40, 92, 352, 724, 2680, 14200, 73712, 365596 }

local function countMarked(n)
  local cols, up, down = {}, {}, {}
  for i = 1, 2 * n do cols[i], up[i], down[i] = false, false, false end
  local function place(row)
    if row > n then return 1 end
    local found = 0
    for c = 1, n do
      local u, d = row + c, row - c + n
      if not cols[c] and not up[u] and not down[d] then
        cols[c], up[u], down[d] = true, true, true
        found = found + place(row + 1)
        cols[c], up[u], down[d] = false, false, false
      end
    end
    return found
  end
  return place(1)
end

local function countByScan(n)
  local queen = {}
  local function safe(row, c)
    for r = 1, row - 1 do
      local q = queen[r]
      if q == c or q - c == row - r or c - q == row - r then return false end
    end
    return true
  end
  local function place(row)
    if row > n then return 1 end
    local found = 0
    for c = 1, n do
      if safe(row, c) then
        queen[row] = c
        found = found + place(row + 1)
      end
    end
    return found
  end
  return place(1)
end

local n = tonumber(arg and arg[1]) or 12
for size = 1, math.min(n, 9) do
  local a, b = countMarked(size), countByScan(size)
  if a ~= b or a ~= known[size] then
    error(string.format("%d queens: %d and %d solutions, expected %d", size, a, b, known[size]))
  end
end
local solutions = 0
for size = 1, n do
  local found = countMarked(size)
  if known[size] and found ~= known[size] then
    error(string.format("%d queens: %d solutions, expected %d", size, found, known[size]))
  end
  solutions = solutions + found
end
print(string.format("queens 1..%d: %d solutions in all", n, solutions))
print("OK")
