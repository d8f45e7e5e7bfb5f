#!/usr/bin/env bash
# Differential test runner: runs one Lua script with Tycho and with the reference
# interpreter (lua5.4) and compares what they do.
#
#   differential.sh [--whole-stderr] <tycho-binary> <script.lua>
#
# Both engines are started the same way: from the script's directory, with the
# script's base name as their only argument, stdin from /dev/null, and LUA_INIT*
# removed from the environment, so that messages containing the chunk name
# ("script.lua:3: ...") are identical.
#
# Compared:
#   - stdout, byte for byte;
#   - the exit status;
#   - stderr, after removing the leading program name from its first line
#     ("lua5.4: " / "tycho: " or the path used to start the engine): only that
#     first line (the message), or with --whole-stderr all of it, stack
#     traceback included (for scripts that end in an uncaught error).
#
# Exit status: 0 if everything is equal, 1 with a unified diff otherwise,
# 77 (ctest SKIP) if the reference is not installed, or when it is not Lua
# 5.4.8 and the script is listed in known-5.4.4-differences.txt (behaviour
# of 5.4.8 that the older release lacks), 2 on usage errors.
#
# Environment:
#   LUA_REF            reference interpreter (default: lua5.4; tests/CMakeLists.txt
#                      passes Lua 5.4.8 when it is available)
#   DIFF_TIMEOUT       seconds before an engine is killed (default: 120)

set -u

usage() {
  echo "usage: $0 [--whole-stderr] <tycho-binary> <script.lua>" >&2
  exit 2
}

whole_stderr=0
if [ "${1:-}" = "--whole-stderr" ]; then
  whole_stderr=1
  shift
fi
[ $# -eq 2 ] || usage
tycho=$1
script=$2
ref=${LUA_REF:-lua5.4}
limit=${DIFF_TIMEOUT:-120}

if ! command -v "$ref" >/dev/null 2>&1; then
  echo "SKIP: reference interpreter '$ref' is not installed"
  exit 77
fi
if [ ! -f "$script" ]; then
  echo "error: script '$script' not found" >&2
  exit 2
fi
if [ ! -x "$tycho" ]; then
  echo "error: tycho binary '$tycho' not found or not executable" >&2
  exit 2
fi

# absolute path of the tycho binary (we change directory before running it)
case $tycho in
  /*) ;;
  */*) tycho=$(cd "$(dirname "$tycho")" && pwd)/$(basename "$tycho") ;;
  *) tycho=$(command -v "$tycho") || { echo "error: cannot find '$tycho'" >&2; exit 2; } ;;
esac

scriptdir=$(cd "$(dirname "$script")" && pwd)
scriptname=$(basename "$script")

# An older reference cannot judge what only 5.4.8 does.
if ! "$ref" -v 2>&1 | grep -q '^Lua 5\.4\.8'; then
  known="$(dirname "$0")/known-5.4.4-differences.txt"
  reason=$(awk -v s="$(basename "$scriptdir")/$scriptname" '$1 == s { $1 = ""; print substr($0, 2); exit }' "$known" 2>/dev/null)
  if [ -n "$reason" ]; then
    echo "SKIP: $("$ref" -v 2>&1 | head -n 1) differs from Lua 5.4.8 here: $reason"
    exit 77
  fi
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tycho-diff.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

have_timeout=0
command -v timeout >/dev/null 2>&1 && have_timeout=1

# run <label> <program>: writes $tmp/<label>.out, .err, .status
run() {
  local label=$1 prog=$2 status
  (
    cd "$scriptdir" || exit 2
    if [ $have_timeout -eq 1 ]; then
      exec env -u LUA_INIT -u LUA_INIT_5_4 timeout -k 5 "$limit" "$prog" "$scriptname"
    else
      exec env -u LUA_INIT -u LUA_INIT_5_4 "$prog" "$scriptname"
    fi
  ) </dev/null >"$tmp/$label.out" 2>"$tmp/$label.err"
  status=$?
  echo "$status" >"$tmp/$label.status"
}

# stderr with the leading "<program name>: " removed from its first line;
# the other lines are copied unchanged (including a missing final newline)
strip_prog() {
  local file=$1 prog=$2 line base p rest=0
  base=${prog##*/}
  if IFS= read -r line <"$file" || [ -n "$line" ]; then
    for p in "$prog" "$base" tycho lua5.4 lua; do
      if [ "${line#"$p: "}" != "$line" ]; then
        line=${line#"$p: "}
        break
      fi
    done
    printf '%s' "$line"
    # was there a newline after the first line?
    if [ "$(head -n 1 "$file" | wc -l)" -eq 1 ]; then
      printf '\n'
      rest=1
    fi
  fi
  [ $rest -eq 1 ] && tail -n +2 "$file"
  return 0
}

run ref "$ref"
run tycho "$tycho"

# the part of stderr that is compared
compared_err() {
  if [ $whole_stderr -eq 1 ]; then
    strip_prog "$1" "$2"
  else
    strip_prog "$1" "$2" | head -n 1
  fi
}
compared_err "$tmp/ref.err" "$ref" >"$tmp/ref.err1"
compared_err "$tmp/tycho.err" "$tycho" >"$tmp/tycho.err1"

ref_status=$(cat "$tmp/ref.status")
tycho_status=$(cat "$tmp/tycho.status")

fail=0
if ! cmp -s "$tmp/ref.out" "$tmp/tycho.out"; then
  fail=1
  echo "stdout differs for $script:"
  diff -u --label "$ref (stdout)" --label "tycho (stdout)" "$tmp/ref.out" "$tmp/tycho.out"
fi
if ! cmp -s "$tmp/ref.err1" "$tmp/tycho.err1"; then
  fail=1
  if [ $whole_stderr -eq 1 ]; then
    echo "stderr (program name removed) differs for $script:"
  else
    echo "stderr (first line, program name removed) differs for $script:"
  fi
  diff -u --label "$ref (stderr)" --label "tycho (stderr)" "$tmp/ref.err1" "$tmp/tycho.err1"
fi
if [ "$ref_status" != "$tycho_status" ]; then
  fail=1
  echo "exit status differs for $script: $ref $ref_status, tycho $tycho_status"
  [ "$tycho_status" = 124 ] && [ $have_timeout -eq 1 ] && echo "(tycho timed out after ${limit}s)"
fi

exit $fail
