"""Audit samples: pooled audit forms, their needs and the Need Groups they are shuffled into.

Lives in the same SQLite file as the cases (open a :class:`~assistant.store.Store` and pass
it in), with its own migration set, so an audit never touches case data. A form's identity
is (case reference, auditor, audit date), the key the pooled CSV groups rows by: importing
the same form twice adds nothing, and a different form under an identity already stored is
reported rather than silently merged (``audit add --replace`` replaces it). Reading files is
forgiving: a bad file or form is reported by file and line and everything else still
imports; a form with a bad CSV row is left out whole, never stored incomplete.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database, Migrations

from assistant.errors import Located, located
from assistant.model import now
from assistant.store import StoreError
from assistant.textsafe import clean_text, decode, printable

if TYPE_CHECKING:
    from pydantic import ValidationError

    from assistant.auditform import AuditForm
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


def _new_id(last_pk: Any) -> int:
    """The id SQLite gave the row just inserted (sqlite-utils types it as optional)."""
    if last_pk is None:
        raise AuditError("the database did not say which row it stored")
    return int(last_pk)


class AuditError(StoreError):
    """A one-line problem with a sample (unknown name, name taken...): exit status 1."""


@dataclass
class Problem:
    """One thing that could not be imported, and where it is: ``source`` (the file),
    ``line`` and ``column`` (1-based, or None); ``str()`` is "source:line: message"."""

    source: str
    line: int | None
    message: str
    column: int | None = None

    def __str__(self) -> str:
        return located(self.message, self.source, self.line, self.column)


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


# --- reading files ---------------------------------------------------------------------


def describe_errors(exc: ValidationError, first_need: int = 1) -> str:
    """Pydantic errors as 'need 2, wording: ...', joined: one readable line per form.

    ``first_need`` is the number of the form's first need in what was validated: a CSV
    row is validated as a one-need form, yet it may be the form's third need.
    """
    parts = []
    for error in exc.errors():
        where: list[str] = []
        for part in error["loc"]:
            if isinstance(part, int) and where:
                offset = first_need if where[-1] == "needs" else 1
                where[-1] = f"{where[-1].rstrip('s')} {part + offset}"
            elif isinstance(part, str):
                where.append(part.replace("_", " "))
        message = error["msg"].removeprefix("Value error, ")
        parts.append(f"{', '.join(where)}: {message}" if where else message)
    return "; ".join(parts)


class _JsonProblem(Located, ValueError):
    """A problem reading JSON, at a 1-based line (and column, where the decoder says)."""

    def __init__(self, line: int, message: str, column: int | None = None) -> None:
        super().__init__(message)
        self._place(message, line=line, column=column)


def _json_values(text: str) -> Iterator[tuple[int, Any]]:
    """Each top-level value (or array element) with its 1-based line: JSON, arrays, JSONL."""
    decoder = json.JSONDecoder()
    index, end = 0, len(text)

    def skip(i: int, extra: str = "") -> int:
        while i < end and (text[i].isspace() or text[i] in extra):
            i += 1
        return i

    index = skip(index)
    in_array = index < end and text[index] == "["
    if in_array:
        index += 1
    line, counted = 1, 0  # lines counted incrementally: one pass over a large file
    while True:
        index = skip(index, "," if in_array else "")
        if index >= end:
            if in_array:
                raise _JsonProblem(text.count("\n") + 1, "the list is not closed with ]")
            return
        if in_array and text[index] == "]":
            return
        line += text.count("\n", counted, index)
        counted = index
        try:
            value, index = decoder.raw_decode(text, index)
        except json.JSONDecodeError as exc:
            raise _JsonProblem(exc.lineno, f"not valid JSON ({exc.msg})", exc.colno) from None
        except ValueError:  # a number past Python's 4,300-digit limit on reading integers
            raise _JsonProblem(line, "not valid JSON (a number too long to read)") from None
        yield line, value


def read_json_forms(source: str, text: str) -> tuple[list[AuditForm], list[Problem]]:
    from pydantic import ValidationError

    from assistant.auditform import AuditForm

    forms: list[AuditForm] = []
    problems: list[Problem] = []
    try:
        for line, value in _json_values(text):
            items = value.get("forms") if isinstance(value, dict) and "forms" in value else None
            for item in items if isinstance(items, list) else [value]:
                try:
                    forms.append(AuditForm.model_validate(item))
                except ValidationError as exc:
                    problems.append(Problem(source, line, describe_errors(exc)))
    except _JsonProblem as exc:
        problems.append(Problem(source, exc.line, exc.message, exc.column))
    except RecursionError:
        # Python's JSON decoder recurses once per nested [ or {: thousands of them are no
        # audit form, and must not stop the other files being read.
        problems.append(Problem(source, None, "not valid JSON (nested too deeply to be an "
                                              "audit form)"))
    return forms, problems


def read_csv_forms(source: str, text: str) -> tuple[list[AuditForm], list[Problem]]:
    """Forms from pooled CSV rows; a form with any bad row is not imported at all.

    Rows are grouped into forms by (case reference, auditor, audit date), then each row is
    checked on its own so a problem is reported at its own line, naming its need. Keeping
    the rest of a form whose row was bad would store an incomplete form under the form's
    identity, and the corrected file would then be "different content": so the whole form
    is left out, and importing the corrected file adds it.
    """
    from pydantic import ValidationError

    from assistant.auditform import REQUIRED_CSV_COLUMNS, CsvError, forms_from_csv

    problems: list[Problem] = []
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        return [], [Problem(source, 1, "empty file, or not CSV")]
    missing = [c for c in REQUIRED_CSV_COLUMNS if c not in header]
    if missing:
        return [], [Problem(source, 1, f"missing column(s): {', '.join(missing)}")]
    head = io.StringIO()
    csv.writer(head, lineterminator="\n").writerow(header)
    key_columns = [header.index(c) for c in ("case_reference", "auditor", "audit_date")]
    # identity cells -> [(first line, row)], in file order
    groups: dict[tuple[str, ...], list[tuple[int, list[str]]]] = {}
    line = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(Problem(source, reader.line_num,
                                    f"not readable as CSV ({exc}); nothing imported from "
                                    "this file"))
            return [], problems
        line_start, line = line + 1, reader.line_num
        # a bare CR inside a quoted cell (an old Mac or a spreadsheet's line break) is a
        # line break: re-written unquoted below, it would no longer read as one cell
        row = [cell.replace("\r\n", "\n").replace("\r", "\n") for cell in row]
        if not any(cell.strip() for cell in row):
            continue
        if len(row) <= max(key_columns):
            problems.append(Problem(source, line_start,
                                    f"{len(row)} cells where the header has {len(header)}"))
            continue
        key = tuple(_undefuse_cell(row[i]).strip() for i in key_columns)
        groups.setdefault(key, []).append((line_start, row))

    forms: list[AuditForm] = []
    for rows in groups.values():
        parts: list[AuditForm] = []
        bad: list[Problem] = []
        for position, (line_start, row) in enumerate(rows, 1):
            if len(row) != len(header):
                bad.append(Problem(source, line_start,
                                   f"{len(row)} cells where the header has {len(header)}"))
                continue
            one = io.StringIO()
            csv.writer(one, lineterminator="\n").writerow(row)
            number = _need_number(row, header, position)
            try:
                (form,) = forms_from_csv(head.getvalue() + one.getvalue())
            except CsvError as exc:
                bad.append(Problem(source, line_start, exc.detail))
            except ValidationError as exc:
                bad.append(Problem(source, line_start, describe_errors(exc, first_need=number)))
            except (csv.Error, ValueError) as exc:  # not a form: reported, never a traceback
                bad.append(Problem(source, line_start, f"not readable ({exc})"))
            else:
                parts.append(form)
        if bad:
            case_reference = rows[0][1][key_columns[0]] or "with no reference"
            note = (f"; case {case_reference} was not imported (fix this row and "
                    "import the file again)")
            problems.extend(Problem(p.source, p.line, p.message + note, p.column) for p in bad)
            continue
        forms.append(parts[0].model_copy(
            update={"needs": [need for part in parts for need in part.needs]}))
    problems.sort(key=lambda p: p.line or 0)
    return forms, problems


def _undefuse_cell(cell: str) -> str:
    from assistant.auditform import _undefuse

    return _undefuse(cell)


def _need_number(row: list[str], header: list[str], position: int) -> int:
    """The row's need number as written in it, else its position among the form's rows."""
    cell = row[header.index("need_number")].strip()
    # isdigit() alone accepts '²', which int() does not; and a number of thousands of
    # digits is no need number (Python refuses to read past 4,300 digits)
    return int(cell) if cell.isascii() and cell.isdigit() and len(cell) <= 6 else position


def read_forms(source: str, data: bytes) -> tuple[list[AuditForm], list[Problem]]:
    """Forms in a JSON, JSON-lines, CSV or .xlsx file, and the problems found in it."""
    from assistant.paperforms import is_xlsx, xlsx_to_csv

    if is_xlsx(source, data):
        try:
            return read_csv_forms(source, xlsx_to_csv(data))
        except ValueError as exc:
            return [], [Problem(source, None, str(exc))]
    try:
        text = decode(data)  # UTF-8, or UTF-8/16/32 with a byte-order mark
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return [], [Problem(source, line, "not UTF-8 text")]
    stripped = text.lstrip("\ufeff \t\r\n")
    if not stripped:
        return [], [Problem(source, None, "empty file")]
    if source.lower().endswith((".json", ".jsonl")) or stripped[0] in "[{":
        return read_json_forms(source, text.lstrip("\ufeff"))
    return read_csv_forms(source, text)


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
        with store.errors():
            store.migrate(migrations, what="its audit samples", error=AuditError)

    def write(self) -> Any:
        """A write transaction that turns SQLite failures into one-line StoreErrors."""
        return self.store.write()

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
            return _new_id(self.db.table("audit_samples").insert(
                {"name": name, "created_at": now().isoformat()}).last_pk)

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

    def restore_sample(self, name: str) -> None:
        """Undo :meth:`delete_sample`."""
        with self.write():
            row = self._sample_row(name, deleted=True)
            if row is None:
                raise AuditError(f"there is no deleted sample called '{printable(name)}'")
            self.db.execute("update audit_samples set deleted_at = null where id = ?",
                            [row[0]])

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
        return int(row[0])

    def samples(self) -> list[Sample]:
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
        with self.store.errors():
            return [dict(r) for r in self.db.table("audit_forms").rows_where(
                "sample_id = ?", [sample_id], order_by="case_reference, audit_date, id")]

    def needs(self, sample_id: int, where: str = "", args: Iterable[Any] = ()
              ) -> list[dict[str, Any]]:
        sql = "sample_id = ?" + (f" and ({where})" if where else "")
        with self.store.errors():
            rows = list(self.db.table("audit_needs").rows_where(
                sql, [sample_id, *args], order_by="form_id, position"))
        for row in rows:
            row["services"] = json.loads(row["services"] or "[]")
            row["alternatives"] = json.loads(row["alternatives"] or "[]")
            row["kinds"] = None if row["kinds"] is None else json.loads(row["kinds"])
        return rows

    def groups(self, sample_id: int) -> list[dict[str, Any]]:
        """The sample's groups in the order they were made, each with its ``number``: the
        one numbering the shuffle, ``audit groups`` and the report all show."""
        with self.store.errors():
            rows = [dict(r) for r in self.db.table("audit_groups").rows_where(
                "sample_id = ?", [sample_id], order_by="id")]
        for number, row in enumerate(rows, 1):
            row["number"] = number
            row["parking"] = bool(row.get("parking"))
        return rows

    def save_analyses(self, rows: Iterable[dict[str, Any]]) -> None:
        """Store each need's analysis: id, tokens, theme, reason, alternatives, kinds."""
        with self.write():
            self.db.conn.executemany(
                "update audit_needs set tokens = ?, theme = ?, reason = ?, alternatives = ?,"
                " kinds = ? where id = ?",
                [(r["tokens"], r["theme"], r["reason"], json.dumps(r["alternatives"]),
                  None if r["kinds"] is None else json.dumps(r["kinds"]), r["id"])
                 for r in rows],
            )
