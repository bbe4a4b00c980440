"""Need classes the parser slips on, read by their shape: an aim every child shares asked
for as a participle ("her well-being secured"), a clause that asks only to do what other
children do ("like her peers", "as other children his age do"), and a provision to be
made named by an invented title and an irregular participle ("a Vantrell plan drawn up").
Each class has specific statements of the same build that must stay silent, and a good of
living described by what it is ("warm clothes") stays specific.

Why: the held-out set's universal recall was the largest gap. The parser reads "well-being"
as "well - being" with "being" the participle's auxiliary, "wellbeing" and "belonging" as
verbs, and "drawn" kept no lemma, so "needs a plan drawn up" read as "needs to drawn". A
comparison with children in general adds nothing particular to what is asked. The
invented names are in no word list.
"""

from __future__ import annotations

import pytest

from assistant.wording import Coach
from tests.helpers import listed_in_wording, scored_kinds

FLAGGED: list[tuple[str, str]] = [
    # an aim, only secured or promoted, however the parser splits its noun
    ("Corvin needs his well-being secured.", "universal"),
    ("Corvin needs his wellbeing secured.", "universal"),
    ("Oriel needs her emotional well-being promoted.", "universal"),
    ("Oriel needs her physical and emotional wellbeing secured.", "universal"),
    # a right to what every child is owed, only upheld
    ("Corvin needs his right to education upheld.", "universal"),
    ("Corvin needs his right to a family life respected.", "universal"),
    # doing only what children in general do
    ("Oriel needs to access the curriculum like her classmates.", "universal"),
    ("Corvin needs to go to school as other children his age do.", "universal"),
    ("Corvin needs to take part in lessons as his peers do.", "universal"),
    ("Oriel needs to access education like other children.", "universal"),
    # a provision named by an invented title, to be drawn up
    ("Dad needs a Vantrell plan drawn up.", "service"),
    ("Mum needs to get a Vantrell plan drawn up.", "service"),
]

NOT_FLAGGED: list[str] = [
    # a particular thing of the holder's secured is no aim
    "Corvin needs his bedroom door secured so his brother cannot get in.",
    "Corvin needs his bike secured at school.",
    # a right to something particular
    "Corvin needs his right to see his dad upheld.",
    "Corvin needs his right to education at Quillby Academy upheld.",
    # a particular person compared, or a particular thing or time said
    "Oriel needs to ride her bike like her brother.",
    "Oriel needs to go to school like her sister.",
    "Oriel needs to read books about dinosaurs like her classmates.",
    "Corvin needs to play football on Saturdays as his peers do.",
    "Oriel needs to eat her lunch in the hall like the other children.",
    # a picture drawn is no piece of work done
    "Corvin needs his portrait drawn.",
    # a good of living said by what it is, not graded by how much
    "Oriel needs warm clothes for school.",
    "Oriel needs new shoes for school.",
    "Oriel needs warm food every evening.",
]

STILL_UNIVERSAL: list[str] = [
    # graded only by whether there is enough of it
    "Oriel needs adequate clothing.",
    "Oriel needs healthy food.",
]


@pytest.mark.parametrize(("text", "kind"), FLAGGED)
def test_classes_the_parser_slips_on_are_flagged(coach: Coach, text: str, kind: str) -> None:
    assert scored_kinds(coach, "need", text) == {kind}, coach.check(text).to_dict()


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_specific_needs_of_the_same_build_stay_silent(coach: Coach, text: str) -> None:
    assert not scored_kinds(coach, "need", text), coach.check(text).to_dict()


@pytest.mark.parametrize("text", STILL_UNIVERSAL)
def test_goods_graded_by_enough_stay_universal(coach: Coach, text: str) -> None:
    assert scored_kinds(coach, "need", text) == {"universal"}, coach.check(text).to_dict()


def test_the_invented_names_are_in_no_word_list() -> None:
    assert listed_in_wording(["corvin", "oriel", "vantrell", "quillby"]) == []


PURPOSE_AIMS: list[tuple[str, set[str]]] = [
    # a service asked for an aim: two faults, the service named first
    ("Cassie needs a Quillby order to keep her safe.", {"service", "universal"}),
    ("Corvin needs a Vantrell order so he can thrive.", {"service", "universal"}),
    # what the service is to do is its work, not an aim for the child
    ("Mum needs a Vantrell worker to look after Corvin at home.", {"service"}),
    ("Gran needs Vantrell training to meet Oriel's needs.", {"service"}),
    # a particular person or thing in the purpose
    ("Oriel needs a Quillby order so that Mum can work.", {"service"}),
]


@pytest.mark.parametrize(("text", "kinds"), PURPOSE_AIMS)
def test_a_service_for_an_aim_is_both(coach: Coach, text: str, kinds: set[str]) -> None:
    assert scored_kinds(coach, "need", text) == kinds, coach.check(text).to_dict()


def test_the_service_is_named_before_its_aim(coach: Coach) -> None:
    report = coach.check("Cassie needs a Quillby order to keep her safe.")
    assert [f.kind for f in report.findings][:2] == ["service", "universal"]


# A specific need that mentions a service keeps its reading.
STILL_SPECIFIC = [
    "Oriel needs to understand what happens at her Quillby appointments so she is not "
    "frightened.",
]


@pytest.mark.parametrize("text", STILL_SPECIFIC)
def test_a_need_that_mentions_a_service_stays_silent(coach: Coach, text: str) -> None:
    assert not scored_kinds(coach, "need", text), coach.check(text).to_dict()
