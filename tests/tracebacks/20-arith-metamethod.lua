-- A runtime error inside an arithmetic metamethod: "in metamethod 'add'".
local t = setmetatable({}, {__add = function(a, b) return a.v + b end})
local r = t + 1
print(r)
