#!/usr/bin/env bash
# Allocation-heavy programs: wall time, peak RSS and (for Tycho) the longest
# collector pause, in wall-clock and in CPU time (which leaves out time the
# process was descheduled), for Tycho and lua5.4, each in its incremental and
# its generational mode; times and peak RSS are medians of 3 runs (of 15 for
# the two small programs, whose peak RSS varies by a few hundred KB from run
# to run with where the shared libraries' code lands in the kernel's 64 KB
# mapping windows).
# Usage: bench/gc.sh [tycho-binary]
set -u
tycho=$(realpath "${1:-$(dirname "$0")/../build/cli/tycho}")
cd "$(dirname "$0")/programs"
binary() { if [ "$1" = tycho ]; then echo "$tycho"; else echo lua5.4; fi; }
# Peak RSS of a command in KB, the median of 9 runs (for the small
# processes below, whose RSS varies by a few hundred KB from run to run).
medianRss() {
  for _ in 1 2 3 4 5 6 7 8 9; do { /usr/bin/time -f "%M" "$@" > /dev/null; } 2>&1 | tail -1; done | sort -n | sed -n 5p
}
# An empty program's peak RSS per engine (the process: executable, shared
# libraries, allocator), to show what a program's own heap adds to it.
declare -A empty
for engine in tycho lua5.4; do
  empty[$engine]=$(medianRss "$(binary "$engine")" -e "")
done
# What mimalloc's library costs any process: a C program that makes a heap
# and allocates, linked with mimalloc and without it.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cat > "$scratch/alloc.c" <<'C'
#include <stdlib.h>
#ifdef WITH_MIMALLOC
#include <mimalloc.h>
#endif
int main(void) {
#ifdef WITH_MIMALLOC
  mi_heap_t* heap = mi_heap_new();
  void* volatile q = mi_heap_malloc(heap, 100);
  mi_heap_destroy(heap);
#endif
  void* volatile p = malloc(100);
  free(p);
  return 0;
}
C
cc -O2 "$scratch/alloc.c" -o "$scratch/plain"
cc -O2 -DWITH_MIMALLOC "$scratch/alloc.c" -o "$scratch/mimalloc" -lmimalloc
plain=$(medianRss "$scratch/plain")
withMimalloc=$(medianRss "$scratch/mimalloc")
awk -v t="${empty[tycho]}" -v l="${empty[lua5.4]}" -v p="$plain" -v m="$withMimalloc" 'BEGIN {
  printf "empty program: tycho %.2f MB, lua5.4 %.2f MB\n", t / 1024, l / 1024
  printf "a C program that allocates: %.2f MB, %.2f MB linked with mimalloc (+%.2f MB)\n\n", p / 1024, m / 1024, (m - p) / 1024
}'
printf '| program | engine | mode | time (s) | peak RSS (MB) | above an empty program (MB) | longest pause (ms) | longest pause, CPU time (ms) |\n|---|---|---|---|---|---|---|---|\n'
for prog in "3 binary-trees.lua 16" "15 short-strings.lua" "15 table-churn.lua" "3 gc-large-heap.lua 10000000"; do
  set -- $prog
  runs=$1
  shift
  for engine in tycho lua5.4; do
    for mode in incremental generational; do
      bin=$(binary "$engine")
      # Time and peak RSS: each the median of the runs.
      out=$(for _ in $(seq "$runs"); do { /usr/bin/time -f "TIME %e %M" "$bin" -e "collectgarbage('$mode')" "$@" > /dev/null; } 2>&1 | grep '^TIME'; done)
      middle=$(( (runs + 1) / 2 ))
      t=$(echo "$out" | awk '{print $2}' | sort -n | sed -n ${middle}p)
      kb=$(echo "$out" | awk '{print $3}' | sort -n | sed -n ${middle}p)
      rss=$(awk -v k="$kb" 'BEGIN {printf "%.2f", k / 1024}')
      above=$(awk -v k="$kb" -v e="${empty[$engine]}" 'BEGIN {printf "%.2f", (k - e) / 1024}')
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
