-- The command line's --memory-limit: a state's memory limit (Tycho-only; the
-- lua command has no such option). Past the limit an allocation fails, after
-- an emergency collection, with the memory error of §4.4.1 ("not enough
-- memory"), which pcall catches; the state goes on. Uncaught, it ends the
-- script as lua.c ends it: the message, no traceback, exit status 1.
local tycho = arg[-1]
assert(tycho, "the interpreter's path is arg[-1]")

-- Runs `code` under the interpreter with the given options; its output
-- (stdout and stderr) and whether it exited with status 0.
local function run(options, code)
  local name = os.tmpname()
  local f = assert(io.open(name, "w"))
  f:write(code)
  f:close()
  local p = assert(io.popen(string.format("%q %s %q 2>&1", tycho, options, name)))
  local out = p:read("a")
  local ok = p:close()
  os.remove(name)
  return out, ok
end

-- Caught: the state is usable afterwards, and its heap is under the limit.
local out, ok = run("--memory-limit=8M", [[
  local ok, msg = pcall(function()
    local t = {}
    for i = 1, 1e8 do t[i] = {i} end
  end)
  assert(not ok and msg == "not enough memory", tostring(msg))
  assert(collectgarbage("count") < 8 * 1024)
  local s = 0
  for i = 1, 1000 do s = s + #tostring(i) end
  print(s)
]])
assert(ok and out == "2893\n", out)

-- Garbage never counts against the limit: a loop that allocates far more
-- than the limit in total, keeping little, runs to the end.
out, ok = run("--memory-limit=4M", [[
  local n = 0
  for i = 1, 200000 do local t = {i, tostring(i)} n = n + #t end
  print(n)
]])
assert(ok and out == "400000\n", out)

-- One large block past the limit (a 16 MB string) fails at once.
out, ok = run("--memory-limit=4M", [[
  print(pcall(string.rep, "x", 16 * 1024 * 1024))
]])
assert(ok and out == "false\tnot enough memory\n", out)

-- Uncaught: the message alone and a failed exit; files written before are
-- complete (io flushes and closes them at exit).
local written = os.tmpname()
out, ok = run("--memory-limit=8M", string.format([[
  local f = assert(io.open(%q, "w"))
  f:write("kept before the error")
  local t = {}
  for i = 1, 1e8 do t[i] = tostring(i) end
]], written))
assert(not ok and out:match("^[^\n]*: not enough memory\n$"), out)
local f = assert(io.open(written))
assert(f:read("a") == "kept before the error")
f:close()
os.remove(written)

-- Sizes: a byte count with an optional K, M or G suffix.
out, ok = run("--memory-limit=1G", "print(collectgarbage('count') > 0)")
assert(ok and out == "true\n", out)
out, ok = run("--memory-limit=262144", "print('fits')")
assert(ok and out == "fits\n", out)
for _, bad in ipairs{"abc", "0", "12X", "-5", "99999999999999G", ""} do
  out, ok = run("--memory-limit=" .. bad, "print('ran')")
  assert(not ok and out:match("bad memory limit"), bad .. ": " .. out)
end

-- A limit too small for the standard library: a clean error, no crash.
out, ok = run("--memory-limit=10K", "print('ran')")
assert(not ok and out:match("not enough memory"), out)

print("OK")
