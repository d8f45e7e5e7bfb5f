-- Operand order at random (evaluation-order.lua and getlocal.lua hold the
-- hand-written cases): statements of random expressions over locals,
-- upvalues, constants, indexes and stores, where every call records the
-- temporaries of its caller (debug.getlocal) and may assign the variables
-- the expression reads; each statement's results and errors are printed
-- too. The expected output is Lua 5.4.8's: values are read when Lua reads
-- them and the operand stack holds what Lua's registers hold at each call.
-- The random numbers come from a fixed linear congruential generator.
local seed = 4242
local function random(n)
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed % n
end
local function pick(t) return t[random(#t) + 1] end

local CONSTANTS = {"1", "2", "300", "1.5", "-1", "128", "129", "-127", "-128", "2.0", "1000", "'s'", "nil", "true"}
local OPERATORS = {"+", "-", "*", "//", "%", "^", "/", "&", "|", "~", "<<", ">>", "<", "<=", "==", "~=", ">", ">=", ".."}
local expr, index
local function leaf()
  local r = random(100)
  if r < 30 then return pick{"a", "b", "k"} end
  if r < 42 then return pick{"ua", "ub"} end
  if r < 60 then return CONSTANTS[random(r < 58 and 11 or #CONSTANTS) + 1] end
  if r < 80 then return "P(" .. random(9) + 1 .. ")" end
  return pick{"t[1]", "t.x", "ut[2]", "t[k]", "ut[k]", "ut.x"}
end
function expr(depth)
  if depth <= 0 then return leaf() end
  local r = random(100)
  if r < 40 then return "(" .. expr(depth - 1) .. " " .. pick(OPERATORS) .. " " .. expr(depth - 1) .. ")" end
  if r < 52 then return "t[" .. index(depth - 1) .. "]" end
  if r < 62 then return "ut[" .. index(depth - 1) .. "]" end
  if r < 70 then return "P(" .. expr(depth - 1) .. ")" end
  if r < 75 then return "(" .. expr(depth - 1) .. " and " .. expr(depth - 1) .. " or " .. expr(depth - 1) .. ")" end
  if r < 78 then return "not " .. expr(depth - 1) end
  if r < 81 then return "-(" .. expr(depth - 1) .. ")" end
  return leaf()
end
function index(depth)
  local r = random(100)
  if r < 30 then return pick{"k", "1", "2", "1000", "ua", "'x'"} end
  if r < 50 then return "P(" .. random(9) + 1 .. ") % 3 + 1" end
  if r < 60 then return "#t" end
  return "M(" .. expr(depth) .. ")"
end
local function statement()
  local r, d = random(100), random(3) + 1
  if r < 20 then return "a = " .. expr(d) end
  if r < 35 then return "t[" .. index(d) .. "] = " .. expr(d) end
  if r < 50 then return "ut[" .. index(d) .. "] = " .. expr(d) end
  if r < 55 then return "t.x = " .. expr(d) end
  if r < 60 then return "t.y = {} t.y[" .. index(d) .. "] = " .. expr(d) end
  if r < 70 then return "t[" .. index(d) .. "], a = " .. expr(d) .. ", " .. expr(d) end
  if r < 75 then return "ut[" .. index(d) .. "], k = " .. expr(d) .. ", " .. expr(d) end
  if r < 85 then
    return "local c = {[k] = " .. expr(d) .. ", [" .. index(d) .. "] = " .. expr(d) .. ", " .. expr(d) .. ", [1] = " .. expr(d) .. "}"
  end
  if r < 90 then return "if " .. expr(d) .. " then a = 1 else a = 2 end" end
  return "ua = " .. expr(d)
end

local function show(v)
  local t = type(v)
  if t == "number" or t == "boolean" or t == "nil" or t == "string" then return tostring(v) end
  if t == "table" and v.nm then return v.nm end
  return t
end
local out
local function temporaries()
  local s = {}
  for i = 1, 200 do
    local name, v = debug.getlocal(3, i)
    if not name then break end
    if name == "(temporary)" then s[#s + 1] = show(v) end
  end
  return table.concat(s, ",")
end
local function M(x)
  if math.type(x) == "integer" then return x end
  if type(x) == "number" and x == x and x // 1 == x and x < 2^53 and x > -2^53 then return math.tointeger(x) end
  return 1
end
local HEADER = [[
local out, show, temporaries, M = ...
local ua, ub, ut = 7, 8, {3, 4, x = 5, nm = "ut0"}
local n = 0
return function()
  local a, b, k, t = 1, 2, 1, {1, 2, x = 3, nm = "t0"}
  local function P(x)
    n = n + 1
    out[#out + 1] = n .. "[" .. temporaries() .. "]"
    a = (math.type(x) == "integer") and (x % 5) or 3
    if n % 3 == 0 then t = {n, n + 1, x = n, nm = "t" .. n} end
    if n % 4 == 0 then ut = {n, n * 2, x = n, nm = "ut" .. n} end
    if n % 5 == 0 then k = k % 2 + 1 end
    ua = n
    return (type(x) == "number") and x or n
  end
]]
local FOOTER = [[
  return a, b, k, show(t), t[1], t[2], t.x, ua, show(ut), ut[1], ut[2], ut.x
end]]

-- Each program is 12 statements, each run in a fresh function. (An error
-- message is printed without its position: Lua raises the errors of string
-- arithmetic in the string library's metamethods, without one.)
for program = 1, 60 do
  out = {}
  for _ = 1, 12 do
    local chunk = assert(load(HEADER .. "  " .. statement() .. "\n" .. FOOTER, "=s"))
    local r = table.pack(pcall(chunk(out, show, temporaries, M)))
    if not r[1] then r[2] = tostring(r[2]):gsub("^s:%d+: ", "") end
    for j = 1, r.n do out[#out + 1] = show(r[j]) end
  end
  print(program .. ": " .. table.concat(out, " "))
end
