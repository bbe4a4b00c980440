"""Audit samples: pooled audit forms, their needs and the Need Groups they are shuffled into.

Lives in the same SQLite file as the cases (open a :class:`~assistant.store.Store` and pass
it in), with its own migration set, so an audit never touches case data. A form's identity
is (case reference, auditor, audit date), the key the pooled CSV groups rows by: importing
the same form twice adds nothing, and a different form under an identity already stored is
reported rather than silently merged (``audit add --replace`` replaces it).

Every SQL statement on the audit tables is here: the shuffle (:mod:`assistant.needgroups`)
and the screens call methods, so what the tables hold, and how it is checked, is decided
in one place. Reading forms from files is :mod:`assistant.audit.readers`.

Like each case revision, each stored form carries a SHA-256 checksum, over its row and
every need row it owns (the wording, services, analysis and group of each); so does each
sample, group and undo or redo step. Every write seals the rows it changed before it
commits; reads and the store's integrity check (:meth:`~assistant.store.Store.check`,
before any write) compare them, so a changed byte is reported as "audit form N" damaged
rather than shuffled, reported or written over.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database, Migrations

from assistant.audit.readers import Problem
from assistant.model import now
from assistant.store import StoreError
from assistant.textsafe import clean_text, printable

if TYPE_CHECKING:
    from assistant.audit.form import AuditForm
    from assistant.store import Store

migrations = Migrations("needs-led-audit")


@migrations()
def m001_samples_forms_needs_groups(db: Database) -> None:
    db.table("audit_samples").create(
        {"id": int, "name": str, "created_at": str}, pk="id", not_null={"name"}
    )
    db.table("audit_samples").create_index(["name"], unique=True)
    db.table("audit_forms").create(
        {"id": int, "sample_id": int, "identity": str, "digest": str, "case_reference": str,
         "auditor": str, "audit_date": str, "level_of_need": int, "body": str, "source": str,
         "imported_at": str},
        pk="id", foreign_keys=[("sample_id", "audit_samples", "id")],
    )
    db.table("audit_forms").create_index(["sample_id", "identity"], unique=True)
    db.table("audit_groups").create(
        {"id": int, "sample_id": int, "name": str, "description": str, "notes": str,
         "theme": str, "created_at": str},
        pk="id", foreign_keys=[("sample_id", "audit_samples", "id")],
    )
    db.table("audit_needs").create(
        {"id": int, "sample_id": int, "form_id": int, "position": int, "holder": str,
         "holder_kind": str, "wording": str, "seriousness": str, "status": str,
         "services": str, "tokens": str, "theme": str, "reason": str, "alternatives": str,
         "group_id": int},
        pk="id",
        foreign_keys=[("form_id", "audit_forms", "id"), ("sample_id", "audit_samples", "id")],
    )
    db.table("audit_needs").create_index(["sample_id", "group_id"])
    db.table("audit_needs").create_index(["form_id", "position"], unique=True)
    db.table("audit_undo").create(
        {"id": int, "sample_id": int, "label": str, "before": str, "at": str}, pk="id"
    )


@migrations()
def m002_coach_kinds(db: Database) -> None:
    """The kinds the wording coach flags on each need (service, universal...), as JSON."""
    db.table("audit_needs").add_column("kinds", str)


@migrations()
def m003_parking_groups(db: Database) -> None:
    """A group the audit group marks "not a Need Group" (a parking place for needs to
    discuss): kept in the shuffle, left out of the report's Need Groups."""
    db.table("audit_groups").add_column("parking", int, not_null_default=0)
    db.table("audit_redo").create(
        {"id": int, "sample_id": int, "label": str, "after": str, "at": str}, pk="id")
    db.table("audit_samples").add_column("deleted_at", str)


@migrations()
def m004_checksums(db: Database) -> None:
    """A SHA-256 of every form (over its row and its need rows), sample, group and undo
    or redo step, so damage to any of them is noticed (see :func:`audit_damage`).

    Rows stored before this migration get theirs from what they hold now: the best that
    can be known, and any change from here on is caught.
    """
    for table in ("audit_forms", *SEALED_ROWS):
        db.table(table).add_column("checksum", str)
    seal_forms(db, [r[0] for r in db.execute("select id from audit_forms")])
    for table in SEALED_ROWS:
        seal_rows(db, table, [r[0] for r in db.execute(f"select id from {table}")])


