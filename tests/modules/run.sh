#!/usr/bin/env bash
# Runs one tests/modules script with Tycho and with Debian's lua5.4, whose
# builds of the C modules these scripts load, and compares what they print.
#
#   run.sh <tycho> <script.lua> [tycho options...]
#
# Both start in the script's directory with its base name as argument, stdin
# from /dev/null and LUA_INIT* removed. The test passes when stdout and the
# exit status are equal and both outputs end with the line "OK". When the
# modules a script needs do not load in lua5.4, it fails and names the
# Debian package to install (scripts/install-deps.sh installs them all).
# Options after the script go to Tycho (the collector's test modes).
set -u
[ $# -ge 2 ] || { echo "usage: $0 <tycho> <script.lua> [tycho options...]" >&2; exit 2; }
tycho=$1
script=$2
shift 2
options=("$@")
ref=${LUA_MODULES_REF:-lua5.4}
limit=${DIFF_TIMEOUT:-300}

case $tycho in
  /*) ;;
  *) tycho=$(cd "$(dirname "$tycho")" && pwd)/$(basename "$tycho") ;;
esac
scriptdir=$(cd "$(dirname "$script")" && pwd)
name=$(basename "$script")

command -v "$ref" >/dev/null 2>&1 || { echo "FAILED: $ref is not installed (Debian package lua5.4)"; exit 1; }

# The Debian package that holds each module a script requires.
declare -A packages=([lfs]=lua-filesystem [lpeg]=lua-lpeg [re]=lua-lpeg [cjson]=lua-cjson
                     [cjson.safe]=lua-cjson [term]=lua-term [system]=lua-system)
modules=$(grep -o 'require("[a-z.]*")' "$scriptdir/$name" | sed 's/require("\(.*\)")/\1/' | sort -u)
for m in $modules; do
  [ -n "${packages[$m]:-}" ] || continue
  if ! (cd / && env -u LUA_INIT -u LUA_INIT_5_4 "$ref" -e "require '$m'") >/dev/null 2>&1; then
    echo "FAILED: module '$m' does not load in $ref: install the Debian package ${packages[$m]}"
    exit 1
  fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tycho-modules.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

run() {
  local label=$1
  shift
  (cd "$scriptdir" && exec env -u LUA_INIT -u LUA_INIT_5_4 timeout -k 5 "$limit" "$@" "$name") \
    </dev/null >"$tmp/$label.out" 2>"$tmp/$label.err"
  echo $? >"$tmp/$label.status"
}
run ref "$ref"
run tycho "$tycho" "${options[@]}"

fail=0
for label in ref tycho; do
  if [ "$(tail -n 1 "$tmp/$label.out")" != "OK" ] || [ "$(cat "$tmp/$label.status")" != 0 ]; then
    fail=1
    prog=$ref
    [ $label = tycho ] && prog=$tycho
    echo "$prog did not finish with OK (exit status $(cat "$tmp/$label.status")); its stderr:"
    cat "$tmp/$label.err"
  fi
done
if ! cmp -s "$tmp/ref.out" "$tmp/tycho.out"; then
  fail=1
  echo "stdout differs for $name:"
  diff -u --label "$ref" --label tycho "$tmp/ref.out" "$tmp/tycho.out"
fi
[ $fail -eq 0 ] || echo "FAILED: $name"
exit $fail
