"""What leaves needs-led: plans, the family's plan, the audit-form record, the whole case.

The HTML and Markdown documents are Jinja2 templates in ``exports/`` (content a trainer
or an authority can restyle without touching Python), all HTML ones built on one base
template. PDF is the same HTML laid out for A4 by WeasyPrint (CSS paged media); Word
documents are docxtpl templates (``exports/*.docx``, Jinja2 inside a .docx a trainer can
edit in Word), with the tables that need merged cells built by python-docx. JSON and CSV
are written here.
Everything the user typed is escaped for the format it lands in: HTML by autoescape,
Markdown by escaping its meta-characters on every ``{{ }}``, CSV by defusing formulas.
Files are written by :mod:`assistant.files`: whole or not at all, never over an existing
file unless ``force`` is given.
"""

from __future__ import annotations

import os
import re
import traceback
from collections.abc import Callable, Sequence
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant import dates
from assistant.content import Content, ContentError, Strict
from assistant.errors import ExportError
from assistant.files import check_targets, write_all
from assistant.formats import FORMATS
from assistant.model import Case, Need

if TYPE_CHECKING:
    from assistant.auditform import AuditForm

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

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


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


# --- escaping --------------------------------------------------------------------------

_MD_META = re.compile(r"([\\`*_{}\[\]<>#|~&!])")
_MD_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])")


def md_escape(value: Any) -> str:
    """Text that Markdown (CommonMark/GFM) shows as typed, on one line.

    Meta-characters are backslash-escaped, so ``<script>`` and ``[x](javascript:)`` are
    text; a line break becomes ``<br>`` so a value never breaks a table row or starts a
    list or heading of its own.
    """
    if value is None:
        return ""
    text = str(value)
    lines = []
    for line in text.split("\n"):
        line = _MD_META.sub(r"\\\1", line)
        line = _MD_LINE_START.sub(lambda m: m.group(1) + _escape_last(m.group(2)), line)
        lines.append(line)
    return "<br>".join(lines)


def _escape_last(token: str) -> str:
    return token[:-1] + "\\" + token[-1]


def nice_date(value: date | datetime | None, empty: str = "") -> str:
    """'15 February 2027': unambiguous for families and across countries."""
    if value is None:
        return empty
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def short_date(value: date | datetime | None, empty: str = "") -> str:
    """'9 Nov 2026', for narrow table columns."""
    if value is None:
        return empty
    return f"{value.day} {MONTHS[value.month - 1][:3]} {value.year}"


# --- templates -------------------------------------------------------------------------


def _search_path(content: Content) -> list[str]:
    folders = []
    if content.override is not None and (content.override / "exports").is_dir():
        folders.append(str(content.override / "exports"))
    folders.append(str(content.default / "exports"))
    return folders


def export_file(content: Content, name: str) -> Path:
    """A file in exports/: the override's copy if it has one, else the default.

    Unlike the other content folders, exports/ falls back file by file, so a trainer can
    restyle one template and keep the rest.
    """
    for folder in _search_path(content):
        path = Path(folder) / name
        if path.is_file():
            return path
    raise ContentError(Path(_search_path(content)[0]) / name, "missing content file")


def template_line(exc: BaseException) -> str:
    """'plan.html.j2:12' for an error raised while rendering a template."""
    name = getattr(exc, "name", None) or getattr(exc, "filename", None)
    line = getattr(exc, "lineno", None)
    if not line:
        for frame in reversed(traceback.extract_tb(exc.__traceback__)):
            if frame.filename.endswith(".j2"):
                name, line = frame.filename, frame.lineno
                break
    if name:
        name = Path(name).name if os.sep in str(name) else name
        return f"{name}:{line}" if line else str(name)
    return "template"


def environment(content: Content, markdown: bool = False) -> Any:
    """The Jinja2 environment for ``content``; see :func:`_environment`.

    The override's file names are part of the cache key: a template a trainer adds while
    the app runs is used at once, not shadowed by the default compiled earlier.
    """
    paths = _search_path(content)
    names: tuple[str, ...] = ()
    if len(paths) > 1:
        try:
            names = tuple(sorted(os.listdir(paths[0])))
        except OSError:
            names = ()
    return _environment(tuple(paths), markdown, names)


