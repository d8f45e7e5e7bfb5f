-- A numeric for loop summing 10^8 integers (issue 2 acceptance program).
local s = 0
for i = 1, 100000000 do s = s + i end
print(s)
