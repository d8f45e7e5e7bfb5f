#!/usr/bin/env bash
# Allocation-heavy programs: wall time, peak RSS and (for Tycho) the longest
# collector pause, in wall-clock and in CPU time (which leaves out time the
# process was descheduled), for Tycho and lua5.4, each in its incremental and
# its generational mode. Usage: bench/gc.sh [tycho-binary]
set -u
tycho=$(realpath "${1:-$(dirname "$0")/../build/cli/tycho}")
cd "$(dirname "$0")/programs"
binary() { if [ "$1" = tycho ]; then echo "$tycho"; else echo lua5.4; fi; }
# An empty program's peak RSS per engine (the process: executable, shared
# libraries, allocator), to show what a program's own heap adds to it.
declare -A empty
for engine in tycho lua5.4; do
  empty[$engine]=$( { /usr/bin/time -f "%M" "$(binary "$engine")" -e "" > /dev/null; } 2>&1 | tail -1)
done
awk -v t="${empty[tycho]}" -v l="${empty[lua5.4]}" 'BEGIN {printf "empty program: tycho %.1f MB, lua5.4 %.1f MB\n\n", t / 1024, l / 1024}'
printf '| program | engine | mode | time (s) | peak RSS (MB) | above an empty program (MB) | longest pause (ms) | longest pause, CPU time (ms) |\n|---|---|---|---|---|---|---|---|\n'
for prog in "binary-trees.lua 16" "short-strings.lua" "table-churn.lua" "gc-large-heap.lua 10000000"; do
  set -- $prog
  for engine in tycho lua5.4; do
    for mode in incremental generational; do
      bin=$(binary "$engine")
      out=$( { /usr/bin/time -f "TIME %e %M" "$bin" -e "collectgarbage('$mode')" "$@" > /dev/null; } 2>&1 )
      t=$(echo "$out" | awk '/^TIME/ {print $2}')
      rss=$(echo "$out" | awk '/^TIME/ {printf "%.1f", $3/1024}')
      above=$(echo "$out" | awk -v e="${empty[$engine]}" '/^TIME/ {printf "%.1f", ($3 - e)/1024}')
      pause=- cpu=-
      if [ "$engine" = tycho ]; then
        # Pauses from a second run: timing them in CPU time costs a system
        # call per collector step, which the timed run above does not pay.
        stats=$(TYCHO_GC_STATS=1 "$bin" -e "collectgarbage('$mode')" "$@" 2>&1 > /dev/null)
        pause=$(echo "$stats" | sed -n 's/.*longest pause \([0-9.]*\) ms.*/\1/p')
        cpu=$(echo "$stats" | sed -n 's/.*CPU time \([0-9.]*\) ms.*/\1/p')
      fi
      printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$engine" "$mode" "$t" "$rss" "$above" "$pause" "$cpu"
    done
  done
done
