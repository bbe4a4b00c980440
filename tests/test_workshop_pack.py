"""The workshop pack: one print-ready document for the day, in HTML and PDF.

Real parts: the real vignettes and content, the real command in a subprocess, the PDF laid
out by WeasyPrint and read back with pypdf.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from assistant.content import Content, ContentError
from assistant.practice import load_vignettes
from assistant.workshoppack import load_workshop_text
from tests.helpers import CONTENT, run_cli


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory, content=CONTENT) -> Path:
    out = tmp_path_factory.mktemp("pack")
    result = run_cli("workshop", "pack", "all", "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


def test_one_document_holds_agenda_vignettes_blank_form_and_notes(pack: Path) -> None:
    html = (pack / "workshop-pack.html").read_text()
    workshop = load_workshop_text(Content())
    vignettes = load_vignettes(Content())
    assert workshop.title in html and "Agenda" in html
    for row in workshop.agenda:
        assert row.item.replace("'", "&#39;") in html or row.item in html
    for vignette in vignettes:
        assert vignette.title in html
    assert html.count("Audit form: needs identified and services provided") == 1
    assert "Facilitator&#39;s notes" in html or "Facilitator's notes" in html
    assert "Traps: wordings participants often reach for" in html


def test_the_pdf_is_a4_with_the_blank_form_on_one_page(pack: Path) -> None:
    reader = PdfReader(pack / "workshop-pack.pdf")
    vignettes = load_vignettes(Content())
    assert len(reader.pages) >= len(vignettes) + 3  # agenda, vignettes, form, notes
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (210, 297)
    texts = [page.extract_text() for page in reader.pages]
    form_pages = [i for i, text in enumerate(texts) if "Audit form: needs identified" in text]
    assert len(form_pages) == 1
    assert "Age bands" in texts[form_pages[0]], "the blank form spills onto a second page"


def test_no_internal_labels_reach_the_reader(pack: Path) -> None:
    reader = PdfReader(pack / "workshop-pack.pdf")
    text = " ".join(page.extract_text() for page in reader.pages)
    html = (pack / "workshop-pack.html").read_text()
    for document in (text, html):
        assert not re.search(r"seeds?/0\d\d|seeds 0\d\d", document, re.IGNORECASE)
        assert not re.search(r"\b[a-z]+-[a-z]+-(?:request|led|aim)\b", document)
        assert "PRACTICE-" not in document


def test_the_workshop_text_is_validated_content(tmp_path: Path) -> None:
    folder = tmp_path / "prompts"
    folder.mkdir()
    (folder / "workshop.yml").write_text("title: x\nagenda: []\ncolour: red\n")
    with pytest.raises(ContentError, match=r"workshop\.yml"):
        load_workshop_text(Content(tmp_path))
