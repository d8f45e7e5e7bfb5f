-- Debian's lua-lpeg (lpeg and re) on Tycho: patterns, every kind of capture,
-- grammars, substitutions, the re syntax, and the errors LPeg raises from C.
-- LPeg keeps each pattern in a userdata whose user value is its table of
-- Lua values (lua_newuserdatauv, lua_getiuservalue), grows its capture and
-- backtrack stacks with lua_getallocf's allocator and builds substitutions
-- in a luaL_Buffer; its errors cross C frames to pcall.
-- The script has its module's name: keep require from finding it in ".".
package.path = (arg[0]:match("^.*/") or "") .. "lib/?.lua;" .. package.path:gsub(";%./[^;]*", "")
local show = require("show")
local lpeg = require("lpeg")
local re = require("re")
local P, R, S, V = lpeg.P, lpeg.R, lpeg.S, lpeg.V
local C, Cb, Cc, Cf, Cg, Cp, Cs, Ct, Cmt, Carg = lpeg.C, lpeg.Cb, lpeg.Cc, lpeg.Cf, lpeg.Cg, lpeg.Cp, lpeg.Cs,
                                                  lpeg.Ct, lpeg.Cmt, lpeg.Carg

local function out(label, ...)
  print(label, show.showAll(...))
end
-- All the results of a match, nils included.
local function M(...)
  return show.pack(lpeg.match(...))
end
local function try(label, f, ...)
  print(label, show.try(f, ...))
end

print("version", lpeg.version())
out("type", lpeg.type(P"a"), lpeg.type("a"), lpeg.type(1), lpeg.type({}), lpeg.type(nil))

-- Basic patterns.
out("P string", M(P"abc", "abcd"), M(P"abc", "abd"), M(P"", "x"))
out("P number", M(P(3), "abcd"), M(P(5), "abcd"), M(P(0), ""), M(P(-2), "a"),
    M(P(-2), "abc"))
out("P bool", M(P(true), "x"), M(P(false), "x"))
out("P function", M(P(function(s, i) return i + 2 end), "abcdef", 2),
    M(P(function(s, i) return false end), "abc"),
    M(P(function(s, i) return true end), "abc"))
out("R S", M(R("az", "09")^1, "ab12CD"), M(S"+-*/"^1, "+-/x"), M(R()^0, "x"),
    M(S""^0, "x"))
out("init", M(P"b", "abc", 2), M(P"c", "abc", -1), M(P"a", "abc", -10),
    M(P(true), "abc", 10), M(P(true), "abc", 0))
