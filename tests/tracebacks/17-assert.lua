-- assert with a message: position added, assert in the traceback.
local function parse(s)
  local n = tonumber(s)
  assert(n, "not a number: " .. s)
  return n
end

print(parse("12"))
print(parse("twelve"))
