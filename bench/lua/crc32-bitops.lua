-- Integer and bitwise operations (Lua 5.4 only: integer division, bitwise
-- operators, 64-bit integer wrap-around): CRC-32 of a generated buffer,
-- table-driven and bit by bit, and a 64-bit xorshift generator with FNV-1a
-- hashing.
-- Check: the CRC-32 of "123456789" is 0xCBF43926; the table-driven and the
-- bitwise CRC of every buffer agree; running the generator again, two
-- steps per loop iteration, reaches the same state.
-- family: integers and bitwise operators
-- sizes: full 2000, quick 10
-- requires: lua5.4

local byte = string.byte

local crcTable = {}
for i = 0, 255 do
  local c = i
  for _ = 1, 8 do
    if c & 1 == 1 then c = 0xEDB88320 ~ (c >> 1) else c = c >> 1 end
  end
  crcTable[i] = c
end

local function crcByTable(s)
  local c = 0xFFFFFFFF
  for i = 1, #s do
    c = crcTable[(c ~ byte(s, i)) & 0xFF] ~ (c >> 8)
  end
  return c ~ 0xFFFFFFFF
end

local function crcByBits(s)
  local c = 0xFFFFFFFF
  for i = 1, #s do
    c = c ~ byte(s, i)
    for _ = 1, 8 do
      local mask = -(c & 1)
      c = (c >> 1) ~ (0xEDB88320 & mask)
    end
  end
  return ~c & 0xFFFFFFFF
end

local function xorshift(x)
  x = x ~ (x << 13)
  x = x ~ (x >> 7)
  x = x ~ (x << 17)
  return x
end

local function fnv1a(s)
  local h = -3750763034362895579   -- 14695981039346656037 as a signed 64-bit integer
  for i = 1, #s do
    h = (h ~ byte(s, i)) * 1099511628211
  end
  return h
end

assert(crcByTable("123456789") == 0xCBF43926 and crcByBits("123456789") == 0xCBF43926,
       "CRC-32 of the check string")

local n = tonumber(arg and arg[1]) or 2000
local state = 88172645463325252
local hashes = 0
for round = 1, n do
  -- A buffer of 1000 bytes from the generator.
  local bytes = {}
  local x = state
  for i = 1, 1000 do
    x = xorshift(x)
    bytes[i] = string.char((x >> 24) & 0xFF)
  end
  local buffer = table.concat(bytes)
  local a, b = crcByTable(buffer), crcByBits(buffer)
  if a ~= b then error(string.format("round %d: CRC %08x by table, %08x by bits", round, a, b)) end
  hashes = hashes ~ fnv1a(buffer) ~ a

  -- The same 1000 steps again, two per iteration, with integer division
  -- used for the loop bound.
  local y = state
  for _ = 1, 1000 // 2 do y = xorshift(xorshift(y)) end
  if x ~= y then error(string.format("round %d: generator states differ", round)) end
  state = x
end
print(string.format("crc32-bitops %d buffers: combined hash %016x", n, hashes))
print("OK")
