"""How assessments and plans write a need without "needs", read as a class (issue 10,
point 1: the forms real plans use).

- A recommendation in the plan's own voice ("It is recommended that ...", "We recommend
  that ...", "I would advise ...") says what the person needs: its clause or noun is
  judged, and its subject (or the one it is for) holds it. Someone else's recommendation
  ("The psychologist recommends ...") is not read by the reader as the plan's.
- "<person> is/are to <verb>" is a plan-style line: "Tobias is to be referred to ..." is a
  service as "Tobias to be referred to ..." is; "The plan is to ..." holds no one.
- A name the tagger reads as a verb ("Marlow/VB to have a hearing test") is a name when
  English has no such verb, whether or not a name list holds it; an instruction ("Continue
  to attend ...") is not.
- A holder whose words name someone's thing ("Mum's parenting to be assessed") is asked
  about as that someone.

Names, places and services are invented and appear in no list; real spaCy, real content.
"""

from __future__ import annotations

import pytest

from assistant.wording import Coach
from tests.helpers import scored_kinds


def _reads_as(coach: Coach, text: str, form: str, category: str, holder: str) -> None:
    reading = coach.read_need(text)
    assert reading is not None and reading.form == form, text
    assert reading.category == category and reading.holder_text == holder


@pytest.mark.parametrize(("text", "category", "holder"), [
    ("It is recommended that Tobias is offered equine therapy.", "service", "Tobias"),
    ("It is recommended that Tobias be referred to the Larkspur project.", "service",
     "Tobias"),
    ("We recommend that Tobias attends a forest school group.", "service", "Tobias"),
    ("We would suggest that Brogan's mum attends the Cradle Steps course.", "service",
     "Brogan's mum"),
    ("It is advised that Tobias has a sensory processing assessment.", "assessment",
     "Tobias"),
    ("It is recommended that Tobias is kept safe.", "universal", "Tobias"),
    ("I would recommend a place at the Wrenfield youth club for Tobias.", "service",
     "Tobias"),
    ("We recommend that Kenzie and her dad attend the Holloway parenting group.", "service",
     "Kenzie and her dad"),
])
def test_a_recommendation_in_the_plans_own_voice_is_read_as_the_need(
        coach: Coach, text: str, category: str, holder: str) -> None:
    reading = coach.read_need(text)
    assert reading is not None and reading.form == "recommended", text
    assert reading.category == category
    assert reading.holder_text == holder
    report = coach.check(text)
    assert report.holder == holder
    assert category in scored_kinds(coach, "need", text)
    finding = next(f for f in report.findings if f.kind == category)
    assert finding.counts  # "would recommend" is no might-be


@pytest.mark.parametrize("text", [
    "It is recommended that Tobias is helped to tell an adult when he feels scared at night.",
    "We suggest that Mum and Tobias spend ten minutes of special play together every "
    "evening.",
    "It is recommended that Tobias goes to bed by eight on school nights so he is not "
    "tired in class.",
    "It is not recommended that Tobias attends the Larkspur project.",
])
def test_a_specific_or_negated_recommendation_is_not_a_fault(coach: Coach, text: str) -> None:
    assert scored_kinds(coach, "need", text) == set()


def test_someone_elses_recommendation_is_not_read_as_the_plans(coach: Coach) -> None:
    reading = coach.read_need("The psychologist recommends that Tobias attends a forest "
                              "school group.")
    assert reading is None or reading.form != "recommended"


@pytest.mark.parametrize(("text", "term"), [
    ("It is recommended that Tobias attends a forest school group.",
     "attending a forest school group"),
    ("It is recommended that Tobias is referred to the Larkspur project.",
     "being referred to the Larkspur project"),
    ("It is recommended that Tobias is offered equine therapy.", "equine therapy"),
    ("For Tobias to have a mentor.", "having a mentor"),
])
def test_the_question_asks_about_what_was_recommended(coach: Coach, text: str,
                                                      term: str) -> None:
    """Not "what would Tobias attends a forest school group change ...?"."""
    report = coach.check(text)
    finding = next(f for f in report.findings if f.kind == "service")
    assert f"what would {term} change for Tobias?" in finding.message


@pytest.mark.parametrize(("text", "category", "holder"), [
    ("Tobias is to be referred to the Larkspur project.", "service", "Tobias"),
    ("Mum and Dad are to attend the Cradle Steps course.", "service", "Mum"),
    ("She is to have a sensory processing assessment.", "assessment", "She"),
])
def test_a_person_who_is_to_do_something_holds_a_plan_style_need(
        coach: Coach, text: str, category: str, holder: str) -> None:
    _reads_as(coach, text, "plan-style", category, holder)


@pytest.mark.parametrize("text", [
    "The plan is to refer Tobias to the Larkspur project.",
    "The aim is to attend school every day.",
])
def test_a_thing_that_is_to_be_done_holds_no_plan_style_need(coach: Coach, text: str) -> None:
    reading = coach.read_need(text)
    assert reading is None or reading.form != "plan-style"


@pytest.mark.parametrize(("text", "category", "holder"), [
    ("Marlow to have a hearing test.", "assessment", "Marlow"),
    ("Kenzie to attend the Wrenfield homework club.", "service", "Kenzie"),
    ("Marlow to be able to tell an adult at nursery when she is hungry.", "specific",
     "Marlow"),
])
def test_a_name_the_tagger_reads_as_a_verb_holds_a_plan_style_need(
        coach: Coach, text: str, category: str, holder: str) -> None:
    _reads_as(coach, text, "plan-style", category, holder)


