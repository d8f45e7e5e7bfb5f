-- Lua 5.4 manual §6.4 string.dump, with load (§6.1) of the binary chunks it
-- makes: functions survive the round trip with and without debug information,
-- loaded functions get fresh upvalues (the first one the environment), modes
-- are enforced, and malformed chunks give an error, never a crash.
-- The chunks' bytes differ between engines (Tycho has its own format); only
-- what both share is checked. Self-checking: prints only "OK" on success.

local function pk(...) return {n = select("#", ...), ...} end

-- Deep equality of results (NaN equals NaN; -0.0 and 0.0 differ).
local function same(a, b)
  if a ~= a then return b ~= b end
  if type(a) == "number" and type(b) == "number" then
    if math.type(a) ~= math.type(b) then return false end
    if a == 0 and b == 0 and math.type(a) == "float" then return 1 / a == 1 / b end
    return a == b
  end
  if type(a) ~= "table" or type(b) ~= "table" then return a == b end
  for k, v in pairs(a) do
    if not same(v, b[k]) then return false end
  end
  for k in pairs(b) do
    if a[k] == nil then return false end
  end
  return true
end

-- f and its reloaded copies (with and without debug information) give the
-- same results for the same arguments.
local function roundTrip(f, ...)
  local expected = pk(pcall(f, ...))
  for _, strip in ipairs({false, true}) do
    local chunk = string.dump(f, strip)
    assert(type(chunk) == "string" and chunk:sub(1, 4) == "\27Lua")
    local g = assert(load(chunk, "=dumped", "b"))
    local got = pk(pcall(g, ...))
    assert(same(expected, got), "round trip changed the results")
    -- Dumping a loaded function works too, and loads again.
    local h = assert(load(string.dump(g, strip), "=again"))
    assert(same(expected, pk(pcall(h, ...))))
  end
end

