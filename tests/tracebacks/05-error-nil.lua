-- error(nil): the interpreter reports the type of the error object.
local function f()
  error(nil)
end
f()
