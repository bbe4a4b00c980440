"""Needs about a thing the person owns, a place where time with someone is spent, and a
provision the parser cut short (found by the lead checking invented statements).

Why: each was read by the wrong word of its shape.

- a thing of the person's own ("Orrin's nebuliser", "her hijab") looked after or kept
  safe, or honoured by someone named, is particular; the parser may read "Orrin's X" as the holder
  of a plan-style line, or "her hijab" as a pronoun and an adverb, and neither makes the
  thing vanish. The person looked after, their rights in general, or what they are or
  believe only honoured, stay aims every child shares;
- a place where the person does something with a person of their own ("to see her dad
  at the family centre") is the setting, not the service asked for, however the parser
  hung the place; attending sessions there, or seeing a professional there, stay service;
- a run of nouns naming one provision ("a food bank voucher") that the parser cut short,
  reading its last noun as an adverb, is still that provision; a real adverb after
  several things ("sessions online") or a time after one ("a break tonight") is not.

The invented names, places and owned things are in no hand-written word list.
"""

from __future__ import annotations

import pytest

from assistant.wording import Coach
from tests.helpers import listed_in_wording, scored_kinds

FLAGGED: list[tuple[str, str]] = [
    # the person, their rights, or what they believe, only looked after or honoured
    ("Orrin to be looked after.", "universal"),
    ("Orrin's health to be looked after.", "universal"),
    ("Quessa needs her rights respected.", "universal"),
    ("Quessa needs to be respected by her foster carers.", "universal"),
    ("Orrin's faith to be respected.", "universal"),
    ("Orrin needs to be kept safe.", "universal"),
    ("Orrin needs his wellbeing kept safe.", "universal"),
    # sessions at a place, or a professional seen there
    ("Tilvey needs to attend sessions at the Brannoch family centre.", "service"),
    ("Quessa's mum needs to see a counsellor at the Brannoch family centre.", "service"),
    ("Tilvey needs to see Dr Orrin at the Brannoch clinic.", "service"),
    # a provision whose last noun the parser read as an adverb
    ("Quessa's mum needs a food bank voucher.", "service"),
    ("Quessa's mum needs a supermarket voucher.", "service"),
    ("Parents need one-to-one Triple P sessions online.", "service"),
]

NOT_FLAGGED: list[str] = [
    # a thing of the person's own, looked after or honoured by someone named
    "Quessa needs her hijab respected by her foster carers.",
    "Orrin's nebuliser to be looked after.",
    "Orrin's rosary to be looked after at his dad's.",
    "Orrin's prayer mat to be respected by his carers.",
    # a thing of theirs kept safe
    "Orrin's rosary to be kept safe.",
    "Tilvey needs the photos and nebuliser she brought from Brannoch kept safe.",
    # time with someone of their own, at a place
    "Tilvey needs to see her dad every Saturday at the Brannoch family centre.",
    "Quessa needs to meet her sister at the Brannoch contact centre every week.",
    # one thing and a time, not a provision cut short
    "Quessa's mum needs a break tonight.",
    "Quessa's mum needs a lift home.",
    "Quessa's mum needs enough money for the gas meter each week.",
]


@pytest.mark.parametrize(("text", "kind"), FLAGGED)
def test_aims_and_services_of_the_same_build_stay_flagged(coach: Coach, text: str,
                                                          kind: str) -> None:
    assert scored_kinds(coach, "need", text) == {kind}, coach.check(text, "need").to_dict()


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_owned_things_and_settings_are_specific(coach: Coach, text: str) -> None:
    assert not scored_kinds(coach, "need", text), coach.check(text, "need").to_dict()


def test_the_invented_words_are_in_no_word_list() -> None:
    assert listed_in_wording(["tilvey", "quessa", "orrin", "brannoch", "hijab",
                              "nebuliser", "rosary"]) == []
