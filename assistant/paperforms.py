"""The paper route into an audit, and the checks every imported form gets.

Not every workshop has a laptop per person: many audit groups fill in paper forms or a
spreadsheet, and the trainer imports them. This module writes the blank A4 form to print
and the spreadsheet template (.xlsx, with the allowed values as drop-down lists, and .csv),
reads a filled-in .xlsx back as the CSV rows :mod:`assistant.audit.readers` already reads, and
checks the forms an import brings, whatever their route:

- values on the framework's scales (seriousness, level of need, status): a value off a scale
  ("extreme") leaves the form out, with the allowed values named;
- the same case audited twice (by two auditors, or on two dates): a warning, because the
  report counts distinct cases, and says so;
- names in need text: a warning naming the words that look like a person's name, since an
  audit form carries role labels only.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.audit.form import AuditForm
    from assistant.audit.readers import Problem
    from assistant.content import Content, Framework
    from assistant.redact import Names

XLSX_MAGIC = b"PK\x03\x04"
FORMS_SHEET = "Forms"
HOW_SHEET = "How to fill it in"
#: Rows of each holder group on the printed form.
BLANK_ROWS = {"child": 8, "parent": 6, "family": 3}


# --- the blank form and the spreadsheet template --------------------------------------------


def blank_form_html(content: Content) -> str:
    """The blank audit form, one A4 page to print and fill in by hand."""
    from assistant.rendering.templates import render_template

    return render_template(
        "audit-blank.html.j2",
        lambda: {"framework": content.framework, "rows": BLANK_ROWS}, content)


def _columns() -> list[str]:
    from assistant.audit.csvcodec import CSV_COLUMNS

    return list(CSV_COLUMNS)


def csv_template() -> str:
    """The CSV template: a line saying how the cells are written (the import reads past
    it: nothing to delete), then the header row the import reads.

    Why: only the .xlsx template had a help sheet, so a trainer typing into the CSV could
    not know that several services in one cell are separated by " | " (or ";"), and
    "Parenting programme, CAMHS" or a ";" list was read as one service."""
    from assistant.audit.csvcodec import SERVICES_HELP, TEMPLATE_NOTE

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([f"{TEMPLATE_NOTE} One row per need, the form's columns repeated on "
                     f"each row; no names, roles only. services: {SERVICES_HELP}. "
                     "Dates: 27/11/2026, 2026-11-27 or 27 Nov 2026. This line may stay."])
    writer.writerow(_columns())
    return out.getvalue()


def allowed_values(framework: Framework) -> dict[str, list[str]]:
    """Each column with a fixed list of values, and the values (ids, as the import reads)."""
    from typing import get_args

    from assistant.audit.form import HolderKind

    return {
        "holder_kind": list(get_args(HolderKind)),
        "seriousness": framework.ids("seriousness"),
        "status": framework.ids("audit_status"),
        "level_of_need": framework.ids("threshold_levels"),
        "plan_result": framework.ids("plan_results"),
    }


def xlsx_template(framework: Framework) -> bytes:
    """The spreadsheet template: a Forms sheet with drop-down lists, and a sheet of help."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = FORMS_SHEET
    columns = _columns()
    sheet.append(columns)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"

    for index, name in enumerate(columns, 1):
        sheet.column_dimensions[get_column_letter(index)].width = (
            60 if name == "wording" else max(14, len(name) + 2))
    for name, values in allowed_values(framework).items():
        letter = get_column_letter(columns.index(name) + 1)
        rule = DataValidation(type="list", formula1='"' + ",".join(values) + '"',
                              allow_blank=True, showErrorMessage=True,
                              error=f"Choose one of: {', '.join(values)}")
        rule.add(f"{letter}2:{letter}2000")
        sheet.add_data_validation(rule)
    help_sheet = book.create_sheet(HOW_SHEET)
    for row in _help_rows(framework):
        help_sheet.append(row)
    help_sheet.column_dimensions["A"].width = 18
    help_sheet.column_dimensions["B"].width = 100
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _help_rows(framework: Framework) -> list[list[str]]:
    from assistant.audit.csvcodec import SERVICES_HELP

    allowed = allowed_values(framework)
    return [
        ["Column", "What to write (one row per need; repeat the form's columns on each row)"],
        ["form_version", "1"],
        ["case_reference", "The case reference, never a name (letters, digits, - / . _)"],
        ["auditor", "Who read the case (initials are enough)"],
        ["audit_date", "The day of the audit: 27/11/2026, 2026-11-27 or 27 Nov 2026"],
        ["level_of_need", "Optional: " + ", ".join(allowed["level_of_need"])],
        ["children", "Each child as: Child 1 (10-15, female); Child 2 (0-4, male)"],
        ["need_number", "1, 2, 3 ... in the case's order"],
        ["holder", "Whose need, by role: Child 1, Mother, Father, Carer, Family"],
        ["holder_kind", ", ".join(allowed["holder_kind"])],
        ["wording", "The need as the plan words it, with every name replaced by a role"],
        ["seriousness", "Optional: " + ", ".join(allowed["seriousness"])],
        ["status", ", ".join(allowed["status"])],
        ["services", SERVICES_HELP],
    ]


