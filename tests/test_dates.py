"""One date parser for the interview, supervision, the command line and imports."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.dates import parse_date, parse_optional, show_date
from assistant.model import Case


@pytest.mark.parametrize("text", [
    "2027-02-15", "15/02/2027", "15-02-2027", "15.02.2027", "15/02/27", "15 Feb 2027",
    "15 February 2027", "15th Feb 2027", "Feb 15, 2027", "15 feb 2027", "  15 Feb  2027 ",
])
def test_accepted_forms(text: str) -> None:
    assert parse_date(text) == date(2027, 2, 15)


@pytest.mark.parametrize("text", [
    "next spring", "15/02", "2027", "31/02/2027", "02/15/2027", "15 Fbr 2027", "tomorrow",
    "15th", "2027-15-02",
])
def test_refused_forms(text: str) -> None:
    with pytest.raises(ValueError, match="not a date I can read"):
        parse_date(text)


def test_the_app_reads_back_what_it_prints() -> None:
    for day in (date(2026, 1, 1), date(2027, 12, 31), date(2028, 2, 29)):
        assert parse_date(show_date(day)) == day
    assert show_date(date(2027, 2, 5)) == "5 Feb 2027"
    assert parse_optional("  ") is None and show_date(None) == ""


def test_a_case_file_takes_dates_as_people_write_them() -> None:
    from pydantic import ValidationError

    from assistant.model import Outcome, WorkItem

    assert Outcome(statement="x", target_date="15 Feb 2027").target_date == date(2027, 2, 15)
    assert WorkItem(action="x", start_date="09/11/2026").start_date == date(2026, 11, 9)
    with pytest.raises(ValidationError):
        Outcome(statement="x", target_date="next spring")


# --- the one clock -------------------------------------------------------------------------


def test_today_is_the_pinned_date_and_the_interview_reads_it(
        monkeypatch: pytest.MonkeyPatch, case: Case) -> None:
    """Every "today" comes from assistant.dates.today: the interview's past-date gaps move
    with NEEDS_LED_TODAY, not with the day the suite runs."""
    from assistant.content import Content
    from assistant.dates import today
    from assistant.interview import Interview

    content = Content()
    monkeypatch.setenv("NEEDS_LED_TODAY", "2027-03-01")
    assert today() == date(2027, 3, 1)
    assert "past_date" in {g.kind for g in Interview(case, content).gaps()}
    monkeypatch.setenv("NEEDS_LED_TODAY", "1 Nov 2026")
    assert today() == date(2026, 11, 1)
    assert "past_date" not in {g.kind for g in Interview(case, content).gaps()}


def test_without_a_pin_today_is_the_computers_date(monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.dates import today

    monkeypatch.delenv("NEEDS_LED_TODAY")
    assert today() == date.today()
    monkeypatch.setenv("NEEDS_LED_TODAY", "next spring")  # a mistyped pin is ignored
    assert today() == date.today()
