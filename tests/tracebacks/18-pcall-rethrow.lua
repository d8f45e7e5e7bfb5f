-- An error caught by pcall in a nested function, then raised again from the main
-- chunk with a new message at level 1: the traceback is the one of the new error.
local function inner()
  local t = nil
  return t[1]
end

local ok, e = pcall(inner)
if not ok then
  error("wrapped: " .. e)
end
