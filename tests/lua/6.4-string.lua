-- Lua 5.4 manual Â§6.4 String Manipulation: the library table, the string
-- metatable, and byte, char, dump, len, lower, rep, reverse, sub, upper.
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
  {"sub", "'hello'", "hello", (-0x7fffffffffffffff - 1)},
  {"byte", "", "hello", (-0x7fffffffffffffff - 1)},
  {"sub", "''", "hello", (-0x7fffffffffffffff - 1), (-0x7fffffffffffffff - 1)},
  {"byte", "", "hello", (-0x7fffffffffffffff - 1), (-0x7fffffffffffffff - 1)},
  {"sub", "''", "hello", (-0x7fffffffffffffff - 1), -100},
  {"byte", "", "hello", (-0x7fffffffffffffff - 1), -100},
  {"sub", "''", "hello", (-0x7fffffffffffffff - 1), -6},
  {"byte", "", "hello", (-0x7fffffffffffffff - 1), -6},
  {"sub", "'h'", "hello", (-0x7fffffffffffffff - 1), -5},
  {"byte", "104", "hello", (-0x7fffffffffffffff - 1), -5},
  {"sub", "'he'", "hello", (-0x7fffffffffffffff - 1), -4},
  {"byte", "104,101", "hello", (-0x7fffffffffffffff - 1), -4},
  {"sub", "'hello'", "hello", (-0x7fffffffffffffff - 1), -1},
  {"byte", "104,101,108,108,111", "hello", (-0x7fffffffffffffff - 1), -1},
  {"sub", "''", "hello", (-0x7fffffffffffffff - 1), 0},
  {"byte", "", "hello", (-0x7fffffffffffffff - 1), 0},
  {"sub", "'h'", "hello", (-0x7fffffffffffffff - 1), 1},
  {"byte", "104", "hello", (-0x7fffffffffffffff - 1), 1},
  {"sub", "'he'", "hello", (-0x7fffffffffffffff - 1), 2},
  {"byte", "104,101", "hello", (-0x7fffffffffffffff - 1), 2},
  {"sub", "'hell'", "hello", (-0x7fffffffffffffff - 1), 4},
  {"byte", "104,101,108,108", "hello", (-0x7fffffffffffffff - 1), 4},
  {"sub", "'hello'", "hello", (-0x7fffffffffffffff - 1), 5},
  {"byte", "104,101,108,108,111", "hello", (-0x7fffffffffffffff - 1), 5},
  {"sub", "'hello'", "hello", (-0x7fffffffffffffff - 1), 6},
  {"byte", "104,101,108,108,111", "hello", (-0x7fffffffffffffff - 1), 6},
  {"sub", "'hello'", "hello", (-0x7fffffffffffffff - 1), 100},
  {"byte", "104,101,108,108,111", "hello", (-0x7fffffffffffffff - 1), 100},
  {"sub", "'hello'", "hello", (-0x7fffffffffffffff - 1), 9223372036854775807},
  {"byte", "104,101,108,108,111", "hello", (-0x7fffffffffffffff - 1), 9223372036854775807},
  {"sub", "'hello'", "hello", -100},
  {"byte", "", "hello", -100},
  {"sub", "''", "hello", -100, (-0x7fffffffffffffff - 1)},
  {"byte", "", "hello", -100, (-0x7fffffffffffffff - 1)},
  {"sub", "''", "hello", -100, -100},
  {"byte", "", "hello", -100, -100},
  {"sub", "''", "hello", -100, -6},
  {"byte", "", "hello", -100, -6},
  {"sub", "'h'", "hello", -100, -5},
  {"byte", "104", "hello", -100, -5},
  {"sub", "'he'", "hello", -100, -4},
  {"byte", "104,101", "hello", -100, -4},
  {"sub", "'hello'", "hello", -100, -1},
  {"byte", "104,101,108,108,111", "hello", -100, -1},
  {"sub", "''", "hello", -100, 0},
  {"byte", "", "hello", -100, 0},
  {"sub", "'h'", "hello", -100, 1},
  {"byte", "104", "hello", -100, 1},
  {"sub", "'he'", "hello", -100, 2},
  {"byte", "104,101", "hello", -100, 2},
  {"sub", "'hell'", "hello", -100, 4},
  {"byte", "104,101,108,108", "hello", -100, 4},
  {"sub", "'hello'", "hello", -100, 5},
  {"byte", "104,101,108,108,111", "hello", -100, 5},
  {"sub", "'hello'", "hello", -100, 6},
  {"byte", "104,101,108,108,111", "hello", -100, 6},
  {"sub", "'hello'", "hello", -100, 100},
  {"byte", "104,101,108,108,111", "hello", -100, 100},
  {"sub", "'hello'", "hello", -100, 9223372036854775807},
  {"byte", "104,101,108,108,111", "hello", -100, 9223372036854775807},
  {"sub", "'hello'", "hello", -6},
  {"byte", "", "hello", -6},
  {"sub", "''", "hello", -6, (-0x7fffffffffffffff - 1)},
  {"byte", "", "hello", -6, (-0x7fffffffffffffff - 1)},
  {"sub", "''", "hello", -6, -100},
  {"byte", "", "hello", -6, -100},
  {"sub", "''", "hello", -6, -6},
  {"byte", "", "hello", -6, -6},
  {"sub", "'h'", "hello", -6, -5},
  {"byte", "104", "hello", -6, -5},
  {"sub", "'he'", "hello", -6, -4},
  {"byte", "104,101", "hello", -6, -4},
  {"sub", "'hello'", "hello", -6, -1},
  {"byte", "104,101,108,108,111", "hello", -6, -1},
  {"sub", "''", "hello", -6, 0},
  {"byte", "", "hello", -6, 0},
  {"sub", "'h'", "hello", -6, 1},
  {"byte", "104", "hello", -6, 1},
  {"sub", "'he'", "hello", -6, 2},
  {"byte", "104,101", "hello", -6, 2},
  {"sub", "'hell'", "hello", -6, 4},
  {"byte", "104,101,108,108", "hello", -6, 4},
  {"sub", "'hello'", "hello", -6, 5},
  {"byte", "104,101,108,108,111", "hello", -6, 5},
  {"sub", "'hello'", "hello", -6, 6},
  {"byte", "104,101,108,108,111", "hello", -6, 6},
  {"sub", "'hello'", "hello", -6, 100},
  {"byte", "104,101,108,108,111", "hello", -6, 100},
  {"sub", "'hello'", "hello", -6, 9223372036854775807},
  {"byte", "104,101,108,108,111", "hello", -6, 9223372036854775807},
  {"sub", "'hello'", "hello", -5},
  {"byte", "104", "hello", -5},
  {"sub", "''", "hello", -5, (-0x7fffffffffffffff - 1)},
  {"byte", "", "hello", -5, (-0x7fffffffffffffff - 1)},
  {"sub", "''", "hello", -5, -100},
  {"byte", "", "hello", -5, -100},
  {"sub", "''", "hello", -5, -6},
  {"byte", "", "hello", -5, -6},
  {"sub", "'h'", "hello", -5, -5},
  {"byte", "104", "hello", -5, -5},
  {"sub", "'he'", "hello", -5, -4},
  {"byte", "104,101", "hello", -5, -4},
  {"sub", "'hello'", "hello", -5, -1},
  {"byte", "104,101,108,108,111", "hello", -5, -1},
  {"sub", "''", "hello", -5, 0},
  {"byte", "", "hello", -5, 0},
  {"sub", "'h'", "hello", -5, 1},
  {"byte", "104", "hello", -5, 1},
  {"sub", "'he'", "hello", -5, 2},
  {"byte", "104,101", "hello", -5, 2},
  {"sub", "'hell'", "hello", -5, 4},
  {"byte", "104,101,108,108", "hello", -5, 4},
  {"sub", "'hello'", "hello", -5, 5},
  {"byte", "104,101,108,108,111", "hello", -5, 5},
  {"sub", "'hello'", "hello", -5, 6},
  {"byte", "104,101,108,108,111", "hello", -5, 6},
  {"sub", "'hello'", "hello", -5, 100},
  {"byte", "104,101,108,108,111", "hello", -5, 100},
  {"sub", "'hello'", "hello", -5, 9223372036854775807},
  {"byte", "104,101,108,108,111", "hello", -5, 9223372036854775807},
  {"sub", "'ello'", "hello", -4},
  {"byte", "101", "hello", -4},
  {"sub", "''", "hello", -4, (-0x7fffffffffffffff - 1)},
  {"byte", "", "hello", -4, (-0x7fffffffffffffff - 1)},
  {"sub", "''", "hello", -4, -100},
  {"byte", "", "hello", -4, -100},
  {"sub", "''", "hello", -4, -6},
  {"byte", "", "hello", -4, -6},
  {"sub", "''", "hello", -4, -5},
  {"byte", "", "hello", -4, -5},
  {"sub", "'e'", "hello", -4, -4},
  {"byte", "101", "hello", -4, -4},
  {"sub", "'ello'", "hello", -4, -1},
  {"byte", "101,108,108,111", "hello", -4, -1},
  {"sub", "''", "hello", -4, 0},
  {"byte", "", "hello", -4, 0},
  {"sub", "''", "hello", -4, 1},
  {"byte", "", "hello", -4, 1},
  {"sub", "'e'", "hello", -4, 2},
  {"byte", "101", "hello", -4, 2},
  {"sub", "'ell'", "hello", -4, 4},
  {"byte", "101,108,108", "hello", -4, 4},
  {"sub", "'ello'", "hello", -4, 5},
  {"byte", "101,108,108,111", "hello", -4, 5},
  {"sub", "'ello'", "hello", -4, 6},
  {"byte", "101,108,108,111", "hello", -4, 6},
  {"sub", "'ello'", "hello", -4, 100},
  {"byte", "101,108,108,111", "hello", -4, 100},
  {"sub", "'ello'", "hello", -4, 9223372036854775807},
  {"byte", "101,108,108,111", "hello", -4, 9223372036854775807},
  {"sub", "'o'", "hello", -1},
  {"byte", "111", "hello", -1},
  {"sub", "''", "hello", -1, (-0x7fffffffffffffff - 1)},
  {"byte", "", "hello", -1, (-0x7fffffffffffffff - 1)},
  {"sub", "''", "hello", -1, -100},
  {"byte", "", "hello", -1, -100},
  {"sub", "''", "hello", -1, -6},
  {"byte", "", "hello", -1, -6},
  {"sub", "''", "hello", -1, -5},
  {"byte", "", "hello", -1, -5},
  {"sub", "''", "hello", -1, -4},
  {"byte", "", "hello", -1, -4},
  {"sub", "'o'", "hello", -1, -1},
  {"byte", "111", "hello", -1, -1},
  {"sub", "''", "hello", -1, 0},
  {"byte", "", "hello", -1, 0},
  {"sub", "''", "hello", -1, 1},
  {"byte", "", "hello", -1, 1},
  {"sub", "''", "hello", -1, 2},
  {"byte", "", "hello", -1, 2},
  {"sub", "''", "hello", -1, 4},
  {"byte", "", "hello", -1, 4},
  {"sub", "'o'", "hello", -1, 5},
  {"byte", "111", "hello", -1, 5},
  {"sub", "'o'", "hello", -1, 6},
  {"byte", "111", "hello", -1, 6},
  {"sub", "'o'", "hello", -1, 100},
  {"byte", "111", "hello", -1, 100},
  {"sub", "'o'", "hello", -1, 9223372036854775807},
  {"byte", "111", "hello", -1, 9223372036854775807},
  {"sub", "'hello'", "hello", 0},
  {"byte", "", "hello", 0},
  {"sub", "''", "hello", 0, (-0x7fffffffffffffff - 1)},
  {"byte", "", "hello", 0, (-0x7fffffffffffffff - 1)},
  {"sub", "''", "hello", 0, -100},
  {"byte", "", "hello", 0, -100},
  {"sub", "''", "hello", 0, -6},
  {"byte", "", "hello", 0, -6},
  {"sub", "'h'", "hello", 0, -5},
  {"byte", "104", "hello", 0, -5},
  {"sub", "'he'", "hello", 0, -4},
  {"byte", "104,101", "hello", 0, -4},
  {"sub", "'hello'", "hello", 0, -1},
  {"byte", "104,101,108,108,111", "hello", 0, -1},
  {"sub", "''", "hello", 0, 0},
  {"byte", "", "hello", 0, 0},
  {"sub", "'h'", "hello", 0, 1},
  {"byte", "104", "hello", 0, 1},
  {"sub", "'he'", "hello", 0, 2},
  {"byte", "104,101", "hello", 0, 2},
  {"sub", "'hell'", "hello", 0, 4},
  {"byte", "104,101,108,108", "hello", 0, 4},
  {"sub", "'hello'", "hello", 0, 5},
  {"byte", "104,101,108,108,111", "hello", 0, 5},
  {"sub", "'hello'", "hello", 0, 6},
  {"byte", "104,101,108,108,111", "hello", 0, 6},
  {"sub", "'hello'", "hello", 0, 100},
  {"byte", "104,101,108,108,111", "hello", 0, 100},
  {"sub", "'hello'", "hello", 0, 9223372036854775807},
  {"byte", "104,101,108,108,111", "hello", 0, 9223372036854775807},
  {"sub", "'hello'", "hello", 1},
  {"byte", "104", "hello", 1},
  {"sub", "''", "hello", 1, (-0x7fffffffffffffff - 1)},
  {"byte", "", "hello", 1, (-0x7fffffffffffffff - 1)},
  {"sub", "''", "hello", 1, -100},
  {"byte", "", "hello", 1, -100},
  {"sub", "''", "hello", 1, -6},
  {"byte", "", "hello", 1, -6},
  {"sub", "'h'", "hello", 1, -5},
  {"byte", "104", "hello", 1, -5},
  {"sub", "'he'", "hello", 1, -4},
  {"byte", "104,101", "hello", 1, -4},
  {"sub", "'hello'", "hello", 1, -1},
  {"byte", "104,101,108,108,111", "hello", 1, -1},
  {"sub", "''", "hello", 1, 0},
  {"byte", "", "hello", 1, 0},
  {"sub", "'h'", "hello", 1, 1},
  {"byte", "104", "hello", 1, 1},
  {"sub", "'he'", "hello", 1, 2},
  {"byte", "104,101", "hello", 1, 2},
  {"sub", "'hell'", "hello", 1, 4},
  {"byte", "104,101,108,108", "hello", 1, 4},
  {"sub", "'hello'", "hello", 1, 5},
  {"byte", "104,101,108,108,111", "hello", 1, 5},
  {"sub", "'hello'", "hello", 1, 6},
  {"byte", "104,101,108,108,111", "hello", 1, 6},
  {"sub", "'hello'", "hello", 1, 100},
  {"byte", "104,101,108,108,111", "hello", 1, 100},
  {"sub", "'hello'", "hello", 1, 9223372036854775807},
  {"byte", "104,101,108,108,111", "hello", 1, 9223372036854775807},
  {"sub", "'ello'", "hello", 2},
  {"byte", "101", "hello", 2},
  {"sub", "''", "hello", 2, (-0x7fffffffffffffff - 1)},
  {"byte", "", "hello", 2, (-0x7fffffffffffffff - 1)},
  {"sub", "''", "hello", 2, -100},
  {"byte", "", "hello", 2, -100},
  {"sub", "''", "hello", 2, -6},
  {"byte", "", "hello", 2, -6},
  {"sub", "''", "hello", 2, -5},
  {"byte", "", "hello", 2, -5},
  {"sub", "'e'", "hello", 2, -4},
  {"byte", "101", "hello", 2, -4},
  {"sub", "'ello'", "hello", 2, -1},
  {"byte", "101,108,108,111", "hello", 2, -1},
  {"sub", "''", "hello", 2, 0},
  {"byte", "", "hello", 2, 0},
  {"sub", "''", "hello", 2, 1},
  {"byte", "", "hello", 2, 1},
  {"sub", "'e'", "hello", 2, 2},
  {"byte", "101", "hello", 2, 2},
  {"sub", "'ell'", "hello", 2, 4},
  {"byte", "101,108,108", "hello", 2, 4},
  {"sub", "'ello'", "hello", 2, 5},
  {"byte", "101,108,108,111", "hello", 2, 5},
  {"sub", "'ello'", "hello", 2, 6},
  {"byte", "101,108,108,111", "hello", 2, 6},
  {"sub", "'ello'", "hello", 2, 100},
  {"byte", "101,108,108,111", "hello", 2, 100},
  {"sub", "'ello'", "hello", 2, 9223372036854775807},
  {"byte", "101,108,108,111", "hello", 2, 9223372036854775807},
  {"sub", "'lo'", "hello", 4},
  {"byte", "108", "hello", 4},
  {"sub", "''", "hello", 4, (-0x7fffffffffffffff - 1)},
  {"byte", "", "hello", 4, (-0x7fffffffffffffff - 1)},
  {"sub", "''", "hello", 4, -100},
  {"byte", "", "hello", 4, -100},
  {"sub", "''", "hello", 4, -6},
  {"byte", "", "hello", 4, -6},
  {"sub", "''", "hello", 4, -5},
  {"byte", "", "hello", 4, -5},
  {"sub", "''", "hello", 4, -4},
  {"byte", "", "hello", 4, -4},
  {"sub", "'lo'", "hello", 4, -1},
  {"byte", "108,111", "hello", 4, -1},
  {"sub", "''", "hello", 4, 0},
  {"byte", "", "hello", 4, 0},
  {"sub", "''", "hello", 4, 1},
  {"byte", "", "hello", 4, 1},
  {"sub", "''", "hello", 4, 2},
  {"byte", "", "hello", 4, 2},
  {"sub", "'l'", "hello", 4, 4},
  {"byte", "108", "hello", 4, 4},
  {"sub", "'lo'", "hello", 4, 5},
  {"byte", "108,111", "hello", 4, 5},
  {"sub", "'lo'", "hello", 4, 6},
  {"byte", "108,111", "hello", 4, 6},
  {"sub", "'lo'", "hello", 4, 100},
  {"byte", "108,111", "hello", 4, 100},
  {"sub", "'lo'", "hello", 4, 9223372036854775807},
  {"byte", "108,111", "hello", 4, 9223372036854775807},
  {"sub", "'o'", "hello", 5},
  {"byte", "111", "hello", 5},
  {"sub", "''", "hello", 5, (-0x7fffffffffffffff - 1)},
  {"byte", "", "hello", 5, (-0x7fffffffffffffff - 1)},
  {"sub", "''", "hello", 5, -100},
  {"byte", "", "hello", 5, -100},
  {"sub", "''", "hello", 5, -6},
  {"byte", "", "hello", 5, -6},
  {"sub", "''", "hello", 5, -5},
  {"byte", "", "hello", 5, -5},
  {"sub", "''", "hello", 5, -4},
  {"byte", "", "hello", 5, -4},
  {"sub", "'o'", "hello", 5, -1},
  {"byte", "111", "hello", 5, -1},
  {"sub", "''", "hello", 5, 0},
  {"byte", "", "hello", 5, 0},
  {"sub", "''", "hello", 5, 1},
  {"byte", "", "hello", 5, 1},
  {"sub", "''", "hello", 5, 2},
  {"byte", "", "hello", 5, 2},
  {"sub", "''", "hello", 5, 4},
  {"byte", "", "hello", 5, 4},
  {"sub", "'o'", "hello", 5, 5},
  {"byte", "111", "hello", 5, 5},
  {"sub", "'o'", "hello", 5, 6},
  {"byte", "111", "hello", 5, 6},
  {"sub", "'o'", "hello", 5, 100},
  {"byte", "111", "hello", 5, 100},
  {"sub", "'o'", "hello", 5, 9223372036854775807},
  {"byte", "111", "hello", 5, 9223372036854775807},
  {"sub", "''", "hello", 6},
  {"byte", "", "hello", 6},
  {"sub", "''", "hello", 6, (-0x7fffffffffffffff - 1)},
  {"byte", "", "hello", 6, (-0x7fffffffffffffff - 1)},
  {"sub", "''", "hello", 6, -100},
  {"byte", "", "hello", 6, -100},
  {"sub", "''", "hello", 6, -6},
  {"byte", "", "hello", 6, -6},
  {"sub", "''", "hello", 6, -5},
  {"byte", "", "hello", 6, -5},
  {"sub", "''", "hello", 6, -4},
  {"byte", "", "hello", 6, -4},
  {"sub", "''", "hello", 6, -1},
  {"byte", "", "hello", 6, -1},
  {"sub", "''", "hello", 6, 0},
  {"byte", "", "hello", 6, 0},
  {"sub", "''", "hello", 6, 1},
  {"byte", "", "hello", 6, 1},
  {"sub", "''", "hello", 6, 2},
  {"byte", "", "hello", 6, 2},
  {"sub", "''", "hello", 6, 4},
  {"byte", "", "hello", 6, 4},
  {"sub", "''", "hello", 6, 5},
  {"byte", "", "hello", 6, 5},
  {"sub", "''", "hello", 6, 6},
  {"byte", "", "hello", 6, 6},
  {"sub", "''", "hello", 6, 100},
  {"byte", "", "hello", 6, 100},
  {"sub", "''", "hello", 6, 9223372036854775807},
  {"byte", "", "hello", 6, 9223372036854775807},
  {"sub", "''", "hello", 100},
  {"byte", "", "hello", 100},
  {"sub", "''", "hello", 100, (-0x7fffffffffffffff - 1)},
  {"byte", "", "hello", 100, (-0x7fffffffffffffff - 1)},
  {"sub", "''", "hello", 100, -100},
  {"byte", "", "hello", 100, -100},
  {"sub", "''", "hello", 100, -6},
  {"byte", "", "hello", 100, -6},
  {"sub", "''", "hello", 100, -5},
  {"byte", "", "hello", 100, -5},
  {"sub", "''", "hello", 100, -4},
  {"byte", "", "hello", 100, -4},
  {"sub", "''", "hello", 100, -1},
  {"byte", "", "hello", 100, -1},
  {"sub", "''", "hello", 100, 0},
  {"byte", "", "hello", 100, 0},
  {"sub", "''", "hello", 100, 1},
  {"byte", "", "hello", 100, 1},
  {"sub", "''", "hello", 100, 2},
  {"byte", "", "hello", 100, 2},
  {"sub", "''", "hello", 100, 4},
  {"byte", "", "hello", 100, 4},
  {"sub", "''", "hello", 100, 5},
  {"byte", "", "hello", 100, 5},
  {"sub", "''", "hello", 100, 6},
  {"byte", "", "hello", 100, 6},
  {"sub", "''", "hello", 100, 100},
  {"byte", "", "hello", 100, 100},
  {"sub", "''", "hello", 100, 9223372036854775807},
  {"byte", "", "hello", 100, 9223372036854775807},
  {"sub", "''", "hello", 9223372036854775807},
  {"byte", "", "hello", 9223372036854775807},
  {"sub", "''", "hello", 9223372036854775807, (-0x7fffffffffffffff - 1)},
  {"byte", "", "hello", 9223372036854775807, (-0x7fffffffffffffff - 1)},
  {"sub", "''", "hello", 9223372036854775807, -100},
  {"byte", "", "hello", 9223372036854775807, -100},
  {"sub", "''", "hello", 9223372036854775807, -6},
  {"byte", "", "hello", 9223372036854775807, -6},
  {"sub", "''", "hello", 9223372036854775807, -5},
  {"byte", "", "hello", 9223372036854775807, -5},
  {"sub", "''", "hello", 9223372036854775807, -4},
  {"byte", "", "hello", 9223372036854775807, -4},
  {"sub", "''", "hello", 9223372036854775807, -1},
  {"byte", "", "hello", 9223372036854775807, -1},
  {"sub", "''", "hello", 9223372036854775807, 0},
  {"byte", "", "hello", 9223372036854775807, 0},
  {"sub", "''", "hello", 9223372036854775807, 1},
  {"byte", "", "hello", 9223372036854775807, 1},
  {"sub", "''", "hello", 9223372036854775807, 2},
  {"byte", "", "hello", 9223372036854775807, 2},
  {"sub", "''", "hello", 9223372036854775807, 4},
  {"byte", "", "hello", 9223372036854775807, 4},
  {"sub", "''", "hello", 9223372036854775807, 5},
  {"byte", "", "hello", 9223372036854775807, 5},
  {"sub", "''", "hello", 9223372036854775807, 6},
  {"byte", "", "hello", 9223372036854775807, 6},
  {"sub", "''", "hello", 9223372036854775807, 100},
  {"byte", "", "hello", 9223372036854775807, 100},
  {"sub", "''", "hello", 9223372036854775807, 9223372036854775807},
  {"byte", "", "hello", 9223372036854775807, 9223372036854775807},
  {"sub", "''", "", -1},
  {"sub", "''", "", -1, -1},
  {"byte", "", "", -1},
  {"byte", "", "", -1, 1},
  {"sub", "''", "", 0},
  {"sub", "''", "", 0, 0},
  {"byte", "", "", 0},
  {"byte", "", "", 0, 0},
  {"sub", "''", "", 1},
  {"sub", "''", "", 1, 1},
  {"byte", "", "", 1},
  {"byte", "", "", 1, -1},
  {"sub", "''", "", 2},
  {"sub", "''", "", 2, 2},
  {"byte", "", "", 2},
  {"byte", "", "", 2, -2},
  {"sub", "'ello'", "hello", 2, nil, n = 3},
  {"sub", "'el'", "hello", 2.0, 3.0},
  {"sub", "'el'", "hello", "2", "3"},
  {"sub", "E:t:1: bad argument #2 to 'sub' (number has no integer representation)", "hello", 1.5},
  {"sub", "E:t:1: bad argument #3 to 'sub' (number has no integer representation)", "hello", 1, 1.5},
  {"sub", "E:t:1: bad argument #2 to 'sub' (number expected, got string)", "hello", "x"},
  {"sub", "E:t:1: bad argument #2 to 'sub' (number expected, got no value)", "hello"},
  {"sub", "E:t:1: bad argument #2 to 'sub' (number expected, got nil)", "hello", nil, 2, n = 3},
  {"sub", "'234'", 12345, 2, -2},
  {"sub", "'.5'", 1.5, 2},
  {"sub", "E:t:1: bad argument #1 to 'sub' (string expected, got nil)", nil, 1, n = 2},
  {"sub", "E:t:1: bad argument #1 to 'sub' (string expected, got table)", {}, 1},
  {"sub", "'\0b\0'", "a\0b\0c", 2, 4},
  {"byte", "104,101,108", "hello", nil, 3, n = 3},
  {"byte", "104,101,108", "hello", 1.0, "3"},
  {"byte", "E:t:1: bad argument #2 to 'byte' (number has no integer representation)", "hello", 1.5},
  {"byte", "97,0,255", "a\0ÿ", 1, -1},
  {"byte", "54", 65},
  {"byte", "E:t:1: bad argument #1 to 'byte' (string expected, got no value)"},
  {"byte", "E:t:1: bad argument #2 to 'byte' (number expected, got table)", "abc", {}, 1},
  {"byte", "E:t:1: bad argument #3 to 'byte' (number expected, got table)", "abc", 1, {}},
  {"byte", "128", "€Èÿ"},
  {"char", "''"},
  {"char", "'Hello'", 72, 101, 108, 108, 111},
  {"char", "'\0ÿ'", 0, 255},
  {"char", "E:t:1: bad argument #1 to 'char' (value out of range)", 256},
  {"char", "E:t:1: bad argument #1 to 'char' (value out of range)", -1},
  {"char", "E:t:1: bad argument #2 to 'char' (value out of range)", 65, 256},
  {"char", "'A'", 65.0},
  {"char", "E:t:1: bad argument #1 to 'char' (number has no integer representation)", 65.5},
  {"char", "'A'", "65"},
  {"char", "E:t:1: bad argument #1 to 'char' (number expected, got string)", "x"},
  {"char", "E:t:1: bad argument #1 to 'char' (number expected, got nil)", nil, n = 1},
  {"char", "E:t:1: bad argument #2 to 'char' (number expected, got nil)", 65, nil, n = 2},
  {"char", "E:t:1: bad argument #1 to 'char' (value out of range)", 9223372036854775807},
  {"char", "E:t:1: bad argument #1 to 'char' (value out of range)", (-0x7fffffffffffffff - 1)},
  {"len", "0", ""},
  {"reverse", "''", ""},
  {"lower", "''", ""},
  {"upper", "''", ""},
  {"len", "1", "a"},
  {"reverse", "'a'", "a"},
  {"lower", "'a'", "a"},
  {"upper", "'A'", "a"},
  {"len", "13", "Hello, World!"},
  {"reverse", "'!dlroW ,olleH'", "Hello, World!"},
  {"lower", "'hello, world!'", "Hello, World!"},
  {"upper", "'HELLO, WORLD!'", "Hello, World!"},
  {"len", "3", "a\0b"},
  {"reverse", "'b\0a'", "a\0b"},
  {"lower", "'a\0b'", "a\0b"},
  {"upper", "'A\0B'", "a\0b"},
  {"len", "6", "ÈÿÃ„Ã–"},
  {"reverse", "'–Ã„ÃÿÈ'", "ÈÿÃ„Ã–"},
  {"lower", "'ÈÿÃ„Ã–'", "ÈÿÃ„Ã–"},
  {"upper", "'ÈÿÃ„Ã–'", "ÈÿÃ„Ã–"},
  {"len", "13", "MiXeD 123 _-+"},
  {"reverse", "'+-_ 321 DeXiM'", "MiXeD 123 _-+"},
  {"lower", "'mixed 123 _-+'", "MiXeD 123 _-+"},
  {"upper", "'MIXED 123 _-+'", "MiXeD 123 _-+"},
  {"len", "2", 12},
  {"reverse", "'21'", 12},
  {"lower", "'12'", 12},
  {"upper", "'12'", 12},
  {"len", "3", 1.5},
  {"reverse", "'5.1'", 1.5},
  {"lower", "'1.5'", 1.5},
  {"upper", "'1.5'", 1.5},
  {"len", "4", -0.0},
  {"reverse", "'0.0-'", -0.0},
  {"lower", "'-0.0'", -0.0},
  {"upper", "'-0.0'", -0.0},
  {"len", "E:t:1: bad argument #1 to 'len' (string expected, got no value)"},
  {"len", "E:t:1: bad argument #1 to 'len' (string expected, got nil)", nil, n = 1},
  {"len", "E:t:1: bad argument #1 to 'len' (string expected, got table)", {}},
  {"reverse", "E:t:1: bad argument #1 to 'reverse' (string expected, got boolean)", true},
  {"lower", "E:t:1: bad argument #1 to 'lower' (string expected, got no value)"},
  {"upper", "E:t:1: bad argument #1 to 'upper' (string expected, got table)", {}},
  {"rep", "''", "ab", (-0x7fffffffffffffff - 1)},
  {"rep", "''", "ab", (-0x7fffffffffffffff - 1), ","},
  {"rep", "''", "", (-0x7fffffffffffffff - 1)},
  {"rep", "''", "", (-0x7fffffffffffffff - 1), ""},
  {"rep", "''", "x", (-0x7fffffffffffffff - 1), ""},
  {"rep", "''", "ab", -1},
  {"rep", "''", "ab", -1, ","},
  {"rep", "''", "", -1},
  {"rep", "''", "", -1, ""},
  {"rep", "''", "x", -1, ""},
  {"rep", "''", "ab", 0},
  {"rep", "''", "ab", 0, ","},
  {"rep", "''", "", 0},
  {"rep", "''", "", 0, ""},
  {"rep", "''", "x", 0, ""},
  {"rep", "'ab'", "ab", 1},
  {"rep", "'ab'", "ab", 1, ","},
  {"rep", "''", "", 1},
  {"rep", "''", "", 1, ""},
  {"rep", "'x'", "x", 1, ""},
  {"rep", "'abab'", "ab", 2},
  {"rep", "'ab,ab'", "ab", 2, ","},
  {"rep", "''", "", 2},
  {"rep", "''", "", 2, ""},
  {"rep", "'xx'", "x", 2, ""},
  {"rep", "'ababab'", "ab", 3},
  {"rep", "'ab,ab,ab'", "ab", 3, ","},
  {"rep", "''", "", 3},
  {"rep", "''", "", 3, ""},
  {"rep", "'xxx'", "x", 3, ""},
  {"rep", "'abab'", "ab", 2.0},
  {"rep", "'ab,ab'", "ab", 2.0, ","},
  {"rep", "''", "", 2.0},
  {"rep", "''", "", 2.0, ""},
  {"rep", "'xx'", "x", 2.0, ""},
  {"rep", "E:t:1: bad argument #2 to 'rep' (number has no integer representation)", "x", 1.5},
  {"rep", "'xxx'", "x", "3"},
  {"rep", "E:t:1: bad argument #2 to 'rep' (number expected, got string)", "x", "y"},
  {"rep", "E:t:1: bad argument #2 to 'rep' (number expected, got no value)", "x"},
  {"rep", "E:t:1: bad argument #1 to 'rep' (string expected, got nil)", nil, 1, n = 2},
  {"rep", "E:t:1: bad argument #3 to 'rep' (string expected, got table)", "x", 2, {}},
  {"rep", "'x5x'", "x", 2, 5},
  {"rep", "'a\0\0a\0\0a\0'", "a\0", 3, "\0"},
  {"rep", "E:t:1: resulting string too large", "x", 9223372036854775807},
  {"rep", "E:t:1: resulting string too large", "x", 9223372036854775807, "y"},
  {"rep", "E:t:1: resulting string too large", "xx", 1073741824.0},
  {"rep", "E:t:1: resulting string too large", "x", 1073741824.0, "x"},
  {"rep", "E:t:1: resulting string too large", "x", 2147483648.0},
  {"rep", "E:t:1: resulting string too large", "abc", 10000000000.0},
  {"rep", "E:t:1: resulting string too large", "x", 3000000000.0},
  {"rep", "''", "x", (-0x7fffffffffffffff - 1), "y"},
  {"rep", "E:t:1: resulting string too large", "", 9223372036854775807, "x"},
  {"rep", "'50505'", 5, 3, 0},
  {"dump", "E:t:1: unable to dump given function", print},
  {"dump", "E:t:1: bad argument #1 to 'dump' (function expected, got number)", 1},
  {"dump", "E:t:1: bad argument #1 to 'dump' (function expected, got no value)"},
  {"dump", "E:t:1: bad argument #1 to 'dump' (function expected, got string)", "x"},
}