@lru_cache(maxsize=16)
def _environment(search_path: tuple[str, ...], markdown: bool,
                 override_names: tuple[str, ...] = ()) -> Any:
    """A sandboxed Jinja2 environment over ``exports/`` (override first).

    HTML templates autoescape; the Markdown environment escapes every expression with
    :func:`md_escape` instead. Undefined names are errors, so a typo in an edited
    template is reported by file and line rather than printing nothing. Compiled
    templates are kept between exports, and a template edited since is compiled again.
    """
    import jinja2
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    options: dict[str, Any] = {
        "loader": jinja2.FileSystemLoader(list(search_path)),
        "undefined": jinja2.StrictUndefined,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "keep_trailing_newline": True,
    }
    if markdown:
        env = ImmutableSandboxedEnvironment(autoescape=False, finalize=md_escape, **options)
    else:
        env = ImmutableSandboxedEnvironment(autoescape=True, **options)
    env.filters["nice_date"] = nice_date
    env.filters["short_date"] = short_date
    return env


# Type sizes the audit form may use (points), largest first, and the page it must fit.
AUDIT_TYPE_SIZES = (9.5, 8.5, 7.5, 6.5, 6.0, 5.5)
_PAGE_PT = (190 / 25.4 * 72, 277 / 25.4 * 72)  # A4 less 10 mm margins, in points


