-- A module for 6.3-package.lua with a syntax error.
local x = = 1
