"""Needs the reader passed over, each with specific needs of the same build that must
stay silent (found by the lead checking invented statements).

Why: each is read by its shape, not by its words.

- people only ranked first by a carer ("to put the children first", "to put Tilvey
  first") are an aim, as "adults who put her first" is; putting them somewhere first
  ("to bed first") says what is done;
- a move between settings asked for as a noun ("a transfer to a new school", "a change
  of nursery") asks for a placement, as "a new school" does; a move to a home, a lift
  to school, or a change of clothes does not;
- a provision run by a name in the possessive with nothing owned ("the Saturday club run
  by Brannoch's") is run by an organisation; run by a person ("by his uncle", "by
  Tilvey") it is not a service;
- an infinitive joined to the need verb after what is needed ("needs bereavement
  counselling and to engage with alcohol services") is a need of its own: a fault in it
  gets its own finding, whatever the first was, as it would alone.

The invented names and places are in no hand-written word list.
"""

from __future__ import annotations

import pytest

from assistant.wording import Coach
from tests.helpers import listed_in_wording, scored_kinds

FLAGGED: list[tuple[str, str]] = [
    ("Quessa's mum needs to put the children first.", "universal"),
    ("Quessa's dad needs to put Tilvey first.", "universal"),
    ("Tilvey needs a transfer to a new school.", "service"),
    ("Tilvey needs a change of nursery.", "service"),
    ("Orrin needs to go to the Saturday club run by Brannoch's.", "service"),
    ("Quessa needs a bike and to attend the Brannoch youth club.", "service"),
]

NOT_FLAGGED: list[str] = [
    "Quessa's mum needs to put the children to bed first.",
    "Tilvey needs a move to a bigger flat.",
    "Tilvey needs a lift to school.",
    "Tilvey needs a change of clothes.",
    "Orrin needs to go to football with his dad on Saturdays.",
    "Orrin needs to go to the football club run by his uncle.",
    "Orrin needs to go to the games night run by Tilvey.",
    "Quessa needs a laptop and to do her homework every night.",
]


@pytest.mark.parametrize(("text", "kind"), FLAGGED)
def test_unread_shapes_are_flagged(coach: Coach, text: str, kind: str) -> None:
    assert scored_kinds(coach, "need", text) == {kind}, coach.check(text, "need").to_dict()


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_specific_needs_of_the_same_build_stay_silent(coach: Coach, text: str) -> None:
    assert not scored_kinds(coach, "need", text), coach.check(text, "need").to_dict()


def test_a_joined_need_gets_its_own_finding(coach: Coach) -> None:
    """The second need is named as it would be alone, not folded into the first."""
    text = "Quessa needs bereavement counselling and to engage with Brannoch services."
    alone = "Quessa needs to engage with Brannoch services."
    report = coach.check(text, "need")
    joined = [f for f in report.findings if f.match.startswith("to engage")]
    assert joined and {f.kind for f in joined} & set(coach.check(alone, "need").kinds), \
        report.to_dict()
    assert any(f.match == "needs bereavement counselling" for f in report.findings), \
        report.to_dict()


def test_a_joined_passive_need_gets_its_own_finding(coach: Coach) -> None:
    text = "Quessa needs counselling and to be referred to the Brannoch team."
    report = coach.check(text, "need")
    assert any(f.kind == "service" and f.match.startswith("to be referred")
               for f in report.findings), report.to_dict()


def test_the_invented_words_are_in_no_word_list() -> None:
    assert listed_in_wording(["tilvey", "quessa", "orrin", "brannoch"]) == []
