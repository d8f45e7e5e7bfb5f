-- Hash tables with string keys: counts the words of a generated text (a
-- vocabulary of made-up words drawn with a skewed distribution) in a table
-- keyed by word, then builds the list of the most frequent words, and
-- counts word pairs (bigrams) in a second table.
-- Check: the counts agree with a second count kept during generation by
-- word number (an array, no string keys); the total equals the number of
-- words generated; the top list is in order.
-- family: hash tables
-- sizes: full 500000, quick 30000

local concat, char, sort = table.concat, string.char, table.sort

-- 4000 words of 3 to 9 letters, made of syllables.
local syllables = { "ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "el", "an", "or", "ix", "u", "e", "sh", "th" }
local vocabulary = {}
do
  local seed = 5
  local seen = {}
  while #vocabulary < 4000 do
    seed = (seed * 16807) % 2147483647
    local parts, k = {}, seed
    for i = 1, 2 + seed % 3 do
      parts[i] = syllables[k % #syllables + 1]
      k = (k - k % 16) / 16
    end
    local word = concat(parts)
    if not seen[word] then
      seen[word] = true
      vocabulary[#vocabulary + 1] = word
    end
  end
end

local n = tonumber(arg and arg[1]) or 500000
local lineLength = 20

-- Generate the text as lines of words; count by word number meanwhile.
local byNumber = {}
for i = 1, #vocabulary do byNumber[i] = 0 end
local lines = {}
local seed = 17
local line = {}
for w = 1, n do
  seed = (seed * 16807) % 2147483647
  -- Skewed: the product of two uniform draws favours small word numbers.
  local a = seed % 1000
  local b = (seed - a) / 1000 % 1000
  local number = (a * b) % #vocabulary + 1
  if (a + b) % 3 == 0 then number = a % 50 + 1 end
  byNumber[number] = byNumber[number] + 1
  line[#line + 1] = vocabulary[number]
  if #line == lineLength or w == n then
    lines[#lines + 1] = concat(line, " ")
    line = {}
  end
end

-- Count words and bigrams by splitting the lines.
local counts, bigrams = {}, {}
local total, distinctBigrams = 0, 0
for i = 1, #lines do
  local previous
  for word in lines[i]:gmatch("%a+") do
    counts[word] = (counts[word] or 0) + 1
    total = total + 1
    if previous then
      local key = previous .. " " .. word
      local c = bigrams[key]
      if c == nil then distinctBigrams = distinctBigrams + 1; c = 0 end
      bigrams[key] = c + 1
    end
    previous = word
  end
end

if total ~= n then error(string.format("%d words counted, %d generated", total, n)) end
for i = 1, #vocabulary do
  local word = vocabulary[i]
  if (counts[word] or 0) ~= byNumber[i] then
    error(string.format("'%s' counted %d times, generated %d times", word, counts[word] or 0, byNumber[i]))
  end
end

local top = {}
for word, c in pairs(counts) do top[#top + 1] = { word = word, count = c } end
sort(top, function(x, y)
  if x.count ~= y.count then return x.count > y.count end
  return x.word < y.word
end)
for i = 2, #top do
  if top[i - 1].count < top[i].count then error("top list out of order") end
end
local bigramTotal = 0
for _, c in pairs(bigrams) do bigramTotal = bigramTotal + c end
if bigramTotal ~= n - #lines then
  error(string.format("%d bigrams, expected %d", bigramTotal, n - #lines))
end
print(string.format("word-count %d words: %d distinct, %d distinct bigrams, most frequent '%s' (%d)",
                    n, #top, distinctBigrams, top[1].word, top[1].count))
print("OK")
