-- §6.8 Input and output facilities: io functions, file methods, the
-- default files, reading formats, lines iterators, closing rules.

local checks = require("modules.checks")
local errorOf, sortedKeys = checks.errorOf, checks.sortedKeys

-- library contents and the file metatable
assert(sortedKeys(io) ==
  "close flush input lines open output popen read stderr stdin stdout tmpfile type write")
local mt = getmetatable(io.stdout)
assert(sortedKeys(mt) == "__close __gc __index __name __tostring" and mt.__name == "FILE*")
assert(sortedKeys(mt.__index) == "close flush lines read seek setvbuf write")
assert(io.type(io.stdin) == "file" and io.type(io.stdout) == "file" and io.type(io.stderr) == "file")
assert(io.type(1) == nil and io.type({}) == nil and io.type(nil) == nil)
assert(errorOf("io.type()") == "t:1: bad argument #1 to 'type' (value expected)")
assert(io.input() == io.stdin and io.output() == io.stdout)

local name = os.tmpname()

-- write and read back
local f = assert(io.open(name, "w"))
assert(io.type(f) == "file")
assert(f:write("line1\n", 42, " ", 1.5, " ", 2^63, " ", 1.0, " ", -0.0, "\n") == f)
assert(f:write() == f)
f:write("0x1F -3e2 .5 12abc\n", "last line without newline")
assert(f:close() == true)
assert(io.type(f) == "closed file" and tostring(f) == "file (closed)")
assert(errorOf("local f = ...; f:write('x')", f) == "t:1: attempt to use a closed file")
assert(errorOf("local f = ...; f:read()", f) == "t:1: attempt to use a closed file")
assert(errorOf("local f = ...; f:close()", f) == "t:1: attempt to use a closed file")
assert(errorOf("local f = ...; f:lines()", f) == "t:1: attempt to use a closed file")
assert(errorOf("local f = ...; f:seek()", f) == "t:1: attempt to use a closed file")
assert(errorOf("local f = ...; f:flush()", f) == "t:1: attempt to use a closed file")
assert(errorOf("local f = ...; f:setvbuf('no')", f) == "t:1: attempt to use a closed file")

f = assert(io.open(name))
assert(f:read() == "line1")
assert(math.type(f:read("n")) == "integer")
local a, b, c = f:read("n", "n", "n")
assert(a == 1.5 and b == 9.2233720368548e+18 and c == 1 and math.type(c) == "integer")
assert(f:read("n") == 0 and f:read("l") == "")
a, b, c = f:read("n", "*n", "n")
assert(a == 31 and b == -300.0 and c == 0.5)
a, b = f:read("n", "l")
assert(a == 12 and b == "abc")
a, b = f:read("n", "l")
assert(a == nil and b == nil)   -- no numeral; reading stops
assert(f:read("L") == "last line without newline")
f:close()

