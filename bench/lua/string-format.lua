-- Strings: string.format with integer, float, string and hexadecimal
-- conversions, widths, precisions and flags, building report lines that are
-- then parsed back.
-- Check: each field read back from the formatted line (with string.match
-- and tonumber) equals the value that was formatted; padded fields have
-- their exact widths; the hexadecimal field converts back to the integer.
-- family: strings
-- sizes: full 120000, quick 3000

local format, match = string.format, string.match

local names = { "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta" }

local function check(ok, what, i)
  if not ok then error(string.format("record %d: %s", i, what)) end
end

local n = tonumber(arg and arg[1]) or 120000
local seed = 7
local totalLength = 0
for i = 1, n do
  seed = (seed * 16807) % 2147483647
  local id = seed % 1000000
  local name = names[seed % #names + 1]
  local cents = seed % 100000
  local price = cents / 100
  local ratio = (seed % 1000) / 8

  local line = format("%06d|%-8s|%10.2f|%x|%8.3f|%s:%d|%5.1f%%", id, name, price, id, ratio, name, i, ratio)
  totalLength = totalLength + #line

  local f1, f2, f3, f4, f5, f6, f7, f8 = match(line, "^(%d+)|([%a ]+)|( *[%d.]+)|(%x+)|( *[%d.]+)|(%a+):(%d+)|( *[%d.]+)%%$")
  check(f1 ~= nil, "line does not parse: " .. line, i)
  check(#f1 == 6 and tonumber(f1) == id, "zero-padded id", i)
  check(#f2 == 8 and match(f2, "^%a+") == name, "left-aligned name", i)
  check(#f3 == 10 and math.floor(tonumber(f3) * 100 + 0.5) == cents, "price", i)
  check(tonumber(f4, 16) == id, "hexadecimal id", i)
  check(#f5 == 8 and tonumber(f5) == ratio, "ratio with three decimals", i)
  check(f6 == name and tonumber(f7) == i, "name and index", i)
  check(#f8 == 5 and math.abs(tonumber(f8) - ratio) <= 0.05 + 1e-9, "ratio with one decimal", i)

  -- %g and %e round trips, and %q of a plain word.
  local g = format("%.10g", price)
  check(tonumber(g) == price, "%g round trip", i)
  local e = format("%.3e", id)
  check(math.abs(tonumber(e) - id) <= id * 1e-3, "%e", i)
  check(format("%q", name) == '"' .. name .. '"', "%q", i)
end
print(string.format("string-format %d records: %d bytes", n, totalLength))
print("OK")
