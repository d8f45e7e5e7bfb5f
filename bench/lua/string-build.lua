-- Strings: building strings piece by piece, with the concatenation operator
-- in a loop (each step makes a new string), with table.concat over a list
-- of pieces, with string.rep, and taking them apart again with sub, byte,
-- char, upper and reverse.
-- Check: the loop-built and the table-built strings are equal; lengths
-- match a count of the pieces' digits; the byte sum of each string equals
-- the sum over its pieces; reversing twice gives the original back.
-- family: strings
-- sizes: full 2500, quick 100

local concat, byte, char, sub, rep = table.concat, string.byte, string.char, string.sub, string.rep

local function digits(k)
  local d = 1
  while k >= 10 do k = (k - k % 10) / 10; d = d + 1 end
  return d
end

local function byteSum(s)
  local sum = 0
  for i = 1, #s do sum = sum + byte(s, i) end
  return sum
end

local function check(ok, what, round)
  if not ok then error(string.format("round %d: %s", round, what)) end
end

local n = tonumber(arg and arg[1]) or 2500
local pieceCount = 300
local total = 0
for round = 1, n do
  -- "k=<k>;" for k = round .. round + pieceCount - 1, two ways.
  local loopBuilt = ""
  local parts = {}
  local expectedLength, expectedSum = 0, 0
  for k = round, round + pieceCount - 1 do
    local piece = "k=" .. k .. ";"
    loopBuilt = loopBuilt .. piece
    parts[#parts + 1] = piece
    expectedLength = expectedLength + 3 + digits(k)
    expectedSum = expectedSum + byteSum(piece)
  end
  local tableBuilt = concat(parts)
  check(loopBuilt == tableBuilt, "concatenation and table.concat differ", round)
  check(#loopBuilt == expectedLength, "wrong length", round)
  check(byteSum(tableBuilt) == expectedSum, "wrong byte sum", round)

  -- Letters: rep, upper, char and sub round trips.
  local letters = {}
  for i = 0, 25 do letters[#letters + 1] = char(97 + (i + round) % 26) end
  local alphabet = concat(letters)
  local upper = alphabet:upper()
  local repeated = rep(alphabet, 8)
  check(#repeated == 26 * 8, "string.rep length", round)
  check(sub(repeated, 27, 52) == alphabet, "string.sub of string.rep", round)
  check(byteSum(upper) == byteSum(alphabet) - 26 * 32, "upper", round)
  local rebuilt = {}
  for i = #repeated, 1, -1 do rebuilt[#rebuilt + 1] = sub(repeated, i, i) end
  local reversed = concat(rebuilt)
  check(reversed == repeated:reverse() and reversed:reverse() == repeated, "reverse", round)

  -- A line of comma-separated fields, split again with find and sub.
  local line = concat(parts, ",", 1, 50)
  local fields, start = 0, 1
  while true do
    local comma = line:find(",", start, true)
    local field = sub(line, start, (comma or 0) - 1)
    check(field == parts[fields + 1], "split field", round)
    fields = fields + 1
    if not comma then break end
    start = comma + 1
  end
  check(fields == 50, "field count", round)
  total = total + #loopBuilt
end
print(string.format("string-build %d rounds: %d bytes built by concatenation", n, total))
print("OK")
