#!/usr/bin/env python3
"""Which instructions run, and which pairs of adjacent instructions: the data
that operand forms and superinstructions are chosen from (compiler/Opcodes.hpp).

Builds Tycho with -DTYCHO_OPCODE_PAIRS=ON (in build-pairs/ unless --build says
otherwise), runs every program of bench/lua with its small input, and prints
the opcodes and the pairs (an instruction, then the one after it in the code)
by their share of the executed instructions, each program weighted equally so
that one long program does not decide for all. A pair whose first
instruction jumps (FORLOOP, JMP ...) counts the instruction after it in the
code, which is not what runs next when the jump is taken: read those rows
with that in mind.

    scripts/opcode-pairs.py [--build DIR] [--top N] [program ...]
"""
import argparse
import collections
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROGRAMS = ROOT / "bench" / "lua"


def build(directory):
    subprocess.run(["cmake", "-S", str(ROOT), "-B", str(directory), "-DCMAKE_BUILD_TYPE=Release",
                    "-DTYCHO_OPCODE_PAIRS=ON", "-DTYCHO_TESTS=OFF"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", str(directory), "-j", str(os.cpu_count() or 2), "--target", "tycho"],
                   check=True, stdout=subprocess.DEVNULL)
    return directory / "cli" / "tycho"


def quick_size(program):
    for line in program.read_text().splitlines():
        m = re.match(r"--\s*sizes:\s*full\s+\S+,\s*quick\s+(\S+)", line)
        if m:
            return m.group(1)
    raise SystemExit(f"{program}: no sizes line")


def counts_of(tycho, program):
    with tempfile.NamedTemporaryFile(suffix=".txt") as out:
        env = dict(os.environ, TYCHO_OPCODE_PAIRS=out.name)
        subprocess.run([str(tycho), program.name, quick_size(program)], cwd=program.parent, env=env, check=True,
                       stdout=subprocess.DEVNULL)
        pairs = collections.Counter()
        for line in Path(out.name).read_text().splitlines():
            first, second, n = line.split()
            pairs[(first, second)] += int(n)
        return pairs


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("programs", nargs="*")
    parser.add_argument("--build", default=str(ROOT / "build-pairs"))
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    tycho = build(Path(args.build))
    programs = [PROGRAMS / f"{name}.lua" for name in args.programs] or sorted(PROGRAMS.glob("*.lua"))
    opcodes, pairs = collections.Counter(), collections.Counter()
    for program in programs:
        counts = counts_of(tycho, program)
        total = sum(counts.values())
        for (first, second), n in counts.items():
            share = 100.0 * n / total / len(programs)
            pairs[(first, second)] += share
            opcodes[first] += share
    print(f"{len(programs)} programs; shares of executed instructions (%), programs weighted equally\n")
    print("opcodes:")
    for name, share in opcodes.most_common(args.top):
        print(f"  {name:16s} {share:6.2f}")
    print("\npairs (instruction, next in the code):")
    for (first, second), share in pairs.most_common(args.top):
        print(f"  {first:16s} {second:16s} {share:6.2f}")


if __name__ == "__main__":
    sys.exit(main())
