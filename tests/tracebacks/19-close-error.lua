-- An error raised by a __close metamethod when the block exits normally.
local function f()
  local c <close> = setmetatable({}, {__close = function() error("close failed") end})
  return 1
end
f()
