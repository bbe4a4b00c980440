"""Exports of a case a student worked through in the app (found walking it; all people
fictional): a need rated at the top of the scale with help needed now, whose answer to
"is the child safe today?" the plan left out in every format, and a grandparent's need,
whose role label the audit form's Whose column broke in two ("Grandp|arent").

Golden copies of each document as a reader sees it are in tests/golden/NL-2026-090-*
(regenerate with UPDATE_GOLDEN=1 and review the diff).
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from assistant.exporters import export, render
from assistant.model import Case
from tests.helpers import CONTENT, FIXTURES
from tests.test_export_documents import GOLDEN, UPDATE, _golden, docx_outline, pdf_pages

DAY = date(2026, 11, 30)
SAFETY = "Nan Pat is staying over tonight; SW visiting tomorrow 9am."


@pytest.fixture
def severe() -> Case:
    return Case.model_validate_json((FIXTURES / "severe-need.json").read_text("utf-8"))


@pytest.mark.parametrize("fmt", ["plan-html", "plan-md", "audit-html"])
def test_golden(severe: Case, fmt: str, tmp_path: Path) -> None:
    [path] = export(severe, [fmt], tmp_path, when=DAY, content=CONTENT)
    golden = GOLDEN / path.name
    if UPDATE:
        shutil.copyfile(path, golden)
    assert golden.exists(), f"no golden file {golden.name}: run with UPDATE_GOLDEN=1"
    assert path.read_bytes() == golden.read_bytes(), (
        f"{fmt} differs from {golden.name}; if intended, regenerate with UPDATE_GOLDEN=1")


@pytest.mark.parametrize("fmt", ["plan-docx", "audit-docx"])
def test_docx_golden(severe: Case, fmt: str) -> None:
    data = render(severe, fmt, when=DAY, content=CONTENT)
    assert isinstance(data, bytes)
    _golden(f"NL-2026-090-{fmt}.txt", docx_outline(data))


@pytest.mark.parametrize("fmt", ["plan-html", "plan-md", "plan-docx", "plan-pdf"])
def test_the_plan_says_what_keeps_the_child_safe_now(severe: Case, fmt: str) -> None:
    data = render(severe, fmt, when=DAY, content=CONTENT)
    text = (data if isinstance(data, str) else docx_outline(data) if fmt.endswith("docx")
            else " ".join(" ".join(pdf_pages(data)).split()))
    assert "Immediate safety" in text and SAFETY in text, fmt
    assert text.count("Immediate safety") == 1, "said once, for the need it was asked of"


def test_a_case_without_a_safety_answer_shows_no_empty_line(case: Case) -> None:
    for fmt in ("plan-html", "plan-md", "plan-docx"):
        data = render(case, fmt, when=DAY, content=CONTENT)
        text = data if isinstance(data, str) else docx_outline(data)
        assert "Immediate safety" not in text, fmt


def test_the_audit_form_never_breaks_a_role_label(severe: Case) -> None:
    """The Whose column is as wide as its longest word: one line per role label."""

    data = render(severe, "audit-pdf", when=DAY, content=CONTENT)
    [page] = pdf_pages(data)
    lines = [line.strip() for line in page.splitlines()]
    assert any(line.startswith("4 Grandparent ") for line in lines), lines
    assert not any(line in ("Grandp", "arent") or line.endswith(" Grandp") for line in lines)
