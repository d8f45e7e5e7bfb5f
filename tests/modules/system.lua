-- Debian's lua-system (LuaSystem 0.2.1) on Tycho: it offers gettime,
-- monotime and sleep (no environment functions in this version). Their
-- values are checked, not printed: the wall clock against os.time, the
-- monotonic clock never going back, sleep against both.
-- The script has its module's name: keep require from finding it in ".".
package.path = (arg[0]:match("^.*/") or "") .. "lib/?.lua;" .. package.path:gsub(";%./[^;]*", "")
local show = require("show")
local system = require("system")

local function out(label, ...)
  print(label, show.showAll(...))
end
-- "system" and "system.core" are the same table in package.loaded, so an
-- argument error names the function after whichever of the two the search
-- of package.loaded meets first: hash order, which varies from run to run
-- in lua5.4 itself. Messages say "system." for both.
local function try(label, f, ...)
  print(label, (show.try(f, ...):gsub("'system%.core%.", "'system.")))
end

out("core", require("system.core") == system, system._VERSION)
local names = {}
for k, v in pairs(system) do names[#names + 1] = k .. ":" .. type(v) end
table.sort(names)
out("members", table.concat(names, " "))

-- gettime: seconds since the epoch, a float with a fraction.
local now, t = os.time(), system.gettime()
out("gettime", math.type(t), math.abs(t - now) <= 2, t > 1.5e9)
-- monotime: never decreases.
local previous, monotonic = system.monotime(), true
for _ = 1, 10000 do
  local m = system.monotime()
  if m < previous then monotonic = false end
  previous = m
end
out("monotime", math.type(previous), monotonic, previous > 0)

-- sleep: at least as long as asked, and not absurdly longer.
local m0, g0 = system.monotime(), system.gettime()
out("sleep", system.sleep(0.2))
local slept, wall = system.monotime() - m0, system.gettime() - g0
out("slept", slept >= 0.19, slept < 5, wall >= 0.15)
local m1 = system.monotime()
out("sleep zero", system.sleep(0), system.sleep(-1), system.sleep("0.01"), system.monotime() - m1 < 5)
local m2 = system.monotime()
for _ = 1, 20 do system.sleep(0.005) end
out("short sleeps", system.monotime() - m2 >= 0.09)
try("sleep string", system.sleep, "soon")
try("sleep none", system.sleep)
try("sleep table", system.sleep, {})

-- From coroutines, interleaved.
local function ticker(n)
  return coroutine.wrap(function()
    local last = system.monotime()
    for _ = 1, n do
      system.sleep(0.001)
      local now2 = system.monotime()
      coroutine.yield(now2 > last)
      last = now2
    end
    return "done"
  end)
end
local a, b = ticker(3), ticker(3)
local ticks = {}
for _ = 1, 4 do ticks[#ticks + 1] = tostring(a()) .. "/" .. tostring(b()) end
out("coroutines", table.concat(ticks, " "))
print("OK")
