-- A long stack: the traceback shows the first 10 and the last 11 levels and
-- "...	(skipping N levels)" in between.
local function rec(n)
  if n == 0 then
    error("deep")
  end
  rec(n - 1)
end

rec(30)
