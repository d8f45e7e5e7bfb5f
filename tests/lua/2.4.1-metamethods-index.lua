-- Lua 5.4 manual §2.4: the __index and __newindex events in depth
-- (tables and functions as handlers, long chains, raw access, loop limits).
-- Self-checking: prints only "OK" on success.

local function rterr(src, expected)
  local f, cerr = load(src, "=t")
  assert(f, "should compile: " .. src .. ": " .. tostring(cerr))
  local ok, msg = pcall(f)
  assert(not ok, "should fail: " .. src)
  assert(msg == expected, "wrong message for [" .. src .. "]: " .. tostring(msg))
end

local function count(t)
  local n = 0
  for _ in next, t do n = n + 1 end
  return n
end

-- a chain of n tables linked by __index tables, ending in `base`
local function index_chain(n, base)
  local t = base
  for _ = 1, n do t = setmetatable({}, {__index = t}) end
  return t
end

-- a chain of n tables linked by __newindex tables, ending in `base`
local function newindex_chain(n, base)
  local t = base
  for _ = 1, n do t = setmetatable({}, {__newindex = t}) end
  return t
end

-- __index with a table: lookup is repeated on the handler, which may have its own metatable
do
  local base = {x = "base-x", [1] = "one", [true] = "yes"}
  local t = index_chain(12, base)
  assert(t.x == "base-x", "depth 12 field")
  assert(t[1] == "one" and t[1.0] == "one", "depth 12 integer key, float key normalised")
  assert(t[true] == "yes", "boolean key through the chain")
  assert(t.missing == nil, "absent at every level gives nil")
  assert(rawget(t, "x") == nil, "rawget sees only the table itself")
  -- an intermediate level shadows the base
  local mid = getmetatable(getmetatable(t).__index).__index -- level 10
  rawset(mid, "x", "mid-x")
  assert(t.x == "mid-x", "nearest definition wins")
  rawset(mid, "x", nil)
  assert(t.x == "base-x", "removal uncovers the deeper value")
  -- a false value stops the search (only nil continues it)
  rawset(mid, "x", false)
  assert(t.x == false, "false shadows")
  rawset(mid, "x", nil)
end

-- deep chains: 2000 __index levels are followed, 2001 are not
do
  local base = {k = 42}
  assert(index_chain(100, base).k == 42, "depth 100")
  assert(index_chain(1999, base).k == 42, "depth 1999")
  assert(index_chain(2000, base).k == 42, "depth 2000")
  local deep = index_chain(2001, base)
  local ok, e = pcall(function() return deep.k end)
  assert(not ok and type(e) == "string", "depth 2001 fails")
  -- exact message, with position of the indexing expression
  local f = load("local d = ... return d.k", "=t")
  local ok2, e2 = pcall(f, deep)
  assert(not ok2 and e2 == "t:1: '__index' chain too long; possible loop", tostring(e2))
  -- a function handler in the middle restarts the count
  local t = {k = "far"}
  for i = 1, 5000 do
    local inner = t
    if i % 1000 == 0 then
      t = setmetatable({}, {__index = function(_, key) return inner[key] end})
    else
      t = setmetatable({}, {__index = t})
    end
  end
  assert(t.k == "far", "function handlers reset the loop counter")
end

-- loops
rterr("local t = setmetatable({}, {}) getmetatable(t).__index = t return t.x",
  "t:1: '__index' chain too long; possible loop")
rterr("local a, b = {}, {}\nsetmetatable(a, {__index = b}) setmetatable(b, {__index = a})\nreturn a[1]",
  "t:3: '__index' chain too long; possible loop")
rterr("local t = setmetatable({}, {}) getmetatable(t).__newindex = t t.x = 1",
  "t:1: '__newindex' chain too long; possible loop")
rterr("local a, b = {}, {}\nsetmetatable(a, {__newindex = b}) setmetatable(b, {__newindex = a})\n\na.z = 1",
  "t:4: '__newindex' chain too long; possible loop")
do
  -- a loop is fine as long as the key is found
  local a, b = {}, {found = 1}
  setmetatable(a, {__index = b}); setmetatable(b, {__index = a})
  assert(a.found == 1 and b.found == 1, "loop with the key present")
  -- and an assignment to a key that exists stops at that table
  local c, d = {}, {}
  setmetatable(c, {__newindex = d}); setmetatable(d, {__newindex = c})
  rawset(d, "here", 0)
  c.here = 5
  assert(rawget(d, "here") == 5 and rawget(c, "here") == nil, "loop with existing key in handler")
  c.here = nil
  assert(rawget(d, "here") == nil and d.here == nil, "assigning nil to existing key in handler")
