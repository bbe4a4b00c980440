"""The pooled CSV of audit forms: one row per need, the form's columns repeated.

Many forms pool into one spreadsheet an audit group can sort and filter; reading it back
groups rows into forms by (case reference, auditor, audit date). Every cell is defused
against spreadsheet formulas on the way out and restored exactly on the way in, so a form
imported as JSON and again as CSV is recognised as the same form. Reading a file row by
row, with problems reported by line, is :mod:`assistant.audit.readers`.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from assistant.audit.form import FORM_VERSION, AuditForm
from assistant.errors import Located

if TYPE_CHECKING:
    from assistant.content import Framework

SERVICE_SEPARATOR = " | "
#: also read between services, in a cell with no "|": what a person typing a list writes
#: ("Parenting programme; CAMHS")
SERVICE_SEPARATOR_TYPED = ";"
#: how the templates and the help say it
SERVICES_HELP = ("Services provided or planned; several in one cell separated by ' | ' "
                 "(or ';'): Parenting programme | CAMHS")
#: a line of the CSV template before its header that says how to fill it in: the import
#: reads past such lines
TEMPLATE_NOTE = "#"


def join_services(services: list[str]) -> str:
    """The services in one CSV cell, separated by " | "; a "|", ";" or "\\" inside one
    is escaped.

    Escaping (rather than rewriting "|" as "/") lets the cell be read back exactly, so a
    form imported as JSON and again as CSV is recognised as the same form.
    """
    return SERVICE_SEPARATOR.join(
        s.replace("\\", "\\\\").replace("|", "\\|").replace(";", "\\;")
        for s in services)


def split_services(cell: str) -> list[str]:
    """The services from a cell (blank parts dropped): separated by "|", as
    :func:`join_services` writes them; or, in a cell with no "|", by ";", as a person
    typing a list writes them ("Parenting programme; CAMHS"). In a cell with a "|", a ";"
    is part of a service's name. "\\|", "\\;" and "\\\\" are a bar, a semicolon and a
    backslash inside one.

    Why: the CSV template is typed by hand from paper forms, and "Parenting programme;
    CAMHS" stayed one service."""
    unescaped = cell.replace("\\\\", "").replace("\\|", "").replace("\\;", "")
    separator = "|" if "|" in unescaped else SERVICE_SEPARATOR_TYPED
    services: list[str] = []
    current: list[str] = []
    i = 0
    while i < len(cell):
        pair = cell[i:i + 2]
        if pair in ("\\\\", "\\|", "\\;"):  # escaped; any other "\\" is kept
            current.append(pair[1])
            i += 2
            continue
        if cell[i] == separator:
            services.append("".join(current))
            current = []
        else:
            current.append(cell[i])
        i += 1
    services.append("".join(current))
    return [s.strip() for s in services if s.strip()]


REQUIRED_CSV_COLUMNS = (
    "form_version",
    "case_reference",
    "auditor",
    "audit_date",
    "level_of_need",
    "children",
    "need_number",
    "holder",
    "holder_kind",
    "wording",
    "seriousness",
    "status",
    "services",
)
"""The columns every pooled CSV has (version 1's); version 2 adds REVIEW_CSV_COLUMNS."""
REVIEW_CSV_COLUMNS = ("reviews", "review_date", "plan_result", "distance")
CSV_COLUMNS = (*REQUIRED_CSV_COLUMNS, *REVIEW_CSV_COLUMNS)

