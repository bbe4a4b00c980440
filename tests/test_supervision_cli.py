"""Supervision closes the loop on the command line: comments by what a person sees,
agreed actions done, comments resolved and edited."""

from __future__ import annotations

from datetime import date

from assistant.dates import phrase_date
from assistant.store import Store
from tests.helpers import FIXTURES, run_cli

FIXTURE = str(FIXTURES / "case.json")


def test_about_takes_what_a_person_sees_and_the_loop_closes(db_path) -> None:  # type: ignore[no-untyped-def]
    run_cli("import", FIXTURE)
    result = run_cli("supervise", "NL-2026-014", "--comment", "What does Tyler say?",
                     "--about", "need 4")
    assert result.returncode == 0, result.stderr
    result = run_cli("supervise", "NL-2026-014", "--comment", "Is this date realistic?",
                     "--about", "outcome 1.1")
    assert result.returncode == 0, result.stderr
    bad = run_cli("supervise", "NL-2026-014", "--comment", "x", "--about", "need 9")
    assert bad.returncode != 0 and "need 1 to need 4" in bad.stderr
    with Store(db_path) as store:
        case = store.load("NL-2026-014")
    assert [c.about for c in case.comments[-2:]] == ["n4", "o1"]
    number = len(case.comments)
    run_cli("supervise", "NL-2026-014", "--action", "Visit before school", "--due",
            "15 Dec 2026")
    actions = len(case.agreed_actions) + 1
    done = run_cli("supervise", "NL-2026-014", "--done", str(actions), "--on", "01/12/2026",
                   "--resolve", str(number))
    assert done.returncode == 0, done.stderr
    edited = run_cli("supervise", "NL-2026-014", "--edit-comment", str(number - 1),
                     "What does Tyler say about coming home?")
    assert edited.returncode == 0, edited.stderr
    listing = run_cli("supervise", "NL-2026-014").stdout
    assert f"{actions}. Visit before school (no owner, by 15 Dec 2026)  DONE 1 Dec 2026" in listing
    assert "Is this date realistic? (resolved)" in listing
    assert "What does Tyler say about coming home?" in listing
    history = run_cli("history", "NL-2026-014").stdout
    assert "Agreed action done 1 Dec 2026" in history and "Comment edited" in history


def test_seriousness_asks_what_happens_to_the_child_for_every_need(db_path) -> None:  # type: ignore[no-untyped-def]
    """Found walking the app: a mother's and a grandparent's need were asked as "What will
    happen to Donna if ... is not met?"; seriousness is about the child, as the interview
    asks it ("If it is not met, what will happen to Tia?")."""
    run_cli("import", str(FIXTURES / "severe-need.json"))
    listing = run_cli("supervise", "NL-2026-090").stdout
    asked = [line.strip() for line in listing.splitlines()
             if line.strip().startswith("- What will happen to")]
    assert len(asked) == 4, listing
    assert all(line.startswith("- What will happen to Tia if") for line in asked), asked
    assert any('"Donna needs to understand' in line for line in asked)
    assert any('"Pat needs support"' in line for line in asked)
    # a case with two children asks about them both
    run_cli("import", FIXTURE)
    listing = run_cli("supervise", "NL-2026-014").stdout
    assert 'What will happen to the children if "Dee needs' in listing, listing
    assert 'What will happen to Kayla if "Kayla needs' in listing


def test_due_reads_the_phrases_the_interview_reads(db_path) -> None:  # type: ignore[no-untyped-def]
    """Found walking the app (walk10): the interview reads "next Monday" at its date
    questions, but ``supervise --due "next friday"`` was refused; every date the command
    line takes is read as the interview reads it, against the app's today, and --help
    says which forms."""
    today = {"NEEDS_LED_TODAY": "2026-11-30"}  # a Monday
    run_cli("import", FIXTURE)
    result = run_cli("supervise", "NL-2026-014", "--action", "Ring the school", "--due",
                     "next friday", env=today)
    assert result.returncode == 0, result.stderr
    soon = run_cli("supervise", "NL-2026-014", "--action", "Book the review", "--due",
                   "in six weeks", env=today)
    assert soon.returncode == 0, soon.stderr
    with Store(db_path) as store:
        case = store.load("NL-2026-014")
    dues = {a.action: a.due for a in case.agreed_actions}
    # the interview's reading of the same words on the same day
    assert dues["Ring the school"] == phrase_date("next friday", date(2026, 11, 30))
    assert dues["Book the review"] == date(2027, 1, 11)
    bad = run_cli("supervise", "NL-2026-014", "--action", "x", "--due", "as needed",
                  env=today)
    assert bad.returncode != 0
    assert "'as needed' is not a date" in bad.stderr and "next Friday" in bad.stderr
    helped = run_cli("supervise", "--help").stdout
    assert "next Friday" in " ".join(helped.split()) and "15/02/2027" in helped
