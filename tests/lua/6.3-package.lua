-- §6.3 Modules: require, package.loaded, preload, path searching.
-- Run from tests/lua (modules live in ./modules).
package.path = "./?.lua"

-- a Lua module is loaded once, gets its name and file, is cached
local m = require("modules.counter")
assert(m.name == "modules.counter" and m.file == "./modules/counter.lua", "loader arguments")
assert(package.loaded["modules.counter"] == m, "cached in package.loaded")
assert(require("modules.counter") == m and loadCount == 1, "loaded once")
local again, extra = require("modules.counter")
assert(again == m and extra == nil, "cached result: no second value")

-- a module returning nothing is recorded as true
assert(require("modules.noreturn") == true and sideEffect == "ran", "no value: true")
assert(package.loaded["modules.noreturn"] == true, "true in loaded")

-- preload comes first
package.preload["virtual.mod"] = function(name, extra)
  return {name = name, extra = extra}
end
local v, x = require("virtual.mod")
assert(v.name == "virtual.mod" and v.extra == ":preload:" and x == ":preload:", "preload loader")

-- errors
local ok, e = pcall(require, "modules.broken")
assert(not ok and e == "error loading module 'modules.broken' from file './modules/broken.lua':\n\t" ..
  "./modules/broken.lua:2: unexpected symbol near '='", e)
ok, e = pcall(require, "modules.raises")
assert(not ok and e == "./modules/raises.lua:2: raised while loading", e)
package.cpath = ""
ok, e = pcall(require, "no.such.module")
assert(not ok and e == "module 'no.such.module' not found:\n\tno field package.preload['no.such.module']\n\t" ..
  "no file './no/such/module.lua'\n\tno file ''\n\tno file ''", e)
ok, e = pcall(require)
assert(not ok and e == "bad argument #1 to 'require' (string expected, got no value)", e)

-- searchpath
local found, msg = package.searchpath("modules.counter", "./?.x;./?.lua")
assert(found == "./modules/counter.lua" and msg == nil, "searchpath finds")
found, msg = package.searchpath("a.b", "./?.lua;/nowhere/?/init.lua")
assert(found == nil and msg == "no file './a/b.lua'\n\tno file '/nowhere/a/b/init.lua'", msg)
found = package.searchpath("modules-counter", "./?.lua", "-", "/")
assert(found == "./modules/counter.lua", "custom separator")

-- the package table
assert(package.config == "/\n;\n?\n!\n-\n", "config")
assert(type(package.searchers) == "table" and #package.searchers == 4, "four searchers")
assert(package.loaded._G == _G and package.loaded.coroutine == coroutine and package.loaded.package == package,
  "libraries are loaded modules")
local names = {}
for k in pairs(package) do names[#names + 1] = k end
assert(#names == 8, "package fields: " .. #names)

-- require and the preload searcher use the registry's tables, whatever
-- package.loaded and package.preload are later set to.
do
  local registry = debug.getregistry()
  assert(registry._LOADED == package.loaded and registry._PRELOAD == package.preload, "registry tables")
  local loaded, preload = package.loaded, package.preload
  package.loaded, package.preload = {}, {}
  assert(require("string") == string, "require still finds string")
  preload["from.registry"] = function(name) return {name = name} end
  assert(require("from.registry").name == "from.registry", "preload in the registry's table")
  assert(loaded["from.registry"] ~= nil and package.loaded["from.registry"] == nil, "stored in the registry's table")
  package.loaded, package.preload = loaded, preload
  loaded["from.registry"], preload["from.registry"] = nil, nil
end

print("OK")
