-- A table without __tostring as the error object.
local function validate(v)
  if type(v) ~= "number" then
    error({code = 42, reason = "not a number"})
  end
end
validate("x")
