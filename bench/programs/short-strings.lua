-- Many short strings: building, interning and dropping them (allocation of
-- small objects, the string table, collection of dead strings).
local count = 0
local keep = {}
for i = 1, 3000000 do
  local s = "key" .. (i % 50000) .. ":" .. (i % 7)
  if i % 100 == 0 then keep[#keep + 1] = s end
  count = count + #s
end
assert(#keep == 30000, "kept strings")
print(count, #keep)
