-- An error in __tostring called by the library function tostring: the traceback
-- shows the metamethod and the C function that called it.
local obj = setmetatable({}, {__tostring = function(self)
  local name = self.name
  return name .. "!"
end})

local function show(o)
  return tostring(o)
end

print(show(obj))
