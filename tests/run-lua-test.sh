#!/usr/bin/env bash
# Runs one self-checking Lua test script with Tycho: it passes when the script
# exits with status 0 and its last line of output is exactly "OK".
# Usage: run-lua-test.sh <tycho> <script> [tycho options...]
set -u
tycho="$1"
script="$2"
shift 2
output=$("$tycho" "$@" "$script" 2>&1)
status=$?
last=$(printf '%s\n' "$output" | tail -n 1)
if [ $status -ne 0 ] || [ "$last" != "OK" ]; then
  printf '%s\n' "$output"
  echo "FAILED: $script (exit status $status)"
  exit 1
fi
exit 0
