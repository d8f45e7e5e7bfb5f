-- Debian's lua-cjson on Tycho: encode and decode of nested structures,
-- numbers, strings with escapes and UTF-8, cjson.null, sparse arrays, the
-- configuration functions, errors and their messages, cjson.new and
-- cjson.safe. Each cjson instance keeps its configuration in a userdata
-- upvalue with a __gc metamethod, reads tables with lua_next and lua_rawgeti,
-- and raises its errors with luaL_error and luaL_argerror from C.
-- The script has its module's name: keep require from finding it in ".".
package.path = (arg[0]:match("^.*/") or "") .. "lib/?.lua;" .. package.path:gsub(";%./[^;]*", "")
local show = require("show")
local cjson = require("cjson")
local safe = require("cjson.safe")

local function out(label, ...)
  print(label, show.showAll(...))
end
local function try(label, f, ...)
  print(label, show.try(f, ...))
end

-- The members of a JSON object come in lua_next's order, which the manual
-- leaves undefined: objects with more than one member are shown decoded,
-- with the length and the sorted bytes of their text.
local function canonical(text)
  local bytes = {}
  for i = 1, #text do bytes[i] = text:sub(i, i) end
  table.sort(bytes)
  return #text .. ":" .. table.concat(bytes)
end

out("module", cjson._NAME, cjson._VERSION, safe._NAME, type(cjson.null), cjson.null == safe.null)

-- Scalars.
out("encode scalars", cjson.encode(nil), cjson.encode(true), cjson.encode(false), cjson.encode(cjson.null))
out("encode integers", cjson.encode(0), cjson.encode(3), cjson.encode(-42), cjson.encode(math.maxinteger),
    cjson.encode(math.mininteger), cjson.encode(2^53), cjson.encode(123456789012))
out("encode floats", cjson.encode(0.1), cjson.encode(1 / 3), cjson.encode(-0.0), cjson.encode(1e300),
    cjson.encode(-2.5e-300), cjson.encode(5e-324), cjson.encode(1.0), cjson.encode(100.25))
out("decode numbers", cjson.decode("1"), cjson.decode("-0"), cjson.decode("1.5"), cjson.decode("1e400"),
    cjson.decode("-1e400"), cjson.decode("-1e-400"), cjson.decode("123456789012345678"), cjson.decode("0.1e1"),
    cjson.decode("1E+2"), cjson.decode("  7  "))
for _, s in ipairs{ "1", "-0", "2.5", "1e2", "9007199254740993" } do
  local v = cjson.decode(s)
  print("number type", s, math.type(v), 1 / v > 0)
end

