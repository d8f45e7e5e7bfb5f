-- Line events and active lines of one-line snippets (103) broken across lines
-- at random places (line-events.expected covers hand-written layouts; this
-- script's expected output is Lua 5.4.8's too). Every snippet runs as written
-- and in 8 variants where each gap between two tokens becomes a newline with
-- a probability of 15, 30, 50 or 80%: the lines Lua gives each instruction
-- depend on which token was read last when it is emitted, and these layouts
-- put every token boundary on a line boundary somewhere. The random numbers
-- come from a fixed linear congruential generator, the same in any engine.
local hook = dofile("lib/line-hook.lua")

local seed = 12345
local function random(n)
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed % n
end

-- The tokens of a one-line snippet (names, numbers, short strings, symbols).
local function tokens(src)
  local out, i = {}, 1
  while i <= #src do
    if src:sub(i, i):match("%s") then
      i = i + 1
    else
      local s, e = src:find("^[%a_][%w_]*", i)
      if not s then s, e = src:find("^%d+%.?%d*", i) end
      if not s then s, e = src:find('^"[^"]*"', i) end
      if not s then s, e = src:find("^'[^']*'", i) end
      if not s then
        for _, op in ipairs{"...", "..", "==", "~=", "<=", ">=", "//", "::", "<<", ">>"} do
          if src:sub(i, i + #op - 1) == op then s, e = i, i + #op - 1 break end
        end
      end
      if not s then s, e = i, i end
      out[#out + 1] = src:sub(s, e)
      i = e + 1
    end
  end
  return out
end

local function broken(src, percent)
  local t = tokens(src)
  local parts = {}
  for i, tok in ipairs(t) do
    parts[#parts + 1] = tok
    if i < #t then parts[#parts + 1] = random(100) < percent and "\n" or " " end
  end
  return table.concat(parts)
end

local B = {}
local function add(name, src) B[#B + 1] = {name, src} end

add("arith", "local a, b = 3, 4 local c = a + b * 2 - a / b // 1 % 3 ^ 2 return c")
add("arith-const", "local a = 2 local b = 1 + 2 * 3 + a local c = a - 1 - 2 local d = 10 - a local e = 2 ^ a return b, c, d, e")
add("cmp", "local a, b = 1, 2 local r = a < b local s = a == b local t = 1 < a local u = a ~= 'x' local v = a >= b return r, s, t, u, v")
add("ifchain", "local x = 5 if x < 3 then x = 1 elseif x < 6 and x > 4 then x = 2 elseif not x then x = 3 else x = 4 end return x")
add("ifnested", "local n = 0 for i = 1, 4 do if i % 2 == 0 then if i == 2 then n = n + 1 else n = n + 2 end else n = n - 1 end end return n")
add("while", "local i, s = 0, 0 while i < 5 and s < 100 do i = i + 1 if i == 3 then goto continue end s = s + i ::continue:: end return s")
add("whilebreak", "local i = 0 while true do local x = i i = i + 1 if x > 2 then break end end return i")
add("repeat", "local i = 0 repeat local j = i * 2 i = i + 1 until j >= 4 return i")
add("repeatclosure", "local i = 0 repeat local j = i local f = function() return j end i = i + 1 until f() >= 2 return i")
add("fornum", "local s = 0 for i = 1, 3 do s = s + i end for i = 10, 1, -3 do s = s - i end return s")
add("forin", "local t = {1, 2, 3} local s = 0 for i, v in ipairs(t) do s = s + i * v end for k in pairs({a = 1}) do s = s + 1 end return s")
add("table", "local a = 1 local t = {1, a, a + 1, x = a, ['y'] = 2, [a + 10] = 3, {a}, f = function() return a end} return #t")
add("tablemulti", "local function f() return 1, 2, 3 end local t = {f(), f()} local u = {f(), (f())} local v = {...} return #t, #u, #v")
add("calls", "local function f(...) return select('#', ...) end local r = f(1, f(2, 3), f(f())) print(r, f(1, 2)) return r")
add("method", "local o = {v = 1} function o:get(n) return self.v + n end function o.set(s, v) s.v = v end local r = o:get(1) o:set(2) o.set(o, 3) return o:get(r)")
add("methodchain", "local o = {} function o:m() return self end local r = o:m():m():m() return r == o")
add("massign", "local t = {} local a, b, c a, b, c = 1 a, t.x, t[1] = t, 2, 3 t.y, t.z = t.x, a return a, b, c")
add("concat", "local a, b = 'a', 'b' local s = a .. b .. a .. (b .. a) .. tostring(1) .. 'x' local u = 1 .. 2 return s, u")
add("andor", "local a, b, c = nil, false, 1 local x = a or b or c local y = a and b or c and 'yes' or 'no' local z = (a or c) and (b or c) if a or b or c then x = 1 end if not a and not b then y = 1 end return x, y, z")
add("andorvalue", "local a, b = 1, nil local c = a and b local d = b or a local e = a and b or a local f = not a or b return c, d, e, f")
add("varargs", "local function g(...) local n = select('#', ...) local a, b = ... local t = {n = n, ...} return ..., n end g(1, 2) g()")
add("tail", "local function f(n) if n == 0 then return 'done' end return f(n - 1) end local function g(n) return f(n) end return g(3)")
add("closures", "local fs = {} for i = 1, 3 do fs[i] = function() return i end end local s = 0 for _, f in ipairs(fs) do s = s + f() end return s")
add("upvalues", "local u, v = 1, {x = 1} local function f() u = u + 1 v.x = v.x + u local w = v return w.x, u end f() f() return u")
add("globals", "G1 = 1 G2 = G1 + G1 G3 = {G1, G2} G1, G2 = G2, G1 return G3[1] + G2")
add("bitwise", "local a, b = 5, 3 local c = a & b | a ~ b local d = ~a << 2 >> 1 return c, d")
add("unary", "local t = {1, 2} local a = -t[1] local b = #t local c = not t[1] local d = - - t[2] local e = -2 local f = not nil return a, b, c, d, e, f")
add("index", "local t = {a = {b = {c = {d = 1}}}} local x = t.a.b.c.d local y = t['a'].b['c'].d t.a.b.c.d = x + y local k = 'a' local z = t[k].b return t.a.b.c.d, z")
add("gotos", "local i = 0 ::top:: do i = i + 1 if i < 3 then goto top end end goto done i = 100 ::done:: return i")
add("breaknested", "local found for i = 1, 3 do for j = 1, 3 do if i * j == 4 then found = i break end end if found then break end end return found")
add("close", "do local x <close> = setmetatable({}, {__close = function() end}) local y = 1 end local z = 2")
add("const", "local A <const> = 10 local B <const> = A * 2 local S <const> = 'str' local function f() return A + B, S end local a, b <const> = 1, 2 return f(), a, b")
add("returns", "local function f(a, b) if a then return end if b then return a, b; end return (f(true)) end f(nil, 1) f(true)")
add("strcall", "local function f(s) return s end local a = f'x' local b = f{1} local c = f(f'y') return a, b, c")
add("deepcall", "local function id(x) return x end local v = id(id(id({id(1), id(2)})))[2] return v")
add("paren", "local t = {x = 1} local a = (t.x) local b = (t.x) + 1 local c = (t).x local d = ((a)) return a, b, c, d")
add("ktrue", "local c = {x = 1} local a = 1 and c.x local b = nil or c.x local d = true and c local e = false or nil return a, b, d, e")
add("whileconst", "local i = 0 while false do i = 1 end while true do i = i + 1 if i > 2 then break end end repeat i = i - 1 until true return i")
add("ifconst", "local x = 0 if true then x = 1 end if false then x = 2 elseif nil then x = 3 else x = 4 end if 1 then x = x + 1 end return x")
add("notcond", "local a, b = 1, nil if not a then a = 2 end if not (a == 1) then a = 3 end if not not b then a = 4 end while not b do b = 1 end return a, b")
add("forbody-if-else", "local s = '' for i = 1, 3 do if i == 2 then s = s .. 'b' else s = s .. 'a' end end return s")
add("while-if-else", "local i, s = 0, 0 while i < 4 do i = i + 1 if i % 2 == 0 then s = s + i elseif i == 3 then s = s * 2 else s = s - 1 end end return s")
add("pcall", "local ok, e = pcall(function() local t = nil return t.x end) local ok2 = pcall(error) return ok, ok2")
add("localfunc", "local function fact(n) if n <= 1 then return 1 else return n * fact(n - 1) end end return fact(5)")
add("assignops", "local x, y = 1, 2 x = y x = y + 1 x = -y x = not y x = y .. 'a' x = {y} x = y < 3 x = y and 1 return x")
add("upassign", "local x = 1 local function f() x = 2 x = x + 1 x = {} x = x end f() return x")
add("fieldassign", "local t = {} local u = {} t.a = 1 t.b = u t[1] = t.a + 1 t[t.a] = 'x' t.c = t.a and u return t")
add("numforclose", "local fs = {} for i = 1, 2 do local j = i fs[i] = function() return i + j end end return fs[1]()")
add("genforclose", "local fs = {} for k, v in pairs({a = 1}) do fs[1] = function() return k .. v end end return fs[1]()")
add("mixedbreak", "local t = {} for i = 1, 5 do if i == 4 then break end t[#t + 1] = i if i == 2 then goto cont end t[#t + 1] = -i ::cont:: end return #t")
add("strings", "local s = 'abc' local n = #s local u = s:upper() local p = ('x'):rep(3) return n, u, p")
add("returnexprs", "local function f() return 1, 2, 3 end local function g() return f(), f() end local function h() return (f()) end return g(), h()")
add("nestedfn", "local function outer() local x = 1 local function inner(y) return x + y end return inner(2) end return outer()")
add("tforlong", "local t = {} for k, v in next, {1, 2}, nil do t[k] = v end return #t")
add("compareconst", "local a = 5 local r = 1 < a and a < 10 and a ~= 7 and 3 >= a or a <= 100 return r")
add("emptyif", "local a = 1 if a then end if a then else end while a do a = nil end return a")
add("elsebreak", "for i = 1, 3 do if i == 2 then break else local x = i end end while true do if true then break end end")
add("concatvar", "local t = {a = 'x'} local s = t.a .. t.a .. t['a'] return s")
add("nestedtables", "local t = {a = {1, 2, {x = 'y'}}, [1] = {}, 'z'; n = #'abc'} return t.a[3].x, t[1], t.n")
add("trailingsep", "local t = {1, 2, 3,} local u = {x = 1; y = 2;} local v = {f(), f(),} return #t")
add("strmethod", "local s = ('x'):rep(3) .. ('y'):upper() local n = #s:lower() return s, n")
add("leftconst", "local a = 5 local b = 10 - a local c = 2 ^ a local d = 1 < a local e = 'a' == a local f = 3 // a local g = 7 % a return b, c, d, e, f, g")
add("notchain", "local a = nil local b = not not a local c = not (a == nil) local d = not a == true if not not a then b = 1 end return b, c, d")
add("parencall", "local function f() return 1, 2 end local a, b = (f()) local t = {(f())} local c = (f()) + 1 return a, b, #t, c")
add("selectva", "local function f(...) return select('#', ...), select(2, ...), ... end return f(1, nil, 3)")
add("recursion", "local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end return fib(6)")
add("upvalchain", "local function a() local x = 1 return function() local y = 2 return function() return x + y end end end return a()()()")
add("globalexpr", "X = 1 Y = X * 2 + (X or 0) Z = {X, Y, [X] = Y} Z.w = X .. Y return Z.w")
add("deepif", "local function f(a, b) if a then if b then return 1 elseif a > 1 then return 2 end else if b then return 3 end end return 4 end return f(1, 1), f(2, nil), f(nil, 1), f(nil, nil)")
add("whilecomplex", "local i, j = 0, 10 while i < j and (i + j) % 7 ~= 0 or i == 0 do i = i + 1 j = j - 1 end return i, j")
add("repeatbreak", "local i = 0 repeat i = i + 1 if i == 3 then break end local z = i until i > 10 return i")
add("forstep", "local s = 0 for i = 10, 1, -2 do s = s + i end for x = 0.5, 2, 0.5 do s = s + x end for i = 1, 3 do for j = i, 3 do s = s + j end end return s")
add("genforfn", "local function iter(t, i) i = i + 1 if t[i] then return i, t[i] end end local s = 0 for i, v in iter, {5, 6, 7}, 0 do s = s + v end return s")
add("methoddefs", "local obj = {n = 0} function obj.inc(self) self.n = self.n + 1 return self end function obj:dec() self.n = self.n - 1 return self end obj:inc():inc():dec() return obj.n")
add("multret", "local function f() return 1, 2, 3 end local a, b, c, d = f() local t = {f(), f()} local x, y = f(), 10 return a, d, #t, x, y")
add("assignswap", "local a, b, c = 1, 2, 3 a, b, c = c, a, b local t = {1, 2} t[1], t[2] = t[2], t[1] return a, b, c, t[1]")
add("closurecount", "local function counter() local n = 0 return function() n = n + 1 return n end end local c = counter() c() c() return c()")
add("varargtable", "local function f(...) local t = {...} local n = select('#', ...) return #t, n, (...) end return f(4, 5, 6)")
add("longstr", "local s = 'a' .. 'b' .. 'c' .. 'd' .. 'e' local t = s .. s .. (s .. s) return #t")
add("gotocontinue", "local s = 0 for i = 1, 5 do if i % 2 == 0 then goto continue end s = s + i ::continue:: end return s")
add("nestedloops", "local c = 0 for i = 1, 3 do local j = 0 while j < i do j = j + 1 if j == 2 then break end c = c + 1 end end return c")
add("andorcalls", "local function f(x) return x end local a = f(1) and f(nil) or f(3) local b = f(false) or f(nil) and f(1) return a, b")
add("comparechain", "local a, b, c = 1, 2, 3 local r = a < b and b < c and not (c < a) and a ~= c return r")
add("numerics", "local a = 0x10 + 1e2 + 3.5 local b = -a local c = a // 3 local d = a % -7 local e = 7 // -2 return a, b, c, d, e")
add("bitops2", "local a = 0xF0 | 0x0F local b = a ~ 0xFF local c = ~b & 0xFF local d = 1 << 4 >> 2 return a, b, c, d")
add("tableops", "local t = {} for i = 1, 5 do t[#t + 1] = i * i end table.insert(t, 1, 0) return #t, t[1], t[6]")
add("tbc", "local log = {} do local a <close> = setmetatable({}, {__close = function() table.insert(log, 'a') end}) local b = 1 end return #log")
add("errorcall", "local ok, e = pcall(function() local x = nil return x.y.z end) local ok2, e2 = pcall(error, 'msg') return ok, ok2, e2")
add("coroutines", "local co = coroutine.wrap(function(a) local b = coroutine.yield(a + 1) return b * 2 end) local x = co(1) local y = co(5) return x, y")
add("metaadd", "local mt = {__add = function(a, b) return 'add' end, __index = function(t, k) return k .. '!' end} local t = setmetatable({}, mt) return t + 1, t.x")
add("stringfmt", "local s = string.format('%d-%s', 1, 'x') local n = tonumber('10') + 1 return s, n")
add("emptystmts", "local a = 1; ; local b = 2; do ; end return a + b;")
add("localfnup", "local x = 10 local function f() local function g() return x end return g() end return f()")
add("ifreturn", "local function f(n) if n > 0 then return 'pos' elseif n < 0 then return 'neg' end return 'zero' end return f(1), f(-1), f(0)")
add("forcapture", "local fs = {} for i = 1, 3 do local j = i * 2 fs[#fs + 1] = function() return i + j end end return fs[1]() + fs[3]()")
add("whilebreakclose", "local fs = {} local i = 0 while true do i = i + 1 local j = i fs[i] = function() return j end if i >= 3 then break end end return fs[1]() + fs[3]()")
add("repeatuntilcapture", "local fs = {} local i = 0 repeat i = i + 1 local j = i fs[i] = function() return j end until j >= 3 return fs[2]()")
add("nestedfncalls", "local function add(a, b) return a + b end return add(add(1, 2), add(add(3, 4), 5))")
add("leftinplace", "local a = 1 local function f() a = 10 return 1 end local r = a + f() local s = 1 - f() local t = 2 ^ (a + f()) local u = a < f() local v = nil == f() return r, s, t, u, v")
add("upindexkeys", "local u = {1, 2, 3} local function g(x) return x end local function f(k) local r = u[g(k) + 1] + u[k] + u[1] + u[300] u[g(k)] = r u[k + 1] = u[k] u[1000] = g(3) return r, u[1000] end return f(1)")
add("storekeys", "local t, k = {}, 1 local function g(x) return x end t[k] = g(1) t[g(2)] = k t.x = {} t.x[k] = g(3) t.x[g(1)] = 4 t[#t + 1] = 5 t[k], k = g(6), 2 return t[1], t.x[1], #t")
add("ctorkeys", "local k = 'a' local function g(x) return x end local t = {[k] = g(1), [1] = g(2), [300] = g(3), [g('b')] = 4, [-1] = 5} return t.a, t[1], t[300], t.b, t[-1]")
add("cmpvalues", "local a, b, c = 1, 2, nil local r = (a < b) local s = (c or a < b) local t = (a < b or c) and b local u = {a <= b, (a > b) == (b > a)} return r, s, t, u[1], u[2]")

for _, b in ipairs(B) do
  hook.run(b[1], b[2])
  for v = 1, 8 do
    hook.run(b[1] .. "#" .. v, broken(b[2], ({15, 30, 50, 80})[(v - 1) % 4 + 1]))
  end
end
