"""An outcome that gives its date is not asked for one (the TUI walk as a student: the
coach asked "By when?" of "... by the end of the spring term").

The coach reads dates one way (assistant/dates.py, with framework/words/time.yml): the
no-date rule does not flag a statement whose date the date reader reads, and a finding's
"By when?" questions (``date_questions`` in the rules) are asked only of a statement that
gives no date. Real spaCy.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.wording import Coach

TODAY = date(2026, 11, 29)

#: outcomes, most of them vague (so a finding with questions is given), each with its date
#: said in a different way: none of them may be asked by when, nor flagged as undated
DATED = [
    "By the end of the spring term Ottilie will make wiser choices.",
    "Ottilie will make wiser choices by 14 March 2027.",
    "Within six weeks Ottilie will engage more often in outdoor hobbies.",
    "By her 5th birthday Ottilie will be happier.",
    "Over the next six weeks Bramwell will be kinder.",
    "Bramwell will be calmer in six weeks' time.",
    "Bramwell will engage more often in outdoor hobbies by Whitsun.",
    "Bramwell will be accompanied to the Quillon hub by 02/04/2027.",
]
#: the same without a date: asked by when, and flagged
UNDATED = [
    "Ottilie will make wiser choices.",
    "Bramwell will engage more often in outdoor hobbies.",
    "Bramwell will be accompanied to the Quillon hub.",
]


def _asks_by_when(questions: list[str]) -> bool:
    return any(q.lower().startswith("by when") for q in questions)


@pytest.mark.parametrize("text", DATED)
def test_an_outcome_that_gives_its_date_is_not_asked_for_one(coach: Coach, text: str) -> None:
    report = coach.check(text, stage="outcome")
    assert "no-date" not in report.kinds, text
    for finding in report.findings:
        assert not _asks_by_when(finding.questions), (text, finding.rule, finding.questions)


@pytest.mark.parametrize("text", UNDATED)
def test_an_outcome_without_a_date_is_asked_by_when(coach: Coach, text: str) -> None:
    report = coach.check(text, stage="outcome")
    assert "no-date" in report.kinds, text
    assert any(_asks_by_when(f.questions) for f in report.findings
               if f.kind != "no-date"), text


def test_days_that_move_with_easter_are_read() -> None:
    from assistant.dates import easter_sunday, phrase_date

    assert [easter_sunday(y) for y in (2025, 2027, 2038)] == [
        date(2025, 4, 20), date(2027, 3, 28), date(2038, 4, 25)]
    assert phrase_date("by Easter", TODAY) == date(2027, 3, 28)
    assert phrase_date("by Whitsun", TODAY) == date(2027, 5, 16)
    assert phrase_date("before Easter 2028", TODAY) == date(2028, 4, 15)
    # written a week after Easter, "by Easter" is the one just past (as "by 7 April" is)
    assert phrase_date("by Easter", date(2027, 4, 4)) == date(2027, 3, 28)
    assert phrase_date("by New Year", TODAY) == date(2027, 1, 1)


def test_the_interview_offers_a_date_said_as_a_feast(coach: Coach) -> None:
    from tests.test_interview_offers import _case

    text = "Tyler will arrive at school on time on at least 4 days a week by Whitsun."
    assert coach.read_offers(text, "outcome", TODAY, _case()).get("by") == "16 May 2027"


@pytest.mark.parametrize(("said", "quoted"), [
    ("by the end of the spring term", "by the end of the spring term"),
    ("by her 5th birthday", "by her 5th birthday"),
    ("by the next review", "by the next review"),
])
def test_by_what_date_quotes_the_time_the_outcome_names(coach: Coach, said: str,
                                                        quoted: str) -> None:
    """An outcome that names its time in words no calendar gives ("by the end of the
    spring term") is not asked "By what date?" from blank: the question quotes it."""
    from assistant.interview import Interview
    from assistant.model import Outcome
    from tests.helpers import CONTENT
    from tests.test_interview_offers import _case

    outcome = Outcome(statement=f"Tyler will be at school by 8.50 on four days a week {said}.",
                      whose="child")
    case = _case(outcome)
    iv = Interview(case, CONTENT, today=TODAY)
    iv.offer_reader = coach.read_offers
    question = iv.goto(f"by:{outcome.id}")
    assert f"\u201c{quoted}\u201d" in question.text or f'"{quoted}"' in question.text, \
        question.text
    assert not question.text.startswith("By what date")


def test_by_what_date_is_asked_plainly_of_an_outcome_that_names_no_time(coach: Coach) -> None:
    from assistant.interview import Interview
    from assistant.model import Outcome
    from tests.helpers import CONTENT
    from tests.test_interview_offers import _case

    outcome = Outcome(statement="Tyler will be at school by 8.50 on four days a week.",
                      whose="child")
    iv = Interview(_case(outcome), CONTENT, today=TODAY)
    iv.offer_reader = coach.read_offers
    assert iv.goto(f"by:{outcome.id}").text.startswith("By what date")
