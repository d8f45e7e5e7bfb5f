# Helpers for the command-line tests (tests/cli/*.sh), sourced by each of
# them with the path of the built `tycho` as argument.
#
# A case states what the command must write and return, exactly:
#
#   out <<'EOF'              expected standard output (`noout` for none)
#   hello
#   EOF
#   err <<'EOF'              expected standard error (`noerr` for none)
#   tycho: boom
#   EOF
#   run NAME STATUS [--stdin FILE] command args...
#
# The expected texts are lua 5.4.8's output for the same command, with the
# program name replaced. Commands run in a scratch directory (the current
# one) with `tycho` found on PATH, so that messages start with "tycho:" as
# they would for an installed command (messages name the program as
# invoked, argv[0]). The script ends with `finish`, whose status is the
# test's: the number of failed cases, each printed with a diff.

set -u
if [ $# -lt 1 ] || [ ! -x "$1" ]; then
  echo "usage: $0 path/to/tycho" >&2
  exit 2
fi
tycho_path=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tests_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/tycho-cli.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir "$work/bin" "$work/run"
ln -s "$tycho_path" "$work/bin/tycho"
export PATH="$work/bin:$PATH"
# The environment the cases start from: no initialisation chunk, the
# default module paths.
unset LUA_INIT LUA_INIT_5_4 LUA_PATH LUA_PATH_5_4 LUA_CPATH LUA_CPATH_5_4 TYCHO_GC_STATS
cd "$work/run" || exit 2
# The line -v prints (options.sh checks its form); the interactive mode
# starts with it.
version=$(tycho -v)

failures=0
cases=0

out() { cat >"$work/expected.out"; }
err() { cat >"$work/expected.err"; }
noout() { : >"$work/expected.out"; }
noerr() { : >"$work/expected.err"; }

run() {
  local name=$1 status=$2
  shift 2
  local input=/dev/null
  if [ "$1" = "--stdin" ]; then
    input=$2
    shift 2
  fi
  cases=$((cases + 1))
  "$@" <"$input" >"$work/actual.out" 2>"$work/actual.err"
  local rc=$?
  if [ ! -e "$work/expected.out" ] || [ ! -e "$work/expected.err" ]; then
    echo "FAIL $name: the case states no expected output" >&2
    failures=$((failures + 1))
    return
  fi
  if [ "$rc" != "$status" ] || ! cmp -s "$work/expected.out" "$work/actual.out" ||
     ! cmp -s "$work/expected.err" "$work/actual.err"; then
    echo "FAIL $name: $*"
    [ "$rc" != "$status" ] && echo "  exit status $rc, expected $status"
    diff -u --label expected-stdout --label actual-stdout "$work/expected.out" "$work/actual.out"
    diff -u --label expected-stderr --label actual-stderr "$work/expected.err" "$work/actual.err"
    failures=$((failures + 1))
  fi
  rm -f "$work/expected.out" "$work/expected.err"
}

finish() {
  if [ "$failures" -ne 0 ]; then
    echo "$failures of $cases cases failed"
    exit 1
  fi
  echo "$cases cases passed"
  exit 0
}
