-- Lua 5.4 manual §3.1 Lexical Conventions
-- Self-checking: prints only "OK" on success.

local function synerr(src, expected)
  local f, msg = load(src, "=t")
  assert(f == nil, "should not compile: " .. src)
  assert(msg == expected, "wrong message for [" .. src .. "]: " .. tostring(msg))
end

local function eval(src)
  local f, msg = load("return " .. src, "=t")
  assert(f, "should compile: " .. src .. ": " .. tostring(msg))
  return f()
end

-- same value and same subtype (tostring differs between 3 and 3.0)
local function same(a, b)
  return type(a) == type(b) and a == b and tostring(a) == tostring(b)
end

-- whitespace: space, \f, \n, \r, \t, \v all separate tokens
assert(eval("\f1\v+\t2\r+\n3 ") == 6, "all ASCII whitespace is accepted")
assert(eval("1--comment\n+1") == 2, "short comment runs to end of line")
assert(eval("1--[[ long\ncomment ]]+1") == 2, "long comment")
assert(eval("1--[==[ long ]] still\ncomment ]==]+1") == 2, "long comment level 2 ignores ]]")
assert(eval("1--[ not long\n+1") == 2, "--[ without second bracket is a short comment")
assert(eval("1--[=x\n+1") == 2, "--[=x is a short comment")
assert(eval("1 --[[]] + 1") == 2, "empty long comment")
assert(eval("1 ----[[ short\n+1") == 2, "---- is a short comment")

-- names
do
  local And, AND, _, _x1, x_y, _ENVx = 1, 2, 3, 4, 5, 6
  assert(And == 1 and AND == 2 and _ == 3 and _x1 == 4 and x_y == 5 and _ENVx == 6, "names")
  local ab, aB, Ab = 1, 2, 3
  assert(ab ~= aB and aB ~= Ab, "names are case sensitive")
end
local keywords = {"and", "break", "do", "else", "elseif", "end", "false", "for",
  "function", "goto", "if", "in", "local", "nil", "not", "or", "repeat", "return",
  "then", "true", "until", "while"}
for i = 1, #keywords do
  local k = keywords[i]
  synerr("local x, " .. k .. " = 1", "t:1: <name> expected near '" .. k .. "'")
end
assert(load("local And, AND, Goto, GOTO, iF = 1, 2, 3, 4, 5", "=t"), "case variants of keywords are names")
synerr("local \195\169 = 1", "t:1: <name> expected near '<\\195>'")
synerr("x = 1 @ 2", "t:1: unexpected symbol near '@'")
synerr("x = $", "t:1: unexpected symbol near '$'")
synerr("#!shebang", "t:1: unexpected symbol near '#'")
synerr("x = ~= 1", "t:1: unexpected symbol near '~='")
synerr("::a b", "t:1: '::' expected near 'b'")

-- other tokens
do
  local t = {a = {b = 7}}
  assert(t.a.b == 7 and t["a"]["b"] == 7, ". and []")
  assert(eval("7//2") == 3 and eval("7 / 2") == 3.5 and eval("1<<4") == 16 and eval("256>>4") == 16, "// / << >>")
  assert(eval("5~3") == 6 and eval("~0") == -1 and eval("1 ~= 2") == true, "~ as xor, bnot, ~=")
  assert(eval("1<=1") and eval("1>=1") and eval("2>1") and eval("1<2") and eval("1==1"), "relational tokens")
  assert(eval("#'abc'") == 3 and eval("2^3") == 8.0 and eval("7%4") == 3, "# ^ %")
  assert(eval("6&3") == 2 and eval("6|3") == 7, "& |")
  assert(eval("'a'..'b'") == "ab", "..")
end

