"""The family's plan: the family's words, plain words, and proofreading.

Every practice vignette's model plan is exported as the family's plan and must read at
Flesch-Kincaid grade 6 or below (textstat, as benchmarks/readability.py prints). What the
worker wrote for professionals never reaches the family unseen: a sentence the plain-words
check cannot simplify is left out, and the worker is told.
"""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path

import pytest

from assistant.content import Content
from assistant.exporters import export, render
from assistant.model import Case
from assistant.plainwords import FamilyText, load_words, make_plain
from assistant.practice import load_vignettes
from assistant.rendering.templates import export_file
from benchmarks.readability import model_case, use_offline_cmudict, visible_text
from tests.helpers import CONTENT, FIXTURES, run_cli

DAY = date(2026, 11, 20)


@pytest.fixture(scope="module")
def words():
    content = Content()
    return load_words(content, export_file(content, "plain-words.yml"))


def _sentences(page: str) -> list[str]:
    """The text of each paragraph and list item a family reads."""
    body = re.sub(r'<p class="running">.*?</p>', "", page.split("<body", 1)[1], flags=re.S)
    blocks = re.findall(r"<(p|li)[^>]*>(.*?)</\1>", body, flags=re.S)
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())
            for _, text in blocks]


@pytest.mark.parametrize("vignette", load_vignettes(CONTENT), ids=lambda v: v.id)
def test_every_vignettes_family_plan_reads_at_grade_six(vignette, tmp_path_factory) -> None:
    use_offline_cmudict(tmp_path_factory.getbasetemp() / "nltk_data")
    import textstat

    page = str(render(model_case(vignette), "family-html", when=DAY, content=CONTENT))
    grade = textstat.flesch_kincaid_grade(visible_text(page))
    assert grade <= 6.0, f"{vignette.id}: grade {grade:.1f}"


@pytest.mark.parametrize("vignette", load_vignettes(CONTENT), ids=lambda v: v.id)
def test_family_plans_are_proofread(vignette) -> None:
    """Sentences end with full stops; nothing in the first person from the worker's notes;
    the professional 'what happens if not met' never reaches the family."""
    case = model_case(vignette)
    page = str(render(case, "family-html", when=DAY, content=CONTENT))
    for sentence in _sentences(page):
        assert re.search(r"[.!?]$", sentence), f"no full stop: {sentence!r}"
        assert sentence[:1].isupper() or sentence[:1].isdigit(), sentence
        assert not re.search(r"(?<!\w)(I|me|my)(?!\w)", sentence), sentence
    for need in case.needs:
        assert need.seriousness is not None
        assert need.seriousness.consequences not in page


def test_family_words_are_used_and_professional_prose_is_left_out(case: Case,
                                                                   tmp_path: Path) -> None:
    tyler = case.needs[3]
    tyler.seriousness.consequences = (  # type: ignore[union-attr]
        "He could be arrested, excluded or end up living away from home.")
    tyler.strengths = ("Tyler is good at football. His behaviour is likely to escalate "
                       "without a safeguarding response. Tell me if the coach calls")
    case.needs[0].family_words = "kayla needs help to get to school on time every day"
    notes: list[str] = []
    export(case, ["family-html", "family-docx", "family-pdf"], tmp_path, when=DAY,
           notes=notes, content=CONTENT)
    page = (tmp_path / "NL-2026-014-family-plan.html").read_text("utf-8")
    assert "Kayla needs help to get to school on time every day." in page
    assert "8.45 every morning, rested" not in page  # the family's words replace it
    assert "arrested" not in page and "escalate" not in page and "Tell me" not in page
    assert "Tyler is good at football." in page
    assert any("escalate" in n and n.startswith("Need 4, what is going well") for n in notes)
    assert any("first person" in n for n in notes)
    assert len(notes) == len(set(notes)) == 2  # told once, not once per format


def test_cli_tells_the_worker_what_was_left_out(case: Case, tmp_path: Path) -> None:
    case.needs[0].strengths = "I visited and she was fine. Kayla likes her teacher."
    source = tmp_path / "case.json"
    source.write_text(case.to_json(), encoding="utf-8")
    done = run_cli("export", str(source), "-f", "family-html", "--out", str(tmp_path / "o"))
    assert done.returncode == 0, done.stderr
    assert "leaves out 1 piece" in done.stderr
    assert 'Need 1, what is going well: "I visited and she was fine."' in done.stderr


def test_every_phrase_swap_has_an_example_that_reads_right(words) -> None:
    assert words.phrases_without_examples() == []
    plain = make_plain(words)
    for example in words.examples:
        assert plain(example.text) == example.plain


def test_swaps_keep_articles_and_capitals_right(words) -> None:
    plain = make_plain(words)
    assert plain("An intervention starts. Two interventions follow.") == (
        "A kind of help starts. Two kinds of help follow.")
    assert plain("a multi-agency meeting") == "a joint meeting"
    verbs = [p for p in words.phrases if p.split()[-1].endswith(("ate", "ise", "ize"))]
    assert verbs == [], "swap noun phrases, not verbs: a verb swap breaks grammar"


def test_sentences_are_finished_and_fragments_kept_as_words(words) -> None:
    family = FamilyText(words)
    assert family.plain("aunt walks Kayla to school; she has breakfast") == (
        "Aunt walks Kayla to school. She has breakfast.")
    assert family.plain("Does she sleep? Yes!") == "Does she sleep? Yes!"
    assert family.words_only("Each school day.", lower=True) == "each school day"
    assert family.words_only("GP surgery", lower=True).startswith("family doctor")
    assert family.left_out == []


def test_injection_is_still_text_in_the_family_plan() -> None:
    evil = Case.from_json((FIXTURES / "injection.json").read_text(encoding="utf-8"))
    page = str(render(evil, "family-html", when=DAY, content=CONTENT))
    assert "<script>" not in page.split("<body", 1)[1]
