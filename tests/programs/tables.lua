-- Table-heavy code: 2*10^6 records, field sums and string-keyed counts
-- (issue 2 acceptance program).
local t = {}
for i = 1, 2000000 do t[i] = {x = i, y = i * 2, name = "n" .. (i % 1000)} end
local sum = 0
for i = 1, #t do local o = t[i]; sum = sum + o.x + o.y end
local counts = {}
for i = 1, #t do local k = t[i].name; counts[k] = (counts[k] or 0) + 1 end
local n = 0
for k, v in pairs(counts) do n = n + v end
print(sum, n)
