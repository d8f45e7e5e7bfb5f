-- An error object with __tostring: the interpreter prints the result of __tostring
-- (and no traceback).
local E = setmetatable({}, {__tostring = function() return "custom error object" end})

local function fail()
  error(E)
end

fail()
