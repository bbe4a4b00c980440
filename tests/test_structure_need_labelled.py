"""Needs listed after the person they are for ("Callum - CAMHS referral re low mood",
"Mum: a place at a refuge"), as plans and minutes write them.

Why: the parser hangs such a fragment on the name, so the reader read the name as what
is needed and said nothing: "Callum - CAMHS referral re low mood." passed as specific
while "CAMHS referral" alone was a service. The class is the shape (a person, a mark, a
fragment), not the words: the people, places and services here are invented and in no
list. "re" (regarding), which the parser takes for the root, is read the same way.
"""

from __future__ import annotations

import pytest

from assistant.wording import Coach
from tests.helpers import scored_kinds

#: (statement, the kind the fragment after the mark is, the person it is for)
FAULTS: list[tuple[str, str, str]] = [
    ("Quillan - Tennick youth project referral re his temper.", "service", "Quillan"),
    ("Morwenna: a place at the Brennock refuge.", "service", "Morwenna"),
    ("Child 2 - counselling.", "service", "Child 2"),
    ("Mum: a referral to the Kestrelwood parenting course.", "service", "Mum"),
    ("Quillan - to be safe and happy.", "universal", "Quillan"),
]

#: The same shape with a concrete need after the mark stays silent.
SPECIFIC: list[str] = [
    "Quillan - glasses that fit.",
    "Morwenna: to walk to school with her friend Jem on Mondays.",
    "Child 2 - a warm coat and shoes that fit before the winter.",
]


@pytest.mark.parametrize(("text", "kind", "person"), FAULTS)
def test_a_need_listed_after_its_person_is_judged_and_asked_about_them(
        coach: Coach, text: str, kind: str, person: str) -> None:
    assert scored_kinds(coach, "need", text) == {kind}, coach.check(text).to_dict()
    finding = next(f for f in coach.check(text).findings if f.kind == kind)
    assert f"for {person}?" in finding.message, finding.message
    assert finding.start > text.index(person), "the finding covers the need, not the name"


@pytest.mark.parametrize("text", SPECIFIC)
def test_a_concrete_need_listed_after_its_person_is_not_a_fault(coach: Coach,
                                                                 text: str) -> None:
    assert scored_kinds(coach, "need", text) == set(), coach.check(text).to_dict()


@pytest.mark.parametrize("text", ["Tennick youth project referral re his temper.",
                                  "Brennock mentoring referral re school refusal."])
def test_re_is_read_as_about_not_as_the_root(coach: Coach, text: str) -> None:
    assert scored_kinds(coach, "need", text) == {"service"}, coach.check(text).to_dict()


@pytest.mark.parametrize(("text", "asked"), [
    # the person a fragment's thing is for is the one asked about
    ("Counselling for Morwenna.", "what would counselling change for Morwenna?"),
    ("A personal assistant for Quillan.", "what would a personal assistant change for Quillan?"),
    ("A referral to the Tennick youth project for Quillan.",
     "what would a referral to the Tennick youth project change for Quillan?"),
    # a first word capitalised only by its place reads in lower case in the question; a
    # name no list holds keeps its capital
    ("Referral to the Kestrelwood clinic.", "what would referral"),
    ("Tennick youth project re his temper.", "what would Tennick youth project change"),
])
def test_the_question_names_the_thing_and_the_person_as_a_sentence_would(
        coach: Coach, text: str, asked: str) -> None:
    finding = next(f for f in coach.check(text).findings if f.kind == "service")
    assert asked in finding.message, finding.message
