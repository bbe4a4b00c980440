"""Cases in one SQLite file, every revision kept.

sqlite-utils 4 with its built-in :class:`~sqlite_utils.Migrations`; WAL; each save is one
``BEGIN IMMEDIATE`` transaction, so two processes saving different cases both succeed
(one waits for the other). The file is created readable and writable by its owner only.
Every failure the file system or SQLite can throw at us becomes a :class:`StoreError`
with one line a person can act on, and nothing already stored is touched.

A damaged file is never written to: before a store's first write, :meth:`Store.check`
runs SQLite's ``PRAGMA integrity_check`` (the b-tree structure, and each index against
its table) and compares every stored revision with the SHA-256 checksum saved beside it
(the text SQLite cannot vouch for).
Each read checks its revision's checksum too, so a changed byte is reported by case and
revision instead of being exported as if the worker had written it. A zero-byte file is
refused unless this process created it, and a revision written by a newer needs-led is
refused, never overwritten.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database, Migrations

from assistant.errors import UserError
from assistant.model import SCHEMA_VERSION, Case, now
from assistant.textsafe import printable

ENV_VAR = "NEEDS_LED_DB"
APP_NAME = "needs-led"

migrations = Migrations("needs-led")


@migrations()
def m001_cases_and_revisions(db: Database) -> None:
    db.table("cases").create(
        {"reference": str, "created_at": str, "updated_at": str, "revision": int, "summary": str},
        pk="reference",
    )
    db.table("revisions").create(
        {"id": int, "reference": str, "number": int, "saved_at": str, "note": str, "body": str},
        pk="id",
        foreign_keys=[("reference", "cases", "reference")],
    )
    db.table("revisions").create_index(["reference", "number"], unique=True)


@migrations()
def m002_drafts(db: Database) -> None:
    db.table("drafts").create(
        {"reference": str, "field": str, "text": str, "updated_at": str},
        pk=("reference", "field"),
    )


@migrations()
def m003_revision_checksums(db: Database) -> None:
    """A SHA-256 of every stored revision, so damage to its text is noticed on read, and
    of every row of the case list (its summary, revision and dates).

    Rows stored before this migration get theirs from their text as it is now: the best
    that can be known, and any change from here on is caught.
    """
    db.table("revisions").add_column("checksum", str)
    db.conn.executemany(
        "update revisions set checksum = ? where id = ?",
        [(checksum(body), rid) for rid, body in db.execute("select id, body from revisions")],
    )
    db.table("cases").add_column("checksum", str)
    db.conn.executemany(
        "update cases set checksum = ? where reference = ?",
        [(row_checksum(row), row[0]) for row in db.execute(f"select {CASE_COLUMNS} from cases")],
    )


@migrations()
def m004_positions(db: Database) -> None:
    """Where the interview is in each case: kept beside the case, never in a revision, so
    moving around the interview changes nothing a history would show."""
    db.table("positions").create({"reference": str, "step": str, "updated_at": str},
                           pk="reference")


REVISION_META = "reference, number, saved_at, note"


@migrations()
def m005_revision_meta_checksums(db: Database) -> None:
    """A SHA-256 of each revision's own row besides its text (case, number, when it was
    saved and its note), so a changed byte there is noticed too: the history and the
    learning trace are read from these."""
    db.table("revisions").add_column("meta_checksum", str)
    db.conn.executemany(
        "update revisions set meta_checksum = ? where id = ?",
        [(row_checksum(row), rid) for rid, *row in db.execute(
            f"select id, {REVISION_META} from revisions")],
    )


class StoreError(UserError):
    """A one-line, actionable problem with the database file.

    ``kind`` says what is wrong, for callers that act on it (the TUI keeps unsaved work
    on "locked" and "full", for instance): "damaged", "locked", "read-only", "permission",
    "full", "newer", "missing", "io" or "other".
    """

    def __init__(self, message: str, kind: str = "other") -> None:
        super().__init__(message)
        self.kind = kind


class RevisionConflict(StoreError):
    """Another writer saved the case since the revision this save was based on."""

    def __init__(self, reference: str, expected: int, latest: int) -> None:
        super().__init__(
            f"case '{reference}' was changed elsewhere (now revision {latest}, "
            f"this edit was based on revision {expected})"
        )
        self.reference, self.expected, self.latest = reference, expected, latest


@dataclass(frozen=True)
class Revision:
    reference: str
    number: int
    saved_at: str
    note: str
    summary: str
    problem: str = ""
    """Why this revision cannot be opened (damaged, from a newer needs-led), else empty."""
    problem_kind: str = ""
    """The :attr:`StoreError.kind` of ``problem``: "damaged" or "newer"."""


def checksum(body: str) -> str:
    """The SHA-256 stored beside a revision's JSON, hex."""
    return hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()


