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

from assistant.tui.app import NeedsLedApp
from assistant.tui.screens.export import ExportDialog, ExportScreen
from assistant.tui.screens.practice import FeedbackExportScreen
from assistant.tui.shuffle import ShuffleApp
from tests.test_tui import until

pytestmark = pytest.mark.anyio

# Every screen module: each key has an id, so prompts/keys.yml can move it.
MODULES = ("changes", "confirm", "export", "help", "home", "interview", "keep", "newcase",
           "practice", "review", "room", "saving", "supervision")


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
    for app in (NeedsLedApp, ShuffleApp):
        for binding in app.BINDINGS:
            assert isinstance(binding, Binding) and binding.id, (app, binding)
            assert seen.setdefault(binding.id, app.__name__) == app.__name__, binding.id
    assert len(seen) >= 60


def test_the_keys_file_names_only_keys_that_exist() -> None:
    """A trainer copies ids from prompts/keys.yml's comments: each must be a real key's."""
    import re

    from assistant.content import Content

    ids = {b.id for app in (NeedsLedApp, ShuffleApp) for b in app.BINDINGS
           if isinstance(b, Binding)}
    for name in MODULES:
        module = importlib.import_module(f"assistant.tui.screens.{name}")
        for _, screen in inspect.getmembers(module, inspect.isclass):
            ids |= {b.id for b in vars(screen).get("BINDINGS", []) if isinstance(b, Binding)}
    named = set(re.findall(r"\b(?:app|interview|newcase|review|shuffle)\.[a-z_]+\b",
                           Content().read_text("prompts", "keys.yml")))
    assert len(named) >= 20 and named <= ids, named - ids


async def test_a_key_moved_in_the_keys_file_works(tmp_path: Path) -> None:
    (tmp_path / "prompts").mkdir()
    (tmp_path / "prompts" / "keys.yml").write_text("keys:\n  app.help: f12\n")
    app = NeedsLedApp(db=str(tmp_path / "cases.db"), content=str(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.core_ready, "the cases are open")
        await pilot.press("f1")  # moved away: f1 no longer opens help
        await pilot.pause()
        assert "Help" not in type(app.screen).__name__
        await pilot.press("f12")
        await until(pilot, lambda: "Help" in type(app.screen).__name__, "help on the new key")


async def test_a_keys_file_with_a_mistake_is_one_line_at_start(tmp_path: Path) -> None:
    (tmp_path / "prompts").mkdir()
    (tmp_path / "prompts" / "keys.yml").write_text("keys:\n  help: f12\n")
    app = NeedsLedApp(db=str(tmp_path / "cases.db"), content=str(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: bool(app.failure), "the start fails")
    assert "keys.yml" in app.failure and "'help' is not an id" in app.failure
    assert "\n" not in app.failure.strip()