f = assert(io.open(name, "rb"))
assert(f:read("L") == "line1\n")
assert(f:read(3) == "42 " and f:read(0) == "")
assert(f:seek("set", 2) == 2 and f:read(3) == "ne1")
assert(f:seek() == 5 and f:seek("cur", -5) == 0)
local all = f:read("a")
assert(f:read("a") == "" and f:read("l") == nil and f:read(0) == nil and f:read(5) == nil)
assert(f:read("n") == nil and f:read("L") == nil)
local size = f:seek("end")
assert(size == #all and f:seek("set") == 0)
assert(f:read(size + 100) == all)

assert(errorOf("local f = ...; f:read('x')", f) == "t:1: bad argument #1 to 'read' (invalid format)")
assert(errorOf("local f = ...; f:read({})", f) == "t:1: bad argument #1 to 'read' (string expected, got table)")
assert(errorOf("local f = ...; f:read(1.5)", f) == "t:1: bad argument #1 to 'read' (number has no integer representation)")
assert(errorOf("local f = ...; f:seek('bad')", f) == "t:1: bad argument #1 to 'seek' (invalid option 'bad')")
assert(errorOf("local f = ...; f:seek('set', 1.5)", f) == "t:1: bad argument #2 to 'seek' (number has no integer representation)")
assert(errorOf("local f = ...; f:setvbuf('x')", f) == "t:1: bad argument #1 to 'setvbuf' (invalid option 'x')")
assert(errorOf("local f = ...; f:setvbuf()", f) == "t:1: bad argument #1 to 'setvbuf' (string expected, got no value)")
assert(errorOf("io.stdout:write({})") == "t:1: bad argument #1 to 'write' (string expected, got table)")
assert(errorOf("io.stdout.write(1)") == "t:1: bad argument #1 to 'write' (FILE* expected, got number)")
local ok, msg, code = f:seek("set", -1)
assert(ok == nil and msg == "Invalid argument" and code == 22)
assert(f:setvbuf("full", 4096) == true and f:setvbuf("line") == true and f:setvbuf("no") == true)
assert(f:close())

-- modes
for _, mode in ipairs({"r", "w", "a", "r+", "w+", "a+", "rb", "wb", "ab", "r+b", "w+b", "a+b", "rbb"}) do
  local g = assert(io.open(name, mode))
  g:close()
end
for _, mode in ipairs({"", "x", "rw", "rb+", "+", "r+b+", "br"}) do
  assert(errorOf("io.open(...)", name, mode) == "t:1: bad argument #2 to 'open' (invalid mode)")
end
f = assert(io.open(name, "w+"))
f:write("hello")
assert(f:seek("set") == 0 and f:read("a") == "hello")
f:close()
f = assert(io.open(name, "a+"))
f:write(" world")
f:seek("set")
assert(f:read("a") == "hello world")
f:close()
f = assert(io.open(name, "r+"))
f:write("J")
f:seek("set")
assert(f:read("a") == "Jello world")
f:close()
local missing = name .. ".missing/x"
ok, msg, code = io.open(missing)
assert(ok == nil and msg == missing .. ": No such file or directory" and code == 2)
assert(errorOf("io.open()") == "t:1: bad argument #1 to 'open' (string expected, got no value)")

-- lines
f = assert(io.open(name, "w"))
f:write("a\nbb\n\nccc\n12 13\nlast")
f:close()
local lines = {}
for l in io.lines(name) do lines[#lines + 1] = l end
assert(table.concat(lines, "|") == "a|bb||ccc|12 13|last")
lines = {}
for l in io.lines(name, "L") do lines[#lines + 1] = l end
assert(table.concat(lines, "|") == "a\n|bb\n|\n|ccc\n|12 13\n|last")
lines = {}
for a, b in io.lines(name, 1, "l") do lines[#lines + 1] = a .. "," .. b end
assert(table.concat(lines, "|") == "a,|b,b|\n,ccc|1,2 13|l,ast")
local n = 0
for x in io.lines(name, "a") do n = n + 1; if n > 3 then break end end
assert(n > 3)   -- "a" never fails
f = assert(io.open(name))
lines = {}
for l in f:lines() do lines[#lines + 1] = l end
assert(#lines == 6 and io.type(f) == "file")   -- file:lines does not close
assert(f:read() == nil)
f:seek("set")
local it = f:lines("n")
assert(it() == nil)   -- 'a' is no number
f:close()
assert(errorOf("(...)()", it) == "t:1: file is already closed")
it = io.lines(name)
assert(it() == "a")
local iterator, state, control, closing = io.lines(name)
assert(state == nil and control == nil and io.type(closing) == "file")
closing:close()
assert(errorOf("(...)()", iterator) == "t:1: file is already closed")
-- io.lines closes its file at the end of the loop and on break (to-be-closed)
local seen
for l in io.lines(name) do seen = l end
assert(seen == "last")
assert(errorOf("io.lines(...)", missing) == "t:1: cannot open file '" .. missing .. "' (No such file or directory)")
local many = {}
for i = 1, 251 do many[i] = "l" end
assert(errorOf("io.lines(...)", name, table.unpack(many)) == "t:1: bad argument #252 to 'lines' (too many arguments)")

-- default input and output
local out = os.tmpname()
assert(io.output(out) ~= io.stdout and io.type(io.output()) == "file")
assert(io.write("x", 1, "\n") == io.output())
io.write("second\n")
assert(io.flush() == true)
local written = io.output()
io.output(io.stdout)
assert(io.close(written) == true)
assert(io.input(out) == io.input())
assert(io.read() == "x1" and io.read("L") == "second\n" and io.read() == nil)
lines = {}
io.input(out)
for l in io.lines() do lines[#lines + 1] = l end
assert(table.concat(lines, "|") == "x1|second")
assert(io.type(io.input()) == "file")   -- io.lines() does not close the default input
io.input():close()
assert(errorOf("io.read()") == "t:1: default input file is closed")
assert(errorOf("io.lines()") == "t:1: attempt to use a closed file")
assert(errorOf("io.input(io.input())") == "t:1: attempt to use a closed file")
assert(errorOf("io.input({})") == "t:1: bad argument #1 to 'input' (FILE* expected, got table)")
assert(errorOf("io.output(...)", missing) == "t:1: cannot open file '" .. missing .. "' (No such file or directory)")
io.input(io.stdin)
local saved = io.output()
io.output(name)
io.close()
assert(errorOf("io.write('x')") == "t:1: default output file is closed")
io.output(saved)

-- standard files are never closed
ok, msg = io.stdout:close()
assert(ok == nil and msg == "cannot close standard file" and io.type(io.stdout) == "file")
ok, msg = io.close()
assert(ok == nil and msg == "cannot close standard file")

-- tmpfile
f = assert(io.tmpfile())
f:write("temp", 1)
f:seek("set")
assert(f:read("a") == "temp1")
f:close()

-- popen
local p = assert(io.popen("echo hi; exit 3"))
assert(p:read("a") == "hi\n")
ok, msg, code = p:close()
assert(ok == nil and msg == "exit" and code == 3)
p = assert(io.popen("cat > " .. out, "w"))
p:write("through a pipe")
ok, msg, code = p:close()
assert(ok == true and msg == "exit" and code == 0)
f = assert(io.open(out))
assert(f:read("a") == "through a pipe")
f:close()
assert(errorOf("io.popen('ls', 'rw')") == "t:1: bad argument #2 to 'popen' (invalid mode)")

-- to-be-closed and collected files are closed, and their output flushed
do
  local g <close> = assert(io.open(out, "w"))
  g:write("closed by __close")
  f = g
end
assert(io.type(f) == "closed file")
do
  local g = assert(io.open(out, "w"))
  g:write("closed by __gc")
  g = nil
  collectgarbage()
  collectgarbage()
end
f = assert(io.open(out))
assert(f:read("a") == "closed by __gc")
f:close()

-- tostring
f = assert(io.open(name))
assert(tostring(f) ~= "file (closed)" and #tostring(f) > 8)
f:close()

-- The file metatable's __gc and __close, called by hand, check their
-- argument like the other methods; on a file they close it.
do
  local mt = getmetatable(io.stdout)
  assert(errorOf("local mt = ...; mt.__gc()", mt) == "t:1: bad argument #1 to '__gc' (FILE* expected, got no value)")
  assert(errorOf("local mt = ...; mt.__close()", mt) == "t:1: bad argument #1 to '__close' (FILE* expected, got no value)")
  assert(errorOf("local mt = ...; mt.__gc({})", mt) == "t:1: bad argument #1 to '__gc' (FILE* expected, got table)")
  local f = io.tmpfile()
  mt.__close(f)
  assert(io.type(f) == "closed file")
  mt.__gc(f)  -- already closed: nothing to do
  mt.__gc(io.stdout)  -- a standard file stays open
  assert(io.type(io.stdout) == "file")
end

assert(os.remove(name) and os.remove(out))
print("OK")
