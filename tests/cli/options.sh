#!/usr/bin/env bash
# The command line as lua reads it (manual §7): malformed options, the
# version line, the order of actions, standard input as the script, -W and
# -E, the program name in messages, and errors of the script.
source "$(dirname "$0")/lib.sh"

# lua's usage text for program $1, then Tycho's own lines.
usage() {
  cat <<EOF
usage: $1 [options] [script [args]]
Available options are:
  -e stat   execute string 'stat'
  -i        enter interactive mode after executing 'script'
  -l mod    require library 'mod' into global 'mod'
  -l g=mod  require library 'mod' into global 'g'
  -v        show version information
  -E        ignore environment variables
  -W        turn warnings on
  --        stop handling options
  -         stop handling options and execute stdin
Tycho's own options:
  --disasm  list the bytecode of 'script' (source or binary) instead of running it
  --jit=off run with the interpreter only (the default)
  --gc=mode start the collector in 'incremental' or 'generational' mode
  --memory-limit=size  allocations past 'size' bytes (suffix K, M or G)
            fail with "not enough memory"
  --help    show this text
Compiling to a binary chunk, as luac does (-c comes first):
       $1 -c [options] [filenames]
  -l       list (use -l -l for full listing)
  -o name  output to file 'name' (default is "luac.out")
  -p       parse only
  -s       strip debug information
  -v       show version information
  --       stop handling options
  -        stop handling options and process stdin
EOF
}

echo 'print("stdin ran", ...)' >stdin.lua
echo 'error("boom")' >boom.lua
echo 'return "mymod"' >mymod.lua

# --- the version line: Tycho's, naming the language it implements and
# crediting it.
if ! [[ $version =~ ^Tycho\ [0-9]+\.[0-9]+\.[0-9]+\ \(Lua\ 5\.4\)\ \ Lua:\ Copyright\ \(C\)\ 1994-2025\ Lua\.org,\ PUC-Rio$ ]]; then
  echo "FAIL version line: '$version'"
  failures=$((failures + 1))
fi

echo "$version" | out
noerr
run version 0 tycho -v

echo "$version" | out
noerr
run version-once 0 tycho -v -v

{ echo "$version"; echo 1; } | out
noerr
run version-before-e 0 tycho -e 'print(1)' -v

# --- malformed command lines: lua's message and usage, nothing runs.
for option in -x -vx -ix -E- -W- -Wx --x --help=x -; do
  [ "$option" = - ] && continue
  noout
  { echo "tycho: unrecognized option '$option'"; usage tycho; } | err
  run "unrecognized $option" 1 env LUA_INIT='print("init ran")' tycho -e 'print("e ran")' "$option"
done

noout
{ echo "tycho: '-e' needs argument"; usage tycho; } | err
run e-needs-argument 1 tycho -e

noout
{ echo "tycho: '-e' needs argument"; usage tycho; } | err
run e-argument-not-an-option 1 tycho -e -1

noout
{ echo "tycho: '-l' needs argument"; usage tycho; } | err
run l-needs-argument 1 tycho -l

usage tycho | out
noerr
run help 0 tycho --help

# --- "--" and "-"
out <<'EOF'
1
EOF
err <<'EOF'
tycho: cannot open -e: No such file or directory
EOF
run double-dash 1 tycho -e 'print(1)' -- -e

out <<'EOF'
stdin ran	a	b
EOF
noerr
run dash-is-stdin 0 --stdin stdin.lua tycho - a b

# --- standard input runs when there is no script, -e or -v (not a
# terminal here); -l, -W and -E do not count.
out <<'EOF'
stdin ran
EOF
noerr
run stdin-alone 0 --stdin stdin.lua tycho

out <<'EOF'
stdin ran
EOF
noerr
run stdin-after-l 0 --stdin stdin.lua tycho -l mymod

out <<'EOF'
stdin ran
EOF
noerr
run stdin-after-W-E 0 --stdin stdin.lua tycho -W -E

out <<'EOF'
1
EOF
noerr
run no-stdin-after-e 0 --stdin stdin.lua tycho -e 'print(1)'

echo "$version" | out
noerr
run no-stdin-after-v 0 --stdin stdin.lua tycho -v

{ echo "$version"; echo 1; echo "> stdin ran"; echo "> "; } | out
noerr
run interactive-after-e 0 --stdin stdin.lua tycho -i -e 'print(1)'

# --- -W acts in its place among -e and -l.
noout
err <<'EOF'
Lua warning: y
EOF
run W-in-order 0 tycho -e 'warn("x")' -W -e 'warn("y")'

# --- -E: no LUA_PATH (nor LUA_INIT, see init.sh).
out <<'EOF'
./?.x
true
EOF
noerr
run E-ignores-LUA_PATH 0 sh -c "LUA_PATH='./?.x' tycho -e 'print(package.path)' && LUA_PATH='./?.x' tycho -E -e 'print(package.path ~= \"./?.x\")'"

# --- the script's errors
noout
err <<'EOF'
tycho: boom.lua:1: boom
stack traceback:
	[C]: in function 'error'
	boom.lua:1: in main chunk
	[C]: in ?
EOF
run script-error 1 tycho boom.lua

echo "$version" | out
err <<'EOF'
tycho: boom.lua:1: boom
stack traceback:
	[C]: in function 'error'
	boom.lua:1: in main chunk
	[C]: in ?
EOF
run no-interactive-after-error 1 --stdin stdin.lua tycho -i boom.lua

noout
err <<'EOF'
tycho: (error object is a table value)
stack traceback:
	[C]: in function 'error'
	(command line):1: in main chunk
	[C]: in ?
EOF
run error-table 1 tycho -e 'error({})'

noout
err <<'EOF'
tycho: TS
EOF
run error-tostring 1 tycho -e 'error(setmetatable({}, {__tostring = function() return "TS" end}))'

noout
err <<'EOF'
tycho: (command line):1: unexpected symbol near <eof>
EOF
run e-syntax-error 1 tycho -e 'x ='

noout
err <<'EOF'
tycho: cannot open nofile.lua: No such file or directory
EOF
run cannot-open 1 tycho nofile.lua

mkdir -p adir
noout
err <<'EOF'
tycho: cannot read adir: Is a directory
EOF
run cannot-read 1 tycho adir

out <<'EOF'
before
EOF
noerr
run os-exit 3 tycho -e 'print("before") os.exit(3)' -e 'print("not reached")'

# --- messages start with the program's name as invoked (argv[0]).
noout
{ echo "$tycho_path: unrecognized option '-x'"; usage "$tycho_path"; } | err
run program-name-usage 1 "$tycho_path" -x

ln -s "$tycho_path" mylua
noout
err <<'EOF'
./mylua: boom.lua:1: boom
stack traceback:
	[C]: in function 'error'
	boom.lua:1: in main chunk
	[C]: in ?
EOF
run program-name-error 1 ./mylua boom.lua

noout
err <<'EOF'
./mylua: cannot open nofile.lua: No such file or directory
EOF
run program-name-cannot-open 1 ./mylua nofile.lua

finish
