-- Closures and upvalues: closures created in loops (a fresh upvalue per
-- iteration), counters and accumulators that update shared upvalues,
-- higher-order functions (map, filter, fold, compose, curry) and closures
-- that outlive the function that made them (closed upvalues).
-- Check: every result equals a closed-form sum computed with plain
-- arithmetic.
-- family: closures and upvalues
-- sizes: full 9000, quick 300

local function map(f, list)
  local out = {}
  for i = 1, #list do out[i] = f(list[i]) end
  return out
end

local function filter(p, list)
  local out = {}
  for i = 1, #list do
    local v = list[i]
    if p(v) then out[#out + 1] = v end
  end
  return out
end

local function fold(f, acc, list)
  for i = 1, #list do acc = f(acc, list[i]) end
  return acc
end

local function compose(f, g) return function(x) return f(g(x)) end end
local function curry(f) return function(a) return function(b) return f(a, b) end end end

-- Two closures sharing one upvalue, and a third that reads it.
local function makeAccount(balance)
  local function deposit(v) balance = balance + v end
  local function withdraw(v) balance = balance - v end
  local function get() return balance end
  return deposit, withdraw, get
end

local function check(ok, what, round)
  if not ok then error(string.format("round %d: %s", round, what)) end
end

local n = tonumber(arg and arg[1]) or 9000
local size = 200
local total = 0
for round = 1, n do
  -- Closures made in a loop each capture their own i.
  local adders = {}
  for i = 1, size do adders[i] = function(x) return x + i end end
  local sum = 0
  for i = 1, size do sum = sum + adders[i](round) end
  check(sum == size * round + size * (size + 1) / 2, "adders", round)

  -- map / filter / fold with small closures.
  local list = {}
  for i = 1, size do list[i] = i end
  local square = function(x) return x * x end
  local inc = curry(function(a, b) return a + b end)(1)
  local squaresPlusOne = map(compose(inc, square), list)
  local even = filter(function(x) return x % 2 == 0 end, squaresPlusOne)
  local folded = fold(function(acc, x) return acc + x end, 0, even)
  -- i^2 + 1 is even exactly for odd i.
  local expected = 0
  for i = 1, size, 2 do expected = expected + i * i + 1 end
  check(folded == expected, "map/filter/fold", round)

  -- Shared upvalues survive their creator.
  local deposit, withdraw, get = makeAccount(round)
  for i = 1, size do
    deposit(i)
    if i % 3 == 0 then withdraw(i) end
  end
  local kept = 0
  for i = 1, size do if i % 3 ~= 0 then kept = kept + i end end
  check(get() == round + kept, "shared upvalue", round)

  -- A counter generator: each call of the outer function makes a new state.
  local function counter()
    local c = 0
    return function() c = c + 1; return c end
  end
  local a, b = counter(), counter()
  for _ = 1, size do a() end
  check(a() == size + 1 and b() == 1, "independent counters", round)

  total = total + folded + get()
end
print(string.format("closures %d rounds: total %d", n, total))
print("OK")