def csv_rows(form: AuditForm) -> list[dict[str, str]]:
    """One row per need (one blank-need row if there are none), form columns repeated."""
    head = {
        "form_version": str(form.form_version),
        "case_reference": form.case_reference,
        "auditor": form.auditor,
        "audit_date": form.audit_date.isoformat(),
        "level_of_need": "" if form.level_of_need is None else str(form.level_of_need),
        "children": "; ".join(f"{c.label} ({c.age_band}, {c.sex})" for c in form.children),
        "reviews": str(form.reviews) if form.form_version >= 2 else "",
        "review_date": form.review_date.isoformat() if form.review_date else "",
        "plan_result": form.plan_result or "",
        "distance": "; ".join(f"{d.holder}: {d.profile}/{d.domain} {d.baseline}>{d.latest}"
                              for d in form.distance),
    }
    empty = {name: "" for name in CSV_COLUMNS if name not in head}
    if not form.needs:
        return [{name: (head | empty)[name] for name in CSV_COLUMNS}]
    rows = [
        head
        | {
            "need_number": str(number),
            "holder": need.holder,
            "holder_kind": need.holder_kind,
            "wording": need.wording,
            "seriousness": need.seriousness or "",
            "status": need.status,
            "services": join_services(need.services),
        }
        for number, need in enumerate(form.needs, 1)
    ]
    return [{name: row[name] for name in CSV_COLUMNS} for row in rows]


# --- CSV for pooling many forms --------------------------------------------------------

_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def defuse(cell: str) -> str:
    """Keep a spreadsheet from running a cell as a formula (OWASP CSV injection).

    A leading apostrophe is doubled too, so reading back removes exactly one.
    """
    return "'" + cell if cell.startswith((*_FORMULA, "'")) else cell


def undefuse(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:].startswith((*_FORMULA, "'")) else cell


