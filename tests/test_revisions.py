"""What changed between revisions, in the plan's own numbering."""

from __future__ import annotations

from datetime import date

from assistant.model import Case, Need, Outcome
from assistant.revisions import diff, label


def test_changes_are_named_as_the_plan_numbers_them(case: Case) -> None:
    new = case.model_copy(deep=True)
    new.needs[1].wording = "Tyler needs to be home by 9pm."
    new.needs[0].outcomes = [*new.needs[0].outcomes, Outcome(statement="By March, Kayla reads "
                                                              "with her aunt twice a week.")]
    new.needs[0].work[0].start_date = date(2026, 12, 1)
    new.comments[0].resolved = True
    new.needs = [*new.needs, Need(holder="p1", wording="Kayla needs to see her grandad's grave.")]
    lines = [c.line() for c in diff(case, new)]
    assert "Need 2 reworded" in lines
    assert "Outcome 1.2 added" in lines
    assert "Work 1.1 start date changed" in lines
    assert "Comment resolved" in lines
    assert f"Need {len(new.needs)} added" in lines
    assert label(case, new).endswith("and 3 more")
    assert label(case, case.model_copy(deep=True)) == "no change"
    assert label(None, case) == "case started"


def test_reordering_and_removing_are_not_confused(case: Case) -> None:
    new = case.model_copy(deep=True)
    gone = new.needs.pop(0)
    lines = [c.line() for c in diff(case, new)]
    assert lines[-1] == "A need removed" or "A need removed" in lines
    assert not any("reworded" in line for line in lines)
    assert gone.wording in [c.old for c in diff(case, new)]
