"""Turn the errors a person can act on into one line and an exit status."""

from __future__ import annotations

import sys

PROG = "needs-led"


def report(exc: BaseException) -> int | None:
    """Print ``exc`` as one line and return the exit status, or None if it is a bug."""
    from pydantic import ValidationError

    from assistant.content import ContentError
    from assistant.model import explain
    from assistant.store import StoreError

    if isinstance(exc, StoreError | ContentError):
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 1
    if isinstance(exc, ValidationError):
        lines = explain(exc)
        print(f"{PROG}: error: {lines[0]}", file=sys.stderr)
        for line in lines[1:]:
            print(f"  {line}", file=sys.stderr)
        return 1
    if isinstance(exc, InputError):
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    from assistant.exporters import ExportError

    if isinstance(exc, ExportError):
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 1
    return None


class InputError(Exception):
    """Input that cannot be read (a missing or unreadable file): exit status 2."""


def unreadable(name: str, exc: OSError) -> InputError:
    """The one-line InputError for a file that could not be opened or read."""
    if isinstance(exc, FileNotFoundError):
        return InputError(f"{name}: no such file")
    if isinstance(exc, IsADirectoryError):
        return InputError(f"{name}: is a folder, not a file")
    return InputError(f"{name}: cannot be read ({exc.strerror})")
