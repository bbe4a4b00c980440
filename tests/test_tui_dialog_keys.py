"""Keys typed at a dialog once it is up arrive in it, whatever put it up and however soon.

Found by walk11's Pilot test at "Whose need is it?": merged beside walk12's type-ahead
holds, the reason typed into the keep-my-wording dialog went into the answer box below
it, and the Enter after it sent the dialog an empty reason. The seam was not the holds:
the keys typed on past a flagged answer are taken back to the answer box (they were
meant for the next answer), and what counted as typing on was only the pause since the
Enter (under half a second), never whether the dialog was already up when the key was
typed. On a machine quick to put the dialog up, a reason typed at once was taken for
typing on. Only a burst begun before the dialog was up is taken back now.

The same class, with no Enter at all: a dialog put up while no key was held (by a timer,
a thread, another dialog's answer) had the first keys typed at it handed on before it had
a focused field; they went to the dialog itself and vanished ("XYZ" arrived as "YZ").
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from assistant.model import Case
from assistant.tui.screens.confirm import PersonScreen
from assistant.tui.screens.keep import KeepScreen
from assistant.tui.widgets.answer import AnswerArea
from tests.helpers import dialog_up
from tests.test_tui import SIZE, type_text, until
from tests.test_tui_typeahead import _app_with, _at_a_new_need, _handled, burst

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def quick_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    """A machine that puts the dialog up well within a burst of typing: every pause the
    test makes is shorter than the burst gap, whatever the load on this one."""
    from assistant.tui import typeahead

    monkeypatch.setattr(typeahead, "BURST_GAP", 600.0)


async def test_a_reason_typed_once_the_keep_dialog_is_up_goes_into_it(
        tmp_path: Path, case: Case, quick_machine: None) -> None:
    app = _app_with(tmp_path, case)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _at_a_new_need(pilot, app, case)
        answer = screen.query_one("#answer", AnswerArea)
        await type_text(pilot, "Kayla needs counselling")
        await pilot.press("enter")
        keep = await dialog_up(pilot, KeepScreen)
        await type_text(pilot, "her own words")
        assert keep.query_one("#reason", Input).value == "her own words"
        assert answer.text == "Kayla needs counselling"
        await pilot.press("enter")
        await until(pilot, lambda: app.screen is screen, "the wording kept")
        need = screen.case.needs[-1]  # type: ignore[attr-defined]
        assert need.wording == "Kayla needs counselling"
        assert [k.reason for k in need.kept_wording][:1] == ["her own words"]
        assert answer.text == ""


async def test_a_burst_begun_before_the_dialog_was_up_still_goes_back(
        tmp_path: Path, case: Case, quick_machine: None) -> None:
    """The other side of the line: keys typed on past the Enter before the dialog was up,
    and the rest of that burst, were meant for the next answer (the kill trial's typist)."""
    app = _app_with(tmp_path, case)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _at_a_new_need(pilot, app, case)
        answer = screen.query_one("#answer", AnswerArea)
        burst(app, "Kayla needs counselling", "enter", "Kayla")
        keep = await dialog_up(pilot, KeepScreen)
        await type_text(pilot, " needs a bed")
        await _handled(pilot, app)
        assert answer.text == "Kayla needs counselling\nKayla needs a bed"
        assert keep.query_one("#reason", Input).value == ""


async def test_keys_typed_at_a_dialog_put_up_by_no_key_arrive_whole(
        tmp_path: Path, case: Case) -> None:
    """A dialog put up at an interview step while no key is held (here by the test, as
    a timer or a thread would): the keys typed at it at once all arrive in its field."""
    app = _app_with(tmp_path, case)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _at_a_new_need(pilot, app, case)
        answer = screen.query_one("#answer", AnswerArea)
        burst(app, "abc")
        await _handled(pilot, app)
        app.push_screen(PersonScreen("", title="Who else is in the home?"))
        burst(app, "Gran, grandparent, 70")
        dialog = await dialog_up(pilot, PersonScreen)
        await _handled(pilot, app)
        assert dialog.query_one("#person-line", Input).value == "Gran, grandparent, 70"
        assert answer.text == "abc"
