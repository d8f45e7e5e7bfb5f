#!/usr/bin/env python3
"""Writes cli/hot-functions.txt: the code sections that typical programs run.

The executable is linked with the functions listed there placed together
(gold's --section-ordering-file; see cli/CMakeLists.txt), so a run touches
few pages of code: the kernel maps an executable's code in 64 KB windows
around each page a program touches, and with the code used by every program
(the compiler, the interpreter, the collector, the common library functions)
spread over the whole executable, every window was mapped, even for an empty
program.

The list is a profile: the functions of the executable that run (under
valgrind's callgrind) in an empty program, the benchmark programs of
bench/lua at their quick sizes and the allocation programs of
bench/programs at small sizes, in both collector modes. Error reporting,
the debug library, bytecode dumping and loading, and the like stay out of
it. A stale list only costs memory, never correctness: functions missing
from it are laid out after the listed ones. Regenerate it after large changes:

    scripts/hot-functions.py [build/cli/tycho]

It needs valgrind (Debian package valgrind) and a release build.
"""

import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def training_runs():
    """The argument lists the profile is taken from."""
    yield ["-e", ""]
    for program in sorted((ROOT / "bench" / "lua").glob("*.lua")):
        quick = None
        for line in program.read_text().splitlines():
            m = re.match(r"--\s*sizes:\s*full\s+\S+,\s*quick\s+(\S+)\s*$", line)
            if m:
                quick = m.group(1)
        yield [str(program)] + ([quick] if quick else [])
    # The allocation programs of bench/gc.sh, in both of the collector's
    # modes (the training runs above use the default, generational one).
    programs = ROOT / "bench" / "programs"
    for mode in ("generational", "incremental"):
        select = ["-e", f"collectgarbage('{mode}')"]
        yield select + [str(programs / "binary-trees.lua"), "12"]
        yield select + [str(programs / "gc-large-heap.lua"), "20000"]
        yield select + [str(programs / "table-churn.lua")]
        yield select + [str(programs / "short-strings.lua")]


def functions_run(profile, binary):
    """Names (mangled, as in the symbol table) of the functions of `binary`
    that ran, from a callgrind output file with compressed names."""
    names = {"ob": {}, "fn": {}}
    current_object = None
    ran = set()
    for line in profile.read_text(errors="replace").splitlines():
        m = re.match(r"(c?)(ob|fn)=\((\d+)\)(?: (.*))?$", line)
        if not m:
            continue
        called, kind, number, name = m.groups()
        if name is not None:
            names[kind][number] = name
        if called:
            continue
        if kind == "ob":
            current_object = names["ob"][number]
        elif current_object == binary:
            ran.add(names["fn"][number])
    return ran


def any_parameters(mangled):
    """`mangled` with its parameter types replaced by a wildcard, when it is
    a nested name made of plain identifiers only (_ZN [K] <len><id>... E
    <parameters>); other names as they are."""
    m = re.match(r"_ZN[rVK]*", mangled)
    if not m:
        return mangled
    i = m.end()
    parts = 0
    while i < len(mangled) and mangled[i].isdigit():
        j = i
        while mangled[j].isdigit():
            j += 1
        i = j + int(mangled[i:j])
        parts += 1
    if parts < 2 or i >= len(mangled) or mangled[i] != "E" or i + 1 == len(mangled):
        return mangled
    return mangled[:i + 1] + "*"


def main():
    binary = str(Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "build" / "cli" / "tycho").resolve())
    runs_of = {}  # function name -> how many training runs ran it
    with tempfile.TemporaryDirectory() as tmp:
        for i, args in enumerate(training_runs()):
            profile = Path(tmp) / f"run{i}.out"
            result = subprocess.run(["valgrind", "--tool=callgrind", "--demangle=no",
                                     f"--callgrind-out-file={profile}", binary] + args,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            if result.returncode != 0:
                sys.exit(f"{' '.join(args)} failed under callgrind:\n{result.stderr}")
            for name in functions_run(profile, binary):
                runs_of[name] = runs_of.get(name, 0) + 1
    # The functions fewer programs ran come first, those every program runs
    # (start-up, the compiler, the interpreter's core) last, next to .rodata,
    # which gold lays out right after the code: a small program then touches
    # the few 64 KB windows at the end of the code, not windows all over the
    # list. Among functions as common, symbol addresses keep the order the
    # profiled executable had (code that was together stays together). Names
    # callgrind made up for code without a symbol ("0x...") are left out. A
    # function can have several names (a constructor's complete and base
    # object versions are one code, named C1 and C2, in the section of one
    # of them): all are listed.
    address, names_at = {}, {}
    nm = subprocess.run(["nm", binary], capture_output=True, text=True, check=True).stdout
    for line in nm.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in "tTwW":
            at = int(parts[0], 16)
            address.setdefault(parts[2], at)
            names_at.setdefault(at, set()).add(parts[2])
    runs_at = {}
    for name, runs in runs_of.items():
        at = address.get(name)
        if at is not None:
            runs_at[at] = max(runs, runs_at.get(at, 0))
    listed = sorted(runs_at, key=lambda at: (runs_at[at], at))
    sections = []
    for at in listed:
        for name in sorted(names_at[at]):
            # GCC puts a function in .text.NAME (.text.hot.NAME, .text.startup.NAME
            # when it judged it hot or a static initializer), and the cold part
            # it split from one, NAME.cold, in .text.unlikely.NAME. A plain
            # name in namespaces and classes is listed as a pattern that any
            # parameter list matches (gold takes wildcards), so that a
            # function whose parameters change stays in the layout until the
            # list is taken again.
            if name.endswith(".cold"):
                sections.append(".text.unlikely." + any_parameters(name[:-len(".cold")]))
            else:
                name = any_parameters(name)
                sections += [".text." + name, ".text.hot." + name, ".text.startup." + name]
    out = ROOT / "cli" / "hot-functions.txt"
    out.write_text("".join(s + "\n" for s in sections))
    print(f"{out}: {len(listed)} functions")


if __name__ == "__main__":
    main()