def write_paper_kit(folder: Path, content: Content, force: bool = False) -> list[Path]:
    """The blank form (HTML to print), the .xlsx and .csv templates: all or nothing."""
    from assistant.files import write_all

    files: list[tuple[Path, str | bytes]] = [
        (folder / "audit-form-blank.html", blank_form_html(content)),
        (folder / "audit-forms-template.xlsx", xlsx_template(content.framework)),
        (folder / "audit-forms-template.csv", csv_template()),
    ]
    return write_all(folder, files, force=force)


# --- reading a filled-in spreadsheet ---------------------------------------------------------


def is_xlsx(source: str, data: bytes) -> bool:
    return source.lower().endswith(".xlsx") or data[:4] == XLSX_MAGIC


def xlsx_to_csv(data: bytes) -> str:
    """The Forms sheet (or the first sheet) of a workbook, as the CSV text the import reads.

    Dates typed into date-formatted cells arrive as dates and are written as YYYY-MM-DD;
    whole numbers stored as 2.0 are written as 2. Raises ValueError for a file that is not
    a workbook.
    """
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises several kinds for a damaged file
        raise ValueError(f"not a readable .xlsx workbook ({type(exc).__name__})") from None
    sheet = book[FORMS_SHEET] if FORMS_SHEET in book.sheetnames else book.worksheets[0]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for row in sheet.iter_rows(values_only=True):
        writer.writerow([_cell(value) for value in row])
    book.close()
    return out.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# --- checks on imported forms ----------------------------------------------------------------


@dataclass
class Checked:
    """The forms an import may store, and what it must say about the rest."""

    forms: list[AuditForm]
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def check_forms(source: str, forms: Iterable[AuditForm], framework: Framework,
                stored: Iterable[tuple[str, str, str]] = (), *, names: Names) -> Checked:
    """Check ``forms`` from ``source`` against the framework's scales, for the same case
    audited twice (among them or already ``stored``: (case reference, auditor, date)), and
    for names in need text (``names``: the content's name lists)."""
    from assistant.audit.readers import Problem

    checked = Checked([])
    allowed = allowed_values(framework)
    seen: dict[str, list[str]] = {}
    for reference, auditor, on in stored:
        seen.setdefault(reference, []).append(_who(auditor, on))
    for form in forms:
        off_scale = _off_scale(form, allowed)
        if off_scale:
            checked.problems.extend(
                Problem(source, None, f"case {form.case_reference}: {message}; the form was "
                        "not imported (correct it and import the file again)")
                for message in off_scale)
            continue
        checked.forms.append(form)
        earlier = seen.setdefault(form.case_reference, [])
        this = _who(form.auditor, form.audit_date.isoformat())
        if earlier and this not in earlier:
            checked.warnings.append(Problem(
                source, None,
                f"case {form.case_reference} is audited more than once ({', '.join(earlier)}"
                f"; now {this}): the report counts it as one case"))
        earlier.append(this)
    from assistant.audit.redaction import label_words

    checked.forms, warnings = _unnamed(source, checked.forms, names, label_words(framework))
    checked.warnings.extend(warnings)
    return checked


def _who(auditor: str, on: str) -> str:
    return f"by {auditor or 'no auditor'} on {on}"


def _off_scale(form: AuditForm, allowed: dict[str, list[str]]) -> list[str]:
    problems: list[str] = []
    if form.level_of_need is not None and str(form.level_of_need) not in allowed[
            "level_of_need"]:
        problems.append(f"level of need {form.level_of_need} is not on the scale "
                        f"({', '.join(allowed['level_of_need'])})")
    if form.plan_result is not None and form.plan_result not in allowed["plan_result"]:
        problems.append(f"plan result '{form.plan_result}' is not one of "
                        f"{', '.join(allowed['plan_result'])}")
    for number, need in enumerate(form.needs, 1):
        if need.seriousness is not None and need.seriousness not in allowed["seriousness"]:
            problems.append(f"need {number}: seriousness '{need.seriousness}' is not one of "
                            f"{', '.join(allowed['seriousness'])}")
        if need.status not in allowed["status"]:
            problems.append(f"need {number}: status '{need.status}' is not one of "
                            f"{', '.join(allowed['status'])}")
    return problems


def _unnamed(source: str, forms: list[AuditForm], names: Names,
             labels: frozenset[str] = frozenset()) -> tuple[list[AuditForm], list[Problem]]:
    """``forms`` with every word in need text and services that reads as a person's name
    (the redaction's second net) replaced by "[name]", and a warning for each form it
    changed; the words of the role ``labels`` an audit form names people by are no names.

    Warning and keeping the name was not enough: the Need Groups report then printed it.
    """
    from assistant.audit.readers import Problem
    from assistant.audit.redaction import form_without_names

    kept: list[AuditForm] = []
    warnings: list[Problem] = []
    for form in forms:
        form, found = form_without_names(form, names, labels)
        kept.append(form)
        by_need: dict[str, list[str]] = {}
        for replaced in found:
            by_need.setdefault(replaced.where, [])
            if replaced.name not in by_need[replaced.where]:
                by_need[replaced.where].append(replaced.name)
        for where, words in by_need.items():
            warnings.append(Problem(
                source, None,
                f"case {form.case_reference}, {where}: "
                f"{', '.join(repr(word) for word in sorted(words))} may be a name and was "
                "replaced by [name]; audit forms carry role labels (Child 1, Mother), "
                "never names"))
    return kept, warnings
