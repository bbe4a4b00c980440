"""Export the case from inside the app, into the formats the exporters provide."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from pathlib import Path

from textual import getters, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Static

from assistant.model import Case
from assistant.tui.app import NeedsLedApp


def default_folder(case: Case) -> Path:
    """needs-led/CASE in the user's documents folder, whatever folder the app started in."""
    from assistant.exporters import default_folder as documents_folder

    return documents_folder(case)


def overwrite_hint(exc: Exception) -> str:
    """A core error as the app says it: the tick box, not the CLI's --force."""
    return re.sub(r"\(use --force[^)]*\)", "(tick 'Overwrite' to replace it)", str(exc))


class ExportDialog(ModalScreen[None]):
    """What every export dialog is: a line saying what is written, a folder (Enter writes),
    any options, an Overwrite tick box and a result line; Escape closes it.

    A dialog says what it writes (``intro``, ``options``, ``write``); this base does the rest
    the same way everywhere: centred on the screen whatever the app's stylesheet names, the
    core's errors said in the app's words, and (``threaded``) slow writing off the event loop.
    """

    DEFAULT_CSS = """
    ExportDialog { align: center middle; }
    ExportDialog > #export {
        width: 70; max-width: 100%; height: auto; padding: 1 2;
        background: $surface; border: thick $primary;
    }
    """
    BINDINGS = [Binding("escape", "close", "Close", id="export.close")]

    overwrite_label = "Overwrite files already there"
    not_done = "Not exported"
    threaded = False  # True where writing takes seconds (Word, PDF)

    def intro(self) -> str:
        """The first line: what is written and where."""
        raise NotImplementedError

    def default_folder(self) -> Path:
        """Where the files go unless the person types another folder (Enter on an empty one)."""
        raise NotImplementedError

    def options(self) -> ComposeResult:
        """Tick boxes between the folder and Overwrite; none unless a dialog adds some."""
        yield from ()

    def write(self, folder: Path, force: bool) -> tuple[str, str]:
        """Write into ``folder``; return what the dialog shows and what the app notifies."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with Vertical(id="export"):
            yield Static(self.intro(), markup=False)
            yield Input(str(self.default_folder()), id="folder")
            yield from self.options()
            yield Checkbox(self.overwrite_label, id="force")
            yield Static("", id="export-result", markup=False)

    def on_mount(self) -> None:
        self.query_one("#folder", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        folder = Path(event.value.strip() or self.default_folder()).expanduser()
        force = self.query_one("#force", Checkbox).value
        if self.threaded:
            self._show(f"Writing to {folder} ...")
            self._write_in_thread(folder, force)
        else:
            self._write(folder, force, self._show, self.app.notify)

    @work(thread=True, exclusive=True)
    def _write_in_thread(self, folder: Path, force: bool) -> None:
        """The app stays live while Word and PDF are made."""

        def later(show: Callable[..., object]) -> Callable[[str], object]:
            return lambda text: self.app.call_from_thread(show, text)

        self._write(folder, force, later(self._show), later(self.app.notify))

    def _write(self, folder: Path, force: bool, show: Callable[[str], object],
               notify: Callable[[str], object]) -> None:
        from assistant.errors import ExportError

        try:
            text, notice = self.write(folder, force)
        except ExportError as exc:
            show(f"{self.not_done}: {overwrite_hint(exc)}")
            return
        except OSError as exc:
            show(f"{self.not_done}: {folder}: {exc.strerror or exc}")
            return
        show(text + "\nEscape closes this.")
        notify(notice)

    def _show(self, text: str) -> None:
        """The outcome in the dialog, if it is still open (Escape may have closed it; the
        app's notification still says where the files went)."""
        from textual.css.query import NoMatches

        with contextlib.suppress(NoMatches):
            self.query_one("#export-result", Static).update(text)

    def action_close(self) -> None:
        self.dismiss(None)


class ExportScreen(ExportDialog):
    """The whole case: the plan, the family's plan, the audit form and the case file.

    The audit form carries no names: before anything is written, the dialog lists the
    names it will replace that are not people in the case (the redaction's second net:
    the parser's PERSON entities and name-like words), as the CLI does, and writes only
    once the worker presses Enter again, so a word that is not a name can be reworded, or
    a person added, first.
    """

    app = getters.app(NeedsLedApp)

    threaded = True

    def __init__(self, case: Case) -> None:
        super().__init__()
        self.case = case
        #: the lines naming what the audit form replaces; None until checked
        self.names: list[str] | None = None

    def intro(self) -> str:
        return (f"Export case {self.case.reference}: the plan, the family's plan "
                "and the audit form (Word, PDF, HTML) and the case file, into this "
                "folder. Enter writes them.")

    def default_folder(self) -> Path:
        return default_folder(self.case)

    def options(self) -> ComposeResult:
        yield Checkbox("Add supervision notes to the plan", id="with-supervision")
        yield Static("(with kept-wording reasons: for supervision, not the family)",
                     classes="hint")
        names = Static("", id="export-names", markup=False)
        names.display = False  # shown once there are names to list
        yield names

    def on_input_submitted(self, event: Input.Submitted) -> None:
        # Textual would run the base class's handler after this one (it calls each class's
        # own): this one decides, and calls it itself when the files are to be written.
        event.prevent_default()
        # read on the event loop: the tick box is a widget, the writing happens in a thread
        self.with_supervision = self.query_one("#with-supervision", Checkbox).value
        if self.names is None:  # first Enter: say which names go, before writing
            self._show("Reading the audit form for names …")
            self._read_names(event.value)
            return
        super().on_input_submitted(event)

    @work(thread=True, exclusive=True, group="export-names")
    def _read_names(self, folder: str) -> None:
        """The names the audit form will replace (the parser loads: off the event loop)."""
        from assistant.audit.redaction import names_notice

        app = self.app
        try:
            lines = names_notice(self.case, content=app.content)
        except Exception as exc:  # the names cannot be read: nothing may be written blind
            self.app.call_from_thread(
                self._show, f"{self.not_done}: the audit form could not be checked for "
                f"names ({str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__})")
            return
        self.app.call_from_thread(self._names_read, lines, folder)

    def _names_read(self, lines: list[str], folder: str) -> None:
        self.names = lines
        if not lines:  # nothing to confirm: write at once
            self.post_message(Input.Submitted(self.query_one("#folder", Input), folder))
            return
        first, *items = lines
        names = self.query_one("#export-names", Static)
        names.update(f"{first[:1].upper()}{first[1:]}\n" + "\n".join(items))
        names.display = True
        self._show("Nothing is written yet. Enter writes the files with these names "
                   "replaced; Escape goes back to the case.")

    def write(self, folder: Path, force: bool) -> tuple[str, str]:
        from assistant.exporters import FORMATS, export

        content = self.app.content
        notes: list[str] = []
        paths = export(self.case, list(FORMATS), folder, content=content, force=force,
                       with_supervision=self.with_supervision, notes=notes)
        text = f"Written to {folder}:\n" + ", ".join(p.name for p in paths)
        if self.names:
            count = len(self.names) - 1
            text += (f"\nThe audit form has {count} name{'s' if count != 1 else ''} "
                     "replaced (listed above).")
        if notes:
            text += ("\nThe family's plan leaves out text it could not put in plain words; "
                     "add the family's words for these needs:\n"
                     + "\n".join(f"  {note}" for note in notes))
        return text, f"Exported {len(paths)} files to {folder}"
