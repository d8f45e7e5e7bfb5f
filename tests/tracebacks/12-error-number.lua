-- A number as the error object: printed as a number, with a traceback.
local function f()
  error(42)
end
f()
