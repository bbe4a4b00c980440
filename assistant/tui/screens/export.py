"""Export the case from inside the app, into the formats the exporters provide."""

from __future__ import annotations

import re
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, Static

from assistant.model import Case

NOT_YET = "Exports are not available in this version yet: the case is saved, nothing is lost."


def default_folder(case: Case) -> Path:
    return Path.cwd() / ("export-" + re.sub(r"[^A-Za-z0-9._-]+", "-", case.reference))


class ExportScreen(ModalScreen[list[Path] | None]):
    BINDINGS = [Binding("escape", "close", "Close")]

    def __init__(self, case: Case) -> None:
        super().__init__()
        self.case = case

    def compose(self) -> ComposeResult:
        with Vertical(id="export"):
            yield Label(f"Export case {self.case.reference}: folder for the files, then Enter")
            yield Input(str(default_folder(self.case)), id="folder")
            yield Checkbox("Overwrite files already there", id="force")
            yield Static("", id="export-result")

    def on_mount(self) -> None:
        self.query_one("#folder", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        result = self.query_one("#export-result", Static)
        try:
            from assistant.exporters import FORMATS, ExportError, export
        except ImportError:
            result.update(NOT_YET)
            return
        folder = Path(event.value.strip() or default_folder(self.case)).expanduser()
        force = self.query_one("#force", Checkbox).value
        try:
            paths = export(self.case, list(FORMATS), folder,
                           content=self.app.content, force=force)  # type: ignore[attr-defined]
        except ExportError as exc:
            message = str(exc).replace("(use --force to overwrite)",
                                       "(tick 'Overwrite' to replace them)")
            result.update(f"Not exported: {message}")
            return
        except OSError as exc:
            result.update(f"Not exported: {folder}: {exc.strerror or exc}")
            return
        result.update("Written:\n" + "\n".join(f"  {p}" for p in paths)
                      + "\nEscape closes this.")
        self.app.notify(f"Exported {len(paths)} files to {folder}")

    def action_close(self) -> None:
        self.dismiss(None)
