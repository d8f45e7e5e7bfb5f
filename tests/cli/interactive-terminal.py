#!/usr/bin/env python3
"""The interactive mode at a terminal: `tycho` alone, its standard input a
pseudo-terminal, typed at line by line. With line editing (libedit; the
build says whether it has it), the arrow keys edit the line and recall the
chunks entered before; without, lines are read as the terminal gives them.

usage: interactive-terminal.py path/to/tycho [--line-editing]

Each step sends keys and waits until the output ends with what the step
expects (the next prompt), then the whole transcript (stdout and stderr,
which share the terminal) must equal the expected one exactly, and the exit
status must be 0.
"""
import os
import pty
import select
import sys
import tempfile
import termios
import time

TIMEOUT = 20.0  # seconds to wait for each prompt


class Session:
    def __init__(self, argv, editing):
        self.transcript = b""
        self.editing = editing
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            # TERM=dumb: libedit edits without terminal-specific sequences.
            os.environ["TERM"] = "dumb"
            for name in ("LUA_INIT", "LUA_INIT_5_4"):
                os.environ.pop(name, None)
            os.execv(argv[0], argv)

    def expect(self, text):
        """Reads until the transcript ends with `text`; False on timeout or end."""
        deadline = time.time() + TIMEOUT
        while not self.transcript.endswith(text):
            remaining = deadline - time.time()
            if remaining <= 0:
                return False
            ready, _, _ = select.select([self.fd], [], [], remaining)
            if not ready:
                continue
            try:
                data = os.read(self.fd, 4096)
            except OSError:  # the child has gone and the terminal hung up
                return False
            if not data:
                return False
            self.transcript += data
        return True

    def send(self, keys):
        """Types `keys` once the line editor reads the terminal: libedit
        prints the prompt before it leaves the terminal's line mode, and
        keys typed in between would be echoed by the terminal too (the
        master side of a pseudo-terminal sees the slave's modes)."""
        deadline = time.time() + TIMEOUT
        while self.editing and termios.tcgetattr(self.fd)[3] & termios.ICANON:
            if time.time() > deadline:
                break
            time.sleep(0.01)
        os.write(self.fd, keys.encode())

    def finish(self):
        """Reads until the end (killing the child if it does not come);
        returns the exit status."""
        deadline = time.time() + TIMEOUT
        while time.time() < deadline:
            ready, _, _ = select.select([self.fd], [], [], 0.1)
            if not ready:
                continue
            try:
                data = os.read(self.fd, 4096)
            except OSError:
                break
            if not data:
                break
            self.transcript += data
        else:
            os.kill(self.pid, 9)
        _, status = os.waitpid(self.pid, 0)
        os.close(self.fd)
        return os.waitstatus_to_exitcode(status)


def run_case(name, tycho, editing, steps):
    """steps: (keys to send, output expected after them) pairs; the first
    has no keys (the banner and prompt)."""
    session = Session([tycho], editing)
    expected = b""
    ok = True
    for keys, output in steps:
        if keys:
            session.send(keys)
        expected += output.encode()
        if not session.expect(output.encode()):
            ok = False
            break
    status = session.finish()
    if ok and session.transcript == expected and status == 0:
        return True
    print(f"FAIL {name}: exit status {status}")
    print(f"  expected: {expected!r}")
    print(f"  actual:   {session.transcript!r}")
    return False


def main():
    tycho = os.path.abspath(sys.argv[1])
    editing = "--line-editing" in sys.argv[2:]
    os.chdir(tempfile.mkdtemp(prefix="tycho-terminal."))
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
    failures = sum(not run_case(name, tycho, editing, steps) for name, steps in cases.items())
    if failures:
        print(f"{failures} of {len(cases)} cases failed")
        sys.exit(1)
    print(f"{len(cases)} cases passed")


if __name__ == "__main__":
    main()
