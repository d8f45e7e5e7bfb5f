-- An error inside a metamethod called by the VM: "in metamethod 'index'".
local strict = setmetatable({}, {__index = function(t, k)
  error("undefined field " .. k, 2)
end})

local function get()
  return strict.missing + 1
end

print(get())