runCases(cases)

-- the library lists exactly lua5.4's names
do
  local names = {}
  for k in pairs(string) do names[#names + 1] = k end
  -- insertion sort: this test does not rely on the table library
  for i = 2, #names do
    local v, j = names[i], i - 1
    while j >= 1 and names[j] > v do names[j + 1] = names[j]; j = j - 1 end
    names[j + 1] = v
  end
  check("names", join(names, ","),
    "byte,char,dump,find,format,gmatch,gsub,len,lower,match,pack,packsize,rep,reverse,sub,unpack,upper")
  for _, k in ipairs(names) do check("type of " .. k, type(string[k]), "function") end
end

-- the string metatable: methods through __index
do
  local mt = getmetatable("")
  check("metatable", type(mt), "table")
  check("__index", tostring(mt.__index == string), "true")
  check("same for all strings", tostring(getmetatable("abc") == mt and getmetatable(("x"):rep(100)) == mt), "true")
  check("method rep", ("x"):rep(3), "xxx")
  check("method sub", ("hello"):sub(2, -2), "ell")
  check("method len", tostring(("hello"):len()), "5")
  check("method upper", ("hello"):upper(), "HELLO")
  check("method byte", ser(pk(("AB"):byte(1, 2))), "65,66")
  check("method format", ("%d-%s"):format(5, "x"), "5-x")
  local s = "abc"
  check("method on local", s:reverse(), "cba")
  check("field lookup", tostring(("x").len == string.len), "true")
  check("missing method", tostring(("x").nothing), "nil")
  local ok, e = pcall(load("return ('x'):nothing()", "=t"))
  check("call missing method", e, "t:1: attempt to call a nil value (method 'nothing')")
  ok, e = pcall(load("local n = 5 return n:rep(2)", "=t"))
  check("numbers have no methods", e, "t:1: attempt to index a number value (local 'n')")
  -- a method call counts the string as argument 0 in messages
  ok, e = pcall(load("return ('x'):rep()", "=t"))
  check("method arg numbering", e, "t:1: bad argument #1 to 'rep' (number expected, got no value)")
  ok, e = pcall(load("return ('x'):rep({})", "=t"))
  check("method arg numbering 2", e, "t:1: bad argument #1 to 'rep' (number expected, got table)")
  ok, e = pcall(load("return string.rep()", "=t"))
  check("field call", e, "t:1: bad argument #1 to 'rep' (string expected, got no value)")
  ok, e = pcall(load("local rep = string.rep return rep()", "=t"))
  check("local call", e, "t:1: bad argument #1 to 'rep' (string expected, got no value)")
end

-- results are ordinary strings: equal to literals, usable as keys
do
  local t = {}
  t[("a"):rep(3)] = 1
  t[("b"):rep(100)] = 2
  check("short result is interned", tostring(t.aaa), "1")
  check("long result as key", tostring(t[("b"):rep(50) .. ("b"):rep(50)]), "2")
  check("sub equals literal", tostring(("hello"):sub(2, 3) == "el"), "true")
  check("char equals literal", tostring(string.char(104, 105) == "hi"), "true")
  check("lower equals literal", tostring(("ABC"):lower() == "abc"), "true")
  check("reverse long", tostring(("ab"):rep(1000):reverse() == ("ba"):rep(1000)), "true")
end

-- big slices
do
  local big = ("x"):rep(2000000)
  check("len big", tostring(#big), "2000000")
  check("sub big", tostring(#big:sub(2, -2)), "1999998")
  local ok, e = pcall(string.byte, big, 1, -1)
  check("byte too many", e, "stack overflow (string slice too long)")
  check("byte some", tostring(select("#", big:byte(1, 1000))), "1000")
  check("rep with sep", tostring(#("ab"):rep(1000, ", ")), "3998")
  check("char many", tostring(#string.char(string.byte(("xyz"):rep(100), 1, -1))), "300")
end

-- upper and lower leave bytes outside ASCII letters alone
do
  local all = {}
  for i = 0, 255 do all[#all + 1] = string.char(i) end
  local s = join(all, "")
  local up, low = s:upper(), s:lower()
  for i = 0, 255 do
    local c = string.char(i)
    local eu = (i >= 97 and i <= 122) and string.char(i - 32) or c
    local el = (i >= 65 and i <= 90) and string.char(i + 32) or c
    if up:sub(i + 1, i + 1) ~= eu or low:sub(i + 1, i + 1) ~= el then check("case of byte " .. i, "wrong", "right") end
  end
  check("reverse of all bytes", tostring(s:reverse():byte(1) == 255 and s:reverse():byte(-1) == 0), "true")
end

-- the string metatable (6.4): __index is the library, and arithmetic
-- metamethods convert both operands to numbers
do
  local mt = getmetatable("")
  local keys = {}
  for k in pairs(mt) do keys[#keys + 1] = k end
  table.sort(keys)
  assert(table.concat(keys, " ") == "__add __div __idiv __index __mod __mul __pow __sub __unm", table.concat(keys, " "))
  assert(mt.__index == string)
  assert(mt.__add("10", 5) == 15 and math.type(mt.__add("10", 5)) == "integer")
  assert(mt.__unm("3") == -3 and mt.__idiv("7", "2") == 3 and mt.__pow("2", 10) == 1024.0)
  assert(mt.__mod(7, "3") == 1 and mt.__div("1", 4) == 0.25 and mt.__sub("0x10", 1) == 15 and mt.__mul("2", "3") == 6)
  local ok, e = pcall(mt.__add, "a", 1)
  assert(not ok and e == "attempt to add a 'string' with a 'number'", e)
  ok, e = pcall(mt.__div, {}, "1")
  assert(not ok and e == "attempt to div a 'table' with a 'string'", e)
  -- the other operand's metamethod when the string is not a number
  local obj = setmetatable({}, {__add = function(a, b) return "obj" end})
  assert(mt.__add("a", obj) == "obj")
end

finish()