def _new_id(last_pk: Any) -> int:
    """The id SQLite gave the row just inserted (sqlite-utils types it as optional)."""
    if last_pk is None:
        raise AuditError("the database did not say which row it stored")
    return int(last_pk)


# --- checksums ---------------------------------------------------------------------------
# Explicit column lists, not "select *": a column added later changes no checksum until a
# migration adds it here and seals every row again.

FORM_COLUMNS = ("id", "sample_id", "identity", "digest", "case_reference", "auditor",
                "audit_date", "level_of_need", "body", "source", "imported_at")
NEED_COLUMNS = ("id", "sample_id", "form_id", "position", "holder", "holder_kind", "wording",
                "seriousness", "status", "services", "tokens", "theme", "reason",
                "alternatives", "group_id", "kinds")
SEALED_ROWS: dict[str, tuple[str, ...]] = {
    "audit_samples": ("id", "name", "created_at", "deleted_at"),
    "audit_groups": ("id", "sample_id", "name", "description", "notes", "theme",
                     "created_at", "parking"),
    "audit_undo": ("id", "sample_id", "label", "before", "at"),
    "audit_redo": ("id", "sample_id", "label", "after", "at"),
}
"""Tables whose rows stand alone, each sealed by a checksum of its own columns."""


def _plain(value: Any) -> Any:
    """A value as JSON can carry it: bytes (a text cell damaged into a blob) as hex."""
    return {"blob": value.hex()} if isinstance(value, bytes) else value


def rows_checksum(rows: Iterable[Sequence[Any]]) -> str:
    """The SHA-256 of rows of column values, in order, hex: the value and its type, so a
    number damaged into text (or the reverse) does not match either."""
    digest_ = hashlib.sha256()
    for row in rows:
        digest_.update(json.dumps([_plain(v) for v in row], ensure_ascii=True).encode())
        digest_.update(b"\n")
    return digest_.hexdigest()


def _chunks(ids: Iterable[int]) -> Iterator[tuple[list[int], str]]:
    """Ids in chunks an SQL ``in (...)`` takes, each with its question marks."""
    items = sorted(set(ids))
    for start in range(0, len(items), _CHUNK):
        chunk = items[start:start + _CHUNK]
        yield chunk, ",".join("?" * len(chunk))


def _form_sums(db: Database, form_ids: Iterable[int]) -> Iterator[tuple[tuple[Any, ...], str]]:
    """(form row, the checksum its rows add up to now) for each of ``form_ids`` stored."""
    for chunk, marks in _chunks(form_ids):
        needs: dict[Any, list[tuple[Any, ...]]] = {}
        for row in db.execute(f"select {', '.join(NEED_COLUMNS)} from audit_needs "
                              f"where form_id in ({marks}) order by form_id, position, id",
                              chunk):
            needs.setdefault(row[2], []).append(tuple(row))
        for row in db.execute(f"select {', '.join(FORM_COLUMNS)}, checksum from audit_forms "
                              f"where id in ({marks})", chunk):
            yield tuple(row), rows_checksum([row[:-1], *needs.get(row[0], [])])


def seal_forms(db: Database, form_ids: Iterable[int]) -> None:
    """Store each form's checksum over its row and its need rows as they are now."""
    db.conn.executemany("update audit_forms set checksum = ? where id = ?",
                        [(sum_, row[0]) for row, sum_ in _form_sums(db, form_ids)])


def seal_rows(db: Database, table: str, ids: Iterable[int]) -> None:
    """Store the checksum of each row of a :data:`SEALED_ROWS` table as it is now."""
    columns = ", ".join(SEALED_ROWS[table])
    for chunk, marks in _chunks(ids):
        rows = db.execute(f"select {columns} from {table} where id in ({marks})",
                          chunk).fetchall()
        db.conn.executemany(f"update {table} set checksum = ? where id = ?",
                            [(rows_checksum([row]), row[0]) for row in rows])


_MISMATCH = "it does not match its checksum"


