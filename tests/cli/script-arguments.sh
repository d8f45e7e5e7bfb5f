#!/usr/bin/env bash
# The script's arguments are read from the global `arg` when the script
# starts, after the -e chunks (which may change it): arg[1] .. arg[#arg],
# the length through __len, the values raw. The arg table itself: the
# script at 0, the interpreter and options below.
source "$(dirname "$0")/lib.sh"

cat >args.lua <<'EOF'
print("script", select("#", ...), ...)
print(arg[0], arg[1], arg[-1])
EOF

out <<'EOF'
tycho	-e	print(arg[-3], arg[-2], arg[-1])
script	2	a	b
args.lua	a	print(arg[-3], arg[-2], arg[-1])
EOF
noerr
run table 0 tycho -e 'print(arg[-3], arg[-2], arg[-1])' args.lua a b

out <<'EOF'
tycho	-e	print(arg[0], arg[1], arg[2], arg[3], #arg)	nil	2
EOF
noerr
run table-without-script 0 tycho -e 'print(arg[0], arg[1], arg[2], arg[3], #arg)'

out <<'EOF'
script	3	changed	b	new
args.lua	changed	arg[1] = "changed"; arg[3] = "new"
EOF
noerr
run changed-by-e 0 tycho -e 'arg[1] = "changed"; arg[3] = "new"' args.lua a b

out <<'EOF'
script	2	x	y
nil	x	nil
EOF
noerr
run replaced-by-e 0 tycho -e 'arg = {"x", "y"}' args.lua a b

noout
err <<'EOF'
tycho: 'arg' is not a table
EOF
run not-a-table 1 tycho -e 'arg = nil' args.lua a b

noout
err <<'EOF'
tycho: 'arg' is not a table
EOF
run not-a-table-stdin 1 --stdin args.lua tycho -e 'arg = 5' -

# The script is loaded before the arguments are read.
noout
err <<'EOF'
tycho: cannot open nofile.lua: No such file or directory
EOF
run load-first 1 tycho -e 'arg = nil' nofile.lua

out <<'EOF'
script	2	nil	nil
m0	m1	m-1
EOF
noerr
run length-meta-values-raw 0 tycho -e 'arg = setmetatable({}, {__len = function() return 2 end, __index = function(t, k) return "m" .. k end})' args.lua a b

noout
err <<'EOF'
tycho: object length is not an integer
EOF
run length-not-integer 1 tycho -e 'arg = setmetatable({}, {__len = function() return 1.5 end})' args.lua a b

noout
err <<'EOF'
tycho: (command line):1: no length
EOF
run length-error 1 tycho -e 'arg = setmetatable({}, {__len = function() error("no length") end})' args.lua a b

noout
err <<'EOF'
tycho: stack overflow (too many arguments to script)
EOF
run too-many 1 tycho -e 'arg = setmetatable({}, {__len = function() return 1000000 end})' args.lua a b

noout
err <<'EOF'
tycho: (error message not a string)
EOF
run error-object-not-a-string 1 tycho -e 'arg = setmetatable({}, {__len = function() error({}) end})' args.lua a b

finish
