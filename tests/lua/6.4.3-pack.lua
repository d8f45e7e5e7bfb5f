-- Lua 5.4 manual ¬ß6.4.2 Format Strings for Pack and Unpack: string.pack,
-- string.packsize and string.unpack, every option, alignment and error.
-- Self-checking: prints only "OK" on success. The expected results in the
-- case table are those lua5.4 gives.

-- Runs string.<name>(...) from a chunk named "t", so that errors read
-- "t:1: ..." in lua5.4 and in Tycho alike, and serializes what it returns
-- (or "E:" and the error message) into one comparable string. Uses only
-- the base library besides the string functions under test.
local function pk(...) return {n = select("#", ...), ...} end

local function join(t, sep, n)
  local s = ""
  for i = 1, (n or #t) do s = s .. (i > 1 and sep or "") .. t[i] end
  return s
end

local function unpackFrom(t, i, n)
  if i > n then return end
  return t[i], unpackFrom(t, i + 1, n)
end

-- strings in quotes, numbers as tostring shows them (1 and 1.0 differ)
local function ser(r)
  local parts = {}
  for i = 1, r.n do
    local v = r[i]
    if type(v) == "string" then parts[i] = "'" .. v .. "'"
    else parts[i] = tostring(v) end
  end
  return join(parts, ",", r.n)
end

local callers = {}
local function caller(name)
  local c = callers[name]
  if not c then
    c = assert(load("local pk = ... return function(...) return pk(string." .. name .. "(...)) end", "=t"))(pk)
    callers[name] = c
  end
  return c
end

-- Every iteration of string.gmatch(...), "; " between them.
local step = assert(load("local pk = ... return function(f) return pk(f()) end", "=t"))(pk)
local function gmatchAll(...)
  local ok, r = pcall(caller("gmatch"), ...)
  if not ok then return "E:" .. tostring(r) end
  local out = {}
  while #out < 100 do
    local ok2, v = pcall(step, r[1])
    if not ok2 then out[#out + 1] = "E:" .. tostring(v) break end
    if v[1] == nil then break end
    out[#out + 1] = ser(v)
  end
  return join(out, "; ")
end

local function run(name, ...)
  if name == "gmatch*" then return gmatchAll(...) end
  local ok, r = pcall(caller(name), ...)
  if not ok then return "E:" .. tostring(r) end
  return ser(r)
end

local failures = {}
local function check(label, got, expected)
  if got ~= expected then
    failures[#failures + 1] = label .. "\n   got:      " .. got .. "\n   expected: " .. expected
  end
end

-- Rows {name, expected, arg1, arg2, ...}; `n` counts the arguments when
-- trailing ones are nil.
local function runCases(cases)
  for _, c in ipairs(cases) do
    local n = (c.n or #c - 2) + 2
    local shown = {}
    for i = 3, n do
      local v = c[i]
      shown[i - 2] = type(v) == "string" and string.format("%q", v) or tostring(v)
    end
    check(c[1] .. "(" .. join(shown, ", ", n - 2) .. ")", run(c[1], unpackFrom(c, 3, n)), c[2])
  end
end

local function finish()
  if #failures > 0 then
    print(#failures .. " failures:")
    for i = 1, #failures do print(failures[i]) end
    error("test failed")
  end
  print("OK")
end

-- {function, expected, arguments...}
local cases = {
  {"pack", "'\0'", "<b", 0},
  {"pack", "'\1'", "<b", 1},
  {"pack", "'ˇ'", "<b", -1},
  {"pack", "'\127'", "<b", 127},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<b", 128},
  {"pack", "'Ä'", "<b", -128},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<b", -129},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<b", 255},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<b", 256},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<b", 32767},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<b", 32768},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<b", -32768},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<b", -32769},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<b", 65535},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<b", 65536},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<b", 2147483647.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<b", 2147483648.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<b", -2147483648.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<b", -2147483649.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<b", 4294967295.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<b", 4294967296.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<b", 9007199254740992.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<b", 9223372036854775807},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<b", (-0x7fffffffffffffff - 1)},
  {"pack", "'\3'", "<b", 3.0},
  {"pack", "'\12'", "<b", "12"},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number has no integer representation)", "<b", 1.5},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got string)", "<b", "x"},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", ">b", 258},
  {"pack", "'\1'", "=b", 1},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got nil)", "b"},
  {"packsize", "1", "b"},
  {"pack", "'\0'", "<B", 0},
  {"pack", "'\1'", "<B", 1},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<B", -1},
  {"pack", "'\127'", "<B", 127},
  {"pack", "'Ä'", "<B", 128},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<B", -128},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<B", -129},
  {"pack", "'ˇ'", "<B", 255},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<B", 256},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<B", 32767},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<B", 32768},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<B", -32768},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<B", -32769},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<B", 65535},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<B", 65536},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<B", 2147483647.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<B", 2147483648.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<B", -2147483648.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<B", -2147483649.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<B", 4294967295.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<B", 4294967296.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<B", 9007199254740992.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<B", 9223372036854775807},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<B", (-0x7fffffffffffffff - 1)},
  {"pack", "'\3'", "<B", 3.0},
  {"pack", "'\12'", "<B", "12"},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number has no integer representation)", "<B", 1.5},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got string)", "<B", "x"},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", ">B", 258},
  {"pack", "'\1'", "=B", 1},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got nil)", "B"},
  {"packsize", "1", "B"},
  {"pack", "'\0\0'", "<h", 0},
  {"pack", "'\1\0'", "<h", 1},
  {"pack", "'ˇˇ'", "<h", -1},
  {"pack", "'\127\0'", "<h", 127},
  {"pack", "'Ä\0'", "<h", 128},
  {"pack", "'Äˇ'", "<h", -128},
  {"pack", "'\127ˇ'", "<h", -129},
  {"pack", "'ˇ\0'", "<h", 255},
  {"pack", "'\0\1'", "<h", 256},
  {"pack", "'ˇ\127'", "<h", 32767},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<h", 32768},
  {"pack", "'\0Ä'", "<h", -32768},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<h", -32769},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<h", 65535},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<h", 65536},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<h", 2147483647.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<h", 2147483648.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<h", -2147483648.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<h", -2147483649.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<h", 4294967295.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<h", 4294967296.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<h", 9007199254740992.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<h", 9223372036854775807},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<h", (-0x7fffffffffffffff - 1)},
  {"pack", "'\3\0'", "<h", 3.0},
  {"pack", "'\12\0'", "<h", "12"},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number has no integer representation)", "<h", 1.5},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got string)", "<h", "x"},
  {"pack", "'\1\2'", ">h", 258},
  {"pack", "'\1\0'", "=h", 1},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got nil)", "h"},
  {"packsize", "2", "h"},
  {"pack", "'\0\0'", "<H", 0},
  {"pack", "'\1\0'", "<H", 1},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<H", -1},
  {"pack", "'\127\0'", "<H", 127},
  {"pack", "'Ä\0'", "<H", 128},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<H", -128},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<H", -129},
  {"pack", "'ˇ\0'", "<H", 255},
  {"pack", "'\0\1'", "<H", 256},
  {"pack", "'ˇ\127'", "<H", 32767},
  {"pack", "'\0Ä'", "<H", 32768},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<H", -32768},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<H", -32769},
  {"pack", "'ˇˇ'", "<H", 65535},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<H", 65536},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<H", 2147483647.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<H", 2147483648.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<H", -2147483648.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<H", -2147483649.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<H", 4294967295.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<H", 4294967296.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<H", 9007199254740992.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<H", 9223372036854775807},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<H", (-0x7fffffffffffffff - 1)},
  {"pack", "'\3\0'", "<H", 3.0},
  {"pack", "'\12\0'", "<H", "12"},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number has no integer representation)", "<H", 1.5},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got string)", "<H", "x"},
  {"pack", "'\1\2'", ">H", 258},
  {"pack", "'\1\0'", "=H", 1},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got nil)", "H"},
  {"packsize", "2", "H"},
  {"pack", "'\0\0\0\0'", "<i", 0},
  {"pack", "'\1\0\0\0'", "<i", 1},
  {"pack", "'ˇˇˇˇ'", "<i", -1},
  {"pack", "'\127\0\0\0'", "<i", 127},
  {"pack", "'Ä\0\0\0'", "<i", 128},
  {"pack", "'Äˇˇˇ'", "<i", -128},
  {"pack", "'\127ˇˇˇ'", "<i", -129},
  {"pack", "'ˇ\0\0\0'", "<i", 255},
  {"pack", "'\0\1\0\0'", "<i", 256},
  {"pack", "'ˇ\127\0\0'", "<i", 32767},
  {"pack", "'\0Ä\0\0'", "<i", 32768},
  {"pack", "'\0Äˇˇ'", "<i", -32768},
  {"pack", "'ˇ\127ˇˇ'", "<i", -32769},
  {"pack", "'ˇˇ\0\0'", "<i", 65535},
  {"pack", "'\0\0\1\0'", "<i", 65536},
  {"pack", "'ˇˇˇ\127'", "<i", 2147483647.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<i", 2147483648.0},
  {"pack", "'\0\0\0Ä'", "<i", -2147483648.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<i", -2147483649.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<i", 4294967295.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<i", 4294967296.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<i", 9007199254740992.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<i", 9223372036854775807},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<i", (-0x7fffffffffffffff - 1)},
  {"pack", "'\3\0\0\0'", "<i", 3.0},
  {"pack", "'\12\0\0\0'", "<i", "12"},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number has no integer representation)", "<i", 1.5},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got string)", "<i", "x"},
  {"pack", "'\0\0\1\2'", ">i", 258},
  {"pack", "'\1\0\0\0'", "=i", 1},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got nil)", "i"},
  {"packsize", "4", "i"},
  {"pack", "'\0\0\0\0'", "<I", 0},
  {"pack", "'\1\0\0\0'", "<I", 1},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I", -1},
  {"pack", "'\127\0\0\0'", "<I", 127},
  {"pack", "'Ä\0\0\0'", "<I", 128},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I", -128},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I", -129},
  {"pack", "'ˇ\0\0\0'", "<I", 255},
  {"pack", "'\0\1\0\0'", "<I", 256},
  {"pack", "'ˇ\127\0\0'", "<I", 32767},
  {"pack", "'\0Ä\0\0'", "<I", 32768},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I", -32768},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I", -32769},
  {"pack", "'ˇˇ\0\0'", "<I", 65535},
  {"pack", "'\0\0\1\0'", "<I", 65536},
  {"pack", "'ˇˇˇ\127'", "<I", 2147483647.0},
  {"pack", "'\0\0\0Ä'", "<I", 2147483648.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I", -2147483648.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I", -2147483649.0},
  {"pack", "'ˇˇˇˇ'", "<I", 4294967295.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I", 4294967296.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I", 9007199254740992.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I", 9223372036854775807},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I", (-0x7fffffffffffffff - 1)},
  {"pack", "'\3\0\0\0'", "<I", 3.0},
  {"pack", "'\12\0\0\0'", "<I", "12"},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number has no integer representation)", "<I", 1.5},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got string)", "<I", "x"},
  {"pack", "'\0\0\1\2'", ">I", 258},
  {"pack", "'\1\0\0\0'", "=I", 1},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got nil)", "I"},
  {"packsize", "4", "I"},
  {"pack", "'\0\0\0\0\0\0\0\0'", "<l", 0},
  {"pack", "'\1\0\0\0\0\0\0\0'", "<l", 1},
  {"pack", "'ˇˇˇˇˇˇˇˇ'", "<l", -1},
  {"pack", "'\127\0\0\0\0\0\0\0'", "<l", 127},
  {"pack", "'Ä\0\0\0\0\0\0\0'", "<l", 128},
  {"pack", "'Äˇˇˇˇˇˇˇ'", "<l", -128},
  {"pack", "'\127ˇˇˇˇˇˇˇ'", "<l", -129},
  {"pack", "'ˇ\0\0\0\0\0\0\0'", "<l", 255},
  {"pack", "'\0\1\0\0\0\0\0\0'", "<l", 256},
  {"pack", "'ˇ\127\0\0\0\0\0\0'", "<l", 32767},
  {"pack", "'\0Ä\0\0\0\0\0\0'", "<l", 32768},
  {"pack", "'\0Äˇˇˇˇˇˇ'", "<l", -32768},
  {"pack", "'ˇ\127ˇˇˇˇˇˇ'", "<l", -32769},
  {"pack", "'ˇˇ\0\0\0\0\0\0'", "<l", 65535},
  {"pack", "'\0\0\1\0\0\0\0\0'", "<l", 65536},
  {"pack", "'ˇˇˇ\127\0\0\0\0'", "<l", 2147483647.0},
  {"pack", "'\0\0\0Ä\0\0\0\0'", "<l", 2147483648.0},
  {"pack", "'\0\0\0Äˇˇˇˇ'", "<l", -2147483648.0},
  {"pack", "'ˇˇˇ\127ˇˇˇˇ'", "<l", -2147483649.0},
  {"pack", "'ˇˇˇˇ\0\0\0\0'", "<l", 4294967295.0},
  {"pack", "'\0\0\0\0\1\0\0\0'", "<l", 4294967296.0},
  {"pack", "'\0\0\0\0\0\0 \0'", "<l", 9007199254740992.0},
  {"pack", "'ˇˇˇˇˇˇˇ\127'", "<l", 9223372036854775807},
  {"pack", "'\0\0\0\0\0\0\0Ä'", "<l", (-0x7fffffffffffffff - 1)},
  {"pack", "'\3\0\0\0\0\0\0\0'", "<l", 3.0},
  {"pack", "'\12\0\0\0\0\0\0\0'", "<l", "12"},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number has no integer representation)", "<l", 1.5},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got string)", "<l", "x"},
  {"pack", "'\0\0\0\0\0\0\1\2'", ">l", 258},
  {"pack", "'\1\0\0\0\0\0\0\0'", "=l", 1},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got nil)", "l"},
  {"packsize", "8", "l"},
  {"pack", "'\0\0\0\0\0\0\0\0'", "<L", 0},
  {"pack", "'\1\0\0\0\0\0\0\0'", "<L", 1},
  {"pack", "'ˇˇˇˇˇˇˇˇ'", "<L", -1},
  {"pack", "'\127\0\0\0\0\0\0\0'", "<L", 127},
  {"pack", "'Ä\0\0\0\0\0\0\0'", "<L", 128},
  {"pack", "'Äˇˇˇˇˇˇˇ'", "<L", -128},
  {"pack", "'\127ˇˇˇˇˇˇˇ'", "<L", -129},
  {"pack", "'ˇ\0\0\0\0\0\0\0'", "<L", 255},
  {"pack", "'\0\1\0\0\0\0\0\0'", "<L", 256},
  {"pack", "'ˇ\127\0\0\0\0\0\0'", "<L", 32767},
  {"pack", "'\0Ä\0\0\0\0\0\0'", "<L", 32768},
  {"pack", "'\0Äˇˇˇˇˇˇ'", "<L", -32768},
  {"pack", "'ˇ\127ˇˇˇˇˇˇ'", "<L", -32769},
  {"pack", "'ˇˇ\0\0\0\0\0\0'", "<L", 65535},
  {"pack", "'\0\0\1\0\0\0\0\0'", "<L", 65536},
  {"pack", "'ˇˇˇ\127\0\0\0\0'", "<L", 2147483647.0},
  {"pack", "'\0\0\0Ä\0\0\0\0'", "<L", 2147483648.0},
  {"pack", "'\0\0\0Äˇˇˇˇ'", "<L", -2147483648.0},
  {"pack", "'ˇˇˇ\127ˇˇˇˇ'", "<L", -2147483649.0},
  {"pack", "'ˇˇˇˇ\0\0\0\0'", "<L", 4294967295.0},
  {"pack", "'\0\0\0\0\1\0\0\0'", "<L", 4294967296.0},
  {"pack", "'\0\0\0\0\0\0 \0'", "<L", 9007199254740992.0},
  {"pack", "'ˇˇˇˇˇˇˇ\127'", "<L", 9223372036854775807},
  {"pack", "'\0\0\0\0\0\0\0Ä'", "<L", (-0x7fffffffffffffff - 1)},
  {"pack", "'\3\0\0\0\0\0\0\0'", "<L", 3.0},
  {"pack", "'\12\0\0\0\0\0\0\0'", "<L", "12"},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number has no integer representation)", "<L", 1.5},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got string)", "<L", "x"},
  {"pack", "'\0\0\0\0\0\0\1\2'", ">L", 258},
  {"pack", "'\1\0\0\0\0\0\0\0'", "=L", 1},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got nil)", "L"},
  {"packsize", "8", "L"},
  {"pack", "'\0\0\0\0\0\0\0\0'", "<j", 0},
  {"pack", "'\1\0\0\0\0\0\0\0'", "<j", 1},
  {"pack", "'ˇˇˇˇˇˇˇˇ'", "<j", -1},
  {"pack", "'\127\0\0\0\0\0\0\0'", "<j", 127},
  {"pack", "'Ä\0\0\0\0\0\0\0'", "<j", 128},
  {"pack", "'Äˇˇˇˇˇˇˇ'", "<j", -128},
  {"pack", "'\127ˇˇˇˇˇˇˇ'", "<j", -129},
  {"pack", "'ˇ\0\0\0\0\0\0\0'", "<j", 255},
  {"pack", "'\0\1\0\0\0\0\0\0'", "<j", 256},
  {"pack", "'ˇ\127\0\0\0\0\0\0'", "<j", 32767},
  {"pack", "'\0Ä\0\0\0\0\0\0'", "<j", 32768},
  {"pack", "'\0Äˇˇˇˇˇˇ'", "<j", -32768},
  {"pack", "'ˇ\127ˇˇˇˇˇˇ'", "<j", -32769},
  {"pack", "'ˇˇ\0\0\0\0\0\0'", "<j", 65535},
  {"pack", "'\0\0\1\0\0\0\0\0'", "<j", 65536},
  {"pack", "'ˇˇˇ\127\0\0\0\0'", "<j", 2147483647.0},
  {"pack", "'\0\0\0Ä\0\0\0\0'", "<j", 2147483648.0},
  {"pack", "'\0\0\0Äˇˇˇˇ'", "<j", -2147483648.0},
  {"pack", "'ˇˇˇ\127ˇˇˇˇ'", "<j", -2147483649.0},
  {"pack", "'ˇˇˇˇ\0\0\0\0'", "<j", 4294967295.0},
  {"pack", "'\0\0\0\0\1\0\0\0'", "<j", 4294967296.0},
  {"pack", "'\0\0\0\0\0\0 \0'", "<j", 9007199254740992.0},
  {"pack", "'ˇˇˇˇˇˇˇ\127'", "<j", 9223372036854775807},
  {"pack", "'\0\0\0\0\0\0\0Ä'", "<j", (-0x7fffffffffffffff - 1)},
  {"pack", "'\3\0\0\0\0\0\0\0'", "<j", 3.0},
  {"pack", "'\12\0\0\0\0\0\0\0'", "<j", "12"},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number has no integer representation)", "<j", 1.5},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got string)", "<j", "x"},
  {"pack", "'\0\0\0\0\0\0\1\2'", ">j", 258},
  {"pack", "'\1\0\0\0\0\0\0\0'", "=j", 1},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got nil)", "j"},
  {"packsize", "8", "j"},
  {"pack", "'\0\0\0\0\0\0\0\0'", "<J", 0},
  {"pack", "'\1\0\0\0\0\0\0\0'", "<J", 1},
  {"pack", "'ˇˇˇˇˇˇˇˇ'", "<J", -1},
  {"pack", "'\127\0\0\0\0\0\0\0'", "<J", 127},
  {"pack", "'Ä\0\0\0\0\0\0\0'", "<J", 128},
  {"pack", "'Äˇˇˇˇˇˇˇ'", "<J", -128},
  {"pack", "'\127ˇˇˇˇˇˇˇ'", "<J", -129},
  {"pack", "'ˇ\0\0\0\0\0\0\0'", "<J", 255},
  {"pack", "'\0\1\0\0\0\0\0\0'", "<J", 256},
  {"pack", "'ˇ\127\0\0\0\0\0\0'", "<J", 32767},
  {"pack", "'\0Ä\0\0\0\0\0\0'", "<J", 32768},
  {"pack", "'\0Äˇˇˇˇˇˇ'", "<J", -32768},
  {"pack", "'ˇ\127ˇˇˇˇˇˇ'", "<J", -32769},
  {"pack", "'ˇˇ\0\0\0\0\0\0'", "<J", 65535},
  {"pack", "'\0\0\1\0\0\0\0\0'", "<J", 65536},
  {"pack", "'ˇˇˇ\127\0\0\0\0'", "<J", 2147483647.0},
  {"pack", "'\0\0\0Ä\0\0\0\0'", "<J", 2147483648.0},
  {"pack", "'\0\0\0Äˇˇˇˇ'", "<J", -2147483648.0},
  {"pack", "'ˇˇˇ\127ˇˇˇˇ'", "<J", -2147483649.0},
  {"pack", "'ˇˇˇˇ\0\0\0\0'", "<J", 4294967295.0},
  {"pack", "'\0\0\0\0\1\0\0\0'", "<J", 4294967296.0},
  {"pack", "'\0\0\0\0\0\0 \0'", "<J", 9007199254740992.0},
  {"pack", "'ˇˇˇˇˇˇˇ\127'", "<J", 9223372036854775807},
  {"pack", "'\0\0\0\0\0\0\0Ä'", "<J", (-0x7fffffffffffffff - 1)},
  {"pack", "'\3\0\0\0\0\0\0\0'", "<J", 3.0},
  {"pack", "'\12\0\0\0\0\0\0\0'", "<J", "12"},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number has no integer representation)", "<J", 1.5},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got string)", "<J", "x"},
  {"pack", "'\0\0\0\0\0\0\1\2'", ">J", 258},
  {"pack", "'\1\0\0\0\0\0\0\0'", "=J", 1},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got nil)", "J"},
  {"packsize", "8", "J"},
  {"pack", "'\0\0\0\0\0\0\0\0'", "<T", 0},
  {"pack", "'\1\0\0\0\0\0\0\0'", "<T", 1},
  {"pack", "'ˇˇˇˇˇˇˇˇ'", "<T", -1},
  {"pack", "'\127\0\0\0\0\0\0\0'", "<T", 127},
  {"pack", "'Ä\0\0\0\0\0\0\0'", "<T", 128},
  {"pack", "'Äˇˇˇˇˇˇˇ'", "<T", -128},
  {"pack", "'\127ˇˇˇˇˇˇˇ'", "<T", -129},
  {"pack", "'ˇ\0\0\0\0\0\0\0'", "<T", 255},
  {"pack", "'\0\1\0\0\0\0\0\0'", "<T", 256},
  {"pack", "'ˇ\127\0\0\0\0\0\0'", "<T", 32767},
  {"pack", "'\0Ä\0\0\0\0\0\0'", "<T", 32768},
  {"pack", "'\0Äˇˇˇˇˇˇ'", "<T", -32768},
  {"pack", "'ˇ\127ˇˇˇˇˇˇ'", "<T", -32769},
  {"pack", "'ˇˇ\0\0\0\0\0\0'", "<T", 65535},
  {"pack", "'\0\0\1\0\0\0\0\0'", "<T", 65536},
  {"pack", "'ˇˇˇ\127\0\0\0\0'", "<T", 2147483647.0},
  {"pack", "'\0\0\0Ä\0\0\0\0'", "<T", 2147483648.0},
  {"pack", "'\0\0\0Äˇˇˇˇ'", "<T", -2147483648.0},
  {"pack", "'ˇˇˇ\127ˇˇˇˇ'", "<T", -2147483649.0},
  {"pack", "'ˇˇˇˇ\0\0\0\0'", "<T", 4294967295.0},
  {"pack", "'\0\0\0\0\1\0\0\0'", "<T", 4294967296.0},
  {"pack", "'\0\0\0\0\0\0 \0'", "<T", 9007199254740992.0},
  {"pack", "'ˇˇˇˇˇˇˇ\127'", "<T", 9223372036854775807},
  {"pack", "'\0\0\0\0\0\0\0Ä'", "<T", (-0x7fffffffffffffff - 1)},
  {"pack", "'\3\0\0\0\0\0\0\0'", "<T", 3.0},
  {"pack", "'\12\0\0\0\0\0\0\0'", "<T", "12"},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number has no integer representation)", "<T", 1.5},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got string)", "<T", "x"},
  {"pack", "'\0\0\0\0\0\0\1\2'", ">T", 258},
  {"pack", "'\1\0\0\0\0\0\0\0'", "=T", 1},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got nil)", "T"},
  {"packsize", "8", "T"},
  {"pack", "'\0'", "<i1", 0},
  {"pack", "'\1'", "<i1", 1},
  {"pack", "'ˇ'", "<i1", -1},
  {"pack", "'\127'", "<i1", 127},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<i1", 128},
  {"pack", "'Ä'", "<i1", -128},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<i1", -129},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<i1", 255},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<i1", 256},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<i1", 32767},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<i1", 32768},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<i1", -32768},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<i1", -32769},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<i1", 65535},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<i1", 65536},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<i1", 2147483647.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<i1", 2147483648.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<i1", -2147483648.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<i1", -2147483649.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<i1", 4294967295.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<i1", 4294967296.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<i1", 9007199254740992.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<i1", 9223372036854775807},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<i1", (-0x7fffffffffffffff - 1)},
  {"pack", "'\3'", "<i1", 3.0},
  {"pack", "'\12'", "<i1", "12"},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number has no integer representation)", "<i1", 1.5},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got string)", "<i1", "x"},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", ">i1", 258},
  {"pack", "'\1'", "=i1", 1},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got nil)", "i1"},
  {"packsize", "1", "i1"},
  {"pack", "'\0'", "<I1", 0},
  {"pack", "'\1'", "<I1", 1},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I1", -1},
  {"pack", "'\127'", "<I1", 127},
  {"pack", "'Ä'", "<I1", 128},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I1", -128},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I1", -129},
  {"pack", "'ˇ'", "<I1", 255},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I1", 256},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I1", 32767},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I1", 32768},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I1", -32768},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I1", -32769},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I1", 65535},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I1", 65536},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I1", 2147483647.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I1", 2147483648.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I1", -2147483648.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I1", -2147483649.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I1", 4294967295.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I1", 4294967296.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I1", 9007199254740992.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I1", 9223372036854775807},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I1", (-0x7fffffffffffffff - 1)},
  {"pack", "'\3'", "<I1", 3.0},
  {"pack", "'\12'", "<I1", "12"},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number has no integer representation)", "<I1", 1.5},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got string)", "<I1", "x"},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", ">I1", 258},
  {"pack", "'\1'", "=I1", 1},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got nil)", "I1"},
  {"packsize", "1", "I1"},
  {"pack", "'\0\0\0'", "<i3", 0},
  {"pack", "'\1\0\0'", "<i3", 1},
  {"pack", "'ˇˇˇ'", "<i3", -1},
  {"pack", "'\127\0\0'", "<i3", 127},
  {"pack", "'Ä\0\0'", "<i3", 128},
  {"pack", "'Äˇˇ'", "<i3", -128},
  {"pack", "'\127ˇˇ'", "<i3", -129},
  {"pack", "'ˇ\0\0'", "<i3", 255},
  {"pack", "'\0\1\0'", "<i3", 256},
  {"pack", "'ˇ\127\0'", "<i3", 32767},
  {"pack", "'\0Ä\0'", "<i3", 32768},
  {"pack", "'\0Äˇ'", "<i3", -32768},
  {"pack", "'ˇ\127ˇ'", "<i3", -32769},
  {"pack", "'ˇˇ\0'", "<i3", 65535},
  {"pack", "'\0\0\1'", "<i3", 65536},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<i3", 2147483647.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<i3", 2147483648.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<i3", -2147483648.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<i3", -2147483649.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<i3", 4294967295.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<i3", 4294967296.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<i3", 9007199254740992.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<i3", 9223372036854775807},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<i3", (-0x7fffffffffffffff - 1)},
  {"pack", "'\3\0\0'", "<i3", 3.0},
  {"pack", "'\12\0\0'", "<i3", "12"},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number has no integer representation)", "<i3", 1.5},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got string)", "<i3", "x"},
  {"pack", "'\0\1\2'", ">i3", 258},
  {"pack", "'\1\0\0'", "=i3", 1},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got nil)", "i3"},
  {"packsize", "3", "i3"},
  {"pack", "'\0\0\0'", "<I3", 0},
  {"pack", "'\1\0\0'", "<I3", 1},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I3", -1},
  {"pack", "'\127\0\0'", "<I3", 127},
  {"pack", "'Ä\0\0'", "<I3", 128},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I3", -128},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I3", -129},
  {"pack", "'ˇ\0\0'", "<I3", 255},
  {"pack", "'\0\1\0'", "<I3", 256},
  {"pack", "'ˇ\127\0'", "<I3", 32767},
  {"pack", "'\0Ä\0'", "<I3", 32768},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I3", -32768},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I3", -32769},
  {"pack", "'ˇˇ\0'", "<I3", 65535},
  {"pack", "'\0\0\1'", "<I3", 65536},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I3", 2147483647.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I3", 2147483648.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I3", -2147483648.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I3", -2147483649.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I3", 4294967295.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I3", 4294967296.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I3", 9007199254740992.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I3", 9223372036854775807},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I3", (-0x7fffffffffffffff - 1)},
  {"pack", "'\3\0\0'", "<I3", 3.0},
  {"pack", "'\12\0\0'", "<I3", "12"},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number has no integer representation)", "<I3", 1.5},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got string)", "<I3", "x"},
  {"pack", "'\0\1\2'", ">I3", 258},
  {"pack", "'\1\0\0'", "=I3", 1},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got nil)", "I3"},
  {"packsize", "3", "I3"},
  {"pack", "'\0\0\0\0\0'", "<i5", 0},
  {"pack", "'\1\0\0\0\0'", "<i5", 1},
  {"pack", "'ˇˇˇˇˇ'", "<i5", -1},
  {"pack", "'\127\0\0\0\0'", "<i5", 127},
  {"pack", "'Ä\0\0\0\0'", "<i5", 128},
  {"pack", "'Äˇˇˇˇ'", "<i5", -128},
  {"pack", "'\127ˇˇˇˇ'", "<i5", -129},
  {"pack", "'ˇ\0\0\0\0'", "<i5", 255},
  {"pack", "'\0\1\0\0\0'", "<i5", 256},
  {"pack", "'ˇ\127\0\0\0'", "<i5", 32767},
  {"pack", "'\0Ä\0\0\0'", "<i5", 32768},
  {"pack", "'\0Äˇˇˇ'", "<i5", -32768},
  {"pack", "'ˇ\127ˇˇˇ'", "<i5", -32769},
  {"pack", "'ˇˇ\0\0\0'", "<i5", 65535},
  {"pack", "'\0\0\1\0\0'", "<i5", 65536},
  {"pack", "'ˇˇˇ\127\0'", "<i5", 2147483647.0},
  {"pack", "'\0\0\0Ä\0'", "<i5", 2147483648.0},
  {"pack", "'\0\0\0Äˇ'", "<i5", -2147483648.0},
  {"pack", "'ˇˇˇ\127ˇ'", "<i5", -2147483649.0},
  {"pack", "'ˇˇˇˇ\0'", "<i5", 4294967295.0},
  {"pack", "'\0\0\0\0\1'", "<i5", 4294967296.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<i5", 9007199254740992.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<i5", 9223372036854775807},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<i5", (-0x7fffffffffffffff - 1)},
  {"pack", "'\3\0\0\0\0'", "<i5", 3.0},
  {"pack", "'\12\0\0\0\0'", "<i5", "12"},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number has no integer representation)", "<i5", 1.5},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got string)", "<i5", "x"},
  {"pack", "'\0\0\0\1\2'", ">i5", 258},
  {"pack", "'\1\0\0\0\0'", "=i5", 1},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got nil)", "i5"},
  {"packsize", "5", "i5"},
  {"pack", "'\0\0\0\0\0\0\0'", "<i7", 0},
  {"pack", "'\1\0\0\0\0\0\0'", "<i7", 1},
  {"pack", "'ˇˇˇˇˇˇˇ'", "<i7", -1},
  {"pack", "'\127\0\0\0\0\0\0'", "<i7", 127},
  {"pack", "'Ä\0\0\0\0\0\0'", "<i7", 128},
  {"pack", "'Äˇˇˇˇˇˇ'", "<i7", -128},
  {"pack", "'\127ˇˇˇˇˇˇ'", "<i7", -129},
  {"pack", "'ˇ\0\0\0\0\0\0'", "<i7", 255},
  {"pack", "'\0\1\0\0\0\0\0'", "<i7", 256},
  {"pack", "'ˇ\127\0\0\0\0\0'", "<i7", 32767},
  {"pack", "'\0Ä\0\0\0\0\0'", "<i7", 32768},
  {"pack", "'\0Äˇˇˇˇˇ'", "<i7", -32768},
  {"pack", "'ˇ\127ˇˇˇˇˇ'", "<i7", -32769},
  {"pack", "'ˇˇ\0\0\0\0\0'", "<i7", 65535},
  {"pack", "'\0\0\1\0\0\0\0'", "<i7", 65536},
  {"pack", "'ˇˇˇ\127\0\0\0'", "<i7", 2147483647.0},
  {"pack", "'\0\0\0Ä\0\0\0'", "<i7", 2147483648.0},
  {"pack", "'\0\0\0Äˇˇˇ'", "<i7", -2147483648.0},
  {"pack", "'ˇˇˇ\127ˇˇˇ'", "<i7", -2147483649.0},
  {"pack", "'ˇˇˇˇ\0\0\0'", "<i7", 4294967295.0},
  {"pack", "'\0\0\0\0\1\0\0'", "<i7", 4294967296.0},
  {"pack", "'\0\0\0\0\0\0 '", "<i7", 9007199254740992.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<i7", 9223372036854775807},
  {"pack", "E:t:1: bad argument #2 to 'pack' (integer overflow)", "<i7", (-0x7fffffffffffffff - 1)},
  {"pack", "'\3\0\0\0\0\0\0'", "<i7", 3.0},
  {"pack", "'\12\0\0\0\0\0\0'", "<i7", "12"},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number has no integer representation)", "<i7", 1.5},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got string)", "<i7", "x"},
  {"pack", "'\0\0\0\0\0\1\2'", ">i7", 258},
  {"pack", "'\1\0\0\0\0\0\0'", "=i7", 1},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got nil)", "i7"},
  {"packsize", "7", "i7"},
  {"pack", "'\0\0\0\0\0\0\0'", "<I7", 0},
  {"pack", "'\1\0\0\0\0\0\0'", "<I7", 1},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I7", -1},
  {"pack", "'\127\0\0\0\0\0\0'", "<I7", 127},
  {"pack", "'Ä\0\0\0\0\0\0'", "<I7", 128},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I7", -128},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I7", -129},
  {"pack", "'ˇ\0\0\0\0\0\0'", "<I7", 255},
  {"pack", "'\0\1\0\0\0\0\0'", "<I7", 256},
  {"pack", "'ˇ\127\0\0\0\0\0'", "<I7", 32767},
  {"pack", "'\0Ä\0\0\0\0\0'", "<I7", 32768},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I7", -32768},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I7", -32769},
  {"pack", "'ˇˇ\0\0\0\0\0'", "<I7", 65535},
  {"pack", "'\0\0\1\0\0\0\0'", "<I7", 65536},
  {"pack", "'ˇˇˇ\127\0\0\0'", "<I7", 2147483647.0},
  {"pack", "'\0\0\0Ä\0\0\0'", "<I7", 2147483648.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I7", -2147483648.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I7", -2147483649.0},
  {"pack", "'ˇˇˇˇ\0\0\0'", "<I7", 4294967295.0},
  {"pack", "'\0\0\0\0\1\0\0'", "<I7", 4294967296.0},
  {"pack", "'\0\0\0\0\0\0 '", "<I7", 9007199254740992.0},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I7", 9223372036854775807},
  {"pack", "E:t:1: bad argument #2 to 'pack' (unsigned overflow)", "<I7", (-0x7fffffffffffffff - 1)},
  {"pack", "'\3\0\0\0\0\0\0'", "<I7", 3.0},
  {"pack", "'\12\0\0\0\0\0\0'", "<I7", "12"},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number has no integer representation)", "<I7", 1.5},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got string)", "<I7", "x"},
  {"pack", "'\0\0\0\0\0\1\2'", ">I7", 258},
  {"pack", "'\1\0\0\0\0\0\0'", "=I7", 1},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got nil)", "I7"},
  {"packsize", "7", "I7"},
  {"pack", "'\0\0\0\0\0\0\0\0'", "<i8", 0},
  {"pack", "'\1\0\0\0\0\0\0\0'", "<i8", 1},
  {"pack", "'ˇˇˇˇˇˇˇˇ'", "<i8", -1},
  {"pack", "'\127\0\0\0\0\0\0\0'", "<i8", 127},
  {"pack", "'Ä\0\0\0\0\0\0\0'", "<i8", 128},
  {"pack", "'Äˇˇˇˇˇˇˇ'", "<i8", -128},
  {"pack", "'\127ˇˇˇˇˇˇˇ'", "<i8", -129},
  {"pack", "'ˇ\0\0\0\0\0\0\0'", "<i8", 255},
  {"pack", "'\0\1\0\0\0\0\0\0'", "<i8", 256},
  {"pack", "'ˇ\127\0\0\0\0\0\0'", "<i8", 32767},
  {"pack", "'\0Ä\0\0\0\0\0\0'", "<i8", 32768},
  {"pack", "'\0Äˇˇˇˇˇˇ'", "<i8", -32768},
  {"pack", "'ˇ\127ˇˇˇˇˇˇ'", "<i8", -32769},
  {"pack", "'ˇˇ\0\0\0\0\0\0'", "<i8", 65535},
  {"pack", "'\0\0\1\0\0\0\0\0'", "<i8", 65536},
  {"pack", "'ˇˇˇ\127\0\0\0\0'", "<i8", 2147483647.0},
  {"pack", "'\0\0\0Ä\0\0\0\0'", "<i8", 2147483648.0},
  {"pack", "'\0\0\0Äˇˇˇˇ'", "<i8", -2147483648.0},
  {"pack", "'ˇˇˇ\127ˇˇˇˇ'", "<i8", -2147483649.0},
  {"pack", "'ˇˇˇˇ\0\0\0\0'", "<i8", 4294967295.0},
  {"pack", "'\0\0\0\0\1\0\0\0'", "<i8", 4294967296.0},
  {"pack", "'\0\0\0\0\0\0 \0'", "<i8", 9007199254740992.0},
  {"pack", "'ˇˇˇˇˇˇˇ\127'", "<i8", 9223372036854775807},
  {"pack", "'\0\0\0\0\0\0\0Ä'", "<i8", (-0x7fffffffffffffff - 1)},
  {"pack", "'\3\0\0\0\0\0\0\0'", "<i8", 3.0},
  {"pack", "'\12\0\0\0\0\0\0\0'", "<i8", "12"},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number has no integer representation)", "<i8", 1.5},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got string)", "<i8", "x"},
  {"pack", "'\0\0\0\0\0\0\1\2'", ">i8", 258},
  {"pack", "'\1\0\0\0\0\0\0\0'", "=i8", 1},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got nil)", "i8"},
  {"packsize", "8", "i8"},
  {"pack", "'\0\0\0\0\0\0\0\0'", "<I8", 0},
  {"pack", "'\1\0\0\0\0\0\0\0'", "<I8", 1},
  {"pack", "'ˇˇˇˇˇˇˇˇ'", "<I8", -1},
  {"pack", "'\127\0\0\0\0\0\0\0'", "<I8", 127},
  {"pack", "'Ä\0\0\0\0\0\0\0'", "<I8", 128},
  {"pack", "'Äˇˇˇˇˇˇˇ'", "<I8", -128},
  {"pack", "'\127ˇˇˇˇˇˇˇ'", "<I8", -129},
  {"pack", "'ˇ\0\0\0\0\0\0\0'", "<I8", 255},
  {"pack", "'\0\1\0\0\0\0\0\0'", "<I8", 256},
  {"pack", "'ˇ\127\0\0\0\0\0\0'", "<I8", 32767},
  {"pack", "'\0Ä\0\0\0\0\0\0'", "<I8", 32768},
  {"pack", "'\0Äˇˇˇˇˇˇ'", "<I8", -32768},
  {"pack", "'ˇ\127ˇˇˇˇˇˇ'", "<I8", -32769},
  {"pack", "'ˇˇ\0\0\0\0\0\0'", "<I8", 65535},
  {"pack", "'\0\0\1\0\0\0\0\0'", "<I8", 65536},
  {"pack", "'ˇˇˇ\127\0\0\0\0'", "<I8", 2147483647.0},
  {"pack", "'\0\0\0Ä\0\0\0\0'", "<I8", 2147483648.0},
  {"pack", "'\0\0\0Äˇˇˇˇ'", "<I8", -2147483648.0},
  {"pack", "'ˇˇˇ\127ˇˇˇˇ'", "<I8", -2147483649.0},
  {"pack", "'ˇˇˇˇ\0\0\0\0'", "<I8", 4294967295.0},
  {"pack", "'\0\0\0\0\1\0\0\0'", "<I8", 4294967296.0},
  {"pack", "'\0\0\0\0\0\0 \0'", "<I8", 9007199254740992.0},
  {"pack", "'ˇˇˇˇˇˇˇ\127'", "<I8", 9223372036854775807},
  {"pack", "'\0\0\0\0\0\0\0Ä'", "<I8", (-0x7fffffffffffffff - 1)},
  {"pack", "'\3\0\0\0\0\0\0\0'", "<I8", 3.0},
  {"pack", "'\12\0\0\0\0\0\0\0'", "<I8", "12"},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number has no integer representation)", "<I8", 1.5},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got string)", "<I8", "x"},
  {"pack", "'\0\0\0\0\0\0\1\2'", ">I8", 258},
  {"pack", "'\1\0\0\0\0\0\0\0'", "=I8", 1},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got nil)", "I8"},
  {"packsize", "8", "I8"},
  {"pack", "'\0\0\0\0\0\0\0\0\0'", "<i9", 0},
  {"pack", "'\1\0\0\0\0\0\0\0\0'", "<i9", 1},
  {"pack", "'ˇˇˇˇˇˇˇˇˇ'", "<i9", -1},
  {"pack", "'\127\0\0\0\0\0\0\0\0'", "<i9", 127},
  {"pack", "'Ä\0\0\0\0\0\0\0\0'", "<i9", 128},
  {"pack", "'Äˇˇˇˇˇˇˇˇ'", "<i9", -128},
  {"pack", "'\127ˇˇˇˇˇˇˇˇ'", "<i9", -129},
  {"pack", "'ˇ\0\0\0\0\0\0\0\0'", "<i9", 255},
  {"pack", "'\0\1\0\0\0\0\0\0\0'", "<i9", 256},
  {"pack", "'ˇ\127\0\0\0\0\0\0\0'", "<i9", 32767},
  {"pack", "'\0Ä\0\0\0\0\0\0\0'", "<i9", 32768},
  {"pack", "'\0Äˇˇˇˇˇˇˇ'", "<i9", -32768},
  {"pack", "'ˇ\127ˇˇˇˇˇˇˇ'", "<i9", -32769},
  {"pack", "'ˇˇ\0\0\0\0\0\0\0'", "<i9", 65535},
  {"pack", "'\0\0\1\0\0\0\0\0\0'", "<i9", 65536},
  {"pack", "'ˇˇˇ\127\0\0\0\0\0'", "<i9", 2147483647.0},
  {"pack", "'\0\0\0Ä\0\0\0\0\0'", "<i9", 2147483648.0},
  {"pack", "'\0\0\0Äˇˇˇˇˇ'", "<i9", -2147483648.0},
  {"pack", "'ˇˇˇ\127ˇˇˇˇˇ'", "<i9", -2147483649.0},
  {"pack", "'ˇˇˇˇ\0\0\0\0\0'", "<i9", 4294967295.0},
  {"pack", "'\0\0\0\0\1\0\0\0\0'", "<i9", 4294967296.0},
  {"pack", "'\0\0\0\0\0\0 \0\0'", "<i9", 9007199254740992.0},
  {"pack", "'ˇˇˇˇˇˇˇ\127\0'", "<i9", 9223372036854775807},
  {"pack", "'\0\0\0\0\0\0\0Äˇ'", "<i9", (-0x7fffffffffffffff - 1)},
  {"pack", "'\3\0\0\0\0\0\0\0\0'", "<i9", 3.0},
  {"pack", "'\12\0\0\0\0\0\0\0\0'", "<i9", "12"},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number has no integer representation)", "<i9", 1.5},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got string)", "<i9", "x"},
  {"pack", "'\0\0\0\0\0\0\0\1\2'", ">i9", 258},
  {"pack", "'\1\0\0\0\0\0\0\0\0'", "=i9", 1},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got nil)", "i9"},
  {"packsize", "9", "i9"},
  {"pack", "'\0\0\0\0\0\0\0\0\0'", "<I9", 0},
  {"pack", "'\1\0\0\0\0\0\0\0\0'", "<I9", 1},
  {"pack", "'ˇˇˇˇˇˇˇˇ\0'", "<I9", -1},
  {"pack", "'\127\0\0\0\0\0\0\0\0'", "<I9", 127},
  {"pack", "'Ä\0\0\0\0\0\0\0\0'", "<I9", 128},
  {"pack", "'Äˇˇˇˇˇˇˇ\0'", "<I9", -128},
  {"pack", "'\127ˇˇˇˇˇˇˇ\0'", "<I9", -129},
  {"pack", "'ˇ\0\0\0\0\0\0\0\0'", "<I9", 255},
  {"pack", "'\0\1\0\0\0\0\0\0\0'", "<I9", 256},
  {"pack", "'ˇ\127\0\0\0\0\0\0\0'", "<I9", 32767},
  {"pack", "'\0Ä\0\0\0\0\0\0\0'", "<I9", 32768},
  {"pack", "'\0Äˇˇˇˇˇˇ\0'", "<I9", -32768},
  {"pack", "'ˇ\127ˇˇˇˇˇˇ\0'", "<I9", -32769},
  {"pack", "'ˇˇ\0\0\0\0\0\0\0'", "<I9", 65535},
  {"pack", "'\0\0\1\0\0\0\0\0\0'", "<I9", 65536},
  {"pack", "'ˇˇˇ\127\0\0\0\0\0'", "<I9", 2147483647.0},
  {"pack", "'\0\0\0Ä\0\0\0\0\0'", "<I9", 2147483648.0},
  {"pack", "'\0\0\0Äˇˇˇˇ\0'", "<I9", -2147483648.0},
  {"pack", "'ˇˇˇ\127ˇˇˇˇ\0'", "<I9", -2147483649.0},
  {"pack", "'ˇˇˇˇ\0\0\0\0\0'", "<I9", 4294967295.0},
  {"pack", "'\0\0\0\0\1\0\0\0\0'", "<I9", 4294967296.0},
  {"pack", "'\0\0\0\0\0\0 \0\0'", "<I9", 9007199254740992.0},
  {"pack", "'ˇˇˇˇˇˇˇ\127\0'", "<I9", 9223372036854775807},
  {"pack", "'\0\0\0\0\0\0\0Ä\0'", "<I9", (-0x7fffffffffffffff - 1)},
  {"pack", "'\3\0\0\0\0\0\0\0\0'", "<I9", 3.0},
  {"pack", "'\12\0\0\0\0\0\0\0\0'", "<I9", "12"},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number has no integer representation)", "<I9", 1.5},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got string)", "<I9", "x"},
  {"pack", "'\0\0\0\0\0\0\0\1\2'", ">I9", 258},
  {"pack", "'\1\0\0\0\0\0\0\0\0'", "=I9", 1},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got nil)", "I9"},
  {"packsize", "9", "I9"},
  {"pack", "'\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0'", "<i16", 0},
  {"pack", "'\1\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0'", "<i16", 1},
  {"pack", "'ˇˇˇˇˇˇˇˇˇˇˇˇˇˇˇˇ'", "<i16", -1},
  {"pack", "'\127\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0'", "<i16", 127},
  {"pack", "'Ä\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0'", "<i16", 128},
  {"pack", "'Äˇˇˇˇˇˇˇˇˇˇˇˇˇˇˇ'", "<i16", -128},
  {"pack", "'\127ˇˇˇˇˇˇˇˇˇˇˇˇˇˇˇ'", "<i16", -129},
  {"pack", "'ˇ\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0'", "<i16", 255},
  {"pack", "'\0\1\0\0\0\0\0\0\0\0\0\0\0\0\0\0'", "<i16", 256},
  {"pack", "'ˇ\127\0\0\0\0\0\0\0\0\0\0\0\0\0\0'", "<i16", 32767},
  {"pack", "'\0Ä\0\0\0\0\0\0\0\0\0\0\0\0\0\0'", "<i16", 32768},
  {"pack", "'\0Äˇˇˇˇˇˇˇˇˇˇˇˇˇˇ'", "<i16", -32768},
  {"pack", "'ˇ\127ˇˇˇˇˇˇˇˇˇˇˇˇˇˇ'", "<i16", -32769},
  {"pack", "'ˇˇ\0\0\0\0\0\0\0\0\0\0\0\0\0\0'", "<i16", 65535},
  {"pack", "'\0\0\1\0\0\0\0\0\0\0\0\0\0\0\0\0'", "<i16", 65536},
  {"pack", "'ˇˇˇ\127\0\0\0\0\0\0\0\0\0\0\0\0'", "<i16", 2147483647.0},
  {"pack", "'\0\0\0Ä\0\0\0\0\0\0\0\0\0\0\0\0'", "<i16", 2147483648.0},
  {"pack", "'\0\0\0Äˇˇˇˇˇˇˇˇˇˇˇˇ'", "<i16", -2147483648.0},
  {"pack", "'ˇˇˇ\127ˇˇˇˇˇˇˇˇˇˇˇˇ'", "<i16", -2147483649.0},
  {"pack", "'ˇˇˇˇ\0\0\0\0\0\0\0\0\0\0\0\0'", "<i16", 4294967295.0},
  {"pack", "'\0\0\0\0\1\0\0\0\0\0\0\0\0\0\0\0'", "<i16", 4294967296.0},
  {"pack", "'\0\0\0\0\0\0 \0\0\0\0\0\0\0\0\0'", "<i16", 9007199254740992.0},
  {"pack", "'ˇˇˇˇˇˇˇ\127\0\0\0\0\0\0\0\0'", "<i16", 9223372036854775807},
  {"pack", "'\0\0\0\0\0\0\0Äˇˇˇˇˇˇˇˇ'", "<i16", (-0x7fffffffffffffff - 1)},
  {"pack", "'\3\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0'", "<i16", 3.0},
  {"pack", "'\12\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0'", "<i16", "12"},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number has no integer representation)", "<i16", 1.5},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got string)", "<i16", "x"},
  {"pack", "'\0\0\0\0\0\0\0\0\0\0\0\0\0\0\1\2'", ">i16", 258},
  {"pack", "'\1\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0'", "=i16", 1},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got nil)", "i16"},
  {"packsize", "16", "i16"},
  {"pack", "'\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0'", "<I16", 0},
  {"pack", "'\1\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0'", "<I16", 1},
  {"pack", "'ˇˇˇˇˇˇˇˇ\0\0\0\0\0\0\0\0'", "<I16", -1},
  {"pack", "'\127\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0'", "<I16", 127},
  {"pack", "'Ä\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0'", "<I16", 128},
  {"pack", "'Äˇˇˇˇˇˇˇ\0\0\0\0\0\0\0\0'", "<I16", -128},
  {"pack", "'\127ˇˇˇˇˇˇˇ\0\0\0\0\0\0\0\0'", "<I16", -129},
  {"pack", "'ˇ\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0'", "<I16", 255},
  {"pack", "'\0\1\0\0\0\0\0\0\0\0\0\0\0\0\0\0'", "<I16", 256},
  {"pack", "'ˇ\127\0\0\0\0\0\0\0\0\0\0\0\0\0\0'", "<I16", 32767},
  {"pack", "'\0Ä\0\0\0\0\0\0\0\0\0\0\0\0\0\0'", "<I16", 32768},
  {"pack", "'\0Äˇˇˇˇˇˇ\0\0\0\0\0\0\0\0'", "<I16", -32768},
  {"pack", "'ˇ\127ˇˇˇˇˇˇ\0\0\0\0\0\0\0\0'", "<I16", -32769},
  {"pack", "'ˇˇ\0\0\0\0\0\0\0\0\0\0\0\0\0\0'", "<I16", 65535},
  {"pack", "'\0\0\1\0\0\0\0\0\0\0\0\0\0\0\0\0'", "<I16", 65536},
  {"pack", "'ˇˇˇ\127\0\0\0\0\0\0\0\0\0\0\0\0'", "<I16", 2147483647.0},
  {"pack", "'\0\0\0Ä\0\0\0\0\0\0\0\0\0\0\0\0'", "<I16", 2147483648.0},
  {"pack", "'\0\0\0Äˇˇˇˇ\0\0\0\0\0\0\0\0'", "<I16", -2147483648.0},
  {"pack", "'ˇˇˇ\127ˇˇˇˇ\0\0\0\0\0\0\0\0'", "<I16", -2147483649.0},
  {"pack", "'ˇˇˇˇ\0\0\0\0\0\0\0\0\0\0\0\0'", "<I16", 4294967295.0},
  {"pack", "'\0\0\0\0\1\0\0\0\0\0\0\0\0\0\0\0'", "<I16", 4294967296.0},
  {"pack", "'\0\0\0\0\0\0 \0\0\0\0\0\0\0\0\0'", "<I16", 9007199254740992.0},
  {"pack", "'ˇˇˇˇˇˇˇ\127\0\0\0\0\0\0\0\0'", "<I16", 9223372036854775807},
  {"pack", "'\0\0\0\0\0\0\0Ä\0\0\0\0\0\0\0\0'", "<I16", (-0x7fffffffffffffff - 1)},
  {"pack", "'\3\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0'", "<I16", 3.0},
  {"pack", "'\12\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0'", "<I16", "12"},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number has no integer representation)", "<I16", 1.5},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got string)", "<I16", "x"},
  {"pack", "'\0\0\0\0\0\0\0\0\0\0\0\0\0\0\1\2'", ">I16", 258},
  {"pack", "'\1\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0'", "=I16", 1},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got nil)", "I16"},
  {"packsize", "16", "I16"},
  {"pack", "'\0\0\0\0'", "<f", 0},
  {"pack", "'\0\0\0\0\0\0\0\0'", ">d", 0},
  {"pack", "'\0\0\0\0\0\0\0\0'", "<n", 0},
  {"pack", "'\0\0\0Ä'", "<f", -0.0},
  {"pack", "'Ä\0\0\0\0\0\0\0'", ">d", -0.0},
  {"pack", "'\0\0\0\0\0\0\0Ä'", "<n", -0.0},
  {"pack", "'\0\0Ä?'", "<f", 1},
  {"pack", "'?\0\0\0\0\0\0'", ">d", 1},
  {"pack", "'\0\0\0\0\0\0?'", "<n", 1},
  {"pack", "'\0\0¿ø'", "<f", -1.5},
  {"pack", "'ø¯\0\0\0\0\0\0'", ">d", -1.5},
  {"pack", "'\0\0\0\0\0\0¯ø'", "<n", -1.5},
  {"pack", "'ÕÃÃ='", "<f", 0.10000000000000001},
  {"pack", "'?πôôôôôö'", ">d", 0.10000000000000001},
  {"pack", "'öôôôôôπ?'", "<n", 0.10000000000000001},
  {"pack", "'\0\0Ä\127'", "<f", 1.0000000000000001e+300},
  {"pack", "'~7‰<à\0uú'", ">d", 1.0000000000000001e+300},
  {"pack", "'úu\0à<‰7~'", "<n", 1.0000000000000001e+300},
  {"pack", "'\0\0\0Ä'", "<f", -1e-300},
  {"pack", "'Å•n\31¬¯ÛY'", ">d", -1e-300},
  {"pack", "'YÛ¯¬\31n•Å'", "<n", -1e-300},
  {"pack", "'\0\0Ä\127'", "<f", 1/0},
  {"pack", "'\127\0\0\0\0\0\0'", ">d", 1/0},
  {"pack", "'\0\0\0\0\0\0\127'", "<n", 1/0},
  {"pack", "'\0\0Äˇ'", "<f", -1/0},
  {"pack", "'ˇ\0\0\0\0\0\0'", ">d", -1/0},
  {"pack", "'\0\0\0\0\0\0ˇ'", "<n", -1/0},
  {"pack", "'\0\0ÄK'", "<f", 16777217.0},
  {"pack", "'Ap\0\0\16\0\0\0'", ">d", 16777217.0},
  {"pack", "'\0\0\0\16\0\0pA'", "<n", 16777217.0},
  {"pack", "'\0\0@@'", "<f", 3},
  {"pack", "'@\8\0\0\0\0\0\0'", ">d", 3},
  {"pack", "'\0\0\0\0\0\0\8@'", "<n", 3},
  {"pack", "'\0\0 @'", "<f", "2.5"},
  {"pack", "'@\4\0\0\0\0\0\0'", ">d", "2.5"},
  {"pack", "'\0\0\0\0\0\0\4@'", "<n", "2.5"},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got string)", "<f", "x"},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got string)", ">d", "x"},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got string)", "<n", "x"},
  {"pack", "'\0\0Ä\127'", "f", 1e+40},
  {"pack", "'\0\0Äˇ'", "f", -1e+40},
  {"pack", "'\0'", "z", ""},
  {"pack", "'\0\0\0\0\0\0\0\0'", "s", ""},
  {"pack", "'\0'", ">s1", ""},
  {"pack", "'\0\0'", "<s2", ""},
  {"pack", "'\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0'", "s16", ""},
  {"pack", "'\0\0\0'", "c3", ""},
  {"pack", "''", "c0", ""},
  {"pack", "'a\0'", "z", "a"},
  {"pack", "'\1\0\0\0\0\0\0\0a'", "s", "a"},
  {"pack", "'\1a'", ">s1", "a"},
  {"pack", "'\1\0a'", "<s2", "a"},
  {"pack", "'\1\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0a'", "s16", "a"},
  {"pack", "'a\0\0'", "c3", "a"},
  {"pack", "E:t:1: bad argument #2 to 'pack' (string longer than given size)", "c0", "a"},
  {"pack", "'abc\0'", "z", "abc"},
  {"pack", "'\3\0\0\0\0\0\0\0abc'", "s", "abc"},
  {"pack", "'\3abc'", ">s1", "abc"},
  {"pack", "'\3\0abc'", "<s2", "abc"},
  {"pack", "'\3\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0abc'", "s16", "abc"},
  {"pack", "'abc'", "c3", "abc"},
  {"pack", "E:t:1: bad argument #2 to 'pack' (string longer than given size)", "c0", "abc"},
  {"pack", "E:t:1: bad argument #2 to 'pack' (string contains zeros)", "z", "a\0b"},
  {"pack", "'\3\0\0\0\0\0\0\0a\0b'", "s", "a\0b"},
  {"pack", "'\3a\0b'", ">s1", "a\0b"},
  {"pack", "'\3\0a\0b'", "<s2", "a\0b"},
  {"pack", "'\3\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0a\0b'", "s16", "a\0b"},
  {"pack", "'a\0b'", "c3", "a\0b"},
  {"pack", "E:t:1: bad argument #2 to 'pack' (string longer than given size)", "c0", "a\0b"},
  {"pack", "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\0'", "z", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"},
  {"pack", "'ˇ\0\0\0\0\0\0\0xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'", "s", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"},
  {"pack", "'ˇxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'", ">s1", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"},
  {"pack", "'ˇ\0xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'", "<s2", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"},
  {"pack", "'ˇ\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'", "s16", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"},
  {"pack", "E:t:1: bad argument #2 to 'pack' (string longer than given size)", "c3", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"},
  {"pack", "E:t:1: bad argument #2 to 'pack' (string longer than given size)", "c0", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"},
  {"pack", "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\0'", "z", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"},
  {"pack", "'\0\1\0\0\0\0\0\0xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'", "s", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"},
  {"pack", "E:t:1: bad argument #2 to 'pack' (string length does not fit in given size)", ">s1", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"},
  {"pack", "'\0\1xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'", "<s2", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"},
  {"pack", "'\0\1\0\0\0\0\0\0\0\0\0\0\0\0\0\0xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'", "s16", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"},
  {"pack", "E:t:1: bad argument #2 to 'pack' (string longer than given size)", "c3", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"},
  {"pack", "E:t:1: bad argument #2 to 'pack' (string longer than given size)", "c0", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"},
  {"pack", "'12\0'", "z", 12},
  {"pack", "'\2\0\0\0\0\0\0\00012'", "s", 12},
  {"pack", "'\00212'", ">s1", 12},
  {"pack", "'\2\00012'", "<s2", 12},
  {"pack", "'\2\0\0\0\0\0\0\0\0\0\0\0\0\0\0\00012'", "s16", 12},
  {"pack", "'12\0'", "c3", 12},
  {"pack", "E:t:1: bad argument #2 to 'pack' (string longer than given size)", "c0", 12},
  {"pack", "'1.5\0'", "z", 1.5},
  {"pack", "'\3\0\0\0\0\0\0\0001.5'", "s", 1.5},
  {"pack", "'\0031.5'", ">s1", 1.5},
  {"pack", "'\3\0001.5'", "<s2", 1.5},
  {"pack", "'\3\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0001.5'", "s16", 1.5},
  {"pack", "'1.5'", "c3", 1.5},
  {"pack", "E:t:1: bad argument #2 to 'pack' (string longer than given size)", "c0", 1.5},
  {"pack", "E:t:1: missing size for format option 'c'", "c", "a"},
  {"pack", "E:t:1: integral size (0) out of limits [1,16]", "s0", "a"},
  {"pack", "E:t:1: integral size (17) out of limits [1,16]", "s17", "a"},
  {"pack", "E:t:1: bad argument #2 to 'pack' (string expected, got table)", "z", {}},
  {"pack", "E:t:1: bad argument #2 to 'pack' (string expected, got nil)", "s"},
  {"pack", "'\0'", "x", 1, 2, 3, 4, 5},
  {"packsize", "1", "x"},
  {"pack", "'\0\0'", "xx", 1, 2, 3, 4, 5},
  {"packsize", "2", "xx"},
  {"pack", "'\1\0'", "bx", 1, 2, 3, 4, 5},
  {"packsize", "2", "bx"},
  {"pack", "'\1\0\2\0'", "b xh", 1, 2, 3, 4, 5},
  {"packsize", "4", "b xh"},
  {"pack", "''", " < > = ", 1, 2, 3, 4, 5},
  {"packsize", "0", " < > = "},
  {"pack", "''", "", 1, 2, 3, 4, 5},
  {"packsize", "0", ""},
  {"pack", "''", "!", 1, 2, 3, 4, 5},
  {"packsize", "0", "!"},
  {"pack", "''", "!1", 1, 2, 3, 4, 5},
  {"packsize", "0", "!1"},
  {"pack", "''", "!2", 1, 2, 3, 4, 5},
  {"packsize", "0", "!2"},
  {"pack", "''", "!4", 1, 2, 3, 4, 5},
  {"packsize", "0", "!4"},
  {"pack", "''", "!8", 1, 2, 3, 4, 5},
  {"packsize", "0", "!8"},
  {"pack", "''", "!16", 1, 2, 3, 4, 5},
  {"packsize", "0", "!16"},
  {"pack", "E:t:1: integral size (0) out of limits [1,16]", "!0", 1, 2, 3, 4, 5},
  {"packsize", "E:t:1: integral size (0) out of limits [1,16]", "!0"},
  {"pack", "E:t:1: integral size (17) out of limits [1,16]", "!17", 1, 2, 3, 4, 5},
  {"packsize", "E:t:1: integral size (17) out of limits [1,16]", "!17"},
  {"pack", "''", "!3", 1, 2, 3, 4, 5},
  {"packsize", "0", "!3"},
  {"pack", "'\1\0\0\0\2\0\0\0'", "!4 b i4", 1, 2, 3, 4, 5},
  {"packsize", "8", "!4 b i4"},
  {"pack", "'\1\0\2\0'", "!4 bh", 1, 2, 3, 4, 5},
  {"packsize", "4", "!4 bh"},
  {"pack", "'\1\0\2\0\3\0\0\0\4\0\0\0\0\0\0\0'", "!4 b h b i8", 1, 2, 3, 4, 5},
  {"packsize", "16", "!4 b h b i8"},
  {"pack", "'\1\0\0\0\0\0\0\0\0\0\0\0\0\0\0@'", "!8 b d", 1, 2, 3, 4, 5},
  {"packsize", "16", "!8 b d"},
  {"pack", "'\1\0\0\0\0\0\0\0\0\0\0\0\0\0\0@'", "!8 b n", 1, 2, 3, 4, 5},
  {"packsize", "16", "!8 b n"},
  {"pack", "'\1\0\0\0\0\0\0\0\2\0\0\0\0\0\0\0'", "!8 b j", 1, 2, 3, 4, 5},
  {"packsize", "16", "!8 b j"},
  {"pack", "'\1\0\2\0\0\0\0\0\0\0'", "!2 b i8", 1, 2, 3, 4, 5},
  {"packsize", "10", "!2 b i8"},
  {"pack", "'\1\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\2\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0'", "!16 b i16", 1, 2, 3, 4, 5},
  {"packsize", "32", "!16 b i16"},
  {"pack", "E:t:1: bad argument #1 to 'pack' (format asks for alignment not power of 2)", "!8 b i3", 1, 2, 3, 4, 5},
  {"packsize", "E:t:1: bad argument #1 to 'packsize' (format asks for alignment not power of 2)", "!8 b i3"},
  {"pack", "'\1\0\0\0\2'", "!4 b Xi4 b", 1, 2, 3, 4, 5},
  {"packsize", "5", "!4 b Xi4 b"},
  {"pack", "'\1\0\0\0\0\0\0\0'", "!8 b Xd", 1, 2, 3, 4, 5},
  {"packsize", "8", "!8 b Xd"},
  {"pack", "'\1\0'", "!2 b Xi8", 1, 2, 3, 4, 5},
  {"packsize", "2", "!2 b Xi8"},
  {"pack", "E:t:1: bad argument #1 to 'pack' (invalid next option for option 'X')", "b X", 1, 2, 3, 4, 5},
  {"packsize", "E:t:1: bad argument #1 to 'packsize' (invalid next option for option 'X')", "b X"},
  {"pack", "E:t:1: bad argument #1 to 'pack' (invalid next option for option 'X')", "b Xz", 1, 2, 3, 4, 5},
  {"packsize", "E:t:1: bad argument #1 to 'packsize' (invalid next option for option 'X')", "b Xz"},
  {"pack", "E:t:1: bad argument #1 to 'pack' (invalid next option for option 'X')", "b Xc1", 1, 2, 3, 4, 5},
  {"packsize", "E:t:1: bad argument #1 to 'packsize' (invalid next option for option 'X')", "b Xc1"},
  {"pack", "'\1'", "b Xs", 1, 2, 3, 4, 5},
  {"packsize", "1", "b Xs"},
  {"pack", "''", "Xi4", 1, 2, 3, 4, 5},
  {"packsize", "0", "Xi4"},
  {"pack", "''", "!4 Xi4", 1, 2, 3, 4, 5},
  {"packsize", "0", "!4 Xi4"},
  {"pack", "E:t:1: bad argument #1 to 'pack' (invalid next option for option 'X')", "!4 b X b", 1, 2, 3, 4, 5},
  {"packsize", "E:t:1: bad argument #1 to 'packsize' (invalid next option for option 'X')", "!4 b X b"},
  {"pack", "E:t:1: bad argument #1 to 'pack' (format asks for alignment not power of 2)", "!4 i3 X i4", 1, 2, 3, 4, 5},
  {"packsize", "E:t:1: bad argument #1 to 'packsize' (format asks for alignment not power of 2)", "!4 i3 X i4"},
  {"pack", "'\1\0'", "!4 bXh", 1, 2, 3, 4, 5},
  {"packsize", "2", "!4 bXh"},
  {"pack", "''", "!XI", 1, 2, 3, 4, 5},
  {"packsize", "0", "!XI"},
  {"pack", "'1\0\0\0\2\0\0\0'", "!4 c1 i4", 1, 2, 3, 4, 5},
  {"packsize", "8", "!4 c1 i4"},
  {"pack", "'1\0\0\0\2\0\0\0'", "!4 z i4", 1, 2, 3, 4, 5},
  {"packsize", "E:t:1: bad argument #1 to 'packsize' (variable-length format)", "!4 z i4"},
  {"pack", "'\0011\0\0\2\0\0\0'", "!4 s1 i4", 1, 2, 3, 4, 5},
  {"packsize", "E:t:1: bad argument #1 to 'packsize' (variable-length format)", "!4 s1 i4"},
  {"pack", "'\1\0\0\0\0\0\0@'", "!4 b f", 1, 2, 3, 4, 5},
  {"packsize", "8", "!4 b f"},
  {"pack", "'\1\0\0\0\0\0\0\0\0\0\0\0\0\0\0@\3'", "!8 h d b", 1, 2, 3, 4, 5},
  {"packsize", "17", "!8 h d b"},
  {"pack", "'\1\2\0\0\0'", "b i4", 1, 2, 3, 4, 5},
  {"packsize", "5", "b i4"},
  {"pack", "'\1\0\0\0\2\0\0\0\0\0\0\0'", "i4 i8", 1, 2, 3, 4, 5},
  {"packsize", "12", "i4 i8"},
  {"pack", "'\1\0\0\0\2\0\0\0\0\3'", "<!4 bi4 >i2", 1, 2, 3, 4, 5},
  {"packsize", "10", "<!4 bi4 >i2"},
  {"pack", "'\1\2\0\0\0'", "!4 b !1 i4", 1, 2, 3, 4, 5},
  {"packsize", "5", "!4 b !1 i4"},
  {"pack", "'\0'", "xXb", 1, 2, 3, 4, 5},
  {"packsize", "1", "xXb"},
  {"pack", "'\1\2\3\4\5'", "bbbbbXj", 1, 2, 3, 4, 5},
  {"packsize", "5", "bbbbbXj"},
  {"pack", "'\1\2\3\0\0\0\0\0\4'", "!8bbbXjb", 1, 2, 3, 4, 5},
  {"packsize", "9", "!8bbbXjb"},
  {"pack", "E:t:1: invalid format option 'q'", "q", 1, 2, 3, 4, 5},
  {"packsize", "E:t:1: invalid format option 'q'", "q"},
  {"pack", "E:t:1: invalid format option 'y'", "b y", 1, 2, 3, 4, 5},
  {"packsize", "E:t:1: invalid format option 'y'", "b y"},
  {"pack", "E:t:1: invalid format option '%'", "i4%", 1, 2, 3, 4, 5},
  {"packsize", "E:t:1: invalid format option '%'", "i4%"},
  {"pack", "E:t:1: invalid format option '['", "[i4]", 1, 2, 3, 4, 5},
  {"packsize", "E:t:1: invalid format option '['", "[i4]"},
  {"pack", "E:t:1: integral size (0) out of limits [1,16]", "i0", 1, 2, 3, 4, 5},
  {"packsize", "E:t:1: integral size (0) out of limits [1,16]", "i0"},
  {"pack", "E:t:1: integral size (17) out of limits [1,16]", "i17", 1, 2, 3, 4, 5},
  {"packsize", "E:t:1: integral size (17) out of limits [1,16]", "i17"},
  {"pack", "E:t:1: integral size (999999999) out of limits [1,16]", "i99999999999", 1, 2, 3, 4, 5},
  {"packsize", "E:t:1: integral size (999999999) out of limits [1,16]", "i99999999999"},
  {"packsize", "E:t:1: invalid format option '9'", "c99999999999"},
  {"packsize", "E:t:1: invalid format option '7'", "c2147483647"},
  {"packsize", "E:t:1: invalid format option '7'", "c2147483647c1"},
  {"packsize", "2147483647", "c1073741823c1073741824"},
  {"packsize", "E:t:1: invalid format option '8'", "c2147483648"},
  {"packsize", "E:t:1: integral size (214748364) out of limits [1,16]", "i2147483648"},
  {"packsize", "214748364", "c0214748364"},
  {"packsize", "1", "c00000000000000000000001"},
  {"packsize", "E:t:1: bad argument #1 to 'packsize' (variable-length format)", "z"},
  {"packsize", "E:t:1: bad argument #1 to 'packsize' (variable-length format)", "s"},
  {"packsize", "E:t:1: bad argument #1 to 'packsize' (variable-length format)", "s1"},
  {"packsize", "E:t:1: bad argument #1 to 'packsize' (variable-length format)", "!8 b z"},
  {"packsize", "2147483647", "c1000000000c1000000000c147483647"},
  {"packsize", "E:t:1: bad argument #1 to 'packsize' (format result too large)", "c1000000000c1000000000c147483648"},
  {"packsize", "E:t:1: invalid format option '0'", "!8 c2147483640 d"},
  {"packsize", "E:t:1: bad argument #1 to 'packsize' (format result too large)", "!8 c2147483639 b d"},
  {"packsize", "E:t:1: bad argument #1 to 'packsize' (string expected, got no value)"},
  {"packsize", "E:t:1: invalid format option '1'", 12},
  {"packsize", "E:t:1: bad argument #1 to 'packsize' (string expected, got table)", {}},
  {"pack", "E:t:1: bad argument #1 to 'pack' (string expected, got no value)"},
  {"pack", "E:t:1: invalid format option '1'", 12, 1},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got nil)", "i4"},
  {"pack", "E:t:1: bad argument #3 to 'pack' (number expected, got nil)", "i4 i4", 1},
  {"pack", "E:t:1: bad argument #2 to 'pack' (string expected, got nil)", "c2", nil, n = 2},
  {"pack", "E:t:1: bad argument #2 to 'pack' (number expected, got nil)", "d", nil, n = 2},
  {"pack", "E:t:1: bad argument #2 to 'pack' (string expected, got nil)", "z", nil, n = 2},
  {"unpack", "1,2", "b", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17"},
  {"unpack", "3,4", "b", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 3},
  {"unpack", "14,15", "b", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -4},
  {"unpack", "1,2", "B", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17"},
  {"unpack", "3,4", "B", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 3},
  {"unpack", "14,15", "B", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -4},
  {"unpack", "513,3", "h", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17"},
  {"unpack", "1027,5", "h", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 3},
  {"unpack", "3854,16", "h", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -4},
  {"unpack", "258,3", ">h", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17"},
  {"unpack", "772,5", ">h", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 3},
  {"unpack", "3599,16", ">h", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -4},
  {"unpack", "513,3", "H", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17"},
  {"unpack", "1027,5", "H", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 3},
  {"unpack", "3854,16", "H", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -4},
  {"unpack", "67305985,5", "i", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17"},
  {"unpack", "100992003,7", "i", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 3},
  {"unpack", "286265102,18", "i", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -4},
  {"unpack", "16909060,5", ">I", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17"},
  {"unpack", "50595078,7", ">I", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 3},
  {"unpack", "235868177,18", ">I", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -4},
  {"unpack", "197121,4", "i3", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17"},
  {"unpack", "328707,6", "i3", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 3},
  {"unpack", "1052430,17", "i3", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -4},
  {"unpack", "197121,4", "<i3", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17"},
  {"unpack", "328707,6", "<i3", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 3},
  {"unpack", "1052430,17", "<i3", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -4},
  {"unpack", "66051,4", ">i3", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17"},
  {"unpack", "197637,6", ">i3", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 3},
  {"unpack", "921360,17", ">i3", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -4},
  {"unpack", "21542142465,6", "I5", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17"},
  {"unpack", "30165763075,8", "I5", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 3},
  {"unpack", "E:t:1: bad argument #2 to 'unpack' (data string too short)", "I5", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -4},
  {"unpack", "578437695752307201,9", "j", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17"},
  {"unpack", "723118041428460547,11", "j", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 3},
  {"unpack", "E:t:1: bad argument #2 to 'unpack' (data string too short)", "j", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -4},
  {"unpack", "72623859790382856,9", ">J", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17"},
  {"unpack", "217304205466536202,11", ">J", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 3},
  {"unpack", "E:t:1: bad argument #2 to 'unpack' (data string too short)", ">J", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -4},
  {"unpack", "E:t:1: 16-byte integer does not fit into Lua Integer", "i16", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17"},
  {"unpack", "E:t:1: bad argument #2 to 'unpack' (data string too short)", "i16", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 3},
  {"unpack", "E:t:1: bad argument #2 to 'unpack' (data string too short)", "i16", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -4},
  {"unpack", "E:t:1: 16-byte integer does not fit into Lua Integer", "I16", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17"},
  {"unpack", "E:t:1: bad argument #2 to 'unpack' (data string too short)", "I16", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 3},
  {"unpack", "E:t:1: bad argument #2 to 'unpack' (data string too short)", "I16", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -4},
  {"unpack", "578437695752307201,9", "T", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17"},
  {"unpack", "723118041428460547,11", "T", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 3},
  {"unpack", "E:t:1: bad argument #2 to 'unpack' (data string too short)", "T", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -4},
  {"unpack", "1.5399896144396e-36,5", "f", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17"},
  {"unpack", "2.5017467130953e-35,7", "f", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 3},
  {"unpack", "1.1364236118936e-28,18", "f", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -4},
  {"unpack", "5.4476037220116e-270,9", "d", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17"},
  {"unpack", "2.5437718470676e-260,11", "d", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 3},
  {"unpack", "E:t:1: bad argument #2 to 'unpack' (data string too short)", "d", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -4},
  {"unpack", "5.4476037220116e-270,9", "n", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17"},
  {"unpack", "2.5437718470676e-260,11", "n", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 3},
  {"unpack", "E:t:1: bad argument #2 to 'unpack' (data string too short)", "n", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -4},
  {"unpack", "'',1", "c0", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17"},
  {"unpack", "'',3", "c0", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 3},
  {"unpack", "'',14", "c0", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -4},
  {"unpack", "'\1\2\3\4\5',6", "c5", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17"},
  {"unpack", "'\3\4\5\6\7',8", "c5", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 3},
  {"unpack", "E:t:1: bad argument #2 to 'unpack' (data string too short)", "c5", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -4},
  {"unpack", "'\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17',18", "c17", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17"},
  {"unpack", "E:t:1: bad argument #2 to 'unpack' (data string too short)", "c17", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 3},
  {"unpack", "E:t:1: bad argument #2 to 'unpack' (data string too short)", "c17", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -4},
  {"unpack", "E:t:1: bad argument #2 to 'unpack' (data string too short)", "c18", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17"},
  {"unpack", "E:t:1: bad argument #2 to 'unpack' (data string too short)", "c18", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 3},
  {"unpack", "E:t:1: bad argument #2 to 'unpack' (data string too short)", "c18", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -4},
  {"unpack", "E:t:1: bad argument #2 to 'unpack' (unfinished string for format 'z')", "z", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17"},
  {"unpack", "E:t:1: bad argument #2 to 'unpack' (unfinished string for format 'z')", "z", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 3},
  {"unpack", "E:t:1: bad argument #2 to 'unpack' (unfinished string for format 'z')", "z", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -4},
  {"unpack", "'\2',3", "s1", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17"},
  {"unpack", "'\4\5\6',7", "s1", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 3},
  {"unpack", "E:t:1: bad argument #2 to 'unpack' (data string too short)", "s1", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -4},
  {"unpack", "'\2',3", ">s1", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17"},
  {"unpack", "'\4\5\6',7", ">s1", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 3},
  {"unpack", "E:t:1: bad argument #2 to 'unpack' (data string too short)", ">s1", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -4},
  {"unpack", "E:t:1: bad argument #2 to 'unpack' (data string too short)", "s2", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17"},
  {"unpack", "E:t:1: bad argument #2 to 'unpack' (data string too short)", "s2", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 3},
  {"unpack", "E:t:1: bad argument #2 to 'unpack' (data string too short)", "s2", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -4},
  {"unpack", "2", "x", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17"},
  {"unpack", "4", "x", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 3},
  {"unpack", "15", "x", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -4},
  {"unpack", "2,3", "xb", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17"},
  {"unpack", "4,5", "xb", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 3},
  {"unpack", "15,16", "xb", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -4},
  {"unpack", "1,134678021,9", "!4 b i4", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17"},
  {"unpack", "3,134678021,9", "!4 b i4", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 3},
  {"unpack", "E:t:1: bad argument #2 to 'unpack' (data string too short)", "!4 b i4", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -4},
  {"unpack", "1,2.5003643062271e-231,17", "!8 b d", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17"},
  {"unpack", "3,2.5003643062271e-231,17", "!8 b d", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 3},
  {"unpack", "E:t:1: bad argument #2 to 'unpack' (data string too short)", "!8 b d", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -4},
  {"unpack", "1,2,3", "bXi4 b", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17"},
  {"unpack", "3,4,5", "bXi4 b", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 3},
  {"unpack", "14,15,16", "bXi4 b", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -4},
  {"unpack", "E:t:1: integral size (17) out of limits [1,16]", "i17", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17"},
  {"unpack", "E:t:1: integral size (17) out of limits [1,16]", "i17", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 3},
  {"unpack", "E:t:1: integral size (17) out of limits [1,16]", "i17", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -4},
  {"unpack", "E:t:1: bad argument #1 to 'unpack' (invalid next option for option 'X')", "X", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17"},
  {"unpack", "E:t:1: bad argument #1 to 'unpack' (invalid next option for option 'X')", "X", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 3},
  {"unpack", "E:t:1: bad argument #1 to 'unpack' (invalid next option for option 'X')", "X", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -4},
  {"unpack", "E:t:1: invalid format option 'q'", "q", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17"},
  {"unpack", "E:t:1: invalid format option 'q'", "q", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 3},
  {"unpack", "E:t:1: invalid format option 'q'", "q", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -4},
  {"unpack", "1,2,3,4", "b b b", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17"},
  {"unpack", "3,4,5,6", "b b b", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 3},
  {"unpack", "14,15,16,17", "b b b", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -4},
  {"unpack", "E:t:1: bad argument #2 to 'unpack' (data string too short)", "i4 i4 i4 i4 i4", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17"},
  {"unpack", "E:t:1: bad argument #2 to 'unpack' (data string too short)", "i4 i4 i4 i4 i4", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 3},
  {"unpack", "E:t:1: bad argument #2 to 'unpack' (data string too short)", "i4 i4 i4 i4 i4", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -4},
  {"unpack", "1,2", "b", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", (-0x7fffffffffffffff - 1)},
  {"unpack", "1", "", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", (-0x7fffffffffffffff - 1)},
  {"unpack", "'',1", "c0", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", (-0x7fffffffffffffff - 1)},
  {"unpack", "1,2", "b", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -100},
  {"unpack", "1", "", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -100},
  {"unpack", "'',1", "c0", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -100},
  {"unpack", "1,2", "b", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -18},
  {"unpack", "1", "", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -18},
  {"unpack", "'',1", "c0", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -18},
  {"unpack", "1,2", "b", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -17},
  {"unpack", "1", "", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -17},
  {"unpack", "'',1", "c0", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -17},
  {"unpack", "17,18", "b", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -1},
  {"unpack", "17", "", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -1},
  {"unpack", "'',17", "c0", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", -1},
  {"unpack", "1,2", "b", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 0},
  {"unpack", "1", "", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 0},
  {"unpack", "'',1", "c0", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 0},
  {"unpack", "1,2", "b", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 1},
  {"unpack", "1", "", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 1},
  {"unpack", "'',1", "c0", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 1},
  {"unpack", "17,18", "b", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 17},
  {"unpack", "17", "", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 17},
  {"unpack", "'',17", "c0", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 17},
  {"unpack", "E:t:1: bad argument #2 to 'unpack' (data string too short)", "b", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 18},
  {"unpack", "18", "", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 18},
  {"unpack", "'',18", "c0", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 18},
  {"unpack", "E:t:1: bad argument #3 to 'unpack' (initial position out of string)", "b", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 19},
  {"unpack", "E:t:1: bad argument #3 to 'unpack' (initial position out of string)", "", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 19},
  {"unpack", "E:t:1: bad argument #3 to 'unpack' (initial position out of string)", "c0", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 19},
  {"unpack", "E:t:1: bad argument #3 to 'unpack' (initial position out of string)", "b", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 100},
  {"unpack", "E:t:1: bad argument #3 to 'unpack' (initial position out of string)", "", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 100},
  {"unpack", "E:t:1: bad argument #3 to 'unpack' (initial position out of string)", "c0", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 100},
  {"unpack", "E:t:1: bad argument #3 to 'unpack' (initial position out of string)", "b", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 9223372036854775807},
  {"unpack", "E:t:1: bad argument #3 to 'unpack' (initial position out of string)", "", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 9223372036854775807},
  {"unpack", "E:t:1: bad argument #3 to 'unpack' (initial position out of string)", "c0", "\1\2\3\4\5\6\7\8\9\
\11\12\13\14\15\16\17", 9223372036854775807},
  {"unpack", "E:t:1: bad argument #2 to 'unpack' (unfinished string for format 'z')", "z", "abc"},
  {"unpack", "'abc',5", "z", "abc\0"},
  {"unpack", "'def',9", "z", "abc\0def\0", 5},
  {"unpack", "'a','b',5", "zz", "a\0b\0"},
  {"unpack", "E:t:1: bad argument #2 to 'unpack' (unfinished string for format 'z')", "z", ""},
  {"unpack", "'abc',5", "s1", "\3abc"},
  {"unpack", "E:t:1: bad argument #2 to 'unpack' (data string too short)", "s1", "\4abc"},
  {"unpack", "E:t:1: bad argument #2 to 'unpack' (data string too short)", "s1", "ˇ"},
  {"unpack", "'ab',5", ">s2", "\0\2ab"},
  {"unpack", "E:t:1: bad argument #2 to 'unpack' (data string too short)", "s8", "ˇˇˇˇˇˇˇˇ"},
  {"unpack", "'',17", "s16", "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"},
  {"unpack", "-1,10", "i9", "ˇˇˇˇˇˇˇˇˇ"},
  {"unpack", "E:t:1: 9-byte integer does not fit into Lua Integer", "i9", "ˇˇˇˇˇˇˇˇ\0"},
  {"unpack", "E:t:1: 9-byte integer does not fit into Lua Integer", "i9", "\0\0\0\0\0\0\0\0\1"},
  {"unpack", "E:t:1: 9-byte integer does not fit into Lua Integer", "<i9", "\0\0\0\0\0\0\0Ä\0"},
  {"unpack", "-9223372036854775808,10", "<i9", "\0\0\0\0\0\0\0Äˇ"},
  {"unpack", "-1,10", "<I9", "ˇˇˇˇˇˇˇˇ\0"},
  {"unpack", "E:t:1: 9-byte integer does not fit into Lua Integer", "<I9", "ˇˇˇˇˇˇˇˇˇ"},
  {"unpack", "-1,17", ">i16", "ˇˇˇˇˇˇˇˇˇˇˇˇˇˇˇˇ"},
  {"unpack", "1,17", ">i16", "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\1"},
  {"unpack", "E:t:1: 16-byte integer does not fit into Lua Integer", ">i16", "\1\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"},
  {"unpack", "E:t:1: 16-byte integer does not fit into Lua Integer", "<i16", "\0\0\0\0\0\0\0\0ˇˇˇˇˇˇˇˇ"},
  {"unpack", "E:t:1: 16-byte integer does not fit into Lua Integer", "<i16", "ˇˇˇˇˇˇˇˇ\0\0\0\0\0\0\0\0"},
  {"unpack", "-128,2", "b", "Ä"},
  {"unpack", "128,2", "B", "Ä"},
  {"unpack", "-32768,3", "h", "\0Ä"},
  {"unpack", "8388607,4", "i3", "ˇˇ\127"},
  {"unpack", "-8388608,4", "i3", "\0\0Ä"},
  {"unpack", "inf,9", "<d", "\0\0\0\0\0\0\127"},
  {"unpack", "nan,9", "<d", "\0\0\0\0\0\0¯\127"},
  {"unpack", "inf,5", "<f", "\0\0Ä\127"},
  {"unpack", "1.4012984643248e-45,5", "<f", "\1\0\0\0"},
  {"unpack", "E:t:1: bad argument #2 to 'unpack' (data string too short)", "i4", "abc"},
  {"unpack", "E:t:1: bad argument #3 to 'unpack' (number has no integer representation)", "i4", "abcd", 1.5},
  {"unpack", "E:t:1: bad argument #2 to 'unpack' (data string too short)", "i4", "abcd", "2"},
  {"unpack", "E:t:1: bad argument #3 to 'unpack' (number expected, got string)", "i4", "abcd", "x"},
  {"unpack", "E:t:1: bad argument #2 to 'unpack' (string expected, got no value)", "i4"},
  {"unpack", "E:t:1: bad argument #1 to 'unpack' (string expected, got nil)", nil, "abcd", n = 2},
  {"unpack", "E:t:1: bad argument #2 to 'unpack' (string expected, got table)", "i4", {}},
  {"unpack", "E:t:1: invalid format option '4'", 4, 1234},
  {"unpack", "'23',4", "c2", 1234, 2},
}

runCases(cases)

-- pack and unpack are inverse; packsize is the length of fixed-size packs
do
  local rows = {
    {"<i1 >i2 =i3 !4 i4 <i5 >i6 i7 i8", -1, 2, -3, 4, -5, 6, -7, 8},
    {"<I1 >I2 =I3 I4 <I5 >I6 I7 I8", 0xff, 0xffff, 0xffffff, 0xffffffff, 0xffffffffff, 0xffffffffffff, 0xffffffffffffff, -1},
    {"<i16 >I16 i9 I10", -9223372036854775807 - 1, 9223372036854775807, -2, 3},
    {"!8 b h i l j T f d n", 1, 2, 3, 4, 5, 6, 0.5, 0.25, 0.125},
    {">!4 b h b i8 b d", 1, 2, 3, 4, 5, 6.5},
    {"c5 z s s1 s2 c0", "abcde", "zero", "len", "one", "two", ""},
    {"<j >j =j", 0x0102030405060708, 0x0102030405060708, 0x0102030405060708},
  }
  for _, r in ipairs(rows) do
    local fmt = r[1]
    local packed = string.pack(fmt, unpackFrom(r, 2, #r))
    local back = pk(string.unpack(fmt, packed))
    check("round trip " .. fmt .. " count", tostring(back.n), tostring(#r))
    check("round trip " .. fmt .. " next", tostring(back[back.n]), tostring(#packed + 1))
    for i = 2, #r do
      if back[i - 1] ~= r[i] then check("round trip " .. fmt .. " value " .. (i - 1), tostring(back[i - 1]), tostring(r[i])) end
    end
    if not fmt:find("[zs]") then check("packsize " .. fmt, tostring(string.packsize(fmt)), tostring(#packed)) end
  end
  -- every byte order gives the same values back
  for _, v in ipairs({0, 1, -1, 0x7f, -0x80, 0x1234, -0x1234}) do
    for _, size in ipairs({2, 3, 4, 8, 12, 16}) do
      local le, be = string.pack("<i" .. size, v), string.pack(">i" .. size, v)
      check("orders " .. v .. " " .. size, tostring(le:reverse() == be), "true")
      check("unpack le " .. v .. " " .. size, tostring((string.unpack("<i" .. size, le))), tostring(v))
      check("unpack be " .. v .. " " .. size, tostring((string.unpack(">i" .. size, be))), tostring(v))
    end
  end
  -- floats keep their bits: infinities, NaN, negative zero
  local inf = 1/0
  check("pack inf", tostring((string.unpack("d", string.pack("d", inf)))), tostring(inf))
  local nan = string.unpack("n", string.pack("n", 0/0))
  check("pack nan", tostring(nan ~= nan), "true")
  check("pack -0.0", tostring(1 / string.unpack("<d", string.pack("<d", -0.0))), tostring(-inf))
  check("float rounding", tostring((string.unpack("f", string.pack("f", 0.1)))), "0.10000000149012")
end

-- unpack with a position walks through the data
do
  local data = string.pack("i4 z s1 b", 7, "hi", "abc", -1)
  local pos, vals = 1, {}
  for _, f in ipairs({"i4", "z", "s1", "b"}) do
    local v
    v, pos = string.unpack(f, data, pos)
    vals[#vals + 1] = tostring(v)
  end
  check("walk", join(vals, ",") .. "|" .. pos, "7,hi,abc,-1|" .. (#data + 1))
  check("negative init", ser(pk(string.unpack("b", data, -1))), "-1," .. (#data + 1))
end

-- many results need stack space, and its limit is an error
do
  local n = select("#", string.unpack(("b"):rep(10000), ("\1"):rep(10000)))
  check("10000 results", tostring(n), "10001")
  local ok, e = pcall(string.unpack, ("c0"):rep(1000000), "")
  check("too many results", e, "stack overflow (too many results)")
end

-- errors from the call site: argument numbers count the method's object
do
  local function rterr(src, expected)
    local ok, e = pcall(assert(load(src, "=t")))
    check(src, tostring(ok) .. " " .. tostring(e), "false " .. expected)
  end
  rterr("return ('i4'):pack()", "t:1: bad argument #1 to 'pack' (number expected, got nil)")
  rterr("return ('i4 i4'):pack(1)", "t:1: bad argument #2 to 'pack' (number expected, got nil)")
  rterr("return ('i4'):unpack('abc')", "t:1: bad argument #1 to 'unpack' (data string too short)")
  rterr("return ('i4'):unpack('abcd', 6)", "t:1: bad argument #2 to 'unpack' (initial position out of string)")
  rterr("return ('z'):packsize()", "t:1: calling 'packsize' on bad self (variable-length format)")
  rterr("return string.pack('i17', 1)", "t:1: integral size (17) out of limits [1,16]")
  rterr("\nreturn string.unpack('>i9', '\\1' .. ('\\0'):rep(8))", "t:2: 9-byte integer does not fit into Lua Integer")
  rterr("return string.pack('b', 200)", "t:1: bad argument #2 to 'pack' (integer overflow)")
end

finish()
