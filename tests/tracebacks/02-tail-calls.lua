-- Tail calls leave no frame: the traceback shows "(...tail calls...)".
local function c(n)
  if n == 0 then
    error("bottom")
  end
  return c(n - 1)
end

local function b()
  return c(3)
end

local function a()
  local r = b()
  return r
end

a()
