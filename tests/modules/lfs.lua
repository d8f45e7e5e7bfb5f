-- Debian's lua-filesystem on Tycho, in a directory of its own under
-- os.tmpname()'s: attributes of files, directories and links, mkdir/rmdir,
-- directory iteration (a userdata with __gc and __close, the generic for's
-- closing value), touch, lock/unlock on io handles (luaL_Stream, checked
-- with luaL_checkudata against LUA_FILEHANDLE), lock_dir, currentdir/chdir,
-- and the nil, message, errno results of failures. Only paths relative to
-- that directory are printed.
-- The script has its module's name: keep require from finding it in ".".
package.path = (arg[0]:match("^.*/") or "") .. "lib/?.lua;" .. package.path:gsub(";%./[^;]*", "")
local show = require("show")
local lfs = require("lfs")

local name = os.tmpname()
os.remove(name)
local root = name .. "-lfs"
local start = lfs.currentdir()

-- Results with the temporary directory's path replaced by "<root>".
local function hide(...)
  local r = table.pack(...)
  for i = 1, r.n do
    if type(r[i]) == "string" then r[i] = r[i]:gsub(root:gsub("%p", "%%%0"), "<root>") end
  end
  return table.unpack(r, 1, r.n)
end
local function out(label, ...)
  print(label, show.showAll(hide(...)))
end

local function try(label, f, ...)
  print(label, (hide(show.try(f, ...))))
end

local function write(path, text)
  local f = assert(io.open(path, "wb"))
  f:write(text)
  f:close()
end

