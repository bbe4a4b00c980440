"""The real app in a real pseudo-terminal, for the kill harness (tests and benchmarks).

`python -m assistant --db FILE` runs as a child of :func:`pty.fork`: it is a session leader
whose controlling terminal is the pty, so closing our end sends it a real SIGHUP, and
:meth:`PtyApp.kill` sends real signals. Keys are written as a terminal sends them.
Nothing here reaches into the app: what was saved is read back from the SQLite file.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import re
import signal
import struct
import sys
import termios
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ANSI = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")
KEYS = {"enter": "\r", "ctrl+q": "\x11", "ctrl+s": "\x13", "escape": "\x1b", "tab": "\t"}


class PtyApp:
    """One run of the app; ``code_root`` chooses whose code runs (this tree, or main)."""

    def __init__(self, db: Path, *, code_root: Path = ROOT, size: tuple[int, int] = (100, 32),
                 pipeline: str | None = None) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("NEEDS_LED")}
        env.update(TERM="xterm-256color", COLUMNS=str(size[0]), LINES=str(size[1]),
                   PYTHONPATH=str(code_root))
        if pipeline:
            env["NEEDS_LED_PIPELINE"] = pipeline
        pid, fd = pty.fork()
        if pid == 0:  # the child: become the app
            try:
                os.chdir(code_root)
                os.execve(sys.executable, [sys.executable, "-m", "assistant", "--db", str(db)],
                          env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
        self.raw = bytearray()
        self.status: int | None = None
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.raw.extend(chunk)

    def text(self) -> str:
        """Everything the app drew, escape sequences removed (runs of text, not a grid)."""
        return ANSI.sub("", bytes(self.raw).decode("utf-8", "replace"))

    def wait_for(self, *needles: str, timeout: float = 60.0) -> str:
        """Wait until the app has drawn one of ``needles``; return which."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            shown = self.text()
            for needle in needles:
                if needle in shown:
                    return needle
            if self.exited():
                break
            time.sleep(0.05)
        raise AssertionError(f"the app never showed {needles!r}; it showed:\n"
                             f"{self.text()[-2000:]}")

    def mark(self) -> int:
        """A position in the output, for waiting on what is drawn after it."""
        return len(self.raw)

    def drawn_since(self, mark: int) -> str:
        return ANSI.sub("", bytes(self.raw[mark:]).decode("utf-8", "replace"))

    def press(self, *keys: str) -> None:
        for key in keys:
            os.write(self.fd, KEYS.get(key, key).encode())
            time.sleep(0.15 if key == "escape" else 0.02)

    def type(self, text: str, interval: float, stop: threading.Event | None = None) -> int:
        """Type ``text`` a key every ``interval`` seconds; return how many keys were sent
        (fewer if ``stop`` is set meanwhile)."""
        sent = 0
        for ch in text:
            if stop is not None and stop.is_set():
                break
            try:
                os.write(self.fd, ("\r" if ch == "\n" else ch).encode())
            except OSError:
                break
            sent += 1
            time.sleep(interval)
        return sent

    def kill(self, signum: int) -> None:
        os.kill(self.pid, signum)

    def hang_up(self) -> None:
        """Close the terminal, as a closed window or a dropped SSH session does: the
        terminal's end goes away and the app gets SIGHUP at once (the kernel's own SIGHUP
        would wait for our reader thread's pending read to return)."""
        with contextlib.suppress(OSError):
            os.close(self.fd)
        self.fd = -1
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGHUP)

    def exited(self) -> bool:
        if self.status is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = status
        return self.status is not None

    def wait(self, timeout: float = 15.0) -> int | None:
        """Wait for the process to end; return its exit code (negative: the signal), or
        None if it had to be killed."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.exited():
                assert self.status is not None
                return os.waitstatus_to_exitcode(self.status)
            time.sleep(0.05)
        self.kill(signal.SIGKILL)
        while not self.exited():
            time.sleep(0.05)
        return None

    def close(self) -> None:
        if not self.exited():
            with contextlib.suppress(ProcessLookupError):
                self.kill(signal.SIGKILL)
            self.wait(5)
        if self.fd >= 0:
            with contextlib.suppress(OSError):
                os.close(self.fd)
            self.fd = -1

    def __enter__(self) -> PtyApp:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
