#!/usr/bin/env bash
# Runs Debian's busted (/usr/bin/busted, from lua-busted) on our spec folder,
# tests/modules/busted/spec, with Tycho and with lua5.4, and compares the
# reports: busted loads lfs, lua-system, lua-term and penlight, luassert and
# say, and one spec file fails on purpose so that failure reports (luassert's
# messages, tracebacks' positions) are compared too.
#
#   busted.sh <tycho> [tycho options...]
#
# Two runs each: the plain terminal report (--verbose: with tracebacks) in
# file order, and a TAP report with the tests shuffled by a fixed seed (so
# math.random's sequence decides the order). Timings and addresses are
# replaced before the comparison; the exit statuses (the number of failures
# and errors) must be equal too.
set -u
[ $# -ge 1 ] || { echo "usage: $0 <tycho> [tycho options...]" >&2; exit 2; }
tycho=$1
shift
options=("$@")
ref=${LUA_MODULES_REF:-lua5.4}
busted=/usr/bin/busted
case $tycho in
  /*) ;;
  *) tycho=$(cd "$(dirname "$tycho")" && pwd)/$(basename "$tycho") ;;
esac
specdir=$(cd "$(dirname "$0")/busted" && pwd)

command -v "$ref" >/dev/null 2>&1 || { echo "FAILED: $ref is not installed (Debian package lua5.4)"; exit 1; }
[ -f $busted ] || { echo "FAILED: $busted is missing: install the Debian package lua-busted"; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tycho-busted.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

# run <label> <interpreter and its options...> -- <busted's options...>
run() {
  local label=$1 interpreter=()
  shift
  while [ "$1" != -- ]; do interpreter+=("$1"); shift; done
  shift
  (cd "$specdir" && exec env -u LUA_INIT -u LUA_INIT_5_4 timeout -k 5 300 "${interpreter[@]}" $busted "$@") \
    </dev/null >"$tmp/$label.raw" 2>"$tmp/$label.err"
  echo $? >"$tmp/$label.status"
  sed -E 's/: [0-9.e+-]+ seconds$/: <time> seconds/; s/0x[0-9a-fA-F]+/<address>/g' "$tmp/$label.raw" >"$tmp/$label.out"
}

fail=0
compare() {
  local name=$1
  shift
  run "$name.ref" "$ref" -- "$@"
  run "$name.tycho" "$tycho" "${options[@]}" -- "$@"
  if ! grep -qE '^[0-9]+ successes / [0-9]+ failures / [0-9]+ errors / [0-9]+ pending|^1\.\.[0-9]+$' "$tmp/$name.ref.out"; then
    fail=1
    echo "$ref did not run busted ($*); its output and stderr:"
    cat "$tmp/$name.ref.raw" "$tmp/$name.ref.err"
    return
  fi
  if ! cmp -s "$tmp/$name.ref.out" "$tmp/$name.tycho.out"; then
    fail=1
    echo "busted's report ($*) differs (timings and addresses replaced):"
    diff -u --label "$ref" --label tycho "$tmp/$name.ref.out" "$tmp/$name.tycho.out"
    echo "tycho's stderr:"
    cat "$tmp/$name.tycho.err"
  fi
  local s1 s2
  s1=$(cat "$tmp/$name.ref.status")
  s2=$(cat "$tmp/$name.tycho.status")
  if [ "$s1" != "$s2" ]; then
    fail=1
    echo "busted's exit status ($*) differs: $ref $s1, tycho $s2"
  fi
  grep -E '^[0-9]+ successes' "$tmp/$name.tycho.out"
}
compare plain --output=plainTerminal --verbose
compare tap --output=TAP --shuffle --seed=20240
[ $fail -eq 0 ] || echo "FAILED: busted"
exit $fail
