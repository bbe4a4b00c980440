"""Nothing typed is lost: a journal of what the database has not confirmed yet.

The app hands every keystroke's text (a *draft*) and every submitted answer (a *save*: the
whole case as JSON) to a :class:`Journal` on the UI thread, which only records them in
memory (microseconds). One writer at a time (a thread in the app) calls :meth:`Journal.drain`
to write them to the database through its own connection, so a locked database never
freezes the screen. The journal mirrors its state in a *recovery file* beside the database
(``cases.db.recovery/session-<pid>.json``, owner-only):

- a submitted answer is written there before the database is tried (fsync'd), and stays
  there until the database has it; a save that fails (locked, full disk, read-only) is
  retried and survives quitting, a kill, or a crash;
- after each write the mirror holds the session's drafts and the last saved body of each
  case, so if the database loses what it had confirmed (its ``-wal`` file removed while
  the app ran, then a kill) the next start notices, says so, and puts it back.

:func:`recover` runs at start-up on the files of sessions that are no longer running.
This module is core: it never imports Textual.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.model import Case, now
from assistant.store import RevisionConflict, Store, StoreError

#: seconds after the last keystroke before a draft is written ...
DRAFT_PAUSE = 0.3
#: ... and at most this long after the first unsaved keystroke, however fast the typing
DRAFT_MAX_WAIT = 0.6
#: seconds between automatic retries after a failed write
RETRY_EVERY = 3.0


def recovery_dir(db_path: str | os.PathLike[str]) -> Path:
    path = Path(db_path)
    return path.with_name(path.name + ".recovery")


def fallback_dir(db_path: str | os.PathLike[str]) -> Path:
    """Where the recovery file goes when the database's folder cannot take it (a full
    disk): the user's state folder, one sub-folder per database."""
    from platformdirs import user_state_path

    digest = hashlib.sha256(str(Path(db_path).resolve()).encode()).hexdigest()[:16]
    return user_state_path("needs-led", appauthor=False) / "recovery" / digest


@dataclass
class Draft:
    """The latest text of one field; ``text`` None means the draft is to be deleted."""

    text: str | None
    version: int = 1
    saved_version: int = 0
    first_unsaved: float = field(default_factory=time.monotonic)
    last_change: float = field(default_factory=time.monotonic)
    stamp: str = field(default_factory=lambda: now().isoformat())

    @property
    def dirty(self) -> bool:
        return self.version != self.saved_version


