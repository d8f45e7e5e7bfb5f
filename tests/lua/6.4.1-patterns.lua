-- Lua 5.4 manual §6.4.1 Patterns: find, match, gmatch and gsub.
-- Self-checking: prints only "OK" on success. The expected results in the
-- case tables are those lua5.4 gives.

local sc = require("modules.stringcases")
local pk, join, ser, run, check, runCases, finish = sc.pk, sc.join, sc.ser, sc.run, sc.check, sc.runCases, sc.finish

-- {function, expected, arguments...}
local cases = {
  {"find", "5,5", "hello world", "o", -100},
  {"find", "1,0", "hello world", "", -100},
  {"find", "3,4", "hello world", "l+", -100},
  {"find", "nil", "hello world", "^w", -100},
  {"find", "5,5", "hello world", "o", -100, true},
  {"match", "'o',' '", "hello world", "(o)(.)", -100},
  {"match", "1", "hello world", "()", -100},
  {"match", "'hello world'", "hello world", ".-$", -100},
  {"find", "5,5", "hello world", "o", -11},
  {"find", "1,0", "hello world", "", -11},
  {"find", "3,4", "hello world", "l+", -11},
  {"find", "nil", "hello world", "^w", -11},
  {"find", "5,5", "hello world", "o", -11, true},
  {"match", "'o',' '", "hello world", "(o)(.)", -11},
  {"match", "1", "hello world", "()", -11},
  {"match", "'hello world'", "hello world", ".-$", -11},
  {"find", "5,5", "hello world", "o", -10},
  {"find", "2,1", "hello world", "", -10},
  {"find", "3,4", "hello world", "l+", -10},
  {"find", "nil", "hello world", "^w", -10},
  {"find", "5,5", "hello world", "o", -10, true},
  {"match", "'o',' '", "hello world", "(o)(.)", -10},
  {"match", "2", "hello world", "()", -10},
  {"match", "'ello world'", "hello world", ".-$", -10},
  {"find", "nil", "hello world", "o", -3},
  {"find", "9,8", "hello world", "", -3},
  {"find", "10,10", "hello world", "l+", -3},
  {"find", "nil", "hello world", "^w", -3},
  {"find", "nil", "hello world", "o", -3, true},
  {"match", "nil", "hello world", "(o)(.)", -3},
  {"match", "9", "hello world", "()", -3},
  {"match", "'rld'", "hello world", ".-$", -3},
  {"find", "nil", "hello world", "o", -1},
  {"find", "11,10", "hello world", "", -1},
  {"find", "nil", "hello world", "l+", -1},
  {"find", "nil", "hello world", "^w", -1},
  {"find", "nil", "hello world", "o", -1, true},
  {"match", "nil", "hello world", "(o)(.)", -1},
  {"match", "11", "hello world", "()", -1},
  {"match", "'d'", "hello world", ".-$", -1},
  {"find", "5,5", "hello world", "o", 0},
  {"find", "1,0", "hello world", "", 0},
  {"find", "3,4", "hello world", "l+", 0},
  {"find", "nil", "hello world", "^w", 0},
  {"find", "5,5", "hello world", "o", 0, true},
  {"match", "'o',' '", "hello world", "(o)(.)", 0},
  {"match", "1", "hello world", "()", 0},
  {"match", "'hello world'", "hello world", ".-$", 0},
  {"find", "5,5", "hello world", "o", 1},
  {"find", "1,0", "hello world", "", 1},
  {"find", "3,4", "hello world", "l+", 1},
  {"find", "nil", "hello world", "^w", 1},
  {"find", "5,5", "hello world", "o", 1, true},
  {"match", "'o',' '", "hello world", "(o)(.)", 1},
  {"match", "1", "hello world", "()", 1},
  {"match", "'hello world'", "hello world", ".-$", 1},
  {"find", "5,5", "hello world", "o", 2},
  {"find", "2,1", "hello world", "", 2},
  {"find", "3,4", "hello world", "l+", 2},
  {"find", "nil", "hello world", "^w", 2},
  {"find", "5,5", "hello world", "o", 2, true},
  {"match", "'o',' '", "hello world", "(o)(.)", 2},
  {"match", "2", "hello world", "()", 2},
  {"match", "'ello world'", "hello world", ".-$", 2},
  {"find", "5,5", "hello world", "o", 5},
  {"find", "5,4", "hello world", "", 5},
  {"find", "10,10", "hello world", "l+", 5},
  {"find", "nil", "hello world", "^w", 5},
  {"find", "5,5", "hello world", "o", 5, true},
  {"match", "'o',' '", "hello world", "(o)(.)", 5},
  {"match", "5", "hello world", "()", 5},
  {"match", "'o world'", "hello world", ".-$", 5},
  {"find", "nil", "hello world", "o", 10},
  {"find", "10,9", "hello world", "", 10},
  {"find", "10,10", "hello world", "l+", 10},
  {"find", "nil", "hello world", "^w", 10},
  {"find", "nil", "hello world", "o", 10, true},
  {"match", "nil", "hello world", "(o)(.)", 10},
  {"match", "10", "hello world", "()", 10},
  {"match", "'ld'", "hello world", ".-$", 10},
  {"find", "nil", "hello world", "o", 11},
  {"find", "11,10", "hello world", "", 11},
  {"find", "nil", "hello world", "l+", 11},
  {"find", "nil", "hello world", "^w", 11},
  {"find", "nil", "hello world", "o", 11, true},
  {"match", "nil", "hello world", "(o)(.)", 11},
  {"match", "11", "hello world", "()", 11},
  {"match", "'d'", "hello world", ".-$", 11},
  {"find", "nil", "hello world", "o", 12},
  {"find", "12,11", "hello world", "", 12},
  {"find", "nil", "hello world", "l+", 12},
  {"find", "nil", "hello world", "^w", 12},
  {"find", "nil", "hello world", "o", 12, true},
  {"match", "nil", "hello world", "(o)(.)", 12},
  {"match", "12", "hello world", "()", 12},
  {"match", "''", "hello world", ".-$", 12},
  {"find", "nil", "hello world", "o", 100},
  {"find", "nil", "hello world", "", 100},
  {"find", "nil", "hello world", "l+", 100},
  {"find", "nil", "hello world", "^w", 100},
  {"find", "nil", "hello world", "o", 100, true},
  {"match", "nil", "hello world", "(o)(.)", 100},
  {"match", "nil", "hello world", "()", 100},
  {"match", "nil", "hello world", ".-$", 100},
  {"find", "2,2", "a.b", ".", 1, true},
  {"find", "2,2", "a+b", "+", 1, true},
  {"find", "1,2", "a+b", "a+", 1, true},
  {"find", "2,2", "a[b", "[", 1, true},
  {"find", "2,2", "a%b", "%", 1, true},
  {"find", "E:t:1: unfinished capture", "a(b", "(", 1, false},
  {"find", "2,2", "a)b", ")", 1, nil, n = 4},
  {"find", "4,3", "abc", "", 4, true},
  {"find", "nil", "abc", "", 5, true},
  {"find", "2,2", "a\0b", "\0", 1, true},
  {"find", "2,3", "a\0b", "\0b"},
  {"find", "2,2", "abc", "b", nil, true, n = 4},
  {"find", "2,2", "abc", "b", 1, 0},
  {"find", "3,3", "abc", "c", 1, ""},
  {"find", "2,3", "aaa", "aa", 2},
  {"find", "nil", "ab", "ab", 2},
  {"gsub", "'hello world',2", "hello world", "(o)", "%0"},
  {"gsub", "'hello world',1", "hello world", "(l)(l)", "%0"},
  {"gsub", "'hello world',2", "hello world", "%w+", "%0"},
  {"gsub", "'abc',4", "abc", "()", "%0"},
  {"gsub", "'abc',4", "abc", "", "%0"},
  {"gsub", "'hello world',2", "hello world", "(o)", "%1"},
  {"gsub", "'helo world',1", "hello world", "(l)(l)", "%1"},
  {"gsub", "'hello world',2", "hello world", "%w+", "%1"},
  {"gsub", "'1a2b3c4',4", "abc", "()", "%1"},
  {"gsub", "'abc',4", "abc", "", "%1"},
  {"gsub", "E:t:1: invalid capture index %2", "hello world", "(o)", "%2"},
  {"gsub", "'helo world',1", "hello world", "(l)(l)", "%2"},
  {"gsub", "E:t:1: invalid capture index %2", "hello world", "%w+", "%2"},
  {"gsub", "E:t:1: invalid capture index %2", "abc", "()", "%2"},
  {"gsub", "E:t:1: invalid capture index %2", "abc", "", "%2"},
  {"gsub", "E:t:1: invalid capture index %2", "hello world", "(o)", "[%1|%2]"},
  {"gsub", "'he[l|l]o world',1", "hello world", "(l)(l)", "[%1|%2]"},
  {"gsub", "E:t:1: invalid capture index %2", "hello world", "%w+", "[%1|%2]"},
  {"gsub", "E:t:1: invalid capture index %2", "abc", "()", "[%1|%2]"},
  {"gsub", "E:t:1: invalid capture index %2", "abc", "", "[%1|%2]"},
  {"gsub", "'hell% w%rld',2", "hello world", "(o)", "%%"},
  {"gsub", "'he%o world',1", "hello world", "(l)(l)", "%%"},
  {"gsub", "'% %',2", "hello world", "%w+", "%%"},
  {"gsub", "'%a%b%c%',4", "abc", "()", "%%"},
  {"gsub", "'%a%b%c%',4", "abc", "", "%%"},
  {"gsub", "'hellx%y wx%yrld',2", "hello world", "(o)", "x%%y"},
  {"gsub", "'hex%yo world',1", "hello world", "(l)(l)", "x%%y"},
  {"gsub", "'x%y x%y',2", "hello world", "%w+", "x%%y"},
  {"gsub", "'x%yax%ybx%ycx%y',4", "abc", "()", "x%%y"},
  {"gsub", "'x%yax%ybx%ycx%y',4", "abc", "", "x%%y"},
  {"gsub", "'hell wrld',2", "hello world", "(o)", ""},
  {"gsub", "'heo world',1", "hello world", "(l)(l)", ""},
  {"gsub", "' ',2", "hello world", "%w+", ""},
  {"gsub", "'abc',4", "abc", "()", ""},
  {"gsub", "'abc',4", "abc", "", ""},
  {"gsub", "'helloo woorld',2", "hello world", "(o)", "%1%1"},
  {"gsub", "'hello world',1", "hello world", "(l)(l)", "%1%1"},
  {"gsub", "'hellohello worldworld',2", "hello world", "%w+", "%1%1"},
  {"gsub", "'11a22b33c44',4", "abc", "()", "%1%1"},
  {"gsub", "'abc',4", "abc", "", "%1%1"},
  {"gsub", "'hell-o- w-o-rld',2", "hello world", "(o)", "-%0-"},
  {"gsub", "'he-ll-o world',1", "hello world", "(l)(l)", "-%0-"},
  {"gsub", "'-hello- -world-',2", "hello world", "%w+", "-%0-"},
  {"gsub", "'--a--b--c--',4", "abc", "()", "-%0-"},
  {"gsub", "'--a--b--c--',4", "abc", "", "-%0-"},
  {"gsub", "E:t:1: invalid capture index %3", "hello world", "(o)", "%3"},
  {"gsub", "E:t:1: invalid capture index %3", "hello world", "(l)(l)", "%3"},
  {"gsub", "E:t:1: invalid capture index %3", "hello world", "%w+", "%3"},
  {"gsub", "E:t:1: invalid capture index %3", "abc", "()", "%3"},
  {"gsub", "E:t:1: invalid capture index %3", "abc", "", "%3"},
  {"gsub", "E:t:1: invalid capture index %9", "hello world", "(o)", "%9"},
  {"gsub", "E:t:1: invalid capture index %9", "hello world", "(l)(l)", "%9"},
  {"gsub", "E:t:1: invalid capture index %9", "hello world", "%w+", "%9"},
  {"gsub", "E:t:1: invalid capture index %9", "abc", "()", "%9"},
  {"gsub", "E:t:1: invalid capture index %9", "abc", "", "%9"},
  {"gsub", "'helloo woorld',2", "hello world", "(o)", "%0%0"},
  {"gsub", "'hellllo world',1", "hello world", "(l)(l)", "%0%0"},
  {"gsub", "'hellohello worldworld',2", "hello world", "%w+", "%0%0"},
  {"gsub", "'abc',4", "abc", "()", "%0%0"},
  {"gsub", "'abc',4", "abc", "", "%0%0"},
  {"gsub", "'aaa',0", "aaa", "a", "b", -1},
  {"gsub", "'abc',0", "abc", "", "-", -1},
  {"gsub", "'hello world',0", "hello world", "^h", "H", -1},
  {"gsub", "'aaa',0", "aaa", "a", "b", 0},
  {"gsub", "'abc',0", "abc", "", "-", 0},
  {"gsub", "'hello world',0", "hello world", "^h", "H", 0},
  {"gsub", "'baa',1", "aaa", "a", "b", 1},
  {"gsub", "'-abc',1", "abc", "", "-", 1},
  {"gsub", "'Hello world',1", "hello world", "^h", "H", 1},
  {"gsub", "'bba',2", "aaa", "a", "b", 2},
  {"gsub", "'-a-bc',2", "abc", "", "-", 2},
  {"gsub", "'Hello world',1", "hello world", "^h", "H", 2},
  {"gsub", "'bbb',3", "aaa", "a", "b", 3},
  {"gsub", "'-a-b-c',3", "abc", "", "-", 3},
  {"gsub", "'Hello world',1", "hello world", "^h", "H", 3},
  {"gsub", "'bbb',3", "aaa", "a", "b", 100},
  {"gsub", "'-a-b-c-',4", "abc", "", "-", 100},
  {"gsub", "'Hello world',1", "hello world", "^h", "H", 100},
  {"gsub", "'bba',2", "aaa", "a", "b", 2.0},
  {"gsub", "'-a-bc',2", "abc", "", "-", 2.0},
  {"gsub", "'Hello world',1", "hello world", "^h", "H", 2.0},
  {"gsub", "'>hello',1", "hello", "^", ">"},
  {"gsub", "'hello<',1", "hello", "$", "<"},
  {"gsub", "'hello',0", "hello", "^$", "x"},
  {"gsub", "'x',1", "", "^$", "x"},
  {"gsub", "'x',1", "", "", "x"},
  {"gsub", "'xaxbxcx',4", "abc", ".-", "x"},
  {"gsub", "'-a-b-c-',4", "abc", "x*", "-"},
  {"gsub", "'hell0 w0rld',2", "hello world", "o", 0},
  {"gsub", "'hell1.5 w1.5rld',2", "hello world", "o", 1.5},
  {"gsub", "'hello world',1", "hello world", "(o)", "%1", 1},
  {"gsub", "'a%20b%20c',2", "a b c", " ", "%%20"},
  {"gsub", "E:t:1: invalid use of '%' in replacement string", "abc", "b", "%"},
  {"gsub", "E:t:1: invalid use of '%' in replacement string", "abc", "b", "%x"},
  {"gsub", "E:t:1: invalid use of '%' in replacement string", "abc", "b", "%#"},
  {"gsub", "E:t:1: invalid capture index %2", "abc", "(b)", "%2"},
  {"gsub", "'abc',1", "abc", "b", "%1"},
  {"gsub", "'abbc',1", "abc", "b", "%0%1"},
  {"gsub", "'abc',1", "abc", "(b)", "%0"},
  {"gsub", "'ab2c',1", "abc", "(()b)", "%1%2"},
  {"gsub", "'heLLo',2", "hello", "l", "L", nil, n = 4},
  {"gsub", "'12045',1", 12345, 3, 0},
  {"gsub", "'a1.0c',1", "abc", "b", 1.0},
  {"gsub", "'a9.007199254741e+15c',1", "abc", "b", 9007199254740992.0},
  {"find", "E:t:1: malformed pattern (ends with '%')", "abcabc", "%"},
  {"match", "E:t:1: malformed pattern (ends with '%')", "abc", "%"},
  {"gsub", "E:t:1: malformed pattern (ends with '%')", "abc", "%", "x"},
  {"find", "E:t:1: malformed pattern (ends with '%')", "abcabc", "a%"},
  {"match", "E:t:1: malformed pattern (ends with '%')", "abc", "a%"},
  {"gsub", "E:t:1: malformed pattern (ends with '%')", "abc", "a%", "x"},
  {"find", "E:t:1: malformed pattern (missing ']')", "abcabc", "[a"},
  {"match", "E:t:1: malformed pattern (missing ']')", "abc", "[a"},
  {"gsub", "E:t:1: malformed pattern (missing ']')", "abc", "[a", "x"},
  {"find", "E:t:1: malformed pattern (missing ']')", "abcabc", "[a%"},
  {"match", "E:t:1: malformed pattern (missing ']')", "abc", "[a%"},
  {"gsub", "E:t:1: malformed pattern (missing ']')", "abc", "[a%", "x"},
  {"find", "E:t:1: malformed pattern (missing ']')", "abcabc", "["},
  {"match", "E:t:1: malformed pattern (missing ']')", "abc", "["},
  {"gsub", "E:t:1: malformed pattern (missing ']')", "abc", "[", "x"},
  {"find", "E:t:1: malformed pattern (missing ']')", "abcabc", "[^"},
  {"match", "E:t:1: malformed pattern (missing ']')", "abc", "[^"},
  {"gsub", "E:t:1: malformed pattern (missing ']')", "abc", "[^", "x"},
  {"find", "E:t:1: malformed pattern (missing ']')", "abcabc", "[]"},
  {"match", "E:t:1: malformed pattern (missing ']')", "abc", "[]"},
  {"gsub", "E:t:1: malformed pattern (missing ']')", "abc", "[]", "x"},
  {"find", "E:t:1: malformed pattern (missing ']')", "abcabc", "[^]"},
  {"match", "E:t:1: malformed pattern (missing ']')", "abc", "[^]"},
  {"gsub", "E:t:1: malformed pattern (missing ']')", "abc", "[^]", "x"},
  {"find", "E:t:1: malformed pattern (missing ']')", "abcabc", "[%"},
  {"match", "E:t:1: malformed pattern (missing ']')", "abc", "[%"},
  {"gsub", "E:t:1: malformed pattern (missing ']')", "abc", "[%", "x"},
  {"find", "E:t:1: missing '[' after '%f' in pattern", "abcabc", "%f"},
  {"match", "E:t:1: missing '[' after '%f' in pattern", "abc", "%f"},
  {"gsub", "E:t:1: missing '[' after '%f' in pattern", "abc", "%f", "x"},
  {"find", "E:t:1: missing '[' after '%f' in pattern", "abcabc", "%fa"},
  {"match", "E:t:1: missing '[' after '%f' in pattern", "abc", "%fa"},
  {"gsub", "E:t:1: missing '[' after '%f' in pattern", "abc", "%fa", "x"},
  {"find", "E:t:1: malformed pattern (missing ']')", "abcabc", "%f[a"},
  {"match", "E:t:1: malformed pattern (missing ']')", "abc", "%f[a"},
  {"gsub", "E:t:1: malformed pattern (missing ']')", "abc", "%f[a", "x"},
  {"find", "E:t:1: malformed pattern (missing arguments to '%b')", "abcabc", "%b"},
  {"match", "E:t:1: malformed pattern (missing arguments to '%b')", "abc", "%b"},
  {"gsub", "E:t:1: malformed pattern (missing arguments to '%b')", "abc", "%b", "x"},
  {"find", "E:t:1: malformed pattern (missing arguments to '%b')", "abcabc", "%ba"},
  {"match", "E:t:1: malformed pattern (missing arguments to '%b')", "abc", "%ba"},
  {"gsub", "E:t:1: malformed pattern (missing arguments to '%b')", "abc", "%ba", "x"},
  {"find", "E:t:1: malformed pattern (missing arguments to '%b')", "abcabc", "%b%"},
  {"match", "E:t:1: malformed pattern (missing arguments to '%b')", "abc", "%b%"},
  {"gsub", "E:t:1: malformed pattern (missing arguments to '%b')", "abc", "%b%", "x"},
  {"find", "E:t:1: unfinished capture", "abcabc", "(a"},
  {"match", "E:t:1: unfinished capture", "abc", "(a"},
  {"gsub", "'xbc',1", "abc", "(a", "x"},
  {"find", "nil", "abcabc", "a)"},
  {"match", "E:t:1: invalid pattern capture", "abc", "a)"},
  {"gsub", "E:t:1: invalid pattern capture", "abc", "a)", "x"},
  {"find", "nil", "abcabc", ")"},
  {"match", "E:t:1: invalid pattern capture", "abc", ")"},
  {"gsub", "E:t:1: invalid pattern capture", "abc", ")", "x"},
  {"find", "E:t:1: unfinished capture", "abcabc", "(()"},
  {"match", "E:t:1: unfinished capture", "abc", "(()"},
  {"gsub", "'xaxbxcx',4", "abc", "(()", "x"},
  {"find", "E:t:1: invalid capture index %1", "abcabc", "%1"},
  {"match", "E:t:1: invalid capture index %1", "abc", "%1"},
  {"gsub", "E:t:1: invalid capture index %1", "abc", "%1", "x"},
  {"find", "E:t:1: invalid capture index %2", "abcabc", "(a)%2"},
  {"match", "E:t:1: invalid capture index %2", "abc", "(a)%2"},
  {"gsub", "E:t:1: invalid capture index %2", "abc", "(a)%2", "x"},
  {"find", "E:t:1: invalid capture index %1", "abcabc", "(a%1)"},
  {"match", "E:t:1: invalid capture index %1", "abc", "(a%1)"},
  {"gsub", "E:t:1: invalid capture index %1", "abc", "(a%1)", "x"},
  {"find", "E:t:1: invalid capture index %1", "abcabc", "(()a%1)"},
  {"match", "E:t:1: invalid capture index %1", "abc", "(()a%1)"},
  {"gsub", "E:t:1: invalid capture index %1", "abc", "(()a%1)", "x"},
  {"find", "E:t:1: invalid capture index %0", "abcabc", "%0"},
  {"match", "E:t:1: invalid capture index %0", "abc", "%0"},
  {"gsub", "E:t:1: invalid capture index %0", "abc", "%0", "x"},
  {"find", "E:t:1: invalid capture index %0", "abcabc", "(a)%0"},
  {"match", "E:t:1: invalid capture index %0", "abc", "(a)%0"},
  {"gsub", "E:t:1: invalid capture index %0", "abc", "(a)%0", "x"},
  {"find", "1,1,'a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a'", "abcabc", "((((((((((((((((((((((((((((((((a))))))))))))))))))))))))))))))))"},
  {"match", "'a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a'", "abc", "((((((((((((((((((((((((((((((((a))))))))))))))))))))))))))))))))"},
  {"gsub", "'xbc',1", "abc", "((((((((((((((((((((((((((((((((a))))))))))))))))))))))))))))))))", "x"},
  {"find", "1,1,'a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a'", "abcabc", "(((((((((((((((((((((((((((((((a)))))))))))))))))))))))))))))))"},
  {"match", "'a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a'", "abc", "(((((((((((((((((((((((((((((((a)))))))))))))))))))))))))))))))"},
  {"gsub", "'xbc',1", "abc", "(((((((((((((((((((((((((((((((a)))))))))))))))))))))))))))))))", "x"},
  {"find", "E:t:1: too many captures", "abcabc", "(()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()"},
  {"match", "E:t:1: too many captures", "abc", "(()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()"},
  {"gsub", "E:t:1: too many captures", "abc", "(()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()", "x"},
  {"find", "E:t:1: malformed pattern (ends with '%')", "abcabc", "%f[%w]%"},
  {"match", "E:t:1: malformed pattern (ends with '%')", "abc", "%f[%w]%"},
  {"gsub", "E:t:1: malformed pattern (ends with '%')", "abc", "%f[%w]%", "x"},
  {"find", "E:t:1: malformed pattern (ends with '%')", "abcabc", "[%a-]%"},
  {"match", "E:t:1: malformed pattern (ends with '%')", "abc", "[%a-]%"},
  {"gsub", "E:t:1: malformed pattern (ends with '%')", "abc", "[%a-]%", "x"},
  {"find", "E:t:1: malformed pattern (ends with '%')", "abcabc", "a*%"},
  {"match", "E:t:1: malformed pattern (ends with '%')", "abc", "a*%"},
  {"gsub", "E:t:1: malformed pattern (ends with '%')", "abc", "a*%", "x"},
  {"find", "E:t:1: malformed pattern (missing ']')", "abcabc", "[a-%]"},
  {"match", "E:t:1: malformed pattern (missing ']')", "abc", "[a-%]"},
  {"gsub", "E:t:1: malformed pattern (missing ']')", "abc", "[a-%]", "x"},
  {"find", "E:t:1: pattern too complex", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?"},
  {"find", "1,198", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?"},
  {"find", "E:t:1: pattern too complex", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?b"},
  {"match", "'a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a','a'", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "(a)(a)(a)(a)(a)(a)(a)(a)(a)(a)(a)(a)(a)(a)(a)(a)(a)(a)(a)(a).*"},
  {"match", "nil", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", ".-b"},
  {"match", "'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "(.-)%1$"},
  {"find", "1,199", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*"},
  {"find", "1,220", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*"},
  {"find", "199,199", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-$", 199},
  {"find", "1,10", "aaaaaaaaaa", "a-a-a-a-a-a-a-a-a-a-$"},
  {"find", "1,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1", "x", "()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()"},
  {"find", "E:t:1: too many captures", "x", "()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()"},
  {"find", "1,1,'x','','','','','','','','','','','','','','','','','','','','','','','','','','','','','','',''", "x", "(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)"},
  {"find", "E:t:1: too many captures", "x", "(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)(x*)"},
  {"find", "E:t:1: bad argument #1 to 'find' (string expected, got no value)"},
  {"find", "E:t:1: bad argument #2 to 'find' (string expected, got no value)", "a"},
  {"find", "E:t:1: bad argument #1 to 'find' (string expected, got table)", {}, "a"},
  {"find", "E:t:1: bad argument #2 to 'find' (string expected, got table)", "a", {}},
  {"find", "E:t:1: bad argument #3 to 'find' (number expected, got string)", "a", "a", "x"},
  {"find", "E:t:1: bad argument #3 to 'find' (number has no integer representation)", "a", "a", 1.5},
  {"find", "1,1", "a", "a", "1"},
  {"match", "E:t:1: bad argument #1 to 'match' (string expected, got nil)", nil, "a", n = 2},
  {"match", "E:t:1: bad argument #2 to 'match' (string expected, got nil)", "a", nil, n = 2},
  {"match", "E:t:1: bad argument #3 to 'match' (number expected, got table)", "a", "a", {}},
  {"gsub", "E:t:1: bad argument #3 to 'gsub' (string/function/table expected, got no value)", "a", "a"},
  {"gsub", "E:t:1: bad argument #3 to 'gsub' (string/function/table expected, got boolean)", "a", "a", true},
  {"gsub", "E:t:1: bad argument #3 to 'gsub' (string/function/table expected, got nil)", "a", "a", nil, n = 3},
  {"gsub", "E:t:1: bad argument #4 to 'gsub' (number expected, got string)", "a", "a", "b", "x"},
  {"gsub", "E:t:1: bad argument #4 to 'gsub' (number expected, got string)", "a", "a", true, "x"},
  {"gsub", "E:t:1: bad argument #4 to 'gsub' (number has no integer representation)", "a", "a", "b", 1.5},
  {"gsub", "E:t:1: bad argument #1 to 'gsub' (string expected, got table)", {}, "a", "b"},
  {"gmatch", "E:t:1: bad argument #2 to 'gmatch' (string expected, got no value)", "a"},
  {"gmatch", "E:t:1: bad argument #3 to 'gmatch' (number has no integer representation)", "a", "a", 1.5},
  {"gmatch", "E:t:1: bad argument #1 to 'gmatch' (string expected, got nil)", nil, "a", n = 2},
  {"find", "3,4", 12345, 34},
  {"find", "1,1", 12.5, "."},
  {"match", "'9'", 9.2233720368547758e+18, "%d+"},
  {"match", "'-0.0'", -0.0, ".+"},
  {"match", "'+100'", 1e+100, "e(.*)"},
  {"gmatch*", "'hello'; 'world'", "hello world", "%a+", -100},
  {"gmatch*", "''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "hello world", "", -100},
  {"gmatch*", "5; 8", "hello world", "()o", -100},
  {"gmatch*", "''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "hello world", ".-", -100},
  {"gmatch*", "'world'", "hello world", "%a+", -5},
  {"gmatch*", "''; ''; ''; ''; ''; ''", "hello world", "", -5},
  {"gmatch*", "8", "hello world", "()o", -5},
  {"gmatch*", "''; ''; ''; ''; ''; ''", "hello world", ".-", -5},
  {"gmatch*", "'d'", "hello world", "%a+", -1},
  {"gmatch*", "''; ''", "hello world", "", -1},
  {"gmatch*", "", "hello world", "()o", -1},
  {"gmatch*", "''; ''", "hello world", ".-", -1},
  {"gmatch*", "'hello'; 'world'", "hello world", "%a+", 0},
  {"gmatch*", "''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "hello world", "", 0},
  {"gmatch*", "5; 8", "hello world", "()o", 0},
  {"gmatch*", "''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "hello world", ".-", 0},
  {"gmatch*", "'hello'; 'world'", "hello world", "%a+", 1},
  {"gmatch*", "''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "hello world", "", 1},
  {"gmatch*", "5; 8", "hello world", "()o", 1},
  {"gmatch*", "''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "hello world", ".-", 1},
  {"gmatch*", "'ello'; 'world'", "hello world", "%a+", 2},
  {"gmatch*", "''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "hello world", "", 2},
  {"gmatch*", "5; 8", "hello world", "()o", 2},
  {"gmatch*", "''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "hello world", ".-", 2},
  {"gmatch*", "'world'", "hello world", "%a+", 6},
  {"gmatch*", "''; ''; ''; ''; ''; ''; ''", "hello world", "", 6},
  {"gmatch*", "8", "hello world", "()o", 6},
  {"gmatch*", "''; ''; ''; ''; ''; ''; ''", "hello world", ".-", 6},
  {"gmatch*", "'d'", "hello world", "%a+", 11},
  {"gmatch*", "''; ''", "hello world", "", 11},
  {"gmatch*", "", "hello world", "()o", 11},
  {"gmatch*", "''; ''", "hello world", ".-", 11},
  {"gmatch*", "", "hello world", "%a+", 12},
  {"gmatch*", "''", "hello world", "", 12},
  {"gmatch*", "", "hello world", "()o", 12},
  {"gmatch*", "''", "hello world", ".-", 12},
  {"gmatch*", "", "hello world", "%a+", 13},
  {"gmatch*", "", "hello world", "", 13},
  {"gmatch*", "", "hello world", "()o", 13},
  {"gmatch*", "", "hello world", ".-", 13},
  {"gmatch*", "", "hello world", "%a+", 100},
  {"gmatch*", "", "hello world", "", 100},
  {"gmatch*", "", "hello world", "()o", 100},
  {"gmatch*", "", "hello world", ".-", 100},
  {"gmatch*", "'^a'; '^b'", "^a^b", "^."},
  {"gmatch*", "", "abc", "^a"},
  {"gmatch*", "E:t:1: unfinished capture", "a", "("},
  {"gmatch*", "E:t:1: malformed pattern (ends with '%')", "a", "%"},
  {"gmatch*", "E:t:1: malformed pattern (missing ']')", "a", "["},
  {"gmatch*", "''", "", ""},
  {"gmatch*", "''", "", "x*"},
  {"gmatch*", "'aaa'", "aaa", "a*"},
  {"gmatch*", "'a'; 'a'; ''", "abab", "a*"},
  {"gmatch*", "1; 2; 3; 4", "abc", "()"},
  {"gmatch*", "'key','value'; 'k2','v2'", "key = value, k2 = v2", "(%w+)%s*=%s*(%w+)"},
  {"gmatch*", "'one'; 'two'; 'three'", "one two  three", "%S+"},
  {"gmatch*", "'a'; 'b'; ''; 'c'", "a,b,,c", "([^,]*)"},
  {"gmatch*", "'1'; '22'; '333'", "x1y22z333", "%d+"},
  {"gmatch*", "''; ''; ''", "x1y22z333", "%a(%d-)"},
  {"gmatch*", "'((a)(b))'", "((a)(b))", "%b()"},
  {"gmatch*", "'THE'; 'quick'; 'fox'", "THE (quick) fox", "%f[%a]%a+"},
  {"gmatch*", "'X'", "aXbXc", "X", 3},
  {"gmatch*", "4,5", "aXbXc", "()X()", -2},
  {"gmatch*", "E:t:1: invalid capture index %2", "abc", "(a)%2"},
  {"gmatch*", "E:t:1: invalid capture index %1", "abc", "%1"},
  {"gmatch*", "'2'", 123, 2},
  {"gmatch*", "E:t:1: too many captures", "abc", "()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()"},
}

local crossSubjects = {
  "",
  "a",
  "aaa",
  "hello world",
  "  trim me  ",
  "THE (quick) fox",
  "x = 10, y = 20",
  "a,b,,c",
  "f(a(b)c)d",
  "abcabc",
  "\0a\0b",
  "12-34-56",
  "x\
y\9z",
  "key=key;k=v",
}
-- {pattern, {find | match | gsub(s, p, "<%0>") | gmatch results, for each subject}}
local crossCases = {
  {".", {"nil | nil | '',0 | ", "1,1 | 'a' | '<a>',1 | 'a'", "1,1 | 'a' | '<a><a><a>',3 | 'a'; 'a'; 'a'", "1,1 | 'h' | '<h><e><l><l><o>< ><w><o><r><l><d>',11 | 'h'; 'e'; 'l'; 'l'; 'o'; ' '; 'w'; 'o'; 'r'; 'l'; 'd'", "1,1 | ' ' | '< >< ><t><r><i><m>< ><m><e>< >< >',11 | ' '; ' '; 't'; 'r'; 'i'; 'm'; ' '; 'm'; 'e'; ' '; ' '", "1,1 | 'T' | '<T><H><E>< ><(><q><u><i><c><k><)>< ><f><o><x>',15 | 'T'; 'H'; 'E'; ' '; '('; 'q'; 'u'; 'i'; 'c'; 'k'; ')'; ' '; 'f'; 'o'; 'x'", "1,1 | 'x' | '<x>< ><=>< ><1><0><,>< ><y>< ><=>< ><2><0>',14 | 'x'; ' '; '='; ' '; '1'; '0'; ','; ' '; 'y'; ' '; '='; ' '; '2'; '0'", "1,1 | 'a' | '<a><,><b><,><,><c>',6 | 'a'; ','; 'b'; ','; ','; 'c'", "1,1 | 'f' | '<f><(><a><(><b><)><c><)><d>',9 | 'f'; '('; 'a'; '('; 'b'; ')'; 'c'; ')'; 'd'", "1,1 | 'a' | '<a><b><c><a><b><c>',6 | 'a'; 'b'; 'c'; 'a'; 'b'; 'c'", "1,1 | '\0' | '<\0><a><\0><b>',4 | '\0'; 'a'; '\0'; 'b'", "1,1 | '1' | '<1><2><-><3><4><-><5><6>',8 | '1'; '2'; '-'; '3'; '4'; '-'; '5'; '6'", "1,1 | 'x' | '<x><\
><y><\9><z>',5 | 'x'; '\
'; 'y'; '\9'; 'z'", "1,1 | 'k' | '<k><e><y><=><k><e><y><;><k><=><v>',11 | 'k'; 'e'; 'y'; '='; 'k'; 'e'; 'y'; ';'; 'k'; '='; 'v'"}},
  {"a", {"nil | nil | '',0 | ", "1,1 | 'a' | '<a>',1 | 'a'", "1,1 | 'a' | '<a><a><a>',3 | 'a'; 'a'; 'a'", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "nil | nil | 'x = 10, y = 20',0 | ", "1,1 | 'a' | '<a>,b,,c',1 | 'a'", "3,3 | 'a' | 'f(<a>(b)c)d',1 | 'a'", "1,1 | 'a' | '<a>bc<a>bc',2 | 'a'; 'a'", "2,2 | 'a' | '\0<a>\0b',1 | 'a'", "nil | nil | '12-34-56',0 | ", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {"a*", {"1,0 | '' | '<>',1 | ''", "1,1 | 'a' | '<a>',1 | 'a'", "1,3 | 'aaa' | '<aaa>',1 | 'aaa'", "1,0 | '' | '<>h<>e<>l<>l<>o<> <>w<>o<>r<>l<>d<>',12 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,0 | '' | '<> <> <>t<>r<>i<>m<> <>m<>e<> <> <>',12 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,0 | '' | '<>T<>H<>E<> <>(<>q<>u<>i<>c<>k<>)<> <>f<>o<>x<>',16 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,0 | '' | '<>x<> <>=<> <>1<>0<>,<> <>y<> <>=<> <>2<>0<>',15 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,1 | 'a' | '<a>,<>b<>,<>,<>c<>',6 | 'a'; ''; ''; ''; ''; ''", "1,0 | '' | '<>f<>(<a>(<>b<>)<>c<>)<>d<>',9 | ''; ''; 'a'; ''; ''; ''; ''; ''; ''", "1,1 | 'a' | '<a>b<>c<a>b<>c<>',5 | 'a'; ''; 'a'; ''; ''", "1,0 | '' | '<>\0<a>\0<>b<>',4 | ''; 'a'; ''; ''", "1,0 | '' | '<>1<>2<>-<>3<>4<>-<>5<>6<>',9 | ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,0 | '' | '<>x<>\
<>y<>\9<>z<>',6 | ''; ''; ''; ''; ''; ''", "1,0 | '' | '<>k<>e<>y<>=<>k<>e<>y<>;<>k<>=<>v<>',12 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''"}},
  {"a+", {"nil | nil | '',0 | ", "1,1 | 'a' | '<a>',1 | 'a'", "1,3 | 'aaa' | '<aaa>',1 | 'aaa'", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "nil | nil | 'x = 10, y = 20',0 | ", "1,1 | 'a' | '<a>,b,,c',1 | 'a'", "3,3 | 'a' | 'f(<a>(b)c)d',1 | 'a'", "1,1 | 'a' | '<a>bc<a>bc',2 | 'a'; 'a'", "2,2 | 'a' | '\0<a>\0b',1 | 'a'", "nil | nil | '12-34-56',0 | ", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {"a-", {"1,0 | '' | '<>',1 | ''", "1,0 | '' | '<>a<>',2 | ''; ''", "1,0 | '' | '<>a<>a<>a<>',4 | ''; ''; ''; ''", "1,0 | '' | '<>h<>e<>l<>l<>o<> <>w<>o<>r<>l<>d<>',12 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,0 | '' | '<> <> <>t<>r<>i<>m<> <>m<>e<> <> <>',12 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,0 | '' | '<>T<>H<>E<> <>(<>q<>u<>i<>c<>k<>)<> <>f<>o<>x<>',16 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,0 | '' | '<>x<> <>=<> <>1<>0<>,<> <>y<> <>=<> <>2<>0<>',15 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,0 | '' | '<>a<>,<>b<>,<>,<>c<>',7 | ''; ''; ''; ''; ''; ''; ''", "1,0 | '' | '<>f<>(<>a<>(<>b<>)<>c<>)<>d<>',10 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,0 | '' | '<>a<>b<>c<>a<>b<>c<>',7 | ''; ''; ''; ''; ''; ''; ''", "1,0 | '' | '<>\0<>a<>\0<>b<>',5 | ''; ''; ''; ''; ''", "1,0 | '' | '<>1<>2<>-<>3<>4<>-<>5<>6<>',9 | ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,0 | '' | '<>x<>\
<>y<>\9<>z<>',6 | ''; ''; ''; ''; ''; ''", "1,0 | '' | '<>k<>e<>y<>=<>k<>e<>y<>;<>k<>=<>v<>',12 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''"}},
  {"a?", {"1,0 | '' | '<>',1 | ''", "1,1 | 'a' | '<a>',1 | 'a'", "1,1 | 'a' | '<a><a><a>',3 | 'a'; 'a'; 'a'", "1,0 | '' | '<>h<>e<>l<>l<>o<> <>w<>o<>r<>l<>d<>',12 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,0 | '' | '<> <> <>t<>r<>i<>m<> <>m<>e<> <> <>',12 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,0 | '' | '<>T<>H<>E<> <>(<>q<>u<>i<>c<>k<>)<> <>f<>o<>x<>',16 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,0 | '' | '<>x<> <>=<> <>1<>0<>,<> <>y<> <>=<> <>2<>0<>',15 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,1 | 'a' | '<a>,<>b<>,<>,<>c<>',6 | 'a'; ''; ''; ''; ''; ''", "1,0 | '' | '<>f<>(<a>(<>b<>)<>c<>)<>d<>',9 | ''; ''; 'a'; ''; ''; ''; ''; ''; ''", "1,1 | 'a' | '<a>b<>c<a>b<>c<>',5 | 'a'; ''; 'a'; ''; ''", "1,0 | '' | '<>\0<a>\0<>b<>',4 | ''; 'a'; ''; ''", "1,0 | '' | '<>1<>2<>-<>3<>4<>-<>5<>6<>',9 | ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,0 | '' | '<>x<>\
<>y<>\9<>z<>',6 | ''; ''; ''; ''; ''; ''", "1,0 | '' | '<>k<>e<>y<>=<>k<>e<>y<>;<>k<>=<>v<>',12 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''"}},
  {"^a", {"nil | nil | '',0 | ", "1,1 | 'a' | '<a>',1 | ", "1,1 | 'a' | '<a>aa',1 | ", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "nil | nil | 'x = 10, y = 20',0 | ", "1,1 | 'a' | '<a>,b,,c',1 | ", "nil | nil | 'f(a(b)c)d',0 | ", "1,1 | 'a' | '<a>bcabc',1 | ", "nil | nil | '\0a\0b',0 | ", "nil | nil | '12-34-56',0 | ", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {"a$", {"nil | nil | '',0 | ", "1,1 | 'a' | '<a>',1 | 'a'", "3,3 | 'a' | 'aa<a>',1 | 'a'", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "nil | nil | 'x = 10, y = 20',0 | ", "nil | nil | 'a,b,,c',0 | ", "nil | nil | 'f(a(b)c)d',0 | ", "nil | nil | 'abcabc',0 | ", "nil | nil | '\0a\0b',0 | ", "nil | nil | '12-34-56',0 | ", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {"^$", {"1,0 | '' | '<>',1 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "nil | nil | 'x = 10, y = 20',0 | ", "nil | nil | 'a,b,,c',0 | ", "nil | nil | 'f(a(b)c)d',0 | ", "nil | nil | 'abcabc',0 | ", "nil | nil | '\0a\0b',0 | ", "nil | nil | '12-34-56',0 | ", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {"^", {"1,0 | '' | '<>',1 | ", "1,0 | '' | '<>a',1 | ", "1,0 | '' | '<>aaa',1 | ", "1,0 | '' | '<>hello world',1 | ", "1,0 | '' | '<>  trim me  ',1 | ", "1,0 | '' | '<>THE (quick) fox',1 | ", "1,0 | '' | '<>x = 10, y = 20',1 | ", "1,0 | '' | '<>a,b,,c',1 | ", "1,0 | '' | '<>f(a(b)c)d',1 | ", "1,0 | '' | '<>abcabc',1 | ", "1,0 | '' | '<>\0a\0b',1 | ", "1,0 | '' | '<>12-34-56',1 | ", "1,0 | '' | '<>x\
y\9z',1 | ", "1,0 | '' | '<>key=key;k=v',1 | "}},
  {"$", {"1,0 | '' | '<>',1 | ''", "2,1 | '' | 'a<>',1 | ''", "4,3 | '' | 'aaa<>',1 | ''", "12,11 | '' | 'hello world<>',1 | ''", "12,11 | '' | '  trim me  <>',1 | ''", "16,15 | '' | 'THE (quick) fox<>',1 | ''", "15,14 | '' | 'x = 10, y = 20<>',1 | ''", "7,6 | '' | 'a,b,,c<>',1 | ''", "10,9 | '' | 'f(a(b)c)d<>',1 | ''", "7,6 | '' | 'abcabc<>',1 | ''", "5,4 | '' | '\0a\0b<>',1 | ''", "9,8 | '' | '12-34-56<>',1 | ''", "6,5 | '' | 'x\
y\9z<>',1 | ''", "12,11 | '' | 'key=key;k=v<>',1 | ''"}},
  {"", {"1,0 | '' | '<>',1 | ''", "1,0 | '' | '<>a<>',2 | ''; ''", "1,0 | '' | '<>a<>a<>a<>',4 | ''; ''; ''; ''", "1,0 | '' | '<>h<>e<>l<>l<>o<> <>w<>o<>r<>l<>d<>',12 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,0 | '' | '<> <> <>t<>r<>i<>m<> <>m<>e<> <> <>',12 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,0 | '' | '<>T<>H<>E<> <>(<>q<>u<>i<>c<>k<>)<> <>f<>o<>x<>',16 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,0 | '' | '<>x<> <>=<> <>1<>0<>,<> <>y<> <>=<> <>2<>0<>',15 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,0 | '' | '<>a<>,<>b<>,<>,<>c<>',7 | ''; ''; ''; ''; ''; ''; ''", "1,0 | '' | '<>f<>(<>a<>(<>b<>)<>c<>)<>d<>',10 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,0 | '' | '<>a<>b<>c<>a<>b<>c<>',7 | ''; ''; ''; ''; ''; ''; ''", "1,0 | '' | '<>\0<>a<>\0<>b<>',5 | ''; ''; ''; ''; ''", "1,0 | '' | '<>1<>2<>-<>3<>4<>-<>5<>6<>',9 | ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,0 | '' | '<>x<>\
<>y<>\9<>z<>',6 | ''; ''; ''; ''; ''; ''", "1,0 | '' | '<>k<>e<>y<>=<>k<>e<>y<>;<>k<>=<>v<>',12 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''"}},
  {"%a+", {"nil | nil | '',0 | ", "1,1 | 'a' | '<a>',1 | 'a'", "1,3 | 'aaa' | '<aaa>',1 | 'aaa'", "1,5 | 'hello' | '<hello> <world>',2 | 'hello'; 'world'", "3,6 | 'trim' | '  <trim> <me>  ',2 | 'trim'; 'me'", "1,3 | 'THE' | '<THE> (<quick>) <fox>',3 | 'THE'; 'quick'; 'fox'", "1,1 | 'x' | '<x> = 10, <y> = 20',2 | 'x'; 'y'", "1,1 | 'a' | '<a>,<b>,,<c>',3 | 'a'; 'b'; 'c'", "1,1 | 'f' | '<f>(<a>(<b>)<c>)<d>',5 | 'f'; 'a'; 'b'; 'c'; 'd'", "1,6 | 'abcabc' | '<abcabc>',1 | 'abcabc'", "2,2 | 'a' | '\0<a>\0<b>',2 | 'a'; 'b'", "nil | nil | '12-34-56',0 | ", "1,1 | 'x' | '<x>\
<y>\9<z>',3 | 'x'; 'y'; 'z'", "1,3 | 'key' | '<key>=<key>;<k>=<v>',4 | 'key'; 'key'; 'k'; 'v'"}},
  {"%A+", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "6,6 | ' ' | 'hello< >world',1 | ' '", "1,2 | '  ' | '<  >trim< >me<  >',3 | '  '; ' '; '  '", "4,5 | ' (' | 'THE< (>quick<) >fox',2 | ' ('; ') '", "2,8 | ' = 10, ' | 'x< = 10, >y< = 20>',2 | ' = 10, '; ' = 20'", "2,2 | ',' | 'a<,>b<,,>c',2 | ','; ',,'", "2,2 | '(' | 'f<(>a<(>b<)>c<)>d',4 | '('; '('; ')'; ')'", "nil | nil | 'abcabc',0 | ", "1,1 | '\0' | '<\0>a<\0>b',2 | '\0'; '\0'", "1,8 | '12-34-56' | '<12-34-56>',1 | '12-34-56'", "2,2 | '\
' | 'x<\
>y<\9>z',2 | '\
'; '\9'", "4,4 | '=' | 'key<=>key<;>k<=>v',3 | '='; ';'; '='"}},
  {"%d+", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "5,6 | '10' | 'x = <10>, y = <20>',2 | '10'; '20'", "nil | nil | 'a,b,,c',0 | ", "nil | nil | 'f(a(b)c)d',0 | ", "nil | nil | 'abcabc',0 | ", "nil | nil | '\0a\0b',0 | ", "1,2 | '12' | '<12>-<34>-<56>',3 | '12'; '34'; '56'", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {"%D+", {"nil | nil | '',0 | ", "1,1 | 'a' | '<a>',1 | 'a'", "1,3 | 'aaa' | '<aaa>',1 | 'aaa'", "1,11 | 'hello world' | '<hello world>',1 | 'hello world'", "1,11 | '  trim me  ' | '<  trim me  >',1 | '  trim me  '", "1,15 | 'THE (quick) fox' | '<THE (quick) fox>',1 | 'THE (quick) fox'", "1,4 | 'x = ' | '<x = >10<, y = >20',2 | 'x = '; ', y = '", "1,6 | 'a,b,,c' | '<a,b,,c>',1 | 'a,b,,c'", "1,9 | 'f(a(b)c)d' | '<f(a(b)c)d>',1 | 'f(a(b)c)d'", "1,6 | 'abcabc' | '<abcabc>',1 | 'abcabc'", "1,4 | '\0a\0b' | '<\0a\0b>',1 | '\0a\0b'", "3,3 | '-' | '12<->34<->56',2 | '-'; '-'", "1,5 | 'x\
y\9z' | '<x\
y\9z>',1 | 'x\
y\9z'", "1,11 | 'key=key;k=v' | '<key=key;k=v>',1 | 'key=key;k=v'"}},
  {"%l+", {"nil | nil | '',0 | ", "1,1 | 'a' | '<a>',1 | 'a'", "1,3 | 'aaa' | '<aaa>',1 | 'aaa'", "1,5 | 'hello' | '<hello> <world>',2 | 'hello'; 'world'", "3,6 | 'trim' | '  <trim> <me>  ',2 | 'trim'; 'me'", "6,10 | 'quick' | 'THE (<quick>) <fox>',2 | 'quick'; 'fox'", "1,1 | 'x' | '<x> = 10, <y> = 20',2 | 'x'; 'y'", "1,1 | 'a' | '<a>,<b>,,<c>',3 | 'a'; 'b'; 'c'", "1,1 | 'f' | '<f>(<a>(<b>)<c>)<d>',5 | 'f'; 'a'; 'b'; 'c'; 'd'", "1,6 | 'abcabc' | '<abcabc>',1 | 'abcabc'", "2,2 | 'a' | '\0<a>\0<b>',2 | 'a'; 'b'", "nil | nil | '12-34-56',0 | ", "1,1 | 'x' | '<x>\
<y>\9<z>',3 | 'x'; 'y'; 'z'", "1,3 | 'key' | '<key>=<key>;<k>=<v>',4 | 'key'; 'key'; 'k'; 'v'"}},
  {"%u+", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "1,3 | 'THE' | '<THE> (quick) fox',1 | 'THE'", "nil | nil | 'x = 10, y = 20',0 | ", "nil | nil | 'a,b,,c',0 | ", "nil | nil | 'f(a(b)c)d',0 | ", "nil | nil | 'abcabc',0 | ", "nil | nil | '\0a\0b',0 | ", "nil | nil | '12-34-56',0 | ", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {"%s+", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "6,6 | ' ' | 'hello< >world',1 | ' '", "1,2 | '  ' | '<  >trim< >me<  >',3 | '  '; ' '; '  '", "4,4 | ' ' | 'THE< >(quick)< >fox',2 | ' '; ' '", "2,2 | ' ' | 'x< >=< >10,< >y< >=< >20',5 | ' '; ' '; ' '; ' '; ' '", "nil | nil | 'a,b,,c',0 | ", "nil | nil | 'f(a(b)c)d',0 | ", "nil | nil | 'abcabc',0 | ", "nil | nil | '\0a\0b',0 | ", "nil | nil | '12-34-56',0 | ", "2,2 | '\
' | 'x<\
>y<\9>z',2 | '\
'; '\9'", "nil | nil | 'key=key;k=v',0 | "}},
  {"%S+", {"nil | nil | '',0 | ", "1,1 | 'a' | '<a>',1 | 'a'", "1,3 | 'aaa' | '<aaa>',1 | 'aaa'", "1,5 | 'hello' | '<hello> <world>',2 | 'hello'; 'world'", "3,6 | 'trim' | '  <trim> <me>  ',2 | 'trim'; 'me'", "1,3 | 'THE' | '<THE> <(quick)> <fox>',3 | 'THE'; '(quick)'; 'fox'", "1,1 | 'x' | '<x> <=> <10,> <y> <=> <20>',6 | 'x'; '='; '10,'; 'y'; '='; '20'", "1,6 | 'a,b,,c' | '<a,b,,c>',1 | 'a,b,,c'", "1,9 | 'f(a(b)c)d' | '<f(a(b)c)d>',1 | 'f(a(b)c)d'", "1,6 | 'abcabc' | '<abcabc>',1 | 'abcabc'", "1,4 | '\0a\0b' | '<\0a\0b>',1 | '\0a\0b'", "1,8 | '12-34-56' | '<12-34-56>',1 | '12-34-56'", "1,1 | 'x' | '<x>\
<y>\9<z>',3 | 'x'; 'y'; 'z'", "1,11 | 'key=key;k=v' | '<key=key;k=v>',1 | 'key=key;k=v'"}},
  {"%w+", {"nil | nil | '',0 | ", "1,1 | 'a' | '<a>',1 | 'a'", "1,3 | 'aaa' | '<aaa>',1 | 'aaa'", "1,5 | 'hello' | '<hello> <world>',2 | 'hello'; 'world'", "3,6 | 'trim' | '  <trim> <me>  ',2 | 'trim'; 'me'", "1,3 | 'THE' | '<THE> (<quick>) <fox>',3 | 'THE'; 'quick'; 'fox'", "1,1 | 'x' | '<x> = <10>, <y> = <20>',4 | 'x'; '10'; 'y'; '20'", "1,1 | 'a' | '<a>,<b>,,<c>',3 | 'a'; 'b'; 'c'", "1,1 | 'f' | '<f>(<a>(<b>)<c>)<d>',5 | 'f'; 'a'; 'b'; 'c'; 'd'", "1,6 | 'abcabc' | '<abcabc>',1 | 'abcabc'", "2,2 | 'a' | '\0<a>\0<b>',2 | 'a'; 'b'", "1,2 | '12' | '<12>-<34>-<56>',3 | '12'; '34'; '56'", "1,1 | 'x' | '<x>\
<y>\9<z>',3 | 'x'; 'y'; 'z'", "1,3 | 'key' | '<key>=<key>;<k>=<v>',4 | 'key'; 'key'; 'k'; 'v'"}},
  {"%W+", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "6,6 | ' ' | 'hello< >world',1 | ' '", "1,2 | '  ' | '<  >trim< >me<  >',3 | '  '; ' '; '  '", "4,5 | ' (' | 'THE< (>quick<) >fox',2 | ' ('; ') '", "2,4 | ' = ' | 'x< = >10<, >y< = >20',3 | ' = '; ', '; ' = '", "2,2 | ',' | 'a<,>b<,,>c',2 | ','; ',,'", "2,2 | '(' | 'f<(>a<(>b<)>c<)>d',4 | '('; '('; ')'; ')'", "nil | nil | 'abcabc',0 | ", "1,1 | '\0' | '<\0>a<\0>b',2 | '\0'; '\0'", "3,3 | '-' | '12<->34<->56',2 | '-'; '-'", "2,2 | '\
' | 'x<\
>y<\9>z',2 | '\
'; '\9'", "4,4 | '=' | 'key<=>key<;>k<=>v',3 | '='; ';'; '='"}},
  {"%x+", {"nil | nil | '',0 | ", "1,1 | 'a' | '<a>',1 | 'a'", "1,3 | 'aaa' | '<aaa>',1 | 'aaa'", "2,2 | 'e' | 'h<e>llo worl<d>',2 | 'e'; 'd'", "9,9 | 'e' | '  trim m<e>  ',1 | 'e'", "3,3 | 'E' | 'TH<E> (qui<c>k) <f>ox',3 | 'E'; 'c'; 'f'", "5,6 | '10' | 'x = <10>, y = <20>',2 | '10'; '20'", "1,1 | 'a' | '<a>,<b>,,<c>',3 | 'a'; 'b'; 'c'", "1,1 | 'f' | '<f>(<a>(<b>)<c>)<d>',5 | 'f'; 'a'; 'b'; 'c'; 'd'", "1,6 | 'abcabc' | '<abcabc>',1 | 'abcabc'", "2,2 | 'a' | '\0<a>\0<b>',2 | 'a'; 'b'", "1,2 | '12' | '<12>-<34>-<56>',3 | '12'; '34'; '56'", "nil | nil | 'x\
y\9z',0 | ", "2,2 | 'e' | 'k<e>y=k<e>y;k=v',2 | 'e'; 'e'"}},
  {"%X+", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "1,1 | 'h' | '<h>e<llo worl>d',2 | 'h'; 'llo worl'", "1,8 | '  trim m' | '<  trim m>e<  >',2 | '  trim m'; '  '", "1,2 | 'TH' | '<TH>E< (qui>c<k) >f<ox>',4 | 'TH'; ' (qui'; 'k) '; 'ox'", "1,4 | 'x = ' | '<x = >10<, y = >20',2 | 'x = '; ', y = '", "2,2 | ',' | 'a<,>b<,,>c',2 | ','; ',,'", "2,2 | '(' | 'f<(>a<(>b<)>c<)>d',4 | '('; '('; ')'; ')'", "nil | nil | 'abcabc',0 | ", "1,1 | '\0' | '<\0>a<\0>b',2 | '\0'; '\0'", "3,3 | '-' | '12<->34<->56',2 | '-'; '-'", "1,5 | 'x\
y\9z' | '<x\
y\9z>',1 | 'x\
y\9z'", "1,1 | 'k' | '<k>e<y=k>e<y;k=v>',3 | 'k'; 'y=k'; 'y;k=v'"}},
  {"%p+", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "5,5 | '(' | 'THE <(>quick<)> fox',2 | '('; ')'", "3,3 | '=' | 'x <=> 10<,> y <=> 20',3 | '='; ','; '='", "2,2 | ',' | 'a<,>b<,,>c',2 | ','; ',,'", "2,2 | '(' | 'f<(>a<(>b<)>c<)>d',4 | '('; '('; ')'; ')'", "nil | nil | 'abcabc',0 | ", "nil | nil | '\0a\0b',0 | ", "3,3 | '-' | '12<->34<->56',2 | '-'; '-'", "nil | nil | 'x\
y\9z',0 | ", "4,4 | '=' | 'key<=>key<;>k<=>v',3 | '='; ';'; '='"}},
  {"%P+", {"nil | nil | '',0 | ", "1,1 | 'a' | '<a>',1 | 'a'", "1,3 | 'aaa' | '<aaa>',1 | 'aaa'", "1,11 | 'hello world' | '<hello world>',1 | 'hello world'", "1,11 | '  trim me  ' | '<  trim me  >',1 | '  trim me  '", "1,4 | 'THE ' | '<THE >(<quick>)< fox>',3 | 'THE '; 'quick'; ' fox'", "1,2 | 'x ' | '<x >=< 10>,< y >=< 20>',4 | 'x '; ' 10'; ' y '; ' 20'", "1,1 | 'a' | '<a>,<b>,,<c>',3 | 'a'; 'b'; 'c'", "1,1 | 'f' | '<f>(<a>(<b>)<c>)<d>',5 | 'f'; 'a'; 'b'; 'c'; 'd'", "1,6 | 'abcabc' | '<abcabc>',1 | 'abcabc'", "1,4 | '\0a\0b' | '<\0a\0b>',1 | '\0a\0b'", "1,2 | '12' | '<12>-<34>-<56>',3 | '12'; '34'; '56'", "1,5 | 'x\
y\9z' | '<x\
y\9z>',1 | 'x\
y\9z'", "1,3 | 'key' | '<key>=<key>;<k>=<v>',4 | 'key'; 'key'; 'k'; 'v'"}},
  {"%c", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "nil | nil | 'x = 10, y = 20',0 | ", "nil | nil | 'a,b,,c',0 | ", "nil | nil | 'f(a(b)c)d',0 | ", "nil | nil | 'abcabc',0 | ", "1,1 | '\0' | '<\0>a<\0>b',2 | '\0'; '\0'", "nil | nil | '12-34-56',0 | ", "2,2 | '\
' | 'x<\
>y<\9>z',2 | '\
'; '\9'", "nil | nil | 'key=key;k=v',0 | "}},
  {"%C+", {"nil | nil | '',0 | ", "1,1 | 'a' | '<a>',1 | 'a'", "1,3 | 'aaa' | '<aaa>',1 | 'aaa'", "1,11 | 'hello world' | '<hello world>',1 | 'hello world'", "1,11 | '  trim me  ' | '<  trim me  >',1 | '  trim me  '", "1,15 | 'THE (quick) fox' | '<THE (quick) fox>',1 | 'THE (quick) fox'", "1,14 | 'x = 10, y = 20' | '<x = 10, y = 20>',1 | 'x = 10, y = 20'", "1,6 | 'a,b,,c' | '<a,b,,c>',1 | 'a,b,,c'", "1,9 | 'f(a(b)c)d' | '<f(a(b)c)d>',1 | 'f(a(b)c)d'", "1,6 | 'abcabc' | '<abcabc>',1 | 'abcabc'", "2,2 | 'a' | '\0<a>\0<b>',2 | 'a'; 'b'", "1,8 | '12-34-56' | '<12-34-56>',1 | '12-34-56'", "1,1 | 'x' | '<x>\
<y>\9<z>',3 | 'x'; 'y'; 'z'", "1,11 | 'key=key;k=v' | '<key=key;k=v>',1 | 'key=key;k=v'"}},
  {"%g+", {"nil | nil | '',0 | ", "1,1 | 'a' | '<a>',1 | 'a'", "1,3 | 'aaa' | '<aaa>',1 | 'aaa'", "1,5 | 'hello' | '<hello> <world>',2 | 'hello'; 'world'", "3,6 | 'trim' | '  <trim> <me>  ',2 | 'trim'; 'me'", "1,3 | 'THE' | '<THE> <(quick)> <fox>',3 | 'THE'; '(quick)'; 'fox'", "1,1 | 'x' | '<x> <=> <10,> <y> <=> <20>',6 | 'x'; '='; '10,'; 'y'; '='; '20'", "1,6 | 'a,b,,c' | '<a,b,,c>',1 | 'a,b,,c'", "1,9 | 'f(a(b)c)d' | '<f(a(b)c)d>',1 | 'f(a(b)c)d'", "1,6 | 'abcabc' | '<abcabc>',1 | 'abcabc'", "2,2 | 'a' | '\0<a>\0<b>',2 | 'a'; 'b'", "1,8 | '12-34-56' | '<12-34-56>',1 | '12-34-56'", "1,1 | 'x' | '<x>\
<y>\9<z>',3 | 'x'; 'y'; 'z'", "1,11 | 'key=key;k=v' | '<key=key;k=v>',1 | 'key=key;k=v'"}},
  {"%G+", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "6,6 | ' ' | 'hello< >world',1 | ' '", "1,2 | '  ' | '<  >trim< >me<  >',3 | '  '; ' '; '  '", "4,4 | ' ' | 'THE< >(quick)< >fox',2 | ' '; ' '", "2,2 | ' ' | 'x< >=< >10,< >y< >=< >20',5 | ' '; ' '; ' '; ' '; ' '", "nil | nil | 'a,b,,c',0 | ", "nil | nil | 'f(a(b)c)d',0 | ", "nil | nil | 'abcabc',0 | ", "1,1 | '\0' | '<\0>a<\0>b',2 | '\0'; '\0'", "nil | nil | '12-34-56',0 | ", "2,2 | '\
' | 'x<\
>y<\9>z',2 | '\
'; '\9'", "nil | nil | 'key=key;k=v',0 | "}},
  {"%z", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "nil | nil | 'x = 10, y = 20',0 | ", "nil | nil | 'a,b,,c',0 | ", "nil | nil | 'f(a(b)c)d',0 | ", "nil | nil | 'abcabc',0 | ", "1,1 | '\0' | '<\0>a<\0>b',2 | '\0'; '\0'", "nil | nil | '12-34-56',0 | ", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {"%Z+", {"nil | nil | '',0 | ", "1,1 | 'a' | '<a>',1 | 'a'", "1,3 | 'aaa' | '<aaa>',1 | 'aaa'", "1,11 | 'hello world' | '<hello world>',1 | 'hello world'", "1,11 | '  trim me  ' | '<  trim me  >',1 | '  trim me  '", "1,15 | 'THE (quick) fox' | '<THE (quick) fox>',1 | 'THE (quick) fox'", "1,14 | 'x = 10, y = 20' | '<x = 10, y = 20>',1 | 'x = 10, y = 20'", "1,6 | 'a,b,,c' | '<a,b,,c>',1 | 'a,b,,c'", "1,9 | 'f(a(b)c)d' | '<f(a(b)c)d>',1 | 'f(a(b)c)d'", "1,6 | 'abcabc' | '<abcabc>',1 | 'abcabc'", "2,2 | 'a' | '\0<a>\0<b>',2 | 'a'; 'b'", "1,8 | '12-34-56' | '<12-34-56>',1 | '12-34-56'", "1,5 | 'x\
y\9z' | '<x\
y\9z>',1 | 'x\
y\9z'", "1,11 | 'key=key;k=v' | '<key=key;k=v>',1 | 'key=key;k=v'"}},
  {"[abc]+", {"nil | nil | '',0 | ", "1,1 | 'a' | '<a>',1 | 'a'", "1,3 | 'aaa' | '<aaa>',1 | 'aaa'", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "9,9 | 'c' | 'THE (qui<c>k) fox',1 | 'c'", "nil | nil | 'x = 10, y = 20',0 | ", "1,1 | 'a' | '<a>,<b>,,<c>',3 | 'a'; 'b'; 'c'", "3,3 | 'a' | 'f(<a>(<b>)<c>)d',3 | 'a'; 'b'; 'c'", "1,6 | 'abcabc' | '<abcabc>',1 | 'abcabc'", "2,2 | 'a' | '\0<a>\0<b>',2 | 'a'; 'b'", "nil | nil | '12-34-56',0 | ", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {"[^abc]+", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "1,11 | 'hello world' | '<hello world>',1 | 'hello world'", "1,11 | '  trim me  ' | '<  trim me  >',1 | '  trim me  '", "1,8 | 'THE (qui' | '<THE (qui>c<k) fox>',2 | 'THE (qui'; 'k) fox'", "1,14 | 'x = 10, y = 20' | '<x = 10, y = 20>',1 | 'x = 10, y = 20'", "2,2 | ',' | 'a<,>b<,,>c',2 | ','; ',,'", "1,2 | 'f(' | '<f(>a<(>b<)>c<)d>',4 | 'f('; '('; ')'; ')d'", "nil | nil | 'abcabc',0 | ", "1,1 | '\0' | '<\0>a<\0>b',2 | '\0'; '\0'", "1,8 | '12-34-56' | '<12-34-56>',1 | '12-34-56'", "1,5 | 'x\
y\9z' | '<x\
y\9z>',1 | 'x\
y\9z'", "1,11 | 'key=key;k=v' | '<key=key;k=v>',1 | 'key=key;k=v'"}},
  {"[a-c]+", {"nil | nil | '',0 | ", "1,1 | 'a' | '<a>',1 | 'a'", "1,3 | 'aaa' | '<aaa>',1 | 'aaa'", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "9,9 | 'c' | 'THE (qui<c>k) fox',1 | 'c'", "nil | nil | 'x = 10, y = 20',0 | ", "1,1 | 'a' | '<a>,<b>,,<c>',3 | 'a'; 'b'; 'c'", "3,3 | 'a' | 'f(<a>(<b>)<c>)d',3 | 'a'; 'b'; 'c'", "1,6 | 'abcabc' | '<abcabc>',1 | 'abcabc'", "2,2 | 'a' | '\0<a>\0<b>',2 | 'a'; 'b'", "nil | nil | '12-34-56',0 | ", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {"[%a_][%w_]*", {"nil | nil | '',0 | ", "1,1 | 'a' | '<a>',1 | 'a'", "1,3 | 'aaa' | '<aaa>',1 | 'aaa'", "1,5 | 'hello' | '<hello> <world>',2 | 'hello'; 'world'", "3,6 | 'trim' | '  <trim> <me>  ',2 | 'trim'; 'me'", "1,3 | 'THE' | '<THE> (<quick>) <fox>',3 | 'THE'; 'quick'; 'fox'", "1,1 | 'x' | '<x> = 10, <y> = 20',2 | 'x'; 'y'", "1,1 | 'a' | '<a>,<b>,,<c>',3 | 'a'; 'b'; 'c'", "1,1 | 'f' | '<f>(<a>(<b>)<c>)<d>',5 | 'f'; 'a'; 'b'; 'c'; 'd'", "1,6 | 'abcabc' | '<abcabc>',1 | 'abcabc'", "2,2 | 'a' | '\0<a>\0<b>',2 | 'a'; 'b'", "nil | nil | '12-34-56',0 | ", "1,1 | 'x' | '<x>\
<y>\9<z>',3 | 'x'; 'y'; 'z'", "1,3 | 'key' | '<key>=<key>;<k>=<v>',4 | 'key'; 'key'; 'k'; 'v'"}},
  {"[%]]", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "nil | nil | 'x = 10, y = 20',0 | ", "nil | nil | 'a,b,,c',0 | ", "nil | nil | 'f(a(b)c)d',0 | ", "nil | nil | 'abcabc',0 | ", "nil | nil | '\0a\0b',0 | ", "nil | nil | '12-34-56',0 | ", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {"[]]", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "nil | nil | 'x = 10, y = 20',0 | ", "nil | nil | 'a,b,,c',0 | ", "nil | nil | 'f(a(b)c)d',0 | ", "nil | nil | 'abcabc',0 | ", "nil | nil | '\0a\0b',0 | ", "nil | nil | '12-34-56',0 | ", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {"[^]]+", {"nil | nil | '',0 | ", "1,1 | 'a' | '<a>',1 | 'a'", "1,3 | 'aaa' | '<aaa>',1 | 'aaa'", "1,11 | 'hello world' | '<hello world>',1 | 'hello world'", "1,11 | '  trim me  ' | '<  trim me  >',1 | '  trim me  '", "1,15 | 'THE (quick) fox' | '<THE (quick) fox>',1 | 'THE (quick) fox'", "1,14 | 'x = 10, y = 20' | '<x = 10, y = 20>',1 | 'x = 10, y = 20'", "1,6 | 'a,b,,c' | '<a,b,,c>',1 | 'a,b,,c'", "1,9 | 'f(a(b)c)d' | '<f(a(b)c)d>',1 | 'f(a(b)c)d'", "1,6 | 'abcabc' | '<abcabc>',1 | 'abcabc'", "1,4 | '\0a\0b' | '<\0a\0b>',1 | '\0a\0b'", "1,8 | '12-34-56' | '<12-34-56>',1 | '12-34-56'", "1,5 | 'x\
y\9z' | '<x\
y\9z>',1 | 'x\
y\9z'", "1,11 | 'key=key;k=v' | '<key=key;k=v>',1 | 'key=key;k=v'"}},
  {"[a-]+", {"nil | nil | '',0 | ", "1,1 | 'a' | '<a>',1 | 'a'", "1,3 | 'aaa' | '<aaa>',1 | 'aaa'", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "nil | nil | 'x = 10, y = 20',0 | ", "1,1 | 'a' | '<a>,b,,c',1 | 'a'", "3,3 | 'a' | 'f(<a>(b)c)d',1 | 'a'", "1,1 | 'a' | '<a>bc<a>bc',2 | 'a'; 'a'", "2,2 | 'a' | '\0<a>\0b',1 | 'a'", "3,3 | '-' | '12<->34<->56',2 | '-'; '-'", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {"[-a]+", {"nil | nil | '',0 | ", "1,1 | 'a' | '<a>',1 | 'a'", "1,3 | 'aaa' | '<aaa>',1 | 'aaa'", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "nil | nil | 'x = 10, y = 20',0 | ", "1,1 | 'a' | '<a>,b,,c',1 | 'a'", "3,3 | 'a' | 'f(<a>(b)c)d',1 | 'a'", "1,1 | 'a' | '<a>bc<a>bc',2 | 'a'; 'a'", "2,2 | 'a' | '\0<a>\0b',1 | 'a'", "3,3 | '-' | '12<->34<->56',2 | '-'; '-'", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {"[%-a]+", {"nil | nil | '',0 | ", "1,1 | 'a' | '<a>',1 | 'a'", "1,3 | 'aaa' | '<aaa>',1 | 'aaa'", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "nil | nil | 'x = 10, y = 20',0 | ", "1,1 | 'a' | '<a>,b,,c',1 | 'a'", "3,3 | 'a' | 'f(<a>(b)c)d',1 | 'a'", "1,1 | 'a' | '<a>bc<a>bc',2 | 'a'; 'a'", "2,2 | 'a' | '\0<a>\0b',1 | 'a'", "3,3 | '-' | '12<->34<->56',2 | '-'; '-'", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {"[a%-z]+", {"nil | nil | '',0 | ", "1,1 | 'a' | '<a>',1 | 'a'", "1,3 | 'aaa' | '<aaa>',1 | 'aaa'", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "nil | nil | 'x = 10, y = 20',0 | ", "1,1 | 'a' | '<a>,b,,c',1 | 'a'", "3,3 | 'a' | 'f(<a>(b)c)d',1 | 'a'", "1,1 | 'a' | '<a>bc<a>bc',2 | 'a'; 'a'", "2,2 | 'a' | '\0<a>\0b',1 | 'a'", "3,3 | '-' | '12<->34<->56',2 | '-'; '-'", "5,5 | 'z' | 'x\
y\9<z>',1 | 'z'", "nil | nil | 'key=key;k=v',0 | "}},
  {"[%d%-]+", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "5,6 | '10' | 'x = <10>, y = <20>',2 | '10'; '20'", "nil | nil | 'a,b,,c',0 | ", "nil | nil | 'f(a(b)c)d',0 | ", "nil | nil | 'abcabc',0 | ", "nil | nil | '\0a\0b',0 | ", "1,8 | '12-34-56' | '<12-34-56>',1 | '12-34-56'", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {"[^%s]+", {"nil | nil | '',0 | ", "1,1 | 'a' | '<a>',1 | 'a'", "1,3 | 'aaa' | '<aaa>',1 | 'aaa'", "1,5 | 'hello' | '<hello> <world>',2 | 'hello'; 'world'", "3,6 | 'trim' | '  <trim> <me>  ',2 | 'trim'; 'me'", "1,3 | 'THE' | '<THE> <(quick)> <fox>',3 | 'THE'; '(quick)'; 'fox'", "1,1 | 'x' | '<x> <=> <10,> <y> <=> <20>',6 | 'x'; '='; '10,'; 'y'; '='; '20'", "1,6 | 'a,b,,c' | '<a,b,,c>',1 | 'a,b,,c'", "1,9 | 'f(a(b)c)d' | '<f(a(b)c)d>',1 | 'f(a(b)c)d'", "1,6 | 'abcabc' | '<abcabc>',1 | 'abcabc'", "1,4 | '\0a\0b' | '<\0a\0b>',1 | '\0a\0b'", "1,8 | '12-34-56' | '<12-34-56>',1 | '12-34-56'", "1,1 | 'x' | '<x>\
<y>\9<z>',3 | 'x'; 'y'; 'z'", "1,11 | 'key=key;k=v' | '<key=key;k=v>',1 | 'key=key;k=v'"}},
  {"[%w%p]+", {"nil | nil | '',0 | ", "1,1 | 'a' | '<a>',1 | 'a'", "1,3 | 'aaa' | '<aaa>',1 | 'aaa'", "1,5 | 'hello' | '<hello> <world>',2 | 'hello'; 'world'", "3,6 | 'trim' | '  <trim> <me>  ',2 | 'trim'; 'me'", "1,3 | 'THE' | '<THE> <(quick)> <fox>',3 | 'THE'; '(quick)'; 'fox'", "1,1 | 'x' | '<x> <=> <10,> <y> <=> <20>',6 | 'x'; '='; '10,'; 'y'; '='; '20'", "1,6 | 'a,b,,c' | '<a,b,,c>',1 | 'a,b,,c'", "1,9 | 'f(a(b)c)d' | '<f(a(b)c)d>',1 | 'f(a(b)c)d'", "1,6 | 'abcabc' | '<abcabc>',1 | 'abcabc'", "2,2 | 'a' | '\0<a>\0<b>',2 | 'a'; 'b'", "1,8 | '12-34-56' | '<12-34-56>',1 | '12-34-56'", "1,1 | 'x' | '<x>\
<y>\9<z>',3 | 'x'; 'y'; 'z'", "1,11 | 'key=key;k=v' | '<key=key;k=v>',1 | 'key=key;k=v'"}},
  {"[]", {"E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']')", "E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']')", "E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']')", "E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']')", "E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']')", "E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']')", "E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']')", "E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']')", "E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']')", "E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']')", "E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']')", "E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']')", "E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']')", "E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']')"}},
  {"[^]", {"E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']')", "E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']')", "E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']')", "E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']')", "E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']')", "E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']')", "E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']')", "E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']')", "E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']')", "E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']')", "E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']')", "E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']')", "E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']')", "E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']') | E:t:1: malformed pattern (missing ']')"}},
  {"[a-c-e]+", {"nil | nil | '',0 | ", "1,1 | 'a' | '<a>',1 | 'a'", "1,3 | 'aaa' | '<aaa>',1 | 'aaa'", "2,2 | 'e' | 'h<e>llo world',1 | 'e'", "9,9 | 'e' | '  trim m<e>  ',1 | 'e'", "9,9 | 'c' | 'THE (qui<c>k) fox',1 | 'c'", "nil | nil | 'x = 10, y = 20',0 | ", "1,1 | 'a' | '<a>,<b>,,<c>',3 | 'a'; 'b'; 'c'", "3,3 | 'a' | 'f(<a>(<b>)<c>)d',3 | 'a'; 'b'; 'c'", "1,6 | 'abcabc' | '<abcabc>',1 | 'abcabc'", "2,2 | 'a' | '\0<a>\0<b>',2 | 'a'; 'b'", "3,3 | '-' | '12<->34<->56',2 | '-'; '-'", "nil | nil | 'x\
y\9z',0 | ", "2,2 | 'e' | 'k<e>y=k<e>y;k=v',2 | 'e'; 'e'"}},
  {"()", {"1,0,1 | 1 | '<>',1 | 1", "1,0,1 | 1 | '<>a<>',2 | 1; 2", "1,0,1 | 1 | '<>a<>a<>a<>',4 | 1; 2; 3; 4", "1,0,1 | 1 | '<>h<>e<>l<>l<>o<> <>w<>o<>r<>l<>d<>',12 | 1; 2; 3; 4; 5; 6; 7; 8; 9; 10; 11; 12", "1,0,1 | 1 | '<> <> <>t<>r<>i<>m<> <>m<>e<> <> <>',12 | 1; 2; 3; 4; 5; 6; 7; 8; 9; 10; 11; 12", "1,0,1 | 1 | '<>T<>H<>E<> <>(<>q<>u<>i<>c<>k<>)<> <>f<>o<>x<>',16 | 1; 2; 3; 4; 5; 6; 7; 8; 9; 10; 11; 12; 13; 14; 15; 16", "1,0,1 | 1 | '<>x<> <>=<> <>1<>0<>,<> <>y<> <>=<> <>2<>0<>',15 | 1; 2; 3; 4; 5; 6; 7; 8; 9; 10; 11; 12; 13; 14; 15", "1,0,1 | 1 | '<>a<>,<>b<>,<>,<>c<>',7 | 1; 2; 3; 4; 5; 6; 7", "1,0,1 | 1 | '<>f<>(<>a<>(<>b<>)<>c<>)<>d<>',10 | 1; 2; 3; 4; 5; 6; 7; 8; 9; 10", "1,0,1 | 1 | '<>a<>b<>c<>a<>b<>c<>',7 | 1; 2; 3; 4; 5; 6; 7", "1,0,1 | 1 | '<>\0<>a<>\0<>b<>',5 | 1; 2; 3; 4; 5", "1,0,1 | 1 | '<>1<>2<>-<>3<>4<>-<>5<>6<>',9 | 1; 2; 3; 4; 5; 6; 7; 8; 9", "1,0,1 | 1 | '<>x<>\
<>y<>\9<>z<>',6 | 1; 2; 3; 4; 5; 6", "1,0,1 | 1 | '<>k<>e<>y<>=<>k<>e<>y<>;<>k<>=<>v<>',12 | 1; 2; 3; 4; 5; 6; 7; 8; 9; 10; 11; 12"}},
  {"()a()", {"nil | nil | '',0 | ", "1,1,1,2 | 1,2 | '<a>',1 | 1,2", "1,1,1,2 | 1,2 | '<a><a><a>',3 | 1,2; 2,3; 3,4", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "nil | nil | 'x = 10, y = 20',0 | ", "1,1,1,2 | 1,2 | '<a>,b,,c',1 | 1,2", "3,3,3,4 | 3,4 | 'f(<a>(b)c)d',1 | 3,4", "1,1,1,2 | 1,2 | '<a>bc<a>bc',2 | 1,2; 4,5", "2,2,2,3 | 2,3 | '\0<a>\0b',1 | 2,3", "nil | nil | '12-34-56',0 | ", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {"(a)(b)", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "nil | nil | 'x = 10, y = 20',0 | ", "nil | nil | 'a,b,,c',0 | ", "nil | nil | 'f(a(b)c)d',0 | ", "1,2,'a','b' | 'a','b' | '<ab>c<ab>c',2 | 'a','b'; 'a','b'", "nil | nil | '\0a\0b',0 | ", "nil | nil | '12-34-56',0 | ", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {"((a)(b))", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "nil | nil | 'x = 10, y = 20',0 | ", "nil | nil | 'a,b,,c',0 | ", "nil | nil | 'f(a(b)c)d',0 | ", "1,2,'ab','a','b' | 'ab','a','b' | '<ab>c<ab>c',2 | 'ab','a','b'; 'ab','a','b'", "nil | nil | '\0a\0b',0 | ", "nil | nil | '12-34-56',0 | ", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {"(a*(.)%w(%s*))", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "1,3,'aaa','a','' | 'aaa','a','' | '<aaa>',1 | 'aaa','a',''", "1,2,'he','h','' | 'he','h','' | '<he><ll>o< w><or><ld>',5 | 'he','h',''; 'll','l',''; ' w',' ',''; 'or','o',''; 'ld','l',''", "2,3,' t',' ','' | ' t',' ','' | ' < t><ri>m< m>e  ',3 | ' t',' ',''; 'ri','r',''; ' m',' ',''", "1,2,'TH','T','' | 'TH','T','' | '<TH>E <(q><ui><ck>)< f><ox>',6 | 'TH','T',''; '(q','(',''; 'ui','u',''; 'ck','c',''; ' f',' ',''; 'ox','o',''", "4,5,' 1',' ','' | ' 1',' ','' | 'x =< 1>0,< y >=< 2>0',3 | ' 1',' ',''; ' y ',' ',' '; ' 2',' ',''", "1,3,'a,b',',','' | 'a,b',',','' | '<a,b>,<,c>',2 | 'a,b',',',''; ',c',',',''", "2,3,'(a','(','' | '(a','(','' | 'f<(a><(b><)c><)d>',4 | '(a','(',''; '(b','(',''; ')c',')',''; ')d',')',''", "1,3,'abc','b','' | 'abc','b','' | '<abc><abc>',2 | 'abc','b',''; 'abc','b',''", "1,2,'\0a','\0','' | '\0a','\0','' | '<\0a><\0b>',2 | '\0a','\0',''; '\0b','\0',''", "1,2,'12','1','' | '12','1','' | '<12><-3>4<-5>6',3 | '12','1',''; '-3','-',''; '-5','-',''", "2,4,'\
y\9','\
','\9' | '\
y\9','\
','\9' | 'x<\
y\9>z',1 | '\
y\9','\
','\9'", "1,2,'ke','k','' | 'ke','k','' | '<ke>y<=k><ey><;k><=v>',5 | 'ke','k',''; '=k','=',''; 'ey','e',''; ';k',';',''; '=v','=',''"}},
  {"(.)%1", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "1,2,'a' | 'a' | '<aa>a',1 | 'a'", "3,4,'l' | 'l' | 'he<ll>o world',1 | 'l'", "1,2,' ' | ' ' | '<  >trim me<  >',2 | ' '; ' '", "nil | nil | 'THE (quick) fox',0 | ", "nil | nil | 'x = 10, y = 20',0 | ", "4,5,',' | ',' | 'a,b<,,>c',1 | ','", "nil | nil | 'f(a(b)c)d',0 | ", "nil | nil | 'abcabc',0 | ", "nil | nil | '\0a\0b',0 | ", "nil | nil | '12-34-56',0 | ", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {"(%w+)=%1", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "nil | nil | 'x = 10, y = 20',0 | ", "nil | nil | 'a,b,,c',0 | ", "nil | nil | 'f(a(b)c)d',0 | ", "nil | nil | 'abcabc',0 | ", "nil | nil | '\0a\0b',0 | ", "nil | nil | '12-34-56',0 | ", "nil | nil | 'x\
y\9z',0 | ", "1,7,'key' | 'key' | '<key=key>;k=v',1 | 'key'"}},
  {"(%w)(%w)%2%1", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "nil | nil | 'x = 10, y = 20',0 | ", "nil | nil | 'a,b,,c',0 | ", "nil | nil | 'f(a(b)c)d',0 | ", "nil | nil | 'abcabc',0 | ", "nil | nil | '\0a\0b',0 | ", "nil | nil | '12-34-56',0 | ", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {"%bxy", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "1,9 | 'x = 10, y' | '<x = 10, y> = 20',1 | 'x = 10, y'", "nil | nil | 'a,b,,c',0 | ", "nil | nil | 'f(a(b)c)d',0 | ", "nil | nil | 'abcabc',0 | ", "nil | nil | '\0a\0b',0 | ", "nil | nil | '12-34-56',0 | ", "1,3 | 'x\
y' | '<x\
y>\9z',1 | 'x\
y'", "nil | nil | 'key=key;k=v',0 | "}},
  {"%b()", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "5,11 | '(quick)' | 'THE <(quick)> fox',1 | '(quick)'", "nil | nil | 'x = 10, y = 20',0 | ", "nil | nil | 'a,b,,c',0 | ", "2,8 | '(a(b)c)' | 'f<(a(b)c)>d',1 | '(a(b)c)'", "nil | nil | 'abcabc',0 | ", "nil | nil | '\0a\0b',0 | ", "nil | nil | '12-34-56',0 | ", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {"%b[]", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "nil | nil | 'x = 10, y = 20',0 | ", "nil | nil | 'a,b,,c',0 | ", "nil | nil | 'f(a(b)c)d',0 | ", "nil | nil | 'abcabc',0 | ", "nil | nil | '\0a\0b',0 | ", "nil | nil | '12-34-56',0 | ", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {"%b))", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "nil | nil | 'x = 10, y = 20',0 | ", "nil | nil | 'a,b,,c',0 | ", "6,8 | ')c)' | 'f(a(b<)c)>d',1 | ')c)'", "nil | nil | 'abcabc',0 | ", "nil | nil | '\0a\0b',0 | ", "nil | nil | '12-34-56',0 | ", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {"%f[%w]%w+", {"nil | nil | '',0 | ", "1,1 | 'a' | '<a>',1 | 'a'", "1,3 | 'aaa' | '<aaa>',1 | 'aaa'", "1,5 | 'hello' | '<hello> <world>',2 | 'hello'; 'world'", "3,6 | 'trim' | '  <trim> <me>  ',2 | 'trim'; 'me'", "1,3 | 'THE' | '<THE> (<quick>) <fox>',3 | 'THE'; 'quick'; 'fox'", "1,1 | 'x' | '<x> = <10>, <y> = <20>',4 | 'x'; '10'; 'y'; '20'", "1,1 | 'a' | '<a>,<b>,,<c>',3 | 'a'; 'b'; 'c'", "1,1 | 'f' | '<f>(<a>(<b>)<c>)<d>',5 | 'f'; 'a'; 'b'; 'c'; 'd'", "1,6 | 'abcabc' | '<abcabc>',1 | 'abcabc'", "2,2 | 'a' | '\0<a>\0<b>',2 | 'a'; 'b'", "1,2 | '12' | '<12>-<34>-<56>',3 | '12'; '34'; '56'", "1,1 | 'x' | '<x>\
<y>\9<z>',3 | 'x'; 'y'; 'z'", "1,3 | 'key' | '<key>=<key>;<k>=<v>',4 | 'key'; 'key'; 'k'; 'v'"}},
  {"%f[%W]", {"nil | nil | '',0 | ", "2,1 | '' | 'a<>',1 | ''", "4,3 | '' | 'aaa<>',1 | ''", "6,5 | '' | 'hello<> world<>',2 | ''; ''", "7,6 | '' | '  trim<> me<>  ',2 | ''; ''", "4,3 | '' | 'THE<> (quick<>) fox<>',3 | ''; ''; ''", "2,1 | '' | 'x<> = 10<>, y<> = 20<>',4 | ''; ''; ''; ''", "2,1 | '' | 'a<>,b<>,,c<>',3 | ''; ''; ''", "2,1 | '' | 'f<>(a<>(b<>)c<>)d<>',5 | ''; ''; ''; ''; ''", "7,6 | '' | 'abcabc<>',1 | ''", "3,2 | '' | '\0a<>\0b<>',2 | ''; ''", "3,2 | '' | '12<>-34<>-56<>',3 | ''; ''; ''", "2,1 | '' | 'x<>\
y<>\9z<>',3 | ''; ''; ''", "4,3 | '' | 'key<>=key<>;k<>=v<>',4 | ''; ''; ''; ''"}},
  {"%f[%a]", {"nil | nil | '',0 | ", "1,0 | '' | '<>a',1 | ''", "1,0 | '' | '<>aaa',1 | ''", "1,0 | '' | '<>hello <>world',2 | ''; ''", "3,2 | '' | '  <>trim <>me  ',2 | ''; ''", "1,0 | '' | '<>THE (<>quick) <>fox',3 | ''; ''; ''", "1,0 | '' | '<>x = 10, <>y = 20',2 | ''; ''", "1,0 | '' | '<>a,<>b,,<>c',3 | ''; ''; ''", "1,0 | '' | '<>f(<>a(<>b)<>c)<>d',5 | ''; ''; ''; ''; ''", "1,0 | '' | '<>abcabc',1 | ''", "2,1 | '' | '\0<>a\0<>b',2 | ''; ''", "nil | nil | '12-34-56',0 | ", "1,0 | '' | '<>x\
<>y\9<>z',3 | ''; ''; ''", "1,0 | '' | '<>key=<>key;<>k=<>v',4 | ''; ''; ''; ''"}},
  {"%f[%z]", {"nil | nil | '',0 | ", "2,1 | '' | 'a<>',1 | ''", "4,3 | '' | 'aaa<>',1 | ''", "12,11 | '' | 'hello world<>',1 | ''", "12,11 | '' | '  trim me  <>',1 | ''", "16,15 | '' | 'THE (quick) fox<>',1 | ''", "15,14 | '' | 'x = 10, y = 20<>',1 | ''", "7,6 | '' | 'a,b,,c<>',1 | ''", "10,9 | '' | 'f(a(b)c)d<>',1 | ''", "7,6 | '' | 'abcabc<>',1 | ''", "3,2 | '' | '\0a<>\0b<>',2 | ''; ''", "9,8 | '' | '12-34-56<>',1 | ''", "6,5 | '' | 'x\
y\9z<>',1 | ''", "12,11 | '' | 'key=key;k=v<>',1 | ''"}},
  {"%f[^%z]", {"nil | nil | '',0 | ", "1,0 | '' | '<>a',1 | ''", "1,0 | '' | '<>aaa',1 | ''", "1,0 | '' | '<>hello world',1 | ''", "1,0 | '' | '<>  trim me  ',1 | ''", "1,0 | '' | '<>THE (quick) fox',1 | ''", "1,0 | '' | '<>x = 10, y = 20',1 | ''", "1,0 | '' | '<>a,b,,c',1 | ''", "1,0 | '' | '<>f(a(b)c)d',1 | ''", "1,0 | '' | '<>abcabc',1 | ''", "2,1 | '' | '\0<>a\0<>b',2 | ''; ''", "1,0 | '' | '<>12-34-56',1 | ''", "1,0 | '' | '<>x\
y\9z',1 | ''", "1,0 | '' | '<>key=key;k=v',1 | ''"}},
  {"%f[%s]", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "6,5 | '' | 'hello<> world',1 | ''", "1,0 | '' | '<>  trim<> me<>  ',3 | ''; ''; ''", "4,3 | '' | 'THE<> (quick)<> fox',2 | ''; ''", "2,1 | '' | 'x<> =<> 10,<> y<> =<> 20',5 | ''; ''; ''; ''; ''", "nil | nil | 'a,b,,c',0 | ", "nil | nil | 'f(a(b)c)d',0 | ", "nil | nil | 'abcabc',0 | ", "nil | nil | '\0a\0b',0 | ", "nil | nil | '12-34-56',0 | ", "2,1 | '' | 'x<>\
y<>\9z',2 | ''; ''", "nil | nil | 'key=key;k=v',0 | "}},
  {"a.-b", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "nil | nil | 'x = 10, y = 20',0 | ", "1,3 | 'a,b' | '<a,b>,,c',1 | 'a,b'", "3,5 | 'a(b' | 'f(<a(b>)c)d',1 | 'a(b'", "1,2 | 'ab' | '<ab>c<ab>c',2 | 'ab'; 'ab'", "2,4 | 'a\0b' | '\0<a\0b>',1 | 'a\0b'", "nil | nil | '12-34-56',0 | ", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {"a.*b", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "nil | nil | 'x = 10, y = 20',0 | ", "1,3 | 'a,b' | '<a,b>,,c',1 | 'a,b'", "3,5 | 'a(b' | 'f(<a(b>)c)d',1 | 'a(b'", "1,5 | 'abcab' | '<abcab>c',1 | 'abcab'", "2,4 | 'a\0b' | '\0<a\0b>',1 | 'a\0b'", "nil | nil | '12-34-56',0 | ", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {".-$", {"1,0 | '' | '<>',1 | ''", "1,1 | 'a' | '<a>',1 | 'a'", "1,3 | 'aaa' | '<aaa>',1 | 'aaa'", "1,11 | 'hello world' | '<hello world>',1 | 'hello world'", "1,11 | '  trim me  ' | '<  trim me  >',1 | '  trim me  '", "1,15 | 'THE (quick) fox' | '<THE (quick) fox>',1 | 'THE (quick) fox'", "1,14 | 'x = 10, y = 20' | '<x = 10, y = 20>',1 | 'x = 10, y = 20'", "1,6 | 'a,b,,c' | '<a,b,,c>',1 | 'a,b,,c'", "1,9 | 'f(a(b)c)d' | '<f(a(b)c)d>',1 | 'f(a(b)c)d'", "1,6 | 'abcabc' | '<abcabc>',1 | 'abcabc'", "1,4 | '\0a\0b' | '<\0a\0b>',1 | '\0a\0b'", "1,8 | '12-34-56' | '<12-34-56>',1 | '12-34-56'", "1,5 | 'x\
y\9z' | '<x\
y\9z>',1 | 'x\
y\9z'", "1,11 | 'key=key;k=v' | '<key=key;k=v>',1 | 'key=key;k=v'"}},
  {"x*$", {"1,0 | '' | '<>',1 | ''", "2,1 | '' | 'a<>',1 | ''", "4,3 | '' | 'aaa<>',1 | ''", "12,11 | '' | 'hello world<>',1 | ''", "12,11 | '' | '  trim me  <>',1 | ''", "15,15 | 'x' | 'THE (quick) fo<x>',1 | 'x'", "15,14 | '' | 'x = 10, y = 20<>',1 | ''", "7,6 | '' | 'a,b,,c<>',1 | ''", "10,9 | '' | 'f(a(b)c)d<>',1 | ''", "7,6 | '' | 'abcabc<>',1 | ''", "5,4 | '' | '\0a\0b<>',1 | ''", "9,8 | '' | '12-34-56<>',1 | ''", "6,5 | '' | 'x\
y\9z<>',1 | ''", "12,11 | '' | 'key=key;k=v<>',1 | ''"}},
  {"$a", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "nil | nil | 'x = 10, y = 20',0 | ", "nil | nil | 'a,b,,c',0 | ", "nil | nil | 'f(a(b)c)d',0 | ", "nil | nil | 'abcabc',0 | ", "nil | nil | '\0a\0b',0 | ", "nil | nil | '12-34-56',0 | ", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {"a$b", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "nil | nil | 'x = 10, y = 20',0 | ", "nil | nil | 'a,b,,c',0 | ", "nil | nil | 'f(a(b)c)d',0 | ", "nil | nil | 'abcabc',0 | ", "nil | nil | '\0a\0b',0 | ", "nil | nil | '12-34-56',0 | ", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {"^^", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "nil | nil | 'x = 10, y = 20',0 | ", "nil | nil | 'a,b,,c',0 | ", "nil | nil | 'f(a(b)c)d',0 | ", "nil | nil | 'abcabc',0 | ", "nil | nil | '\0a\0b',0 | ", "nil | nil | '12-34-56',0 | ", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {"%.", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "nil | nil | 'x = 10, y = 20',0 | ", "nil | nil | 'a,b,,c',0 | ", "nil | nil | 'f(a(b)c)d',0 | ", "nil | nil | 'abcabc',0 | ", "nil | nil | '\0a\0b',0 | ", "nil | nil | '12-34-56',0 | ", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {"%%", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "nil | nil | 'x = 10, y = 20',0 | ", "nil | nil | 'a,b,,c',0 | ", "nil | nil | 'f(a(b)c)d',0 | ", "nil | nil | 'abcabc',0 | ", "nil | nil | '\0a\0b',0 | ", "nil | nil | '12-34-56',0 | ", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {"%^", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "nil | nil | 'x = 10, y = 20',0 | ", "nil | nil | 'a,b,,c',0 | ", "nil | nil | 'f(a(b)c)d',0 | ", "nil | nil | 'abcabc',0 | ", "nil | nil | '\0a\0b',0 | ", "nil | nil | '12-34-56',0 | ", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {"[%^]", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "nil | nil | 'x = 10, y = 20',0 | ", "nil | nil | 'a,b,,c',0 | ", "nil | nil | 'f(a(b)c)d',0 | ", "nil | nil | 'abcabc',0 | ", "nil | nil | '\0a\0b',0 | ", "nil | nil | '12-34-56',0 | ", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {"%$", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "nil | nil | 'x = 10, y = 20',0 | ", "nil | nil | 'a,b,,c',0 | ", "nil | nil | 'f(a(b)c)d',0 | ", "nil | nil | 'abcabc',0 | ", "nil | nil | '\0a\0b',0 | ", "nil | nil | '12-34-56',0 | ", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {"a?b?c?", {"1,0 | '' | '<>',1 | ''", "1,1 | 'a' | '<a>',1 | 'a'", "1,1 | 'a' | '<a><a><a>',3 | 'a'; 'a'; 'a'", "1,0 | '' | '<>h<>e<>l<>l<>o<> <>w<>o<>r<>l<>d<>',12 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,0 | '' | '<> <> <>t<>r<>i<>m<> <>m<>e<> <> <>',12 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,0 | '' | '<>T<>H<>E<> <>(<>q<>u<>i<c>k<>)<> <>f<>o<>x<>',15 | ''; ''; ''; ''; ''; ''; ''; ''; 'c'; ''; ''; ''; ''; ''; ''", "1,0 | '' | '<>x<> <>=<> <>1<>0<>,<> <>y<> <>=<> <>2<>0<>',15 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,1 | 'a' | '<a>,<b>,<>,<c>',4 | 'a'; 'b'; ''; 'c'", "1,0 | '' | '<>f<>(<a>(<b>)<c>)<>d<>',7 | ''; ''; 'a'; 'b'; 'c'; ''; ''", "1,3 | 'abc' | '<abc><abc>',2 | 'abc'; 'abc'", "1,0 | '' | '<>\0<a>\0<b>',3 | ''; 'a'; 'b'", "1,0 | '' | '<>1<>2<>-<>3<>4<>-<>5<>6<>',9 | ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,0 | '' | '<>x<>\
<>y<>\9<>z<>',6 | ''; ''; ''; ''; ''; ''", "1,0 | '' | '<>k<>e<>y<>=<>k<>e<>y<>;<>k<>=<>v<>',12 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''"}},
  {"(h)(e)(l)(l)(o)", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "1,5,'h','e','l','l','o' | 'h','e','l','l','o' | '<hello> world',1 | 'h','e','l','l','o'", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "nil | nil | 'x = 10, y = 20',0 | ", "nil | nil | 'a,b,,c',0 | ", "nil | nil | 'f(a(b)c)d',0 | ", "nil | nil | 'abcabc',0 | ", "nil | nil | '\0a\0b',0 | ", "nil | nil | '12-34-56',0 | ", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {".-(%d+)", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "1,6,'10' | '10' | '<x = 10><, y = 20>',2 | '10'; '20'", "nil | nil | 'a,b,,c',0 | ", "nil | nil | 'f(a(b)c)d',0 | ", "nil | nil | 'abcabc',0 | ", "nil | nil | '\0a\0b',0 | ", "1,2,'12' | '12' | '<12><-34><-56>',3 | '12'; '34'; '56'", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {"(%d+)-(%d+)", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "nil | nil | 'x = 10, y = 20',0 | ", "nil | nil | 'a,b,,c',0 | ", "nil | nil | 'f(a(b)c)d',0 | ", "nil | nil | 'abcabc',0 | ", "nil | nil | '\0a\0b',0 | ", "1,5,'12','34' | '12','34' | '<12-34>-56',1 | '12','34'", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {"%s*(.-)%s*$", {"1,0,'' | '' | '<>',1 | ''", "1,1,'a' | 'a' | '<a>',1 | 'a'", "1,3,'aaa' | 'aaa' | '<aaa>',1 | 'aaa'", "1,11,'hello world' | 'hello world' | '<hello world>',1 | 'hello world'", "1,11,'trim me' | 'trim me' | '<  trim me  >',1 | 'trim me'", "1,15,'THE (quick) fox' | 'THE (quick) fox' | '<THE (quick) fox>',1 | 'THE (quick) fox'", "1,14,'x = 10, y = 20' | 'x = 10, y = 20' | '<x = 10, y = 20>',1 | 'x = 10, y = 20'", "1,6,'a,b,,c' | 'a,b,,c' | '<a,b,,c>',1 | 'a,b,,c'", "1,9,'f(a(b)c)d' | 'f(a(b)c)d' | '<f(a(b)c)d>',1 | 'f(a(b)c)d'", "1,6,'abcabc' | 'abcabc' | '<abcabc>',1 | 'abcabc'", "1,4,'\0a\0b' | '\0a\0b' | '<\0a\0b>',1 | '\0a\0b'", "1,8,'12-34-56' | '12-34-56' | '<12-34-56>',1 | '12-34-56'", "1,5,'x\
y\9z' | 'x\
y\9z' | '<x\
y\9z>',1 | 'x\
y\9z'", "1,11,'key=key;k=v' | 'key=key;k=v' | '<key=key;k=v>',1 | 'key=key;k=v'"}},
  {"^(%w+)", {"nil | nil | '',0 | ", "1,1,'a' | 'a' | '<a>',1 | ", "1,3,'aaa' | 'aaa' | '<aaa>',1 | ", "1,5,'hello' | 'hello' | '<hello> world',1 | ", "nil | nil | '  trim me  ',0 | ", "1,3,'THE' | 'THE' | '<THE> (quick) fox',1 | ", "1,1,'x' | 'x' | '<x> = 10, y = 20',1 | ", "1,1,'a' | 'a' | '<a>,b,,c',1 | ", "1,1,'f' | 'f' | '<f>(a(b)c)d',1 | ", "1,6,'abcabc' | 'abcabc' | '<abcabc>',1 | ", "nil | nil | '\0a\0b',0 | ", "1,2,'12' | '12' | '<12>-34-56',1 | ", "1,1,'x' | 'x' | '<x>\
y\9z',1 | ", "1,3,'key' | 'key' | '<key>=key;k=v',1 | "}},
  {"^%s*$", {"1,0 | '' | '<>',1 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "nil | nil | 'x = 10, y = 20',0 | ", "nil | nil | 'a,b,,c',0 | ", "nil | nil | 'f(a(b)c)d',0 | ", "nil | nil | 'abcabc',0 | ", "nil | nil | '\0a\0b',0 | ", "nil | nil | '12-34-56',0 | ", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {"(a)", {"nil | nil | '',0 | ", "1,1,'a' | 'a' | '<a>',1 | 'a'", "1,1,'a' | 'a' | '<a><a><a>',3 | 'a'; 'a'; 'a'", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "nil | nil | 'x = 10, y = 20',0 | ", "1,1,'a' | 'a' | '<a>,b,,c',1 | 'a'", "3,3,'a' | 'a' | 'f(<a>(b)c)d',1 | 'a'", "1,1,'a' | 'a' | '<a>bc<a>bc',2 | 'a'; 'a'", "2,2,'a' | 'a' | '\0<a>\0b',1 | 'a'", "nil | nil | '12-34-56',0 | ", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {"(a*)", {"1,0,'' | '' | '<>',1 | ''", "1,1,'a' | 'a' | '<a>',1 | 'a'", "1,3,'aaa' | 'aaa' | '<aaa>',1 | 'aaa'", "1,0,'' | '' | '<>h<>e<>l<>l<>o<> <>w<>o<>r<>l<>d<>',12 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,0,'' | '' | '<> <> <>t<>r<>i<>m<> <>m<>e<> <> <>',12 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,0,'' | '' | '<>T<>H<>E<> <>(<>q<>u<>i<>c<>k<>)<> <>f<>o<>x<>',16 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,0,'' | '' | '<>x<> <>=<> <>1<>0<>,<> <>y<> <>=<> <>2<>0<>',15 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,1,'a' | 'a' | '<a>,<>b<>,<>,<>c<>',6 | 'a'; ''; ''; ''; ''; ''", "1,0,'' | '' | '<>f<>(<a>(<>b<>)<>c<>)<>d<>',9 | ''; ''; 'a'; ''; ''; ''; ''; ''; ''", "1,1,'a' | 'a' | '<a>b<>c<a>b<>c<>',5 | 'a'; ''; 'a'; ''; ''", "1,0,'' | '' | '<>\0<a>\0<>b<>',4 | ''; 'a'; ''; ''", "1,0,'' | '' | '<>1<>2<>-<>3<>4<>-<>5<>6<>',9 | ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,0,'' | '' | '<>x<>\
<>y<>\9<>z<>',6 | ''; ''; ''; ''; ''; ''", "1,0,'' | '' | '<>k<>e<>y<>=<>k<>e<>y<>;<>k<>=<>v<>',12 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''"}},
  {"(a-)b", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "nil | nil | 'x = 10, y = 20',0 | ", "3,3,'' | '' | 'a,<b>,,c',1 | ''", "5,5,'' | '' | 'f(a(<b>)c)d',1 | ''", "1,2,'a' | 'a' | '<ab>c<ab>c',2 | 'a'; 'a'", "4,4,'' | '' | '\0a\0<b>',1 | ''", "nil | nil | '12-34-56',0 | ", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {"()(a+)()", {"nil | nil | '',0 | ", "1,1,1,'a',2 | 1,'a',2 | '<a>',1 | 1,'a',2", "1,3,1,'aaa',4 | 1,'aaa',4 | '<aaa>',1 | 1,'aaa',4", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "nil | nil | 'x = 10, y = 20',0 | ", "1,1,1,'a',2 | 1,'a',2 | '<a>,b,,c',1 | 1,'a',2", "3,3,3,'a',4 | 3,'a',4 | 'f(<a>(b)c)d',1 | 3,'a',4", "1,1,1,'a',2 | 1,'a',2 | '<a>bc<a>bc',2 | 1,'a',2; 4,'a',5", "2,2,2,'a',3 | 2,'a',3 | '\0<a>\0b',1 | 2,'a',3", "nil | nil | '12-34-56',0 | ", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {"[a-z]*", {"1,0 | '' | '<>',1 | ''", "1,1 | 'a' | '<a>',1 | 'a'", "1,3 | 'aaa' | '<aaa>',1 | 'aaa'", "1,5 | 'hello' | '<hello> <world>',2 | 'hello'; 'world'", "1,0 | '' | '<> <> <trim> <me> <> <>',6 | ''; ''; 'trim'; 'me'; ''; ''", "1,0 | '' | '<>T<>H<>E<> <>(<quick>)<> <fox>',8 | ''; ''; ''; ''; ''; 'quick'; ''; 'fox'", "1,1 | 'x' | '<x> <>=<> <>1<>0<>,<> <y> <>=<> <>2<>0<>',13 | 'x'; ''; ''; ''; ''; ''; ''; 'y'; ''; ''; ''; ''; ''", "1,1 | 'a' | '<a>,<b>,<>,<c>',4 | 'a'; 'b'; ''; 'c'", "1,1 | 'f' | '<f>(<a>(<b>)<c>)<d>',5 | 'f'; 'a'; 'b'; 'c'; 'd'", "1,6 | 'abcabc' | '<abcabc>',1 | 'abcabc'", "1,0 | '' | '<>\0<a>\0<b>',3 | ''; 'a'; 'b'", "1,0 | '' | '<>1<>2<>-<>3<>4<>-<>5<>6<>',9 | ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,1 | 'x' | '<x>\
<y>\9<z>',3 | 'x'; 'y'; 'z'", "1,3 | 'key' | '<key>=<key>;<k>=<v>',4 | 'key'; 'key'; 'k'; 'v'"}},
  {"x?y?z?$", {"1,0 | '' | '<>',1 | ''", "2,1 | '' | 'a<>',1 | ''", "4,3 | '' | 'aaa<>',1 | ''", "12,11 | '' | 'hello world<>',1 | ''", "12,11 | '' | '  trim me  <>',1 | ''", "15,15 | 'x' | 'THE (quick) fo<x>',1 | 'x'", "15,14 | '' | 'x = 10, y = 20<>',1 | ''", "7,6 | '' | 'a,b,,c<>',1 | ''", "10,9 | '' | 'f(a(b)c)d<>',1 | ''", "7,6 | '' | 'abcabc<>',1 | ''", "5,4 | '' | '\0a\0b<>',1 | ''", "9,8 | '' | '12-34-56<>',1 | ''", "5,5 | 'z' | 'x\
y\9<z>',1 | 'z'", "12,11 | '' | 'key=key;k=v<>',1 | ''"}},
  {"%w-%s", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "1,6 | 'hello ' | '<hello >world',1 | 'hello '", "1,1 | ' ' | '< >< ><trim ><me >< >',5 | ' '; ' '; 'trim '; 'me '; ' '", "1,4 | 'THE ' | '<THE >(quick)< >fox',2 | 'THE '; ' '", "1,2 | 'x ' | '<x >=< >10,< ><y >=< >20',5 | 'x '; ' '; ' '; 'y '; ' '", "nil | nil | 'a,b,,c',0 | ", "nil | nil | 'f(a(b)c)d',0 | ", "nil | nil | 'abcabc',0 | ", "nil | nil | '\0a\0b',0 | ", "nil | nil | '12-34-56',0 | ", "1,2 | 'x\
' | '<x\
><y\9>z',2 | 'x\
'; 'y\9'", "nil | nil | 'key=key;k=v',0 | "}},
  {".+", {"nil | nil | '',0 | ", "1,1 | 'a' | '<a>',1 | 'a'", "1,3 | 'aaa' | '<aaa>',1 | 'aaa'", "1,11 | 'hello world' | '<hello world>',1 | 'hello world'", "1,11 | '  trim me  ' | '<  trim me  >',1 | '  trim me  '", "1,15 | 'THE (quick) fox' | '<THE (quick) fox>',1 | 'THE (quick) fox'", "1,14 | 'x = 10, y = 20' | '<x = 10, y = 20>',1 | 'x = 10, y = 20'", "1,6 | 'a,b,,c' | '<a,b,,c>',1 | 'a,b,,c'", "1,9 | 'f(a(b)c)d' | '<f(a(b)c)d>',1 | 'f(a(b)c)d'", "1,6 | 'abcabc' | '<abcabc>',1 | 'abcabc'", "1,4 | '\0a\0b' | '<\0a\0b>',1 | '\0a\0b'", "1,8 | '12-34-56' | '<12-34-56>',1 | '12-34-56'", "1,5 | 'x\
y\9z' | '<x\
y\9z>',1 | 'x\
y\9z'", "1,11 | 'key=key;k=v' | '<key=key;k=v>',1 | 'key=key;k=v'"}},
  {".-", {"1,0 | '' | '<>',1 | ''", "1,0 | '' | '<>a<>',2 | ''; ''", "1,0 | '' | '<>a<>a<>a<>',4 | ''; ''; ''; ''", "1,0 | '' | '<>h<>e<>l<>l<>o<> <>w<>o<>r<>l<>d<>',12 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,0 | '' | '<> <> <>t<>r<>i<>m<> <>m<>e<> <> <>',12 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,0 | '' | '<>T<>H<>E<> <>(<>q<>u<>i<>c<>k<>)<> <>f<>o<>x<>',16 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,0 | '' | '<>x<> <>=<> <>1<>0<>,<> <>y<> <>=<> <>2<>0<>',15 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,0 | '' | '<>a<>,<>b<>,<>,<>c<>',7 | ''; ''; ''; ''; ''; ''; ''", "1,0 | '' | '<>f<>(<>a<>(<>b<>)<>c<>)<>d<>',10 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,0 | '' | '<>a<>b<>c<>a<>b<>c<>',7 | ''; ''; ''; ''; ''; ''; ''", "1,0 | '' | '<>\0<>a<>\0<>b<>',5 | ''; ''; ''; ''; ''", "1,0 | '' | '<>1<>2<>-<>3<>4<>-<>5<>6<>',9 | ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,0 | '' | '<>x<>\
<>y<>\9<>z<>',6 | ''; ''; ''; ''; ''; ''", "1,0 | '' | '<>k<>e<>y<>=<>k<>e<>y<>;<>k<>=<>v<>',12 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''"}},
  {".*", {"1,0 | '' | '<>',1 | ''", "1,1 | 'a' | '<a>',1 | 'a'", "1,3 | 'aaa' | '<aaa>',1 | 'aaa'", "1,11 | 'hello world' | '<hello world>',1 | 'hello world'", "1,11 | '  trim me  ' | '<  trim me  >',1 | '  trim me  '", "1,15 | 'THE (quick) fox' | '<THE (quick) fox>',1 | 'THE (quick) fox'", "1,14 | 'x = 10, y = 20' | '<x = 10, y = 20>',1 | 'x = 10, y = 20'", "1,6 | 'a,b,,c' | '<a,b,,c>',1 | 'a,b,,c'", "1,9 | 'f(a(b)c)d' | '<f(a(b)c)d>',1 | 'f(a(b)c)d'", "1,6 | 'abcabc' | '<abcabc>',1 | 'abcabc'", "1,4 | '\0a\0b' | '<\0a\0b>',1 | '\0a\0b'", "1,8 | '12-34-56' | '<12-34-56>',1 | '12-34-56'", "1,5 | 'x\
y\9z' | '<x\
y\9z>',1 | 'x\
y\9z'", "1,11 | 'key=key;k=v' | '<key=key;k=v>',1 | 'key=key;k=v'"}},
  {"(.-)", {"1,0,'' | '' | '<>',1 | ''", "1,0,'' | '' | '<>a<>',2 | ''; ''", "1,0,'' | '' | '<>a<>a<>a<>',4 | ''; ''; ''; ''", "1,0,'' | '' | '<>h<>e<>l<>l<>o<> <>w<>o<>r<>l<>d<>',12 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,0,'' | '' | '<> <> <>t<>r<>i<>m<> <>m<>e<> <> <>',12 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,0,'' | '' | '<>T<>H<>E<> <>(<>q<>u<>i<>c<>k<>)<> <>f<>o<>x<>',16 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,0,'' | '' | '<>x<> <>=<> <>1<>0<>,<> <>y<> <>=<> <>2<>0<>',15 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,0,'' | '' | '<>a<>,<>b<>,<>,<>c<>',7 | ''; ''; ''; ''; ''; ''; ''", "1,0,'' | '' | '<>f<>(<>a<>(<>b<>)<>c<>)<>d<>',10 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,0,'' | '' | '<>a<>b<>c<>a<>b<>c<>',7 | ''; ''; ''; ''; ''; ''; ''", "1,0,'' | '' | '<>\0<>a<>\0<>b<>',5 | ''; ''; ''; ''; ''", "1,0,'' | '' | '<>1<>2<>-<>3<>4<>-<>5<>6<>',9 | ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,0,'' | '' | '<>x<>\
<>y<>\9<>z<>',6 | ''; ''; ''; ''; ''; ''", "1,0,'' | '' | '<>k<>e<>y<>=<>k<>e<>y<>;<>k<>=<>v<>',12 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''"}},
  {"[%z]", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "nil | nil | 'x = 10, y = 20',0 | ", "nil | nil | 'a,b,,c',0 | ", "nil | nil | 'f(a(b)c)d',0 | ", "nil | nil | 'abcabc',0 | ", "1,1 | '\0' | '<\0>a<\0>b',2 | '\0'; '\0'", "nil | nil | '12-34-56',0 | ", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {"\0", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "nil | nil | 'x = 10, y = 20',0 | ", "nil | nil | 'a,b,,c',0 | ", "nil | nil | 'f(a(b)c)d',0 | ", "nil | nil | 'abcabc',0 | ", "1,1 | '\0' | '<\0>a<\0>b',2 | '\0'; '\0'", "nil | nil | '12-34-56',0 | ", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {"%\0", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "nil | nil | 'x = 10, y = 20',0 | ", "nil | nil | 'a,b,,c',0 | ", "nil | nil | 'f(a(b)c)d',0 | ", "nil | nil | 'abcabc',0 | ", "1,1 | '\0' | '<\0>a<\0>b',2 | '\0'; '\0'", "nil | nil | '12-34-56',0 | ", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {"[\0-\1]+", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "nil | nil | 'x = 10, y = 20',0 | ", "nil | nil | 'a,b,,c',0 | ", "nil | nil | 'f(a(b)c)d',0 | ", "nil | nil | 'abcabc',0 | ", "1,1 | '\0' | '<\0>a<\0>b',2 | '\0'; '\0'", "nil | nil | '12-34-56',0 | ", "nil | nil | 'x\
y\9z',0 | ", "nil | nil | 'key=key;k=v',0 | "}},
  {"(%a)(%d*)", {"nil | nil | '',0 | ", "1,1,'a','' | 'a','' | '<a>',1 | 'a',''", "1,1,'a','' | 'a','' | '<a><a><a>',3 | 'a',''; 'a',''; 'a',''", "1,1,'h','' | 'h','' | '<h><e><l><l><o> <w><o><r><l><d>',10 | 'h',''; 'e',''; 'l',''; 'l',''; 'o',''; 'w',''; 'o',''; 'r',''; 'l',''; 'd',''", "3,3,'t','' | 't','' | '  <t><r><i><m> <m><e>  ',6 | 't',''; 'r',''; 'i',''; 'm',''; 'm',''; 'e',''", "1,1,'T','' | 'T','' | '<T><H><E> (<q><u><i><c><k>) <f><o><x>',11 | 'T',''; 'H',''; 'E',''; 'q',''; 'u',''; 'i',''; 'c',''; 'k',''; 'f',''; 'o',''; 'x',''", "1,1,'x','' | 'x','' | '<x> = 10, <y> = 20',2 | 'x',''; 'y',''", "1,1,'a','' | 'a','' | '<a>,<b>,,<c>',3 | 'a',''; 'b',''; 'c',''", "1,1,'f','' | 'f','' | '<f>(<a>(<b>)<c>)<d>',5 | 'f',''; 'a',''; 'b',''; 'c',''; 'd',''", "1,1,'a','' | 'a','' | '<a><b><c><a><b><c>',6 | 'a',''; 'b',''; 'c',''; 'a',''; 'b',''; 'c',''", "2,2,'a','' | 'a','' | '\0<a>\0<b>',2 | 'a',''; 'b',''", "nil | nil | '12-34-56',0 | ", "1,1,'x','' | 'x','' | '<x>\
<y>\9<z>',3 | 'x',''; 'y',''; 'z',''", "1,1,'k','' | 'k','' | '<k><e><y>=<k><e><y>;<k>=<v>',8 | 'k',''; 'e',''; 'y',''; 'k',''; 'e',''; 'y',''; 'k',''; 'v',''"}},
  {"k=(%w)", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "nil | nil | 'x = 10, y = 20',0 | ", "nil | nil | 'a,b,,c',0 | ", "nil | nil | 'f(a(b)c)d',0 | ", "nil | nil | 'abcabc',0 | ", "nil | nil | '\0a\0b',0 | ", "nil | nil | '12-34-56',0 | ", "nil | nil | 'x\
y\9z',0 | ", "9,11,'v' | 'v' | 'key=key;<k=v>',1 | 'v'"}},
  {"=*", {"1,0 | '' | '<>',1 | ''", "1,0 | '' | '<>a<>',2 | ''; ''", "1,0 | '' | '<>a<>a<>a<>',4 | ''; ''; ''; ''", "1,0 | '' | '<>h<>e<>l<>l<>o<> <>w<>o<>r<>l<>d<>',12 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,0 | '' | '<> <> <>t<>r<>i<>m<> <>m<>e<> <> <>',12 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,0 | '' | '<>T<>H<>E<> <>(<>q<>u<>i<>c<>k<>)<> <>f<>o<>x<>',16 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,0 | '' | '<>x<> <=> <>1<>0<>,<> <>y<> <=> <>2<>0<>',13 | ''; ''; '='; ''; ''; ''; ''; ''; ''; '='; ''; ''; ''", "1,0 | '' | '<>a<>,<>b<>,<>,<>c<>',7 | ''; ''; ''; ''; ''; ''; ''", "1,0 | '' | '<>f<>(<>a<>(<>b<>)<>c<>)<>d<>',10 | ''; ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,0 | '' | '<>a<>b<>c<>a<>b<>c<>',7 | ''; ''; ''; ''; ''; ''; ''", "1,0 | '' | '<>\0<>a<>\0<>b<>',5 | ''; ''; ''; ''; ''", "1,0 | '' | '<>1<>2<>-<>3<>4<>-<>5<>6<>',9 | ''; ''; ''; ''; ''; ''; ''; ''; ''", "1,0 | '' | '<>x<>\
<>y<>\9<>z<>',6 | ''; ''; ''; ''; ''; ''", "1,0 | '' | '<>k<>e<>y<=>k<>e<>y<>;<>k<=>v<>',10 | ''; ''; ''; '='; ''; ''; ''; ''; '='; ''"}},
  {"[=;]+", {"nil | nil | '',0 | ", "nil | nil | 'a',0 | ", "nil | nil | 'aaa',0 | ", "nil | nil | 'hello world',0 | ", "nil | nil | '  trim me  ',0 | ", "nil | nil | 'THE (quick) fox',0 | ", "3,3 | '=' | 'x <=> 10, y <=> 20',2 | '='; '='", "nil | nil | 'a,b,,c',0 | ", "nil | nil | 'f(a(b)c)d',0 | ", "nil | nil | 'abcabc',0 | ", "nil | nil | '\0a\0b',0 | ", "nil | nil | '12-34-56',0 | ", "nil | nil | 'x\
y\9z',0 | ", "4,4 | '=' | 'key<=>key<;>k<=>v',3 | '='; ';'; '='"}},
  {"([^,]*)", {"1,0,'' | '' | '<>',1 | ''", "1,1,'a' | 'a' | '<a>',1 | 'a'", "1,3,'aaa' | 'aaa' | '<aaa>',1 | 'aaa'", "1,11,'hello world' | 'hello world' | '<hello world>',1 | 'hello world'", "1,11,'  trim me  ' | '  trim me  ' | '<  trim me  >',1 | '  trim me  '", "1,15,'THE (quick) fox' | 'THE (quick) fox' | '<THE (quick) fox>',1 | 'THE (quick) fox'", "1,6,'x = 10' | 'x = 10' | '<x = 10>,< y = 20>',2 | 'x = 10'; ' y = 20'", "1,1,'a' | 'a' | '<a>,<b>,<>,<c>',4 | 'a'; 'b'; ''; 'c'", "1,9,'f(a(b)c)d' | 'f(a(b)c)d' | '<f(a(b)c)d>',1 | 'f(a(b)c)d'", "1,6,'abcabc' | 'abcabc' | '<abcabc>',1 | 'abcabc'", "1,4,'\0a\0b' | '\0a\0b' | '<\0a\0b>',1 | '\0a\0b'", "1,8,'12-34-56' | '12-34-56' | '<12-34-56>',1 | '12-34-56'", "1,5,'x\
y\9z' | 'x\
y\9z' | '<x\
y\9z>',1 | 'x\
y\9z'", "1,11,'key=key;k=v' | 'key=key;k=v' | '<key=key;k=v>',1 | 'key=key;k=v'"}},
}

runCases(cases)

for _, row in ipairs(crossCases) do
  for i, s in ipairs(crossSubjects) do
    local p = row[1]
    local got = run("find", s, p) .. " | " .. run("match", s, p) .. " | " .. run("gsub", s, p, "<%0>")
      .. " | " .. run("gmatch*", s, p)
    check("find/match/gsub/gmatch(" .. string.format("%q, %q", s, p) .. ")", got, row[2][i])
  end
end

-- gsub with a table: the first capture (or the match) is the key; false and
-- nil keep the match; numbers are used as text; __index is consulted.
do
  local t = {hello = "HI", world = false, x = 42, y = 1.5}
  local r, n = string.gsub("hello world x y z", "%w+", t)
  check("gsub table", r .. "|" .. n, "HI world 42 1.5 z|5")
  r, n = string.gsub("a=1 b=2", "(%w)=(%w)", {a = "A"})
  check("gsub table by first capture", r .. "|" .. n, "A b=2|2")
  local log = {}
  local proxy = setmetatable({}, {__index = function(_, k) log[#log + 1] = k; return k == "b" and "B" or nil end})
  r, n = string.gsub("abc", "%w", proxy)
  check("gsub table __index", r .. "|" .. n .. "|" .. join(log, ","), "aBc|3|a,b,c")
  r, n = string.gsub("abc", "()", {[1] = "one", [3] = "three"})
  check("gsub table position keys", r .. "|" .. n, "oneabthreec|4")
  local ok, e = pcall(string.gsub, "abc", "b", {b = {}})
  check("gsub table value table", e, "invalid replacement value (a table)")
  ok, e = pcall(string.gsub, "abc", "b", {b = true})
  check("gsub table value true", e, "invalid replacement value (a boolean)")
end

-- gsub with a function: called with the captures (positions as integers),
-- once per match, in order.
do
  local calls = {}
  local r, n = string.gsub("hello world", "(o)()", function(c, p)
    calls[#calls + 1] = c .. tostring(p)
    return "0"
  end)
  check("gsub function", r .. "|" .. n .. "|" .. join(calls, ","), "hell0 w0rld|2|o6,o9")
  r, n = string.gsub("abc", "%w", function(c) if c == "b" then return nil end return c:upper() end)
  check("gsub function nil keeps", r .. "|" .. n, "AbC|3")
  r, n = string.gsub("abc", "%w", function(c) return false end)
  check("gsub function false keeps", r .. "|" .. n, "abc|3")
  r, n = string.gsub("abc", "%w", function(c) return 7 end)
  check("gsub function number", r .. "|" .. n, "777|3")
  r, n = string.gsub("abc", "%w", function(c) return 0.5 end)
  check("gsub function float", r .. "|" .. n, "0.50.50.5|3")
  r, n = string.gsub("abc", "", function() return "-" end)
  check("gsub function empty matches", r .. "|" .. n, "-a-b-c-|4")
  r, n = string.gsub("abc", "%w", function() end, 2)
  check("gsub function max", r .. "|" .. n, "abc|2")
  local ok, e = pcall(string.gsub, "abc", "b", function() return {} end)
  check("gsub function table", e, "invalid replacement value (a table)")
  ok, e = pcall(string.gsub, "abc", "b", function() return true end)
  check("gsub function true", e, "invalid replacement value (a boolean)")
  ok, e = pcall(string.gsub, "abc", "b", function() return print end)
  check("gsub function function", e, "invalid replacement value (a function)")
  ok, e = pcall(string.gsub, "abc", "b", function() error("boom", 0) end)
  check("gsub function error", tostring(ok) .. " " .. e, "false boom")
  ok, e = pcall(string.gsub, "abc", "b", function() error({}) end)
  check("gsub function error object", type(e), "table")
  -- the replacement may itself use the string library (re-entrancy)
  r = string.gsub("a b", "%w", function(c) return (string.gsub(c .. c, c, "%0%0")) end)
  check("gsub nested", r, "aaaa bbbb")
  -- an object with __name is named by its type name, not __name
  local obj = setmetatable({}, {__name = "MyType"})
  ok, e = pcall(string.gsub, "abc", "b", function() return obj end)
  check("gsub __name", e, "invalid replacement value (a table)")
  local ts = setmetatable({}, {__tostring = function() return "x" end})
  ok, e = pcall(string.gsub, "abc", "b", {b = ts})
  check("gsub __tostring is not used", e, "invalid replacement value (a table)")
end

-- gsub errors carry the position of the calling line
do
  local function rterr(src, expected)
    local f = assert(load(src, "=t"))
    local ok, e = pcall(f)
    check(src, tostring(ok) .. " " .. tostring(e), "false " .. expected)
  end
  rterr("string.gsub('abc', 'b', {b = {}})", "t:1: invalid replacement value (a table)")
  rterr("\nlocal x = ('abc'):gsub('b', '%2')", "t:2: invalid capture index %2")
  rterr("for x in ('abc'):gmatch('(') do end", "t:1: unfinished capture")
  rterr("local s = 'x'\nreturn s:find('[')", "t:2: malformed pattern (missing ']')")
  rterr("return ('x'):match()", "t:1: bad argument #1 to 'match' (string expected, got no value)")
  rterr("return ('x'):gsub('x')", "t:1: bad argument #2 to 'gsub' (string/function/table expected, got no value)")
  rterr("return ('x'):find('x', {})", "t:1: bad argument #2 to 'find' (number expected, got table)")
  rterr("return ('x').find()", "t:1: bad argument #1 to 'find' (string expected, got no value)")
  rterr("local t = {} return t:find('x')", "t:1: attempt to call a nil value (method 'find')")
end

-- methods through the string metatable
do
  local s = "hello world"
  check("method find", ser(pk(s:find("o w"))), "5,7")
  check("method match", ser(pk(s:match("(%w+) (%w+)"))), "'hello','world'")
  check("method gsub", ser(pk(s:gsub("o", "0"))), "'hell0 w0rld',2")
  local words = {}
  for w in s:gmatch("%a+") do words[#words + 1] = w end
  check("method gmatch", join(words, ","), "hello,world")
  check("number is not a string", tostring(pcall(function() return (5):find("5") end)), "false")
end

-- gmatch keeps its own state; iterators are independent and reusable
do
  local it1 = string.gmatch("a1b2c3", "%a(%d)")
  local it2 = string.gmatch("a1b2c3", "%a(%d)")
  check("gmatch independent", it1() .. it1() .. it2() .. it1() .. tostring((it1())) .. it2(), "1213nil2")
  local it = string.gmatch("abc", "")
  local n = 0
  for _ in it do n = n + 1 end
  check("gmatch empty matches", tostring(n), "4")
  check("gmatch exhausted", tostring((it())), "nil")
  -- the subject and pattern stay alive with the iterator
  local g = string.gmatch(("x"):rep(50) .. "y", "(x+)(y)")
  collectgarbage()
  local a, b = g()
  check("gmatch keeps its strings", #a .. b, "50y")
end

-- deep patterns end with "pattern too complex" and never exhaust the C stack
do
  local ok, e = pcall(string.find, ("a"):rep(100000), ("a?"):rep(100000))
  check("deep a?", tostring(ok) .. " " .. tostring(e), "false pattern too complex")
  ok, e = pcall(string.match, ("a"):rep(100000), ("(a)"):rep(31) .. ("a?"):rep(1000))
  check("deep captures", tostring(ok) .. " " .. tostring(e), "false pattern too complex")
  -- an item that matches nothing does not nest, however many there are
  ok, e = pcall(string.match, ("a"):rep(1000), ("(a)"):rep(31) .. ("a*"):rep(1000))
  check("flat a*", tostring(ok) .. " " .. tostring(e), "true a")
  ok, e = pcall(string.gsub, ("x"):rep(1000), ("x?"):rep(250), "")
  check("deep gsub", tostring(ok) .. " " .. tostring(e), "false pattern too complex")
  -- long subjects without recursion are fine
  local big = ("ab"):rep(100000)
  check("long .-", ser(pk(big:find("b.-$"))), "2,200000")
  check("long [^x]*", ser(pk(#big:match("[^x]*"))), "200000")
  local r, n = big:gsub("a", "")
  check("long gsub", #r .. "," .. n, "100000,100000")
  check("long %b", ser(pk(("(" .. ("()"):rep(50000) .. ")"):find("%b()"))), "1,100002")
end

-- %z (deprecated) is the zero byte
check("%z", ser(pk(string.find("a\0b", "%z"))), "2,2")
check("%Z", ser(pk(string.match("\0\0ab\0", "%Z+"))), "'ab'")

-- the empty pattern and the empty subject
check("find empty at end", ser(pk(string.find("abc", "", 4))), "4,3")
check("find empty past end", ser(pk(string.find("abc", "", 5))), "nil")
check("match empty past end", ser(pk(string.match("abc", "()", 4))), "4")

finish()
