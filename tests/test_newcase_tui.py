"""The new-case form as a worker meets it from the first screen: a person added by mistake
is removed or changed by key before the case exists, and a name with no letter in it is
refused with one line, keeping everything typed.

Real parts: the Textual app under Pilot with a real SQLite file; nothing is mocked.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Select, Static

from assistant.model import Person
from assistant.store import Store
from assistant.tui.app import NeedsLedApp
from assistant.tui.screens.newcase import NewCaseScreen
from tests.helpers import on_interview, until

SIZE = (110, 34)

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def new_case_form(pilot: Pilot) -> NewCaseScreen:
    app = pilot.app
    await until(pilot, lambda: app.core_ready, "the cases are open")  # type: ignore[attr-defined]
    await pilot.press("n")
    await until(pilot, lambda: isinstance(app.screen, NewCaseScreen)
                and app.focused is not None and app.focused.id == "reference", "new case")
    screen = app.screen
    assert isinstance(screen, NewCaseScreen)
    return screen


async def add(pilot: Pilot, name: str, age: str = "") -> None:
    """From the role list (where focus rests after each person): the name, the age, Enter."""
    await pilot.press("tab", *name, "tab", *age, "enter")
    await pilot.pause()


def footer_keys(screen: NewCaseScreen) -> set[str]:
    return {b.description for _, b, enabled, _ in screen.active_bindings.values() if enabled}


def shown(screen: NewCaseScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_a_person_added_by_mistake_is_removed_or_changed_by_key(tmp_path: Path) -> None:
    app = NeedsLedApp(db=str(tmp_path / "cases.db"))
    async with app.run_test(size=SIZE) as pilot:
        screen = await new_case_form(pilot)
        assert not {"Remove", "Change"} & footer_keys(screen), \
            "nothing to remove before anyone is added"
        await pilot.press(*"NL-W8-1", "enter")
        await add(pilot, "Mila", "2")
        await add(pilot, "Jordan", "33")  # a slip: the wrong person
        await add(pilot, "Tia", "7")
        assert [p.name for p in screen.people] == ["Mila", "Jordan", "Tia"]
        assert {"Remove", "Change"} <= footer_keys(screen)

        # the last added is the one F8 takes: Tia was meant to be typed later
        await pilot.press("f8")
        await pilot.pause()
        assert [p.name for p in screen.people] == ["Mila", "Jordan"]
        assert "Removed" in shown(screen, "#newcase-error") and "Tia" in shown(
            screen, "#newcase-error")

        # another person: move to them in the list, then F9 puts them back in the fields
        listed = screen.query_one("#people", OptionList)
        listed.focus()
        await pilot.press("up")
        assert listed.highlighted == 0
        await pilot.press("down")
        await pilot.press("f9")
        await pilot.pause()
        assert [p.name for p in screen.people] == ["Mila"]
        assert screen.query_one("#name", Input).value == "Jordan"
        assert screen.query_one("#age", Input).value == "33"
        assert app.focused is screen.query_one("#name", Input)
        # changed and added again with Enter
        await pilot.press("ctrl+u", *"Jo", "tab", "backspace", "backspace", *"34", "enter")
        await pilot.pause()
        assert [(p.name, p.age) for p in screen.people] == [("Mila", 2), ("Jo", 34)], (
            shown(screen, "#newcase-error"), screen.query_one("#age", Input).value)

        # Enter on a person in the list changes them too; a person half typed is never lost
        await pilot.press("tab", *"Kai")
        listed.focus()
        await pilot.press("home", "enter")
        await pilot.pause()
        assert screen.query_one("#name", Input).value == "Kai", "the typing is kept"
        assert [p.name for p in screen.people] == ["Mila", "Jo"]
        assert "first" in shown(screen, "#newcase-error")

        await pilot.press("ctrl+s")
        await until(pilot, lambda: on_interview(app), "the interview")
    with Store(tmp_path / "cases.db") as store:
        assert [p.name for p in store.load("NL-W8-1").people] == ["Mila", "Jo", "Kai"]


@pytest.mark.parametrize("typed", ["12", "--", "7."])
async def test_a_name_without_a_letter_is_refused_and_kept(tmp_path: Path, typed: str) -> None:
    app = NeedsLedApp(db=str(tmp_path / "cases.db"))
    async with app.run_test(size=SIZE) as pilot:
        screen = await new_case_form(pilot)
        await pilot.press(*"NL-W8-2", "enter")
        await add(pilot, typed, "9")
        assert screen.people == []
        error = shown(screen, "#newcase-error")
        assert "letter" in error and "\n" not in error.strip(), error
        assert f"'{typed}' has no letter" in error and error.count(":") == 2, error  # no stutter
        assert screen.query_one("#name", Input).value == typed
        assert screen.query_one("#age", Input).value == "9"
        assert screen.query_one("#role", Select).value == "child"
        # the same form takes initials
        await pilot.press("ctrl+u", *"M.J.", "enter")
        await pilot.pause()
        assert [p.name for p in screen.people] == ["M.J."]
        assert shown(screen, "#newcase-error").strip() == ""


def test_a_stored_person_with_no_letter_in_the_name_stays_readable() -> None:
    """The check is at the door (typed with the framework to check against): a case an
    older version stored with such a name still opens."""
    assert Person.model_validate({"name": "12"}).name == "12"


async def test_the_list_shows_a_recorded_sex_so_a_slip_in_the_drop_down_is_seen(
        tmp_path: Path) -> None:
    """The rewrites take their pronouns from the sex recorded: the list of people says it
    once it is recorded (and says nothing where it is not), by keys alone."""
    app = NeedsLedApp(db=str(tmp_path / "cases.db"))
    async with app.run_test(size=SIZE) as pilot:
        screen = await new_case_form(pilot)
        await pilot.press(*"NL-W8-2", "enter")
        # name, age, then the sex drop-down: open it (Space), up to "Female", choose;
        # then Add
        await pilot.press("tab", *"Mila", "tab", *"7", "tab", "space")
        await pilot.pause()
        await pilot.press("up", "up", "up", "enter")
        await pilot.pause()
        assert screen.query_one("#sex", Select).value == "female"
        await pilot.press("tab", "enter")
        await pilot.pause()
        await add(pilot, "Jordan", "33")
        listed = screen.query_one("#people", OptionList)
        lines = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
        assert lines == ["1. Mila (Child, 7, female)", "2. Jordan (Child, 33)"], lines


async def test_enter_on_a_drop_down_opens_it_and_adds_no_one(tmp_path: Path) -> None:
    """Enter on every drop-down of the person's row opens its list, as Textual's Select
    does (the form's own Enter, which adds the person, stole it on the sex list); Enter in
    the open list chooses; the person is added by Enter in the name or age field or by
    Add."""
    app = NeedsLedApp(db=str(tmp_path / "cases.db"))
    async with app.run_test(size=SIZE) as pilot:
        screen = await new_case_form(pilot)
        await pilot.press(*"NL-Q4-7", "enter")
        await until(pilot, lambda: app.focused is screen.query_one("#role", Select),
                    "on the role drop-down")
        await pilot.press("tab", *"Ysolde", "tab", *"6", "tab")
        await pilot.pause()
        sex = screen.query_one("#sex", Select)
        assert app.focused is sex
        for select in screen.query("#person-row Select").results(Select):
            select.focus()
            await pilot.pause()
            await pilot.press("enter")
            await until(pilot, lambda s=select: s.expanded, f"{select.id} opened by Enter")
            assert screen.people == [], select.id
            await pilot.press("escape")  # closes the list, and stays on the form
            await until(pilot, lambda s=select: not s.expanded, f"{select.id} closed")
            assert isinstance(app.screen, NewCaseScreen)
        sex.focus()
        await pilot.press("enter")
        await until(pilot, lambda: sex.expanded, "the sex list open")
        await pilot.press("up", "up", "up", "enter")  # Enter in the open list chooses
        await until(pilot, lambda: not sex.expanded, "the sex list closed")
        assert sex.value == "female" and screen.people == []
        await pilot.press("enter")  # Enter on the closed drop-down opens it again
        await until(pilot, lambda: sex.expanded, "the sex list open again")
        assert screen.people == []
        await pilot.press("escape")
        await until(pilot, lambda: not sex.expanded, "the sex list closed again")
        await pilot.press("tab", "enter")  # Add
        await until(pilot, lambda: len(screen.people) == 1, "the person added")
        assert [(p.name, p.age, p.sex) for p in screen.people] == [("Ysolde", 6, "female")]
        assert sex.value == "not recorded"
        # Enter in the age field adds, as before
        await pilot.press("tab", *"Corwen", "tab", *"40", "enter")
        await until(pilot, lambda: len(screen.people) == 2, "the second person added")
