#!/usr/bin/env bash
# A UTF-8 byte-order mark at the start of a chunk file is skipped, also
# before a '#' first line and before a binary chunk, by every reader of
# chunk files: the command line (a script, standard input), loadfile,
# dofile and require. `load` of a string keeps it (it is then a syntax
# error, as in lua5.4), and so does a partial mark.
source "$(dirname "$0")/lib.sh"

bom=$'\xef\xbb\xbf'
printf '%sprint("bom ok", ...)\n' "$bom" >bom.lua
printf '%s#!/usr/bin/env tycho\nprint("after #", debug.getinfo(1, "l").currentline)\n' "$bom" >bom-hash.lua
printf '%s\nerror("on line 2")\n' "$bom" >bom-line.lua
printf '%sreturn "module with a mark"\n' "$bom" >bommod.lua
printf '\xef\xbbprint("partial")\n' >partial.lua
printf '%s%sprint("twice")\n' "$bom" "$bom" >twice.lua
printf '%s' "$bom" >only-bom.lua
tycho -e 'local f = assert(io.open("plain.out", "wb")) f:write(string.dump(load("print(\"binary\", ...)"))) f:close()'
{ printf '%s' "$bom"; cat plain.out; } >bom-binary.out
{ printf '%s#!/usr/bin/env tycho\n' "$bom"; cat plain.out; } >bom-hash-binary.out

out <<'EOF'
bom ok	a	b
EOF
noerr
run script 0 tycho bom.lua a b

out <<'EOF'
after #	2
EOF
noerr
run script-hash-line 0 tycho bom-hash.lua

noout
err <<'EOF'
tycho: bom-line.lua:2: on line 2
stack traceback:
	[C]: in function 'error'
	bom-line.lua:2: in main chunk
	[C]: in ?
EOF
run script-line-numbers 1 tycho bom-line.lua

noout
noerr
run script-only-mark 0 tycho only-bom.lua

out <<'EOF'
binary	x
binary	y
EOF
noerr
run script-binary 0 sh -c 'tycho bom-binary.out x && tycho bom-hash-binary.out y'

out <<'EOF'
bom ok	c
EOF
noerr
run stdin 0 --stdin bom.lua tycho - c

out <<'EOF'
bom ok
after #	2
true
EOF
noerr
run loadfile 0 tycho -e 'loadfile("bom.lua")() loadfile("bom-hash.lua")() print(loadfile("bom-binary.out") ~= nil)'

out <<'EOF'
bom ok
after #	2
binary
EOF
noerr
run dofile 0 tycho -e 'dofile("bom.lua") dofile("bom-hash.lua") dofile("bom-binary.out")'

out <<'EOF'
module with a mark	./bommod.lua
EOF
noerr
run require 0 tycho -e 'print(require("bommod"))'

out <<'EOF'
nil	[string "﻿return 1"]:1: unexpected symbol near '<\239>'
EOF
noerr
run load-string-keeps-it 0 tycho -e 'print(load("\xef\xbb\xbfreturn 1"))'

noout
err <<'EOF'
tycho: partial.lua:1: unexpected symbol near '<\239>'
EOF
run partial-mark 1 tycho partial.lua

noout
err <<'EOF'
tycho: twice.lua:1: unexpected symbol near '<\239>'
EOF
run only-one-mark 1 tycho twice.lua

finish
