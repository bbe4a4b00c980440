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


def default_folder(case: Case) -> Path:
    from assistant.exporters import safe_stem

    return Path.cwd() / f"export-{safe_stem(case.reference)}"


def overwrite_hint(exc: Exception) -> str:
    """A core error as the app says it: the tick box, not the CLI's --force."""
    return re.sub(r"\(use --force[^)]*\)", "(tick 'Overwrite' to replace it)", str(exc))


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
        from assistant.exporters import FORMATS, ExportError, export

        folder = Path(event.value.strip() or default_folder(self.case)).expanduser()
        force = self.query_one("#force", Checkbox).value
        try:
            paths = export(self.case, list(FORMATS), folder,
                           content=self.app.content, force=force)  # type: ignore[attr-defined]
        except ExportError as exc:
            result.update(f"Not exported: {overwrite_hint(exc)}")
            return
        except OSError as exc:
            result.update(f"Not exported: {folder}: {exc.strerror or exc}")
            return
        from assistant.auditform import names_notice

        notice = names_notice(self.case, framework=self.app.content.framework)  # type: ignore[attr-defined]
        result.update("Written:\n" + "\n".join(f"  {p}" for p in paths)
                      + "".join(f"\n{line[:1].upper()}{line[1:]}" for line in notice)
                      + "\nEscape closes this.")
        self.app.notify(f"Exported {len(paths)} files to {folder}")

    def action_close(self) -> None:
        self.dismiss(None)
