-- Uncaught error raised several calls deep: a global function, a local function
-- (seen as an upvalue), a method, a field function, an upvalue, a function passed
-- as an argument (a local parameter), and the main chunk.
function globalf(x)
  error("in global " .. x)
end

local function localf(x)
  globalf(x)
end

local obj = {}
function obj:m(x)
  localf(x)
end

local t = {}
t.f = function(x)
  obj:m(x)
end

local function up()
  t.f("v")
end

local function wrapper()
  up()
end

local function apply(fn)
  fn()
end

apply(wrapper)
