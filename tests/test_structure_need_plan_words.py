"""Needs as practitioners write them in court reports, case plans and support plans, each
read as a class from the structure (issue 10, points 1 and 6; the needs5 fresh check).

- Help "with" an activity named by a gerund ("support with finding a flat") is
  help in an area of life, as "help with her housing" is: a service. Help "to" do
  something says what must change, however the parser hangs the infinitive ("help to say
  goodbye" parsed as a complement of "help"), and help from a named person stays a
  particular arrangement.
- A counted amount ("twelve weeks of counselling", "ten sessions of ... mentoring") is
  judged by what it is an amount of; "two pairs of school shoes" stays specific.
- A state of joining a service ("to remain engaged with her support worker", "to stay
  engaged with the ... outreach team") is using the service, as "to engage with" is; staying
  engaged with a child's own things is not.
- Carers described only by evaluative adjectives ("a warm, stable and loving family",
  "nurturing carers") are an aim every child shares, as "a stable home" is; carers of a
  kind or with a particular task are not.
- A name the tagger reads as a verb before a plan-style infinitive ("Zoe to thrive") is the
  holder, and the infinitive is judged.

Names and places are invented and appear in no list; real spaCy, real content.
"""

from __future__ import annotations

import pytest

from assistant.wording import Coach
from tests.helpers import scored_kinds

MUST_FLAG: list[tuple[str, set[str]]] = [
    # help with an activity
    ("Dad needs support with sorting out the Farrowby tenancy forms.", {"service"}),
    ("Gran needs advice with applying for a Brindle grant.", {"service"}),
    ("Dad needs support with finding a Quillbrook flat.", {"service"}),
    # a counted amount of a service
    ("Dad needs twelve weeks of counselling.", {"service"}),
    ("Dad requires four to six months of family therapy before the boys could stay "
     "overnight.", {"service"}),
    # staying engaged with a service
    ("Mum to stay engaged with the Brackwell outreach team.", {"service"}),
    ("Mum to remain engaged with her Tarnley support worker.", {"service"}),
    # carers judged only by how good they should be
    ("Tobin needs a calm, consistent and loving family.", {"universal"}),
    ("Ari needs nurturing carers.", {"universal"}),
    ("The Farrowby children need a warm, stable and loving family throughout their "
     "childhood.", {"universal"}),
    # a name read as a verb before a plan-style infinitive
    ("Zoe to thrive.", {"universal"}),
]

MUST_PASS: list[str] = [
    # help to do something particular, however parsed
    "Bo needs help to say goodbye to his Farrowby foster carers before he moves.",
    "Noor needs help to tell her teacher when the Farrowby boys tease her.",
    "Jory needs support to choose a Quillbrook football kit.",
    "Pim needs help from Gran with reading his Brindle letters.",
    # an amount of something personal
    "Ari needs two pairs of school shoes.",
    "Kai needs three evenings of quiet time with Dad.",
    # staying engaged with the child's own things
    "Dad needs to stay engaged with Jory's homework.",
    # carers of a kind or for a task
    "Ari needs a Brindle-speaking family.",
    "Noor needs carers who can drive her to Farrowby.",
    # a plan-style need with a name the tagger may misread
    "Zoe to wash her own hair on Sundays.",
]


@pytest.mark.parametrize(("text", "kinds"), MUST_FLAG)
def test_plan_words_faults_are_flagged(coach: Coach, text: str, kinds: set[str]) -> None:
    assert scored_kinds(coach, "need", text) == kinds


@pytest.mark.parametrize("text", MUST_PASS)
def test_plan_words_specific_needs_pass(coach: Coach, text: str) -> None:
    assert scored_kinds(coach, "need", text) == set()
