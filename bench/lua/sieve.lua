-- Arrays: the sieve of Eratosthenes over 2..n, run several times on a fresh
-- array of booleans, then the primes collected into a second array.
-- Check: pi(n) is known for powers of ten; below 30000 every entry of the
-- sieve agrees with trial division; the primes found are strictly
-- increasing and the last one has no divisor up to its square root.
-- family: arrays and permutations
-- sizes: full 2000000, quick 50000

local known = { [10] = 4, [100] = 25, [1000] = 168, [10000] = 1229, [100000] = 9592,
                [1000000] = 78498, [10000000] = 664579 }
-- pi(n) for the two standard sizes that are not powers of ten.
known[50000] = 5133
known[2000000] = 148933

local function sieve(n)
  local composite = {}
  for i = 1, n do composite[i] = false end
  composite[1] = true
  local p = 2
  while p * p <= n do
    if not composite[p] then
      for m = p * p, n, p do composite[m] = true end
    end
    p = p + 1
  end
  return composite
end

local function isPrimeByDivision(k)
  if k < 2 then return false end
  local d = 2
  while d * d <= k do
    if k % d == 0 then return false end
    d = d + 1
  end
  return true
end

local n = tonumber(arg and arg[1]) or 2000000
local rounds = 6
local composite
for _ = 1, rounds do composite = sieve(n) end

local primes = {}
for i = 2, n do
  if not composite[i] then primes[#primes + 1] = i end
end

for k = 1, math.min(n, 30000) do
  if (not composite[k]) ~= isPrimeByDivision(k) then
    error(string.format("the sieve is wrong about %d", k))
  end
end
for i = 2, #primes do
  if primes[i] <= primes[i - 1] then error("primes out of order at " .. i) end
end
if #primes > 0 and not isPrimeByDivision(primes[#primes]) then
  error(string.format("%d is not prime", primes[#primes]))
end
if known[n] and #primes ~= known[n] then
  error(string.format("%d primes up to %d, expected %d", #primes, n, known[n]))
end
print(string.format("sieve %d: %d primes, the last %d", n, #primes, primes[#primes]))
print("OK")
