"""What a worker types comes out of every export as harmless text.

tests/fixtures/injection.json is a fictional case whose every free-text field carries a
script tag, Jinja2 syntax, an ANSI escape, a NUL, a spreadsheet formula and Markdown.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from assistant.audit.csvcodec import forms_from_csv
from assistant.exporters import FORMATS, export, render
from assistant.model import Case
from tests.helpers import CONTENT, FIXTURES

DAY = date(2026, 11, 20)
SCRIPT = "<script>alert(1)</script>"
JINJA = "{{ 7*7 }}"
RAW = "{% raw %}"
HTML_FORMATS = [f for f in FORMATS if f.endswith("-html")]


@pytest.fixture
def evil() -> Case:
    return Case.from_json((FIXTURES / "injection.json").read_text(encoding="utf-8"))


class Page(HTMLParser):
    """Tags, attributes and the text a browser would show."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(page: str) -> Page:
    parser = Page()
    parser.feed(page)
    parser.close()
    return parser


def test_the_fixture_really_carries_the_payloads() -> None:
    raw = (FIXTURES / "injection.json").read_text(encoding="utf-8")
    for payload in (SCRIPT, JINJA, RAW, "\\u001b[31m", "\\u0000", "=HYPERLINK", "javascript:"):
        assert payload in raw


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_control_characters_in_any_format(evil: Case, fmt: str) -> None:
    from tests.test_export_documents import document_text

    text = document_text(fmt, render(evil, fmt, when=DAY, auditor="=auditor", content=CONTENT))
    assert "\x1b" not in text and "\x00" not in text
    if not fmt.startswith("family-"):  # the family's plan leaves such text out
        assert "[31mred" in text  # the visible remainder is kept, as typed


@pytest.mark.parametrize("fmt", HTML_FORMATS)
def test_html_shows_payloads_as_text(evil: Case, fmt: str) -> None:
    page = render(evil, fmt, when=DAY, content=CONTENT)
    parsed = parse(page)
    assert "script" not in parsed.tags
    assert not any(value and "javascript:" in value for _, value in parsed.attrs)
    assert not any(name.startswith("on") for name, _ in parsed.attrs)
    text = "".join(parsed.text)
    assert SCRIPT in text
    assert "49" not in text  # {{ 7*7 }} was never evaluated
    if fmt != "audit-html":  # names do not appear on the audit form
        assert "Zoe<script>" in text and "{{ Mo }}" in text
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


def test_audit_html_shows_payloads_as_text(evil: Case) -> None:
    text = "".join(parse(render(evil, "audit-html", when=DAY, content=CONTENT)).text)
    assert f"Child 1 needs {SCRIPT} {JINJA} {RAW}" in text
    assert "Mother needs" in text


def test_markdown_shows_payloads_as_text(evil: Case) -> None:
    """Rendered by a CommonMark renderer with raw HTML allowed, the worst case."""
    from markdown_it import MarkdownIt

    source = render(evil, "plan-md", when=DAY, with_supervision=True, content=CONTENT)
    page = MarkdownIt("commonmark", {"html": True}).enable("table").render(source)
    parsed = parse(page)
    assert "script" not in parsed.tags and "a" not in parsed.tags and "b" not in parsed.tags
    assert "em" not in parsed.tags  # *b* stayed literal
    text = "".join(parsed.text)
    assert SCRIPT in text and JINJA in text and RAW in text
    assert "[a](javascript:alert(1))" in text
    assert "# Not a heading" in text and "- not a list" in text
    assert parsed.tags.count("h1") == 1  # only the template's own title
    # The | typed by the worker is text inside a cell, not a new column.
    assert "| *b* & &amp;" in text
    assert page.count("<table>") == 5


def test_json_formats_keep_payloads_as_data(evil: Case) -> None:
    audit = json.loads(render(evil, "audit-json", when=DAY, content=CONTENT))
    assert audit["needs"][0]["wording"].startswith(f"Child 1 needs {SCRIPT} {JINJA} {RAW}")
    assert audit["needs"][1]["holder"] == "Mother"
    assert "{{ Mo }}" not in json.dumps(audit)
    text = render(evil, "case-json", content=CONTENT)
    assert Case.from_json(text) == evil
    assert text == evil.to_json()


def test_csv_defuses_formulas(evil: Case) -> None:
    text = render(evil, "audit-csv", when=DAY, auditor="=auditor", content=CONTENT)
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
    assert "'=auditor" in cells
    [form] = forms_from_csv(text)
    assert form.auditor == "=auditor"
    assert form.needs[0].services[0].startswith("=cmd|' /C calc'!A0")


def test_every_format_writes_a_file(evil: Case, tmp_path: Path) -> None:
    paths = export(evil, FORMATS, tmp_path, when=DAY, content=CONTENT)
    assert paths[0].name == "INJ-001-plan.html"
    for path in paths:
        if path.suffix in (".docx", ".pdf"):
            continue  # binary: test_no_control_characters_in_any_format reads their text
        data = path.read_bytes()
        assert b"\x00" not in data and b"\x1b" not in data
        data.decode("utf-8")
