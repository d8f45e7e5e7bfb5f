-- Lua 5.4 manual §6.6 Table Manipulation.
-- Self-checking: prints only "OK" on success.

local function pack(...) return {n = select("#", ...), ...} end

-- "a,b,c" from t[1..n] (n defaults to #t), written without table.concat
local function join(t, n)
  local s = ""
  for i = 1, (n or #t) do s = s .. (i > 1 and "," or "") .. tostring(t[i]) end
  return s
end

local function rterr(src, expected)
  local f, cerr = load(src, "=t")
  assert(f, "should compile: " .. src .. ": " .. tostring(cerr))
  local ok, msg = pcall(f)
  assert(not ok, "should fail: " .. src)
  assert(msg == expected, "wrong message for [" .. src .. "]: " .. tostring(msg))
end

-- A proxy: reads and writes go through __index/__newindex to `store`,
-- the length through __len; `log` records the accesses in order.
local function proxy(store, n)
  local log = {}
  local p = setmetatable({}, {
    __index = function(_, k) log[#log + 1] = "r" .. tostring(k); return store[k] end,
    __newindex = function(_, k, v) log[#log + 1] = "w" .. tostring(k); store[k] = v end,
    __len = function() return n or #store end,
  })
  return p, log
end

local maxi, mini = math.maxinteger, math.mininteger

-- the library lists exactly lua5.4's names
do
  local names = {}
  for k in pairs(table) do names[#names + 1] = k end
  table.sort(names)
  assert(join(names) == "concat,insert,move,pack,remove,sort,unpack", "table names: " .. join(names))
end

-- insert
do
  local t = {}
  table.insert(t, "a")
  table.insert(t, "b")
  assert(join(t) == "a,b", "insert appends")
  table.insert(t, 1, "c")
  assert(join(t) == "c,a,b", "insert at 1")
  table.insert(t, 2, "d")
  assert(join(t) == "c,d,a,b", "insert in the middle")
  table.insert(t, 5, "e")
  assert(join(t) == "c,d,a,b,e", "insert at #t + 1")
  table.insert(t, #t, "f")
  assert(join(t) == "c,d,a,b,f,e", "insert at #t")
  assert(select("#", table.insert(t, "g")) == 0, "insert returns nothing")
  table.insert(t, 1, nil)
  assert(t[1] == nil and t[2] == "c", "insert nil shifts too")
  local u = {}
  table.insert(u, 1, 10)
  assert(u[1] == 10, "insert at 1 into an empty table")
  table.insert(u, "2", 5)
  assert(join(u) == "10,5", "position given as a string")
  table.insert(u, 2.0, 7)
  assert(join(u) == "10,7,5", "position given as an integral float")
  local big = {}
  for i = 1, 1000 do table.insert(big, 1, i) end
  assert(#big == 1000 and big[1] == 1000 and big[1000] == 1, "1000 inserts at the front")
end
rterr("table.insert({1, 2, 3}, 0, 'x')", "t:1: bad argument #2 to 'insert' (position out of bounds)")
rterr("table.insert({1, 2, 3}, 5, 'x')", "t:1: bad argument #2 to 'insert' (position out of bounds)")
rterr("table.insert({}, -1, 'x')", "t:1: bad argument #2 to 'insert' (position out of bounds)")
rterr("table.insert({}, math.mininteger, 'x')", "t:1: bad argument #2 to 'insert' (position out of bounds)")
rterr("table.insert({}, 1.5, 'x')", "t:1: bad argument #2 to 'insert' (number has no integer representation)")
rterr("table.insert({}, 'x', 'x')", "t:1: bad argument #2 to 'insert' (number expected, got string)")
rterr("table.insert({})", "t:1: wrong number of arguments to 'insert'")
rterr("table.insert({}, 1, 2, 3)", "t:1: wrong number of arguments to 'insert'")
rterr("table.insert(nil, 1)", "t:1: bad argument #1 to 'insert' (table expected, got nil)")
rterr("table.insert(1, 1)", "t:1: bad argument #1 to 'insert' (table expected, got number)")
rterr("table.insert()", "t:1: bad argument #1 to 'insert' (table expected, got no value)")
rterr("local t = setmetatable({}, {__len = function() return 'x' end}); table.insert(t, 1)",
  "t:1: object length is not an integer")
rterr("local t = setmetatable({}, {__len = function() return 2.5 end}); table.insert(t, 1)",
  "t:1: object length is not an integer")
do
  -- __len results: integral floats and numeric strings are integers
  local store = {}
  local t = setmetatable({}, {__len = function() return 2.0 end, __newindex = store})
  table.insert(t, "x")
  assert(store[3] == "x", "insert after an __len of 2.0")
  t = setmetatable({}, {__len = function() return "4" end, __newindex = store})
  table.insert(t, "y")
  assert(store[5] == "y", "insert after an __len of '4'")
  -- a proxy: shifting reads and writes through the metamethods
  local p, log = proxy({"a", "b", "c"})
  table.insert(p, 2, "x")
  assert(join(log) == "r3,w4,r2,w3,w2", "insert on a proxy: " .. join(log))
  local p2, log2 = proxy({"a"})
  table.insert(p2, "z")
  assert(join(log2) == "w2", "append on a proxy: " .. join(log2))
  -- existing keys are written raw, absent ones through __newindex
  local seen = {}
  local r = setmetatable({1, 2}, {__newindex = function(t, k, v) seen[#seen + 1] = k; rawset(t, k, v) end})
  table.insert(r, 1, 0)
  assert(join(seen) == "3" and join(r) == "0,1,2", "insert on a table with __newindex")
end

-- remove
do
  local t = {"a", "b", "c", "d"}
  assert(table.remove(t) == "d" and join(t) == "a,b,c", "remove the last")
  assert(table.remove(t, 1) == "a" and join(t) == "b,c", "remove the first")
  assert(table.remove(t, #t + 1) == nil and join(t) == "b,c", "remove at #t + 1")
  assert(table.remove(t, 2) == "c" and join(t) == "b", "remove at #t")
  assert(table.remove(t) == "b" and #t == 0, "remove the only")
  assert(table.remove(t) == nil and #t == 0, "remove from an empty table")
  assert(select("#", table.remove({})) == 1, "remove returns one value")
  assert(table.remove({}, 0) == nil, "remove at 0 of an empty table")
  assert(table.remove({}, 1) == nil, "remove at 1 of an empty table")
  local z = {[0] = "zero"}
  assert(table.remove(z, 0) == "zero" and z[0] == nil, "remove at #t = 0 clears t[0]")
  local n = {[-1] = "neg"}
  assert(table.remove(n, #n) == nil and n[-1] == "neg", "remove leaves other keys")
  local u = {1, 2, 3}
  assert(table.remove(u, "1") == 1 and join(u) == "2,3", "position as a string")
  assert(table.remove(u, nil) == 3 and join(u) == "2", "nil position is #t")
  local p, log = proxy({"a", "b", "c"})
  assert(table.remove(p, 1) == "a", "remove from a proxy")
  assert(join(log) == "r1,r2,w1,r3,w2,w3", "remove on a proxy: " .. join(log))
end
rterr("table.remove({}, 2)", "t:1: bad argument #2 to 'remove' (position out of bounds)")
rterr("table.remove({}, -1)", "t:1: bad argument #2 to 'remove' (position out of bounds)")
rterr("table.remove({1, 2, 3}, 5)", "t:1: bad argument #2 to 'remove' (position out of bounds)")
rterr("table.remove({1, 2, 3}, 0)", "t:1: bad argument #2 to 'remove' (position out of bounds)")
rterr("table.remove({1, 2, 3}, math.mininteger)", "t:1: bad argument #2 to 'remove' (position out of bounds)")
rterr("table.remove({1, 2, 3}, 1.5)", "t:1: bad argument #2 to 'remove' (number has no integer representation)")
rterr("table.remove({}, {})", "t:1: bad argument #2 to 'remove' (number expected, got table)")
rterr("table.remove('abc')", "t:1: bad argument #1 to 'remove' (table expected, got string)")
rterr("table.remove()", "t:1: bad argument #1 to 'remove' (table expected, got no value)")

-- concat
do
  assert(table.concat({}) == "", "concat of an empty table")
  assert(table.concat({"a", "b", "c"}) == "abc", "concat")
  assert(table.concat({"a", "b", "c"}, ", ") == "a, b, c", "concat with a separator")
  assert(table.concat({"a", "b", "c"}, ", ", 2) == "b, c", "concat from i")
  assert(table.concat({"a", "b", "c"}, ", ", 2, 2) == "b", "concat of one")
  assert(table.concat({"a", "b", "c"}, ", ", 3, 2) == "", "concat of an empty range")
  assert(table.concat({"a", "b", "c"}, nil, 1, 2) == "ab", "nil separator")
  assert(table.concat({1, 2.5, 3.0, -0.0, 1e100, maxi}, " ") ==
    "1 2.5 3.0 -0.0 1e+100 9223372036854775807", "numbers are converted")
  assert(table.concat({1, 2, 3}, 0) == "10203", "a number as separator")
  assert(table.concat({"a", "b"}, "\0") == "a\0b", "separator with a zero byte")
  assert(table.concat({[0] = "z", "a"}, "", 0) == "za", "from index 0")
  assert(table.concat({[-2] = "x", [-1] = "y"}, "-", -2, -1) == "x-y", "negative indices")
  local p = proxy({"p", "q", "r"})
  assert(table.concat(p, "+") == "p+q+r", "concat of a proxy")
  -- the last index may be maxinteger without overflowing the loop
  local m = setmetatable({}, {__index = function(_, k) return k == maxi and "M" or "m" end})
  assert(table.concat(m, ",", maxi - 2, maxi) == "m,m,M", "concat up to maxinteger")
  assert(table.concat(m, ",", mini, mini + 1) == "m,m", "concat from mininteger")
  local s = ""
  local long = {}
  for i = 1, 1000 do long[i] = "x"; s = s .. "x" end
  assert(table.concat(long) == s, "concat of 1000 strings")
end
rterr("table.concat({1, {}, 3})", "t:1: invalid value (table) at index 2 in table for 'concat'")
rterr("table.concat({1, 2, 3}, '', 1, 4)", "t:1: invalid value (nil) at index 4 in table for 'concat'")
rterr("table.concat({true})", "t:1: invalid value (boolean) at index 1 in table for 'concat'")
rterr("table.concat({setmetatable({}, {__name = 'My'})})",
  "t:1: invalid value (table) at index 1 in table for 'concat'")
rterr("table.concat({}, '', math.maxinteger, math.maxinteger)",
  "t:1: invalid value (nil) at index 9223372036854775807 in table for 'concat'")
rterr("table.concat({}, {})", "t:1: bad argument #2 to 'concat' (string expected, got table)")
rterr("table.concat({}, '', 'x')", "t:1: bad argument #3 to 'concat' (number expected, got string)")
rterr("table.concat({}, '', 1, 1.5)", "t:1: bad argument #4 to 'concat' (number has no integer representation)")
rterr("table.concat(nil)", "t:1: bad argument #1 to 'concat' (table expected, got nil)")

-- pack
do
  local t = table.pack()
  assert(t.n == 0 and next(t, "n") == nil and t[1] == nil, "pack()")
  t = table.pack(1, nil, 3, nil)
  assert(t.n == 4 and t[1] == 1 and t[2] == nil and t[3] == 3, "pack with nils")
  t = table.pack("a", "b")
  assert(#t == 2 and t.n == 2, "pack")
  local many = {}
  for i = 1, 200 do many[i] = i end
  t = table.pack(table.unpack(many))
  assert(t.n == 200 and t[200] == 200, "pack 200 values")
end

-- unpack
do
  assert(select("#", table.unpack({})) == 0, "unpack of an empty table")
  local a, b, c = table.unpack({1, 2, 3})
  assert(a == 1 and b == 2 and c == 3, "unpack")
  local r = pack(table.unpack({1, 2, 3}, 2))
  assert(r.n == 2 and r[1] == 2 and r[2] == 3, "unpack from i")
  r = pack(table.unpack({1, 2, 3}, 2, 5))
  assert(r.n == 4 and r[1] == 2 and r[3] == nil and r[4] == nil, "unpack past the end")
  r = pack(table.unpack({1, 2, 3}, -1, 1))
  assert(r.n == 3 and r[1] == nil and r[2] == nil and r[3] == 1, "unpack with negative i")
  assert(select("#", table.unpack({1, 2, 3}, 3, 2)) == 0, "unpack of an empty range")
  assert(select("#", table.unpack({1, 2, 3}, maxi, mini)) == 0, "unpack of a reversed huge range")
  r = pack(table.unpack({}, maxi, maxi))
  assert(r.n == 1 and r[1] == nil, "unpack at maxinteger")
  r = pack(table.unpack({}, mini, mini))
  assert(r.n == 1 and r[1] == nil, "unpack at mininteger")
  r = pack(table.unpack({}, maxi - 1, maxi))
  assert(r.n == 2, "unpack ending at maxinteger")
  r = pack(table.unpack({1, nil, 3}))
  assert(r[1] == 1 and r[3] == 3, "unpack with a hole")
  r = pack(table.unpack({1, 2}, "1", 2.0))
  assert(r.n == 2 and r[2] == 2, "unpack bounds as string and float")
  local p = proxy({"x", "y", "z"})
  r = pack(table.unpack(p))
  assert(r.n == 3 and r[3] == "z", "unpack of a proxy")
  local u = setmetatable({}, {__index = function(_, k) return k * 10 end, __len = function() return 3 end})
  r = pack(table.unpack(u))
  assert(r.n == 3 and r[1] == 10 and r[3] == 30, "unpack through __index and __len")
  local big = {}
  for i = 1, 10000 do big[i] = i end
  r = pack(table.unpack(big))
  assert(r.n == 10000 and r[10000] == 10000, "unpack 10000 values")
end
rterr("table.unpack({}, 1, 1e7)", "t:1: too many results to unpack")
rterr("table.unpack({}, 1, math.maxinteger)", "t:1: too many results to unpack")
rterr("table.unpack({}, math.mininteger, math.maxinteger)", "t:1: too many results to unpack")
rterr("table.unpack({}, 0, math.maxinteger)", "t:1: too many results to unpack")
rterr("table.unpack({}, -1, math.maxinteger)", "t:1: too many results to unpack")
rterr("table.unpack({}, math.mininteger, 0)", "t:1: too many results to unpack")
rterr("table.unpack({}, 1, 2^31)", "t:1: too many results to unpack")
rterr("table.unpack(nil)", "attempt to get length of a nil value")
rterr("table.unpack()", "attempt to get length of a nil value")
rterr("table.unpack({}, 1.5)", "t:1: bad argument #2 to 'unpack' (number has no integer representation)")
rterr("table.unpack({}, 1, 'x')", "t:1: bad argument #3 to 'unpack' (number expected, got string)")
rterr("table.unpack(setmetatable({}, {__len = function() return 1.5 end}))", "t:1: object length is not an integer")

-- move
do
  local t = {1, 2, 3, 4, 5}
  assert(table.move(t, 1, 3, 3) == t, "move returns the destination")
  assert(join(t) == "1,2,1,2,3", "move up over an overlap")
  t = {1, 2, 3, 4, 5}
  table.move(t, 3, 5, 1)
  assert(join(t) == "3,4,5,4,5", "move down over an overlap")
  t = {1, 2, 3, 4, 5}
  table.move(t, 2, 4, 2)
  assert(join(t) == "1,2,3,4,5", "move onto itself")
  t = {1, 2, 3}
  local d = {"a", "b", "c", "d"}
  assert(table.move(t, 1, 3, 2, d) == d, "move into another table returns it")
  assert(join(d) == "a,1,2,3", "move into another table")
  t = {1, 2, 3}
  assert(table.move(t, 1, 0, 1) == t, "empty move")
  assert(join(t) == "1,2,3", "empty move changes nothing")
  d = {}
  table.move({1, 2, 3}, 1, 3, 1, d)
  assert(join(d) == "1,2,3", "copy into an empty table")
  d = {}
  table.move({[0] = 0, 1, 2}, 0, 2, -5, d)
  assert(d[-5] == 0 and d[-4] == 1 and d[-3] == 2, "move to negative indices")
  d = {}
  table.move({1, 2, 3}, 1, 3, maxi - 2, d)
  assert(d[maxi - 2] == 1 and d[maxi] == 3, "move up to maxinteger")
  d = {}
  table.move({}, maxi - 2, maxi, 1, d)
  assert(next(d) == nil, "move from the top of the range")
  table.move({}, mini, mini + 2, 1, d)
  assert(next(d) == nil, "move from mininteger")
  table.move({1, 2, 3}, 1, 3, 1, nil)
  -- reads and writes go through the metamethods, in the direction that
  -- keeps an overlapping range intact
  local p, log = proxy({1, 2, 3})
  table.move(p, 1, 3, 2)
  assert(join(log) == "r3,w4,r2,w3,r1,w2", "overlapping move on a proxy: " .. join(log))
  local q, qlog = proxy({1, 2, 3})
  table.move(q, 1, 3, 2, {})
  assert(join(qlog) == "r1,r2,r3", "move from a proxy: " .. join(qlog))
  -- two tables that are equal by __eq count as the same table (lua_compare)
  local order = {}
  local function watch(eq)
    return setmetatable({}, {
      __eq = eq,
      __index = function(_, k) order[#order + 1] = k; return k end,
    })
  end
  local alwaysEqual = function() return true end
  table.move(watch(alwaysEqual), 1, 3, 2, setmetatable({}, {__eq = alwaysEqual}))
  assert(join(order) == "3,2,1", "move between __eq-equal tables copies backwards: " .. join(order))
  order = {}
  table.move(watch(nil), 1, 3, 2, {})
  assert(join(order) == "1,2,3", "move between different tables copies forwards: " .. join(order))
end
rterr("table.move({}, 1, math.maxinteger, 2)", "t:1: bad argument #4 to 'move' (destination wrap around)")
rterr("table.move({1, 2}, 1, 2, math.maxinteger)", "t:1: bad argument #4 to 'move' (destination wrap around)")
rterr("table.move({1, 2, 3}, 1, 3, math.maxinteger - 1)", "t:1: bad argument #4 to 'move' (destination wrap around)")
rterr("table.move({}, -1, math.maxinteger, 2)", "t:1: bad argument #3 to 'move' (too many elements to move)")
rterr("table.move({}, math.mininteger, -1, 1)", "t:1: bad argument #3 to 'move' (too many elements to move)")
rterr("table.move({}, math.mininteger, math.maxinteger, 1)", "t:1: bad argument #3 to 'move' (too many elements to move)")
rterr("table.move({}, 0, math.maxinteger, 1)", "t:1: bad argument #3 to 'move' (too many elements to move)")
rterr("table.move({}, 1, 2, 3, 4)", "t:1: bad argument #5 to 'move' (table expected, got number)")
rterr("table.move(nil, 1, 2, 3)", "t:1: bad argument #1 to 'move' (table expected, got nil)")
rterr("table.move({}, 1, 2)", "t:1: bad argument #4 to 'move' (number expected, got no value)")
rterr("table.move({}, 1.5, 2, 3)", "t:1: bad argument #2 to 'move' (number has no integer representation)")
rterr("table.move({}, 1, {}, 3)", "t:1: bad argument #3 to 'move' (number expected, got table)")
rterr("table.move(1, 1, 2, 3, {})", "t:1: bad argument #1 to 'move' (table expected, got number)")

-- sort
local function sorted(t, lt, n)
  lt = lt or function(a, b) return a < b end
  for i = 2, (n or #t) do
    if lt(t[i], t[i - 1]) then return false end
  end
  return true
end

-- same multiset of values
local function samevalues(a, b)
  if #a ~= #b then return false end
  local count = {}
  for i = 1, #a do count[a[i]] = (count[a[i]] or 0) + 1 end
  for i = 1, #b do count[b[i]] = (count[b[i]] or 0) - 1 end
  for _, c in pairs(count) do if c ~= 0 then return false end end
  return true
end

local function copy(t)
  local c = {}
  for i = 1, #t do c[i] = t[i] end
  return c
end

-- a deterministic pseudo-random sequence (a 31-bit LCG), independent of math.random
local seed = 12345
local function lcg(n)
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed % n + 1
end

do
  local t = {5, 2, 8, 1, 9, 3}
  table.sort(t)
  assert(join(t) == "1,2,3,5,8,9", "sort numbers")
  t = {"pear", "apple", "fig", "banana"}
  table.sort(t)
  assert(join(t) == "apple,banana,fig,pear", "sort strings")
  t = {3, 1.5, -2, 2.0, maxi, mini, 0}
  table.sort(t)
  assert(join(t) == "-9223372036854775808,-2,0,1.5,2.0,3,9223372036854775807", "sort mixed numbers")
  t = {5, 2, 8, 1}
  table.sort(t, function(a, b) return a > b end)
  assert(join(t) == "8,5,2,1", "sort with a comparator")
  t = {5, 2, 8, 1}
  table.sort(t, nil)
  assert(join(t) == "1,2,5,8", "nil comparator")
  assert(select("#", table.sort({2, 1})) == 0, "sort returns nothing")
  table.sort({})
  table.sort({1})
  table.sort({1}, 1)
  table.sort({}, "not a function")
  -- small arrays: every permutation of 1..n for n <= 6
  local function permute(a, k, f)
    if k == 0 then return f(a) end
    for i = 1, k do
      a[i], a[k] = a[k], a[i]
      permute(a, k - 1, f)
      a[i], a[k] = a[k], a[i]
    end
  end
  for n = 1, 6 do
    local base = {}
    for i = 1, n do base[i] = i end
    permute(base, n, function(p)
      local c = copy(p)
      table.sort(c)
      for i = 1, n do assert(c[i] == i, "sort of a permutation of 1.." .. n .. ": " .. join(c)) end
      c = copy(p)
      table.sort(c, function(a, b) return a > b end)
      for i = 1, n do assert(c[i] == n + 1 - i, "descending sort of a permutation") end
    end)
  end
  -- larger arrays of several shapes
  local shapes = {
    random = function(i, n) return lcg(n) end,
    sorted = function(i) return i end,
    reversed = function(i, n) return n - i end,
    equal = function() return 7 end,
    few = function() return lcg(3) end,
    sawtooth = function(i) return i % 17 end,
    organ = function(i, n) return i <= n // 2 and i or n - i end,
  }
  for name, gen in pairs(shapes) do
    for _, n in ipairs({7, 50, 1000, 5000}) do
      local t = {}
      for i = 1, n do t[i] = gen(i, n) end
      local orig = copy(t)
      table.sort(t)
      assert(sorted(t) and samevalues(t, orig), "sort of " .. n .. " " .. name .. " values")
      local gt = function(a, b) return a > b end
      table.sort(t, gt)
      assert(sorted(t, gt) and samevalues(t, orig), "descending sort of " .. n .. " " .. name .. " values")
    end
  end
  -- sorting records by a field
  local recs = {}
  for i = 1, 300 do recs[i] = {k = lcg(100), id = i} end
  table.sort(recs, function(a, b) return a.k < b.k end)
  for i = 2, #recs do assert(recs[i - 1].k <= recs[i].k, "sort records") end
  -- strings with embedded zeros and prefixes
  t = {"b", "a\0b", "a", "", "a\0a", "ab"}
  table.sort(t)
  assert(t[1] == "" and t[2] == "a" and t[3] == "a\0a" and t[4] == "a\0b" and t[5] == "ab" and t[6] == "b",
    "sort strings byte-wise")
  -- a proxy is sorted through its metamethods
  local store = {4, 3, 1, 2}
  local p = proxy(store)
  table.sort(p)
  assert(join(store) == "1,2,3,4", "sort a proxy")
  -- __lt on the elements
  local mt = {__lt = function(a, b) return a.v < b.v end}
  t = {}
  for i = 1, 100 do t[i] = setmetatable({v = lcg(1000)}, mt) end
  table.sort(t)
  for i = 2, #t do assert(t[i - 1].v <= t[i].v, "sort with __lt") end
  -- the collector may run inside the comparator
  t = {}
  for i = 1, 200 do t[i] = {v = lcg(50)} end
  local calls = 0
  table.sort(t, function(a, b)
    calls = calls + 1
    if calls % 50 == 0 then collectgarbage() end
    return a.v < b.v
  end)
  for i = 2, #t do assert(t[i - 1].v <= t[i].v, "sort with collections in the comparator") end
end
rterr("table.sort({1, 'x'})", "attempt to compare string with number")
rterr("table.sort({{}, {}})", "attempt to compare two table values")
rterr("table.sort({1, 2}, 1)", "t:1: bad argument #2 to 'sort' (function expected, got number)")
rterr("table.sort({3, 2, 1}, {})", "t:1: bad argument #2 to 'sort' (function expected, got table)")
rterr("table.sort(nil)", "t:1: bad argument #1 to 'sort' (table expected, got nil)")
rterr("table.sort({3, 2, 1}, function(a, b) error('cmp') end)", "t:1: cmp")
rterr("table.sort(setmetatable({}, {__len = function() return math.maxinteger end}))",
  "t:1: bad argument #1 to 'sort' (array too big)")
rterr("table.sort(setmetatable({}, {__len = function() return 2^31 - 1 end}))",
  "t:1: bad argument #1 to 'sort' (array too big)")
rterr("table.sort(setmetatable({}, {__len = function() return 'x' end}))", "t:1: object length is not an integer")
do
  -- an order that is always true is detected on a large array
  rterr("local t = {} for i = 1, 100 do t[i] = i end table.sort(t, function() return true end)",
    "t:1: invalid order function for sorting")
  -- other inconsistent orders: an error or a permutation, never a crash or a hang
  local function tryorder(n, lt)
    local a = {}
    for i = 1, n do a[i] = lcg(n) end
    local orig = copy(a)
    local ok, err = pcall(table.sort, a, lt)
    assert((ok and samevalues(a, orig)) or err == "invalid order function for sorting",
      "inconsistent order: " .. tostring(err))
  end
  for _, n in ipairs({3, 10, 100, 1000}) do
    tryorder(n, function(a, b) return a <= b end)
    tryorder(n, function() return lcg(2) == 1 end)
    tryorder(n, function() return false end)
    tryorder(n, function(a, b) return a ~= b end)
  end
  -- NaN makes the order inconsistent
  for _, n in ipairs({5, 100, 1000}) do
    local a = {}
    for i = 1, n do a[i] = (i % 3 == 0) and 0 / 0 or lcg(n) end
    local ok, err = pcall(table.sort, a)
    assert(ok or err == "invalid order function for sorting", "sort with NaN: " .. tostring(err))
    assert(#a == n, "sort with NaN keeps the elements")
    ok, err = pcall(table.sort, a, function(x, y) return x > y end)
    assert(ok or err == "invalid order function for sorting", "sort with NaN: " .. tostring(err))
  end
  -- a comparator that changes the table
  local a = {}
  for i = 1, 100 do a[i] = i end
  pcall(table.sort, a, function(x, y)
    a[lcg(100)] = lcg(100)
    return (x or 0) > (y or 0)
  end)
  assert(#a == 100, "sort survives a changing table")
  -- a comparator cannot yield
  local co = coroutine.wrap(function()
    table.sort({3, 2, 1}, function(x, y) coroutine.yield() return x < y end)
  end)
  local ok, err = pcall(co)
  assert(not ok and err == "attempt to yield across a C-call boundary", "yield in a comparator: " .. tostring(err))
end

-- errors name the function as it was called
rterr("local ins = table.insert; ins(nil, 1)", "t:1: bad argument #1 to 'ins' (table expected, got nil)")
rterr("local t = {f = table.concat}; t.f({{}})", "t:1: invalid value (table) at index 1 in table for 'concat'")

print("OK")
