-- A library function called with bad arguments: the C function appears in the
-- traceback and the message has the position of its caller.
local function configure(obj)
  setmetatable(obj, {__index = obj})
end

local function start()
  configure(nil)
end

start()
