#!/usr/bin/env bash
# -l mod and -l g=mod: require("mod") in its place among the -e chunks, its
# result in global mod (the name up to a '-') or g; errors with a traceback
# from `require`.
source "$(dirname "$0")/lib.sh"
# Fixed search paths, so that "module not found" messages are the same
# everywhere.
export LUA_PATH='./?.lua' LUA_CPATH='./?.so'

echo 'print("loading", ...) return {name = "mymod"}, "extra"' >mymod.lua
echo 'return "versioned"' >x-v2.lua
mkdir -p pkg
echo 'return "sub module"' >pkg/sub.lua
echo 'return nil' >nilmod.lua
echo 'error("module fails")' >errmod.lua

out <<'EOF'
loading	mymod	./mymod.lua
mymod
EOF
noerr
run global-is-module-name 0 tycho -l mymod -e 'print(mymod.name)'

out <<'EOF'
loading	mymod	./mymod.lua
mymod	nil
EOF
noerr
run named-global 0 tycho -l g=mymod -e 'print(g.name, mymod)'

out <<'EOF'
loading	mymod	./mymod.lua
mymod
EOF
noerr
run attached 0 tycho -lmymod -e 'print(mymod.name)'

out <<'EOF'
nil	1
loading	mymod	./mymod.lua
table	2
EOF
noerr
run in-order 0 tycho -e 'print(mymod, 1)' -l mymod -e 'print(type(mymod), 2)'

out <<'EOF'
versioned	nil
EOF
noerr
run name-up-to-dash 0 tycho -l x-v2 -e 'print(x, _G["x-v2"])'

out <<'EOF'
sub module	nil
EOF
noerr
run dotted-name 0 tycho -l pkg.sub -e 'print(_G["pkg.sub"], pkg)'

out <<'EOF'
true	true
EOF
noerr
run nil-result 0 tycho -l nilmod -e 'print(nilmod, package.loaded.nilmod)'

out <<'EOF'
my require	mymod	1
5
EOF
noerr
run uses-global-require 0 tycho -e 'require = function(...) print("my require", ..., select("#", ...)) return 5 end' -l g=mymod -e 'print(g)'

noout
err <<'EOF'
tycho: module 'nomod' not found:
	no field package.preload['nomod']
	no file './nomod.lua'
	no file './nomod.so'
stack traceback:
	[C]: in function 'require'
	[C]: in ?
EOF
run not-found 1 tycho -l nomod -e 'print("not reached")'

noout
err <<'EOF'
tycho: ./errmod.lua:1: module fails
stack traceback:
	[C]: in function 'error'
	./errmod.lua:1: in main chunk
	[C]: in function 'require'
	[C]: in ?
EOF
run module-error 1 tycho -l errmod

noout
err <<'EOF'
tycho: attempt to call a nil value
stack traceback:
	[C]: in ?
EOF
run no-require 1 tycho -e 'require = nil' -l mymod

finish
