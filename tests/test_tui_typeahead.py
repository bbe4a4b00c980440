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


#: keys a test names, and the character a terminal sends for each
NAMED = {"enter": "\r", "tab": "\t", "shift+tab": None, "escape": None, "backspace": "\x08",
         "delete": None, "left": None, "right": None, "home": None, "end": None}


def burst(app: NeedsLedApp, *keys: str) -> None:
    """Put ``keys`` in the app's queue at once, as a terminal's read of a fast typist."""
    names = {" ": "space", "-": "minus", ".": "full_stop", ",": "comma"}
    for key in keys:
        if key in NAMED:
            app.post_message(events.Key(key, NAMED[key]))
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


async def _open_at(pilot: Any, app: NeedsLedApp, case: Case, key: str) -> Any:
    """The case's interview open at the step ``key``."""
    app.open_case(case.reference)
    await until(pilot, lambda: on_interview(app), "the interview")
    screen = app.screen
    _goto(screen, key)
    await pilot.pause()
    return screen


async def _at_a_new_need(pilot: Any, app: NeedsLedApp, case: Case) -> Any:
    """The interview open at the first person's new-need question, coach loaded."""
    await until(pilot, lambda: app.coach_status == "ready", "the coach loads")
    return await _open_at(pilot, app, case, "need_new:" + case.people[0].id)


async def test_typing_on_past_a_flagged_answer_keeps_the_burst_with_the_answers(
        tmp_path: Path, case: Case) -> None:
    """Enter on a flagged answer opens the keep-my-wording dialog under the worker's
    fingers: the keys typed straight on, in the same burst, were meant for the next answer,
    so they go back into the answer box on a line of their own (its draft), not into the
    dialog's reason field; after a pause, typing goes to the dialog."""
    import asyncio

    from assistant.tui.typeahead import BURST_GAP

    app = _app_with(tmp_path, case)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _at_a_new_need(pilot, app, case)
        answer = screen.query_one("#answer", AnswerArea)
        burst(app, "Kayla needs counselling", "enter", "Kayla needs a bedx", "backspace")
        await until(pilot, lambda: _keep_up(app) and answer.text.endswith("bed"),
                    "the burst back in the answer box")
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


def _keep_up(app: NeedsLedApp) -> bool:
    """The keep-my-wording dialog is showing and composed (the keys typed on past the
    flag reach the answer box as they are read, which may be before that)."""
    from assistant.tui.screens.keep import KeepScreen

    return isinstance(app.screen, KeepScreen) and bool(app.screen.query("#reason"))