CASE_COLUMNS = "reference, created_at, updated_at, revision, summary"


def row_checksum(row: Any) -> str:
    """The SHA-256 of a case-list row's CASE_COLUMNS, in order."""
    return checksum(json.dumps(list(row), ensure_ascii=True))


# Paths this process created as empty files: the only zero-byte files it will open.
_created_here: set[Path] = set()


def default_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "needs-led.db"


def resolve_path(arg: str | os.PathLike[str] | None = None) -> Path:
    chosen = arg or os.environ.get(ENV_VAR)
    return Path(chosen).expanduser() if chosen else default_path()


def _schema_version(body: str) -> int | None:
    try:
        value = json.loads(body).get("schema_version")
    except (ValueError, AttributeError):
        return None
    return value if isinstance(value, int) else None


def summarise(case: Case) -> str:
    people = len(case.people)
    needs = len(case.needs)
    outcomes = sum(len(n.outcomes) for n in case.needs)
    work = sum(len(n.work) for n in case.needs)
    return (f"{people} {'person' if people == 1 else 'people'}, {needs} need{'s' * (needs != 1)}"
            f", {outcomes} outcome{'s' * (outcomes != 1)}, {work} work item{'s' * (work != 1)}")


def _damaged(path: Path, what: str = "") -> StoreError:
    detail = f" ({what})" if what else ""
    return StoreError(
        f"{path}: the database is damaged{detail}; nothing was written to it (keep a copy "
        "of the file and go back to a backup)", "damaged")


def _cannot_open(path: Path) -> StoreError:
    """Why SQLite could not open ``path``, found from the file system, not message text."""
    folder = path.parent
    if not folder.exists():
        return StoreError(f"{path}: the folder {folder} does not exist", "missing")
    if not os.access(folder, os.X_OK):
        return StoreError(f"{path}: permission denied: you cannot open the folder {folder}",
                          "permission")
    if path.exists() and not os.access(path, os.R_OK):
        return StoreError(f"{path}: permission denied: you cannot read this file "
                          "(ask its owner, or choose another file with --db)", "permission")
    if not os.access(folder, os.W_OK):
        return StoreError(f"{path}: permission denied: SQLite needs to write its lock files "
                          f"in {folder}, which you cannot write to", "permission")
    return StoreError(f"{path}: the database cannot be opened", "other")


def _disk_full(path: Path) -> bool:
    """Whether the disk holding ``path`` has (almost) no room left: SQLite reports a full
    disk met while growing its shared-memory or WAL file as an I/O error."""
    try:
        stats = os.statvfs(path.parent)
    except OSError:
        return False
    return stats.f_bavail * stats.f_frsize < 256 * 1024


def _translate(path: Path, exc: BaseException) -> StoreError:
    """One line for ``exc``, chosen by SQLite's result code or the OS errno."""
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        primary = None if code is None else code & 0xFF
        if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            return StoreError(f"{path}: the database is locked by another program (or another "
                              "needs-led); nothing was saved, try again", "locked")
        if primary == sqlite3.SQLITE_READONLY:
            why = ("the file or its folder cannot be written" if not os.access(path, os.W_OK)
                   or not os.access(path.parent, os.W_OK) else "it was opened read-only")
            return StoreError(f"{path}: the database is read-only ({why}); nothing was saved",
                              "read-only")
        if primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
            return StoreError(f"{path}: this file is not a needs-led database or is damaged; "
                              "it was left untouched", "damaged")
        if primary == sqlite3.SQLITE_FULL or (primary == sqlite3.SQLITE_IOERR
                                              and _disk_full(path)):
            return StoreError(f"{path}: the disk is full; nothing was saved (free some space "
                              "and try again)", "full")
        if primary == sqlite3.SQLITE_CANTOPEN:
            return _cannot_open(path)
        if primary in (sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH):
            return StoreError(f"{path}: permission denied by SQLite", "permission")
        if primary == sqlite3.SQLITE_IOERR:
            return StoreError(f"{path}: the disk could not be read or written (I/O error "
                              f"{exc.sqlite_errorname}); nothing was saved", "io")
        if primary == sqlite3.SQLITE_NOMEM:
            return StoreError(f"{path}: out of memory; nothing was saved", "other")
        return StoreError(f"{path}: database error: {exc}", "other")
    if isinstance(exc, OSError):
        if exc.errno in (errno.EACCES, errno.EPERM):
            return StoreError(f"{exc.filename or path}: permission denied", "permission")
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return StoreError(f"{path}: the disk is full; nothing was saved", "full")
        if exc.errno == errno.EROFS:
            return StoreError(f"{path}: the disk is read-only; nothing was saved", "read-only")
        return StoreError(f"{exc.filename or path}: {exc.strerror or exc}", "io")
    if isinstance(exc, UnicodeError):
        return StoreError(f"{path}: text that is not valid UTF-8 cannot be stored", "other")
    from sqlite_utils.db import NotFoundError

    if isinstance(exc, NotFoundError):  # a row an index lists is not in its table
        return _damaged(path, "a row it indexes is missing")
    return StoreError(f"{path}: database error: {exc}", "other")


