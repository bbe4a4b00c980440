"""One base for the export dialogs: centred wherever they are opened, the same keys, the same
words for a file in the way; and every key of the screens it serves has an id to remap it."""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path

import pytest
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Checkbox, Input, Static

from assistant.tui.screens.export import ExportDialog, ExportScreen
from assistant.tui.screens.practice import FeedbackExportScreen
from tests.test_tui import until

pytestmark = pytest.mark.anyio

# The screens whose keys have ids; interview and new-case screens and the app's own keys
# are being reworked elsewhere and join this list when they have them.
MODULES = ("changes", "confirm", "export", "help", "home", "keep", "practice", "room",
           "supervision")


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


class NoteDialog(ExportDialog):
    """The smallest dialog on the base: writes one text file through assistant.files."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    def intro(self) -> str:
        return "Write a note [b]as is[/b]"  # markup is shown, not read

    def default_folder(self) -> Path:
        return self.folder

    def write(self, folder: Path, force: bool) -> tuple[str, str]:
        from assistant.files import write_all

        (path,) = write_all(folder, [(folder / "note.txt", "Sam needs a quiet corner")], force)
        return f"Written: {path.name}", "note written"


class Host(App[None]):
    """A bare app with no stylesheet: whatever centres the dialog comes from the base."""


def test_both_export_dialogs_are_built_on_the_one_base() -> None:
    assert issubclass(ExportScreen, ExportDialog) and issubclass(FeedbackExportScreen, ExportDialog)
    for dialog in (ExportScreen, FeedbackExportScreen):
        assert "compose" not in vars(dialog) and "_show" not in vars(dialog)


async def test_a_dialog_is_centred_and_says_a_file_in_the_way_in_the_apps_words(
        tmp_path: Path) -> None:
    app = Host()
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(NoteDialog(tmp_path))
        await pilot.pause()
        box = app.screen.query_one("#export").region
        assert box.x > 0 and box.y > 0
        assert abs((box.x + box.width / 2) - 50) <= 1 and abs((box.y + box.height / 2) - 15) <= 1
        assert "[b]as is[/b]" in str(app.screen.query(Static).first().render())
        assert app.screen.query_one("#folder", Input).has_focus
        (tmp_path / "note.txt").write_text("mine")
        await pilot.press("enter")
        result = app.screen.query_one("#export-result", Static)
        shown = str(result.render())
        assert shown.startswith("Not exported: ") and "tick 'Overwrite'" in shown
        assert "--force" not in shown and (tmp_path / "note.txt").read_text() == "mine"
        app.screen.query_one("#force", Checkbox).value = True
        app.screen.query_one("#folder", Input).focus()
        await pilot.press("enter")
        await until(pilot, lambda: "Written: note.txt" in str(result.render()), "written")
        assert (tmp_path / "note.txt").read_text() == "Sam needs a quiet corner"
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ExportDialog)


def test_every_key_of_these_screens_has_a_unique_id() -> None:
    seen: dict[str, str] = {}
    for name in MODULES:
        module = importlib.import_module(f"assistant.tui.screens.{name}")
        for _, screen in inspect.getmembers(module, inspect.isclass):
            if not issubclass(screen, Screen) or screen.__module__ != module.__name__:
                continue
            for binding in vars(screen).get("BINDINGS", []):
                assert isinstance(binding, Binding) and binding.id, (screen, binding)
                assert seen.setdefault(binding.id, screen.__name__) == screen.__name__, binding.id
    assert len(seen) >= 20