-- short strings and escapes
assert("\a" == "\7" and "\b" == "\8" and "\f" == "\12" and "\n" == "\10", "\\a \\b \\f \\n")
assert("\r" == "\13" and "\t" == "\9" and "\v" == "\11", "\\r \\t \\v")
assert("\\" == "\92" and "\"" == "\34" and '\'' == "\39" and "'" == '\'' and '"' == "\"", "quotes and backslash")
assert(#"\a\b\f\n\r\t\v\\\"\'" == 10, "each escape is one byte")
assert("alo\n123\"" == 'alo\n123"' and '\97lo\10\04923"' == "alo\n123\"", "manual example")
assert("\65\066\0671" == "ABC1", "decimal escapes up to three digits")
assert("\0651" == "A1", "\\065 followed by digit")
assert(#"a\0b" == 3 and "a\0b" ~= "a\0c" and "a\0b" ~= "a", "embedded zeros")
assert("\000" == "\0" and #"\0\0\0" == 3, "zero escapes")
assert("\255" == "\xff" and "\xFF" == "\xff" and "\x41\x42" == "AB", "hex escapes")
assert("\x000" == "\0" .. "0", "\\x takes exactly two digits")
assert("\u{41}" == "A" and "\u{0041}" == "A" and "\u{000000041}" == "A", "\\u{} ASCII, leading zeros")
assert("\u{7F}" == "\x7f", "\\u{7F}")
assert("\u{80}" == "\xC2\x80", "\\u{80} two bytes")
assert("\u{7FF}" == "\xDF\xBF", "\\u{7FF}")
assert("\u{800}" == "\xE0\xA0\x80", "\\u{800} three bytes")
assert("\u{FFFF}" == "\xEF\xBF\xBF", "\\u{FFFF}")
assert("\u{10000}" == "\xF0\x90\x80\x80", "\\u{10000} four bytes")
assert("\u{10FFFF}" == "\xF4\x8F\xBF\xBF", "\\u{10FFFF}")
assert("\u{D800}" == "\xED\xA0\x80", "surrogates are encoded too")
assert("\u{110000}" == "\xF4\x90\x80\x80", "beyond unicode range, 4 bytes")
assert("\u{200000}" == "\xF8\x88\x80\x80\x80", "5-byte form")
assert("\u{7FFFFFFF}" == "\xFD\xBF\xBF\xBF\xBF\xBF", "6-byte form, 2^31-1")
assert("\u{e9}" == "\xC3\xA9", "lowercase hex digits")
assert("a\z
         b" == "ab", "\\z skips whitespace including newlines")
assert("a\z  " == "a", "\\z at end of string")
assert("a\
b" == "a\nb", "backslash-newline gives newline")
assert(eval("'a\\\r\nb'") == "a\nb", "backslash CR LF gives one newline")
assert(eval("'a\\\n\rb'") == "a\nb", "backslash LF CR gives one newline")
assert(eval("'a\\\rb'") == "a\nb", "backslash CR gives newline")
synerr("x = 'a\\\n\nb'", "t:2: unfinished string near ''a\n'")
synerr("x = '\\x4'", "t:1: hexadecimal digit expected near ''\\x4''")
synerr("x = '\\xg0'", "t:1: hexadecimal digit expected near ''\\xg'")
synerr("x = '\\x'", "t:1: hexadecimal digit expected near ''\\x''")
synerr("x = '\\256'", "t:1: decimal escape too large near ''\\256''")
synerr("x = '\\u{80000000}'", "t:1: UTF-8 value too large near ''\\u{80000000'")
synerr("x = \"\\u{110000000}\"", "t:1: UTF-8 value too large near '\"\\u{110000000'")
synerr("x = '\\u{}'", "t:1: hexadecimal digit expected near ''\\u{}'")
synerr("x = '\\u41'", "t:1: missing '{' near ''\\u4'")
synerr("x = '\\u{41'", "t:1: missing '}' near ''\\u{41''")
synerr("x = '\\q'", "t:1: invalid escape sequence near ''\\q'")
synerr("x = 'abc\ny'", "t:1: unfinished string near ''abc'")
synerr("x = 'abc", "t:1: unfinished string near <eof>")
synerr("x = '\\", "t:1: unfinished string near <eof>")
synerr("x = \"abc\\\"", "t:1: unfinished string near <eof>")
synerr("x = 'a\\z", "t:1: unfinished string near <eof>")

-- long strings
assert([[alo
123"]] == "alo\n123\"", "long string")
assert([==[
alo
123"]==] == "alo\n123\"", "first newline skipped")
assert([[]] == "" and [==[]==] == "", "empty long strings")
assert([==[a]]b]=]c]===]d]==] == "a]]b]=]c]===]d", "other levels ignored")
assert([[\n\t\z]] == "\\n\\t\\z", "no escapes in long strings")
assert([[a[[b]] == "a[[b", "opening bracket inside")
assert(eval("[[\r\nx]]") == "x", "first CR LF skipped")
assert(eval("[[\n\rx]]") == "x", "first LF CR skipped")
assert(eval("[[\rx]]") == "x", "first CR skipped")
assert(eval("[[\n\nx]]") == "\nx", "only the first newline skipped")
assert(eval("[[a\r\nb]]") == "a\nb", "CR LF -> LF")
assert(eval("[[a\n\rb]]") == "a\nb", "LF CR -> LF")
assert(eval("[[a\rb]]") == "a\nb", "CR -> LF")
assert(eval("[[a\r\rb]]") == "a\n\nb", "CR CR -> two LF")
assert(eval("[[a\n\nb]]") == "a\n\nb", "LF LF -> two LF")
assert(eval("[[a\r\n\r\nb]]") == "a\n\nb", "two CR LF -> two LF")
synerr("x = [[abc", "t:1: unfinished long string (starting at line 1) near <eof>")
synerr("\n\nx = [==[abc]]", "t:3: unfinished long string (starting at line 3) near <eof>")
synerr("x = [=abc", "t:1: invalid long string delimiter near '[='")
synerr("x = --[[ unfinished", "t:1: unfinished long comment (starting at line 1) near <eof>")

-- numerals
assert(same(eval("3"), 3) and same(eval("345"), 345), "decimal integers")
assert(same(eval("0xff"), 255) and same(eval("0XFF"), 255) and same(eval("0xBEBADA"), 12499674), "hex integers")
assert(same(eval("3.0"), 3.0) and tostring(eval("3.0")) == "3.0", "3.0 is a float")
assert(eval("3.1416") == 3.1416 and eval("314.16e-2") == 3.1416 and eval("0.31416E1") == 3.1416, "float forms")
assert(same(eval("34e1"), 340.0), "exponent makes a float")
assert(same(eval("1E2"), 100.0) and same(eval("1e+2"), 100.0) and same(eval("1e-2"), 0.01), "exponent forms")
assert(same(eval(".5"), 0.5) and same(eval("5."), 5.0), "leading/trailing radix point")
assert(same(eval("0x0.1E"), 0.1171875), "hex fraction")
assert(same(eval("0xA23p-4"), 162.1875), "hex binary exponent")
assert(same(eval("0x1.fp10"), 1984.0), "manual example 0x1.fp10")
assert(same(eval("0X1.921FB54442D18P+1"), 0x1.921fb54442d18p1), "hex float")
assert(eval("0X1.921FB54442D18P+1") > 3.14159265358 and eval("0X1.921FB54442D18P+1") < 3.14159265359, "pi")
assert(same(eval("0x.8"), 0.5) and same(eval("0x8."), 8.0) and same(eval("0x1p4"), 16.0), "hex float forms")
assert(same(eval("08"), 8) and same(eval("007"), 7), "leading zeros are decimal")
assert(same(eval("9223372036854775807"), 9223372036854775807), "maxinteger literal is an integer")
assert(tostring(eval("9223372036854775807")) == "9223372036854775807", "maxinteger literal prints")
assert(same(eval("9223372036854775808"), 2^63), "overflowing decimal becomes float")
assert(tostring(eval("9223372036854775808")) == "9.2233720368548e+18", "overflowing decimal prints as float")
assert(same(eval("-9223372036854775808"), -2^63), "negated overflowing decimal is float")
assert(same(eval("0x7fffffffffffffff"), 9223372036854775807), "hex maxinteger")
assert(same(eval("0xffffffffffffffff"), -1), "hex wraps around")
assert(same(eval("0x8000000000000000"), -9223372036854775807 - 1), "hex mininteger")
assert(same(eval("0x10000000000000000"), 0), "hex overflow wraps to 0")
assert(same(eval("0x1ffffffffffffffff"), -1), "hex overflow wraps")
assert(same(eval("1e400"), 1/0) and same(eval("-1e400"), -1/0), "huge float literal is inf")
assert(same(eval("1e-400"), 0.0), "tiny float literal is 0.0")
synerr("x = 3x", "t:1: malformed number near '3x'")
synerr("x = 0x", "t:1: malformed number near '0x'")
synerr("x = 0xg", "t:1: malformed number near '0xg'")
synerr("x = 1e", "t:1: malformed number near '1e'")
synerr("x = 1..2", "t:1: malformed number near '1..2'")
synerr("x = 1.2.3", "t:1: malformed number near '1.2.3'")
synerr("x = 0x1p", "t:1: malformed number near '0x1p'")
synerr("x = 0x.p1", "t:1: malformed number near '0x.p1'")
assert(eval("3 .. 4") == "34", "spaces make .. a concat")

-- line counting for messages: any end-of-line sequence counts as one line
synerr("\n\nx = = 1", "t:3: unexpected symbol near '='")
synerr("\r\n\r\nx = = 1", "t:3: unexpected symbol near '='")
synerr("\n\r\n\rx = = 1", "t:3: unexpected symbol near '='")
synerr("\r\rx = = 1", "t:3: unexpected symbol near '='")
synerr("--[[\n\n]] x = = 1", "t:3: unexpected symbol near '='")
synerr("x = [[\n\n]] = 1", "t:3: unexpected symbol near '='")

-- Equal literal strings of one chunk are one object, long ones (more than 40
-- bytes, which the runtime does not intern) included: in different functions,
-- in one function, and in a table constructor.
do
  local long = string.rep("long literal ", 5)
  local f, g, t = load([[
    local function f() return "long literal long literal long literal long literal long literal " end
    local function g() return "long literal long literal long literal long literal long literal " end
    local t = {"long literal long literal long literal long literal long literal ",
               "long literal long literal long literal long literal long literal "}
    return f, g, t]])()
  assert(f() == long and g() == long and t[1] == long)
  local p = string.format("%p", f())
  assert(string.format("%p", g()) == p, "long constants of two functions")
  assert(string.format("%p", t[1]) == p and string.format("%p", t[2]) == p, "long constants of one function")
  -- strings made at run time are separate objects
  assert(string.format("%p", long) ~= p)
end

print("OK")
