"""Start participants' apps from one pre-loaded process: fast to join, light on memory.

A workshop room runs one app per participant's browser tab. Started afresh, each app pays
about three seconds of CPU and 170 MB to import Textual and load the spaCy pipeline; twenty
participants joining at once would stall the room's two cores for a minute and hold 3.4 GB.
Instead the room starts one *pre-forking server* that imports everything and loads the
pipeline once, then forks a copy for each participant. A fork starts in milliseconds and
shares the loaded pipeline's memory with its parent until either writes to it
(``gc.freeze()`` keeps the collector from touching the shared objects).

textual-serve starts each app from a shell command and talks to it over the command's
standard input and output. That command is this module's small client, which hands its
own standard streams to the server over a Unix socket (``SCM_RIGHTS``); the server forks,
the copy takes the streams as its own and runs the app, and its exit status comes back to
the client. If the server cannot be reached, the client runs the app itself, the slow way.

    python -m assistant.prefork serve SOCKET [--content DIR] [--pipeline NAME]
    python -m assistant.prefork run SOCKET -- [needs-led arguments...]
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import signal
import socket
import sys
import threading
from collections.abc import Sequence

#: What textual-serve sets for an app it serves; set before Textual is imported, because
#: Textual reads these once, at import.
SERVED_ENVIRONMENT = {
    "TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver",
    "TEXTUAL_FPS": "60",
    "TEXTUAL_COLOR_SYSTEM": "truecolor",
    "TERM_PROGRAM": "textual",
}
MAX_REQUEST = 256 * 1024


def preload(content: str | None, pipeline: str | None) -> None:
    """Import the app and load what every participant's app loads: once, here."""
    os.environ.update(SERVED_ENVIRONMENT)
    import assistant.tui.app
    import assistant.tui.screens.home
    import assistant.tui.screens.interview
    import assistant.tui.screens.practice  # noqa: F401
    from assistant.content import Content
    from assistant.interview import load_prompts
    from assistant.store import Store  # noqa: F401
    from assistant.wording import Coach

    loaded = Content(content)
    load_prompts(loaded)
    Coach(content=loaded, pipeline=pipeline).load()  # fills the process's pipeline cache


def serve(path: str, content: str | None, pipeline: str | None) -> int:
    """Accept requests on the Unix socket at ``path`` and fork an app for each."""
    preload(content, pipeline)
    gc.collect()
    gc.freeze()  # the loaded objects stay shared with every fork
    parent = os.getppid()
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    os.chmod(path, 0o600)
    listener.listen(64)
    listener.settimeout(1.0)
    print("ready", flush=True)
    while True:
        _reap()
        if os.getppid() != parent:  # the room has gone: so do we
            return 0
        try:
            conn, _ = listener.accept()
        except TimeoutError:
            continue
        try:
            _start_one(listener, conn)
        except OSError:
            conn.close()


def _reap() -> None:
    with contextlib.suppress(ChildProcessError):
        while True:
            pid, _ = os.waitpid(-1, os.WNOHANG)
            if pid == 0:
                return


def _start_one(listener: socket.socket, conn: socket.socket) -> None:
    conn.settimeout(5.0)
    message, fds, _, _ = socket.recv_fds(conn, MAX_REQUEST, 3)
    if len(fds) != 3:
        for fd in fds:
            os.close(fd)
        conn.close()
        return
    request = json.loads(message.decode("utf-8"))
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the participant's app
        listener.close()
        _become_app(conn, fds, request)
    for fd in fds:
        os.close(fd)
    conn.sendall(f"{pid}\n".encode())
    conn.close()


def _become_app(conn: socket.socket, fds: list[int], request: dict) -> None:
    """In the fork: take the client's streams, its environment and arguments; run the app."""
    code = 1
    try:
        for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGCHLD):
            signal.signal(signum, signal.SIG_DFL)
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
            os.close(fd)
        os.environ.clear()
        os.environ.update({str(k): str(v) for k, v in request.get("env", {}).items()})
        with contextlib.suppress(OSError):
            os.chdir(request.get("cwd") or "/")
        _watch_client(conn)
        from assistant.cli import main

        code = main([str(arg) for arg in request.get("argv", [])])
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except BaseException:
        import traceback

        traceback.print_exc()
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
        with contextlib.suppress(OSError):
            conn.sendall(f"exit {code}\n".encode())
        os._exit(code)


def _watch_client(conn: socket.socket) -> None:
    """End this app if its client goes away (textual-serve stopped it, or it was killed)."""

    def watch() -> None:
        with contextlib.suppress(OSError):
            conn.settimeout(None)
            while conn.recv(64):
                pass
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, daemon=True, name="prefork-client").start()


def run(path: str, argv: Sequence[str]) -> int:
    """The client: hand this process's streams to the server; return the app's status."""
    request = json.dumps({"argv": list(argv), "env": dict(os.environ),
                          "cwd": os.getcwd()}).encode("utf-8")
    try:
        conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        conn.connect(path)
        socket.send_fds(conn, [request], [0, 1, 2])
    except OSError:
        # No server (it failed to start, or has gone): run the app here, the slow way.
        os.execv(sys.executable, [sys.executable, "-m", "assistant", *argv])
    child = 0

    def forward(signum: int, _frame: object) -> None:
        if child:
            with contextlib.suppress(OSError):
                os.kill(child, signum)

    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(signum, forward)
    status = 1
    buffer = b""
    while True:
        try:
            data = conn.recv(64)
        except InterruptedError:
            continue
        if not data:
            break
        buffer += data
        *lines, buffer = buffer.split(b"\n")
        for line in lines:
            if line.startswith(b"exit "):
                status = int(line.split()[1])
            elif line.isdigit():
                child = int(line)
    return status


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m assistant.prefork",
                                     description=__doc__.splitlines()[0] if __doc__ else "")
    sub = parser.add_subparsers(dest="what", required=True)
    s = sub.add_parser("serve")
    s.add_argument("socket")
    s.add_argument("--content")
    s.add_argument("--pipeline")
    r = sub.add_parser("run")
    r.add_argument("socket")
    r.add_argument("args", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    if args.what == "serve":
        return serve(args.socket, args.content, args.pipeline)
    rest = args.args[1:] if args.args[:1] == ["--"] else args.args
    return run(args.socket, rest)


if __name__ == "__main__":
    raise SystemExit(main())
