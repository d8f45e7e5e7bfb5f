#!/usr/bin/env bash
# LUA_INIT_5_4, or else LUA_INIT: a chunk, or "@file" to run a file, run
# before the other actions (after -v prints the version); its errors end the
# process with status 1; -E ignores both.
source "$(dirname "$0")/lib.sh"

echo 'print("init file", select("#", ...), debug.getinfo(1, "S").source)' >init.lua
echo 'error("in init file")' >init-error.lua

out <<'EOF'
init
e
EOF
noerr
run chunk 0 env LUA_INIT='print("init")' tycho -e 'print("e")'

{ echo "$version"; echo init54; } | out
noerr
run versioned-first 0 env LUA_INIT='print("init")' LUA_INIT_5_4='print("init54")' tycho -v

noout
noerr
run versioned-even-empty 0 env LUA_INIT='print("init")' LUA_INIT_5_4= tycho -e ''

out <<'EOF'
init file	0	@init.lua
e
EOF
noerr
run at-file 0 env LUA_INIT=@init.lua tycho -e 'print("e")'

out <<'EOF'
init	nil	1	x.lua
EOF
err <<'EOF'
tycho: cannot open x.lua: No such file or directory
EOF
run before-the-script 1 env LUA_INIT='print("init", ..., #arg, arg[0])' tycho x.lua a

noout
err <<'EOF'
tycho: LUA_INIT:1: bad
stack traceback:
	[C]: in function 'error'
	LUA_INIT:1: in main chunk
	[C]: in ?
EOF
run error 1 env LUA_INIT='error("bad")' tycho -e 'print("e")'

noout
err <<'EOF'
tycho: LUA_INIT_5_4:1: bad
stack traceback:
	[C]: in function 'error'
	LUA_INIT_5_4:1: in main chunk
	[C]: in ?
EOF
run versioned-error 1 env LUA_INIT_5_4='error("bad")' tycho -e 'print("e")'

noout
err <<'EOF'
tycho: LUA_INIT:1: unexpected symbol near <eof>
EOF
run syntax-error 1 env LUA_INIT='x =' tycho -e 'print("e")'

noout
err <<'EOF'
tycho: init-error.lua:1: in init file
stack traceback:
	[C]: in function 'error'
	init-error.lua:1: in main chunk
	[C]: in ?
EOF
run at-file-error 1 env LUA_INIT=@init-error.lua tycho

noout
err <<'EOF'
tycho: cannot open nofile.lua: No such file or directory
EOF
run at-file-missing 1 env LUA_INIT=@nofile.lua tycho -e 'print("e")'

out <<'EOF'
e
EOF
noerr
run ignored-under-E 0 env LUA_INIT='print("init")' LUA_INIT_5_4='print("init54")' tycho -E -e 'print("e")'

# Warnings are still off: -W acts after LUA_INIT.
noout
noerr
run before-W 0 env LUA_INIT='warn("w")' tycho -W -e ''

finish
