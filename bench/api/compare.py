#!/usr/bin/env python3
"""Runs the C API benchmark built against liblua5.4 and against libtycho and
prints each row's time per operation and the ratio Tycho / Lua (below 1:
Tycho is faster).

The two binaries run in turns, `--rounds` times (the order alternating), so
that a slow spell of the machine hits both; a row's time is the median of
its repetitions in a round, and the table shows the median over the rounds
of each engine's time and of the per-round ratio.

With --instructions, each row instead runs under callgrind (valgrind) with
two round counts, and the difference gives the instructions per operation
of each engine: a count that does not depend on the machine's load.

    cmake --build build --target tycho_apibench_lua tycho_apibench_tycho
    bench/api/compare.py [build] [--rounds N] [--repetitions N] [--filter REGEX] [--instructions]
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import tempfile
from pathlib import Path


def timed(binary, repetitions, pattern, min_time):
    out = subprocess.run([str(binary), "--benchmark_format=json", f"--benchmark_repetitions={repetitions}",
                          f"--benchmark_min_time={min_time}", f"--benchmark_filter={pattern}"], check=True,
                         capture_output=True, text=True).stdout
    times = {}
    for b in json.loads(out)["benchmarks"]:
        if b.get("run_type") == "aggregate":
            continue
        times.setdefault(b["run_name"], []).append(1e9 / b["items_per_second"])
    return {name: statistics.median(v) for name, v in times.items()}


def instructions(binary, row, rounds):
    """Instructions (callgrind Ir) of a whole run doing `rounds` rounds of `row`, and its operations."""
    with tempfile.TemporaryDirectory() as tmp:
        out_file = os.path.join(tmp, "callgrind.out")
        run = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out_file}", str(binary),
                              "--count", row, str(rounds)], check=True, capture_output=True, text=True)
        ops = int(run.stdout.split()[0])
        with open(out_file) as f:
            total = next(int(line.split()[1]) for line in f if line.startswith("summary:"))
    return total, ops


def per_op(binary, row):
    small, ops_small = instructions(binary, row, 50)
    large, ops_large = instructions(binary, row, 150)
    return (large - small) / (ops_large - ops_small)


def rows(binary):
    out = subprocess.run([str(binary), "--benchmark_list_tests"], check=True, capture_output=True,
                         text=True).stdout
    return out.split()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("build", nargs="?", default="build")
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--repetitions", type=int, default=1)
    parser.add_argument("--min-time", type=float, default=0.05, help="seconds per repetition")
    parser.add_argument("--instructions", action="store_true")
    parser.add_argument("--filter", default=".", help="a regular expression: the rows to run")
    args = parser.parse_args()
    bench = Path(args.build) / "bench"
    engines = {"lua": bench / "tycho_apibench_lua", "tycho": bench / "tycho_apibench_tycho"}
    if args.instructions:
        print(f"{'benchmark':<18} {'liblua5.4 Ir/op':>16} {'libtycho Ir/op':>15} {'ratio':>7}")
        for row in [row for row in rows(engines["lua"]) if re.search(args.filter, row)]:
            a, b = per_op(engines["lua"], row), per_op(engines["tycho"], row)
            print(f"{row:<18} {a:16.1f} {b:15.1f} {b / a:7.2f}")
        return
    times = {"lua": {}, "tycho": {}}
    ratios = {}
    for r in range(args.rounds):
        order = ["lua", "tycho"] if r % 2 == 0 else ["tycho", "lua"]
        got = {engine: timed(engines[engine], args.repetitions, args.filter, args.min_time) for engine in order}
        for name in got["lua"]:
            times["lua"].setdefault(name, []).append(got["lua"][name])
            times["tycho"].setdefault(name, []).append(got["tycho"][name])
            ratios.setdefault(name, []).append(got["tycho"][name] / got["lua"][name])
    print(f"{'benchmark':<18} {'liblua5.4 ns/op':>16} {'libtycho ns/op':>15} {'ratio':>7}  per-round ratios")
    for name in times["lua"]:
        a, b = statistics.median(times["lua"][name]), statistics.median(times["tycho"][name])
        each = " ".join(f"{x:.2f}" for x in ratios[name])
        print(f"{name:<18} {a:16.2f} {b:15.2f} {statistics.median(ratios[name]):7.2f}  {each}")


if __name__ == "__main__":
    main()