async def test_keys_typed_on_past_a_flag_are_drafted_before_the_dialog_is_up(
        tmp_path: Path, case: Case, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a loaded machine the keep-my-wording dialog took seconds to be put up; the keys
    typed on past the flag were held until then and were in no draft, so a kill meanwhile
    lost them (the kill trial typing straight on past a flagged answer). They go to the
    answer box, and into its draft, as they are read: here the dialog is never up until
    the draft has them."""
    import asyncio

    from assistant.tui.screens.keep import KeepScreen

    gate = asyncio.Event()
    mount = KeepScreen.on_mount

    async def slow_mount(self: KeepScreen) -> None:  # a loaded machine, putting it up
        await gate.wait()
        mount(self)

    monkeypatch.setattr(KeepScreen, "on_mount", slow_mount)
    app = _app_with(tmp_path, case)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _at_a_new_need(pilot, app, case)
        key = (case.reference, screen.interview.key)  # type: ignore[attr-defined]
        assert app.keeper.journal is not None
        journal = app.keeper.journal
        burst(app, "Kayla needs counselling", "enter", "Kayla needs a bed")
        try:
            await until(pilot, lambda: journal.draft(*key)[1]
                        == "Kayla needs counselling\nKayla needs a bed",
                        "the keys typed on in the draft, the dialog not up yet", limit=200)
            assert isinstance(app.screen, KeepScreen)  # put up, not yet up:
            assert not any(w.has_focus for w in app.screen.query("#reason"))
        finally:
            gate.set()
        await until(pilot, lambda: _keep_up(app), "the dialog up")
        assert app.screen.query_one("#reason", Input).value == ""


async def test_the_line_typed_on_past_a_flag_is_never_part_of_the_answer(
        tmp_path: Path, case: Case) -> None:
    """Back to edit after a flag: a coach rewrite replaces the answer but not the line
    typed on, and Enter sends only the answer; the line starts the next question."""

    app = _app_with(tmp_path, case)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _at_a_new_need(pilot, app, case)
        answer = screen.query_one("#answer", AnswerArea)
        burst(app, "Kayla needs counselling", "enter", "Kayla needs a bed")
        await until(pilot, lambda: _keep_up(app) and answer.text.endswith("bed"),
                    "the burst back in the answer box")
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


async def _at_rating(pilot: Any, app: NeedsLedApp, case: Case) -> Any:
    """The interview open at the first need's seriousness rating (a choice step)."""
    await until(pilot, lambda: app.core_ready, "the cases are open")
    return await _open_at(pilot, app, case, "rating:" + case.needs[0].id)


def _goto(screen: Any, key: str) -> None:
    screen.interview.goto(key)
    screen.show_question()


def _unread(app: NeedsLedApp) -> bool:
    """Whether keys posted to the app have not been read by it yet."""
    queue = app._message_queue  # (Textual has no public view of it)
    return any(isinstance(m, (events.Key, events.Paste)) and not m.is_forwarded
               for m in list(getattr(queue, "values", ())))


async def _handled(pilot: Any, app: NeedsLedApp) -> None:
    """Let every key posted so far be read and handled (the hold lets them through one
    by one), and the field they went to handle them. Why all three: on a loaded machine
    the app had not yet read the burst when this first looked (nothing held, nothing
    closed), and a fixed pause after it was sometimes too short."""
    from assistant.tui.typeahead import handled

    await until(pilot, lambda: not _unread(app) and not app.typeahead.held
                and not app.typeahead.closed, "every key handed on")
    await handled(app.focused)
    for _ in range(6):
        await pilot.pause(0.05)


@pytest.mark.parametrize("together", [False, True], ids=["after-the-error", "one-burst"])
async def test_backspace_then_a_choice_in_one_burst(tmp_path: Path, case: Case,
                                                    together: bool) -> None:
    """Backspace acts through the answer box's bindings, which Textual runs only when the
    key has bubbled back up to the app; a character is inserted, and Enter sends, as soon
    as the key reaches the box. So "1" typed straight after ten Backspaces went in first,
    the Backspaces then deleted it with the rest, and Enter sent an empty box: the
    interview moved on with the old rating and the "1" lost. Every key must act in the
    order typed, and Enter send what the box shows."""
    app = _app_with(tmp_path, case)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _at_rating(pilot, app, case)
        need = screen.case.needs[0]  # type: ignore[attr-defined]
        assert need.seriousness.rating == "high"
        answer = screen.query_one("#answer", AnswerArea)
        message = screen.query_one("#message")
        burst(app, "serious", "enter")
        if not together:
            await until(pilot, lambda: "not one of the choices" in str(message.render()),
                        "the error")
        burst(app, *["backspace"] * 10, "1", "enter")
        await until(pilot, lambda: screen.interview.key.startswith("urgency:"),  # type: ignore[attr-defined]
                    "the next step")
        await _handled(pilot, app)
        assert screen.case.needs[0].seriousness.rating == "low"  # type: ignore[attr-defined]
        assert answer.text == ""
        await until(pilot, lambda: _stored_rating(tmp_path, case) == "low",
                    "a revision with the new rating")


def _stored_rating(tmp_path: Path, case: Case) -> str | None:
    with Store(tmp_path / "cases.db") as store:
        ser = store.load(case.reference).needs[0].seriousness
    return ser.rating if ser else None


async def test_editing_keys_keep_their_place_in_a_burst(tmp_path: Path, case: Case) -> None:
    """The same for every key a field handles through its bindings (Backspace, Delete,
    the arrows, Home, End), in the answer box and in a one-line field."""
    app = _app_with(tmp_path, case)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _at_a_new_need(pilot, app, case)
        answer = screen.query_one("#answer", AnswerArea)
        burst(app, "Kayla needs a bedx", "backspace", "room", "left", "left", "left",
              "left", "delete", "R", "end", " of her own")
        await _handled(pilot, app)
        assert answer.text == "Kayla needs a bedRoom of her own"
        # pasted text waits its turn too (a terminal's bracketed paste is one event)
        burst(app, "x", "backspace")
        app.post_message(events.Paste(", a bed"))
        burst(app, "backspace", "!")
        await _handled(pilot, app)
        assert answer.text == "Kayla needs a bedRoom of her own, a be!"
    app = NeedsLedApp(db=str(tmp_path / "other.db"))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.core_ready, "the cases are open")
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, NewCaseScreen)
                    and app.focused is not None and app.focused.id == "reference", "new case")
        burst(app, "NL-T-9x", "backspace", "2", "home", "X", "enter", "tab", "Kaylx",
              "backspace", "a")
        await _handled(pilot, app)
        assert app.screen.query_one("#reference", Input).value == "XNL-T-92"
        assert app.screen.query_one("#name", Input).value == "Kayla"


