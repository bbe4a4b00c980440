"""Keep my wording: the coach flagged the answer; the worker keeps it and says why."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from assistant.tui.app import NeedsLedApp


class KeepScreen(ModalScreen[str | None]):
    """Returns the reason, or None if the worker goes back to edit."""

    app = getters.app(NeedsLedApp)

    BINDINGS = [Binding("escape", "edit", "Back to edit", id="keep.edit")]
    #: the reason is kept as a draft (for this wording) until the answer is taken
    draft_scope = "~keep"
    draft_title = "The keep-my-wording dialog"

    def __init__(self, text: str, findings: list[Any]) -> None:
        super().__init__()
        self.text = text
        self.findings = findings

    def compose(self) -> ComposeResult:
        flagged = Text("The coach flagged: ", style="bold")
        flagged.append("; ".join(f"{f.kind}: {f.message}" for f in self.findings))
        with Vertical(id="keep"):
            yield Static(flagged)
            yield Static("Keep your wording? Say why (your supervisor will see it), then Enter.")
            yield Input(placeholder="e.g. agreed with the family in these words", id="reason")
            yield Static("Escape goes back to edit the wording.", classes="dim")
            yield Static("", id="keep-error", classes="error")

    def draft_key(self, widget: Any) -> tuple[str, str] | None:
        return (self.draft_scope, self.text) if widget.id == "reason" else None

    def on_mount(self) -> None:
        self.app.keeper.restore(self)
        self.query_one("#reason", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        reason = event.value.strip()
        if not reason:
            self.query_one("#keep-error", Static).update(
                "Write a reason, or press Escape to edit the wording."
            )
            return
        self.app.keeper.forget_screen(self)
        self.dismiss(reason)

    def action_edit(self) -> None:
        self.dismiss(None)
