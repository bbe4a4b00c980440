"""What the coach says fits the person and the need in front of it (issue 10, points 3-4),
found by using the interview and `check --case` as a student would.

Each test uses nouns, verbs and names that appear in no rule or library statement, so the
class is tested, not the example; the real spaCy pipeline and a real case model are used.
"""

from __future__ import annotations

import pytest

from assistant.model import Case, Person
from assistant.wording import Coach
from tests.helpers import CONTENT


@pytest.fixture(scope="module")
def coach() -> Coach:
    return Coach(content=CONTENT).load()


@pytest.mark.parametrize("text", [
    "Tamsin needs to be walked to the Orrin club by her grandad every Thursday.",
    "Tamsin needs to be read to in bed every night.",
    "Tamsin needs to be told why her brother moved to the Pell unit.",
    "Tamsin needs to be collected from the bus stop by an adult she trusts.",
])
def test_a_specific_passive_need_is_not_said_to_be_what_the_holder_does(
        coach: Coach, text: str) -> None:
    """"needs to be read to" is done for Tamsin, not by her: "it says what Tamsin needs to
    do" would be untrue. The coach says what it reads: what she needs to happen."""
    report = coach.check(text)
    assert report.kinds == [], report.kinds
    assert report.note.startswith("Reads as specific"), report.note
    assert "needs to do" not in report.note, report.note
    assert "needs to happen" in report.note, report.note


@pytest.mark.parametrize("text", [
    "Tamsin needs to walk to the Orrin club with her grandad every Thursday.",
    "Tamsin needs to tell her teacher when the Pell boys take her lunch.",
])
def test_an_active_specific_need_still_says_what_the_holder_does(coach: Coach,
                                                                text: str) -> None:
    report = coach.check(text)
    assert report.kinds == [] and "needs to do" in report.note, report.note
