"""The live coach with misspelled answers: the flag highlights the characters the worker
typed, the word read another way is told (underlined), and an answer whose only note is
a spelling asks for no reason to keep it.

Real parts only: the real app under Pilot from the first screen, the real coach with the
installed spaCy pipeline, a real SQLite file in tmp_path.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.tui.app import NeedsLedApp
from assistant.tui.widgets.coach import render_report
from tests.test_tui import SIZE, answer, interview, start_case, type_text, until

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def _styled(shown: object, style: str) -> list[str]:
    """The words of the statement line of a rendered report in ``style``."""
    text = shown.plain  # type: ignore[attr-defined]
    return [text[s.start:s.end] for s in shown.spans  # type: ignore[attr-defined]
            if str(s.style) == style]


def test_the_panel_highlights_the_workers_own_characters(coach) -> None:
    text = "Ysolde would benifit from councelling"
    report = coach.check(text, holder="Ysolde")
    shown = render_report(text, report.findings, report)
    assert _styled(shown, "bold black on yellow") == ["would benifit from councelling"]
    assert _styled(shown, "underline") == ["benifit", "councelling"]
    assert "'councelling' read as 'counselling'." in shown.plain


def test_a_spelling_alone_leaves_the_coachs_note_in_place(coach) -> None:
    text = "Ysolde needs to walk to scool with her cousin every morning."
    report = coach.check(text, holder="Ysolde")
    assert report.kinds == [] and report.note
    shown = render_report(text, report.findings, report)
    assert shown.plain.startswith(report.note)
    assert _styled(shown, "underline") == ["scool"]
    assert "'scool' read as 'school'." in shown.plain


async def test_a_misspelled_answer_is_coached_and_taken(tmp_path: Path) -> None:
    from assistant.tui.screens.keep import KeepScreen

    app = NeedsLedApp(db=str(tmp_path / "cases.db"))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.coach_status != "loading", "the coach loads")
        await start_case(pilot, "NL-T-720")
        screen = interview(app)
        await answer(pilot, "Dee works nights at the Varrow depot and sleeps till noon.")
        await answer(pilot, "")  # no one missing
        await answer(pilot, "")  # the child's voice
        typed = "Kayla needs a referal to the pyschologist"
        await type_text(pilot, typed)
        await until(pilot, lambda: screen.report is not None
                    and screen.report_text == typed, "a coach report")
        assert "service" in screen.report.kinds
        flagged = next(f for f in screen.report.findings if f.kind == "service")
        assert typed[flagged.start:flagged.end] == flagged.match
        assert "referal" in flagged.match
        shown = str(screen.query_one("#coach-text").render())
        assert "'referal' read as 'referral'." in shown
        # a misspelled specific need: told, not flagged, so Enter takes it as typed
        screen.query_one("#answer").clear()  # type: ignore[attr-defined]
        typed = "Kayla needs to get to scool by nine without crying at the gate"
        await type_text(pilot, typed)
        await until(pilot, lambda: screen.report is not None
                    and screen.report_text == typed, "a coach report")
        assert screen.report.kinds == []
        await pilot.press("enter")
        await until(pilot, lambda: len(screen.case.needs) == 1, "the need is taken")
        assert not isinstance(app.screen, KeepScreen)
        assert screen.case.needs[0].wording == typed  # the worker's words, as typed
        assert screen.case.needs[0].kept_wording == []
