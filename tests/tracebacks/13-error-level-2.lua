-- error with level 2 blames the caller; error with level 0 has no position.
local function check(v)
  if not v then
    error("check failed", 2)
  end
end

local function run()
  check(true)
  check(false)
end

run()
