-- §2.3: error messages that name a value or a module whose name holds a NUL
-- byte. Lua's names are C strings: a name ends at its first NUL, and the
-- message goes on after it (nothing after the name is lost).

local function message(f, ...)
  local ok, e = pcall(f, ...)
  assert(not ok)
  return e
end

local e = message(function() return ~"a\0b" end)
assert(e:match("^.-:%d+: attempt to perform bitwise operation on a string value %(constant 'a'%)$"), e)

e = message(function() local t = {} return t["k\0x"].y end)
assert(e:match("attempt to index a nil value %(field 'k'%)$"), e)

e = message(function() local a = {} a["f\0g"]() end)
assert(e:match("attempt to call a nil value %(field 'f'%)$"), e)

-- a __name with a NUL names the type up to it
e = message(function() return setmetatable({}, {__name = "My\0Type"}) .. "x" end)
assert(e:match("attempt to concatenate a My value$"), e)

-- require: the module name is the part before the NUL, everywhere
do
  local savedPath, savedCPath = package.path, package.cpath
  package.path = "./?.lua;/nonexistent/?/init.lua"
  package.cpath = "./?.so"
  e = message(require, "mod\0ule")
  assert(e == "module 'mod' not found:\n" ..
              "\tno field package.preload['mod']\n" ..
              "\tno file './mod.lua'\n" ..
              "\tno file '/nonexistent/mod/init.lua'\n" ..
              "\tno file './mod.so'", e)
  -- (the searchers see the name before the NUL, the loader the argument)
  package.preload["pre"] = function(name) return "loaded as " .. name end
  assert(require("pre\0fix") == "loaded as pre\0fix")
  assert(package.loaded["pre"] == "loaded as pre\0fix" and package.loaded["pre\0fix"] == nil)
  package.path, package.cpath = savedPath, savedCPath
end

-- the error object itself is not a name: error() keeps every byte
e = message(error, "a\0b")
assert(e == "a\0b")

print("OK")
