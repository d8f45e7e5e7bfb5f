-- Numeric loops: membership of an n x n grid of points in the Mandelbrot set
-- (up to 50 iterations of z = z^2 + c per point), in floating point.
-- Check: the grid is symmetric about the real axis (the imaginary parts of
-- row y and row n-1-y are exact negatives, so their counts must be equal),
-- and for the standard sizes the total count is known.
-- family: numeric loops
-- sizes: full 1200, quick 100

local n = tonumber(arg and arg[1]) or 1200
local maxIter = 50
local known = { [60] = 1454, [100] = 3996, [1200] = 572034 }

local rowCounts = {}
local total = 0
for y = 0, n - 1 do
  local ci = (2 * y - (n - 1)) / n
  local count = 0
  for x = 0, n - 1 do
    local cr = 2 * x / n - 1.5
    local zr, zi = 0.0, 0.0
    local inside = true
    for _ = 1, maxIter do
      local zr2, zi2 = zr * zr, zi * zi
      if zr2 + zi2 > 4.0 then inside = false; break end
      zi = 2.0 * zr * zi + ci
      zr = zr2 - zi2 + cr
    end
    if inside then count = count + 1 end
  end
  rowCounts[y] = count
  total = total + count
end

for y = 0, n - 1 do
  if rowCounts[y] ~= rowCounts[n - 1 - y] then
    error(string.format("rows %d and %d differ: %d and %d", y, n - 1 - y, rowCounts[y], rowCounts[n - 1 - y]))
  end
end
if known[n] and known[n] ~= total then
  error(string.format("%d points inside, expected %d", total, known[n]))
end
print(string.format("mandelbrot %d: %d points inside", n, total))
print("OK")
