"""Services and aims in words no list holds, read by meaning inside the need reader's own
judgement (assistant/wording/structure/meaning.py, exemplars in
framework/words/need-meaning.yml), and the specific needs it must leave alone.

Why: the word lists hold the services and aims someone thought of; a plan names others.
Where the reader found no service, aim or assessment and nothing particular hangs on what
is needed, it compares the words of what is needed with exemplar phrases of each kind.
The must-fail nouns and phrasings below are in no rule, lexicon or exemplar (checked
here), so they are caught by meaning, not by a list; the must-pass needs are concrete
and personal, name a service inside something particular, or are negated.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.content import Content, ContentError
from assistant.wording import Coach
from assistant.wordlists import FOLDER, english
from tests.helpers import ROOT, listed_in_wording, scored_kinds

FLAGGED: list[tuple[str, str]] = [
    # provision a service or scheme gives, in words no list has
    ("Jordan needs a gym membership.", "service"),
    ("Kai needs a cinema pass.", "service"),
    ("Mum needs a crisis loan.", "service"),
    ("Jordan needs a youth theatre.", "service"),
    ("Mum needs a hardship fund.", "service"),
    ("A scout troop.", "service"),
    # an aim every child shares, in words no aim list holds together
    ("Kai needs to reach his dreams as a grown-up.", "universal"),
]

#: The words of FLAGGED that carry what is asked for, none of which may be a list's or an
#: exemplar's ("gym" is a list's place word, as "pool" is; "a gym membership" is not).
NOVEL = ["membership", "cinema", "loan", "theatre", "hardship", "scout", "troop", "dreams",
         "grown-up"]

NOT_FLAGGED: list[str] = [
    # concrete personal needs
    "Kai needs someone he trusts to talk to.",
    # was "Kai needs help with getting dressed.": help with doing something is labelled
    # service in every dev row (rule service-help-with, test below); help from a
    # particular person is still concrete and personal
    "Kai needs his dad's help with getting dressed.",
    "Kai needs to be able to sit still in circle time.",
    "Ava needs to understand what happens at her CAMHS appointments so she is not "
    "frightened.",
    "Kai needs a torch.",
    "Tia needs a hairbrush.",
    "Tia needs a duvet.",
    "Kai needs a pencil case.",
    "Mum needs to buy nappies.",
    "Tia needs to tidy her bedroom before tea.",
    "Kai needs to walk the dog with his grandad.",
    # what is wrong described, not asked for
    "Poor diet.",
    # negated
    "Kai does not need a gym membership.",
    "Mum does not need a crisis loan; she needs to know which bills to pay first.",
]


@pytest.mark.parametrize(("text", "kind"), FLAGGED)
def test_unlisted_services_and_aims_are_read_by_meaning(coach: Coach, text: str,
                                                        kind: str) -> None:
    report = coach.check(text)
    assert scored_kinds(coach, "need", text) == {kind}, report.to_dict()
    finding = next(f for f in report.findings if f.kind == kind)
    assert finding.rule.startswith("structure-")
    # the message says honestly what was read: by meaning, and nearest to what
    assert "read by meaning" in finding.message and "nearest to" in finding.message


def test_the_flagged_words_are_in_no_list_or_exemplar() -> None:
    words = english(Content()).need_meaning
    exemplars = " ".join(p for shape in (words.phrase, words.aim)
                         for p in [*shape.specific, *(e for es in shape.faults.values()
                                                      for e in es)])
    assert listed_in_wording(NOVEL) == []
    assert [w for w in NOVEL if w in exemplars] == []


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_concrete_needs_and_negations_are_not_read_as_services(coach: Coach,
                                                               text: str) -> None:
    assert not scored_kinds(coach, "need", text), coach.check(text).to_dict()


def test_help_with_doing_something_is_a_service_by_the_labels_not_by_meaning(
        coach: Coach) -> None:
    """Moved from NOT_FLAGGED: every dev row of help with doing something is labelled
    service (eval/README.md, Labelling guide); the word rule says it, not the meaning
    reader."""
    report = coach.check("Kai needs help with getting dressed.")
    assert report.kinds == ["service"], report.to_dict()
    assert {f.rule for f in report.findings} == {"service-help-with"}


def test_the_reading_names_the_exemplar_it_is_nearest(coach: Coach) -> None:
    reading = coach.read_need("Jordan needs a gym membership.")
    assert reading is not None and reading.category == "service"
    assert "gym membership" in reading.reason
    exemplars = english(Content()).need_meaning.phrase.faults["service"]
    assert any(f'"{e}"' in reading.reason for e in exemplars), reading.reason


def _override(tmp_path: Path, text: str) -> Content:
    folder = tmp_path.joinpath(*FOLDER)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "need-meaning.yml").write_text(text, encoding="utf-8")
    return Content(tmp_path)


@pytest.mark.parametrize(("edit", "message"), [
    (lambda t: t.replace("nearest: 3", "nearest: 30"), "nearest"),
    (lambda t: t.replace("    - bedtime routine\n", "    - bedtime routine\n    - respite care\n"),
     "respite care.*both"),
    (lambda t: t.replace("    - night light\n", "    - Night light\n"), "lower case"),
    (lambda t: re.sub(r"  margin: [0-9.]+\n", "  margin: 2\n", t, count=1), "margin"),
])
def test_a_broken_exemplar_file_is_reported(tmp_path: Path, edit, message: str) -> None:
    text = (ROOT.joinpath(*FOLDER) / "need-meaning.yml").read_text(encoding="utf-8")
    changed = edit(text)
    assert changed != text
    with pytest.raises(ContentError, match=message):
        english(_override(tmp_path, changed)).need_meaning  # noqa: B018


def test_the_vectors_are_read_only_when_a_phrase_reaches_them(coach: Coach) -> None:
    """A reader loads no exemplars or vectors for a need its lists judge, nor for a
    specific one they read as particular; the first phrase they are silent on loads them."""
    from assistant.wording.structure import StructureReader

    reader = StructureReader.from_content(Content())
    nlp = coach.load()._engine.nlp
    for text in ("Kai needs counselling.", "Kai needs to be able to sit still in circle time.",
                 "Kai needs someone he trusts to talk to."):
        reader.read_needs(nlp(text))
    assert reader.meaning._shapes is None
    reading = reader.read_need(nlp("Jordan needs a gym membership."))
    assert reader.meaning._shapes is not None
    assert reading is not None and reading.category == "service"
