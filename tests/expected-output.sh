#!/usr/bin/env bash
# Expected-output test runner: runs one Lua script with Tycho and compares its
# standard output with the checked-in file next to it (x.lua → x.expected),
# which is Lua 5.4.8's output for the script. For behaviour where Lua 5.4.8
# and Debian's lua5.4 (5.4.4, the reference of differential.sh) differ.
#
#   expected-output.sh <tycho-binary> <script.lua>
#
# The script is run the way differential.sh runs it: from its directory, with
# its base name as the only argument, stdin from /dev/null and LUA_INIT*
# removed. It must exit with status 0. When Lua 5.4.8 is at hand (LUA_548,
# default /root/.cache/tycho-ref/lua-5.4.8/lua) its output must equal the
# expected file too, so the file cannot drift from what 5.4.8 does. To
# regenerate an expected file:
#   (cd tests/expected && $LUA_548 x.lua > x.expected)
#
# Exit status: 0 if equal, 1 with a unified diff otherwise, 2 on usage errors.
set -u
[ $# -eq 2 ] || { echo "usage: $0 <tycho-binary> <script.lua>" >&2; exit 2; }
tycho=$1
script=$2
ref=${LUA_548:-/root/.cache/tycho-ref/lua-5.4.8/lua}
limit=${DIFF_TIMEOUT:-120}

case $tycho in
  /*) ;;
  *) tycho=$(cd "$(dirname "$tycho")" && pwd)/$(basename "$tycho") ;;
esac
scriptdir=$(cd "$(dirname "$script")" && pwd)
scriptname=$(basename "$script")
expected="$scriptdir/${scriptname%.lua}.expected"
[ -f "$expected" ] || { echo "error: no expected output $expected" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tycho-expected.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

# run <program> <output file>: prints the exit status
run() {
  (cd "$scriptdir" && exec env -u LUA_INIT -u LUA_INIT_5_4 timeout -k 5 "$limit" "$1" "$scriptname") \
    </dev/null >"$2" 2>"$2.err"
  echo $?
}

fail=0
status=$(run "$tycho" "$tmp/tycho.out")
if [ "$status" != 0 ]; then
  fail=1
  echo "tycho exited with status $status for $script:"
  cat "$tmp/tycho.out.err"
fi
if ! cmp -s "$expected" "$tmp/tycho.out"; then
  fail=1
  echo "stdout differs from $expected:"
  diff -u --label "expected (Lua 5.4.8)" --label "tycho" "$expected" "$tmp/tycho.out"
fi
if [ -x "$ref" ]; then
  status=$(run "$ref" "$tmp/ref.out")
  if [ "$status" != 0 ] || ! cmp -s "$expected" "$tmp/ref.out"; then
    fail=1
    echo "$ref no longer gives $expected (status $status):"
    diff -u --label "expected" --label "$ref" "$expected" "$tmp/ref.out"
  fi
fi
exit $fail
