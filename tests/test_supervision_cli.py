"""Supervision closes the loop on the command line: comments by what a person sees,
agreed actions done, comments resolved and edited."""

from __future__ import annotations

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
