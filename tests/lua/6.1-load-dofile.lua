-- §6.1 load and dofile: chunks from strings (numbers are strings too, §3.4.3),
-- from reader functions, and from files run by dofile, which may yield when
-- called from a coroutine.

-- A number as the chunk is its text; a reader may return numbers.
do
  local f, e = load(42)
  assert(f == nil and e == '[string "42"]:1: unexpected symbol near \'42\'', e)
  assert(load(4.5, "=n") == nil)
  assert(select(2, load(4.5, "=n")) == "n:1: unexpected symbol near '4.5'")
  local parts = {"return ", 4, 2, " + ", 0.5}
  local i = 0
  local g = load(function() i = i + 1 return parts[i] end)
  assert(g() == 42.5)
  -- anything else that is not a string or nil is an error of load (whose
  -- position is that of load's caller), returned as a failure; the reading
  -- runs under the enclosing protected call's message handler (here the
  -- command line's, which adds a traceback)
  local h, msg = load(function() return {} end)
  assert(h == nil and msg:match("^.-6%.1%-load%-dofile%.lua:%d+: reader function must return a string\nstack traceback:\n"), msg)
  local okp, hp, msgp = pcall(function() return load(function() return {} end) end)
  assert(okp and hp == nil and msgp:match("^.-6%.1%-load%-dofile%.lua:%d+: reader function must return a string$"), msgp)
  local okr, hr, msgr = pcall(load, function() error("from the reader") end)
  assert(okr and hr == nil and msgr:match("^.-6%.1%-load%-dofile%.lua:%d+: from the reader$"), msgr)
  local ok, h2, msg2 = pcall(load, function() return true end)
  assert(ok and h2 == nil and msg2 == "reader function must return a string", msg2)
  -- the first argument is a chunk or a reader
  local ok3, e3 = pcall(load, true)
  assert(not ok3 and e3 == "bad argument #1 to 'load' (function expected, got boolean)", e3)
  local ok4, e4 = pcall(load)
  assert(not ok4 and e4 == "bad argument #1 to 'load' (function expected, got no value)", e4)
end

-- dofile inside a coroutine: the chunk may yield; the results of dofile
-- are the chunk's once it returns
local name = os.tmpname()
do
  local file = assert(io.open(name, "w"))
  file:write([[
local got = {}
got[1] = coroutine.yield("first")
got[2] = coroutine.yield("second")
return "done", got[1], got[2]
]])
  file:close()
  local co = coroutine.wrap(function(path)
    local r1, r2, r3 = dofile(path)
    return "after dofile", r1, r2, r3
  end)
  assert(co(name) == "first")
  assert(co("A") == "second")
  local a, b, c, d = co("B")
  assert(a == "after dofile" and b == "done" and c == "A" and d == "B")
  -- a yield across dofile inside pcall, inside a coroutine, works too
  local co2 = coroutine.wrap(function() return pcall(dofile, name) end)
  assert(co2() == "first" and co2(1) == "second")
  local ok, done, x, y = co2(2)
  assert(ok and done == "done" and x == 1 and y == 2)
  -- outside a coroutine the yield is an error, as any yield there
  local ok2, e2 = pcall(dofile, name)
  assert(not ok2 and e2 == "attempt to yield from outside a coroutine", e2)
end
os.remove(name)

print("OK")
