#!/usr/bin/env bash
# The interactive mode with standard input from a pipe or a file (plain
# reads, prompts written to stdout; interactive-terminal.py drives it
# through a terminal): expressions and statements, "=expr", statements
# continued over lines, an incomplete statement at the end of the input,
# results printed through the global `print`, _PROMPT and _PROMPT2, and
# messages without the program name.
source "$(dirname "$0")/lib.sh"

input() { cat >input.txt; }

input <<'EOF'
1+1
=2,3
return 7
x = 5
x
1, nil, 3
for i = 1, 2 do
print(i)
end
local a = 1
a

   
-- a comment
EOF
{ echo "$version"; printf '> 2\n> 2\t3\n> 7\n> > 5\n> 1\tnil\t3\n> >> >> 1\n2\n> > nil\n> > > > \n'; } | out
noerr
run expressions-and-statements 0 --stdin input.txt tycho -i

input <<'EOF'
x = = 1
"abc
[[abc
def]]
1 --[[ c
]]
[[abc
def]]
EOF
{ echo "$version"; printf '> > >> > > > > >> > \n'; } | out
err <<'EOF'
stdin:1: unexpected symbol near '='
stdin:1: unfinished string near '"abc'
stdin:1: syntax error near ']'
stdin:1: unexpected symbol near '1'
stdin:1: unexpected symbol near ']'
stdin:2: unexpected symbol near '[[abc
def]]'
EOF
run syntax-errors 0 --stdin input.txt tycho -i

input <<'EOF'
x = 1 +
2
=x
function f(
EOF
{ echo "$version"; printf '> >> > 3\n> >> > \n'; } | out
err <<'EOF'
stdin:1: <name> or '...' expected near <eof>
EOF
run incomplete-at-end 0 --stdin input.txt tycho -i

input <<'EOF'
error("e")
error({})
error()
error(setmetatable({}, {__tostring = function() return "TSERR" end}))
error("x", 0)
EOF
{ echo "$version"; printf '> > > > > > \n'; } | out
err <<'EOF'
stdin:1: e
stack traceback:
	[C]: in function 'error'
	stdin:1: in main chunk
	[C]: in ?
(error object is a table value)
stack traceback:
	[C]: in function 'error'
	stdin:1: in main chunk
	[C]: in ?
(error object is a nil value)
stack traceback:
	[C]: in function 'error'
	stdin:1: in main chunk
	[C]: in ?
TSERR
x
stack traceback:
	[C]: in function 'error'
	stdin:1: in main chunk
	[C]: in ?
EOF
run errors 0 --stdin input.txt tycho -i

input <<'EOF'
print = function(...) io.write("P:", select("#", ...), "\n") end
1, nil, 3
nil
x
print("not called for no results")
print = nil
1
print = 5
2
print = function() error("perr") end
3
print = function() error({}) end
4
print = setmetatable({}, {__call = function(_, ...) io.write("called ", select("#", ...), "\n") end})
5, 6
EOF
{ echo "$version"; printf '> > P:3\n> P:1\n> P:1\n> P:1\n> > > > > > > > > > called 2\n> \n'; } | out
err <<'EOF'
error calling 'print' (attempt to call a nil value)
error calling 'print' (attempt to call a number value)
error calling 'print' (stdin:1: perr)
error calling 'print' ((null))
EOF
run results-through-print 0 --stdin input.txt tycho -i

input <<'EOF'
_PROMPT = "P> " _PROMPT2 = "P2> "
if true then
end
_PROMPT = 12
_PROMPT = setmetatable({}, {__tostring = function() return "TS> " end})
_PROMPT2 = false
if x then
end
_PROMPT = nil
EOF
{ echo "$version"; printf '> P> P2> P> 12TS> TS> falseTS> > \n'; } | out
noerr
run prompts 0 --stdin input.txt tycho -i

input <<'EOF'
print(1) print(2)
os.exit(3)
print("not reached")
EOF
{ echo "$version"; printf '> 1\n2\n> '; } | out
noerr
run os-exit 3 --stdin input.txt tycho -i

# The last line may lack its newline.
printf 'print("last")' >input.txt
{ echo "$version"; printf '> last\n> \n'; } | out
noerr
run last-line-without-newline 0 --stdin input.txt tycho -i

# Messages from before the interactive mode keep the program name.
input </dev/null
{ echo "$version"; } | out
err <<'EOF'
tycho: (command line):1: e
stack traceback:
	[C]: in function 'error'
	(command line):1: in main chunk
	[C]: in ?
EOF
run error-before 1 --stdin input.txt tycho -i -e 'error("e")'

# A script first, then the interactive mode sees what it defined.
echo 'greeting = "hello"' >define.lua
echo 'greeting' | input
{ echo "$version"; printf '> hello\n> \n'; } | out
noerr
run after-script 0 --stdin input.txt tycho -i define.lua

finish
