"""Export the case from inside the app, into the formats the exporters provide."""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Static

from assistant.model import Case


def default_folder(case: Case) -> Path:
    """needs-led/CASE in the user's documents folder, whatever folder the app started in."""
    from assistant.exporters import default_folder as documents_folder

    return documents_folder(case)


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
            yield Static(f"Export case {self.case.reference}: the plan, the family's plan "
                         "and the audit form (Word, PDF, HTML) and the case file, into this "
                         "folder. Enter writes them.", markup=False)
            yield Input(str(default_folder(self.case)), id="folder")
            yield Checkbox("Add supervision notes to the plan", id="with-supervision")
            yield Static("(with kept-wording reasons: for supervision, not the family)",
                         classes="hint")
            yield Checkbox("Overwrite files already there", id="force")
            yield Static("", id="export-result", markup=False)

    def on_mount(self) -> None:
        self.query_one("#folder", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        folder = Path(event.value.strip() or default_folder(self.case)).expanduser()
        self.query_one("#export-result", Static).update(f"Writing to {folder} ...")
        self._export(folder, self.query_one("#force", Checkbox).value,
                     self.query_one("#with-supervision", Checkbox).value)

    @work(thread=True, exclusive=True)
    def _export(self, folder: Path, force: bool, with_supervision: bool) -> None:
        """Word and PDF take a few seconds: written off the event loop, the app stays live."""
        from assistant.exporters import FORMATS, ExportError, export

        notes: list[str] = []
        try:
            paths = export(self.case, list(FORMATS), folder,
                           content=self.app.content,  # type: ignore[attr-defined]
                           force=force, with_supervision=with_supervision, notes=notes)
        except ExportError as exc:
            self.app.call_from_thread(self._show, f"Not exported: {overwrite_hint(exc)}")
            return
        except OSError as exc:
            self.app.call_from_thread(self._show,
                                      f"Not exported: {folder}: {exc.strerror or exc}")
            return
        from assistant.auditform import names_notice

        notice = names_notice(self.case, framework=self.app.content.framework)  # type: ignore[attr-defined]
        text = f"Written to {folder}:\n" + ", ".join(p.name for p in paths)
        text += "".join(f"\n{line[:1].upper()}{line[1:]}" for line in notice)
        if notes:
            text += ("\nThe family's plan leaves out text it could not put in plain words; "
                     "add the family's words for these needs:\n"
                     + "\n".join(f"  {note}" for note in notes))
        self.app.call_from_thread(self._show, text + "\nEscape closes this.")
        self.app.call_from_thread(self.app.notify, f"Exported {len(paths)} files to {folder}")

    def _show(self, text: str) -> None:
        """The outcome in the dialog, if it is still open (Escape may have closed it; the
        app's notification still says where the files went)."""
        from textual.css.query import NoMatches

        with contextlib.suppress(NoMatches):
            self.query_one("#export-result", Static).update(text)

    def action_close(self) -> None:
        self.dismiss(None)
