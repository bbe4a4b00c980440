"""Need classes from practitioners' own words (care plans in court, parenting and
permanence reports, child protection plan aims, case reviews, pathway plans), each with
statements of the same build that must stay as they are.

Why: a fresh labelled set of such statements found the coach silent on universal aims
said the way reports say them: a list of everywhere a child is ("safe from harm inside
and outside of the home, and online"), a manner graded only by how good ("parented in a
good enough manner"), being kept from undergoing harm of no one's ("prevented from
suffering further harm"), care described only by the aims it serves ("parenting that
enables him to meet his full potential"), a noun graded only by its relative clause
("home conditions that are at least good enough"), progress "on track", putting the
children's needs first, parenting from the child's own carers ("guidance and boundaries
from her parents"); on a service asked for second ("to acknowledge the problems and
engage with support services") and tests given or undergone; and it raised false alarms
on a thing handed over by a person ("insulin given by the school nurse"), a child taken to
care for a reason given, a service word that only modifies an aim ("placement
stability"), an assessment named only as a time ("throughout the assessment") and a
condition that only grades ("if possible"). The invented names are in no list.
"""

from __future__ import annotations

import pytest

from assistant.wording import Coach
from tests.helpers import listed_in_wording, scored_kinds

MUST_FLAG: list[tuple[str, set[str]]] = [
    # a list of settings every child has adds nothing to an aim
    ("Wrenna needs to be safe from harm inside and outside of the home, and online.",
     {"universal"}),
    ("Wrenna needs to be happy at home and online.", {"universal"}),
    # a manner graded only by how good
    ("The Farrowby baby needs to be parented in a good enough manner in the long term.",
     {"universal"}),
    ("Orla needs to be looked after in a calm and consistent fashion.", {"universal"}),
    # kept from undergoing harm of no one's in particular
    ("Tobin to be prevented from suffering further harm.", {"universal"}),
    ("Tobin needs to be spared from experiencing further abuse.", {"universal"}),
    # an aim participle the tagger reads as a past tense
    ("Jory needs to grow up feeling loved and wanted.", {"universal"}),
    # a transition or step graded only by an aim word, to a stage every child reaches
    ("Jory needs to make a successful transition to adulthood.", {"universal"}),
    # putting someone's needs first
    ("Dad needs to put the boys' needs first.", {"universal"}),
    # a noun graded only by its relative clause
    ("Noor needs home conditions that are at least good enough.", {"universal"}),
    ("Noor needs an upbringing which is safe and consistent.", {"universal"}),
    # a quality every child has, on track
    ("Pim's development to be on track.", {"universal"}),
    ("Pim needs his progress to be on track.", {"universal"}),
    # parenting from the holder's own carers is still parenting
    ("Orla needs guidance and boundaries from her carers.", {"universal"}),
    # care or carers described only by the aims they serve
    ("Kai needs parenting that enables him to meet his full potential.", {"universal"}),
    ("Kai needs a home that allows him to flourish.", {"universal"}),
    # a verb joined to what is needed is judged too
    ("Dad needs to admit the drinking and engage with the Tarnley outreach team.",
     {"service"}),
    # an article before a plural owner: a kind of place, so a place in it is a provision
    ("Tobin needs a place in a secure children's home.", {"service"}),
    # joining an association is using a service
    ("Mum needs to sign up with the Farrowby housing association.", {"service"}),
    # a test given or undergone
    ("Mum needs to provide breath and urine tests to show she is not drinking.",
     {"assessment"}),
    ("Dad needs to take a Brindle test so Pim's paternity is known.", {"assessment"}),
    # still a service: being referred, lessons given, an agency's provision
    ("Noor needs to be referred to the Farrowby clinic so that her ear is treated.",
     {"service"}),
    ("Pim needs clothing provided by the Farrowby council.", {"service"}),
    ("Pim needs a placement.", {"service"}),
    # a service word that only modifies an aim: the aim is what is read
    ("Pim needs placement continuity.", {"universal"}),
    # an assessment named only as when: the support is the fault
    ("Mum needs emotional support throughout the Farrowby assessment.", {"service"}),
    # a condition that only grades sets none
    ("Pim needs a greater sense of security and, if possible, a family for life.",
     {"universal"}),
    # someone's needs as the subject of a plan-style need; "For" read as a preposition
    ("Wrenna's emotional needs to be met.", {"universal"}),
    ("For Wrenna's needs to be met.", {"universal"}),
    ("For Wrenna to have her needs met.", {"universal"}),
    # keeping to the work's terms is using the service
    ("Mum needs to comply with the Tarnley written agreement.", {"service"}),
    ("Dad needs to stick to the safety plan.", {"service"}),
    # a time clause that only names growing up
    ("Jory needs to be cared for permanently until he is an adult.", {"universal"}),
    # harm named only by its kind
    ("The Farrowby children need to be free from the emotional harm of living with "
     "domestic violence.", {"universal"}),
    # care graded by an evaluative compound and meeting all of someone's needs
    ("Jory needs good quality care that meets all his needs.", {"universal"}),
    # a questionnaire completed is a screening
    ("Jory needs a Brindle questionnaire completed every year.", {"assessment"}),
]

