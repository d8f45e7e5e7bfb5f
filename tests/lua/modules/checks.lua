-- Helpers shared by the library test scripts (6.8-io, 6.9-os, 6.10-debug),
-- loaded with require from tests/lua. Uses only the base, string and table
-- libraries.
local checks = {}

-- The message of the error raised by `code` (run as chunk "t").
function checks.errorOf(code, ...)
  local f = assert(load(code, "=t"))
  local ok, e = pcall(f, ...)
  assert(not ok, code)
  return e
end

-- The keys of `t`, sorted, in one string.
function checks.sortedKeys(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys)
  return table.concat(keys, " ")
end

return checks
