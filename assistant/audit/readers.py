"""Audit forms read from files: JSON, JSON lines, pooled CSV and .xlsx.

Reading is forgiving: a bad file or form is reported by file and line (a
:class:`Problem`) and everything else still reads; a form with a bad CSV row is left out
whole, never returned incomplete. Storing what was read is
:class:`assistant.audit.repository.AuditStore`'s job.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from assistant.errors import Located, located
from assistant.textsafe import decode

if TYPE_CHECKING:
    from pydantic import ValidationError

    from assistant.audit.form import AuditForm
    from assistant.content import Framework


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


def read_json_forms(source: str, text: str, framework: Framework | None = None,
                    ) -> tuple[list[AuditForm], list[Problem]]:
    from pydantic import ValidationError

    from assistant.audit.form import AuditForm

    forms: list[AuditForm] = []
    problems: list[Problem] = []
    try:
        for line, value in _json_values(text):
            items = value.get("forms") if isinstance(value, dict) and "forms" in value else None
            for item in items if isinstance(items, list) else [value]:
                try:
                    forms.append(AuditForm.model_validate(
                        item, context={"framework": framework}))
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


def read_csv_forms(source: str, text: str, framework: Framework | None = None,
                   ) -> tuple[list[AuditForm], list[Problem]]:
    """Forms from pooled CSV rows; a form with any bad row is not imported at all.

    Rows are grouped into forms by (case reference, auditor, audit date), then each row is
    checked on its own so a problem is reported at its own line, naming its need. Keeping
    the rest of a form whose row was bad would store an incomplete form under the form's
    identity, and the corrected file would then be "different content": so the whole form
    is left out, and importing the corrected file adds it.
    """
    from pydantic import ValidationError

    from assistant.audit.csvcodec import (
        REQUIRED_CSV_COLUMNS,
        TEMPLATE_NOTE,
        CsvError,
        forms_from_csv,
        undefuse,
    )

    problems: list[Problem] = []
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    try:
        header = next(reader)
        # the template's lines saying how to fill it in, before its header
        while header and header[0].lstrip().startswith(TEMPLATE_NOTE) and \
                not any(c in header for c in REQUIRED_CSV_COLUMNS):
            header = next(reader)
    except (StopIteration, csv.Error):
        return [], [Problem(source, 1, "empty file, or not CSV")]
    missing = [c for c in REQUIRED_CSV_COLUMNS if c not in header]
    if missing:
        return [], [Problem(source, reader.line_num,
                            f"missing column(s): {', '.join(missing)}")]
    head = io.StringIO()
    csv.writer(head, lineterminator="\n").writerow(header)
    key_columns = [header.index(c) for c in ("case_reference", "auditor", "audit_date")]
    # identity cells -> [(first line, row)], in file order
    groups: dict[tuple[str, ...], list[tuple[int, list[str]]]] = {}
    line = reader.line_num
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
        key = tuple(undefuse(row[i]).strip() for i in key_columns)
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
                (form,) = forms_from_csv(head.getvalue() + one.getvalue(), framework)
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


def _need_number(row: list[str], header: list[str], position: int) -> int:
    """The row's need number as written in it, else its position among the form's rows."""
    cell = row[header.index("need_number")].strip()
    # isdigit() alone accepts '²', which int() does not; and a number of thousands of
    # digits is no need number (Python refuses to read past 4,300 digits)
    return int(cell) if cell.isascii() and cell.isdigit() and len(cell) <= 6 else position


def read_forms(source: str, data: bytes, framework: Framework | None = None,
               ) -> tuple[list[AuditForm], list[Problem]]:
    """Forms in a JSON, JSON-lines, CSV or .xlsx file, and the problems found in it.

    With ``framework``, a status, plan result or level of need off its lists is a problem
    of the line it is on (an import checks them; a reader of need wordings need not)."""
    from assistant.paperforms import is_xlsx, xlsx_to_csv

    if is_xlsx(source, data):
        try:
            return read_csv_forms(source, xlsx_to_csv(data), framework)
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
        return read_json_forms(source, text.lstrip("\ufeff"), framework)
    return read_csv_forms(source, text, framework)
