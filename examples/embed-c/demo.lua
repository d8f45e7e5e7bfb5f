-- Run by examples/embed-c/host: uses what the host registered.
local host = require "host"

host.log("hello from", _VERSION)
local c = host.counter(5)
for _ = 1, 3 do c:increment() end
host.log(tostring(c), c:value())
c:tags().name = "five"
host.log("tags:", c:tags().name)

for _ = 1, 100 do host.counter() end  -- garbage, collected before the end

local function deeper(n)
  if n == 0 then error("a script error, on purpose") end
  deeper(n - 1)
end
if os.getenv("DEMO_ERROR") then deeper(2) end
if os.getenv("DEMO_MEMORY") then  -- past the host's limit: "not enough memory"
  local t = {}
  for i = 1, 1e6 do t[i] = {i} end
end
