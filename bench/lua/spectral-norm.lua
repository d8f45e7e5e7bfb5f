-- Numeric loops: the spectral norm of the infinite matrix
-- A(i, j) = 1 / ((i + j)(i + j + 1) / 2 + i + 1), truncated to n x n, by ten
-- steps of the power method on A^T A.
-- Check: the norm converges to 1.2742241...; for n >= 100 the result lies
-- within 1e-5 of it, and for the standard sizes it is known to 9 decimals.
-- family: numeric loops
-- sizes: full 700, quick 60

local sqrt = math.sqrt

local function a(i, j)
  local ij = i + j - 2
  return 1.0 / (ij * (ij + 1) / 2 + i)
end

-- out = A v
local function multiplyAv(n, v, out)
  for i = 1, n do
    local sum = 0.0
    for j = 1, n do sum = sum + a(i, j) * v[j] end
    out[i] = sum
  end
end

-- out = A^T v
local function multiplyAtv(n, v, out)
  for i = 1, n do
    local sum = 0.0
    for j = 1, n do sum = sum + a(j, i) * v[j] end
    out[i] = sum
  end
end

local function multiplyAtAv(n, v, out, tmp)
  multiplyAv(n, v, tmp)
  multiplyAtv(n, tmp, out)
end

local n = tonumber(arg and arg[1]) or 700
local known = { [60] = "1.274206094", [100] = "1.274219991", [700] = "1.274224139" }

local u, v, tmp = {}, {}, {}
for i = 1, n do u[i] = 1.0 end
for _ = 1, 10 do
  multiplyAtAv(n, u, v, tmp)
  multiplyAtAv(n, v, u, tmp)
end
local vBv, vv = 0.0, 0.0
for i = 1, n do
  vBv = vBv + u[i] * v[i]
  vv = vv + v[i] * v[i]
end
local norm = sqrt(vBv / vv)

local shown = string.format("%.9f", norm)
if n >= 100 and math.abs(norm - 1.2742241) > 1e-5 then
  error("spectral norm " .. shown .. " is not close to 1.2742241")
end
if known[n] and known[n] ~= shown then
  error(string.format("spectral norm %s, expected %s", shown, known[n]))
end
print(string.format("spectral norm %d: %s", n, shown))
print("OK")
