-- A first Tycho program: closures, tables, string building and metatables.
local function counter()
  local n = 0
  return function() n = n + 1; return n end
end

local next_id = counter()
local Point = {}
Point.__index = Point
Point.__tostring = function(p) return "(" .. p.x .. ", " .. p.y .. ")" end
Point.__add = function(a, b) return setmetatable({x = a.x + b.x, y = a.y + b.y, id = next_id()}, Point) end

local function point(x, y) return setmetatable({x = x, y = y, id = next_id()}, Point) end

local sum = point(0, 0)
for i = 1, 10 do sum = sum + point(i, i * i) end
print("hello from " .. _VERSION .. " on Tycho")
print("sum of points: " .. tostring(sum) .. ", points made: " .. sum.id)

local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
local fibs = {}
for i = 1, 15 do fibs[#fibs + 1] = fib(i) end
local text = ""
for i, v in ipairs(fibs) do text = text .. (i > 1 and " " or "") .. v end
print("fibonacci: " .. text)
