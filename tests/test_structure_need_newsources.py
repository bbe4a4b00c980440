"""Need classes read by structure, found where rows from sources new to the sets were
missed (the fifth data round: plan-style safety plans, SHANARRI wording, aids and goods).

Why: those rows scored needs macro-F1 0.82 against 0.97 on the older rows: the reader did
not generalise to new phrasings. Each class here is a shape, not a list of the rows' words:

- a plan-style line whose subject is a professional (a noun of a profession by its shape,
  or plan shorthand that spells one out, "SW" or "FSW"; no one's own worker) says what
  the professional does: a service;
- a chance to take part ("to take part in", "to play a role", "to participate in") in
  activities in general, graded only by breadth and placed only where every child is, is
  an aim every child shares;
- a thing graded only by whether it works or fits ("a toaster which works properly") is a
  concrete need, whatever the thing is;
- completing a portion of a piece of work ("the first section of her assessment") is
  judged as completing the whole;
- a need word in a clause of time or condition after another need ("to text his brother
  when he needs support") says when that need applies: the need before it is judged;
- a service attended "with" someone ("the Tennick group with Quillan") is still a
  service: the person goes along; meetings "with" someone, with no service named, are
  contact.

A particular person, activity, time or owner on the same build keeps the statement as it
was; the people, places and activities in these examples are invented words in no list.
"""

from __future__ import annotations

import pytest

from assistant.wording import Coach
from tests.helpers import listed_in_wording, scored_kinds

SERVICE: list[str] = [
    # a professional as the subject of a plan-style line, whatever the work is for
    "Youth workers to meet Quillan at the Tennick skatepark to talk about school.",
    "Youth workers to meet Quillan at the Tennick skatepark.",
    "The family liaison officer to ring Morwenna's dad after each contact visit.",
    # the parser's slip: the line read as a noun with a clause on it
    "Tennick liaison officers to visit the flat to check that the heating is on.",
    # a professional written as plan shorthand (framework/shorthand.yml), judged spelled
    # out: the rules read these as specific while "Social worker to ..." was a service
    "SW to visit Quillan at the Tennick flat every week.",
    "SW to support Morwenna.",
    "FSW to ring Morwenna's dad after each contact visit.",
    "HV to see the baby at the Kestrelwood clinic.",
]

NOT_SERVICE: list[str] = [
    # a parent, a relative or the holder as the subject: what they need to do
    "Morwenna's dad to ring the Kestrelwood nursery after each contact visit.",
    "Grandad to collect Quillan from the Tennick skatepark on Fridays.",
    "Quillan to phone his nan when he feels low.",
    # the holder's own worker asked to do one concrete thing is read as before
    "Morwenna's key worker to ring her dad after each contact visit.",
    "Quillan's SW to ring his nan after each contact visit.",
    # shorthand that is no profession stays what it was ("CP": child protection)
    "Quillan to phone his nan when he feels low about CP.",
]

UNIVERSAL: list[str] = [
    # a chance to take part in activities in general, graded only by breadth
    "Quillan needs chances to participate in a broad variety of activities.",
    "Morwenna needs the chance to play a full part in school life.",
    "For Quillan to have opportunities to take part in activities at home and in the "
    "community.",
]

NOT_UNIVERSAL: list[str] = [
    # a particular activity, group, time, person or plan to take part in
    "Quillan needs chances to take part in the Tennick drama club on Tuesdays.",
    "Morwenna needs the opportunity to play a role in planning her move to Kestrelwood.",
    "Quillan needs opportunities to take part in lacrosse with his cousins.",
]

#: A thing graded only by working order is concrete; the same thing asked for bare, or a
#: person who "works with" someone, is a provision as before.
WORKING_GOODS: list[tuple[str, str]] = [
    ("Morwenna needs a wheelchair that fits her.", "Morwenna needs a wheelchair."),
    ("Quillan needs a toaster which works properly.",
     "Quillan needs a mentor that works with teenagers."),
    ("Morwenna needs a kettle that works.",
     "Quillan needs a counsellor who works with trauma."),
]


@pytest.mark.parametrize("text", SERVICE)
def test_a_professional_doing_the_work_is_a_service(coach: Coach, text: str) -> None:
    assert scored_kinds(coach, "need", text) == {"service"}, coach.check(text).to_dict()


@pytest.mark.parametrize(("text", "person", "worker"), [
    ("Youth workers to meet Quillan at the Tennick skatepark.", "Quillan", "Youth workers"),
    ("The family liaison officer to ring Morwenna after each contact visit.", "Morwenna",
     "liaison officer"),
    ("FSW to ring Morwenna after each contact visit.", "Morwenna", "FSW"),
])
def test_a_professional_at_work_is_never_asked_about_as_the_holder(
        coach: Coach, text: str, person: str, worker: str) -> None:
    """The professional is the line's subject, not the need's holder: the coach asked what
    the visits would "change for Youth workers" and rewrote "Youth workers need someone
    Youth workers trust to talk to" (found by the lead trying the class in `check`). The
    questions and rewrites are about the person the work is for."""
    finding = next(f for f in coach.check(text, stage="need").findings if f.kind == "service")
    said = " ".join([finding.message, *finding.questions, *finding.suggestions])
    assert f"for {person}?" in finding.message, said
    assert worker.lower() not in " ".join(
        [*finding.questions, *finding.suggestions]).lower(), said
    assert "change for" in finding.message and worker.lower() not in finding.message.lower(
        ).split("change for", 1)[1], said


