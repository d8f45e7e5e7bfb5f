#!/usr/bin/env bash
# The whole test suite: unit tests, Lua test scripts and the differential
# comparison with lua5.4, in three builds:
#   release   the normal optimised build
#   sanitize  AddressSanitizer + UBSan
#   gcstress  a full collection at every allocation
# Usage: scripts/test-all.sh [config...]   (default: all three)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
jobs=$(nproc 2>/dev/null || echo 2)
configs=("$@")
[ ${#configs[@]} -gt 0 ] || configs=(release sanitize gcstress)
for config in "${configs[@]}"; do
  case "$config" in
    release)  flags=(-DCMAKE_BUILD_TYPE=Release) ;;
    sanitize) flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DTYCHO_SANITIZE=ON) ;;
    gcstress) flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DTYCHO_GC_STRESS=ON) ;;
    *) echo "unknown configuration: $config" >&2; exit 2 ;;
  esac
  dir="build-test-$config"
  echo "=== $config: configure and build ($dir)"
  cmake -S . -B "$dir" "${flags[@]}" > /dev/null
  cmake --build "$dir" -j "$jobs"
  echo "=== $config: test"
  (cd "$dir" && ctest --output-on-failure -j "$jobs")
done
echo "all configurations passed: ${configs[*]}"
