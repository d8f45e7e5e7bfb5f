-- A large long-lived heap with a small working set: measures how long the
-- collector makes the program wait (run with TYCHO_GC_STATS=1 for Tycho's
-- longest pause). Argument: number of long-lived records (default 2*10^6;
-- bench/gc.sh uses 10^7, about a gigabyte).
local n = tonumber(arg and arg[1]) or 2000000
local heap = {}
for i = 1, n do heap[i] = {i, i + 1} end
-- churn: short-lived tables, with a few writes into the old heap
local sum = 0
for round = 1, 20 do
  for i = 1, 100000 do
    local t = {i, round}
    sum = sum + t[1]
    if i % 1000 == 0 then heap[(i * round) % n + 1] = t end
  end
end
local live = 0
for i = 1, n do if heap[i] then live = live + 1 end end
assert(live == n, "heap intact")
print(sum, live)
