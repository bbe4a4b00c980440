"""Assessments asked for in the shapes plans use without "needs ... assessed": a
professional asked to find out, and a thing of someone's with a bare participle of
finding out (found by the lead trying new rounds' wordings in `check`).

- a plan-style line whose subject is a professional and whose verb is finding out
  ("The paediatrician to assess Alfie", "School nurse to screen Kai", "Health visitor to
  do a mood assessment with Mum") asks for an assessment, not a service: the work the
  professional is asked to do is to find out;
- a thing of someone's with a bare participle of finding out, which the parser hangs on
  the noun ("Martha's mental health assessed by CAMHS", "Dad's drug use tested") or reads
  as a clause ("Maisie's hearing checked by the GP"), asks for a check, as "needs her
  hearing checked" does; its named owner is the one asked about.

A professional doing other work is still a service; a thing seen to ("Her hearing aids
checked.", "Dad's boiler checked by the landlord.") and a bare "1:1" that says what the
time is for stay as they were. The people and services here are invented.
"""

from __future__ import annotations

import pytest

from assistant.wording import Coach
from tests.helpers import scored_kinds

ASSESSMENT: list[tuple[str, str]] = [
    ("The Tennick paediatrician to assess Alfie.", "Alfie"),
    ("A speech and language therapist to assess Orlaith before she starts nursery.",
     "Orlaith"),
    ("School nurse to screen Quillan for scoliosis.", "Quillan"),
    ("The Brennock psychologist to evaluate Morwenna.", "Morwenna"),
    ("Martha's mental health assessed by the Tennick team.", "Martha"),
    ("Quillan's caring role assessed by the Brennock young carers team.", "Quillan"),
    ("Orlaith's hearing checked by the GP.", "Orlaith"),
    ("Dad's drug use tested by hair strand.", "Dad"),
]

#: The kind holds whatever is to be found out; who is asked about when the professional's
#: object is a thing of the child's ("Morwenna's memory") is the line's general question
#: ("the child"), as for a professional's other work.
ASSESSMENT_OF_A_THING: list[str] = [
    "The Brennock psychologist to evaluate Morwenna's memory.",
    "A Tennick audiologist to test Quillan's hearing.",
]

SERVICE: list[str] = [
    # a professional doing work other than finding out is a service, as before
    "The Tennick paediatrician to visit Alfie at home.",
    "School nurse to see Quillan weekly about his eczema.",
]

NOT_FLAGGED: list[str] = [
    # a thing seen to is care, not a test; a worker reviewing a plan is not asked to
    # find out about anyone
    "Dad's boiler checked by the landlord.",
    "Her hearing aids checked.",
]


@pytest.mark.parametrize(("text", "person"), ASSESSMENT)
def test_finding_out_asked_for_is_an_assessment(coach: Coach, text: str,
                                                person: str) -> None:
    report = coach.check(text, stage="need")
    assert scored_kinds(coach, "need", text) == {"assessment"}, report.to_dict()
    finding = next(f for f in report.findings if f.kind == "assessment")
    assert f"{person}'s needs" in finding.message, finding.message
    assert "the person" not in finding.message, finding.message


@pytest.mark.parametrize("text", ASSESSMENT_OF_A_THING)
def test_a_professional_finding_out_about_a_thing_is_an_assessment(coach: Coach,
                                                                   text: str) -> None:
    assert scored_kinds(coach, "need", text) == {"assessment"}, coach.check(text).to_dict()


@pytest.mark.parametrize("text", SERVICE)
def test_a_professional_doing_other_work_is_a_service(coach: Coach, text: str) -> None:
    assert scored_kinds(coach, "need", text) == {"service"}, coach.check(text).to_dict()


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_a_thing_seen_to_is_not_a_test(coach: Coach, text: str) -> None:
    assert "assessment" not in scored_kinds(coach, "need", text), coach.check(text).to_dict()