end

-- deep __newindex chains: the last table receives the value
do
  local base = {}
  local t = newindex_chain(12, base)
  t.x = "v"
  assert(base.x == "v", "value stored in the last table")
  local levels, cur = 0, t
  while cur ~= base do
    assert(rawget(cur, "x") == nil, "intermediate tables stay empty")
    cur = getmetatable(cur).__newindex
    levels = levels + 1
  end
  assert(levels == 12, "12 levels")
  -- 1999 levels work; at 2000 the final raw assignment is one step too far
  local b1 = {}
  newindex_chain(1999, b1).y = 1
  assert(b1.y == 1, "1999 __newindex levels")
  local b2 = {}
  local deep = newindex_chain(2000, b2)
  local ok, e = pcall(function() deep.y = 1 end)
  assert(not ok and b2.y == nil, "2000 __newindex levels fail")
  local f = load("local d = ... d.y = 1", "=t")
  local ok2, e2 = pcall(f, deep)
  assert(not ok2 and e2 == "t:1: '__newindex' chain too long; possible loop", tostring(e2))
  -- but if the key already exists in the 2000th table the assignment succeeds
  rawset(b2, "y", 0)
  deep.y = 7
  assert(b2.y == 7, "existing key found at depth 2000")
  local b3 = {y = 0}
  local deeper = newindex_chain(2001, b3)
  assert(not pcall(function() deeper.y = 1 end) and b3.y == 0, "depth 2001 with existing key fails")
end

