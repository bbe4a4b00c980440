"""The new-case screen refuses a reference holding a person's name, with the reason, and
keeps what was typed, so the worker can change the reference and go on."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static

from assistant.tui.app import NeedsLedApp
from assistant.tui.screens.newcase import NewCaseScreen
from tests.test_tui import SIZE, on_interview, type_text, until

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def test_new_case_refuses_a_reference_with_a_persons_name(tmp_path: Path) -> None:
    app = NeedsLedApp(db=str(tmp_path / "cases.db"))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: pilot.app.core_ready, "the cases are open")
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, NewCaseScreen), "new case screen")
        await type_text(pilot, "Kayla 2026")
        await pilot.press("enter", "tab")
        await type_text(pilot, "Kayla")
        await pilot.press("tab", "9", "enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NewCaseScreen)
        error = str(screen.query_one("#newcase-error", Static).render())
        assert "contains 'Kayla'" in error and "no names" in error
        assert [p.name for p in screen.people] == ["Kayla"]
        reference = screen.query_one("#reference", Input)
        assert app.focused is reference
        reference.value = ""
        await type_text(pilot, "NL-T-200")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: on_interview(app), "interview")


async def test_export_dialog_lists_the_names_it_will_replace_before_writing(
        tmp_path: Path) -> None:
    """As the CLI does: the names the audit form replaces (a gran named only in a need, a
    nickname the parser reads as a PERSON) are listed, and nothing is written, until the
    worker presses Enter again."""
    from assistant.model import Case
    from assistant.tui.screens.export import ExportScreen
    from tests.helpers import FIXTURES

    case = Case.from_json((FIXTURES / "case.json").read_text(encoding="utf-8"))
    case.needs[1].wording = "Kayla needs to see Gran Mavis every week."
    out = tmp_path / "out"
    app = NeedsLedApp(db=str(tmp_path / "cases.db"))
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: pilot.app.core_ready, "the cases are open")
        app.push_screen(ExportScreen(case))
        await until(pilot, lambda: isinstance(app.screen, ExportScreen)
                    and bool(app.screen.query("#folder")), "export dialog")
        screen = app.screen
        folder = screen.query_one("#folder", Input)
        folder.value = str(out)
        await pilot.press("enter")
        names = screen.query_one("#export-names", Static)
        await until(pilot, lambda: "Mavis" in str(names.render()), "the names are listed")
        listed = str(names.render())
        assert "The audit form replaces these names" in listed
        assert "need 2: 'Mavis' (left out)" in listed
        result = screen.query_one("#export-result", Static)
        assert "Nothing is written yet" in str(result.render())
        await pilot.pause(0.3)
        assert not out.exists(), "nothing is written before the worker confirms"
        await pilot.press("enter")  # confirmed: now the files are written
        await until(pilot, lambda: "Written" in str(result.render()), "the export", 1200)
        await pilot.pause(1.0)  # written once: no second write says "already exists"
        assert "1 name replaced (listed above)" in str(result.render())
        assert "Not exported" not in str(result.render())
        assert "Mavis" in str(names.render()), "the list stays in view after writing"
    audit = (out / "NL-2026-014-audit-form.json").read_text(encoding="utf-8")
    assert "Mavis" not in audit


async def test_export_dialog_escape_after_the_names_writes_nothing(tmp_path: Path) -> None:
    from assistant.model import Case
    from assistant.tui.screens.export import ExportScreen
    from tests.helpers import FIXTURES

    case = Case.from_json((FIXTURES / "case.json").read_text(encoding="utf-8"))
    case.needs[0].work[0].who = "Auntie Bernadette"
    out = tmp_path / "out"
    app = NeedsLedApp(db=str(tmp_path / "cases.db"))
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: pilot.app.core_ready, "the cases are open")
        app.push_screen(ExportScreen(case))
        await until(pilot, lambda: isinstance(app.screen, ExportScreen)
                    and bool(app.screen.query("#folder")), "export dialog")
        screen = app.screen
        screen.query_one("#folder", Input).value = str(out)
        await pilot.press("enter")
        names = screen.query_one("#export-names", Static)
        await until(pilot, lambda: "Bernadette" in str(names.render()), "the names are listed")
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, ExportScreen), "closed")
    assert not out.exists()
