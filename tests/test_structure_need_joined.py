"""A service asked for second in a need, where the parser joins it in ways the reader did
not follow: an infinitive with its own "to" ("to sleep in his own bed and to attend a sleep
clinic"), a noun the parser hung on the need verb ("needs quality time with Mum and support
with his reading"), and a help noun tagged as a bare verb ("... and help with his
homework"). Found walking `check` with new statements; the names are invented. The other
side: things and people joined to a specific need are not services.
"""

from __future__ import annotations

import pytest

from assistant.wording import Coach
from tests.helpers import scored_kinds


@pytest.mark.parametrize(("text", "kind", "words"), [
    ("Tobin needs to sleep in his own bed and to attend a sleep clinic.", "service",
     "to attend a sleep clinic"),
    ("Mum needs to stop drinking and to go to a Quorrel recovery group.", "service",
     "to go to a Quorrel recovery group"),
    ("Tobin needs quality time with Mum and support with his reading.", "service",
     "support with his reading"),
    ("Tobin needs quality time with Mum and help with his homework.", "service",
     "help with his homework"),
])
def test_a_service_joined_second_is_flagged_on_its_own_words(
        coach: Coach, text: str, kind: str, words: str) -> None:
    assert kind in scored_kinds(coach, "need", text)
    finding = next(f for f in coach.check(text).findings if f.kind == kind)
    assert finding.match == words, finding.match


@pytest.mark.parametrize("text", [
    "Tobin needs to sleep in his own bed and to wake up in the same place each morning.",
    "Tobin needs a warm coat and shoes that fit.",
    "Tobin needs quality time with Mum and a bedtime story every night.",
    "Tobin needs quality time with Mum and help from his nan on Saturdays.",
])
def test_a_specific_need_joined_to_another_is_not_flagged(coach: Coach, text: str) -> None:
    assert scored_kinds(coach, "need", text) == set(), coach.check(text).to_dict()


@pytest.mark.parametrize("text", [
    "Support around her sexual health.",
    "Help regarding his anger.",
    "Help concerning his sleep.",
    "Support about her self-harm.",
])
def test_a_fragment_asking_for_help_around_an_area_is_a_service(
        coach: Coach, text: str) -> None:
    """"Support around her sexual health." was read as a universal aim: the tagger reads
    "Support" as an imperative, and only "with" was taken as the area help is for."""
    assert scored_kinds(coach, "need", text) == {"service"}, coach.check(text).to_dict()


@pytest.mark.parametrize(("text", "kind"), [
    # the need said as what "is" needed
    ("What Kacey needs is a place at the Brindle nursery.", "service"),
    ("What Tobin needs is to be safe.", "universal"),
    ("What Mum needs is a place on the Quorrel parenting course.", "service"),
    # the plan's own voice: what it is felt a child needs is the plan's need
    ("It is felt that Ruby would benefit from some 1:1 work around keeping safe.", "service"),
    ("It was agreed that Mum needs a parenting course.", "service"),
    ("We think Ruby needs a mentor.", "service"),
    # a name with "'s" in it is an organisation's, not someone's own
    ("Mum needs a Women's Aid refuge place.", "service"),
    ("Tobin needs a Prince's Trust mentor.", "service"),
])
def test_plan_frames_of_a_need_are_read(coach: Coach, text: str, kind: str) -> None:
    assert kind in scored_kinds(coach, "need", text), coach.check(text).to_dict()


@pytest.mark.parametrize("text", [
    "What Tobin needs most is someone to listen to him after school.",
    "Her greatest need is to understand why she cannot live with Mum.",
    "Tobin's needs are complex.",
    "The school thinks Ruby needs counselling.",  # someone else's words: not counted
    "Tobin needs Gran's Sunday dinners.",
])
def test_plan_frames_that_say_nothing_faulty_are_not_flagged(coach: Coach, text: str) -> None:
    assert scored_kinds(coach, "need", text) == set(), coach.check(text).to_dict()
