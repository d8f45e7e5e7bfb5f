-- show(v): a deterministic text for a value, for the module tests to print.
-- Tables are written with their keys sorted (by type, then value), floats
-- with 17 significant digits, and functions, userdata and threads by their
-- type alone, so that no address or iteration order reaches the output.
local show

-- A packed list of results, shown as "(a, b, nil)".
local Results = {}

local typeOrder = { boolean = 1, number = 2, string = 3 }

local function keyLess(a, b)
  local ta, tb = type(a), type(b)
  if ta ~= tb then return (typeOrder[ta] or 9) < (typeOrder[tb] or 9) end
  if ta == "boolean" then return (not a) and b end
  if ta == "number" or ta == "string" then return a < b end
  return false
end

local function showNumber(n)
  if math.type(n) == "integer" then return tostring(n) end
  if n ~= n then return "nan" end
  return string.format("%.17g", n)
end

function show(v, depth)
  depth = depth or 0
  local t = type(v)
  if t == "string" then
    return (string.format("%q", v):gsub("\\\n", "\\n"))
  elseif t == "number" then
    return showNumber(v)
  elseif t == "table" and getmetatable(v) == Results then
    local parts = {}
    for i = 1, v.n do parts[i] = show(v[i], depth + 1) end
    return "(" .. table.concat(parts, ", ") .. ")"
  elseif t == "table" then
    if depth > 8 then return "{...}" end
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = k end
    table.sort(keys, keyLess)
    local parts = {}
    local n = 0
    for _, k in ipairs(keys) do
      if math.type(k) == "integer" and k == n + 1 then
        n = k
        parts[#parts + 1] = show(v[k], depth + 1)
      else
        local key = (type(k) == "string" and k:match("^[%a_][%w_]*$")) and k or "[" .. show(k, depth + 1) .. "]"
        parts[#parts + 1] = key .. "=" .. show(v[k], depth + 1)
      end
    end
    return "{" .. table.concat(parts, ", ") .. "}"
  elseif t == "nil" or t == "boolean" then
    return tostring(v)
  else
    return t
  end
end

-- showAll(...): every argument shown, separated by commas (nils included).
local function showAll(...)
  local parts = {}
  for i = 1, select("#", ...) do parts[i] = show((select(i, ...))) end
  return table.concat(parts, ", ")
end

-- try(f, ...): "ok: results" or "error: message" of a protected call.
local function try(f, ...)
  local r = table.pack(pcall(f, ...))
  if r[1] then return "ok: " .. showAll(table.unpack(r, 2, r.n)) end
  local e = r[2]
  return "error: " .. (type(e) == "string" and e or show(e))
end

-- pack(...): all the arguments, nils included, shown as a list in parentheses.
local function pack(...)
  return setmetatable(table.pack(...), Results)
end

return { show = show, showAll = showAll, try = try, pack = pack }
