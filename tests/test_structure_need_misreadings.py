"""Need statements the parse misreads or a shape the reader missed, each read as a class
(issue 10, point 1; the review and walk of the last session).

- A participle-adjective of change before a noun ("increased", "heightened",
  "strengthened") only says which way a quality should go: the noun phrase is judged, and
  where the parse made the participle the verb ("needs improved wellbeing": "needs" its
  auxiliary) the noun is still what is needed.
- A unit of a statute with a number ("a Section 47", "a Regulation 24") names a statutory
  process: a service, not a need.
- A setting asked for as another one ("a different nursery", "another class") asks for a
  move: a placement. A thing asked for new ("a new coat") stays specific.
- A sentence the parser ends where the writer put no stop ("the meter | so the flat stays
  warm") is a clause of the need before it, not a fragment read as a second need.
- A condition or reason set before the main clause with no comma ("Since Mum left Ari needs
  a mentor"): the holder is the main clause's subject, not a word of the condition.

Names and places are invented and appear in no list; real spaCy, real content.
"""

from __future__ import annotations

import pytest

from assistant.wording import Coach
from tests.helpers import scored_kinds

MUST_FLAG: list[tuple[str, set[str]]] = [
    # a participle of change grading a quality
    ("Noor needs increased self-esteem.", {"universal"}),
    ("Pim needs heightened confidence.", {"universal"}),
    ("The Farrowby twins need strengthened resilience.", {"universal"}),
    ("Orrin needs enhanced resilience.", {"universal"}),
    # the participle parsed as the verb
    ("Needs improved wellbeing.", {"universal"}),
    ("Orrin needs improved emotional wellbeing.", {"universal"}),
    ("The Farrowby children need improved wellbeing and confidence.", {"universal"}),
    # a statutory process by its section
    ("Tobin needs a Section 47.", {"service"}),
    ("Mum needs a Section 20.", {"service"}),
    ("Ari needs a Regulation 24.", {"service"}),
    # another setting: a placement
    ("Jory needs a different nursery.", {"service"}),
    ("Ava needs a new college.", {"service"}),
    ("Kai needs another class.", {"service"}),
    ("Noor needs an alternative setting.", {"service"}),
]

MUST_PASS: list[str] = [
    "Pim needs increased time with his Grandad on Sundays.",
    "Noor needs a raised toilet seat.",
    "Tobin needs a quiet section of the classroom to work in.",
    "Ari needs to read section 3 of his Brindle handbook with Gran.",
    "Ava needs a new coat for the Farrowby winter.",
    "Jory needs a new bed.",
    "Kai needs a new school bag.",
    # the parser ends a sentence where the writer did not ("stays" read as a noun): the
    # clause after it is the need's purpose, not a second statement (found by the lead)
    "Mum needs to top up the gas meter so the flat stays warm.",
    "Orla's mum needs to know how to use the gas meter so the flat stays warm.",
]

# A second sentence the writer ended is still a statement of its own.
MUST_FLAG.append(("Tobin needs to sleep through the night. Weekly counselling.", {"service"}))


@pytest.mark.parametrize(("text", "kinds"), MUST_FLAG)
def test_misread_faults_are_flagged(coach: Coach, text: str, kinds: set[str]) -> None:
    assert scored_kinds(coach, "need", text) == kinds


@pytest.mark.parametrize("text", MUST_PASS)
def test_the_specific_beside_them_is_not_flagged(coach: Coach, text: str) -> None:
    assert scored_kinds(coach, "need", text) == set()


@pytest.mark.parametrize(("text", "holder"), [
    ("Orrin needs improved emotional wellbeing.", "Orrin"),
    ("Mum needs improved mental health.", "Mum"),
])
def test_the_holder_of_a_misparsed_participle_is_the_subject(coach: Coach, text: str,
                                                             holder: str) -> None:
    reading = coach.read_need(text)
    assert reading is not None and reading.holder_text == holder
    assert coach.check(text).holder == holder


@pytest.mark.parametrize(("text", "holder", "counts"), [
    ("If Mum relapses Leo needs counselling.", "Leo", False),
    ("Unless Dad stops drinking Zuri needs counselling.", "Zuri", False),
    ("If Dad leaves Mum needs a parenting course.", "Mum", False),
    ("Since Mum left Ari needs a mentor.", "Ari", True),
    ("When Dad shouts her son needs counselling.", "her son", True),
    ("Because her brother left Brisa needs mentoring.", "Brisa", True),
])
def test_a_condition_with_no_comma_leaves_the_main_clause_its_holder(
        coach: Coach, text: str, holder: str, counts: bool) -> None:
    """The condition's own words stay out of the holder, with or without the comma, and
    the finding counts exactly as it does with the comma (a condition "if"/"unless" makes
    the main clause conditional; "since", "when", "because" do not)."""
    for said in (text, text.replace(" Leo", ", Leo").replace(" Zuri", ", Zuri")):
        reading = coach.read_need(said)
        assert reading is not None and reading.holder_text == holder, said
        report = coach.check(said)
        assert report.holder == holder, said
        assert report.findings and all(f.counts == counts for f in report.findings), said
