#!/usr/bin/env python3
"""Runs the C API benchmark built against liblua5.4 and against libtycho, in
turns, and prints each row's time per operation and the ratio Tycho / Lua
(below 1: Tycho is faster). Medians of the repetitions.

    cmake --build build --target tycho_apibench_lua tycho_apibench_tycho
    bench/api/compare.py [build] [--repetitions N]
"""
import argparse
import json
import statistics
import subprocess
from pathlib import Path


def run(binary, repetitions):
    out = subprocess.run([str(binary), "--benchmark_format=json", f"--benchmark_repetitions={repetitions}",
                          "--benchmark_min_time=0.2"], check=True, capture_output=True, text=True).stdout
    times = {}
    for b in json.loads(out)["benchmarks"]:
        if b.get("run_type") == "aggregate":
            continue
        times.setdefault(b["run_name"], []).append(1e9 / b["items_per_second"])
    return {name: statistics.median(v) for name, v in times.items()}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("build", nargs="?", default="build")
    parser.add_argument("--repetitions", type=int, default=5)
    args = parser.parse_args()
    bench = Path(args.build) / "bench"
    lua, tycho = {}, {}
    # Interleaved, so that a slow spell of the machine hits both.
    for _ in range(2):
        for name, t in run(bench / "tycho_apibench_lua", args.repetitions).items():
            lua.setdefault(name, []).append(t)
        for name, t in run(bench / "tycho_apibench_tycho", args.repetitions).items():
            tycho.setdefault(name, []).append(t)
    print(f"{'benchmark':<18} {'liblua5.4 ns/op':>16} {'libtycho ns/op':>15} {'ratio':>7}")
    for name in lua:
        a, b = statistics.median(lua[name]), statistics.median(tycho[name])
        print(f"{name:<18} {a:16.2f} {b:15.2f} {b / a:7.2f}")


if __name__ == "__main__":
    main()