-- Upvalue-free functions of every kind.
roundTrip(function() end)
roundTrip(function(a, b) return a + b, a - b, a * b, a / b, a // b, a % b, a ^ b end, 7, 3)
roundTrip(function(a, b) return a & b, a | b, a ~ b, a << b, a >> b, ~a, -a end, 0x5a5a, 3)
roundTrip(function(a, b) return a == b, a ~= b, a < b, a <= b, a > b, a >= b, not a end, 1, 2)
roundTrip(function(a, b) return a and b, a or b, #a, a .. b .. "c" .. 1 .. 2.5 end, "xy", "z")
roundTrip(function(...) return select("#", ...), ... end, 1, nil, 3, nil)
roundTrip(function(...) local t = {...} return #t, t[1], t[#t] end, "a", "b", "c")
roundTrip(function(a, ...) local x, y = ... return a, x, y end, 1)
roundTrip(function(n)
  local t = {}
  for i = 1, n do t[i] = i * i end
  for i = n, 1, -2 do t[#t + 1] = i end
  for i = 1.0, 2.0, 0.25 do t[#t + 1] = i end
  local s = 0
  for _, v in ipairs(t) do s = s + v end
  for k, v in pairs({a = 1, b = 2}) do s = s + v end
  local i = 0
  while i < 10 do i = i + 1 end
  repeat i = i - 3 until i < 0
  return s, i, t
end, 10)

-- Constants of every kind, at the edges.
roundTrip(function()
  return math.maxinteger, math.mininteger, 0, -1, 1 << 62, 0x7fffffffffffffff,
         1.5, -0.0, 0.0, 1e308, -1e-308, 2^53, 1/0, -1/0, 0/0,
         "", "a", "with\0zero\0bytes", ("long string with a zero \0 byte "):rep(20),
         "\255\254\0\1", "unicode: \u{10FFFF}"
end)
do
  local function nan() return 0/0, -(0/0) end
  local g = load(string.dump(nan, true))
  local a, b = g()
  assert(a ~= a and b ~= b)
  local function negzero() return -0.0 end
  assert(1 / load(string.dump(negzero))() == -math.huge)
  local function ints() return 3, 3.0 end
  local i, f = load(string.dump(ints))()
  assert(math.type(i) == "integer" and math.type(f) == "float")
end

-- Nested functions and closures created after loading.
roundTrip(function(n)
  local function counter()
    local c = 0
    return function() c = c + 1 return c end
  end
  local c1, c2 = counter(), counter()
  c1() c1()
  local function fib(k) if k < 2 then return k end return fib(k - 1) + fib(k - 2) end
  local adders = {}
  for i = 1, 3 do adders[i] = function(x) return x + i end end
  return c1(), c2(), fib(n), adders[1](10), adders[3](10)
end, 15)

-- Methods, varargs through calls, tail calls, goto, to-be-closed variables.
roundTrip(function()
  local obj = {v = 5}
  function obj:get(k) return self.v * k end
  local function tail(n, acc) if n == 0 then return acc end return tail(n - 1, acc + n) end
  local log = {}
  do
    local x <close> = setmetatable({}, {__close = function() log[#log + 1] = "closed" end})
    log[#log + 1] = "body"
  end
  local k = 0
  ::top::
  k = k + 1
  if k < 5 then goto top end
  for i = 1, 3 do
    for j = 1, 3 do
      if j == 2 then goto continue end
      k = k + j
      ::continue::
    end
  end
  return obj:get(3), tail(100, 0), table.concat(log, ","), k, select(2, "a", "b", "c")
end)

-- Coroutines inside a loaded function.
roundTrip(function()
  local co = coroutine.wrap(function(a)
    local b = coroutine.yield(a + 1)
    local c = coroutine.yield(b * 2)
    return c .. "!"
  end)
  return co(1), co(10), co("end")
end)

-- Errors inside loaded functions: positions come from the dumped source and
-- line numbers, and disappear with them when stripped.
do
  local f = load("local t = {}\nreturn function(x)\n  return t.a.b + x\nend", "=src")()
  local ok, msg = pcall(load(string.dump(f), "=other"), 1)
  assert(not ok and msg == "src:3: attempt to index a nil value (field 'a')", msg)
  ok, msg = pcall(load(string.dump(f, true), "=other"), 1)
  assert(not ok and msg == "?:-1: attempt to index a nil value (field 'a')", msg)
  local g = load("return function(y) local z = nil return z.w end", "=src")()
  ok, msg = pcall(load(string.dump(g)))
  assert(msg == "src:1: attempt to index a nil value (local 'z')", msg)
  ok, msg = pcall(load(string.dump(g, true)))
  assert(msg == "?:-1: attempt to index a nil value", msg)
  local h = load("return function() return undefinedfunction() end", "=src")()
  ok, msg = pcall(load(string.dump(h, true)))
  assert(msg == "?:-1: attempt to call a nil value (field 'undefinedfunction')", msg)
  ok, msg = pcall(load(string.dump(h)))
  assert(msg == "src:1: attempt to call a nil value (global 'undefinedfunction')", msg)
end

-- Fresh upvalues: the first is the global environment (or load's env), the
-- others are nil.
do
  local a, b = 1, 2
  local function f() return a, b end
  local x, y = load(string.dump(f))()
  assert(x == _G and y == nil)
  x, y = load(string.dump(f), "=f", "b", "env")()
  assert(x == "env" and y == nil)
  local function usesGlobals() return tostring(12) .. type(nil) end
  assert(load(string.dump(usesGlobals))() == "12nil")
  local env = {tostring = function() return "T" end, type = function() return "Y" end}
  assert(load(string.dump(usesGlobals), "=g", "bt", env)() == "TY")
  -- No upvalues at all: env is ignored.
  local function pure(n) return n * 2 end
  assert(load(string.dump(pure), "=p", "b", {})(21) == 42)
  -- The original keeps its own upvalues.
  assert(select(2, f()) == 2)
end

-- Big functions: many constants (past the 8- and 16-bit operand forms),
-- long constructors, many statements. The source is made with few
-- allocations (the GC stress build collects at each one).
do
  local nums, pairsOfNums = {}, {}
  for i = 1, 3000 do
    nums[i] = i
    pairsOfNums[2 * i - 1], pairsOfNums[2 * i] = i, i
  end
  local parts = {"local t = {"}
  for b = 1, 70 do
    parts[#parts + 1] = string.format(("'s" .. b .. "_%d',"):rep(1000), table.unpack(nums, 1, 1000))
  end
  parts[#parts + 1] = "} local n = 0 for i = 1, #t do n = n + #t[i] end"
  parts[#parts + 1] = string.format((" n = n + %d.5 - %d"):rep(300), table.unpack(pairsOfNums, 1, 600))
  parts[#parts + 1] = " return n, t[1], t[70000], #t"
  local big = assert(load(table.concat(parts)))
  roundTrip(big)
  assert(select(3, load(string.dump(big, true))()) == "s70_1000")
  local fk = assert(load("return {" .. string.format(("k%d = %d,"):rep(3000), table.unpack(pairsOfNums)) .. "}"))
  local t = load(string.dump(fk, true))()
  assert(t.k1 == 1 and t.k3000 == 3000)
end

-- Modes (§6.1 load).
do
  local chunk = string.dump(function() return 1 end)
  local f, msg = load(chunk, "c", "t")
  assert(f == nil and msg == "attempt to load a binary chunk (mode is 't')", msg)
  f, msg = load("return 1", "c", "b")
  assert(f == nil and msg == "attempt to load a text chunk (mode is 'b')", msg)
  assert(load(chunk, "c", "b")() == 1)
  assert(load(chunk, "c", "bt")() == 1)
  assert(load(chunk)() == 1)
  -- A mode argument and no env: the environment is the global one.
  assert(load("return print", "n", "t")() == print)
  assert(load(string.dump(function() return print end), "n", "b")() == print)
  f, msg = load(chunk, "c", "x")
  assert(f == nil and msg == "attempt to load a binary chunk (mode is 'x')", msg)
  -- A binary chunk read piece by piece.
  local pos = 0
  f = load(function()
    if pos >= #chunk then return nil end
    local piece = chunk:sub(pos + 1, pos + 7)
    pos = pos + 7
    return piece
  end)
  assert(f() == 1)
end

-- string.dump's arguments.
do
  local ok, msg = pcall(string.dump, print)
  assert(not ok and msg == "unable to dump given function", msg)
  ok, msg = pcall(string.dump, coroutine.wrap(function() end))
  assert(not ok and msg == "unable to dump given function", msg)
  ok, msg = pcall(string.dump, 1)
  assert(not ok and msg == "bad argument #1 to 'string.dump' (function expected, got number)", msg)
  ok, msg = pcall(string.dump)
  assert(not ok and msg == "bad argument #1 to 'string.dump' (function expected, got no value)", msg)
  ok, msg = pcall(string.dump, setmetatable({}, {__call = print}))
  assert(not ok and msg == "bad argument #1 to 'string.dump' (function expected, got table)", msg)
  -- Any true value strips.
  local function f() return 1 end
  assert(string.dump(f, 1) == string.dump(f, true))
  assert(string.dump(f, false) == string.dump(f))
  assert(#string.dump(f, true) < #string.dump(f))
end

-- Truncated and damaged chunks: an error, never a crash.
do
  local function sample(a, ...)
    local t = {a, ...}
    for i = 1, #t do t[i] = tostring(t[i]) .. "x" end
    return table.concat(t, ",")
  end
  for _, strip in ipairs({false, true}) do
    local chunk = string.dump(sample, strip)
    assert(load(chunk)(1, 2) == "1x,2x")
    for n = 1, #chunk - 1 do
      local f, msg = load(chunk:sub(1, n))
      assert(f == nil and msg == "binary string: bad binary format (truncated chunk)", msg)
    end
    local f, msg = load(chunk:sub(1, 10), "=named")
    assert(f == nil and msg == "named: bad binary format (truncated chunk)", msg)
    f, msg = load(chunk:sub(1, 10), "@file.lua")
    assert(f == nil and msg == "file.lua: bad binary format (truncated chunk)", msg)
    f, msg = load(chunk:sub(1, 10), "plain")
    assert(f == nil and msg == "plain: bad binary format (truncated chunk)", msg)
    -- The header: signature, Lua version, format.
    f, msg = load("\27abcdefghijklmnopqrstuvwxyz")
    assert(f == nil and msg == "binary string: bad binary format (not a binary chunk)", msg)
    f, msg = load(chunk:sub(1, 4) .. "\x53" .. chunk:sub(6))
    assert(f == nil and msg == "binary string: bad binary format (version mismatch)", msg)
    f, msg = load(chunk:sub(1, 5) .. "\x42" .. chunk:sub(7))
    assert(f == nil and msg == "binary string: bad binary format (format mismatch)", msg)
    -- Whatever else is damaged, load gives a function or a message.
    for i = 1, #chunk, 3 do
      local damaged = chunk:sub(1, i - 1) .. string.char((chunk:byte(i) + 1) % 256) .. chunk:sub(i + 1)
      local g, err = load(damaged)
      assert(g ~= nil or type(err) == "string")
    end
  end
  assert(load("\27")  == nil)
  assert(select(2, load("\27Lu")) == "binary string: bad binary format (truncated chunk)")
end

-- Binary chunk files: loadfile and dofile read them (after a '#' line too).
do
  local name = os.tmpname()
  local function write(text)
    local file = assert(io.open(name, "wb"))
    file:write(text)
    file:close()
  end
  local chunk = string.dump(function(...) return select("#", ...) + 40 end)
  write(chunk)
  assert(loadfile(name)(1, 2) == 42)
  assert(loadfile(name, "b")(1) == 41)
  local f, msg = loadfile(name, "t")
  assert(f == nil and msg == "attempt to load a binary chunk (mode is 't')", msg)
  assert(dofile(name) == 40)
  write("#!/usr/bin/env lua\n" .. chunk)
  assert(loadfile(name)() == 40)
  write(chunk:sub(1, 20))
  f, msg = loadfile(name)
  assert(f == nil and msg == name .. ": bad binary format (truncated chunk)", msg)
  os.remove(name)
  -- require finds a binary module as it finds a source one.
  local module = name .. "_dumpedmodule.lua"
  local file = assert(io.open(module, "wb"))
  file:write(string.dump(function(...) return {name = ..., answer = 42} end, true))
  file:close()
  local savedPath = package.path
  package.path = name:gsub("%%", "%%%%") .. "_?.lua"
  local m = require("dumpedmodule")
  package.path = savedPath
  package.loaded.dumpedmodule = nil
  os.remove(module)
  assert(m.name == "dumpedmodule" and m.answer == 42)
end

print("OK")
