"""Turn the errors a person can act on into one line and an exit status.

Where a problem is (a file, a line, a column, a field) is kept in fields, never only in
the message: a program reads ``exc.path`` and ``exc.line`` (an editor can jump there, a
test can check them), and the one line a person reads is built from them in one place,
:func:`located`.
"""

from __future__ import annotations

import os
import sys
from typing import Any, Self

PROG = "needs-led"


def located(message: str, path: str | os.PathLike[str] | None = None,
            line: int | None = None, column: int | None = None,
            field: str | None = None) -> str:
    """The one line a person reads: ``path:line: field: message``.

    Without a path, the line is said in words ("line 3: children: ..."). The column is
    not printed: the line is enough to find the place by eye, and every message keeps the
    form it always had; it is kept on the error for tools.
    """
    del column  # kept on the error, not said (see above)
    if path is not None and str(path):
        where = f"{os.fspath(path)}:{line}" if line else os.fspath(path)
    else:
        where = f"line {line}" if line else ""
    detail = f"{field}: {message}" if field else message
    return f"{where}: {detail}" if where else detail


class Located:
    """Where a problem is, as fields, and its message built from them by :func:`located`.

    ``message`` says what is wrong; ``path`` is the file (or source) it is in, ``line``
    and ``column`` are 1-based, ``field`` names the key or column ("children",
    "themes.0.colour"). Any of them may be None.
    """

    message: str
    path: Any = None
    line: int | None = None
    column: int | None = None
    field: str | None = None

    def _place(self, message: str, path: Any = None, line: int | None = None,
               column: int | None = None, field: str | None = None) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.field = field

    @property
    def detail(self) -> str:
        """The message with its field, without the file and line ("children: cannot read
        ..."): for a caller that reports the place itself."""
        return located(self.message, field=self.field)

    def __str__(self) -> str:
        return located(self.message, self.path, self.line, self.column, self.field)


class UserError(Located, Exception):
    """A problem the person can act on (a damaged database, a broken content file, a file
    in the way): reported as one line with exit status ``status``, never a traceback.

    Where it is goes in the keyword fields, not in ``message`` (see :class:`Located`).
    """

    status = 1

    def __init__(self, message: str = "", *, path: Any = None, line: int | None = None,
                 column: int | None = None, field: str | None = None) -> None:
        super().__init__(message)
        self._place(message, path, line, column, field)

    @classmethod
    def moved(cls, other: Located) -> Self:
        """This kind of error for the same problem at the same place (a broken content
        file met while exporting becomes an :class:`ExportError`, its place kept)."""
        return cls(other.message, path=other.path, line=other.line, column=other.column,
                   field=other.field)


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
        return InputError("no such file", path=name)
    if isinstance(exc, IsADirectoryError):
        return InputError("is a folder, not a file", path=name)
    return InputError(f"cannot be read ({exc.strerror})", path=name)
