"""Turn the errors a person can act on into one line and an exit status."""

from __future__ import annotations

import sys

PROG = "needs-led"


class UserError(Exception):
    """A problem the person can act on (a damaged database, a broken content file, a file
    in the way): reported as one line with exit status ``status``, never a traceback."""

    status = 1


class InputError(UserError):
    """Input that cannot be read (a missing or unreadable file): exit status 2."""

    status = 2


class ExportError(UserError):
    """A file that cannot be made or written (an export, a report, a form); the message is
    one line a person can act on."""


class ExportExists(ExportError, InputError):
    """A file to be written exists and ``force`` was not given (exit status 2 on the CLI)."""


def report(exc: BaseException) -> int | None:
    """Print ``exc`` as one line and return the exit status, or None if it is a bug."""
    if isinstance(exc, UserError):
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return exc.status
    from pydantic import ValidationError

    if isinstance(exc, ValidationError):
        from assistant.model import explain

        lines = explain(exc)
        print(f"{PROG}: error: {lines[0]}", file=sys.stderr)
        for line in lines[1:]:
            print(f"  {line}", file=sys.stderr)
        return 1
    return None


def unreadable(name: str, exc: OSError) -> InputError:
    """The one-line InputError for a file that could not be opened or read."""
    if isinstance(exc, FileNotFoundError):
        return InputError(f"{name}: no such file")
    if isinstance(exc, IsADirectoryError):
        return InputError(f"{name}: is a folder, not a file")
    return InputError(f"{name}: cannot be read ({exc.strerror})")