async def test_no_diversion_outlives_the_keep_dialog(tmp_path: Path, case: Case) -> None:
    """Keys typed straight on past a flagged answer go back to the answer box only while
    the keep-my-wording dialog that opened under the worker's fingers is showing: once it
    has gone (kept, or closed without a key, as a click would), a burst of typing, with
    Backspace and Enter, lands in the answer box as typed."""
    from assistant.tui.screens.keep import KeepScreen

    app = _app_with(tmp_path, case)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _at_a_new_need(pilot, app, case)
        answer = screen.query_one("#answer", AnswerArea)
        burst(app, "Kayla needs counselling", "enter", "Kayla needs a bed")
        await until(pilot, lambda: _keep_up(app) and answer.text.endswith("bed"),
                    "the burst back in the answer box")
        keep = app.screen
        keep.query_one("#reason", Input).value = "agreed with the family"
        keep.post_message(Input.Submitted(keep.query_one("#reason", Input),
                                          "agreed with the family"))
        await until(pilot, lambda: app.screen is screen and answer.text == "Kayla needs a bed",
                    "kept: the burst starts the next answer")
        burst(app, "x", "backspace", "room")
        await _handled(pilot, app)
        assert answer.text == "Kayla needs a bedroom"
        # closed without a key (a click): nothing typed after it is diverted either
        _goto(screen, "need_new:" + case.people[0].id)
        await pilot.pause()
        burst(app, "Kayla needs counselling", "enter")
        await until(pilot, lambda: isinstance(app.screen, KeepScreen), "flagged again")
        app.screen.dismiss(None)
        await until(pilot, lambda: app.screen is screen, "back to edit")
        before = answer.text
        burst(app, "backspace", "backspace", "x")
        await _handled(pilot, app)
        assert answer.text == before[:-2] + "x"
        _goto(screen, "rating:" + case.needs[0].id)
        await pilot.pause()
        burst(app, "serious", "enter", *["backspace"] * 10, "2", "enter")
        await until(pilot, lambda: screen.interview.key.startswith("urgency:"),  # type: ignore[attr-defined]
                    "the next step")
        await _handled(pilot, app)
        assert screen.case.needs[0].seriousness.rating == "moderate"  # type: ignore[attr-defined]


async def test_enter_typed_while_the_cases_open_opens_the_first(
        tmp_path: Path, case: Case, monkeypatch: pytest.MonkeyPatch) -> None:
    """An Enter typed on the first screen before the cases are listed ("Opening your
    cases…", seconds on a loaded machine) opens the case highlighted once they are: it
    did nothing, and the worker's first Enter on the list seemed not to work."""
    import threading

    import assistant.interview as interview_module

    listed = threading.Event()
    load_prompts = interview_module.load_prompts

    def slow_load(*args: Any, **kwargs: Any) -> Any:  # the cases open when the test says
        listed.wait(30)
        return load_prompts(*args, **kwargs)

    monkeypatch.setattr(interview_module, "load_prompts", slow_load)
    app = _app_with(tmp_path, case)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.core_ready
        burst(app, "enter")
        await pilot.pause(0.2)
        listed.set()
        await until(pilot, lambda: on_interview(app), "the case opens")
        assert app.screen.case.reference == case.reference  # type: ignore[attr-defined]
        await until(pilot, lambda: app.focused is app.screen.query_one("#answer"),
                    "the interview is up")
        for _ in range(10):  # (its header is still being put up)
            await pilot.pause(0.05)


async def test_keys_typed_while_a_case_opens_go_to_its_question(
        tmp_path: Path, case: Case, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keys typed straight after Enter on a case go, whole, to the answer box of the
    question the interview shows. On a loaded machine the case took seconds to open and
    the keys' hold ran out first (here: at once): they went to no field ("Kayla is
    well" arrived as "yla is well"), and an Enter typed on sent an empty answer for a
    question the worker never saw."""
    from assistant.tui import typeahead
    from assistant.tui.screens.home import HomeScreen

    opens = NeedsLedApp.open_case

    def open_slowly(self: NeedsLedApp, reference: str) -> None:
        opens(self, reference)  # the interview is put up; by now, the hold has run out
        monkeypatch.setattr(typeahead, "MAX_HOLD", 0.0)
        monkeypatch.setattr(typeahead, "MAX_CHECKS", 0)

    monkeypatch.setattr(NeedsLedApp, "open_case", open_slowly)
    app = _app_with(tmp_path, case)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.core_ready and isinstance(app.screen, HomeScreen),
                    "the cases are listed")
        await pilot.pause()
        burst(app, "enter", "Kayla is well")
        await until(pilot, lambda: on_interview(app), "the interview")
        screen = app.screen
        answer = screen.query_one("#answer", AnswerArea)
        await until(pilot, lambda: answer.text.endswith("well"), "the keys land")
        shown = screen.interview.key  # type: ignore[attr-defined]
        for _ in range(10):
            await pilot.pause(0.05)
        assert answer.text.endswith("Kayla is well"), answer.text
        assert app.focused is answer
        assert screen.interview.key == shown  # type: ignore[attr-defined]