def test_an_instruction_is_not_taken_for_a_name(coach: Coach) -> None:
    reading = coach.read_need("Continue to attend the Wrenfield nurture base.")
    assert reading is None or reading.holder_text is None


@pytest.mark.parametrize(("text", "owner"), [
    ("Marlow to attend the homework club every Tuesday from 3 March.", "Marlow"),
    ("Grampy to collect Ava from nursery every Tuesday from 3 March.", "Grampy"),
])
def test_a_name_misread_by_the_tagger_owns_a_work_item(coach: Coach, text: str,
                                                       owner: str) -> None:
    report = coach.check(text, "work")
    assert "no-responsible" not in report.kinds
    assert report.holder == owner


def test_an_instruction_still_has_no_owner(coach: Coach) -> None:
    assert "no-responsible" in coach.check("Continue to attend the homework club.",
                                           "work").kinds


@pytest.mark.parametrize(("text", "holder"), [
    ("Mum's parenting to be assessed.", "Mum"),
    ("Brogan's speech to be assessed by the Larkspur team.", "Brogan"),
])
def test_the_question_is_asked_of_the_person_whose_thing_it_is(coach: Coach, text: str,
                                                               holder: str) -> None:
    report = coach.check(text)
    assert report.holder == holder
    assert all(f"{holder}'s parenting's" not in f.message for f in report.findings)


@pytest.mark.parametrize(("text", "category", "holder"), [
    ("It would be beneficial for Tobias to attend the Wrenfield homework club.", "service",
     "Tobias"),
    ("It is important for Brogan's mum to have a Cradle Steps assessment.", "assessment",
     "Brogan's mum"),
    ("It is vital for Tobias to be safe and well.", "universal", "Tobias"),
    ("It would be good for Tobias to spend Saturday mornings with his grandad at the "
     "allotment.", "specific", "Tobias"),
])
def test_it_is_good_for_someone_to_do_something_is_their_need(
        coach: Coach, text: str, category: str, holder: str) -> None:
    _reads_as(coach, text, "for ... to", category, holder)


@pytest.mark.parametrize("text", [
    "It is not helpful for Tobias to attend the Wrenfield homework club.",
    "It is hard for Tobias to attend the Wrenfield homework club.",
])
def test_what_is_not_said_to_be_needed_is_not_read_as_a_need(coach: Coach, text: str) -> None:
    reading = coach.read_need(text)
    assert reading is None or reading.form != "for ... to"


@pytest.mark.parametrize(("text", "category", "holder"), [
    ("Referral to be made to the Wrenfield family hub for Tobias.", "service", "Tobias"),
    ("Sensory processing assessment to be completed for Brogan.", "assessment", "Brogan"),
    ("Referral to be made to the Wrenfield family hub.", "service", None),
])
def test_the_thing_to_be_done_is_not_its_holder(coach: Coach, text: str, category: str,
                                                holder: str | None) -> None:
    reading = coach.read_need(text)
    assert reading is not None and reading.category == category
    assert reading.holder_text == holder


def test_a_reason_hung_on_a_misread_name_still_says_why_they_are_taken(coach: Coach) -> None:
    """The parser hung "so his pump is checked" on "Marlow" (read as the verb): taking him
    to care, for a reason given, is what a carer does (as "... to be taken to the dentist so
    that his tooth decay is treated" is)."""
    text = "Marlow to be taken to his diabetes clinic each term so his pump is checked."
    reading = coach.read_need(text)
    assert reading is not None and reading.holder_text == "Marlow"
    assert reading.category == "specific"


@pytest.mark.parametrize(("text", "holder"), [
    ("Tobias should be supported to engage with the Wrenfield team.", "Tobias"),
    ("Brogan's mum should attend the Cradle Steps parenting group.", "Brogan's mum"),
    ("Brogan's reading should be assessed.", "Brogan"),
])
def test_a_fault_read_by_meaning_is_asked_of_the_person_the_sentence_is_about(
        coach: Coach, text: str, holder: str) -> None:
    """Where the reader reads no holder, the coach asks about the subject of the main
    clause when it names a person, not "the person"."""
    report = coach.check(text)
    assert report.findings, text
    assert report.holder == holder
    assert all("the person" not in f.message for f in report.findings)


def test_a_thing_as_the_subject_is_not_a_holder(coach: Coach) -> None:
    report = coach.check("Support should be given to the Wrenfield family.")
    assert report.holder != "Support"


@pytest.mark.parametrize(("text", "category"), [
    ("Brogan's mum needs a Harrowgate Care Profile completing.", "assessment"),
    ("Tobias needs a sensory questionnaire doing.", "assessment"),
    ("Mum needs a Wrenfield support plan completing.", "service"),
])
def test_a_thing_needing_doing_is_judged_as_the_thing(coach: Coach, text: str,
                                                      category: str) -> None:
    """British "needs X completing" is "needs X completed": the X is what is asked for."""
    reading = coach.read_need(text)
    assert reading is not None and reading.category == category


def test_a_thing_with_an_ing_word_of_no_work_is_left_alone(coach: Coach) -> None:
    reading = coach.read_need("Tobias needs a lot of reading with his nan at bedtime.")
    assert reading is None or reading.category not in ("service", "assessment")