def audit_type_size(form: Any) -> float:
    """The largest type size at which the audit form should fit on one A4 page.

    A print layout cannot shrink itself to fit without a script, and the exports run no
    scripts, so the height is estimated here: each need's row is as tall as its longest
    cell, wrapped at the column widths of audit.html.j2. The estimate is deliberately
    cautious; the browser test prints long forms to check it. Past the smallest size a
    very long form may still need a second page.
    """
    width, height = _PAGE_PT
    for size in AUDIT_TYPE_SIZES:
        char = size * 0.5
        line = size * 1.35
        fixed = 20.6 * size  # No., Whose, Seriousness and Met? columns (rem)
        wording_chars = max(10, int((width * 0.33 - size) / char))
        services_chars = max(10, int((width * 0.67 - fixed - 4 * size) / char))
        lines = 16.0  # title, the head table, section headings, column heads, footnote
        for need in form.needs:
            services = sum(-(-len(s) // services_chars) for s in need.services) or 1
            lines += max(-(-len(need.wording) // wording_chars), services, 2) + 0.5
        if lines * line <= height * 0.95:
            return size
    return AUDIT_TYPE_SIZES[-1]


def _context(case: Case, content: Content, form: AuditForm, *, auditor: str,
             when: date, with_supervision: bool = False,
             notes: list[str] | None = None) -> dict[str, Any]:
    """What every template sees: the case, the framework's labels and a few helpers."""
    framework = content.framework
    numbers = {need.id: n for n, need in enumerate(case.needs, 1)}
    items: dict[str, str] = {p.id: p.name for p in case.people}
    for need in case.needs:
        number = numbers[need.id]
        items[need.id] = f"Need {number}"
        for k, outcome in enumerate(need.outcomes, 1):
            items[outcome.id] = f"Need {number}, outcome {k}"
        for k, work in enumerate(need.work, 1):
            items[work.id] = f"Need {number}, work {k}"

    def outcome_of(need: Need, outcome_id: str | None) -> Any:
        return next((o for o in need.outcomes if o.id == outcome_id), None)

    def role(person_id: str) -> str:
        person = case.person(person_id)
        return framework.label("roles", person.role) if person else ""

    children = [p for p in case.people if p.role in framework.child_roles]
    family = _Family(content, notes)
    return {
        "case": case,
        "framework": framework,
        "when": when,
        "auditor": auditor,
        "holder": case.holder_name,
        "role": role,
        "need_number": numbers,
        "item_label": lambda ident: items.get(ident or "", ""),
        "outcome_of": outcome_of,
        "work_rows": work_rows,
        "children": children,
        "adults": [p for p in case.people if p.role not in framework.child_roles],
        "plain": family.plain,
        "family_words": family.own,
        "plain_words": family.words_only,
        "form": form,
        "audit_type_size": audit_type_size(form),
        "with_supervision": with_supervision,
        "kept": kept_wording,
        "advice": _lazy_advice(content),
        "signatories": signatories(case, role),
        "travelled": _travelled(case, content),
    }


def _travelled(case: Case, content: Content) -> Any:
    """Distance travelled for the plan's review section (assistant.review)."""
    from assistant.review import distance_travelled

    return distance_travelled(case, content)


def work_rows(need: Need) -> list[dict[str, Any]]:
    """The rows of the child's plan table for one need, grouped by the outcome they serve.

    Each row is a work item (or None where an outcome has no work yet) with the outcome it
    serves; ``outcome_rows`` is set on the first row of each outcome (how many rows its
    cell spans) and 0 on the rest, so the outcome is written once, not on every row.
    Work serving no outcome comes last, under "Not linked to an outcome"; a need with
    neither has one row with ``empty`` set.
    """
    rows: list[dict[str, Any]] = []
    groups: list[tuple[Any, list[Any]]] = [
        (outcome, [w for w in need.work if w.outcome_id == outcome.id])
        for outcome in need.outcomes
    ]
    known = {o.id for o in need.outcomes}
    loose = [w for w in need.work if w.outcome_id not in known]
    if loose:
        groups.append((None, loose))
    for outcome, items in groups:
        for k, item in enumerate(items or [None]):
            rows.append({"work": item, "outcome": outcome, "empty": False,
                         "outcome_rows": (len(items) or 1) if k == 0 else 0})
    if not rows:  # neither outcomes nor work yet: one row that says so
        rows.append({"work": None, "outcome": None, "empty": True, "outcome_rows": 1})
    return rows


def kept_wording(need: Need) -> list[Any]:
    """The kept-wording entries that still apply: their wording is still in the need.

    A worker who kept a wording and later rewrote it has nothing left to explain; an
    entry about text that is no longer in the plan would only confuse its reader.
    """
    current = {need.wording, *(o.statement for o in need.outcomes),
               *(w.action for w in need.work)}
    return [k for k in need.kept_wording if k.wording in current]


def signatories(case: Case, role: Callable[[str], str]) -> list[dict[str, str]]:
    """Who signs the plan: the worker, each adult, each child of 10 or more, a manager."""
    rows = [{"name": case.worker, "role": "Worker"}]
    for person in case.people:
        if person.age is not None and person.age < 10:
            continue
        rows.append({"name": person.name, "role": role(person.id)})
    rows.append({"name": "", "role": "Team manager"})
    return rows


class _Family:
    """plain(), family_words() and plain_words() for the family's plan, made on first use."""

    def __init__(self, content: Content, notes: list[str] | None) -> None:
        self.content = content
        self.notes = notes
        self._made: Any = None

    def _text(self) -> Any:
        if self._made is None:
            from assistant.plainwords import FamilyText, load_words

            words = load_words(self.content, export_file(self.content, "plain-words.yml"))
            self._made = FamilyText(words, self.notes if self.notes is not None else [])
        return self._made

    def plain(self, text: str, where: str = "") -> str:
        return str(self._text().plain(text, where))

    def own(self, text: str) -> str:
        return str(self._text().own(text))

    def words_only(self, text: str, lower: bool = False) -> str:
        return str(self._text().words_only(text, lower))


def _lazy_advice(content: Content) -> Callable[[str], str]:
    """advice(rule_id): what the coach advised, in words for a reader, never the rule id."""
    made: list[Callable[[str], str]] = []

    def advice(rule_id: str) -> str:
        if not made:
            made.append(_advice_table(content))
        return made[0](rule_id)

    return advice


def _advice_table(content: Content) -> Callable[[str], str]:
    from assistant.plainwords import parse_file
    from assistant.wording.rules import RuleFile

    advice = parse_file(export_file(content, "advice.yml"), Advice)
    kinds: dict[str, str] = {}
    try:
        for _, rules in content.load_all(RuleFile, "framework", "wording"):
            kinds |= {rule.id: rule.kind for rule in rules.rules}
    except ContentError:
        pass

    def lookup(rule_id: str) -> str:
        kind = kinds.get(rule_id)
        return advice.kinds.get(kind or "", advice.unknown) if kind else advice.unknown

    return lookup


class Advice(Strict):
    """exports/advice.yml: the coach's advice by kind, as the plan's reader sees it."""

    kinds: dict[str, str] = {}
    unknown: str = "The wording coach suggested other words."


def read_css(content: Content, name: str) -> Any:
    """A stylesheet from exports/, inlined so each HTML file stands alone.

    CSS is escaped for a <style> element: the only way out of one is ``</``, which a
    stylesheet never needs.
    """
    from markupsafe import Markup

    if not re.fullmatch(r"[a-z0-9-]+\.css", name):
        raise ExportError(f"stylesheet name '{name}' must be like 'print.css'")
    path = export_file(content, name)
    try:
        css = path.read_text(encoding="utf-8")
    except (OSError, UnicodeError) as exc:
        raise ContentError(path, f"cannot be read ({exc})") from None
    return Markup(css.replace("</", "<\\/"))


def render(
    case: Case,
    fmt: str,
    *,
    content: Content | None = None,
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
    from assistant.auditform import audit_form_from_case, write_csv

    _check_format(fmt)
    content = content or Content()
    when = when or dates.today()
    if fmt == "case-json":
        return case.to_json()
    if form is None:
        form = audit_form_from_case(case, auditor, when, framework=content.framework)
    if fmt in ("audit-json", "audit-csv"):
        if fmt == "audit-json":
            return form.model_dump_json(indent=2) + "\n"
        return write_csv([form])
    template_name = _FILES[fmt][1]
    assert template_name is not None

    def context() -> dict[str, Any]:
        return _context(case, content, form, auditor=auditor, when=when,
                        with_supervision=with_supervision, notes=notes)

    if fmt.endswith("-docx"):
        from assistant.documents import render_docx

        return render_docx(template_name, context, content)
    text = render_template(template_name, context, content, markdown=fmt.endswith("-md"))
    if fmt.endswith("-pdf"):
        from assistant.documents import html_to_pdf

        return html_to_pdf(text)
    return text


def render_template(name: str, context: dict[str, Any] | Callable[[], dict[str, Any]],
                    content: Content, *, markdown: bool = False) -> str:
    """Render ``exports/<name>``; any template or content problem is one ExportError line.

    ``context`` may be a function, so that building it (which reads content files) is
    covered by the same error handling. Every template also gets ``label`` (the
    framework's labels) and ``stylesheet`` (a CSS file from exports/, inlined).
    """
    import jinja2

    try:
        env = environment(content, markdown=markdown)
        template = env.get_template(name)
        given = context() if callable(context) else context
        # What every template may use, whatever else it is given.
        shared = {"label": content.framework.label,
                  "stylesheet": lambda css: read_css(content, css)}
        return template.render({**shared, **given})
    except jinja2.TemplateNotFound as exc:
        raise ExportError(f"template {exc.name} not found in {_search_path(content)[0]}") from None
    except jinja2.TemplateSyntaxError as exc:
        message = (exc.message or "syntax error").splitlines()[0]
        raise ExportError(f"{template_line(exc)}: {message}") from None
    except (jinja2.TemplateError, TypeError, AttributeError, ValueError) as exc:
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ExportError(f"{template_line(exc)}: {message}") from None
    except ContentError as exc:
        raise ExportError(str(exc)) from None


# --- the export ---------------------------------------------------------------------


def export(
    case: Case,
    formats: Sequence[str],
    out_dir: Path,
    *,
    content: Content | None = None,
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
    content = content or Content()
    when = when or dates.today()
    targets = [out_dir / file_name(case, fmt) for fmt in chosen]
    check_targets(out_dir, targets, force)  # fail fast, before rendering
    try:
        from assistant.auditform import audit_form_from_case

        form = audit_form_from_case(case, auditor, when, framework=content.framework)
        found: list[str] = []
        texts = [render(case, fmt, content=content, auditor=auditor, when=when, form=form,
                        with_supervision=with_supervision, notes=found)
                 for fmt in chosen]
    except ContentError as exc:
        raise ExportError(str(exc)) from None
    if notes is not None:
        notes.extend(dict.fromkeys(found))  # each family format finds the same lines
    return write_all(out_dir, list(zip(targets, texts, strict=True)), force)
