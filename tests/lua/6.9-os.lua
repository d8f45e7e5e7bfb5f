-- §6.9 Operating system facilities: os.clock, date, time, difftime, getenv,
-- remove, rename, tmpname, execute, setlocale (os.exit is tested last).

local errorOf = require("modules.checks").errorOf

-- library contents
local expected = {clock = 1, date = 1, difftime = 1, execute = 1, exit = 1, getenv = 1,
                  remove = 1, rename = 1, setlocale = 1, time = 1, tmpname = 1}
for k, v in pairs(os) do assert(expected[k] and type(v) == "function"); expected[k] = nil end
assert(next(expected) == nil)

-- clock
local c = os.clock()
assert(type(c) == "number" and c >= 0)

-- date: tables
local t = os.date("!*t", 86400 * 365 + 3661)
assert(t.year == 1971 and t.month == 1 and t.day == 1 and t.hour == 1 and t.min == 1
       and t.sec == 1 and t.wday == 6 and t.yday == 1 and t.isdst == false)
t = os.date("*t", 1234567890)
assert(tostring(t.year) == "2009" and type(t.isdst) == "boolean")
assert(os.time(t) == 1234567890)

-- date: every conversion lua5.4 accepts (C locale, UTC)
local T = 1234567890
assert(os.date("!%Y-%m-%d %H:%M:%S", T) == "2009-02-13 23:31:30")
assert(os.date("!%a %A %b %B %c", T) == "Fri Friday Feb February Fri Feb 13 23:31:30 2009")
assert(os.date("!%C %d %D %e %F %g %G %h %I %j", T) == "20 13 02/13/09 13 2009-02-13 09 2009 Feb 11 044")
assert(os.date("!%m %M %n %p %r %R %S %t %T", T) == "02 31 \n PM 11:31:30 PM 23:31 30 \t 23:31:30")
assert(os.date("!%u %U %V %w %W %x %X %y %Y %%", T) == "5 06 07 5 06 02/13/09 23:31:30 09 2009 %")
assert(os.date("!%Ec|%EC|%Ex|%EX|%Ey|%EY", T) == "Fri Feb 13 23:31:30 2009|20|02/13/09|23:31:30|09|2009")
assert(os.date("!%Od %Oe %OH %OI %Om %OM %OS %Ou %OU %OV %Ow %OW %Oy", T) ==
       "13 13 23 11 02 31 30 5 06 07 5 06 09")
assert(os.date("!plain text", T) == "plain text")
assert(os.date("!", T) == "")
assert(type(os.date()) == "string")
assert(errorOf("os.date('%Ez')") == "t:1: bad argument #1 to 'date' (invalid conversion specifier '%Ez')")
assert(errorOf("os.date('x %Q y')") == "t:1: bad argument #1 to 'date' (invalid conversion specifier '%Q y')")
assert(errorOf("os.date('%')") == "t:1: bad argument #1 to 'date' (invalid conversion specifier '%')")
assert(errorOf("os.date('%E')") == "t:1: bad argument #1 to 'date' (invalid conversion specifier '%E')")
assert(errorOf("os.date('%Y', 'x')") == "t:1: bad argument #2 to 'date' (number expected, got string)")
assert(errorOf("os.date('%Y', 1.5)") == "t:1: bad argument #2 to 'date' (number has no integer representation)")
assert(errorOf("os.date('*t', 1 << 60)") == "t:1: date result cannot be represented in this installation")
assert(errorOf("os.date({})") == "t:1: bad argument #1 to 'date' (string expected, got table)")

-- time: normalisation of the table, field errors
assert(type(os.time()) == "number")
t = {year = 2020, month = 14, day = 35, hour = 25}
local x = os.time(t)
assert(t.year == 2021 and t.month == 3 and t.day == 8 and t.hour == 1 and t.min == 0
       and t.sec == 0 and t.wday == 2 and t.yday == 67)
assert(os.date("*t", x).day == 8)
assert(os.time({year = 2020, month = 1, day = 1, hour = 0}) -
       os.time({year = 2019, month = 12, day = 31, hour = 0}) == 86400)
assert(os.time({year = "2020", month = 1.0, day = 1}) == os.time({year = 2020, month = 1, day = 1, hour = 12}))
assert(errorOf("os.time({})") == "t:1: field 'year' missing in date table")
assert(errorOf("os.time({year = 2000})") == "t:1: field 'month' missing in date table")
assert(errorOf("os.time({year = 2000, month = 1})") == "t:1: field 'day' missing in date table")
assert(errorOf("os.time({year = 2000, month = 1, day = 'x'})") == "t:1: field 'day' is not an integer")
assert(errorOf("os.time({year = 2000, month = 1, day = 1.5})") == "t:1: field 'day' is not an integer")
assert(errorOf("os.time({year = 2000, month = 1, day = 2^40})") == "t:1: field 'day' is out-of-bound")
assert(errorOf("os.time({year = 2000, month = 1, day = 1, min = {}})") == "t:1: field 'min' is not an integer")
assert(errorOf("os.time(1)") == "t:1: bad argument #1 to 'time' (table expected, got number)")
-- fields are read with __index
local proxy = setmetatable({}, {__index = {year = 2000, month = 1, day = 1}})
assert(os.time(proxy) == os.time({year = 2000, month = 1, day = 1}))

-- difftime
assert(tostring(os.difftime(10, 3)) == "7.0")
assert(errorOf("os.difftime(1)") == "t:1: bad argument #2 to 'difftime' (number expected, got no value)")

-- getenv
assert(os.getenv("TYCHO_SURELY_UNSET_VARIABLE") == nil)
assert(type(os.getenv("PATH")) == "string")
assert(errorOf("os.getenv()") == "t:1: bad argument #1 to 'getenv' (string expected, got no value)")

-- tmpname, rename, remove
local name = os.tmpname()
assert(type(name) == "string")
local other = name .. ".renamed"
assert(os.rename(name, other) == true)
local ok, msg, code = os.rename(name, other)
assert(ok == nil and msg == "No such file or directory" and code == 2)
assert(os.remove(other) == true)
ok, msg, code = os.remove(other)
assert(ok == nil and msg == other .. ": No such file or directory" and code == 2)

-- execute
assert(os.execute() == true)
ok, msg, code = os.execute("exit 0")
assert(ok == true and msg == "exit" and code == 0)
ok, msg, code = os.execute("exit 3")
assert(ok == nil and msg == "exit" and code == 3)
ok, msg, code = os.execute("kill -9 $$")
assert(ok == nil and msg == "signal" and code == 9)

-- setlocale
assert(os.setlocale() == "C")
assert(os.setlocale("C") == "C")
assert(os.setlocale(nil, "numeric") == "C")
assert(os.setlocale("no-such-locale-xyz") == nil)
assert(errorOf("os.setlocale(nil, 'xx')") == "t:1: bad argument #2 to 'setlocale' (invalid option 'xx')")

print("OK")
