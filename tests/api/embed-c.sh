#!/usr/bin/env bash
# The C host of examples/embed-c, run as its README section describes:
#   embed-c.sh <host> <demo.lua>
# a normal run (every counter finalized, every block freed at lua_close), a
# script error (reported with its traceback, exit 1), and the host's memory
# limit (the script fails with "not enough memory", the host goes on and
# closes the state cleanly).
set -u
host=$1 demo=$2
fail() { echo "embed-c: $*" >&2; exit 1; }

out=$("$host" "$demo" 2>&1) || fail "normal run failed: $out"
grep -q '^\[host\] Counter(15) 15$' <<<"$out" || fail "missing counter output: $out"
grep -q 'counters collected: 101; .* 0 bytes left after lua_close' <<<"$out" || fail "finalizers or memory: $out"

out=$(DEMO_ERROR=1 "$host" "$demo" 2>&1) && fail "a script error must exit with 1"
grep -q 'demo.lua:14: a script error, on purpose' <<<"$out" || fail "error message: $out"
grep -q "^stack traceback:" <<<"$out" || fail "no traceback: $out"
grep -q "demo.lua:15: in upvalue 'deeper'" <<<"$out" || fail "traceback lines: $out"

out=$(DEMO_MEMORY=1 "$host" "$demo" 512 2>&1) && fail "a run past the memory limit must fail"
grep -q 'not enough memory' <<<"$out" || fail "memory limit: $out"
grep -q '0 bytes left after lua_close' <<<"$out" || fail "memory after a memory error: $out"
echo OK