def write_csv(forms: Iterable[AuditForm], header: bool = True) -> str:
    """CSV text of many forms, formula-safe; read back with :func:`forms_from_csv`."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    if header:
        writer.writeheader()
    for form in forms:
        for row in csv_rows(form):
            writer.writerow({key: defuse(value) for key, value in row.items()})
    return out.getvalue()


#: a child as the CSV writes it, "Child 1 (5-9, female)", or as the printed audit form
#: shows it, "Child 1: 5-9, female" (what a trainer types in from the paper); the sex may
#: be left out ("Child 1 (0-4)", "Child 1: 0-4") and is then not recorded
_CHILD = re.compile(r"\s*([^;():]+?)\s*(?:\(\s*([^,()]+?)\s*(?:,\s*([^()]+?)\s*)?\)"
                    r"|:\s*([^,();]+?)\s*(?:,\s*([^();]+?)\s*)?)")


class CsvError(Located, ValueError):
    """A pooled CSV file that cannot be read: ``line`` and ``field`` (the column) say
    where; ``str()`` is "line 2: children: cannot read ..."."""

    def __init__(self, message: str, *, line: int | None = None,
                 field: str | None = None) -> None:
        super().__init__(message)
        self._place(message, line=line, field=field)


def _children(text: str, line: int) -> list[dict[str, str]]:
    children = []
    for part in filter(str.strip, text.split(";")):
        match = _CHILD.fullmatch(part)
        if not match:
            raise CsvError(f"cannot read {part.strip()!r} (expected e.g. "
                           "'Child 1 (5-9, female)' or 'Child 1: 5-9, female')",
                           line=line, field="children")
        child = {"label": match[1], "age_band": match[2] or match[4]}
        if sex := match[3] or match[5]:
            child["sex"] = sex
        children.append(child)
    return children


_DISTANCE = re.compile(r"\s*(.+?):\s*(\w+)/(\S+)\s+(\d+)\s*>\s*(\d+)\s*")


def _distances(text: str, line: int) -> list[dict[str, str]]:
    """'Child 1: child/general-health 4>2; Family: family/housing 3>3' -> entries."""
    out = []
    for part in filter(str.strip, text.split(";")):
        match = _DISTANCE.fullmatch(part)
        if not match:
            raise CsvError(f"cannot read {part.strip()!r} (expected e.g. "
                           "'Child 1: child/general-health 4>2')", line=line, field="distance")
        out.append({"holder": match[1], "profile": match[2], "domain": match[3],
                    "baseline": match[4], "latest": match[5]})
    return out


#: The columns whose values are on one of the framework's scales, and the scale.
_SCALES = {"seriousness": "seriousness", "status": "audit_status",
           "plan_result": "plan_results", "level_of_need": "threshold_levels"}


def _on_scale(value: str, column: str, framework: Framework | None, line: int,
              need: str = "") -> str:
    """A scale's value as the CSV is typed: its id ("partly") or, as the printed form and
    the plan show it, its label in any case ("Partly met", "HIGH", "Level 2: additional
    needs"); the id either way. A value that is neither is refused here, by column and
    line, naming the labels the paper form shows (a seriousness is left as typed for the
    import's own scale check, :func:`assistant.paperforms.check_forms`, to name).

    Why (found by walk11, a trainer typing paper forms into the CSV template): the form
    prints "Met? is one of: Met, Partly met, Unmet...", and "Partly met" typed as printed
    was refused with "String should match pattern '^[a-z0-9]...'"."""
    text = value.strip()
    if framework is None or not text:
        return value
    points = getattr(framework, _SCALES[column])
    for point in points:
        if text == point.id:
            return text
    low = " ".join(text.lower().split())
    for point in points:
        label = " ".join(point.label.lower().split())
        if low in (point.id.lower(), label) or (
                column == "level_of_need" and label.split(":")[0] == low):
            return point.id
    if column == "seriousness":
        return value  # a plain text in the model: the import's scale check names it
    ids = ", ".join(point.id for point in points)
    shown = ", ".join(point.label for point in points)
    # as the model's own errors name a field ("level of need", "need 1, status")
    named = column.replace("_", " ")
    where = named if column in ("plan_result", "level_of_need") or not need.isdigit() \
        else f"need {need}, {named}"
    raise CsvError(f"'{text}' is not one of {ids} (or as the form prints them: {shown})",
                   line=line, field=where)


def forms_from_csv(text: str, framework: Framework | None = None) -> list[AuditForm]:
    """Forms from pooled CSV rows, grouped by (case reference, auditor, audit date);
    values on the framework's lists are checked against ``framework`` if given.

    Raises :class:`CsvError` for missing columns and
    :class:`pydantic.ValidationError` for values the model rejects.
    """
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [c for c in REQUIRED_CSV_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise CsvError(f"missing column(s): {', '.join(missing)}", line=1)
    groups: dict[tuple[str, str, str], dict[str, Any]] = {}
    for row in reader:
        row = {key: undefuse(value or "") for key, value in row.items() if key in CSV_COLUMNS}
        line = reader.line_num
        for column in _SCALES:
            if column in row:
                row[column] = _on_scale(row[column], column, framework, line,
                                        row.get("need_number", "").strip())
        key = (row["case_reference"], row["auditor"], row["audit_date"])
        if key not in groups:
            groups[key] = {
                "form_version": row["form_version"] or FORM_VERSION,
                "case_reference": row["case_reference"],
                "auditor": row["auditor"],
                "audit_date": row["audit_date"],
                "level_of_need": row["level_of_need"] or None,
                "children": _children(row["children"], line),
                "needs": [],
            }
            if row.get("reviews"):
                groups[key]["reviews"] = row["reviews"]
            if row.get("review_date"):
                groups[key]["review_date"] = row["review_date"]
            if row.get("plan_result"):
                groups[key]["plan_result"] = row["plan_result"]
            if row.get("distance"):
                groups[key]["distance"] = _distances(row["distance"], line)
        if row["wording"] or row["holder"]:
            groups[key]["needs"].append(
                {
                    "holder": row["holder"],
                    "holder_kind": row["holder_kind"],
                    "wording": row["wording"],
                    "seriousness": row["seriousness"] or None,
                    "status": row["status"] or "unknown",
                    "services": split_services(row["services"]),
                }
            )
    return [AuditForm.model_validate(data, context={"framework": framework})
            for data in groups.values()]
