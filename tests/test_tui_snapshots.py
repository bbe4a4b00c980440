"""Snapshots of the main screens at 80x24 and 120x40, cursor blink off, coach loaded.

Update after a deliberate change with ``pytest tests/test_tui_snapshots.py
--snapshot-update`` and look at the SVGs before committing them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from assistant.model import Case
from assistant.store import Store
from assistant.tui.app import NeedsLedApp
from assistant.tui.screens.interview import InterviewScreen
from tests.helpers import CONTENT

SIZES = [(80, 24), (120, 40)]


async def settle(pilot: Pilot) -> None:
    """Wait for the coach to load, then stop every cursor blinking."""
    app: NeedsLedApp = pilot.app  # type: ignore[assignment]
    for _ in range(600):
        if app.coach_status != "loading":
            break
        await pilot.pause(0.05)
    assert app.coach_status == "ready", app.coach_problem
    for field in [*app.screen.query(Input), *app.screen.query(TextArea)]:
        field.cursor_blink = False
    await pilot.pause()


def app_with_fixture(tmp_path: Path, case_json: str) -> NeedsLedApp:
    db = tmp_path / "cases.db"
    with Store(db) as store:
        store.save(Case.model_validate_json(case_json))
    return NeedsLedApp(db=str(db))


def then(*steps: Callable[[Pilot], Awaitable[None]]) -> Callable[[Pilot], Awaitable[None]]:
    async def run(pilot: Pilot) -> None:
        for step in steps:
            await step(pilot)
    return run


async def open_fixture(pilot: Pilot) -> None:
    await pilot.press("enter")
    for _ in range(200):
        screen = pilot.app.screen
        if isinstance(screen, InterviewScreen) and screen.query("#answer"):
            break
        await pilot.pause(0.05)
    await pilot.pause()
    pilot.app.clear_notifications()  # the opening notice would cover the plan
    await pilot.pause()


async def help_screen(pilot: Pilot) -> None:
    await pilot.press("f1")
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_first_screen(snap_compare, tmp_path: Path, case_json: str,
                      size: tuple[int, int]) -> None:
    assert snap_compare(app_with_fixture(tmp_path, case_json), terminal_size=size,
                        run_before=settle)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_first_screen_empty(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(NeedsLedApp(db=str(tmp_path / "cases.db")), terminal_size=size,
                        run_before=settle)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_interview(snap_compare, tmp_path: Path, case_json: str, size: tuple[int, int]) -> None:
    assert snap_compare(app_with_fixture(tmp_path, case_json), terminal_size=size,
                        run_before=then(settle, open_fixture, settle))


async def whole_plan(pilot: Pilot) -> None:
    await pilot.press("f5")
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_interview_whole_plan(snap_compare, tmp_path: Path, case_json: str,
                              size: tuple[int, int]) -> None:
    assert snap_compare(app_with_fixture(tmp_path, case_json), terminal_size=size,
                        run_before=then(settle, open_fixture, settle, whole_plan))


async def story_heard(pilot: Pilot) -> None:
    screen = pilot.app.screen
    assert isinstance(screen, InterviewScreen)
    screen.interview.goto("heard:")
    screen.show_question()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_interview_story_reflected(snap_compare, tmp_path: Path, case_json: str,
                                   size: tuple[int, int]) -> None:
    assert snap_compare(app_with_fixture(tmp_path, case_json), terminal_size=size,
                        run_before=then(settle, open_fixture, settle, story_heard))


async def confirm_delete(pilot: Pilot) -> None:
    screen = pilot.app.screen
    assert isinstance(screen, InterviewScreen)
    screen.interview.goto("outcome:o1")
    screen.show_question()
    await pilot.press("f8")
    await pilot.pause(0.2)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_interview_delete_asks(snap_compare, tmp_path: Path, case_json: str,
                               size: tuple[int, int]) -> None:
    assert snap_compare(app_with_fixture(tmp_path, case_json), terminal_size=size,
                        run_before=then(settle, open_fixture, settle, confirm_delete))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_help(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(NeedsLedApp(db=str(tmp_path / "cases.db")), terminal_size=size,
                        run_before=then(settle, help_screen))


async def new_case_form(pilot: Pilot) -> None:
    await pilot.press("n")
    await pilot.pause()
    for key in ["N", "L", "-", "1", "enter", "tab", "K", "a", "y", "l", "a", "tab", "9", "enter"]:
        await pilot.press(key)
    await pilot.pause()
    for field in [*pilot.app.screen.query(Input), *pilot.app.screen.query(TextArea)]:
        field.cursor_blink = False
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_new_case(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(NeedsLedApp(db=str(tmp_path / "cases.db")), terminal_size=size,
                        run_before=then(settle, new_case_form))


def test_light_theme(snap_compare, tmp_path: Path, case_json: str) -> None:
    async def light(pilot: Pilot) -> None:
        await pilot.press("ctrl+t")
        await pilot.pause()
        for key in "textual-light":
            await pilot.press(key)
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(app_with_fixture(tmp_path, case_json), terminal_size=(80, 24),
                        run_before=then(settle, open_fixture, settle, light))


async def practice_list(pilot: Pilot) -> None:
    await pilot.press("p")
    await until_composed(pilot, "#vignette")
    await pilot.press("down", "down")
    await pilot.pause()


async def until_composed(pilot: Pilot, selector: str) -> None:
    for _ in range(200):
        if pilot.app.screen.query(selector):
            break
        await pilot.pause(0.05)
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_practice_list(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(NeedsLedApp(db=str(tmp_path / "cases.db")), terminal_size=size,
                        run_before=then(settle, practice_list))


async def supervise_fixture(pilot: Pilot) -> None:
    await pilot.press("s")
    await until_composed(pilot, "#sv-comment")
    for _ in range(3):  # past the opening, to the first need
        await pilot.press("ctrl+n")
    await settle(pilot)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_supervision(snap_compare, tmp_path: Path, case_json: str,
                     size: tuple[int, int]) -> None:
    assert snap_compare(app_with_fixture(tmp_path, case_json), terminal_size=size,
                        run_before=then(settle, supervise_fixture))


def test_practice_feedback(snap_compare, tmp_path: Path) -> None:
    from assistant.model import Need
    from assistant.practice import find_vignette, practice_case
    from assistant.tui.screens.practice import FeedbackScreen

    case = practice_case(find_vignette("jackie-attendance", CONTENT))
    case.needs = [Need(holder="p1", wording="Jackie needs to go to school every day, on time"),
                  Need(holder="p1", wording="Jackie needs counselling")]
    case.resume = {"step": "review:"}
    db = tmp_path / "cases.db"
    with Store(db) as store:
        store.save(case)

    async def feedback(pilot: Pilot) -> None:
        await open_fixture(pilot)
        await pilot.press("f6")
        for _ in range(600):
            screen = pilot.app.screen
            if isinstance(screen, FeedbackScreen) and screen.result is not None:
                break
            await pilot.pause(0.05)
        await pilot.pause()

    assert snap_compare(NeedsLedApp(db=str(db)), terminal_size=(80, 24),
                        run_before=then(settle, feedback))