-- __index functions: arguments, results, key types
do
  local seen = {}
  local t = setmetatable({}, {__index = function(tab, key, extra)
    seen[#seen + 1] = {tab = tab, key = key, extra = extra}
    return key, "second result dropped"
  end})
  local a, b = t.name
  assert(a == "name" and b == nil, "one result only")
  assert(seen[1].tab == t and seen[1].key == "name" and seen[1].extra == nil, "(table, key)")
  assert(t[10] == 10 and t[true] == true, "non-string keys")
  assert(tostring(t[1.0]) == "1.0", "float key passed unconverted")
  assert(tostring(t[-0.0]) == "-0.0", "negative zero key passed as is")
  assert(t[nil] == nil, "nil key: reading is allowed and reaches __index")
  assert(seen[#seen].key == nil, "nil key passed")
  local nan = 0 / 0
  local r = t[nan]
  assert(r ~= r, "NaN key passed to __index")
  local k = {}
  assert(t[k] == k, "table key")
  -- a function with no results gives nil
  local n = setmetatable({}, {__index = function() end})
  assert(n.x == nil, "no results is nil")
  -- multiple assignment and method calls go through __index too
  local m = setmetatable({}, {__index = function(_, key)
    return function(self, v) return key, self, v end
  end})
  local key, self, v = m:method(3)
  assert(key == "method" and self == m and v == 3, "method lookup through __index function")
  -- __index function that is called for nested tables
  local depth = 0
  local auto
  auto = function(_, key)
    depth = depth + 1
    local child = setmetatable({}, {__index = auto})
    rawset(_, key, child)
    return child
  end
  local root = setmetatable({}, {__index = auto})
  local leaf = root.a.b.c.d
  assert(depth == 4 and rawget(root, "a") ~= nil and root.a.b.c.d == leaf, "autovivification")
  assert(depth == 4, "second access finds raw fields")
end

-- the handler table of __index is indexed normally (its own metamethods apply),
-- and a function at the end of the chain receives the table that holds it in its metatable
do
  local log = {}
  local base = setmetatable({}, {__index = function(tab, key) log[#log + 1] = tab; return key end})
  local mid = setmetatable({}, {__index = base})
  local top = setmetatable({}, {__index = mid})
  assert(top.q == "q" and log[1] == base, "function receives the table whose metatable holds it")
  -- __index in the metatable of the metatable is not consulted for the lookup of "__index"
  local mm = setmetatable({}, {__index = {__index = {x = 1}}})
  local obj = setmetatable({}, mm)
  assert(obj.x == nil, "metamethod fields are read raw")
end

-- __newindex with a function: arguments; the table is not modified
do
  local calls = {}
  local t = setmetatable({}, {__newindex = function(tab, key, value, extra)
    calls[#calls + 1] = {tab, key, value, extra}
  end})
  t.a = 1
  t[2] = "two"
  t[3.0] = "three"
  t.nilv = nil
  assert(#calls == 4 and count(t) == 0, "four calls, table still empty")
  assert(calls[1][1] == t and calls[1][2] == "a" and calls[1][3] == 1 and calls[1][4] == nil, "(t, k, v)")
  assert(calls[2][2] == 2 and calls[2][3] == "two", "integer key")
  assert(tostring(calls[3][2]) == "3.0", "float key passed unconverted")
  assert(calls[4][3] == nil, "nil value is passed")
  -- nil key: the handler is called, no error
  t[nil] = 5
  assert(#calls == 5 and calls[5][2] == nil and calls[5][3] == 5, "nil key reaches __newindex function")
  local nan = 0 / 0
  t[nan] = 6
  assert(#calls == 6 and calls[6][2] ~= calls[6][2], "NaN key reaches __newindex function")
end
-- nil and NaN keys end in an error when the assignment becomes raw
rterr("local t = setmetatable({}, {__newindex = {}}) t[nil] = 1", "t:1: table index is nil")
rterr("local t = setmetatable({}, {__newindex = {}}) t[0/0] = 1", "t:1: table index is NaN")
rterr("local t = {} t[nil] = 1", "t:1: table index is nil")

-- __newindex is only for absent keys
do
  local calls = 0
  local t = setmetatable({present = 1, [1] = "a"}, {__newindex = function(tab, k, v)
    calls = calls + 1
    rawset(tab, k, v)
  end})
  t.present = 2
  t[1] = "b"
  t[1.0] = "c"
  assert(calls == 0 and t.present == 2 and t[1] == "c", "existing keys are assigned raw")
  t.present = nil
  assert(calls == 0 and rawget(t, "present") == nil, "assigning nil to an existing key is raw")
  t.present = 3
  assert(calls == 1 and t.present == 3, "after removal, __newindex is called again")
  t.new = 1
  t.new = 2
  assert(calls == 2 and t.new == 2, "only the first assignment to a new key")
  -- a key with value false is present
  local f = setmetatable({flag = false}, {__newindex = function() error("not expected") end})
  f.flag = true
  assert(f.flag == true, "false counts as present")
end

-- __newindex and __index together: read-only table and proxy with tracking
do
  local function readonly(t)
    return setmetatable({}, {
      __index = t,
      __newindex = function(_, k) error("attempt to update a read-only table (" .. tostring(k) .. ")", 2) end,
    })
  end
  local days = readonly({"Sun", "Mon"})
  assert(days[1] == "Sun" and days[2] == "Mon" and days[3] == nil, "readonly read")
  local f = load("local d = ... d[1] = 'x'", "=t")
  local ok, e = pcall(f, days)
  assert(not ok and e == "t:1: attempt to update a read-only table (1)", tostring(e))

  local accesses = {}
  local real = {}
  local proxy = setmetatable({}, {
    __index = function(_, k) accesses[#accesses + 1] = "get " .. tostring(k); return real[k] end,
    __newindex = function(_, k, v) accesses[#accesses + 1] = "set " .. tostring(k); real[k] = v end,
  })
  proxy.a = 1
  proxy.a = proxy.a + 1
  assert(real.a == 2 and rawget(proxy, "a") == nil, "proxy stores in real")
  assert(#accesses == 3 and accesses[1] == "set a" and accesses[2] == "get a" and accesses[3] == "set a",
    "proxy access order")
end

-- rawget / rawset / rawequal / rawlen bypass metamethods
do
  local hits = 0
  local mt = {
    __index = function() hits = hits + 1; return "meta" end,
    __newindex = function() hits = hits + 1 end,
    __len = function() hits = hits + 1; return 99 end,
    __eq = function() hits = hits + 1; return true end,
  }
  local t = setmetatable({}, mt)
  assert(rawget(t, "k") == nil, "rawget")
  assert(rawset(t, "k", "v") == t, "rawset returns the table")
  assert(rawget(t, "k") == "v" and t.k == "v", "rawset stored")
  rawset(t, 1, "a"); rawset(t, 2, "b")
  assert(rawlen(t) == 2, "rawlen")
  assert(rawequal(t, t) and not rawequal(t, setmetatable({}, mt)), "rawequal")
  assert(hits == 0, "no metamethod called")
  assert(#t == 99 and hits == 1, "# uses __len")
  rawset(t, "k", nil)
  assert(rawget(t, "k") == nil and t.k == "meta" and hits == 2, "rawset nil removes")
  assert(rawget(t, 1.0) == "a", "rawget normalises float keys")
  rawset(t, 4.0, "d")
  local seen_int = false
  for k in next, t do if k == 4 and tostring(k) == "4" then seen_int = true end end
  assert(seen_int, "rawset normalises float keys to integers")
  assert(select("#", rawget(t, "none")) == 1, "rawget returns exactly one value")
  assert(rawlen("abc") == 3, "rawlen on strings")
  assert(rawequal(1, 1.0) and rawequal("a", "a") and not rawequal(1, "1"), "rawequal on primitives")
end
-- raised inside the C function: no position
rterr("rawset({}, nil, 1)", "table index is nil")
rterr("rawset({}, 0/0, 1)", "table index is NaN")
rterr("rawget(1, 1)", "t:1: bad argument #1 to 'rawget' (table expected, got number)")
rterr("rawset('s', 1, 1)", "t:1: bad argument #1 to 'rawset' (table expected, got string)")
rterr("rawset({}, 1)", "t:1: bad argument #3 to 'rawset' (value expected)")
rterr("rawget({})", "t:1: bad argument #2 to 'rawget' (value expected)")
rterr("rawlen(1)", "t:1: bad argument #1 to 'rawlen' (table or string expected, got number)")
rterr("rawequal(1)", "t:1: bad argument #2 to 'rawequal' (value expected)")

-- handlers of the wrong type
rterr("return setmetatable({}, {__index = true}).x", "t:1: attempt to index a boolean value")
rterr("setmetatable({}, {__newindex = true}).x = 1", "t:1: attempt to index a boolean value")
rterr("return setmetatable({}, {__index = setmetatable({}, {__index = 1})}).x",
  "t:1: attempt to index a number value")

-- errors inside handlers propagate with their own position
rterr("local t = setmetatable({}, {__index = function(t, k)\n  error('no field ' .. k)\nend})\nreturn t.abc",
  "t:2: no field abc")
rterr("local t = setmetatable({}, {__newindex = function(t, k)\n  error('cannot set ' .. k, 2)\nend})\n\nt.abc = 1",
  "t:5: cannot set abc")

-- metatable changes during a lookup take effect on the next lookup
do
  local t = setmetatable({}, {})
  local mt = getmetatable(t)
  mt.__index = function(tab, k)
    mt.__index = {k = "second"}
    return "first"
  end
  assert(t.k == "first" and t.k == "second", "handler replaced itself")
  -- __newindex function that installs the value and then removes itself
  local n = setmetatable({}, {})
  local nmt = getmetatable(n)
  nmt.__newindex = function(tab, k, v) rawset(tab, k, v * 10); nmt.__newindex = nil end
  n.a = 1
  n.b = 2
  assert(n.a == 10 and n.b == 2, "handler removed after first use")
end

-- inheritance through __index: three-level class hierarchy with overrides and super calls
do
  local Base = {}
  Base.__index = Base
  function Base.new(x) return setmetatable({x = x}, Base) end
  function Base:describe() return "Base(" .. self.x .. ")" end
  function Base:kind() return "base" end
  local Mid = setmetatable({}, {__index = Base})
  Mid.__index = Mid
  function Mid.new(x) return setmetatable(Base.new(x), Mid) end
  function Mid:kind() return "mid/" .. Base.kind(self) end
  local Leaf = setmetatable({}, {__index = Mid})
  Leaf.__index = Leaf
  function Leaf.new(x) return setmetatable(Mid.new(x), Leaf) end
  function Leaf:describe() return "Leaf:" .. Mid.describe(self) end
  local obj = Leaf.new(7)
  assert(obj:describe() == "Leaf:Base(7)", "override with super call")
  assert(obj:kind() == "mid/base", "inherited override")
  assert(rawget(obj, "describe") == nil and rawget(Leaf, "kind") == nil, "methods not copied")
end

-- a chain of __index tables read with string keys, whose links change
-- between reads: the absence of __index that a read found, a link added
-- later, a table link replaced by a function
do
  local top = {}
  local mid = setmetatable({}, {})
  local obj = setmetatable({}, {__index = mid})
  for _ = 1, 3 do assert(obj.name == nil, "no __index past mid yet") end
  getmetatable(mid).__index = top
  top.name = "top"
  assert(obj.name == "top", "a link added after its absence was seen")
  getmetatable(mid).__index = function(_, k) return "fn:" .. k end
  assert(obj.name == "fn:name", "a function at the end of table links")
  getmetatable(mid).__index = nil
  assert(obj.name == nil, "the link removed again")
  mid.name = "mid"
  assert(obj.name == "mid", "found in the middle")
  rawset(obj, "name", "own")
  assert(obj.name == "own", "own field first")
  obj.name = nil
  mid.name = nil
  getmetatable(mid).__index = setmetatable({}, {__index = {name = "far"}})
  assert(obj.name == "far", "a longer chain")
end

print("OK")
