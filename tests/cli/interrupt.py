#!/usr/bin/env python3
"""SIGINT (Ctrl-C) and the command line, as with lua: while a chunk runs,
the Lua code raises "interrupted!" at its next safe point (pcall catches
it); a second SIGINT, or one while no Lua code runs (at the interactive
prompt), ends the process; a SIGINT ignored when the process started stays
ignored (lua 5.4.8 differs there: it interrupts anyway).

usage: interrupt.py path/to/tycho [--line-editing]

The scripts write "ready" before they loop, and the signal is sent when it
has been read, so that it arrives while their code runs. Stdout, stderr and
the exit status (negative: killed by that signal) must be the expected ones
exactly.
"""
import os
import select
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from terminal import run_case  # noqa: E402

TIMEOUT = 20.0


def read_until(process, text, out):
    """Reads the process's stdout into out[0] until it ends with `text`."""
    deadline = time.time() + TIMEOUT
    while not out[0].endswith(text):
        remaining = deadline - time.time()
        if remaining <= 0:
            return False
        ready, _, _ = select.select([process.stdout], [], [], remaining)
        if ready:
            data = os.read(process.stdout.fileno(), 4096)
            if not data:
                return False
            out[0] += data
    return True


def check(name, tycho, args, plan, stdout, stderr, status, ignored=False, stdin=None):
    """Runs `tycho args`; `plan` is a list of (stdout text to wait for,
    action): "INT" sends SIGINT, "go" creates the file "go", any other
    string is written to stdin ("EOF" closes it)."""
    disposition = signal.SIG_IGN if ignored else signal.SIG_DFL
    process = subprocess.Popen(["tycho"] + args, executable=tycho, stdin=subprocess.PIPE if stdin else None,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, disposition))
    out = [b""]
    ok = True
    for wait_for, action in plan:
        if not read_until(process, wait_for.encode(), out):
            ok = False
            break
        if action == "INT":
            process.send_signal(signal.SIGINT)
        elif action == "go":
            time.sleep(0.2)  # time for a wrongly handled signal to act
            open("go", "w").close()
        elif action == "EOF":
            process.stdin.close()
            process.stdin = None  # communicate() must not flush it
        else:
            process.stdin.write(action.encode())
            process.stdin.flush()
    try:
        rest, err = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        rest, err = process.communicate()
        ok = False
    out = out[0] + rest
    if os.path.exists("go"):
        os.remove("go")
    if ok and out == stdout.encode() and err == stderr.encode() and process.returncode == status:
        return True
    print(f"FAIL {name}: exit status {process.returncode}, expected {status}")
    print(f"  stdout expected {stdout.encode()!r}\n         actual   {out!r}")
    print(f"  stderr expected {stderr.encode()!r}\n         actual   {err!r}")
    return False


def write(name, text):
    with open(name, "w") as f:
        f.write(text)


def main():
    tycho = os.path.abspath(sys.argv[1])
    editing = "--line-editing" in sys.argv[2:]
    with tempfile.TemporaryDirectory(prefix="tycho-interrupt.") as scratch:
        os.chdir(scratch)
        failures = run_cases(tycho, editing)
    if failures:
        print(f"{failures} cases failed")
        sys.exit(1)
    print("all cases passed")


def run_cases(tycho, editing):
    version = subprocess.run([tycho, "-v"], capture_output=True, text=True).stdout
    write("loop.lua", 'print("ready") io.stdout:flush()\nlocal n = 0\nwhile true do\n  n = n + 1\nend\n')
    write("spin.lua", 'local function spin() print("ready") io.stdout:flush() while true do end end\nspin()\n')
    write("caught.lua", 'print(pcall(function() print("ready") io.stdout:flush() while true do end end))\n'
                        'print("after")\n')
    write("twice.lua", 'print(pcall(function() print("ready") io.stdout:flush() while true do end end))\n'
                       'print("again") io.stdout:flush()\nwhile true do end\n')
    write("wait-go.lua", 'print("ready") io.stdout:flush()\nwhile not io.open("go") do end\nprint("done")\n')
    results = [
        check("uncaught", tycho, ["loop.lua"], [("ready\n", "INT")], "ready\n",
              "tycho: interrupted!\nstack traceback:\n\tloop.lua:4: in main chunk\n\t[C]: in ?\n", 1),
        # The position is the interrupted function's caller's.
        check("in-a-function", tycho, ["spin.lua"], [("ready\n", "INT")], "ready\n",
              "tycho: spin.lua:2: interrupted!\nstack traceback:\n\tspin.lua:1: in local 'spin'\n"
              "\tspin.lua:2: in main chunk\n\t[C]: in ?\n", 1),
        check("e-chunk", tycho, ["-e", 'print("ready") io.stdout:flush() while true do end'], [("ready\n", "INT")],
              "ready\n", "tycho: interrupted!\nstack traceback:\n\t(command line):1: in main chunk\n\t[C]: in ?\n", 1),
        check("pcall-catches", tycho, ["caught.lua"], [("ready\n", "INT")], "ready\nfalse\tinterrupted!\nafter\n", "", 0),
        check("second-ends-the-process", tycho, ["twice.lua"], [("ready\n", "INT"), ("again\n", "INT")],
              "ready\nfalse\tinterrupted!\nagain\n", "", -signal.SIGINT),
        check("ignored-stays-ignored", tycho, ["wait-go.lua"], [("ready\n", "INT"), ("", "go")], "ready\ndone\n", "",
              0, ignored=True),
        # No Lua code runs while the interactive mode waits for a line.
        check("at-the-prompt", tycho, ["-i"], [("> ", "INT")], version + "> ", "", -signal.SIGINT, stdin=True),
        check("interactive-goes-on", tycho, ["-i"],
              [("> ", 'io.write("ready\\n") io.stdout:flush() while true do end\n'), ("ready\n", "INT"),
               ("> ", "print('next')\n"), ("next\n> ", "EOF")],
              version + "> ready\n> next\n> \n",
              "interrupted!\nstack traceback:\n\tstdin:1: in main chunk\n\t[C]: in ?\n", 0, stdin=True),
    ]
    # Ctrl-C typed at a terminal: in a running line, then at the prompt.
    banner = version.replace("\n", "\r\n") + "> "
    results.append(run_case("terminal", [tycho], editing, [
        ("", banner),
        ('io.write("ready\\n") while true do end\r', 'io.write("ready\\n") while true do end\r\nready\r\n'),
        ("\x03", "^Cinterrupted!\r\nstack traceback:\r\n\tstdin:1: in main chunk\r\n\t[C]: in ?\r\n> ", False),
        ("1+1\r", "1+1\r\n2\r\n> "),
        ("\x03", "" if editing else "^C"),
    ], status_expected=-signal.SIGINT))
    return results.count(False)


if __name__ == "__main__":
    main()
