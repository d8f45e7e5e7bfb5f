-- Debian's lua-term on Tycho, without a terminal: the escape strings of
-- term.colors (tables with __tostring, __concat and __call), the cursor and
-- clearing functions writing to a file, and term.isatty, a C function that
-- takes an io handle with luaL_checkudata(L, -1, LUA_FILEHANDLE).
-- The script has its module's name: keep require from finding it in ".".
package.path = (arg[0]:match("^.*/") or "") .. "lib/?.lua;" .. package.path:gsub(";%./[^;]*", "")
local show = require("show")
local term = require("term")

local function out(label, ...)
  print(label, show.showAll(...))
end
-- "term" and "term.core" are the same table in package.loaded, so an
-- argument error names the function after whichever of the two the search
-- of package.loaded meets first: hash order, which varies from run to run
-- in lua5.4 itself. Messages say "term." for both.
local function try(label, f, ...)
  print(label, (show.try(f, ...):gsub("'term%.core%.", "'term.")))
end

out("core", require("term.core") == term)
local names = {}
for k, v in pairs(term) do names[#names + 1] = k .. ":" .. type(v) end
table.sort(names)
out("members", table.concat(names, " "))

-- Colors.
local colors = term.colors
local list = {}
for k in pairs(colors) do list[#list + 1] = k end
table.sort(list)
for _, k in ipairs(list) do print("color", k, show.show(tostring(colors[k]))) end
out("concat", colors.red .. "text", "text" .. colors.reset, colors.bright .. colors.blue)
out("call", colors.green("go"), colors.onyellow(colors.black("warn")))
out("call number", colors.red(42))
out("nested", tostring(colors.red) .. colors.underscore("u") .. tostring(colors.reset))

-- The escape functions, written to a file (and to io.stdout's default).
local f = io.tmpfile()
term.clear(f)
term.cleareol(f)
term.cursor["goto"](f, 3, 14)
term.cursor.jump(f, 1, 1)
term.cursor.goup(f, 2)
term.cursor.godown(f, 3)
term.cursor.goright(f, 4)
term.cursor.goleft(f, 5)
term.cursor.save(f)
term.cursor.restore(f)
f:seek("set")
out("escapes", f:read("a"))
f:close()
out("cursor names", (function()
  local n = {}
  for k in pairs(term.cursor) do n[#n + 1] = k end
  table.sort(n)
  return table.concat(n, " ")
end)())
-- Without a handle they write to the io.stdout they captured when term
-- loaded, not to io.output().
local old = io.output()
local g = io.tmpfile()
io.output(g)
term.clear()
term.cursor["goto"](7, 8)
io.output(old)
g:seek("set")
print()
out("not io.output", g:read("a"))
g:close()

-- isatty: nothing here is a terminal (stdin is /dev/null, stdout a pipe or file).
out("isatty stdio", term.isatty(io.stdin), term.isatty(io.stdout), term.isatty(io.stderr))
local tmp = io.tmpfile()
out("isatty tmpfile", term.isatty(tmp))
tmp:close()
local dev = assert(io.open("/dev/null", "w"))
out("isatty /dev/null", term.isatty(dev))
dev:close()
local p = io.popen("true")
out("isatty popen", term.isatty(p))
p:close()
-- luaL_checkudata on the last argument (index -1).
out("isatty extra arguments", term.isatty(1, io.stdout))
try("isatty string", term.isatty, "stdout")
try("isatty table", term.isatty, {})
try("isatty last not file", term.isatty, io.stdout, 1)
local co = coroutine.wrap(function() return term.isatty(io.stdout), colors.cyan("co") end)
out("coroutine", co())
print("OK")
