"""Round two of the need classes the reader judges by structure: aims and services phrased
in ways no list has, each with specific statements of the same build that must stay silent.

Why: a fresh labelled set from child's plans, Welsh care and support plans, Meitheal,
Australian case planning, placement and health plans for looked-after children showed the
coach silent on aims written as a noun for someone ("a better life for Nell"), a quality
only ranked ("her welfare to come first"), a manner of being ("to remain at home safely"),
the parenting every child needs ("guidance and boundaries"), a condition that only grades
("wherever possible"), a fragment saying an aim is there ("Consistent routines are in
place."), and on attending the events a service holds ("support to attend her
appointments"). Each class is read by its shape; a particular person, time, place or
thing on the same build keeps the statement specific. The invented names are in no list.
"""

from __future__ import annotations

import pytest

from assistant.wording import Coach
from tests.helpers import listed_in_wording, scored_kinds

FLAGGED: list[tuple[str, str]] = [
    # "for <person>" says whose the aim is, as a possessive would
    ("A more fulfilling childhood for Wrenna.", "universal"),
    ("Improved outcomes for the children.", "universal"),
    # a relative clause that only meets the person's needs says nothing particular
    ("Wrenna needs a home life that meets her needs.", "universal"),
    # a hyphenated aim noun read in pieces is one word
    ("Tobin's overall well-being.", "universal"),
    # a quality every child has, only ranked or upheld
    ("Tobin needs his welfare to come first.", "universal"),
    # the manner of being somewhere, as an aim
    ("For Tobin to remain at home safely.", "universal"),
    # an -ing word after "of" read as a noun
    ("Tobin to have a sense of belonging.", "universal"),
    # what parents give every child, asked for a child
    ("Appropriate supervision.", "universal"),
    ("Tobin needs guidance and boundaries.", "universal"),
    # ... and asked for a parent it is help from someone
    ("The parents need guidance.", "service"),
    # a condition that only grades; the stranded preposition of a passive
    ("For Tobin to be cared for within his family wherever possible.", "universal"),
    ("Wrenna needs to grow up feeling secure in who she is.", "universal"),
    # a fragment saying only that an aim is there
    ("Consistent routines are in place.", "universal"),
    # attending the events a service holds
    ("Wrenna needs support to attend her appointments.", "service"),
    ("Wrenna needs to attend her sessions.", "service"),
    # helping someone toward an aim is the aim, as "support to thrive" is
    ("To support the family to safeguard and promote the welfare of their child.",
     "universal"),
    # helping a named person reach a service is the service
    ("To support Tobin to attend the Quillby youth club.", "service"),
    ("To help Mum find a Quillby parenting course.", "service"),
    # what every child is owed by carers, and a bare aim verb or noun
    ("Wrenna needs her needs to be understood and responded to.", "universal"),
    ("Wrenna needs to know she matters.", "universal"),
    # behaving, bare or graded only by how well, is what every child is asked
    ("Tobin needs to behave.", "universal"),
    ("Wrenna needs to behave appropriately at school.", "universal"),
    # caring for a person by name, with nothing particular, is good parenting restated
    ("Mum needs to protect Tobin.", "universal"),
    ("Dad needs to look after Wrenna properly.", "universal"),
    ("Tobin needs to have fun.", "universal"),
    # the plan-style holder of a passive aim is not a particular thing of theirs
    ("Wrenna to be respected and responsible.", "universal"),
    # a place named by where it is provided
    ("Tobin needs a Quillby place.", "service"),
]

NOT_FLAGGED: list[str] = [
    # a particular thing, person or time for someone
    "A desk for Wrenna to do her homework at.",
    "A lift to school for Wrenna on Mondays.",
    "Wrenna needs a bedroom that her brother cannot get into.",
    # a particular thing ranked is not a quality upheld
    "Tobin needs his football practice to come first on Saturdays.",
    # a particular place, person or time on the manner of being
    "Tobin needs to stay safely at his nan's on Fridays.",
    "Tobin needs to live happily with his grandparents.",
    # parenting given by someone in particular, or at a particular time
    "Tobin needs praise when he tidies his room.",
    # the grading does not hide a particular person
    "Tobin needs to be looked after by his aunt wherever possible.",
    # that a service is in place is a fact, not a need
    "A safety plan is in place.",
    # where harm must stop is not a service asked for
    "Tobin needs not to be bullied at the Quillby youth club.",
    # knowing about an appointment is not attending it
    "Wrenna needs to know what happens at her appointments.",
    # ("help to keep her appointments": left open by the labels, see
    # test_structure_need_practice_words.py::test_wordings_left_open_by_the_labels)
    # helping toward something particular says what must change
    "To help Mum keep the children safe when Dad visits.",
    "To support Mum to take the children to school on time.",
    "To help Mum to read the letters from school.",
    # a particular thing of hers, or a particular person, on the same build
    "Wrenna needs her nightmares to be noticed.",
    "Wrenna needs to know she matters to her dad.",
    "Tobin needs to behave calmly in the car so that Mum can drive safely.",
    "Wrenna needs to learn to behave when she is told no at bedtime.",
    "Dad needs to look after Wrenna on Saturdays so that Mum can work.",
    "Mum needs to protect Tobin from his uncle when he has been drinking.",
    "Wrenna needs her eczema to be understood by her teachers.",
    # a place noun named by the kind of thing it is, not where it is provided
    "Tobin needs a bunk bed.",
    "Wrenna needs a car seat.",
]


@pytest.mark.parametrize(("text", "kind"), FLAGGED)
def test_aims_and_services_are_flagged_by_their_shape(coach: Coach, text: str,
                                                      kind: str) -> None:
    report = coach.check(text)
    assert scored_kinds(coach, "need", text) == {kind}, report.to_dict()


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_specific_needs_of_the_same_build_stay_silent(coach: Coach, text: str) -> None:
    assert not scored_kinds(coach, "need", text), coach.check(text).to_dict()


def test_the_invented_names_are_in_no_word_list() -> None:
    assert listed_in_wording(["wrenna", "tobin", "quillby"]) == []
