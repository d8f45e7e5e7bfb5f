-- Runtime error messages where Lua 5.4.8 differs from Debian's 5.4.4 (its
-- output is error-messages.expected). Each case is a chunk run under pcall;
-- the message is printed.

local function run(title, source)
  local f, err = load(source, "=" .. title)
  if not f then
    print(err)
    return
  end
  local ok, msg = pcall(f)
  print(ok and (title .. ": no error") or msg)
end

-- §2.2: only a local or an upvalue named _ENV is the environment; a field
-- or a constant of that name gives no global.
run("env-field", "local a = {_ENV = {}} return a._ENV.x.y")
run("env-field-store", "local a = {_ENV = {}} a._ENV.x.y = 1")
run("env-field-call", "local t = {_ENV = {}} t._ENV.x()")
run("env-constant", "return ('_ENV').x.y")
run("env-constant-call", "return ('_ENV').x()")
run("env-local", "local _ENV = {} return x.y")
run("env-upvalue", "local _ENV = {} return (function() return x.y end)()")
