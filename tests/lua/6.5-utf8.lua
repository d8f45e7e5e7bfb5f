-- Lua 5.4 manual §6.5 UTF-8 Support.
-- Self-checking: prints only "OK" on success.

local function pack(...) return {n = select("#", ...), ...} end

-- "a,b,c" from a packed list
local function join(t)
  local s = ""
  for i = 1, t.n or #t do s = s .. (i > 1 and "," or "") .. tostring(t[i]) end
  return s
end

local function rterr(src, expected)
  local f, cerr = load(src, "=t")
  assert(f, "should compile: " .. src .. ": " .. tostring(cerr))
  local ok, msg = pcall(f)
  assert(not ok, "should fail: " .. src)
  assert(msg == expected, "wrong message for [" .. src .. "]: " .. tostring(msg))
end

-- every (position, code) pair of utf8.codes, as "p:c" strings
local function codes(s, lax)
  local r = {}
  for p, c in utf8.codes(s, lax) do r[#r + 1] = p .. ":" .. c end
  return join(r)
end

local mixed = "a\u{E9}\u{20AC}\u{1F600}"  -- 1, 2, 3 and 4 bytes

-- the library lists exactly lua5.4's names
do
  local names = {}
  for k in pairs(utf8) do names[#names + 1] = k end
  table.sort(names)
  assert(join(names) == "char,charpattern,codepoint,codes,len,offset", "utf8 names: " .. join(names))
end

-- charpattern
assert(utf8.charpattern == "[\0-\x7F\xC2-\xFD][\x80-\xBF]*", "charpattern")
assert(#utf8.charpattern == 14, "charpattern length (it holds a zero byte)")

-- char
assert(utf8.char() == "", "char()")
assert(utf8.char(72, 105) == "Hi", "char ASCII")
assert(utf8.char(0) == "\0", "char 0")
assert(utf8.char(0xE9) == "\xC3\xA9", "char 2 bytes")
assert(utf8.char(0x20AC) == "\xE2\x82\xAC", "char 3 bytes")
assert(utf8.char(0x1F600) == "\xF0\x9F\x98\x80", "char 4 bytes")
assert(utf8.char(0x10FFFF) == "\u{10FFFF}", "char last code point")
assert(utf8.char(0xD800) == "\xED\xA0\x80", "char of a surrogate")
assert(utf8.char(0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000) == "\x7F\xC2\x80\xDF\xBF\xE0\xA0\x80\xEF\xBF\xBF\xF0\x90\x80\x80",
  "char at the length boundaries")
assert(utf8.char(0x1FFFFF) == "\xF7\xBF\xBF\xBF", "char 0x1FFFFF (4 bytes)")
assert(utf8.char(0x200000) == "\xF8\x88\x80\x80\x80", "char 0x200000 (5 bytes)")
assert(utf8.char(0x3FFFFFF) == "\xFB\xBF\xBF\xBF\xBF", "char 0x3FFFFFF (5 bytes)")
assert(utf8.char(0x4000000) == "\xFC\x84\x80\x80\x80\x80", "char 0x4000000 (6 bytes)")
assert(utf8.char(0x7FFFFFFF) == "\xFD\xBF\xBF\xBF\xBF\xBF", "char 0x7FFFFFFF (6 bytes)")
assert(utf8.char("65", 66.0) == "AB", "char with a string and a float")
assert(utf8.char(72, 0x10FFFF, 0x7FFFFFFF) == "H\u{10FFFF}\u{7FFFFFFF}", "char several")
rterr("utf8.char(-1)", "t:1: bad argument #1 to 'char' (value out of range)")
rterr("utf8.char(0x80000000)", "t:1: bad argument #1 to 'char' (value out of range)")
rterr("utf8.char(65, math.mininteger)", "t:1: bad argument #2 to 'char' (value out of range)")
rterr("utf8.char(1.5)", "t:1: bad argument #1 to 'char' (number has no integer representation)")
rterr("utf8.char(65, 'x')", "t:1: bad argument #2 to 'char' (number expected, got string)")
rterr("utf8.char(nil)", "t:1: bad argument #1 to 'char' (number expected, got nil)")

-- codes
assert(codes("") == "", "codes of an empty string")
assert(codes("ab") == "1:97,2:98", "codes ASCII")
assert(codes(mixed) == "1:97,2:233,4:8364,7:128512", "codes mixed")
assert(codes("\u{7FFFFFFF}", true) == "1:2147483647", "codes lax accepts 6 bytes")
assert(codes("\u{D800}", true) == "1:55296", "codes lax accepts surrogates")
-- a continuation byte that follows a complete character is invalid, also in
-- lax mode (Lua 5.4.8; 5.4.4 skipped it); one at the very start is a bad
-- argument
rterr("for p, c in utf8.codes('a\\x80b') do end", "t:1: invalid UTF-8 code")
rterr("for p, c in utf8.codes('a\\x80') do end", "t:1: invalid UTF-8 code")
rterr("for p, c in utf8.codes('\\u{E9}\\x80') do end", "t:1: invalid UTF-8 code")
rterr("for p, c in utf8.codes('a\\x80b', true) do end", "t:1: invalid UTF-8 code")
rterr("for p, c in utf8.codes('\\x80ab') do end", "t:1: bad argument #1 to 'codes' (invalid UTF-8 code)")
rterr("utf8.codes('\\x80', true)", "t:1: bad argument #1 to 'codes' (invalid UTF-8 code)")
do
  -- the characters before the stray byte are seen, the one it follows fails
  local seen = {}
  local ok, e = pcall(function()
    for p, c in utf8.codes("ab\x80") do seen[#seen + 1] = p .. ":" .. c end
  end)
  assert(not ok and e:find("invalid UTF%-8 code$") and join(seen) == "1:97", join(seen))
end
assert(codes(12) == "1:49,2:50", "codes of a number")
do
  local f, s, c = utf8.codes("abc")
  assert(type(f) == "function" and s == "abc" and c == 0, "codes returns an iterator, the string and 0")
  local a, b = f("abc", 0)
  assert(a == 1 and b == 97, "iterator from 0")
  a, b = f("abc", 1)
  assert(a == 2 and b == 98, "iterator from 1")
  assert(f("abc", 3) == nil, "iterator at the end")
  assert(select("#", f("abc", 3)) == 0, "iterator at the end returns nothing")
  assert(f("abc", -5) == nil and f("abc", math.maxinteger) == nil, "iterator out of range")
  a, b = f("abc", "1")
  assert(a == 2 and b == 98, "iterator with a string control")
  a = f("abc", 2.5)
  assert(a == 1, "iterator with a non-integer control starts again")
  assert(utf8.codes("abc", true) ~= f, "lax and strict iterators differ")
end
rterr("for p, c in utf8.codes('a\\xffb') do end", "t:1: invalid UTF-8 code")
rterr("for p, c in utf8.codes('\\u{7FFFFFFF}') do end", "t:1: invalid UTF-8 code")
rterr("for p, c in utf8.codes('\\u{110000}') do end", "t:1: invalid UTF-8 code")
rterr("for p, c in utf8.codes('\\xed\\xa0\\x80') do end", "t:1: invalid UTF-8 code")
rterr("for p, c in utf8.codes('\\xc0\\x80') do end", "t:1: invalid UTF-8 code")
rterr("for p, c in utf8.codes('\\xc0\\x80', true) do end", "t:1: invalid UTF-8 code")
rterr("for p, c in utf8.codes('ab\\xe2\\x82') do end", "t:1: invalid UTF-8 code")
rterr("for p, c in utf8.codes('\\xfe') do end", "t:1: invalid UTF-8 code")
rterr("for p, c in utf8.codes('\\xff', true) do end", "t:1: invalid UTF-8 code")
rterr("utf8.codes()", "t:1: bad argument #1 to 'codes' (string expected, got no value)")
rterr("utf8.codes({})", "t:1: bad argument #1 to 'codes' (string expected, got table)")

-- codepoint
do
  local r = pack(utf8.codepoint(mixed, 1, -1))
  assert(join(r) == "97,233,8364,128512", "codepoint of a whole string")
  assert(utf8.codepoint("abc") == 97, "codepoint defaults to the first")
  assert(utf8.codepoint(mixed, 2) == 233, "codepoint at i")
  assert(utf8.codepoint(mixed, -4) == 128512, "codepoint at a negative i")
  r = pack(utf8.codepoint(mixed, 1, 2))
  assert(join(r) == "97,233", "a character that starts before j is decoded whole")
  assert(select("#", utf8.codepoint("", 1, 0)) == 0, "empty range of an empty string")
  assert(select("#", utf8.codepoint("abc", 4, 3)) == 0, "empty range after the end")
  assert(select("#", utf8.codepoint("abc", 3, 2)) == 0, "reversed range")
  assert(utf8.codepoint("\u{10FFFF}") == 0x10FFFF, "codepoint last code point")
  assert(utf8.codepoint("\u{110000}", 1, 1, true) == 0x110000, "codepoint lax past U+10FFFF")
  assert(utf8.codepoint("\u{7FFFFFFF}", 1, 1, true) == 0x7FFFFFFF, "codepoint lax 6 bytes")
  assert(utf8.codepoint("\u{DFFF}", 1, 1, true) == 0xDFFF, "codepoint lax surrogate")
  assert(utf8.codepoint("\0") == 0, "codepoint of a zero byte")
  assert(utf8.codepoint(123, 2) == 50, "codepoint of a number")
  local s = ""
  for i = 1, 300 do s = s .. "\u{E9}" end
  r = pack(utf8.codepoint(s, 1, -1))
  assert(r.n == 300 and r[300] == 233, "codepoint of 300 characters")
end
rterr("utf8.codepoint('')", "t:1: bad argument #3 to 'codepoint' (out of bounds)")
rterr("utf8.codepoint('abc', 0)", "t:1: bad argument #2 to 'codepoint' (out of bounds)")
rterr("utf8.codepoint('abc', -10)", "t:1: bad argument #2 to 'codepoint' (out of bounds)")
rterr("utf8.codepoint('abc', 4)", "t:1: bad argument #3 to 'codepoint' (out of bounds)")
rterr("utf8.codepoint('abc', 1, 4)", "t:1: bad argument #3 to 'codepoint' (out of bounds)")
rterr("utf8.codepoint('abc', math.mininteger, math.maxinteger)", "t:1: bad argument #2 to 'codepoint' (out of bounds)")
rterr("utf8.codepoint('\\xff')", "t:1: invalid UTF-8 code")
rterr("utf8.codepoint('a\\u{E9}', 3)", "t:1: invalid UTF-8 code")
rterr("utf8.codepoint('\\u{110000}')", "t:1: invalid UTF-8 code")
rterr("utf8.codepoint('\\u{D800}')", "t:1: invalid UTF-8 code")
rterr("utf8.codepoint('\\xe2\\x82')", "t:1: invalid UTF-8 code")
rterr("utf8.codepoint('\\xe2\\x82', 1, 1, true)", "t:1: invalid UTF-8 code")
rterr("utf8.codepoint('\\xc1\\xbf', 1, 1, true)", "t:1: invalid UTF-8 code")
rterr("utf8.codepoint('\\xe0\\x9f\\xbf', 1, 1, true)", "t:1: invalid UTF-8 code")
rterr("utf8.codepoint('\\xfe\\x80\\x80\\x80\\x80\\x80\\x80', 1, 1, true)", "t:1: invalid UTF-8 code")
rterr("utf8.codepoint('abc', 1.5)", "t:1: bad argument #2 to 'codepoint' (number has no integer representation)")
rterr("utf8.codepoint()", "t:1: bad argument #1 to 'codepoint' (string expected, got no value)")

-- len
assert(utf8.len("") == 0, "len of an empty string")
assert(utf8.len("abc") == 3, "len ASCII")
assert(utf8.len(mixed) == 4, "len mixed")
assert(utf8.len(mixed, 2) == 3, "len from i")
assert(utf8.len(mixed, -4) == 1, "len from a negative i")
assert(utf8.len(mixed, 1, 2) == 2, "len up to j (a character starting at j counts)")
assert(utf8.len(mixed, 1, 1) == 1, "len of one byte")
assert(utf8.len("abc", 4) == 0, "len from #s + 1")
assert(utf8.len("abc", 3, 1) == 0, "len of a reversed range")
assert(utf8.len("abc", 1, -4) == 0, "len with j before the start")
assert(utf8.len("abc", 1, 0) == 0, "len with j = 0")
assert(utf8.len("", 1, -1) == 0, "len of an empty string with j = -1")
assert(utf8.len(12345) == 5, "len of a number")
assert(utf8.len("\u{7FFFFFFF}", 1, -1, true) == 1, "len lax 6 bytes")
assert(utf8.len("\u{D800}\u{110000}", 1, -1, true) == 2, "len lax")
do
  local function fails(s, i, j, lax, pos)
    local r = pack(utf8.len(s, i, j, lax))
    assert(r.n == 2 and r[1] == nil and r[2] == pos,
      "len fails at " .. tostring(pos) .. ": got " .. join(r))
  end
  fails("a\xffb", 1, -1, false, 2)
  fails("\x80", 1, -1, false, 1)
  fails("abc\xe2\x82", 1, -1, false, 4)
  fails("\u{D800}", 1, -1, false, 1)
  fails("a\u{110000}", 1, -1, false, 2)
  fails("\xc0\x80", 1, -1, true, 1)
  fails("\xf8\x80\x80\x80\x80", 1, -1, true, 1)
  fails(mixed, 3, -1, false, 3)
  fails("\xfe", 1, -1, true, 1)
  fails("\xff", 1, -1, true, 1)
end
rterr("utf8.len('abc', 0)", "t:1: bad argument #2 to 'len' (initial position out of bounds)")
rterr("utf8.len('abc', 5)", "t:1: bad argument #2 to 'len' (initial position out of bounds)")
rterr("utf8.len('abc', -4)", "t:1: bad argument #2 to 'len' (initial position out of bounds)")
rterr("utf8.len('abc', 1, 4)", "t:1: bad argument #3 to 'len' (final position out of bounds)")
rterr("utf8.len('abc', 1, math.maxinteger)", "t:1: bad argument #3 to 'len' (final position out of bounds)")
rterr("utf8.len('abc', math.mininteger)", "t:1: bad argument #2 to 'len' (initial position out of bounds)")
rterr("utf8.len()", "t:1: bad argument #1 to 'len' (string expected, got no value)")
rterr("utf8.len('abc', 'x')", "t:1: bad argument #2 to 'len' (number expected, got string)")

-- offset
assert(utf8.offset(mixed, 1) == 1, "offset of the first character")
assert(utf8.offset(mixed, 2) == 2, "offset of the second")
assert(utf8.offset(mixed, 3) == 4, "offset of the third")
assert(utf8.offset(mixed, 4) == 7, "offset of the fourth")
assert(utf8.offset(mixed, 5) == 11, "offset just past the end")
assert(utf8.offset(mixed, 6) == nil, "offset past the end")
assert(utf8.offset(mixed, -1) == 7, "offset of the last")
assert(utf8.offset(mixed, -4) == 1, "offset counting back to the first")
assert(utf8.offset(mixed, -5) == nil, "offset before the start")
assert(utf8.offset(mixed, 0, 3) == 2, "offset 0: start of the character holding byte 3")
assert(utf8.offset(mixed, 0, 10) == 7, "offset 0 inside a 4-byte character")
assert(utf8.offset(mixed, 0, 11) == 11, "offset 0 at #s + 1")
assert(utf8.offset(mixed, 0, 1) == 1, "offset 0 at 1")
assert(utf8.offset(mixed, 2, 4) == 7, "offset n from i")
assert(utf8.offset(mixed, -2, 7) == 2, "offset back from i")
assert(utf8.offset(mixed, -1, -4) == 4, "offset from a negative i")
assert(utf8.offset("abc", 1, 4) == 4, "offset 1 at #s + 1")
assert(utf8.offset("abc", 2, 4) == nil, "offset 2 at #s + 1")
assert(utf8.offset("abc", -1, 4) == 3, "offset -1 at #s + 1")
assert(utf8.offset("abc", 1, -3) == 1, "offset with i = -#s")
assert(utf8.offset("", 1) == 1, "offset 1 of an empty string")
assert(utf8.offset("", -1) == nil, "offset -1 of an empty string")
assert(utf8.offset("", 0) == 1, "offset 0 of an empty string")
assert(utf8.offset("\x80\x80", 0, 2) == 1, "offset 0 over continuation bytes only")
assert(utf8.offset("a\x80\x80", -1) == 1, "offset back over stray continuation bytes")
assert(utf8.offset("\xe2\x82", 2) == 3, "offset forward over a truncated character")
rterr("utf8.offset('\\x80', 1)", "t:1: initial position is a continuation byte")
rterr("utf8.offset('a\\u{E9}', 1, 3)", "t:1: initial position is a continuation byte")
rterr("utf8.offset('a\\u{E9}', -1, 3)", "t:1: initial position is a continuation byte")
rterr("utf8.offset('abc', 1, 0)", "t:1: bad argument #3 to 'offset' (position out of bounds)")
rterr("utf8.offset('abc', 1, 5)", "t:1: bad argument #3 to 'offset' (position out of bounds)")
rterr("utf8.offset('abc', 1, -4)", "t:1: bad argument #3 to 'offset' (position out of bounds)")
rterr("utf8.offset('abc', 1, math.mininteger)", "t:1: bad argument #3 to 'offset' (position out of bounds)")
rterr("utf8.offset('abc', 1, math.maxinteger)", "t:1: bad argument #3 to 'offset' (position out of bounds)")
rterr("utf8.offset('abc')", "t:1: bad argument #2 to 'offset' (number expected, got no value)")
rterr("utf8.offset('abc', 1.5)", "t:1: bad argument #2 to 'offset' (number has no integer representation)")
do
  -- large counts stop at the ends without looping over them
  assert(utf8.offset(mixed, math.maxinteger) == nil, "offset maxinteger")
  assert(utf8.offset(mixed, math.mininteger) == nil, "offset mininteger")
end

-- every valid code point survives char -> codepoint / len / offset
do
  local points = {0, 1, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x10FFFF}
  for _, c in ipairs(points) do
    local s = utf8.char(c)
    assert(utf8.codepoint(s) == c, "round trip " .. c)
    assert(utf8.len(s) == 1, "len of one character " .. c)
    assert(utf8.offset(s, 2) == #s + 1, "offset past one character " .. c)
    assert(codes(s) == "1:" .. c, "codes of one character " .. c)
  end
  local lax = {0xD800, 0xDFFF, 0x110000, 0x1FFFFF, 0x200000, 0x3FFFFFF, 0x4000000, 0x7FFFFFFF}
  for _, c in ipairs(lax) do
    local s = utf8.char(c)
    assert(utf8.codepoint(s, 1, 1, true) == c, "lax round trip " .. c)
    assert(utf8.len(s) == nil and utf8.len(s, 1, -1, true) == 1, "len strict/lax " .. c)
  end
end

-- every single byte, and every two-byte string, never crashes
do
  for b = 0, 255 do
    local s = load("return '\\" .. b .. "'")()
    local n = utf8.len(s)
    assert((b < 0x80 and n == 1) or (b >= 0x80 and n == nil), "len of byte " .. b)
    pcall(utf8.codepoint, s)
    pcall(utf8.offset, s, 1)
    pcall(utf8.offset, s, -1)
    pcall(codes, s)
    pcall(codes, s .. "\x80\x80", true)
    pcall(utf8.len, s .. "\xbf", 1, -1, true)
  end
end

print("OK")
