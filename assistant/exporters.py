"""What leaves needs-led: plans, the family's plan, the audit-form record, the whole case.

The HTML and Markdown documents are Jinja2 templates in ``exports/`` (content a trainer
or an authority can restyle without touching Python), all HTML ones built on one base
template. PDF is the same HTML laid out for A4 by WeasyPrint (CSS paged media); Word
documents are docxtpl templates (``exports/*.docx``, Jinja2 inside a .docx a trainer can
edit in Word), with the tables that need merged cells built by python-docx. JSON and CSV
are written here. This module chooses formats, names files and writes them; rendering
(templates, escaping, page fit, what a template sees) is :mod:`assistant.rendering`.
Everything the user typed is escaped for the format it lands in: HTML by autoescape,
Markdown by escaping its meta-characters on every ``{{ }}``, CSV by defusing formulas.
Files are written by :mod:`assistant.files`: whole or not at all, never over an existing
file unless ``force`` is given.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant import dates
from assistant.content import Content, ContentError
from assistant.errors import ExportError
from assistant.files import check_targets, write_all
from assistant.formats import FORMATS
from assistant.model import Case
from assistant.rendering.context import template_context
from assistant.rendering.templates import render_template

if TYPE_CHECKING:
    from assistant.audit.form import AuditForm

# Format -> (file name suffix, template or None for formats written in Python).
# A -pdf format prints its HTML template; a -docx format fills a Word template.
_FILES: dict[str, tuple[str, str | None]] = {
    "plan-html": ("plan.html", "plan.html.j2"),
    "plan-md": ("plan.md", "plan.md.j2"),
    "plan-docx": ("plan.docx", "plan.docx"),
    "plan-pdf": ("plan.pdf", "plan.html.j2"),
    "family-html": ("family-plan.html", "family.html.j2"),
    "family-docx": ("family-plan.docx", "family-plan.docx"),
    "family-pdf": ("family-plan.pdf", "family.html.j2"),
    "audit-html": ("audit-form.html", "audit.html.j2"),
    "audit-docx": ("audit-form.docx", "audit-form.docx"),
    "audit-pdf": ("audit-form.pdf", "audit.html.j2"),
    "audit-json": ("audit-form.json", None),
    "audit-csv": ("audit-form.csv", None),
    "case-json": ("case.json", None),
}
APP_FOLDER = "needs-led"

# --- file names ------------------------------------------------------------------------


def safe_stem(reference: str) -> str:
    """A file-name stem from a case reference: letters, digits, '.', '_' and '-' only."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", reference).strip("-.")
    return stem or "case"


def file_name(case: Case, fmt: str) -> str:
    """The predictable file name of one format, e.g. ``NL-2026-014-plan.html``."""
    return f"{safe_stem(case.reference)}-{_FILES[_check_format(fmt)][0]}"


def _check_format(fmt: str) -> str:
    if fmt not in _FILES:
        raise ExportError(f"unknown format '{fmt}' (choose from: {', '.join(FORMATS)})")
    return fmt


def default_folder(case: Case) -> Path:
    """Where a case's documents go unless the user says otherwise.

    The user's documents folder (platformdirs: ``~/Documents`` or the XDG, macOS or
    Windows equivalent), then ``needs-led/<case>``: where people look for a document they
    made, never the folder a program happened to start in.
    """
    from platformdirs import user_documents_dir

    return Path(user_documents_dir()) / APP_FOLDER / safe_stem(case.reference)


def render(
    case: Case,
    fmt: str,
    *,
    content: Content,
    auditor: str = "",
    when: date | None = None,
    form: AuditForm | None = None,
    with_supervision: bool = False,
    notes: list[str] | None = None,
) -> str | bytes:
    """One export format: text, or bytes for Word and PDF. ``when`` is the document's
    date (today if None).

    ``form`` is the case's audit form if the caller has built it already (every template
    may show it, so :func:`export` builds it once for all formats). Supervision notes and
    kept-wording reasons go into the plan only ``with_supervision``. What the family's plan
    leaves out (professional text it cannot make plain) is added to ``notes``, one line
    each, for the worker.
    """
    from assistant.audit.csvcodec import write_csv
    from assistant.audit.redaction import audit_form_from_case

    _check_format(fmt)
    when = when or dates.today()
    if fmt == "case-json":
        return case.to_json()
    if form is None:
        form = audit_form_from_case(case, auditor, when, content=content)
    if fmt in ("audit-json", "audit-csv"):
        if fmt == "audit-json":
            return form.model_dump_json(indent=2) + "\n"
        return write_csv([form])
    template_name = _FILES[fmt][1]
    assert template_name is not None

    def context() -> dict[str, Any]:
        return template_context(case, content, form, auditor=auditor, when=when,
                                with_supervision=with_supervision, notes=notes)

    if fmt.endswith("-docx"):
        from assistant.documents import render_docx

        return render_docx(template_name, context, content)
    text = render_template(template_name, context, content, markdown=fmt.endswith("-md"))
    if fmt.endswith("-pdf"):
        from assistant.documents import html_to_pdf

        return html_to_pdf(text)
    return text


# --- the export ---------------------------------------------------------------------


def export(
    case: Case,
    formats: Sequence[str],
    out_dir: Path,
    *,
    content: Content,
    force: bool = False,
    auditor: str = "",
    when: date | None = None,
    with_supervision: bool = False,
    notes: list[str] | None = None,
) -> list[Path]:
    """Write ``formats`` of ``case`` into ``out_dir``; return the paths written.

    Every format is rendered and every target checked before the first file is written,
    so a template error or an existing file leaves the folder as it was. ``notes``, if
    given, receives one line for each piece of text the family's plan left out.
    """
    if not formats:
        raise ExportError(f"no format chosen (choose from: {', '.join(FORMATS)})")
    chosen = list(dict.fromkeys(_check_format(f) for f in formats))
    out_dir = Path(out_dir)
    when = when or dates.today()
    targets = [out_dir / file_name(case, fmt) for fmt in chosen]
    check_targets(out_dir, targets, force)  # fail fast, before rendering
    try:
        from assistant.audit.redaction import audit_form_from_case

        form = audit_form_from_case(case, auditor, when, content=content)
        found: list[str] = []
        texts = [render(case, fmt, content=content, auditor=auditor, when=when, form=form,
                        with_supervision=with_supervision, notes=found)
                 for fmt in chosen]
    except ContentError as exc:
        raise ExportError.moved(exc) from None
    if notes is not None:
        notes.extend(dict.fromkeys(found))  # each family format finds the same lines
    return write_all(out_dir, list(zip(targets, texts, strict=True)), force)
