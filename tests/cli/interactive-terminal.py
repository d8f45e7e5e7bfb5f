#!/usr/bin/env python3
"""The interactive mode at a terminal: `tycho` alone, its standard input a
pseudo-terminal, typed at line by line. With line editing (libedit; the
build says whether it has it), the arrow keys edit the line and recall the
chunks entered before; without, lines are read as the terminal gives them.

usage: interactive-terminal.py path/to/tycho [--line-editing]

Each case types lines and keys, waiting for each prompt; the transcript
must equal the expected one exactly (terminal.py), and the exit status be 0.
"""
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from terminal import run_case  # noqa: E402


def main():
    tycho = os.path.abspath(sys.argv[1])
    editing = "--line-editing" in sys.argv[2:]
    with tempfile.TemporaryDirectory(prefix="tycho-terminal.") as scratch:
        os.chdir(scratch)
        run_cases(tycho, editing)


def run_cases(tycho, editing):
    version = os.popen(f"'{tycho}' -v").read().rstrip("\n")
    banner = version + "\r\n> "
    error_e = ("stdin:1: e\r\nstack traceback:\r\n\t[C]: in function 'error'\r\n"
               "\tstdin:1: in main chunk\r\n\t[C]: in ?\r\n")
    cases = {
        # What works the same with and without line editing.
        "lines": [
            ("", banner),
            ("1+1\r", "1+1\r\n2\r\n> "),
            ("x = {1,\r", "x = {1,\r\n>> "),
            ("2}\r", "2}\r\n> "),
            ("=#x\r", "=#x\r\n2\r\n> "),
            ('_PROMPT = "lua> "\r', '_PROMPT = "lua> "\r\nlua> '),
            ('error("e")\r', 'error("e")\r\n' + error_e + "lua> "),
            ("\x04", "^D\r\n" if editing else "\r\n"),
        ],
    }
    if editing:
        cases.update({
            # Left arrow twice, then a digit inserted in the middle.
            "editing": [
                ("", banner),
                ("print(12)\x1b[D\x1b[D3\r", "print(12)\b\b\r> print(132)\b\b\r\n132\r\n> "),
                ("\x04", "^D\r\n"),
            ],
            # Up arrow: the chunk before, also one of several lines.
            "history": [
                ("", banner),
                ('print("hi")\r', 'print("hi")\r\nhi\r\n> '),
                ("\x1b[A\r", '\r> print("hi")\r\nhi\r\n> '),
                ("n = (n or 0) +\r", "n = (n or 0) +\r\n>> "),
                ("1\r", "1\r\n> "),
                ("\x1b[A\r", "\r> n = (n or 0) +\r\n1\r\n> "),
                ("=n\r", "=n\r\n2\r\n> "),
                ("\x04", "^D\r\n"),
            ],
        })
    failures = sum(not run_case(name, [tycho], editing, steps) for name, steps in cases.items())
    if failures:
        print(f"{failures} of {len(cases)} cases failed")
        sys.exit(1)
    print(f"{len(cases)} cases passed")


if __name__ == "__main__":
    main()
