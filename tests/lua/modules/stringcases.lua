-- Helpers shared by the string library's test scripts (6.4*.lua), loaded
-- with require from tests/lua.
--
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

return {
  pk = pk, join = join, unpackFrom = unpackFrom, ser = ser, caller = caller,
  gmatchAll = gmatchAll, run = run, check = check, runCases = runCases, finish = finish,
}
