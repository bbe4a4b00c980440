"""Checksums of the audit tables: what a stored sample holds, as it was written.

SQLite checks its own structure, not the values in it: a changed byte inside a row reads
as a different wording, group or number. So, like each case revision, each stored form
carries a SHA-256 over its row and every need row it owns (wording, services, analysis,
group), and each sample, group and undo or redo step one over its own row.
:class:`~assistant.audit.repository.AuditStore` seals the rows each write changed before
it commits; :func:`audit_damage` compares, for its reads and for
:meth:`~assistant.store.Store.check` before any write.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlite_utils import Database

from assistant.textsafe import printable

CHUNK = 900
"""Ids per statement: below SQLite's old limit of 999 bound parameters."""

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


def _blob(value: Any) -> Any:
    """Bytes (a text cell damaged into a blob) as JSON can carry them; json.dumps asks
    only for values it cannot write itself."""
    if isinstance(value, bytes):
        return {"blob": value.hex()}
    raise TypeError(f"cannot checksum a {type(value).__name__}")


def rows_checksum(rows: Iterable[Sequence[Any]]) -> str:
    """The SHA-256 of rows of column values, in order, hex: the value and its type, so a
    number damaged into text (or the reverse) does not match either."""
    text = json.dumps([list(row) for row in rows], ensure_ascii=True, default=_blob)
    return hashlib.sha256(text.encode()).hexdigest()


def chunks(ids: Iterable[int]) -> Iterator[tuple[list[int], str]]:
    """Ids in chunks an SQL ``in (...)`` takes, each with its question marks."""
    items = sorted(set(ids))
    for start in range(0, len(items), CHUNK):
        chunk = items[start:start + CHUNK]
        yield chunk, ",".join("?" * len(chunk))


def _form_sums(db: Database, form_ids: Iterable[int]) -> Iterator[tuple[tuple[Any, ...], str]]:
    """(form row, the checksum its rows add up to now) for each of ``form_ids`` stored."""
    for chunk, marks in chunks(form_ids):
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
    for chunk, marks in chunks(ids):
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
