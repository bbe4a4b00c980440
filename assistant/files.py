"""Writing files whole or not at all, never over an existing file by accident.

Every file needs-led writes (exports, reports, paper forms, the workshop's files) goes
through here: every file of a set is written in full to a temporary file beside its
target, then moved into place, so a crash or a full disk leaves none of the set, not half
of it; an existing file is replaced only with ``force``; and each file is readable by its
owner only, since it holds what is known about a family.
Failures are one line a person can act on (:class:`~assistant.errors.ExportError`).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from assistant.errors import ExportError, ExportExists


def write_new(path: Path, text: str | bytes, force: bool) -> None:
    """Write one file whole (see :func:`write_all`)."""
    write_all(path.parent, [(path, text)], force)


def _stage(path: Path, text: str | bytes) -> Path:
    """``text`` in a temporary file beside ``path``, written through and synced to disk.

    Written with ``os.write`` in a loop: a full disk surfaces here, as an OSError, before
    any target is touched. Like the case database, the file is readable by its owner only:
    it holds what is known about a family.
    """
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        data = memoryview(text if isinstance(text, bytes) else text.encode("utf-8"))
        while data:
            data = data[os.write(fd, data):]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        tmp.unlink(missing_ok=True)
        raise
    os.close(fd)
    return tmp


def _place(tmp: Path, path: Path, force: bool) -> Path | None:
    """Move a staged file onto ``path``; return the backup of a file it replaced.

    Without ``force`` the move is a hard link, which fails if the file appeared meanwhile,
    so nothing is ever overwritten by accident. With ``force`` the old file is kept as a
    backup until every file of the export is in place, so a later failure can put it back.
    """
    if force:
        backup = None
        if path.exists():
            backup = path.with_name(f".{path.name}.{os.getpid()}.old")
            try:
                os.link(path, backup)
            except OSError:
                shutil.copy2(path, backup)
        try:
            os.replace(tmp, path)
        except BaseException:
            if backup is not None:
                backup.unlink(missing_ok=True)
            raise
        return backup
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise ExportExists(f"{path}: already exists (use --force to overwrite it)") from None
    except OSError:
        # No hard links here (FAT, some network shares): claim the name exclusively,
        # then move the finished text onto it.
        try:
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        except FileExistsError:
            raise ExportExists(f"{path}: already exists (use --force to overwrite it)") from None
        os.replace(tmp, path)
    return None
def check_targets(out_dir: Path, targets: Sequence[Path], force: bool) -> None:
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
    """Write every (path, text) into ``out_dir``, or none of them.

    Every target is checked first; then every file is written in full to a temporary file
    beside its target (a full disk or any other failure stops here, and the temporary
    files are removed); only then are they moved into place. A failure while moving puts
    back what was there: files this call created are removed, files it replaced (with
    ``force``) are restored, and a folder it created is removed again if left empty.
    """
    out_dir = Path(out_dir)
    check_targets(out_dir, [path for path, _ in files], force)
    made = [p for p in (out_dir, *out_dir.parents) if not p.exists()]
    staged: list[tuple[Path, Path]] = []
    placed: list[tuple[Path, Path | None]] = []
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for path, text in files:
            staged.append((_stage(path, text), path))
        for tmp, path in staged:
            placed.append((path, _place(tmp, path, force)))
    except BaseException as exc:
        _undo(staged, placed, made)
        if isinstance(exc, OSError):
            where = exc.filename or out_dir
            raise ExportError(f"{where}: cannot be written ({exc.strerror}); nothing was "
                              "written") from None
        raise
    for tmp, _ in staged:  # a hard-linked one is still there under its temporary name
        tmp.unlink(missing_ok=True)
    for _, backup in placed:
        if backup is not None:
            backup.unlink(missing_ok=True)
    return [path for path, _ in files]


def _undo(staged: list[tuple[Path, Path]], placed: list[tuple[Path, Path | None]],
          made: list[Path]) -> None:
    """Put the folder back as it was before :func:`write_all` (best effort, never raises)."""
    for path, backup in reversed(placed):
        try:
            if backup is not None:
                os.replace(backup, path)
            else:
                path.unlink(missing_ok=True)
        except OSError:
            pass
    for tmp, _ in staged:
        tmp.unlink(missing_ok=True)
    for folder in made:  # innermost first
        try:
            folder.rmdir()
        except OSError:
            break