MUST_PASS: list[str] = [
    # a particular place, a particular manner, harm someone does, a particular keeping
    "Wrenna needs to be safe inside and outside the Farrowby flat on Mill Road.",
    "Orla needs to be looked after in the way Gran did it at Farrowby.",
    "Tobin needs to be stopped from seeing the Farrowby boys.",
    "Tobin needs to be prevented from suffering his stepdad's temper.",
    # a particular transition, a particular thing put first
    "Jory needs to make a successful transition to Farrowby Academy in September.",
    "Dad needs to put the boys' bikes away first.",
    # a thing graded by a clause, a particular progress
    "Noor needs a Farrowby bedroom that is warm.",
    "Pim's reading to be on track for the Brindle phonics check.",
    # guidance about something particular, care for something particular
    "Orla needs guidance from her carers about using the Brindle app.",
    "Kai needs parenting that enables him to go to Brindle football on Saturdays.",
    # two things to do, neither a service
    "Dad needs to admit the drinking and talk to Jory about it.",
    # a place in someone's own home
    "Tobin needs a place in his nan's home.",
    # a test's papers are no test
    "Dad needs to take the test papers to the Farrowby office.",
    # a child taken to care for a reason given: what the carer does
    "Noor needs to be taken to the Farrowby clinic so that her ear infection is treated.",
    # a thing handed over by a person
    "Pim needs glucose gel given by the teaching assistant at break.",
    "Kian needs insulin given by the school nurse before lunch.",
    # a real condition still holds a need back
    "If Mum relapses, Pim needs counselling.",
    # someone's needs met by a particular person at a particular time; a thing fixed
    "Wrenna's needs to be met by her grandmother when Mum is in Farrowby hospital.",
    "For Wrenna to have her bike fixed.",
    # keeping to a plan in a situation, a particular plan, one's own plans, an act joined
    "Mum needs to follow her safety plan when she feels unsafe.",
    "Dad needs to follow the plan for bedtime.",
    "Mum needs to keep to her own plans.",
    "Mum needs to keep to the Tarnley order and not let Dad into the flat.",
    # a particular time, someone's harm, a particular provision
    "Jory needs to be looked after by Gran until his mum leaves Farrowby hospital.",
    "The Farrowby children need to be free from the harm of Dad's drinking.",
    # ("help to fill in the Brindle housing questionnaire": left open by the labels, see
    # test_wordings_left_open_by_the_labels below)
]

INVENTED = ["Farrowby", "Tarnley", "Brindle", "Wrenna"]


def test_invented_words_are_in_no_list() -> None:
    assert listed_in_wording(INVENTED) == []


@pytest.mark.parametrize(("text", "kinds"), MUST_FLAG)
def test_practice_words_faults_are_flagged(coach: Coach, text: str, kinds: set[str]) -> None:
    assert scored_kinds(coach, "need", text) == kinds


@pytest.mark.parametrize("text", MUST_PASS)
def test_practice_words_specific_needs_pass(coach: Coach, text: str) -> None:
    assert scored_kinds(coach, "need", text) == set()


@pytest.mark.parametrize(("text", "universal"), [
    # harm of a kind written short is the same aim as the words spelled out
    ("Tova needs to be safe from CCE.", True),
    ("Tova needs to be protected from DV.", True),
    # ... and a particular act or person it names is still particular
    ("Tova needs to know who to call if she hears DV at the Brinlow flat.", False),
    ("Tova needs to be safe from Dean.", False),
])
def test_harm_written_short_is_read_as_harm_of_its_kind(coach: Coach, text: str,
                                                        universal: bool) -> None:
    kinds = coach.check(text, stage="need").kinds
    assert ("universal" in kinds) is universal, kinds


@pytest.mark.parametrize("text", [
    # "as needed" says only that it happens when it must
    "Tova to be kept safe at home as needed.",
    "Tova needs to be kept safe when needed.",
])
def test_as_needed_adds_nothing_particular_to_an_aim(coach: Coach, text: str) -> None:
    assert "universal" in coach.check(text, stage="need").kinds


@pytest.mark.parametrize(("text", "specific"), [
    # a spell of time or a turn of events is no thing one could hand over: the coach
    # asks its question rather than call it specific
    # ("Dennis needs a break.": left open by the labels, below)
    ("Tova needs a fresh start.", False),
    ("Tova needs a Brinlow coat.", True),
    ("Dennis needs a break from caring for Tova every Saturday afternoon.", True),
])
def test_a_spell_of_time_alone_is_not_said_back_as_specific(coach: Coach, text: str,
                                                            specific: bool) -> None:
    report = coach.check(text, stage="need")
    assert not report.kinds
    assert report.note.startswith("Reads as specific") is specific, report.note


# Wordings the labels leave open, so the coach may read them as a service or as specific
# and the learned need reader (switched on) may add `service`: the test asserts only
# what the labels settle. Help *to* do something: eval/README.md, "Still open", counts 7
# dev rows split 3 `[]` (help to a particular thing), 2 `service` (help to reach housing),
# 2 with `universal` (help toward an aim); help to keep one's appointments or fill in a
# form is none of the aims, so `universal` (and `assessment`) would be wrong. A bare
# "a break": no dev row says it (a break *from* something named is `[]` in 3 needs rows, a young
# carers' break and breaks from the young carers service `service` in 2; the README's
# themed rows leave "time out" (a break) out altogether), so it is neither called specific
# nor anything but a service.
@pytest.mark.parametrize(("text", "may_read_specific"), [
    ("Wrenna needs help to keep her appointments.", True),
    ("Jory needs help to fill in the Brindle housing questionnaire.", True),
    ("Dennis needs a break.", False),
])
def test_wordings_left_open_by_the_labels(coach: Coach, text: str,
                                          may_read_specific: bool) -> None:
    report = coach.check(text, stage="need")
    assert set(report.kinds) <= {"service"}, report.kinds
    if not may_read_specific:
        assert not report.note.startswith("Reads as specific"), report.note
