-- JSON: an encoder and a recursive-descent decoder written in Lua, run over
-- generated documents (arrays of records with nested objects and arrays,
-- strings with escapes, integers, fractions, booleans and null).
-- Check: decoding the encoded document gives a structure deep-equal to the
-- original, and encoding that again gives the same text; a fixed document
-- decodes to known values.
-- family: JSON
-- sizes: full 60, quick 3

local byte, char, sub, find, format, concat = string.byte, string.char, string.sub, string.find, string.format, table.concat
local floor = math.floor

local null = setmetatable({}, { __tostring = function() return "null" end })

-- Encoder ---------------------------------------------------------------------

local escapes = { ['"'] = '\\"', ['\\'] = '\\\\', ['\b'] = '\\b', ['\f'] = '\\f',
                  ['\n'] = '\\n', ['\r'] = '\\r', ['\t'] = '\\t' }

local function escapeChar(c)
  return escapes[c] or format("\\u%04x", byte(c))
end

local function isArray(t)
  local n = #t
  if n == 0 then return next(t) == nil end
  local count = 0
  for _ in pairs(t) do count = count + 1 end
  return count == n
end

local encodeValue

local function encodeString(s, out)
  out[#out + 1] = '"'
  out[#out + 1] = (s:gsub('[%c"\\]', escapeChar))
  out[#out + 1] = '"'
end

function encodeValue(v, out)
  local t = type(v)
  if t == "string" then
    encodeString(v, out)
  elseif t == "number" then
    if v == floor(v) and v >= -2^53 and v <= 2^53 then
      out[#out + 1] = format("%d", v)
    else
      out[#out + 1] = format("%.17g", v)
    end
  elseif t == "boolean" then
    out[#out + 1] = v and "true" or "false"
  elseif v == null then
    out[#out + 1] = "null"
  elseif t == "table" then
    if isArray(v) then
      out[#out + 1] = "["
      for i = 1, #v do
        if i > 1 then out[#out + 1] = "," end
        encodeValue(v[i], out)
      end
      out[#out + 1] = "]"
    else
      -- Keys sorted, so that the text is deterministic.
      local keys = {}
      for k in pairs(v) do keys[#keys + 1] = k end
      table.sort(keys)
      out[#out + 1] = "{"
      for i = 1, #keys do
        if i > 1 then out[#out + 1] = "," end
        encodeString(keys[i], out)
        out[#out + 1] = ":"
        encodeValue(v[keys[i]], out)
      end
      out[#out + 1] = "}"
    end
  else
    error("cannot encode a " .. t)
  end
end

local function encode(v)
  local out = {}
  encodeValue(v, out)
  return concat(out)
end

-- Decoder ---------------------------------------------------------------------

local decodeValue

local function skip(s, i)
  local _, e = find(s, "^[ \n\r\t]*", i)
  return e + 1
end

local function decodeError(s, i, what)
  error(format("JSON: %s at position %d near '%s'", what, i, sub(s, i, i + 10)))
end

local unescapes = { ['"'] = '"', ['\\'] = '\\', ['/'] = '/', b = '\b', f = '\f', n = '\n', r = '\r', t = '\t' }

local function decodeString(s, i)
  -- s[i] is the opening quote.
  local parts = {}
  local j = i + 1
  while true do
    local stop = find(s, '["\\]', j)
    if not stop then decodeError(s, i, "unterminated string") end
    parts[#parts + 1] = sub(s, j, stop - 1)
    if byte(s, stop) == 34 then return concat(parts), stop + 1 end
    local e = sub(s, stop + 1, stop + 1)
    if e == "u" then
      local code = tonumber(sub(s, stop + 2, stop + 5), 16)
      if not code or code > 127 then decodeError(s, stop, "unsupported escape") end
      parts[#parts + 1] = char(code)
      j = stop + 6
    else
      local c = unescapes[e]
      if not c then decodeError(s, stop, "bad escape") end
      parts[#parts + 1] = c
      j = stop + 2
    end
  end
end

local function decodeNumber(s, i)
  local _, e = find(s, "^-?%d+%.?%d*[eE]?[-+]?%d*", i)
  if not e then decodeError(s, i, "bad number") end
  local v = tonumber(sub(s, i, e))
  if not v then decodeError(s, i, "bad number") end
  return v, e + 1
end

local function decodeArray(s, i)
  local result = {}
  i = skip(s, i + 1)
  if byte(s, i) == 93 then return result, i + 1 end
  while true do
    local v
    v, i = decodeValue(s, i)
    result[#result + 1] = v
    i = skip(s, i)
    local c = byte(s, i)
    if c == 93 then return result, i + 1 end
    if c ~= 44 then decodeError(s, i, "',' or ']' expected") end
    i = skip(s, i + 1)
  end
end

local function decodeObject(s, i)
  local result = {}
  i = skip(s, i + 1)
  if byte(s, i) == 125 then return result, i + 1 end
  while true do
    if byte(s, i) ~= 34 then decodeError(s, i, "key expected") end
    local key
    key, i = decodeString(s, i)
    i = skip(s, i)
    if byte(s, i) ~= 58 then decodeError(s, i, "':' expected") end
    local v
    v, i = decodeValue(s, skip(s, i + 1))
    result[key] = v
    i = skip(s, i)
    local c = byte(s, i)
    if c == 125 then return result, i + 1 end
    if c ~= 44 then decodeError(s, i, "',' or '}' expected") end
    i = skip(s, i + 1)
  end
end

function decodeValue(s, i)
  local c = byte(s, i)
  if c == 34 then return decodeString(s, i) end
  if c == 123 then return decodeObject(s, i) end
  if c == 91 then return decodeArray(s, i) end
  if c == 116 and sub(s, i, i + 3) == "true" then return true, i + 4 end
  if c == 102 and sub(s, i, i + 4) == "false" then return false, i + 5 end
  if c == 110 and sub(s, i, i + 3) == "null" then return null, i + 4 end
  return decodeNumber(s, i)
end

local function decode(s)
  local v, i = decodeValue(s, skip(s, 1))
  i = skip(s, i)
  if i <= #s then decodeError(s, i, "trailing characters") end
  return v
end

-- Test data and comparison ----------------------------------------------------

local function deepEqual(a, b)
  if a == b then return true end
  if type(a) ~= "table" or type(b) ~= "table" then return false end
  for k, v in pairs(a) do
    if not deepEqual(v, b[k]) then return false end
  end
  for k in pairs(b) do
    if a[k] == nil then return false end
  end
  return true
end

local words = { "plain", "with \"quotes\"", "back\\slash", "tab\there", "new\nline",
                "control\1char", "slash/ok", "", "unicode-free text", "{braces} [brackets]" }

local function makeDocument(records, seed)
  local doc = {}
  for r = 1, records do
    seed = (seed * 16807) % 2147483647
    local tags = {}
    for t = 1, seed % 5 do tags[t] = words[(seed + t) % #words + 1] end
    doc[r] = {
      id = r,
      name = words[seed % #words + 1] .. " " .. r,
      score = (seed % 10000) / 16,
      negative = -(seed % 777),
      active = seed % 3 == 0,
      missing = null,
      tags = tags,
      position = { x = seed % 640, y = seed % 480, z = (seed % 100) / 4 },
      history = { { at = seed % 86400, ok = true }, { at = seed % 3600, ok = false } },
    }
  end
  return doc, seed
end

-- A fixed document with known contents.
local sample = decode(' { "a" : [1, 2.5, -3e2, true, false, null], "b": {"c": "x\\ty\\u0041"}, "d": [] } ')
assert(sample.a[1] == 1 and sample.a[2] == 2.5 and sample.a[3] == -300 and sample.a[4] == true
       and sample.a[5] == false and sample.a[6] == null and sample.b.c == "x\tyA" and #sample.d == 0,
       "the sample document decodes wrongly")

local n = tonumber(arg and arg[1]) or 60
local seed = 2024
local bytes = 0
for round = 1, n do
  local doc
  doc, seed = makeDocument(200, seed)
  local text = encode(doc)
  local back = decode(text)
  if not deepEqual(doc, back) then error("round " .. round .. ": decoded document differs") end
  if encode(back) ~= text then error("round " .. round .. ": re-encoded text differs") end
  bytes = bytes + #text
end
print(string.format("json %d documents: %d bytes encoded and decoded", n, bytes))
print("OK")
