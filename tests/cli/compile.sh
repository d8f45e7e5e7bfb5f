#!/usr/bin/env bash
# `tycho -c`, the compiler with luac's options (messages and statuses as
# luac's, the program name replaced), and `tycho --disasm`, which lists
# source files and binary chunks alike.
source "$(dirname "$0")/lib.sh"

printf 'local a, b = 1, "s"\nfunction f(x) return x + a end\nprint(f(2))\n' >c1.lua
printf 'print("two", ...)\n' >c2.lua
printf 'local k = 2.5 return function(x) return x * k, "s" end\n' >one.lua
printf 'x = = 1\n' >bad.lua

# luac's usage with "-c".
compile_usage() {
  cat <<'EOF'
usage: tycho -c [options] [filenames]
Available options are:
  -l       list (use -l -l for full listing)
  -o name  output to file 'name' (default is "luac.out")
  -p       parse only
  -s       strip debug information
  -v       show version information
  --       stop handling options
  -        stop handling options and process stdin
EOF
}

# --- compiling: a binary chunk (Tycho's format) that tycho runs.
out <<'EOF'
3
3
4
 1b 4c 75 61 54
EOF
noerr
run default-output 0 sh -c 'tycho -c c1.lua && tycho luac.out && tycho -e "print(dofile(\"luac.out\") == nil and 4)" &&
                            od -An -tx1 -N5 luac.out'

out <<'EOF'
two	a	b
EOF
noerr
run output-option 0 sh -c 'tycho -c -o two.out c2.lua && tycho two.out a b'

out <<'EOF'
two	x
EOF
noerr
run output-stdout 0 sh -c 'tycho -c -o - c2.lua >stdout.out && tycho stdout.out x'

out <<'EOF'
two
EOF
noerr
run stdin-input 0 --stdin c2.lua sh -c 'tycho -c -o in.out - && tycho in.out'

out <<'EOF'
no file
EOF
noerr
run parse-only-writes-nothing 0 sh -c 'rm -f luac.out; tycho -c -p c1.lua && { test -e luac.out || echo no file; }'

# Several files: one chunk that runs them in order.
out <<'EOF'
3
two
EOF
noerr
run several-files 0 sh -c 'tycho -c -o both.out c1.lua c2.lua && tycho both.out'

# Stripped: smaller, still runs; a binary chunk can be compiled again
# (stripped, combined).
out <<'EOF'
smaller
3
3
two
EOF
noerr
run strip 0 sh -c 'tycho -c -o full.out c1.lua && tycho -c -s -o stripped.out c1.lua &&
                   test $(wc -c <stripped.out) -lt $(wc -c <full.out) && echo smaller && tycho stripped.out &&
                   tycho -c -s -o again.out full.out && tycho again.out && tycho -c -o mixed.out full.out c2.lua >/dev/null && tycho mixed.out | tail -1'

# --- listings: Tycho's disassembly; -l -l adds constants, locals (first and
# last live instruction, frame slot) and upvalues (the enclosing function's
# slot or upvalue they capture).
out <<'EOF'
main (lines 0-0): 7 instructions, 0 params+vararg, 2 slots, 1 upvalues, 1 constants, 1 functions
     1  [0]  VARARGPREP 0
     2  [1]  K 0                  ; 2.5
     3  [1]  CLOSURE 0
     4  [1]  RETURN1
     5  [1]  CLOSE 0
     6  [1]  POP 1
     7  [1]  RETURN0

function <1> (lines 1-1): 5 instructions, 1 params, 3 slots, 1 upvalues, 1 constants, 0 functions
     1  [1]  GETUPVAL 0           ; k
     2  [1]  MUL_LS 0
     3  [1]  K 0                  ; "s"
     4  [1]  RETURN 1 3
     5  [1]  RETURN0
EOF
noerr
run list 0 tycho -c -l -p one.lua

out <<'EOF'
main (lines 0-0): 7 instructions, 0 params+vararg, 2 slots, 1 upvalues, 1 constants, 1 functions
     1  [0]  VARARGPREP 0
     2  [1]  K 0                  ; 2.5
     3  [1]  CLOSURE 0
     4  [1]  RETURN1
     5  [1]  CLOSE 0
     6  [1]  POP 1
     7  [1]  RETURN0
  constants (1):
     0  F  2.5
  locals (1):
     0  k  pc 3-7  slot 0
  upvalues (1):
     0  _ENV  slot 0

function <1> (lines 1-1): 5 instructions, 1 params, 3 slots, 1 upvalues, 1 constants, 0 functions
     1  [1]  GETUPVAL 0           ; k
     2  [1]  MUL_LS 0
     3  [1]  K 0                  ; "s"
     4  [1]  RETURN 1 3
     5  [1]  RETURN0
  constants (1):
     0  S  "s"
  locals (1):
     0  x  pc 1-5  slot 0
  upvalues (1):
     0  k  slot 0