@dataclass
class PendingSave:
    """A submitted change: the whole case as it stood, with its history note."""

    reference: str
    body: str
    note: str
    #: after saving, make this revision (the other writer's) the latest again
    restore: int | None = None


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def write_private(path: Path, text: str, *, durable: bool) -> None:
    """Write ``text`` to ``path`` atomically (a temporary file renamed over it), owner-only."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


class Journal:
    """What was typed and submitted, until the database confirms it. Thread-safe."""

    def __init__(self, db_path: str | os.PathLike[str],
                 opener: Callable[[], Store] | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.db_path = Path(db_path)
        self._clock = clock
        name = f"session-{os.getpid()}.json"
        #: the recovery file beside the database ...
        self.file = recovery_dir(self.db_path) / name
        #: ... or, when that folder cannot take it (a full disk), in the user's state folder
        self.fallback = fallback_dir(self.db_path) / name
        #: the one holding the latest state
        self.in_use = self.file
        self._opener = opener or (lambda: Store(self.db_path, timeout=2.0))
        self._lock = threading.RLock()
        self._writer = threading.Lock()
        self._store: Store | None = None
        self.drafts: dict[tuple[str, str], Draft] = {}
        self.queue: list[PendingSave] = []
        #: reference -> (interview step, written): where the interview is, a convenience
        self.positions: dict[str, tuple[str, bool]] = {}
        #: the revision each open case's edits are based on (the optimistic check)
        self.base: dict[str, int] = {}
        #: reference -> (revision, body) last confirmed by the database this session
        self.saved: dict[str, tuple[int, str]] = {}
        #: the last write's problem, "" when everything is written
        self.error = ""
        self.failed_at = 0.0
        #: the file beside the database could not be written either
        self.file_error = ""
        self.conflict: RevisionConflict | None = None
        #: the database's -wal file vanished while we had it open
        self.wal_missing = False
        self.writes = 0
        self._mirrored: tuple[int, int] = (0, 0)

    # --- the UI thread: record ------------------------------------------------------------

    def put_draft(self, scope: str, name: str, text: str | None) -> None:
        """Record the text now in a field (None: the draft is done with, delete it)."""
        with self._lock:
            draft = self.drafts.get((scope, name))
            moment = self._clock()
            if draft is None:
                self.drafts[(scope, name)] = Draft(text, first_unsaved=moment,
                                                   last_change=moment)
                return
            if draft.text == text:
                return
            if not draft.dirty:
                draft.first_unsaved = moment
            draft.text, draft.version = text, draft.version + 1
            draft.last_change, draft.stamp = moment, now().isoformat()

    def draft(self, scope: str, name: str) -> tuple[bool, str | None]:
        """(known, text): whether this session has the field's draft, and its text."""
        with self._lock:
            draft = self.drafts.get((scope, name))
            return (False, None) if draft is None else (True, draft.text)

    def submit(self, reference: str, body: str, note: str,
               done: tuple[tuple[str, str], ...] = ()) -> None:
        """Queue a case save; it is in the recovery file (fsync'd) before this returns,
        unless the disk refuses, which :attr:`file_error` then says. ``done`` names the
        drafts this save makes obsolete: they are deleted after it, never before."""
        with self._lock:
            for scope, name in done:
                self.put_draft(scope, name, None)
            self.queue.append(PendingSave(reference, body, note))
            self.write_file(durable=True)

    def put_position(self, reference: str, step: str) -> None:
        with self._lock:
            if self.positions.get(reference, ("", False))[0] != step:
                self.positions[reference] = (step, False)

    def position(self, reference: str) -> str | None:
        """This session's position in the case's interview, if it has one."""
        with self._lock:
            known = self.positions.get(reference)
        return known[0] if known else None

    def pending_body(self, reference: str) -> str | None:
        """The newest submitted but unsaved body of this case, if any."""
        with self._lock:
            for job in reversed(self.queue):
                if job.reference == reference:
                    return job.body
        return None

    def set_base(self, reference: str, revision: int) -> None:
        with self._lock:
            if self.pending_body(reference) is None:
                self.base[reference] = revision

    def resolve(self, keep_mine_latest: bool) -> None:
        """Answer the conflict: save this session's version as a new revision on top of the
        other writer's; then, unless ``keep_mine_latest``, make theirs the latest again.
        Both stay in the history either way."""
        with self._lock:
            conflict = self.conflict
            if conflict is None:
                return
            self.base[conflict.reference] = conflict.latest
            mine = [j for j in self.queue if j.reference == conflict.reference]
            if mine:
                mine[0].note += f" (kept alongside revision {conflict.latest}, saved elsewhere)"
                if not keep_mine_latest:
                    mine[-1].restore = conflict.latest
            self.conflict = None
            self.error = ""
            self.failed_at = 0.0

    # --- state ------------------------------------------------------------------------

    def unsaved(self) -> int:
        """How many submitted changes and typed drafts the database does not have yet
        (a draft's pending deletion is not work that could be lost)."""
        with self._lock:
            return len(self.queue) + sum(d.dirty and d.text is not None
                                         for d in self.drafts.values())

    def due(self, moment: float | None = None) -> bool:
        """Whether a write should start now: a pause in typing, the maximum wait reached,
        a queued save, or a retry after a failure."""
        moment = self._clock() if moment is None else moment
        with self._lock:
            if self.conflict is not None:
                return False
            if self.error and moment - self.failed_at < RETRY_EVERY:
                return False
            if self.queue or any(not w for _, w in self.positions.values()):
                return True
            return any(
                d.dirty and (moment - d.last_change >= DRAFT_PAUSE
                             or moment - d.first_unsaved >= DRAFT_MAX_WAIT)
                for d in self.drafts.values()
            )

    def oldest_unsaved(self, moment: float | None = None) -> float:
        """Seconds since the oldest change the database does not have (0 if none)."""
        moment = self._clock() if moment is None else moment
        with self._lock:
            ages = [moment - d.first_unsaved for d in self.drafts.values() if d.dirty]
        return max(ages, default=0.0)

    # --- the writer ---------------------------------------------------------------------

    def drain(self, *, wait: float | None = None) -> bool:
        """Write everything queued to the database (the writer thread, or at exit with
        ``wait`` seconds for a writer already busy). Returns False if another drain held
        the writer all that time. Failures are kept in :attr:`error`, never raised."""
        acquired = self._writer.acquire(timeout=wait) if wait is not None \
            else self._writer.acquire()
        if not acquired:
            return False
        try:
            self._drain()
        finally:
            self._writer.release()
        return True

    def _drain(self) -> None:
        try:
            if self._store is None:
                self._store = self._opener()
            store = self._store
            while True:
                with self._lock:
                    if not self.queue or self.conflict is not None:
                        break
                    job = self.queue[0]
                    expect = self.base.get(job.reference)
                case = Case.model_validate_json(job.body)
                try:
                    number = store.save(case, note=job.note, expect=expect)
                except RevisionConflict as exc:
                    with self._lock:
                        self.conflict = exc
                        self.error = str(exc)
                        self.failed_at = self._clock()
                    break
                body = job.body
                if job.restore is not None:
                    number = store.restore(job.reference, job.restore)
                    body = store.load(job.reference, number).model_dump_json()
                with self._lock:
                    self.queue.pop(0)
                    self.base[job.reference] = number
                    self.saved[job.reference] = (number, body)
                self.writes += 1
            with self._lock:
                waiting = {j.reference for j in self.queue}
                batch = [(key, d.version, d.text) for key, d in self.drafts.items()
                         if d.dirty and not (d.text is None and key[0] in waiting)]
            for (scope, name), version, text in batch:
                if text is None:
                    store.clear_draft(scope, name)
                else:
                    store.save_draft(scope, name, text)
                with self._lock:
                    self.drafts[(scope, name)].saved_version = version
                self.writes += 1
            with self._lock:
                moves = [(ref, step) for ref, (step, written) in self.positions.items()
                         if not written]
            for reference, step in moves:
                store.save_position(reference, step)
                with self._lock:
                    if self.positions.get(reference) == (step, False):
                        self.positions[reference] = (step, True)
            self._check_wal(store)
        except Exception as exc:  # the writer must never die silently: say it, retry later
            with self._lock:
                self.error = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                self.failed_at = self._clock()
        else:
            with self._lock:
                if self.conflict is None:
                    self.error = ""
        with self._lock:
            self.write_file(durable=bool(self.error) or bool(self.queue))

    def _check_wal(self, store: Store) -> None:
        """If another program removed the database's -wal file, what we wrote lives only in
        our open copy of it: checkpoint it into the database file at once, and say so."""
        wal = Path(f"{self.db_path}-wal")
        if wal.exists():
            return
        with store.errors():
            if store.db.execute("pragma journal_mode").fetchone()[0] != "wal":
                return  # no -wal file is expected
            store.db.execute("pragma wal_checkpoint(TRUNCATE)")
        with self._lock:
            self.wal_missing = True

    def mirror(self) -> None:
        """Bring the recovery file up to date if drafts changed since it was written (the
        app calls this while the database is slow, locked or in conflict)."""
        with self._lock:
            signature = (sum(d.version for d in self.drafts.values()), len(self.queue))
            if signature != self._mirrored:
                self.write_file(durable=False)

    def write_file(self, *, durable: bool) -> None:
        """Mirror the state in the recovery file (or remove it when there is nothing to
        keep). Never raises: a failure is kept in :attr:`file_error`."""
        with self._lock:
            data = self._snapshot()
            self._mirrored = (sum(d.version for d in self.drafts.values()), len(self.queue))
            if data is None:
                for path in (self.file, self.fallback):
                    with contextlib.suppress(OSError):
                        path.unlink()
                self.file_error = ""
                return
            text = json.dumps(data, ensure_ascii=False)
            problems = []
            for path in (self.file, self.fallback):
                try:
                    write_private(path, text, durable=durable)
                except OSError as exc:
                    problems.append(f"{path}: {exc.strerror or exc}")
                    continue
                if path == self.file:  # an older copy in the fallback is stale now
                    with contextlib.suppress(OSError):
                        self.fallback.unlink()
                self.in_use, self.file_error = path, ""
                return
            self.file_error = "; ".join(problems)

    def _snapshot(self) -> dict[str, Any] | None:
        drafts = [
            {"scope": s, "field": n, "text": d.text, "at": d.stamp}
            for (s, n), d in self.drafts.items() if d.text
        ]
        if not (self.queue or drafts or self.saved):
            return None
        return {
            "pid": os.getpid(),
            "database": str(self.db_path),
            "written_at": now().isoformat(),
            "pending": [{"reference": j.reference, "body": j.body, "note": j.note,
                         "restore": j.restore} for j in self.queue],
            "drafts": drafts,
            "saved": {ref: {"revision": n, "body": body}
                      for ref, (n, body) in self.saved.items()},
        }

    def flush_now(self, wait: float = 2.0) -> None:
        """At exit or on a signal: write what the database will take within ``wait``
        seconds; whatever remains stays in the recovery file, fsync'd."""
        with self._lock:
            self.failed_at = 0.0
        if not self.drain(wait=wait):
            self.write_file(durable=True)

    def close(self) -> None:
        """At a clean exit: drop the recovery file if the database has everything (and its
        journal file was never lost); otherwise keep it for the next start."""
        with self._lock:
            if self.unsaved() == 0 and not self.wal_missing and not self.file_error:
                self.saved.clear()
                self.drafts.clear()
                self.write_file(durable=False)
                with contextlib.suppress(OSError):
                    self.file.parent.rmdir()  # only if empty: another session's file stays
        with self._writer:
            if self._store is not None:
                self._store.close()
                self._store = None