def _row_name(table: str, row: Sequence[Any]) -> str:
    return {"audit_samples": f"audit sample '{printable(str(row[1]))}'",
            "audit_groups": f"audit group {row[0]}",
            "audit_undo": f"undo step {row[0]} of an audit sample",
            "audit_redo": f"redo step {row[0]} of an audit sample"}[table]


def audit_damage(db: Database, sample_ids: Iterable[int] | None = None
                 ) -> tuple[str, str] | None:
    """What is damaged in the audit tables (of ``sample_ids``, or all), and why, or None:
    ("audit form 3 (case 'NL-2026-004')", "it does not match its checksum").

    Each form's checksum against its row and need rows, and each sample, group and undo
    or redo row against its own; a need row whose form is gone is damage too (a changed
    byte in its form number). A checksum missing where the column exists is damage: every
    write stores one, and the migration that added the column stored one for every row.
    Tables and columns a file does not have yet (before the migrations) are skipped.
    """
    tables = set(db.table_names())
    if "audit_forms" not in tables:
        return None
    wanted = None if sample_ids is None else sorted(set(sample_ids))
    where = "" if wanted is None else f" where sample_id in ({','.join('?' * len(wanted))})"
    args = wanted or []
    if "checksum" not in db.table("audit_forms").columns_dict:
        return None
    form_ids = [r[0] for r in db.execute(f"select id from audit_forms{where}", args)]
    for row, sum_ in _form_sums(db, form_ids):
        if row[-1] != sum_:
            return f"audit form {row[0]} (case '{printable(str(row[4]))}')", _MISMATCH
    orphan = db.execute(
        f"select id from audit_needs{where}{' and' if where else ' where'} (form_id is null "
        "or form_id not in (select id from audit_forms)) limit 1", args).fetchone()
    if orphan is not None:
        return f"audit need {orphan[0]}", "it belongs to no stored audit form"
    for table, columns in SEALED_ROWS.items():
        if table not in tables or "checksum" not in db.table(table).columns_dict:
            continue
        key = "id" if table == "audit_samples" else "sample_id"
        mine = "" if wanted is None else f" where {key} in ({','.join('?' * len(wanted))})"
        for row in db.execute(f"select {', '.join(columns)}, checksum from {table}{mine}",
                              args):
            if row[-1] != rows_checksum([row[:-1]]):
                return _row_name(table, row), _MISMATCH
    return None


class AuditError(StoreError):
    """A one-line problem with a sample (unknown name, name taken...): exit status 1."""


@dataclass
class ImportResult:
    added: int = 0
    replaced: int = 0
    duplicates: int = 0
    problems: list[Problem] = field(default_factory=list)


def identity(form: AuditForm) -> str:
    return f"{form.case_reference}\x1f{form.auditor}\x1f{form.audit_date.isoformat()}"


def digest(form: AuditForm) -> str:
    return hashlib.sha256(form.model_dump_json().encode()).hexdigest()


# --- the store -------------------------------------------------------------------------


@dataclass(frozen=True)
class Sample:
    id: int
    name: str
    created_at: str
    forms: int
    needs: int
    groups: int


