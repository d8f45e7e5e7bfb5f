#!/usr/bin/env python3
"""Checks the executable's code layout (cli/CMakeLists.txt): the functions
of cli/hot-functions.txt are laid out together, with no other function
among them, and the list still names the code (a list that renames or
refactoring made stale would leave most of the code typical programs run
spread over the executable again), and the segments are aligned to 64 KB.

Usage: tests/code-layout.py TYCHO-BINARY HOT-FUNCTIONS-FILE
"""

import fnmatch
import subprocess
import sys

PREFIXES = (".text.hot.", ".text.startup.", ".text.unlikely.", ".text.")


def listed_names(path):
    names = set()
    for line in open(path):
        section = line.strip()
        for prefix in PREFIXES:
            if section.startswith(prefix):
                name = section[len(prefix):]
                # .text.unlikely.NAME holds NAME's cold part, NAME.cold.
                names.add(name + ".cold" if prefix == ".text.unlikely." else name)
                break
    return names


def main():
    binary, hot_file = sys.argv[1], sys.argv[2]
    listed = listed_names(hot_file)
    # An entry with a wildcard (a function under any parameter list) names
    # every symbol it matches.
    patterns = [name for name in listed if "*" in name]
    exact = listed - set(patterns)
    symbols = []  # (address, size, name) of the code symbols
    nm = subprocess.run(["nm", "-S", binary], capture_output=True, text=True, check=True).stdout
    for line in nm.splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[2] in "tTwW" and int(parts[1], 16) > 0:
            symbols.append((int(parts[0], 16), int(parts[1], 16), parts[3]))
    symbols.sort()
    prefixes = tuple(pattern[:pattern.index("*")] for pattern in patterns)
    matched = set()

    def is_listed(name):
        if name in exact:
            matched.add(name)
            return True
        if name.startswith(prefixes):
            for pattern in patterns:
                # A function's pattern does not stand for its cold part,
                # which gold lays out with .text.unlikely.
                if name.endswith(".cold") != pattern.endswith(".cold"):
                    continue
                if fnmatch.fnmatchcase(name, pattern):
                    matched.add(pattern)
                    return True
        return False

    hot = [s for s in symbols if is_listed(s[2])]
    failures = []
    # Several names can share one code (constructors' C1 and C2): count codes.
    listed_codes = {s[0] for s in hot}
    found = len(matched) / max(1, len(listed))
    if found < 0.9:
        failures.append(f"only {found:.0%} of the functions of {hot_file} are in the executable: "
                        "regenerate it (scripts/hot-functions.py)")
    if hot:
        low, high = hot[0][0], max(a + n for a, n, _ in hot)
        among = [name for a, n, name in symbols if low <= a < high and a not in listed_codes]
        if among:
            failures.append(f"{len(among)} functions not in the list lie among the listed ones, "
                            f"e.g. {among[:5]}: the link did not follow the list")
        print(f"{len(listed_codes)} listed functions at {low:#x}-{high:#x} ({(high - low) // 1024} KB) "
              f"of {sum(n for _, n, _ in symbols) // 1024} KB of code")
    # Segments aligned to the kernel's 64 KB mapping windows: loaded at a
    # 64 KB boundary, a run maps the same windows every time.
    headers = subprocess.run(["readelf", "-lW", binary], capture_output=True, text=True, check=True).stdout
    aligns = [int(line.split()[-1], 16) for line in headers.splitlines() if line.split()[:1] == ["LOAD"]]
    if not aligns or min(aligns) < 0x10000:
        failures.append(f"LOAD segments aligned to {[hex(a) for a in aligns]}, not 64 KB")
    for failure in failures:
        print("FAIL:", failure)
    if failures:
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
