-- debug.getlocal past the named locals (§6.10): at a call site, the values
-- an expression has computed and not yet used are "(temporary)" slots of the
-- calling function, below the called function, as in Lua 5.4.8 (getlocal
-- .expected is its output); varargs are "(vararg)" at negative indices; in
-- a hook, the running function's named locals as they are at each line.
local function show(v)
  local t = type(v)
  if t == "number" or t == "string" or t == "boolean" or t == "nil" then return tostring(v) end
  return t
end

-- The locals of the function two levels up (the caller of `probe`'s caller).
local function locals(level, from, to)
  local out = {}
  for i = from, to, from < 0 and -1 or 1 do
    local n, v = debug.getlocal(level + 1, i)
    if not n then break end
    out[#out + 1] = n .. "=" .. show(v)
  end
  return table.concat(out, " ")
end

local function probe(tag)
  print(tag, locals(3, 1, 50), locals(3, -1, -10))
  return 1
end
local function g(tag) local r = probe(tag) return r end  -- not a tail call

local up = {}
local function cases(...)
  local a, b = 10, 20
  g("statement")
  local x = g("value") + 1
  local y = g("left of an operator") * 2
  local t = {a, b, g("constructor")}
  print("p", a, g("argument"))
  local s = "s" .. a .. g("concatenation")
  local o = {m = function(self, v) return v end}
  o:m(g("method argument"))
  t.f = g("field of a local")
  t[1] = g("integer key of a local")
  up.f = g("field of an upvalue")
  local n = #{g("length")}
  local c = not g("not")
  local d = a and g("and")
  local e = a or g("or")
  local f = (g("parenthesized"))
  for i = 1, 1 do g("numeric for") end
  for k, v in pairs({1}) do g("generic for") end
  local w = {g("first"), g("second")}
  -- A local or a constant that Lua reads where it is, once a call on the
  -- other side of an operator or an index is done, is no temporary.
  local l1 = a + g("local on the left of an operator")
  local l2 = 1 + g("number on the left of an operator")
  local l3 = 1 - g("number loaded after the right operand")
  local l4 = a < g("local on the left of a comparison")
  local l5 = "x" == g("string compared for equality")
  local l6 = nil == g("nil compared for equality")
  local l7 = "s" < tostring(g("string on the left of a comparison"))
  t[a] = g("local key of a local table")
  local l8 = t[g("key of a local table")]
  t[g("key of a store into a local table")] = a
  up[a] = g("local key of an upvalue table")
  local l9 = up[g("key of an upvalue table")]
  up[g("key of a store into an upvalue table")] = a
  up[a + 1] = g("computed key of an upvalue table")
  up[1000] = g("constant key of an upvalue table")
  t.f = {}
  t.f[a] = g("local key of a field")
  local l10 = t.f[g("key of a field")]
  local l11 = {[a] = g("local key in a constructor"), [1] = g("small integer key in a constructor"),
    [300] = g("other integer key in a constructor")}
  t[a], b = g("multiple assignment"), b
  return g("return")
end
cases("v1", "v2")

-- In a line hook: the hooked function's named locals and varargs at each line.
local function named(level)
  local out = {}
  for i = 1, 50 do
    local n, v = debug.getlocal(level + 1, i)
    if not n then break end
    if n:sub(1, 1) ~= "(" then out[#out + 1] = n .. "=" .. show(v) end
  end
  for i = -1, -10, -1 do
    local n, v = debug.getlocal(level + 1, i)
    if not n then break end
    out[#out + 1] = n .. "=" .. show(v)
  end
  return table.concat(out, " ")
end
local function hooked(p, ...)
  local q = p * 2
  local t = {q,
    p}
  for i = 1, 2 do
    local j = i + q
  end
  do
    local inner = q
  end
  return q
end
debug.sethook(function(_, line)
  if debug.getinfo(2, "f").func == hooked then print("line " .. line, named(2)) end
end, "l")
hooked(3, "extra")
debug.sethook()
