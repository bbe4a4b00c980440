"""Writing files whole or not at all, never over an existing file by accident.

Every file needs-led writes (exports, reports, paper forms, the workshop's files) goes
through here: a temporary file beside the target, then a link or rename, so a crash or a
full disk never leaves half a file; an existing file is replaced only with ``force``; and
the file is readable by its owner only, since it holds what is known about a family.
Failures are one line a person can act on (:class:`~assistant.errors.ExportError`).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from assistant.errors import ExportError, ExportExists


def write_new(path: Path, text: str | bytes, force: bool) -> None:
    """Write ``text`` to ``path`` whole: a temporary file beside it, then a rename.

    Without ``force`` the final step is a hard link, which fails if the file appeared
    meanwhile, so nothing is ever overwritten by accident. Like the case database, the
    file is readable by its owner only: it holds what is known about a family.
    """
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        data = text if isinstance(text, bytes) else text.encode("utf-8")  # newlines as given
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if force:
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)
            except FileExistsError:
                raise ExportExists(
                    f"{path}: already exists (use --force to overwrite it)"
                ) from None
            except OSError:
                # No hard links here (FAT, some network shares): claim the name
                # exclusively, then move the finished text onto it.
                try:
                    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
                except FileExistsError:
                    raise ExportExists(
                        f"{path}: already exists (use --force to overwrite it)"
                    ) from None
                os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def check_targets(out_dir: Path, targets: Sequence[Path], force: bool) -> None:
    """Fail before anything is written if ``out_dir`` is a file or (without ``force``) a
    target exists, naming the first one in the way."""
    if out_dir.exists() and not out_dir.is_dir():
        raise ExportError(f"{out_dir}: is a file, not a folder")
    if not force:
        existing = [str(path) for path in targets if path.exists()]
        if existing:
            more = f" (and {len(existing) - 1} more)" if len(existing) > 1 else ""
            raise ExportExists(
                f"{existing[0]}: already exists{more} (use --force to overwrite it)"
            )


def write_all(out_dir: Path, files: Sequence[tuple[Path, str | bytes]], force: bool) -> list[Path]:
    """Write every (path, text) into ``out_dir``, or none if any target is in the way.

    Everything is rendered by the caller and every target checked before the first file
    is written, so an existing file leaves the folder as it was.
    """
    out_dir = Path(out_dir)
    check_targets(out_dir, [path for path, _ in files], force)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for path, text in files:
            write_new(path, text, force)
    except OSError as exc:
        where = exc.filename or out_dir
        raise ExportError(f"{where}: cannot be written ({exc.strerror})") from None
    return [path for path, _ in files]
