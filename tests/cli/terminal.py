"""A pseudo-terminal session with a command, for the tests of the
interactive mode (interactive-terminal.py, interrupt.py).

A case is a list of steps, (keys to type, output expected after them); the
first has no keys (what the command writes before it reads). Keys are typed
once the line editor reads the terminal, unless the step says that they go
to running Lua code (a third element, False). Each step
waits until the output ends with what it expects, then the whole transcript
(stdout and stderr, which share the terminal) must equal the expected one
exactly, and the exit status must be the expected one (negative: killed by
that signal).
"""
import os
import pty
import select
import signal
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
            # As from an interactive shell, whatever this test inherited.
            signal.signal(signal.SIGINT, signal.SIG_DFL)
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

    def send(self, keys, editor_reads=True):
        """Types `keys` once the line editor reads the terminal: libedit
        prints the prompt before it leaves the terminal's line mode, and
        keys typed in between would be echoed by the terminal too (the
        master side of a pseudo-terminal sees the slave's modes)."""
        deadline = time.time() + TIMEOUT
        while self.editing and editor_reads and termios.tcgetattr(self.fd)[3] & termios.ICANON:
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


def run_case(name, argv, editing, steps, status_expected=0):
    """Runs one case (see above); prints what differs and returns False
    when it fails."""
    session = Session(argv, editing)
    expected = b""
    ok = True
    for step in steps:
        keys, output = step[0], step[1]
        if keys:
            # A third element, False: keys typed while Lua code runs, not
            # to the line editor.
            session.send(keys, step[2] if len(step) > 2 else True)
        expected += output.encode()
        if not session.expect(output.encode()):
            ok = False
            break
    status = session.finish()
    if ok and session.transcript == expected and status == status_expected:
        return True
    print(f"FAIL {name}: exit status {status}, expected {status_expected}")
    print(f"  expected: {expected!r}")
    print(f"  actual:   {session.transcript!r}")
    return False


