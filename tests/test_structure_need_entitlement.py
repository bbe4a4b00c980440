"""A way into a provision read by its head, whatever the place it is for is called.

Why: "a membership at the local boxing gym" and "a season ticket for the leisure centre"
passed as specific: the reader saw a preposition after the noun and called the phrase
particular, and no list held the gym. A membership, subscription, pass, ticket, voucher,
place or slot whose only preposition is the place it lets the person into (or whose only
word before it names that place: "a gym membership") is a provision. A person's, a
home's, a time's or someone's occasion is not, nor anything more said after it. The
places here are invented words in no list.
"""

from __future__ import annotations

import pytest

from assistant.wording import Coach
from tests.helpers import listed_in_wording, scored_kinds

FLAGGED: list[str] = [
    "Jordan needs a membership at the Quillby boxing gym.",
    "Jordan needs a season ticket for the Meadowbank lido.",
    "Jordan needs a subscription to the Brannoch climbing wall.",
    "Jordan needs a pass for the Meadowbank skatepark.",
    "Jordan needs a place at the Quillby ice rink.",
    "Jordan needs a lacrosse membership.",
    # a position in a body, made from its holder's name with "-ship", is a way in too
    "Jordan needs a sponsorship for the Meadowbank lido.",
]

NOT_FLAGGED: list[str] = [
    "Jordan needs a bed of his own in a quiet room.",
    "Jordan needs time with his sister at weekends.",
    "Jordan needs a ticket to his brother's wedding.",
    "Jordan needs a place of his own to keep his harmonica.",
    "Jordan needs a birthday card from his dad.",
    "Jordan needs a lift to the Quillby ice rink on Saturdays.",
    "Jordan needs a friendship at the Quillby ice rink.",
]


@pytest.mark.parametrize("text", FLAGGED)
def test_a_way_into_a_provision_is_a_service(coach: Coach, text: str) -> None:
    assert scored_kinds(coach, "need", text) == {"service"}, coach.check(text).to_dict()


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_a_thing_of_ones_own_or_for_an_occasion_is_not(coach: Coach, text: str) -> None:
    assert not scored_kinds(coach, "need", text), coach.check(text).to_dict()


def test_the_invented_places_are_in_no_word_list() -> None:
    assert listed_in_wording(["quillby", "meadowbank", "brannoch", "lido", "skatepark",
                              "lacrosse", "harmonica"]) == []