-- Strings: escapes both ways, UTF-8 kept as it is, \u escapes decoded to UTF-8.
local control = {}
for i = 0, 31 do control[#control + 1] = string.char(i) end
out("encode escapes", cjson.encode("quote\" back\\ slash/ \b\f\n\r\t"), cjson.encode(table.concat(control)),
    cjson.encode("\127 del"), cjson.encode(""))
out("encode utf8", cjson.encode("aé€😀"), cjson.encode("\xff\xfe invalid bytes"))
out("encode nul", cjson.encode("a\0b"), #cjson.encode("a\0b"))
out("decode escapes", cjson.decode([["\"\\\/\b\f\n\r\t"]]), cjson.decode([["\u0041\u00e9\u20ac"]]),
    cjson.decode([["\ud83d\ude00"]]), cjson.decode([["\u0000x"]]), cjson.decode('"aé€😀"'))
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
all = table.concat(all)
out("byte round trip", cjson.decode(cjson.encode(all)) == all, #cjson.encode(all))

-- Nested structures.
out("encode arrays", cjson.encode({}), cjson.encode({ 1, 2, 3 }), cjson.encode({ { {} }, { 1, { 2 } } }),
    cjson.encode({ "a", true, false, cjson.null, 1.5 }))
out("encode objects", cjson.encode({ key = "value" }), cjson.encode({ nested = { deeper = { 1, { x = 1 } } } }),
    cjson.encode({ [5] = "five", [1] = "one", [2] = "two", [3] = "three", [4] = "four" }))
local record = { name = "tycho", version = 5.4, tags = { "vm", "lua" }, flags = { jit = true, gc = "gen" },
                 empty = {}, none = cjson.null, n = -7 }
local text = cjson.encode(record)
out("record", canonical(text), cjson.decode(text))
out("mixed keys", canonical(cjson.encode({ 1, 2, x = 3 })), cjson.decode(cjson.encode({ 1, 2, x = 3 })))
out("number keys", canonical(cjson.encode({ [1.5] = "a", [-1] = "b" })), cjson.decode(cjson.encode({ [1.5] = "a", [-1] = "b" })))
out("decode nested", cjson.decode('{"a":[1,{"b":null},[[]]],"c":{"d":{"e":"f"}},"g":[]}'))
out("decode null", cjson.decode("null") == cjson.null, cjson.decode("[null]")[1] == cjson.null,
    cjson.decode('{"k":null}').k == cjson.null, #cjson.decode("[null,null,1]"))
out("decode whitespace", cjson.decode(' \t\n\r[ 1 , { "a" : 2 } ] \n'))
out("decode duplicate key", cjson.decode('{"a":1,"a":2}'))
local deepText = string.rep("[", 900) .. "1" .. string.rep("]", 900)
local deep = cjson.decode(deepText)
local depth = 0
while type(deep) == "table" do deep, depth = deep[1], depth + 1 end
out("deep", depth, deep, cjson.encode(cjson.decode(deepText)) == deepText)

-- Sparse arrays and their settings.
out("sparse", cjson.encode({ [1] = 1, [3] = 3 }), cjson.encode({ [2] = true }), cjson.encode({ [10] = 1, [9] = 2, [1] = 3 }))
out("sparse setting", cjson.encode_sparse_array())
try("sparse excessive", cjson.encode, { [1] = 1, [20] = 2 })
try("sparse non-positive", cjson.encode, { [0] = 1 })
out("sparse set", cjson.encode_sparse_array(true))
out("sparse converted", canonical(cjson.encode({ [1] = 1, [20] = 2 })), cjson.decode(cjson.encode({ [1] = 1, [20] = 2 })))
out("sparse set ratio", cjson.encode_sparse_array(false, 1, 2))
try("sparse ratio 1", cjson.encode, { [1] = 1, [3] = 3 })
out("sparse ratio ok", cjson.encode({ 1, 2 }), cjson.encode({ [1] = 1, [2] = 2, [3] = 3 }))
out("sparse set 0", cjson.encode_sparse_array(nil, 0))
out("sparse ratio 0", cjson.encode({ [1] = 1, [50] = 50 }):sub(1, 12))
out("sparse reset", cjson.encode_sparse_array(false, 2, 10))
try("sparse bad", cjson.encode_sparse_array, "yes")
try("sparse bad ratio", cjson.encode_sparse_array, true, -1)

-- Invalid numbers.
try("inf", cjson.encode, math.huge)
try("-inf", cjson.encode, { -math.huge })
try("nan", cjson.encode, 0 / 0)
out("invalid numbers", cjson.encode_invalid_numbers(), cjson.decode_invalid_numbers())
out("encode invalid on", cjson.encode_invalid_numbers(true), cjson.encode(math.huge), cjson.encode(-math.huge))
out("encode invalid null", cjson.encode_invalid_numbers("null"), cjson.encode({ math.huge, 0 / 0 }))
out("encode invalid off", cjson.encode_invalid_numbers(false))
out("decode invalid", cjson.decode("Infinity"), cjson.decode("-Infinity"), cjson.decode("0x10"),
    cjson.decode("[0x1F]"), cjson.decode("NaN") ~= cjson.decode("NaN"))
out("decode invalid off", cjson.decode_invalid_numbers(false))
try("decode hex off", cjson.decode, "0x10")
try("decode inf off", cjson.decode, "Infinity")
try("decode nan off", cjson.decode, "[NaN]")
out("decode invalid on", cjson.decode_invalid_numbers(true))

-- Number precision.
out("precision", cjson.encode_number_precision())
out("precision 3", cjson.encode_number_precision(3), cjson.encode({ math.pi, 1234567, 0.0001234 }))
out("precision 14", cjson.encode_number_precision(14), cjson.encode(math.pi))
try("precision 0", cjson.encode_number_precision, 0)
try("precision 15", cjson.encode_number_precision, 15)
try("precision string", cjson.encode_number_precision, "x")

-- Depths.
out("max depths", cjson.encode_max_depth(), cjson.decode_max_depth())
local nested = {}
local cur = nested
for _ = 1, 10 do cur[1] = {} cur = cur[1] end
out("encode depth 20", cjson.encode_max_depth(20), cjson.encode(nested))
out("encode depth 5", cjson.encode_max_depth(5))
try("encode too deep", cjson.encode, nested)
local loop = {}
loop[1] = loop
try("encode loop", cjson.encode, loop)
out("decode depth 5", cjson.decode_max_depth(5))
try("decode too deep", cjson.decode, "[[[[[[1]]]]]]")
out("decode depth 5 ok", cjson.decode("[[[[[1]]]]]"))
cjson.encode_max_depth(1000)
cjson.decode_max_depth(1000)
try("depth bad", cjson.encode_max_depth, 0)
try("decode default depth", cjson.decode, string.rep("[", 1001) .. string.rep("]", 1001))
out("keep buffer", cjson.encode_keep_buffer(), cjson.encode_keep_buffer(false), cjson.encode({ 1 }),
    cjson.encode_keep_buffer(true))
try("keep buffer bad", cjson.encode_keep_buffer, 5)

-- Encoding what JSON cannot hold.
try("function", cjson.encode, print)
try("function in table", cjson.encode, { ok = 1, f = print })
try("thread", cjson.encode, { coroutine.running() })
try("userdata", cjson.encode, io.stdout)
try("boolean key", cjson.encode, { [true] = 1 })
try("table key", cjson.encode, { [{}] = 1 })
try("no argument", cjson.encode)
try("two arguments", cjson.encode, 1, 2)
out("metatable ignored", cjson.encode(setmetatable({ 1 }, { __index = function() return "x" end, __len = function() return 9 end })))

-- Decode errors.
local bad = { "", " ", "[1,", "{", "{\"a\" 1}", "{\"a\":}", "[1 2]", "{1:2}", "tru", "nul", "\"abc", "\"\\x\"",
              "\"\\u12\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"", "[1]x", "01", "-", "1.", ".5", "1e",
              "\"tab\there\"", "\"new\nline\"", "[,]", "{\"a\":1,}", "[1,]", "\0", "'single'", "// comment" }
for _, s in ipairs(bad) do try("decode " .. show.show(s), cjson.decode, s) end
try("decode no argument", cjson.decode)
try("decode table", cjson.decode, {})
try("decode number", cjson.decode, 12)
out("decode number string", cjson.decode("  12  "))

-- cjson.new: independent configurations; cjson.safe: nil and a message.
local other = cjson.new()
out("new", other.encode_number_precision(5), other.encode(math.pi), cjson.encode(math.pi), other.null == cjson.null)
out("new sparse", other.encode_sparse_array(true), canonical(other.encode({ [1] = 1, [20] = 2 })))
try("new keeps main", cjson.encode, { [1] = 1, [20] = 2 })
out("safe", safe.decode("[1,2"), safe.encode(print), safe.decode('{"x":[true]}'))
out("safe new", safe.new().decode("["))
out("safe arg error", pcall(safe.decode))

-- Configurations are userdata with finalizers: many of them, collected.
local instances = {}
for i = 1, 300 do
  local c = cjson.new()
  c.encode_number_precision(i % 14 + 1)
  if i % 50 == 0 then instances[#instances + 1] = c end
end
collectgarbage()
collectgarbage()
local encoded = {}
for i, c in ipairs(instances) do encoded[i] = c.encode(2 / 3) end
out("instances", encoded)

-- A large document, encoded and decoded in coroutines.
local big = {}
for i = 1, 2000 do big[i] = { id = i, name = "item" .. i, tags = { "t" .. i % 7 }, score = i / 8 } end
local worker = coroutine.wrap(function(doc)
  while true do
    local s = cjson.encode(doc)
    doc = coroutine.yield(#s, cjson.decode(s))
  end
end)
local len, back = worker(big)
local sum, names = 0, 0
for _, item in ipairs(back) do
  sum = sum + item.id + item.score
  if item.name == "item" .. math.tointeger(item.id) and item.tags[1] == "t" .. math.tointeger(item.id) % 7 then names = names + 1 end
end
out("big", len, #back, sum, names)
out("big again", worker({ "small" }))
collectgarbage()
print("OK")
