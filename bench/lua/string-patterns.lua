-- Strings: pattern matching over generated text: gsub with a string, a
-- function and a table replacement, gmatch over words and numbers, find
-- and match with captures, character classes and anchors.
-- Check: every count and sum is also computed by scanning the bytes of the
-- text by hand, without patterns.
-- family: strings
-- sizes: full 80, quick 3

local byte, char, concat = string.byte, string.char, table.concat

-- A deterministic text: lines of words, numbers and "key=value" pairs.
local function makeText(lines, seed)
  local out = {}
  for l = 1, lines do
    local words = {}
    for w = 1, 12 do
      seed = (seed * 16807) % 2147483647
      local kind = seed % 5
      if kind == 0 then
        words[w] = tostring(seed % 100000)
      elseif kind == 1 then
        words[w] = "key" .. (seed % 50) .. "=" .. (seed % 997)
      else
        local len = 2 + seed % 7
        local letters = {}
        for i = 1, len do letters[i] = char(97 + (seed + i * 7) % 26) end
        words[w] = concat(letters)
      end
    end
    out[l] = concat(words, " ")
  end
  return concat(out, "\n") .. "\n", seed
end

local function isDigit(b) return b >= 48 and b <= 57 end
local function isLower(b) return b >= 97 and b <= 122 end
local function isVowel(b) return b == 97 or b == 101 or b == 105 or b == 111 or b == 117 end

-- Hand-made counts: runs of letters, runs of digits (and their sum), vowels.
local function scan(text)
  local words, numbers, numberSum, vowels = 0, 0, 0, 0
  local i, n = 1, #text
  while i <= n do
    local b = byte(text, i)
    if isLower(b) then
      words = words + 1
      while i <= n and isLower(byte(text, i)) do
        if isVowel(byte(text, i)) then vowels = vowels + 1 end
        i = i + 1
      end
    elseif isDigit(b) then
      local value = 0
      while i <= n and isDigit(byte(text, i)) do
        value = value * 10 + byte(text, i) - 48
        i = i + 1
      end
      numbers = numbers + 1
      numberSum = numberSum + value
    else
      i = i + 1
    end
  end
  return words, numbers, numberSum, vowels
end

local function check(ok, what)
  if not ok then error(what) end
end

local n = tonumber(arg and arg[1]) or 80
local seed = 42
local totalMatches = 0
for _ = 1, n do
  local text
  text, seed = makeText(300, seed)
  local words, numbers, numberSum, vowels = scan(text)

  local w = 0
  for _ in text:gmatch("%a+") do w = w + 1 end
  check(w == words, "gmatch words")

  local count, sum = 0, 0
  for d in text:gmatch("%d+") do count = count + 1; sum = sum + tonumber(d) end
  check(count == numbers and sum == numberSum, "gmatch numbers")

  local replaced, v = text:gsub("[aeiou]", "")
  check(v == vowels and #replaced == #text - vowels, "gsub vowels")

  local doubled, k = text:gsub("%d+", function(d) return tostring(tonumber(d) * 2) end)
  check(k == numbers, "gsub with a function")
  local sum2 = 0
  for d in doubled:gmatch("%d+") do sum2 = sum2 + tonumber(d) end
  check(sum2 == 2 * numberSum, "doubled numbers")

  -- key<k>=<v> pairs: capture with gmatch, and rewrite with a table.
  local pairsSeen = 0
  for key, value in text:gmatch("key(%d+)=(%d+)") do
    pairsSeen = pairsSeen + 1
    check(tonumber(key) < 50 and tonumber(value) < 997, "key and value ranges")
  end
  local keys, at = 0, 1
  while true do
    local s = text:find("key", at, true)
    if not s then break end
    keys = keys + 1
    at = s + 3
  end
  check(pairsSeen == keys, "key=value pairs")
  local names = { key7 = "seven", key13 = "thirteen" }
  local renamed = text:gsub("key%d+", names)
  local sevens = select(2, text:gsub("key7=", "")) + select(2, text:gsub("key13=", ""))
  check(select(2, renamed:gsub("seven=", "")) + select(2, renamed:gsub("thirteen=", "")) == sevens, "gsub with a table")

  -- Lines: anchored matches and find with captures.
  local lines, firstWords = 0, 0
  for line in text:gmatch("([^\n]*)\n") do
    lines = lines + 1
    if line:match("^%a+ ") then firstWords = firstWords + 1 end
    local s, e, key = line:find("key(%d+)=")
    if s then check(line:sub(s, e) == "key" .. key .. "=", "find captures") end
  end
  check(lines == 300, "line count")
  totalMatches = totalMatches + w + count + v + pairsSeen + firstWords
end
print(string.format("string-patterns %d texts: %d matches", n, totalMatches))
print("OK")
