"""Word and PDF: the same documents as the HTML exports, in the formats offices use.

PDF is the HTML export laid out by WeasyPrint, which reads CSS paged media (``@page``,
running headers, ``break-after: avoid``), so one template makes the screen, print and
PDF versions and a trainer restyles all three in one place. It fetches nothing: an
``http:`` or ``file:`` address in a template is refused, so a PDF never reaches outside.

Word documents are docxtpl templates (``exports/*.docx``): Jinja2 inside a real .docx, so a
trainer can change fonts, headings, the logo or the wording in Word itself. The child's
plan table needs cells merged down the rows (a need beside all its work, an outcome beside
the work that serves it), which a template cannot express, so python-docx builds it and the
template places it with ``{{p work_table }}``.
"""

from __future__ import annotations

import contextlib
import io
import logging
from collections.abc import Callable
from typing import Any

from assistant.content import Content, ContentError
from assistant.errors import UserError

# The child's plan table (seeds/001, the Integrated Children's System): its columns, and
# their widths in centimetres on an A4 page with 1.8 cm margins.
WORK_COLUMNS = (
    ("Identified need and strengths", 3.6),
    ("Actions and services", 3.4),
    ("Frequency and length", 2.6),
    ("Person or agency responsible", 2.6),
    ("Start date", 1.9),
    ("Planned outcome by the review date", 3.3),
)


def html_to_pdf(html: str) -> bytes:
    """An HTML export as a PDF: A4 pages, running headers, table headings repeated."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    logger = logging.getLogger("weasyprint")
    level = logger.level
    logger.setLevel(logging.ERROR)  # CSS it does not know is not the reader's concern
    try:
        fetcher = URLFetcher(allowed_protocols={"data"})
        return bytes(HTML(string=html, url_fetcher=fetcher, base_url=None).write_pdf())
    finally:
        logger.setLevel(level)


def _docx_environment() -> Any:
    """A sandboxed Jinja2 environment for Word templates: everything is XML-escaped."""
    import jinja2
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    from assistant.rendering.filters import nice_date, short_date

    env = ImmutableSandboxedEnvironment(autoescape=True, undefined=jinja2.StrictUndefined,
                                        finalize=_word_line_breaks)
    env.filters["nice_date"] = nice_date
    env.filters["short_date"] = short_date
    return env


_BREAK = '</w:t><w:br/><w:t xml:space="preserve">'


def _word_line_breaks(value: Any) -> Any:
    """Typed text with line breaks keeps them in Word: escaped, then each newline a
    <w:br/>. Only plain strings: a sub-document or markup the template made is left as is."""
    from markupsafe import Markup, escape

    if isinstance(value, str) and not isinstance(value, Markup) and "\n" in value:
        return Markup(_BREAK).join(escape(line) for line in value.split("\n"))
    return value


def render_docx(name: str, context: Callable[[], dict[str, Any]], content: Content) -> bytes:
    """Fill the Word template ``exports/<name>``; any problem is one line naming the file."""
    import jinja2
    from docxtpl import DocxTemplate

    from assistant.errors import ExportError
    from assistant.rendering.templates import export_file

    try:
        path = export_file(content, name)
        given = {"label": content.framework.label, **context()}
        try:
            template = DocxTemplate(path)
            template.init_docx()
        except Exception as exc:  # a damaged or non-Word file: zip, XML or package errors
            raise ContentError(path, f"not a Word document ({type(exc).__name__})") from None
        given["work_table"] = _work_table(template, given)
        template.render(given, _docx_environment(), autoescape=True)
        out = io.BytesIO()
        template.save(out)
        return out.getvalue()
    except ContentError as exc:
        raise ExportError.moved(exc) from None
    except UserError:
        raise
    except jinja2.TemplateSyntaxError as exc:
        # (no line: it would count lines of the document's XML, not of anything typed)
        raise ExportError((exc.message or "syntax error").splitlines()[0], path=name) from None
    except (jinja2.TemplateError, TypeError, AttributeError, ValueError, KeyError) as exc:
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ExportError(message, path=name) from None


def _work_table(template: Any, given: dict[str, Any]) -> Any:
    """The child's plan table as a sub-document: one block of rows per need, the need's
    cell merged down all its rows and each outcome's cell down the work that serves it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    case, work_rows = given["case"], given["work_rows"]
    short_date = _docx_environment().filters["short_date"]
    sub = template.new_subdoc()
    table = sub.add_table(rows=1, cols=len(WORK_COLUMNS))
    # A trainer's template without the style still gets the table, unstyled.
    with contextlib.suppress(KeyError, ValueError):
        table.style = "Table Grid"
    header = table.rows[0]
    repeat = OxmlElement("w:tblHeader")  # the heading row repeats on every page
    repeat.set(qn("w:val"), "true")
    header._tr.get_or_add_trPr().append(repeat)
    for cell, (title, _) in zip(header.cells, WORK_COLUMNS, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(title).bold = True

    def put(cell: Any, text: str, bold: bool = False) -> None:
        paragraph = cell.paragraphs[0]
        run = paragraph.add_run(text)
        run.bold = bold

    for need in case.needs:
        first = len(table.rows)
        rows = work_rows(need)
        for row in rows:
            cells = table.add_row().cells
            item = row["work"]
            if item is None:
                put(cells[1], "No work planned yet.")
            else:
                put(cells[1], item.action)
                put(cells[2], item.frequency or "Not recorded")
                put(cells[3], item.who or "Not recorded")
                put(cells[4], short_date(item.start_date, "Not recorded"))
        # Merge the need's cell down its rows, then each outcome's cell down its work.
        last = len(table.rows) - 1
        need_cell = table.cell(first, 0).merge(table.cell(last, 0)) if last > first \
            else table.cell(first, 0)
        put(need_cell, need.wording, bold=True)
        if need.strengths:
            need_cell.add_paragraph(f"Strengths: {need.strengths}")
        index = first
        for row in rows:
            span = row["outcome_rows"]
            if span:
                cell = table.cell(index, 5)
                if span > 1:
                    cell = cell.merge(table.cell(index + span - 1, 5))
                outcome = row["outcome"]
                if outcome is None:
                    put(cell, "No outcome agreed yet." if row["empty"]
                        else "Not linked to an outcome")
                else:
                    by = f" (by {short_date(outcome.target_date)})" if outcome.target_date else ""
                    put(cell, outcome.statement + by)
            index += 1
    if not case.needs:
        cells = table.add_row().cells
        put(cells[0], "No needs recorded yet.")
    for row in table.rows:
        for cell, (_, width) in zip(row.cells, WORK_COLUMNS, strict=True):
            cell.width = Cm(width)
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(9)
    return sub
