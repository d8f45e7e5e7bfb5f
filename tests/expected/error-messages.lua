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

-- §3.4.10: a call written across lines is at the line of its arguments'
-- first token ('(', a string, '{'), not of the called expression (5.4.4).
run("call-paren", "local f\nf\n(\n1)")
run("call-global", "g\n(\n)")
run("call-field", "local t = {}\nt.a\n.b\n(\n1)")
run("call-method", "local t = {}\nt\n:m\n(\n1)")
run("call-method-string", "local t = {}\nt\n:m\n'x'")
run("call-table", "local f\nf\n{\n1}")
run("call-string", "local f\nf\n'x'")
run("call-in-local", "local f\nlocal x = f\n(\n1)")
run("call-in-return", "return \n  f\n(\n2)")
run("call-field-in-return", "local g = {}\nreturn \n  g.f\n(\n2)")
run("call-chain", "local function f() end\nf\n(\n)\n(\n)")
run("call-argument", "local t = {}\nprint(\n  t.x\n  (\n  ))")
run("unclosed-call", "a.b\n(\n1")
run("unclosed-method-call", "x = a\n:b\n(\n1\n")
-- §3.3.5: a generic for's iterator is called at the line of the expression
-- after `in`.
run("for-iterator", "for k in\n 1 do end")
run("for-iterator-list", "for k in\n nil,\n 2 do end")
run("for-iterator-local", "local t = 1\nfor k in\n t\n do end")
run("for-iterator-call", "local function f() return 1 end\nfor k in\n f\n (\n ) do end")
