"""Service wording written in shapes the need reader missed, each read by its structure
(found by colleagues): a provider named for a matter ("a solicitor for his asylum
claim"), a service put in place with a light or causative verb ("to have
support put in place", "to get a nursery place sorted"), going to what a service holds
("to go to her appointments with the crisis team"), the passive of "There is a need for X
to be ...", and a share of a particular task, negated, which is a young carer's specific
need and no aim ("to not be doing most of the housework"). The names of schemes and
teams below are invented and in no word list; each class has specific statements of the
same build that stay silent.
"""

from __future__ import annotations

import pytest

from assistant.wording import Coach
from tests.helpers import listed_in_wording, scored_kinds

FLAGGED: list[tuple[str, str]] = [
    # a provider no list holds, named for a matter: the matter is left out of what is read
    ("Amir needs a solicitor for his asylum claim.", "service"),
    ("Dad needs a legal representative for his appeal.", "service"),
    ("Mum needs a translator for the meetings.", "service"),
    # a light or causative verb adds nothing to a piece of work asked to be done
    ("Mum needs to have a Fennick package set up.", "service"),
    ("Dad needs to get a place at the Wenlow scheme sorted.", "service"),
    ("Mum needs to have support put in place.", "service"),
    # going to what a service holds is attending it
    ("Tia needs to go to her appointments with the Harrowgate team.", "service"),
    ("Kai needs to go to his sessions with the Quillon worker.", "service"),
    ("Tia needs to get to her appointments with the Harrowgate team.", "service"),
    # the passive of "a need for X to ..." is read like its active
    ("There is a need for Tia to be kept safe.", "universal"),
    ("There is a need for Kai to be protected.", "universal"),
]

NOT_FLAGGED: list[str] = [
    # a thing, or a person the holder knows, named for a matter
    "Kai needs a laptop for his homework.",
    "Tia needs a box for her memories.",
    "Kai needs a friend for break times.",
    # a causative of something done concretely, not a piece of work
    "Kai needs to have his bedroom window fixed.",
    "Tia needs to have the letters from the council read to her.",
    "Kai needs to get his hair brushed every morning.",
    # going somewhere, or with someone, for a reason given
    "Tia needs to go to the park with her brother.",
    "Tia needs to get to her appointments by bus on her own.",
    "Kai needs to go to his sessions on his own.",
    "Tia needs to go to her appointments with her mum so she is not frightened.",
    # a share of a particular task, negated: a young carer's need
    "Tia needs to not be doing most of the ironing.",
    "Kai needs to not be doing the bulk of the cooking for his sisters.",
    # a specific need that mentions a service
    "Tia needs to understand what happens at her Harrowgate appointments so she is not "
    "frightened.",
    "Tia needs to know which teacher to go to when she feels panicky.",
    "Kai needs a bed of his own.",
]


@pytest.mark.parametrize(("text", "kind"), FLAGGED)
def test_service_shapes_are_flagged_by_their_structure(coach: Coach, text: str,
                                                      kind: str) -> None:
    assert scored_kinds(coach, "need", text) == {kind}, coach.check(text).to_dict()


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_specific_needs_of_the_same_build_stay_silent(coach: Coach, text: str) -> None:
    assert not scored_kinds(coach, "need", text), coach.check(text).to_dict()


def test_the_invented_names_are_in_no_word_list() -> None:
    assert listed_in_wording(["fennick", "wenlow", "harrowgate", "quillon", "solicitor",
                              "representative", "translator"]) == []


def test_a_need_for_someone_to_be_kept_safe_has_its_holder(coach: Coach) -> None:
    """The passive is read like the active: the holder is the one the "for" names."""
    for text in ("There is a need for Tia to be kept safe.",
                 "There is a need for Tia to attend school."):
        reading = coach.read_need(text)
        assert reading is not None and reading.holder is not None
        assert reading.holder.text == "Tia"
    reading = coach.read_need("There is a need for Tia to be kept safe.")
    assert reading is not None and reading.category == "universal"
