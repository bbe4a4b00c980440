"""The coach does not re-read a long answer at every key (the TUI walk: deleting
characters from a 21,000-character paste was slow, about 65 ms a key and more).

A coach check of a long answer takes about a second and holds the interpreter meanwhile;
started again for every key, each key waited on the last. After a check that took long,
the next waits until typing pauses for as long as it took: keys typed in a row start one
check, of the text as it is when they stop. A short answer is still checked at every key.
No timings are asserted: the checks are counted. Real app, real coach, from the first
screen.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from assistant.tui.app import NeedsLedApp
from assistant.tui.widgets.answer import AnswerArea
from tests.helpers import interview, until
from tests.test_tui import SIZE, answer, start_case, type_text

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def _at_a_need(pilot: Any) -> Any:
    app = pilot.app
    await until(pilot, lambda: app.coach_status != "loading", "the coach loads")
    await start_case(pilot, "NL-PACE-3")
    screen = interview(app)
    await answer(pilot, "Kayla lives with Dee, who works nights.")
    await answer(pilot, "")
    await answer(pilot, "Kayla says little.")
    assert screen.interview.key.startswith("need_new:")
    return screen


def _counting(app: Any) -> list[str]:
    """Every text the coach is asked to check from now on (the coach's own check runs)."""
    seen: list[str] = []
    coach = app.coach
    check = coach.check

    def counted(text: str, *args: Any, **kwargs: Any) -> Any:
        seen.append(text)
        return check(text, *args, **kwargs)

    coach.check = counted
    return seen


async def test_keys_after_a_slow_check_start_one_check_of_the_final_text(
        tmp_path: Path) -> None:
    app = NeedsLedApp(db=str(tmp_path / "cases.db"))
    async with app.run_test(size=SIZE) as pilot:
        screen = await _at_a_need(pilot)
        await type_text(pilot, "Kayla needs counselling")
        await until(pilot, lambda: screen.report_text == "Kayla needs counselling",
                    "the first report")
        seen = _counting(app)
        screen._check_cost = 1.0  # as a check of a 21,000-character paste takes
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace")
        final = screen.query_one("#answer", AnswerArea).text
        assert final.startswith("Kayla needs cou") and final != "Kayla needs counselling"
        await until(pilot, lambda: screen.report_text == final,
                    "the report of the text as typing stopped",
                    state=lambda: (seen, screen.report_text, screen._check_timer))
        assert seen == [final], seen


async def test_a_quick_check_still_reads_every_key(tmp_path: Path) -> None:
    app = NeedsLedApp(db=str(tmp_path / "cases.db"))
    async with app.run_test(size=SIZE) as pilot:
        screen = await _at_a_need(pilot)
        seen = _counting(app)
        screen._check_cost = 0.0
        await type_text(pilot, "Kay")
        await until(pilot, lambda: screen.report_text == "Kay", "a report")
        # each key asked for a check at once (a stale one is dropped before it is read)
        assert screen._check_timer is None
        assert seen and seen[-1] == "Kay"