# --- start-up -----------------------------------------------------------------------------


def recover(store: Store, db_path: str | os.PathLike[str] | None = None) -> list[str]:
    """Apply the recovery files of sessions that are no longer running; return one line
    per thing recovered or noticed, for the worker to read. A file is removed only once
    the database holds everything in it."""
    db = db_path or store.path
    lines: list[str] = []
    found = [p for folder in (recovery_dir(db), fallback_dir(db)) if folder.is_dir()
             for p in sorted(folder.glob("session-*.json"))]
    for path in found:
        try:
            pid = int(path.stem.split("-", 1)[1])
        except (IndexError, ValueError):
            continue
        if pid == os.getpid() or _pid_alive(pid):
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            lines.extend(_apply(store, data))
        except (OSError, ValueError, StoreError) as exc:
            lines.append(f"Recovery file {path} kept (not applied yet: {exc})")
            continue
        with contextlib.suppress(OSError):
            path.unlink()
    return lines


def _apply(store: Store, data: dict[str, Any]) -> list[str]:
    lines: list[str] = []
    for reference, saved in data.get("saved", {}).items():
        number, body = int(saved["revision"]), str(saved["body"])
        if _has_body(store, reference, number, body):
            continue
        store.save(Case.model_validate_json(body),
                   note=f"recovered: revision {number} was missing from the database")
        lines.append(
            f"Case {reference}: changes saved last session were missing from the database "
            f"(was its -wal file removed?); restored from the recovery file")
    saved_count: dict[str, int] = {}
    for job in data.get("pending", []):
        reference = str(job["reference"])
        store.save(Case.model_validate_json(job["body"]), note=f"recovered: {job['note']}")
        if job.get("restore"):
            store.restore(reference, int(job["restore"]))
        saved_count[reference] = saved_count.get(reference, 0) + 1
    for reference, count in saved_count.items():
        lines.append(f"Case {reference}: {count} change{'s' if count != 1 else ''} not saved "
                     "last session saved now, from the recovery file")
    restored = 0
    by_scope: dict[str, dict[str, str]] = {}
    for item in data.get("drafts", []):
        scope, name, text = str(item["scope"]), str(item["field"]), str(item["text"])
        if scope not in by_scope:
            by_scope[scope] = store.drafts(scope)
        if by_scope[scope].get(name) != text:
            store.save_draft(scope, name, text)
            restored += 1
    if restored:
        lines.append(f"{restored} draft{'s' if restored != 1 else ''} typed last session "
                     "restored from the recovery file")
    return lines


def _has_body(store: Store, reference: str, number: int, body: str) -> bool:
    try:
        return store.load(reference, number).model_dump_json() == body
    except StoreError:
        return False
