-- Recursive calls: the doubly recursive Fibonacci function, which does almost
-- nothing but call, compare and return.
-- Check: fib(n) equals the value computed by a loop.
-- family: recursive calls
-- sizes: full 35, quick 24

local function fib(n)
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end

local n = tonumber(arg and arg[1]) or 35
local got = fib(n)

local a, b = 0, 1
for _ = 1, n do a, b = b, a + b end
if got ~= a then
  error(string.format("fib(%d) = %d, expected %d", n, got, a))
end
print(string.format("fib(%d) = %d", n, got))
print("OK")