class AuditStore:
    """Samples, forms, needs and groups in the case store's SQLite file."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.db = store.db
        self._dirty: dict[str, set[int]] | None = None
        # sample id -> the file's data_version when its rows were last found whole
        self._verified: dict[int | None, int] = {}
        with store.errors():
            store.migrate(migrations, what="its audit samples", error=AuditError)

    @contextmanager
    def write(self) -> Iterator[None]:
        """A write transaction that turns SQLite failures into one-line StoreErrors, and
        seals (checksums) every row it changed before it commits. The first write of a
        store checks the whole file first (:meth:`Store.check`), so no damaged row is
        ever sealed as if it were whole. Inside another write, it joins that one."""
        if self._dirty is not None:
            yield
            return
        with self.store.write():
            self._dirty = {"forms": set(), "needs": set(), **{t: set() for t in SEALED_ROWS}}
            try:
                yield
                self._seal()
            finally:
                self._dirty = None

    def _touch(self, what: str, ids: Iterable[int]) -> None:
        """Mark rows changed in this write: "forms", "needs" (their forms are sealed) or
        a :data:`SEALED_ROWS` table."""
        if self._dirty is None:
            raise RuntimeError("audit rows changed outside AuditStore.write()")
        self._dirty[what].update(int(i) for i in ids)

    def _seal(self) -> None:
        assert self._dirty is not None
        forms = set(self._dirty.pop("forms"))
        for chunk, marks in _chunks(self._dirty.pop("needs")):
            forms.update(r[0] for r in self.db.execute(
                f"select distinct form_id from audit_needs where id in ({marks})", chunk))
        seal_forms(self.db, forms)
        for table, ids in self._dirty.items():
            seal_rows(self.db, table, ids)

    def verify(self, sample_id: int | None = None) -> None:
        """Refuse to read a damaged sample (or, with None, damaged audit tables): one
        line naming the form, sample or group, like a damaged case revision.

        Checked once per sample until another program (or another connection) writes to
        the file: SQLite's ``data_version`` says when; this connection's own writes seal
        what they change.
        """
        if self._dirty is not None:
            return  # inside a write: checked before it began, sealed when it commits
        with self.store.errors():
            version = int(self.db.execute("pragma data_version").fetchone()[0])
            if self._verified.get(sample_id) == version:
                return
            problem = audit_damage(self.db, None if sample_id is None else [sample_id])
        if problem:
            what, why = problem
            raise AuditError(f"{self.store.path}: {what} is damaged ({why}); it was left "
                             "untouched (keep a copy of the file and go back to a backup)",
                             "damaged")
        self._verified[sample_id] = version

    # --- samples --------------------------------------------------------------------

    def new_sample(self, name: str) -> int:
        """A new, empty sample. Its name is typed again in every command, so it must be
        printable: control characters (an ESC from a pasted colour code) are refused."""
        name = unicodedata.normalize("NFC", name.strip())
        if not name or len(name) > 80:
            raise AuditError("a sample name must be 1-80 characters")
        if clean_text(name) != name or "\t" in name or "\n" in name:
            raise AuditError(f"a sample name cannot contain control characters, tabs or line "
                             f"breaks ('{printable(name)}' was typed)")
        with self.write():
            if self._sample_row(name) is not None:
                raise AuditError(f"there is already a sample called '{name}'")
            deleted = self._sample_row(name, deleted=True)
            if deleted is not None:  # the name is taken again: the deleted one goes for good
                self._purge(int(deleted[0]))
            sample_id = _new_id(self.db.table("audit_samples").insert(
                {"name": name, "created_at": now().isoformat()}).last_pk)
            self._touch("audit_samples", [sample_id])
            return sample_id

    def _sample_row(self, name: str, deleted: bool = False) -> tuple[int, str] | None:
        """The sample called ``name``, however its accents were composed when typed (or,
        with ``deleted``, the deleted sample of that name, which can be restored)."""
        state = "is not null" if deleted else "is null"
        return self.db.execute(
            f"select id, name from audit_samples where name = ? and deleted_at {state}",
            [unicodedata.normalize("NFC", name.strip())]).fetchone()

    def delete_sample(self, name: str) -> None:
        """Delete a sample: hidden at once, kept until its name is used again, so
        :meth:`restore_sample` can bring it back whole."""
        sample_id = self.sample_id(name)
        with self.write():
            self.db.execute("update audit_samples set deleted_at = ? where id = ?",
                            [now().isoformat(), sample_id])
            self._touch("audit_samples", [sample_id])

    def restore_sample(self, name: str) -> None:
        """Undo :meth:`delete_sample`."""
        with self.write():
            row = self._sample_row(name, deleted=True)
            if row is None:
                raise AuditError(f"there is no deleted sample called '{printable(name)}'")
            self.db.execute("update audit_samples set deleted_at = null where id = ?",
                            [row[0]])
            self._touch("audit_samples", [row[0]])

    def _purge(self, sample_id: int) -> None:
        for table in ("audit_needs", "audit_forms", "audit_groups", "audit_undo",
                      "audit_redo"):
            self.db.execute(f"delete from {table} where sample_id = ?", [sample_id])
        self.db.execute("delete from audit_samples where id = ?", [sample_id])

    def sample_id(self, name: str) -> int:
        with self.store.errors():
            row = self._sample_row(name)
        if row is None:
            known = [printable(s.name) for s in self.samples()]
            hint = f" (samples: {', '.join(known)})" if known else " (run 'audit new NAME')"
            raise AuditError(f"no audit sample called '{printable(name)}'{hint}")
        self.verify(int(row[0]))
        return int(row[0])

    def samples(self) -> list[Sample]:
        self.verify()
        with self.store.errors():
            rows = self.db.execute(
                "select s.id, s.name, s.created_at,"
                " (select count(*) from audit_forms f where f.sample_id = s.id),"
                " (select count(*) from audit_needs n where n.sample_id = s.id),"
                " (select count(*) from audit_groups g where g.sample_id = s.id)"
                " from audit_samples s where s.deleted_at is null order by s.name"
            ).fetchall()
        return [Sample(*row) for row in rows]

    # --- forms ----------------------------------------------------------------------

    def add_forms(self, sample_id: int, forms: Iterable[AuditForm], source: str,
                  result: ImportResult | None = None, replace: bool = False) -> ImportResult:
        """Store new forms and their needs in one transaction; identical forms are skipped.

        A form whose identity is stored with different content is reported and kept as
        stored, unless ``replace``: then the stored form and its needs are replaced. A
        replacing need worded exactly as one of the old form's needs (same holder too)
        keeps that need's group and analysis, so correcting one need does not undo the
        audit group's sorting of the others.
        """
        result = result or ImportResult()
        stamp = now().isoformat()
        with self.write():
            known = {key: (form_id, body_digest) for form_id, key, body_digest in
                     self.db.execute("select id, identity, digest from audit_forms"
                                     " where sample_id = ?", [sample_id]).fetchall()}
            form_rows: list[dict[str, Any]] = []
            pending: list[AuditForm] = []
            # a replacing form's index in pending -> what its old needs carry over
            kept: dict[int, dict[tuple[str, str], dict[str, Any]]] = {}
            for form in forms:
                key, body_digest = identity(form), digest(form)
                if key in known:
                    old_id, old_digest = known[key]
                    if old_digest == body_digest:
                        result.duplicates += 1
                        continue
                    if old_id is None:
                        result.problems.append(Problem(
                            source, None,
                            f"case {form.case_reference} ({form.auditor or 'no auditor'}, "
                            f"{form.audit_date}) appears twice with different content; "
                            "the first was kept"))
                        continue
                    if not replace:
                        result.problems.append(Problem(
                            source, None,
                            f"case {form.case_reference} ({form.auditor or 'no auditor'}, "
                            f"{form.audit_date}) was already imported with different content; "
                            "the stored form was kept (add --replace to replace it)"))
                        continue
                    kept[len(pending)] = self._remove_form(old_id)
                    result.replaced += 1
                known[key] = (None, body_digest)
                pending.append(form)
                form_rows.append({
                    "sample_id": sample_id, "identity": key, "digest": body_digest,
                    "case_reference": form.case_reference, "auditor": form.auditor,
                    "audit_date": form.audit_date.isoformat(),
                    "level_of_need": form.level_of_need, "body": form.model_dump_json(),
                    "source": source, "imported_at": stamp,
                })
            if not pending:
                return result
            first = (self.db.execute("select coalesce(max(id), 0) from audit_forms")
                     .fetchone()[0]) + 1
            first_need = (self.db.execute("select coalesce(max(id), 0) from audit_needs")
                          .fetchone()[0]) + 1
            for offset, row in enumerate(form_rows):
                row["id"] = first + offset
            need_rows: list[dict[str, Any]] = []
            for offset, form in enumerate(pending):
                old = kept.get(offset, {})
                for position, need in enumerate(form.needs, 1):
                    need_rows.append({
                        "id": first_need + len(need_rows), "sample_id": sample_id,
                        "form_id": first + offset, "position": position,
                        "holder": need.holder, "holder_kind": need.holder_kind,
                        "wording": need.wording, "seriousness": need.seriousness,
                        "status": need.status, "services": json.dumps(need.services),
                        "tokens": None, "theme": None, "reason": None, "alternatives": None,
                        "group_id": None, "kinds": None,
                    } | old.pop((need.holder, need.wording), {}))
            self._insert("audit_forms", form_rows)
            self._insert("audit_needs", need_rows)
            self._touch("forms", [row["id"] for row in form_rows])
            result.added += len(pending) - len(kept)
        return result

    def _remove_form(self, form_id: int) -> dict[tuple[str, str], dict[str, Any]]:
        """Delete a form and its needs; return each need's group and analysis by wording."""
        carried = ("tokens", "theme", "reason", "alternatives", "group_id", "kinds")
        old: dict[tuple[str, str], dict[str, Any]] = {}
        for row in self.db.table("audit_needs").rows_where("form_id = ?", [form_id],
                                                      order_by="position"):
            old.setdefault((row["holder"], row["wording"]), {c: row[c] for c in carried})
        self.db.execute("delete from audit_needs where form_id = ?", [form_id])
        self.db.execute("delete from audit_forms where id = ?", [form_id])
        return old

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        """Plain executemany: sqlite-utils' insert_all is several times slower at 50,000 rows."""
        if not rows:  # a form with no needs yet (the app exports one for a new case)
            return
        columns = list(rows[0])
        sql = (f"insert into {table} ({', '.join(columns)}) "
               f"values ({', '.join('?' * len(columns))})")
        self.db.conn.executemany(sql, [[row[c] for c in columns] for row in rows])

    def forms(self, sample_id: int) -> list[dict[str, Any]]:
        self.verify(sample_id)
        with self.store.errors():
            return [dict(r) for r in self.db.table("audit_forms").rows_where(
                "sample_id = ?", [sample_id], order_by="case_reference, audit_date, id")]

    def needs(self, sample_id: int, *, form_id: int | None = None,
              group_id: int | None = None, unsorted: bool = False,
              need_id: int | None = None) -> list[dict[str, Any]]:
        """The sample's needs in form order, all or those of one form, one group, none
        (``unsorted``) or one id; services, alternatives and kinds decoded from JSON."""
        where, args = ["sample_id = ?"], [sample_id]
        for column, value in (("form_id", form_id), ("group_id", group_id), ("id", need_id)):
            if value is not None:
                where.append(f"{column} = ?")
                args.append(value)
        if unsorted:
            where.append("group_id is null")
        self.verify(sample_id)
        with self.store.errors():
            rows = list(self.db.table("audit_needs").rows_where(
                " and ".join(where), args, order_by="form_id, position"))
        for row in rows:
            row["services"] = json.loads(row["services"] or "[]")
            row["alternatives"] = json.loads(row["alternatives"] or "[]")
            row["kinds"] = None if row["kinds"] is None else json.loads(row["kinds"])
        return rows

    def groups(self, sample_id: int) -> list[dict[str, Any]]:
        """The sample's groups in the order they were made, each with its ``number``: the
        one numbering the shuffle, ``audit groups`` and the report all show."""
        self.verify(sample_id)
        with self.store.errors():
            rows = [dict(r) for r in self.db.table("audit_groups").rows_where(
                "sample_id = ?", [sample_id], order_by="id")]
        for number, row in enumerate(rows, 1):
            row["number"] = number
            row["parking"] = bool(row.get("parking"))
        return rows

    def save_analyses(self, rows: Iterable[dict[str, Any]]) -> None:
        """Store each need's analysis: id, tokens, theme, reason, alternatives, kinds."""
        rows = list(rows)
        with self.write():
            self.db.conn.executemany(
                "update audit_needs set tokens = ?, theme = ?, reason = ?, alternatives = ?,"
                " kinds = ? where id = ?",
                [(r["tokens"], r["theme"], r["reason"], json.dumps(r["alternatives"]),
                  None if r["kinds"] is None else json.dumps(r["kinds"]), r["id"])
                 for r in rows],
            )
            self._touch("needs", [r["id"] for r in rows])

    # --- the shuffle's rows: groups, placements, undo and redo --------------------------
    # Called by assistant.needgroups.Shuffle inside its own write(): these never open a
    # transaction, so one shuffle operation and its undo record commit together.

    _ROW_TABLES = ("audit_forms", "audit_needs", "audit_groups")

    def row(self, table: str, row_id: int) -> dict[str, Any] | None:
        """One whole row of a form, need or group by id (None if there is none)."""
        if table not in self._ROW_TABLES:
            raise ValueError(f"not an audit table with rows by id: {table}")
        cursor = self.db.execute(f"select * from {table} where id = ?", [row_id])
        found = cursor.fetchone()
        if found is None:
            return None
        return dict(zip([c[0] for c in cursor.description], found, strict=True))

    def need_groups(self, sample_id: int, need_ids: Iterable[int]) -> dict[int, int | None]:
        """Each of ``need_ids`` that is in the sample -> its group (None: unsorted)."""
        ids = list(need_ids)
        out: dict[int, int | None] = {}
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start:start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            out.update(self.db.execute(
                f"select id, group_id from audit_needs where sample_id = ? and id in ({marks})",
                [sample_id, *chunk]).fetchall())
        return out

    def need_group(self, need_id: int) -> int | None:
        """The group of one need, in whichever sample (None: unsorted or no such need)."""
        found = self.db.execute("select group_id from audit_needs where id = ?",
                                [need_id]).fetchone()
        return found[0] if found else None

    def needs_in_group(self, group_id: int) -> dict[int, int | None]:
        """The needs placed in a group, each -> that group (the shape undo records)."""
        return dict(self.db.execute(
            "select id, group_id from audit_needs where group_id = ?", [group_id]).fetchall())

    def need_ids_of_form(self, form_id: int, sample_id: int | None = None) -> list[int]:
        """The ids of a form's needs (only if the form is in ``sample_id``, when given)."""
        sql = "select id from audit_needs where form_id = ?"
        args: list[Any] = [form_id]
        if sample_id is not None:
            sql += " and sample_id = ?"
            args.append(sample_id)
        return [r[0] for r in self.db.execute(sql, args).fetchall()]

    def group_named(self, sample_id: int, name: str, except_id: int | None = None
                    ) -> int | None:
        """The sample's group called ``name`` (any case), other than ``except_id``."""
        found = self.db.execute(
            "select id from audit_groups where sample_id = ? and lower(name) = lower(?)"
            " and id != ?", [sample_id, name, except_id or 0]).fetchone()
        return int(found[0]) if found else None

    def theme_groups(self, sample_id: int) -> dict[str, int]:
        """Each theme id -> the sample's first group made for it."""
        return {t: g for g, t in self.db.execute(
            "select id, theme from audit_groups where sample_id = ? and theme is not null "
            "order by id desc", [sample_id]).fetchall()}

    def suggested_needs(self, sample_id: int, unsorted_only: bool
                        ) -> list[tuple[int, str, int | None]]:
        """(need id, suggested theme, group) of the sample's needs that have a suggestion."""
        sql = ("select id, theme, group_id from audit_needs where sample_id = ? and "
               "theme is not null" + (" and group_id is null" if unsorted_only else ""))
        return [(int(r[0]), str(r[1]), r[2]) for r in self.db.execute(sql, [sample_id])]

    def insert_group(self, sample_id: int, name: str, description: str = "", notes: str = "",
                     theme: str | None = None) -> int:
        """A new group; its id."""
        group_id = _new_id(self.db.table("audit_groups").insert({
            "sample_id": sample_id, "name": name, "description": description,
            "notes": notes, "theme": theme, "created_at": now().isoformat()}).last_pk)
        self._touch("audit_groups", [group_id])
        return group_id

    def update_group(self, group_id: int, change: dict[str, Any]) -> None:
        """Change some of a group's columns (name, description, notes, parking)."""
        self.db.table("audit_groups").update(group_id, change)
        self._touch("audit_groups", [group_id])

    def delete_group(self, group_id: int) -> None:
        """Remove a group row (its needs must have been moved first)."""
        self.db.execute("delete from audit_groups where id = ?", [group_id])

    def move_needs(self, need_ids: Iterable[int], group_id: int | None) -> None:
        """Place needs in a group (None: unsorted)."""
        ids = list(need_ids)
        self._touch("needs", ids)
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start:start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            self.db.execute(f"update audit_needs set group_id = ? where id in ({marks})",
                            [group_id, *chunk])

    def delete_form_rows(self, form_id: int) -> None:
        """Remove a form and its needs as they are (undo keeps the rows to put back)."""
        self.db.execute("delete from audit_needs where form_id = ?", [form_id])
        self.db.execute("delete from audit_forms where id = ?", [form_id])

    def restore_rows(self, state: dict[str, Any]) -> None:
        """Put groups, need placements and whole rows back as ``state`` (an undo or redo
        record: "groups", "needs" and "rows", as the shuffle keeps them) has them."""
        rows = state.get("rows", {})
        # whole rows first (a removed form and its needs), parents before children
        for table in ("audit_forms", "audit_needs"):
            for row in rows.get(table, {}).values():
                if row is not None:
                    self.db.table(table).upsert(row, pk="id")
                    self._touch("forms", [row["id"] if table == "audit_forms"
                                          else row["form_id"]])
        absent = []
        for key, group in state["groups"].items():
            if group is None:
                absent.append(int(key))
            else:
                self.db.table("audit_groups").upsert(group, pk="id")
                self._touch("audit_groups", [group["id"]])
        for need_id, group_id in state["needs"]:
            self.db.execute("update audit_needs set group_id = ? where id = ?",
                            [group_id, need_id])
            self._touch("needs", [need_id])
        for group_id in absent:
            self._touch("needs", self.needs_in_group(group_id))
            self.db.execute("update audit_needs set group_id = null where group_id = ?",
                            [group_id])
            self.db.execute("delete from audit_groups where id = ?", [group_id])
        for table in ("audit_needs", "audit_forms"):
            for key, row in rows.get(table, {}).items():
                if row is None:
                    self.db.execute(f"delete from {table} where id = ?", [int(key)])

    def push_step(self, kind: str, sample_id: int, label: str, state: dict[str, Any]) -> None:
        """Record an undo ("undo": the state before a change) or redo ("redo": the state
        after it) step; a new undo step made by a change (not by redo) ends redo, which
        the caller says with :meth:`clear_redo`."""
        table, column = _STEPS[kind]
        step_id = self.db.table(table).insert({
            "sample_id": sample_id, "label": label, column: json.dumps(state),
            "at": now().isoformat()}).last_pk
        self._touch(table, [_new_id(step_id)])

    def clear_redo(self, sample_id: int) -> None:
        self.db.execute("delete from audit_redo where sample_id = ?", [sample_id])

    def last_step(self, kind: str, sample_id: int) -> tuple[int, str, dict[str, Any]] | None:
        """The latest undo or redo step: (its id, its label, the state it restores)."""
        table, column = _STEPS[kind]
        self.verify(sample_id)
        found = self.db.execute(
            f"select id, label, {column} from {table} where sample_id = ? "
            "order by id desc limit 1", [sample_id]).fetchone()
        if found is None:
            return None
        return int(found[0]), str(found[1]), json.loads(found[2])

    def drop_step(self, kind: str, step_id: int) -> None:
        table, _ = _STEPS[kind]
        self.db.execute(f"delete from {table} where id = ?", [step_id])

    def step_labels(self, kind: str, sample_id: int) -> list[str]:
        """What undo (or redo) would do, latest first."""
        table, _ = _STEPS[kind]
        self.verify(sample_id)
        with self.store.errors():
            return [r[0] for r in self.db.execute(
                f"select label from {table} where sample_id = ? order by id desc",
                [sample_id]).fetchall()]

    def cases_per_group(self, sample_id: int) -> dict[int | None, int]:
        """Each group (None: unsorted) -> how many cases have a need in it: cases, not
        forms, so a case audited twice counts once, as in the report."""
        self.verify(sample_id)
        with self.store.errors():
            return dict(self.db.execute(
                "select n.group_id, count(distinct f.case_reference) from audit_needs n"
                " join audit_forms f on f.id = n.form_id where n.sample_id = ?"
                " group by n.group_id", [sample_id]).fetchall())


_CHUNK = 900
"""Ids per statement: below SQLite's old limit of 999 bound parameters."""

_STEPS = {"undo": ("audit_undo", "before"), "redo": ("audit_redo", "after")}
