"""The export dialog in the app: the documents folder by default, supervision only when
ticked, and what the family's plan left out said to the worker."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Checkbox, Input, Static

from assistant.model import Case
from assistant.tui.app import NeedsLedApp
from assistant.tui.screens.export import ExportScreen
from tests.test_tui import until

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.mark.parametrize("tick", [False, True])
async def test_export_dialog(case: Case, tmp_path: Path, tick: bool,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home" / ".config"))
    case.needs[0].strengths = "I saw her on Monday. Kayla likes her teacher."
    out = tmp_path / "out"
    app = NeedsLedApp(db=str(tmp_path / "cases.db"))
    async with app.run_test(size=(100, 40)) as pilot:
        await app.push_screen(ExportScreen(case))
        await pilot.pause()
        folder = app.screen.query_one("#folder", Input)
        assert folder.value == str(tmp_path / "home" / "Documents" / "needs-led" / "NL-2026-014")
        folder.value = str(out)
        if tick:
            app.screen.query_one("#with-supervision", Checkbox).value = True
        folder.focus()
        await pilot.press("enter")
        result = app.screen.query_one("#export-result", Static)
        # a PDF on a loaded machine can take minutes: a wait, not a timing
        await until(pilot, lambda: "Written to" in str(result.render()), "exported", 3600)
        shown = str(result.render())
        assert "first person" in shown and "I saw her on Monday" in shown
    plan = (out / "NL-2026-014-plan.md").read_text(encoding="utf-8")
    assert ("Supervision notes" in plan) is tick
    assert len(list(out.iterdir())) == 13
