-- Lua 5.4 manual §2.4 (__index, __newindex) and §3.4.7 (the length operator):
-- the interpreter's fast paths for indexing must give the answers of the slow
-- paths when what they rely on changes: a metatable added to a table whose
-- array part is being filled, a metamethod added to a metatable that was seen
-- without it, keys removed, tables rehashed, arrays that shrink; and the
-- instruction forms that read tables, keys and values where they are (locals
-- and constants). Also #t, which starts from the border it found last.
-- Self-checking: prints only "OK" on success.

-- Every instruction form of t[k] / t[k] = v, with locals and constants.
do
  local t, i, v, o = {}, 1, "value", {}
  t[i] = v                      -- slot [slot] = slot
  assert(t[1] == "value" and t[i] == "value")
  t[i] = 10                     -- slot [slot] = constant
  assert(t[1] == 10)
  t[i] = 2.5
  assert(t[1] == 2.5)
  t[i] = "str"
  assert(t[1] == "str")
  o.x = v                       -- slot [constant] = slot
  o.y = 5                       -- slot [constant] = constant
  assert(o.x == "value" and o.y == 5)
  local n = 300
  t[n] = true
  assert(t[300] == true and t[n] == true)
  local big = {}
  for k = 1, 70000 do big[k] = k end
  assert(big[65535] == 65535 and big[65536] == 65536 and big[70000] == 70000)
  local f = 1.0
  t[f] = "float key"           -- 1.0 is the integer key 1
  assert(t[1] == "float key" and t[f] == "float key")
  t[0] = "zero"
  assert(t[0] == "zero")
  t[-1] = "minus"
  assert(t[-1] == "minus")
  assert(t[2] == nil and t[i + 1] == nil)
end

