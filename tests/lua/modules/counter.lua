-- A module for 6.3-package.lua: counts how many times it was loaded.
loadCount = (loadCount or 0) + 1
local name, file = ...
return {name = name, file = file, loads = loadCount}
