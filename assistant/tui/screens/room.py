"""The trainer's view: the room's wording, from participants' audit forms or case files.

The coach reads every need statement (off the UI thread) and the table shows the most
common universal, service and assessment phrasings with their counts, to discuss.
"""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Any

from textual import getters, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Label, Static

from assistant.tui.app import NeedsLedApp
from assistant.tui.widgets.header import Header
from assistant.tui.widgets.status import LABELS, CoachStatus

SUFFIXES = (".json", ".csv")


def expand(paths: list[Path]) -> list[Path]:
    """Files as given; a folder stands for the JSON and CSV files in it (and below)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES
                            and p.is_file())
        else:
            files.append(path)
    return files


class RoomWordingScreen(Screen[None]):
    app = getters.app(NeedsLedApp)

    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="room-wording.back")]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="room"):
            yield Label("Audit forms or case files (files or a folder), or an audit sample "
                        "name, then Enter")
            yield Input(id="room-files", placeholder="e.g. ~/workshop/forms  or  spring-audit")
            yield Static("", id="room-message")
            yield DataTable(id="room-table", zebra_stripes=True, cursor_type="row")
        yield CoachStatus(id="coach-status")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Trainer's view: the room's wording"
        table = self.query_one("#room-table", DataTable)
        table.add_columns("Kind", "Count", "Phrasing", "For example")
        self.query_one("#room-files", Input).focus()

    def _say(self, text: str) -> None:
        self.query_one("#room-message", Static).update(text)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        app = self.app
        if app.coach is None:
            self._say(f"The room's wording needs the wording coach: "
                      f"{LABELS[app.coach_status]}. Try again in a moment.")
            return
        try:
            words = shlex.split(event.value)
        except ValueError as exc:
            self._say(f"Cannot read that: {exc}")
            return
        if not words:
            self._say("Name the files, a folder, or an audit sample.")
            return
        paths = [Path(w).expanduser() for w in words]
        if len(words) == 1 and not paths[0].exists():
            statements = self._sample(words[0])
            if statements is None:
                return
            self._say(f"Reading {len(statements)} need statements…")
            self.read(statements, [])
            return
        missing = [str(p) for p in paths if not p.exists()]
        if missing:
            self._say(f"Not found: {', '.join(missing)}")
            return
        self._say("Reading the files…")
        self.read(None, expand(paths))

    def _sample(self, name: str) -> list[str] | None:
        """The need statements pooled in an audit sample (the database is the UI thread's)."""
        from assistant.audit.repository import AuditStore
        from assistant.store import StoreError

        try:
            audit = AuditStore(self.app.case_store)
            return [row["wording"] for row in audit.needs(audit.sample_id(name))]
        except StoreError as exc:
            self._say(f"'{name}' is neither a file nor a folder, and {exc}")
            return None

    @work(thread=True, exclusive=True, group="room-wording")
    def read(self, statements: list[str] | None, files: list[Path]) -> None:
        from assistant.workshop import room_wording, statements_from_files

        app = self.app
        problems: list[str] = []
        try:
            if statements is None:
                statements, problems = statements_from_files(files)
            rows = room_wording(statements, app.coach)
        except Exception as exc:  # shown in the screen; the trainer can try other files
            app.call_from_thread(self._say, f"Could not read the room's wording: {exc}")
            return
        app.call_from_thread(self._show, len(statements), rows, problems)

    def _show(self, count: int, rows: list[Any], problems: list[str]) -> None:
        table = self.query_one("#room-table", DataTable)
        table.clear()
        for row in rows:
            table.add_row(row.kind, row.count, row.phrase, row.examples[0] if row.examples
                          else "")
        text = f"{count} need statements read; {len(rows)} phrasings to discuss."
        if not rows:
            text += " No universal, service or assessment wording found."
        if problems:
            text += f"\nSkipped ({len(problems)}): " + "; ".join(problems[:3])
            if len(problems) > 3:
                text += f"; … and {len(problems) - 3} more"
        self._say(text)
        table.focus()