@pytest.mark.parametrize(("text", "person"), [
    ("For Orlaith to be happy and to thrive.", "Orlaith"),
    ("Mum to complete the Tennick Pathway programme.", "Mum"),
    ("Grandad to go on the Brennock carers' course.", "Grandad"),
])
def test_a_holder_the_reader_found_is_the_one_asked_about(
        coach: Coach, text: str, person: str) -> None:
    """The holder of "For Orlaith to ..." and of a plan-style "Mum to ..." is found by the
    parse, not by the words before the finding (none name anyone): the coach asked what
    the programme would change "for the person" and wrote "The person needs ..." rewrites
    (found by the lead trying plan-style lines in `check`)."""
    finding = coach.check(text, stage="need").findings[0]
    said = " ".join([finding.message, *finding.questions, *finding.suggestions])
    assert finding.message.endswith(f"for {person}?"), said
    assert "the person" not in said.lower(), said
    assert all(s.startswith(person) for s in finding.suggestions), said


@pytest.mark.parametrize("text", NOT_SERVICE)
def test_a_parent_or_the_holder_doing_it_stays_silent(coach: Coach, text: str) -> None:
    assert scored_kinds(coach, "need", text) == set(), coach.check(text).to_dict()


@pytest.mark.parametrize("text", UNIVERSAL)
def test_a_chance_to_take_part_in_general_is_universal(coach: Coach, text: str) -> None:
    assert scored_kinds(coach, "need", text) == {"universal"}, coach.check(text).to_dict()


@pytest.mark.parametrize("text", NOT_UNIVERSAL)
def test_taking_part_in_something_particular_stays_silent(coach: Coach, text: str) -> None:
    assert scored_kinds(coach, "need", text) == set(), coach.check(text).to_dict()


@pytest.mark.parametrize(("working", "provision"), WORKING_GOODS)
def test_a_thing_that_works_is_specific(coach: Coach, working: str, provision: str) -> None:
    assert scored_kinds(coach, "need", working) == set(), coach.check(working).to_dict()
    assert scored_kinds(coach, "need", provision) == {"service"}, \
        coach.check(provision).to_dict()


#: A portion of a piece of work completed is judged as the whole; a portion of a thing that
#: is no service or assessment stays specific.
PORTIONS: list[tuple[str, set[str]]] = [
    ("Morwenna needs to complete the first part of her Tennick assessment.", {"assessment"}),
    ("Quillan's dad needs to complete the last module of the Kestrelwood course.",
     {"service"}),
    ("Morwenna needs to complete the first part of her Tennick essay.", set()),
    ("Quillan needs to complete the last stage of the Kestrelwood walk.", set()),
]


@pytest.mark.parametrize(("text", "kinds"), PORTIONS)
def test_a_portion_of_work_is_judged_as_the_whole(coach: Coach, text: str,
                                                    kinds: set[str]) -> None:
    assert scored_kinds(coach, "need", text) == kinds, coach.check(text).to_dict()


#: The need asked for, and a clause saying when it applies: the clause's own need word is
#: not read as a second need; a service asked for before such a clause is still one.
CONDITIONS: list[tuple[str, set[str]]] = [
    ("For Quillan's dad to text his brother when he needs support with bedtimes.", set()),
    ("Morwenna to tell her teacher when she needs support in class.", set()),
    ("Quillan needs to ring his nan whenever he needs advice.", set()),
    ("Quillan needs counselling when he feels low.", {"service"}),
    ("Morwenna's mum needs a parenting course when the baby arrives.", {"service"}),
]


@pytest.mark.parametrize(("text", "kinds"), CONDITIONS)
def test_a_need_in_a_condition_says_when(coach: Coach, text: str, kinds: set[str]) -> None:
    assert scored_kinds(coach, "need", text) == kinds, coach.check(text).to_dict()


COMPANIONS: list[tuple[str, set[str]]] = [
    ("Morwenna's mum to attend the Tennick group with Quillan.", {"service"}),
    ("Quillan's dad to attend the Kestrelwood meetings with Quillan.", {"service"}),
    ("Morwenna's mum to attend meetings with Quillan's dad.", set()),
    ("Quillan to attend the Tennick funfair with his mum.", set()),
]


@pytest.mark.parametrize(("text", "kinds"), COMPANIONS)
def test_a_service_attended_with_someone_is_a_service(coach: Coach, text: str,
                                                      kinds: set[str]) -> None:
    assert scored_kinds(coach, "need", text) == kinds, coach.check(text).to_dict()


def test_the_invented_words_are_in_no_word_list() -> None:
    assert listed_in_wording(["quillan", "morwenna", "tennick", "kestrelwood", "lacrosse",
                              "kettle", "toaster", "essay",
                              "bedtimes", "funfair"]) == []