out("ops", M(P"a" * P"b", "ab"), M(P"a" + P"b", "b"), M(P(1) - P"x", "x"),
    M(-P"x" * 1, "y"), M(#P"a" * 1, "a"), M(#P"a" * 1, "b"))
out("repetitions", M(P"a"^0, "aaab"), M(P"a"^2, "ab"), M(P"a"^2, "aaab"),
    M(P"a"^-2, "aaaa"), M(P"a"^-1 * "b", "b"))
out("B", M(P"ab" * lpeg.B"b" * "c", "abc"), M(P"ab" * lpeg.B"a" * "c", "abc"),
    M((1 - lpeg.B"x")^0, "abc"))
out("method", P"ab":match("abab"), (P"a" * P"b"):match("ab"))

-- Captures of every kind.
out("C", M(C(P"a"^1) * C(P"b"^1), "aabbb"), M(C(C"a" * C"b"), "ab"))
out("Cc", M(Cc(1, "two", nil, true), "x"), M(Cc(), "x"), M(Cc(nil), "x"))
out("Cp", M(Cp() * "ab" * Cp(), "abc"))
out("Ct", M(Ct(C(1)^0), "xyz"), M(Ct(Cg(C"a", "k") * C"b" * Cg(Cc(5), 1)), "ab"))
out("Cg Cb", M(Cg(C"a", "x") * Cb"x" * Cb"x", "a"), M(Cg(C"a" * C"b") * Cc"z", "ab"))
out("Cf", M(Cf(C(R"09"^1) * ("," * C(R"09"^1))^0, function(a, b) return a + b end), "1,20,300"),
    M(Cf(Ct"" * Cg(C(R"az"^1) * "=" * C(R"09"^1) * ";")^0, rawset), "a=1;bb=22;"))
out("Cs", M(Cs((P"a" / "A" + 1)^0), "banana"), M(Cs(C"x" * (P"y" / "%0%0")), "xy"))
out("Cmt", M(Cmt(C(1) * C(1), function(s, i, a, b) return i, a .. b, #s end), "abc"),
    M(Cmt(1, function() return false end), "a"),
    M(Cmt(P"a", function(s, i) return i + 1 end) * P"b", "aab"),
    M(Cmt(P"a", function(s, i) return true, "kept" end), "a"))
out("Carg", M(Carg(1) * Carg(2), "", 1, "one", { 2 }), M(Carg(3), "", 1, 1, 2, 3))
out("/ string", M(C"a" * C"b" / "%2%1%%%0", "ab"), M(P"abc" / "<%0>", "abc"))
out("/ number", M(C"a" * C"b" / 2, "ab"), M(C"a" * C"b" / 0, "ab"))
out("/ table", M(C(R"az"^1) / { x = 1, yy = 2 }, "yy"), M(C(R"az"^1) / { x = 1 }, "zz"))
out("/ function", M(C(1) * C(1) / function(a, b) return b, a, nil end, "ab"),
    M(P"a" / function() end, "a"))
out("nested", M(Ct(Ct(C(1) * C(1))^1), "abcdef"))

-- Grammars.
local arith = P{
  "exp",
  exp = Cf(V"term" * Cg(C(S"+-") * V"term")^0, function(a, op, b) if op == "+" then return a + b else return a - b end end),
  term = Cf(V"factor" * Cg(C(S"*/") * V"factor")^0, function(a, op, b) if op == "*" then return a * b else return a // b end end),
  factor = R"09"^1 / tonumber + "(" * V"exp" * ")",
}
out("grammar", arith:match("2+3*(4-1)"), arith:match("100/7-2*3"), arith:match("(((1)))"), arith:match("x"))
local balanced = P{ "(" * ((1 - S"()") + V(1))^0 * ")" }
out("balanced", balanced:match("(a(b)(c(d)))x"), balanced:match("(a(b"))
local anbn = P{ "S", S = "a" * V"S" * "b" + "" }
out("anbn", anbn:match("aaabbb"), anbn:match("aabbb"), (anbn * -1):match("aabbb"))
-- Deep recursion grows LPeg's backtrack stack well past its initial size.
lpeg.setmaxstack(20000)
local deep = string.rep("(", 5000) .. string.rep(")", 5000)
out("deep", balanced:match(deep))
-- Many captures grow the capture stack (reallocated with lua_getallocf's allocator).
local many = lpeg.match(Ct((C(1) / string.upper)^0), string.rep("abc", 4000))
out("many", #many, many[1], many[12000])
-- Substitutions larger than a luaL_Buffer's first block, and as many
-- captures as the stack takes (and one more than it does).
local doubled = lpeg.match(Cs((P(1) / "%0%0")^0), string.rep("abcdefghij", 20000))
out("big substitution", #doubled, doubled:sub(1, 12), doubled:sub(-6))
out("big table replacement", #lpeg.match(Cs((C(1) / { a = string.rep("A", 5000) })^0), string.rep("ab", 200)))
out("big string capture", #lpeg.match(C(P(1)^0) / string.upper, string.rep("z", 300000)))
out("many results", select("#", lpeg.match(C(1)^0, string.rep("x", 100000))))
try("too many results", lpeg.match, C(1)^0, string.rep("x", 1000000))
local positions = lpeg.match(Ct((C(1) * Cp())^0), string.rep("y", 100000))
out("many positions", #positions, positions[2], positions[#positions])
local sum = 0
for _, v in ipairs(lpeg.match(Ct((C(R"09"^1) / tonumber + 1)^0), string.rep("12 x 7,", 2000))) do sum = sum + v end
out("sum", sum)

-- Common idioms.
local space = S" \t\n"^0
local function split(s, sep)
  sep = P(sep)
  local elem = C((1 - sep)^0)
  return lpeg.match(Ct(elem * (sep * elem)^0), s)
end
out("split", split("a,b,,c", ","), split("", ","), split("one::two", "::"))
local function gsub(s, patt, repl)
  patt = P(patt)
  return lpeg.match(Cs((patt / repl + 1)^0), s)
end
out("gsub", gsub("hello world", "o", "0"), gsub("aaa", "a", "%0%0"))
local function anywhere(p) return P{ Cp() * p * Cp() + 1 * V(1) } end
out("anywhere", M(anywhere("world"), "hello world"))
local quoted = P'"' * Cs(((P'\\"' / '"') + (1 - P'"'))^0) * P'"'
out("quoted", M(space * quoted, '  "say \\"hi\\""'))
local utf8char = R"\0\127" + R"\194\223" * R"\128\191" + R"\224\239" * R"\128\191"^2 + R"\240\244" * R"\128\191"^3
out("utf8", M(Ct(C(utf8char)^0), "aé€😀"))

-- locale
local loc = lpeg.locale()
local names = {}
for k, v in pairs(loc) do names[#names + 1] = k .. ":" .. lpeg.type(v) end
table.sort(names)
out("locale", table.concat(names, " "))
out("locale use", M(C(loc.alpha^1) * loc.space^1 * C(loc.digit^1), "abc  123"))
local t = {}
out("locale into", lpeg.locale(t) == t, lpeg.type(t.alnum))

-- Errors raised from C (luaL_error, luaL_argerror) caught by pcall.
try("err left recursive", P, { "a", a = V"a" * "x" })
try("err empty loop", function() return (P"a"^0)^0 end)
try("err undefined rule", P, { "a", a = V"b" })
try("err no initial rule", P, { [1] = 7, a = P"x" })
try("err initial not rule", P, { "zz", a = P"x" })
try("err rule type", P, { "a", a = {} })
try("err B variable", lpeg.B, P"a"^1)
try("err B captures", lpeg.B, C"a")
try("err Cb missing", lpeg.match, Cb"nope", "x")
try("err Carg range", lpeg.match, Carg(3), "x", 1, "only")
try("err Carg zero", Carg, 0)
try("err bad P", P, coroutine.running())
try("err bad P nil", P)
try("err bad match", lpeg.match, P"a", {})
try("err bad match2", lpeg.match, {}, "a")
try("err bad R", R, "abc")
try("err bad S", S, {})
try("err bad /", function() return P"a" / true end)
try("err bad ^", function() return P"a" ^ "x" end)
try("err /string index", lpeg.match, C"a" / "%2", "a")
try("err /string bad escape", lpeg.match, C"a" / "%x", "a")
try("err Cmt bad return", lpeg.match, Cmt(1, function() return 10 end), "a")
try("err Cmt raises", lpeg.match, Cmt(1, function() error("inner", 0) end), "a")
try("err Cmt raises table", lpeg.match, Cmt(1, function() error({ code = 7 }) end), "a")
try("err function raises", lpeg.match, P(function() error("from P function") end), "a")
try("err /function raises", lpeg.match, P"a" / function() error("in replacement", 0) end, "a")
try("err Cf no initial", lpeg.match, Cf(Cc() * 1, print), "a")
try("err pcode", lpeg.pcode, P"a")
try("err method", P"a".match, nil, "a")
try("err grammar __index", P, setmetatable({}, { __index = function() error("no index here", 0) end }))
try("err bad name", lpeg.match, Cb({}), "x")
try("err rule name", P, { "a", a = V{} })
lpeg.setmaxstack(10)
try("err stack", lpeg.match, balanced, deep)
lpeg.setmaxstack(400)
try("err setmaxstack", lpeg.setmaxstack, 0)
out("after maxstack", balanced:match("((()))"))

-- Patterns across coroutines: a match runs inside a coroutine; a capture
-- function may not yield across LPeg's C frames.
local co = coroutine.wrap(function(s)
  while true do s = coroutine.yield(lpeg.match(Ct(C(R"az"^1) * (P"," * C(R"az"^1))^0), s)) end
end)
out("co1", co("a,b"))
out("co2", co("xx,yy,zz"))
local yielding = coroutine.wrap(function()
  return lpeg.match(P(function() coroutine.yield(1) return 1 end), "a")
end)
try("err yield", yielding)
local cmtco = coroutine.create(function()
  return lpeg.match(Cmt(1, function(s, i)
    local inner = coroutine.wrap(function() coroutine.yield(i * 10) end)
    return i, inner()
  end), "ab")
end)
out("co inside", coroutine.resume(cmtco))

-- Many patterns, collected: each pattern's user value (its table of Lua
-- values) must stay reachable while the pattern is, and go with it.
local kept = {}
for i = 1, 3000 do
  local p = C(P(tostring(i))) * Cc(i, { i }) / function(a, b, c) return a .. ":" .. b .. ":" .. c[1] end
  if i % 300 == 0 then kept[#kept + 1] = p end
end
collectgarbage()
collectgarbage()
local results = {}
for i, p in ipairs(kept) do results[i] = p:match(tostring(i * 300)) end
out("kept", results)
local weak = setmetatable({}, { __mode = "k" })
for i = 1, 200 do weak[P(i) * Cc(i)] = true end
-- A pattern has a finalizer: the first collection runs it, the second
-- removes the key.
collectgarbage()
collectgarbage()
local left = 0
for _ in pairs(weak) do left = left + 1 end
out("weak patterns left", left)

-- re
out("re.match", re.match("hello world", "{%a+}"), re.match("abc", "'a' {.} 'c'"), re.match("x", "'y'"))
out("re.find", re.find("hello world", "'wor'"), re.find("hello world", "{'o'}", 6), re.find("abc", "'z'"))
out("re.gsub", re.gsub("hello world", "'o'", "0"), re.gsub("a b c", "%s", ""), re.gsub("abc", "{.}", "%1%1"))
local list = re.compile([[
  list <- {| item (',' item)* |}
  item <- %s* { [^,]+ } %s*
]])
out("re list", list:match("a, b ,c"))
local kv = re.compile([[
  pairs <- {| (pair (';' / !.))* |}
  pair <- {:key: %w+ :} '=' {:value: %w+ :} -> {}
]])
out("re pairs", kv:match("a=1;bb=22;c=3"))
local defs = { num = R"09"^1 / tonumber, double = function(x) return x * 2 end }
local withDefs = re.compile("{| (%num -> double / .)* |}", defs)
out("re defs", withDefs:match("1 22 x 333"))
out("re captures", re.match("abc", "{~ 'a' -> 'A' {'b'} ~}"), re.match("abcd", "{| {.} {:x: . :} =x {} |}"),
    re.match("12", "{[0-9]+} -> '<%1>'"), re.match("key", "%w+ -> {}"), re.match("ab", "(. -> 'z')"),
    re.match("aa", "{:q: 'a' :} =q"))
out("re predicates", re.match("ab", "&'a' ."), re.match("ab", "!'b' {.}"), re.match("", "!."))
out("re classes", re.match("aB1_", "{[%l]} {[%u]} {%d} {[_]}"), re.match("-]", "{[]-]+}"),
    re.match("x y", "[%a%s]+"), re.match("b", "[^a]"))
out("re repetitions", re.match("aaaa", "{'a'^2}"), re.match("aaaa", "{'a'^+2}"), re.match("aaaa", "{'a'^-2}"),
    re.match("aa", "'a'?'a'?'a'?"))
out("re backref", re.match("xAx", "{:d: . :} 'A' =d"))
out("re fold", re.match("1 2 3", "{~ (%d+ / ' ' -> '') * ~}"))
local rec = re.compile([[ S <- '(' S* ')' ]])
out("re recursive", rec:match("(()(()))"), rec:match("(()"))
out("re updatelocale", pcall(re.updatelocale))

-- re errors (raised in re.lua with error(), after LPeg's own from C)
try("re err unclosed", re.compile, "[a")
try("re err bad", re.compile, "{ 'a'")
try("re err undefined name", re.compile, "%nothere")
try("re err undefined rule", re.compile, "a <- b")
try("re err trailing", re.compile, "'a' )")
try("re err left rec", re.compile, "a <- a 'x'")
try("re err rep", re.compile, "'a' ^ x")
try("re err bad def", re.compile, "%x", { x = {} })

-- Tracebacks through LPeg's C frames, and what the debug interface says
-- about its functions.
local function innerFailure(s, i)
  error("deep in a match-time capture")
end
print("traceback", select(2, xpcall(lpeg.match, debug.traceback, Cmt(1, innerFailure), "x")))
print("traceback nested", select(2, xpcall(function()
  return lpeg.match(P(function() return lpeg.match(Cmt(1, innerFailure), "y") end), "x")
end, debug.traceback)))
local info = debug.getinfo(lpeg.match)
out("getinfo", info.what, info.source, info.short_src, info.currentline, info.linedefined, info.nups, info.nparams,
    info.isvararg, info.istailcall)
local levels = {}
lpeg.match(Cmt(1, function()
  for level = 1, 4 do
    local ar = debug.getinfo(level, "nSl")
    levels[#levels + 1] = ar and string.format("%s %s %s %s", ar.what, tostring(ar.name), ar.short_src, ar.currentline)
  end
  return true
end), "x")
out("getinfo levels", levels)
out("metatable", getmetatable(P"a").__name, type(getmetatable(P"a").__index), getmetatable(P"a") == getmetatable(P(1)))
local ok, msg = pcall(setmetatable, P"a", {})
out("setmetatable pattern", ok, msg)

-- Loading: require's second result, package.loadlib and its errors.
local path = package.searchpath("lpeg", package.cpath)
out("searchpath", path ~= nil, path and path:match("[^/]+$"))
out("require again", select("#", require("lpeg")), require("lpeg") == lpeg, package.loaded.lpeg == lpeg)
local open = package.loadlib(path, "luaopen_lpeg")
out("loadlib", type(open), open and open() ~= lpeg, open and lpeg.type(open().P"a"))
out("loadlib star", package.loadlib(path, "*"))
local f, err, where = package.loadlib(path, "luaopen_nothing")
out("loadlib missing symbol", f, (err:gsub("^.*: ", "")), where)
f, err, where = package.loadlib("/nonexistent/lpeg.so", "luaopen_lpeg")
out("loadlib missing file", f, err, where)

-- Collect everything and check nothing broke.
collectgarbage()
out("after gc", re.match("end", "{.*}"), arith:match("6*7"))
print("OK")
