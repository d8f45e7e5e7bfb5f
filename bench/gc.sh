#!/usr/bin/env bash
# Allocation-heavy programs: wall time, peak RSS and (for Tycho) the longest
# collector pause, for Tycho and lua5.4, each in its incremental and its
# generational mode. Usage: bench/gc.sh [tycho-binary]
set -u
tycho=$(realpath "${1:-$(dirname "$0")/../build/cli/tycho}")
cd "$(dirname "$0")/programs"
printf '| program | engine | mode | time (s) | peak RSS (MB) | longest pause (ms) |\n|---|---|---|---|---|---|\n'
for prog in "binary-trees.lua 16" "short-strings.lua" "table-churn.lua" "gc-large-heap.lua 10000000"; do
  set -- $prog
  for engine in tycho lua5.4; do
    for mode in incremental generational; do
      bin=$([ "$engine" = tycho ] && echo "$tycho" || echo lua5.4)
      out=$( { TYCHO_GC_STATS=1 /usr/bin/time -f "TIME %e %M" "$bin" -e "collectgarbage('$mode')" "$@" > /dev/null; } 2>&1 )
      t=$(echo "$out" | awk '/^TIME/ {print $2}')
      rss=$(echo "$out" | awk '/^TIME/ {printf "%.0f", $3/1024}')
      pause=$(echo "$out" | sed -n 's/.*longest pause \([0-9.]*\) ms.*/\1/p')
      printf '| %s | %s | %s | %s | %s | %s |\n' "$1" "$engine" "$mode" "$t" "$rss" "${pause:--}"
    done
  done
done