class Store:
    """The case store. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | os.PathLike[str] | None = None, *, timeout: float = 10.0):
        self.path = resolve_path(path)
        self._checked = False
        with self.errors():
            self._create_private()
            conn = sqlite3.connect(
                self.path, timeout=timeout, isolation_level=None, check_same_thread=False
            )
            # Text damaged into invalid UTF-8 reads as U+FFFD, not as a decoding error that
            # hides which file is damaged; case text is read as bytes and checksummed.
            conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
            self.db = Database(conn)
            try:
                self._check_ours()
                if self.db.execute("pragma journal_mode").fetchone()[0] != "wal":
                    self.check()  # switching to WAL writes to the file
                    self.db.execute("pragma journal_mode=wal")
                self.migrate(migrations)
            except BaseException:
                conn.close()
                raise

    # --- plumbing ----------------------------------------------------------------------

    def _create_private(self) -> None:
        if self.path.exists():
            if self.path.is_dir():
                raise StoreError(f"{self.path}: is a folder, not a database file", "other")
            if self.path.stat().st_size == 0 and self.path.resolve() not in _created_here:
                raise StoreError(
                    f"{self.path}: the file is empty (0 bytes), not a needs-led database; it "
                    "was left untouched (if it should hold cases, go back to a backup; to "
                    "start afresh, delete it or choose another file with --db)", "damaged")
            return
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        # Made whole beside it, then linked into place: another process starting at the
        # same moment never sees a zero-byte file, which it would rightly refuse.
        fresh = self.path.with_name(f".{self.path.name}.{os.getpid()}.new")
        fd = os.open(fresh, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
        os.close(fd)
        os.chmod(fresh, 0o600)
        try:
            conn = sqlite3.connect(fresh, isolation_level=None)
            try:
                conn.execute("pragma journal_mode=wal")  # writes the header page
            finally:
                conn.close()
            try:
                os.link(fresh, self.path)
            except FileExistsError:
                pass  # another process made it first: use theirs
            except OSError:  # no hard links here (FAT, some shares): claim the name
                try:
                    os.close(os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
                except FileExistsError:
                    return
                os.chmod(self.path, 0o600)
                _created_here.add(self.path.resolve())
        finally:
            for leftover in (fresh, *(fresh.with_name(fresh.name + s) for s in ("-wal", "-shm"))):
                leftover.unlink(missing_ok=True)

    def _check_ours(self) -> None:
        """Refuse another program's SQLite file rather than add our tables to it."""
        tables = {row[0] for row in self.db.execute(
            "select name from sqlite_master where type = 'table'").fetchall()}
        if tables and not migrations.applied(self.db):
            self.check()  # damage can hide our tables or their record: say so, not "other"
            if tables & {"_sqlite_migrations", "cases", "revisions", "drafts"}:
                raise _damaged(self.path, "its record of needs-led's tables is missing")
            raise StoreError(
                f"{self.path}: this is another program's SQLite database, not a needs-led "
                "one; it was left untouched (choose another file with --db)", "other"
            )

    def check(self) -> None:
        """Refuse a damaged file before anything is written to it.

        ``PRAGMA integrity_check`` reads every page, checks the b-tree structure and that
        each index matches its table (``quick_check`` skips that last part, yet bytes
        changed in the cases table show only there; benchmarks/store_check.py measures
        both: a few milliseconds apart on 1,000 cases); then every revision's text is
        compared with its checksum. Done once per store, before its first write; call it
        earlier (e.g. when the TUI opens the store) to learn of damage at once.
        """
        with self.errors():
            problems = [row[0] for row in self.db.execute("pragma integrity_check(3)")]
            if problems != ["ok"]:
                found = " ".join(problems[0].replace("*** in database main ***", "").split())
                raise _damaged(self.path, f"SQLite's check found: {printable(found)[:120]}")
            if record := self._migration_record_problem():
                raise _damaged(self.path, record)
            if "checksum" in self.db.table("revisions").columns_dict:
                for reference, number, body, stored in self.db.execute(
                        "select reference, number, cast(body as blob), checksum "
                        "from revisions"):
                    if stored is not None and hashlib.sha256(body).hexdigest() != stored:
                        raise _damaged(self.path, f"case '{printable(str(reference))}' "
                                                  f"revision {number} does not match its "
                                                  "checksum")
            for table, columns, column, what in (
                    ("revisions", REVISION_META, "meta_checksum",
                     "case '{0}' revision {1}'s date or note"),
                    ("cases", CASE_COLUMNS, "checksum", "the list entry of case '{0}'")):
                if column not in self.db.table(table).columns_dict:
                    continue  # a file from before the migration that adds it (it is added)
                for *row, stored in self.db.execute(f"select {columns}, {column} from {table}"):
                    if stored is not None and row_checksum(row) != stored:
                        named = what.format(*(printable(str(v)) for v in row))
                        raise _damaged(self.path, f"{named} does not match its checksum")
            if "audit_forms" in self.db.table_names():
                for case_reference, body, stored in self.db.execute(
                        "select case_reference, cast(body as blob), digest from audit_forms"):
                    if stored is not None and hashlib.sha256(body).hexdigest() != stored:
                        raise _damaged(self.path, f"the audit form of case "
                                                  f"'{printable(str(case_reference))}' does "
                                                  "not match its checksum")
                from assistant.audit.checksums import audit_damage

                damage = audit_damage(self.db)  # each form with its needs, each group...
                if damage:
                    raise _damaged(self.path, f"{damage[0]}: {damage[1]}")
        self._checked = True

    def _migration_record_problem(self) -> str | None:
        """What is wrong with the record of applied migrations, if anything.

        A changed byte there would make the next open apply a migration again. Migrations
        are applied in order and a newer needs-led only adds to the record, so a gap (one
        missing while a later one is recorded), a name one or two letters from one of ours
        that is not recorded, or an unreadable time is damage, not a newer version.
        """
        if "_sqlite_migrations" not in self.db.table_names():
            return None
        from assistant.audit.repository import migrations as audit_migrations

        rows = list(self.db.execute(
            "select migration_set, name, applied_at from _sqlite_migrations"))
        for _, _, applied_at in rows:
            try:
                datetime.fromisoformat(str(applied_at))
            except ValueError:
                return ("its record of migrations has an unreadable time "
                        f"({printable(str(applied_at))[:40]})")
        for m_set in (migrations, audit_migrations):
            # sqlite-utils keeps a set's migrations in ``_migrations`` (no public accessor)
            order = [m.name for m in m_set._migrations]
            applied = {str(name) for set_name, name, _ in rows if set_name == m_set.name}
            reached = max((order.index(n) for n in applied if n in order), default=-1)
            missing = [n for n in order[:reached + 1] if n not in applied]
            if missing:
                return (f"its record of migrations lacks {missing[0]} though later ones are "
                        "recorded")
            pending = [n for n in order if n not in applied]
            for name in applied - set(order):
                if any(len(name) == len(p)
                       and sum(x != y for x, y in zip(name, p, strict=True)) <= 2
                       for p in pending):
                    return (f"its record of migrations names {printable(name)[:40]}, "
                            "which needs-led never wrote")
        return None

    def migrate(self, migration_set: Migrations, what: str = "this database",
                error: type[StoreError] = StoreError) -> None:
        """Apply ``migration_set``'s pending migrations in one write transaction.

        A migration recorded in the file that this version does not know means a newer
        needs-led wrote it: refuse, and leave the file as it is.
        """
        if record := self._migration_record_problem():
            raise _damaged(self.path, record)
        known = {m.name for m in migration_set._migrations}
        applied = {m.name for m in migration_set.applied(self.db)}
        if applied - known:
            raise error(
                f"{self.path}: {what} was written by a newer needs-led; "
                "upgrade needs-led to open it (it was left untouched)", "newer"
            )
        if migration_set.pending(self.db):
            with self.write():
                migration_set.apply(self.db)

    @contextmanager
    def errors(self) -> Iterator[None]:
        """Turn SQLite and file-system errors inside the block into one-line StoreErrors."""
        from sqlite_utils.db import NotFoundError

        try:
            yield
        except StoreError:
            raise
        except (sqlite3.Error, OSError, UnicodeError, NotFoundError) as exc:
            raise _translate(self.path, exc) from exc

    @contextmanager
    def write(self) -> Iterator[None]:
        """A write transaction that takes the lock up front, so writers queue, not fail;
        its SQLite errors become one-line StoreErrors like :meth:`errors`. The first one
        checks the file (:meth:`check`): a damaged database is never written to."""
        if not self._checked:
            self.check()
        with self.errors():
            yield from self._transaction()

    def _transaction(self) -> Iterator[None]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if self.db.conn.in_transaction:
                self.db.execute("ROLLBACK")
            raise
        else:
            self.db.execute("COMMIT")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- cases and revisions -----------------------------------------------------------

    def save(self, case: Case, note: str = "", *, expect: int | None = None) -> int:
        """Store ``case`` as its next revision; return the revision number.

        Saving a case identical to its latest revision adds nothing and returns that number.
        A latest revision that is damaged or from a newer needs-led is refused: nothing is
        saved over it. With ``expect`` (the revision the edit started from; 0 for a new
        case), a latest revision other than that raises :class:`RevisionConflict` and stores
        nothing, checked inside the write transaction so two writers cannot both pass it.
        """
        body = case.model_dump_json()
        stamp = now().isoformat()
        with self.write():
            row = self.db.execute(
                "select number, cast(body as blob), checksum from revisions "
                "where reference = ? order by number desc limit 1",
                [case.reference],
            ).fetchone()
            if row and row[1] == body.encode():
                return int(row[0])
            if row:
                self._verified(case.reference, *row)
            latest = int(row[0]) if row else 0
            if expect is not None and latest != expect:
                raise RevisionConflict(case.reference, expect, latest)
            number = (row[0] if row else 0) + 1
            summary = summarise(case)
            created = stamp
            if row is not None:
                created = self.db.execute("select created_at from cases where reference = ?",
                                          [case.reference]).fetchone()[0]
            listed = [case.reference, created, stamp, number, summary]
            if row is None:
                self.db.execute(f"insert into cases ({CASE_COLUMNS}, checksum) "
                                "values (?, ?, ?, ?, ?, ?)", [*listed, row_checksum(listed)])
            else:
                self.db.execute("update cases set updated_at = ?, revision = ?, summary = ?, "
                                "checksum = ? where reference = ?",
                                [stamp, number, summary, row_checksum(listed), case.reference])
            self.db.table("revisions").insert(
                {"reference": case.reference, "number": number, "saved_at": stamp,
                 "note": note, "body": body, "checksum": checksum(body),
                 "meta_checksum": row_checksum([case.reference, number, stamp, note])}
            )
            return number

    def _verified(self, reference: str, number: int, raw: bytes, stored: str | None) -> Case:
        """The case in one stored revision (its text read as bytes), or a StoreError naming
        the case and revision if the text is damaged or was written by a newer needs-led."""
        where = f"case '{printable(reference)}' revision {number}"
        try:
            if stored is not None and hashlib.sha256(raw).hexdigest() != stored:
                raise ValueError("its text does not match its checksum")
            body = raw.decode("utf-8")
        except ValueError as exc:
            raise StoreError(
                f"{self.path}: {where} is damaged ({exc}); it was left untouched (see "
                f"'needs-led history {printable(reference)}' for the other revisions)",
                "damaged") from None
        from pydantic import ValidationError

        try:
            return Case.model_validate_json(body)
        except ValidationError as exc:
            version = _schema_version(body)
            if version is not None and version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path}: {where} was written by a newer needs-led (case schema "
                    f"{version}; this one reads {SCHEMA_VERSION}); upgrade needs-led to open "
                    "or change it (it was left untouched)", "newer") from None
            first = exc.errors()[0]
            place = ", ".join(str(p) for p in first["loc"])
            raise StoreError(
                f"{self.path}: {where} cannot be read ({place}: {first['msg']}); it was left "
                "untouched", "damaged") from None

    def _row(self, reference: str, revision: int | None) -> tuple[int, bytes, str | None]:
        sql = "select number, cast(body as blob), checksum from revisions where reference = ?"
        args: list[Any] = [reference]
        if revision is not None:
            sql += " and number = ?"
            args.append(revision)
        row = self.db.execute(sql + " order by number desc limit 1", args).fetchone()
        if row is None:
            if revision is not None and self.exists(reference):
                raise StoreError(f"case '{printable(reference)}' has no revision {revision}",
                                 "missing")
            raise StoreError(f"no case with reference '{printable(reference)}'", "missing")
        return int(row[0]), bytes(row[1]), row[2]

    def load(self, reference: str, revision: int | None = None) -> Case:
        with self.errors():
            return self._verified(reference, *self._row(reference, revision))

    def latest(self, reference: str) -> Revision | None:
        """The latest revision of a case (its problem set if it cannot be opened), or None."""
        with self.errors():
            if not self.exists(reference):
                return None
            number = self._row(reference, None)[0]
        return next(r for r in self.history(reference) if r.number == number)

    def latest_revision(self, reference: str) -> int:
        """The number of the case's latest revision; 0 if there is no such case."""
        with self.errors():
            row = self.db.execute(
                "select max(number) from revisions where reference = ?", [reference]
            ).fetchone()
        return int(row[0] or 0)

    def exists(self, reference: str) -> bool:
        with self.errors():
            return (
                self.db.execute("select 1 from cases where reference = ?", [reference]).fetchone()
                is not None
            )

    def cases(self) -> list[dict[str, Any]]:
        """Every case, most recently changed first."""
        with self.errors():
            return list(self.db.table("cases").rows_where(select=CASE_COLUMNS,
                                                    order_by="updated_at desc, reference"))

    def history(self, reference: str) -> list[Revision]:
        """Every revision of a case; one that is damaged or from a newer needs-led is
        listed with its ``problem`` rather than stopping the list."""
        with self.errors():
            if not self.exists(reference):
                raise StoreError(f"no case with reference '{printable(reference)}'", "missing")
            rows = self.db.execute(
                "select number, saved_at, note, cast(body as blob), checksum from revisions "
                "where reference = ? order by number",
                [reference],
            ).fetchall()
        revisions = []
        for n, saved, note, body, stored in rows:
            try:
                summary = summarise(self._verified(reference, n, body, stored))
                problem = kind = ""
            except StoreError as exc:
                summary, kind = "cannot be opened", exc.kind
                problem = str(exc).removeprefix(f"{self.path}: ")
            revisions.append(Revision(reference, n, saved, note, summary, problem, kind))
        return revisions

    def restore(self, reference: str, revision: int) -> int:
        """Make an earlier revision the latest again (as a new revision: nothing is lost)."""
        case = self.load(reference, revision)
        return self.save(case, note=f"restored revision {revision}")

    # --- where the interview is: beside the case, not in it ----------------------------

    def save_position(self, reference: str, step: str) -> None:
        with self.write():
            self.db.table("positions").upsert(
                {"reference": reference, "step": step, "updated_at": now().isoformat()},
                pk="reference",
            )

    def position(self, reference: str) -> str | None:
        with self.errors():
            row = self.db.execute("select step from positions where reference = ?",
                                  [reference]).fetchone()
        return str(row[0]) if row else None

    # --- drafts: text typed but not yet submitted ---------------------------------------

    def save_draft(self, reference: str, field: str, text: str) -> None:
        with self.write():
            self.db.table("drafts").upsert(
                {"reference": reference, "field": field, "text": text,
                 "updated_at": now().isoformat()},
                pk=("reference", "field"),
            )

    def drafts(self, reference: str) -> dict[str, str]:
        with self.errors():
            rows = self.db.execute(
                "select field, text from drafts where reference = ?", [reference]
            ).fetchall()
        return {field: text for field, text in rows}

    def clear_draft(self, reference: str, field: str) -> None:
        with self.write():
            self.db.execute(
                "delete from drafts where reference = ? and field = ?", [reference, field]
            )


