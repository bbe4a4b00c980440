"""Keys typed straight after Enter or Tab go to the field that has the focus afterwards.

A terminal delivers keys as fast as they are typed (or pasted, or sent by a busy SSH
link) while the app may still be handling the Enter before them. Here the keys are put
in the app's queue all at once, before any is handled, which is the worst case of that:
Pilot's ``press`` waits for each key to be handled, so it could never show the problem.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.widgets import Input

from assistant.model import Case
from assistant.store import Store
from assistant.tui.app import NeedsLedApp
from assistant.tui.screens.newcase import NewCaseScreen
from assistant.tui.widgets.answer import AnswerArea
from tests.test_tui import SIZE, on_interview, until

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def burst(app: NeedsLedApp, *keys: str) -> None:
    """Put ``keys`` in the app's queue at once, as a terminal's read of a fast typist."""
    names = {" ": "space", "-": "minus", ".": "full_stop", ",": "comma"}
    for key in keys:
        if key in ("enter", "tab", "shift+tab", "escape", "backspace"):
            app.post_message(events.Key(key, {"enter": "\r", "tab": "\t",
                                              "backspace": "\x08"}.get(key)))
            continue
        for char in key:  # text: one key per character
            app.post_message(events.Key(names.get(char, char), char))


async def test_typing_on_after_enter_and_tab_in_the_new_case_form(tmp_path: Path) -> None:
    app = NeedsLedApp(db=str(tmp_path / "cases.db"))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.core_ready, "the cases are open")
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, NewCaseScreen)
                    and app.focused is not None and app.focused.id == "reference", "new case")
        screen = app.screen
        # reference, Enter (to the role list), Tab (to the name), the name, Tab, the age
        burst(app, "NL-T-1", "enter", "tab", "Kayla", "tab", "9")
        for _ in range(20):  # let every key be handled
            await pilot.pause(0.05)
        values = {f: screen.query_one(f"#{f}", Input).value for f in ("reference", "name", "age")}
        assert values == {"reference": "NL-T-1", "name": "Kayla", "age": "9"}, values
        assert screen.query_one("#reference", Input).value == "NL-T-1"
        assert screen.query_one("#name", Input).value == "Kayla"
        assert screen.query_one("#age", Input).value == "9"


async def test_typing_on_after_enter_in_the_interview(tmp_path: Path, case: Case) -> None:
    """The answer is checked by the coach on Enter; what is typed meanwhile starts the next
    answer, whole and in order, never the one just sent."""
    app = _app_with(tmp_path, case)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _at_a_new_need(pilot, app, case)
        first = "Kayla needs to be at school by 8.45 every morning"
        burst(app, first, "enter", "It matters because")
        answer = screen.query_one("#answer", AnswerArea)
        before = len(case.needs)
        await until(pilot, lambda: len(screen.case.needs) > before  # type: ignore[attr-defined]
                    and answer.text.endswith("because"), "the answer and the next")
        await pilot.pause()
        assert screen.case.needs[-1].wording == first  # type: ignore[attr-defined]
        assert screen.interview.key != "need_new:" + case.people[0].id  # type: ignore[attr-defined]
        assert answer.text == "It matters because"


def _app_with(tmp_path: Path, case: Case) -> NeedsLedApp:
    db = tmp_path / "cases.db"
    with Store(db) as store:
        store.save(case)
    return NeedsLedApp(db=str(db))


async def _at_a_new_need(pilot: Any, app: NeedsLedApp, case: Case) -> Any:
    """The interview open at the first person's new-need question, coach loaded."""
    await until(pilot, lambda: app.coach_status == "ready", "the coach loads")
    app.open_case(case.reference)
    await until(pilot, lambda: on_interview(app), "the interview")
    screen = app.screen
    screen.interview.goto("need_new:" + case.people[0].id)  # type: ignore[attr-defined]
    screen.show_question()  # type: ignore[attr-defined]
    await pilot.pause()
    return screen


async def test_typing_on_past_a_flagged_answer_keeps_the_burst_with_the_answers(
        tmp_path: Path, case: Case) -> None:
    """Enter on a flagged answer opens the keep-my-wording dialog under the worker's
    fingers: the keys typed straight on, in the same burst, were meant for the next answer,
    so they go back into the answer box on a line of their own (its draft), not into the
    dialog's reason field; after a pause, typing goes to the dialog."""
    import asyncio

    from assistant.tui.screens.keep import KeepScreen
    from assistant.tui.typeahead import BURST_GAP

    app = _app_with(tmp_path, case)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _at_a_new_need(pilot, app, case)
        answer = screen.query_one("#answer", AnswerArea)
        burst(app, "Kayla needs counselling", "enter", "Kayla needs a bedx", "backspace")
        await until(pilot, lambda: isinstance(app.screen, KeepScreen)
                    and answer.text.endswith("bed"), "the burst back in the answer box")
        assert answer.text == "Kayla needs counselling\nKayla needs a bed"
        assert app.screen.query_one("#reason", Input).value == ""
        await asyncio.sleep(BURST_GAP + 0.2)  # the worker stops, reads the dialog
        burst(app, "agreed with the family")
        await until(pilot, lambda: app.screen.query_one("#reason", Input).value.endswith(
            "family"), "the reason in the dialog")
        assert app.screen.query_one("#reason", Input).value == "agreed with the family"
        assert answer.text == "Kayla needs counselling\nKayla needs a bed"
        burst(app, "enter")  # keep the wording: the burst starts the next answer
        await until(pilot, lambda: app.screen is screen and answer.text == "Kayla needs a bed",
                    "the burst in the next answer")


async def test_the_line_typed_on_past_a_flag_is_never_part_of_the_answer(
        tmp_path: Path, case: Case) -> None:
    """Back to edit after a flag: a coach rewrite replaces the answer but not the line
    typed on, and Enter sends only the answer; the line starts the next question."""
    from assistant.tui.screens.keep import KeepScreen

    app = _app_with(tmp_path, case)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _at_a_new_need(pilot, app, case)
        answer = screen.query_one("#answer", AnswerArea)
        burst(app, "Kayla needs counselling", "enter", "Kayla needs a bed")
        await until(pilot, lambda: isinstance(app.screen, KeepScreen)
                    and answer.text.endswith("bed"), "the burst back in the answer box")
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen, "back to edit")
        await pilot.press("ctrl+r")
        await until(pilot, lambda: not answer.text.startswith("Kayla needs counselling"),
                    "a rewrite taken")
        rewrite, _, held = answer.text.partition("\n")
        assert held == "Kayla needs a bed" and rewrite
        await pilot.press("enter")
        await until(pilot, lambda: answer.text == "Kayla needs a bed",
                    "the held line starts the next question")
        needs = [n.wording for n in screen.case.needs]  # type: ignore[attr-defined]
        assert rewrite in needs and "Kayla needs a bed" not in needs
        assert not any("\n" in n for n in needs)
