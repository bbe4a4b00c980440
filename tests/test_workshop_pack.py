"""The workshop pack: one print-ready document for the day, in HTML and PDF, and the
facilitator's notes as the trainer's own file.

Real parts: the real vignettes and content, the real command in a subprocess, the PDF laid
out by WeasyPrint and read back with pypdf. Golden files: after an intended change to the
templates, regenerate them with ``UPDATE_GOLDEN=1 .venv/bin/python -m pytest
tests/test_workshop_pack.py`` and review the diff.
"""

from __future__ import annotations

import html as html_module
import os
import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from assistant.content import Content, ContentError
from assistant.practice import load_vignettes
from assistant.workshoppack import load_workshop_text
from tests.helpers import CONTENT, run_cli

GOLDEN = Path(__file__).resolve().parent / "golden" / "workshop"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory, content=CONTENT) -> Path:
    out = tmp_path_factory.mktemp("pack")
    result = run_cli("workshop", "pack", "all", "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("notes")
    result = run_cli("workshop", "pack", "all", "--answers", "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


def _answers() -> list[str]:
    """Every model answer and facilitator's note the content holds, as plain text."""
    texts = list(load_workshop_text(Content()).facilitator_notes)
    for vignette in load_vignettes(Content()):
        texts += vignette.teaching_notes + vignette.traps
        for need in vignette.model:
            texts += [need.wording, need.consequences, need.outcome, need.work]
    return texts


def _plain(document: str) -> str:
    return " ".join(html_module.unescape(re.sub(r"<[^>]+>", " ", document)).split())


def test_the_participants_pack_gives_no_answer_away(pack: Path) -> None:
    """A trainer hands the pack out: no model analysis, teaching note, trap or facilitator's
    note is in it, in the HTML, the PDF or a vignette's own page."""
    pdf = " ".join(" ".join(page.extract_text().split())
                   for page in PdfReader(pack / "workshop-pack.pdf").pages)
    documents = {"workshop-pack.pdf": pdf}
    for path in pack.glob("*.html"):
        documents[path.name] = _plain(path.read_text())
    answers = _answers()
    assert len(answers) > 20
    for name, text in documents.items():
        assert "Facilitator" not in text and "model analysis" not in text.lower(), name
        for answer in answers:
            # a PDF line break may fall anywhere: compare the first words only there
            probe = " ".join(answer.split()[:6]) if name.endswith(".pdf") else answer
            assert " ".join(probe.split()) not in text, (name, answer)


def test_the_facilitators_notes_are_their_own_file(notes: Path) -> None:
    names = sorted(p.name for p in notes.iterdir())
    assert "facilitator-notes.html" in names and "facilitator-notes.pdf" in names
    assert "workshop-pack.html" not in names
    text = _plain((notes / "facilitator-notes.html").read_text())
    for answer in _answers():
        assert " ".join(answer.split()) in text, answer
    reader = PdfReader(notes / "facilitator-notes.pdf")
    assert "Facilitator's notes" in reader.pages[0].extract_text()


@pytest.mark.parametrize("name", ["workshop-pack.html", "facilitator-notes.html"])
def test_golden(name: str, pack: Path, notes: Path) -> None:
    """Each document matches its reviewed golden copy byte for byte."""
    path = (pack if name.startswith("workshop") else notes) / name
    golden = GOLDEN / name
    if UPDATE:
        GOLDEN.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, golden)
    assert golden.exists(), f"no golden file {golden.name}: run with UPDATE_GOLDEN=1"
    assert path.read_bytes() == golden.read_bytes(), (
        f"{name} differs from {golden.name}; if intended, regenerate with UPDATE_GOLDEN=1")


def test_one_document_holds_agenda_vignettes_and_the_blank_form(pack: Path) -> None:
    html = (pack / "workshop-pack.html").read_text()
    workshop = load_workshop_text(Content())
    vignettes = load_vignettes(Content())
    assert workshop.title in html and "Agenda" in html
    for row in workshop.agenda:
        assert row.item.replace("'", "&#39;") in html or row.item in html
    for vignette in vignettes:
        assert vignette.title in html
    assert html.count("Audit form: needs identified and services provided") == 1


def test_the_pdf_is_a4_with_the_blank_form_on_one_page(pack: Path) -> None:
    reader = PdfReader(pack / "workshop-pack.pdf")
    vignettes = load_vignettes(Content())
    assert len(reader.pages) >= len(vignettes) + 2  # agenda, vignettes, form
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (210, 297)
    texts = [page.extract_text() for page in reader.pages]
    form_pages = [i for i, text in enumerate(texts) if "Audit form: needs identified" in text]
    assert len(form_pages) == 1
    assert "Age bands" in texts[form_pages[0]], "the blank form spills onto a second page"


def test_no_internal_labels_reach_the_reader(pack: Path, notes: Path) -> None:
    documents = [(folder / f"{stem}.html").read_text()
                 for folder, stem in ((pack, "workshop-pack"), (notes, "facilitator-notes"))]
    for folder, stem in ((pack, "workshop-pack"), (notes, "facilitator-notes")):
        reader = PdfReader(folder / f"{stem}.pdf")
        documents.append(" ".join(page.extract_text() for page in reader.pages))
    for document in documents:
        assert not re.search(r"seeds?/0\d\d|seeds 0\d\d", document, re.IGNORECASE)
        assert not re.search(r"\b[a-z]+-[a-z]+-(?:request|led|aim)\b", document)
        assert "PRACTICE-" not in document


def test_the_workshop_text_is_validated_content(tmp_path: Path) -> None:
    folder = tmp_path / "prompts"
    folder.mkdir()
    (folder / "workshop.yml").write_text("title: x\nagenda: []\ncolour: red\n")
    with pytest.raises(ContentError, match=r"workshop\.yml"):
        load_workshop_text(Content(tmp_path))
