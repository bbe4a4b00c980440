"""Outcomes and work items as real plans write them: fragments, instructions and cells.

Work: an instruction with no subject ("Phone the office to check ...", "To encourage Mum
to ...") names no owner, and its purpose clause is not its action; a provision-map cell
that names an arrangement ("Use of ...", "... sizes") or help by its format only ("Group
support from ...", "Advice on ...", "Access to ... and opportunities to ...") names no
action; whoever a fragment acts on, includes or speaks of is not its owner ("Meeting the
nurse every week", "making sure their son gets to ..."); a condition ("when his
temperature is above 38", "when playing with her", "with any sign of ...") or a counted
span ("for the next 3 days", "6 x 20 mins") says when or how often.

Outcomes: a target written as what adults will do ("Encourage Milo to ...", "Support Rhea
in learning ...") is a service outcome; "will be observed on 3 out of 4 occasions to X" is
judged by X; taking part in everyday play, or using its things, is the child's own doing;
a capacity someone has ("the confidence and skills to ...") is no change anyone could see.

The names of things below are invented: the first test checks that the word each case
rests on is in none of the wording files, so the coach reads the shape, not a list.
"""

from __future__ import annotations

import pytest

from assistant.wording import Coach
from tests.helpers import listed_in_wording, scored_kinds

ALL_WORK = {"no-action", "no-frequency", "no-owner"}

# (stage, text, the kinds a good coach raises, the invented word it rests on)
MUST_FLAG: list[tuple[str, str, set[str], str]] = [
    # an instruction to no one; its purpose clause is not the action
    ("work", "Phone the Tallon office to check on the move.", {"no-frequency", "no-owner"},
     "tallon"),
    ("work", "To encourage Mum to fill in the Verrin forms.", {"no-frequency", "no-owner"},
     "verrin"),
    # provision-map cells: an arrangement, or help by its format only
    ("work", "Use of a Marrow board, for example in maths.", ALL_WORK, "marrow"),
    ("work", "Larger Quenby desk sizes.", ALL_WORK, "quenby"),
    ("work", "Advice on Tressel payments.", ALL_WORK, "tressel"),
    ("work", "Group support from the Hollin worker in reading.",
     {"no-action", "no-frequency"}, "hollin"),
    ("work", "Access to a Pelham reader and opportunities to practise reading aloud.",
     ALL_WORK, "pelham"),
    ("work", "In class support focused on Brenna tables.", ALL_WORK, "brenna"),
    ("work", "Support/guidance from the Wexcombe agencies, 20 minutes once a week.",
     {"no-action"}, "wexcombe"),
    ("work", "1:1 work with Dad around the Penrose routine.", ALL_WORK, "penrose"),
    ("work", "The family worker will check on the Tarrant children.",
     {"no-action", "no-frequency"}, "tarrant"),
    # whoever a fragment acts on or speaks of is not its owner
    ("work", "Meeting the Corwen nurse every week to check on the baby's weight.",
     {"no-owner"}, "corwen"),
    ("work", "Making sure their son gets to the Alder bus every day.", {"no-owner"},
     "alder"),
    # a condition at the front is not who does it; a listed thing does not make referrals
    ("work", "With any sign of a Stanway rash never leave the baby alone.", {"no-owner"},
     "stanway"),
    ("work", "Referrals made to the Ottery project for Mum to help reduce her debts.",
     {"no-frequency", "no-owner"}, "ottery"),
    # a short name in brackets is the thing's, not an owner
    ("work", "Refer Kai to the Ardley Support Team (AST).", {"no-frequency", "no-owner"},
     "ardley"),
    # the owners of a meeting are not who holds it
    ("work", "Regular contact with the class teacher, and presence at Ferris "
             "parents-teachers meetings.", {"no-action", "no-frequency", "no-owner"},
     "ferris"),
    # a duty whose action is itself vague is still vague
    ("work", "Dad is responsible for supporting the Lydford routine.",
     {"no-action", "no-frequency"}, "lydford"),
    # targets written as what adults will do
    ("outcome", "Encourage Milo to share the Pentley blocks with his friends.", {"service"},
     "pentley"),
    ("outcome", "Support Rhea in learning her Tavish letters by praising her efforts.",
     {"service"}, "tavish"),
    # a capacity, not a change anyone could see
    ("outcome", "Parents have the confidence and skills to use Kessel strategies at home.",
     {"vague"}, "kessel"),
]

# (stage, text, the invented word it rests on): specific, nothing to flag
MUST_PASS: list[tuple[str, str, str]] = [
    ("work", "Phonics/Yarnton guidance sessions with the SENCO, 20 minutes once a week.",
     "yarnton"),
    ("work", "The family worker will check the Tarrant smoke alarm by Friday.", "tarrant"),
    ("work", "When playing with Tamsin, Gran will use Pelworth blocks with different "
             "shapes.", "pelworth"),
    ("work", "Mum will give the Corran tablets when his temperature is above 38.", "corran"),
    ("work", "Nell will stay with the family for the next 3 days to help with the Marlow "
             "twins.", "marlow"),
    ("work", "6 x 20 mins Fennick reading sessions led by the TA.", "fennick"),
    ("work", "With any sign of a Dalby rash, Mum will ring the GP.", "dalby"),
    ("work", "Parents are responsible for packing the Hembury kit bag every morning.",
     "hembury"),
    ("work", "The TA will sit with Milo at the Cosgrove table at lunch time.", "cosgrove"),
    ("outcome", "Milo will be observed on 3 out of 4 occasions to stack five Pentley cups.",
     "pentley"),
    ("outcome", "Ivy will participate in outdoor play by riding the Cartwell scooter in the "
                "park with her brother.", "cartwell"),
    ("outcome", "Ivy will climb on the Dorley playground equipment when other children are "
                "on it.", "dorley"),
    ("outcome", "Ivy will join in garden games with the Hartop children at weekends.",
     "hartop"),
]


def test_the_cases_rest_on_words_no_rule_lists() -> None:
    assert listed_in_wording([word for *_, word in MUST_FLAG + MUST_PASS]) == []  # type: ignore



@pytest.mark.parametrize(("stage", "text", "kinds", "word"), MUST_FLAG)
def test_plan_faults_are_flagged_by_shape(coach: Coach, stage: str, text: str,
                                          kinds: set[str], word: str) -> None:
    assert scored_kinds(coach, stage, text) == kinds


@pytest.mark.parametrize(("stage", "text", "word"), MUST_PASS)
def test_specific_plan_rows_are_not_flagged(coach: Coach, stage: str, text: str,
                                            word: str) -> None:
    assert scored_kinds(coach, stage, text) == set()


def test_a_conditioned_rule_still_needs_a_real_condition(coach: Coach) -> None:
    """"When she needs help" is "as needed" by another name: no frequency."""
    assert "no-frequency" in scored_kinds(coach, "work",
                                    "Mum will ring the Tallon office when she needs help.")
