-- Lua 5.4 manual §2.6 Coroutines and §6.2 the coroutine library.
-- Self-checking: prints only "OK" on success.

local create, resume, yield, status = coroutine.create, coroutine.resume, coroutine.yield, coroutine.status
local wrap, running, isyieldable, close = coroutine.wrap, coroutine.running, coroutine.isyieldable, coroutine.close

local function pack(...) return {n = select("#", ...), ...} end

-- compare a packed list with expected values (given as a packed list too)
local function same(got, ...)
  local want = pack(...)
  if got.n ~= want.n then return false end
  for i = 1, want.n do
    if got[i] ~= want[i] then return false end
  end
  return true
end

local function join(t, n)
  local s = ""
  for i = 1, (n or #t) do s = s .. (i > 1 and "," or "") .. tostring(t[i]) end
  return s
end

-- runs src (chunk name "t") and returns pcall's results packed
local function run(src, ...)
  local f, cerr = load(src, "=t")
  assert(f, "should compile: " .. src .. ": " .. tostring(cerr))
  return pack(pcall(f, ...))
end

local function rterr(src, expected)
  local r = run(src)
  assert(r[1] == false, "should fail: " .. src)
  assert(r[2] == expected, "wrong message for [" .. src .. "]: " .. tostring(r[2]))
end

-- the main thread
do
  local main, ismain = running()
  assert(type(main) == "thread" and ismain == true, "running() in the main thread")
  assert(status(main) == "running", "main thread is running")
  assert(isyieldable() == false and isyieldable(main) == false, "main thread is not yieldable")
  local ok, e = pcall(yield, 1)
  assert(not ok and e == "attempt to yield from outside a coroutine", "yield from main: " .. tostring(e))
  local r = pack(resume(main))
  assert(same(r, false, "cannot resume non-suspended coroutine"), "resume the main thread")
end
rterr("coroutine.yield(1)", "attempt to yield from outside a coroutine")
rterr("return coroutine.close(coroutine.running())", "t:1: cannot close a running coroutine")

-- basic life cycle and status values
do
  local co
  local inside = {}
  co = create(function(a, b)
    inside.status = status(co)
    local th, ismain = running()
    inside.running, inside.ismain = th, ismain
    inside.yieldable = isyieldable()
    local c = yield(a + b)
    return c * 2
  end)
  assert(type(co) == "thread" and status(co) == "suspended", "created suspended")
  assert(isyieldable(co) == true, "a coroutine is yieldable")
  local r = pack(resume(co, 1, 2))
  assert(same(r, true, 3), "first resume passes arguments to the body")
  assert(inside.status == "running" and inside.running == co and inside.ismain == false, "running inside")
  assert(inside.yieldable == true, "yieldable inside")
  assert(status(co) == "suspended", "suspended after yield")
  r = pack(resume(co, 21))
  assert(same(r, true, 42) and status(co) == "dead", "return value, then dead")
  r = pack(resume(co))
  assert(same(r, false, "cannot resume dead coroutine"), "resume dead")
  r = pack(resume(co, 1, 2, 3))
  assert(same(r, false, "cannot resume dead coroutine"), "resume dead again")
end

-- "normal" status: a coroutine that resumed another one
do
  local outer, inner
  local seen = {}
  inner = create(function()
    seen.outer = status(outer)
    seen.inner = status(inner)
    seen.resume_outer = pack(resume(outer))
    seen.close_outer = pack(pcall(close, outer))
    yield("from inner")
    return "inner done"
  end)
  outer = create(function()
    local r1 = pack(resume(inner))
    local r2 = pack(resume(inner))
    return r1[2], r2[2], status(inner)
  end)
  local r = pack(resume(outer))
  assert(same(r, true, "from inner", "inner done", "dead"), "nested resumes: " .. join(r, r.n))
  assert(seen.outer == "normal" and seen.inner == "running", "statuses normal/running")
  assert(same(seen.resume_outer, false, "cannot resume non-suspended coroutine"), "resuming a normal coroutine")
  assert(seen.close_outer[1] == false and seen.close_outer[2] == "cannot close a normal coroutine",
    "closing a normal coroutine: " .. tostring(seen.close_outer[2]))
end
do
  -- a coroutine resuming / closing itself
  local co
  co = create(function()
    local r1 = pack(resume(co))
    local r2 = pack(pcall(close, co))
    return r1[1], r1[2], r2[1], r2[2]
  end)
  local r = pack(resume(co))
  assert(same(r, true, false, "cannot resume non-suspended coroutine", false, "cannot close a running coroutine"),
    "resume/close self: " .. join(r, r.n))
end
rterr("local co co = coroutine.create(function() return coroutine.close(co) end)\nlocal ok, e = coroutine.resume(co) error(e, 0)",
  "t:1: cannot close a running coroutine")
rterr("local co co = coroutine.create(function() local c2 = coroutine.create(function() return coroutine.close(co) end) " ..
      "local ok, e = coroutine.resume(c2) error(e, 0) end)\nlocal ok, e = coroutine.resume(co) error(e, 0)",
  "t:1: cannot close a normal coroutine")

-- passing values in both directions
do
  local co = create(function(...)
    local got = {pack(...)}
    got[2] = pack(yield())
    got[3] = pack(yield(nil))
    got[4] = pack(yield(nil, nil, 3))
    got[5] = pack(yield(1, 2, 3, 4, 5))
    return got, nil, nil
  end)
  local r = pack(resume(co, nil, "a"))
  assert(same(r, true), "yield() gives no values")
  r = pack(resume(co))
  assert(same(r, true, nil), "yield(nil)")
  r = pack(resume(co, nil))
  assert(same(r, true, nil, nil, 3), "trailing and leading nils kept")
  r = pack(resume(co, 1, nil))
  assert(same(r, true, 1, 2, 3, 4, 5), "five values")
  r = pack(resume(co, nil, nil, nil))
  assert(r[1] == true and r.n == 4 and r[3] == nil and r[4] == nil, "return values with trailing nils")
  local got = r[2]
  assert(same(got[1], nil, "a"), "body arguments")
  assert(same(got[2]), "resume with no values")
  assert(same(got[3], nil), "resume(co, nil)")
  assert(same(got[4], 1, nil), "resume(co, 1, nil)")
  assert(same(got[5], nil, nil, nil), "three nils")
  -- many values
  local many = create(function(...) return yield(...) end)
  r = pack(resume(many, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
  assert(r.n == 11 and r[11] == 10, "ten values through yield")
  r = pack(resume(many, "x", "y"))
  assert(same(r, true, "x", "y"), "returned what yield returned")
end

-- errors inside coroutines
do
  local co = create(load("local x = 1\nerror('boom')", "=t"))
  local r = pack(resume(co))
  assert(same(r, false, "t:2: boom") and status(co) == "dead", "error message with position, dead")
  r = pack(resume(co))
  assert(same(r, false, "cannot resume dead coroutine"), "dead after error")
  local obj = {}
  co = create(function() yield(1); error(obj) end)
  resume(co)
  r = pack(resume(co))
  assert(same(r, false, obj), "error object unchanged")
  co = create(function() error() end)
  r = pack(resume(co))
  assert(same(r, false, nil), "error(nil)")
  co = create(load("local function f() error('lvl2', 2) end\nf()", "=t"))
  r = pack(resume(co))
  assert(same(r, false, "t:2: lvl2"), "level 2 inside a coroutine")
  co = create(load("error('top', 2)", "=t"))
  r = pack(resume(co))
  assert(same(r, false, "top"), "level 2 from the body: no position (nothing above it)")
  co = create(load("local x = nil; x()", "=t"))
  r = pack(resume(co))
  assert(same(r, false, "t:1: attempt to call a nil value (local 'x')"), "runtime error")
  -- an error in a C function called by the coroutine
  co = create(load("local t = setmetatable(1, nil)", "=t"))
  r = pack(resume(co))
  assert(same(r, false, "t:1: bad argument #1 to 'setmetatable' (table expected, got number)"), "C function error")
  -- a "tail call" of a C function keeps the calling frame: position present
  co = create(load("return setmetatable(1, nil)", "=t"))
  r = pack(resume(co))
  assert(same(r, false, "t:1: bad argument #1 to 'setmetatable' (table expected, got number)"),
    "C function error in a tail call: " .. tostring(r[2]))
  -- the coroutine body can be a C function
  co = create(select)
  r = pack(resume(co, "#", 1, 2))
  assert(same(r, true, 2) and status(co) == "dead", "C function body")
  co = create(yield)
  r = pack(resume(co, "a", "b"))
  assert(same(r, true, "a", "b") and status(co) == "suspended", "yield as the body")
  r = pack(resume(co, "c"))
  assert(same(r, true, "c") and status(co) == "dead", "yield's results returned")
end
rterr("return coroutine.create(1)", "t:1: bad argument #1 to 'create' (function expected, got number)")
rterr("return coroutine.wrap({})", "t:1: bad argument #1 to 'wrap' (function expected, got table)")
rterr("return coroutine.resume(1)", "t:1: bad argument #1 to 'resume' (thread expected, got number)")
rterr("return coroutine.resume()", "t:1: bad argument #1 to 'resume' (thread expected, got no value)")
rterr("return coroutine.status(nil)", "t:1: bad argument #1 to 'status' (thread expected, got nil)")
rterr("return coroutine.close('x')", "t:1: bad argument #1 to 'close' (thread expected, got string)")
rterr("return coroutine.isyieldable(1)", "t:1: bad argument #1 to 'isyieldable' (thread expected, got number)")

-- coroutine.wrap
do
  local gen = wrap(function(a)
    local b = yield(a + 1)
    local c, d = yield(b .. "!")
    return c, d, "end"
  end)
  assert(gen(1) == 2, "wrap first call")
  assert(gen("x") == "x!", "wrap second call")
  local r = pack(gen(nil, 4))
  assert(same(r, nil, 4, "end"), "wrap returns all values")
  -- calling a dead wrapped coroutine: the message gets the caller's position
  rterr("local f = coroutine.wrap(function() end) f()\nf()", "t:2: cannot resume dead coroutine")
  -- string errors get the position of the call to the wrapped function prepended
  rterr("local f = coroutine.wrap(function() error('boom') end)\nf()", "t:2: t:1: boom")
  rterr("local f = coroutine.wrap(function() error('boom', 0) end)\n\nf()", "t:3: boom")
  rterr("local f = coroutine.wrap(function() local x = nil; return x.y end) return f()",
    "t:1: t:1: attempt to index a nil value (local 'x')")
  rterr("local w w = coroutine.wrap(function() return w() end) return w()",
    "t:1: t:1: cannot resume non-suspended coroutine")
  -- when called directly by pcall (a C function) there is no position to add
  local f = wrap(load("error('here', 0)", "=t"))
  local ok, e = pcall(f)
  assert(not ok and e == "here", "wrap called from pcall: " .. tostring(e))
  -- non-string errors are propagated unchanged
  local obj = {}
  ok, e = pcall(wrap(function() error(obj) end))
  assert(not ok and e == obj, "table error through wrap")
  ok, e = pcall(wrap(function() error(42) end))
  assert(not ok and e == 42, "number error through wrap (not converted)")
  ok, e = pcall(wrap(function() error() end))
  assert(not ok and e == nil, "nil error through wrap")
  -- wrap of a coroutine that errored is dead
  local g = wrap(function() error("x") end)
  pcall(g)
  ok, e = pcall(g)
  assert(not ok and e == "cannot resume dead coroutine", "dead after error: " .. tostring(e))
  -- wrap functions are functions
  assert(type(wrap(print)) == "function", "wrap returns a function")
  assert(select("#", wrap(function(...) return ... end)()) == 0, "no values")
  assert(select("#", wrap(function(...) return ... end)(nil, nil)) == 2, "two nils")
end

-- yield from nested Lua calls
do
  local function deep(n)
    if n == 0 then return yield("bottom") end
    return (deep(n - 1)) .. n % 10
  end
  local co = create(function() return deep(5) end)
  local r = pack(resume(co))
  assert(same(r, true, "bottom"), "yield from depth 5")
  r = pack(resume(co, ">"))
  assert(same(r, true, ">12345"), "results flow back through the calls")
  -- yield in a non-tail position inside loops and expressions
  co = create(function()
    local sum = 0
    for i = 1, 3 do sum = sum + yield(i) * 10 end
    local t = {yield("a"), yield("b")}
    return sum, t[1], t[2]
  end)
  local out = {}
  local v = pack(resume(co))
  local k = 0
  while status(co) == "suspended" do
    out[#out + 1] = v[2]
    k = k + 1
    v = pack(resume(co, k))
  end
  assert(join(out) == "1,2,3,a,b", "yield points: " .. join(out))
  assert(same(v, true, 60, 4, 5), "values received by the yields")
end

-- yield across pcall / xpcall inside a coroutine
do
  local co = create(function()
    local ok, e = pcall(function()
      local r = yield("in pcall")
      error("after " .. r, 0)
    end)
    yield(ok, e)
    local ok2, e2 = xpcall(function()
      local r = yield("in xpcall")
      error({r})
    end, function(m) return "handled " .. m[1] end)
    return ok2, e2
  end)
  local r = pack(resume(co))
  assert(same(r, true, "in pcall"), "yield inside pcall")
  r = pack(resume(co, "resume1"))
  assert(same(r, true, false, "after resume1"), "error after resuming is caught by the same pcall")
  r = pack(resume(co))
  assert(same(r, true, "in xpcall"), "yield inside xpcall")
  r = pack(resume(co, "R2"))
  assert(same(r, true, false, "handled R2") and status(co) == "dead", "xpcall handler after resume")
  -- pcall returns the values of a function that yielded
  co = create(function() return pcall(function(...) return yield(...) end, 1, nil, 3) end)
  r = pack(resume(co))
  assert(same(r, true, 1, nil, 3), "values yielded from inside pcall")
  r = pack(resume(co, "a", "b"))
  assert(same(r, true, true, "a", "b"), "pcall's results after resume")
  -- nested pcalls with yields at several levels
  co = create(function()
    return pcall(pcall, function() yield("deep"); error("x", 0) end)
  end)
  resume(co)
  r = pack(resume(co))
  assert(same(r, true, true, false, "x"), "pcall(pcall(...)) across yield")
  -- pcall can yield directly
  co = create(function() return pcall(yield, "direct") end)
  r = pack(resume(co))
  assert(same(r, true, "direct"), "pcall(yield)")
  r = pack(resume(co, "back"))
  assert(same(r, true, true, "back"), "pcall(yield) result")
  -- an error not caught inside kills the coroutine even with a pcall below it
  co = create(function()
    pcall(function() yield(1) end)
    yield(2)
    error("uncaught", 0)
  end)
  resume(co); resume(co)
  r = pack(resume(co))
  assert(same(r, false, "uncaught") and status(co) == "dead", "error outside the pcall")
  -- isyieldable inside pcall
  co = create(function() return pcall(isyieldable) end)
  r = pack(resume(co))
  assert(same(r, true, true, true), "yieldable inside pcall")
  -- a message handler cannot yield
  co = create(function()
    return xpcall(function() error("E", 0) end, function(m) return yield("in handler") end)
  end)
  r = pack(resume(co))
  assert(same(r, true, false, "error in error handling") and status(co) == "dead",
    "yield in a message handler: " .. tostring(r[3]))
end

-- yield inside metamethods (called from Lua code)
do
  local Y = yield
  local mt = {
    __index = function(t, k) return Y("index " .. k) end,
    __newindex = function(t, k, v) rawset(t, k, Y("newindex " .. k)) end,
    __add = function(a, b) return Y("add") end,
    __sub = function(a, b) return Y("sub") end,
    __unm = function(a) return Y("unm") end,
    __band = function(a, b) return Y("band") end,
    __shl = function(a, b) return Y("shl") end,
    __lt = function(a, b) return Y("lt") end,
    __le = function(a, b) return Y("le") end,
    __eq = function(a, b) return Y("eq") end,
    __concat = function(a, b) return Y("concat") end,
    __len = function(a) return Y("len") end,
    __call = function(self, x) return Y("call " .. x) end,
    __close = function(o, e) Y("close " .. tostring(e)) end,
  }
  local o, o2 = setmetatable({}, mt), setmetatable({}, mt)
  -- drives f: answers each yield with `answer`, returns the yielded values and the final results
  local function drive(f, answer)
    local co = create(f)
    local yielded = {}
    local r = pack(resume(co))
    while status(co) == "suspended" do
      yielded[#yielded + 1] = r[2]
      r = pack(resume(co, answer))
    end
    return yielded, r
  end
  local function check(name, f, answer, expect_yields, ...)
    local ys, r = drive(f, answer)
    assert(join(ys) == expect_yields, name .. ": yields " .. join(ys))
    assert(r[1] == true, name .. ": error " .. tostring(r[2]))
    local want = pack(...)
    assert(r.n - 1 == want.n, name .. ": number of results " .. (r.n - 1))
    for i = 1, want.n do
      assert(r[i + 1] == want[i], name .. ": result " .. i .. " is " .. tostring(r[i + 1]))
    end
  end
  check("__index", function() return o.foo end, "v", "index foo", "v")
  check("__newindex", function() o.bar = 1; return rawget(o, "bar") end, "stored", "newindex bar", "stored")
  check("__add", function() return o + 1 end, 5, "add", 5)
  check("__sub (right operand)", function() return 1 - o end, 6, "sub", 6)
  check("__unm", function() return -o end, 7, "unm", 7)
  check("__band", function() return 1 & o end, 8, "band", 8)
  check("__shl", function() return o << 1 end, 9, "shl", 9)
  check("__lt true", function() return o < o2 end, 1, "lt", true)
  check("__lt false", function() return o < o2 end, false, "lt", false)
  check("__lt in if", function() if o > o2 then return "yes" else return "no" end end, nil, "lt", "no")
  check("not __lt", function() return not (o < o2) end, "x", "lt", false)
  check("__le", function() return o <= o2 end, 0, "le", true)
  check("__eq", function() return o == o2 end, "x", "eq", true)
  check("__eq negated", function() return o ~= o2 end, nil, "eq", true)
  check("__eq in while", function() local n = 0 while o == o2 do n = n + 1 if n == 3 then break end end return n end,
    true, "eq,eq,eq", 3)
  check("__concat", function() return "a" .. o .. "b" end, "R", "concat", "aR")
  check("__concat chain", function() return "x" .. o .. "y" .. o2 .. "z" end, "R", "concat,concat", "xR")
  check("__len", function() return #o end, 3, "len", 3)
  check("__call", function() return o("x") end, "c", "call x", "c")
  check("__call in tail position", function() return o("t") end, "c", "call t", "c")
  check("__call as statement", function() o("s"); return "after" end, "c", "call s", "after")
  check("__close on normal exit", function() local c <close> = o; return 1, 2 end, nil, "close nil", 1, 2)
  check("__close on error inside pcall", function()
    return pcall(function() local c <close> = o; error("err", 0) end)
  end, nil, "close err", false, "err")
  check("__index in a for limit", function()
    local s = 0
    local lim = setmetatable({}, {__index = function() return Y("limit") end})
    for i = 1, lim.n do s = s + i end
    return s
  end, 4, "limit", 10)
  check("__index chain ending in a function", function()
    local a = setmetatable({}, {__index = setmetatable({}, {__index = function(t, k) return Y("deep " .. k) end})})
    return a.x
  end, "d", "deep x", "d")
  check("__index of _ENV", function()
    local env = setmetatable({}, {__index = function(_, k) return Y(k) end})
    local f = load("return foo + bar", "=x", "t", env)
    return f()
  end, 20, "foo,bar", 40)
  -- (No check of yields in a __le emulated by __lt: Lua 5.4 has no such
  -- fallback, see 2.4.2-metamethods-ops.lua.)

  -- The same, from the operand forms that read a local or a constant where
  -- it is once the other operand is computed (a + f(), 1 - f(), t[f()],
  -- t[k] = f() ...): the instruction is finished after the resume.
  local function id(...) return ... end
  local function fresh() return setmetatable({}, mt) end
  check("__add, local on the left", function() local a = o; return a + id(1) end, 5, "add", 5)
  check("__add into a local", function() local a, r = o, 0; r = a + id(1); return r end, 5, "add", 5)
  check("__add, constant on the left", function() return 1 + id(o) end, 5, "add", 5)
  check("__sub, constant on the left", function() return 1 - id(o) end, 6, "sub", 6)
  check("__band, local on the left", function() local a = o; return a & id(1) end, 8, "band", 8)
  check("__shl, constant on the left", function() local r = 1 << id(o); return r end, 9, "shl", 9)
  check("__lt, local on the left", function() local a = o; return a < id(o2) end, 1, "lt", true)
  check("__lt, local on the left, in if", function()
    local a = o
    if a < id(o2) then return "yes" else return "no" end
  end, false, "lt", "no")
  check("__le, constant on the left", function() return 1 <= id(o) end, 0, "le", true)
  check("__eq, local on the left", function() local a = o; return a == id(o2) end, false, "eq", false)
  check("__eq negated, local on the left", function() local a = o; return a ~= id(o2) end, false, "eq", true)
  check("__index, local table, key computed", function() local t = o; return t[id("k")] end, "v", "index k", "v")
  check("__index, upvalue table, key computed", function()
    local u = o
    return (function() return u[id("k")] .. "!" end)()
  end, "v", "index k", "v!")
  check("__newindex, local table, key computed", function()
    local t = fresh()
    t[id("k")] = 1
    return rawget(t, "k")
  end, "s", "newindex k", "s")
  check("__newindex, table computed, local key", function()
    local t, k = {x = fresh()}, "k"
    t.x[k] = id(1)
    return rawget(t.x, "k")
  end, "s", "newindex k", "s")
  check("__newindex, local table and key", function()
    local t, k = fresh(), "k"
    t[k] = id(1)
    return rawget(t, "k")
  end, "s", "newindex k", "s")
  check("__newindex, upvalue table, key computed", function()
    local u = fresh()
    ;(function() u[id("k")] = 1 end)()
    return rawget(u, "k")
  end, "s", "newindex k", "s")
  check("__newindex, upvalue table, key an operator's result", function()
    local u, k = fresh(), 1
    ;(function() u[k + 1] = id(1) end)()
    return rawget(u, 2)
  end, "s", "newindex 2", "s")
  check("__newindex, multiple assignment", function()
    local t, k = fresh(), "k"
    t[k], t.y = id(1, 2)
    return rawget(t, "k"), rawget(t, "y")
  end, "s", "newindex y,newindex k", "s", "s")
end

-- yield inside generic-for iterators and __pairs
do
  local co = create(function()
    local sum = 0
    local function iter(_, c)
      c = c + 1
      if c <= 3 then yield("it" .. c); return c end
    end
    for i in iter, nil, 0 do sum = sum + i end
    return sum
  end)
  local ys = {}
  local r = pack(resume(co))
  while status(co) == "suspended" do ys[#ys + 1] = r[2]; r = pack(resume(co)) end
  assert(join(ys) == "it1,it2,it3" and same(r, true, 6), "yield in an iterator")
  -- __pairs may yield (pairs calls it in a yieldable way), and so may the iterator it returns
  local p = setmetatable({}, {__pairs = function(t)
    yield("pairs")
    return function(_, k) if not k then return yield("iter") end end, t, nil
  end})
  co = create(function()
    local keys = {}
    for k in pairs(p) do keys[#keys + 1] = k; yield("body " .. k) end
    return join(keys)
  end)
  ys = {}
  r = pack(resume(co))
  local answers = {nil, "K", nil}
  local i = 0
  while status(co) == "suspended" do
    ys[#ys + 1] = r[2]
    i = i + 1
    r = pack(resume(co, answers[i]))
  end
  assert(join(ys) == "pairs,iter,body K" and same(r, true, "K"), "__pairs yields: " .. join(ys))
end

-- yields across C-call boundaries that Lua 5.4 does not allow
do
  local function try(f)
    local co = create(f)
    local r = pack(resume(co))
    return r, status(co)
  end
  local bad = setmetatable({}, {__tostring = function() yield("no") return "s" end})
  local r, st = try(function() return tostring(bad) end)
  assert(same(r, false, "attempt to yield across a C-call boundary") and st == "dead", "__tostring via tostring")
  -- the error can be caught inside the coroutine, which stays alive
  r, st = try(function()
    local ok, e = pcall(tostring, bad)
    return ok, e, status(running())
  end)
  assert(same(r, true, false, "attempt to yield across a C-call boundary", "running"), "caught by pcall")
  -- a load reader function cannot yield
  r = try(function()
    local n = 0
    return load(function() n = n + 1; if n == 1 then return yield("reader") end end)
  end)
  assert(same(r, true, nil, "attempt to yield across a C-call boundary"), "load reader yields: " .. tostring(r[3]))
  -- ipairs' iterator reads t[i] without a continuation
  r = try(function()
    local t = setmetatable({}, {__index = function(_, i) if i < 3 then return yield(i) end end})
    for _ in ipairs(t) do end
  end)
  assert(same(r, false, "attempt to yield across a C-call boundary"), "__index via ipairs")
  -- isyieldable is false while running inside __tostring
  r = try(function()
    return tostring(setmetatable({}, {__tostring = function() return tostring(isyieldable()) end}))
  end)
  assert(same(r, true, "false"), "not yieldable inside __tostring")
  -- through wrap the message gets a position
  rterr("local f = coroutine.wrap(function()\n" ..
        "  return tostring(setmetatable({}, {__tostring = function() coroutine.yield() end}))\n" ..
        "end)\nreturn f()", "t:4: attempt to yield across a C-call boundary")
  -- __close called by coroutine.close cannot yield
  local co = create(function()
    local c <close> = setmetatable({}, {__close = function() yield("in close") end})
    yield(1)
  end)
  resume(co)
  local cr = pack(close(co))
  assert(same(cr, false, "attempt to yield across a C-call boundary") and status(co) == "dead",
    "yield in __close during coroutine.close")
end

-- coroutine.close
do
  local log = {}
  local function closer(name, fail)
    return setmetatable({}, {__close = function(_, e)
      log[#log + 1] = name .. ":" .. tostring(e)
      if fail then error(fail, 0) end
    end})
  end
  -- suspended coroutine with pending to-be-closed variables
  local co = create(function()
    local a <close> = closer("a")
    local b <close> = closer("b")
    yield(1)
    log[#log + 1] = "not reached"
  end)
  resume(co)
  local r = pack(close(co))
  assert(same(r, true) and status(co) == "dead", "close returns true")
  assert(join(log) == "b:nil,a:nil", "variables closed in reverse order with nil error: " .. join(log))
  assert(same(pack(resume(co)), false, "cannot resume dead coroutine"), "closed coroutine is dead")
  -- an error in __close: close returns false and the error; the other variables are still closed
  log = {}
  co = create(function()
    local a <close> = closer("a")
    local b <close> = closer("b", "berr")
    yield()
  end)
  resume(co)
  r = pack(close(co))
  assert(same(r, false, "berr") and join(log) == "b:nil,a:berr", "close with an error: " .. join(log))
  assert(same(pack(close(co)), true), "closing again succeeds")
  -- error objects are kept
  local obj = {}
  co = create(function() local c <close> = closer("c", obj); yield() end)
  resume(co)
  r = pack(close(co))
  assert(same(r, false, obj), "error object from __close")
  -- suspended without variables, never started, dead
  co = create(function() yield() end)
  resume(co)
  assert(same(pack(close(co)), true) and status(co) == "dead", "plain suspended coroutine")
  co = create(function() log[#log + 1] = "never" end)
  assert(same(pack(close(co)), true) and status(co) == "dead", "never started")
  co = create(function() end)
  resume(co)
  assert(same(pack(close(co)), true), "finished normally")
  -- dead with an error: close returns false and the error, then true
  co = create(function() error("E", 0) end)
  resume(co)
  assert(same(pack(close(co)), false, "E"), "dead with error")
  assert(same(pack(close(co)), true), "second close")
  co = create(function() error(obj) end)
  resume(co)
  assert(same(pack(close(co)), false, obj), "dead with error object")
  co = create(function() error(nil) end)
  resume(co)
  assert(same(pack(close(co)), false, nil), "dead with nil error")
  -- a suspended coroutine can be closed from another coroutine
  log = {}
  local victim = create(function() local v <close> = closer("v"); yield() end)
  resume(victim)
  r = pack(resume(create(function() return close(victim) end)))
  assert(same(r, true, true) and join(log) == "v:nil" and status(victim) == "dead", "close from a coroutine")
end

-- generators with wrap: permutations
do
  local function permgen(a, n)
    n = n or #a
    if n <= 1 then
      yield(a)
    else
      for i = 1, n do
        a[n], a[i] = a[i], a[n]
        permgen(a, n - 1)
        a[n], a[i] = a[i], a[n]
      end
    end
  end
  local function permutations(a)
    return wrap(function() permgen(a) end)
  end
  local seen, count = {}, 0
  for p in permutations({1, 2, 3, 4}) do
    local key = p[1] .. p[2] .. p[3] .. p[4]
    assert(not seen[key], "each permutation once")
    seen[key] = true
    count = count + 1
  end
  assert(count == 24 and seen["1234"] and seen["4321"] and seen["2143"], "24 permutations")
  local order = {}
  for p in permutations({"a", "b", "c"}) do order[#order + 1] = p[1] .. p[2] .. p[3] end
  assert(join(order) == "bca,cba,cab,acb,bac,abc", "permutation order: " .. join(order))
end

-- producer / filter / consumer pipeline
do
  local function producer(items)
    return create(function()
      for _, v in ipairs(items) do yield(v) end
      return nil
    end)
  end
  local function receive(prod)
    local ok, v = resume(prod)
    assert(ok, v)
    return v
  end
  local function filter(prod, pred)
    return create(function()
      while true do
        local v = receive(prod)
        if v == nil then return nil end
        if pred(v) then yield(v * 10) end
      end
    end)
  end
  local function consumer(prod)
    local got = {}
    while true do
      local v = receive(prod)
      if v == nil then break end
      got[#got + 1] = v
    end
    return got
  end
  local got = consumer(filter(producer({1, 2, 3, 4, 5, 6}), function(x) return x % 2 == 0 end))
  assert(join(got) == "20,40,60", "pipeline: " .. join(got))
  -- a consumer-driven pipeline: the sender resumes the receiver
  local sink = {}
  local writer = create(function(first)
    local v = first
    while v ~= nil do
      sink[#sink + 1] = v
      v = yield()
    end
    return "closed"
  end)
  for _, w in ipairs({"a", "b", "c"}) do assert(resume(writer, w)) end
  local r = pack(resume(writer, nil))
  assert(same(r, true, "closed") and join(sink) == "a,b,c", "push pipeline")
end

-- coroutines as state machines sharing upvalues with their creator
do
  local shared = 0
  local co = wrap(function()
    while true do shared = shared + 1; yield(shared) end
  end)
  assert(co() == 1 and co() == 2, "counter")
  shared = 10
  assert(co() == 11, "sees the change made outside")
  -- each coroutine has its own locals
  local function counter()
    return wrap(function() local n = 0 while true do n = n + 1 yield(n) end end)
  end
  local c1, c2 = counter(), counter()
  c1(); c1()
  assert(c1() == 3 and c2() == 1, "independent stacks")
end

-- coroutines and to-be-closed variables across yields: closed when the body finishes
do
  local log = {}
  local co = wrap(function()
    local x <close> = setmetatable({}, {__close = function() log[#log + 1] = "closed" end})
    yield("suspended with x")
    log[#log + 1] = "body done"
  end)
  co()
  assert(#log == 0, "not closed while suspended")
  co()
  assert(join(log) == "body done,closed", "closed at the end: " .. join(log))
end

-- Closing a coroutine runs its closing methods on the closer's C stack
-- (§6.2 coroutine.close): a chain of closes made from __close methods counts
-- against the C-call limit like any nesting of native calls, whatever its
-- length, and the error comes back through every close.
do
  local function closer(depth, limit)
    return coroutine.create(function()
      local x <close> = setmetatable({}, {__close = function()
        if depth < limit then
          local c = closer(depth + 1, limit)
          coroutine.resume(c)
          local ok, e = coroutine.close(c)
          if not ok then error(e, 0) end
        end
      end})
      coroutine.yield()
    end)
  end
  for _, limit in ipairs{10, 100000} do
    local c = closer(1, limit)
    coroutine.resume(c)
    local ok, e = coroutine.close(c)
    if limit == 10 then
      assert(ok and e == nil)
    else
      assert(not ok and e == "C stack overflow", e)
    end
    assert(coroutine.status(c) == "dead")
  end
end

-- The closing methods that coroutine.close runs are outside every frame of
-- the coroutine, so outside an xpcall that was active when it yielded: its
-- message handler does not see their errors.
do
  local co = coroutine.create(function()
    xpcall(function()
      local x <close> = setmetatable({}, {__close = function() error(42, 0) end})
      coroutine.yield()
    end, function(m) return "handler:" .. tostring(m) end)
  end)
  coroutine.resume(co)
  local ok, e = coroutine.close(co)
  assert(not ok and e == 42, tostring(e))
end

print("OK")
