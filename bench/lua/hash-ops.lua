-- Hash tables with number and mixed keys: inserting sparse integer keys,
-- looking up present and absent keys, deleting half of them and
-- re-inserting, traversing with pairs and next, float and boolean and
-- table keys, and a table used as a set of small records.
-- Check: the number of hits, the sums of keys and values found by
-- traversal, and the counts after deletion all equal closed forms or
-- counts kept separately.
-- family: hash tables
-- sizes: full 80, quick 1

local function check(ok, what)
  if not ok then error(what) end
end

local n = tonumber(arg and arg[1]) or 80
local size = 50000
local stride = 7919        -- keys k * stride spread over a large range
local checksum = 0
for round = 1, n do
  local t = {}
  for k = 1, size do t[k * stride] = k end

  -- Lookups: every present key hits, every key between two present ones misses.
  local hits, misses, valueSum = 0, 0, 0
  for k = 1, size do
    local v = t[k * stride]
    if v then hits = hits + 1; valueSum = valueSum + v end
    if t[k * stride + 1] == nil then misses = misses + 1 end
  end
  check(hits == size and misses == size, "lookups")
  check(valueSum == size * (size + 1) / 2, "values found")

  -- Delete the even values, then traverse.
  for k = 2, size, 2 do t[k * stride] = nil end
  local count, keySum = 0, 0
  for key, v in pairs(t) do
    count = count + 1
    keySum = keySum + key
    check(key == v * stride and v % 2 == 1, "a deleted or wrong entry survived")
  end
  local odd = (size + size % 2) / 2
  check(count == odd, "count after deletion")
  check(keySum == stride * odd * odd, "key sum after deletion")

  -- Re-insert with new values; next() walks everything.
  for k = 2, size, 2 do t[k * stride] = -k end
  count = 0
  local key, v = next(t)
  while key ~= nil do
    count = count + 1
    key, v = next(t, key)
  end
  check(count == size, "count after re-insertion")

  -- Mixed keys: floats (integral ones normalise to integers), booleans,
  -- strings made from numbers, tables.
  local mixed = {}
  for k = 1, 2000 do
    mixed[k + 0.5] = k
    mixed[tostring(k)] = k
  end
  mixed[true], mixed[false] = "yes", "no"
  local keysAsTables = {}
  for k = 1, 500 do
    local box = { k }
    keysAsTables[k] = box
    mixed[box] = k
  end
  local sum = 0
  for k = 1, 2000 do
    sum = sum + mixed[k + 0.5] + mixed[tostring(k)]
    check(mixed[k + 0.0] == nil, "integral float key found")
  end
  for k = 1, 500 do sum = sum + mixed[keysAsTables[k]] end
  check(sum == 2000 * 2001 + 500 * 501 / 2, "mixed keys")
  check(mixed[true] == "yes" and mixed[false] == "no", "boolean keys")
  mixed[2.0] = "two"
  check(mixed[2] == "two", "float key 2.0 is integer key 2")

  checksum = checksum + keySum % 1000003 + round
end
print(string.format("hash-ops %d rounds of %d keys: checksum %d", n, size, checksum))
print("OK")
