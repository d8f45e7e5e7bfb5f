-- Table churn: tables of varied sizes created, filled, partly cleared and
-- dropped, with a moderate long-lived set.
local live = {}
local total = 0
for round = 1, 300 do
  for i = 1, 2000 do
    local t = {}
    for j = 1, (i % 16) + 1 do t[j] = j; t["k" .. (j % 4)] = i end
    total = total + #t
    if i % 50 == 0 then live[(round * 2000 + i) % 5000 + 1] = t end
  end
end
assert(total > 0, "work done")
print(total)