-- nil, true and false stored as constants (slot [slot] = constant, slot
-- [constant] = constant): a removal, a flag in the array part and in the
-- hash part, __newindex called with the constant for an absent key.
do
  local t, i, k = {}, 2, "flag"
  t[i] = true
  t[k] = false
  t.other = true
  assert(t[2] == true and t.flag == false and t.other == true)
  t[i] = false
  t.other = nil
  assert(t[2] == false and t.other == nil)
  t[i] = nil
  t[k] = nil
  assert(t[2] == nil and t.flag == nil and next(t) == nil)
  local seen = {}
  local p = setmetatable({}, {__newindex = function(_, key, value) seen[#seen + 1] = tostring(key) .. "=" .. tostring(value) end})
  p[i] = true
  p[k] = nil
  p.f = false
  assert(table.concat(seen, " ") == "2=true flag=nil f=false", table.concat(seen, " "))
  local marks = {}
  for j = 1, 100 do marks[j] = false end
  for j = 2, 100, 2 do marks[j] = true end
  local count = 0
  for j = 1, 100 do if marks[j] then count = count + 1 end end
  assert(count == 50 and #marks == 100)
  local g = load("local t, i = {}, 3 t[i] = true t.x = false t.y = nil return t")
  for _, f in ipairs({g, load(string.dump(g)), load(string.dump(g, true))}) do
    local r = f()
    assert(r[3] == true and r.x == false and r.y == nil and rawlen(r) == 0)
  end
end

-- Absent keys read nil with no metatable, and go to __index with one.
do
  local t = {1, 2, 3}
  local i = 5
  assert(t[i] == nil and t[4] == nil and t.missing == nil)
  local calls = 0
  setmetatable(t, {__index = function(_, k) calls = calls + 1; return "meta " .. tostring(k) end})
  assert(t[i] == "meta 5" and t[4] == "meta 4" and t.missing == "meta missing")
  assert(t[1] == 1, "present keys do not call __index")
  assert(calls == 3)
end

-- A metatable given to a table whose array part has room: stores into the
-- empty slots now call __newindex (the slot exists, the key does not).
do
  local t = {}
  for i = 1, 8 do t[i] = i end
  for i = 8, 5, -1 do t[i] = nil end     -- slots 5..8 stay in the array part, empty
  local seen = {}
  setmetatable(t, {__newindex = function(tt, k, v) seen[#seen + 1] = k; rawset(tt, k, v * 10) end})
  for i = 5, 8 do t[i] = i end
  assert(#seen == 4 and seen[1] == 5 and seen[4] == 8)
  assert(t[5] == 50 and t[8] == 80)
  t[1] = 100                              -- present: no metamethod
  assert(t[1] == 100 and #seen == 4)
end

-- A metatable seen without __newindex (its absence is remembered), which
-- then gains one: the next store into an empty slot must call it.
do
  local mt = {}
  local t = setmetatable({}, mt)
  for i = 1, 4 do t[i] = i end            -- no __newindex yet: plain stores
  t[4] = nil
  t[4] = 4                                -- remembered as absent
  t[4] = nil
  local called = false
  mt.__newindex = function(tt, k, v) called = true; rawset(tt, k, -v) end
  t[4] = 4
  assert(called and t[4] == -4)
  -- The same with __index, and with a field key.
  local mt2 = {}
  local u = setmetatable({}, mt2)
  assert(u.x == nil and u[1] == nil)
  mt2.__index = {x = "x from meta", [1] = "one from meta"}
  assert(u.x == "x from meta" and u[1] == "one from meta")
  -- A metamethod set with rawset, and removed again.
  rawset(mt2, "__index", nil)
  assert(u.x == nil)
  rawset(mt2, "__index", function() return "raw" end)
  assert(u.x == "raw" and u[7] == "raw")
end

-- Keys removed and tables rehashed under a loop that reads them in place.
do
  local t = {}
  for i = 1, 100 do t["k" .. i] = i end
  local sum = 0
  for round = 1, 3 do
    for i = 1, 100 do
      local k = "k" .. i
      local v = t[k]
      if v then sum = sum + v end
    end
    for i = 1, 100, 2 do t["k" .. i] = nil end
    for i = 101, 400 do t["k" .. i] = i end   -- rehash
  end
  assert(sum == 5050 + 2550 + 2550, sum)
  local o = {a = 1, b = 2}
  local total = 0
  for _ = 1, 10 do
    total = total + o.a + o.b
    o.a = nil
    o.a = 1                              -- removed and stored again
    o["c" .. _] = _                      -- new keys: rehash now and then
  end
  assert(total == 30)
end

-- Globals through _ENV: present, absent, and an _ENV given a metatable.
do
  local env = setmetatable({}, {__index = _G})
  local f = load("x = 1; x = x + 1; return x, y, print ~= nil", "=env", "t", env)
  local a, b, c = f()
  assert(a == 2 and b == nil and c == true)
  assert(rawget(env, "x") == 2)
  local log = {}
  local strict = setmetatable({}, {__index = function(_, k) log[#log + 1] = k end,
                                   __newindex = function(t, k, v) log[#log + 1] = "set " .. k; rawset(t, k, v) end})
  load("z = 1; z = 2; return w", "=strict", "t", strict)()
  assert(log[1] == "set z" and log[2] == "w" and #log == 2)
end

-- Errors raised by the new forms name their operands as lua5.4 does.
do
  local function msg(src)
    local ok, err = pcall(load(src, "=t"))
    assert(not ok)
    return err
  end
  assert(msg("local t, i; return t[i]") == "t:1: attempt to index a nil value (local 't')")
  assert(msg("local t; return t[1]") == "t:1: attempt to index a nil value (local 't')")
  assert(msg("local t = {}; return t[1].x") == "t:1: attempt to index a nil value (field 'integer index')")
  assert(msg("local t, i = {}, 1; return t[i].x") == "t:1: attempt to index a nil value (field '?')")
  assert(msg("local t, i, v; t[i] = v") == "t:1: attempt to index a nil value (local 't')")
  assert(msg("local t, i = {}; t[i] = 1") == "t:1: table index is nil")
  assert(msg("local t, v = {}, 1; t[0/0] = v") == "t:1: table index is NaN")
  assert(msg("local t, v; t.x = v") == "t:1: attempt to index a nil value (local 't')")
  assert(msg("local t; t.x = 'a'") == "t:1: attempt to index a nil value (local 't')")
end

-- #t of a local (one instruction) with and without __len, and its errors.
do
  local t, s, n = setmetatable({}, {__len = function() return 42 end}), "abc", 5
  assert(#t == 42 and #s == 3)
  local ok, err = pcall(load("local n = 5 return #n", "=t"))
  assert(not ok and err == "t:1: attempt to get length of a number value (local 'n')", err)
  local co = coroutine.wrap(function()
    local u = setmetatable({}, {__len = function() return coroutine.yield("in __len") end})
    return #u + 1
  end)
  assert(co() == "in __len" and co(10) == 11)
end

-- A numeric for whose body has locals: the loop drops them itself.
do
  local sum = 0
  for i = 1, 10 do
    local a, b = i, i * 2
    if i == 5 then goto continue end
    sum = sum + a + b
    ::continue::
  end
  assert(sum == 3 * 55 - 15)
  local fs = {}
  for i = 1, 3 do local j = i * 10 fs[i] = function() return i + j end end
  assert(fs[1]() == 11 and fs[3]() == 33)
end

-- #t starts from the border found last: appends, removals, holes filled,
-- arrays that shrink and grow again.
do
  local a = {}
  for i = 1, 1000 do
    a[#a + 1] = i
    assert(#a == i)
  end
  for i = 1000, 1, -1 do
    assert(#a == i)
    a[#a] = nil
  end
  assert(#a == 0)
  for i = 1, 64 do a[i] = i end
  a[64] = nil
  assert(#a == 63)
  a[63] = nil
  a[62] = nil
  assert(#a == 61)
  a[62] = 62
  assert(#a == 62)
  for i = 1, 10 do a[i] = nil end       -- the hint (62) is still a border
  local n = #a
  assert(n == 62 or n == 0, n)
  local b = {}
  for i = 1, 100 do table.insert(b, i) end
  assert(#b == 100)
  for _ = 1, 50 do table.remove(b) end
  assert(#b == 50 and b[50] == 50 and b[51] == nil)
  table.insert(b, 1, 0)
  assert(#b == 51 and b[1] == 0 and b[51] == 50)
  -- A table rebuilt smaller: the hint never points past the array part.
  local c = {}
  for i = 1, 256 do c[i] = i end
  assert(#c == 256)
  for i = 1, 256 do c[i] = nil end
  for i = 1, 300 do c["k" .. i] = i end  -- rehash: the array part goes
  c[1] = 1
  c[2] = 2
  assert(#c == 2)
  -- Sequences built through the API-level functions keep agreeing.
  local d = table.pack(1, 2, 3, nil)
  assert(#d == 3 or #d == 4)
  local e = {n = 0}
  for i = 1, 33 do e[i] = i end
  assert(#e == 33 and select("#", table.unpack(e)) == 33)
end

-- The slow paths after a fast path's miss start at the metamethods: the
-- table's own entry was looked up once already. Methods found through
-- __index (SELF), an own entry that appears and goes, a nil array slot and
-- an absent field with __newindex, existing entries written raw, __index
-- chains of tables, __newindex naming a table.
do
  local log = {}
  local Base = {greet = function(self) return "hi " .. self.name end}
  Base.__index = Base
  local o = setmetatable({name = "o"}, Base)
  assert(o:greet() == "hi o")
  o.greet = function() return "own" end
  assert(o:greet() == "own")
  o.greet = nil
  assert(o:greet() == "hi o")
  local t = setmetatable({1, nil, 3}, {
    __newindex = function(t, k, v) log[#log + 1] = k; rawset(t, k, v * 10) end,
    __index = function(t, k) return "idx" .. k end})
  t[2] = 2                      -- nil array slot: __newindex
  t[1] = 5                      -- existing entry: raw
  t.x = 1                       -- absent field: __newindex
  t.x = 7                       -- present now: raw
  assert(t[2] == 20 and t[1] == 5 and t.x == 7 and t[9] == "idx9" and t.y == "idxy")
  assert(table.concat(log, ",") == "2,x")
  local chain = setmetatable({}, {__index = setmetatable({}, {__index = {deep = 42}})})
  assert(chain.deep == 42 and chain.none == nil)
  local proxy = setmetatable({}, {__newindex = chain})
  proxy.k = 3
  assert(rawget(proxy, "k") == nil and rawget(chain, "k") == 3)
end

-- SELF caches where a method was found in the class its object's __index
-- names; the answer follows every change: the method replaced or removed,
-- the class rehashed, another class, __index a function, then absent, a
-- method of the object's own, the metatable removed, a long method name.
do
  local A = {}
  A.__index = A
  function A:who() return "A" end
  local B = setmetatable({}, {__index = A})   -- a class with a class
  B.__index = B
  function B:who() return "B" end
  local o = setmetatable({}, A)
  local function call(obj) return obj:who() end
  for _ = 1, 3 do assert(call(o) == "A") end
  function A:who() return "A2" end             -- replaced in place
  assert(call(o) == "A2")
  for n = 1, 200 do A["filler" .. n] = n end   -- the class rehashed
  assert(call(o) == "A2")
  A.who = nil                                  -- removed: o has no method now
  assert(not pcall(call, o))
  A.who = function() return "A3" end
  assert(call(o) == "A3")
  setmetatable(o, B)                           -- another class
  assert(call(o) == "B")
  B.who = nil                                  -- found through B's own __index
  assert(call(o) == "A3")
  local mt = getmetatable(o)
  mt.__index = function(_, key) return function() return "fn:" .. key end end
  assert(call(o) == "fn:who")
  mt.__index = nil                             -- absent: a call of nil
  local ok, msg = pcall(call, o)
  assert(not ok and msg:find("method 'who'"))
  mt.__index = A
  assert(call(o) == "A3")
  o.who = function() return "own" end          -- the object's own method
  assert(call(o) == "own")
  o.who = nil
  setmetatable(o, nil)
  assert(not pcall(call, o))
  local long = "a_method_name_longer_than_forty_characters_xx"
  A[long] = function() return "long" end
  setmetatable(o, A)
  assert(o[long](o) == "long")
  local chunk = load("local o = ... return o:" .. long .. "()")
  assert(chunk(o) == "long")
end

print("OK")
