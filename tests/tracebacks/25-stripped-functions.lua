-- A stripped binary chunk has no source, line numbers or local names: its
-- frames show "?" for the position in messages and tracebacks, and names
-- come only from what the calling code still tells.
local chunk = string.dump(function(f)
  local function helper(x)
    local v = x.field.missing
    return v
  end
  local r = f(helper)
  return r
end, true)
local g = load(chunk)
local t = {run = g}
local result = t.run(function(h) local r = h({}) return r end)
print(result)
