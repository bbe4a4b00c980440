"""Cases in one SQLite file, every revision kept.

sqlite-utils 4 with its built-in :class:`~sqlite_utils.Migrations`; WAL; each save is one
``BEGIN IMMEDIATE`` transaction, so two processes saving different cases both succeed
(one waits for the other). The file is created readable and writable by its owner only.
Every failure the file system or SQLite can throw at us becomes a :class:`StoreError`
with one line a person can act on, and nothing already stored is touched.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database, Migrations

from assistant.errors import UserError
from assistant.model import Case, now

ENV_VAR = "NEEDS_LED_DB"
APP_NAME = "needs-led"

migrations = Migrations("needs-led")


@migrations()
def m001_cases_and_revisions(db: Database) -> None:
    db["cases"].create(
        {"reference": str, "created_at": str, "updated_at": str, "revision": int, "summary": str},
        pk="reference",
    )
    db["revisions"].create(
        {"id": int, "reference": str, "number": int, "saved_at": str, "note": str, "body": str},
        pk="id",
        foreign_keys=[("reference", "cases", "reference")],
    )
    db["revisions"].create_index(["reference", "number"], unique=True)


@migrations()
def m002_drafts(db: Database) -> None:
    db["drafts"].create(
        {"reference": str, "field": str, "text": str, "updated_at": str},
        pk=("reference", "field"),
    )


@migrations()
def m003_positions(db: Database) -> None:
    """Where the interview is in each case: kept beside the case, never in a revision, so
    moving around the interview changes nothing a history would show."""
    db["positions"].create({"reference": str, "step": str, "updated_at": str},
                           pk="reference")


class StoreError(UserError):
    """A one-line, actionable problem with the database file."""


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


def default_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "needs-led.db"


def resolve_path(arg: str | os.PathLike[str] | None = None) -> Path:
    chosen = arg or os.environ.get(ENV_VAR)
    return Path(chosen).expanduser() if chosen else default_path()


def summarise(case: Case) -> str:
    people = len(case.people)
    needs = len(case.needs)
    outcomes = sum(len(n.outcomes) for n in case.needs)
    work = sum(len(n.work) for n in case.needs)
    return f"{people} people, {needs} needs, {outcomes} outcomes, {work} work items"


def _translate(path: Path, exc: Exception) -> StoreError:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return StoreError(f"{path}: the database is busy or locked by another program; try again")
    if "readonly" in text or "read-only" in text:
        return StoreError(f"{path}: the database is read-only; nothing was saved")
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StoreError(
            f"{path}: this file is not a needs-led database or is damaged; it was left untouched"
        )
    if "unable to open" in text:
        return StoreError(f"{path}: the database cannot be opened (check the folder exists)")
    if isinstance(exc, OSError):
        return StoreError(f"{path}: {exc.strerror or exc}")
    return StoreError(f"{path}: database error: {exc}")


class Store:
    """The case store. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | os.PathLike[str] | None = None, *, timeout: float = 10.0):
        self.path = resolve_path(path)
        with self.errors():
            self._create_private()
            conn = sqlite3.connect(
                self.path, timeout=timeout, isolation_level=None, check_same_thread=False
            )
            self.db = Database(conn)
            try:
                self._check_ours()
                if self.db.execute("pragma journal_mode").fetchone()[0] != "wal":
                    self.db.execute("pragma journal_mode=wal")
                self.migrate(migrations)
            except BaseException:
                conn.close()
                raise

    # --- plumbing ----------------------------------------------------------------------

    def _create_private(self) -> None:
        if self.path.exists():
            if self.path.is_dir():
                raise StoreError(f"{self.path}: is a folder, not a database file")
            return
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
        os.chmod(self.path, 0o600)

    def _check_ours(self) -> None:
        """Refuse another program's SQLite file rather than add our tables to it."""
        tables = {row[0] for row in self.db.execute(
            "select name from sqlite_master where type = 'table'").fetchall()}
        if tables and not migrations.applied(self.db):
            raise StoreError(
                f"{self.path}: this is another program's SQLite database, not a needs-led "
                "one; it was left untouched (choose another file with --db)"
            )

    def migrate(self, migration_set: Migrations, what: str = "this database",
                error: type[StoreError] = StoreError) -> None:
        """Apply ``migration_set``'s pending migrations in one write transaction.

        A migration recorded in the file that this version does not know means a newer
        needs-led wrote it: refuse, and leave the file as it is.
        """
        known = {m.name for m in migration_set._migrations}
        applied = {m.name for m in migration_set.applied(self.db)}
        if applied - known:
            raise error(
                f"{self.path}: {what} was written by a newer needs-led; "
                "upgrade needs-led to open it (it was left untouched)"
            )
        if migration_set.pending(self.db):
            with self.write():
                migration_set.apply(self.db)

    @contextmanager
    def errors(self) -> Iterator[None]:
        """Turn SQLite and file-system errors inside the block into one-line StoreErrors."""
        try:
            yield
        except StoreError:
            raise
        except (sqlite3.Error, OSError) as exc:
            raise _translate(self.path, exc) from exc

    @contextmanager
    def write(self) -> Iterator[None]:
        """A write transaction that takes the lock up front, so writers queue, not fail;
        its SQLite errors become one-line StoreErrors like :meth:`errors`."""
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
        With ``expect`` (the revision the edit started from; 0 for a new case), a latest
        revision other than that raises :class:`RevisionConflict` and stores nothing, checked
        inside the write transaction so two writers cannot both pass it.
        """
        body = case.model_dump_json()
        stamp = now().isoformat()
        with self.write():
            row = self.db.execute(
                "select number, body from revisions where reference = ? "
                "order by number desc limit 1",
                [case.reference],
            ).fetchone()
            if row and row[1] == body:
                return int(row[0])
            latest = int(row[0]) if row else 0
            if expect is not None and latest != expect:
                raise RevisionConflict(case.reference, expect, latest)
            number = (row[0] if row else 0) + 1
            summary = summarise(case)
            cases = self.db["cases"]
            if row is None:
                cases.insert(
                    {"reference": case.reference, "created_at": stamp, "updated_at": stamp,
                     "revision": number, "summary": summary}
                )
            else:
                cases.update(
                    case.reference, {"updated_at": stamp, "revision": number, "summary": summary}
                )
            self.db["revisions"].insert(
                {"reference": case.reference, "number": number, "saved_at": stamp,
                 "note": note, "body": body}
            )
            return number

    def _body(self, reference: str, revision: int | None) -> str:
        sql = "select body from revisions where reference = ?"
        args: list[Any] = [reference]
        if revision is not None:
            sql += " and number = ?"
            args.append(revision)
        row = self.db.execute(sql + " order by number desc limit 1", args).fetchone()
        if row is None:
            if revision is not None and self.exists(reference):
                raise StoreError(f"case '{reference}' has no revision {revision}")
            raise StoreError(f"no case with reference '{reference}'")
        return str(row[0])

    def load(self, reference: str, revision: int | None = None) -> Case:
        with self.errors():
            return Case.model_validate_json(self._body(reference, revision))

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
            return list(self.db["cases"].rows_where(order_by="updated_at desc, reference"))

    def history(self, reference: str) -> list[Revision]:
        with self.errors():
            if not self.exists(reference):
                raise StoreError(f"no case with reference '{reference}'")
            rows = self.db.execute(
                "select number, saved_at, note, body from revisions where reference = ? "
                "order by number",
                [reference],
            ).fetchall()
        return [
            Revision(reference, n, saved, note, summarise(Case.model_validate_json(body)))
            for n, saved, note, body in rows
        ]

    def restore(self, reference: str, revision: int) -> int:
        """Make an earlier revision the latest again (as a new revision: nothing is lost)."""
        case = self.load(reference, revision)
        return self.save(case, note=f"restored revision {revision}")

    # --- where the interview is: beside the case, not in it ----------------------------

    def save_position(self, reference: str, step: str) -> None:
        with self.write():
            self.db["positions"].upsert(
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
            self.db["drafts"].upsert(
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


