-- Functions called from table slots: the name is "field '?'" for a variable key.
local t = {}
t[1] = function() error("from array slot") end
local function call(i) t[i]() end
call(1)