EOF
noerr
run full-list 0 tycho -c -l -l -p one.lua

# A stripped chunk has no lines and no names.
out <<'EOF'
main (lines 0-0): 7 instructions, 0 params+vararg, 2 slots, 1 upvalues, 1 constants, 1 functions
     1  [-]  VARARGPREP 0
     2  [-]  K 0                  ; 2.5
     3  [-]  CLOSURE 0
     4  [-]  RETURN1
     5  [-]  CLOSE 0
     6  [-]  POP 1
     7  [-]  RETURN0
  constants (1):
     0  F  2.5
  locals (0):
  upvalues (1):
     0  -  slot 0

function <1> (lines 1-1): 5 instructions, 1 params, 3 slots, 1 upvalues, 1 constants, 0 functions
     1  [-]  GETUPVAL 0           ; -
     2  [-]  MUL_LS 0
     3  [-]  K 0                  ; "s"
     4  [-]  RETURN 1 3
     5  [-]  RETURN0
  constants (1):
     0  S  "s"
  locals (0):
  upvalues (1):
     0  -  slot 0
EOF
noerr
run full-list-stripped 0 sh -c 'tycho -c -s -o one-stripped.out one.lua && tycho -c -l -l -p one-stripped.out'

# The listing comes before the output is written, as luac's; the combined
# chunk's main function calls each file's.
out <<'EOF'
main (lines 0-0): 6 instructions, 0 params+vararg, 1 slots, 1 upvalues, 0 constants, 2 functions
     1  [-]  VARARGPREP 0
     2  [-]  CLOSURE 0
     3  [-]  CALL 0 1
     4  [-]  CLOSURE 1
     5  [-]  CALL 0 1
     6  [-]  RETURN0
two
two
EOF
noerr
run list-several 0 sh -c 'tycho -c -l -o twice.out c2.lua c2.lua | sed -n 1,7p && tycho twice.out'

# --- --disasm lists source and binary chunks alike (a binary chunk is
# loaded and verified first).
out <<'EOF'
same
EOF
noerr
run disasm-binary 0 sh -c 'tycho -c -o c1.out c1.lua && tycho --disasm c1.lua >source.txt && tycho --disasm c1.out >binary.txt &&
                           test -s source.txt && cmp source.txt binary.txt && echo same'

out <<'EOF'
main (lines 0-0): 7 instructions, 0 params+vararg, 2 slots, 1 upvalues, 1 constants, 1 functions
EOF
noerr
run disasm-stdin-binary 0 sh -c 'tycho -c -o - one.lua | tycho --disasm - | head -1'

tycho -c -o whole.out c1.lua
head -c 20 whole.out >truncated.out
noout
err <<'EOF'
tycho: truncated.out: bad binary format (truncated chunk)
EOF
run disasm-bad-binary 1 tycho --disasm truncated.out

noout
err <<'EOF'
tycho: truncated.out: bad binary format (truncated chunk)
EOF
run bad-binary 1 tycho -c truncated.out

# --- errors, as luac reports them
noout
err <<'EOF'
tycho: bad.lua:1: unexpected symbol near '='
EOF
run syntax-error 1 tycho -c bad.lua

noout
err <<'EOF'
tycho: cannot open nofile.lua: No such file or directory
EOF
run cannot-open 1 tycho -c c1.lua nofile.lua

noout
err <<'EOF'
tycho: cannot open nodir/x.out: No such file or directory
EOF
run cannot-write 1 tycho -c -o nodir/x.out c1.lua

noout
{ echo "tycho: no input files given"; compile_usage; } | err
run no-input 1 tycho -c

noout
{ echo "tycho: unrecognized option '-x'"; compile_usage; } | err
run unrecognized 1 tycho -c -x c1.lua

noout
{ echo "tycho: '-o' needs argument"; compile_usage; } | err
run o-needs-argument 1 tycho -c -o

noout
{ echo "tycho: '-o' needs argument"; compile_usage; } | err
run o-argument-not-an-option 1 tycho -c -o -l c1.lua

noout
err <<'EOF'
tycho: cannot open -x: No such file or directory
EOF
run double-dash 1 tycho -c -p -- -x

echo "$version" | out
noerr
run version 0 tycho -c -v

{ echo "$version"; echo 3; } | out
noerr
run version-and-file 0 sh -c 'tycho -c -v -o v.out c1.lua && tycho v.out'

# -c is the compiler only as the first argument.
out <<'EOF'
tycho: unrecognized option '-c'
EOF
noerr
# (the whole output first: a pipe into head could end tycho with SIGPIPE)
run c-not-first 1 bash -c 'tycho -e "" -c c1.lua >usage.txt 2>&1; status=$?; head -n 1 usage.txt; exit $status'

finish
