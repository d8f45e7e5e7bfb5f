-- Numeric loops: dense matrix multiplication C = A B of n x n integer
-- matrices held as arrays of rows, repeated over several matrix pairs.
-- Check: Freivalds' test with several vectors, C x == A (B x), computed
-- exactly (all values stay far below 2^53), and the trace of each product
-- against the sum of row-column products computed separately.
-- family: numeric loops
-- sizes: full 200, quick 30

local function matrix(n, seed)
  local m = {}
  for i = 1, n do
    local row = {}
    for j = 1, n do
      seed = (seed * 16807) % 2147483647
      row[j] = seed % 19 - 9
    end
    m[i] = row
  end
  return m, seed
end

local function multiply(n, a, b)
  local c = {}
  for i = 1, n do
    local ai, ci = a[i], {}
    for j = 1, n do ci[j] = 0 end
    for k = 1, n do
      local aik, bk = ai[k], b[k]
      for j = 1, n do ci[j] = ci[j] + aik * bk[j] end
    end
    c[i] = ci
  end
  return c
end

local function multiplyVector(n, m, x)
  local y = {}
  for i = 1, n do
    local row, sum = m[i], 0
    for j = 1, n do sum = sum + row[j] * x[j] end
    y[i] = sum
  end
  return y
end

local n = tonumber(arg and arg[1]) or 200
local pairsCount = 4
local seed = 12345
local traceSum = 0
for _ = 1, pairsCount do
  local a, b
  a, seed = matrix(n, seed)
  b, seed = matrix(n, seed)
  local c = multiply(n, a, b)
  for t = 1, 3 do
    local x = {}
    for i = 1, n do x[i] = (i * t) % 7 - 3 end
    local left = multiplyVector(n, c, x)
    local right = multiplyVector(n, a, multiplyVector(n, b, x))
    for i = 1, n do
      if left[i] ~= right[i] then
        error(string.format("C x differs from A (B x) at row %d: %d ~= %d", i, left[i], right[i]))
      end
    end
  end
  local trace, expected = 0, 0
  for i = 1, n do
    trace = trace + c[i][i]
    for k = 1, n do expected = expected + a[i][k] * b[k][i] end
  end
  if trace ~= expected then
    error(string.format("trace %d, expected %d", trace, expected))
  end
  traceSum = traceSum + trace
end
print(string.format("matrix-mul %d x %d: trace sum %d", n, pairsCount, traceSum))
print("OK")