local function listing(dir)
  local names = {}
  for entry in lfs.dir(dir) do names[#names + 1] = entry end
  table.sort(names)
  return table.concat(names, " ")
end

-- The attributes that do not depend on the machine or the moment.
local function stable(a)
  if type(a) ~= "table" then return a end
  return { mode = a.mode, size = a.mode == "file" and a.size or nil, nlink = a.nlink, target = a.target,
           permissions = a.permissions and #a.permissions, keys = (function()
             local k = {}
             for key in pairs(a) do k[#k + 1] = key end
             table.sort(k)
             return table.concat(k, " ")
           end)() }
end

out("version", lfs._VERSION, type(lfs._COPYRIGHT), type(lfs._DESCRIPTION))

-- mkdir and rmdir.
out("mkdir", lfs.mkdir(root))
out("mkdir again", lfs.mkdir(root))
out("mkdir sub", lfs.mkdir(root .. "/sub"), lfs.mkdir(root .. "/sub/deeper"), lfs.mkdir(root .. "/gone"))
out("rmdir", lfs.rmdir(root .. "/gone"))
out("rmdir missing", lfs.rmdir(root .. "/gone"))
out("rmdir not empty", lfs.rmdir(root .. "/sub"))
out("rmdir file", (function() write(root .. "/plain", "x") return lfs.rmdir(root .. "/plain") end)())
os.remove(root .. "/plain")
out("mkdir in missing", lfs.mkdir(root .. "/no/such"))

-- Files and their attributes.
write(root .. "/a.txt", "hello")
write(root .. "/b.bin", string.rep("\0\1\2", 1000))
write(root .. "/sub/c.txt", "")
out("attributes file", stable(lfs.attributes(root .. "/a.txt")))
out("attributes dir", stable(lfs.attributes(root .. "/sub")))
out("attributes sizes", lfs.attributes(root .. "/a.txt", "size"), lfs.attributes(root .. "/b.bin", "size"),
    lfs.attributes(root .. "/sub/c.txt", "size"))
out("attributes modes", lfs.attributes(root .. "/a.txt", "mode"), lfs.attributes(root, "mode"),
    lfs.attributes("/dev/null", "mode"))
local into = {}
local same = lfs.attributes(root .. "/a.txt", into)
out("attributes into table", same == into, into.size, into.mode)
local a1, a2 = lfs.attributes(root .. "/a.txt"), lfs.attributes(root .. "/sub/../a.txt")
out("attributes same inode", a1.ino == a2.ino, a1.dev == a2.dev, math.type(a1.ino), math.type(a1.modification))
out("attributes permissions", lfs.attributes(root .. "/a.txt", "permissions"):match("^[r-][w-][x-]") ~= nil)
out("attributes missing", lfs.attributes(root .. "/missing"))
out("attributes missing request", lfs.attributes(root .. "/missing", "size"))
try("attributes bad request", lfs.attributes, root, "colour")
try("attributes bad path", lfs.attributes, {})
try("attributes no path", lfs.attributes)

-- Directory iteration.
out("dir", listing(root), listing(root .. "/sub"))
for i = 1, 50 do write(string.format("%s/sub/deeper/f%02d", root, i), tostring(i)) end
out("dir many", #listing(root .. "/sub/deeper"), listing(root .. "/sub/deeper"):sub(1, 30))
local iter, d = lfs.dir(root)
out("dir object", type(iter), type(d), getmetatable(d) ~= nil)
local names = {}
for entry in d.next, d do names[#names + 1] = entry end
table.sort(names)
out("dir methods", table.concat(names, " "))
-- The iterator closed the directory when it reached its end.
try("dir next after end", d.next, d)
d:close()
d:close()
try("dir next after close", d.next, d)
try("dir iter after close", iter, d)
-- Leaving a generic for with break closes the directory (its fourth value).
local it2, d2, init2, closing = lfs.dir(root)
out("dir closing value", init2, closing == d2)
for _ in it2, d2, init2, closing do break end
try("dir closed by break", d2.next, d2)
-- A loop that raises closes it too.
local it3, d3, i3, c3 = lfs.dir(root)
print("dir closed by error", pcall(function() for _ in it3, d3, i3, c3 do error("stop", 0) end end))
try("dir closed by error", d3.next, d3)
out("dir missing", pcall(lfs.dir, root .. "/missing"))
try("dir bad", lfs.dir, {})
-- Directory objects left open are closed by their finalizers.
for _ = 1, 2000 do
  local _, dd = lfs.dir(root)
  dd:next()
end
collectgarbage()
collectgarbage()
out("dir after gc", listing(root))

-- touch.
out("touch", lfs.touch(root .. "/a.txt", 1000000000, 1234567890))
out("touch times", lfs.attributes(root .. "/a.txt", "access"), lfs.attributes(root .. "/a.txt", "modification"))
out("touch one time", lfs.touch(root .. "/a.txt", 1500000000))
out("touch one times", lfs.attributes(root .. "/a.txt", "access"), lfs.attributes(root .. "/a.txt", "modification"))
out("touch now", lfs.touch(root .. "/a.txt"), os.time() - lfs.attributes(root .. "/a.txt", "modification") < 100)
out("touch dir", lfs.touch(root .. "/sub", 42, 43), lfs.attributes(root .. "/sub", "modification"))
out("touch missing", lfs.touch(root .. "/missing", 1, 2))
try("touch bad time", lfs.touch, root .. "/a.txt", "soon")

-- Links.
out("symlink", lfs.link("a.txt", root .. "/soft", true))
out("hard link", lfs.link(root .. "/a.txt", root .. "/hard"))
out("link exists", lfs.link("a.txt", root .. "/soft", true))
out("link attributes", stable(lfs.attributes(root .. "/soft")), lfs.attributes(root .. "/hard", "nlink"))
out("symlinkattributes", stable(lfs.symlinkattributes(root .. "/soft")))
out("symlinkattributes target", lfs.symlinkattributes(root .. "/soft", "target"),
    lfs.symlinkattributes(root .. "/soft", "mode"), lfs.symlinkattributes(root .. "/a.txt", "mode"))
out("symlinkattributes file", stable(lfs.symlinkattributes(root .. "/a.txt")))
out("dangling", lfs.link("nowhere", root .. "/dangling", true), lfs.symlinkattributes(root .. "/dangling", "target"))
out("dangling attributes", lfs.attributes(root .. "/dangling"))
out("symlinkattributes missing", lfs.symlinkattributes(root .. "/missing"))
out("dir with links", listing(root))

-- currentdir and chdir, and back.
out("chdir", lfs.chdir(root))
out("currentdir", lfs.currentdir() == root or lfs.currentdir():sub(-#(root:match("[^/]+$"))) == root:match("[^/]+$"))
out("relative", lfs.attributes("a.txt", "size"), listing("."), lfs.attributes("sub/c.txt", "mode"))
out("chdir sub", lfs.chdir("sub"), listing("."), lfs.chdir(".."))
out("chdir missing", lfs.chdir("missing"))
out("chdir file", lfs.chdir("a.txt"))
out("chdir back", lfs.chdir(start), lfs.currentdir() == start)

-- lock and unlock on io handles.
local f = assert(io.open(root .. "/a.txt", "r+"))
out("lock", lfs.lock(f, "w"))
out("unlock", lfs.unlock(f))
out("lock read", lfs.lock(f, "r"), lfs.unlock(f))
out("lock range", lfs.lock(f, "w", 1, 2), lfs.unlock(f, 1, 2))
f:write("HE")
f:seek("set")
out("file still works", f:read("a"))
try("lock bad mode", lfs.lock, f, "x")
try("lock string", lfs.lock, "a.txt", "w")
try("lock table", lfs.lock, {}, "w")
try("unlock string", lfs.unlock, "a.txt")
f:close()
try("lock closed", lfs.lock, f, "w")
try("unlock closed", lfs.unlock, f)
local ro = assert(io.open(root .. "/a.txt", "r"))
out("lock write on read-only", lfs.lock(ro, "w"))
ro:close()
local tmp = io.tmpfile()
out("lock tmpfile", lfs.lock(tmp, "w"), lfs.unlock(tmp))
tmp:close()
out("setmode", lfs.setmode(io.stdout, "binary"), lfs.setmode(io.stdout, "text"))
try("setmode bad", lfs.setmode, io.stdout, "sideways")
local p = io.popen("true")
out("lock popen", lfs.lock(p, "r"))
p:close()

-- lock_dir: a lock file in the directory, freed by :free() or by its finalizer.
local lock = lfs.lock_dir(root)
out("lock_dir", type(lock), lfs.symlinkattributes(root .. "/lockfile.lfs", "mode"))
out("lock_dir again", lfs.lock_dir(root))
lock:free()
out("lock_dir freed", lfs.symlinkattributes(root .. "/lockfile.lfs", "mode"))
lfs.lock_dir(root)
collectgarbage()
collectgarbage()
out("lock_dir collected", lfs.symlinkattributes(root .. "/lockfile.lfs", "mode"))
out("lock_dir missing", lfs.lock_dir(root .. "/missing"))

-- A lock_dir left to the end of a program, in a child interpreter (this
-- one): closing the state runs the lock's finalizer, which removes the lock
-- file; os.exit without closing leaves it (and the lock's memory, which a
-- sanitizer's leak check must not count: as in Lua, by design).
local level = -1
while arg[level - 1] do level = level - 1 end
local function child(code)
  local command = string.format("ASAN_OPTIONS=detect_leaks=0 %s -e 'package.path = \"\" lfs = require \"lfs\" %s' 2>/dev/null",
                                arg[level], code)
  local ok, how, status = os.execute(command)
  return how .. " " .. status .. " " .. tostring(lfs.symlinkattributes(root .. "/lockfile.lfs", "mode"))
end
out("lock_dir at exit", child(string.format('lfs.lock_dir("%s")', root)))
out("lock_dir at os.exit closing", child(string.format('lfs.lock_dir("%s") os.exit(3, true)', root)))
out("lock_dir at os.exit", child(string.format('lfs.lock_dir("%s") os.exit(true)', root)))
os.remove(root .. "/lockfile.lfs")
out("lock_dir at error", child(string.format('lfs.lock_dir("%s") error("stop")', root)))

-- The same operations from a coroutine.
local co = coroutine.wrap(function()
  for entry in lfs.dir(root .. "/sub") do coroutine.yield(entry) end
  return "done"
end)
local seen = {}
for _ = 1, 10 do
  local v = co()
  if v == "done" then break end
  seen[#seen + 1] = v
end
table.sort(seen)
out("coroutine dir", table.concat(seen, " "))

-- Clean up.
for i = 1, 50 do os.remove(string.format("%s/sub/deeper/f%02d", root, i)) end
for _, file in ipairs{ "a.txt", "b.bin", "sub/c.txt", "soft", "hard", "dangling" } do
  assert(os.remove(root .. "/" .. file))
end
out("cleanup", lfs.rmdir(root .. "/sub/deeper"), lfs.rmdir(root .. "/sub"), listing(root), lfs.rmdir(root))
out("gone", lfs.attributes(root, "mode"))
print("OK")
