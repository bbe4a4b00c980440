"""The live coach names the person the interview's question is about (found walking the
interview as a student): asked "If Dee's need is not met, what will happen to Kayla?", a
coach that then asks "what will happen to Dee ... at school?" contradicts the question.

Real parts only: the real app under Pilot from the first screen, the real coach with the
installed spaCy pipeline, a real SQLite file in tmp_path.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.tui.app import NeedsLedApp
from tests.helpers import reads_the_dialog
from tests.test_tui import SIZE, answer, interview, start_case, type_text, until

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def test_the_seriousness_coach_asks_about_the_child_the_question_names(
        tmp_path: Path) -> None:
    app = NeedsLedApp(db=str(tmp_path / "cases.db"))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.coach_status != "loading", "the coach loads")
        await start_case(pilot, "NL-T-610")
        screen = interview(app)
        await answer(pilot, "Dee works nights at the Varrow depot and sleeps till noon.")
        await answer(pilot, "")  # no one missing
        await answer(pilot, "")  # the child's voice
        await answer(pilot, "")  # no needs for Kayla yet
        await until(pilot, lambda: screen.interview.key.startswith("need_new:"), "Dee's needs")
        await answer(pilot, "Dee needs to be up by 7.30 on school mornings to walk Kayla in")
        for _ in range(6):
            if screen.interview.key.startswith("consequences:"):
                break
            await answer(pilot, "")
        assert screen.interview.key.startswith("consequences:"), screen.interview.key
        question = str(screen.query_one("#question").render())
        assert "happen to Kayla" in question, question
        await type_text(pilot, "The school will prosecute")
        await until(pilot, lambda: screen.report is not None
                    and screen.report_text == "The school will prosecute", "a coach report")
        said = [" ".join([f.message, *f.questions]) for f in screen.report.findings]
        assert said and all("Dee" not in s for s in said), said
        assert any("Kayla" in s for s in said), said


async def test_one_reason_kept_against_two_findings_shows_once_in_the_plan(
        tmp_path: Path) -> None:
    """"Kayla needs support" is flagged twice (vague, and a service); keeping it with one
    reason showed "Kept own wording: ..." twice in the plan beside the conversation."""
    from assistant.tui.screens.keep import KeepScreen

    app = NeedsLedApp(db=str(tmp_path / "cases.db"))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.coach_status != "loading", "the coach loads")
        await start_case(pilot, "NL-T-611")
        screen = interview(app)
        await answer(pilot, "Dee works nights at the Varrow depot and sleeps till noon.")
        await answer(pilot, "")
        await answer(pilot, "")
        await type_text(pilot, "Kayla needs support")
        await until(pilot, lambda: screen.report is not None
                    and screen.report_text == "Kayla needs support", "a coach report")
        assert len(screen.report.findings) >= 2, screen.report.findings
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, KeepScreen), "keep wording dialog")
        await reads_the_dialog()  # keys typed in the burst with the Enter go to the answer
        await type_text(pilot, "Quillon words")
        await pilot.press("enter")
        await until(pilot, lambda: app.screen is screen and len(screen.case.needs) == 1,
                    "the need is taken")
        assert len(screen.case.needs[0].kept_wording) >= 2  # one per finding, as recorded
        labels = [str(n.label) for n in screen.query_one("#plan")._tree_nodes.values()]  # type: ignore[attr-defined]
        assert sum("Quillon words" in label for label in labels) == 1, labels
