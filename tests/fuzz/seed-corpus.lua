-- Writes seed inputs for tycho_fuzz_undump (see UndumpFuzz.cpp): for each
-- Lua source file given, its main function dumped with and without debug
-- information, once as a whole chunk (first byte 0) and once as a payload
-- to be sealed by the harness (first byte 1).
-- Usage: tycho seed-corpus.lua <output-dir> <file.lua>...
local dir = assert(arg[1], "usage: seed-corpus.lua <output-dir> <file.lua>...")
local headerSize = 34
local count = 0
for i = 2, #arg do
  local f = assert(io.open(arg[i], "rb"))
  local source = f:read("a"):gsub("^#[^\n]*", "")
  f:close()
  local fn = load(source, "@" .. arg[i])
  if fn then
    for _, strip in ipairs({false, true}) do
      local chunk = string.dump(fn, strip)
      for kind, input in pairs({["\0"] = chunk, ["\1"] = chunk:sub(headerSize + 1)}) do
        count = count + 1
        local out = assert(io.open(dir .. "/seed-" .. count, "wb"))
        out:write(kind .. input)
        out:close()
      end
    end
  end
end
print(count .. " seeds written to " .. dir)
